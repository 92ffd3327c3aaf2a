"""The `mbc-sr` command: ingest, stats, demo; one-line errors and exit codes; a fast --help."""

from __future__ import annotations

import subprocess
import sys

import pytest

from mbc_sr.cli import main
from tests.conftest import shared_path


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_help_lists_every_command(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    for command in ("ingest", "stats", "demo"):
        assert command in out
    assert "MBC_SR_DATABASE_URL" in out


def test_help_imports_neither_the_store_nor_the_parser_nor_prefect():
    """--help must answer fast: the CLI module imports only argparse at start-up."""
    code = (
        "import sys, mbc_sr.cli;"
        "heavy = {'sqlalchemy', 'lxml', 'prefect', 'pandas', 'tqdm', 'requests'};"
        "print(sorted(heavy & {m.split('.')[0] for m in sys.modules}))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_ingest_then_stats(capsys, tmp_path):
    database = str(tmp_path / "cli.sqlite")
    quirks = shared_path("pubmed/real_quirks_subset.xml")

    code, out, err = run(capsys, "--db", database, "ingest", "--no-progress", str(quirks))
    assert code == 0, err
    assert "ingested; 22 records" in out and "20 deletions" in out

    code, out, _ = run(capsys, "--db", database, "ingest", "--no-progress", str(quirks))
    assert code == 0 and "unchanged" in out

    code, out, _ = run(capsys, "--db", database, "stats")
    assert code == 0
    assert "record versions: 22" in out  # 30271887 in four versions, all kept
    assert "runs: 1 completed" in out


def test_a_broken_file_is_one_clear_line_and_exit_code_2(capsys, tmp_path):
    page = tmp_path / "efetch.xml"
    page.write_text("<!DOCTYPE html>\n<html><body>502 Bad Gateway</body></html>\n")
    code, out, err = run(capsys, "--db", str(tmp_path / "s.sqlite"), "ingest", "--no-progress", str(page))
    assert code == 2
    lines = err.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("mbc-sr: error: ") and str(page) in lines[0] and "line 2" in lines[0]
    assert "Traceback" not in err


def test_missing_file_and_bad_options_are_usage_errors(capsys, tmp_path):
    code, _, err = run(capsys, "--db", str(tmp_path / "s.sqlite"), "ingest", str(tmp_path / "nope.xml"))
    assert code == 2 and "nope.xml: no such file" in err
    code, _, err = run(capsys, "--db", str(tmp_path / "s.sqlite"), "ingest", "--batch-size", "0", str(tmp_path))
    assert code == 2


def test_a_broken_config_names_the_file_and_key(capsys, tmp_path):
    config = tmp_path / "review.toml"
    config.write_text('[store]\ndatabase_url = 5\n')
    code, _, err = run(capsys, "--config", str(config), "stats")
    assert code == 2
    assert str(config) in err and "store.database_url" in err


def test_unreachable_database_is_a_one_line_failure(capsys):
    code, _, err = run(capsys, "--db", "postgresql://nobody@127.0.0.1:1/none", "stats")
    assert code == 1
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_demo_runs_the_reviews_query_locally_over_the_bundled_slice_offline(capsys, tmp_path):
    code, out, err = run(capsys, "--db", str(tmp_path / "demo.sqlite"), "demo", "--no-progress")
    assert code == 0, err
    assert "880 records" in out and "20 deletions" in out and "3 records match" in out
    assert "PubMed (local search): 3" in out  # the identification count of the source
    assert "PMID 33964572" in out  # alpelisib + everolimus ± exemestane, phase Ib
    assert "automatic term mapping is not reproduced" in out
    assert "National Library of Medicine" in out

"""`mbc-sr export ...` end to end on the hand-built review."""

from __future__ import annotations

import json
import subprocess
import sys

from mbc_sr.cli import main
from tests.report.conftest import decide


def test_export_all_writes_every_output(review_store, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("MBC_SR_OUTPUTS", str(tmp_path / "out"))
    db = str(review_store.url.database)
    assert main(["--db", db, "export", "all", "--out", str(tmp_path / "bundle")]) == 0
    names = {p.name for p in (tmp_path / "bundle").iterdir()}
    assert names == {
        "prisma-counts.json", "PRISMA2020.csv", "prisma-diagram.svg", "prisma-diagram.png", "records.ris",
        "asreview.csv", "search-methods.csv", "search-methods.md",
    }  # fmt: skip
    counts = json.loads((tmp_path / "bundle" / "prisma-counts.json").read_text())
    assert counts["identified"] == 15 and counts["screened"] == 7 and counts["new_studies"] == 1
    assert "| Records screened | 7 |" in capsys.readouterr().out

    assert main(["--db", db, "export", "counts", "--as-of", "run:2"]) == 0
    assert json.loads((tmp_path / "out" / "prisma-counts.json").read_text())["screened"] == 5


def test_an_inconsistent_log_is_a_one_line_error(review_store, capsys):
    decide(review_store, "ft", [("pmid:4", "exclude", "wrong population")])
    assert main(["--db", str(review_store.url.database), "export", "counts"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("mbc-sr: error: PRISMA counts as of") and "assessed 5" in err and err.count("\n") == 1


def test_help_does_not_import_matplotlib():
    code = "import sys; from mbc_sr.cli import build_parser; build_parser(); print('matplotlib' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"

"""`mbc-sr search --dry-run`, `refresh`, `runs`, `replay` against the stand-in."""

from __future__ import annotations

import json
from datetime import date

import pytest

from mbc_sr.cli import main
from tests.sources.eutils.conftest import API_KEY, BROAD_QUERY, no_network


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def review(tmp_path, corpus, standin, monkeypatch):
    """A review config with one saved search, aimed at a stand-in through the environment."""
    server = standin(corpus, today=date(2021, 6, 7), unknown_phrases={"mtor inhibitorz"})
    config = tmp_path / "review.toml"
    config.write_text(
        f"""
[outputs]
dir = "{tmp_path / 'outputs'}"

[eutils]
backoff_base = 0.02
batch_size = 200

[[searches]]
name = "broad"
query = "{BROAD_QUERY}"

[[searches]]
name = "typo"
query = 'breast[tiab] AND "mTOR inhibitorz"[tiab]'
""",
        encoding="utf-8",
    )
    monkeypatch.setenv("NCBI_EUTILS_BASE_URL", server.base_url)
    monkeypatch.setenv("NCBI_API_KEY", API_KEY)
    return server, ["--config", str(config), "--db", str(tmp_path / "review.sqlite")]


def test_search_dry_run_prints_count_and_translation_in_one_request(capsys, review):
    server, options = review
    code, out, err = run(capsys, *options, "search", "--search", "broad", "--dry-run")
    assert code == 0, err
    assert "Count: 562" in out
    assert 'QueryTranslation: "breast"[Title/Abstract] OR "everolimus"[Title/Abstract]' in out
    assert len(server.seen) == 1


def test_refresh_runs_and_replay(capsys, review, tmp_path, monkeypatch):
    server, options = review
    code, out, err = run(capsys, *options, "refresh", "--search", "broad", "--no-progress", "--through", "2021-06-04")
    assert code == 0, err
    assert "broad: run 1, Create Date start..2021-06-04" in out and "368 fetched (368 new records" in out

    code, out, err = run(capsys, *options, "refresh", "--search", "broad", "--no-progress", "--through", "2021-06-07")
    assert code == 0, err
    assert "broad: run 2, Create Date 2021-05-28..2021-06-07" in out

    code, out, _ = run(capsys, *options, "runs")
    assert code == 0
    lines = out.splitlines()
    assert len(lines) == 3 and " search " in lines[1] and "completed" in lines[2]
    assert "broad 2021-05-28..2021-06-07" in lines[2]

    code, out, _ = run(capsys, *options, "runs", "--show", "2")
    shown = json.loads(out)
    assert shown["manifest"]["search"]["name"] == "broad"
    assert shown["manifest"]["window"]["end"] == "2021-06-07"
    assert API_KEY not in out

    no_network(monkeypatch)
    into = tmp_path / "replayed.sqlite"
    code, out, err = run(capsys, *options, "replay", "1", "--into", str(into))
    assert code == 0, err
    assert "368 records" in out and "matches the manifest" in out


def test_phrase_not_found_is_one_line_and_exit_code_2(capsys, review):
    _, options = review
    code, out, err = run(capsys, *options, "refresh", "--search", "typo", "--no-progress", "--through", "2021-06-07")
    assert code == 2
    assert err.count("\n") == 1 and "PhraseNotFound: 'mTOR inhibitorz'" in err


def test_a_config_error_names_the_file_and_the_key(capsys, tmp_path):
    config = tmp_path / "bad.toml"
    config.write_text('[eutils]\nread_timeout = "slow"\n\n[[searches]]\nname = "x"\nquery = "y"\n', encoding="utf-8")
    code, _, err = run(capsys, "--config", str(config), "--db", str(tmp_path / "s.sqlite"), "search", "--dry-run")
    assert code == 2
    assert str(config) in err and "eutils.read_timeout" in err

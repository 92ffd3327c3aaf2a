"""The review config: precedence flag > environment > file > default; errors name file and key."""

from __future__ import annotations

from pathlib import Path

import pytest

from mbc_sr.config import ConfigError, load_config

REPO = Path(__file__).resolve().parents[1]


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "review.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_shipped_config_loads_and_holds_the_review_search():
    config = load_config(REPO / "config" / "review.toml")
    search = config.search("pubmed-mtor-mbc")
    assert search.database == "pubmed"
    assert "\n" not in search.query and "  " not in search.query  # the exact string sent
    for term in ("everolimus", "temsirolimus", "ridaforolimus", '"Breast Neoplasms"[mh]', "metasta*"):
        assert term in search.query


def test_database_url_precedence(tmp_path, monkeypatch):
    config = load_config(write(tmp_path, '[store]\ndatabase_url = "from-file.sqlite"\n'))
    monkeypatch.delenv("MBC_SR_DATABASE_URL", raising=False)
    assert config.resolved_database_url() == "from-file.sqlite"
    monkeypatch.setenv("MBC_SR_DATABASE_URL", "from-env.sqlite")
    assert config.resolved_database_url() == "from-env.sqlite"
    assert config.resolved_database_url("from-flag.sqlite") == "from-flag.sqlite"


def test_default_store_is_sqlite_under_outputs(tmp_path, monkeypatch):
    monkeypatch.delenv("MBC_SR_DATABASE_URL", raising=False)
    monkeypatch.delenv("MBC_SR_OUTPUTS", raising=False)
    config = load_config(write(tmp_path, "[review]\ntitle = 'x'\n"))
    assert config.resolved_database_url() == str(Path("outputs") / "mbc-sr.sqlite")


def test_missing_explicit_config_is_an_error(tmp_path):
    with pytest.raises(ConfigError, match="nope.toml: config file not found"):
        load_config(tmp_path / "nope.toml")


def test_no_config_file_at_all_gives_defaults(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("MBC_SR_CONFIG", raising=False)
    assert load_config().searches == ()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[store\n", "not valid TOML"),
        ("store = 3\n", r"\[store\] must be a table"),
        ("[store]\ndatabase_url = 3\n", "store.database_url must be a str"),
        ("[[searches]]\nname = 'a'\n", r"searches\[0\]\.query is required"),
        ("[[searches]]\nname = 'a'\nquery = 'x'\n[[searches]]\nname = 'a'\nquery = 'y'\n", "repeated: a"),
    ],
)
def test_config_errors_name_the_file_and_the_key(tmp_path, text, message):
    path = write(tmp_path, text)
    with pytest.raises(ConfigError, match=message) as caught:
        load_config(path)
    assert str(path) in str(caught.value)


def test_unknown_search_names_the_known_ones(tmp_path):
    config = load_config(write(tmp_path, "[[searches]]\nname = 'a'\nquery = 'x'\n"))
    with pytest.raises(ConfigError, match=r"no search named 'b' \(known: a\)"):
        config.search("b")

"""The [eutils] config table: checked, with errors naming the file and the key; the key only from the environment."""

from __future__ import annotations

from pathlib import Path

import pytest

from mbc_sr.config import ConfigError, load_config
from mbc_sr.sources.eutils.settings import DEFAULT_BASE_URL, load_settings

REPO = Path(__file__).resolve().parents[3]


def config_with(tmp_path: Path, table: str):
    path = tmp_path / "review.toml"
    path.write_text(f"[eutils]\n{table}\n", encoding="utf-8")
    return load_config(path)


def test_the_review_config_loads(tmp_path):
    settings = load_settings(load_config(REPO / "config" / "review.toml"), env={})
    assert settings.base_url == DEFAULT_BASE_URL
    assert 200 <= settings.batch_size <= 500
    assert settings.overlap_days == 7
    assert settings.api_key is None


def test_environment_overrides_the_file(tmp_path):
    config = config_with(tmp_path, 'base_url = "https://mirror.example/eutils/"\nemail = "a@example.org"')
    env = {"NCBI_EUTILS_BASE_URL": "http://127.0.0.1:8080/eutils/", "NCBI_EMAIL": "b@example.org", "NCBI_API_KEY": "0123456789abcdef0123456789abcdef0123"}
    settings = load_settings(config, env=env)
    assert settings.base_url == "http://127.0.0.1:8080/eutils/"
    assert settings.email == "b@example.org"
    assert settings.api_key == "0123456789abcdef0123456789abcdef0123"
    assert "0123456789abcdef" not in repr(settings) and "0123456789abcdef" not in str(settings.public())


def test_a_key_too_short_to_redact_safely_is_refused(tmp_path):
    """Every body is scrubbed of the key before it is archived: a key like "ab" would match
    ordinary text and mangle the records, so it is refused up front."""
    with pytest.raises(ConfigError, match="NCBI_API_KEY does not look like an NCBI API key"):
        load_settings(config_with(tmp_path, ""), env={"NCBI_API_KEY": "ab"})


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ('read_timeout = "slow"', r"eutils\.read_timeout must be a int or float"),
        ("read_timeout = -1", r"eutils\.read_timeout must be greater than 0"),
        ("batch_size = 0", r"eutils\.batch_size must be between 1 and 10000"),
        ('base_url = "eutils.ncbi.nlm.nih.gov"', r"eutils\.base_url must be an http"),
        ("overlap_days = -2", r"eutils\.overlap_days must not be negative"),
        ("retries = 3", r"eutils\.retries is not a known setting"),
        ('api_key = "abc"', r"eutils\.api_key must not be in the config file.*NCBI_API_KEY"),
        ("allow_missing_phrases = [1]", r"eutils\.allow_missing_phrases must be a list of non-empty strings"),
    ],
)
def test_config_errors_name_the_file_and_the_key(tmp_path, table, message):
    config = config_with(tmp_path, table)
    with pytest.raises(ConfigError, match=message) as caught:
        load_settings(config, env={})
    assert str(tmp_path / "review.toml") in str(caught.value)


def test_a_bad_environment_value_names_the_variable(tmp_path):
    with pytest.raises(ConfigError, match="NCBI_EUTILS_BASE_URL"):
        load_settings(config_with(tmp_path, ""), env={"NCBI_EUTILS_BASE_URL": "ftp://x"})


def test_archive_defaults_under_the_outputs_dir(tmp_path):
    path = tmp_path / "review.toml"
    path.write_text('[outputs]\ndir = "elsewhere"\n', encoding="utf-8")
    assert load_settings(load_config(path), env={}).archive_dir == Path("elsewhere") / "eutils-archive"

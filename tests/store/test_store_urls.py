"""Where the store lives: argument > $MBC_SR_DATABASE_URL > ./outputs/mbc-sr.sqlite."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from mbc_sr.store import ENV_VAR, open_store, resolve_url


def test_an_explicit_argument_wins_over_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv(ENV_VAR, "postgresql://someone@db.example/review")
    url = resolve_url(tmp_path / "mine.sqlite")
    assert url.get_backend_name() == "sqlite"
    assert url.database == str((tmp_path / "mine.sqlite").resolve())


def test_the_environment_wins_over_the_default(monkeypatch):
    monkeypatch.setenv(ENV_VAR, "postgresql://someone@db.example/review")
    assert resolve_url().drivername == "postgresql+psycopg"


def test_without_argument_or_environment_the_store_is_outputs_sqlite_under_the_current_directory(
    monkeypatch, tmp_path
):
    monkeypatch.delenv(ENV_VAR, raising=False)
    monkeypatch.chdir(tmp_path)
    store = open_store()
    try:
        assert Path(store.url.database) == (tmp_path / "outputs" / "mbc-sr.sqlite").resolve()
        assert (tmp_path / "outputs" / "mbc-sr.sqlite").exists()
    finally:
        store.close()


def test_a_plain_path_means_sqlite_and_its_directory_is_created(tmp_path):
    store = open_store(str(tmp_path / "deep" / "er" / "review.sqlite"))
    try:
        assert store.url.get_backend_name() == "sqlite"
        assert (tmp_path / "deep" / "er" / "review.sqlite").exists()
    finally:
        store.close()


def test_postgresql_urls_use_the_psycopg3_driver():
    assert resolve_url("postgresql://u@h:5432/db").drivername == "postgresql+psycopg"
    assert resolve_url("postgres://u@h/db").drivername == "postgresql+psycopg"
    assert resolve_url("postgresql+psycopg://u@h/db").drivername == "postgresql+psycopg"


def test_sqlite_connections_use_wal_foreign_keys_and_a_busy_timeout(tmp_path):
    store = open_store(tmp_path / "s.sqlite")
    try:
        with store.engine.connect() as connection:
            assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
            assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
            assert connection.execute(text("PRAGMA busy_timeout")).scalar() >= 1000
    finally:
        store.close()


def test_other_database_backends_are_refused_naming_the_backend_and_hiding_the_password():
    with pytest.raises(ValueError, match="supports SQLite and PostgreSQL, not mysql") as caught:
        resolve_url("mysql://user:secret@127.0.0.1/review")
    assert "secret" not in str(caught.value)

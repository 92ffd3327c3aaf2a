"""Fixtures for the store and ingest tests: every store test runs on SQLite and on PostgreSQL.

PostgreSQL: the server at $MBC_SR_TEST_POSTGRES_URL (default
postgresql://postgres@127.0.0.1:5432/test). Each test gets a fresh schema, selected through
the connection's search_path, and drops it afterwards, so tests never see each other's rows.
When the server does not answer the PostgreSQL variants are skipped — unless $CI is set,
where a missing server is a failure (CI must test both backends).

Real PubMed data is read from `../shared/data` beside the repository (tests/conftest.py):
absent data skips the test locally and fails it on CI.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, select, text
from sqlalchemy.engine import URL

from mbc_sr.store import Store, open_store, resolve_url, schema
from tests.conftest import shared_path

POSTGRES_ENV = "MBC_SR_TEST_POSTGRES_URL"
POSTGRES_DEFAULT = "postgresql://postgres@127.0.0.1:5432/test"


def _on_ci() -> bool:
    return bool(os.environ.get("CI"))


@pytest.fixture
def pubmed_file() -> Callable[[str], Path]:
    """`pubmed_file(name)`: a file from ../shared/data/pubmed; skips (fails on CI) when absent."""
    return lambda name: shared_path(Path("pubmed") / name)


# --------------------------------------------------------------------------- backends


@pytest.fixture(scope="session")
def postgres_url() -> URL:
    """The test server's URL, checked once per session."""
    url = resolve_url(os.environ.get(POSTGRES_ENV, POSTGRES_DEFAULT))
    engine = create_engine(url, connect_args={"connect_timeout": 3})
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except Exception as exc:  # noqa: BLE001 - any failure to connect means "no server"
        message = f"PostgreSQL at {url.render_as_string(hide_password=True)} does not answer ({type(exc).__name__}: {exc})"
        if _on_ci():
            pytest.fail(message)
        pytest.skip(message)
    finally:
        engine.dispose()
    return url


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def backend(request) -> str:
    return request.param


@pytest.fixture
def make_store_url(backend: str, request, tmp_path: Path) -> Iterator[Callable[[], URL]]:
    """A factory of fresh, empty databases on the test's backend (a tmp file / a new schema)."""
    schemas: list[str] = []
    admin = None
    if backend == "postgres":
        base: URL = request.getfixturevalue("postgres_url")
        admin = create_engine(base)

    def make() -> URL:
        if backend == "sqlite":
            return URL.create("sqlite", database=str(tmp_path / f"store-{uuid.uuid4().hex[:8]}.sqlite"))
        name = f"t_{uuid.uuid4().hex[:16]}"
        with admin.begin() as connection:
            connection.execute(text(f'CREATE SCHEMA "{name}"'))
        schemas.append(name)
        return base.update_query_dict({"options": f"-csearch_path={name}"})

    yield make
    if admin is not None:
        with admin.begin() as connection:
            for name in schemas:
                connection.execute(text(f'DROP SCHEMA IF EXISTS "{name}" CASCADE'))
        admin.dispose()


@pytest.fixture
def store_url(make_store_url: Callable[[], URL]) -> URL:
    return make_store_url()


@pytest.fixture
def make_store(make_store_url: Callable[[], URL]) -> Iterator[Callable[[], Store]]:
    """A factory of fresh stores, closed after the test."""
    opened: list[Store] = []

    def make() -> Store:
        opened.append(open_store(make_store_url()))
        return opened[-1]

    yield make
    for store in opened:
        store.close()


@pytest.fixture
def store(make_store: Callable[[], Store]) -> Store:
    return make_store()


# --------------------------------------------------------------------------- comparing stores


def _dump_tables(
    store: Store, tables=schema.DATA_TABLES, *, with_timestamps: bool = True
) -> dict[str, list[tuple]]:
    """Every row of `tables`, sorted, as plain tuples: two stores (or one store at two moments)
    hold the same data exactly when their dumps are equal. Without timestamps, stores filled
    at different times compare equal when they hold the same facts; that also leaves out the
    surrogate key of record_versions, which nothing references and which a rolled-back
    transaction advances on PostgreSQL (sequences are not transactional)."""
    dump: dict[str, list[tuple]] = {}
    with store.engine.connect() as connection:
        for table in tables:
            columns = [
                c
                for c in table.c
                if with_timestamps or not (c.name.endswith("_at") or c is schema.record_versions.c.id)
            ]
            rows = connection.execute(select(*columns))
            dump[table.name] = sorted((tuple(row) for row in rows), key=repr)
    return dump


@pytest.fixture
def dump_tables() -> Callable[..., dict[str, list[tuple]]]:
    """`dump_tables(store, tables=all, with_timestamps=True)`: sorted rows per table, for equality checks."""
    return _dump_tables

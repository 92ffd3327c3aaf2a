"""The schema is versioned: migrations apply once, in order, each whole or not at all."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest
from sqlalchemy import inspect, insert, select, text

from mbc_sr.store import SchemaVersionError, migrate, open_store, schema
from mbc_sr.store.engine import create_store_engine
from mbc_sr.store.migrations import MIGRATIONS, Migration, current_version, latest_version


def _applied(engine) -> list[tuple[int, str]]:
    with engine.connect() as connection:
        rows = connection.execute(select(schema.schema_migrations.c.version, schema.schema_migrations.c.name))
        return sorted(tuple(row) for row in rows)


def test_a_fresh_database_is_migrated_to_the_latest_version(store_url):
    engine = create_store_engine(store_url)
    try:
        assert migrate(engine) == [m.version for m in MIGRATIONS]
        assert _applied(engine) == [(m.version, m.name) for m in MIGRATIONS]
        tables = set(inspect(engine).get_table_names())
        assert {t.name for t in schema.DATA_TABLES} | {"schema_migrations"} <= tables
    finally:
        engine.dispose()


def test_migrating_again_applies_nothing(store_url):
    open_store(store_url).close()
    engine = create_store_engine(store_url)
    try:
        before = _applied(engine)
        assert migrate(engine) == []
        assert _applied(engine) == before
    finally:
        engine.dispose()


def test_opening_a_database_newer_than_the_code_is_a_clear_error(store_url):
    open_store(store_url).close()
    engine = create_store_engine(store_url)
    future = latest_version() + 1
    with engine.begin() as connection:
        connection.execute(
            insert(schema.schema_migrations).values(
                version=future, name="from the future", applied_at=datetime.now(timezone.utc)
            )
        )
    engine.dispose()
    with pytest.raises(SchemaVersionError, match=rf"schema version {future}.*knows versions up to {latest_version()}"):
        open_store(store_url)


def test_a_failing_migration_leaves_the_database_at_the_previous_version(store_url):
    open_store(store_url).close()

    def half_done(connection):
        connection.execute(text("CREATE TABLE half_done (id INTEGER PRIMARY KEY)"))
        raise RuntimeError("migration bug")

    engine = create_store_engine(store_url)
    try:
        with pytest.raises(RuntimeError, match="migration bug"):
            migrate(engine, [*MIGRATIONS, Migration(len(MIGRATIONS) + 1, "broken", half_done)])
        with engine.connect() as connection:
            assert current_version(connection) == latest_version()
        assert "half_done" not in inspect(engine).get_table_names()
    finally:
        engine.dispose()


def test_migrated_schema_matches_the_schema_module(store_url):
    """Migration 1 builds from schema.py: when a later migration changes a table, this fails
    until migration 1 is frozen at its own version's shape (see migrations.py)."""
    engine = create_store_engine(store_url)
    try:
        migrate(engine)
        inspector = inspect(engine)
        for table in (*schema.DATA_TABLES, schema.schema_migrations):
            columns = {column["name"] for column in inspector.get_columns(table.name)}
            assert columns == {column.name for column in table.c}, table.name
        indexed = {tuple(index["column_names"]) for index in inspector.get_indexes("records")}
        assert {("pmid",), ("doi",), ("pmcid",)} <= indexed
    finally:
        engine.dispose()

"""Versioned schema: an ordered list of migrations and `migrate(engine)`.

A review's database outlives many versions of this code, so the schema is never changed by
hand or by `create_all` on open: every change is a numbered migration, recorded in
`schema_migrations` when applied. `migrate` applies the pending ones in order, each in its
own transaction (a failed migration leaves the database at the previous version, not half
way), and refuses a database whose version is newer than this code knows — an older
mbc-sr writing into a newer schema could silently drop what it does not understand.

Adding a migration: append `Migration(n + 1, "what it does", function)` and change
`schema.py` to the resulting shape. Migration 1 builds the tables from `schema.py`; the
test `test_migrated_schema_matches_the_schema_module` fails if a later migration's change is
already in `schema.py` when migration 1 runs, which is the moment to freeze migration 1's
table definitions as they were at version 1.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone

from sqlalchemy import Connection, Engine, func, insert, select

from mbc_sr.store import schema
from mbc_sr.store.engine import write_transaction


class SchemaVersionError(RuntimeError):
    """The database's schema is newer than this code (or otherwise not one it can use)."""


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    name: str
    apply: Callable[[Connection], None]


def _initial_tables(connection: Connection) -> None:
    schema.metadata.create_all(connection, tables=list(schema.INITIAL_TABLES))


def _eutils_tables(connection: Connection) -> None:
    schema.metadata.create_all(connection, tables=list(schema.EUTILS_TABLES))


def _screen_tables(connection: Connection) -> None:
    schema.metadata.create_all(connection, tables=list(schema.SCREEN_TABLES))


def _dedup_tables(connection: Connection) -> None:
    schema.metadata.create_all(connection, tables=list(schema.DEDUP_TABLES))


MIGRATIONS: Sequence[Migration] = (
    Migration(1, "initial tables: sources, runs, records, record_versions, record_hits, deletions", _initial_tables),
    Migration(2, "E-utilities searches: search_windows, archive_files, record_flags", _eutils_tables),
    Migration(3, "screening: screen_batches, screen_decisions (append-only decision log)", _screen_tables),
    Migration(4, "deduplication: dedup_runs, dedup_clusters, dedup_merges, dedup_review, study_links", _dedup_tables),
)


def latest_version(migrations: Sequence[Migration] | None = None) -> int:
    migrations = MIGRATIONS if migrations is None else migrations
    return migrations[-1].version if migrations else 0


def current_version(connection: Connection) -> int:
    """The highest applied migration (0 for a database without `schema_migrations`)."""
    if not connection.dialect.has_table(connection, schema.schema_migrations.name):
        return 0
    return connection.execute(select(func.max(schema.schema_migrations.c.version))).scalar() or 0


def migrate(engine: Engine, migrations: Sequence[Migration] | None = None) -> list[int]:
    """Bring the database to the latest schema version; return the versions applied now.

    Raises `SchemaVersionError` when the database is at a version this code does not know.
    """
    migrations = MIGRATIONS if migrations is None else migrations
    _check_numbering(migrations)
    known = latest_version(migrations)
    with write_transaction(engine, exclusive=True) as connection:
        schema.schema_migrations.create(connection, checkfirst=True)
        version = current_version(connection)
    if version > known:
        raise SchemaVersionError(_too_new(engine, version, known))
    applied: list[int] = []
    for migration in migrations[version:]:
        with write_transaction(engine, exclusive=True) as connection:
            if current_version(connection) >= migration.version:
                continue  # another process applied it while we waited for the lock
            migration.apply(connection)
            connection.execute(
                insert(schema.schema_migrations).values(
                    version=migration.version, name=migration.name, applied_at=datetime.now(timezone.utc)
                )
            )
        applied.append(migration.version)
    return applied


def _too_new(engine: Engine, version: int, known: int) -> str:
    where = engine.url.render_as_string(hide_password=True)
    return (
        f"the database {where} is at schema version {version}, but this mbc-sr knows versions "
        f"up to {known}: upgrade mbc-sr to use it (it was written by a newer version)"
    )


def _check_numbering(migrations: Sequence[Migration]) -> None:
    expected = list(range(1, len(migrations) + 1))
    if [m.version for m in migrations] != expected:
        raise SchemaVersionError(f"migrations must be numbered 1..n without gaps, got {[m.version for m in migrations]}")

"""Where the store lives: database URL resolution and engine set-up.

One rule for every caller (CLI, flows, tests): an explicit URL or path wins, then the
environment variable `MBC_SR_DATABASE_URL`, then the default SQLite file
`outputs/mbc-sr.sqlite` under the current directory. A plain filesystem path means SQLite,
so `mbc-sr --db review.sqlite` needs no URL syntax.

PostgreSQL URLs are pinned to the psycopg 3 driver (`postgresql+psycopg://`), the only
PostgreSQL driver the project depends on; SQLAlchemy's default for a bare `postgresql://`
would be psycopg2, which is not installed.

SQLite connections are set up for a store that several processes may touch (a CLI run
while a scheduled flow ingests): WAL journal (readers never block the writer), foreign
keys on (SQLite ignores them otherwise), a busy timeout (wait for a lock instead of failing
at once), and real transactions around DDL too (the pysqlite driver's legacy mode would
autocommit each `CREATE TABLE`, which would break "each migration in its own transaction").
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.pool import StaticPool

ENV_VAR = "MBC_SR_DATABASE_URL"
DEFAULT_PATH = Path("outputs") / "mbc-sr.sqlite"
SQLITE_BUSY_TIMEOUT_MS = 30_000

#: execution option a connection sets to open its transactions with BEGIN IMMEDIATE (SQLite);
#: a write transaction that starts with a read and later writes would otherwise fail with
#: "database is locked" (no busy wait) when another writer got in between.
SQLITE_BEGIN_OPTION = "mbc_sr_sqlite_begin"


def resolve_url(url_or_path: str | os.PathLike[str] | URL | None = None) -> URL:
    """The database URL to use: argument > $MBC_SR_DATABASE_URL > ./outputs/mbc-sr.sqlite."""
    raw: str | os.PathLike[str] | URL | None = url_or_path
    if isinstance(raw, URL):
        raw = raw.render_as_string(hide_password=False)
    if raw is None or raw == "":
        raw = os.environ.get(ENV_VAR) or None
    if raw is None:
        raw = Path.cwd() / DEFAULT_PATH
    if isinstance(raw, os.PathLike) or "://" not in str(raw):
        path = Path(raw).expanduser()
        return URL.create("sqlite", database=str(path.resolve()))
    url = make_url(str(raw))
    if url.drivername in ("postgresql", "postgres"):
        url = url.set(drivername="postgresql+psycopg")
    if url.get_backend_name() not in ("sqlite", "postgresql"):
        raise ValueError(
            f"store URL {url.render_as_string(hide_password=True)}: the store supports SQLite and PostgreSQL, "
            f"not {url.get_backend_name()}"
        )
    return url


def create_store_engine(url_or_path: str | os.PathLike[str] | URL | None = None) -> Engine:
    """An Engine for the resolved URL, with the SQLite connection set-up described above."""
    url = resolve_url(url_or_path)
    if url.get_backend_name() != "sqlite":
        return create_engine(url, pool_pre_ping=True)

    database = url.database or ""
    in_memory = database in ("", ":memory:") or database.startswith("file::memory:")
    if in_memory:
        # one connection shared by everything, or each connection would see its own empty db
        engine = create_engine(url, poolclass=StaticPool, connect_args={"check_same_thread": False})
    else:
        Path(database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url)
    _configure_sqlite(engine, wal=not in_memory)
    return engine


def _configure_sqlite(engine: Engine, *, wal: bool) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:  # pragma: no cover - exercised via engine
        # take transaction control away from the driver; the "begin" hook below emits BEGIN
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            if wal:
                cursor.execute("PRAGMA journal_mode=WAL")
                # with WAL, NORMAL never corrupts and keeps every committed batch across an
                # application crash; only an OS crash/power cut may lose the last commits
                cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection) -> None:  # pragma: no cover - exercised via engine
        begin = connection.get_execution_options().get(SQLITE_BEGIN_OPTION, "BEGIN")
        connection.exec_driver_sql(begin)


# an arbitrary constant key for PostgreSQL's advisory lock taken by exclusive transactions
# (migrations): two processes opening a fresh database at once must not both run migration 1
_PG_LOCK_KEY = 0x6D62_6373


@contextmanager
def write_transaction(engine: Engine, *, exclusive: bool = False) -> Iterator[Connection]:
    """A connection inside a transaction meant to write; committed on success, rolled back on error.

    On SQLite it starts with BEGIN IMMEDIATE, taking the write lock up front (waiting up to the
    busy timeout) so that a read-then-write transaction cannot fail half way for want of it.
    `exclusive` also serialises such transactions on PostgreSQL (an advisory lock).
    """
    with engine.connect().execution_options(**{SQLITE_BEGIN_OPTION: "BEGIN IMMEDIATE"}) as connection:
        with connection.begin():
            if exclusive and connection.dialect.name == "postgresql":
                connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_LOCK_KEY})
            yield connection

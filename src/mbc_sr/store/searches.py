"""Store calls for live searches: date windows, archived bodies, record flags, known PMIDs.

Kept apart from `api.py` (records and runs) because only the E-utilities source uses them.
Each call is one short transaction, like the rest of the store API.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timezone

from sqlalchemy import select, update

from mbc_sr.records import Record, record_from_dict
from mbc_sr.store import schema
from mbc_sr.store.api import Store, StoreError
from mbc_sr.store.apply import IN_CHUNK, dialect_insert
from mbc_sr.store.engine import write_transaction

__all__ = [
    "FlagRow",
    "SearchWindow",
    "add_hits",
    "archive_files",
    "current_records",
    "known_pmids",
    "last_completed_window",
    "record_archive_files",
    "record_flags",
    "record_search_window",
    "reopen_run",
    "stored_flags",
]


@dataclass(frozen=True, slots=True)
class SearchWindow:
    run_id: int
    search_name: str
    query_sha256: str
    datetype: str
    start: date | None
    end: date
    full_search: bool
    hit_count: int | None


@dataclass(frozen=True, slots=True)
class FlagRow:
    record_key: str
    flag: str
    detail: str
    first_seen: bool
    run_id: int


def _now() -> datetime:
    return datetime.now(timezone.utc)


def _chunks(values: Sequence[str]) -> Iterable[list[str]]:
    values = list(values)
    for begin in range(0, len(values), IN_CHUNK):
        yield values[begin : begin + IN_CHUNK]


# --------------------------------------------------------------------------- windows


def record_search_window(
    store: Store,
    run_id: int,
    *,
    search_name: str,
    query_sha256: str,
    datetype: str,
    start: date | None,
    end: date,
    full_search: bool,
    hit_count: int | None,
) -> None:
    """Say which saved search and date window run `run_id` covers (replaces an earlier note)."""
    table = schema.search_windows
    values = {
        "run_id": run_id,
        "search_name": search_name,
        "query_sha256": query_sha256,
        "datetype": datetype,
        "window_start": start.isoformat() if start else None,
        "window_end": end.isoformat(),
        "full_search": full_search,
        "hit_count": hit_count,
    }
    with write_transaction(store.engine) as connection:
        statement = dialect_insert(connection, table).values(**values)
        connection.execute(
            statement.on_conflict_do_update(
                index_elements=[table.c.run_id], set_={k: v for k, v in values.items() if k != "run_id"}
            )
        )


def last_completed_window(store: Store, search_name: str, query_sha256: str) -> SearchWindow | None:
    """The latest-ending window of a *completed* run of this saved search with this exact query
    (a changed query starts afresh: its earlier windows say nothing about the new query)."""
    w, r = schema.search_windows.c, schema.runs.c
    query = (
        select(schema.search_windows)
        .join(schema.runs, r.id == w.run_id)
        .where(w.search_name == search_name, w.query_sha256 == query_sha256, r.status == "completed")
        .order_by(w.window_end.desc(), w.run_id.desc())
        .limit(1)
    )
    with store.engine.connect() as connection:
        row = connection.execute(query).one_or_none()
    if row is None:
        return None
    return SearchWindow(
        run_id=row.run_id,
        search_name=row.search_name,
        query_sha256=row.query_sha256,
        datetype=row.datetype,
        start=date.fromisoformat(row.window_start) if row.window_start else None,
        end=date.fromisoformat(row.window_end),
        full_search=bool(row.full_search),
        hit_count=row.hit_count,
    )


# --------------------------------------------------------------------------- archive


def record_archive_files(store: Store, run_id: int, files: Iterable[dict]) -> None:
    """Note the archived bodies of a run: dicts with seq, endpoint, sha256, bytes, outcome."""
    rows = [{"run_id": run_id, **{k: f[k] for k in ("seq", "endpoint", "sha256", "bytes", "outcome")}} for f in files]
    if not rows:
        return
    with write_transaction(store.engine) as connection:
        connection.execute(dialect_insert(connection, schema.archive_files).on_conflict_do_nothing(), rows)


def archive_files(store: Store, run_id: int) -> list[dict]:
    a = schema.archive_files.c
    with store.engine.connect() as connection:
        rows = connection.execute(select(schema.archive_files).where(a.run_id == run_id).order_by(a.seq))
        return [dict(row._mapping) for row in rows]


# --------------------------------------------------------------------------- records


def known_pmids(store: Store, pmids: Iterable[str]) -> set[str]:
    """Those of `pmids` the store holds a PubMed record for (from any source, deleted or not)."""
    r = schema.records.c
    keys = sorted({f"pmid:{pmid}" for pmid in pmids})
    found: set[str] = set()
    with store.engine.connect() as connection:
        for chunk in _chunks(keys):
            found.update(connection.execute(select(r.pmid).where(r.record_key.in_(chunk))).scalars())
    return found


def current_records(store: Store, keys: Iterable[str]) -> dict[str, Record]:
    """The current stored version of each of `keys` that the store holds."""
    r = schema.records.c
    found: dict[str, Record] = {}
    with store.engine.connect() as connection:
        for chunk in _chunks(sorted(set(keys))):
            for key, content in connection.execute(select(r.record_key, r.content).where(r.record_key.in_(chunk))):
                found[key] = record_from_dict(json.loads(content))
    return found


def add_hits(store: Store, run_id: int, source: str, keys: Iterable[str]) -> int:
    """Record that run `run_id` (of `source`) found these stored records; return how many.

    A refresh does not re-fetch records the store already holds, but the search still
    found them: PRISMA's identification counts need the hit."""
    keys = sorted(set(keys))
    if not keys:
        return 0
    with write_transaction(store.engine) as connection:
        source_id = Store._source_id(connection, source)
        connection.execute(
            dialect_insert(connection, schema.record_hits).on_conflict_do_nothing(),
            [{"run_id": run_id, "record_key": key, "source_id": source_id} for key in keys],
        )
    return len(keys)


# --------------------------------------------------------------------------- flags


def record_flags(store: Store, run_id: int, flags: Iterable[tuple[str, str, str, bool]]) -> int:
    """Store flags (record_key, flag, detail, first_seen); a flag already stored is kept as it
    was (it names the run that first saw it). Returns the number of rows offered."""
    now = _now()
    rows = [
        {"record_key": key, "flag": flag, "detail": detail, "first_seen": first_seen, "run_id": run_id, "flagged_at": now}
        for key, flag, detail, first_seen in flags
    ]
    if rows:
        with write_transaction(store.engine) as connection:
            connection.execute(dialect_insert(connection, schema.record_flags).on_conflict_do_nothing(), rows)
    return len(rows)


def stored_flags(store: Store, *, run_id: int | None = None, record_key: str | None = None) -> list[FlagRow]:
    f = schema.record_flags.c
    query = select(f.record_key, f.flag, f.detail, f.first_seen, f.run_id).order_by(f.id)
    if run_id is not None:
        query = query.where(f.run_id == run_id)
    if record_key is not None:
        query = query.where(f.record_key == record_key)
    with store.engine.connect() as connection:
        return [FlagRow(row.record_key, row.flag, row.detail, bool(row.first_seen), row.run_id) for row in connection.execute(query)]


# --------------------------------------------------------------------------- runs


def reopen_run(store: Store, run_id: int) -> None:
    """Set a failed run running again (a retried task continues the run it started)."""
    runs = schema.runs
    with write_transaction(store.engine) as connection:
        status = connection.execute(select(runs.c.status).where(runs.c.id == run_id)).scalar_one_or_none()
        if status is None:
            raise StoreError(f"no run {run_id}")
        if status == "completed":
            raise StoreError(f"run {run_id} is completed: it cannot be reopened")
        connection.execute(update(runs).where(runs.c.id == run_id).values(status="running", error=None, finished_at=None))

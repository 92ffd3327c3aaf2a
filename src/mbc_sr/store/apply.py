"""Applying a batch of records and deletions to the store: the version rules.

Rules, applied to the items in document order (a PubMed file may carry the same PMID
several times — PMID 30271887 comes as versions 1, 2, 3 and 4 in one update file):

1. Every version is kept. A record version (record key + sha256 of its raw XML) not seen
   before is added to `record_versions`, whether or not it becomes current.
2. An incoming version replaces the current one when its (PMID version, DateRevised) is
   newer, or equal with a different hash: PubMed update files re-deliver revised records
   under the same version number, and the later delivery wins.
3. An older version never overwrites a newer current one (it is only kept, rule 1).
4. The same hash as the current version changes nothing, so re-ingesting a file leaves
   records and versions as they were (only the run's own hit rows are added).
5. A `Deletion` marks the stored record deleted (deleted=True, deleted_run_id) and never
   removes a row; it is recorded in `deletions` even when the PMID is not stored. A later
   record that replaces the current one (rule 2) un-deletes it: last event wins. A
   re-delivery of the deleted version itself (same hash) does not: it says nothing new.
   The deletion applies to the PMID, whatever version it names (the version is recorded).

Replaying items already applied gives the same state (the ingest stage relies on this when
it resumes a run): the winner among equal versions is always the last delivered one, and
a replayed prefix is followed by the same items it was followed by the first time.

Cost: two SELECT ... IN queries for the batch's keys (current rows, known version hashes),
then one executemany per table; the caller runs it all in one transaction.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, Table, bindparam, select, update

from mbc_sr.records import Deletion
from mbc_sr.store import schema
from mbc_sr.store.models import BatchCounts, RecordRow, deletion_key

#: keys per SELECT ... IN (...): well under SQLite's and PostgreSQL's bound-parameter limits
IN_CHUNK = 500


@dataclass(slots=True)
class _Current:
    """The state of one record key while a batch is worked through."""

    version_key: tuple[int, str]
    xml_sha256: str
    deleted: bool
    deleted_run_id: int | None
    row: RecordRow | None = None  # set when the batch changed the current version
    flags_changed: bool = False


def apply_rows(
    connection: Connection,
    run_id: int,
    source_id: int,
    items: Sequence[RecordRow | Deletion],
    now: datetime,
) -> BatchCounts:
    """Apply `items` (in order) inside the caller's transaction; return what they did."""
    counts = BatchCounts()
    record_keys = {item.key for item in items if isinstance(item, RecordRow)}
    all_keys = record_keys | {deletion_key(item.pmid) for item in items if isinstance(item, Deletion)}
    current = _fetch_current(connection, all_keys)
    known_versions = _fetch_known_versions(connection, record_keys)

    version_rows: list[dict] = []
    hits: dict[str, None] = {}  # ordered set
    deletion_rows: dict[str, dict] = {}
    for item in items:
        if isinstance(item, Deletion):
            counts.deletions += 1
            deletion_rows.setdefault(
                item.pmid, {"pmid": item.pmid, "run_id": run_id, "pmid_version": item.pmid_version, "recorded_at": now}
            )
            state = current.get(deletion_key(item.pmid))
            if state is not None and not state.deleted:
                state.deleted, state.deleted_run_id, state.flags_changed = True, run_id, True
                counts.marked_deleted += 1
            continue

        counts.records += 1
        hits[item.key] = None
        is_new_version = (item.key, item.xml_sha256) not in known_versions
        if is_new_version:
            known_versions.add((item.key, item.xml_sha256))
            version_rows.append(_version_row(item, run_id, now))
            counts.new_versions += 1
        else:
            counts.unchanged += 1

        state = current.get(item.key)
        if state is None:
            current[item.key] = _Current(item.version_key, item.xml_sha256, False, None, row=item)
            counts.new_records += 1
        elif item.xml_sha256 == state.xml_sha256:
            pass  # rule 4
        elif item.version_key >= state.version_key:
            state.version_key, state.xml_sha256, state.row = item.version_key, item.xml_sha256, item
            if state.deleted:
                state.deleted, state.deleted_run_id, state.flags_changed = False, None, True
            counts.updated += 1
        elif is_new_version:
            counts.older += 1  # rule 3

    _write(connection, run_id, source_id, now, current, version_rows, hits, deletion_rows)
    return counts


# --------------------------------------------------------------------------- reading


def _chunks(values: Iterable[str]) -> Iterable[list[str]]:
    values = sorted(values)
    for start in range(0, len(values), IN_CHUNK):
        yield values[start : start + IN_CHUNK]


def _fetch_current(connection: Connection, keys: set[str]) -> dict[str, _Current]:
    r = schema.records.c
    found: dict[str, _Current] = {}
    for chunk in _chunks(keys):
        query = select(r.record_key, r.pmid_version, r.date_revised, r.xml_sha256, r.deleted, r.deleted_run_id).where(
            r.record_key.in_(chunk)
        )
        for key, version, revised, sha, deleted, deleted_run_id in connection.execute(query):
            found[key] = _Current((version or 0, revised or ""), sha, bool(deleted), deleted_run_id)
    return found


def _fetch_known_versions(connection: Connection, keys: set[str]) -> set[tuple[str, str]]:
    v = schema.record_versions.c
    known: set[tuple[str, str]] = set()
    for chunk in _chunks(keys):
        known.update((key, sha) for key, sha in connection.execute(select(v.record_key, v.xml_sha256).where(v.record_key.in_(chunk))))
    return known


# --------------------------------------------------------------------------- writing


def _version_row(row: RecordRow, run_id: int, now: datetime) -> dict:
    return {
        "record_key": row.key,
        "pmid_version": row.pmid_version,
        "date_revised": row.date_revised,
        "xml_sha256": row.xml_sha256,
        "content": row.content,
        "run_id": run_id,
        "seen_at": now,
    }


def _record_row(state: _Current, run_id: int, now: datetime) -> dict:
    row = state.row
    assert row is not None
    return {
        "record_key": row.key,
        "source": row.source,
        "source_record_id": row.source_record_id,
        "pmid": row.pmid,
        "pmid_version": row.pmid_version,
        "doi": row.doi,
        "pmcid": row.pmcid,
        "title": row.title,
        "year": row.year,
        "xml_sha256": row.xml_sha256,
        "date_revised": row.date_revised,
        "content": row.content,
        "deleted": state.deleted,
        "deleted_run_id": state.deleted_run_id,
        "first_run_id": run_id,  # only used when the row is new: the upsert never updates it
        "updated_run_id": run_id,
        "updated_at": now,
    }


def dialect_insert(connection: Connection, table: Table):
    """`INSERT` with `on_conflict_do_nothing` / `on_conflict_do_update` for this connection's dialect."""
    name = connection.dialect.name
    if name == "sqlite":
        from sqlalchemy.dialects.sqlite import insert
    elif name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:  # pragma: no cover - resolve_url refuses every other backend before a connection exists
        raise ValueError(f"the store supports SQLite and PostgreSQL, not {name}")
    return insert(table)


def _write(
    connection: Connection,
    run_id: int,
    source_id: int,
    now: datetime,
    current: dict[str, _Current],
    version_rows: list[dict],
    hits: dict[str, None],
    deletion_rows: dict[str, dict],
) -> None:
    records = schema.records
    changed = [_record_row(state, run_id, now) for state in current.values() if state.row is not None]
    if changed:
        upsert = dialect_insert(connection, records)
        kept = {"record_key", "first_run_id"}
        upsert = upsert.on_conflict_do_update(
            index_elements=[records.c.record_key],
            set_={column.name: upsert.excluded[column.name] for column in records.c if column.name not in kept},
        )
        connection.execute(upsert, changed)

    flagged = [
        {"b_key": key, "b_deleted": state.deleted, "b_deleted_run_id": state.deleted_run_id}
        for key, state in current.items()
        if state.row is None and state.flags_changed
    ]
    if flagged:
        connection.execute(
            update(records)
            .where(records.c.record_key == bindparam("b_key"))
            .values(
                deleted=bindparam("b_deleted"),
                deleted_run_id=bindparam("b_deleted_run_id"),
                updated_run_id=run_id,
                updated_at=now,
            ),
            flagged,
        )

    if version_rows:
        connection.execute(dialect_insert(connection, schema.record_versions).on_conflict_do_nothing(), version_rows)
    if hits:
        connection.execute(
            dialect_insert(connection, schema.record_hits).on_conflict_do_nothing(),
            [{"run_id": run_id, "record_key": key, "source_id": source_id} for key in hits],
        )
    if deletion_rows:
        connection.execute(
            dialect_insert(connection, schema.deletions).on_conflict_do_nothing(), list(deletion_rows.values())
        )

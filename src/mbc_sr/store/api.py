"""The store API: sources, runs, batches of records, and what the store holds.

Every write is one short transaction, so a process killed at any point leaves the store as
it was after the last completed call: a batch is stored whole or not at all, together with
the run's checkpoint (`items_applied`) that says how far the run got.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator, Mapping
from datetime import datetime, timezone
from typing import Any

from sqlalchemy import Engine, func, insert, select, update
from sqlalchemy.engine import URL

from mbc_sr.records import Deletion, Record, record_from_dict
from mbc_sr.store import schema
from mbc_sr.store.apply import apply_rows, dialect_insert
from mbc_sr.store.engine import create_store_engine, write_transaction
from mbc_sr.store.migrations import migrate
from mbc_sr.store.models import (
    BatchCounts,
    RecordRow,
    RecordState,
    RecordVersion,
    RunInfo,
    RunStart,
    StoreItem,
    StoreStats,
)


class StoreError(RuntimeError):
    """A store call that cannot be honoured (unknown source or run, a run that is not running)."""


def _now() -> datetime:
    return datetime.now(timezone.utc)


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


class Store:
    """A review's database. Build it with `open_store()`, which migrates the schema first."""

    def __init__(self, engine: Engine):
        self.engine = engine

    @property
    def url(self) -> URL:
        return self.engine.url

    def close(self) -> None:
        """Release the connections (the SQLite WAL is checkpointed when the last one closes)."""
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({self.url.render_as_string(hide_password=True)!r})"

    # ----------------------------------------------------------------------- sources

    def ensure_source(self, name: str, kind: str = "database") -> int:
        """The id of source `name`, created if new. Sources are what PRISMA counts records by."""
        if kind not in schema.SOURCE_KINDS:
            raise ValueError(f"source kind must be one of {schema.SOURCE_KINDS}, not {kind!r}")
        sources = schema.sources
        with write_transaction(self.engine) as connection:
            connection.execute(
                dialect_insert(connection, sources)
                .values(name=name, kind=kind, created_at=_now())
                .on_conflict_do_nothing(index_elements=[sources.c.name])
            )
            return connection.execute(select(sources.c.id).where(sources.c.name == name)).scalar_one()

    # ----------------------------------------------------------------------- runs

    def begin_run(
        self,
        source: str,
        kind: str,
        params: Mapping[str, Any] | None = None,
        input_sha256: str | None = None,
    ) -> RunStart:
        """Start a run of `kind` ("ingest", "search", "import") for an existing source.

        With `input_sha256` (the sha256 of an input file) a run is tied to its input, so that
        the same file is never ingested twice: if a completed run of this kind and source
        already has that input, it is returned with state "completed" and nothing changes (the
        caller skips the file); if an incomplete one exists (running — its process died — or
        failed), it is reopened with state "resumed" so the rerun completes that run instead
        of leaving a dead one behind. Only one process should work on a given input at a time.
        """
        runs = schema.runs
        with write_transaction(self.engine) as connection:
            source_id = self._source_id(connection, source)
            if input_sha256 is not None:
                previous = connection.execute(
                    select(runs.c.id, runs.c.status, runs.c.items_applied, runs.c.counts)
                    .where(runs.c.source_id == source_id, runs.c.kind == kind, runs.c.input_sha256 == input_sha256)
                    .order_by(runs.c.id.desc())
                ).all()
                done = [row for row in previous if row.status == "completed"]
                if done:
                    return RunStart(done[0].id, "completed", done[0].items_applied, json.loads(done[0].counts))
                if previous:
                    run = previous[0]
                    connection.execute(
                        update(runs).where(runs.c.id == run.id).values(status="running", error=None, finished_at=None)
                    )
                    return RunStart(run.id, "resumed", run.items_applied, json.loads(run.counts))
            run_id = connection.execute(
                insert(runs).values(
                    source_id=source_id,
                    kind=kind,
                    status="running",
                    started_at=_now(),
                    input_sha256=input_sha256,
                    params=_dumps(dict(params or {})),
                    counts="{}",
                    items_applied=0,
                )
            ).inserted_primary_key[0]
            return RunStart(run_id, "new")

    def apply_batch(self, run_id: int, items: Iterable[StoreItem]) -> BatchCounts:
        """Store a batch of `ParsedRecord`s / `RecordRow`s and `Deletion`s, in document order.

        One transaction: the batch is stored whole or not at all, and the run's checkpoint
        (items applied, running counts) is committed with it. The version rules are in
        `mbc_sr.store.apply`. Returns what this batch did.
        """
        rows = [item if isinstance(item, (RecordRow, Deletion)) else RecordRow.from_parsed(item) for item in items]
        runs = schema.runs
        with write_transaction(self.engine) as connection:
            run = connection.execute(
                select(runs.c.source_id, runs.c.status, runs.c.counts, runs.c.items_applied).where(runs.c.id == run_id)
            ).one_or_none()
            if run is None:
                raise StoreError(f"no run {run_id}")
            if run.status != "running":
                raise StoreError(f"run {run_id} is {run.status}: records can only be added to a running run")
            counts = apply_rows(connection, run_id, run.source_id, rows, _now())
            total = BatchCounts.from_dict(json.loads(run.counts)) + counts
            connection.execute(
                update(runs)
                .where(runs.c.id == run_id)
                .values(items_applied=run.items_applied + len(rows), counts=_dumps({**json.loads(run.counts), **total.as_dict()}))
            )
        return counts

    def finish_run(
        self, run_id: int, counts: Mapping[str, Any] | None = None, manifest: Mapping[str, Any] | None = None
    ) -> None:
        """Mark a run completed. `counts` are merged over the counts its batches accumulated;
        `manifest` says what exactly was read (file, size, hash, parser) for the methods section."""
        self._close_run(run_id, "completed", counts=counts, manifest=manifest)

    def fail_run(self, run_id: int, error: str) -> None:
        """Mark a run failed with the reason; its stored batches stay (a rerun resumes it)."""
        self._close_run(run_id, "failed", error=error)

    def _close_run(self, run_id: int, status: str, *, counts=None, manifest=None, error=None) -> None:
        runs = schema.runs
        with write_transaction(self.engine) as connection:
            stored = connection.execute(select(runs.c.counts).where(runs.c.id == run_id)).scalar_one_or_none()
            if stored is None:
                raise StoreError(f"no run {run_id}")
            values: dict[str, Any] = {"status": status, "finished_at": _now(), "error": error}
            if counts is not None:
                values["counts"] = _dumps({**json.loads(stored), **dict(counts)})
            if manifest is not None:
                values["manifest"] = _dumps(dict(manifest))
            connection.execute(update(runs).where(runs.c.id == run_id).values(**values))

    def run(self, run_id: int) -> RunInfo:
        found = self.runs(run_id=run_id)
        if not found:
            raise StoreError(f"no run {run_id}")
        return found[0]

    def runs(self, *, source: str | None = None, kind: str | None = None, run_id: int | None = None) -> list[RunInfo]:
        """Runs, oldest first, optionally of one source or kind."""
        r, s = schema.runs.c, schema.sources.c
        query = select(schema.runs, s.name.label("source_name")).join(schema.sources, s.id == r.source_id).order_by(r.id)
        if source is not None:
            query = query.where(s.name == source)
        if kind is not None:
            query = query.where(r.kind == kind)
        if run_id is not None:
            query = query.where(r.id == run_id)
        with self.engine.connect() as connection:
            return [
                RunInfo(
                    id=row.id,
                    source=row.source_name,
                    kind=row.kind,
                    status=row.status,
                    started_at=row.started_at,
                    finished_at=row.finished_at,
                    input_sha256=row.input_sha256,
                    params=json.loads(row.params),
                    manifest=json.loads(row.manifest) if row.manifest else None,
                    error=row.error,
                    counts=json.loads(row.counts),
                    items_applied=row.items_applied,
                )
                for row in connection.execute(query)
            ]

    # ----------------------------------------------------------------------- records

    def get_record(self, key: str) -> Record | None:
        """The current version of a record ("pmid:123"), deleted or not (see `record_state`)."""
        r = schema.records.c
        with self.engine.connect() as connection:
            content = connection.execute(select(r.content).where(r.record_key == key)).scalar_one_or_none()
        return None if content is None else record_from_dict(json.loads(content))

    def iter_records(self, *, include_deleted: bool = False, batch: int = 1000) -> Iterator[Record]:
        """Every current record, in key order, streamed `batch` rows at a time (not all in memory).

        Records PubMed deleted are left out unless `include_deleted`: later stages screen what
        PubMed still stands behind, while the store keeps the rest for the audit trail.
        """
        r = schema.records.c
        query = select(r.content).order_by(r.record_key)
        if not include_deleted:
            query = query.where(r.deleted.is_(False))
        with self.engine.connect() as connection:
            for content in connection.execution_options(yield_per=batch).execute(query).scalars():
                yield record_from_dict(json.loads(content))

    def record_state(self, key: str) -> RecordState | None:
        """Version, hash, deletion and provenance of a record's current version."""
        r = schema.records.c
        query = select(
            r.record_key, r.pmid_version, r.date_revised, r.xml_sha256, r.deleted, r.deleted_run_id,
            r.first_run_id, r.updated_run_id, r.updated_at,
        ).where(r.record_key == key)  # fmt: skip
        with self.engine.connect() as connection:
            row = connection.execute(query).one_or_none()
        if row is None:
            return None
        return RecordState(
            key=row.record_key,
            pmid_version=row.pmid_version,
            date_revised=row.date_revised,
            xml_sha256=row.xml_sha256,
            deleted=bool(row.deleted),
            deleted_run_id=row.deleted_run_id,
            first_run_id=row.first_run_id,
            updated_run_id=row.updated_run_id,
            updated_at=row.updated_at,
        )

    def record_history(self, key: str) -> list[RecordVersion]:
        """Every stored version of a record, oldest first (by version, then DateRevised, then arrival)."""
        v, r = schema.record_versions.c, schema.records.c
        query = (
            select(v.record_key, v.pmid_version, v.date_revised, v.xml_sha256, v.run_id, v.seen_at, v.content, r.xml_sha256.label("current"))
            .join(schema.records, r.record_key == v.record_key)
            .where(v.record_key == key)
            .order_by(func.coalesce(v.pmid_version, 0), func.coalesce(v.date_revised, ""), v.id)
        )
        with self.engine.connect() as connection:
            return [
                RecordVersion(
                    key=row.record_key,
                    pmid_version=row.pmid_version,
                    date_revised=row.date_revised,
                    xml_sha256=row.xml_sha256,
                    run_id=row.run_id,
                    seen_at=row.seen_at,
                    current=row.xml_sha256 == row.current,
                    record=record_from_dict(json.loads(row.content)),
                )
                for row in connection.execute(query)
            ]

    def stats(self) -> StoreStats:
        """What the store holds, in one read transaction (consistent counts)."""
        r, d, h, s, runs = schema.records.c, schema.deletions.c, schema.record_hits.c, schema.sources.c, schema.runs.c
        with self.engine.connect() as connection, connection.begin():
            records = connection.execute(select(func.count()).select_from(schema.records)).scalar_one()
            deleted = connection.execute(select(func.count()).where(r.deleted.is_(True))).scalar_one()
            versions = connection.execute(select(func.count()).select_from(schema.record_versions)).scalar_one()
            deletions = connection.execute(select(func.count(d.pmid.distinct()))).scalar_one()
            hits = connection.execute(
                select(s.name, func.count(h.record_key.distinct()))
                .select_from(schema.sources)
                .outerjoin(schema.record_hits, h.source_id == s.id)
                .group_by(s.name)
                .order_by(s.name)
            ).all()
            statuses = connection.execute(select(runs.status, func.count()).group_by(runs.status).order_by(runs.status)).all()
        return StoreStats(
            records=records,
            deleted=deleted,
            versions=versions,
            deletions=deletions,
            hits_by_source={name: count for name, count in hits},
            runs_by_status={status: count for status, count in statuses},
        )

    # ----------------------------------------------------------------------- helpers

    @staticmethod
    def _source_id(connection, source: str | int) -> int:
        s = schema.sources.c
        column = s.id if isinstance(source, int) else s.name
        found = connection.execute(select(s.id).where(column == source)).scalar_one_or_none()
        if found is None:
            raise StoreError(f"unknown source {source!r}: create it with ensure_source() first")
        return found


def open_store(url_or_path: str | os.PathLike[str] | URL | None = None) -> Store:
    """Open (creating and migrating as needed) the store at `url_or_path`.

    Resolution: the argument, else $MBC_SR_DATABASE_URL, else ./outputs/mbc-sr.sqlite; a plain
    path is a SQLite file; `postgresql://` URLs use the psycopg 3 driver.
    """
    engine = create_store_engine(url_or_path)
    try:
        migrate(engine)
    except BaseException:
        engine.dispose()
        raise
    return Store(engine)

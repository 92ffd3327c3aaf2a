"""Store access for screening: the append-only decision log and its batches.

Every write is one transaction: a batch row and all of its decisions commit together or not
at all, so a process killed during an import leaves no partial import, and the batch's file
sha256 (unique) makes importing the same file twice add nothing. Rows are only ever inserted.

Decisions attach to a record key. Records merged by deduplication are screened once, on the
cluster's surviving record: callers map keys with `survivor_key` before writing.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone

from sqlalchemy import func, insert, select

from mbc_sr.screen.decisions import Decision
from mbc_sr.store import schema
from mbc_sr.store.api import Store
from mbc_sr.store.engine import write_transaction


@dataclass(frozen=True, slots=True)
class Batch:
    kind: str  # rules | sheet | asreview
    reviewer: str
    stage: str
    criteria_version: str
    file_name: str | None = None
    file_sha256: str | None = None


@dataclass(frozen=True, slots=True)
class BatchResult:
    batch_id: int | None  # None: a batch with this file_sha256 was already stored
    written: int
    already_imported: bool = False


def append_decisions(
    store: Store, batch: Batch, decisions: Sequence[Decision], *, on_row: Callable[[int], None] | None = None
) -> BatchResult:
    """Append `decisions` as one batch, in one transaction. `on_row(n)` is called after each
    row is sent (for progress; tests use it to kill the process mid-transaction)."""
    b, d = schema.screen_batches, schema.screen_decisions
    now = datetime.now(timezone.utc)
    with write_transaction(store.engine) as connection:
        if batch.file_sha256 is not None:
            found = connection.execute(select(b.c.id).where(b.c.file_sha256 == batch.file_sha256)).scalar_one_or_none()
            if found is not None:
                return BatchResult(found, 0, already_imported=True)
        batch_id = connection.execute(
            insert(b).values(
                kind=batch.kind, file_name=batch.file_name, file_sha256=batch.file_sha256, reviewer=batch.reviewer,
                stage=batch.stage, criteria_version=batch.criteria_version, rows=len(decisions), created_at=now,
            )  # fmt: skip
        ).inserted_primary_key[0]
        rows = [
            {
                "record_key": x.record_key, "stage": x.stage, "reviewer": x.reviewer, "role": x.role,
                "decision": x.decision, "reason": x.reason, "note": x.note, "criteria_version": x.criteria_version,
                "record_sha256": x.record_sha256, "rule_id": x.rule_id,
                "details": json.dumps(x.details, ensure_ascii=False, sort_keys=True) if x.details else None,
                "batch_id": batch_id, "made_at": x.made_at or now,
            }  # fmt: skip
            for x in decisions
        ]
        if on_row is None:
            if rows:
                connection.execute(insert(d), rows)
        else:
            for index, row in enumerate(rows, start=1):
                connection.execute(insert(d), [row])
                on_row(index)
    return BatchResult(batch_id, len(decisions))


def load_decisions(
    store: Store, *, stage: str | None = None, record_keys: Iterable[str] | None = None
) -> list[Decision]:
    """Log entries, oldest first, optionally of one stage and/or some records."""
    d = schema.screen_decisions.c
    query = select(schema.screen_decisions).order_by(d.id)
    if stage is not None:
        query = query.where(d.stage == stage)
    keys = None if record_keys is None else list(record_keys)
    out: list[Decision] = []
    with store.engine.connect() as connection:
        chunks = [None] if keys is None else [keys[i : i + 500] for i in range(0, len(keys), 500)]
        for chunk in chunks:
            q = query if chunk is None else query.where(d.record_key.in_(chunk))
            out.extend(_decision(row) for row in connection.execute(q))
    return sorted(out, key=lambda x: x.seq)


def _decision(row) -> Decision:
    return Decision(
        record_key=row.record_key, stage=row.stage, reviewer=row.reviewer, role=row.role, decision=row.decision,
        reason=row.reason, note=row.note, criteria_version=row.criteria_version, record_sha256=row.record_sha256,
        rule_id=row.rule_id, details=json.loads(row.details) if row.details else None, made_at=row.made_at,
        seq=row.id,
    )  # fmt: skip


def rules_screened(store: Store, stage: str, criteria_version: str) -> dict[str, str | None]:
    """record key -> record version (xml_sha256) the rules of `criteria_version` last screened."""
    d = schema.screen_decisions.c
    query = (
        select(d.record_key, d.record_sha256)
        .where(d.stage == stage, d.role == "rules", d.criteria_version == criteria_version)
        .order_by(d.id)
    )
    with store.engine.connect() as connection:
        return {key: sha for key, sha in connection.execute(query)}


def fingerprints(store: Store) -> dict[str, tuple[str, bool]]:
    """record key -> (xml_sha256 of the current version, deleted) for every stored record."""
    r = schema.records.c
    with store.engine.connect() as connection:
        return {key: (sha, bool(deleted)) for key, sha, deleted in connection.execute(select(r.record_key, r.xml_sha256, r.deleted))}


def batch_for_file(store: Store, file_sha256: str) -> int | None:
    """The batch that imported a file with this sha256, if any."""
    b = schema.screen_batches.c
    with store.engine.connect() as connection:
        return connection.execute(select(b.id).where(b.file_sha256 == file_sha256)).scalar_one_or_none()


def imported_files(store: Store) -> int:
    b = schema.screen_batches.c
    with store.engine.connect() as connection:
        return connection.execute(select(func.count()).where(b.file_sha256.is_not(None))).scalar_one()


def survivor_key(store: Store, record_key: str) -> str:
    """The key of the surviving record of `record_key`'s dedup cluster (itself when unmerged).

    Screening calls this for every key it writes, so every decision lands on the survivor.
    """
    return survivor_map(store).get(record_key, record_key)


def survivor_map(store: Store) -> dict[str, str]:
    """record key -> survivor key for every merged (non-surviving) record (from the dedup
    stage's `dedup_clusters`; empty before the first dedup run)."""
    from mbc_sr.store.dedup import survivor_map as dedup_survivor_map

    return dedup_survivor_map(store)

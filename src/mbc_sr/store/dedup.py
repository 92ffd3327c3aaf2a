"""The store's deduplication tables: runs, clusters/survivors, merges, the review queue, study links.

Functions over a `Store` (kept out of `api.py`, which holds records and runs). A run's
results are written in one transaction (`save_dedup_result`): a killed run leaves the
previous clusters intact, and the next run redoes the work.

What later stages use:

* `survivor_map(store)` — merged record key → its survivor's key. Screening attaches every
  decision to the survivor, so a record merged into an already-screened one is never
  screened again and the survivor's decisions stay with it.
* `identification_inputs(store)` — the hits and survivors PRISMA's per-source duplicate
  counts are derived from (`mbc_sr.dedup.accounting`).
* `study_groups(store)` — reports linked as one study.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

from sqlalchemy import delete, insert, select, update

from mbc_sr.store import schema
from mbc_sr.store.api import Store, StoreError
from mbc_sr.store.apply import IN_CHUNK, dialect_insert
from mbc_sr.store.engine import write_transaction

__all__ = [
    "ReviewItem",
    "begin_dedup_run",
    "cluster_assignments",
    "identification_inputs",
    "fail_dedup_run",
    "merges",
    "record_review_answers",
    "review_answers",
    "review_items",
    "save_dedup_result",
    "study_groups",
    "survivor_map",
]

REVIEW_STATUSES = ("pending", "duplicate", "distinct")


def _now() -> datetime:
    return datetime.now(timezone.utc)


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


@dataclass(frozen=True, slots=True)
class ReviewItem:
    id: int
    left_key: str
    right_key: str
    reason: str
    scores: dict[str, Any]
    status: str
    decided_by: str | None
    note: str | None


# --------------------------------------------------------------------------- runs


def begin_dedup_run(store: Store, params: Mapping[str, Any] | None = None) -> int:
    with write_transaction(store.engine) as connection:
        return connection.execute(
            insert(schema.dedup_runs).values(
                status="running", started_at=_now(), params=_dumps(dict(params or {})), counts="{}"
            )
        ).inserted_primary_key[0]


def fail_dedup_run(store: Store, run_id: int, error: str) -> None:
    with write_transaction(store.engine) as connection:
        connection.execute(
            update(schema.dedup_runs)
            .where(schema.dedup_runs.c.id == run_id)
            .values(status="failed", finished_at=_now(), error=error)
        )


def save_dedup_result(
    store: Store,
    run_id: int,
    *,
    clusters: Mapping[str, str],
    merged_pairs: Iterable[tuple[str, str, str, Mapping[str, Any]]],
    review: Iterable[tuple[str, str, str, Mapping[str, Any]]],
    studies: Iterable[tuple[str, str, Sequence[str]]] | None,
    counts: Mapping[str, Any],
) -> None:
    """Store a run's results and complete the run, in one transaction.

    clusters: record key -> survivor key (new or changed rows only); merged_pairs: (left,
    right, rule, scores); review: (left, right, reason, scores) — a pair already in the queue
    keeps its row (and its answer); studies: (record key, study key, basis) for every linked
    record — it replaces the previous links (None leaves them as they are).
    """
    c = schema.dedup_clusters
    with write_transaction(store.engine) as connection:
        rows = [{"record_key": k, "survivor_key": s, "dedup_run_id": run_id} for k, s in clusters.items()]
        if rows:
            upsert = dialect_insert(connection, c)
            upsert = upsert.on_conflict_do_update(
                index_elements=[c.c.record_key],
                set_={"survivor_key": upsert.excluded.survivor_key, "dedup_run_id": upsert.excluded.dedup_run_id},
            )
            for start in range(0, len(rows), IN_CHUNK):
                connection.execute(upsert, rows[start : start + IN_CHUNK])
        merge_rows = [
            {"dedup_run_id": run_id, "left_key": a, "right_key": b, "rule": rule, "scores": _dumps(dict(scores))}
            for a, b, rule, scores in merged_pairs
        ]
        if merge_rows:
            connection.execute(insert(schema.dedup_merges), merge_rows)
        review_rows = [
            {
                "dedup_run_id": run_id, "left_key": min(a, b), "right_key": max(a, b), "reason": reason[:300],
                "scores": _dumps(dict(scores)), "status": "pending",
            }
            for a, b, reason, scores in review
        ]  # fmt: skip
        if review_rows:
            connection.execute(dialect_insert(connection, schema.dedup_review).on_conflict_do_nothing(), review_rows)
        if studies is not None:
            connection.execute(delete(schema.study_links))
            link_rows = [
                {"record_key": key, "study_key": study, "basis": _dumps(list(basis)), "dedup_run_id": run_id}
                for key, study, basis in studies
            ]
            if link_rows:
                connection.execute(insert(schema.study_links), link_rows)
        connection.execute(
            update(schema.dedup_runs)
            .where(schema.dedup_runs.c.id == run_id)
            .values(status="completed", finished_at=_now(), counts=_dumps(dict(counts)))
        )


# --------------------------------------------------------------------------- clusters


def cluster_assignments(store: Store) -> dict[str, str]:
    """record key -> survivor key for every deduplicated record (survivors map to themselves)."""
    c = schema.dedup_clusters.c
    with store.engine.connect() as connection:
        return dict(connection.execute(select(c.record_key, c.survivor_key)).all())


def survivor_map(store: Store) -> dict[str, str]:
    """record key -> survivor key for every record merged into another (the screening hook)."""
    c = schema.dedup_clusters.c
    with store.engine.connect() as connection:
        return dict(connection.execute(select(c.record_key, c.survivor_key).where(c.record_key != c.survivor_key)).all())


def merges(store: Store) -> list[dict[str, Any]]:
    """Every stored merge: run, pair, rule and field scores."""
    m = schema.dedup_merges.c
    with store.engine.connect() as connection:
        return [
            {"run": row.dedup_run_id, "left": row.left_key, "right": row.right_key, "rule": row.rule, "scores": json.loads(row.scores)}
            for row in connection.execute(select(schema.dedup_merges).order_by(m.id))
        ]


# --------------------------------------------------------------------------- review queue


def review_items(store: Store, status: str | None = "pending") -> list[ReviewItem]:
    r = schema.dedup_review.c
    query = select(schema.dedup_review).order_by(r.id)
    if status is not None:
        query = query.where(r.status == status)
    with store.engine.connect() as connection:
        return [
            ReviewItem(row.id, row.left_key, row.right_key, row.reason, json.loads(row.scores), row.status, row.decided_by, row.note)
            for row in connection.execute(query)
        ]


def review_answers(store: Store) -> list[tuple[str, str, bool]]:
    """(left key, right key, is duplicate) for every answered review item."""
    return [(i.left_key, i.right_key, i.status == "duplicate") for i in review_items(store, None) if i.status != "pending"]


def record_review_answers(store: Store, answers: Iterable[tuple[int, str, str | None, str | None]]) -> int:
    """Record (item id, "duplicate"/"distinct", decided by, note) answers, all or none; return
    how many items changed. Unknown ids and statuses raise StoreError before anything is written."""
    answers = list(answers)
    r = schema.dedup_review
    with write_transaction(store.engine) as connection:
        known = set(connection.execute(select(r.c.id)).scalars())
        for item_id, status, _who, _note in answers:
            if item_id not in known:
                raise StoreError(f"no review item {item_id}")
            if status not in ("duplicate", "distinct"):
                raise StoreError(f"review item {item_id}: status must be duplicate or distinct, not {status!r}")
        changed = 0
        for item_id, status, who, note in answers:
            changed += connection.execute(
                update(r)
                .where(r.c.id == item_id, (r.c.status != status) | r.c.decided_by.is_distinct_from(who) | r.c.note.is_distinct_from(note))
                .values(status=status, decided_by=who, note=note, decided_at=_now())
            ).rowcount
    return changed


# --------------------------------------------------------------------------- studies, PRISMA


def study_groups(store: Store) -> list[tuple[str, list[str], list[str]]]:
    """(study key, record keys, basis of the links) per linked study."""
    s = schema.study_links.c
    groups: dict[str, tuple[list[str], set[str]]] = {}
    with store.engine.connect() as connection:
        for key, study, basis in connection.execute(select(s.record_key, s.study_key, s.basis).order_by(s.study_key, s.record_key)):
            members, bases = groups.setdefault(study, ([], set()))
            members.append(key)
            bases.update(json.loads(basis))
    return [(study, members, sorted(bases)) for study, (members, bases) in groups.items()]


def identification_inputs(store: Store) -> tuple[list[tuple[int, str, str]], dict[str, str]]:
    """Every hit as (run id, source name, record key), and merged key → survivor key: what
    `mbc_sr.dedup.accounting.identifications` counts PRISMA's duplicates from."""
    h, s = schema.record_hits.c, schema.sources.c
    query = select(h.run_id, s.name, h.record_key).join(schema.sources, s.id == h.source_id)
    with store.engine.connect() as connection:
        hits = [tuple(row) for row in connection.execute(query)]
    return hits, survivor_map(store)


"""Read what the PRISMA counts need from the store, and resolve "as of" points (I/O at the edge).

`read_inputs(store)` gathers the hits (run, source, kind, record), the dedup clusters, the
deleted records, the whole decision log and the study links; `cutoff_for_run` /
`cutoff_for_date` say which runs and decisions a point in time covers:

* as of run N: records found by runs 1..N, and decisions made before run N+1 started (the
  review's state just before the next refresh; for the latest run: every decision so far);
* as of a date D: runs started on or before D, decisions made on or before D (UTC).
"""

from __future__ import annotations

from datetime import date, datetime, time, timezone

from sqlalchemy import select

from mbc_sr.report.prisma import Cutoff, Hit, PrismaCounts, PrismaInputs, compute_counts, update_counts
from mbc_sr.store import Store, schema
from mbc_sr.store import decisions as log
from mbc_sr.store.api import StoreError

__all__ = ["counts_from_store", "cutoff_for", "cutoff_for_date", "cutoff_for_run", "read_inputs"]


def read_inputs(store: Store) -> PrismaInputs:
    h, s, r, c, sl = schema.record_hits.c, schema.sources.c, schema.records.c, schema.dedup_clusters.c, schema.study_links.c
    with store.engine.connect() as connection, connection.begin():
        hits = tuple(
            Hit(run_id, source, kind, key)
            for run_id, source, kind, key in connection.execute(
                select(h.run_id, s.name, s.kind, h.record_key).join(schema.sources, s.id == h.source_id)
            )
        )
        survivor = dict(connection.execute(select(c.record_key, c.survivor_key)).all())
        deleted = frozenset(connection.execute(select(r.record_key).where(r.deleted.is_(True))).scalars())
        study_of = dict(connection.execute(select(sl.record_key, sl.study_key)).all())
    return PrismaInputs(hits, survivor, deleted, tuple(log.load_decisions(store)), study_of)


def cutoff_for_run(store: Store, run_id: int) -> Cutoff:
    runs = store.runs()
    if not any(run.id == run_id for run in runs):
        raise StoreError(f"no run {run_id}")
    later = [run for run in runs if run.id > run_id]
    at = min(run.started_at for run in later) if later else None
    return Cutoff(run_id, at, f"run {run_id}")


def cutoff_for_date(store: Store, day: date) -> Cutoff:
    end = datetime.combine(day, time.max, tzinfo=timezone.utc)
    runs = [run.id for run in store.runs() if run.started_at <= end]
    return Cutoff(max(runs) if runs else 0, end, day.isoformat())


def cutoff_for(store: Store, point: str | None) -> Cutoff:
    """A cutoff from text: None/"latest", a run id ("12" or "run:12"), or an ISO date."""
    if point is None or point == "latest":
        runs = store.runs()
        return Cutoff(None, None, f"run {runs[-1].id}" if runs else "latest")
    text = point.removeprefix("run:")
    if text.isdigit():
        return cutoff_for_run(store, int(text))
    try:
        return cutoff_for_date(store, date.fromisoformat(point))
    except ValueError:
        raise ValueError(f"as-of point must be 'latest', a run id (e.g. 12 or run:12) or a date (YYYY-MM-DD), not {point!r}") from None


def counts_from_store(store: Store, as_of: str | None = None, since: str | None = None) -> PrismaCounts:
    """New-review counts as of `as_of`, or with `since` (the last published version) the
    updated-review counts. Raises `PrismaIdentityError` if the log does not add up."""
    inputs = read_inputs(store)
    current = cutoff_for(store, as_of)
    if since is None:
        return compute_counts(inputs, current)
    return update_counts(inputs, cutoff_for(store, since), current)

"""A refresh of one saved search: search PubMed, fetch what is new or changed, store it.

Windows cover whole days, through the last *complete* day at NCBI (yesterday, US Eastern
time; `through` overrides it), so every day is searched after it ended and a day's changes
cannot slip between two refreshes.

Two phases, so that a scheduler can run (and retry) them as separate tasks:

`plan_refresh` searches. The first run of a saved search (or a run with `full=True`, or the
first after its query text changed) covers every Create Date through `through`. Later runs
cover Create Date from the end of the last *completed* window minus `overlap_days` (records
can appear in PubMed days after their Create Date) and keep only PMIDs the store does not
hold (set difference). They also search by Modification Date (`[mdat]`) the days after the
last window (minus `mdat_overlap_days`, default 0): stored records PubMed changed since
are fetched again, so a new version is stored and new retraction / erratum /
expression-of-concern links are flagged; records that only now match the query (e.g. newly
MeSH-indexed) are new hits. A refresh that finds nothing costs two esearch requests (one
when run again the same day: the Modification Date window is then empty).

`execute_refresh` fetches (see `fetch`), flags (see `flags`) and stores each batch in one
transaction, records the hits of records it did not need to fetch, and completes the run
with its provenance manifest (see `manifest`). PMIDs PubMed failed to return are carried
over to the next refresh instead of being lost behind the advancing window.

A failed phase fails its run with the reason; the next refresh starts again from the last
completed window, so nothing is skipped.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, timedelta, timezone
from typing import Any

from mbc_sr.config import SavedSearch
from mbc_sr.pubmed_xml import ParsedRecord
from mbc_sr.sources.eutils import manifest as mf
from mbc_sr.sources.eutils.archive import Archive
from mbc_sr.sources.eutils.fetch import FetchedBatch, Fetcher
from mbc_sr.sources.eutils.flags import new_flags
from mbc_sr.sources.eutils.search import Searcher, SearchResult, Window
from mbc_sr.sources.eutils.settings import EutilsSettings
from mbc_sr.sources.eutils.transport import EutilsTransport
from mbc_sr.store import BatchCounts, Store
from mbc_sr.store import searches as search_log

SOURCE = "PubMed (E-utilities)"
RUN_KIND = "search"

Progress = Callable[[int, int], None]  # (PMIDs fetched so far, PMIDs to fetch)


def query_sha256(query: str) -> str:
    return hashlib.sha256(query.encode("utf-8")).hexdigest()


def make_transport(settings: EutilsSettings) -> EutilsTransport:
    """A transport whose every response body goes to the archive before it is parsed."""
    return EutilsTransport(settings, archive=Archive(settings.archive_dir).put)


@dataclass(slots=True)
class RefreshPlan:
    """What the search phase found and what the fetch phase must do (plain data: JSON-able)."""

    run_id: int
    search_name: str
    database: str
    query: str
    query_sha256: str
    through: str  # the window's last day
    full_search: bool
    window: dict[str, Any]
    count: int
    query_translation: str | None
    translations: list[list[str]]
    warnings: dict[str, list[str]]
    accepted_query_problems: dict[str, list[str]]
    slices: list[dict[str, Any]]
    hits: list[str]  # every PMID the search found (Create Date window, plus [mdat] newcomers)
    mdat_window: dict[str, Any] | None
    mdat_hits: list[str]
    new_pmids: list[str]  # hits the store did not hold: fetch
    recheck_pmids: list[str]  # stored records modified in the window: fetch again
    carried_missing: list[str]  # PMIDs the previous run could not get: fetch again
    known_hits: list[str]  # hits the store holds: recorded as hits, not fetched unless rechecked
    exchanges: list[dict[str, Any]] = field(default_factory=list)
    started_at: str = ""
    search_seconds: float = 0.0

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> RefreshPlan:
        return cls(**data)

    @property
    def to_fetch(self) -> list[str]:
        return list(dict.fromkeys([*self.new_pmids, *self.carried_missing, *self.recheck_pmids]))


@dataclass(frozen=True, slots=True)
class RefreshReport:
    run_id: int
    search_name: str
    count: int
    window: dict[str, Any]
    hits: int
    fetched: int
    new_records: int
    new_versions: int
    updated: int
    flags: int
    missing: list[str]
    requests: int
    seconds: float


# --------------------------------------------------------------------------- phase 1: search


def ncbi_yesterday() -> date:
    """The last complete day at NCBI: yesterday in US Eastern time (UTC-5; during daylight
    saving time this errs an hour on the early side, which is the safe side)."""
    return (datetime.now(timezone.utc) - timedelta(hours=5)).date() - timedelta(days=1)


def plan_refresh(
    store: Store,
    settings: EutilsSettings,
    search: SavedSearch,
    *,
    through: date | None = None,
    full: bool = False,
    transport: EutilsTransport | None = None,
) -> RefreshPlan:
    """Begin a run for `search` and search PubMed through `through`; see the module docstring."""
    if search.database != "pubmed":
        raise ValueError(f"saved search {search.name!r} is for {search.database!r}; E-utilities serves pubmed here")
    through = through or ncbi_yesterday()
    started = time.perf_counter()
    started_at = datetime.now(timezone.utc).isoformat(timespec="seconds")
    sha = query_sha256(search.query)
    store.ensure_source(SOURCE, "database")
    previous = None if full else search_log.last_completed_window(store, search.name, sha)
    start = None if previous is None else min(previous.end - timedelta(days=settings.overlap_days), through)
    window = Window("crdt", start, through)
    mdat_window = None
    if previous is not None:
        mdat_start = previous.end + timedelta(days=1 - settings.mdat_overlap_days)
        if mdat_start <= through:
            mdat_window = Window("mdat", mdat_start, through)
    run = store.begin_run(
        SOURCE,
        RUN_KIND,
        {
            "search": search.name, "query_sha256": sha, "window": window.as_dict(), "full_search": previous is None,
            "mdat_window": mdat_window.as_dict() if mdat_window else None,
        },
    )  # fmt: skip
    own_transport = transport is None
    transport = transport or make_transport(settings)
    try:
        searcher = Searcher(
            transport, allow_missing_phrases=settings.allow_missing_phrases, reconcile_attempts=settings.reconcile_attempts
        )
        found = searcher.search(search.query, window)
        mdat: SearchResult | None = None
        if mdat_window is not None:
            mdat = searcher.search(search.query, mdat_window)
        hits = set(found.pmids) | set(mdat.pmids if mdat else ())
        known = search_log.known_pmids(store, hits)
        carried: list[str] = []
        if previous is not None:
            earlier = store.run(previous.run_id).manifest or {}
            missing_before = earlier.get("fetch", {}).get("missing", [])
            carried = sorted(set(missing_before) - search_log.known_pmids(store, missing_before))
        plan = RefreshPlan(
            run_id=run.run_id,
            search_name=search.name,
            database=search.database,
            query=search.query,
            query_sha256=sha,
            through=through.isoformat(),
            full_search=previous is None,
            window=window.as_dict(),
            count=found.count,
            query_translation=found.query_translation,
            translations=[list(pair) for pair in found.translations],
            warnings=_merge_notes(found.warnings, mdat.warnings if mdat else {}),
            accepted_query_problems=found.accepted_problems,
            slices=found.slices,
            hits=_ordered(hits),
            mdat_window=mdat.window.as_dict() if mdat else None,
            mdat_hits=mdat.pmids if mdat else [],
            new_pmids=_ordered(hits - known),
            recheck_pmids=_ordered(set(mdat.pmids if mdat else ()) & known),
            carried_missing=_ordered(carried),
            known_hits=_ordered(hits & known),
            started_at=started_at,
        )
        search_log.record_search_window(
            store, run.run_id, search_name=search.name, query_sha256=sha, datetype="crdt",
            start=start, end=through, full_search=previous is None, hit_count=found.count,
        )  # fmt: skip
    except BaseException as exc:
        _fail_quietly(store, run.run_id, exc, settings)
        raise
    finally:
        plan_exchanges = [e.as_dict() for e in transport.exchanges]
        if own_transport:
            transport.close()
    plan.exchanges = plan_exchanges
    plan.search_seconds = round(time.perf_counter() - started, 3)
    return plan


# --------------------------------------------------------------------------- phase 2: fetch and store


def execute_refresh(
    store: Store,
    settings: EutilsSettings,
    plan: RefreshPlan,
    *,
    transport: EutilsTransport | None = None,
    progress: Progress | None = None,
) -> RefreshReport:
    """Fetch and store what `plan` found; complete its run with the manifest."""
    started = time.perf_counter()
    if store.run(plan.run_id).status == "failed":
        search_log.reopen_run(store, plan.run_id)  # a retried task continues its run
    own_transport = transport is None
    transport = transport or make_transport(settings)
    totals = BatchCounts()
    flagged = 0
    to_fetch = plan.to_fetch
    done = 0
    try:
        search_log.add_hits(store, plan.run_id, SOURCE, [f"pmid:{pmid}" for pmid in plan.known_hits])

        def store_batch(batch: FetchedBatch) -> None:
            nonlocal totals, flagged, done
            flagged += _flag(store, plan.run_id, batch)
            totals = totals + store.apply_batch(plan.run_id, batch.items)
            done += len(batch.requested)
            if progress is not None:
                progress(done, len(to_fetch))

        if progress is not None:
            progress(0, len(to_fetch))
        fetcher = Fetcher(
            transport, batch_size=settings.batch_size, workers=settings.workers, missing_retries=settings.missing_retries
        )
        report = fetcher.fetch(to_fetch, store_batch)
        exchanges = [
            {**e, "seq": seq} for seq, e in enumerate([*plan.exchanges, *(e.as_dict() for e in transport.exchanges)], 1)
        ]
        search_log.record_archive_files(
            store, plan.run_id,
            [{"sha256": e["body_sha256"], "bytes": e["body_bytes"], **{k: e[k] for k in ("seq", "endpoint", "outcome")}}
             for e in exchanges if e["body_sha256"]],
        )  # fmt: skip
        fetch_seconds = round(time.perf_counter() - started, 3)
        manifest = _manifest(settings, plan, report, exchanges, fetch_seconds, flagged)
        counts = {
            **totals.as_dict(),
            "hits": len(plan.hits),
            "fetched": len(to_fetch),
            "rechecked": len(plan.recheck_pmids),
            "missing": len(report.missing),
            "flags": flagged,
            "requests": len(exchanges),
        }
        store.finish_run(plan.run_id, counts, manifest)
    except BaseException as exc:
        _fail_quietly(store, plan.run_id, exc, settings)
        raise
    finally:
        if own_transport:
            transport.close()
    return RefreshReport(
        run_id=plan.run_id,
        search_name=plan.search_name,
        count=plan.count,
        window=plan.window,
        hits=len(plan.hits),
        fetched=len(to_fetch),
        new_records=totals.new_records,
        new_versions=totals.new_versions,
        updated=totals.updated,
        flags=flagged,
        missing=report.missing,
        requests=len(exchanges),
        seconds=round(plan.search_seconds + fetch_seconds, 3),
    )


def refresh(
    store: Store,
    settings: EutilsSettings,
    search: SavedSearch,
    *,
    through: date | None = None,
    full: bool = False,
    progress: Progress | None = None,
) -> RefreshReport:
    """Both phases with one transport (the CLI's `mbc-sr refresh`)."""
    with make_transport(settings) as transport:
        plan = plan_refresh(store, settings, search, through=through, full=full, transport=transport)
        transport.exchanges.clear()  # the plan carries the search's exchanges
        return execute_refresh(store, settings, plan, transport=transport, progress=progress)


# --------------------------------------------------------------------------- helpers


def _flag(store: Store, run_id: int, batch: FetchedBatch) -> int:
    records = [item.record for item in batch.items if isinstance(item, ParsedRecord)]
    previous = search_log.current_records(store, [record.key for record in records])
    rows = [
        (record.key, flag, detail, record.key not in previous)
        for record in records
        for flag, detail in new_flags(previous.get(record.key), record)
    ]
    return search_log.record_flags(store, run_id, rows)


def _manifest(settings, plan: RefreshPlan, report, exchanges, fetch_seconds: float, flagged: int) -> dict[str, Any]:
    fetched_pmids = [p for p in plan.to_fetch if p not in set(report.missing)]
    return {
        "manifest_version": mf.MANIFEST_VERSION,
        "kind": "pubmed-eutils-search",
        "search": {"name": plan.search_name, "database": plan.database, "query": plan.query, "query_sha256": plan.query_sha256},
        "through": plan.through,
        "full_search": plan.full_search,
        "window": plan.window,
        "overlap_days": settings.overlap_days,
        "count": plan.count,
        "query_translation": plan.query_translation,
        "translations": plan.translations,
        "warnings": plan.warnings,
        "accepted_query_problems": plan.accepted_query_problems,
        "slices": plan.slices,
        "hits": mf.pmid_list(plan.hits),
        "mdat_recheck": {"window": plan.mdat_window, "hits": len(plan.mdat_hits), "rechecked": mf.pmid_list(plan.recheck_pmids)},
        "fetch": {
            "new": mf.pmid_list(plan.new_pmids),
            "carried_missing": plan.carried_missing,
            "fetched": mf.pmid_list(fetched_pmids),
            "bodies": report.bodies,
            "flags": flagged,
            **report.as_dict(),
        },
        "requests": mf.request_summary(exchanges),
        "exchanges": exchanges,
        "archive": mf.archive_section(str(settings.archive_dir.resolve()), exchanges),
        "timings": {
            "started": plan.started_at,
            "finished": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            "search_seconds": plan.search_seconds,
            "fetch_seconds": fetch_seconds,
        },
        "settings": settings.public(),
        "software": mf.software_versions(),
    }


def _merge_notes(*notes: dict[str, list[str]]) -> dict[str, list[str]]:
    merged: dict[str, list[str]] = {}
    for note in notes:
        for kind, texts in note.items():
            merged.setdefault(kind, [])
            merged[kind].extend(t for t in texts if t not in merged[kind])
    return merged


def _ordered(pmids) -> list[str]:
    return sorted(set(pmids), key=lambda pmid: (len(pmid), pmid))


def _fail_quietly(store: Store, run_id: int, exc: BaseException, settings: EutilsSettings) -> None:
    from mbc_sr.sources.eutils.errors import redact

    try:
        store.fail_run(run_id, redact(f"{type(exc).__name__}: {exc}", settings.secrets))
    except Exception:  # noqa: BLE001 - the store may be what failed; keep the original error
        pass

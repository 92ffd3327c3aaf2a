"""Rebuild a search run's records from its archive, with no network.

The proof that a run's records came from the bytes its manifest names: every body is read
back from the content-addressed archive (its sha256 is checked against its name), the
esearch bodies must list every PMID the manifest says the search found, and the efetch
bodies, parsed in the order the run applied them, must give exactly the PMIDs the run
fetched (compared by the manifest's sha256 of the sorted list). With a target store the
records are stored there as a run of kind "replay", in the same batches and order as the
live run, so the target holds what the live run stored.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from mbc_sr.pubmed_xml import ParsedRecord
from mbc_sr.records import Deletion
from mbc_sr.sources.eutils.archive import Archive
from mbc_sr.sources.eutils.manifest import pmids_sha256
from mbc_sr.sources.eutils.replies import parse_efetch, parse_esearch
from mbc_sr.store import BatchCounts, Store

REPLAY_KIND = "replay"


class ReplayError(RuntimeError):
    """The archive does not reproduce the run (a body is missing, altered or disagrees)."""


@dataclass(frozen=True, slots=True)
class ReplayReport:
    run_id: int
    bodies: int
    records: int
    deletions: int
    fetched_sha256: str
    into_run_id: int | None
    counts: dict[str, Any] | None


def replay_run(store: Store, run_id: int, *, archive: Archive | None = None, into: Store | None = None) -> ReplayReport:
    """Check run `run_id` of `store` against its archive; store its records `into` a store."""
    info = store.run(run_id)
    manifest = info.manifest or {}
    if manifest.get("kind") != "pubmed-eutils-search":
        raise ReplayError(f"run {run_id} is a {info.kind} run without an E-utilities manifest: nothing to replay")
    archive = archive or Archive(manifest["archive"]["root"])
    _check_search(manifest, archive)

    target_run = None
    if into is not None:
        into.ensure_source(info.source, "database")
        target_run = into.begin_run(
            info.source, REPLAY_KIND, {"replay_of": run_id, "search": manifest["search"]["name"], "store": str(store.url)}
        ).run_id
    totals = BatchCounts()
    fetched: set[str] = set()
    records = deletions = 0
    try:
        for number, sha256 in enumerate(manifest["fetch"]["bodies"], start=1):
            items = parse_efetch(archive.get(sha256), f"archived body {number} ({sha256[:12]})")
            for item in items:
                if isinstance(item, ParsedRecord):
                    fetched.add(item.record.pmid)
                    records += 1
                elif isinstance(item, Deletion):
                    deletions += 1
            if target_run is not None:
                totals = totals + into.apply_batch(target_run, items)
        digest = pmids_sha256(fetched)
        expected = manifest["fetch"]["fetched"]["sha256"]
        if digest != expected:
            raise ReplayError(
                f"run {run_id}: the archived efetch bodies give {len(fetched)} PMIDs (sha256 {digest[:12]}) but the "
                f"manifest lists {manifest['fetch']['fetched']['count']} (sha256 {expected[:12]})"
            )
    except BaseException as exc:
        if target_run is not None:
            into.fail_run(target_run, f"{type(exc).__name__}: {exc}")
        raise
    counts = None
    if target_run is not None:
        counts = totals.as_dict()
        into.finish_run(target_run, counts, {"replay_of": run_id, "bodies": manifest["fetch"]["bodies"], "fetched_sha256": digest})
    return ReplayReport(run_id, len(manifest["fetch"]["bodies"]), records, deletions, digest, target_run, counts)


def _check_search(manifest: dict[str, Any], archive: Archive) -> None:
    """The accepted esearch bodies must list every PMID the manifest says the search found."""
    listed: set[str] = set()
    for entry in manifest["archive"]["files"]:
        if entry["endpoint"].startswith("esearch") and entry["outcome"] == "ok":
            listed.update(parse_esearch(archive.get(entry["sha256"])).ids)
    missing = set(manifest["hits"]["pmids"]) - listed
    if missing:
        raise ReplayError(
            f"the archived esearch bodies do not list {len(missing)} of the run's hits (e.g. {sorted(missing)[:3]})"
        )

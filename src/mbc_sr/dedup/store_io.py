"""The deduplication stage against the store (the edge: the stages themselves never touch it).

`deduplicate_store(store)` is update-aware:

1. records already deduplicated (they have a `dedup_clusters` row) keep their clusters and
   survivors; only records without one ("new": stored by ingests/imports since the last run)
   are compared — with each other and with everything stored;
2. a new record that duplicates a stored one joins that cluster and the stored survivor
   stays the survivor, even when the new record would otherwise be preferred (a PubMed
   copy of an Embase record): the survivor may have been screened, its decisions stay with
   it (screening maps every key through `survivor_map`), and nothing is re-screened;
3. a new record never joins two stored clusters (that would merge two records screened
   apart): such a pair goes to the review queue;
4. answers from the review queue are obeyed: "duplicate" merges, "distinct" keeps apart;
5. study links are recomputed over all survivors.

PRISMA's per-source duplicate counts follow from the clusters and the record hits
(`duplicate_counts_by_source`, by the rule in `mbc_sr.dedup.accounting`).
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from mbc_sr.dedup.accounting import identifications
from mbc_sr.dedup.stage import Previous, deduplicate
from mbc_sr.store import Store
from mbc_sr.store import dedup as dedup_store

__all__ = ["SourceDuplicates", "StoreDedupReport", "deduplicate_store", "duplicate_counts_by_source"]


@dataclass(frozen=True, slots=True)
class StoreDedupReport:
    run_id: int
    records: int  # live records considered
    new_records: int  # records not deduplicated before this run
    merged: int  # pairs merged in this run
    new_duplicates: int  # new records that joined an existing or new cluster as non-survivors
    review: int  # pairs sent to the review queue in this run
    studies: int  # linked studies (after this run)
    seconds: float

    def line(self) -> str:
        return (
            f"dedup run {self.run_id}: {self.records} records ({self.new_records} new), {self.merged} pairs merged, "
            f"{self.new_duplicates} new duplicates, {self.review} pairs to review, {self.studies} linked studies, "
            f"{self.seconds:.1f} s"
        )


def deduplicate_store(store: Store) -> StoreDedupReport:
    """Deduplicate the store's live records, update-aware (see the module docstring)."""
    started = time.perf_counter()
    assigned = dedup_store.cluster_assignments(store)
    old, new = [], []
    for record in store.iter_records():
        (old if record.key in assigned else new).append(record)
    records = old + new
    keys = [record.key for record in records]
    index_of = {key: i for i, key in enumerate(keys)}

    groups: dict[str, list[int]] = {}
    for record in old:
        groups.setdefault(assigned[record.key], []).append(index_of[record.key])
    # a cluster whose survivor PubMed has since deleted stays together; its first live member
    # takes the survivor's place
    previous = Previous(
        count=len(old),
        clusters=tuple(tuple(sorted(members)) for members in groups.values() if len(members) > 1),
        survivors=frozenset(index_of[s] if s in index_of else min(members) for s, members in groups.items()),
    )
    answers = [
        (index_of[a], index_of[b], same)
        for a, b, same in dedup_store.review_answers(store)
        if a in index_of and b in index_of
    ]
    run_id = dedup_store.begin_dedup_run(store, {"records": len(records), "new": len(new)})
    try:
        result = deduplicate(records, keys, previous=previous, review_decisions=answers)
        changed: dict[str, str] = {}
        new_duplicates = 0
        for index, key in enumerate(keys):
            survivor = keys[result.survivor_index(index)]
            if assigned.get(key) != survivor:
                changed[key] = survivor
                if index >= len(old) and survivor != key:
                    new_duplicates += 1
        merged = [(keys[p.left], keys[p.right], p.rule, p.scores) for p in result.duplicates]
        review = [(keys[p.left], keys[p.right], p.rule, p.scores) for p in result.review]
        studies = [
            (keys[member], keys[group.members[0]], group.basis) for group in result.studies for member in group.members
        ]
        counts = {
            "records": len(records), "new_records": len(new), "merged_pairs": len(merged),
            "new_duplicates": new_duplicates, "review": len(review), "studies": len(result.studies),
            "compared_pairs": result.compared,
        }  # fmt: skip
        dedup_store.save_dedup_result(
            store, run_id, clusters=changed, merged_pairs=merged, review=review, studies=studies, counts=counts
        )
    except BaseException as exc:
        try:
            dedup_store.fail_dedup_run(store, run_id, f"{type(exc).__name__}: {exc}")
        except Exception:  # noqa: BLE001 - never hide the original error
            pass
        raise
    return StoreDedupReport(
        run_id, len(records), len(new), len(merged), new_duplicates, len(review), len(result.studies),
        time.perf_counter() - started,
    )  # fmt: skip


@dataclass(frozen=True, slots=True)
class SourceDuplicates:
    """PRISMA identification per source: distinct records found, and how many of them were
    removed as duplicates of a record kept (found earlier, or by another source)."""

    source: str
    records: int
    duplicates: int


def duplicate_counts_by_source(store: Store) -> list[SourceDuplicates]:
    """Per source: distinct records it found, and how many were duplicates removed (the rule
    of `mbc_sr.dedup.accounting`, over the store's hits and clusters)."""
    found = identifications(*dedup_store.identification_inputs(store))
    return [SourceDuplicates(name, found.identified[name], found.duplicates[name]) for name in sorted(found.identified)]

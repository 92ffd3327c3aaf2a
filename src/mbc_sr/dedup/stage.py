"""The deduplication stage over records: prepare → block → match → cluster → merge → studies.

Pure: records in, a `DedupResult` out; no store, no files. The standalone command and the
store-facing stage (`mbc_sr.dedup.store_io`) both call `deduplicate`.

Update-aware use: pass the records already deduplicated first (`previous`, with their
clusters and survivors) and the new records after them. Only pairs involving a new record
are compared; the stored clusters are kept as they are; a stored survivor stays the
survivor when a new record joins its cluster; and no cluster may end up with two stored
survivors (such a union goes to the review queue instead).
"""

from __future__ import annotations

import gc
import time
from collections.abc import Sequence
from dataclasses import dataclass, field

from mbc_sr.dedup.block import candidate_pairs
from mbc_sr.dedup.cluster import cluster_pairs
from mbc_sr.dedup.match import REVIEW, PairDecision, match_pairs
from mbc_sr.dedup.merge import MergedRecord, merge_cluster
from mbc_sr.dedup.normalise import Prepared, prepare
from mbc_sr.dedup.studies import StudyGroup, link_studies
from mbc_sr.records import Record

__all__ = ["DedupResult", "Previous", "deduplicate"]


@dataclass(frozen=True, slots=True)
class Previous:
    """What an earlier run decided for the first `count` records: clusters (as index groups of
    two or more) and survivors (the surviving index of every stored record's cluster, and of
    every stored singleton)."""

    count: int
    clusters: tuple[tuple[int, ...], ...] = ()
    survivors: frozenset[int] = frozenset()


@dataclass(slots=True)
class DedupResult:
    """Everything a run decided, by record index (`record_ids[i]` names record i)."""

    record_ids: list[str]
    cluster_of: list[int]  # cluster number per record (0..k-1, in order of first member)
    clusters: list[tuple[int, ...]]  # every cluster, singletons included
    merged: dict[int, MergedRecord]  # cluster number -> survivor (clusters of 2+ only)
    duplicates: list[PairDecision]  # pairs merged by a rule (and applied)
    review: list[PairDecision]  # uncertain pairs, not merged
    cannot_link: list[PairDecision]
    studies: list[StudyGroup]  # members are record indices (survivors of their clusters)
    compared: int
    seconds: dict[str, float] = field(default_factory=dict)

    def survivor_index(self, index: int) -> int:
        """The index of the record that survives for record `index` (itself if unique)."""
        merged = self.merged.get(self.cluster_of[index])
        return merged.survivor if merged else index

    @property
    def removed(self) -> int:
        """Records removed as duplicates (records in − records left)."""
        return len(self.record_ids) - len(self.clusters)


def _review_from_refused(refused: list[PairDecision]) -> list[PairDecision]:
    return [
        PairDecision(p.left, p.right, REVIEW, f"{p.rule}, but merging would join records kept apart", p.scores)
        for p in refused
    ]


def _drop_ambiguous(duplicates: list[PairDecision], cannot_link: list[PairDecision]) -> tuple[list[PairDecision], list[PairDecision]]:
    """Pairs (x, y) and (x, z) where y and z must stay apart: x matches two different records
    equally well by the rules (two PubMed records of one title, say), so which one it copies
    is a person's call. Both pairs go to review instead of letting rule order decide."""
    apart = {(min(p.left, p.right), max(p.left, p.right)) for p in cannot_link}
    if not apart:
        return duplicates, []
    partners: dict[int, list[int]] = {}
    for p in duplicates:
        partners.setdefault(p.left, []).append(p.right)
        partners.setdefault(p.right, []).append(p.left)
    doubtful: set[tuple[int, int]] = set()
    for x, others in partners.items():
        if len(others) < 2:
            continue
        for i, y in enumerate(others):
            for z in others[i + 1 :]:
                if (min(y, z), max(y, z)) in apart:
                    doubtful.add((min(x, y), max(x, y)))
                    doubtful.add((min(x, z), max(x, z)))
    if not doubtful:
        return duplicates, []
    keep, review = [], []
    for p in duplicates:
        if (min(p.left, p.right), max(p.left, p.right)) in doubtful:
            review.append(PairDecision(p.left, p.right, REVIEW, f"{p.rule}, but it matches two records kept apart", p.scores))
        else:
            keep.append(p)
    return keep, review


def deduplicate(
    records: Sequence[Record],
    record_ids: Sequence[str] | None = None,
    *,
    previous: Previous | None = None,
    review_decisions: Sequence[tuple[int, int, bool]] = (),
    link: bool = True,
) -> DedupResult:
    """Deduplicate `records` (see the module docstring).

    `review_decisions` are (index, index, is_duplicate) answers from the review queue: a
    "duplicate" answer merges the pair (rule "review decision: duplicate"); "distinct" keeps
    it apart for good (cannot-link). `link=False` skips study linkage.
    """
    # the run builds a few objects per record and pair and frees none of them until the end:
    # the cyclic garbage collector would walk them again and again (measurably superlinear at
    # 100k records) for nothing; it is restored afterwards
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _deduplicate(records, record_ids, previous, review_decisions, link)
    finally:
        if enabled:
            gc.enable()


def _deduplicate(records, record_ids, previous, review_decisions, link) -> DedupResult:
    timings: dict[str, float] = {}
    clock = time.perf_counter()
    ids = list(record_ids) if record_ids is not None else [record.key for record in records]
    prepared: list[Prepared] = [prepare(record, index, ids[index]) for index, record in enumerate(records)]
    timings["prepare"], clock = time.perf_counter() - clock, time.perf_counter()

    new_from = previous.count if previous else 0
    pairs = candidate_pairs(prepared, new_from=new_from)
    timings["block"], clock = time.perf_counter() - clock, time.perf_counter()

    matched = match_pairs(prepared, pairs)
    timings["match"], clock = time.perf_counter() - clock, time.perf_counter()

    decided = {(min(a, b), max(a, b)): same for a, b, same in review_decisions}
    duplicates = [p for p in matched.duplicates if decided.get((p.left, p.right), True)]
    cannot_link = list(matched.cannot_link)
    review = [p for p in matched.review if (p.left, p.right) not in decided]
    duplicates, ambiguous = _drop_ambiguous(duplicates, cannot_link)
    review.extend(ambiguous)
    human: list[PairDecision] = []
    for (a, b), same in decided.items():
        pair = PairDecision(a, b, "duplicate" if same else "distinct", f"review decision: {'duplicate' if same else 'distinct'}", {})
        (human if same else cannot_link).append(pair)
    # a person's "duplicate" is obeyed like a stored cluster: joined first, over any machine
    # objection (and even across two stored survivors)
    prelinked = [*(previous.clusters if previous else ()), *((p.left, p.right) for p in human)]
    uf, refused = cluster_pairs(
        len(records),
        duplicates,
        cannot_link,
        prelinked=prelinked,
        anchors=previous.survivors if previous else (),
    )
    refused_keys = {(p.left, p.right) for p in refused}
    applied = human + [p for p in duplicates if (p.left, p.right) not in refused_keys]
    review.extend(_review_from_refused(refused))

    roots: dict[int, int] = {}
    cluster_of: list[int] = []
    clusters: list[list[int]] = []
    for index in range(len(records)):
        root = uf.find(index)
        number = roots.setdefault(root, len(roots))
        if number == len(clusters):
            clusters.append([])
        clusters[number].append(index)
        cluster_of.append(number)
    stored_survivors = previous.survivors if previous else frozenset()
    merged = {
        number: merge_cluster(records, members, stored_survivors)
        for number, members in enumerate(clusters)
        if len(members) > 1
    }
    timings["cluster+merge"], clock = time.perf_counter() - clock, time.perf_counter()

    studies: list[StudyGroup] = []
    if link:
        survivors = [merged[n].survivor if n in merged else members[0] for n, members in enumerate(clusters)]
        survivor_records = [merged[n].record if n in merged else records[members[0]] for n, members in enumerate(clusters)]
        studies = [
            StudyGroup(tuple(survivors[m] for m in group.members), group.basis)
            for group in link_studies(survivor_records)
        ]
    timings["studies"] = time.perf_counter() - clock
    return DedupResult(
        record_ids=ids,
        cluster_of=cluster_of,
        clusters=[tuple(members) for members in clusters],
        merged=merged,
        duplicates=applied,
        review=review,
        cannot_link=cannot_link,
        studies=studies,
        compared=matched.compared,
        seconds=timings,
    )

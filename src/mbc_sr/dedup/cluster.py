"""Clustering: duplicate pairs → groups of records that are one article (union-find).

Pairs are applied strongest rule first (identifiers, then titles with the most evidence),
and a union is refused when it would put a cannot-link pair into one cluster — an article
with its erratum, two records with different PMIDs or DOIs. Without that check a chain of
individually plausible merges (A≈B, B≈C) could join two different articles through a
third record; a refused union is returned so it can go to the review queue instead.

Union by size with path halving: near-constant time per operation, so clustering is never
the slow part even at 100k records.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from mbc_sr.dedup.match import PairDecision

__all__ = ["RULE_STRENGTH", "UnionFind", "cluster_pairs"]

#: order in which rules are applied (stronger first); unknown rules last
RULE_STRENGTH = (
    "same PMID",
    "same PMCID",
    "same DOI",
    "review decision: duplicate",
    "same title and authors, bibliographic details agree",
    "similar title, same volume and first page",
)


class UnionFind:
    """Disjoint sets over 0..n-1 with cannot-link constraints between elements."""

    def __init__(self, n: int, anchors: Iterable[int] = ()):
        self.parent = list(range(n))
        self.size = [1] * n
        self.forbidden: dict[int, set[int]] = {}  # root -> elements its cluster may not join
        # roots of clusters holding an anchor (a stored survivor): two anchored clusters
        # never join, so a new record cannot silently merge two records screened before
        self.anchored: set[int] = set(anchors)

    def find(self, x: int) -> int:
        parent = self.parent
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def forbid(self, a: int, b: int) -> None:
        """Record that a and b may never end up in one cluster."""
        ra, rb = self.find(a), self.find(b)
        self.forbidden.setdefault(ra, set()).add(b)
        self.forbidden.setdefault(rb, set()).add(a)

    def _conflicts(self, ra: int, rb: int) -> bool:
        for root, other in ((ra, rb), (rb, ra)):
            for element in self.forbidden.get(root, ()):
                if self.find(element) == other:
                    return True
        return False

    def union(self, a: int, b: int) -> bool:
        """Join the clusters of a and b; False (nothing changed) when that is forbidden."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        if (ra in self.anchored and rb in self.anchored) or self._conflicts(ra, rb):
            return False
        if self.size[ra] < self.size[rb]:
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.size[ra] += self.size[rb]
        if rb in self.anchored:
            self.anchored.discard(rb)
            self.anchored.add(ra)
        moved = self.forbidden.pop(rb, None)
        if moved:
            self.forbidden.setdefault(ra, set()).update(moved)
        return True

    def groups(self) -> list[list[int]]:
        """Clusters of two or more elements, each sorted, ordered by their first element."""
        members: dict[int, list[int]] = {}
        for x in range(len(self.parent)):
            members.setdefault(self.find(x), []).append(x)
        return sorted((group for group in members.values() if len(group) > 1), key=lambda g: g[0])


def _strength(rule: str) -> int:
    try:
        return RULE_STRENGTH.index(rule)
    except ValueError:
        return len(RULE_STRENGTH)


def cluster_pairs(
    n: int,
    duplicates: Iterable[PairDecision],
    cannot_link: Iterable[PairDecision] = (),
    *,
    prelinked: Sequence[Sequence[int]] = (),
    anchors: Iterable[int] = (),
) -> tuple[UnionFind, list[PairDecision]]:
    """Cluster n records; return the union-find and the duplicate pairs whose union was refused.

    `prelinked` are clusters known before this run (update-aware runs: the stored clusters),
    joined first and without question; `anchors` are records (stored survivors) of which no
    cluster may hold two.
    """
    uf = UnionFind(n)
    for group in prelinked:
        for other in group[1:]:
            uf.union(group[0], other)
    uf.anchored = {uf.find(a) for a in anchors}
    for pair in cannot_link:
        uf.forbid(pair.left, pair.right)
    refused = []
    for pair in sorted(duplicates, key=lambda p: (_strength(p.rule), -float(p.scores.get("title") or 0), p.left, p.right)):
        if not uf.union(pair.left, pair.right):
            refused.append(pair)
    return uf, refused

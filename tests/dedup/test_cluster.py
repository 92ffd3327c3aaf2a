"""Union-find with cannot-link constraints and anchors (stored survivors)."""

from __future__ import annotations

from mbc_sr.dedup.cluster import UnionFind, cluster_pairs
from mbc_sr.dedup.match import PairDecision


def pair(a, b, rule="same title and authors, bibliographic details agree"):
    return PairDecision(a, b, "duplicate", rule, {"title": 100})


def test_chains_cluster_transitively():
    uf, refused = cluster_pairs(5, [pair(0, 1), pair(1, 2), pair(3, 4)])
    assert uf.groups() == [[0, 1, 2], [3, 4]] and refused == []


def test_a_chain_through_a_third_record_cannot_join_a_cannot_link_pair():
    uf, refused = cluster_pairs(3, [pair(0, 1), pair(1, 2)], [PairDecision(0, 2, "distinct", "never merged: article and erratum")])
    assert len(uf.groups()) == 1 and len(uf.groups()[0]) == 2
    assert len(refused) == 1
    assert uf.find(0) != uf.find(2)


def test_stronger_rules_are_applied_first():
    weak = pair(1, 2, "similar title, same volume and first page")
    strong = pair(0, 1, "same PMID")
    uf, refused = cluster_pairs(3, [weak, strong], [PairDecision(0, 2, "distinct", "different DOIs")])
    assert uf.find(0) == uf.find(1) and refused == [weak]


def test_anchored_clusters_never_join():
    uf = UnionFind(4, anchors=[0, 1])
    assert uf.union(0, 2)
    assert not uf.union(2, 1)
    assert uf.union(1, 3)
    assert uf.find(0) != uf.find(1)


def test_prelinked_clusters_are_kept():
    uf, _ = cluster_pairs(4, [], prelinked=[(0, 3)])
    assert uf.groups() == [[0, 3]]

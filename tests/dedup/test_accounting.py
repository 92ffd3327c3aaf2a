"""PRISMA's duplicates per source: the first identification of an article is kept, the rest
are duplicates removed from the sources that found them."""

from mbc_sr.dedup.accounting import identifications


def test_a_later_copy_from_another_source_is_that_sources_duplicate():
    hits = [(1, "PubMed", "pmid:1"), (2, "Embase", "embase:9")]
    found = identifications(hits, {"embase:9": "pmid:1"})
    assert found.identified == {"PubMed": 1, "Embase": 1}
    assert found.duplicates == {"Embase": 1}
    assert found.clusters == {"pmid:1"}


def test_within_one_run_the_survivors_own_hit_is_kept():
    hits = [(1, "Embase", "embase:9"), (1, "PubMed", "pmid:1")]
    found = identifications(hits, {"embase:9": "pmid:1"})
    assert found.duplicates == {"Embase": 1}


def test_a_record_found_again_by_the_same_source_counts_once():
    hits = [(1, "PubMed", "pmid:1"), (2, "PubMed", "pmid:1")]
    found = identifications(hits, {})
    assert found.identified == {"PubMed": 1} and not found.duplicates


def test_a_duplicate_within_one_source_is_removed_from_that_source():
    hits = [(1, "Embase", "embase:1"), (1, "Embase", "embase:2")]
    found = identifications(hits, {"embase:2": "embase:1"})
    assert found.identified == {"Embase": 2} and found.duplicates == {"Embase": 1}

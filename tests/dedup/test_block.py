"""Blocking keeps (nearly) every true duplicate pair of the shared benchmark sets, at near-linear cost."""

from __future__ import annotations

import pytest

from mbc_sr.dedup.block import candidate_pairs
from mbc_sr.dedup.io import read_csv_records
from mbc_sr.dedup.normalise import prepare
from tests.dedup.conftest import BENCHMARK_SETS, benchmark_set, make_record, true_pairs


@pytest.mark.parametrize("name", BENCHMARK_SETS)
def test_blocking_keeps_at_least_99_5_percent_of_true_pairs(name):
    directory = benchmark_set(name)
    records = read_csv_records(directory / "records_pre_merged.csv")
    ids = [r.source_record_id for r in records]
    prepared = [prepare(r, i, ids[i]) for i, r in enumerate(records)]
    pairs = candidate_pairs(prepared)
    candidates = {tuple(sorted((ids[a], ids[b]))) for a, b in pairs}
    truth = true_pairs(directory)
    kept = len(truth & candidates) / len(truth)
    assert kept >= 0.995, f"{name}: blocking kept {kept:.4f} of {len(truth)} true pairs"
    # near-linear: a handful of candidates per record, never all pairs
    assert len(pairs) <= 5 * len(records)
    assert len(pairs) < len(records) * (len(records) - 1) / 2 or len(records) < 20


def test_pairs_are_unique_ordered_and_never_self():
    records = [make_record(str(i), "Everolimus plus exemestane in advanced breast cancer") for i in range(5)]
    prepared = [prepare(r, i) for i, r in enumerate(records)]
    pairs = candidate_pairs(prepared)
    assert len(pairs) == 10
    assert all(a < b for a, b in pairs)


def test_update_runs_compare_only_pairs_with_a_new_record():
    records = [make_record(str(i), "Everolimus plus exemestane in advanced breast cancer") for i in range(4)]
    prepared = [prepare(r, i) for i, r in enumerate(records)]
    pairs = candidate_pairs(prepared, new_from=3)
    assert sorted(map(tuple, pairs.tolist())) == [(0, 3), (1, 3), (2, 3)]


def test_large_blocks_are_filtered_by_title_similarity():
    # 60 records by one author in one year: all-pairs would be 1,770; only similar titles pass
    import random

    rng = random.Random(5)
    vocabulary = "tumour cell breast lung survival therapy trial cohort risk dose kinase signal patients outcome marker growth".split()
    records = [
        make_record(str(i), " ".join(rng.sample(vocabulary, 8)), authors=("Wang X",), volume=str(i), pages=str(i))
        for i in range(60)
    ]
    records.append(make_record("dup", records[0].title, authors=("Wang X",), volume="0", pages="0"))
    prepared = [prepare(r, i) for i, r in enumerate(records)]
    pairs = {tuple(p) for p in candidate_pairs(prepared).tolist()}
    assert (0, 60) in pairs
    assert len(pairs) < 200

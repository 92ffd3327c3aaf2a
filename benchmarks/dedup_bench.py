"""Deduplication benchmark: the public sets with ground truth, bib-dedupe side by side, and scaling.

    python benchmarks/dedup_bench.py [--sets NAME ...] [--no-bib-dedupe] [--scaling 10000 100000] [--runs 2]

For each shared set (../shared/data/dedup/{respiratory,cytology_screening,special_cases}):
pairwise precision, recall and F1 over within-cluster record pairs (every pair of records the
method put in one cluster, against every pair of the ground truth's `merged_record_ids.csv`);
false merges (predicted pairs that are not true duplicates); records left vs the true unique
count; pairs sent to review (never merged); wall time of the deduplication itself (the CSV is
read before the clock starts, for both tools). With bib-dedupe 0.11 installed, it runs on the
same records in the same process (prep → block → match → cluster) and the same metrics and
the time ratio are printed.

Scaling: real PubMed records with injected duplicates (see benchmarks/dedup_scaling.py for
the generator), at each size given; time, pairwise P/R/F1, false merges.
Print the machine load (uptime) alongside: the machine may be shared.
"""

from __future__ import annotations

import argparse
import csv
import itertools
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))
SHARED_DEDUP = ROOT.parent / "shared" / "data" / "dedup"
SETS = ("respiratory", "cytology_screening", "special_cases")


def true_clusters(directory: Path) -> list[list[str]]:
    with (directory / "merged_record_ids.csv").open(newline="") as stream:
        return [row["merged_ids"].split(";") for row in csv.DictReader(stream)]


def pairs_of(clusters) -> set[tuple[str, str]]:
    pairs: set[tuple[str, str]] = set()
    for members in clusters:
        pairs.update(itertools.combinations(sorted(members), 2))
    return pairs


def metrics(predicted_clusters, truth_pairs, n_records: int, true_unique: int) -> dict:
    predicted = pairs_of(predicted_clusters)
    tp = len(predicted & truth_pairs)
    fp = len(predicted - truth_pairs)
    fn = len(truth_pairs - predicted)
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    left = n_records - sum(len(c) - 1 for c in predicted_clusters)
    return {"tp": tp, "fp": fp, "fn": fn, "precision": precision, "recall": recall, "f1": f1, "left": left, "true_unique": true_unique}


def fmt(name: str, m: dict, seconds: float, extra: str = "") -> str:
    return (
        f"  {name:<11} P {m['precision']:.4f}  R {m['recall']:.4f}  F1 {m['f1']:.4f}  "
        f"TP {m['tp']:>4}  false merges {m['fp']:>3}  FN {m['fn']:>3}  "
        f"left {m['left']} (true unique {m['true_unique']})  {seconds:7.2f} s{extra}"
    )


def run_ours(records, ids):
    from mbc_sr.dedup import deduplicate

    started, cpu = time.perf_counter(), time.process_time()
    result = deduplicate(records, ids)
    seconds = time.perf_counter() - started
    result.seconds["cpu"] = time.process_time() - cpu  # all threads; less sensitive to a shared machine's load
    clusters = [[ids[i] for i in members] for members in result.clusters if len(members) > 1]
    return clusters, seconds, result


def run_bib_dedupe(path: Path):
    import logging
    import warnings

    import pandas as pd
    from bib_dedupe.bib_dedupe import block, cluster, match, prep

    warnings.filterwarnings("ignore")
    logging.disable(logging.WARNING)
    frame = pd.read_csv(path)
    started = time.perf_counter()
    prepared = prep(frame, verbosity_level=0)
    blocked = block(prepared, verbosity_level=0)
    matched = match(blocked, verbosity_level=0)
    clusters = cluster(matched, verbosity_level=0)
    seconds = time.perf_counter() - started
    return [sorted(c) for c in clusters if len(c) > 1], seconds


def bench_sets(names, with_bib_dedupe: bool, runs: int) -> None:
    from mbc_sr.dedup.io import read_csv_records

    have_bd = False
    if with_bib_dedupe:
        try:
            import bib_dedupe  # noqa: F401
            from importlib.metadata import version

            have_bd = True
            print(f"bib-dedupe {version('bib-dedupe')} installed: running it side by side")
        except ImportError:
            print("bib-dedupe not installed (pip install bib-dedupe==0.11.0 to compare)")
    for name in names:
        directory = SHARED_DEDUP / name
        path = directory / "records_pre_merged.csv"
        records = read_csv_records(path)
        ids = [r.source_record_id for r in records]
        truth = true_clusters(directory)
        truth_pairs = pairs_of(truth)
        true_unique = len(records) - sum(len(c) - 1 for c in truth)
        print(f"{name}: {len(records)} records, {len(truth_pairs)} true duplicate pairs, {true_unique} unique")
        times = []
        for _ in range(runs):
            clusters, seconds, result = run_ours(records, ids)
            times.append(seconds)
        ours = metrics(clusters, truth_pairs, len(records), true_unique)
        print(fmt("mbc-sr", ours, min(times), f"  (best of {runs}; review queue {len(result.review)} pairs)"))
        if have_bd:
            try:
                bd_clusters, bd_seconds = run_bib_dedupe(path)
            except Exception as exc:  # noqa: BLE001 - report and go on
                print(f"  bib-dedupe  failed: {type(exc).__name__}: {exc}")
                continue
            bd = metrics(bd_clusters, truth_pairs, len(records), true_unique)
            print(fmt("bib-dedupe", bd, bd_seconds))
            print(f"  speed-up: {bd_seconds / min(times):.1f}x; recall mbc-sr {ours['recall']:.4f} vs bib-dedupe {bd['recall']:.4f}")


def bench_scaling(sizes, runs: int) -> None:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from dedup_scaling import build_set, load_base

    largest = max(sizes)
    started = time.perf_counter()
    pool = load_base(int(0.5 * largest))
    print(f"scaling: {len(pool)} real base records loaded in {time.perf_counter() - started:.1f} s")
    timings, cpu_times = {}, {}
    for n in sizes:
        records, ids, truth = build_set(n, pool)
        groups: dict[int, list[str]] = {}
        for rid, number in truth.items():
            groups.setdefault(number, []).append(rid)
        truth_clusters = [g for g in groups.values() if len(g) > 1]
        truth_pairs = pairs_of(truth_clusters)
        best = None
        for _ in range(runs):
            clusters, seconds, result = run_ours(records, ids)
            best = seconds if best is None else min(best, seconds)
        m = metrics(clusters, truth_pairs, len(records), len(groups))
        timings[n] = best
        cpu_times[n] = result.seconds["cpu"]
        stages = ", ".join(f"{k} {v:.1f}" for k, v in result.seconds.items())
        print(fmt(f"{n:>7,}", m, best, f"  (review {len(result.review)}; {stages})"))
    if len(timings) > 1:
        small, large = min(timings), max(timings)
        print(
            f"  time({large:,}) / time({small:,}) = {timings[large] / timings[small]:.1f} wall, "
            f"{cpu_times[large] / cpu_times[small]:.1f} CPU"
        )


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sets", nargs="*", default=list(SETS))
    parser.add_argument("--no-bib-dedupe", action="store_true")
    parser.add_argument("--scaling", nargs="*", type=int, default=[10_000, 100_000])
    parser.add_argument("--runs", type=int, default=2, help="timed runs of mbc-sr per set (best is reported)")
    args = parser.parse_args(argv)
    load = os.getloadavg()
    print(f"machine: {os.cpu_count()} cores, load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")
    if args.sets:
        bench_sets(args.sets, not args.no_bib_dedupe, args.runs)
    if args.scaling:
        bench_scaling(args.scaling, 1)
    load = os.getloadavg()
    print(f"load average at the end: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

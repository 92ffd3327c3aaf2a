"""Local search benchmark: the review's PubMed query over local PubMed files, parse + evaluate + store.

Run it by hand or with `make bench-local-search`; it prints figures, it asserts nothing.

1. The review's saved search (config/review.toml) over all of pubmed21n1298.xml.gz (20,788
   records, 40 MB gzip) into a fresh SQLite store: wall time and records/s. Target from the
   issue: <= 15 s on this machine.
2. Both shared PubMed files (pubmed20n0014 + pubmed21n1298, 50,788 records): serial vs a
   2-process pool vs a 2-worker Dask LocalCluster (its start-up included), and the speed-up.
   Every variant stores the same records and runs (the tests check that; here the matched
   PMIDs are compared too).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data" / "pubmed"
sys.path.insert(0, str(ROOT / "src"))

TARGET_SECONDS = 15.0


def run(files: list[Path], engine: str, workers: int) -> tuple[float, int, list[str]]:
    from mbc_sr.config import load_config
    from mbc_sr.sources.pubmed_files import LocalSearch, run_local_source
    from mbc_sr.store import open_store

    saved = load_config(ROOT / "config" / "review.toml").search("pubmed-mtor-mbc")
    with tempfile.TemporaryDirectory(prefix="mbc-sr-bench-") as directory:
        store = open_store(Path(directory) / "bench.sqlite")
        try:
            started = time.perf_counter()
            reports = run_local_source(store, files, search=LocalSearch(saved.name, saved.query), engine=engine, workers=workers)
            seconds = time.perf_counter() - started
            scanned = sum(store.run(r.run_id).manifest["scanned_records"] for r in reports)
            hits = sorted(pmid for r in reports for pmid in store.run(r.run_id).manifest["hits"]["pmids"])
        finally:
            store.close()
    return seconds, scanned, hits


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=1, help="runs per measurement; the best is shown")
    args = parser.parse_args()
    single = SHARED / "pubmed21n1298.xml.gz"
    both = [SHARED / "pubmed20n0014.xml.gz", single]
    missing = [str(path) for path in both if not path.exists()]
    if missing:
        print(f"shared data not found: {', '.join(missing)}", file=sys.stderr)
        return 2

    import os

    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    print(f"machine: {os.cpu_count()} CPUs, load average {load} (other work on the machine slows every figure)")
    best = min((run([single], "serial", 1) for _ in range(args.repeat)), key=lambda r: r[0])
    seconds, scanned, hits = best
    verdict = "meets" if seconds <= TARGET_SECONDS else "MISSES"
    print(f"review query over {single.name}: {scanned} records searched, {len(hits)} matches "
          f"({', '.join(hits)}), parse + evaluate + store {seconds:.2f} s = {scanned / seconds:,.0f} records/s "
          f"({verdict} the <= {TARGET_SECONDS:.0f} s target)")  # fmt: skip

    print(f"\nboth shared files ({', '.join(p.name for p in both)}):")
    baseline = None
    results = {}
    for engine, workers in (("serial", 1), ("processes", 2), ("dask", 2)):
        seconds, scanned, hits = min((run(both, engine, workers) for _ in range(args.repeat)), key=lambda r: r[0])
        results[engine] = hits
        baseline = baseline or seconds
        label = {"serial": "serial", "processes": "2-process pool", "dask": "2-worker Dask LocalCluster (start-up included)"}[engine]
        print(f"  {label:48s} {seconds:6.2f} s  {scanned / seconds:8,.0f} records/s  speed-up x{baseline / seconds:.2f}")
    same = len({tuple(hits) for hits in results.values()}) == 1
    print(f"  matches identical across engines: {'yes' if same else 'NO'} ({len(results['serial'])} PMIDs)")
    print(f"load average at the end: {', '.join(f'{value:.1f}' for value in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

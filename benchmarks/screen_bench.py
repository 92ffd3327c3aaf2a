"""Throughput of `screen run` (the rules stage over the store), in records per second.

Ingests a PubMed file into a fresh temporary SQLite store (not timed), then times
`run_rules` over every record: reading each record from the store, evaluating the review's
protocol, and appending the rules decisions (one transaction per 2,000). Prints the figure
and the machine's load average, which matters on a shared machine.

    python benchmarks/screen_bench.py [FILE]   (default: ../shared/data/pubmed/pubmed21n1298.xml.gz)
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT = REPO.parent / "shared" / "data" / "pubmed" / "pubmed21n1298.xml.gz"


def main(argv: list[str]) -> int:
    from mbc_sr.config import load_config
    from mbc_sr.pipeline import ingest_pubmed_files
    from mbc_sr.pipeline_screen import load_screening_protocol, run_rules
    from mbc_sr.screen.rules import RuleEngine
    from mbc_sr.store import open_store

    path = Path(argv[0]) if argv else DEFAULT
    protocol = load_screening_protocol(load_config(REPO / "config" / "review.toml"))
    with tempfile.TemporaryDirectory(prefix="mbc-sr-screen-bench-") as tmp:
        store = open_store(Path(tmp) / "bench.sqlite")
        try:
            started = time.perf_counter()
            ingest_pubmed_files(store, [path])
            print(f"ingested {path.name} in {time.perf_counter() - started:.1f} s (not part of the figure)")
            load_before = os.getloadavg()
            report = run_rules(store, protocol)
            load_after = os.getloadavg()
            # the rules alone, without the store (records already in memory)
            records = list(store.iter_records())
            engine = RuleEngine(protocol)
            t0 = time.perf_counter()
            for record in records:
                engine.evaluate(record)
            pure = time.perf_counter() - t0
        finally:
            store.close()
    print(f"screen run: {report.screened} records in {report.seconds:.2f} s = {report.screened / report.seconds:,.0f} records/s "
          f"(criteria {report.criteria_version}; outcomes {report.outcomes})")
    print(f"rules only (in memory): {len(records) / pure:,.0f} records/s")
    print(f"load average before {load_before[0]:.2f}, after {load_after[0]:.2f} ({os.cpu_count()} CPUs)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

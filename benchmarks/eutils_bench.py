"""E-utilities benchmark against the NCBI stand-in (127.0.0.1; PubMed is never contacted).

Run it by hand or with `make bench-eutils`; it prints figures, it asserts nothing.

The stand-in (tests/support/ncbi_standin.py) serves every record of the June 2021 update
file pubmed21n1298 (20,788 records, 20,783 distinct PMIDs) and enforces NCBI's limits: 3
requests per second per client (10 with an API key; 429 beyond) and the 9,999-id esearch
paging cap. The saved search is `all[sb]` (every record), so the initial load needs the
Create Date slicing. Measured, each into a fresh SQLite store:

1. initial load: the first refresh (full search, efetch of every PMID, store, manifest);
2. no-change refresh, same day: nothing can have changed (Create Date window only);
3. no-change refresh, a week later: PubMed unchanged (Create Date + Modification Date windows);
4. the same week-later refresh with the stand-in's clock moved on too: records whose History
   has dates after 2021-06-07 (EDAT/MeSH dates of the newest records) now count as modified
   ([mdat]) and are fetched again — the cost of the re-check when PubMed does change.

For each: requests (as the client counted them, and as the server saw them), wall time,
requests per 1,000 records fetched, the peak request rate the server saw in any one-second
window, and rate-limit violations (429s the server had to send).
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

SHARED = ROOT.parent / "shared" / "data" / "pubmed"
THROUGH = date(2021, 6, 7)
BENCH_KEY = "bench-api-key"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--file", type=Path, default=SHARED / "pubmed21n1298.xml.gz")
    parser.add_argument("--query", default="all[sb]")
    parser.add_argument("--api-key", action="store_true", help="use an API key (10 requests/s instead of 3)")
    parser.add_argument("--batch-size", type=int, default=500)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args(argv)

    from mbc_sr.config import SavedSearch
    from mbc_sr.sources.eutils.refresh import refresh
    from mbc_sr.sources.eutils.settings import EutilsSettings
    from mbc_sr.store import open_store
    from tests.support.ncbi_standin import Corpus, NCBIStandin

    started = time.perf_counter()
    corpus = Corpus.from_files([args.file])
    print(f"stand-in corpus: {args.file.name}, {len(corpus.records):,} distinct PMIDs, "
          f"loaded in {time.perf_counter() - started:.1f} s (not counted below)")  # fmt: skip
    search = SavedSearch("bench", "pubmed", args.query)
    key = BENCH_KEY if args.api_key else None
    limit = 10 if key else 3
    print(f"query {args.query!r}; API key: {'yes' if key else 'no'} (NCBI limit {limit}/s); "
          f"batch size {args.batch_size}; {args.workers} efetch workers\n")  # fmt: skip

    with tempfile.TemporaryDirectory(prefix="eutils-bench-") as scratch, NCBIStandin(
        corpus, today=THROUGH, api_keys={BENCH_KEY}
    ) as server:
        settings = EutilsSettings(
            base_url=server.base_url, api_key=key, batch_size=args.batch_size, workers=args.workers,
            archive_dir=Path(scratch) / "archive", read_timeout=120.0,
        )  # fmt: skip
        store = open_store(Path(scratch) / "bench.sqlite")
        week = THROUGH + timedelta(days=7)
        rows = []
        for label, through, today in (
            ("initial load", THROUGH, THROUGH),
            ("no change, same day", THROUGH, THROUGH),
            ("no change, a week later", week, THROUGH),  # PubMed frozen at THROUGH: nothing changed
            ("a week later, modified", week, week),  # the records' later History events count as changes
        ):
            if label == "no change, a week later":  # rows 3 and 4 both start from the store after row 2
                store.close()
                shutil.copy(Path(scratch) / "bench.sqlite", Path(scratch) / "twin.sqlite")
                store = open_store(Path(scratch) / "bench.sqlite")
            if label == "a week later, modified":
                store.close()
                store = open_store(Path(scratch) / "twin.sqlite")
            server.today = today
            server.reset_log()
            began = time.perf_counter()
            report = refresh(store, settings, search, through=through)
            seconds = time.perf_counter() - began
            rows.append((label, report, seconds, len(server.seen), server.peak_rate(), len(server.violations)))
        store.close()
        archived = sum(p.stat().st_size for p in (Path(scratch) / "archive").rglob("*.xml.gz"))

    print(f"{'refresh':<26}{'records':>8}{'requests':>10}{'seen':>6}{'wall s':>8}{'req/1k rec':>11}"
          f"{'peak req/s':>11}{'429s':>6}")  # fmt: skip
    for label, report, seconds, seen, peak, violations in rows:
        per_thousand = f"{1000 * report.requests / report.fetched:.2f}" if report.fetched else "-"
        print(f"{label:<26}{report.fetched:>8,}{report.requests:>10}{seen:>6}{seconds:>8.1f}{per_thousand:>11}"
              f"{peak:>11}{violations:>6}")  # fmt: skip
    initial = rows[0][1]
    print(f"\ninitial load: Count {initial.count:,}, {initial.new_records:,} records stored, "
          f"{initial.fetched / rows[0][2]:.0f} records/s end to end; archive {archived / 1e6:.1f} MB compressed")
    print("(requests: as the client counted them, retries included; seen: as the stand-in logged them)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

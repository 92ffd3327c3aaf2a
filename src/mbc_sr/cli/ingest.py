"""`mbc-sr ingest`, `stats` and `demo`: local PubMed XML into the store."""

from __future__ import annotations

import argparse
from pathlib import Path

from mbc_sr.cli.common import open_store_from_args, progress_bar

DEMO_CORPUS = "pubmed21n1298_mtor_breast_plus_random300.xml.gz"


def register(commands) -> None:
    ingest = commands.add_parser(
        "ingest",
        help="store the records of local PubMed XML files (.xml or .xml.gz)",
        description=(
            "Store the records of local PubMed XML files, in the order given (baseline before "
            "updates). Versions and DeleteCitation entries are applied in order. A file already "
            "ingested is skipped; a file that fails to parse stores nothing."
        ),
    )
    ingest.add_argument("files", nargs="+", type=Path, metavar="FILE")
    ingest.add_argument("--batch-size", type=int, default=1000, help="records per transaction (default 1000)")
    ingest.add_argument("--source", default="PubMed (local files)", help="source name in the store")
    ingest.add_argument("--no-progress", action="store_true", help="no progress bar")
    ingest.set_defaults(handler=cmd_ingest)

    stats = commands.add_parser("stats", help="counts of records, versions, deletions, sources and runs")
    stats.set_defaults(handler=cmd_stats)

    demo = commands.add_parser(
        "demo",
        help="run the review's PubMed query locally over the bundled real slice (offline) and store the hits",
        description=(
            "Run the review's own PubMed query (config/review.toml) through the local query evaluator "
            "over the bundled slice of the NLM PubMed update file pubmed21n1298 (880 records: every "
            "record mentioning an mTOR-family term or 'breast', 300 random others, and a "
            "DeleteCitation block), store the matches and print the identification counts per "
            "source. Works offline."
        ),
    )
    demo.add_argument("--no-progress", action="store_true", help="no progress bar")
    demo.set_defaults(handler=cmd_demo)


def ingest_files(files: list[Path], args: argparse.Namespace, source: str, batch_size: int) -> int:
    from mbc_sr.pipeline import ingest_pubmed_files

    for path in files:
        if not path.is_file():
            raise FileNotFoundError(f"{path}: no such file")
    if batch_size < 1:
        raise ValueError(f"--batch-size must be at least 1, got {batch_size}")
    store = open_store_from_args(args)
    try:
        bar, update = progress_bar(not args.no_progress)
        bar.set_description("storing")
        parse_bar, parse_update = progress_bar(not args.no_progress)
        parse_bar.set_description("parsing")
        try:
            reports = ingest_pubmed_files(
                store, files, source=source, batch_size=batch_size, progress=update, parse_progress=parse_update
            )
        finally:
            parse_bar.close()
            bar.close()
        for report in reports:
            print(
                f"{report.path}: {report.status}; {report.records} records "
                f"({report.new_records} new, {report.new_versions} new versions, "
                f"{report.unchanged} unchanged), {report.deletions} deletions, {report.seconds:.1f} s"
            )
    finally:
        store.close()
    return 0


def cmd_ingest(args: argparse.Namespace) -> int:
    return ingest_files(args.files, args, args.source, args.batch_size)


def cmd_stats(args: argparse.Namespace) -> int:
    store = open_store_from_args(args)
    try:
        print_stats(store)
    finally:
        store.close()
    return 0


def print_stats(store) -> None:
    print(f"store: {store.url}")
    for line in store.stats().lines():
        print(line)


def cmd_demo(args: argparse.Namespace) -> int:
    from mbc_sr.cli.sources import run_demo

    return run_demo(args)

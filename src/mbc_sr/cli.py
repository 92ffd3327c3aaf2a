"""The `mbc-sr` command.

Only argparse is imported at start-up: `mbc-sr --help` must answer fast (well under 0.3 s),
so every command imports the stages it drives when it runs. Nothing here imports Prefect.
Errors print one line, `mbc-sr: error: ...`, and exit non-zero (2 for bad usage or input,
1 for a failure of the store or the environment).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

DEMO_CORPUS = "pubmed21n1298_mtor_breast_plus_random300.xml.gz"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="mbc-sr",
        description=(
            "mbc-sr: a living systematic-review pipeline (mTOR inhibitors in metastatic breast "
            "cancer). Ingests PubMed XML into a record store that keeps every version and never "
            "half-writes a file."
        ),
        epilog=(
            "Store: --db URL, else $MBC_SR_DATABASE_URL, else [store] database_url in the config, "
            "else outputs/mbc-sr.sqlite. Config: --config PATH, else $MBC_SR_CONFIG, else "
            "config/review.toml."
        ),
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    parser.add_argument("--config", metavar="PATH", help="review config file (TOML)")
    parser.add_argument(
        "--db", metavar="URL", help="store: a SQLite file path or an SQLAlchemy URL (postgresql://...)"
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

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

    commands.add_parser("stats", help="counts of records, versions, deletions, sources and runs")

    demo = commands.add_parser(
        "demo",
        help="ingest the bundled real PubMed slice (880 records, offline) and summarise it",
        description=(
            "Ingest the bundled slice of the NLM PubMed update file pubmed21n1298 (every record "
            "mentioning an mTOR-family term or 'breast', 300 random others and a DeleteCitation "
            "block) and print a short summary. Works offline."
        ),
    )
    demo.add_argument("--no-progress", action="store_true", help="no progress bar")
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 2
    try:
        return _COMMANDS[args.command](args)
    except KeyboardInterrupt:
        print("mbc-sr: interrupted; every committed batch is complete, rerun to finish", file=sys.stderr)
        return 130
    except Exception as exc:  # noqa: BLE001 - one clear line for every failure, never a traceback
        return _report(exc)


def _report(exc: Exception) -> int:
    from mbc_sr.config import ConfigError
    from mbc_sr.pubmed_xml import PubMedXMLError

    if isinstance(exc, (PubMedXMLError, ConfigError, FileNotFoundError, ValueError)):
        print(f"mbc-sr: error: {exc}", file=sys.stderr)
        return 2
    cause = getattr(exc, "orig", None) or exc  # SQLAlchemy wraps the driver's error
    first_line = " ".join(str(cause).strip().splitlines()[:1]) or type(cause).__name__
    print(f"mbc-sr: error: {type(cause).__name__}: {first_line}", file=sys.stderr)
    return 1


def _open(args: argparse.Namespace):
    from mbc_sr.config import load_config
    from mbc_sr.store import open_store

    config = load_config(args.config)
    return open_store(config.resolved_database_url(args.db))


def _progress_bar(enabled: bool, unit: str = "rec"):
    """A tqdm bar on stderr (hidden when stderr is not a terminal) and its update callback."""
    from tqdm import tqdm

    bar = tqdm(unit=unit, unit_scale=True, disable=None if enabled else True, file=sys.stderr, leave=False)
    last = [0]

    def update(done: int) -> None:
        bar.update(done - last[0])
        last[0] = done

    return bar, update


def _ingest(files: list[Path], args: argparse.Namespace, source: str, batch_size: int) -> int:
    from mbc_sr.pipeline import ingest_pubmed_files

    for path in files:
        if not path.is_file():
            raise FileNotFoundError(f"{path}: no such file")
    if batch_size < 1:
        raise ValueError(f"--batch-size must be at least 1, got {batch_size}")
    store = _open(args)
    try:
        bar, update = _progress_bar(not args.no_progress)
        try:
            reports = ingest_pubmed_files(store, files, source=source, batch_size=batch_size, progress=update)
        finally:
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
    return _ingest(args.files, args, args.source, args.batch_size)


def cmd_stats(args: argparse.Namespace) -> int:
    store = _open(args)
    try:
        _print_stats(store)
    finally:
        store.close()
    return 0


def _print_stats(store) -> None:
    stats = store.stats()
    print(f"store: {store.url}")
    for line in stats.lines():
        print(line)


def cmd_demo(args: argparse.Namespace) -> int:
    from importlib import resources

    corpus = resources.files("mbc_sr") / "data" / DEMO_CORPUS
    with resources.as_file(corpus) as path:
        _ingest([path], args, "PubMed (bundled demo slice)", 1000)
    store = _open(args)
    try:
        _print_stats(store)
        _print_demo_highlights(store)
    finally:
        store.close()
    print("PubMed data courtesy of the U.S. National Library of Medicine; not endorsed by NLM.")
    return 0


def _print_demo_highlights(store) -> None:
    """A glimpse of what the review is about: stored records naming an mTOR inhibitor and breast cancer."""
    terms = ("everolimus", "temsirolimus", "sirolimus", "rapamycin", "ridaforolimus", "mtor")
    hits = []
    for record in store.iter_records():
        text = f"{record.title} {record.abstract_text}".lower()
        if "breast" in text and any(term in text for term in terms):
            hits.append(record)
    print(f"\nrecords naming an mTOR inhibitor and breast: {len(hits)}")
    for record in sorted(hits, key=lambda r: int(r.pmid or 0))[:8]:
        title = record.title or record.vernacular_title or ""
        print(f"  PMID {record.pmid}: {title[:100]}{'...' if len(title) > 100 else ''}")


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("mbc-sr")
    except PackageNotFoundError:
        return "unknown"


_COMMANDS = {"ingest": cmd_ingest, "stats": cmd_stats, "demo": cmd_demo}


if __name__ == "__main__":
    raise SystemExit(main())

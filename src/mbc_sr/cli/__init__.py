"""The `mbc-sr` command.

Only argparse is imported at start-up: `mbc-sr --help` must answer fast (well under 0.3 s),
so every command imports the stages it drives when it runs. Nothing here imports Prefect.
Errors print one line, `mbc-sr: error: ...`, and exit non-zero (2 for bad usage or input,
1 for a failure of the store or the environment).

Each command group lives in its own module with a `register(commands)` function that adds
its sub-parsers and sets `handler` on each; this module only assembles them.
"""

from __future__ import annotations

import argparse
import sys

from mbc_sr.cli import dedup, eutils, export, extract, ingest, screen, sources
from mbc_sr.cli.common import version

COMMAND_GROUPS = (ingest, eutils, sources, screen, dedup, export, extract)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="mbc-sr",
        description=(
            "mbc-sr: a living systematic-review pipeline (mTOR inhibitors in metastatic breast "
            "cancer). Searches PubMed (live E-utilities or local PubMed files), imports other "
            "databases' exports, deduplicates, screens, extracts trial data and reports PRISMA 2020 "
            "counts, over a record store that keeps every version and never half-writes a file."
        ),
        epilog=(
            "Store: --db URL, else $MBC_SR_DATABASE_URL, else [store] database_url in the config, "
            "else outputs/mbc-sr.sqlite. Config: --config PATH, else $MBC_SR_CONFIG, else "
            "config/review.toml."
        ),
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {version()}")
    parser.add_argument("--config", metavar="PATH", help="review config file (TOML)")
    parser.add_argument(
        "--db", metavar="URL", help="store: a SQLite file path or an SQLAlchemy URL (postgresql://...)"
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for group in COMMAND_GROUPS:
        group.register(commands)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 2
    try:
        return args.handler(args)
    except KeyboardInterrupt:
        print("mbc-sr: interrupted; every committed batch is complete, rerun to finish", file=sys.stderr)
        return 130
    except Exception as exc:  # noqa: BLE001 - one clear line for every failure, never a traceback
        return report_error(exc)


def report_error(exc: Exception) -> int:
    """Print one line for `exc`; 2 for bad input or usage, 1 for store/environment failures."""
    from mbc_sr.config import ConfigError
    from mbc_sr.pubmed_xml import PubMedXMLError

    if isinstance(exc, (PubMedXMLError, ConfigError, FileNotFoundError, ValueError)):
        print(f"mbc-sr: error: {exc}", file=sys.stderr)
        return 2
    cause = getattr(exc, "orig", None) or exc  # SQLAlchemy wraps the driver's error
    first_line = " ".join(str(cause).strip().splitlines()[:1]) or type(cause).__name__
    print(f"mbc-sr: error: {type(cause).__name__}: {first_line}", file=sys.stderr)
    return 1


if __name__ == "__main__":
    raise SystemExit(main())

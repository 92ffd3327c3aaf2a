"""`mbc-sr export ...`: PRISMA 2020 counts and diagram, records with decisions, search methods."""

from __future__ import annotations

import argparse
from pathlib import Path

from mbc_sr.cli.common import load_config_from_args, open_store_from_args


def register(commands) -> None:
    export = commands.add_parser(
        "export",
        help="PRISMA 2020 counts/diagram, RIS and ASReview exports, search-methods report",
        description=(
            "Exports derived from the store and the decision log (never entered by hand). Counts are "
            "checked against every PRISMA identity; a log that does not add up is an error naming the numbers."
        ),
    )
    sub = export.add_subparsers(dest="export_command", metavar="SUBCOMMAND", required=True)

    def when(parser) -> None:
        parser.add_argument("--as-of", metavar="RUN|DATE", help="run id (12 or run:12) or date YYYY-MM-DD (default: latest)")
        parser.add_argument("--since", metavar="RUN|DATE", help="the last published version: updated-review template")

    def out(parser, default: str) -> None:
        parser.add_argument("--out", type=Path, metavar="PATH", help=f"output (default: <outputs>/{default})")

    counts = sub.add_parser("counts", help="PRISMA counts as JSON (and the PRISMA2020 R package / Shiny app CSV)")
    when(counts)
    out(counts, "prisma-counts.json")
    counts.add_argument("--prisma2020-csv", type=Path, metavar="PATH", help="also write the PRISMA2020 CSV here")
    counts.set_defaults(handler=cmd_counts)

    diagram = sub.add_parser("diagram", help="the PRISMA 2020 flow diagram as SVG and PNG")
    when(diagram)
    out(diagram, "prisma-diagram.svg (and .png)")
    diagram.set_defaults(handler=cmd_diagram)

    ris = sub.add_parser("ris", help="current records with their decisions as RIS (EndNote, Zotero, Rayyan, Covidence)")
    out(ris, "records.ris")
    ris.set_defaults(handler=cmd_ris)

    asr = sub.add_parser("asreview", help="ASReview LAB CSV (title, abstract, doi, included)")
    asr.add_argument("--stage", default="ta", choices=("ta", "ft"))
    out(asr, "asreview.csv")
    asr.set_defaults(handler=cmd_asreview)

    methods = sub.add_parser("search-methods", help="each source's query, translation, date and count (PRISMA-S)")
    out(methods, "search-methods.csv/.md (a folder)")
    methods.set_defaults(handler=cmd_search_methods)

    bundle = sub.add_parser("all", help="everything above into one folder")
    when(bundle)
    out(bundle, "report-<run>/")
    bundle.set_defaults(handler=cmd_all)


def _outputs(args) -> Path:
    return Path(load_config_from_args(args).outputs_dir)


def _with_store(args, work):
    store = open_store_from_args(args)
    try:
        return work(store)
    finally:
        store.close()


def cmd_counts(args: argparse.Namespace) -> int:
    from mbc_sr.report.bundle import counts_table
    from mbc_sr.report.exports import write_counts_json, write_prisma2020_csv
    from mbc_sr.report.prisma_store import counts_from_store

    counts = _with_store(args, lambda store: counts_from_store(store, args.as_of, args.since))
    path = write_counts_json(counts, args.out or _outputs(args) / "prisma-counts.json")
    print(counts_table(counts))
    print(f"\nwrote {path}")
    if args.prisma2020_csv:
        print(f"wrote {write_prisma2020_csv(counts, args.prisma2020_csv)}")
    return 0


def cmd_diagram(args: argparse.Namespace) -> int:
    from mbc_sr.report.diagram import draw_diagram
    from mbc_sr.report.prisma_store import counts_from_store

    counts = _with_store(args, lambda store: counts_from_store(store, args.as_of, args.since))
    svg = args.out or _outputs(args) / "prisma-diagram.svg"
    for path in draw_diagram(counts, svg.with_suffix(".svg"), svg.with_suffix(".png")):
        print(f"wrote {path}")
    return 0


def cmd_ris(args: argparse.Namespace) -> int:
    from mbc_sr.report.exports import write_records_ris

    path = args.out or _outputs(args) / "records.ris"
    n = _with_store(args, lambda store: write_records_ris(store, path))
    print(f"wrote {n} records to {path}")
    return 0


def cmd_asreview(args: argparse.Namespace) -> int:
    from mbc_sr.report.exports import write_asreview_csv

    path = args.out or _outputs(args) / "asreview.csv"
    n = _with_store(args, lambda store: write_asreview_csv(store, path, args.stage))
    print(f"wrote {n} records to {path}")
    return 0


def cmd_search_methods(args: argparse.Namespace) -> int:
    from mbc_sr.report.exports import write_search_methods

    for path in _with_store(args, lambda store: write_search_methods(store, args.out or _outputs(args))):
        print(f"wrote {path}")
    return 0


def cmd_all(args: argparse.Namespace) -> int:
    from mbc_sr.report.bundle import counts_table, write_bundle

    def work(store):
        runs = store.runs()
        folder = args.out or _outputs(args) / f"report-run-{runs[-1].id if runs else 0}"
        return write_bundle(store, folder, as_of=args.as_of, since=args.since)

    counts, paths = _with_store(args, work)
    print(counts_table(counts))
    for path in paths.values():
        print(f"wrote {path}")
    return 0

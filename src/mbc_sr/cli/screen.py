"""`mbc-sr screen ...`: rules, the human round-trip (sheets, ASReview), agreement and status."""

from __future__ import annotations

import argparse
from pathlib import Path

from mbc_sr.cli.common import load_config_from_args, open_store_from_args, progress_bar


def register(commands) -> None:
    screen = commands.add_parser(
        "screen",
        help="screening: rules, reviewer sheets (CSV/XLSX), ASReview imports, agreement",
        description=(
            "Screen records against the protocol in the config ([screening]). Decisions are an "
            "append-only log: rules decide only certain exclusions, people decide the rest."
        ),
    )
    sub = screen.add_subparsers(dest="screen_command", metavar="SUBCOMMAND", required=True)

    run = sub.add_parser("run", help="apply the protocol's rules to records not yet screened by this criteria version")
    run.add_argument("--stage", default="ta", choices=("ta",), help="stage (rules screen titles/abstracts)")
    run.add_argument("--no-progress", action="store_true", help="no progress bar")
    run.set_defaults(handler=cmd_run)

    export = sub.add_parser("export", help="write a reviewer's sheet (CSV + XLSX) of records needing a human")
    export.add_argument("--stage", default="ta", choices=("ta", "ft"))
    export.add_argument("--reviewer", required=True, metavar="NAME")
    export.add_argument("--out", type=Path, metavar="DIR", help="output folder (default: the outputs folder)")
    export.add_argument("--all", action="store_true", help="every screenable record, also those decided")
    export.set_defaults(handler=cmd_export)

    imp = sub.add_parser(
        "import",
        help="validate and import a filled sheet (CSV/XLSX); nothing is written unless every row is valid",
    )
    imp.add_argument("file", type=Path, metavar="FILE")
    imp.add_argument("--partial", action="store_true", help="import the valid rows even if some are invalid")
    imp.add_argument("--adjudicator", action="store_true", help="the decisions settle conflicts (role adjudicator)")
    imp.set_defaults(handler=cmd_import)

    asr = sub.add_parser("import-asreview", help="import an ASReview LAB CSV export ('included' labels)")
    asr.add_argument("file", type=Path, metavar="FILE")
    asr.add_argument("--reviewer", required=True, metavar="NAME")
    asr.add_argument("--stage", default="ta", choices=("ta", "ft"))
    asr.add_argument("--partial", action="store_true")
    asr.set_defaults(handler=cmd_import_asreview)

    agree = sub.add_parser("agreement", help="agreement and Cohen's kappa per reviewer pair; writes the conflicts sheet")
    agree.add_argument("--stage", default="ta", choices=("ta", "ft"))
    agree.add_argument("--out", type=Path, metavar="DIR")
    agree.set_defaults(handler=cmd_agreement)

    status = sub.add_parser("status", help="current decisions by status, and the criteria version")
    status.add_argument("--stage", default="ta", choices=("ta", "ft"))
    status.set_defaults(handler=cmd_status)


def _setup(args):
    from mbc_sr.pipeline_screen import load_screening_protocol

    config = load_config_from_args(args)
    return config, load_screening_protocol(config), open_store_from_args(args)


def cmd_run(args: argparse.Namespace) -> int:
    from mbc_sr.pipeline_screen import run_rules

    _config, protocol, store = _setup(args)
    try:
        bar, update = progress_bar(not args.no_progress)
        bar.set_description(f"screening (criteria {protocol.version})")
        try:
            report = run_rules(store, protocol, stage=args.stage, progress=update)
        finally:
            bar.close()
    finally:
        store.close()
    outcomes = ", ".join(f"{n} {o}" for o, n in sorted(report.outcomes.items())) or "nothing new"
    rate = report.screened / report.seconds if report.seconds else 0.0
    print(
        f"rules@{report.criteria_version}: screened {report.screened} ({outcomes}); "
        f"{report.already} already screened; {report.seconds:.1f} s ({rate:.0f} records/s)"
    )
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from mbc_sr.pipeline_screen import export_sheet

    config, protocol, store = _setup(args)
    try:
        csv_path, xlsx_path, n = export_sheet(
            store, protocol, args.stage, args.reviewer, args.out or config.outputs_dir, include_all=args.all
        )
    finally:
        store.close()
    print(f"{n} records for {args.reviewer} ({args.stage}, criteria {protocol.version}): {csv_path}, {xlsx_path}")
    return 0


def _print_import(report) -> int:
    print(
        f"{report.path}: {report.status}; {report.written} decisions written, {report.blank} rows undecided, "
        f"{report.unchanged} unchanged, {len(report.problems)} invalid rows"
    )
    for problem in report.problems[:20]:
        print(f"  row {problem.row} ({problem.record_id}): {problem.problem}")
    if report.report_path:
        print(f"report: {report.report_path}")
    return 2 if report.status == "refused" else 0


def cmd_import(args: argparse.Namespace) -> int:
    from mbc_sr.pipeline_screen import import_sheet

    if not args.file.is_file():
        raise FileNotFoundError(f"{args.file}: no such file")
    _config, protocol, store = _setup(args)
    try:
        report = import_sheet(
            store, protocol, args.file, role="adjudicator" if args.adjudicator else "reviewer", partial=args.partial
        )
    finally:
        store.close()
    return _print_import(report)


def cmd_import_asreview(args: argparse.Namespace) -> int:
    from mbc_sr.pipeline_screen import import_asreview

    if not args.file.is_file():
        raise FileNotFoundError(f"{args.file}: no such file")
    _config, protocol, store = _setup(args)
    try:
        report = import_asreview(store, protocol, args.file, args.reviewer, stage=args.stage, partial=args.partial)
    finally:
        store.close()
    return _print_import(report)


def cmd_agreement(args: argparse.Namespace) -> int:
    from mbc_sr.pipeline_screen import write_conflicts

    config, protocol, store = _setup(args)
    try:
        pairs, path, n = write_conflicts(store, protocol, args.stage, args.out or config.outputs_dir)
    finally:
        store.close()
    for pair in pairs:
        kappa = "undefined" if pair.kappa is None else f"{pair.kappa:.3f}"
        share = "-" if pair.proportion is None else f"{pair.proportion:.1%}"
        print(f"{pair.reviewer_a} vs {pair.reviewer_b}: {pair.both} records both screened, agreement {share}, kappa {kappa}")
    print(f"{n} unresolved conflicts: {path} (fill reviewer/decision, import with --adjudicator)")
    return 0


def cmd_status(args: argparse.Namespace) -> int:
    from collections import Counter

    from mbc_sr.pipeline_screen import current_decisions

    _config, protocol, store = _setup(args)
    try:
        current = current_decisions(store, args.stage)
    finally:
        store.close()
    print(f"criteria version {protocol.version} ({protocol.name})")
    for status, n in sorted(Counter(c.status for c in current.values()).items()):
        print(f"  {status}: {n}")
    return 0

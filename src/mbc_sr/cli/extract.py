"""`mbc-sr extract` (standalone, on files) and `mbc-sr evidence` (the review's evidence base).

    mbc-sr extract INPUT --out FILE   PubMed XML (.xml/.xml.gz) or CSV with columns id,title,abstract;
                                      writes one row per record (.csv or .xlsx): the extracted
                                      columns and `spans` (JSON: each value, where it was read,
                                      the sentence and the extractor)
    mbc-sr evidence [--out-dir DIR]   the store's included + likely-include records, one row per
                                      study, with the diff against the previous version

The extraction modules are imported inside the handlers (`mbc-sr --help` stays fast).
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

from mbc_sr.cli.common import load_config_from_args, open_store_from_args


def register(commands) -> None:
    extract = commands.add_parser(
        "extract",
        help="extract trial data (registry ids, phase, N, arms, HRs, medians, ...) from PubMed XML or CSV",
        description=__doc__.split("\n\n")[1] if __doc__ else None,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    extract.add_argument("input", type=Path, metavar="INPUT", help="PubMed XML (.xml, .xml.gz) or CSV (id,title,abstract)")
    extract.add_argument("--out", type=Path, required=True, metavar="FILE", help="output .csv or .xlsx")
    extract.set_defaults(handler=cmd_extract)

    evidence = commands.add_parser(
        "evidence",
        help="write the evidence base (one row per study) of the review's included and likely-include records",
        description=(
            "Extract the included (human-confirmed) and provisional (rules: likely include) records of the "
            "store, combine reports of one study, and write evidence_base.csv/.xlsx/.json and "
            "evidence_base_changes.csv (the diff against the previous version) to DIR."
        ),
    )
    evidence.add_argument("--out-dir", type=Path, metavar="DIR", help="default: <outputs>/evidence")
    evidence.add_argument("--include-unscreened", action="store_true",
                          help="also records without any screening decision (marked unscreened)")
    evidence.set_defaults(handler=cmd_evidence)


def read_input(path: Path):
    """Records from PubMed XML or a CSV with columns id, title, abstract (names case-insensitive)."""
    from mbc_sr.records import AbstractSection, Record

    if not path.is_file():
        raise FileNotFoundError(f"{path}: no such file")
    head = path.read_bytes()[:2]
    if path.suffix.lower() in (".xml", ".gz") or head == b"\x1f\x8b" or head.startswith(b"<"):
        from mbc_sr.pubmed_xml import ParsedRecord, iter_pubmed_xml

        return [item.record for item in iter_pubmed_xml(path) if isinstance(item, ParsedRecord)]
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValueError(f"{path}: not UTF-8 text (expected a CSV with columns id,title,abstract)") from exc
    reader = csv.DictReader(text.splitlines())
    columns = {name.strip().lower(): name for name in reader.fieldnames or ()}
    missing = [name for name in ("id", "title", "abstract") if name not in columns]
    if missing:
        raise ValueError(f"{path}: CSV needs columns id,title,abstract; missing {', '.join(missing)}")
    records, seen = [], set()
    for line, row in enumerate(reader, start=2):
        record_id = (row[columns["id"]] or "").strip()
        if not record_id:
            raise ValueError(f"{path}: line {line}: empty id")
        if record_id in seen:
            raise ValueError(f"{path}: line {line}: duplicate id {record_id!r}")
        seen.add(record_id)
        abstract = (row[columns["abstract"]] or "").strip()
        records.append(Record(source="csv", source_record_id=record_id, title=(row[columns["title"]] or "").strip(),
                              abstract=(AbstractSection(text=abstract),) if abstract else ()))
    return records


def cmd_extract(args: argparse.Namespace) -> int:
    from mbc_sr.extract.record import RECORD_COLUMNS, extract_record, record_row
    from mbc_sr.extract.sheets import write_csv, write_xlsx

    suffix = args.out.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise ValueError(f"--out must end in .csv or .xlsx, got {args.out}")
    records = read_input(args.input)
    rows = [record_row(extract_record(record), record.source_record_id if record.source == "csv" else None)
            for record in records]
    if suffix == ".xlsx":
        write_xlsx(args.out, {"Records": (RECORD_COLUMNS, rows)}, wide=("title", "hazard_ratios", "medians", "spans"))
    else:
        write_csv(args.out, RECORD_COLUMNS, rows)
    with_values = sum(1 for row in rows if row["n_total"] or row["hazard_ratios"] or row["registry_ids"])
    print(f"{args.input}: {len(rows)} records, {with_values} with a total N, a hazard ratio or a registry id; wrote {args.out}")
    return 0


def cmd_evidence(args: argparse.Namespace) -> int:
    from mbc_sr.pipeline_extract import update_evidence_base

    out_dir = args.out_dir or load_config_from_args(args).outputs_dir / "evidence"
    store = open_store_from_args(args)
    try:
        report = update_evidence_base(store, out_dir, include_unscreened=args.include_unscreened)
    finally:
        store.close()
    for line in report.lines():
        print(line, file=sys.stdout)
    return 0

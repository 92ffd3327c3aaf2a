"""`mbc-sr extract` (standalone, on files) and `mbc-sr evidence` (the review's evidence base).

    mbc-sr extract INPUT --out FILE   PubMed XML (.xml/.xml.gz) or CSV with columns id,title,abstract;
                                      writes one row per record (.csv or .xlsx): the extracted
                                      columns and `spans` (JSON: each value, where it was read,
                                      the sentence and the extractor). XML: one row per PMID, the
                                      version ingest would make current (highest version, then
                                      latest DateRevised; of equal ones the later); PMIDs
                                      deleted by a DeleteCitation are left out. CSV: UTF-8 (BOM
                                      allowed), quoted fields may span lines; a space after a
                                      comma is skipped (, "a, b" is one quoted field); empty fields
                                      after the last column (a spreadsheet's ,,) are ignored.
    mbc-sr evidence [--out-dir DIR]   the store's included + likely-include records, one row per
                                      study, with the diff against the previous version

The extraction modules are imported inside the handlers (`mbc-sr --help` stays fast).
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from mbc_sr.cli.common import load_config_from_args, open_store_from_args
from mbc_sr.records import AbstractSection, Record

if TYPE_CHECKING:
    from mbc_sr.pubmed_xml import ParsedItem


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


@dataclass(frozen=True, slots=True)
class ExtractInput:
    """The records to extract, and what reading left out (reported on stdout)."""

    records: list[Record]
    superseded: int = 0  # PubMed XML: record items not written because another version of the PMID is current
    deleted: int = 0  # PubMed XML: PMIDs whose last event in the file is a DeleteCitation

    def left_out_note(self) -> str:
        """" (one row per PMID ...; left out 3 superseded versions and 1 deleted PMID)", or ""."""
        parts = [f"{count} {what}{'' if count == 1 else 's'}"
                 for count, what in ((self.superseded, "superseded version"), (self.deleted, "deleted PMID")) if count]
        return f" (one row per PMID, its current version; left out {' and '.join(parts)})" if parts else ""


def read_input(path: Path) -> ExtractInput:
    """Records from PubMed XML or a CSV with columns id, title, abstract (names case-insensitive)."""
    if not path.is_file():
        raise FileNotFoundError(f"{path}: no such file")
    head = path.read_bytes()[:2]
    if path.suffix.lower() in (".xml", ".gz") or head == b"\x1f\x8b" or head.startswith(b"<"):
        from mbc_sr.pubmed_xml import iter_pubmed_xml

        return current_versions(iter_pubmed_xml(path))
    return ExtractInput(read_csv_records(path))


# --------------------------------------------------------------------------- PubMed XML: one row per PMID


@dataclass(slots=True)
class _Current:
    """The current version of one PMID while a file is read."""

    version_key: tuple[int, str]
    xml_sha256: str
    record: Record
    deleted: bool = False


def current_versions(items: Iterable[ParsedItem]) -> ExtractInput:
    """One record per PMID: the version `mbc-sr ingest` would make current from this file alone.

    A file can carry a PMID several times (PubMed update files do: PMID 30271887 comes as
    versions 1-4), and rows that share an id cannot be told apart, so the rules of
    `mbc_sr.store.apply` are applied in document order: the highest (PMID version, DateRevised)
    wins, among equal ones the later delivery with different content; an older version never
    replaces a newer one. A `DeleteCitation` removes the PMID from the output unless a later
    revised delivery of it follows (last event wins, as on ingest; the same content again says
    nothing new). PMIDs keep the order of their first appearance.
    """
    from mbc_sr.pubmed_xml import ParsedRecord
    from mbc_sr.store.models import deletion_key

    current: dict[str, _Current] = {}
    record_items = 0
    for item in items:
        if not isinstance(item, ParsedRecord):  # a Deletion
            state = current.get(deletion_key(item.pmid))
            if state is not None:
                state.deleted = True
            continue
        record_items += 1
        record = item.record
        version_key = record.version_key
        state = current.get(record.key)
        if state is None:
            current[record.key] = _Current(version_key, item.xml_sha256, record)
        elif item.xml_sha256 != state.xml_sha256 and version_key >= state.version_key:
            state.version_key, state.xml_sha256, state.record, state.deleted = version_key, item.xml_sha256, record, False
    deleted = sum(state.deleted for state in current.values())
    return ExtractInput(
        [state.record for state in current.values() if not state.deleted],
        superseded=record_items - len(current),
        deleted=deleted,
    )


# --------------------------------------------------------------------------- CSV


@dataclass(frozen=True, slots=True)
class CsvRow:
    """One CSV record and the physical line it starts on (a quoted field can span lines)."""

    line: int
    fields: list[str]


def read_csv_records(path: Path) -> list[Record]:
    """Records from a CSV with columns id, title, abstract; errors name the file and line.

    Read by the csv module from a handle opened with newline="" (as the csv docs require), so
    line breaks inside a quoted field stay in the text and Unicode line separators (U+2028)
    are not taken for line ends. `strict=True` makes an unterminated quote an error instead of
    swallowing the rest of the file into one field. `skipinitialspace=True` reads `, "a, b"` (a
    space after the comma, as people type CSV by hand) as the quoted field `a, b` rather than as
    the unquoted text ` "a` and ` b"`; cells are stripped anyway, so no other value changes, and
    a quote after the space opens a field exactly as one right after the comma does (text after
    its closing quote is an error either way).
    """
    try:
        with open(path, encoding="utf-8-sig", newline="") as handle:
            return _records_from_rows(path, _csv_rows(path, handle))
    except UnicodeDecodeError as exc:
        line = undecodable_line(path.read_bytes())
        raise ValueError(f"{path}: line {line}: not UTF-8 text ({exc.reason}); save the CSV as UTF-8") from None


def _csv_rows(path: Path, handle: TextIO) -> Iterator[CsvRow]:
    """The non-blank rows of `handle`, each with the line it starts on."""
    reader = csv.reader(handle, strict=True, skipinitialspace=True)
    while True:
        start = reader.line_num + 1
        try:
            fields = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            if "unexpected end of data" in str(exc):
                handle.seek(0)
                line = unterminated_field_line(handle, start)
                raise ValueError(f"{path}: line {line}: quoted field is never closed (unterminated \")") from None
            raise ValueError(f"{path}: line {reader.line_num}: malformed CSV ({exc})") from None
        if fields:
            yield CsvRow(start, fields)


def _records_from_rows(path: Path, rows: Iterator[CsvRow]) -> list[Record]:
    """The header row names the columns; every later row is a record (ids unique and non-empty).

    Spreadsheet exports pad rows (and sometimes the header) with empty fields up to their widest
    row (`r1,t,text,,`): empty fields after the last named column are no data and are ignored.
    A non-empty one is an error, as it is nearly always an abstract with an unquoted comma whose
    rest would be silently cut off.
    """
    header = next(rows, None)
    names = _without_trailing_empty(header.fields) if header else []
    columns = {name.strip().lower(): index for index, name in enumerate(names)}
    missing = [name for name in ("id", "title", "abstract") if name not in columns]
    if missing:
        raise ValueError(f"{path}: CSV needs columns id,title,abstract; missing {', '.join(missing)}")
    records: list[Record] = []
    first_line: dict[str, int] = {}
    for row in rows:
        if len(_without_trailing_empty(row.fields)) > len(names):
            raise ValueError(f"{path}: line {row.line}: {len(row.fields)} fields, but the header has {len(names)} "
                             f"({_extra_fields_cause(row.fields)})")
        cells = {name: (row.fields[index].strip() if index < len(row.fields) else "")  # short rows: empty cells
                 for name, index in columns.items()}
        record_id = cells["id"]
        if not record_id:
            raise ValueError(f"{path}: line {row.line}: empty id")
        if record_id in first_line:
            raise ValueError(f"{path}: line {row.line}: duplicate id {record_id!r} (first on line {first_line[record_id]})")
        first_line[record_id] = row.line
        abstract = cells["abstract"]
        records.append(Record(source="csv", source_record_id=record_id, title=cells["title"],
                              abstract=(AbstractSection(text=abstract),) if abstract else ()))
    return records


def _without_trailing_empty(fields: list[str]) -> list[str]:
    """`fields` without the empty (or white-space) fields at its end."""
    end = len(fields)
    while end and not fields[end - 1].strip():
        end -= 1
    return fields[:end]


def _extra_fields_cause(fields: list[str]) -> str:
    """The likely reason a row has too many fields, as a hint for the error message.

    A quote opens a field only at its start: spaces before it are skipped (skipinitialspace),
    but a tab or other white space makes the field unquoted text that its commas split.
    """
    for number, field in enumerate(fields, start=1):
        if field[:1].isspace() and field.lstrip().startswith('"'):
            return (f"white space before the opening quote of field {number}: {field.strip()[:30]!r}; "
                    "remove it so the field is read as quoted")
    return "quote fields that contain commas"


def unterminated_field_line(lines: Iterable[str], row_start: int) -> int:
    """The line on which the quoted field left open at the end of `lines` starts.

    The csv module only says "unexpected end of data" at the last line; this walks the text from
    the row's first line with the csv rules (a quote opens a field only at its start, after the
    spaces the reader skips; "" inside a quoted field is an escaped quote) and returns the line of
    the last opening quote.
    """
    opened = row_start
    in_quotes = after_quote = False
    at_field_start = True
    for number, text in enumerate(lines, start=1):
        if number < row_start:
            continue
        for char in text:
            if in_quotes:
                if after_quote and char == '"':
                    after_quote = False  # an escaped quote
                    continue
                if not after_quote:
                    after_quote = char == '"'
                    continue
                in_quotes = after_quote = False  # the field closed on the previous quote
            if char == '"' and at_field_start:
                in_quotes, opened, at_field_start = True, number, False
            elif char == " " and at_field_start:
                continue  # skipinitialspace: still at the field's start
            else:
                at_field_start = char in ",\r\n"
    return opened


def undecodable_line(data: bytes) -> int:
    """The line (counted as the csv reader counts: \\n, \\r\\n or \\r) of the first byte that is not UTF-8."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return len(re.split(rb"\r\n|\r|\n", data[: exc.start]))
    return 0


def cmd_extract(args: argparse.Namespace) -> int:
    from mbc_sr.extract.record import RECORD_COLUMNS, extract_record, record_row
    from mbc_sr.extract.sheets import write_csv, write_xlsx

    suffix = args.out.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise ValueError(f"--out must end in .csv or .xlsx, got {args.out}")
    found = read_input(args.input)
    rows = [record_row(extract_record(record), record.source_record_id if record.source == "csv" else None)
            for record in found.records]
    if suffix == ".xlsx":
        write_xlsx(args.out, {"Records": (RECORD_COLUMNS, rows)}, wide=("title", "hazard_ratios", "medians", "spans"))
    else:
        write_csv(args.out, RECORD_COLUMNS, rows)
    with_values = sum(1 for row in rows if row["n_total"] or row["hazard_ratios"] or row["registry_ids"])
    print(f"{args.input}: {len(rows)} records, {with_values} with a total N, a hazard ratio or a registry id; "
          f"wrote {args.out}{found.left_out_note()}")
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

"""Screening sheets: CSV and XLSX out to reviewers and back, validated (files at the edges).

A sheet row carries a stable record id (the store's record key), the fingerprint of the
record version shown (first 16 hex digits of its xml_sha256), the stage and the reviewer, the
text to screen, the rules' suggestion, and the columns the reviewer fills: decision, reason,
note. On import every row is checked before anything is written (`validate_rows`).

Formula safety: spreadsheet programs run a cell that starts with `=`, `+`, `-` or `@` (and
some treat a leading tab or CR the same way), so every such text cell is written with a
leading apostrophe (OWASP "CSV injection"), in the CSV and in the XLSX; `restore` takes it off
on import.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from mbc_sr.screen.decisions import Decision, check_human_decision
from mbc_sr.screen.protocol import HUMAN_DECISIONS, Protocol

COLUMNS = (
    "record_id", "fingerprint", "stage", "reviewer", "pmid", "doi", "year", "title", "abstract",
    "journal", "publication_types", "rules_suggestion", "other_decisions", "decision", "reason", "note",
)  # fmt: skip
REQUIRED = ("record_id", "fingerprint", "stage", "reviewer", "decision", "reason", "note")
FINGERPRINT_LENGTH = 16
SHEET_NAME = "screening"
_DANGEROUS = ("=", "+", "-", "@", "\t", "\r")


def fingerprint(xml_sha256: str) -> str:
    return xml_sha256[:FINGERPRINT_LENGTH]


def neutralise(value: object) -> str:
    """The cell text, with a leading apostrophe if it would start a formula."""
    text = "" if value is None else str(value)
    if text.startswith(_DANGEROUS) or text.lstrip(" ").startswith(_DANGEROUS[:4]):
        return "'" + text
    return text


def restore(text: str | None) -> str:
    """Undo `neutralise` on a cell read back."""
    text = "" if text is None else str(text)
    if text.startswith("'") and (text[1:].startswith(_DANGEROUS) or text[1:].lstrip(" ").startswith(_DANGEROUS[:4])):
        return text[1:]
    return text


# --------------------------------------------------------------------------- writing


def write_csv(path: Path, rows: Iterable[Mapping[str, object]], columns: Sequence[str] = COLUMNS) -> int:
    count = 0
    with path.open("w", encoding="utf-8-sig", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(columns)
        for row in rows:
            writer.writerow([neutralise(row.get(c)) for c in columns])
            count += 1
    return count


def write_xlsx(
    path: Path, rows: Sequence[Mapping[str, object]], protocol: Protocol, stage: str, columns: Sequence[str] = COLUMNS
) -> int:
    """An XLSX with a frozen header, wrapped title/abstract and drop-downs for decision and reason."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = SHEET_NAME
    sheet.append(list(columns))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append([neutralise(row.get(c)) for c in columns])
    for cells in sheet.iter_rows(min_row=2):
        for cell in cells:
            cell.data_type = "s"  # text, never a formula, whatever it looks like
    sheet.freeze_panes = "A2"
    widths = {"title": 50, "abstract": 90, "note": 40, "reason": 40, "rules_suggestion": 40, "other_decisions": 30}
    wrap = Alignment(wrap_text=True, vertical="top")
    for index, name in enumerate(columns, start=1):
        letter = get_column_letter(index)
        sheet.column_dimensions[letter].width = widths.get(name, 16)
        if name in ("title", "abstract", "rules_suggestion", "note"):
            for (cell,) in sheet.iter_rows(min_row=2, min_col=index, max_col=index):
                cell.alignment = wrap
    # the allowed values on a hidden sheet (a list written inline is limited to 255 characters)
    lists = workbook.create_sheet("allowed")
    lists.append(["decision", "reason"])
    decisions, reasons = HUMAN_DECISIONS[stage], protocol.reasons[stage]
    for i in range(max(len(decisions), len(reasons))):
        lists.append([decisions[i] if i < len(decisions) else None, neutralise(reasons[i]) if i < len(reasons) else None])
    lists.sheet_state = "hidden"
    last = max(len(rows) + 1, 2)
    for name, col, count in (("decision", "A", len(decisions)), ("reason", "B", len(reasons))):
        if name not in columns:
            continue
        letter = get_column_letter(columns.index(name) + 1)
        validation = DataValidation(
            type="list", formula1=f"allowed!${col}$2:${col}${count + 1}", allow_blank=True, showErrorMessage=True,
            errorTitle=f"invalid {name}", error=f"choose a {name} from the list",
        )  # fmt: skip
        validation.add(f"{letter}2:{letter}{last}")
        sheet.add_data_validation(validation)
    workbook.save(path)
    return len(rows)


# --------------------------------------------------------------------------- reading


@dataclass(frozen=True, slots=True)
class SheetRow:
    number: int  # the row number in the file (header = 1)
    values: dict[str, str]


def read_sheet(path: Path) -> list[SheetRow]:
    """The data rows of a screening CSV or XLSX (cells restored from their neutralised form)."""
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        from openpyxl import load_workbook

        workbook = load_workbook(path, read_only=True, data_only=True)
        try:
            sheet = workbook[SHEET_NAME] if SHEET_NAME in workbook.sheetnames else workbook.worksheets[0]
            raw = [["" if v is None else str(v) for v in row] for row in sheet.iter_rows(values_only=True)]
        finally:
            workbook.close()
    else:
        with path.open(encoding="utf-8-sig", newline="") as stream:
            raw = list(csv.reader(stream))
    if not raw:
        raise ValueError(f"{path}: empty sheet (no header row)")
    header = [h.strip() for h in raw[0]]
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise ValueError(f"{path}: not a screening sheet: missing columns {', '.join(missing)}")
    rows = []
    for number, cells in enumerate(raw[1:], start=2):
        if not any(c.strip() for c in cells):
            continue
        values = {name: restore(cells[i]).strip() if i < len(cells) else "" for i, name in enumerate(header)}
        rows.append(SheetRow(number, values))
    return rows


# --------------------------------------------------------------------------- validation


@dataclass(frozen=True, slots=True)
class Problem:
    row: int
    record_id: str
    problem: str


@dataclass(slots=True)
class Validated:
    decisions: list[Decision] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    blank: int = 0  # rows left undecided
    unchanged: int = 0  # rows repeating the reviewer's current decision


def validate_rows(
    rows: Sequence[SheetRow],
    protocol: Protocol,
    current: Mapping[str, str],
    *,
    role: str = "reviewer",
    latest: Mapping[tuple[str, str, str], Decision] | None = None,
    survivor: Mapping[str, str] | None = None,
) -> Validated:
    """Check every row; decisions for the valid ones, a `Problem` for each invalid one.

    `current`: record key -> xml_sha256 of its current version (unknown ids are not in it).
    `latest`: (record key, stage, reviewer) -> that reviewer's latest decision, to leave out
    rows that repeat it (a re-saved sheet imported again adds nothing).
    `survivor`: merged record key -> its dedup survivor (decisions attach to the survivor).
    """
    out = Validated()
    seen: dict[tuple[str, str], int] = {}
    latest = latest or {}
    survivor = survivor or {}
    for row in rows:
        v = row.values
        key, stage, reviewer = v.get("record_id", ""), v.get("stage", ""), v.get("reviewer", "")
        decision, reason, note = v.get("decision", "").lower(), v.get("reason", ""), v.get("note", "")

        def bad(message: str) -> None:
            out.problems.append(Problem(row.number, key, message))

        if not key:
            bad("no record_id")
            continue
        if (key, stage) in seen:
            bad(f"duplicate row: record {key} at stage {stage} is also on row {seen[key, stage]}")
            continue
        seen[key, stage] = row.number
        if key not in current:
            bad(f"unknown record id {key!r}")
            continue
        if not reviewer:
            bad("no reviewer")
            continue
        if reviewer.startswith("rules@"):
            bad("reviewer names starting 'rules@' are reserved for the rules")
            continue
        if not decision:
            if reason or note:
                bad("a reason or note without a decision")
            else:
                out.blank += 1
            continue
        problem = check_human_decision(protocol, stage, decision, reason or None)
        if problem:
            bad(problem)
            continue
        now = fingerprint(current[key])
        shown = v.get("fingerprint", "")
        if shown != now:
            bad(f"stale: the record changed since the sheet was made (fingerprint {shown or '(none)'}, now {now}); re-export it")
            continue
        target = survivor.get(key, key)
        previous = latest.get((target, stage, reviewer))
        if previous and (previous.decision, previous.reason or "", previous.note or "", previous.role) == (
            decision, reason, note, role,
        ):  # fmt: skip
            out.unchanged += 1
            continue
        out.decisions.append(
            Decision(
                record_key=target, stage=stage, reviewer=reviewer, role=role, decision=decision,
                reason=reason or None, note=note or None, criteria_version=protocol.version,
                record_sha256=current[key],
                details={"sheet_record_id": key} if target != key else None,
            )  # fmt: skip
        )
    return out


def write_report(path: Path, problems: Sequence[Problem]) -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(["row", "record_id", "problem"])
        for p in problems:
            writer.writerow([p.row, neutralise(p.record_id), neutralise(p.problem)])

"""The evidence-base update: the study table written to outputs/ with a diff against the previous one.

After every refresh the table is written as `evidence_base.csv`, `evidence_base.xlsx` (sheets
Studies, Changes, Reports) and `evidence_base.json` (the snapshot the next refresh diffs
against), plus `evidence_base_changes.csv`. The previous snapshot is kept in `history/`.

Changes reported: new studies; studies no longer in the table; status changes (provisional →
included); per field, values added, removed or changed (old → new, with the reports stating the
new value); newly flagged studies (a report retracted, corrected or under an expression of
concern). Study ids must be stable across refreshes for this to be meaningful: the dedup stage's
study keys and "record:<key>" are.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from mbc_sr.extract.sheets import write_csv, write_xlsx
from mbc_sr.extract.table import STUDY_FIELDS, StudyRow

SNAPSHOT_VERSION = 1
STUDY_COLUMNS = ("study_id", "status", "flags", "reports", "linked_by", "conflicts") + STUDY_FIELDS
CHANGE_COLUMNS = ("change", "study_id", "field", "old", "new", "reports")


def snapshot(rows: list[StudyRow], generated_at: str | None = None) -> dict:
    """The JSON-able form of a table, the input of the next diff."""
    return {
        "version": SNAPSHOT_VERSION,
        "generated_at": generated_at or datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "studies": {
            row.study_id: {
                "status": row.status,
                "flags": list(row.flags),
                "reports": list(row.reports),
                "basis": list(row.basis),
                "fields": {
                    name: {"values": {item.value: list(item.reports) for item in cell.values}, "conflict": cell.conflict}
                    for name, cell in row.cells.items()
                },
            }
            for row in rows
        },
    }


@dataclass(frozen=True, slots=True)
class Change:
    change: str  # new study, study removed, status, flagged, added, removed, changed
    study_id: str
    field: str = ""
    old: str = ""
    new: str = ""
    reports: str = ""

    def as_row(self) -> dict[str, str]:
        return {name: getattr(self, name) for name in CHANGE_COLUMNS}


def diff(previous: dict | None, current: dict) -> list[Change]:
    """What changed from the `previous` snapshot to `current` (everything is new without one)."""
    before = (previous or {}).get("studies", {})
    after = current["studies"]
    changes: list[Change] = []
    for study_id, study in after.items():
        if study_id not in before:
            changes.append(Change("new study", study_id, new=study["status"], reports="; ".join(study["reports"])))
            if study["flags"]:
                changes.append(Change("flagged", study_id, "flags", "", ", ".join(study["flags"]), "; ".join(study["reports"])))
            continue
        old = before[study_id]
        if old["status"] != study["status"]:
            changes.append(Change("status", study_id, "status", old["status"], study["status"]))
        new_flags = sorted(set(study["flags"]) - set(old.get("flags", [])))
        if new_flags:
            changes.append(Change("flagged", study_id, "flags", ", ".join(old.get("flags", [])), ", ".join(new_flags),
                                  "; ".join(study["reports"])))
        for name in STUDY_FIELDS:
            old_values = old.get("fields", {}).get(name, {}).get("values", {})
            new_values = study["fields"].get(name, {}).get("values", {})
            added = [value for value in new_values if value not in old_values]
            removed = [value for value in old_values if value not in new_values]
            reports = sorted({report for value in added for report in new_values[value]})
            if added and removed:
                changes.append(Change("changed", study_id, name, " | ".join(removed), " | ".join(added), "; ".join(reports)))
            elif added:
                changes.append(Change("added", study_id, name, "", " | ".join(added), "; ".join(reports)))
            elif removed:
                changes.append(Change("removed", study_id, name, " | ".join(removed), ""))
    for study_id, study in before.items():
        if study_id not in after:
            changes.append(Change("study removed", study_id, old=study["status"], reports="; ".join(study["reports"])))
    return changes


def study_table_rows(rows: list[StudyRow]) -> list[dict[str, str]]:
    return [
        {
            "study_id": row.study_id,
            "status": row.status,
            "flags": ", ".join(row.flags),
            "reports": "; ".join(row.reports),
            "linked_by": "; ".join(row.basis),
            "conflicts": ", ".join(row.conflicts),
            **{name: row.cells[name].text() for name in STUDY_FIELDS},
        }
        for row in rows
    ]


@dataclass(frozen=True, slots=True)
class EvidenceUpdate:
    directory: Path
    studies: int
    by_status: dict[str, int]
    changes: list[Change]
    files: tuple[Path, ...]

    def summary(self) -> str:
        counts = ", ".join(f"{count} {status}" for status, count in self.by_status.items())
        kinds: dict[str, int] = {}
        for change in self.changes:
            kinds[change.change] = kinds.get(change.change, 0) + 1
        changed = ", ".join(f"{count} {kind}" for kind, count in kinds.items()) or "no changes"
        return f"evidence base: {self.studies} studies ({counts or 'none'}); {changed}; written to {self.directory}"


def write_evidence_base(rows: list[StudyRow], directory: Path, report_rows: list[dict] | None = None,
                        report_columns: tuple[str, ...] = ()) -> EvidenceUpdate:
    """Write the table, its diff against the previous snapshot in `directory`, and the new snapshot."""
    directory.mkdir(parents=True, exist_ok=True)
    snapshot_path = directory / "evidence_base.json"
    previous = json.loads(snapshot_path.read_text(encoding="utf-8")) if snapshot_path.exists() else None
    current = snapshot(rows)
    changes = diff(previous, current)
    table = study_table_rows(rows)
    change_rows = [change.as_row() for change in changes]
    files = [
        write_csv(directory / "evidence_base.csv", STUDY_COLUMNS, table),
        write_csv(directory / "evidence_base_changes.csv", CHANGE_COLUMNS, change_rows),
    ]
    sheets = {"Studies": (STUDY_COLUMNS, table), "Changes": (CHANGE_COLUMNS, change_rows)}
    if report_rows is not None:
        sheets["Reports"] = (report_columns, report_rows)
    wide = ("hazard_ratios", "medians", "n_total", "arms", "population", "old", "new", "spans", "grade3_adverse_events")
    files.append(write_xlsx(directory / "evidence_base.xlsx", sheets, wide=wide))
    if previous is not None:
        history = directory / "history"
        history.mkdir(exist_ok=True)
        stamp = previous.get("generated_at", "previous").replace(":", "").replace("+", "Z")
        (history / f"evidence_base-{stamp}.json").write_text(json.dumps(previous, ensure_ascii=False, indent=1), encoding="utf-8")
    temporary = snapshot_path.with_name(snapshot_path.name + ".tmp")
    temporary.write_text(json.dumps(current, ensure_ascii=False, indent=1), encoding="utf-8")
    os.replace(temporary, snapshot_path)
    files.append(snapshot_path)
    by_status: dict[str, int] = {}
    for row in rows:
        by_status[row.status] = by_status.get(row.status, 0) + 1
    return EvidenceUpdate(directory, len(rows), by_status, changes, tuple(files))

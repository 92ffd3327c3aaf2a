"""The evidence-base update: the study table written to outputs/ with a diff against the previous one.

After every refresh the table is written as `evidence_base.csv`, `evidence_base.xlsx` (sheets
Studies, Changes, Reports) and `evidence_base.json` (the snapshot the next refresh diffs
against), plus `evidence_base_changes.csv`. The previous snapshot is kept in `history/`.

Changes reported: new studies; studies no longer in the table; status changes (provisional →
included); reports added to or removed from a study; per field, values added, removed or changed
(old → new, with the reports stating the new value); newly flagged studies (a report retracted,
corrected or under an expression of concern).

Study ids are not stable: a lone report is "record:<key>" until the dedup stage links a second
report to it, and then the study takes the link's key. So a current study is matched to previous
ones by the reports they share (the snapshot stores each study's reports), or by the same id:

- no previous study matches → "new study"; a previous study matching no current one → "study
  removed" (its reports are all gone from the table);
- exactly one each way → the same study; if its id changed, one "study id changed" row (old → new);
- one current study matching several previous ones → one "studies merged" row naming the old ids
  (`old`, " | "-joined); it is then diffed against the old studies combined (values and flags
  united, the best status — included > provisional > unscreened);
- one previous study matching several current ones → one "study split" row naming the new ids
  (`new`), and no "study id changed" row for a part whose id changed (the split row names it);
  each part is diffed against the old study's values stated by the part's own reports (an old
  report in no part gets a "report removed" row under the old id).

A snapshot written before report lists were stored (a study without "reports") is matched by id
only. The rows keep the columns of `CHANGE_COLUMNS`; only the `change` kinds were added.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from mbc_sr.extract.sheets import write_csv, write_xlsx
from mbc_sr.extract.table import STATUS_ORDER, STUDY_FIELDS, UNSCREENED, StudyRow

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
    # new study, study removed, study id changed, studies merged, study split, report added,
    # report removed, status, flagged, added, removed, changed
    change: str
    study_id: str
    field: str = ""
    old: str = ""
    new: str = ""
    reports: str = ""

    def as_row(self) -> dict[str, str]:
        return {name: getattr(self, name) for name in CHANGE_COLUMNS}


@dataclass(frozen=True, slots=True)
class Matches:
    """Which previous studies each current study continues, and the reverse (see the module docstring)."""

    predecessors: dict[str, list[str]]  # current id -> previous ids
    successors: dict[str, list[str]]  # previous id -> current ids


def match_studies(before: dict, after: dict) -> Matches:
    """Match by shared reports or, failing report lists (old snapshots), by the same id."""
    by_report: dict[str, list[str]] = {}
    for old_id, old in before.items():
        for report in old.get("reports", ()):
            by_report.setdefault(report, []).append(old_id)
    predecessors: dict[str, list[str]] = {}
    successors: dict[str, list[str]] = {old_id: [] for old_id in before}
    for study_id, study in after.items():
        found = [study_id] if study_id in before else []
        for report in study["reports"]:
            found.extend(by_report.get(report, ()))
        predecessors[study_id] = list(dict.fromkeys(found))
        for old_id in predecessors[study_id]:
            successors[old_id].append(study_id)
    return Matches(predecessors, successors)


def _restricted(old: dict, reports: set[str]) -> dict:
    """The part of an old study its `reports` stated (for a study split by new linkage)."""
    fields = {}
    for name, cell in old.get("fields", {}).items():
        values = {value: [r for r in stated if r in reports] for value, stated in cell.get("values", {}).items()}
        fields[name] = {"values": {value: stated for value, stated in values.items() if stated}}
    return {**old, "reports": [r for r in old.get("reports", ()) if r in reports], "fields": fields}


def _combined(olds: list[dict]) -> dict:
    """Several old studies as one (merged by new linkage): values, reports and flags united."""
    statuses = {old["status"] for old in olds}
    fields: dict[str, dict] = {}
    for old in olds:
        for name, cell in old.get("fields", {}).items():
            values = fields.setdefault(name, {"values": {}})["values"]
            for value, stated in cell.get("values", {}).items():
                values[value] = list(dict.fromkeys(values.get(value, []) + list(stated)))
    return {
        "status": next((status for status in STATUS_ORDER if status in statuses), UNSCREENED),
        "flags": sorted({flag for old in olds for flag in old.get("flags", [])}),
        "reports": list(dict.fromkeys(r for old in olds for r in old.get("reports", ()))),
        "fields": fields,
    }


def diff(previous: dict | None, current: dict) -> list[Change]:
    """What changed from the `previous` snapshot to `current` (everything is new without one)."""
    before = (previous or {}).get("studies", {})
    after = current["studies"]
    matches = match_studies(before, after)
    changes: list[Change] = []
    split_reported: set[str] = set()
    for study_id, study in after.items():
        reports_text = "; ".join(study["reports"])
        old_ids = matches.predecessors[study_id]
        if not old_ids:
            changes.append(Change("new study", study_id, new=study["status"], reports=reports_text))
            if study["flags"]:
                changes.append(Change("flagged", study_id, "flags", "", ", ".join(study["flags"]), reports_text))
            continue
        for old_id in old_ids:
            parts = matches.successors[old_id]
            if len(parts) > 1 and old_id not in split_reported:
                split_reported.add(old_id)
                old_reports = before[old_id].get("reports", [])
                changes.append(Change("study split", old_id, "study_id", old_id, " | ".join(parts), "; ".join(old_reports)))
                kept = {r for part in parts for r in after[part]["reports"]}
                gone = "; ".join(r for r in old_reports if r not in kept)
                if gone:  # the parts are diffed against their own reports only: say here what left the table
                    changes.append(Change("report removed", old_id, "reports", gone, "", gone))
        if len(old_ids) > 1:
            changes.append(Change("studies merged", study_id, "study_id", " | ".join(old_ids), study_id, reports_text))
        elif old_ids[0] != study_id and len(matches.successors[old_ids[0]]) == 1:  # a split part: its split row names it
            changes.append(Change("study id changed", study_id, "study_id", old_ids[0], study_id, reports_text))
        olds = [
            _restricted(before[old_id], set(study["reports"])) if len(matches.successors[old_id]) > 1 else before[old_id]
            for old_id in old_ids
        ]
        old = olds[0] if len(olds) == 1 else _combined(olds)
        if "reports" in old:
            added_reports = [r for r in study["reports"] if r not in old["reports"]]
            dropped_reports = [r for r in old["reports"] if r not in study["reports"]]
            if added_reports:
                changes.append(Change("report added", study_id, "reports", "", "; ".join(added_reports), "; ".join(added_reports)))
            if dropped_reports:
                changes.append(Change("report removed", study_id, "reports", "; ".join(dropped_reports), "",
                                      "; ".join(dropped_reports)))
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
        if not matches.successors[study_id]:
            changes.append(Change("study removed", study_id, old=study["status"], reports="; ".join(study.get("reports", ()))))
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

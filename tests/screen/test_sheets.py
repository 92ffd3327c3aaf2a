"""The human round-trip: export -> edit -> import, validation, formula safety, idempotency."""

from __future__ import annotations

import csv

import pytest
from openpyxl import load_workbook

from mbc_sr.pipeline_screen import current_decision, export_sheet, import_sheet, run_rules
from mbc_sr.screen.sheets import neutralise, restore
from mbc_sr.store import decisions as log

TRIAL = "pmid:33964572"
PRECLIN = "pmid:34087508"


def _read(path):
    with path.open(encoding="utf-8-sig", newline="") as stream:
        return list(csv.DictReader(stream))


def _write(path, rows):
    with path.open("w", encoding="utf-8-sig", newline="") as stream:
        writer = csv.DictWriter(stream, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


@pytest.fixture()
def exported(slice_store, protocol, tmp_path):
    run_rules(slice_store, protocol)
    csv_path, xlsx_path, n = export_sheet(slice_store, protocol, "ta", "ann", tmp_path / "out")
    return csv_path, xlsx_path, n


def _decide(rows, decisions):
    for row in rows:
        if row["record_id"] in decisions:
            row["decision"], row["reason"], row["note"] = decisions[row["record_id"]]
    return rows


@pytest.mark.parametrize("value", ["=HYPERLINK(\"http://x\")", "+1", "-2+3", "@SUM(A1)", "\tx", "\r=1", " =1"])
def test_formula_prefixes_are_neutralised_and_restored(value):
    assert neutralise(value).startswith("'")
    assert restore(neutralise(value)) == value
    assert neutralise("plain") == "plain" and neutralise("2021") == "2021"


def test_export_edit_import_round_trip(exported, slice_store, protocol):
    csv_path, xlsx_path, n = exported
    rows = _read(csv_path)
    assert n == len(rows) == 36 and {r["reviewer"] for r in rows} == {"ann"}
    assert {TRIAL, PRECLIN} <= {r["record_id"] for r in rows}
    sha = slice_store.record_state(TRIAL).xml_sha256
    assert next(r for r in rows if r["record_id"] == TRIAL)["fingerprint"] == sha[:16]
    _write(csv_path, _decide(rows, {TRIAL: ("include", "", "=cmd|' /C calc'!A0"),
                                    PRECLIN: ("exclude", "preclinical (in vitro / animal only)", "")}))  # fmt: skip
    report = import_sheet(slice_store, protocol, csv_path)
    assert (report.status, report.written, report.blank) == ("imported", 2, 34)
    current = current_decision(slice_store, TRIAL, "ta")
    assert current.status == "included" and current.decision.reviewer == "ann"
    assert current.decision.note == "=cmd|' /C calc'!A0"  # kept as text, restored exactly
    assert current.decision.criteria_version == protocol.version
    assert current_decision(slice_store, PRECLIN, "ta").reason == "preclinical (in vitro / animal only)"
    # the same file again adds nothing; nor does a re-saved copy with the same decisions
    assert import_sheet(slice_store, protocol, csv_path).status == "already_imported"
    copy = csv_path.with_name("copy.csv")
    copy.write_bytes(csv_path.read_bytes() + b"\r\n")
    again = import_sheet(slice_store, protocol, copy)
    assert (again.written, again.unchanged) == (0, 2)
    assert len([d for d in log.load_decisions(slice_store, stage="ta") if d.role == "reviewer"]) == 2


def test_invalid_rows_refuse_the_whole_file_with_a_report(exported, slice_store, protocol):
    csv_path, _xlsx, _n = exported
    rows = _read(csv_path)
    rows = _decide(rows, {TRIAL: ("include", "", ""), PRECLIN: ("exclude", "not a listed reason", "")})
    rows.append(dict(rows[0], decision="include"))  # duplicate row
    rows.append(dict(rows[1], record_id="pmid:1", decision="include"))  # unknown id
    rows[2]["decision"] = "perhaps"  # invalid value (row 4)
    _write(csv_path, rows)
    report = import_sheet(slice_store, protocol, csv_path)
    assert report.status == "refused" and report.written == 0
    problems = {p.row: p.problem for p in report.problems}
    n = len(rows) + 1
    assert "duplicate row" in problems[n - 1] and "unknown record id" in problems[n]
    assert "decision must be one of" in problems[4]
    assert "not in the protocol's reasons_ta" in next(p.problem for p in report.problems if p.record_id == PRECLIN)
    assert [r["row"] for r in _read(report.report_path)] == [str(p.row) for p in report.problems]
    assert not [d for d in log.load_decisions(slice_store) if d.role != "rules"]  # nothing written
    partial = import_sheet(slice_store, protocol, csv_path, partial=True)
    assert partial.status == "imported" and partial.written == 1  # only TRIAL's valid row
    assert current_decision(slice_store, TRIAL, "ta").status == "included"


def test_a_stale_fingerprint_is_rejected(exported, slice_store, protocol):
    csv_path, _xlsx, _n = exported
    rows = _decide(_read(csv_path), {TRIAL: ("include", "", "")})
    next(r for r in rows if r["record_id"] == TRIAL)["fingerprint"] = "0" * 16  # the record changed since
    _write(csv_path, rows)
    report = import_sheet(slice_store, protocol, csv_path)
    assert report.status == "refused"
    assert [p.record_id for p in report.problems] == [TRIAL] and "stale" in report.problems[0].problem


def test_xlsx_has_frozen_header_wrapped_abstract_dropdowns_and_no_formulas(exported, slice_store, protocol):
    csv_path, xlsx_path, _n = exported
    book = load_workbook(xlsx_path)
    sheet = book["screening"]
    header = [c.value for c in sheet[1]]
    assert sheet.freeze_panes == "A2"
    abstract = header.index("abstract") + 1
    assert sheet.cell(row=2, column=abstract).alignment.wrap_text
    formulas = {str(v.formula1) for v in sheet.data_validations.dataValidation}
    assert formulas == {"allowed!$A$2:$A$4", f"allowed!$B$2:$B${len(protocol.reasons['ta']) + 1}"}
    assert book["allowed"].sheet_state == "hidden"
    assert [book["allowed"].cell(row=i, column=1).value for i in (2, 3, 4)] == ["include", "exclude", "maybe"]
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)
    # a reviewer fills it in (a note that looks like a formula) and imports it
    col = {name: i + 1 for i, name in enumerate(header)}
    for row in range(2, sheet.max_row + 1):
        if sheet.cell(row=row, column=col["record_id"]).value == TRIAL:
            sheet.cell(row=row, column=col["decision"]).value = "include"
            sheet.cell(row=row, column=col["note"]).value = neutralise("@see BOLERO-2")
    book.save(xlsx_path)
    report = import_sheet(slice_store, protocol, xlsx_path)
    assert (report.status, report.written) == ("imported", 1)
    assert current_decision(slice_store, TRIAL, "ta").decision.note == "@see BOLERO-2"


def test_a_title_that_looks_like_a_formula_is_neutralised_in_csv_and_xlsx(slice_store, protocol, tmp_path):
    from mbc_sr.screen.sheets import write_csv, write_xlsx

    rows = [{"record_id": "x", "title": "=1+2", "abstract": "-5 mg", "note": "@x", "journal": "\tTab"}]
    write_csv(tmp_path / "f.csv", rows)
    write_xlsx(tmp_path / "f.xlsx", rows, protocol, "ta")
    text = (tmp_path / "f.csv").read_text(encoding="utf-8-sig")
    assert "'=1+2" in text and "'-5 mg" in text and "'@x" in text and "'\tTab" in text
    values = [c.value for c in load_workbook(tmp_path / "f.xlsx")["screening"][2]]
    assert "'=1+2" in values and "'-5 mg" in values and "'@x" in values

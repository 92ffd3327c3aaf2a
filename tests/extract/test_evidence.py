"""The evidence-base update: files written (formula-safe), and the diff against the previous version."""

from __future__ import annotations

import csv
import json

from mbc_sr.extract.evidence import diff, snapshot, write_evidence_base
from mbc_sr.extract.record import extract_record
from mbc_sr.extract.table import INCLUDED, PROVISIONAL, build_table, group_reports
from tests.extract.helpers import record

A1 = record("In this phase 3 trial, 724 patients were randomly assigned (HR 0.43; 95% CI 0.35-0.54). NCT00863655.", key="1")
A2 = record("BOLERO-2 final analysis: 724 patients were randomly assigned. OS HR 0.89 (95% CI 0.73-1.10).", key="2")
A2_CORRECTED = record("BOLERO-2 final analysis: 724 patients were randomly assigned. OS HR 0.90 (95% CI 0.74-1.10).",
                      key="2", comments=("ErratumIn",))
B = record("A phase II study: 50 patients were enrolled. ORR was 20%.", key="3")
C = record("=HYPERLINK(\"http://x\") +1 -2 @cmd: 30 patients were enrolled.", key="4")


def rows(grouping, inclusion):
    records = [r for rs in grouping.values() for r in rs]
    return build_table(group_reports(grouping), {r.key: extract_record(r) for r in records}, inclusion)


def test_first_version_everything_is_new():
    current = snapshot(rows({"s:A": [A1]}, {"pmid:1": PROVISIONAL}))
    assert [(c.change, c.study_id) for c in diff(None, current)] == [("new study", "s:A")]


def test_diff_new_studies_changed_values_status_and_flags():
    before = snapshot(rows({"s:A": [A1, A2]}, {"pmid:1": PROVISIONAL, "pmid:2": PROVISIONAL}))
    after = snapshot(rows({"s:A": [A1, A2_CORRECTED], "s:B": [B]},
                          {"pmid:1": INCLUDED, "pmid:2": PROVISIONAL, "pmid:3": PROVISIONAL}))
    changes = diff(before, after)
    as_tuples = [(c.change, c.study_id, c.field, c.old, c.new, c.reports) for c in changes]
    assert ("status", "s:A", "status", PROVISIONAL, INCLUDED, "") in as_tuples
    assert ("flagged", "s:A", "flags", "", "corrected", "pmid:1; pmid:2") in as_tuples
    assert ("changed", "s:A", "hazard_ratios", "OS HR 0.89 (95% CI 0.73–1.1)", "OS HR 0.9 (95% CI 0.74–1.1)", "pmid:2") in as_tuples
    assert ("new study", "s:B", "", "", PROVISIONAL, "pmid:3") in as_tuples
    removed = diff(after, snapshot(rows({"s:A": [A1, A2_CORRECTED]}, {"pmid:1": INCLUDED})))
    assert [(c.change, c.study_id) for c in removed] == [("study removed", "s:B")]


def test_write_evidence_base_twice_diffs_against_the_previous_snapshot(tmp_path):
    first = write_evidence_base(rows({"s:A": [A1], "s:C": [C]}, {"pmid:1": INCLUDED, "pmid:4": PROVISIONAL}), tmp_path)
    assert first.studies == 2 and first.by_status == {INCLUDED: 1, PROVISIONAL: 1}
    assert {p.name for p in first.files} == {"evidence_base.csv", "evidence_base_changes.csv", "evidence_base.xlsx", "evidence_base.json"}
    assert [c.change for c in first.changes] == ["new study", "new study"]
    second = write_evidence_base(rows({"s:A": [A1, A2], "s:C": [C]}, {"pmid:1": INCLUDED, "pmid:2": INCLUDED, "pmid:4": PROVISIONAL}), tmp_path)
    kinds = {(c.change, c.field) for c in second.changes}
    assert ("added", "hazard_ratios") in kinds and ("new study", "") not in kinds
    assert len(list((tmp_path / "history").glob("evidence_base-*.json"))) == 1
    third = write_evidence_base(rows({"s:A": [A1, A2], "s:C": [C]}, {"pmid:1": INCLUDED, "pmid:2": INCLUDED, "pmid:4": PROVISIONAL}), tmp_path)
    assert third.changes == []
    with open(tmp_path / "evidence_base_changes.csv", encoding="utf-8", newline="") as handle:
        assert list(csv.DictReader(handle)) == []
    saved = json.loads((tmp_path / "evidence_base.json").read_text(encoding="utf-8"))
    assert set(saved["studies"]) == {"s:A", "s:C"}
    assert "summary" not in saved and "studies" in third.summary()


def test_files_are_formula_safe_in_csv_and_xlsx(tmp_path):
    from openpyxl import load_workbook

    rec = record("30 patients were enrolled.", key="5", title="=SUM(A1:A9)")
    update = write_evidence_base(rows({"=cmd|' /C calc'!A0": [rec], "+s": [C]}, {"pmid:5": INCLUDED, "pmid:4": INCLUDED}), tmp_path)
    with open(tmp_path / "evidence_base.csv", encoding="utf-8", newline="") as handle:
        cells = [cell for row in csv.reader(handle) for cell in row]
    assert all(not cell.lstrip(" ").startswith(("=", "+", "-", "@", "\t", "\r")) for cell in cells)
    assert "'=cmd|' /C calc'!A0" in cells and "'+s" in cells
    workbook = load_workbook(tmp_path / "evidence_base.xlsx")
    assert workbook.sheetnames == ["Studies", "Changes"]
    for sheet in workbook:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate, cell.value)
                if isinstance(cell.value, str):
                    assert not cell.value.lstrip(" ").startswith(("=", "+", "-", "@", "\t", "\r"))
    assert workbook["Studies"].freeze_panes == "A2"
    assert update.files


# ----------------------------------------------------------------- studies matched by the reports they share

A2_LINKED = record("BOLERO-2 final analysis: 720 patients were randomly assigned. OS HR 0.89 (95% CI 0.73-1.10). NCT00863655.",
                   key="2")


def _kinds(changes):
    return [(c.change, c.study_id, c.field, c.old, c.new, c.reports) for c in changes]


def test_a_study_gaining_a_linked_report_is_the_same_study_with_a_report_added_not_new_and_removed():
    before = snapshot(rows({"record:pmid:1": [A1]}, {"pmid:1": INCLUDED}))
    after = snapshot(rows({"nct:NCT00863655": [A1, A2_LINKED]}, {"pmid:1": INCLUDED, "pmid:2": INCLUDED}))
    changes = _kinds(diff(before, after))
    assert [c for c in changes if c[0] in ("new study", "study removed")] == []
    assert ("study id changed", "nct:NCT00863655", "study_id", "record:pmid:1", "nct:NCT00863655", "pmid:1; pmid:2") in changes
    assert ("report added", "nct:NCT00863655", "reports", "", "pmid:2", "pmid:2") in changes
    assert ("changed", "nct:NCT00863655", "n_total", "724 randomised", "724 randomised | 720 randomised", "pmid:2") not in changes
    assert ("added", "nct:NCT00863655", "n_total", "", "720 randomised", "pmid:2") in changes
    assert ("added", "nct:NCT00863655", "hazard_ratios", "", "OS HR 0.89 (95% CI 0.73–1.1)", "pmid:2") in changes


def test_two_previously_separate_studies_now_linked_give_one_merged_row_naming_both_old_ids():
    before = snapshot(rows({"record:pmid:1": [A1], "record:pmid:2": [A2_LINKED]}, {"pmid:1": INCLUDED, "pmid:2": PROVISIONAL}))
    after = snapshot(rows({"nct:NCT00863655": [A1, A2_LINKED]}, {"pmid:1": INCLUDED, "pmid:2": PROVISIONAL}))
    changes = _kinds(diff(before, after))
    assert changes[0] == ("studies merged", "nct:NCT00863655", "study_id", "record:pmid:1 | record:pmid:2",
                          "nct:NCT00863655", "pmid:1; pmid:2")
    assert [c for c in changes if c[0] in ("new study", "study removed", "report added", "status")] == []
    # the values were all there before, in one or the other old study: nothing added or removed
    assert [c for c in changes if c[0] in ("added", "removed", "changed")] == []


def test_a_study_split_by_new_linkage_gives_one_split_row_naming_both_new_ids():
    before = snapshot(rows({"nct:NCT00863655": [A1, A2_LINKED]}, {"pmid:1": INCLUDED, "pmid:2": PROVISIONAL}))
    after = snapshot(rows({"record:pmid:1": [A1], "record:pmid:2": [A2_LINKED]}, {"pmid:1": INCLUDED, "pmid:2": PROVISIONAL}))
    changes = _kinds(diff(before, after))
    assert ("study split", "nct:NCT00863655", "study_id", "nct:NCT00863655", "record:pmid:1 | record:pmid:2",
            "pmid:1; pmid:2") in changes
    assert [c for c in changes if c[0] in ("new study", "study removed", "added", "removed", "changed")] == []


def test_a_genuinely_new_study_is_new_and_a_study_whose_only_report_went_is_removed():
    before = snapshot(rows({"record:pmid:1": [A1], "record:pmid:3": [B]}, {"pmid:1": INCLUDED, "pmid:3": PROVISIONAL}))
    after = snapshot(rows({"record:pmid:1": [A1], "record:pmid:4": [C]}, {"pmid:1": INCLUDED, "pmid:4": PROVISIONAL}))
    assert [(c.change, c.study_id) for c in diff(before, after)] == [("new study", "record:pmid:4"),
                                                                     ("study removed", "record:pmid:3")]


def test_a_report_dropped_from_a_study_is_reported_and_its_values_removed():
    before = snapshot(rows({"nct:NCT00863655": [A1, A2_LINKED]}, {"pmid:1": INCLUDED, "pmid:2": INCLUDED}))
    after = snapshot(rows({"record:pmid:1": [A1]}, {"pmid:1": INCLUDED}))
    changes = _kinds(diff(before, after))
    assert ("report removed", "record:pmid:1", "reports", "pmid:2", "", "pmid:2") in changes
    assert ("removed", "record:pmid:1", "n_total", "720 randomised", "", "") in changes
    assert [c for c in changes if c[0] in ("new study", "study removed")] == []


def test_an_old_snapshot_without_report_lists_is_matched_by_study_id():
    before = snapshot(rows({"s:A": [A1], "s:B": [B]}, {"pmid:1": PROVISIONAL, "pmid:3": PROVISIONAL}))
    for study in before["studies"].values():
        del study["reports"]
    after = snapshot(rows({"s:A": [A1, A2], "s:C": [B]}, {"pmid:1": INCLUDED, "pmid:2": INCLUDED, "pmid:3": PROVISIONAL}))
    changes = [(c.change, c.study_id) for c in diff(before, after)]
    assert ("status", "s:A") in changes and ("new study", "s:A") not in changes
    assert ("new study", "s:C") in changes and ("study removed", "s:B") in changes  # no report lists: ids only


def test_refresh_after_linking_a_second_report_writes_no_new_or_removed_study(tmp_path):
    write_evidence_base(rows({"record:pmid:1": [A1]}, {"pmid:1": INCLUDED}), tmp_path)
    second = write_evidence_base(rows({"nct:NCT00863655": [A1, A2_LINKED]}, {"pmid:1": INCLUDED, "pmid:2": INCLUDED}), tmp_path)
    kinds = [c.change for c in second.changes]
    assert "new study" not in kinds and "study removed" not in kinds and "report added" in kinds
    with open(tmp_path / "evidence_base_changes.csv", encoding="utf-8", newline="") as handle:
        written = list(csv.DictReader(handle))
    assert list(written[0]) == ["change", "study_id", "field", "old", "new", "reports"]
    assert {"study id changed", "report added"} <= {row["change"] for row in written}


def test_a_split_study_that_also_lost_a_report_says_so_under_the_old_id():
    before = snapshot(rows({"s:A": [A1, A2_LINKED, B]}, {}))
    after = snapshot(rows({"record:pmid:1": [A1], "record:pmid:2": [A2_LINKED]}, {}))
    changes = _kinds(diff(before, after))
    assert changes[:2] == [("study split", "s:A", "study_id", "s:A", "record:pmid:1 | record:pmid:2", "pmid:1; pmid:2; pmid:3"),
                           ("report removed", "s:A", "reports", "pmid:3", "", "pmid:3")]
    assert [c for c in changes if c[0] in ("new study", "study removed")] == []


def test_a_split_part_whose_id_changes_gets_only_the_split_row_not_also_an_id_changed_row():
    before = snapshot(rows({"nct:NCT00863655": [A1, A2_LINKED]}, {}))
    for after_grouping in ({"nct:NCT00863655": [A1], "record:pmid:2": [A2_LINKED]},
                           {"record:pmid:1": [A1], "record:pmid:2": [A2_LINKED]}):
        changes = _kinds(diff(before, snapshot(rows(after_grouping, {}))))
        assert [c[0] for c in changes if c[2] == "study_id"] == ["study split"]
        assert changes[0][4] == " | ".join(after_grouping)  # the split row names every new id


def test_an_id_change_without_a_split_still_gets_its_row():
    before = snapshot(rows({"record:pmid:1": [A1]}, {}))
    changes = _kinds(diff(before, snapshot(rows({"nct:NCT00863655": [A1]}, {}))))
    assert changes == [("study id changed", "nct:NCT00863655", "study_id", "record:pmid:1", "nct:NCT00863655", "pmid:1")]

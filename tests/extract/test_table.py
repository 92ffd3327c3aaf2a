"""Study-level combination: values from all reports with their reports, conflicts shown, never averaged."""

from __future__ import annotations

from mbc_sr.extract.record import extract_record
from mbc_sr.extract.table import (
    INCLUDED, PROVISIONAL, UNSCREENED, build_table, group_reports, one_study_per_record, reports_from_links,
    study_row, study_status,
)
from tests.extract.helpers import record

PRIMARY = record(
    "In this randomised phase 3 trial (BOLERO-2), 724 patients were randomly assigned to everolimus plus exemestane "
    "(n = 485) or placebo plus exemestane (n = 239). Median PFS was 6.9 vs 2.8 months (HR 0.43; 95% CI 0.35-0.54; P<0.001). "
    "ClinicalTrials.gov NCT00863655.",
    key="101",
)
UPDATE = record(
    "Final results of BOLERO-2: 724 patients were randomly assigned. Median PFS was 7.8 vs 3.2 months "
    "(HR 0.45; 95% CI 0.38-0.54; P<0.0001). Median OS was 31.0 vs 26.6 months (HR 0.89; 95% CI 0.73-1.10).",
    key="102", databank=(("ClinicalTrials.gov", "NCT00863655"),),
)
SAFETY = record(
    "In BOLERO-2, 720 patients were randomly assigned; the most common grade 3 or 4 adverse event was stomatitis (8% vs 1%).",
    key="103", databank=(("ClinicalTrials.gov", "NCT00863655"),),
)
OTHER = record("A phase II study: 50 patients were enrolled. ORR was 20%.", key="201", comments=("RetractionIn",))


def table_for(grouping, inclusion=None, flags=None):
    records = [r for rs in grouping.values() for r in rs]
    extractions = {r.key: extract_record(r) for r in records}
    return build_table(group_reports(grouping), extractions, inclusion, flags)


def test_values_of_all_reports_are_combined_each_with_its_reports():
    (row,) = table_for({"nct:NCT00863655": [PRIMARY, UPDATE]})
    assert row.reports == ("pmid:101", "pmid:102")
    assert row.cells["registry_ids"].value_set() == {"NCT00863655": ("pmid:101", "pmid:102")}
    assert row.cells["trial_acronyms"].value_set() == {"BOLERO-2": ("pmid:101", "pmid:102")}
    assert row.cells["n_total"].value_set() == {"724 randomised": ("pmid:101", "pmid:102")}
    assert not row.cells["n_total"].conflict
    hrs = row.cells["hazard_ratios"].value_set()
    assert hrs["PFS HR 0.43 (95% CI 0.35–0.54; p<0.001)"] == ("pmid:101",)
    assert hrs["PFS HR 0.45 (95% CI 0.38–0.54; p<0.0001)"] == ("pmid:102",)
    assert hrs["OS HR 0.89 (95% CI 0.73–1.1)"] == ("pmid:102",)


def test_conflicting_values_are_shown_never_averaged():
    (row,) = table_for({"nct:NCT00863655": [PRIMARY, UPDATE, SAFETY]})
    n_total = row.cells["n_total"]
    assert n_total.conflict
    assert n_total.value_set() == {"724 randomised": ("pmid:101", "pmid:102"), "720 randomised": ("pmid:103",)}
    assert n_total.text() == "724 randomised (pmid:101; pmid:102) ≠ 720 randomised (pmid:103)"
    assert "722" not in n_total.text()  # never an average
    assert row.cells["hazard_ratios"].conflict  # PFS (all patients, same analysis) 0.43 in one report, 0.45 in another
    assert set(row.conflicts) >= {"n_total", "hazard_ratios"}


def test_an_updated_analysis_is_labelled_not_a_conflict():
    later = record("With longer follow-up, median PFS was 7.8 vs 3.2 months (HR 0.45; 95% CI 0.38-0.54).", key="104")
    (row,) = table_for({"nct:NCT00863655": [PRIMARY, later]})
    assert not row.cells["hazard_ratios"].conflict
    assert "PFS HR 0.45 (95% CI 0.38–0.54) [updated analysis]" in row.cells["hazard_ratios"].value_set()


def test_two_analyses_in_one_report_are_not_a_conflict():
    rec = record("PFS by investigator (HR 0.43; 95% CI 0.35-0.54) and by central review (HR 0.36; 95% CI 0.27-0.47).", key="301")
    (row,) = table_for({"s": [rec]})
    assert not row.cells["hazard_ratios"].conflict
    assert len(row.cells["hazard_ratios"].values) == 2


def test_status_included_beats_provisional_and_flags_come_from_reports_and_refresh():
    rows = table_for(
        {"nct:NCT00863655": [PRIMARY, UPDATE], "record:pmid:201": [OTHER]},
        inclusion={"pmid:101": PROVISIONAL, "pmid:102": INCLUDED, "pmid:201": PROVISIONAL},
        flags={"pmid:101": {"erratum_in"}},
    )
    assert [(r.study_id, r.status, r.flags) for r in rows] == [
        ("nct:NCT00863655", INCLUDED, ("corrected",)), ("record:pmid:201", PROVISIONAL, ("retracted",)),
    ]
    assert study_status(["pmid:9"], {}) == UNSCREENED


def test_groupings_from_links_and_one_per_record():
    records = [PRIMARY, UPDATE, OTHER]
    studies = reports_from_links(records, [("nct:NCT00863655", ["pmid:101", "pmid:102", "pmid:999"], ["nct:NCT00863655"])])
    assert [(s.study_id, [r.key for r in s.records], s.basis) for s in studies] == [
        ("nct:NCT00863655", ["pmid:101", "pmid:102"], ("nct:NCT00863655",)),
        ("record:pmid:201", ["pmid:201"], ()),
    ]
    assert [s.study_id for s in one_study_per_record(records)] == ["record:pmid:101", "record:pmid:102", "record:pmid:201"]


def test_study_row_from_dedup_study_linkage():
    """Integration with the dedup stage's study linkage (mbc_sr.dedup.studies.link_studies)."""
    from mbc_sr.dedup.studies import link_studies

    records = [PRIMARY, UPDATE, SAFETY, OTHER]
    groups = link_studies(records)
    links = [(f"study:{i}", [records[m].key for m in g.members], g.basis) for i, g in enumerate(groups) if len(g.members) > 1]
    studies = reports_from_links(records, links)
    linked = next(s for s in studies if len(s.records) > 1)
    assert {r.key for r in linked.records} == {"pmid:101", "pmid:102", "pmid:103"}
    row = study_row(linked, {r.key: extract_record(r) for r in records})
    assert row.cells["n_total"].conflict


# ----------------------------------------------------------------- conflicts in medians, rates and adverse events


def _row(*texts):
    records = [record(text, key=str(900 + i)) for i, text in enumerate(texts)]
    (row,) = table_for({"nct:NCT00863655": records})
    return row


def test_different_medians_for_the_same_outcome_across_reports_are_a_conflict_shown_never_averaged():
    row = _row("Median PFS was 7.8 vs 3.2 months (HR 0.45).", "Median PFS was 7.4 vs 3.2 months (HR 0.45).")
    medians = row.cells["medians"]
    assert "medians" in row.conflicts
    assert medians.value_set() == {
        "PFS 7.8 months": ("pmid:900",), "PFS 3.2 months": ("pmid:900", "pmid:901"), "PFS 7.4 months": ("pmid:901",),
    }
    assert "7.6" not in medians.text()  # never an average


def test_both_arms_medians_stated_in_both_reports_are_agreement_not_a_conflict():
    row = _row("Median PFS was 7.8 vs 3.2 months.", "Median PFS was 7.8 vs 3.2 months; median OS was 31 vs 26.6 months.",
               "Median PFS was 3.2 months in the placebo arm.")
    assert not row.cells["medians"].conflict
    assert "medians" not in row.conflicts


def test_one_report_giving_two_medians_of_an_outcome_is_no_conflict_on_its_own():
    assert not _row("Median PFS was 7.8 vs 3.2 months.").cells["medians"].conflict


def test_a_later_report_updating_a_median_is_still_a_conflict_to_show():
    row = _row("Median OS was 31.0 vs 26.6 months.", "In the final analysis, median OS was 30.9 vs 26.6 months.")
    assert row.cells["medians"].conflict
    assert set(row.cells["medians"].value_set()) == {"OS 31 months", "OS 26.6 months", "OS 30.9 months"}


def test_medians_of_different_outcomes_never_conflict():
    assert not _row("Median PFS was 7.8 months.", "Median OS was 26.6 months.").cells["medians"].conflict


def test_different_response_rates_of_the_same_measure_and_arm_are_a_conflict():
    row = _row("ORR was 9.5% vs 0.4%.", "ORR was 12.6% vs 1.7%.")
    assert "response_rates" in row.conflicts
    assert {"ORR 9.5%", "ORR 12.6%"} <= set(row.cells["response_rates"].value_set())


def test_the_same_response_rates_or_different_measures_are_not_a_conflict():
    assert not _row("ORR was 9.5% vs 0.4%.", "ORR was 9.5% vs 0.4%. CBR was 33% vs 18%.").cells["response_rates"].conflict
    assert not _row("ORR was 9.5%.", "CBR was 33%.").cells["response_rates"].conflict


def test_different_grade3_percentages_of_the_same_adverse_event_are_a_conflict():
    row = _row("Grade 3 or 4 adverse events included stomatitis (8% vs 1%).",
               "Grade 3 or 4 adverse events included stomatitis (7% vs 1%).")
    assert "grade3_adverse_events" in row.conflicts
    agree = _row("Grade 3 or 4 adverse events included stomatitis (8% vs 1%).",
                 "Grade 3 or 4 adverse events included stomatitis (8% vs 1%) and anaemia (6% vs 1%).")
    assert not agree.cells["grade3_adverse_events"].conflict


def test_study_row_shows_the_arm_of_each_median():
    rec = record("Median PFS was 7.8 months with everolimus and 3.2 months with placebo. Median OS was 31.0 vs 26.6 months.", key="401")
    (row,) = table_for({"s": [rec]})
    assert set(row.cells["medians"].value_set()) == {
        "PFS 7.8 months (everolimus)", "PFS 3.2 months (placebo)", "OS 31 months", "OS 26.6 months"}


# ----------------------------------------------------------------- per-quantity conflict rules (review findings 9, 10, 4)

REPORT_1 = "Median PFS was 6.9 vs 2.8 months (HR 0.43; 95% CI 0.35-0.54)."
REPORT_2 = REPORT_1 + " Median PFS was 7.8 vs 3.2 months (HR 0.45; 95% CI 0.38-0.54)."


def test_two_reports_each_giving_one_named_arm_and_a_third_giving_both_do_not_conflict():
    one_arm = ("Median PFS was 3.2 months with exemestane alone.", "Median PFS was 7.8 months with everolimus.")
    assert not _row(*one_arm).cells["medians"].conflict
    assert not _row(*one_arm, "Median PFS was 7.8 vs 3.2 months.").cells["medians"].conflict
    assert not _row(*one_arm, "Median PFS was 7.8 months with everolimus and 3.2 months with exemestane alone.").cells["medians"].conflict


def test_a_later_report_adding_a_new_hazard_ratio_beside_the_old_one_is_a_conflict():
    row = _row(REPORT_1, REPORT_2)
    assert row.cells["hazard_ratios"].conflict
    assert "hazard_ratios" in row.conflicts


def test_a_later_report_adding_new_medians_beside_the_old_ones_is_a_conflict():
    row = _row(REPORT_1, REPORT_2)
    assert row.cells["medians"].conflict
    assert {"PFS 6.9 months", "PFS 7.8 months"} <= set(row.cells["medians"].value_set())


def test_hazard_ratios_the_same_in_every_report_or_two_in_one_report_alone_are_no_conflict():
    assert not _row(REPORT_1, REPORT_1 + " Median OS was 31 months.").cells["hazard_ratios"].conflict
    assert not _row(REPORT_2).cells["hazard_ratios"].conflict


def test_a_hazard_ratio_stated_by_one_report_of_a_key_another_report_states_is_a_conflict():
    # not hidden because the other report's values contain it: 0.43 is only in the second report's set
    assert _row("PFS HR 0.45 (95% CI 0.38-0.54).",
                "PFS HR 0.45 (95% CI 0.38-0.54). PFS HR 0.43 (95% CI 0.35-0.54).").cells["hazard_ratios"].conflict


def test_a_median_of_a_named_arm_differing_across_reports_is_a_conflict():
    row = _row("Median PFS was 7.8 months with everolimus.", "Median PFS was 7.4 months with everolimus.")
    assert row.cells["medians"].conflict
    assert _row("Median PFS was 7.8 months with everolimus.", "Median PFS was 7.4 months with Everolimus.").cells["medians"].conflict
    same = _row("Median PFS was 7.8 months with everolimus.", "Median PFS was 7.8 months with everolimus; median OS was 31 months.")
    assert not same.cells["medians"].conflict


def test_a_named_arm_gaining_a_second_median_in_a_later_report_is_a_conflict():
    row = _row("Median PFS was 7.8 months with everolimus.",
               "Median PFS was 7.8 months with everolimus. In the final analysis, median PFS was 7.4 months with everolimus.")
    assert row.cells["medians"].conflict


def test_unnamed_medians_one_arm_of_both_arms_agree_but_any_other_difference_conflicts():
    assert not _row("Median PFS was 7.8 vs 3.2 months.", "Median PFS was 3.2 months.").cells["medians"].conflict
    # three values against one: not clearly one arm of two
    assert _row("Median PFS was 7.8 vs 5.1 vs 3.2 months.", "Median PFS was 3.2 months.").cells["medians"].conflict
    # two values against four: the second report adds values the first never stated
    assert _row("Median PFS was 7.8 vs 3.2 months.", "Median PFS was 7.8 vs 3.2 months. Median PFS was 7.4 vs 3.0 months.").cells["medians"].conflict


def test_a_named_arm_median_not_among_another_reports_unnamed_medians_is_a_conflict():
    row = _row("Median PFS was 7.8 months with everolimus.", "Median PFS was 7.4 vs 3.2 months.")
    assert row.cells["medians"].conflict
    assert not _row("Median PFS was 7.8 months with everolimus.", "Median PFS was 7.8 vs 3.2 months.").cells["medians"].conflict


def test_response_rates_follow_the_same_rules_as_medians():
    assert not _row("ORR was 9.5% vs 0.4%.", "ORR was 9.5%.").cells["response_rates"].conflict
    assert _row("ORR was 9.5% vs 0.4%.", "ORR was 9.5% vs 0.4%. ORR was 12.6% vs 1.7%.").cells["response_rates"].conflict
    assert _row("ORR was 9.5% with everolimus.", "ORR was 12.6% with everolimus.").cells["response_rates"].conflict
    assert not _row("ORR was 9.5% with everolimus.", "ORR was 0.4% with placebo.").cells["response_rates"].conflict


def test_an_adverse_event_with_a_new_percentage_beside_the_old_one_is_a_conflict():
    row = _row("Grade 3 or 4 adverse events included stomatitis (8% vs 1%).",
               "Grade 3 or 4 adverse events included stomatitis (8% vs 1%). Grade 3 or 4 stomatitis occurred in 9% vs 1%.")
    assert row.cells["grade3_adverse_events"].conflict


def test_study_row_partner_drugs_leave_out_a_class_named_beside_a_drug_of_it():
    rec = record("Patients were randomly assigned to everolimus plus an aromatase inhibitor (exemestane) or exemestane alone.",
                 key="501")
    (row,) = table_for({"s": [rec]})
    assert set(row.cells["partner_drugs"].value_set()) == {"exemestane"}

"""Phase (text and publication type) and design features."""

from __future__ import annotations

import pytest

from mbc_sr.extract.design import design_features, design_summary, phases, study_phase
from tests.extract.helpers import assert_span_points_at, record


@pytest.mark.parametrize(
    "text, phase",
    [("a randomised phase III trial", "III"), ("in this phase 3 study", "III"), ("A Phase Ib study", "Ib"),
     ("a phase I/II trial", "I/II"), ("phase 1b/2 study", "Ib/II"), ("randomised phase 2–3 trial", "II/III"),
     ("A randomised phase 2b study", "IIb"), ("phase II-III", "II/III"), ("a phase IV programme", "IV"),
     ("Phase 1 dose escalation", "I")],
)
def test_phase_forms(text, phase):
    found = study_phase(record(text))
    assert found is not None and found.value == phase


def test_publication_type_gives_the_phase_when_text_does_not():
    rec = record("Patients were randomised.", publication_types=("Clinical Trial, Phase III", "Journal Article"))
    found = study_phase(rec)
    assert found.value == "III" and found.extractor == "design.publication_type"


def test_phase_of_another_study_is_not_this_studys():
    rec = record("Our group previously published a phase III trial. Here we report a matched cohort.")
    assert study_phase(rec) is None
    assert phases(rec)[0].label == "other study"


def test_title_phase_wins_and_span_points_at_it():
    rec = record("We compared this with the phase III result.", title="A phase II trial of X")
    found = study_phase(rec)
    assert found.value == "II"
    assert_span_points_at(rec, found.span, "phase II")


def test_design_features_and_negation():
    rec = record("This multicentre, randomised, double-blind, placebo-controlled crossover study; "
                 "a non-randomised open-label single-arm extension followed.")
    assert design_summary(design_features(rec)) == [
        "non-randomised", "randomised", "double-blind", "placebo-controlled", "open-label", "single-arm",
        "crossover", "multicentre",
    ]
    only_negated = record("A non-randomized, retrospective comparison.")
    assert design_summary(design_features(only_negated)) == ["non-randomised", "retrospective"]


@pytest.mark.parametrize("text", [
    "Databases were searched for relevant phase II and III randomized controlled trials.",
    "Phase 1 studies showed that the drug was safe. We report a cohort of 40 patients.",
    "The agent is now being tested in phase III clinical trials.",
    "Approval was based on data from phase 3 studies.",
])
def test_the_phase_of_trials_in_general_is_not_this_studys(text):
    assert study_phase(record(text)) is None


@pytest.mark.parametrize("text, phase", [
    ("This is a pooled analysis of two phase 3 trials of drug A.", "III"),
    ("The programme comprises 4 parallel randomised phase II trials.", "II"),
    ("Phase I studies showed safety. This was a randomised phase II study.", "II"),
    ("In this phase III trial, 400 patients were randomised.", "III"),
])
def test_counted_trials_and_this_trial_keep_their_phase(text, phase):
    found = study_phase(record(text))
    assert found is not None and found.value == phase



@pytest.mark.parametrize("text", [
    "A phase IIb randomized trial substantiated that drug A prolongs PFS in sarcoma.",
    "Drug B has been studied in phase II randomized trial in patients with lung cancer.",
    "Drug C showed activity in solid tumours in a phase 1 study.",
])
def test_a_trial_cited_for_what_it_showed_is_another_study(text):
    assert study_phase(record(text)) is None


@pytest.mark.parametrize("text, phase", [
    ("In this phase II trial, drug A showed activity in 30 patients.", "II"),
    ("In a phase III trial, we showed that drug A prolongs survival.", "III"),
    ("In a randomised phase III trial, 500 patients were assigned to drug A or placebo.", "III"),
])
def test_this_study_stated_with_a_finding_keeps_its_phase(text, phase):
    found = study_phase(record(text))
    assert found is not None and found.value == phase


def test_a_title_naming_a_finding_is_this_study():
    rec = record("Patients were randomised.", title="Drug A showed longer survival than drug B: a phase 3 trial")
    assert study_phase(rec).value == "III"


@pytest.mark.parametrize("text, phase", [
    ("A randomised phase 3 trial of drug A in previously treated multiple myeloma.", "III"),
    ("In this phase II study, patients with previously untreated lymphoma received drug B.", "II"),
    ("This open-label phase 2 trial enrolled patients with at least one prior line of therapy.", "II"),
    ("In this phase III trial, biopsies were taken prior to surgery.", "III"),
])
def test_the_patients_own_treatment_history_names_no_other_study(text, phase):
    found = study_phase(record(text))
    assert found is not None and found.value == phase


@pytest.mark.parametrize("text", [
    "Our previous phase II study showed activity. Here we report a matched cohort.",
    "Drug A was active in a prior phase I trial. We report 20 patients treated off-trial.",
])
def test_a_previous_study_is_still_another_study(text):
    assert study_phase(record(text)) is None


@pytest.mark.parametrize("text", [
    "Drug D was associated with better survival in a phase III trial of patients with lung cancer.",
    "Drug E improved overall survival in a phase 3 trial of patients with melanoma.",
])
def test_a_trial_cited_for_an_improvement_or_an_association_is_another_study(text):
    assert study_phase(record(text)) is None


@pytest.mark.parametrize("text", [
    "Drug D was associated with better survival in a phase III trial of patients with previous lines of treatment.",
    "Drug E improved overall survival in a phase 3 trial of previously treated patients.",
])
def test_a_cited_trial_stays_another_study_when_the_patients_history_is_named(text):
    assert study_phase(record(text)) is None


@pytest.mark.parametrize("text, phase", [
    ("This randomized phase II trial included pharmacokinetic studies.", "II"),
    ("A multicentre phase 3 study included quality-of-life studies in 300 patients.", "III"),
    ("The phase I trial had correlative studies of tumour biopsies.", "I"),
    ("In our phase I and pharmacokinetic studies of drug A, 30 patients were treated.", "I"),
])
def test_studies_within_this_trial_leave_its_phase(text, phase):
    found = study_phase(record(text))
    assert found is not None and found.value == phase


@pytest.mark.parametrize("text", [
    "This meta-analysis of phase III randomized trials included 12 studies.",
    "Our review of phase 2 studies found no benefit.",
])
def test_this_review_of_phase_trials_still_names_trials_in_general(text):
    assert study_phase(record(text)) is None


@pytest.mark.parametrize("text, phase", [
    ("In a randomised, double-blind, phase 3 trial, patients with psoriasis who had shown an inadequate response to "
     "methotrexate were randomly assigned to drug A or placebo.", "III"),
    ("A multicentre, phase 2 trial was done in patients whose tumours had shown progression on platinum.", "II"),
    ("In an open-label phase II study, adults whose disease had proven refractory to two lines received drug B.", "II"),
    ("In a phase 1 trial, patients with tumours that had shown resistance to drug A received drug B.", "I"),
    ("A randomised phase III trial enrolled 640 women with hormone receptor-positive, HER2-negative advanced breast "
     "cancer from 2012 to 2016, and drug A improved progression-free survival.", "III"),
])
def test_the_patients_history_or_a_later_finding_does_not_make_a_cited_trial(text, phase):
    found = study_phase(record(text))
    assert found is not None and found.value == phase


@pytest.mark.parametrize("text", [
    "A phase IIb randomized trial in patients who had received chemotherapy substantiated that drug A prolongs PFS.",
    "Drug F, given to patients who had relapsed, showed activity in a phase 2 study.",
])
def test_a_trial_cited_for_its_finding_stays_cited_beside_the_patients_history(text):
    assert study_phase(record(text)) is None


@pytest.mark.parametrize("text", [
    "For resected disease, recent results from a phase II clinical trial show promising efficacy for the combination.",
    "Data from a phase 3 trial demonstrate that adjuvant therapy prolongs survival.",
    "Promising data in a large phase 2 clinical trial with the antibody suggest that it may preserve cognition.",
])
def test_a_trial_cited_in_the_present_tense_is_another_study(text):
    assert study_phase(record(text)) is None


@pytest.mark.parametrize("text, phase", [
    ("A phase II trial was designed to show that the regimen is active in 40 patients.", "II"),
    ("This phase 3 trial shows that the drug prolongs survival.", "III"),
])
def test_a_purpose_or_this_trials_finding_keeps_its_phase(text, phase):
    assert study_phase(record(text)).value == phase


@pytest.mark.parametrize("text", [
    "Time to discharge from the Phase I recovery unit was recorded.",
    "The drug induced phase II enzymes and inhibited phase I metabolism in the liver.",
    "Patients stayed in the phase 1 post anesthesia care unit for 40 minutes.",
    "The doses prolonged the times to orientation and to discharge from the Phase I unit.",
])
def test_a_phase_of_metabolism_or_recovery_is_no_trial_phase(text):
    assert study_phase(record(text)) is None
    assert phases(record(text)) == []


@pytest.mark.parametrize("text", [
    "In this phase II trial, recovery of neutrophils was faster.",
    # without the comma the trial's noun still stands between the phase and "recovery"
    "In this phase II trial recovery of neutrophils was faster.",
])
def test_a_trial_phase_before_a_recovery_outcome_stays(text):
    assert study_phase(record(text)).value == "II"


# Review of b70d791 (round 21): a trial's own noun keeps a phase a trial's, and a present-tense verb refuses a phase
# only as the cited trial's own verb.


@pytest.mark.parametrize("title, text, phase", [
    ("A phase III trial of enzyme replacement therapy in Fabry disease", "", "III"),
    ("A phase II trial of metabolic therapy with metformin in metastatic breast cancer", "", "II"),
    ("", "A phase 1/2 trial of enzyme replacement therapy enrolled 24 children.", "I/II"),
    ("", "We conducted a phase II study of metabolic reprogramming with metformin in 40 women with metastatic breast "
         "cancer.", "II"),
    ("", "A phase II study of metabolic response-adapted therapy enrolled 60 patients.", "II"),
    ("", "This phase II trial on recovery after stroke randomised 71 patients.", "II"),
    ("", "A phase 2 stroke recovery trial randomised 118 patients.", "II"),
    ("", "A phase 3 trial during lockdown randomised 400 adults.", "III"),
])
def test_a_trials_noun_before_or_after_a_word_of_metabolism_or_recovery_keeps_the_phase(title, text, phase):
    assert study_phase(record(text, title=title)).value == phase


@pytest.mark.parametrize("text", [
    "Hepatic phase I metabolism was slowed in older patients.",
    "Patients were discharged from the phase 1 recovery unit after 40 minutes.",
])
def test_a_phase_of_metabolism_or_recovery_is_still_no_trial_phase(text):
    assert phases(record(text)) == []


@pytest.mark.parametrize("text", [
    "Sixty patients were treated. These data suggest that the combination is active and well tolerated in a phase II "
    "setting.",
    "In conclusion, in a phase II setting eribulin shows activity with manageable toxicity.",
    "A phase II trial was conducted to determine whether the addition of X to capecitabine demonstrates a benefit in "
    "progression-free survival.",
    "The aim was to assess whether V shows activity in a phase II trial of patients with MBC.",
    "In a phase II trial, 60 patients with MBC received Y; the response rate of 30% suggests activity.",
    "Because preclinical data suggest synergy with taxanes, in a randomised phase II trial 120 patients were assigned "
    "to X or Y.",
    "A phase II trial was designed to further demonstrate the activity of the regimen.",
])
def test_a_present_tense_verb_that_is_not_the_cited_trials_own_keeps_the_phase(text):
    assert study_phase(record(text)).value == "II"


def test_a_cited_trials_present_tense_finding_before_this_studys_phase():
    text = ("Recent data from a phase III trial suggest that X improves survival. We randomised 200 patients to X or "
            "placebo in a phase II trial.")
    assert study_phase(record(text)).value == "II"


# Round 23 (fresh26 false phase): counted trials of two phases are pooled; the pooled report has no phase of its own


@pytest.mark.parametrize("text", [
    "Data from four phase II and III double-blind trials of drug A were pooled for this analysis.",
    "We combined two randomised phase 2 or 3 studies of drug B in 900 patients.",
    "Five phase 2 and 3, double-blind, placebo-controlled, multicentre trials of drug D were analysed together.",
])
def test_round23_counted_trials_of_two_phases_give_no_phase(text):
    assert study_phase(record(text)) is None


@pytest.mark.parametrize("text, phase", [
    ("This is a pooled analysis of two phase II/III trials of drug A.", "II/III"),
    ("We report a randomised phase II and III trial of drug C in 300 patients.", "II/III"),
    ("This is a pooled analysis of two phase 3 trials of drug A.", "III"),
])
def test_round23_one_trial_of_two_phases_keeps_them(text, phase):
    found = study_phase(record(text))
    assert found is not None and found.value == phase

"""Drug mentions with dose and schedule; arm structure from "A plus B versus C" and "B ± A"."""

from __future__ import annotations

import pytest

from mbc_sr.extract.arms import arms, drugs_in_sentence
from mbc_sr.extract.record import extract_record
from tests.extract.helpers import assert_span_points_at, record, sentence


def test_mtor_inhibitor_with_dose_and_schedule_and_synonyms():
    found = drugs_in_sentence(sentence(
        "Patients received RAD001 10 mg once daily, temsirolimus 25 mg weekly, or 2 mg sirolimus with exemestane 25 mg/day."))
    assert [(d.drug, d.role, d.dose, d.schedule) for d in found] == [
        ("everolimus", "mtor_inhibitor", "10 mg", "once daily"),
        ("temsirolimus", "mtor_inhibitor", "25 mg", "weekly"),
        ("sirolimus", "mtor_inhibitor", "2 mg", None),
        ("exemestane", "partner", "25 mg/day", None),
    ]


def test_arm_structure_versus():
    rec = record(title="Everolimus plus exemestane versus placebo plus exemestane in advanced breast cancer")
    mentions, structure = arms(rec)
    assert structure.intervention == ("everolimus", "exemestane")
    assert structure.comparator == ("placebo", "exemestane")
    assert_span_points_at(rec, structure.span, "Everolimus plus exemestane versus placebo plus exemestane")


def test_arm_structure_with_or_without():
    for text in ("Tamoxifen ± everolimus in metastatic breast cancer", "letrozole with or without temsirolimus"):
        _, structure = arms(record(title=text))
        assert structure.comparator and structure.intervention == structure.comparator + (structure.intervention[-1],)
        assert structure.intervention[-1] in ("everolimus", "temsirolimus")


def test_no_mtor_inhibitor_no_structure():
    _, structure = arms(record(title="Letrozole versus anastrozole"))
    assert structure is None


# --------------------------------------------------------------------------- arm sizes


def arm_values(text: str) -> list[int]:
    return sorted(item.value for item in extract_record(record(text)).n_arms)


@pytest.mark.parametrize("text", [
    # an event fraction
    "Adherence was 69.8% (n=37/53) for group 1, 82.5% (n=47/57) for group 2 and 73.3% (n=33/45) for group 3.",
    # a share of the people, after the n in its bracket, the shares not making up the sample
    "Complications were bruising (n = 15, 25%), asymmetry (n = 2, 3%) and hematoma (n = 1, 2%).",
    # the n of a pooled or comparative estimate
    "Pain fell (SMD = -0.12, I² = 0%, n = 294) and quality of life rose (SMD = -0.09, I² = 0%, n = 114).",
    "Diabetes shortened survival in APOE3 carriers (n = 12,415, HR = 1.29) and in APOE2 carriers (n = 2,390, HR = 1.37).",
    # the studies of a review
    "Eighteen studies were included: randomised trials (n = 4), cohort studies (n = 9) and case series (n = 5).",
    "The methods used were PET (n = 2 studies) and functional MRI (n = 12 studies).",
    # the trials of a report of several
    "A total of 291 patients were randomized in the 2 trials combined (Study 1, N = 147; Study 2, N = 144).",
])
def test_an_n_that_counts_no_compared_group_is_no_arm(text):
    assert arm_values(text) == []


@pytest.mark.parametrize("text", [
    "Forty-seven adults (25 men and 22 women) free of chronic disease were randomly assigned to the two sequences.",
    "We identified 8833 patients treated with nephroureterectomy (5208 males vs. 3625 females).",
    "A cluster randomised trial was conducted in 73 schools (37 intervention and 36 control) with 205 classes.",
])
def test_the_sexes_things_or_strata_of_a_sample_are_no_arms(text):
    assert arm_values(text) == []


@pytest.mark.parametrize("text", [
    "Four patients in the hydroxyzine group and 1 patient in the placebo group discontinued the study because of sedation.",
    "Two patients in the oil group complained of rashes, and three patients in the placebo group complained of nausea.",
    "A sample size of 100 patients per group provides 90% power to detect a difference of 8%.",
    "Five patients in each group failed the respective treatments.",
])
def test_an_event_in_a_group_or_a_planned_size_is_no_arm(text):
    assert arm_values(text) == []


@pytest.mark.parametrize("text, sizes", [
    ("Patients were randomised to receive drug A (n = 40) or placebo (n = 38).", [38, 40]),
    ("Mortality was lower among patients who continued with ARBs (20.8%, N=125) than with ACEIs (33.1%, N=136; p=0.03).",
     [125, 136]),
    ("Patients who underwent TG versus PG were 25.5% (n = 770) versus 74.5% (n = 2246), respectively.", [770, 2246]),
    ("LU showed a − 4.5% (− 1.4 kg, P = 0.02, N = 37) difference, whereas placebo (+ 0.3%, P = 1.00, N = 35) did not.",
     [35, 37]),
    ("Ninety women were randomized to a progesterone group (44 women) or to the no-progesterone group (46 women).", [44, 46]),
    ("In all, 107 patients completed the study (54 in the aripiprazole group, and 53 in the control group).", [53, 54]),
    ("We included 49 patients in the CM group and 50 patients in the ERAS group.", [49, 50]),
    ("The patients were randomized into two groups; 30 patients in each group.", [30]),
    ("A total of 12 studies with 900 patients were pooled: treatment (n = 450) and control (n = 450).", [450, 450]),
    # shares that make up the sample are the groups it was divided into
    ("In all, 158 patients underwent VSRR (n = 78, 49.4%) or ROOT (n = 80, 50.6%).", [78, 80]),
    # trials counted in a group's own bracket are its attempts, not the studies of a review
    ("Participants were grouped into low (n = 6, 74 trials), moderate (n = 8, 76 trials) and high (n = 5, 29 trials) fitness.",
     [5, 6, 8]),
    # a breakdown of people by a condition may be the groups compared
    ("A total of 247 children (190 with OSA and 57 without OSA) were enrolled.", [57, 190]),
])
def test_the_sizes_of_compared_groups_stay(text, sizes):
    assert arm_values(text) == sizes

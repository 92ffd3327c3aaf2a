"""Several analyses named after hazard ratios: a "respectively" list labels the HRs it follows in order ("0.45 (...)
and 0.38 (...) by investigator and central review, respectively"), one HR named under two analyses takes both
("(HR 0.43 ...) by investigator and central review"), and a list that cannot be paired labels no HR. An analysis
joined by "with", "in" or "at" and followed by a verb ("with central review confirming the benefit") is the subject
of a new statement, not the HR's label."""

from __future__ import annotations

import pytest

from mbc_sr.extract.effects import hazard_ratios_in_sentence
from mbc_sr.extract.record import extract_record
from tests.extract.helpers import record, sentence


def analyses(text: str):
    return [(h.value, h.analysis) for h in hazard_ratios_in_sentence(sentence(text))]


def test_a_respectively_list_of_analyses_labels_the_hrs_it_follows_in_order():
    rec = record([("RESULTS", "PFS HRs were 0.45 (95% CI 0.38-0.54) and 0.38 (95% CI 0.31-0.48) by investigator and "
                              "central review, respectively.")])
    assert [(h.value, h.analysis) for h in extract_record(rec).hazard_ratios] == [
        (0.45, ("investigator",)), (0.38, ("central review",)),
    ]


def test_a_respectively_list_pairs_bracketed_hrs_in_order_too():
    assert analyses(
        "PFS was longer (HR 0.43; 95% CI 0.35-0.54 and HR 0.36; 95% CI 0.27-0.47) by central review and local assessment, "
        "respectively."
    ) == [(0.43, ("central review",)), (0.36, ("investigator",))]


@pytest.mark.parametrize(
    "text",
    [
        # three HRs, two analyses: they cannot be paired
        "PFS HRs were 0.45 (95% CI 0.38-0.54), 0.38 (95% CI 0.31-0.48) and 0.40 (95% CI 0.31-0.48) by investigator "
        "and central review, respectively.",
        # one HR, two analyses "respectively": nothing to pair
        "The PFS HR was 0.45 (95% CI 0.38-0.54) by investigator and central review, respectively.",
        # two HRs and two analyses without "respectively": which is which is not said
        "HRs for PFS and OS were 0.45 (95% CI 0.38-0.54) and 0.60 (95% CI 0.50-0.72) by investigator and central review.",
    ],
)
def test_a_list_of_analyses_that_cannot_be_paired_with_its_hrs_labels_none(text):
    assert all(labels == () for _, labels in analyses(text))


@pytest.mark.parametrize(
    "text",
    [
        "PFS was improved (HR 0.43; 95% CI 0.35-0.54) by investigator and central review.",
        "PFS was improved (HR 0.43; 95% CI 0.35-0.54) by both investigator and independent central review.",
        "PFS was improved (HR 0.43; 95% CI 0.35-0.54) per both local and central review.",
        "PFS was improved (HR 0.43; 95% CI 0.35-0.54), as assessed by investigator and by central review.",
    ],
)
def test_one_hr_named_under_two_analyses_takes_both_labels(text):
    assert analyses(text) == [(0.43, ("central review", "investigator"))]


@pytest.mark.parametrize("verb", ["confirming the benefit", "showing a similar benefit", "supporting the primary analysis",
                                  "confirmed the benefit"])
def test_an_analysis_joined_by_with_and_followed_by_a_verb_does_not_label_the_hr(verb):
    assert analyses(f"PFS was prolonged (HR 0.45; 95% CI 0.36-0.56) with central review {verb}.") == [(0.45, ())]


@pytest.mark.parametrize(
    "text, labels",
    [
        ("PFS was prolonged (HR 0.45; 95% CI 0.36-0.56) with independent central review.", ("central review",)),
        ("OS was longer (HR 0.80; 95% CI 0.66-0.97) in the final analysis.", ("final analysis",)),
        ("OS was longer (HR 0.80; 95% CI 0.66-0.97) in the multivariable Cox model.", ("multivariable",)),
    ],
)
def test_an_analysis_joined_by_with_or_in_that_ends_the_clause_still_labels_the_hr(text, labels):
    assert analyses(text) == [(analyses(text)[0][0], labels)]


@pytest.mark.parametrize(
    "text",
    [
        "PFS was longer (HR 0.43; 95% CI 0.35-0.54) by investigator and (HR 0.36; 95% CI 0.27-0.47) by central review "
        "assessment.",
        "PFS was longer (HR 0.43; 95% CI 0.35-0.54) by investigator assessment and 0.36 (95% CI 0.27-0.47) by central review.",
    ],
)
def test_each_hr_with_its_own_analysis_after_it_keeps_its_own(text):
    assert analyses(text) == [(0.43, ("investigator",)), (0.36, ("central review",))]

"""An analysis named right after its hazard ratio ("(HR 0.43 ...) by local investigator assessment") labels that HR;
one that opens the next clause does not."""

from __future__ import annotations

import pytest

from mbc_sr.extract.effects import hazard_ratios, hazard_ratios_in_sentence
from mbc_sr.extract.record import hr_text
from tests.extract.helpers import record, sentence


def analyses(text: str):
    return [(h.value, h.analysis) for h in hazard_ratios_in_sentence(sentence(text))]


def test_investigator_and_central_review_hrs_are_both_labelled_when_the_first_label_follows_its_hr():
    rec = record(
        "Median PFS was 7.8 vs 3.2 months (HR 0.43; 95% CI, 0.35 to 0.54; P < .001) by local investigator assessment. "
        "By central assessment, median PFS was 11.0 vs 4.1 months (HR 0.36; 95% CI, 0.27 to 0.47)."
    )
    assert [(h.value, h.analysis) for h in hazard_ratios(rec)] == [(0.43, ("investigator",)), (0.36, ("central review",))]


@pytest.mark.parametrize(
    "text, analysis",
    [
        ("PFS was longer with the combination (HR 0.43; 95% CI 0.35-0.54), as assessed by the investigators.", ("investigator",)),
        ("Progression-free survival improved (HR, 0.45; 95% CI, 0.35 to 0.57) per independent central review.", ("central review",)),
        ("PFS was prolonged (HR 0.52; 95% CI 0.41-0.66; P < .001) per blinded independent central review (BICR).",
         ("central review",)),
        ("PFS was longer (HR 0.38; 95% CI 0.28-0.51) according to local review.", ("investigator",)),
        ("The risk of progression or death was reduced by 55% (HR 0.45; 95% CI 0.33-0.61) by IRC.", ("central review",)),
        ("PFS was longer (HR 0.62, 95% CI 0.50-0.77, by BICR) in the combination arm.", ("central review",)),
        ("PFS was longer (HR 0.62; 95% CI 0.50-0.77; P = .002), as determined by blinded central review, and ORR was higher.",
         ("central review",)),
    ],
)
def test_an_analysis_named_right_after_the_hr_labels_it(text, analysis):
    assert [labels for _, labels in analyses(text)] == [analysis]


def test_a_label_after_an_hr_is_added_to_the_labels_before_it():
    assert analyses("In the updated analysis, PFS was longer (HR 0.40; 95% CI 0.31-0.52) per BICR.") == [
        (0.40, ("central review", "updated analysis")),
    ]


def test_each_hr_of_a_sentence_keeps_the_label_written_after_it_and_not_the_one_before():
    assert analyses(
        "Median PFS was 7.8 vs 3.2 months (HR 0.43; 95% CI 0.35-0.54) by investigator assessment and 11.0 vs 4.1 months "
        "(HR 0.36; 95% CI 0.27-0.47) by central review."
    ) == [(0.43, ("investigator",)), (0.36, ("central review",))]


def test_a_label_that_follows_an_hr_is_not_carried_on_to_the_next_hr():
    assert analyses("PFS (HR 0.43; 95% CI 0.35-0.54) by investigator assessment and OS (HR 0.80; 95% CI 0.62-1.03) favoured A.") == [
        (0.43, ("investigator",)), (0.80, ()),
    ]


@pytest.mark.parametrize(
    "text",
    [
        # a new clause after a semicolon
        "PFS was longer with the combination (HR 0.43; 95% CI 0.35-0.54); by central review, the ORR was 12%.",
        # a new clause after ", and"
        "PFS was longer with the combination (HR 0.43; 95% CI 0.35-0.54), and by central review the ORR was 12%.",
        # a fronted phrase set off by commas on both sides opens the next clause
        "PFS was longer with the combination (HR 0.43; 95% CI 0.35-0.54), by central review, the ORR was 12%.",
        # the label heads the next result's numbers
        "PFS was longer with the combination (HR 0.43; 95% CI 0.35-0.54), by central review 40% vs 12% responded.",
    ],
)
def test_a_label_that_opens_the_next_clause_does_not_label_the_hr_before_it(text):
    assert analyses(text) == [(0.43, ())]


def test_a_label_written_before_an_hr_still_labels_the_next_hr_after_it():
    assert analyses(
        "Median PFS was 7.8 vs 3.2 months (HR 0.43; 95% CI 0.35-0.54), by central review 11.0 vs 4.1 months "
        "(HR 0.36; 95% CI 0.27-0.47)."
    ) == [(0.43, ()), (0.36, ("central review",))]


def test_the_record_output_shows_a_trailing_label_like_a_leading_one():
    rec = record("In the subgroup with visceral metastases, PFS was longer (HR 0.47; 95% CI 0.37-0.60; P < .001) per BICR.")
    (hr,) = hazard_ratios(rec)
    assert hr_text(hr) == "PFS HR 0.47 (95% CI 0.37–0.6; p<0.001) [central review; subgroup]"

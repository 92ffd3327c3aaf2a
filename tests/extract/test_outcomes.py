"""Outcome names map to one label (death and all-cause mortality are OS, a cause of death is another
outcome, a composite "X or death" is not OS by its last word), and p-values in every written form."""

from __future__ import annotations

import pytest

from mbc_sr.extract.outcomes import P_VALUE, normalise_p, outcome_mentions


def labels(text: str) -> list[str]:
    return [mention.label for mention in outcome_mentions(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Median progression-free survival was longer", ["PFS"]),
        ("higher all-cause mortality", ["OS"]),
        ("was associated with higher all-cause mortality and cancer-specific mortality", ["OS", "other"]),
        ("death was associated with lower scores", ["OS"]),
        ("129 deaths occurred", ["OS"]),
        ("factors related with death by suicide", ["other"]),
        ("death from any cause", ["OS"]),
        ("cardiovascular deaths were rare", ["other"]),
        ("median time to first subsequent treatment or death was 9.7 months", ["other"]),
        ("5-year cancer-specific survival was 60%", ["other"]),
        ("breast cancer specific survival and overall survival", ["other", "OS"]),
        ("disease-specific survival (DSS) and cancer specific survival (CSS)", ["other", "other", "other", "other"]),
        ("impaired OS or CSS", ["OS", "other"]),
        ("the specific survival benefit", ["OS"]),  # no cause before "specific": survival itself
        # a survival by stratum is survival itself, not a cause-specific one
        ("age-specific survival was lower", ["OS"]),
        ("sex-specific survival and gender-specific survival", ["OS", "OS"]),
        ("stage-specific survival, grade-specific survival", ["OS", "OS"]),
        ("race-specific survival and period-specific survival", ["OS", "OS"]),
        ("non-specific survival", ["OS"]),
        ("associated with death, HT, or LVAD with hazard ratio of 2.1", ["other"]),
        ("the risk of death, myocardial infarction (MI), or stroke", ["other"]),
        ("death, MI and stroke were each analysed", ["OS"]),  # "and": separate outcomes
        ("death or MI", ["OS"]),
        ("HR for death 0.70 (95% CI 0.60-0.82)", ["OS"]),  # "for death" is no composite "X or death"
        ("the risk for death was higher", ["OS"]),
        ("progression or death", []),  # a composite by its last word, still not OS on its own
        ("diabetes was associated with shorter lifespan", ["OS"]),
        ("APOE genotype and longevity; a shorter life span", ["OS", "OS"]),
        ("the os (bone) was fractured", []),  # a lower-case abbreviation is no outcome
        # two outcomes sharing one noun, one of them all-cause
        ("All-cause and cardiovascular mortality were higher", ["OS", "other"]),
        ("cardiovascular and all-cause mortality", ["other", "OS"]),
        ("all-cause and cancer-specific deaths", ["OS", "other"]),
        ("cardiovascular and renal mortality", ["other"]),  # neither all-cause: one cause-specific outcome as before
        ("all-cause and 30-day mortality", ["OS"]),
    ],
)
def test_outcome_labels(text, expected):
    assert labels(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("P < .001", "<0.001"),
        ("p=0·0002", "=0.0002"),
        ("p-value=0.09", "=0.09"),
        ("p-value 0.66", "=0.66"),  # no operator after "value": equals
        ("p-value: 0.01", "=0.01"),  # nor a colon
        ("two-sided P<0.001", "<0.001"),
        ("P ≤ 0.05", "≤0.05"),
        ("lesion size (HR 1.11, p = <0.001)", "<0.001"),  # "=" before a spaced comparison
        ("p = > 0.2", ">0.2"),
        ("P =< 0.05", "≤0.05"),
        ("P=0.048", "=0.048"),
        ("P = 0", "=0"),
    ],
)
def test_p_values(text, expected):
    match = P_VALUE.search(text)
    assert match and normalise_p(match.group("op"), match.group("num")) == expected


@pytest.mark.parametrize("text", ["P 0.66", "p53 mutation", "pvalue", "p-values were adjusted", "P: 0.66", "p-value: high",
                                  "HR, 0.25, P=001", "P = 05"])  # a point lost: where it stood is a guess
def test_not_p_values(text):
    assert P_VALUE.search(text) is None


def test_mortality_due_to_a_cause_is_another_outcome():
    assert labels("an excess mortality due to cancer") == ["other"]
    assert labels("mortality from any cause") == ["OS"]


@pytest.mark.parametrize("text", ["shorter metastasis-free survival", "CLAD-free survival", "leukemia free survival"])
def test_any_other_x_free_survival_is_another_outcome(text):
    assert labels(text) == ["other"]


def test_the_named_x_free_survivals_keep_their_labels():
    assert labels("progression-free survival, disease-free survival, event-free survival") == ["PFS", "DFS", "EFS"]


@pytest.mark.parametrize("text", ["in a multivariable survival model", "Kaplan-Meier survival analysis", "survival curves"])
def test_survival_methods_are_no_outcome(text):
    assert labels(text) == []


def test_survival_itself_is_os():
    assert labels("survival was longer with A") == ["OS"]


@pytest.mark.parametrize(
    "text",
    [
        "the rate of the primary end point, a composite of all-cause mortality, or new Q-wave myocardial infarction (MI) (",
        "was not associated with the composite outcome of CV death, MI or stroke (HR",
        "and for the composite endpoint (HR",
        "the composite primary end-point of death or stroke [",
    ],
)
def test_a_composite_endpoint_with_its_items_is_another_outcome(text):
    assert labels(text) == ["other"]


@pytest.mark.parametrize(
    "text, expected",
    [
        # the items run into a verb: no composite named there, each item is read
        ("PFS, a composite of progression or death, was longer (", ["PFS"]),
        ("the composite of death or stroke was lower with A; overall survival (", ["OS", "OS"]),
        # items without the bracket that closes them
        ("a composite of death or stroke", ["OS"]),
    ],
)
def test_what_is_no_composite_endpoint(text, expected):
    assert labels(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("the HRs of heart disease mortality were", ["other"]),
        ("coronary heart disease deaths", ["other"]),
        ("stroke mortality and kidney disease deaths", ["other", "other"]),
        ("any disease mortality", ["OS"]),  # a death of any cause
        ("disease mortality", ["OS"]),
        # no disease named: an article, a comparison or a conjunction before "disease"
        ("the disease mortality", ["OS"]),
        ("lower disease mortality", ["OS"]),
        ("incidence and disease mortality", ["OS"]),
    ],
)
def test_a_death_of_a_named_disease_is_another_outcome(text, expected):
    assert labels(text) == expected

"""The trial's drugs: partner drugs are those given in the trial, not prior therapy, eligibility or background;
intervention and comparator arms come only from a phrase that compares or assigns treatments."""

from __future__ import annotations

import pytest

from mbc_sr.extract.arms import arms, partner_drugs
from mbc_sr.extract.record import extract_record, record_row
from tests.extract.helpers import record


def partners_of(abstract, title: str = "") -> list[str]:
    mentions, _ = arms(record(abstract, title=title))
    return partner_drugs(mentions)


@pytest.mark.parametrize("text, given, not_given", [
    ("Postmenopausal women with HR+ advanced breast cancer recurring or progressing after nonsteroidal aromatase "
     "inhibitors were randomized to everolimus plus exemestane or placebo plus exemestane.",
     ["exemestane"], ["aromatase inhibitor", "non-steroidal aromatase inhibitor"]),
    ("Patients with disease progression after failure of tamoxifen received everolimus plus letrozole.",
     ["letrozole"], ["tamoxifen"]),
    ("Women pretreated with anthracyclines, docetaxel and capecitabine were given everolimus with paclitaxel.",
     ["paclitaxel"], ["docetaxel", "capecitabine"]),
    ("Patients with tumours resistant to trastuzumab received everolimus, vinorelbine and trastuzumab.",
     ["vinorelbine", "trastuzumab"], []),
    ("Eligible patients were refractory to letrozole or anastrozole; all received everolimus and fulvestrant.",
     ["fulvestrant"], ["letrozole", "anastrozole"]),
    ("Patients progressing on fulvestrant were enrolled and treated with everolimus plus exemestane.",
     ["exemestane"], ["fulvestrant"]),
    ("Patients with prior chemotherapy for metastatic disease received temsirolimus and letrozole.",
     ["letrozole"], ["chemotherapy"]),
    ("Patients previously treated with a taxane and capecitabine received everolimus plus eribulin.",
     ["eribulin"], ["capecitabine"]),
    ("Women who had received tamoxifen in the adjuvant setting were treated with everolimus and exemestane.",
     ["exemestane"], ["tamoxifen"]),
    ("Patients with trastuzumab-resistant, taxane-pretreated disease received everolimus with paclitaxel.",
     ["paclitaxel"], ["trastuzumab"]),
])
def test_prior_therapy_and_eligibility_drugs_are_no_partners(text, given, not_given):
    found = partners_of(text)
    for drug in given:
        assert drug in found
    for drug in not_given:
        assert drug not in found


@pytest.mark.parametrize("text", [
    "Everolimus plus exemestane improved progression-free survival over exemestane alone.",
    "Patients were randomised to everolimus plus letrozole or letrozole alone after a run-in of two weeks.",
    "Time to progression with everolimus and fulvestrant was 8 months.",
    "Patients received everolimus 10 mg daily combined with tamoxifen 20 mg daily, prior to surgery.",
])
def test_drugs_given_in_the_trial_stay_partners(text):
    found = partners_of(text)
    assert found and all(drug in text.lower() for drug in found)


def test_a_drug_joined_to_how_it_was_met_by_a_hyphen_is_read_with_its_role():
    mentions, _ = arms(record("Patients with trastuzumab-resistant, taxane-pretreated disease received "
                              "everolimus with nab-paclitaxel-based therapy."))
    assert [(m.drug, m.role) for m in mentions] == [
        ("trastuzumab", "other_therapy"), ("everolimus", "mtor_inhibitor"), ("nab-paclitaxel", "partner")]


def test_a_list_after_a_prior_therapy_phrase_ends_at_words_that_are_no_list():
    found = partners_of("Age, previous chemotherapy, and drug used (tamoxifen versus letrozole) did not correlate "
                        "with outcome in women given everolimus.")
    assert "tamoxifen" in found and "letrozole" in found and "chemotherapy" not in found


def test_lines_of_prior_therapy_are_eligibility():
    found = partners_of("Patients had progressed on at least one line of endocrine therapy and received everolimus "
                        "plus exemestane.")
    assert found == ["exemestane"]


def test_background_section_drugs_are_no_partners():
    found = partners_of([
        ("BACKGROUND", "Resistance to endocrine therapy is associated with activation of mTOR. Tamoxifen is the "
                       "standard adjuvant therapy for premenopausal women."),
        ("METHODS", "Patients were randomized to everolimus plus exemestane or placebo plus exemestane."),
    ])
    assert found == ["exemestane"]


def test_a_background_section_stating_the_aim_keeps_its_partners():
    found = partners_of([
        ("BACKGROUND", "mTOR activation drives endocrine resistance. We assessed everolimus plus letrozole in "
                       "first-line advanced breast cancer."),
        ("RESULTS", "Thirty patients were treated."),
    ])
    assert found == ["letrozole"]


def test_general_statements_about_a_drug_are_background():
    found = partners_of("Letrozole is a nonsteroidal aromatase inhibitor used to treat hormone receptor-positive "
                        "breast cancer. We treated 40 women with everolimus and exemestane.")
    assert found == ["exemestane"]


def test_a_drug_class_named_beside_a_drug_of_that_class_is_not_listed_twice():
    found = partners_of("Patients received everolimus plus exemestane. Everolimus combined with an aromatase "
                        "inhibitor improved PFS, and endocrine therapy was well tolerated.")
    assert found == ["exemestane"]


def test_a_drug_class_alone_stays_a_partner():
    assert partners_of("Patients received everolimus plus endocrine therapy.") == ["endocrine therapy"]


def test_record_row_partner_drugs_leave_prior_therapy_and_background_out():
    rec = record([
        ("BACKGROUND", "Resistance to endocrine therapy is associated with mTOR activation."),
        ("METHODS", "Postmenopausal women with HR+ advanced breast cancer recurring or progressing after nonsteroidal "
                    "aromatase inhibitors were randomized to everolimus plus exemestane or placebo plus exemestane."),
    ])
    row = record_row(extract_record(rec))
    assert row["partner_drugs"] == "exemestane"
    assert (row["intervention_arm"], row["comparator_arm"]) == ("everolimus + exemestane", "placebo + exemestane")


# --------------------------------------------------------------------------- arms only where treatments are compared


@pytest.mark.parametrize("text", [
    # drugs listed as therapies a cohort received are no arms
    "Over 70% of patients received pertuzumab from 2016 onwards, and use of everolimus or eribulin was recorded "
    "in less than one-third of the cohorts.",
    "Patients who had received everolimus or capecitabine in any line were identified from the registry.",
    "Exposure to everolimus or paclitaxel was described by year of diagnosis.",
])
def test_drugs_listed_with_or_outside_an_assignment_are_no_arms(text):
    _, structure = arms(record(text))
    assert structure is None


@pytest.mark.parametrize("text, intervention, comparator", [
    ("Patients were randomly assigned to everolimus plus exemestane or placebo plus exemestane.",
     ("everolimus", "exemestane"), ("placebo", "exemestane")),
    ("We randomized 120 women to receive temsirolimus with letrozole or letrozole alone.",
     ("temsirolimus", "letrozole"), ("letrozole",)),
    ("This trial compared everolimus plus trastuzumab and vinorelbine or placebo plus trastuzumab and vinorelbine.",
     ("everolimus", "trastuzumab", "vinorelbine"), ("placebo", "trastuzumab", "vinorelbine")),
])
def test_or_gives_arms_in_a_sentence_that_assigns_or_compares_treatments(text, intervention, comparator):
    _, structure = arms(record(text))
    assert (structure.intervention, structure.comparator) == (intervention, comparator)


def test_versus_in_the_title_still_gives_arms():
    _, structure = arms(record("Thirty patients were treated.", title="Everolimus plus letrozole versus letrozole"))
    assert (structure.intervention, structure.comparator) == (("everolimus", "letrozole"), ("letrozole",))


def test_prior_therapy_is_no_arm():
    _, structure = arms(record("Women progressing after letrozole or anastrozole were randomized to everolimus plus "
                               "exemestane versus placebo plus exemestane."))
    assert (structure.intervention, structure.comparator) == (("everolimus", "exemestane"), ("placebo", "exemestane"))

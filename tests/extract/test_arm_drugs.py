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


# --------------------------------------------------------------------------- 'A or B' arms: placebo, assignment verbs, titles


@pytest.mark.parametrize("text, title, intervention, comparator", [
    # placebo (or another comparator) is a comparator by nature: "A or placebo" always names arms
    ("Patients (n = 724) were treated with everolimus plus exemestane or placebo plus exemestane.", "",
     "everolimus + exemestane", "placebo + exemestane"),
    ("Everolimus or placebo was given for 24 weeks before surgery.", "",
     "everolimus", "placebo"),
    # a drug given to both arms ("both with X") is in both
    ("Patients received everolimus 10 mg daily or placebo, both with exemestane 25 mg daily.", "",
     "everolimus + exemestane", "placebo + exemestane"),
    # "B alone" is a comparator too, after any verb ("received" alone assigns nothing: see below)
    ("Patients received everolimus plus letrozole or letrozole alone.", "",
     "everolimus + letrozole", "letrozole"),
    ("Women were given temsirolimus with fulvestrant or fulvestrant alone.", "",
     "temsirolimus + fulvestrant", "fulvestrant"),
    ("Patients received temsirolimus (25 mg weekly) plus letrozole or letrozole alone.", "",
     "temsirolimus + letrozole", "letrozole"),
    # a trial's title "A or B in <population>" names its arms
    ("Thirty patients were treated.",
     "Everolimus plus exemestane or placebo plus exemestane in postmenopausal women with advanced breast cancer",
     "everolimus + exemestane", "placebo + exemestane"),
    ("Thirty patients were treated.",
     "Phase II trial of everolimus plus letrozole or letrozole alone for advanced breast cancer",
     "everolimus + letrozole", "letrozole"),
])
def test_or_names_arms_with_placebo_an_assignment_verb_or_a_trial_title(text, title, intervention, comparator):
    row = record_row(extract_record(record(text, title=title)))
    assert (row["intervention_arm"], row["comparator_arm"]) == (intervention, comparator)


@pytest.mark.parametrize("text, title", [
    # a verb that describes the cohort's history, or one cut off from the list by a clause break, assigns nothing
    ("Patients who had received everolimus or capecitabine in any line were identified from the registry.", ""),
    ("Patients who received everolimus or eribulin in routine practice were identified.", ""),
    ("Most patients received pertuzumab, and use of everolimus or eribulin was recorded in a third.", ""),
    ("While use of new drugs was high (e.g. >70% of patients received pertuzumab), use of everolimus or eribulin "
     "was recorded in a third.", ""),
    # a title that does not begin with the treatments lists therapies used, not arms
    ("Thirty patients were described.", "Use of everolimus or eribulin in real-world cohorts of breast cancer"),
])
def test_or_without_placebo_assignment_or_a_trial_title_is_no_arm(text, title):
    row = record_row(extract_record(record(text, title=title)))
    assert (row["intervention_arm"], row["comparator_arm"]) == ("", "")


# --------------------------------------------------------------------------- the study's own treatment is no prior therapy


@pytest.mark.parametrize("text, partner", [
    ("We retrospectively reviewed 120 patients who had received everolimus and exemestane at our institution.",
     "exemestane"),
    ("We reviewed 80 women who had received exemestane and everolimus in routine practice.", "exemestane"),
    ("Patients who have been treated with everolimus with exemestane in routine practice were analysed.",
     "exemestane"),
])
def test_had_received_naming_the_mtor_inhibitor_is_the_studys_treatment(text, partner):
    assert partners_of(text) == [partner]


@pytest.mark.parametrize("text, prior", [
    # "had received" with drugs of no mTOR inhibitor, or with a prior cue, stays prior therapy
    ("Women who had received tamoxifen in the adjuvant setting were treated with everolimus and exemestane.",
     "tamoxifen"),
    ("Patients who had received prior letrozole and everolimus were given fulvestrant.", "letrozole"),
    ("Patients who had progressed on everolimus and exemestane were treated with capecitabine.", "exemestane"),
])
def test_had_received_without_the_mtor_inhibitor_or_with_a_prior_cue_stays_prior(text, prior):
    assert prior not in partners_of(text)


# --------------------------------------------------------------------------- a prior cue after the drug


@pytest.mark.parametrize("text, given, prior", [
    ("Patients received everolimus plus an aromatase inhibitor; letrozole was used as prior therapy.",
     ["aromatase inhibitor"], "letrozole"),
    ("Everolimus plus exemestane was given to women with tamoxifen as prior treatment.", ["exemestane"], "tamoxifen"),
    ("All patients received everolimus and fulvestrant; most had had tamoxifen and letrozole previously.",
     ["fulvestrant"], "letrozole"),
    ("Patients received everolimus plus exemestane; tamoxifen and anastrozole were given as previous therapy.",
     ["exemestane"], "tamoxifen"),
])
def test_a_prior_cue_after_the_drug_in_its_clause_makes_it_prior_therapy(text, given, prior):
    assert partners_of(text) == given
    assert prior not in partners_of(text)


@pytest.mark.parametrize("text", [
    "Everolimus plus exemestane previously showed a benefit in BOLERO-2, and patients received everolimus "
    "plus letrozole.",
    "Patients received everolimus plus letrozole as first-line therapy.",
])
def test_words_after_a_drug_that_are_no_prior_cue_keep_it_a_partner(text):
    assert "letrozole" in partners_of(text)


def test_a_class_is_dropped_only_beside_a_member_that_is_itself_a_partner():
    assert partners_of("Patients received everolimus plus an aromatase inhibitor. Patients progressing after "
                       "letrozole were eligible.") == ["aromatase inhibitor"]
    assert partners_of("Patients received everolimus plus an aromatase inhibitor (letrozole).") == ["letrozole"]


# --------------------------------------------------------------------------- hyphen forms of animals, cells, samples


@pytest.mark.parametrize("text, drug", [
    ("Everolimus was studied in tamoxifen-treated rats.", "tamoxifen"),
    ("Everolimus reduced growth in chemotherapy-treated samples.", "chemotherapy"),
    ("Everolimus restored sensitivity of letrozole-treated MCF-7 cells.", "letrozole"),
    ("Everolimus was given to mice bearing trastuzumab-treated tumour xenografts.", "trastuzumab"),
])
def test_a_treated_or_exposed_form_of_animals_cells_or_samples_is_no_partner(text, drug):
    assert drug not in partners_of(text)


@pytest.mark.parametrize("text, drug", [
    ("Everolimus was added in exemestane-treated patients.", "exemestane"),
    ("Everolimus was added in the fulvestrant-treated group.", "fulvestrant"),
    ("Everolimus was combined with paclitaxel-based therapy.", "paclitaxel"),
])
def test_a_treated_form_of_people_stays_a_partner(text, drug):
    assert drug in partners_of(text)


# --------------------------------------------------------------------------- statements about the study's regimen


@pytest.mark.parametrize("sections", [
    [("CONCLUSIONS", "Everolimus plus exemestane is an effective option after failure of a nonsteroidal aromatase "
                     "inhibitor.")],
    [("RESULTS", "The combination of exemestane and everolimus is an effective option in this setting.")],
])
def test_a_statement_about_the_mtor_inhibitor_with_the_drug_is_the_studys_regimen(sections):
    assert partners_of(sections) == ["exemestane"]


@pytest.mark.parametrize("sections", [
    [("CONCLUSIONS", "Exemestane is an option after everolimus. We treated 30 women with everolimus and letrozole.")],
    [("BACKGROUND", "Everolimus plus exemestane is approved for advanced breast cancer."),
     ("METHODS", "We treated 30 women with everolimus and letrozole.")],
])
def test_a_general_statement_about_a_drug_alone_or_in_the_background_stays_background(sections):
    assert partners_of(sections) == ["letrozole"]


# --------------------------------------------------------------------------- 'A or B' without a comparator or an assignment


def _arms_row(text: str, title: str = "", section: str = "RESULTS") -> tuple[str, str]:
    row = record_row(extract_record(record([(section, text)], title=title)))
    return row["intervention_arm"], row["comparator_arm"]


@pytest.mark.parametrize("text", [
    # a bare "received" / "were given" / "treated with" tells what was given, not an assignment to arms
    "Patients received paclitaxel or docetaxel with everolimus.",
    # a sequence ("then", "followed by"): one arm's steps
    "Patients received letrozole or anastrozole, then everolimus.",
    "Patients received letrozole or anastrozole followed by everolimus.",
    # a choice within one arm ("at the investigator's discretion", "per physician's choice", "and either A or B")
    "Patients received everolimus plus letrozole or anastrozole at the investigator's discretion.",
    "Patients were given everolimus and either letrozole or exemestane.",
    "Patients were treated with everolimus plus exemestane or fulvestrant per physician's choice.",
    # prior and later therapy of one cohort
    "Patients received tamoxifen or an aromatase inhibitor as adjuvant therapy and everolimus plus exemestane at "
    "progression.",
])
def test_or_after_a_bare_given_verb_or_as_a_choice_or_sequence_is_no_arm(text):
    assert _arms_row(text) == ("", "")


@pytest.mark.parametrize("text, intervention, comparator", [
    # a comparator on a side ("B alone", placebo) or a randomisation verb still names arms
    ("Patients received everolimus plus letrozole or letrozole alone.", "everolimus + letrozole", "letrozole"),
    ("Patients were treated with everolimus plus exemestane or placebo plus exemestane.",
     "everolimus + exemestane", "placebo + exemestane"),
    ("Patients were randomized to everolimus plus exemestane or fulvestrant.", "everolimus + exemestane", "fulvestrant"),
    ("Patients were randomly assigned to receive either everolimus plus exemestane or placebo plus exemestane.",
     "everolimus + exemestane", "placebo + exemestane"),
])
def test_or_with_a_comparator_or_after_randomisation_still_names_arms(text, intervention, comparator):
    assert _arms_row(text) == (intervention, comparator)


def test_a_drug_with_both_sides_of_a_or_placebo_title_is_in_both_arms_and_prior_therapy_in_neither():
    assert _arms_row("Thirty patients were treated.",
                     title="Everolimus or placebo with exemestane after a nonsteroidal aromatase inhibitor") == (
        "everolimus + exemestane", "placebo + exemestane")


# --------------------------------------------------------------------------- prior cues in a regimen statement and after the drug


@pytest.mark.parametrize("sections, partners", [
    # a drug right after "after" is prior therapy, also in a statement about the study's regimen
    ([("CONCLUSIONS", "Everolimus plus exemestane is an effective option after letrozole.")], ["exemestane"]),
    ([("RESULTS", "Everolimus plus exemestane was given after letrozole or anastrozole.")], ["exemestane"]),
    # a cue after the drug: "X previously failed", "X, previously given", "X had failed"
    ([("RESULTS", "Letrozole previously failed in these patients, who received everolimus plus exemestane.")],
     ["exemestane"]),
    ([("RESULTS", "Patients received everolimus plus exemestane; letrozole, previously given, was stopped.")],
     ["exemestane"]),
    ([("RESULTS", "Patients received everolimus plus exemestane after letrozole had failed.")], ["exemestane"]),
    ([("RESULTS", "Anastrozole had previously failed; patients received everolimus plus exemestane.")], ["exemestane"]),
])
def test_prior_cues_make_prior_therapy_also_in_a_regimen_statement(sections, partners):
    assert partners_of(sections) == partners


@pytest.mark.parametrize("text", [
    # "after" the study's own combination, or a time after, is no prior cue
    "Progression-free survival after everolimus and exemestane was 7 months.",
    "Response was assessed after 8 weeks of everolimus plus letrozole.",
])
def test_after_the_studys_regimen_or_a_time_is_no_prior_cue(text):
    found = partners_of([("RESULTS", text)])
    assert found and all(drug in text.lower() for drug in found)


# --------------------------------------------------------------------------- "after X administration": a time point, not prior therapy


@pytest.mark.parametrize("text, partners", [
    # "after" with the drug and then a word of giving it or of its timing is a time point of the trial
    ("Tumour shrinkage was seen after letrozole administration in 60% of patients.", ["letrozole"]),
    ("Ki67 fell in most tumours after letrozole initiation.", ["letrozole"]),
    ("Ki67 fell in most tumours after letrozole treatment start.", ["letrozole"]),
    ("Hypersensitivity reactions occurred after paclitaxel infusion.", ["paclitaxel"]),
    ("Hypersensitivity reactions occurred after paclitaxel 80 mg/m2 infusion.", ["paclitaxel"]),
    ("Hot flushes worsened after exemestane dosing.", ["exemestane"]),
    ("Oestradiol levels fell after exemestane exposure.", ["exemestane"]),
    ("Oestradiol levels fell after exemestane intake.", ["exemestane"]),
    ("Neutropenia was seen after the first paclitaxel dose.", ["paclitaxel"]),
    ("Neutropenia was seen after paclitaxel and trastuzumab administration.", ["paclitaxel", "trastuzumab"]),
    ("Tumour volume fell after tamoxifen administration.", ["tamoxifen"]),
    ("Ki67 fell after letrozole was started.", ["letrozole"]),
    # "after" then a word of starting or dosing, then the drug: a time point as well
    ("Ki67 fell 2 weeks after starting letrozole.", ["letrozole"]),
    ("Ki67 fell 2 weeks after initiating letrozole.", ["letrozole"]),
    ("Neutropenia was seen after the first dose of paclitaxel.", ["paclitaxel"]),
    ("Response was assessed after 4 cycles of paclitaxel.", ["paclitaxel"]),
])
def test_after_a_drug_given_or_started_is_a_time_point_not_prior_therapy(text, partners):
    assert partners_of([("RESULTS", text)]) == partners


@pytest.mark.parametrize("text, partners", [
    # a drug right after "after" alone, or with "failure of", "progression on", "prior", stays prior therapy
    ("Everolimus plus exemestane is an effective option after letrozole.", ["exemestane"]),
    ("Everolimus plus exemestane is an effective option after letrozole therapy.", ["exemestane"]),
    ("Everolimus plus exemestane was given after letrozole treatment.", ["exemestane"]),
    ("Everolimus plus exemestane was given after failure of letrozole.", ["exemestane"]),
    ("Everolimus plus exemestane was given after progression on letrozole.", ["exemestane"]),
    ("Patients progressing after letrozole received everolimus plus exemestane.", ["exemestane"]),
    ("Patients recurring after letrozole received everolimus plus exemestane.", ["exemestane"]),
    ("Everolimus plus exemestane was given after prior letrozole.", ["exemestane"]),
])
def test_after_a_drug_alone_or_after_its_failure_stays_prior_therapy(text, partners):
    assert partners_of([("RESULTS", text)]) == partners


# --------------------------------------------------------------------------- 'A or B' arms: the assignment right before the list


@pytest.mark.parametrize("text", [
    # a word of randomisation, comparison or "arms" earlier in the sentence does not reach a later "A or B"
    "In this randomized phase II study, patients received everolimus or paclitaxel.",
    "Patients in both arms received everolimus or paclitaxel.",
    "Compared with baseline, patients received everolimus or paclitaxel.",
    "In the randomised cohort vs the registry, patients received everolimus or paclitaxel.",
])
def test_or_names_no_arms_when_the_randomisation_word_is_not_right_before_the_list(text):
    assert _arms_row(text) == ("", "")


@pytest.mark.parametrize("text, intervention, comparator", [
    ("Patients were randomized 2:1 to receive everolimus or placebo.", "everolimus", "placebo"),
    ("Patients were randomly assigned to everolimus plus exemestane or exemestane alone.",
     "everolimus + exemestane", "exemestane"),
    ("Patients were randomized to everolimus or paclitaxel.", "everolimus", "paclitaxel"),
    ("Patients were randomised (1:1) to receive either everolimus or paclitaxel.", "everolimus", "paclitaxel"),
    ("Women were allocated to everolimus or paclitaxel.", "everolimus", "paclitaxel"),
    ("Patients were randomly assigned in a 1:1 ratio to receive everolimus or paclitaxel.", "everolimus", "paclitaxel"),
])
def test_or_names_arms_right_after_randomized_assigned_or_allocated_to(text, intervention, comparator):
    assert _arms_row(text) == (intervention, comparator)


def test_or_names_arms_after_to_receive_that_follows_a_randomisation_verb_in_its_clause():
    assert _arms_row("We randomized 120 women to receive everolimus or paclitaxel.") == ("everolimus", "paclitaxel")

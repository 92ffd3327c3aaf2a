"""Head counts: totals by kind and per arm, in digits and words; what is not a head count."""

from __future__ import annotations

import pytest

from mbc_sr.extract.participants import arms_in_sentence, participant_counts, study_total, totals_in_sentence
from tests.extract.helpers import assert_span_points_at, record, sentence


def total(text: str):
    found = study_total(participant_counts(record(text))[0])
    return (found.value, found.label) if found else None


def arms(text: str) -> list[int]:
    return [item.value for item in arms_in_sentence(sentence(text))]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Twenty patients were enrolled.", (20, "enrolled")),
        ("One hundred and four patients were randomised to everolimus or placebo.", (104, "randomised")),
        ("One-hundred-and-fifty patients were randomised (group A = 72, group B = 78).", (150, "randomised")),
        ("In total, 13 388 women were recruited between 2013 and 2018.", (13388, "enrolled")),
        ("Between 2009 and 2011, 1,019 patients were randomly assigned.", (1019, "randomised")),
        ("A total of 724 patients were randomly assigned in a 2:1 ratio.", (724, "randomised")),
        ("A total of 251 patients with duodenal ulcer were treated with lansoprazole.", (251, "treated")),
        ("Of the 410 patients, 204 (50%) were naive to chemotherapy.", (410, "enrolled")),
        ("Of 621 patients enrolled, 101 (16.3%) had known CNS metastases.", (621, "enrolled")),
        ("The intention to treat (ITT) population comprised of 1522 patients.", (1522, "itt")),
        ("This post hoc analysis used data from the CLOT study, a randomized study (N = 676).", (676, "enrolled")),
        ("Seventy-five women with stage 0, I, or II breast cancer, with tumor size ≤3 cm, were enrolled.", (75, "enrolled")),
        ("We randomly assigned 478 patients to the two groups.", (478, "randomised")),
        ("Overall, 1063 patients were enrolled and randomly assigned to chemotherapy.", (1063, "randomised")),
        ("Seventeen adult outpatients participated in a double-blind crossover study.", (17, "enrolled")),
        ("1,039 patients were eligible for the study.", (1039, "eligible")),
        ("Samples from 614 patients were centrally evaluated.", (614, "analysed")),
    ],
)
def test_totals(text, expected):
    assert total(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "MCF-7 and T47D cells were treated with everolimus; 24 mice were randomised to vehicle or drug.",
        "Xenografts from 12 mice were included.",
        "A randomised trial would require 1140 patients to show this.",
        "Potential improvements can be tested in trials recruiting 359 patients.",
        # a plan in the present or future tense (a protocol's target sample)
        "This trial aims to test the effect of exercise in 600 patients with breast cancer.",
        "The study is designed to evaluate drug A in 120 women.",
        "We will compare two doses in 240 patients.",
        "Grade 2 patients were treated with radiotherapy.",
        "After 12 weeks all patients were assessed.",
        "In men, 635 (9.33%) died during follow-up.",
        "Clinical data were derived from 31 placebo-controlled studies.",
        "Survival was determined in 6,803 men and 4,558 women.",
    ],
)
def test_not_head_counts(text):
    assert total(text) is None


def test_a_past_aim_or_a_purpose_clause_still_states_the_sample():
    assert total("This study aimed to compare A with B in 240 patients.") is not None
    assert total("To compare A with B in 240 patients, we conducted a randomised trial.") is not None


def test_randomised_beats_enrolled_and_subsets_are_skipped():
    text = ("Of 13 388 women screened, 2,000 were enrolled. Overall, 1,019 patients were randomised. "
            "Of these, 352 (88%) were evaluable.")
    assert total(text) == (1019, "randomised")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Patients were randomized to placebo (n = 40) or erlotinib (100mg, n = 40).", [40, 40]),
        ("randomly assigned to everolimus 10 mg/d (n = 207) or placebo (n = 203).", [207, 203]),
        ("130 patients were randomly assigned to gemcitabine (65 patients [50%]) or supportive care (65 patients [50%]).", [65, 65]),
        ("One-hundred-and-fifty patients were randomised (group A = 72, group B = 78).", [72, 78]),
        ("1,039 patients were eligible for the study (494 navigated; 545 control).", [494, 545]),
        ("Seventy-eight were randomized: 40 were allocated to the intervention, and 38 were allocated to usual care.", [40, 38]),
        ("Ninety-four (56%) received DOC and 74 (44%) received ABI.", [94, 74]),
        ("including 30 patients: seven patients with Loratadine 10 mg, eight with Loratadine 20 mg, and 15 with Terfenadine 120 mg.", [7, 8, 15]),
        ("The ITT population comprised 1522 patients: 500 treated with zolmitriptan 2.5 mg, 514 with zolmitriptan 5 mg and 508 with sumatriptan 50 mg.", [500, 514, 508]),
        ("Of the 58 subjects, 29 (50%) each were cases and controls.", [29]),
        ("They were randomized into four groups with 80 patients entered into each active treatment group and 40 patients into the placebo group.", [80, 40]),
        ("leaving 145 for analysis: 74 in the local excision group and 71 in the total mesorectal excision group.", [74, 71]),
    ],
)
def test_per_arm_counts(text, expected):
    assert arms(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "In patients with target CNS lesions at baseline (n = 32), response rates were 26% and 15%.",
        "The remaining tumours either stabilised (12 patients) or enlarged (11 patients).",
        "At the time of analysis, 508 deaths were recorded (248 in the chemotherapy alone group and 260 in the bevacizumab group).",
        "Leaks were higher (23 [10%] of 233 in the A group vs 52 [24%] of 220 in the B group).",
        "A total of 168 patients were included, consisting of 92 Black patients and 76 non-Black patients (69 White and 7 Asian).",
        "ctDNA was detected in 35 patients, 22 with high and 13 with low ctDNA levels.",
    ],
)
def test_not_per_arm_counts(text):
    assert arms(text) == []


def test_count_spans_point_at_the_number_as_written():
    rec = record([("METHODS", "Eligible women were screened."), ("RESULTS", "One hundred and four patients were randomised (n = 52 and n = 52).")])
    totals, per_arm = participant_counts(rec)
    chosen = study_total(totals)
    assert chosen.value == 104 and chosen.detail("in_words") is True
    assert_span_points_at(rec, chosen.span, "One hundred and four")
    assert chosen.span.where == "abstract[1]"
    assert [item.value for item in per_arm] == [52, 52]
    assert_span_points_at(rec, per_arm[1].span, "52")
    assert per_arm[1].span.start == rec.abstract[1].text.rindex("52")


def test_totals_in_sentence_reports_each_count_once():
    found = totals_in_sentence(sentence("A total of 60 patients were enrolled and randomised."))
    assert [(item.value, item.label) for item in found] == [(60, "randomised")]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Of 500 women screened, 120 were enrolled.", (120, "enrolled")),
        ("Of 800 patients screened, 724 were randomized.", (724, "randomised")),
        ("Postmenopausal women (n = 724) were randomised 2:1 to everolimus or placebo.", (724, "randomised")),
        ("We enrolled 120 patients at 12 centres.", (120, "enrolled")),
    ],
)
def test_screened_counts_rank_below_enrolment(text, expected):
    assert total(text) == expected


def test_count_per_arm():
    assert arms("A total of 1,234 patients (617 per arm) were randomised.") == [617]


@pytest.mark.parametrize(
    "text",
    [
        "Sixty adult male Sprague-Dawley rats were randomly assigned into 3 groups (20 rats each).",
        "Forty female BALB/c mice were randomised to vehicle or everolimus.",
        "In the escalation phase, one patient who received 25 mg had a dose-limiting toxicity.",
    ],
)
def test_animals_with_people_adjectives_and_relative_clauses_are_not_totals(text):
    assert total(text) is None


@pytest.mark.parametrize(
    "text, expected",
    [
        # data read for a number of people
        ("Data were available for 1067 patients with breast cancer.", (1067, "analysed")),
        ("Administrative data were linked for 4207 people with ovarian cancer.", (4207, "analysed")),
        ("Treatment plans were created for 20 patients with lung cancer.", (20, "analysed")),
        # a study described by its participle
        ("A placebo-controlled study treating 1153 patients was done.", (1153, "treated")),
        ("This was a multicentre trial enrolling 412 women.", (412, "enrolled")),
        ("We report a randomised trial involving 240 adults.", (240, "enrolled")),
        # a count used as an adjective of the study
        ("This 412-patient cohort was followed for five years.", (412, "cohort")),
        # word numbers and verbs of allocation or treatment
        ("Thirty patients were given daily injections of drug or placebo.", (30, "treated")),
        ("Thirty-four participants were divided into two groups: A (n = 17) and B (n = 17).", (34, "enrolled")),
        ("Forty patients completed the study.", (40, "analysed")),
        # the whole cohort's N among subcohort Ns
        ("We evaluated OS in the whole cohort (N = 20 446) and among subtypes: A (N = 13 590), B (N = 3919), and C (N = 2937).",
         (20446, "enrolled")),
        # an aside between the count and its verb
        ("Overall, 1,019 participants (540 men and 479 women) were enrolled.", (1019, "enrolled")),
        (("In 2019, 304 patients (median age 67 years [IQR 60-72]; 161 [53%] men and 143 [47%] women) were randomly "
          "assigned to A (n=151) or B (n=153)."), (304, "randomised")),
        # "N of M": M when the sentence says what M is
        ("Overall, 101 of 621 patients enrolled had CNS metastases.", (621, "enrolled")),
        ("Among 412 patients, 200 had bone metastases.", (412, "enrolled")),
        ("Mean scores fell for the 659 patients who completed phase 1.", (659, "analysed")),
        # only people take part; a diagnosis between count and verb
        ("Overall, 61 PLWH with advanced non-small-cell lung cancer participated in the trial.", (61, "enrolled")),
        ("Eight cohorts of five randomized controlled studies (3848 patients) were analyzed.", (3848, "analysed")),
        ("We followed 412 women for ten years.", (412, "analysed")),
        ("We recruited 450 adolescents aged 12-17 years.", (450, "enrolled")),
    ],
)
def test_more_written_forms_of_the_total(text, expected):
    assert total(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Overall, 395 of 1241 (32%) patients were deemed ineligible.",
        "Of the 389 patients who responded to initial therapy, 61% had received A.",
        "Outcome data were not available for 12 patients.",
        "Samples were available for 120 tumours.",
        "Grade 3 toxicity occurred in 12 patients.",
        "A planned trial enrolling 600 patients would detect this difference.",
        "Potential benefits could be shown by a study including 900 patients.",
        "Three patients who were randomised did not start treatment.",
        "Outcomes were recorded in the study, including 92 patients with relapse.",
        "18F-FDG-PET identified patients with early disease.",
        "Five swimmers, identified as responders, improved their times.",
        "A total of 50 mice were divided into two groups.",
        "Sixty rats took part in the experiment.",
        "Twelve centres participated in the trial.",
        "The model was validated using an independent cohort of 58 patients.",
    ],
)
def test_more_counts_that_are_not_the_total(text):
    assert total(text) is None


@pytest.mark.parametrize(
    "sections, expected",
    [
        ([("METHODS", "Ten, male swimmers (14.9 years) performed four time trials.")], (10, "cohort")),
        ([("PATIENTS AND METHODS", "Forty-two women with breast cancer completed questionnaires.")], (42, "cohort")),
        ([("RESULTS", "Twelve patients had grade 3 toxicity.")], None),
        ([("METHODS", "Two physicians independently reviewed all images.")], None),
        ([("METHODS", "Five patients per cohort were planned.")], None),
        ([("METHODS", "Forty patients would give 80% power.")], None),
    ],
)
def test_a_methods_section_opening_with_a_count_of_people_states_the_sample(sections, expected):
    found = study_total(participant_counts(record(sections))[0])
    assert ((found.value, found.label) if found else None) == expected


def test_subcohort_sizes_beside_the_whole_cohort_are_not_arms():
    assert arms("We evaluated OS in the whole cohort (N = 20 446) and among subtypes: A (N = 13 590) and B (N = 3919).") == []
    assert arms("Patients were randomised to A (n = 40) or B (n = 40).") == [40, 40]


def test_a_study_adjective_is_not_an_allocation():
    assert arms("Eight cohorts of five randomized controlled studies (3848 patients) were analyzed.") == []


@pytest.mark.parametrize(
    "text, expected",
    [
        # "A total of N of M": the whole M, never the part N
        ("A total of 395 of 1241 (32%) patients were deemed ineligible.", (1241, "cohort")),
        # the sample taken for the study out of a larger group
        ("We screened 104 students with rhinitis, including only 30 patients for this study.", (30, "enrolled")),
        # the pooled total of a review
        ("We retrieved 15 studies (including 791 patients) on the topic.", (791, "analysed")),
        ("Sixteen RCTs involving 3372 patients were included.", (3372, "analysed")),
        ("Nineteen RCTs contained a total of 4372 NSCLC cases.", (4372, "analysed")),
        ("Thirty-one studies comprising 7553 patients were assessed.", (7553, "analysed")),
        # data collected from people, in the active voice; records of people reviewed
        ("We collected daily serum sodium levels for 7 days from 240 patients in 14 ICUs.", (240, "analysed")),
        ("We retrospectively reviewed the medical records of 312 women treated with surgery.", (312, "analysed")),
        # a study done on people
        ("A randomized, controlled clinical trial was carried out on 20 patients.", (20, "enrolled")),
        ("This clinical trial study was performed on 60 newborns with jaundice.", (60, "enrolled")),
        ("The study was conducted among 1,200 adults in rural Malawi.", (1200, "enrolled")),
        # a sentence opening with the sample, then "we <verb>"
        ("In 249 patients with reflux esophagitis grade II, we compared A with B in a randomized study.", (249, "enrolled")),
        ("In 80 women with breast cancer, we randomized A versus B.", (80, "randomised")),
        # "(n = N)" closing a sentence whose passive verb is the analysis
        ("Milk samples were analyzed at 6 mo postpartum (n = 647).", (647, "analysed")),
        # a count of people beside a count of things
        ("A total of 2282 obese patients and 4275 catheters from 32 centers were included.", (2282, "enrolled")),
        ("Data were gathered from four randomized, controlled trials; 2282 patients were analyzed.", (2282, "analysed")),
        # people named by their condition
        ("Seventy-two consecutive migraineurs were given sumatriptan.", (72, "treated")),
        ("A total of 60 were randomised.", (60, "randomised")),
    ],
)
def test_written_forms_of_the_total_round_three(text, expected):
    assert total(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # two groups joined by "and", each with its count: no stated total
        "After matching, a total of 1554 patients with BS and 3108 control subjects were identified.",
        "We enrolled 120 patients with asthma and 60 healthy controls.",
        # events during follow-up
        "During a mean follow-up of 7.2 years, 42 441 women were newly diagnosed with gastric cancer.",
        "Over 5 years of follow-up, 312 patients were diagnosed with a second cancer.",
        # things, not people
        "A total of 163 GBMs were immunostained with antibodies.",
        "We retrieved 15 studies (including 791 tumours).",
        "We used data from four randomized, controlled trials.",
        # two compared groups, not a total
        "The outcomes of 23 recipients with prior disease were compared with those of 107 patients in the control group.",
        # a subgroup's N, a planned study, a count inside the sentence
        "Response was analyzed in patients with CNS metastases (n = 32).",
        "Samples were analyzed (n = 647) and stored for later use.",
        "A trial will be carried out on 200 patients.",
        "In 12 patients, we observed grade 3 toxicity.",
        "Patients received the drug for 5 consecutive days.",
    ],
)
def test_not_the_total_round_three(text):
    assert total(text) is None


def test_a_methods_sentence_may_open_with_the_design_before_the_sample():
    sections = [("METHODS", "In a randomized, controlled crossover design, thirty-four adults consumed a test food (n = 19) or B (n = 15).")]
    found = study_total(participant_counts(record(sections))[0])
    assert (found.value, found.label) == (34, "cohort")
    sections = [("METHODS", "In a randomized crossover design, four visits per participant were planned.")]
    assert study_total(participant_counts(record(sections))[0]) is None


@pytest.mark.parametrize(
    "text, expected",
    [
        # the cohort / sample / study described by its size
        ("Our cohort comprised 1,045 patients.", (1045, "enrolled")),
        ("The cohort consisted of 876 patients with diabetes.", (876, "enrolled")),
        ("The study sample comprised 345 adults aged 65 years or older.", (345, "enrolled")),
        ("In this population-based cohort of 10,234 women, obesity was associated with risk.", (10234, "cohort")),
        ("Participants were 120 older adults with mild cognitive impairment.", (120, "enrolled")),
        ("Subjects were 45 healthy men.", (45, "enrolled")),
        ("Medical records of 178 patients were reviewed.", (178, "analysed")),
        ("Questionnaires were completed by 345 women.", (345, "analysed")),
        # a pool, then the count selected from it
        ("Of 45,678 patients in the National Cancer Database, 1,234 met the inclusion criteria.", (1234, "eligible")),
        ("Of 3,000 patients in the registry, 1,234 were included.", (1234, "enrolled")),
        ("Between 2005 and 2015, 1,234 women were treated at our institution, of whom 300 were included.", (300, "enrolled")),
        # a verb after a second count is that count's
        ("Seventy patients were eligible and 65 were randomised.", (65, "randomised")),
        ("A total of 120 patients were enrolled, and 100 completed the study.", (120, "enrolled")),
        # the pool is the total when nothing is selected from it
        ("Of 2,000 registry patients, 800 had metastatic disease.", (2000, "enrolled")),
        # a secondary report of a trial: the trial's own total
        ("Of the 4,000 women in the trial, 1,200 were included in this analysis.", (4000, "enrolled")),
        # "of whom N (x%)" is a subset, not the sample selected
        ("1,234 women were treated, of whom 300 (24%) were included.", (1234, "treated")),
    ],
)
def test_cohort_and_sample_statements(text, expected):
    assert total(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "In a previous study of 300 patients, we found a benefit.",
        "In an independent validation cohort of 58 patients, the score was confirmed.",
        "The study group consisted of 60 patients and the control group of 60 healthy volunteers.",
        "Patients included 120 women and 80 men.",
        "Patients were 62 years old on average.",
        "The records of 12 patients were incomplete.",
        "Our cohort comprised 60% women.",
        "The study included 3 phases.",
    ],
)
def test_not_the_cohort(text):
    assert total(text) is None


def test_another_study_in_the_background_is_not_this_sample():
    found = study_total(participant_counts(record([("BACKGROUND", "A study in 300 patients showed a benefit.")]))[0])
    assert found is None


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Among the matched cohort, 608 and 869 patients were on combination therapy and on PD alone, respectively.", [608, 869]),
        ("Follow-up data were available for 152 and 154 patients in the A group and B group, respectively.", [152, 154]),
        ("In total, 40, 42 and 39 patients were assigned to A, B and C, respectively.", [40, 42, 39]),
    ],
)
def test_per_group_counts_listed_with_respectively(text, expected):
    assert arms(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Grade 3 toxicity occurred in 12 and 15 patients in the A and B groups, respectively.",
        "Responses were seen in 20 and 11 patients in the A and B arms, respectively.",
        "We enrolled 6,803 men and 4,558 women.",
        "The median ages of 62 and 64 years in the two groups, respectively.",
    ],
)
def test_counts_listed_with_respectively_that_are_not_arms(text):
    assert arms(text) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        # a year, a range bound or a rate's denominator is never the head count
        ("Patients screened between June 2007 and December 2009 were included. A total of 812 subjects were included.",
         (812, "enrolled")),
        ("Eighty\u2011one COPD patients were randomised.", (81, "randomised")),
        ("The study population (51% males, aged 43–80) was randomised; 120 patients were enrolled.", (120, "enrolled")),
        ("We included 12 studies with 900 randomized men. This corresponds to 61 more events per 1000 participants treated.",
         (900, "analysed")),
    ],
)
def test_years_ranges_and_rates_are_not_head_counts(text, expected):
    assert total(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Patients seen between 2007 and 2009 were included.",
        "Women treated from March 2010 were enrolled.",
        "Subjects aged 18-65 were recruited.",
        "This corresponds to 119 more events per 1000 participants treated with the combination.",
        "There were 252 adverse events per 1000 participants treated.",
    ],
)
def test_no_total_from_years_ranges_or_rates(text):
    assert total(text) is None


def choose(text: str):
    totals, per_arm = participant_counts(record(text))
    found = study_total(totals, per_arm)
    return (found.value, found.label) if found else None


@pytest.mark.parametrize(
    "text, expected",
    [
        # a count below five is taken only when nothing larger is stated
        ("A total of 357 patients were treated on 53 protocols: 40 phase III, 2 randomised II/III and 11 phase II.",
         (357, "treated")),
        ("Three cohorts (two for participants with relapse) are accruing. 33 participants were enrolled to cohort 1.",
         (33, "enrolled")),
        ("Two patients were enrolled.", (2, "enrolled")),
        # the largest pooled total of a review; the others pool a subset of its studies
        ("We included 17 studies (2604 participants). Comparison A: seven studies with 1728 participants.",
         (2604, "analysed")),
        ("Comparison A was based on five studies with 2369 participants. We included 23 studies with 6285 participants.",
         (6285, "analysed")),
    ],
)
def test_study_total_ranking(text, expected):
    assert choose(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # never smaller than an arm, nor equal to one of several arms
        ("Patients received A (n = 612) or placebo (n = 474). Long-term safety in children (n = 169) was assessed.", None),
        ("Patients were randomised to A (n = 153) or B (n = 150). 72 patients were included in the interviews.", None),
        ("Forty patients were enrolled and randomised to A (n = 20) or B (n = 20).", (40, "randomised")),
        ("Patients were randomised to A (n = 23) or B (n = 23). Thirty patients were included in the subanalysis.", (30, "enrolled")),
    ],
)
def test_a_total_is_not_smaller_than_the_arms(text, expected):
    assert choose(text) == expected


def test_a_protocol_states_no_total():
    protocol = record("The trial is conducted in 2600 patients from 65 units. The primary outcome is mortality.",
                      title="Protocol for a randomised clinical trial of permissive hypotension")
    assert study_total(participant_counts(protocol)[0]) is None
    per_protocol = record("A total of 300 patients were randomised.", title="Per protocol and protocol-specified analyses of X")
    assert study_total(participant_counts(per_protocol)[0]).value == 300


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The trial is conducted in 2600 patients from 65 units.", None),  # present tense: a design, not a result
        ("The trial was conducted in 260 patients from 6 units.", (260, "enrolled")),
        # a count taken out of an earlier one
        (("In 842 patients with HCC, relationships were evaluated. Of those, 438 patients treated curatively were divided "
          "into two groups."), (842, "analysed")),
        ("A total of 500 patients were screened. Of these, 300 were randomised.", (300, "randomised")),
        ("A subset of patients (n = 72) completed exit interviews.", None),
        ("A subgroup of 40 women was randomised to A or B.", None),
    ],
)
def test_subsets_and_designs(text, expected):
    assert total(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("A double-blind crossover study was performed with drug A 10 mg, drug B 10 mg and placebo in 29 adults exposed to bites.",
         (29, "enrolled")),
        (("This randomized crossover study assessed the preference for 1 tablet of A to 2 tablets of B in 439 patients "
          "treating one attack with each."), (439, "enrolled")),
        ("We analysed data of a randomized trial comparing adjuvant A with surgery alone in 1,059 patients with gastric cancer.",
         (1059, "enrolled")),
        ("We compared A with B in 724 women.", (724, "enrolled")),
    ],
)
def test_a_sentence_about_this_study_places_it_in_its_sample(text, expected):
    assert total(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "A previous trial comparing A with B in 300 patients showed a benefit.",
        "A future trial comparing A with B in 600 patients will be needed.",
        "The study compared the outcomes in 23 recipients and 107 controls.",
    ],
)
def test_not_this_study_in_its_sample(text):
    assert total(text) is None


@pytest.mark.parametrize(
    "text, expected",
    [
        # a bare count whose verb follows earlier steps of enrolment
        ("Of 3120 women invited, 1 480 were recruited and randomly assigned, and 1 452 were included in the analysis.",
         (1480, "randomised")),
        ("In all, 212 were screened, enrolled and then randomised to A or B.", (212, "randomised")),
        # "included in the analysis" is analysed, not enrolled
        ("Overall, 310 patients were enrolled and 288 were included in the final analysis.", (310, "enrolled")),
        ("Of 400 patients screened, 352 were included in the analyses.", (352, "analysed")),
    ],
)
def test_chained_enrolment_verbs_and_included_in_the_analysis(text, expected):
    assert total(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Tumour samples were recruited and randomly assigned to two laboratories.",  # no count
        "Of 40 biopsies collected, 32 were included and analysed for Ki-67.",  # things, not people
        # a bare count after a count of things counts the same things
        "The search returned 512 records, and 14 met the inclusion criteria.",
        "Overall, 96 centres were approached and 41 agreed to participate.",
    ],
)
def test_chained_enrolment_verbs_not_head_counts(text):
    assert total(text) is None


@pytest.mark.parametrize(
    "text, expected",
    [
        # a bare count after a count of people counts the same people
        ("Of 520 consecutive patients with heart failure, 118 had preserved ejection fraction and were included.",
         (118, "enrolled")),
        ("Among 75 adults referred to the clinic, 60 met the eligibility criteria.", (60, "eligible")),
    ],
)
def test_a_bare_count_counts_the_people_of_the_count_before_it(text, expected):
    assert total(text) == expected


def test_a_bare_count_with_a_treatment_verb_is_a_group():
    # "210 received A and 189 were offered B": the two groups, not the total
    text = "Overall, 399 women were recruited; 210 received standard care and 189 were also offered the programme."
    assert total(text) == (399, "enrolled")


@pytest.mark.parametrize(
    "text, expected",
    [
        # a ratio in brackets between the verb and the count
        ("This open-label study randomized (2:1) 96 adults with asthma to A or placebo.", (96, "randomised")),
        # the study as the subject of a plain verb, its sample the object
        ("This study used 2,310 community-dwelling older adults from a national panel survey.", (2310, "cohort")),
        ("The present analysis involved 845 women attending antenatal clinics.", (845, "cohort")),
        # a structured "Participants:" label
        ("Participants: 212 adults admitted with community-acquired pneumonia.", (212, "enrolled")),
        # a drug given to the sample
        ("The vaccine was administered intramuscularly to 60 healthy volunteers in two doses.", (60, "treated")),
    ],
)
def test_verb_then_sample_phrasings(text, expected):
    assert total(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "This study used 40 mice bred in house.",  # animals
        "A previous study used 300 patients from the same registry.",  # another study
        "The vaccine would be administered to 600 volunteers in a future trial.",  # planned
        "Participants: 12 practices in the north of England.",  # not people
        "The drug was administered to 24 rats by gavage.",
    ],
)
def test_verb_then_sample_not_head_counts(text):
    assert total(text) is None


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Analysis was performed for 1,210 patients with a median follow-up of 5 years.", (1210, "enrolled")),
        ("Expression was measured by immunohistochemistry analyses in 318 patients with resected melanoma.", (318, "analysed")),
        # a cohort named inside the sentence
        ("Incidence of fractures was estimated in a cohort of 41,212 women followed from 2001 to 2015.", (41212, "cohort")),
        ("Over a 6-month period, 214 patients with chest pain were observed in the emergency department.", (214, "cohort")),
    ],
)
def test_analysis_and_cohort_phrasings(text, expected):
    assert total(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The score was then tested in an independent validation cohort of 312 patients.",  # another cohort
        "A future cohort of 5,000 women would be required.",  # planned
        "Renal failure (11 patients, 22.0%) and sepsis (7 patients, 14.0%) were the most frequent causes of death.",  # subsets
        "Grade 3 neutropenia was observed in 12 patients.",  # an event count, not the sample
    ],
)
def test_analysis_and_cohort_phrasings_not_totals(text):
    assert total(text) is None


@pytest.mark.parametrize(
    "text",
    [
        # two groups, each with its count, and no stated total
        "We used 210 patients as the training set and another 180 patients as the test set.",
        ("From the national registry, the outcomes of 3,020 patients treated with stent A (A group) and 41,870 "
         "receiving other stents (B group) were analysed."),
        "Twenty-two patients were given the supplement and were compared with 22 matched control patients.",
        "The outcomes of 31 transplant recipients were compared with those of 95 patients in the control group.",
        # new cases are events, not people
        "During the study, 212 new cases of diabetes were identified.",
    ],
)
def test_compared_groups_and_new_cases_are_not_totals(text):
    assert total(text) is None


def test_a_comparison_whose_subject_is_not_the_people_keeps_the_total():
    text = "Forty patients were randomised and their outcomes were compared with 80 historical controls."
    assert total(text) == (40, "randomised")


def test_an_n_that_sums_the_other_ns_is_the_total_not_an_arm():
    text = ("Eligible adults (N=150) were randomised to 10 mg (n=50), 20 mg (n=50) or placebo (n=50) "
            "for 12 weeks.")
    assert total(text) == (150, "randomised")
    assert arms(text) == [50, 50, 50]


def test_ns_that_do_not_sum_are_all_arms():
    text = "Patients were randomised to A (n=150), B (n=50) or C (n=60)."
    assert arms(text) == [150, 50, 60]
    assert total(text) is None


@pytest.mark.parametrize(
    "text, expected",
    [
        # a pool named by its treatment ranks as treated: the cohort stated first wins among equals
        (("Patients (n = 240) treated with surgery or radiotherapy between 1990 and 2015 were analysed retrospectively. "
          "Among the 198 patients undergoing surgery, 120 (60.6%) had clear margins."), (240, "treated")),
        ("Of the 410 patients receiving chemotherapy, 204 (50%) were older than 65.", (410, "treated")),
        ("Of the 410 patients, 204 (50%) were older than 65.", (410, "enrolled")),
    ],
)
def test_a_pool_named_by_its_treatment_ranks_as_treated(text, expected):
    assert total(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("In 12,410 adult participants, there were 1,022 deaths during follow-up.", (12410, "analysed")),
        ("Two inhaled corticosteroids were compared in 84 children with persistent asthma.", (84, "analysed")),
        ("Oral and intravenous iron were evaluated in 120 women with postpartum anaemia.", (120, "analysed")),
        # the same passive with other verbs of measurement: a cross-sectional study's sample
        ("Hearing loss and cognition were assessed in 12,504 participants of a population-based cohort.", (12504, "analysed")),
        ("Serum vitamin D was measured in 2,310 older adults attending primary care.", (2310, "analysed")),
        ("Frailty was determined in 640 outpatients aged 70 years or over.", (640, "analysed")),
    ],
)
def test_in_people_there_were_and_passive_evaluated_in(text, expected):
    assert total(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "In 40 patients (65.6%), there was a definite diagnosis.",  # a share: a subset
        "Two doses were compared in 30 rats.",  # animals
        "In a previous study, drug A was evaluated in 300 patients.",  # another study
        "Pain relief was compared in 28 patients and 30 controls.",  # two groups
        "Vitamin D was measured in 45 mice.",  # animals
        "Bone density will be assessed in 300 women.",  # a plan
        "Toxicity was assessed in 28 (35%) patients.",  # a share: a subset
    ],
)
def test_in_people_there_were_and_passive_evaluated_in_not_totals(text):
    assert total(text) is None


@pytest.mark.parametrize(
    "text, expected",
    [
        ("In total 512/804 (64%) mothers were recruited; 260 received usual care and 252 the programme.", (512, "enrolled")),
        ("Overall, 212/300 (71%) eligible patients were randomised.", (212, "randomised")),
        # an event fraction is no participation rate
        ("Of these, 45/120 (38%) patients were readmitted.", None),
        ("Recruitment would be adequate if 300/500 patients were randomised.", None),
    ],
)
def test_a_participation_rate_states_the_sample(text, expected):
    assert total(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # the compared groups taken together
        ("After pooling both groups (n = 64), weight change correlated with insulin change.", (64, "analysed")),
        # "In N of M people": the whole is the cohort, the part those with data (as "A total of N of M")
        ("In 2,810 of 2,955 preterm infants admitted from 2000 to 2019 with complete data (95.1%), mortality fell.",
         (2955, "cohort")),
        # a crossover's completers
        ("Thirty-two adults (18 women and 14 men) completed both test sessions.", (32, "analysed")),
        ("Twenty-four volunteers completed all three study periods.", (24, "analysed")),
    ],
)
def test_combined_groups_n_of_m_and_crossover_completers(text, expected):
    assert total(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "In the control group (n = 23), HDL did not change.",  # one group
        "In 12 of 40 biopsies, staining was weak.",  # things
        "Forty mice completed all three test sessions.",  # animals
    ],
)
def test_combined_groups_n_of_m_and_completers_not_totals(text):
    assert total(text) is None


@pytest.mark.parametrize(
    "text, expected",
    [
        # a count allocated to one named group is that group's size: the enrolled total stays the total
        ("In total, 1,150 women were recruited; 580 women were randomly allocated to the supervised exercise group.",
         (1150, "enrolled")),
        ("The trial enrolled 1,150 women; we randomly assigned 580 women to the exercise group.", (1150, "enrolled")),
        # allocation to the groups compared is the randomised total
        ("A total of 240 patients were randomly assigned to the intervention or control group.", (240, "randomised")),
        ("In total, 1,150 women were recruited; 580 women were randomly allocated to the two exercise groups.", (580, "randomised")),
        ("We randomly assigned 478 patients to the A and B arms.", (478, "randomised")),
        ("Ninety patients were randomised (2:1) to either the active or the sham arm.", (90, "randomised")),
    ],
)
def test_allocation_to_one_named_group_is_a_group_size(text, expected):
    assert total(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # the object of "we screened / invited" is the pool, not the later randomised count
        ("We screened 2,410 adults for hypertension and randomly assigned 906 adults to coaching or usual care.",
         (906, "randomised")),
        ("We invited 1,200 mothers by letter and enrolled 388 mothers who replied.", (388, "enrolled")),
        ("We contacted 640 households' eldest members, and 212 patients were recruited.", (212, "enrolled")),
        ("We screened 2,410 adults for hypertension.", (2410, "screened")),
    ],
)
def test_the_object_of_screened_or_invited_is_the_pool(text, expected):
    assert total(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # the first number of a list sharing one "%" is a percentage too
        ("At 12 weeks, 45 and 62% of placebo-treated and drug-treated patients were in remission.", None),
        ("Response rates were 20, 31 or 44% in patients treated with 5, 10 or 20 mg.", None),
        ("Sixty patients were enrolled; at 6 months 41 and 38% of the A-treated and B-treated patients responded.",
         (60, "enrolled")),
        # a count beside a percentage of something else is still a count
        ("Overall, 45 patients and 62% of their carers were recruited.", (45, "enrolled")),
    ],
)
def test_a_list_sharing_one_percent_sign_is_percentages(text, expected):
    assert total(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # agreeing to take part is enrolment; qualifying is eligibility; completing the surveys is analysis
        ("Of 120 women invited, 85 agreed to participate.", (85, "enrolled")),
        ("Of 430 eligible smokers contacted, 212 agreed to take part.", (212, "enrolled")),
        ("Out of 2,084 registry patients, 1,520 patients qualified for the analysis.", (1520, "eligible")),
        ("Of 56 eligible patients approached, 33 completed the baseline and follow-up surveys.", (33, "analysed")),
        ("Forty-one caregivers completed all three questionnaires.", (41, "analysed")),
    ],
)
def test_agreeing_qualifying_and_completing_surveys(text, expected):
    assert total(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Twenty qualified nurses delivered the sessions.",  # an adjective
        "The 14 mice completed all three test sessions.",
        "In 2019, 96 hospitals were invited and 41 agreed to participate.",  # 41 hospitals
    ],
)
def test_agreeing_qualifying_and_completing_surveys_not_totals(text):
    assert total(text) is None


@pytest.mark.parametrize(
    "text, expected",
    [
        # "N of M people invited / approached <took part>": N took part, M is the pool
        ("Eighty-five of 120 women invited agreed to participate.", (85, "enrolled")),
        ("Thirty-one of 48 eligible patients approached completed the baseline and 3-month surveys.", (31, "analysed")),
        ("212 (49%) of 430 smokers contacted by letter were enrolled.", (212, "enrolled")),
        ("In total, 395 out of 1241 adults screened were randomised.", (395, "randomised")),
        # the whole stays the total when it was enrolled, or when the part did not take part
        ("101 of 621 patients enrolled had brain metastases.", (621, "enrolled")),
        ("Thirty out of 45 patients randomised completed the study.", (45, "randomised")),
        ("45 of 120 patients invited declined.", (120, "screened")),
        ("Twelve out of 40 patients had a response.", None),
    ],
)
def test_the_part_of_an_invited_pool_that_took_part(text, expected):
    assert total(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # "Of the N people who underwent / received X": the treated pool, not a subset named by an outcome
        ("Of the 18 volunteers who underwent the baseline assessment, 12 (67%) completed the programme.", (18, "treated")),
        ("Of the 42 patients who received at least one dose, 30 completed the study.", (42, "treated")),
        # an enrolled or randomised total outranks the treated pool
        ("Sixty patients were randomised. Of the 57 patients who received study drug, 50 completed the study.", (60, "randomised")),
        # a subset named by what happened to it is still none
        ("Of the 389 patients who responded, 40 relapsed.", None),
        ("Of the 64 patients who were diagnosed with recurrence, 12 died.", None),
    ],
)
def test_of_the_people_who_underwent_is_a_treated_pool(text, expected):
    assert total(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # clients and the very old are people
        ("Participants: 186 clients of homecare services (aged 70 years or older).", (186, "enrolled")),
        ("Sixty-two nonagenarians were recruited from general practices.", (62, "enrolled")),
        # "we ... (to) analyse / measure / compare X in N people", also past a compound adjective's number
        ("We used a 12-colour flow cytometry panel to analyse circulating T cells in 412 octogenarians.", (412, "enrolled")),
        ("We measured plasma leptin in 238 adolescents attending two schools.", (238, "enrolled")),
        ("We used a 4-week run-in to compare two inhalers in 96 asthmatics.", (96, "enrolled")),
    ],
)
def test_clients_and_we_analysed_in_people(text, expected):
    assert total(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "We measured serum cortisol in 30 patients with depression and 30 healthy controls.",  # two groups
        "A previous study measured cortisol in 300 patients.",  # another study
        "We used a 12-colour flow cytometry panel to analyse 40 samples.",  # things
    ],
)
def test_clients_and_we_analysed_in_people_not_totals(text):
    assert total(text) is None


@pytest.mark.parametrize(
    "text, expected",
    [
        # a count of arms is no count of people, whatever people word follows later
        ("Trials were eligible if they had 2 treatment arms, randomized patients 1:1 and reported mortality.", None),
        ("Studies comparing 3 parallel arms, enrolling adults with asthma, were included.", None),
        ("Seventy patients were randomised to 2 treatment arms.", (70, "randomised")),
    ],
)
def test_a_count_of_arms_is_not_people(text, expected):
    assert total(text) == expected


def test_a_count_with_its_own_share_is_still_a_count():
    # "(n = 40, 50%)": a count and its share, not a list sharing one "%"
    assert arms("Patients were randomised to A (n = 40, 50%) or B (n = 40, 50%).") == [40, 40]


@pytest.mark.parametrize(
    "text",
    [
        # a bare count after a count of papers / citations / abstracts counts the same things
        "A total of 2140 papers were screened, and 14 were eligible for inclusion.",
        "We identified 950 citations; 23 met the inclusion criteria.",
        "Of 312 abstracts, 40 were included.",
    ],
)
def test_a_bare_count_after_papers_or_citations_counts_papers(text):
    assert total(text) is None


@pytest.mark.parametrize(
    "text, expected",
    [
        # material taken from people, in the active or the passive voice: the people it came from
        ("We analysed sputum collected at the 6-month visit from 212 patients with bronchiectasis.", (212, "analysed")),
        ("We sequenced tumour DNA from 1,045 women with early breast cancer.", (1045, "analysed")),
        ("Serum from 318 outpatients was assayed for ferritin.", (318, "analysed")),
        ("Bronchoalveolar lavage fluid from 88 transplant recipients was cultured.", (88, "analysed")),
    ],
)
def test_material_from_people(text, expected):
    assert total(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "We analysed tumour tissue from 30 mice.",  # animals
        "We analysed sputum from 12 of 40 patients.",  # a part
        "We sequenced DNA from 96 biopsies.",  # things
        "We will analyse serum from 500 patients.",  # a plan
    ],
)
def test_material_from_people_not_totals(text):
    assert total(text) is None


@pytest.mark.parametrize(
    "text, expected",
    [
        # a review's pooled total after a long list of study adjectives
        ("Out of five retrospective and three prospective observational or comparative cohort studies involving 932 patients, "
         "pain improved in all.", (932, "analysed")),
        ("Twelve prospective, multicentre, observational cohort studies with 40,312 participants were pooled.", (40312, "analysed")),
        # after the studies' inclusion
        ("Of 2,015 records screened, 18 studies were included, comprising 5,630 patients.", (5630, "analysed")),
        ("Nine trials were finally selected, involving a total of 3,107 women.", (3107, "analysed")),
        # a comma before the people; studies "reporting on" people; after "met the inclusion criteria"
        ("The meta-analysis included 9 RCTs, involving 1,450 patients with asthma.", (1450, "analysed")),
        ("The search yielded 23 cohort studies reporting on 8,456 patients.", (8456, "analysed")),
        ("Twelve studies met the inclusion criteria, involving 4,500 patients.", (4500, "analysed")),
        ("Thirty-one studies were included (12,400 participants).", (12400, "analysed")),
        # the people as "(n = N)" after the studies, the noun left out
        ("Seven trials (n = 1,204) were included in the meta-analysis.", (1204, "analysed")),
        ("Eight papers (n = 955) were judged eligible for the review.", (955, "analysed")),
        ("The review included 15 studies (total n = 2,345).", (2345, "analysed")),
        ("Of the 30 eligible trials, individual participant data were obtained from 16 (n = 5,120).", (5120, "analysed")),
        ("Data from all eligible trials (n = 3,000) were pooled.", (3000, "analysed")),
        # studies "and" people; the people as a total sample; the included studies' verb
        ("We included 14 RCTs and 2,870 patients in the network meta-analysis.", (2870, "analysed")),
        ("Ten cohort studies with a total sample size of 61,200 adults were eligible.", (61200, "analysed")),
        ("Six trials (combined sample 1,318) met the criteria.", (1318, "analysed")),
        ("The included trials involved a total of 3,925 participants.", (3925, "analysed")),
        ("The 21 eligible studies enrolled 9,014 women.", (9014, "analysed")),
    ],
)
def test_pooled_total_of_a_review_in_other_words(text, expected):
    assert total(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Eleven studies were included, comprising 42 centres.",  # not people
        "Seven trials were included, with 14 treatment arms in total.",  # not people
        "Out of six retrospective and two prospective observational cohort studies involving 40 hospitals, four were excluded.",
        "Five prospective cohort studies were identified.",  # studies only
        "Seven trials (n = 14 centres) were included.",  # not people
        "Data from 12 mice (n = 40) were analysed.",  # animals, no studies
        "Twenty studies reporting on 35 biomarkers were included.",  # not people
        "Twelve studies and 40 centres were included.",  # not people
        "The included trials involved 40 hospitals.",  # not people
        "Six trials (combined sample 1,318 specimens) met the criteria.",  # not people
    ],
)
def test_pooled_total_of_a_review_in_other_words_not_totals(text):
    assert total(text) is None


@pytest.mark.parametrize(
    "text, expected",
    [
        # a randomised trial named by its sample
        ("This was a randomised, double-blind, placebo-controlled trial on 84 adults with chronic insomnia.", (84, "randomised")),
        ("We report a randomized crossover study in 36 healthy volunteers comparing two inhalers.", (36, "randomised")),
        ("The work was a randomized controlled trial of 240 postmenopausal women; they were allocated to two groups.",
         (240, "randomised")),
        # a study on its sample (not randomised)
        ("This was a prospective observational study on 312 patients undergoing hip replacement.", (312, "analysed")),
    ],
)
def test_a_trial_on_its_sample(text, expected):
    assert total(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "BACKGROUND: A randomised trial of 600 women showed a benefit of aspirin.",  # another trial, in the background
        "A previous randomized trial of 400 patients found no difference.",  # another trial
        "A randomised trial in 1,200 patients would be needed to confirm this.",  # hypothetical
        "The randomized trial of 8 centres recruited slowly.",  # not people
    ],
)
def test_a_trial_on_its_sample_not_totals(text):
    label, _, body = text.partition(": ") if text.startswith("BACKGROUND") else (None, "", text)
    found = study_total(participant_counts(record([(label, body)]))[0])
    assert found is None


@pytest.mark.parametrize(
    "abstract, expected",
    [
        # a participants section written as a noun phrase, labelled or joined to the others by ".;"
        ([("PARTICIPANTS", "Two hundred twelve women with stress urinary incontinence confirmed by urodynamic testing.")],
         (212, "enrolled")),
        ("Randomized, double-blind, multicenter trial.; Outpatient clinics.; Four hundred six adults with seasonal allergic "
         "rhinitis and who had a positive skin test.; Patients were randomly assigned to drug A or placebo.", (406, "enrolled")),
        ("Parallel-group study.; 96 children aged 6 to 12 years referred for attention-deficit/hyperactivity disorder.; "
         "Children received drug A or placebo for 4 weeks.", (96, "enrolled")),
    ],
)
def test_a_verbless_participants_section_is_the_sample(abstract, expected):
    assert total(abstract) == expected


@pytest.mark.parametrize(
    "abstract",
    [
        "Parallel-group study.; Nine subjects (21%) with grade 2 toxicity.; Outcomes were recorded.",  # a part
        [("RESULTS", "Forty-two patients with a complete response at 12 weeks.")],  # a results section
        "Crossover study.; Twelve volunteers completed the study.; Plasma levels were measured.",  # has a verb: no section
        "Crossover study.; Twelve volunteers per dose level.; Plasma levels were measured.",  # a design
    ],
)
def test_a_verbless_participants_section_not_totals(abstract):
    found = study_total(participant_counts(record(abstract))[0])
    assert found is None or found.label != "enrolled"


@pytest.mark.parametrize(
    "text, expected",
    [
        # people left out, listed by reason, are no compared groups
        ("After excluding patients on dialysis (n=41), with prior stroke (n=1,018) and missing data (n=230), 5,112 patients "
         "remained.", []),
        ("We excluded women with previous cancer (n = 12) or pregnancy (n = 3).", []),
        # an allocation after the exclusion: the groups are arms
        ("After excluding two patients, 78 were randomized to drug A (n = 40) or placebo (n = 38).", [40, 38]),
    ],
)
def test_excluded_people_are_not_arms(text, expected):
    assert arms(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # the people left after exclusions
        ("After excluding patients with missing laboratory values, 4,812 remained for inclusion in the cohort.", (4812, "enrolled")),
        ("After exclusions, 2,310 women remained in the study.", (2310, "enrolled")),
        ("Following the removal of incomplete questionnaires, 688 respondents remained for analysis.", (688, "analysed")),
        # data or material of people, qualified before the verb
        ("Clinical data of 1,204 consecutive patients undergoing coronary bypass surgery were collected.", (1204, "analysed")),
        ("Serum and peripheral blood cells (PBMCs) of 75 patients were collected before the first infusion.", (75, "analysed")),
    ],
)
def test_people_remaining_and_data_of_people(text, expected):
    assert total(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Twelve patients remained on treatment at two years.",  # still treated: no inclusion
        "Only 40 patients remained alive at the end of follow-up.",  # an outcome
        "Serum of 30 mice with xenografts was collected.",  # animals
        "Data of 12 of 80 patients were collected again.",  # a part
    ],
)
def test_people_remaining_and_data_of_people_not_totals(text):
    assert total(text) is None


@pytest.mark.parametrize(
    "text, expected",
    [
        # the share of a pool that enrolment or randomisation takes into the study, with its percentage
        ("Of a total of 812 families approached, 406 (50%) consented and were randomised to coaching or usual care.",
         (406, "randomised")),
        ("Of 1,250 eligible adults, 731 (58.5%) agreed to take part.", (731, "enrolled")),
        ("Among 300 invited caregivers, 212 [71%] were enrolled.", (212, "enrolled")),
        # the pool stays the total when the share is a subset by what it had
        ("Of a total of 640 patients enrolled, 201 (31%) had diabetes.", (640, "enrolled")),
        ("Of 621 patients, 101 (16.3%) had known brain metastases.", (621, "enrolled")),
    ],
)
def test_a_share_of_a_pool_taken_into_the_study(text, expected):
    assert total(text) == expected


def test_a_share_randomised_to_one_group_is_that_group():
    found = total("Of 400 women, 190 (47.5%) were randomised to the exercise group.")
    assert found != (190, "randomised")


@pytest.mark.parametrize(
    "abstract, expected",
    [
        # a bare bracketed count after the people, subject of the verb
        ("Consecutive patients with stage II rectal cancer (312) operated on in three hospitals were retrospectively analysed.",
         (312, "analysed")),
        ("Eligible adults (1,206) were enrolled between 2015 and 2018.", (1206, "enrolled")),
        # the people at baseline, with their N
        ("Participants at enrolment (n=84) had a mean age of 61 years.", (84, "enrolled")),
        # "In N people of the X cohort, ..." (also a year-like count of people)
        ([("METHODS", "In 2104 participants (1,200 women, 904 men) of the Rotterdam Heart Study, blood pressure was measured yearly.")],
         (2104, "cohort")),
        ([("METHODS", "Among 612 children from a population-based birth cohort, sleep duration was recorded at age 3.")], (612, "cohort")),
    ],
)
def test_people_with_a_bracketed_count_or_of_a_cohort(abstract, expected):
    assert total(abstract) == expected


@pytest.mark.parametrize(
    "abstract",
    [
        "Cases (40) and controls (80) were compared.",  # two groups
        "Patients (12) with a response were rebiopsied.",  # no verb of enrolment
        [("BACKGROUND", "In 500 patients of a previous cohort study, relapse was common.")],  # background, another study
        "In 2015 patients were recruited from three clinics.",  # a year
        "Cohort members (n = 40) and their siblings (n = 52) were interviewed.",  # two groups (no at-baseline)
    ],
)
def test_people_with_a_bracketed_count_or_of_a_cohort_not_totals(abstract):
    assert total(abstract) is None


@pytest.mark.parametrize(
    "abstract, expected",
    [
        # the cohort or sample described in the present tense
        ("The registry cohort consists of 3,402 adults with type 1 diabetes.", (3402, "enrolled")),
        ("Our sample comprises 527 community-dwelling women aged over 70.", (527, "enrolled")),
        # a sentence opening with the study's cohort, then its verb
        ("A nationwide cohort of 61,877 men with prostate cancer was identified in the registry.", (61877, "cohort")),
        ("After record linkage, a retrospective cohort of 904 children with asthma was assembled.", (904, "cohort")),
        # an adverb before "studied"
        ("Ninety consecutive patients with acute pancreatitis were prospectively studied.", (90, "enrolled")),
        ("The sample consisted of 412 outpatients from five hospitals.", (412, "enrolled")),
    ],
)
def test_cohort_phrasings_in_other_words(abstract, expected):
    assert total(abstract) == expected


@pytest.mark.parametrize(
    "abstract",
    [
        "An external validation cohort of 250 patients was assembled.",  # another cohort
        "A cohort of 2,000 women would be required to detect this difference.",  # hypothetical
        [("BACKGROUND", "A cohort of 300 patients was followed in an earlier report.")],  # background
        "The cohort consists of 14 hospitals.",  # not people
    ],
)
def test_cohort_phrasings_in_other_words_not_totals(abstract):
    assert total(abstract) is None


@pytest.mark.parametrize(
    "text, expected",
    [
        # the study's people described by their mean / median age, unqualified
        ("The mean (SD) age of 2,140 participants was 72.3 (6.1) years.", (2140, "cohort")),
        ("The median age of the 312 patients was 61 years (range 34-88).", (312, "cohort")),
        ("The mean age at baseline of 1,020 women was 54 years.", (1020, "cohort")),
        # a stated enrolment outranks it
        ("A total of 540 patients were enrolled. The mean age of 540 patients was 63 years.", (540, "enrolled")),
    ],
)
def test_mean_age_of_people(text, expected):
    assert total(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The mean age of the 28 patients who died was 71 years.",  # a subset named by a relative clause
        "The mean age of 45 patients in group A was 60 years.",  # one group
        "The mean age of 45 men and 50 women was 60 years.",  # two groups
        "The mean age of 120 mice was 10 weeks.",  # animals
        "In a previous study, the mean age of 500 patients was 60 years.",  # another study
    ],
)
def test_mean_age_of_people_not_totals(text):
    assert total(text) is None


@pytest.mark.parametrize(
    "text, expected",
    [
        # a crossover: the sequences randomised among / across the people
        ("Two inhaler regimens were randomized among 30 volunteers in a crossover design.", (30, "randomised")),
        ("The order of the four test sessions was randomised across 18 participants.", (18, "randomised")),
    ],
)
def test_randomised_among_people(text, expected):
    assert total(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The treatment sequence will be randomized among 40 patients.",  # a plan
        "Two regimens were randomized among 30 clinics.",  # not people
    ],
)
def test_randomised_among_people_not_totals(text):
    assert total(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "A total of 600 adults aged 65 years and over will be recruited from primary care.",
        "A total of 1,200 smokers, aged 18 to 65 years, will be screened for eligibility.",
        "A total of 240 women will be randomly assigned to two groups.",
    ],
)
def test_a_total_of_planned_not_totals(text):
    assert total(text) is None


def test_a_total_of_enrolled_then_planned_follow_up():
    assert total("A total of 500 patients were enrolled and will be followed for 10 years.") == (500, "enrolled")


@pytest.mark.parametrize(
    "text, expected",
    [
        # the included studies "representing" / "accounting for" their people
        ("In total, 19 studies were included, representing 6,021 patients.", (6021, "analysed")),
        ("Eleven cohort studies were included, accounting for 27,400 participants.", (27400, "analysed")),
        ("Fourteen trials, representing 2,950 women, met the inclusion criteria.", (2950, "analysed")),
        # data on people, collected or pooled
        ("Data on 312 consecutive patients undergoing surgery were collected prospectively.", (312, "analysed")),
        ("Data on 3,456 participants in the national registry were pooled.", (3456, "analysed")),
    ],
)
def test_pooled_people_represented_and_data_on_people(text, expected):
    assert total(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Twenty-four studies were included, representing 12 countries.",  # not people
        "Data on 40 patients were missing.",  # missing, not collected
        "Data on 12 mice were collected.",  # animals
    ],
)
def test_pooled_people_represented_and_data_on_people_not_totals(text):
    assert total(text) is None


@pytest.mark.parametrize(
    "text, expected",
    [
        # "underwent randomization" randomises: it outranks the enrolled or screened pool
        ("A total of 2,104 patients underwent randomisation at 41 sites.", (2104, "randomised")),
        ("Of 2,480 patients screened, 1,872 underwent randomization.", (1872, "randomised")),
        ("A total of 950 women were enrolled, and 802 underwent random assignment.", (802, "randomised")),
    ],
)
def test_underwent_randomisation(text, expected):
    assert total(text) == expected


def test_underwent_surgery_is_not_randomisation():
    assert total("Of 600 patients enrolled, 412 underwent surgery.") == (600, "enrolled")
    assert total("Of the 412 patients who underwent surgery, 40 died.") == (412, "treated")


@pytest.mark.parametrize(
    "text, expected",
    [
        # "we <verb> a cohort / sample / series of N people": the study's own sample
        ("We prospectively followed a cohort of 412 patients for 10 years.", (412, "cohort")),
        ("We recruited a convenience sample of 412 volunteers from three hospitals.", (412, "enrolled")),
        ("We studied a consecutive series of 88 patients undergoing valve implantation.", (88, "cohort")),
    ],
)
def test_we_verb_a_cohort_of_people(text, expected):
    assert total(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "We followed a validation cohort of 200 patients.",  # a validation set
        "We followed a cohort of 412 mice.",  # animals
        "We recruited a sample of 200 men and 210 women.",  # two groups
    ],
)
def test_we_verb_a_cohort_of_people_not_totals(text):
    assert total(text) is None


@pytest.mark.parametrize(
    "text, expected",
    [
        # a matched sample stated as such, closed after "matched"
        ("Overall, 310 patients (120 open/190 laparoscopic) were matched.", (310, "cohort")),
        ("After propensity scoring, 1,204 women were matched, and outcomes were compared.", (1204, "cohort")),
        ("In total, 530 patients were propensity-matched.", (530, "cohort")),
        # mother-child pairs and dyads are people
        ("The cohort included 842 mother-infant pairs.", (842, "enrolled")),
        ("A total of 215 caregiver-child dyads were recruited.", (215, "enrolled")),
        # a heading run into the text before "Of the N people"
        ("Results Of the 2,310 patients with sepsis, 18% died within 30 days.", (2310, "enrolled")),
        # people with their age range before "(n = N)", the sum of the groups that follow
        ("Women aged 40 to 65 years (n = 120) were randomly assigned to yoga (n = 60) or stretching (n = 60).",
         (120, "randomised")),
        # the early part of a sample does not hide the whole
        ("In all, 96 patients were randomised. Among the first 40 patients randomised, 12 responded.", (96, "randomised")),
        # but a case series may be "the first N patients" enrolled
        ("The first 25 patients with a relapse after surgery were included.", (25, "enrolled")),
    ],
)
def test_matched_samples_pairs_headings_and_aged_people(text, expected):
    assert total(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Using propensity scores, 85 cases were matched in a 1:1 ratio with 170 controls.",  # matched to others: a group
        "Each of 40 cases was matched to two controls.",
        "For 500 simulated patients recruited over 5 years, the test detected the benefit.",  # not people
        "We generated 1,000 virtual patients and 200 hypothetical women.",
        "An interim look stopped the trial if fewer than 19 of the first 36 patients treated responded.",  # a part
        "The first forty patients were treated with plate A, the next forty with plate B.",
    ],
)
def test_matched_groups_simulated_people_and_first_patients_are_no_totals(text):
    assert total(text) is None


def test_the_size_stated_for_each_group_is_an_arm_not_the_total():
    assert arms("Each of the matched groups included 4,120 participants.") == [4120]
    assert arms("Each of the two arms comprised 60 women.") == [60]
    assert total("Each of the matched groups included 4,120 participants.") is None
    assert arms("Each group received 20 mg daily.") == []  # a dose


def test_a_target_size_is_neither_arms_nor_total():
    assert arms("The target enrollment was adults aged 18-60 years (n = 30 in each group).") == []
    assert arms("The planned sample size was 120 women (n = 60 per arm).") == []
    assert total("The planned sample size was 120 women. In total, 84 women were enrolled.") == (84, "enrolled")
    assert arms("Enrolment was completed for adults (n = 30) and children (n = 28).") == [30, 28]


def test_a_number_glued_after_letters_is_part_of_a_name():
    assert total("Expression of genes (CDK4, SLC22A3 and H19) was observed in patients with leukaemia.") is None
    assert total("In total, 64 patients with high CD4 counts were enrolled.") == (64, "enrolled")


@pytest.mark.parametrize(
    "text, expected",
    [
        # a source population from which the study took its groups is a pool; "Of these N people" restates the study
        ("Among the 9,210 adults diagnosed in the registry, we identified 300 with hepatitis and 600 matched adults "
         "without hepatitis. Of these 900 adults, 25 developed cirrhosis.", (900, "cohort")),
        ("Of 5,000 patients in the database, we included 250 patients with complete records.", (250, "enrolled")),
        # a sentence run into the previous one without a space
        ("The outcome was death.Among the 1,210 patients treated at the centre, 15% died.", (1210, "treated")),
        # "Of these, N were randomised": the pronoun, read as before
        ("We screened 500 patients. Of these, 300 were randomised.", (300, "randomised")),
    ],
)
def test_a_pool_we_selected_from_and_of_these_people(text, expected):
    assert total(text) == expected


def test_of_these_people_does_not_beat_a_stated_enrolment():
    assert total("A total of 900 patients were enrolled. Of these 400 women, 30 relapsed.") == (900, "enrolled")
    assert total("Of these 400 women, 30 relapsed.") == (400, "cohort")
    # a subset restated after an analysed total does not replace it
    assert total("We analysed 247 patients with cancer. Among these 62 patients, one had nodal disease.") == (247, "analysed")


def test_a_bracket_describing_the_people_between_count_and_noun():
    assert total("Altogether, 212 (64% women, mean age 58) consecutive patients underwent surgery.") == (212, "cohort")
    assert total("In total, 400 (55% men) patients were randomised.") == (400, "randomised")
    # a share of a count is still a subset
    assert total("Of 600 patients enrolled, 101 (16.3%) had brain metastases.") == (600, "enrolled")
    assert total("Overall, 45 (12% women) had a relapse.") is None


@pytest.mark.parametrize(
    "text",
    [
        # the last of a comma list of counted groups is one group
        'Five cohorts (420 smokers, 310 former smokers, 288 "never" smokers) were included in the analysis.',
        "Eight studies (120 A+, 95 B+, 640 C+ patients) were included.",
        # a design in the present tense is a plan
        "This randomised trial involves recruitment of 240 older adults with frailty.",
        "The study requires the enrolment of 90 children.",
    ],
)
def test_the_last_of_a_list_of_groups_and_a_present_design_are_no_totals(text):
    assert total(text) is None


def test_a_count_after_a_count_of_places_is_still_a_total():
    assert total("In 2 hospitals, 300 patients were enrolled.") == (300, "enrolled")


@pytest.mark.parametrize(
    "text, expected",
    [
        # a total followed by its breakdown is no list of groups
        ("Of 40 cases, 3 were lost to follow-up, 2 were excluded, and 1 died.", (40, "enrolled")),
        ("We enrolled a total of 90 patients, 45 with lupus, and 45 with arthritis.", (90, "enrolled")),
        ("Of the 512 children in the study, 300 had typical development, and 212 had delays.", (512, "enrolled")),
    ],
)
def test_a_total_with_its_breakdown_is_not_a_list_of_groups(text, expected):
    assert total(text) == expected


def test_the_majority_of_people_is_part_of_the_sample():
    assert total("The majority of respondents (n=412, 71.2%) felt comfortable using the app.") is None
    assert total("In total, 300 patients were enrolled; the majority of them (n = 210) were women.") == (300, "enrolled")


def test_a_count_of_groups_is_no_head_count():
    assert total("We compared levels in two subgroups of treated patients.") is None
    assert total("Outcomes were compared across four groups of women.") is None
    assert total("We studied speech in two cohorts of people with Parkinson's disease.") is None
    assert total("In total, 120 patients in two groups were randomised.") == (120, "randomised")


@pytest.mark.parametrize(
    "text, expected",
    [
        # people qualified before their N, then a verb of randomisation or enrolment
        ("Adults with chronic knee pain referred by their physician (N = 240) were randomised to yoga or advice.",
         (240, "randomised")),
        ("Children with asthma aged 6-11 years (N = 88) were enrolled from two schools.", (88, "enrolled")),
        # a study run into its sample without a comma
        ("In a two-centre randomized trial 64 older adults with insomnia were randomly allocated to A or B.", (64, "randomised")),
        # people named with a hyphenated qualifier
        ("A total of 212 HIV-patients starting therapy were included.", (212, "enrolled")),
    ],
)
def test_qualified_people_and_a_trial_run_into_its_sample(text, expected):
    assert total(text) == expected


def test_a_participants_section_of_qualified_people_with_their_n():
    assert total([("PARTICIPANTS", "Veterans with and without a hip fracture (N=4120).")]) == (4120, "enrolled")
    assert total([("RESULTS", "Veterans with and without a hip fracture (N=4120).")]) is None


@pytest.mark.parametrize(
    "text",
    [
        # qualified people with another verb are a subgroup
        "Patients with brain metastases (n = 101) had shorter survival than the rest.",
        "Women with a prior caesarean (N = 58) were analysed separately.",
        # a group included as comparators is one of the groups
        "Adults without the disease were included as comparators (n=91,200).",
        # a count of people with its share, no pool stated: a part of the sample
        "A total of 60 patients (32.8%) had significant stenosis and underwent stenting.",
        "In study 2 cells were counted twice.",
    ],
)
def test_subgroups_comparators_and_shares_are_no_totals(text):
    assert total(text) is None


def test_a_share_after_a_pool_in_the_sentence_may_be_a_response_rate():
    assert total("The survey was mailed to 900 women, and a total of 610 women (67.8%) answered it.") is not None


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Adult male Wistar rats (n = 24) were randomly allocated to two diets.", None),
        ("Twelve interviews were held with nurse workers-people who use drugs.", None),
        ("The respondents (N = 640) were mostly women (72.5%).", (640, "enrolled")),
    ],
)
def test_animals_a_dash_between_nouns_and_a_description_of_the_sample(text, expected):
    assert total(text) == expected


def test_a_subset_named_by_where_is_no_total():
    assert total("Of the 73 cases where the scan showed clusters (74.9%), 51 had lesions.") is None


@pytest.mark.parametrize(
    "text, expected",
    [
        # the study's cohort named after "using" / "from"
        ("We examined troponin and readmission using a cohort of 640 hospitalized patients from a heart failure trial.",
         (640, "cohort")),
        # a review's pooled people as "a total number of"
        ("Five RCTs met our inclusion criteria with a total number of 412 patients.", (412, "analysed")),
        ("A total number of 318 women were enrolled.", (318, "enrolled")),
        # a sentence presenting its people by a relative clause of enrolment
        ("There were 152 patients who met the study-specific inclusion criteria and had complete data.", (152, "eligible")),
        ("In total, there were 96 women who were randomised.", (96, "randomised")),
    ],
)
def test_a_cohort_used_a_total_number_and_there_were_people_who(text, expected):
    assert total(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # another study's cohort, a relative clause of an outcome, things
        "Our findings replicate those obtained using a previous cohort of 900 patients.",
        "There were 41 patients who developed grade 3 neutropenia.",
        "Five RCTs met our inclusion criteria with a total number of 412 samples.",
        "A total number of 1,000 adults will be recruited.",
    ],
)
def test_another_cohort_an_outcome_things_or_a_plan_are_no_totals(text):
    assert total(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "Content validity was tested using a sample of 24 adolescents with asthma and 12 clinical experts.",
        "We profiled 40 genes from a discovery cohort of 12 asthmatic children, 12 atopic children, and 12 controls.",
        "Of these, 159 met all eligibility criteria and were reviewed.",
    ],
)
def test_one_of_several_groups_in_a_sample_and_records_meeting_criteria(text):
    assert total(text) is None


@pytest.mark.parametrize(
    "text, expected",
    [
        # a participle of data collection, with a list of times sharing one unit
        ("Using blood pressure measurements collected at 5, 10 and 15 years from 2140 cohort participants, we modelled trajectories.",
         (2140, "analysed")),
        # a count of things between the verb and the people
        ("We measured plasma levels of 12 cytokines in 430 adults with obesity.", (430, "enrolled")),
        ("We measured serum concentrations of 8 elements of 715 pregnant women.", (715, "analysed")),
    ],
)
def test_data_collected_from_people_and_things_measured_in_people(text, expected):
    assert total(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # the count is of the people who recruited
        "In this study 7 physicians recruited adult patients with chronic cough.",
        # the count is of people, but of a measurement of things
        "We measured 12 cytokines in plasma.",
        # two pools of different designs, no stated total
        "Six RCTs with a total of 900 patients and 4 cohort studies with a total of 8,200 patients were included.",
    ],
)
def test_recruiters_things_and_two_pools_by_design_are_no_totals(text):
    assert total(text) is None


def test_one_pool_of_studies_is_still_a_total():
    assert total("Six RCTs with a total of 900 patients were included.") == (900, "analysed")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("A total of 412 secondary school pupils aged 12 to 14 years took part.", (412, "enrolled")),
        ("A convenience sample of 80 nurses was recruited and divided into men (n = 12) and women (n = 68).", (80, "enrolled")),
        ("Brain connectivity was studied in 120 adult humans (64 women).", (120, "analysed")),
    ],
)
def test_a_place_naming_the_people_and_a_sample_recruited(text, expected):
    assert total(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "We measured the body length of 250 adult beetles from four islands.",
        "This study analysed simulated data obtained from a registry for 300 patients.",
        "Caution is needed when using measurements obtained from one individual.",
    ],
)
def test_animals_simulated_data_and_one_person_are_no_totals(text):
    assert total(text) is None


def test_material_from_one_of_several_counted_groups_is_no_total():
    assert total("The material was serum from 12 healthy humans and dogs, 25 humans with Lyme disease.") is None


def test_material_from_the_last_of_several_counted_groups_is_no_total():
    assert total("In all, 800 samples from 640 people with diabetes and 500 samples from 470 people without were tested.") is None


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Sleep was recorded in the Northern Norway Healthy Ageing prospective population-based cohort of 1,204 men and women.",
         (1204, "cohort")),
        ("Forty-two U.K. adults with chronic cough were randomised to the new syrup or placebo.", (42, "randomised")),
        ("Our sample included 3,310 U.S. veterans with complete baseline data.", (3310, "enrolled")),
        ("Among 12.875 patients with a first stroke, 2.104 (16.3%) had atrial fibrillation.", (12875, "enrolled")),
        ("Finally, seven RCTs were screened out with 612 patients.", (612, "analysed")),
    ],
)
def test_long_cohort_names_dotted_abbreviations_dot_thousands_and_studies_screened_out(text, expected):
    assert total(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Tumours were measured in the Northern Norway Healthy Ageing prospective population-based cohort of 1,204 mice.",
        "The mean dose was 2.500 mg per day.",
        "DNA was sequenced from 1.250 samples of the U.K. biobank.",
        "Finally, seven RCTs were screened out with 612 eyes.",
        "Three protein candidates were identified.",
        "Sleep will be measured in the Northern Norway Healthy Ageing prospective population-based cohort of 1,204 women.",
    ],
)
def test_no_total_from_cohorts_of_animals_decimals_samples_eyes_or_candidate_molecules(text):
    assert total(text) is None


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Resting EEG power spectra recorded from 24 volunteers showed alpha dominance.", (24, "analysed")),
        ("Surface ECG recordings were acquired from 40 adults before and after the run.", (40, "analysed")),
    ],
)
def test_signals_recorded_or_acquired_from_people(text, expected):
    assert total(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Grade 3 toxicity was recorded in 5 patients.",
        "EEG signals were recorded from 12 rats.",
        "Field potentials were acquired from 30 brain slices.",
    ],
)
def test_events_and_signals_of_animals_or_tissue_are_no_totals(text):
    assert total(text) is None


@pytest.mark.parametrize(
    "text, expected",
    [
        # the criteria as subject, the people as agent (the passive of "132 patients met the criteria")
        ("The inclusion criteria were fulfilled by 88 women (n = 50 A; n = 38 B).", (88, "eligible")),
        ("Eligibility criteria were met by a total of 205 adults.", (205, "eligible")),
        # material of people and a laboratory verb
        ("Sera of 85 children were assayed for IgE by ELISA (40 with asthma and 45 without).", (85, "analysed")),
        ("DNA of 112 volunteers was genotyped for APOE.", (112, "analysed")),
        # an allocation verb with its randomisation method named
        ("In all, 640 adults were assigned, by computer randomisation, to usual care or coaching.", (640, "randomised")),
        ("Following screening, 212 smokers were assigned using block randomisation to two arms.", (212, "randomised")),
        # an age range in words before the people
        ("We recruited 96 five- to eight-year-old children.", (96, "enrolled")),
        ("The trial was run in a sample of 148 six-to nine-year-old pupils (51% girls) in three schools.", (148, "cohort")),
        # a trial named with its people and qualifiers, its N closing the phrase
        ("This was a multicentre, randomised controlled trial in adults with chronic cough (cough lasting more than "
         "8 weeks) despite usual care with inhaled steroids (n=254).", (254, "randomised")),
        ("We ran a pragmatic trial in older adults with chronic knee pain living in rural areas (n = 512).", (512, "enrolled")),
        ("A total of 40 patients in whom a relapse occurred were enrolled.", (40, "enrolled")),
        ("A total of 310 cases were included, and a leak occurred in 19 (6.1%) cases.", (310, "enrolled")),
        ("A total of 40 residents were enrolled in a simulation course.", (40, "enrolled")),
    ],
)
def test_criteria_met_by_sera_assayed_assigned_by_randomisation_word_ages_and_a_trial_in_people_n(text, expected):
    assert total(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Remission criteria were met by 14 patients.",  # an outcome's criteria, not the study's
        "Sera of 30 mice were assayed for IgG.",
        "Samples of 30 patients tested positive for the virus.",
        "Of these, 12 patients were assigned, using block randomisation, to the coaching group.",  # one group
        "12 patients were assigned, using block randomisation, to the coaching group.",
        "Children aged three to five years were enrolled.",
        "A previous randomised trial in adults with asthma on inhaled steroids and long-acting bronchodilators (n = 300) found no benefit.",
        "The trial in women with breast cancer showed benefit in the subgroup with nodal disease (n = 43).",
        # events, not people
        "A total of 31 incident dementia cases occurred during 4 years.",
        "Overall, 18 new infections arose in the cohort.",
        # people a model made up
        "A total of 5,000 women were simulated over a lifetime horizon.",
        "In the model, 10 000 patients were modelled.",
        "Outcomes were simulated for a cohort of 2000 patients.",
    ],
)
def test_outcome_criteria_animals_one_group_planned_other_trials_events_and_simulated_people_are_no_totals(text):
    assert total(text) is None


@pytest.mark.parametrize(
    "text, expected",
    [
        # "n =" of things reported, not groups: nothing per arm
        ("Both groups reported more adverse events in the diary than at the visit (early: n=412 vs n=288; late: n=301 vs n=297).", []),
        ("The app group logged more symptoms overall (n=2210) than the paper group (n=1875).", []),
        # groups still read
        ("Adverse events were similar in the drug group (n = 120) and the placebo group (n = 118).", [120, 118]),
        ("Patients reported fewer symptoms with A (n = 40) than with B (n = 42).", [40, 42]),
        ("Adverse events occurred in patients on A (n = 40) and patients on B (n = 42).", [40, 42]),
        ("Adolescents with recurrent episodes of self-harm (n = 150) and healthy controls (n = 40) completed the task.", [150, 40]),
    ],
)
def test_n_of_events_or_symptoms_reported_is_no_arm(text, expected):
    assert arms(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a name spelled out in capitalised words counts as one word between a count and its people
        # (without the name as one word the people noun is the tenth word after the count)
        ("This study was conducted on 72 American Society of Anesthesiologists physical status class I or II pregnant women "
         "undergoing caesarean section.", (72, "enrolled")),
        ("We enrolled 64 New York Heart Association class III or IV heart failure patients.", (64, "enrolled")),
    ],
)
def test_a_long_capitalised_name_between_count_and_people(text, expected):
    assert total(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "In 2019 the Department of Health and Social Care of the United Kingdom issued guidance for all patients.",
        "The 12 Kaiser Permanente Northern California medical centres enrolled new patients.",
        "Altogether 31 Mayo Clinic Rochester Minnesota laboratory reports of patients were missing.",
        # a name further on (an instrument's) is no name of the people
        "To test the short, six-item version of the Brief Chronic Pain Coping Inventory for adolescents, we ran a factor analysis.",
        "Data were collected until October 10, 2020 and included International Index of Erectile Function scores and Patient Health "
        "Questionnaire scores.",
    ],
)
def test_no_total_through_a_capitalised_name_to_things_or_years(text):
    assert total(text) is None


@pytest.mark.parametrize(
    "text, expected",
    [
        # babies are people
        ("A total of 5120 babies received phototherapy.", (5120, "treated")),
        ("Overall, 412 babies were enrolled in the neonatal units.", (412, "enrolled")),
        # "included in the matched ... analysis" is an analysed set, not an enrolment
        ("A total of 2210 infants were included in the matched propensity score analysis.", (2210, "analysed")),
        # the study's people as the object of a sample that "included N =" them
        ("The sample included N = 245 men with prostate cancer.", (245, "enrolled")),
        ("The study population comprised n = 1200 adults.", (1200, "enrolled")),
        # "a total" with its "of" left out
        ("A total 96 patients were allocated into two groups.", (96, "randomised")),
        ("A total 88 patients with stage III disease.", (88, "enrolled")),  # no verb: "a total" alone names the total
        # data reviewed on people, a database documenting their records, data opening a sentence
        ("We reviewed data on 841 patients with stage III gastric cancer who underwent surgery between 2005 and 2010.",
         (841, "analysed")),
        ("We used the national dataset, which documents clinical records of 13,500 individuals with genotype data.",
         (13500, "analysed")),
        ("Methods: The data of 212 patients who underwent hepatectomy for colorectal metastases.", (212, "cohort")),
        ("Records of 1,498 study subjects met the inclusion criteria.", (1498, "eligible")),
        # people interviewed, the interviews as the subject
        ("Semi-structured interviews with 23 key stakeholders were conducted.", (23, "enrolled")),
        ("Focus groups were held with 42 caregivers of children with asthma.", (42, "enrolled")),
        # a misspelt randomised trial performed on its people
        ("A randomized controlled trail was performed on 140 adults aged 60 to 80 years.", (140, "enrolled")),
        # an intervention delivered to people
        ("Leaflets were delivered online to 512 nonsmoking adolescents in 20 schools.", (512, "treated")),
        # the baseline table's N
        ("Results: Baseline characteristics (n=250): mean age 61, 54% female.", (250, "enrolled")),
    ],
)
def test_totals_of_observational_and_registry_phrasing(text, expected):
    assert total(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # counts of studies, things, animals, events, subgroups or plans are no totals
        "A total of 31 randomised controlled trials were included in the review.",
        "A total 12 trials were included.",
        "The sample included N = 40 mice.",
        "The cohort included n = 12 centres.",
        "In-depth interviews with 12 hospitals were conducted.",
        "Interviews with 20 patients will be conducted in the next phase.",
        "The Trail Making Test was performed on 40 patients.",
        "Seven babies (0.1%) developed sepsis.",
        "The data of 212 patients and 180 controls were compared.",
        "We reviewed data on 45 tumours resected at our centre.",
        "The registry contains records of 300 procedures.",
        "Radiotherapy was delivered to 30 xenografts.",
        "Baseline characteristics of the 4 subgroups are shown.",
        "The database documents 250 cell lines.",
        # the first of groups listed after the people interviewed
        "Qualitative interviews were held with 40 residents and 12 staff members at three care homes.",
        "Interviews were conducted with seven patients, the ward nurse and two physicians.",
        "We conducted interviews with nine boys, their parents and their teachers.",
        "Interviews were conducted with ten men and one female partner.",
        # a singular people word before another noun counts that noun
        "Guidelines were developed from 40 included articles and 12 key stakeholder consultations.",
    ],
)
def test_no_total_of_things_in_observational_phrasing(text):
    assert total(text) is None


def test_a_review_total_is_its_people_not_its_trials():
    # "A total of N randomised ... trials (M participants)": the participants, never the trials
    assert total("A total of 31 randomised controlled trials (2210 participants) were included in the review.") == (2210, "analysed")


def test_a_total_after_a_count_of_studies_is_the_pooled_total():
    # the review's people rank below the study's own enrolled people
    text = ("Fifty-eight patients were enrolled at our centre. From 1990 to 2015, 9 studies were identified that provided data "
            "for a total of 118 patients.")
    assert total(text) == (58, "enrolled")
    assert total("9 studies were identified that provided data for a total of 118 patients.") == (118, "analysed")


@pytest.mark.parametrize(
    "text, expected",
    [
        # a pool defined by a state at entry ("who were X at baseline") is the cohort, also after "Out of"
        ("Out of 240 heart failure survivors who were independent at baseline, 201 attended a follow-up visit.", (240, "enrolled")),
        ("Of the 300 women who were pregnant at enrolment, 40 delivered preterm.", (300, "enrolled")),
        ("Out of 240 patients enrolled, 201 completed the study.", (240, "enrolled")),
    ],
)
def test_a_pool_defined_by_its_state_at_entry(text, expected):
    assert total(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # a subset named by what happened to it, or by a state later on, or animals
        "Of the 300 women who were hospitalised during follow-up, 40 died.",
        "Out of 120 patients who responded, 40 relapsed.",
        # "Out of" a bare pool, no verb nor relative clause: a stage of the sample
        "Out of 9,400 sputum-eligible adults, 120 (1.3%) were smear-positive.",
        "Out of 52 mice that were healthy at baseline, 12 died.",
        "Of the 300 women who were not anaemic at baseline, 40 became anaemic.",
    ],
)
def test_no_pool_from_a_subset_or_animals(text):
    assert total(text) is None


@pytest.mark.parametrize(
    "text, expected",
    [
        ("A retrospective review of 84 consecutive patients with gastric cancer who underwent gastrectomy between 2010 and 2015 was performed.",
         (84, "cohort")),
        ("A retrospective chart review of 120 children admitted with bronchiolitis was conducted.", (120, "cohort")),
        ("A review of the medical records of 212 women who delivered at our centre was carried out.", (212, "cohort")),
    ],
)
def test_a_review_of_the_studys_own_patients(text, expected):
    assert total(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "A systematic review of 12 reported patients was performed.",  # the literature's patients
        "A literature review of 35 published cases was conducted.",
        "A retrospective review of 45 procedures was performed.",  # procedures
        "A review of 30 tumours was performed.",  # tumours
        "A retrospective review of 300 mice was performed.",  # animals
        "A retrospective review of 40 patients will be performed.",  # planned
        "A retrospective review of 52 patients and 60 controls was performed.",  # two counted groups
        "A review of 14 cell lines was performed.",  # cells
    ],
)
def test_no_review_total_of_things_plans_or_the_literature(text):
    assert total(text) is None


@pytest.mark.parametrize(
    "text, expected",
    [
        ("We included 18 studies in this review (3120 participants).", (3120, "analysed")),
        ("We included 9 trials in the meta-analysis (n = 1450).", (1450, "analysed")),
    ],
)
def test_studies_included_in_the_review_with_their_people_in_brackets(text, expected):
    assert total(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "We included 12 studies in this review (3400 mice).",  # animals
        "We included 12 studies in this review (41 centres).",  # centres
        "We included 12 studies in this review (2,300 biopsies).",  # specimens
    ],
)
def test_no_pooled_total_of_things_after_studies_in_the_review(text):
    assert total(text) is None


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Of the 48 120 patients included in the database between 2005 and 2015, 610 received radiotherapy and were selected "
         "for our analysis.", (610, "analysed")),
        ("Of the 8,000 patients entered into the national registry, 640 women were selected for this study.", (640, "analysed")),
        ("Of the 410 patients included in the trial, 204 were selected for our analysis.", (410, "enrolled")),  # the trial is the study
    ],
)
def test_a_sample_selected_from_a_database_pool(text, expected):
    assert total(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Of the 9,000 patients included in the database, 120 tumours were selected for the study.", (9000, "enrolled")),  # tumours
        ("Of the 8,000 patients included in the registry, 12 centres were selected for the study.", (8000, "enrolled")),  # centres
        ("Of the 8,000 patients entered into the registry, 640 will be selected for this study.", (8000, "enrolled")),  # planned
    ],
)
def test_no_selected_sample_of_things_or_a_plan(text, expected):
    assert total(text) == expected


def test_no_selected_sample_of_animals():
    assert total("Of the 1200 mice included in the database, 40 were selected for our analysis.") is None


@pytest.mark.parametrize(
    "text, expected",
    [
        ("We investigated the incidence and characteristics of 8,412 patients with heart failure who were admitted between 2000 and 2010.",
         (8412, "cohort")),
        ("We retrospectively examined the clinical features of 57 children with Kawasaki disease.", (57, "cohort")),
    ],
)
def test_people_named_as_what_we_studied(text, expected):
    assert total(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "We studied the clinical features of 58 mice.",  # animals
        "We characterized the activities of three major families of detoxification enzymes.",  # not people
        "We examined the survival of 45 patients and 30 controls.",  # two counted groups
        "We investigated the expression of 12 genes in tumour samples.",  # genes
        "We examined the outcomes of 24 procedures.",  # procedures
        "We will investigate the characteristics of 300 patients with asthma.",  # planned
    ],
)
def test_no_total_of_things_or_groups_named_as_what_we_studied(text):
    assert total(text) is None


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Of the randomized participants, 212/640 (33.1%) were seropositive at baseline.", (640, "randomised")),
        ("Of the enrolled patients, 40/120 (33%) had diabetes.", (120, "enrolled")),
        ("Of the 300 randomized participants, 40/120 (33%) had diabetes.", (300, "randomised")),  # the pool's own count
    ],
)
def test_a_pool_named_by_its_verb_sized_by_a_fraction(text, expected):
    assert total(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Of the randomized mice, 12/40 (30%) died.",  # animals
        "Of the included studies, 5/20 (25%) were RCTs.",  # studies
        "Of the treated patients, 30/90 (33%) responded.",  # a pool of the treated: no total named
        "Of the randomised participants, 2/3 were women.",  # a share, no count
        "Of the included tumours, 18/60 (30%) were grade 3.",  # tumours
    ],
)
def test_no_pool_fraction_of_things_shares_or_the_treated(text):
    assert total(text) is None


@pytest.mark.parametrize(
    "text, expected",
    [
        ("We enrolled 1200 patients, and survival was modelled using Cox regression.", (1200, "enrolled")),
        ("A total of 850 women were included and the risk of death was modelled using Poisson regression.", (850, "enrolled")),
    ],
)
def test_a_later_clauses_modelled_is_not_the_counts_own_verb(text, expected):
    assert total(text) == expected


def test_people_a_model_made_up_are_still_no_total():
    assert total("A total of 100,000 patients were simulated.") is None


def test_a_non_randomised_trial_in_people_n_is_enrolled():
    assert total("This was a non-randomised controlled trial in adults with asthma on maintenance therapy (n=437).") == (437, "enrolled")


@pytest.mark.parametrize(
    "text, expected",
    [
        # an adverb between the auxiliary and the verb of a bare count
        ("Of these 90 children, 40 met the criteria and 31 were finally randomized.", (31, "randomised")),
        ("Of the 80 adults screened, 45 had anaemia and 29 were subsequently enrolled.", (29, "enrolled")),
        # a measure of the people, whatever the subject
        ("Levels of 30 patients with sepsis were measured and compared with those of 30 controls.", None),  # two groups
        ("A field worker measured ferritin levels of 275 children from families that took part in the earlier survey.", (275, "analysed")),
        # the study's verb on its people
        ("This trial was conducted to evaluate 148 adults (70 in group A and 78 in group B) with asthma.", (148, "enrolled")),
        # body material collected from the people; mother/infant pairs written with a slash
        ("Breast milk and blood at three time points were collected from 410 mothers/infant-pairs in a cohort.", (410, "analysed")),
        ("Stool was collected from 96 mother/infant pairs.", (96, "analysed")),
        # a capitalised plural demonym is people
        ("We included 52,310 white Norwegians aged 40 or more from a population study.", (52310, "enrolled")),
        ("We enrolled 1,240 Koreans with hypertension.", (1240, "enrolled")),
    ],
)
def test_round_fresh15_phrasings_read(text, expected):
    assert total(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # a subcohort is a part of a case-cohort design, not the study total
        "We did a case-cohort study including a subcohort of 520 participants selected at random and 388 incident cases.",
        # an age, not people
        "The study population included patients diagnosed with asthma prior to the age of 12 registered in the national register.",
        # two groups, the comparison group in its own clause
        "Overall, 8 420 people were registered with psoriasis, while 160 500 people served as controls.",
        "In all, 3 100 women were included with the disease, whereas 9 300 women were selected as matched controls.",
    ],
)
def test_round_fresh15_no_total(text):
    assert total(text) is None


def test_the_mean_age_of_people_is_still_a_total():
    assert total("The mean age of 2150 participants was 70 years.") == (2150, "cohort")


@pytest.mark.parametrize(
    "title, expected",
    [
        # a protocol of care the study was run under: the record reports results
        ("Bleeding after surgery following implementation of an Enhanced Recovery (ERAS) protocol.", (230, "treated")),
        ("Outcomes of patients managed on a rapid rule-out protocol.", (230, "treated")),
        # a study protocol: no total
        ("Exercise for frailty: study protocol for a randomised controlled trial.", None),
        ("Vitamin D in pregnancy: a protocol for a systematic review.", None),
        ("The ABC trial protocol.", None),
    ],
)
def test_a_care_protocol_title_is_not_a_study_protocol(title, expected):
    text = "Of 230 patients undergoing surgery, 150 received drug A and 80 received drug B."
    found = study_total(*participant_counts(record(text, title=title)))
    assert ((found.value, found.label) if found else None) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Men treated from 1995 through 2006 were prospectively enrolled at three centres.",  # years, not people
        "The team made 12,400 uniquely randomized visits, 3,100 to clinics.",  # an adverb qualifying things
    ],
)
def test_round_fresh15_no_total_after_june_review(text):
    assert total(text) is None


def test_a_project_protocol_after_a_dash_is_a_study_protocol():
    text = "Of 230 patients undergoing surgery, 150 received drug A and 80 received drug B."
    assert study_total(*participant_counts(record(text, title="Heart function in infants using new imaging - project protocol."))) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the people described after their N inside its bracket, then randomised
        ("Older adults with knee pain (n = 318; mean age = 70.1 years old) were randomly assigned to one of three groups.",
         (318, "randomised")),
        ("Adults diagnosed with type 2 diabetes using the WHO criteria (n = 144; mean ± SD age = 61 ± 7.2) were randomly "
         "assigned to a walking group or a control group.", (144, "randomised")),
        ("Volunteers with chronic insomnia (n = 88, 52% women) were enrolled at two clinics.", (88, "enrolled")),
        # an age after an "n =" count is no list sharing a unit with it; a trial between the bracket and the verb
        ("Adults with mild hypertension (n = 212, 68.4-years-old, 55% women) participating in a randomized, open-label "
         "trial (HYPER-A) were assigned to receive daily salt substitutes.", (212, "randomised")),
    ],
)
def test_people_described_after_their_n_inside_the_bracket(text, expected):
    assert total(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # another count in the bracket is no description of the people
        "Adults with knee pain (n = 318; 159 per arm) had shorter walks than expected.",
        "Adults with knee pain (n = 318; n = 160 vs n = 158) had shorter walks than expected.",
        # a subgroup with its own verb, not randomised
        "Adults with knee pain (n = 318; mean age 70 years) had more falls.",
    ],
)
def test_no_total_from_a_bracket_tail_without_enrolment(text):
    assert total(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the people counted as a total with a copula: a review's pooled people, else enrolled
        ("Twelve trials met the criteria. The total number of participants in this review was 1,204.", (1204, "analysed")),
        ("The total number of enrolled women was 412, and most were nulliparous.", (412, "enrolled")),
        # a perfect passive of study before "in N people"
        ("Drug X has therefore been compared with placebo in 84 patients with chronic cough.", (84, "analysed")),
        ("Two doses have been evaluated in 150 adults with mild asthma.", (150, "analysed")),
    ],
)
def test_total_number_was_and_perfect_passive_in_people(text, expected):
    assert total(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The total number of patients in the intervention group was 45.",
        "The total number of participants required was 300 to detect a difference of 10%.",
        "The total number of patients per centre was 12 on average.",
        # a perfect passive of another study, in the background
        "A previous study has been conducted in 300 women with the same condition.",
    ],
)
def test_no_total_from_a_group_or_planned_total_number(text):
    assert total(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "One patient was treated with a chest tube for a pneumothorax.",
        "1 patient was enrolled before the trial was stopped.",
        "In one patient who needed ventilation, levels declined over five days.",
    ],
)
def test_a_count_of_one_is_no_total(text):
    assert total(text) is None


def test_a_count_of_one_leaves_the_real_total():
    text = "A total of 63 patients underwent biopsy. One patient was treated with a chest tube for a pneumothorax."
    assert total(text) == (63, "cohort")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # studies with two coordinated adjectives are no people; their included people the pooled total
        ("Seven randomized and non-randomized clinical trials were included, including 2210 adults with croup.", (2210, "analysed")),
        ("Four randomised or quasi-randomised controlled trials were included, involving 318 children.", (318, "analysed")),
        ("Nine prospective and retrospective cohort studies were identified, comprising 4,020 patients.", (4020, "analysed")),
    ],
)
def test_studies_with_coordinated_adjectives(text, expected):
    assert total(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a bare count randomised, then another clause: still people
        ("Eighty were randomized and 76 completed the study.", (80, "randomised")),
        ("Eighty were randomized and then treated with aspirin.", (80, "randomised")),
    ],
)
def test_coordinated_adjective_leaves_bare_randomised_counts(text, expected):
    assert total(text) == expected


def test_studies_with_coordinated_adjectives_alone_are_no_total():
    assert total("Six randomized and non-randomized clinical trials were included.") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the participants "consisted of / comprised of / were composed of" N people: enrolled
        ("The participants consisted of 64 stroke survivors who were chosen by convenience sampling.", (64, "enrolled")),
        ("Participants comprised of 95 older adults with hearing loss.", (95, "enrolled")),
        ("The study subjects were composed of 120 adolescents with acne.", (120, "enrolled")),
    ],
)
def test_participants_consisted_of(text, expected):
    assert total(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The participants consisted of 40 men and 35 women.",
        "The subjects consisted of 12 cell lines.",
    ],
)
def test_participants_consisted_of_no_total(text):
    assert total(text) is None


@pytest.mark.parametrize(
    "text",
    [
        # a count with its share after other counts with their shares: parts of the sample, no pool before
        "Most patients (210 [61%]) were men, and 190 patients (55%) received a statin.",
        "In all, 82 (40%) were smokers; 120 women (58%) received hormone therapy.",
    ],
)
def test_share_after_shares_is_no_total(text):
    assert total(text) is None


def test_share_after_a_pool_still_read():
    assert total("Of 300 women approached, 240 women (80%) agreed to participate and were randomized.") == (240, "randomised")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a randomised design's adjective allocates no group: the single "(n = N)" of the people is their total
        ("Using a randomized cross-over design, adult smokers (n = 26) who slept poorly were tested on two nights.", (26, "enrolled")),
        ("In a randomised, counterbalanced order, healthy volunteers (n = 18) completed both tasks.", (18, "enrolled")),
    ],
)
def test_randomised_design_single_n_is_no_arm(text, expected):
    assert total(text) == expected


def test_randomised_to_one_group_n_still_an_arm():
    assert arms("Patients were randomized to drug A (n = 30) or placebo.") == [30]


def test_participants_consisted_of_counted_groups_is_no_total():
    assert total("Subjects consisted of 14 students (first year), 6 residents and 3 attending surgeons.") is None


def test_pool_with_share_before_a_share_still_read():
    assert total("Three of 18 patients (17%) treated before 1990 survived, as did 9 patients (50%) treated later.") == (18, "treated")


# --------------------------------------------------------------------------- long white space (padded CSV cells)
# A run of n spaces inside one sentence made the count patterns backtrack n² times or worse ("(#_*)\s*(...)?\s+
# (?:people\s+)?received"): 20,000 characters took far longer than any CI run. Such a run now ends the sentence
# (sentences.MAX_GAP), so each case here takes milliseconds; the results and offsets are what matters.
# Timings by hand: benchmarks/extraction_pathological_bench.py.

_LONG_RUN = 20_000
_WHITE_SPACE = pytest.mark.parametrize("white", [" ", "\t", "\n", "\u00a0"], ids=["space", "tab", "newline", "nbsp"])


@_WHITE_SPACE
def test_a_long_run_between_count_and_people_word_splits_them(white):
    totals, per_arm = participant_counts(record("We enrolled 120" + white * _LONG_RUN + "patients."))
    assert totals == [] and per_arm == []


@_WHITE_SPACE
def test_a_long_run_before_the_count_leaves_no_verb_for_it(white):
    totals, per_arm = participant_counts(record("We enrolled" + white * _LONG_RUN + "120 patients."))
    assert totals == [] and per_arm == []


@_WHITE_SPACE
def test_a_long_run_after_were_randomised_keeps_the_total_and_its_offsets(white):
    rec = record("A total of 120 patients were randomised" + white * _LONG_RUN + "to everolimus or placebo.")
    totals, per_arm = participant_counts(rec)
    assert [(item.value, item.label, item.extractor, item.span.start, item.span.end) for item in totals] \
        == [(120, "randomised", "participants.a_total_of", 11, 14)]
    assert per_arm == []
    assert_span_points_at(rec, totals[0].span, "120")


@_WHITE_SPACE
def test_a_long_run_between_arms_and_after_the_sentence(white):
    head = "A total of 240 patients were randomised: 120 were assigned to everolimus and"
    split = record(head + white * _LONG_RUN + "120 were assigned to placebo.")
    totals, per_arm = participant_counts(split)
    assert [(item.value, item.label, item.span.start) for item in totals] == [(240, "randomised", 11)]
    assert per_arm == []  # one arm on each side of the run: no pair of arms in one sentence

    trailing = record(head + " 120 were assigned to placebo." + white * _LONG_RUN + "Median follow-up was 2 years.")
    totals, per_arm = participant_counts(trailing)
    assert study_total(totals, per_arm).value == 240
    assert [(item.value, item.span.start, item.span.end) for item in per_arm] == [(120, 41, 44), (120, 77, 80)]
    for item in per_arm:
        assert_span_points_at(trailing, item.span, "120")


@pytest.mark.parametrize(
    "text",
    [
        "Overall, 400 adults with sepsis will be randomized to receive drug A or drug B.",
        "In this protocol, 240 ICU patients with septic shock, needing vasopressors by clinical judgement, will be randomly allocated to A or B.",
        "About 90 women shall be enrolled at three centres.",
        "Some 300 children will undergo screening and vaccination in the second year.",
    ],
)
def test_a_count_whose_own_verb_is_future_is_a_plan_not_a_total(text):
    assert total(text) is None


@pytest.mark.parametrize(
    "text, expected",
    [
        ("A total of 120 patients were randomised and will be followed for five years.", (120, "randomised")),
        ("Overall, 120 patients who will undergo knee surgery were enrolled.", (120, "enrolled")),
        ("In total 120 patients (who will be followed for 2 years) were recruited.", (120, "enrolled")),
    ],
)
def test_a_future_verb_after_the_counts_own_verb_keeps_the_total(text, expected):
    assert total(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("A total of nine participants died: 4 in the exercise group versus 5 in the control group.", None),
        ("Twelve patients in the placebo arm died during follow-up.", None),
        ("We included eight trials with a total of 412 participants who had knee surgery. Overall, a total of 12 participants died.",
         (412, "analysed")),
        ("A total of 40 patients who died in hospital were studied.", (40, "enrolled")),
        ("We enrolled 300 patients, and 25 patients died before surgery.", (300, "enrolled")),
    ],
)
def test_a_count_whose_own_verb_is_died_counts_deaths_not_the_sample(text, expected):
    assert total(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Safety was evaluated in a programme of seven randomized, double-blind, placebo-controlled studies of older women"
         " who had osteoporosis.", None),
        ("We pooled five randomised, open-label trials in adults with gout.", None),
        ("A total of 300 were randomized across four trials.", (300, "randomised")),
        ("Overall, 620 randomised patients from 12 trials were analysed.", (620, "randomised")),
    ],
)
def test_a_count_of_studies_with_their_adjectives_is_not_a_total(text, expected):
    assert total(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("A total of 1400 participants in the intervention group were further randomized to receive a booster call.", None),
        ("We enrolled 600 patients. After induction, 210 responders were rerandomized to maintenance or observation.",
         (600, "enrolled")),
        ("A total of 600 patients were randomised to A or B, and responders were further randomised to maintenance.",
         (600, "randomised")),
    ],
)
def test_a_count_further_randomised_is_a_subset_not_the_randomised_total(text, expected):
    assert total(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("We identified 20 eligible randomized controlled trials that involved 2,400 elderly participants.", (2400, "analysed")),
        ("We found 12 trials which enrolled a total of 3,050 women with breast cancer.", (3050, "analysed")),
        ("Twelve trials that reported on 400 patients with sepsis were excluded.", None),
    ],
)
def test_the_studies_pooled_people_in_a_relative_clause(text, expected):
    assert total(text) == expected


# --------------------------------------------------------------------------- review mends (this session's rules)
@pytest.mark.parametrize("text", [
    "The total number of patients who died was 12.",
    "The total number of patients screened was 500.",
    "The total number of patients with grade 3 adverse events was 45.",
])
def test_total_number_of_a_part_of_the_sample_is_no_total(text):
    assert total(text) is None


def test_total_number_of_deaths_does_not_outrank_the_analysed_sample():
    assert total("Data from 300 patients were analysed. The total number of patients who died was 12.") == (300, "analysed")


@pytest.mark.parametrize("text, expected", [
    ("Patients were randomized in a double-blind manner to everolimus (n = 277) or placebo (139 patients).", [277, 139]),
    ("Patients were randomised in a double-blind fashion to receive A (n = 60) or B (n = 58).", [60, 58]),
])
def test_an_allocation_verb_with_its_adverbial_keeps_its_arms(text, expected):
    assert sorted(arms(text)) == sorted(expected)


@pytest.mark.parametrize("text", ["A total of 350 Organs were transplanted.", "A total of 120 Scans were read twice."])
def test_capitalised_things_ending_in_ans_are_no_people(text):
    assert total(text) is None


def test_a_capitalised_demonym_is_still_people():
    assert total("A total of 2,100 Koreans were enrolled.") == (2100, "enrolled")


# --------------------------------------------------------------------------- fresh18/19 round: an allocation not called random
@pytest.mark.parametrize("text, expected", [
    ("Between 2010 and 2015, 44 women with stage II cervical cancer were assigned to 4 cycles of induction therapy.", (44, "enrolled")),
    ("In this controlled study, 72 adults with eczema were assigned to receive either cream A (n = 36) or cream B (n = 36).", (72, "enrolled")),
    ("Ninety children were assigned to two exercise groups.", (90, "enrolled")),
    ("Sixty outpatients were assigned to one of three diets.", (60, "enrolled")),
    ("Forty volunteers were assigned to either fasting or feeding.", (40, "enrolled")),
])
def test_people_assigned_to_treatments_are_an_enrolled_total(text, expected):
    assert total(text) == expected


@pytest.mark.parametrize("text", [
    "Thirty patients were assigned to group A and 28 to group B.",
    "Twenty-two patients were assigned to the control group.",
    "Fifteen patients were assigned to the high-risk category.",
    "Twelve patients were assigned as controls.",
    "Thirty patients were assigned to receive drug A and 30 to receive placebo.",
])
def test_one_group_assigned_is_no_total(text):
    assert total(text) is None


# --------------------------------------------------------------------------- fresh19 round: a count glued to a bracket and letters
@pytest.mark.parametrize("text", [
    "We used data and plasma 25(OH)D values from adults who gave blood at baseline and were randomised to vitamin D.",
    "We used questionnaire data and serum 25(OH)D levels from women who provided a sample at entry and were randomized to placebo.",
])
def test_a_count_glued_to_a_bracket_and_letters_is_no_head_count(text):
    assert total(text) is None


def test_a_count_before_a_bracketed_aside_is_still_read():
    assert total("A total of 25 (OH-naive) participants were randomised to placebo.") == (25, "randomised")


# --------------------------------------------------------------------------- fresh20 round: parents are people
def test_parents_are_people():
    assert total("Forty parents were recruited.") == (40, "enrolled")


def test_parents_beside_children_are_two_groups():
    assert total("11 children and 12 parents were recruited for interviews.") is None


# --------------------------------------------------------------------------- fresh20 round: people past another subject's passive verb
@pytest.mark.parametrize("text", [
    "The expression of receptors (clone 42) in tumour tissue was studied in patients treated with drug A.",
    "A total of 1,020 transcripts were identified in stroke patients.",
    "More than 3000 proteins were identified in each of the donors.",
])
def test_people_past_another_subjects_passive_verb_are_not_the_counts(text):
    assert total(text) is None


@pytest.mark.parametrize("text, expected", [
    ("A convenience sample of 64 nurses was recruited and divided into men (n = 10) and women (n = 54).", (64, "enrolled")),
    ("Forty-two adults (mean age 61 years) with asthma were randomised.", (42, "randomised")),
])
def test_people_after_a_verb_that_takes_people_in_are_still_read(text, expected):
    assert total(text) == expected


# --------------------------------------------------------------------------- fresh20 round: a trial designed with its people
@pytest.mark.parametrize("text, expected", [
    ("A randomized placebo-controlled trial was designed with 34 women with chronic pelvic pain.", (34, "enrolled")),
    ("The crossover study was designed with 18 healthy volunteers.", (18, "enrolled")),
])
def test_a_study_designed_with_its_people_states_the_total(text, expected):
    assert total(text) == expected


def test_a_study_designed_to_do_something_in_people_is_no_total():
    assert total("The study was designed to enrol 300 patients with heart failure.") is None


# --------------------------------------------------------------------------- fresh20 round: a treatment protocol in the title is care
@pytest.mark.parametrize("title, expected", [
    ("A novel treatment protocol with 6 cycles of chemotherapy before surgery in ovarian cancer.", (230, "treated")),
    ("Outcomes of an accelerated rehabilitation protocol after knee replacement.", (230, "treated")),
    ("A treatment protocol for a randomised trial of chemotherapy.", None),
    ("Exercise training protocol: a randomised trial design.", None),
])
def test_a_treatment_protocol_title_names_care(title, expected):
    text = "Of 230 patients undergoing surgery, 150 received drug A and 80 received drug B."
    found = study_total(*participant_counts(record(text, title=title)))
    assert ((found.value, found.label) if found else None) == expected


# --------------------------------------------------------------------------- fresh20 round: we included <people> (n = N)
@pytest.mark.parametrize("text, expected", [
    ("We included older adults (>70y) with frailty (n=64) and randomized them to 8 weeks of training or usual care.", (64, "randomised")),
    ("We recruited adolescents with type 1 diabetes from a regional clinic (n = 120).", (120, "enrolled")),
    ("We enrolled women with gestational diabetes (n = 88; mean age 32 years).", (88, "enrolled")),
])
def test_we_enrolled_people_then_their_n_is_the_total(text, expected):
    assert total(text) == expected


@pytest.mark.parametrize("text", [
    "We enrolled patients and found that those with relapse (n = 40) had shorter survival.",
    "We included patients with and without relapse in a subgroup (n = 40).",
    "We would recruit adults with asthma (n = 40).",
])
def test_we_enrolled_people_with_a_clause_or_other_count_before_the_n_is_no_total(text):
    assert total(text) is None


# --------------------------------------------------------------------------- fresh20 round: there were N people (on their own)
@pytest.mark.parametrize("text, expected", [
    ("There were 620 participants: 300 in the first cohort and 320 in the second.", (620, "enrolled")),
    ("There were 52 women in the study.", (52, "enrolled")),
])
def test_there_were_people_stated_on_their_own_is_the_total(text, expected):
    assert total(text) == expected


@pytest.mark.parametrize("text", [
    "There were 12 patients with grade 3 toxicity.",
    "There were 45 women and 55 men.",
    "There were 64 boys.",
    "There were 14 males.",
    "There were 23 long-term survivors.",
    "There were 7 controls.",
    "There were 31 current smokers in the study.",
])
def test_there_were_people_with_a_trait_is_no_total(text):
    assert total(text) is None


@pytest.mark.parametrize("text, expected", [
    ("A total of 120 children were analysed. There were 64 boys.", 120),
    ("Data from 210 patients treated with A or B were analysed. There were 58 smokers.", 210),
    ("A total of 800 patients were assessed. There were 120 females.", 800),
])
def test_there_were_people_named_by_a_trait_leave_the_sample_total(text, expected):
    assert total(text)[0] == expected


@pytest.mark.parametrize("text, expected", [
    ("There were 85 smokers: 40 received varenicline and 45 placebo.", (85, "enrolled")),
    ("There were 300 cancer survivors: 150 were assigned to yoga and 150 to usual care.", (300, "enrolled")),
])
def test_there_were_people_named_by_a_trait_and_broken_down_after_a_colon_are_the_sample(text, expected):
    assert total(text) == expected


# --------------------------------------------------------------------------- fresh20 round: a recruitment going on
@pytest.mark.parametrize("text", [
    "Thirty schools are randomized; 640 pupils and their parents are being recruited.",
    "About 300 older adults with falls are currently being enrolled at four sites.",
])
def test_people_being_recruited_are_a_target_not_a_total(text):
    assert total(text) is None


def test_people_enrolled_and_being_followed_are_still_a_total():
    assert total("In total, 300 older adults were enrolled and are being followed for five years.") == (300, "enrolled")


# --------------------------------------------------------------------------- fresh20 round: animals named as patients
@pytest.mark.parametrize("text", [
    "A total of 48 critically ill canine patients were included in this trial.",
    "Thirty feline patients with kidney disease were randomised to diet A or B.",
])
def test_animal_patients_are_no_people(text):
    assert total(text) is None


def test_human_patients_are_still_people():
    assert total("A total of 48 critically ill paediatric patients were included in this trial.") == (48, "enrolled")


# --------------------------------------------------------------------------- fresh20 round: a participants heading run into the text
@pytest.mark.parametrize("text, expected", [
    ("Design Randomised controlled trial. Setting 12 general practices in Leeds Participants 842 adults aged 50-70 with hypertension "
     "Intervention Nurse-led coaching.", (842, "enrolled")),
    ("Setting Four hospitals Patients 215 women with early breast cancer Main outcome measures Survival.", (215, "enrolled")),
])
def test_a_participants_heading_run_into_the_text_states_the_total(text, expected):
    assert total(text) == expected


@pytest.mark.parametrize("text", [
    "Setting Four hospitals Participants 215 women and 180 men with asthma Main outcome measures Lung function.",
    "Participants 40 (35%) women had a relapse.",
])
def test_a_participants_heading_with_groups_or_a_share_is_no_total(text):
    assert total(text) is None


@pytest.mark.parametrize("text, expected", [
    ("Participants 6,000 women were invited; 1,089 women took part.", (1089, "enrolled")),
    ("Setting Screening units Participants 3,000 women invited to screening, of whom 1,089 took part.", (1089, "enrolled")),
    ("Participants 3,000 women were invited to screening, of whom 1,089 took part.", (1089, "enrolled")),
])
def test_a_participants_heading_keeps_its_clauses_own_verb(text, expected):
    assert total(text) == expected


@pytest.mark.parametrize("text", [
    "Setting 17 practices Participants 1089 women aged 40-74, of whom 540 received the intervention.",
    "Setting Two clinics Participants 1089 women with breast cancer, of whom 540 (50%) were given the leaflet.",
])
def test_a_participants_heading_broken_down_of_whom_is_still_the_total(text):
    assert total(text) == (1089, "enrolled")


@pytest.mark.parametrize("text", [
    "Of all Patients 65 women had stage III disease.",
    "Among the Patients 40 women had a relapse.",
])
def test_a_capitalised_people_noun_after_a_function_word_is_no_heading(text):
    assert total(text) is None


# --------------------------------------------------------------------------- fresh20 round: a sample selected
@pytest.mark.parametrize("text, expected", [
    ("In this clinical trial, 64 asthma patients who attended the clinic of a university hospital were selected.", (64, "enrolled")),
    ("Sixty women were selected randomly from three health centres.", (60, "enrolled")),
    ("Forty students were selected as study participants.", (40, "enrolled")),
])
def test_people_selected_for_the_study_are_an_enrolled_total(text, expected):
    assert total(text) == expected


@pytest.mark.parametrize("text", [
    "Twelve patients were selected for biopsy.",
    "A total of 40 tumours were selected.",
    "In this case-control study, 1,200 eligible controls were randomly selected from the population register.",
    "Two groups of 30 subjects with extreme profiles were selected from the cohort.",
    "Within each practice, 200 patients were randomly selected from the register.",
    "Among these, 14 were selected by intersection screening.",
])
def test_people_selected_for_a_procedure_things_controls_groups_or_a_bare_count_are_no_total(text):
    assert total(text) is None


@pytest.mark.parametrize("text, expected", [
    ("Data from 412 patients were analysed. For the pharmacokinetic substudy, 40 patients were selected randomly.", 412),
    ("Records of 900 patients were reviewed; 60 patients were selected by propensity score matching.", 900),
    ("A total of 350 women were treated. For the qualitative interviews, 20 women were purposively selected.", 350),
])
def test_people_selected_for_a_subsample_or_by_matching_are_no_total(text, expected):
    assert total(text)[0] == expected


def test_people_selected_by_matching_alone_are_no_total():
    assert total("60 patients were selected by propensity score matching.") is None


# --------------------------------------------------------------------------- fresh20 round: people offered something
def test_people_offered_a_choice_are_the_pool_invited():
    assert total("We offered 150 outpatients two different reminder procedures: letters or calls.") == (150, "screened")


def test_things_offered_to_people_are_no_total():
    assert total("We offered 3 sessions to patients with pain.") is None


# --------------------------------------------------------------------------- fresh20 round: tests run on the study's people
@pytest.mark.parametrize("text, expected", [
    ("The measurements were performed on 24 healthy adults with no history of back pain.", (24, "enrolled")),
    ("Experiments were conducted on twelve trained cyclists.", (12, "enrolled")),
])
def test_tests_run_on_people_state_the_total(text, expected):
    assert total(text) == expected


@pytest.mark.parametrize("text", [
    "Additional tests were performed in 12 patients with recurrent symptoms.",
    "Surgery was performed on 12 patients with residual disease.",
    "In vivo experiments were performed on seven healthy newborn piglets.",
])
def test_tests_in_a_subset_or_a_procedure_on_people_are_no_total(text):
    assert total(text) is None


@pytest.mark.parametrize("text, expected", [
    ("Data from 412 patients were analysed. Pharmacokinetic measurements were performed on 24 patients.", 412),
    ("Data from 412 patients were analysed. Additional tests were performed on 30 patients.", 412),
    ("Data from 300 women were analysed. Biopsy measurements were done on 40 women.", 300),
])
def test_qualified_measurements_on_people_are_a_subset_not_the_total(text, expected):
    assert total(text)[0] == expected


def test_qualified_measurements_on_people_alone_are_no_total():
    assert total("Pharmacokinetic measurements were performed on 24 patients.") is None


# --------------------------------------------------------------------------- fresh20 round: a model's round cohort
@pytest.mark.parametrize("text", [
    "In a cohort of 100,000 men followed for 20 years, we projected 4,210 fractures under strategy A.",
    "For 10 000 women screened every two years, we predicted 35 deaths averted.",
])
def test_a_round_cohort_whose_fate_we_projected_is_a_model_not_a_total(text):
    assert total(text) is None


@pytest.mark.parametrize("text, expected", [
    ("In a cohort of 1,046 women, we estimated the risk of recurrence.", (1046, "cohort")),
    ("A total of 1000 patients were randomised, and we estimated the hazard of death.", (1000, "randomised")),
])
def test_a_real_cohort_or_a_randomised_round_total_is_still_read(text, expected):
    assert total(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Data from 1,000 patients were analysed, and we estimated the sensitivity of the test.", 1000),
    ("Records of 10000 patients were reviewed; we estimated the incidence of falls.", 10000),
    ("The charts of 1000 children were reviewed and we estimated the rate of dosing errors.", 1000),
])
def test_a_round_count_analysed_or_reviewed_before_we_estimated_is_still_read(text, expected):
    assert total(text)[0] == expected


# --------------------------------------------------------------------------- fresh20 round: a review's things, then its people
@pytest.mark.parametrize("text, expected", [
    ("Overall, 40 RCTs consisting of 25 interventions and 2817 participants were included.", (2817, "analysed")),
    ("Twelve trials with 30 treatments and 2,100 patients were analysed.", (2100, "analysed")),
])
def test_a_reviews_people_after_a_count_of_its_things_are_the_pooled_total(text, expected):
    assert total(text) == expected


def test_a_count_of_things_in_one_study_then_people_is_no_pooled_total():
    assert total("The registry with 30 centres and 2,100 patients was described.") is None


# --------------------------------------------------------------------------- fresh20 round: trials cited, not counted
@pytest.mark.parametrize("text", [
    "The drug was shown to be safe in randomized controlled trials, which included 12,400 participants from five countries.",
    "Efficacy was established in phase 3 studies that enrolled 3,000 adults.",
])
def test_people_of_uncounted_trials_in_a_relative_clause_are_cited_evidence(text):
    assert total(text) is None


@pytest.mark.parametrize("text, expected", [
    ("Twelve trials, which included 2,000 patients, were analysed.", (2000, "analysed")),
    ("We conducted a randomized trial, which included 120 patients.", (120, "enrolled")),
])
def test_people_of_counted_trials_or_of_this_trial_are_still_read(text, expected):
    assert total(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("This secondary analysis used data from the CHAMPION trials, which enrolled 25,000 patients.", 25000),
    ("We analysed the ATLAS and aTTom trials, which randomised 17,000 women.", 17000),
    ("We used data from placebo-controlled trials that enrolled 1,450 adults.", 1450),
])
def test_people_of_named_or_pooled_trials_this_study_used_are_read(text, expected):
    assert total(text)[0] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We conducted semi-structured interviews with nine emergency physicians working at four sites.", (9, "enrolled")),
        ("Clinicians (n = 18) with experience of treating people who self-harm were recruited from public hospitals.", (18, "enrolled")),
        ("A total of 263 nurses agreed to participate in the study.", (263, "enrolled")),
        # (an occupation, not a demonym, and people all the same when they are the ones studied)
        ("Physicians (n = 25) were recruited from hospitals.", (25, "enrolled")),
        ("The survey was completed by 1139 eyecare professionals from 51 countries.", (1139, "analysed")),
        ("Fifteen physicians agreed to participate in the interviews.", (15, "enrolled")),
        ("Twelve nurses recruited from two hospitals took part in the focus groups.", (12, "enrolled")),
        ("Of the 164 physicians surveyed, 35 reported burnout.", (164, "enrolled")),
    ],
)
def test_professionals_studied_are_the_total(text, expected):
    assert total(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the professionals who treated or observed the counted people are not the sample, nor a second group
        ("919 patients underwent hernia repair across 57 hospitals and 279 surgeons.", (919, "cohort")),
        ("A cohort of 42 midwives collected these data from 1500 pregnant women.", (1500, "analysed")),
        ("We enrolled 300 patients treated by 25 surgeons.", (300, "enrolled")),
        # their own people after a relative clause stay theirs
        ("Semi-structured interviews were conducted with 12 nurses who work with homeless people.", (12, "enrolled")),
        # a singular used as an adjective, a name
        ("Three physician reviewers independently evaluated each case.", None),
        ("A 5-year analysis of the American College of Surgeons registry was performed.", None),
        ("Eight therapists scored the walk test.", None),
        # staff doing the study's work
        ("Two radiology physicians independently reviewed all images.", None),
        ("Three nurses delivered the education sessions to the wards.", None),
    ],
)
def test_professionals_beside_their_patients_or_in_names_are_no_total(text, expected):
    assert total(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a review's two populations pooled apart: no total stated (their sum is not one)
        ("Eleven studies with 1769 stroke survivors and 1578 family caregivers were identified.", None),
        ("Nine trials involving 820 patients and 640 caregivers were included.", None),
        # one population, or the other people not counted, is still the pooled total
        ("Eleven studies with 1769 stroke survivors were identified.", (1769, "analysed")),
        ("Twelve trials involving 2,310 patients and their caregivers were included.", (2310, "analysed")),
        ("We included 15 studies and 1,200 patients.", (1200, "analysed")),
    ],
)
def test_a_reviews_two_populations_pooled_apart_are_no_total(text, expected):
    assert total(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a count of the parts of a randomised design, the participle its adjective, counts no people
        ("The task was completed under one of three randomized conditions: A, B and C.", None),
        ("Each participant completed four randomised sessions in a crossover design.", None),
        # a bare count randomised is still people
        ("Forty were randomized in two blocks.", (40, "randomised")),
        ("Sixty were randomized, and 58 completed the study.", (60, "randomised")),
    ],
)
def test_randomised_conditions_and_sessions_are_no_people(text, expected):
    assert total(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a randomised trial named with its sample after "with", as after "of / on / in"
        ("This study tested a secondary endpoint of a randomized, controlled, unblinded clinical trial with 212 children "
         "with malnutrition.", (212, "randomised")),
        ("This was a randomised controlled trial with 120 adults with asthma.", (120, "randomised")),
        # not its follow-up, its arms, nor other trials
        ("We conducted a randomized trial with 12 months of follow-up.", None),
        ("Earlier randomized trials with 300 patients showed benefit.", None),
    ],
)
def test_a_randomised_trial_with_its_people(text, expected):
    assert total(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the review's or study's own workers taking part in its work are no participants
        ("Four independent reviewers participated in data extraction and evaluation.", None),
        ("Two authors took part in study selection.", None),
        # people, or a bare count, taking part still are
        ("Forty-two volunteers participated in the trial.", (42, "enrolled")),
        ("Twelve participated in the interviews.", (12, "enrolled")),
    ],
)
def test_reviewers_taking_part_in_the_review_are_no_total(text, expected):
    assert total(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a typical count per unit ("a median / mean of N") is no sample
        ("A mean of 12 patients were enrolled per site.", None),
        ("A median of 4 (range 1-7) bariatric surgeons were identified per centre.", None),
        # the total beside it is still read
        ("A total of 120 patients were enrolled, a median of 4 per site.", (120, "enrolled")),
    ],
)
def test_a_median_or_mean_count_is_no_total(text, expected):
    assert total(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # people named, not counted, before the professionals' count: the professionals serve them (review round 20, 1)
        ("Patients registered with 40 GPs were randomised.", None),
        ("Patients attending 35 GPs were randomised.", None),
        ("Patients under the care of 30 physicians were randomly allocated.", None),
        ("Women attending 12 midwives were enrolled.", None),
        ("Children treated by 15 dentists were included.", None),
        # across sentences the people's own count beats the professionals'
        ("Patients attending 35 GPs were randomised. In total, 412 patients were enrolled.", (412, "enrolled")),
        ("Thirty-two GPs were recruited to the trial. Data on 412 patients were analysed.", (412, "analysed")),
        ("Twenty nurses were recruited. A total of 250 women were enrolled.", (250, "enrolled")),
        # professionals studied on their own stay the total
        ("Thirty-two GPs were recruited to the trial.", (32, "enrolled")),
        ("A total of 40 GPs agreed to participate; their views on patients were explored.", (40, "enrolled")),
    ],
)
def test_professionals_after_their_named_patients_are_no_total(text, expected):
    assert total(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an "(n = N)" of professionals who act on the people is no total (review round 20, finding 2)
        ("Patients were operated on by surgeons (n = 12) at two centres.", None),
        ("Women were counselled by trained midwives (n = 9) in three clinics.", None),
        ("Children seen by dentists (n = 14) were screened for caries.", None),
        # the professionals studied with their own "(n = N)" stay the total
        ("Physicians (n = 25) were recruited from hospitals.", (25, "enrolled")),
        ("Surveys were completed by nurses (n = 140) working in intensive care.", (140, "enrolled")),
    ],
)
def test_professionals_n_equals_acting_on_the_people_is_no_total(text, expected):
    assert total(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an analysis population's "(n = N)" ranks by what it holds: the ITT above the evaluable part (fresh23)
        ("In the evaluable population (n = 70), there were no differences between groups. In the intent-to-treat "
         "population (n = 92), adverse events were similar.", (92, "itt")),
        ("The per-protocol population (n = 180) had a response rate of 41%. The intention-to-treat population (n = 212) "
         "was analysed for safety.", (212, "itt")),
        ("In the safety population (n = 140), headache was the most common event. In the per-protocol population (n = 120), "
         "response rates were similar.", (140, "treated")),
        # a population named by nothing of the kind stays enrolled
        ("In the study population (n = 120), adverse events were mild.", (120, "enrolled")),
        ("In the per-protocol population (n = 81), the response rate was 40%.", (81, "analysed")),
    ],
)
def test_an_analysis_population_n_equals_takes_its_kind(text, expected):
    assert total(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # one group's size is no total: "N people each", "groups of N" (fresh23)
        ("A double-blind, randomised, parallel study in three groups consisting of 18 patients each was conducted.", None),
        ("Three groups of 20 patients each were randomised to A, B or C.", None),
        ("Sixty patients were divided into two groups of 30.", (60, "enrolled")),
        # each person doing something: the whole
        ("Twenty volunteers each received three doses of caffeine in random order.", (20, "treated")),
        # a group added to one already named is a part of the study
        ("Fourteen individuals were placed on pergolide. Another 14 patients received placebo and then were randomized.", None),
        ("Forty patients were randomised. A further 12 patients were enrolled in an open extension.", (40, "randomised")),
        ("Forty patients were randomised; 12 patients were also enrolled in an open extension.", (40, "randomised")),
        ("Seventy-five patients with EP admitted from January 2018 to February 2019 were selected as the research group, and "
         "another 59 healthy pregnant women were enrolled in the control group.", None),
        # groups held with the people are no group size
        ("Interviews and focus groups with 39 participants were held.", (39, "enrolled")),
    ],
)
def test_one_groups_size_or_another_group_is_no_total(text, expected):
    assert total(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A randomised, parallel study in three groups consisting of 18 patients each suffering from rhinitis was conducted.", [18]),
        ("Twenty volunteers each received three doses of caffeine in random order.", []),
        ("Virologic failure occurred in no patients in arm A and in 2 patients each in arms B and C.", []),
        ("Neonatal encephalopathy affects as many as 100,000 infants each year in China.", []),
        ("Sixty children were randomly allocated into two groups of 30 each: group D received A, and group M received B.", [30]),
        ("Patients were randomized into three groups of 25 each who received A, B or placebo.", [25]),
        ("Patients were randomized to A or B (n = 20 each group).", [20]),
        ("One patient each was diagnosed with syncope, neuropathy and tachycardia.", []),
        ("Twelve ducks from each system (6 males and females each) were used for carcass analyses.", []),
    ],
)
def test_a_group_size_with_its_people_before_each_is_an_arm(text, expected):
    assert arms(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # sections joined by ".;" with their labels lost: a participants section's "(n = N)" is its own sentence, not
        # one of the arms' "(n = N)" of the next section (fresh23)
        ("To examine the effects of A and B on motor activity.; Randomized, double-blind, placebo-controlled study.; "
         "Healthy volunteers (n = 30).; Subjects received one dose of A (n = 9), B (n = 10) or placebo (n = 10).; "
         "Activity was recorded.", (30, "enrolled")),
        # a participants section qualified by an adjective after "with": still verbless
        ("To compare two doses of A with placebo.; Randomized, double-blind, parallel trial.; 25 medical centers.; 173 "
         "patients with documented healing of erosive esophagitis after 8 weeks of therapy.; A, 15 mg or 30 mg, or "
         "placebo once daily.", (173, "enrolled")),
        ("To compare two doses of A with placebo.; Randomized, double-blind, parallel trial.; 120 patients with confirmed "
         "asthma were treated with A.; A, 15 mg or 30 mg, or placebo once daily.", (120, "treated")),
        # people described at length before their verb
        ("Twenty-one patients (mean [+/-SD] age, 14.0 +/- 2.3 years) with onset of DSM-III-R-defined schizophrenia that "
         "began by age 12 years and who had been nonresponsive to at least two typical neuroleptic drugs given at adequate "
         "doses participated in the study.", (21, "enrolled")),
    ],
)
def test_sections_joined_without_labels_read_each_on_its_own(text, expected):
    assert total(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("To examine the effects of A on activity.; Randomized, double-blind study.; Healthy volunteers (n = 30).; "
         "Subjects received one dose of A (n = 9), B (n = 10) or placebo (n = 10).; Activity was recorded.", [9, 10, 10]),
        ("Subjects received A (n = 9), B (n = 10) or placebo (n = 10).", [9, 10, 10]),
    ],
)
def test_a_lone_n_equals_of_a_joined_section_is_no_arm(text, expected):
    assert arms(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A group of 45 healthy volunteers was enrolled.", (45, "enrolled")),
        ("Each group of 30 patients received a different dose.", None),
    ],
)
def test_a_group_of_people_is_the_whole_but_each_group_is_one(text, expected):
    assert total(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the part of a pool invited that took part, the verb of invitation before the people (fresh23)
        ("Between October 2018 and January 2019, 298 of 384 approached, eligible women (77.6%) consented to participate.",
         (298, "enrolled")),
        ("Overall, 85 of 120 invited mothers agreed to take part.", (85, "enrolled")),
        # a part of a pool screened with an outcome: no one took part
        ("Overall, 45 of 60 screened patients had the mutation.", (60, "screened")),
    ],
)
def test_the_part_of_a_pool_invited_that_took_part(text, expected):
    assert total(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a fraction before the pool's verb: the denominator is the pool (fresh23)
        ("Of the 362/371 recruited patients who were evaluated in the first phase, 73% were responders.", (371, "enrolled")),
        ("Among the 88/92 randomized patients who completed the study, 40% improved.", (92, "randomised")),
        # not a pool named by another verb
        ("Of the 12/40 treated patients, 3 died.", None),
    ],
)
def test_a_fraction_before_the_pools_verb_sizes_the_pool(text, expected):
    assert total(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the authors' procedure done in their people (fresh23)
        ("We have performed laparoscopic Nissen fundoplications (LNF) in 677 patients. Of these patients, 81% have "
         "undergone follow-up.", (677, "treated")),
        ("We performed endoscopic ultrasound in 120 consecutive patients with pancreatic masses.", (120, "treated")),
        # not with other people counted beside them
        ("We performed thoracoscopic sympathectomy on 45 patients with hyperhidrosis and 12 controls.", None),
        ("We performed next generation sequencing on 870 patients with Dravet syndrome.", None),
    ],
)
def test_a_procedure_we_performed_in_people(text, expected):
    assert total(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the studies' noun left out after the pool of studies they were taken from (fresh23)
        ("Out of 76 eligible clinical trials, 53 (12 not yet published) involving 24089 patients met the criteria for "
         "inclusion.", (24089, "analysed")),
        ("Of 120 studies screened, 15 involving 2,300 patients were included.", (2300, "analysed")),
        # people, not studies: the pool of people, then the part taken
        ("Of 30 patients, 12 with diabetes were included.", (12, "enrolled")),
    ],
)
def test_studies_taken_from_a_pool_of_studies_pool_their_people(text, expected):
    assert total(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "a randomized trial" names the trial, it randomises no one; people offered a treatment are a pool (fresh23)
        ("Twelve patients previously participating in a randomized trial of A were offered to switch to A maintenance "
         "therapy. Eight patients were switched to A maintenance therapy, seven of whom were assessed.", (8, "treated")),
        ("Forty patients in a randomized, double-blind crossover study were offered an extension.", (40, "screened")),
        ("Forty patients were randomized in a double-blind manner.", (40, "randomised")),
        ("Forty patients participated in a randomized, double-blind crossover study.", (40, "randomised")),
    ],
)
def test_a_randomized_trial_named_is_no_randomisation(text, expected):
    assert total(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a duration before the follow-up completed (fresh23)
        ("Eighty-five subjects (30 in the A group, 25 in the B group, and 30 in the C group) completed the 12-month "
         "follow-up.", (85, "analysed")),
        ("Forty patients completed the entire study.", (40, "analysed")),
        ("Ninety patients were randomised and 85 completed the 12-month follow-up.", (90, "randomised")),
    ],
)
def test_people_who_completed_a_follow_up_of_some_length(text, expected):
    assert total(text) == expected


def full_total(text: str):
    found = study_total(*participant_counts(record(text)))
    return (found.value, found.label) if found else None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # people qualified before their N opening a section among sections joined by ".;", whatever their verb (fresh23)
        ("This open-label randomized study compared two switching methods.; Inpatients and outpatients with schizophrenia "
         "(N = 108) currently treated with typical antipsychotics were switched to olanzapine for 6 weeks.", (108, "treated")),
        # not opening a section: a subgroup with its outcome
        ("Patients with CNS metastases (n = 101) received more radiotherapy.", None),
        # the count the per-arm counts add up to is the whole allocated (fresh23)
        ("Fifty-three patients with reflux symptoms were recruited to undergo pH testing. Thirty patients with more than "
         "four episodes of reflux were enrolled. By random assignment, 15 patients received omeprazole and the other 15 "
         "received placebo.", (30, "enrolled")),
        ("Fifty-three patients with reflux symptoms were recruited to undergo pH testing. Thirty patients with more than "
         "four episodes of reflux were enrolled. By random assignment, 14 patients received omeprazole and the other 14 "
         "received placebo.", (53, "enrolled")),
        # an analysed subset the arms of its analysis add up to stays below the enrolled
        ("A total of 322 patients were enrolled in the primary trial; 151 subjects had a low score and were included in "
         "the secondary analysis (n=77 for A and n=74 for B).", (322, "enrolled")),
        # a breakdown in its own sentence is no allocation of the count it adds up to
        ("A total of 86 patients were included. Tumours were staged as T3 in 45% of all patients (n = 39), without "
         "invasion in 31% (n = 27), and with invasion in 14% of patients (n = 12).", (86, "enrolled")),
        # an analysed subset the groups of its analysis add up to stays second to the cohort first stated
        ("A total of 2,549 consecutive patients underwent TAVI. After exclusions, 1,558 cases were analysed. Three groups "
         "were defined: SEC (n=89), LAAT (n=53), and reference (n=1,416).", (2549, "cohort")),
    ],
)
def test_a_joined_section_opening_and_the_total_of_the_arms(text, expected):
    assert full_total(text) == expected


def total_with_arms(text: str):
    found = study_total(*participant_counts(record(text)))
    return (found.value, found.label) if found else None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a procedure we performed in some of the people already counted: a subgroup's, never the whole (review 21)
        ("We retrospectively analysed 300 patients with metastatic breast cancer. We performed liver resection in 45 patients.",
         (300, "analysed")),
        ("We reviewed the records of 250 patients with breast cancer liver metastases. We performed core needle biopsy in 80 "
         "patients to assess receptor conversion.", (250, "analysed")),
        ("We identified 1050 women with metastatic breast cancer from the registry. We performed FDG-PET/CT in 120 patients "
         "at baseline.", (1050, "cohort")),
        # an analysis method is no procedure done in people
        ("We identified 1050 women with metastatic breast cancer from the registry. We performed propensity score matching "
         "in 400 patients.", (1050, "cohort")),
        ("We performed multivariable logistic regression in 512 patients.", None),
        # the procedure stated first, the people then described: still their total
        ("We performed hepatic resection in 120 patients. Of these, 45 patients had bilobar disease.", (120, "treated")),
    ],
)
def test_a_procedure_in_part_of_the_people_counted_is_not_the_total(text, expected):
    assert total(text) == expected


@pytest.mark.parametrize(
    ("text", "expected_total", "expected_arms"),
    [
        # each person of the sample doing or having something: the whole, no group's size (review 21)
        ("Twenty-four healthy volunteers each with normal renal function were enrolled in this crossover study.",
         (24, "enrolled"), []),
        ("Eighteen healthy male volunteers each receiving three single doses of X in random order were enrolled.",
         (18, "enrolled"), []),
        ("Sixteen healthy volunteers each in the fed and fasted state received 500 mg of X.", (16, "treated"), []),
        ("Twelve women each with two prior lines of chemotherapy were treated with X.", (12, "treated"), []),
        # a group's size stays one group's: "each" closing the phrase, a group named before or after
        ("Patients were randomized into three groups of 25 patients each who received A, B or placebo.", None, [25]),
        ("Thirty patients each in the A and B groups completed the study.", None, [30]),
    ],
)
def test_each_person_with_or_receiving_is_the_whole(text, expected_total, expected_arms):
    assert total(text) == expected_total
    assert arms(text) == expected_arms


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the ".;" after a dosing abbreviation ("b.i.d.;", "t.i.d.;") is a list's semicolon, no join of sections (review 21)
        ("Patients were randomized to A (n = 12), 5 mg b.i.d.; B (n = 11), 10 mg b.i.d.; or C (n = 13), 20 mg t.i.d.",
         [12, 11, 13]),
        ("Patients were randomly assigned to A (n = 40), 50 mg t.i.d.; or B (n = 38), 100 mg q.i.d.", [40, 38]),
    ],
)
def test_a_dosing_abbreviation_before_a_semicolon_keeps_the_arm_list(text, expected):
    assert arms(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # people qualified before their N opening a later section, after the study's people were counted: a subgroup
        # (review 21)
        ("The effects of X on gastric emptying were studied in 24 healthy volunteers.; Subjects were randomized to A or B.; "
         "Patients with delayed emptying (n = 8) received metoclopramide.; Emptying was measured.", (24, "analysed")),
        ("Forty patients were evaluated.; Patients with liver metastases (n = 12) received a reduced dose.; Toxicity was mild.",
         (40, "analysed")),
        ("Single-dose pharmacokinetics of X.; Twenty patients were evaluated.; Patients with hepatic impairment (n = 8).; "
         "Clearance was halved.", (20, "analysed")),
    ],
)
def test_qualified_people_after_the_counted_sample_are_a_subgroup(text, expected):
    assert total(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the arms of a substudy add up to its count, not the trial's: the trial's total stays the whole (review 21)
        ("A total of 620 patients were enrolled in the trial. The pharmacogenomic substudy enrolled 180 patients. In the "
         "substudy, 92 patients received A and 88 received placebo.", (620, "enrolled")),
        ("A total of 400 women were enrolled. A subset of 120 women were enrolled in the imaging sub-study. Of these, 60 "
         "patients received A and 60 received B.", (400, "enrolled")),
    ],
)
def test_a_substudy_the_arms_add_up_to_is_not_the_whole(text, expected):
    assert total_with_arms(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a randomised part of the study the people entered: randomised, not the name of another trial (review 21)
        ("A total of 300 patients were enrolled. 256 patients were enrolled in the randomized portion and received A or B.",
         (256, "randomised")),
        ("One hundred patients with advanced breast cancer entered the randomized phase and received A or B.",
         (100, "randomised")),
        # a trial so named stays a name
        ("Twelve patients previously participating in a randomized, double-blind trial were offered to switch.", (12, "screened")),
    ],
)
def test_a_randomised_part_entered_is_randomised(text, expected):
    assert total(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a genus abbreviated to its initial before the people is no sentence end (round 22)
        ("Eighty-four H. pylori-positive adults were randomized to receive triple therapy or placebo.", (84, "randomised")),
        ("In this multicentre study 210 H. pylori-infected outpatients were randomly assigned to A or B.", (210, "randomised")),
        ("Sixty H. pylori-negative volunteers were enrolled.", (60, "enrolled")),
        # people named as non-smokers, and a spelling of migraineurs (round 22)
        ("Twenty healthy male nonsmokers were randomized to A or placebo.", (20, "randomised")),
        ("This crossover study evaluated the efficacy of drug A in 140 migraneurs.", (140, "enrolled")),
        # not people: strains of a species, a sentence that ends at an initial
        ("Forty H. pylori strains were cultured.", None),
        ("Overall, 310 E. coli isolates from patients with sepsis were examined for resistance.", None),
        # a count taken out of a pool named by its noun is a part of it (round 22)
        ("Twelve studies with a combined population of 4120 patients met the criteria. From this population, 910 patients "
         "were treated with ventilation.", (4120, "analysed")),
        # a threshold is no count of people (round 22)
        ("All randomized trials comparing two or more of these drugs in patients with asthma were analyzed.", None),
        ("Patients with 3 or more prior regimens were excluded. A total of 96 patients were enrolled.", (96, "enrolled")),
    ],
)
def test_genus_initials_non_smokers_and_thresholds(text, expected):
    assert total(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # groups stated apart, no total stated: each after the same preposition, named by their treatment or group word, or
        # a comma list of people qualified each its own way (round 22)
        ("Drug X was examined in 14 patients with rhinitis and in nine patients with chronic cough using a randomised "
         "crossover method.", None),
        ("Altogether, 310 drug-treated and 296 placebo-treated patients were evaluable.", None),
        ("In the second part, 22 early group and 18 late group patients were studied.", None),
        ("This was a randomized study of 41 patients undergoing cataract surgery, 37 patients undergoing vitrectomy, and 29 "
         "patients undergoing trabeculectomy.", None),
        # one sample, its parts after it, or a later time: still the total
        ("The study included 76 patients, 38 patients with A and 38 patients with B.", (76, "enrolled")),
        ("A total of 120 patients were enrolled, 60 patients received A, and 60 received B.", (120, "enrolled")),
        ("Drug A was tested in 40 patients with asthma and in 3 months showed efficacy.", (40, "analysed")),
        ("Of 612 respondents, 140 were parents of teenagers, and 472 had younger children.", (612, "enrolled")),
    ],
)
def test_groups_stated_apart_have_no_total(text, expected):
    assert total(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "(n N)", its "=" left out, and a qualifier between commas before the verb (round 22)
        ("Adults attending for colonoscopy (n 240), on daily aspirin, were randomized to A or placebo. Ninety patients "
         "completed the study.", (240, "randomised")),
        # people qualified before their N who received the compared treatments: the trial's people (round 22)
        ("Adults with chronic insomnia (n = 318) received drug A, 5 or 10 mg, or placebo for 6 weeks.", (318, "treated")),
        ("Children with asthma (n = 96) received either inhaled A or oral B.", (96, "treated")),
        # not a subgroup given one regimen
        ("Forty patients were evaluated. Patients with liver metastases (n = 12) received a reduced dose.", (40, "analysed")),
        # people described by sex, the two counts adding up to theirs (round 22)
        ("Skin testing was performed with increasing doses of histamine in 14 volunteers (nine men, five women, aged 20-41 "
         "years).", (14, "cohort")),
        ("In a crossover study, thirty healthy adults (15 males and 15 females) took single doses of A.", (30, "cohort")),
        ("Rash occurred in 7 patients (4 men and 3 women).", None),
        ("Seven patients (4 men and 3 women) had relapses.", None),
        ("Headache was seen in 9 patients (4 men and 3 women).", None),
        ("Three groups were studied. The first group consisted of 30 patients (12 men and 18 women) with hip pain.", None),
        # an allocation to treatment with the drugs compared (round 22)
        ("In a double-blind trial, 180 patients with dyspepsia who had been admitted to the ward were assigned to "
         "treatment with drug A or placebo for 4 weeks.", (180, "enrolled")),
        # the data's subject named first, then its people (round 22)
        ("Information on any outcome was available for six oral drugs and two nasal sprays in 12,840 patients.",
         (12840, "analysed")),
        # a pilot study the sentence says we ran is this study (round 22)
        ("We therefore gave oral drug A, an agonist of 5-HT1D receptors, in a double-blind, randomized, crossover pilot "
         "study of 9 patients with facial pain.", (9, "randomised")),
        ("In a previous randomized pilot study of 20 patients, we found benefit.", None),
        ("We used drug A because a randomized pilot study of 20 patients showed benefit.", None),
    ],
)
def test_round_22_qualified_samples_described_and_allocated(text, expected):
    assert total(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a randomised design named as an assessment of what it tested, its people at the end (round 22)
        ("This was a 12-week randomized, double-blind, placebo-controlled assessment of the efficacy and tolerability of "
         "20 mg drug A taken each evening after initial healing in 362 patients with reflux disease.", (362, "enrolled")),
        ("A randomized comparison of A and B in children showed that A was better in 40 patients with fever.", None),
        # a sentence or ".;" section opening with the approval the study was run under, then its people (round 22)
        ("Drug A is widely used.; After institutional approval, 34 children, aged 2-10 years, who were scheduled for "
         "hernia repair, had a caudal block placed under anaesthesia. Patients were then randomized to two groups.",
         (34, "cohort")),
        ("After ethics committee approval and written informed consent, 60 patients were randomly allocated to A or B.",
         (60, "randomised")),
        ("After approval, 3 patients per centre will be enrolled.", None),
    ],
)
def test_round_22_designs_assessed_in_people_and_approval_openings(text, expected):
    assert total(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # (7) the intention-to-treat population of a single-arm study does not outrank its enrolled total (review 22)
        ("A total of 64 patients were enrolled in this single-arm phase II study. The intention-to-treat population (n = 61) "
         "had a response rate of 40%.", (64, "enrolled")),
        ("We enrolled 200 patients. In the intention-to-treat population (n = 180), A was better than B.", (180, "itt")),
        # (8) a lone analysis "(n = N)" in a ".;" section is those analysed, not an enrolled total (review 22)
        ("Patients were treated with X.; The primary analysis (n = 150) showed a response rate of 40%.; X is active.",
         (150, "analysed")),
        ("Patients were treated with X.; The primary analysis (n = 150) showed a response rate of 40%.; Overall, 90 patients "
         "were treated with X and Y.", (90, "treated")),
        # (9) a treatment offered is given, not an invitation (review 22)
        ("Overall, 120 patients with advanced NSCLC were offered first-line chemotherapy.", (120, "cohort")),
        ("In a cohort study, we analyzed 180 patients; 90 patients refused surgery and were offered drug treatment (n = 40) "
         "or radiotherapy (n = 50), and 90 patients underwent surgery.", (180, "analysed")),
        ("Twelve patients were offered to switch to drug B.", (12, "screened")),
        ("Forty women were offered participation in the trial.", (40, "screened")),
    ],
)
def test_review_22_itt_of_a_single_arm_study_a_lone_analysis_and_treatment_offered(text, expected):
    assert total(text) == expected


@pytest.mark.parametrize(
    ("text", "expected_total", "expected_arms"),
    [
        # analysis populations named by who is in them, each with its N: totals by kind, never arms (round 22)
        ("Analyses used (1) both evaluable patients (n = 1210) and all randomized patients (n = 1342); (2) all studies.",
         (1342, "randomised"), []),
        ("Patients received A (n = 40) or B (n = 38).", None, [40, 38]),
    ],
)
def test_analysis_populations_with_their_n_are_totals_not_arms(text, expected_total, expected_arms):
    totals, arm_items = participant_counts(record(text))
    found = study_total(totals, arm_items)
    assert ((found.value, found.label) if found else None) == expected_total
    assert [item.value for item in arm_items] == expected_arms


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # review 22, finding 14: a count out of a pool named by its noun, its people named, then a verb of inclusion
        ("We screened 1200 outpatients with asthma. From this population, 240 patients were randomized to A or placebo.",
         (240, "randomised")),
        ("From the sample, 88 women were randomized to exercise or control.", (88, "randomised")),
        ("We identified 5000 adults in a registry cohort. From this cohort, 300 adults were randomly selected and randomized "
         "to A or B.", (300, "randomised")),
        ("From this group, 52 subjects were enrolled and randomised.", (52, "randomised")),
        ("Among them, 64 children were enrolled in the trial.", (64, "enrolled")),
        ("Of these, 40 S. aureus carriers were randomized to mupirocin or placebo.", (40, "randomised")),
        # (still a part, not a total: another verb, or people qualified before the verb)
        ("From this population, 5800 patients were treated with X.", None),
        ("Of these, 438 patients treated curatively were included.", None),
        ("From this cohort, 300 patients developed asthma.", None),
        ("Of these, 40 women were randomized to A, and 38 women were assigned to B.", None),
        ("Of these, 12 children were randomised to the exercise group.", None),
        ("A total of 900 patients were included in the analysis. Of these, 500 patients were included in group 1, 250 in "
         "group 2, and 150 in group 3.", (900, "analysed")),
        ("Of these, 31 patients (14%) were eligible for trial A and 45 (20%) for trial B.", None),
        # finding 15: a total followed by its own breakdown into qualified people
        ("The study included 120 patients, 40 patients with A, 40 patients with B, and 40 patients with C.", (120, "enrolled")),
        ("The trial enrolled 150 patients, 50 patients with mild, 50 patients with moderate and 50 patients with severe "
         "disease.", (150, "enrolled")),
        ("We enrolled 90 women, 30 women with type 1 diabetes, 30 women with gestational diabetes, and 30 women without "
         "diabetes.", (90, "enrolled")),
        # (people qualified before the people word are still a list of groups)
        ("Plasma samples from 30 ALS patients, 12 stroke patients, and 25 healthy subjects were screened for antibodies.", None),
        ("The study enrolled 50 CF children, 40 cases with asthma, and 60 healthy children.", None),
        # finding 16: after bare people, a smaller count of the same people qualified after them is a part of the first
        ("Efficacy was analysed in 200 patients and in 180 patients per protocol.", (200, "analysed")),
        ("Pharmacokinetics were studied in 48 patients and in 12 patients after a second dose.", (48, "analysed")),
        ("Drug X was examined in 40 volunteers and in 30 volunteers with asthma.", (40, "analysed")),
        ("Drug X was examined in 14 patients and in nine controls.", None),
        # finding 17: a pilot study we ran before this one
        ("We previously evaluated drug A in a randomized pilot study of 18 patients. In the present study, data from 64 "
         "patients were analysed.", (64, "analysed")),
        ("We previously tested drug A in a randomized pilot study of 18 patients with good results.", (18, "analysed")),
        ("We recently compared A and B in a randomized pilot study of 24 adults. Here, 90 adults were enrolled.",
         (90, "enrolled")),
        ("We therefore tested drug A in a randomized, double-blind pilot study of 18 patients.", (18, "randomised")),
        # finding 18: people qualified before their N, given the treatments compared, after a larger total: a subgroup
        ("A total of 120 patients were analysed. Patients with early disease (n = 45) received either A or B according to "
         "physician choice.", (120, "analysed")),
        ("Data of 200 children were analysed. Children with fever (n = 80) received either paracetamol or ibuprofen.",
         (200, "analysed")),
        ("Subjects with narcolepsy (n = 283) received modafinil, 200 or 400 mg, or placebo.", (283, "treated")),
        # finding 19: other people joined between commas after the N
        ("Patients with asthma (n = 40), and healthy controls, were enrolled.", None),
        ("Women with pre-eclampsia (n = 52), together with normotensive women, were recruited.", None),
        ("Patients with X (n 100), on long-term PPIs, were randomized.", (100, "randomised")),
        # finding 21: a design named as the subject, a result verb of its own after its people: another trial
        ("A randomized, placebo-controlled trial of drug A in 1200 patients with heart failure reduced mortality by 30%. In "
         "this study, 64 patients were enrolled and treated with A.", (64, "enrolled")),
        ("A large double-blind trial of B in 3000 women showed fewer fractures. We enrolled 80 women.", (80, "enrolled")),
        ("A randomized, placebo-controlled trial of drug A in 120 patients with heart failure was conducted.", (120, "enrolled")),
        ("A randomized, double-blind comparison of A and B in 240 patients with asthma.", (240, "enrolled")),
    ],
)
def test_review_22_misfires_mended(text, expected):
    assert total(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # round 23: people words of older trial reports ("sufferers", "parturients"), "were prescribed" (treated), an
        # allocation to alternatives not called random ("assigned to 10 or 20 mg of A or placebo"), and "to a treatment
        # arm" (any arm of the trial, not one named group)
        ("Forty healthy parturients requesting epidural analgesia were randomized to receive A or B.", (40, "randomised")),
        ("Drug A was given for 6 weeks in twelve sufferers of chronic migraine in a randomized crossover design.",
         (12, "randomised")),
        ("Twenty-four elderly patients with insomnia were prescribed zolpidem for 4 weeks.", (24, "treated")),
        ("In this 1-year trial, 320 men and women were assigned to 5 or 10 mg of drug A or placebo.", (320, "enrolled")),
        ("150 adults with gout were assigned to drug A or matching placebo.", (150, "enrolled")),
        ("Eighty patients were randomized to a treatment group, of which 75 completed the study.", (80, "randomised")),
        ("Ninety children were randomised to a study arm.", (90, "randomised")),
        # (still not: one group named, or a group assigned no alternatives)
        ("Forty patients were randomised to the exercise group.", None),
        ("Twelve patients were randomized to an exercise arm and 12 to a control arm.", None),
        ("The 30 women were assigned to the morning clinic.", None),
    ],
)
def test_round_23_people_words_and_allocations(text, expected):
    assert total(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # round 23: no total from one of the studies an abstract reports apart ("In a second similar study involving nine
        # patients"), a group's own N ("group A (n = 19)"), the denominator of an event fraction ("eradicated the
        # infection in 43 of 53 patients (81%)") or the people of one comparison after its estimate's interval ("OR 0.91
        # (95% CI 0.69-1.21) in a total of 1085 patients")
        ("In a second similar study involving eleven different volunteers, drug C was compared with drug D.", None),
        ("In another trial including 30 women, A was compared with B.", None),
        ("In the later part of the study group B (n = 14) received drug C for 2 weeks.", None),
        ("By per-protocol analysis, regimen A cured the infection in 38 of 45 patients (84%).", None),
        ("Six trials were pooled. Response was similar for A and B, odds ratio 0.85 (95% CI 0.61-1.19) in a total of 940 "
         "patients, and for A and C, odds ratio 1.02 (95% CI 0.70-1.49) in 610 patients.", None),
        # (still totals: the first study, a trial's own N, a study of its people, a total then an estimate)
        ("A trial involving 40 patients compared A and B.", (40, "enrolled")),
        ("This randomized trial (n = 120) compared A and B.", (120, "enrolled")),
        ("In this study of 80 patients, A was compared with B.", (80, "analysed")),
        ("A total of 300 patients were randomized; the odds ratio was 0.8 (95% CI 0.6-1.1).", (300, "randomised")),
    ],
)
def test_round_23_other_studies_groups_fractions_and_comparisons(text, expected):
    assert total(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # round 23: a count of people its sentence's arm sizes add up to, whatever its verb; a trial's participle past
        # what it compared ("a trial comparing 20 mg A and 30 mg B, involving 60 patients"); this study's verb of
        # comparison, what it compared at length, then "in" its people; not a part of one labelled group
        ("In a double-blind study in 12 centres, 90 adults with gout had their flares resolved after either A (flare-free "
         "rate 40%, n = 44) or B (flare-free rate 61%, n = 46).", (90, "treated")),
        ("We conducted a randomized trial comparing two doses of drug A, including 120 adults with asthma.", (120, "enrolled")),
        ("This double-blind randomized study compared the sedation, oxygen saturation and pharmacokinetics of an infusion "
         "of A 50 micrograms/h and a mixture of A 20 micrograms/h plus B 0.2 micrograms.kg-1.h-1 in 36 adults after "
         "spinal surgery.", (36, "enrolled")),
        ("In 600 patients with cirrhosis, liver function was evaluated. Of those, 300 patients treated curatively were "
         "divided into the high (n = 200) and low (n = 100) groups.", (600, "analysed")),
        ("There were 302 cases (218 homicides and 84 suicides).", None),
        ("Nine patients had a confirmed infection (four in group A, five in group B).", None),
        # a verbless participants section below a later sentence's enrolled count names those analysed
        ("Randomised, double blind, controlled study.; 84 patients with duodenal ulcer.; 120 patients were enrolled. "
         "Twenty withdrew, leaving 84 patients for analysis.", (120, "enrolled")),
        ("Randomised, double blind, controlled study.; 84 patients with duodenal ulcer.; Healing was assessed at 8 weeks.",
         (84, "enrolled")),
        # (not: arms that add up to no count, people compared, one labelled group's part)
        ("Overall, 90 adults with gout had flares after either A (n = 40) or B (n = 45).", None),
        ("We conducted a trial comparing A in children, involving 30 parents.", None),
        ("From group B only 8 patients participated in a second course of drug C.", None),
        ("In group 2, 40 patients were treated with B.", None),
    ],
)
def test_round_23_arms_adding_up_and_studies_comparing(text, expected):
    assert total(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # review 23 (aa0aa7b): an allocation to alternatives is what they were assigned to, no reason between; a
        # treatment group qualified is one group; doses as alternatives ("assigned to 10 or 20 mg")
        ("Nine patients were assigned to open-label drug B after relapse on drug A or placebo.", None),
        ("Fifteen children were assigned to rescue medication because of worsening on drug A or placebo.", None),
        ("Of 240 patients enrolled, 118 were randomly assigned to a treatment group receiving drug A.", (240, "enrolled")),
        ("Of 90 women recruited, 44 were randomized to a treatment arm with drug A.", (90, "enrolled")),
        ("In this 8-week trial, 96 adults were assigned to 25 or 50 mg of drug A.", (96, "enrolled")),
    ],
)
def test_review_23_allocations_mended(text, expected):
    assert total(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # review 23 (446ece9): the people allocated after an estimate are the sample; "to further study" is a verb; the
        # later study reported here is this one; a second study refused by every rule that reads a study's people
        ("Drug A lowered the risk of death (HR 0.81; 95% CI 0.70-0.94) in 2,600 randomized patients with heart failure.",
         (2600, "randomised")),
        ("To further study the dose we designed a trial involving 84 volunteers.", (84, "enrolled")),
        ("The subsequent double-blind study enrolling 64 patients is described here.", (64, "enrolled")),
        ("In a second randomized trial involving 31 patients, the benefit was not seen.", None),
        ("A third randomised study of 48 patients gave similar results.", None),
        # (still: one comparison's people after its estimate; a later study not said to be this one)
        ("The odds of relapse were lower (OR 0.70, 95% CI 0.52-0.94) in a total of 812 patients with X.", None),
        ("In a second similar study involving 22 patients, the effect was confirmed.", None),
        ("In the second study period, 40 patients were randomized to A or B.", (40, "randomised")),
    ],
)
def test_review_23_other_studies_mended(text, expected):
    assert total(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # review 23 (ed2856b): people of an event split by arm are no total; "placebo" alone names no allocation; "including"
        # people past a threshold after a comparison is a part; the sum only of the groups the arm reader keeps
        ("In this double-blind trial, 30 patients had a relapse (A, n = 12; B, n = 18).", None),
        ("Twenty-one patients died in the randomized trial (A, n = 9; B, n = 12).", None),
        ("In this randomised study, thirty patients withdrew early (A, n = 14; B, n = 16).", None),
        ("52 patients were cured with drug A or placebo (A, n = 30; placebo, n = 22).", None),
        ("This randomized trial compared A with B, including 38 patients older than 80 years.", None),
        ("A randomised study comparing A and B, including 27 women aged over 70 years.", None),
        ("In this double-blind trial, 40 patients responded to treatment (A, n = 15/20; placebo, n = 25/30).", None),
        # (still: people allocated, the groups adding up)
        ("88 patients were cured following either randomly allocated A (n = 45) or B (n = 43).", (88, "randomised")),
    ],
)
def test_review_23_arm_sums_and_parts_mended(text, expected):
    assert total(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # round 24 (fresh27 misses): drivers and members of the public as people; values the people gave as data; our
        # study's participle past a comma; the intention-to-treat name alone with its bracketed n
        ("Thirty licensed drivers with insomnia were randomized to A or placebo.", (30, "randomised")),
        ("Preference ratings were obtained from 80 members of the public.", (80, "analysed")),
        ("Utility estimates were collected from 52 patients with gout.", (52, "analysed")),
        ("We conducted a multicentre open randomized trial, including 64 patients, with chronic urticaria.", (64, "enrolled")),
        ("Cure rates (intention to treat [n = 120]/per protocol [n = 110]) were 80% and 88%.", (120, "itt")),
        # (not: what drivers or members are of; a study past a comma not ours)
        ("We identified 12 drivers of cost in the trial.", None),
        ("The care was given by 313 staff members.", None),
        ("Outcomes were recorded in the registry, including 92 patients with relapse.", None),
    ],
)
def test_round_24_people_words_data_and_participles(text, expected):
    assert total(text) == expected


@pytest.mark.parametrize(
    ("text", "expected_total", "expected_arms"),
    [
        # round 24 (fresh27 false totals): an adverb before the allocation of a gapped pair ("20 were then randomised to A
        # and 23 to B": arms); the denominator of an event fraction in a share's bracket; the second of two counts sharing
        # one people noun after adjectives
        ("All patients received drug C; 30 were then randomised to receive A and 32 to receive B.", None, [30, 32]),
        ("Relapse occurred in 8.5% (5 of 59) of drug-treated patients and in 20% (12 of 60) of patients treated with placebo.",
         None, []),
        ("Eight elderly depressed and 11 young depressed women were studied in a double-blind crossover trial.", None, []),
        # (still: an ITT name with its people is one total, not an arm)
        ("Analyses used the intention-to-treat patients (n = 92).", (92, "itt"), []),
    ],
)
def test_round_24_arms_fractions_and_shared_nouns(text, expected_total, expected_arms):
    assert total(text) == expected_total
    assert arms(text) == expected_arms


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # round 25 (fresh28 false totals): the first bound of an age range in digits, its unit left to the second; the last
        # of a list of labels after one label word
        ("A randomized open trial in 8- to 12-year-old children compared A with B.", None),
        ("Data from a randomized trial in 3- and 4-year-old children suggest that A shortens the stay.", None),
        ("At days 7, 14, and 28, patients treated with A had lower scores than patients treated with placebo.", None),
        ("At weeks 3, 6, and 9, patients treated with A were more improved than were patients treated with B.", None),
                # (still: a count of children after their ages, and a count after a list of times with their unit)
        ("A total of 140 children aged 8 to 12 years were randomized to A or B.", (140, "randomised")),
        ("After 2, 3 and 4 weeks, 64 patients were assessed.", (64, "analysed")),
        ("At week 12, 45 patients were assessed.", (45, "analysed")),
        ("Of the 80 randomized patients, 41 were assigned to group 1 and 39 to group 2.", (80, "randomised")),
    ],
)
def test_round_25_age_bounds_and_label_lists(text, expected):
    assert total(text) == expected


def test_round_25_a_gapped_pair_to_numbered_groups_keeps_its_arms():
    # (the last number of "group 1 and" is no label when a count of its own goes on: "... to group 1 and 39 to group 2")
    assert arms("Of the 80 randomized patients, 41 were assigned to group 1 and 39 to group 2.") == [41, 39]


@pytest.mark.parametrize(
    ("text", "expected_total", "expected_arms"),
    [
        # round 25 (fresh28 misses): a bracket's head describing the people before their N (an abbreviation, ages); a few
        # qualifiers between commas before the verb; the intention-to-treat name right before its n, no bracket of its own
        ("Adults with chronic obstructive pulmonary disease (COPD, n = 120) were randomized to A or B.", (120, "randomised"), []),
        ("Women (45-70 years old; n = 88) with osteoporosis were enrolled in this open study.", (88, "enrolled"), []),
        ("Children with asthma (n = 150), all severities, aged 6 to 12 years, were randomized to A or B.", (150, "randomised"), []),
        ("Patients with ulcers entered a randomized double-blind study (intention-to-treat n = 180, age range 20-80 years).",
         (180, "itt"), []),
        # (not: a group's name or a treatment before the N; other people between the commas)
        ("Patients with asthma (group A; n = 19) were randomized to B.", None, []),
        ("Patients were randomized to A (placebo; n = 30) or B (n = 31).", None, [30, 31]),
        ("Patients with asthma (n = 40), smokers, and healthy controls, were enrolled.", None, []),
    ],
)
def test_round_25_bracket_heads_qualifiers_and_itt_n(text, expected_total, expected_arms):
    assert total(text) == expected_total
    assert arms(text) == expected_arms


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # round 25 (fresh28 / fresh27 misses): a procedure performed in people, in the passive; the people a sentence opens
        # with, what the study did in them in the passive after the comma; those completing the study, analysed
        ("Epidural analgesia with 0.25% bupivacaine was performed in 48 patients undergoing hip surgery.", (48, "treated")),
        ("In 30 patients, two consecutive migraine attacks were treated with A and B in random order.", (30, "treated")),
        ("In 22 volunteers, gastric emptying was measured after each meal.", (22, "analysed")),
        ("In twelve subjects completing the study, heart rate did not differ between the two doses.", (12, "analysed")),
        # (not: a study or an analysis performed in people, here read by other rules; an event after the comma)
        ("In 12 patients, the dose was reduced because of nausea.", None),
        ("Surgery was performed in 12 patients (20%).", None),
        ("A previous trial was performed in 80 patients with asthma.", None),
    ],
)
def test_round_25_performed_in_and_in_people_openings(text, expected):
    assert total(text) == expected


def test_round_25_a_share_before_the_n_is_no_describing_head():
    # (a share of the people before their N is a subset: "(62%, n = 410)"; a share of women describes the whole)
    assert total("More treated patients (62%, n = 410) had low vitamin D levels than controls.") is None
    assert total("Adults (55% women; n = 88) were enrolled in the open study.") == (88, "enrolled")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # round 25 (fresh28 false totals): a lower bound is no number of people; the first of two groups sharing one
        # treatment verb, the second's verb left out
        ("The study compared the three treatment groups in which over 200 patients were included.", None),
        ("More than 3000 patients were enrolled in the trials reviewed.", None),
        ("Eighty-two patients received drug A and 79 drug B.", None),
        ("Forty patients were treated with lansoprazole and 38 with placebo.", None),
        # (still: a count after its events; the second count with its own verb)
        ("Forty patients received drug A and 12 discontinued it because of nausea.", (40, "treated")),
        ("Forty patients received drug A and 12 of them developed a rash.", (40, "treated")),
        ("About 1500 patients were enrolled.", (1500, "enrolled")),
    ],
)
def test_round_25_lower_bounds_and_gapped_treatment_pairs(text, expected):
    assert total(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # round 25 (fresh28 wrong total): people counted per unit of the design, one unit's size
        ("Placebo was given to two of eight subjects at each dose level in a randomized fashion.", None),
        ("Six healthy volunteers per panel were randomized to A or placebo.", None),
        # (still: the whole before them; the per-protocol people)
        ("Sixteen volunteers were studied with eight subjects per panel.", (16, "enrolled")),
        ("A total of 120 patients per protocol were analysed.", (120, "analysed")),
    ],
)
def test_round_25_people_per_unit_of_the_design(text, expected):
    assert total(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # round 25 (fresh28 miss): the N of trials whose data were analysed or pooled, the pooled people
        ("Scores collected in 4 controlled, randomized clinical trials (N = 2,900) were analyzed.", (2900, "analysed")),
        ("Questionnaires collected in two open, multicentre trials (n = 640) were pooled.", (640, "analysed")),
        # (not: trials that showed something, with no analysis of ours)
        ("Previous trials (N = 5000) showed a benefit.", None),
    ],
)
def test_round_25_pooled_trials_n(text, expected):
    assert total(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # review 24 (e834480): family and household members are people; drivers only as people who drive; tumour responses
        # and scores "in" people are events, values given "from" people data; our own study's comma participle keeps its
        # people past a threshold
        ("A total of 52 family members of ICU patients were randomised.", (52, "randomised")),
        ("We enrolled 120 family members of patients admitted to the intensive care unit.", (120, "enrolled")),
        ("We surveyed 120 family members of deceased patients.", (120, "analysed")),
        ("Forty household members of children with asthma were enrolled.", (40, "enrolled")),
        ("Thematic analysis identified 14 drivers, grouped into three domains.", None),
        ("The survey found 9 drivers, mostly financial.", None),
        ("A total of 120 drivers were randomised to A or B.", (120, "randomised")),
        ("We studied 40 truck drivers with sleep apnoea.", (40, "analysed")),
        ("Complete responses were obtained in 12 patients and partial responses in 9.", None),
        ("Objective responses were recorded in 23 patients, including 4 complete responses.", None),
        ("Patients with refractory myeloma received daratumumab. Responses were obtained in 18 patients (overall response "
         "rate 36%).", None),
        ("Pain scores improved similarly in both arms, and serious adverse events were recorded in 12 patients.", None),
        ("Quality-of-life scores were collected from 1,000 patients enrolled in the trial.", (1000, "enrolled")),
        ("Questionnaire responses were obtained from 200 patients enrolled in the study.", (200, "enrolled")),
        ("We conducted a prospective randomised trial, including 120 patients older than 65 years, to compare A with B.",
         (120, "enrolled")),
        # (still: staff members; drivers of something; a part past a comparison's comma; values given from people)
        ("The care was given by 313 staff members.", None),
        ("We identified 12 drivers of cost in the trial.", None),
        ("This randomized trial compared A with B, including 38 patients older than 80 years.", None),
        ("Preference ratings were obtained from 80 members of the public.", (80, "analysed")),
    ],
)
def test_review_24_people_words_values_and_participles_mended(text, expected):
    assert total(text) == expected


@pytest.mark.parametrize(
    ("text", "expected_total", "expected_arms"),
    [
        # review 24 (e834480): the intention-to-treat name alone is each arm's when it recurs, one group's after a group named
        ("Patients were randomised to drug A (intention to treat [n = 74]) or placebo (intention to treat [n = 72]).",
         None, [74, 72]),
        ("In the A group, intention to treat (n = 40) and per protocol (n = 35) analyses showed similar results.", None, []),
        ("In group B, intention to treat (n = 38) and per protocol (n = 33) analyses agreed.", None, []),
        # (still: the study's one ITT population, also after a design's "parallel-group")
        ("Cure rates (intention to treat [n = 120]/per protocol [n = 110]) were 80% and 88%.", (120, "itt"), []),
        ("Adults with asthma entered a randomized, double-blind, parallel-group study (intention-to-treat n = 150, age range "
         "18-70 years).", (150, "itt"), []),
    ],
)
def test_review_24_itt_name_of_arms_or_one_group(text, expected_total, expected_arms):
    assert total(text) == expected_total
    assert arms(text) == expected_arms


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # review 24 (010d710): a time or relative clause describing what people were assigned to keeps the alternatives; a
        # treatment group qualified and then another group or "either" is no single group; the second trial we ran is
        # ours; a subgroup's people allocated after an estimate; "had undergone randomization" no event
        ("Sixty patients were assigned to dexamethasone before induction of anaesthesia or placebo.", (60, "enrolled")),
        ("Eighty women were assigned to tranexamic acid after delivery or placebo.", (80, "enrolled")),
        ("Ninety children were assigned to oral ondansetron when vomiting began or placebo.", (90, "enrolled")),
        ("Forty patients were assigned to an antibiotic that covers anaerobes or placebo.", (40, "enrolled")),
        ("Eighty patients were randomly allocated to a treatment group with acupuncture or a waiting-list control group.",
         (80, "randomised")),
        ("One hundred patients were randomised to a therapy arm of weekly paclitaxel or a control arm of observation.",
         (100, "randomised")),
        ("Ninety patients were randomly assigned to a treatment group given either A or B.", (90, "randomised")),
        ("Because the first trial was underpowered, we conducted a second randomized trial in 240 patients.", (240, "randomised")),
        ("We performed a second randomized controlled trial involving 120 patients to confirm these findings.", (120, "enrolled")),
        ("A total of 5,000 patients were enrolled. In the diabetic subgroup, the hazard ratio was 0.81 (95% CI 0.65-1.01) in "
         "1,850 randomized patients.", (5000, "enrolled")),
        ("Eighty-eight patients had undergone randomization (A, n = 44; placebo, n = 44).", (88, "treated")),
        # (still: a treatment before the alternatives, a reason; one group qualified; another's second study; an event)
        ("Nine patients were assigned to open-label drug B after relapse on drug A or placebo.", None),
        ("Twelve patients were assigned to drug C when they relapsed while taking drug A or placebo.", None),
        ("Of 90 women recruited, 44 were randomized to a treatment arm with drug A.", (90, "enrolled")),
        ("Investigators conducted a second randomized trial in 240 patients.", None),
        ("In a second randomized trial involving 31 patients, the benefit was not seen.", None),
        ("Drug A lowered the risk of death (HR 0.81; 95% CI 0.70-0.94) in 2,600 randomized patients with heart failure.",
         (2600, "randomised")),
        ("In this randomised trial, 30 patients had been admitted twice (A, n = 12; B, n = 18).", None),
        ("In this double-blind trial, 30 patients had a relapse (A, n = 12; B, n = 18).", None),
    ],
)
def test_review_24_allocations_studies_estimates_and_events_mended(text, expected):
    assert total(text) == expected


def test_review_24_shared_noun_adjectives_are_no_times():
    # (a time or frequency in -y / -ar is no adjective of people sharing a noun)
    from mbc_sr.extract.participants import _SHARED_NOUN_ADJECTIVES

    assert _SHARED_NOUN_ADJECTIVES.fullmatch(" year") is None
    assert _SHARED_NOUN_ADJECTIVES.fullmatch(" daily") is None
    assert _SHARED_NOUN_ADJECTIVES.fullmatch(" elderly depressed") is not None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # round 25's passive "performed in N people undergoing" (820bffc): a complication's or a repeat procedure is done in
        # some of them, no sample
        ("Reoperation was performed in 9 patients undergoing valve replacement.", None),
        ("Conversion to open surgery was performed in 6 patients undergoing laparoscopy.", None),
        ("Unplanned reintubation was performed in 4 patients undergoing cardiac surgery.", None),
        # (still: the study's procedure in those undergoing the operation)
        ("Epidural analgesia with 0.25% bupivacaine was performed in 48 patients undergoing hip surgery.", (48, "treated")),
        ("Transversus abdominis plane block was performed in 60 women undergoing caesarean section.", (60, "treated")),
    ],
)
def test_review_round_25_performed_in_complications(text, expected):
    assert total(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # round 26: a count allocated "to each group" is each group's size, not the whole; the whole before it keeps its verb
        ("Eighty outpatients entered the study, with 40 patients randomly assigned to each treatment arm.", (80, "enrolled")),
        ("Sixty-four volunteers were recruited and 32 volunteers were randomised to each group.", (64, "enrolled")),
        ("A total of 90 women were enrolled; 30 were randomly allocated into each of the three study groups.", (90, "enrolled")),
        ("Twenty-two children were randomized to each arm.", None),
        # (not: each person given each treatment, the whole; nor a named group)
        ("Forty volunteers were randomized to receive each of the two vaccines in random order.", (40, "randomised")),
        ("Seventy patients were randomised to two groups.", (70, "randomised")),
        ("Fifty patients were recruited, 25 patients were randomized to the drug group.", (50, "enrolled")),
    ],
)
def test_round_26_randomised_to_each_group(text, expected):
    assert total(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # round 26: people qualified before their N by up to five words and by a relative clause ("who / that" and its verb)
        ("Recently admitted severely ill elderly inpatients with pneumonia (n = 212) were randomly assigned to A or B.", (212, "randomised")),
        ("Women who gained more than 5 kg during pregnancy (n = 96) were randomized to diet advice or usual care.", (96, "randomised")),
        ("Children that had wheezed during a cold (n = 58) were randomised to budesonide or placebo.", (58, "randomised")),
        # (not: the relative clause's people with an event as their main verb, a subgroup)
        ("Patients who relapsed after surgery (n = 20) had shorter survival.", None),
        ("Patients that had a rash with drug A (n = 14) developed fever.", None),
        # (nor a verb or a preposition among the words before the people: samples taken from them, a reference group)
        ("Serum samples were collected from patients before and after surgery (n=45).", None),
        ("The control population consisted of women with normal pregnancies (n=150).", None),
    ],
)
def test_round_26_qualified_people_n_randomised(text, expected):
    assert total(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # round 26: "was measured / assessed ... in N people" with a long bracket of times or doses between, read as one
        ("Forearm blood flow was measured by plethysmography for 12 h [at baseline and at 0.5, 1, 2, 4, 6, 8 and 12 h after an "
         "oral dose of drug A (10 mg), drug B (20 mg) or placebo] in 16 healthy men.", (16, "analysed")),
        ("Plasma glucose was assessed over six hours [fasting, then every 30 minutes after a standard breakfast of bread, "
         "butter and jam, with either the new sweetener or sucrose] in 22 adults with type 2 diabetes.", (22, "analysed")),
        # (not: a measurement only planned)
        ("Forearm blood flow would be measured [at baseline and at 0.5, 1, 2, 4, 6, 8 and 12 h after an oral dose of drug A "
         "(10 mg), drug B (20 mg) or placebo] in 16 healthy men.", None),
    ],
)
def test_round_26_measured_with_bracket_in_people(text, expected):
    assert total(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # round 26: a review's studies "were evaluated / reviewed / assessed", their people after ("enrolling", "(n = N)")
        ("Fourteen randomized trials were reviewed, enrolling 2817 patients.", (2817, "analysed")),
        ("Nine placebo-controlled studies were assessed, comprising 1,204 women.", (1204, "analysed")),
        # (not: each study's size, nor a part of the studies)
        ("Sixteen trials were evaluated, each with fewer than 50 patients.", None),
        ("Sixteen trials were evaluated, including 3 with 40 patients.", None),
    ],
)
def test_round_26_review_studies_evaluated_enrolling(text, expected):
    assert total(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # round 26: a count glued by a dash to the verb before it opens a clause of its own ("were screened-82 were randomized")
        ("Ninety women were screened-64 were randomly assigned to A or B.", (64, "randomised")),
        ("A total of 150 children were assessed-120 (70 boys, 50 girls) were randomized to zinc or placebo.", (120, "randomised")),
        # (not: a dash in a name or a range)
        ("Seventy-two patients with COVID-19 were randomized.", (72, "randomised")),
        ("Forty patients aged 18-65 years were enrolled.", (40, "enrolled")),
    ],
)
def test_round_26_count_glued_by_a_dash(text, expected):
    assert total(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # round 26: people who "underwent screening" (for eligibility) are those screened, below any later count
        ("A total of 250 adults underwent screening; data of 180 adults were analysed.", (180, "analysed")),
        ("In all, 96 women underwent eligibility screening; 64 women were evaluated.", (64, "analysed")),
        ("A total of 300 adults underwent screening for eligibility.", (300, "screened")),
        # (not: a screening test the study is about, nor a screening for a disease)
        ("Forty women underwent screening colonoscopy.", (40, "cohort")),
        ("A total of 1,200 smokers underwent screening for lung cancer.", (1200, "cohort")),
    ],
)
def test_round_26_underwent_screening(text, expected):
    assert total(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # round 26: in a crossover each treatment's N is the whole sample, so a total equal to it stays
        ("Thirty healthy men were enrolled. Drug A with either placebo (n = 30) or drug B (n = 30) was given for 7 days; "
         "after a washout, participants crossed over to the other regimen.", (30, "enrolled")),
        # (not: parallel groups, where a total equal to one group's N is that group)
        ("Thirty healthy men were enrolled. Drug A (n = 30) or drug B (n = 30) was given for 7 days.", None),
    ],
)
def test_round_26_crossover_total_equal_to_each_treatment(text, expected):
    found = study_total(*participant_counts(record(text)))  # (the per-arm counts given)
    assert ((found.value, found.label) if found else None) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # round 26 mend: a crossover design keeps a total equal to each treatment's N
        ("In a randomized crossover trial, 18 adults were enrolled and took drug A (n = 18) and placebo (n = 18) in random order.",
         (18, "enrolled")),
        ("Twenty volunteers were enrolled. Drug A (n = 20) or placebo (n = 20) was given first; after a washout, volunteers "
         "crossed over to the alternative treatment.", (20, "enrolled")),
        # (not: a parallel trial with crossover at progression or after a time: the total equal to one arm is that arm)
        ("Patients were randomized to drug A (n = 75) or placebo (n = 75), with crossover to open-label drug A permitted at "
         "progression. Seventy-five patients were enrolled in Europe.", None),
        ("Patients were randomized to drug B (n = 55) or placebo (n = 55); placebo patients crossed over to drug B at week 12. "
         "A total of 55 patients were evaluable for the primary endpoint.", None),
        ("Women were assigned to drug C (n = 33) or usual care (n = 33), and those on usual care crossed over to drug C after "
         "6 months. Thirty-three women were enrolled at the first site.", None),
        # (not: the n's of sequence groups, halves of a crossover's people)
        ("In this crossover trial, patients were randomized to sequence AB (n = 16) or BA (n = 16). Sixteen patients completed "
         "both periods.", None),
        ("In a crossover design, children were assigned to the drug-first sequence (n = 14) or the placebo-first sequence "
         "(n = 14). Fourteen children completed the study.", None),
    ],
)
def test_round_26_crossover_total_only_in_a_crossover_design(text, expected):
    found = study_total(*participant_counts(record(text)))
    assert ((found.value, found.label) if found else None) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # round 26 mend: beside a count given "to each group", a smaller count is a part (a run-in) and no whole
        ("The first 12 women were enrolled in a single-blind lead-in phase, and 50 women were randomized to each group.", None),
        # (a pool smaller than two such groups makes the count the whole randomised)
        ("Of 300 patients screened, 180 patients were randomized to each group in a 1:1 ratio.", (180, "randomised")),
        # (still: a whole stated before the groups keeps its verb)
        ("In all, 120 patients were recruited, with 60 patients randomized to each group.", (120, "enrolled")),
    ],
)
def test_round_26_each_group_beside_another_count(text, expected):
    assert total(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # round 26 mend: people who refused or were ineligible, in a side cohort, are no sample
        ("Women who declined randomization (n = 38) were enrolled in a parallel observational cohort.", None),
        ("Patients who were not eligible for chemotherapy (n = 19) were enrolled in the observational arm.", None),
        ("Children that were ineligible for treatment (n = 27) were enrolled in a registry arm.", None),
        # (still: people qualified by a relative clause of what they had)
        ("Patients who gained weight on drug A (n = 31) were randomized to drug B or placebo.", (31, "randomised")),
    ],
)
def test_round_26_refused_or_ineligible_people_before_n(text, expected):
    assert total(text) == expected

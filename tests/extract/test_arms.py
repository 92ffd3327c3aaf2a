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
    ("Patients were treated with CAHA, HA or CMC (n = 27, 57.4%, n = 13, 27.7% and n = 7, 14.9%, respectively).",
     [7, 13, 27]),
    # trials counted in a group's own bracket are its attempts, not the studies of a review
    ("Participants were grouped into low (n = 6, 74 trials), moderate (n = 8, 76 trials) and high (n = 5, 29 trials) fitness.",
     [5, 6, 8]),
    # a breakdown of people by a condition may be the groups compared
    ("A total of 247 children (190 with OSA and 57 without OSA) were enrolled.", [57, 190]),
])
def test_the_sizes_of_compared_groups_stay(text, sizes):
    assert arm_values(text) == sizes


# Review of 6d69d16 (round 21): the refusals above must not take the arms of ordinary trial reports.


@pytest.mark.parametrize("text, sizes", [
    # finding 2: a women-only trial's arms, each after its dose or duration, are no sex breakdown
    ("Postmenopausal women with hormone receptor-positive advanced breast cancer were randomly assigned to fulvestrant "
     "500 mg (362 women) or anastrozole 1 mg (361 women).", [361, 362]),
    ("Patients were randomly assigned to letrozole 2.5 mg daily (40 women) or anastrozole 1 mg daily (42 women).",
     [40, 42]),
    ("Patients were randomly assigned to 6 months of trastuzumab (40 women) or 12 months of trastuzumab (42 women).",
     [40, 42]),
    ("Women with HER2-positive metastatic breast cancer were randomized to weekly paclitaxel 80 mg/m2 (52 women) or "
     "docetaxel 100 mg/m2 every 3 weeks (51 women).", [51, 52]),
])
def test_a_women_only_trials_arms_stay(text, sizes):
    assert arm_values(text) == sizes


@pytest.mark.parametrize("text", [
    "A total of 102 patients (50 men) were randomized to the two sequences.",
    "We enrolled 86 healthy volunteers aged 20 to 40 years (45 women) in a crossover study.",
])
def test_one_sex_after_the_people_counted_is_still_no_arm(text):
    assert arm_values(text) == []


@pytest.mark.parametrize("text, sizes", [
    # finding 1: a bracket after a count of sites that divides the patients, not the sites
    ("The study enrolled 120 patients from 10 hospitals (60 in the intervention arm and 60 in the control arm).",
     [60, 60]),
    ("We randomised 96 patients at 8 hospitals (48 intervention and 48 control).", [48, 48]),
    ("In total, 240 women were recruited at 12 centres (121 in the exercise group and 119 in the control group).",
     [119, 121]),
])
def test_a_bracket_dividing_the_patients_after_a_count_of_sites_stays(text, sizes):
    assert arm_values(text) == sizes


@pytest.mark.parametrize("text, sizes", [
    # finding 5: a baseline share describing each group
    ("A total of 238 patients were randomized to docetaxel (n = 120, 65% ER-positive) or paclitaxel (n = 118, 61% "
     "ER-positive).", [118, 120]),
    ("Women were randomized to exercise (n = 50; 62% postmenopausal) or usual care (n = 48; 58% postmenopausal).",
     [48, 50]),
])
def test_a_group_with_a_baseline_share_stays(text, sizes):
    assert arm_values(text) == sizes


@pytest.mark.parametrize("text, sizes", [
    # finding 6: "planned" and "power" that plan no sample
    ("Patients undergoing planned caesarean section were randomly allocated to spinal or epidural anaesthesia (50 per "
     "group).", [50]),
    ("Sixty older adults were randomised to power training or strength training (30 per group).", [30]),
    ("Sixty older adults were randomised to power training or strength training (30 each).", [30]),
    # finding 7: an event in another clause leaves the groups' sizes
    ("There were 45 patients in the letrozole group and 44 patients in the anastrozole group; two patients in the "
     "anastrozole group withdrew.", [44, 45]),
    ("There were 45 patients in the letrozole group and 44 patients in the anastrozole group, but two patients in the "
     "anastrozole group withdrew.", [44, 45]),
    # finding 8: trials or studies that the groups did, and "study participants"
    ("Healthy adults were randomised to blocked practice (n = 15) or random practice (n = 15) and performed 60 practice "
     "trials.", [15, 15]),
    ("Patients were randomised to contrast agent A (n = 20) or B (n = 20), and 80 CT studies were read by two "
     "radiologists.", [20, 20]),
    ("A total of n = 180 study participants were randomised to exercise (n = 90) or usual care (n = 90).", [90, 90]),
    # finding 9: the groups' sizes sharing a bracket with the HR that compares them
    ("Overall survival favoured A (A: n = 201; B: n = 199; HR = 0.80, 95% CI 0.65-0.98).", [199, 201]),
    # finding 11: a numerator above its denominator is no fraction
    ("Patients were randomised to A or B (n = 152/148).", [152]),
])
def test_the_review_findings_keep_the_groups(text, sizes):
    assert arm_values(text) == sizes


@pytest.mark.parametrize("text", [
    # the narrowed refusals still refuse
    "A sample size of 64 patients per group was planned to detect a difference of 10 points.",
    "Enrolment of 55 patients per group would give 80% power to detect a difference of 15%.",
    "Seventy schools were randomised, 12 hospitals (7 intervention and 5 control) took part.",
    "Two patients in the oil group complained of rashes; three patients in the placebo group complained of nausea.",
    "Four patients in the hydroxyzine group, 1 patient in the cetirizine group, and 1 patient in the placebo group "
    "discontinued the study because of sedation.",
    "Satisfaction was high (n = 31, 94% of respondents) and complaints rare (n = 2, 6%).",
    "Outcomes improved in the pooled sample (n = 294; HR = 0.81, 95% CI 0.70-0.94).",
    "Among 12 included trials, randomised trials (n = 4) and cohort studies (n = 8) were found.",
    "This review included 8 manuscripts (2 randomized controlled trials and 6 controlled clinical trials) from 6 "
    "clinical studies.",
])
def test_the_narrowed_refusals_still_refuse(text):
    assert arm_values(text) == []


# Round 22 (fresh24 / fresh25 errors): refusals


@pytest.mark.parametrize("text", [
    # the denominator of an event fraction written out, before the people treated with a drug
    "Remission was reached in 31 out of 90 patients treated with drug A and in 22 out of 88 patients treated with drug B.",
    "Healing occurred in 40 out 61 patients treated with drug A and in 30 out 59 patients treated with drug B.",
    # analysis sets of one sample
    "Efficacy was analysed in both evaluable patients (n = 812) and all randomized patients (n = 904).",
    "Results were similar in analysable subjects (n = 221) and in all enrolled subjects [n = 240].",
    # the n of a share of people with an event
    "In the A group, 22.5% of the patients (n = 31) reported headache, compared with 30.1% (n = 40) in the B group.",
    "Nausea was reported by 12.0% (n = 14) in the A group and 18.5% (n = 21) in the B group.",
    # strata of the sample, then randomised into groups named otherwise
    "The trial included 210 patients (120 RA and 90 OA; mean age 61 years) who were randomized into two treatment "
    "groups: drug A 10 mg or drug A 20 mg daily.",
])
def test_round22_counts_that_size_no_compared_group_are_refused(text):
    assert arm_values(text) == []


@pytest.mark.parametrize("text, sizes", [
    # the people treated, not a denominator
    ("Overall, 61 patients were treated with drug A and 59 patients were treated with drug B.", [59, 61]),
    # a preference cohort beside the trial, not an analysis set; one labelled n among groups
    ("Outcomes were compared between randomized patients (n = 60) and non-randomized patients (n = 40).", [40, 60]),
    ("All randomized patients (n = 300) were assigned to drug A (n = 150) or placebo (n = 150).", [150, 150]),
    # shares of groups that make up the sample, and shares with no event told
    ("Patients who chose A or B were 40.0% (n = 80) and 60.0% (n = 120), respectively, and reported on quality of life.",
     [80, 120]),
    # a breakdown whose labels are the groups randomised
    ("The trial included 100 patients (50 exercise and 50 control) who were randomized to exercise or control.",
     [50, 50]),
    ("A total of 90 patients (45 in group A and 45 in group B) were randomized to the two groups.", [45, 45]),
])
def test_round22_refusals_keep_the_groups(text, sizes):
    assert arm_values(text) == sizes


# Round 22 (fresh24 / fresh25 errors): per-group counts the arm reader reads itself


@pytest.mark.parametrize("text, sizes", [
    # a gapped list: one verb for several groups
    ("Of the men, 52 received drug A, 27 drug B and 25 placebo.", [25, 27, 52]),
    ("In this trial 120 patients received drug A 10 mg, and 118 patients drug B 5 mg twice daily for 12 weeks.",
     [118, 120]),
    ("Sixty patients were analysed (21 treated with 10 mg daily, 19 with 20 mg daily and 20 with 20 mg b.i.d. drug A).",
     [19, 20, 21]),
    # the stop of a joined sentence before the count
    ("Patients with chronic disease (CD).64 patients received drug A 5 mg, and 66 patients drug B 5 mg.", [64, 66]),
    # groups counted before "group patients"
    ("In the second phase, 22 early groups and 25 late group patients were studied.", [22, 25]),
    # groups counted before their "X-treated" adjective
    ("Overall, 310 drug-treated and 305 placebo-treated patients were evaluable.", [305, 310]),
    # "label = N" parts of a stated count
    ("A total of 75 patients (verapamil = 38, placebo = 37) were enrolled.", [37, 38]),
    # "(LABEL, N patients)" in a sentence of groups
    ("Patients were randomized to drug A for one week (AB 1, 30 patients) or drug A for two weeks (AB 2, 31 patients).",
     [30, 31]),
    # "(N in A and M in B)" parts of a count a verb sized
    ("Of 150 patients who entered the trial 120 completed it (62 in A and 58 in B).", [58, 62]),
])
def test_round22_per_group_phrasings_are_read(text, sizes):
    assert arm_values(text) == sizes


@pytest.mark.parametrize("text", [
    # a gapped list cut by a verb, or counts of doses and weeks
    "Of the patients, 40 received drug A, 12 discontinued and 5 withdrew.",
    "Patients received 20 mg, 40 mg or 80 mg for 4, 8 or 12 weeks.",
    # groups counted, not people
    "We formed 12 intervention groups and 10 control groups in the schools.",
    # an event in groups
    "End point was not reached in 4 early group patients and 6 late group patients.",
    # "label = N" parts that make up no stated count, or statistics
    "Scores differed (A = 12, B = 15).",
    "The difference was significant (t = 2.1, p = 0.04) in 80 patients.",
    # "(LABEL, N patients)" where the sentence names no groups
    "Data came from two registries (Paris, 40 patients).",
    # a breakdown of an event, or of a count no verb sizes
    "Deaths occurred in 12 patients (5 in A and 7 in B).",
])
def test_round22_per_group_phrasings_do_not_take_other_counts(text):
    assert arm_values(text) == []


def test_round22_label_equals_parts_of_studies_are_no_arms():
    assert arm_values("Fourteen studies met the inclusion criteria (asthma = 6, COPD = 3, healthy subjects = 5).") == []


@pytest.mark.parametrize("text", [
    # review of the new readers on the other splits: a relative after the list, things divided, a subset by an event,
    # an event's breakdown
    "The first 6 patients received drug A at 100 mg, 4 of whom developed grade 3 rash.",
    "Within each block of 3 attacks, two were treated with drug A and one with placebo.",
    "Of the 120 drug-treated and 131 placebo-treated patients experiencing relief, recurrence was reported by 40 and 60.",
    "Among 300 patients, 30 (10%) had failed treatment (AB = 12, AC = 10, and AD = 8).",
])
def test_round22_new_readers_leave_other_counts(text):
    assert arm_values(text) == []


@pytest.mark.parametrize("text", [
    # June 2021 review: a range after the verb, a part of the first group, parts after "including", one patient with an
    # event, a data set's splits
    "In the main experiment, 12 participants received stimulation at between 20 and 40 V/m intensities.",
    "In total, 60 patients received further therapy after drug A, 41 with drug B.",
    "Among 300 resections, 50 patients received an anastomosis, including 21 hand-sewn and 29 stapled.",
    "Only two patients received a second course 10 and 14 months later, and one patient had a relapse.",
    "The cohort comprised 900 patients (development: 600, validation: 300) treated with surgery.",
])
def test_round22_gapped_lists_and_labels_review(text):
    assert arm_values(text) == []


# Review 22, findings 5-9: the per-group readers of f9dd25c weighed for events, sexes, strata and design stages


@pytest.mark.parametrize("text", [
    # 5: an event told before "X-treated" people
    "Adverse events were reported by 34 drug-treated and 29 placebo-treated patients.",
    "Relapse occurred in 12 drug-treated and 25 placebo-treated patients during follow-up.",
    "Headache was observed in 8 drug-treated and 3 placebo-treated subjects.",
    # 6: sexes or strata written "label = N"
    "A total of 75 patients (men = 40, women = 35) were enrolled and randomized to A or B.",
    "A total of 120 patients (stage II = 50, stage III = 70) were randomized to A or B.",
    "Sixty children (boys = 32, girls = 28) were enrolled in the trial.",
    "We enrolled 90 patients (grade 1 = 30, grade 2 = 60) and randomized them to A or B.",
    # 7: a gapped list of what patients received in care, or of rescue treatment; "in" is no group's word
    "During the study, 12 patients received blood transfusions, 5 platelets and 3 fresh frozen plasma.",
    "After surgery, 60 patients received morphine, 20 ketorolac and 15 paracetamol as rescue analgesia.",
    "In the A group, 14 patients received rescue medication, and 22 patients in the placebo group.",
    "After the operation, 30 patients received antiemetics, 10 patients in the recovery room.",
    # 8: a gapped list ended by an irregular verb
    "Ninety patients were randomized; 45 patients received drug A, and 12 patients felt dizzy.",
    "Overall, 40 patients received drug A, 8 patients became pregnant and 3 lost weight.",
    "In total, 50 patients received drug A, 6 fell during the study and 2 could not be contacted.",
    # 9: "(LABEL, N patients)" naming a design stage
    "Patients were randomized in the second stage of the trial (Stage 2, 60 patients).",
    "Patients were randomized in two waves (Wave 1, 40 patients).",
])
def test_review22_per_group_readers_refuse_events_sexes_strata_and_stages(text):
    assert arm_values(text) == []


@pytest.mark.parametrize("text, sizes", [
    # the groups these readers were made for stay
    ("Overall, 310 drug-treated and 305 placebo-treated patients were evaluable.", [305, 310]),
    ("Adverse events were analysed in 120 drug-treated and 118 placebo-treated patients who were randomized.", [118, 120]),
    ("A total of 75 patients (drug A = 38, placebo = 37) were enrolled and randomized.", [37, 38]),
    ("Patients were randomized to drug A for one week (AB 1, 30 patients) or drug A for two weeks (AB 2, 31 patients).",
     [30, 31]),
    ("Of the men, 52 received drug A, 27 drug B and 25 placebo.", [25, 27, 52]),
    ("Ninety patients were randomized: 45 patients received drug A, and 45 patients drug B.", [45, 45]),
])
def test_review22_per_group_readers_keep_the_groups(text, sizes):
    assert arm_values(text) == sizes


def test_review22_a_gapped_list_of_treatments_the_record_compares_stays():
    rec = record([(None, "Patients had double-blind treatment with lansoprazole or famotidine or nizatidine for 8 weeks."),
                  (None, "Of the older patients 40 received lansoprazole, 21 famotidine and 19 nizatidine.")],
                 title="Lansoprazole compared with famotidine and nizatidine in older patients")
    assert sorted(item.value for item in extract_record(rec).n_arms) == [19, 21, 40]


def test_review22_a_gapped_list_of_care_the_record_does_not_compare_is_no_arm():
    rec = record([(None, "Patients were randomized to drug X or placebo."),
                  (None, "During the study, 12 patients received blood transfusions, 5 platelets and 3 fresh frozen plasma.")],
                 title="Drug X versus placebo in surgery")
    assert [item.value for item in extract_record(rec).n_arms if item.extractor == "arms.gapped_list"] == []


# Review 22, findings 1-2: a breakdown named by the arms' roles or by what each part received is no strata


@pytest.mark.parametrize("text, sizes", [
    ("A total of 90 patients (45 intervention and 45 control) were randomized to receive an education programme or "
     "usual care.", [45, 45]),
    ("A total of 90 patients (45 treatment, 45 control) who were randomized to acupuncture or sham acupuncture.", [45, 45]),
    ("The study enrolled 60 patients (30 active and 30 placebo) who were randomized to the new cream or its vehicle.",
     [30, 30]),
    ("Eighty patients (40 patients receiving A and 40 receiving B) were randomly assigned to the two regimens of drug A or "
     "drug B.", [40, 40]),
])
def test_review22_a_breakdown_by_arm_is_no_strata(text, sizes):
    assert arm_values(text) == sizes


@pytest.mark.parametrize("text", [
    # strata of the sample still refused
    "The trial included 210 patients (120 RA and 90 OA; mean age 61 years) who were randomized into two treatment "
    "groups: drug A 10 mg or drug A 20 mg daily.",
    "We studied 100 patients (60 GU and 40 DU) who were randomized into two groups: drug A or drug B.",
])
def test_review22_strata_before_randomisation_still_refused(text):
    assert arm_values(text) == []


# Round 23 (fresh26 false arm sizes): things counted before the n's, an event in each group, an event's breakdown by
# group, and the completers of groups whose allocated sizes are stated


@pytest.mark.parametrize("text", [
    # n's of episodes, not people
    "Ninety patients treated 412 evaluable asthma attacks (drug A, n = 150; drug B, n = 140; drug C, n = 122).",
    "The children had 230 seizures (active, n = 120; placebo, n = 110) during the observation period.",
    # people of each group who had an event
    "Two patients in each group were later lost to follow-up.",
    "One participant in each arm was subsequently hospitalised.",
    # a breakdown by group of those who left the trial or came to harm
    "Nine patients withdrew because of nausea (four in the active and five in the placebo group).",
])
def test_round23_things_and_events_are_no_arms(text):
    assert arm_values(text) == []


def test_round23_completers_of_allocated_groups_are_no_arms():
    text = ("Of 120 patients, 58 were randomized to drug A and 62 were randomized to drug B. Fifty patients in the "
            "drug A group and 55 in the drug B group completed the 8-week treatment.")
    assert arm_values(text) == [58, 62]
    text = ("Of 120 patients, 58 were randomized to drug A and 62 were randomized to drug B. Fifty patients in the "
            "drug A group and 55 in the drug B group finished the follow-up.")
    assert arm_values(text) == [58, 62]


@pytest.mark.parametrize("text, sizes", [
    # the people left after the events are a size
    ("Five had no infection and 10 failed to attend, leaving 85 patients for analysis (40 lansoprazole alone; 45 "
     "lansoprazole plus clarithromycin).", [40, 45]),
    # who received and had a scan: groups, no event
    ("Of these, 300 who received at least one dose and had a scan constituted the analysis population (140 drug A and "
     "160 drug B).", [140, 160]),
    # completers are the only sizes stated: kept
    ("Fifty patients in the drug A group and 55 in the drug B group completed the 8-week treatment.", [50, 55]),
    # sizes told of people, after things of another kind
    ("Patients from 12 clinics were randomized to drug A (n = 40) or drug B (n = 42).", [40, 42]),
    ("Forty patients had 30 sessions of exercise therapy (n = 20) or of relaxation (n = 20).", [20, 20]),
])
def test_round23_sizes_kept(text, sizes):
    assert arm_values(text) == sizes


# Round 23 (fresh26 missed arm sizes): "(A 61; B 64)", a treatment's name then its count, parts of a stated total


def test_round23_name_then_count_parts_of_a_total_are_arms():
    rec = record([(None, "Lansoprazole versus ranitidine for reflux oesophagitis."),
                  (None, "A total of 90 patients were randomised (lansoprazole 46; ranitidine 44).")])
    assert sorted(item.value for item in extract_record(rec).n_arms) == [44, 46]


@pytest.mark.parametrize("text", [
    # parts that do not make up the total
    "Lansoprazole versus ranitidine: 90 patients were randomised (lansoprazole 40; ranitidine 44).",
    # traits, not treatments compared
    "Lansoprazole versus ranitidine: 90 patients were randomised (Europe 46; America 44).",
    "Lansoprazole versus ranitidine: 90 patients were randomised (stage II 46; stage III 44).",
    # an event
    "Lansoprazole versus ranitidine: 90 patients withdrew (lansoprazole 46; ranitidine 44).",
])
def test_round23_name_then_count_refused(text):
    assert arm_values(text) == []


# Review of round 23 (57c2df9) and review-22 findings 3-4: misfires on written sentences


@pytest.mark.parametrize("text, sizes", [
    # the people's history in a relative clause, then their taking part: no event of those counted
    ("Sixty children who had suffered a febrile seizure took part (31 in the ibuprofen group and 29 in the placebo "
     "group).", [29, 31]),
    ("Forty adults who had experienced a first stroke participated (20 in the training group and 20 in the control "
     "group).", [20, 20]),
    # others who left, after "with" or "of whom": no event of the people counted
    ("There were 40 patients in each group, with 5 lost to follow-up in each.", [40]),
    ("Forty patients were given drug A and 42 placebo, with 5 lost to follow-up in each.", [40, 42]),
    ("There were 35 patients in each arm, of whom 3 withdrew.", [35]),
    # n's after things counted that add up to the people counted before them
    ("124 patients were treated for 400 attacks (drug A, n = 62; placebo, n = 62).", [62, 62]),
    ("Eighty children were treated for 210 exacerbations (active, n = 41; placebo, n = 39).", [39, 41]),
])
def test_review23_sizes_kept(text, sizes):
    assert arm_values(text) == sizes


@pytest.mark.parametrize("text", [
    # an event breakdown, no taking part after it
    "Sixty children who had suffered a febrile seizure were excluded (31 in the ibuprofen group and 29 in the placebo "
    "group).",
    # the people counted had the event themselves
    "Two patients in each group were later lost to follow-up.",
    # n's of the things, not adding up to the people counted
    "Ninety patients treated 412 evaluable asthma attacks (drug A, n = 150; drug B, n = 140; drug C, n = 122).",
    # a word-number numerator before the denominator (review-22 finding 3)
    "Response was seen in seven out of 12 patients treated with drug A and in two out of 11 patients treated with "
    "placebo.",
    "Healing occurred in twenty out of 32 patients treated with drug A and in eleven out of 31 patients treated with "
    "drug B.",
    # the n of a share of a group's patients (review-22 finding 4)
    "Nausea occurred in 40% (n = 21) of patients in the drug A group and 10% (n = 5) in the placebo group.",
    "Nausea: 40% (n = 21) of patients in the A group and 10% (n = 5) in the B group.",
])
def test_review23_refusals(text):
    assert arm_values(text) == []


def test_review23_a_run_in_completed_before_the_count_is_no_completers():
    rec = record([(None, "One hundred patients were randomly assigned (n = 100)."),
                  (None, "Having completed a 2-week run-in, 52 patients received drug A and 48 received drug B.")])
    assert {48, 52} <= {item.value for item in extract_record(rec).n_arms}
    # completers of groups whose allocated sizes are stated are still refused
    rec = record([(None, "Of 120 patients, 58 were randomized to drug A and 62 were randomized to drug B."),
                  (None, "After 8 weeks, 50 patients in the drug A group and 55 in the drug B group completed the study.")])
    assert sorted(item.value for item in extract_record(rec).n_arms) == [58, 62]


def test_review23_names_compared_only_after_the_sizes_are_no_arms():
    rec = record([(None, "Lansoprazole versus ranitidine for reflux oesophagitis."),
                  (None, "A total of 90 patients were randomised (Europe 46; Asia 44)."),
                  (None, "Healing in Europe was compared with healing in Asia.")])
    assert extract_record(rec).n_arms == []
    # treatments named before the sizes are still read
    rec = record([(None, "Lansoprazole versus ranitidine for reflux oesophagitis."),
                  (None, "A total of 90 patients were randomised (lansoprazole 46; ranitidine 44)."),
                  (None, "Healing with lansoprazole was compared with ranitidine.")])
    assert sorted(item.value for item in extract_record(rec).n_arms) == [44, 46]


# Round 24 (fresh27 errors): groups' sizes in phrasings not read before, and n's of sources and analysis sets


@pytest.mark.parametrize("text, sizes", [
    # each treatment's count in a bracket of its own after the allocation, making up the total
    ("210 adults with asthma were randomized to receive either drug A for 4 weeks (104) or drug A plus drug B (106).",
     [104, 106]),
    # one size for every group
    ("Ninety patients were divided into three groups of 30.", [30]),
    ("Eighty women were randomized to two groups, each with 40 patients, to receive drug A or drug B.", [40]),
    # the verb left out after the first
    ("All patients received saline; 31 were then randomised to receive drug A and 29 to receive drug B.", [29, 31]),
    # two counts of people compared
    ("In this study, 14 patients with migraine were compared with twelve healthy controls.", [12, 14]),
])
def test_round24_sizes_read(text, sizes):
    assert arm_values(text) == sizes


@pytest.mark.parametrize("text", [
    # bracketed counts that do not make up the count stated before
    "210 adults were randomized to receive either drug A for 4 weeks (80) or drug A plus drug B (75).",
    # the n's of the places the people came from, no group in the sentence
    "We studied all patients attending the outpatient clinic (n = 64) and a private practice (n = 31) during one year.",
    # analysis sets named without a noun
    "Response (intention to treat [n = 90]/per protocol [n = 81]) was 80%/85% with drug A.",
])
def test_round24_refusals(text):
    assert arm_values(text) == []


@pytest.mark.parametrize("text", [
    # groups of different sizes after "groups of"
    "The participants were divided into two groups of 18 controls and 12 patients with migraine.",
])
def test_round24_not_groups_of_one_size_nor_ranked_groups(text):
    assert arm_values(text) == []


def test_round24_groups_named_by_rank_or_size_are_no_arms():
    # groups from a clustering, each named with its n in a sentence of its own
    rec = record([(None, "Clinics were clustered by their activity."),
                  (None, "The largest group (n = 21) included rural clinics."),
                  (None, "The smallest group (n = 5) included urban clinics.")])
    assert extract_record(rec).n_arms == []


def test_round24_a_group_compared_at_a_centre_is_kept():
    text = "These patients were compared with patients treated in a standard setting at a tertiary care center (n = 99)."
    assert arm_values(text) == [99]


def test_round24_groups_named_with_their_n():
    rec = record([(None, "Drug A versus drug B after endoscopic haemostasis."),
                  (None, "In the drug A group (n = 45), an intravenous bolus was given."),
                  (None, "In the drug B group (n = 47), an oral dose was given.")])
    assert sorted(item.value for item in extract_record(rec).n_arms) == [45, 47]
    rec = record([(None, "Drug A eye drops were applied in 12 volunteers twice daily."),
                  (None, "The control group (12 healthy volunteers) received placebo drops.")])
    assert [item.value for item in extract_record(rec).n_arms] == [12]
    # a group's n at follow-up after the groups' allocated sizes is a part still measured
    rec = record([(None, "Children were randomly assigned to drug A (n = 40) or to a control group (n = 39)."),
                  (None, "At 2 years, weight in the intervention group (n = 31) was lower than at baseline.")])
    assert sorted(item.value for item in extract_record(rec).n_arms) == [39, 40]


def test_round24_returned_for_follow_up_after_allocated_sizes_are_no_arms():
    text = ("150 patients were randomized to receive drug A alone (76) or drug A plus drug B (74). 131 patients returned "
            "for endoscopy at 8 weeks (66 in the drug A group, 65 in the combination group).")
    assert arm_values(text) == [74, 76]


# --------------------------------------------------------------------------- round 25 (fresh28's n_arms errors)

@pytest.mark.parametrize("text", [
    # approximate counts are no stated sizes
    "Follow-up questionnaires were returned by approximately 150 adults in each arm.",
    "The memory test was given to about 80 children in each group at two visits.",
    # money in a group is a cost, not people
    "Mean costs of care were $12,400 in the drug A group and $9,850 in the drug B group (P = 0.2).",
    "Drug costs per patient were €1,250 in the intervention group and €430 in the control group.",
    # the n of a design adjective counts centres or countries
    "This randomized, multicentre (n = 24), multinational (n = 8) trial compared drug A with drug B in adults.",
    # the number of people with an event in each group
    "The number of patients reporting headache was 12 in the drug A group, 19 in the drug B group and 7 in the placebo group.",
    "The number of children experiencing vomiting was 5 in the active group and 9 in the control group.",
    # a breakdown of one group's people, in a bracket after that group's count
    "Relapse led to a second course in 40 patients of group A and 25 in group B (9 smokers and 16 non-smokers).",
    "Biopsies were taken in 30 patients in the placebo group (12 infected and 18 uninfected) at week 4.",
    # n's of grades or stages of the sample, the groups named later with no size
    "Four hundred adults with asthma of grade 1 (n = 180), grade 2 (n = 150) or with normal spirometry (n = 70) were enrolled.",
    "One hundred patients with stage II (n = 60) or III (n = 40) disease completed a run-in with drug A.",
])
def test_round25_not_arms(text):
    assert arm_values(text) == []


def test_round25_a_stratum_n_beside_allocated_groups():
    text = ("Eighty patients with stage I (n = 50) or II (n = 30) disease were randomised to drug A (n = 41) or drug B "
            "(n = 39).")
    assert arm_values(text) == [39, 41]


@pytest.mark.parametrize("text, expected", [
    # the groups' n's stay beside a centres' n, counts of people randomised, a sex breakdown, an approximate planned n
    ("In this multicentre (n = 12 centres) trial, patients were randomised to drug A (n = 40) or drug B (n = 38).",
     [38, 40]),
    ("The number of patients randomised was 40 in the drug A group and 42 in the drug B group.", [40, 42]),
    ("Of 200 randomised patients (about 100 per arm), 98 received drug A and 102 received placebo.", [98, 102]),
    ("Ninety patients with grade 2 (n = 50) or 3 (n = 40) reflux were randomised to drug A (n = 44) or drug B (n = 46).",
     [44, 46]),
])
def test_round25_groups_kept_beside_the_refusals(text, expected):
    assert arm_values(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a gapped list whose first treatment carries its abbreviation in a bracket
    ("Of these, 150 were evaluable, 62 patients treated with intravenous drug A (IVA), 58 with drug B and 30 with placebo.",
     [30, 58, 62]),
    # a group of N compared with another sample of M people
    ("Reading speed was measured in a group of 42 dyslexic children and compared with that of a control sample of 40 "
     "children.", [40, 42]),
    ("Sleep was recorded in a sample of 25 shift workers and compared to that of a group of 30 office workers.", [25, 30]),
    # given to N and M people, respectively
    ("Drug A was given for 8 weeks as either a 10 mg or a 20 mg capsule to 150 and 148 patients, respectively.", [148, 150]),
    ("The vaccine was administered as either one dose or two doses to 310, 305 and 298 adults, respectively, in a "
     "randomised design.", [298, 305, 310]),
    # in N people the treatment was A, and in M people B
    ("Laparoscopic repair versus open repair of hernia. In 64 patients the operation was laparoscopic repair, and in 58 "
     "patients open repair under local anaesthesia.", [58, 64]),
    # a study of A (in N people) and B (in M people)
    ("We performed a randomized comparison of drug A (in 120 patients) and drug B (in 118 patients) in four centres.",
     [118, 120]),
])
def test_round25_arms(text, expected):
    assert arm_values(text) == expected


@pytest.mark.parametrize("text", [
    # an event told in N and M people, respectively
    "Rash and nausea occurred in 12 and 9 patients, respectively.",
    # a gapped list of rescue treatments, not arms, even with a bracketed name
    "Rescue analgesia was needed by 20 patients treated with morphine (MO), 12 with ketorolac and 5 with paracetamol.",
    # in N people the treatment was stopped: an event
    "In 12 patients the treatment was stopped early, and in 3 patients the dose was reduced.",
    # a group compared with a population of unstated size is no pair of sizes
    "Outcomes were assessed in a group of 42 children and compared with those of the general population.",
])
def test_round25_not_arms_of_the_new_phrasings(text):
    assert arm_values(text) == []


def test_round25_a_lone_n_of_the_comparator_after_the_sentence_of_groups():
    text = ("In a randomized dose-finding trial, drug A was given at 1 mg (n = 30), 2 mg (n = 31) and 4 mg (n = 29). "
            "Safety of each dose was compared with that of placebo (n = 32).")
    assert arm_values(text) == [29, 30, 31, 32]
    # a lone n compared, with no sentence of groups before, stays out
    assert arm_values("Outcomes were compared with those of a reference population (n = 5000).") == []


# --------------------------------------------------------------------------- review 24 (findings 16-23 on per-arm counts)

@pytest.mark.parametrize("text", [
    # the people of each country or region, in a bracket after its name (finding 16)
    "In all, 300 adults were randomised in 25 centres in Spain (170) and Portugal (130).",
    "Overall, 90 children were randomised in Africa (50) and South America (40).",
    "A total of 240 patients were randomized to drug A or drug B in Canada (140) and Australia (100).",
    "Patients were randomised in Denmark (n = 130) and Norway (n = 110) to drug A or placebo.",
    # people compared with a subset of themselves picked by an event (finding 17)
    "Of 400 enrolled patients, the 60 patients who developed sepsis were compared with 340 patients who did not.",
    "The 200 enrolled adults were compared with 70 adults who completed the 12-month visit.",
    # people compared with those who declined or refused (finding 18)
    "The 90 participants were compared with 140 eligible adults who declined to take part.",
    "Characteristics of 75 randomised children were compared with 50 children who refused randomisation.",
    "Sleep was recorded in a group of 25 shift workers and compared to that of a group of 30 workers who declined to "
    "participate.",
    "Participants (n = 95) were compared with eligible patients who declined to take part (n = 160).",
    # groups of one size formed by a trait or for sessions (finding 23)
    "The 90 students were split into three groups of 30 for the focus group sessions.",
    "The 80 patients were divided into four groups of 20 according to their age.",
    "The 60 women were divided into two groups of 30 by body mass index.",
])
def test_review24_counts_of_places_non_participants_subsets_and_strata_are_no_arms(text):
    assert arm_values(text) == []


@pytest.mark.parametrize("text, sizes", [
    # the bare counts of treatments after an allocation to them stay
    ("210 adults with asthma were randomized to receive either drug A for 4 weeks (104) or drug A plus drug B (106).",
     [104, 106]),
    # groups in a bracket after "in the PCI", by abbreviation, stay
    ("Mortality in the PCI (n = 100) and CABG (n = 105) groups was similar.", [100, 105]),
    # people compared with controls stay
    ("In this study, 14 patients with migraine were compared with twelve healthy controls.", [12, 14]),
    ("Reading speed was measured in a group of 42 dyslexic children and compared with that of a control sample of 40 "
     "children.", [40, 42]),
    # groups of one size formed by the random sequence
    ("Ninety patients were randomly divided into three groups of 30 according to a computer-generated list.", [30]),
    ("Ninety patients were divided into three groups of 30.", [30]),
    # each group's size in turn after "groups of" (code note: "two groups of 40 and 40" gave no arms)
    ("Eighty patients were randomised into two groups of 40 and 40.", [40]),
    ("The patients were randomly divided into two groups of 42 and 38 patients.", [38, 42]),
    # two groups compared by "than", each with a place's name (finding 22)
    ("Patients treated in the stroke unit (n = 120) had lower mortality than those treated on general medical wards "
     "(n = 150).", [120, 150]),
    ("Patients seen in the day clinic (n = 80) waited less than those seen in hospital wards (n = 95).", [80, 95]),
])
def test_review24_groups_kept_beside_the_refusals(text, sizes):
    assert arm_values(text) == sizes


@pytest.mark.parametrize("text", [
    # a group named with the size of its completers (finding 19)
    "Sixty-two patients were randomised to exercise or usual care. Patients in the intervention group who completed "
    "the programme (n = 24) improved more.",
    "Fifty adults were randomised to drug A or placebo. Adults in the drug A group who withdrew (n = 6) were older.",
    # groups named with their sizes at follow-up (finding 20)
    "Sixty-two patients were randomised to exercise or usual care. At 12 months, the intervention group (31 patients) "
    "and the control group (27 patients) were reassessed.",
    "Eighty adults were randomised to drug A or placebo. The drug A group (36 adults) and the placebo group (35 adults) "
    "were followed up for two years.",
    # one group's size, the other's people counted otherwise (finding 21)
    "Twenty patients with cirrhosis were studied. The control group (12 healthy volunteers) underwent the same protocol.",
])
def test_review24_groups_named_with_sizes_after_the_allocation_or_beside_other_counts(text):
    assert arm_values(text) == []


def test_review24_groups_named_with_their_sizes_still_read():
    rec = record([(None, "Seventy children were randomised to drug A or drug B."),
                  (None, "In the drug A group (n = 36), the dose was given at night."),
                  (None, "In the drug B group (n = 34), the dose was given in the morning.")])
    assert sorted(item.value for item in extract_record(rec).n_arms) == [34, 36]


def test_review24_a_lone_comparator_n_after_places_n_is_no_arm():
    text = ("Patients came from Spain (n = 30) and Italy (n = 31). Outcomes were compared with those of patients from "
            "Germany (n = 40).")
    assert arm_values(text) == []


def test_review24_a_lone_group_kept_when_the_other_groups_size_is_told():
    text = ("A total of 180 patients were enrolled, of which 80 were given drug A. Patients not given drug A were "
            "defined as the control group (n = 100).")
    assert arm_values(text) == [100]


def test_review24_places_compared_keep_their_n():
    text = "Crash rates in Ohio (n = 88 counties) were compared with those in Texas (n = 120 counties)."
    assert arm_values(text) == [88, 120]


# --------------------------------------------------------------------------- round 26 (fresh29's n_arms errors)

@pytest.mark.parametrize("text, expected", [
    # n's of a trait before the allocation verb, the groups' n's after it making up the same count
    ("In an open study, 90 adults with gastric ulcer (n = 30) or duodenal ulcer (n = 60) were randomized to drug A for "
     "two weeks (n = 46) or drug B for two weeks (n = 44).", [44, 46]),
    ("Overall, 150 children from urban (n = 100) and rural (n = 50) schools were randomly assigned to the programme "
     "(n = 74) or to usual teaching (n = 76).", [74, 76]),
])
def test_round26_a_traits_ns_before_the_allocation_are_no_arms(text, expected):
    assert arm_values(text) == expected


@pytest.mark.parametrize("text, expected", [
    # the n's after the verb do not make up the count again: both sets kept as read
    ("Patients given drug A (n = 30) or drug B (n = 32) were randomized to continue (n = 20) or stop (n = 25).",
     [20, 25, 30, 32]),
    # the groups' n's before the verb, none after
    ("Forty adults, drug A (n = 20) and drug B (n = 20), were randomized in two centres.", [20, 20]),
])
def test_round26_ns_kept_where_no_second_set_makes_up_the_count(text, expected):
    assert arm_values(text) == expected


@pytest.mark.parametrize("text, expected", [
    # one size stated once for every group allocated, read once
    ("Sixty adults with asthma were recruited, with 30 adults randomized to each study arm.", [30]),
    ("In this trial 25 children were randomly assigned to each of the three treatment groups.", [25]),
    ("Eighty women entered the study and 40 women were allocated per arm.", [40]),
])
def test_round26_people_allocated_to_each_group(text, expected):
    assert arm_values(text) == expected


@pytest.mark.parametrize("text", [
    # a planned size, a sample size, an approximate size
    "The trial will enrol 300 patients, and 100 patients will be randomized to each arm.",
    "The sample size was 64 patients randomized to each group to detect a difference of 10%.",
    "About 50 patients were randomized to each group in the pilot phase.",
    # the whole sample randomised among the groups, not to each ("to one of the groups")
    "Ninety patients were randomized to one of the three groups.",
])
def test_round26_not_a_size_allocated_to_each_group(text):
    assert arm_values(text) == []


@pytest.mark.parametrize("text, expected", [
    # the same verb of taking a treatment repeated for each group
    ("Of the 90 adults analysed, 46 self-administered drug A, and 44 self-administered placebo.", [44, 46]),
    ("Of 100 randomized smokers, 52 used the nicotine patch and 48 used a sham patch.", [48, 52]),
    ("In the trial, 30 took drug A 10 mg, 31 took drug A 20 mg and 29 took placebo.", [29, 30, 31]),
])
def test_round26_a_list_with_the_same_verb_of_taking(text, expected):
    assert arm_values(text) == expected


@pytest.mark.parametrize("text", [
    # habits, rescue treatment, adherence at follow-up
    "Of 80 patients, 30 used alcohol and 12 used tobacco.",
    "During the attack, 12 patients took rescue medication and 5 took placebo.",
    "At 6 months, 40 took drug A regularly and 12 took placebo.",
])
def test_round26_not_a_list_of_groups_by_the_same_verb(text):
    assert arm_values(text) == []


# --------------------------------------------------------------------------- round 26 mend (review findings 9-12)

@pytest.mark.parametrize("text, expected", [
    # "a total of" before the count, or the groups' own n's after it: the whole sample, not every group's size
    ("A total of 90 patients were randomly assigned to each of the three groups (n = 30).", [30]),
    ("A total of 60 patients were randomly assigned to each group in a 1:1 ratio (drug A, n = 30; placebo, n = 30).",
     [30, 30]),
    ("In total, 120 adults were randomized to each of the four arms.", []),
    ("Overall 80 children were allocated to each of two groups (n = 40 per group).", [40]),
    ("Forty-eight patients were assigned to each of the two groups (drug A, n = 24; drug B, n = 24).", [24, 24]),
])
def test_round26_mend_a_whole_sample_is_not_each_groups_size(text, expected):
    assert arm_values(text) == expected


@pytest.mark.parametrize("text", [
    # use of medicines at baseline, before enrolment, previously: not what people were allocated to
    "Of the 300 women randomized, 120 used oral contraceptives and 45 used hormone replacement therapy at baseline.",
    "Among 500 randomized participants, 210 took aspirin and 95 took statins before enrolment.",
    "Of the 80 patients randomized, 35 used inhaled corticosteroids and 22 used long-acting beta-agonists at baseline.",
    "At baseline, 64 took metformin 1000 mg and 38 took metformin 2000 mg.",
    "Of 150 randomized patients, 70 had previously used insulin and 40 had previously used placebo in an earlier trial.",
    "Before randomization, 42 took drug A 10 mg and 37 took placebo.",
    "Of 200 patients randomized, 88 were already taking statins, 30 took aspirin and 25 took placebo prior to entry.",
    "Among randomized women, 60 currently used hormone therapy and 20 used placebo patches.",
])
def test_round26_mend_use_before_the_allocation_is_no_list_of_groups(text):
    assert arm_values(text) == []

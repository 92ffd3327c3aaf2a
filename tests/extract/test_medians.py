"""Median times per arm with units; follow-up, age, means and time points are not outcome medians."""

from __future__ import annotations

import re

import pytest

from mbc_sr.extract.medians import medians, medians_in_sentence
from tests.extract.helpers import assert_span_points_at, record, sentence


def meds(text: str):
    return [(m.outcome, m.value, m.unit) for m in medians_in_sentence(sentence(text))]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Median PFS was 7.8 vs 3.2 months.", [("PFS", 7.8, "months"), ("PFS", 3.2, "months")]),
        ("median progression-free survival was 7.8 months with everolimus versus 3.2 months with placebo",
         [("PFS", 7.8, "months"), ("PFS", 3.2, "months")]),
        ("mOS: 131 vs. 159 months", [("OS", 131.0, "months"), ("OS", 159.0, "months")]),
        ("a median OS of 18.5 (95% CI 11.76-21.32) months compared to 11.3 (95% CI 9.86-15.51) months",
         [("OS", 18.5, "months"), ("OS", 11.3, "months")]),
        ("PFS was longer (median 6·2 months [95% CI 4·6-8·7]) than with supportive care (3·2 months [2·8-4·1]; HR 0·48)",
         [("PFS", 6.2, "months"), ("PFS", 3.2, "months")]),
        ("Median overall survival (OS) was 2.9 and 3.4 months in the placebo and erlotinib arms",
         [("OS", 2.9, "months"), ("OS", 3.4, "months")]),
        ("The median PFS and OS for all patients were 3.8 and 8.1 months", [("PFS", 3.8, "months"), ("OS", 8.1, "months")]),
        ("median TTP 20 weeks vs 12 weeks", [("TTP", 20.0, "weeks"), ("TTP", 12.0, "weeks")]),
        ("MONARCH 3 (HR, 0.326; 95% CI, 0.200 to 0.531, P < .001; median: not reached vs 12.82 months)", [("other", 12.82, "months")]),
        ("There was no difference in PFS (3.7 vs 4.6 months, HR 0.98) or OS (8.1 vs 7.4, HR 1.1)",
         [("PFS", 3.7, "months"), ("PFS", 4.6, "months"), ("OS", 8.1, "months"), ("OS", 7.4, "months")]),
    ],
)
def test_median_forms(text, expected):
    assert meds(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Median follow-up was 60 months (IQR 58-60) in both groups.",
        "The median age was 61 years (range, 34-88).",
        "Patients received a median of 6 cycles over 4.2 months.",
        "Mean PFS through 24 months was 7.8 months with N + C versus 5.5 months with L + C.",
        "At 12 months, 45% of patients were free of progression; 3-year OS was 80%.",
        "Median OS was not reached in either arm.",
        "The median duration of treatment was 14.6 weeks.",
        # the number comes before any "median" of its sentence
        "Patients were 52 ± 14 years of age with a median tumour size of 3 cm.",
        # age and follow-up written after the unit, a duration of anything but response
        "We enrolled 400 adults with a median age of 44 years and a median duration of insulin use of 6 years.",
        "Participants were a median 58 years old.",
        "Over a median 6 and 11 years of follow-up in the two cohorts, 60 cases were found.",
        # a bracket that annotates an age
        "The participants' age ranged from 56 to 87 years (median: 72 years).",
        # a period of follow-up without the word, a count or a hospital stay
        "During a median of 4.1 years, 212 patients had a stroke.",
        "Over the median of 7 years, 98 deaths occurred.",
        "A had a lower number of inpatient days: median 3 days (IQR 3-3.5 days) vs. 0 days (IQR 0-1.5 days).",
        "The length of hospital stay (median 5 days vs 7 days) was shorter with A.",
    ],
)
def test_not_outcome_medians(text):
    assert meds(text) == []


def test_bounds_under_an_interquartile_range_header_are_not_medians():
    assert meds("Median (interquartile range) time to surgery was 13.7 weeks (8.1, 20.4).") == [("other", 13.7, "weeks")]


def test_a_value_after_a_closed_interquartile_range_header_is_a_median():
    assert meds("Clearance occurred a median (interquartile range) 33.5 (17-63.5) days after onset.") == [
        ("other", 33.5, "days"),
    ]
    assert meds("Median PFS was 7.8 months (95% CI, 6.9 to 8.5).") == [("PFS", 7.8, "months")]


@pytest.mark.parametrize("text, expected", [
    ("Responses lasted for a median of 8.3 months.", [("other", 8.3, "months")]),
    ("Progression occurred after a median of 7.1 months.", [("other", 7.1, "months")]),
    ("The number of deaths was 40, and median OS was 12.1 months.", [("OS", 12.1, "months")]),
])
def test_a_median_after_other_periods_or_counts_is_still_an_outcome_median(text, expected):
    assert meds(text) == expected


def test_a_median_duration_of_response_is_an_outcome_median():
    assert meds("The median duration of response was 11.2 months.") == [("other", 11.2, "months")]


def test_a_median_bracket_after_an_outcome_is_kept():
    assert meds("Overall survival was longer with A (median 18.5 months) than with B (median 12.1 months).") == [
        ("OS", 18.5, "months"), ("OS", 12.1, "months"),
    ]


def test_median_span_points_at_the_value():
    rec = record("Median PFS was 7.8 vs 3.2 months.")
    found = medians(rec)
    assert_span_points_at(rec, found[0].span, "7.8")
    assert_span_points_at(rec, found[1].span, "3.2")


def test_outcome_carried_from_the_previous_sentence():
    rec = record("Overall survival was analysed at 400 deaths. Medians were 31.0 and 26.6 months.")
    assert [(m.outcome, m.value) for m in medians(rec)] == [("OS", 31.0), ("OS", 26.6)]


def test_a_median_bracket_after_a_long_follow_up_range_is_no_outcome_median():
    # the subject of the range stands more than 60 characters before the bracket
    assert meds("Follow-up for the secondary clinical outcomes ranged between 0.5 and 48.2 weeks (median 6 weeks).") == []
    assert meds("Overall survival ranged between 2 and 40 months (median 11 months).") == [("OS", 11.0, "months")]


def test_an_age_60_to_120_characters_back_leaves_the_outcome_range_its_median():
    # only a follow-up's subject is looked for up to 120 characters back; an age that far back is the sample's
    # description, and the range between is the outcome's ("time to progression" is no literal TTP)
    text = "Among patients aged 65 years or older, time to progression ranged from 2 to 30 months (median 8 months)."
    assert meds(text) == [("TTP", 8.0, "months")]
    # an age right before the bracket still annotates it
    assert meds("Patients were aged between 45 and 80 years (median 62 years).") == []


@pytest.mark.parametrize("text", [
    "Sixty women started the regimen at a median of 28 wk of gestation.",
    "Treatment began at a median 24 weeks gestation.",
])
def test_a_timing_in_pregnancy_is_no_outcome_median(text):
    assert meds(text) == []


@pytest.mark.parametrize("text", [
    "Most infants were breast-fed for a median of 4 mo.",
    "Patients were treated for a median of 5.5 months.",
])
def test_how_long_something_was_done_for_a_median_is_no_outcome_median(text):
    assert meds(text) == []


def test_a_survival_for_a_median_is_still_a_median():
    assert meds("Patients in the control arm survived for a median of 9.4 months.") == [("other", 9.4, "months")]


def test_a_median_interval_between_two_events_is_outcome_other():
    rec = record("All-cause mortality was 30%. Of those with a stroke, 40% later died, with a median interval of 120 days.")
    assert [(m.outcome, m.value, m.unit) for m in medians(rec)] == [("other", 120.0, "days")]
    # without "interval" the outcome is still carried from the sentence before
    rec = record("All-cause mortality was 30%. Of those with a stroke, 40% later died, at a median of 120 days.")
    assert [(m.outcome, m.value, m.unit) for m in medians(rec)] == [("OS", 120.0, "days")]


@pytest.mark.parametrize("text, expected", [
    ("The median PFS was 5.1 months (95% confidence interval [CI], 3.9–6.0 months) with drug A.", [("PFS", 5.1, "months")]),
    ("Median OS was 11.2 months (95% confidence interval [CI] 8.4–14.5 months) in arm A and 9.0 months (95% CI, "
     "7.1–10.3 months) in arm B.", [("OS", 11.2, "months"), ("OS", 9.0, "months")]),
])
def test_the_bound_of_a_ci_whose_name_is_defined_in_brackets_is_no_median(text, expected):
    # the "[CI]" closed inside the CI's own bracket leaves the bound inside that bracket
    assert meds(text) == expected


@pytest.mark.parametrize("text", [
    "Twelve patients stopped the study drug after a median of 2 months, mostly because of fatigue.",
    "After median 4.1 years, outcomes did not differ between the two groups.",
    "Antibody titres were measured after a median of 40 days from vaccination.",
])
def test_how_long_after_the_start_something_was_seen_is_no_outcome_median(text):
    assert meds(text) == []


@pytest.mark.parametrize("text, expected", [
    ("Patients in the observation arm relapsed after a median of 14 months.", [("other", 14.0, "months")]),
    ("Device removal occurred in 5 patients after a median of 200 days.", [("other", 200.0, "days")]),
    ("Pacemakers were implanted after a median interval of 13 days.", [("other", 13.0, "days")]),
])
def test_an_event_after_a_median_is_still_a_median(text, expected):
    assert meds(text) == expected


@pytest.mark.parametrize("text", [
    "Eligible patients had a life-limiting illness with a median survival of about 2 years or less.",
    "Patients with an expected median survival of 3 months or longer were enrolled.",
    "The median time to treatment was 10 days or more at every site.",
])
def test_a_median_stated_as_a_bound_is_no_outcome_median(text):
    assert meds(text) == []


def test_a_median_followed_by_or_and_another_median_is_still_read():
    assert meds("Median PFS was 6.1 or 4.2 months with or without radiotherapy.") == [
        ("PFS", 6.1, "months"), ("PFS", 4.2, "months")]


@pytest.mark.parametrize("text", [
    "A cohort of 900 women treated between 2001 and 2010 was followed until December 2018 (median 9.2 years).",
    "All patients were followed up to the end of 2020 (median 6 years).",
])
def test_a_bracketed_median_after_followed_is_a_follow_up(text):
    assert meds(text) == []


def test_a_bracketed_median_after_followed_that_names_survival_is_still_read():
    assert meds("Patients were followed for survival (median OS 14 months).") == [("OS", 14.0, "months")]


@pytest.mark.parametrize("text", [
    "The trial was powered to detect an improvement in median PFS from 4 to 6 months.",
    "Assuming a median overall survival of 12 months in the control arm, 300 patients were needed.",
    "The sample size was based on an expected median time to progression of 8 weeks versus 12 weeks.",
    "Trials were simulated in which the median survival of uncured patients was 3.4 years.",
    "An algorithm was built to simulate large, randomised trials in patients with a cure fraction of 0.3 and a median"
    " survival of 3.4 years.",
    "For 500 simulated patients followed for three years, a 50% gain in median survival (to 5.1 years) was detectable.",
])
def test_a_median_of_the_sample_size_calculation_or_a_simulation_is_no_result(text):
    assert meds(text) == []


def test_a_median_found_beside_no_design_word_is_still_read():
    assert meds("Median PFS was 6.0 months, as expected, versus 4.1 months.") == [
        ("PFS", 6.0, "months"), ("PFS", 4.1, "months")]


@pytest.mark.parametrize("text, expected", [
    ("Despite the small sample size, median PFS was longer with A (12.1 vs 8.3 months).",
     [("PFS", 12.1, "months"), ("PFS", 8.3, "months")]),
    ("In this exploratory, hypothesis-generating analysis, median OS was 20.1 months with A and 15.2 months with B.",
     [("OS", 20.1, "months"), ("OS", 15.2, "months")]),
    ("Median OS was 20.1 months, longer than the 15 months assumed in the design.", [("OS", 20.1, "months")]),
    ("Median time to detect recurrence was 14 months with A vs 20 months with B.",
     [("other", 14.0, "months"), ("other", 20.0, "months")]),
    ("The trial was stopped early for futility; median PFS was 5.1 vs 4.9 months, as powered for a larger gain.",
     [("PFS", 5.1, "months"), ("PFS", 4.9, "months")]),
])
def test_a_design_word_after_median_or_a_bare_sample_size_or_hypothesis_leaves_the_result_read(text, expected):
    assert meds(text) == expected


@pytest.mark.parametrize("text", [
    "In total, 240 patients (median 61 years, 130 women) were included.",
    "We enrolled 85 children (median: 7 years) with asthma.",
])
def test_an_unnamed_median_annotating_a_count_of_people_is_their_age(text):
    assert meds(text) == []


def test_a_named_median_annotating_a_count_of_people_is_still_read():
    assert meds("We treated 120 patients (median OS 14 months).") == [("OS", 14.0, "months")]


@pytest.mark.parametrize("text, expected", [
    ("Progression occurred in 45 patients (median 8.2 months).", [("other", 8.2, "months")]),
    ("Recurrence was observed in 30 women (median: 14 months).", [("other", 14.0, "months")]),
    ("Of 300 patients, relapse occurred in 41 patients (median 11 months) and 20 died.", [("other", 11.0, "months")]),
])
def test_an_unnamed_median_after_people_in_whom_an_event_occurred_is_the_time_to_it(text, expected):
    assert meds(text) == expected


@pytest.mark.parametrize("text", [
    "Among 300 survivors of breast cancer, 85 women (median 54 years) took part.",
    "Of 412 patients with progressive disease, 200 patients (median 64 years) were randomised.",
])
def test_an_event_word_outside_the_clause_of_the_count_leaves_the_median_an_age(text):
    assert meds(text) == []


@pytest.mark.parametrize("text, expected", [
    ("Two-year OS was 55% (median: 30, 95% CI: 22-41 months).", [("OS", 30.0, "months")]),
    ("Median PFS was 7.5, 95% CI 6.1–9.0 months, with drug A.", [("PFS", 7.5, "months")]),
])
def test_a_median_whose_ci_follows_a_comma_before_the_unit(text, expected):
    assert meds(text) == expected


def test_a_ci_after_a_comma_without_a_unit_gives_no_median():
    assert meds("The median score was 30, 95% CI 22-41.") == []


@pytest.mark.parametrize("text, expected", [
    ("median PFS 6.1 vs 4.2, 95% CI 3.1-5.0 months", [("PFS", 6.1, "months"), ("PFS", 4.2, "months")]),
    ("median PFS 6.1 vs 4.2, 95% CI 3.1 to 5.0 months", [("PFS", 6.1, "months"), ("PFS", 4.2, "months")]),
    ("Median OS was 10.2, 8.1 and 6.3, 95% CI: 5.0 to 7.7 months, in arms A, B and C.",
     [("OS", 10.2, "months"), ("OS", 8.1, "months"), ("OS", 6.3, "months")]),
])
def test_the_bounds_of_a_ci_after_a_comma_ending_a_list_are_no_medians(text, expected):
    assert meds(text) == expected


@pytest.mark.parametrize("text", [
    "Across the included trials, median OS ranged from 4.1 to 15.6 months.",
    "Median PFS varied between 1.5 and 7 months across the twelve studies.",
    "The median survival ranged from 6 months to 22 months in the pooled cohorts.",
    "Median time to progression ranging from 2.2 to 9.8 months was reported in the single-arm studies.",
])
def test_the_bounds_of_a_range_of_medians_are_no_median(text):
    assert meds(text) == []


def test_a_range_of_single_survival_times_after_a_median_leaves_only_the_median():
    assert meds("Median OS was 14.2 months, and survival ranged from 1 to 40 months.") == [("OS", 14.2, "months")]


@pytest.mark.parametrize("text, expected", [
    # the range is the median's own bracket or comes before the median word
    ("Median OS was 12.1 months (range, 2.0 to 30.5).", [("OS", 12.1, "months")]),
    ("Survival times ranged from 2 to 40 months; median OS was 11 months.", [("OS", 11.0, "months")]),
    ("Median PFS was 6.3 versus 4.1 months; response rates ranged from 20% to 35%.", [("PFS", 6.3, "months"), ("PFS", 4.1, "months")]),
])
def test_a_median_next_to_a_range_is_still_a_median(text, expected):
    assert meds(text) == expected


@pytest.mark.parametrize("text", [
    "The median (range) time of tumour cell culture and drug testing was 11 days (range, 8-15 d).",
    "Median time for sample processing was 3 days.",
    "Median (interquartile range) waiting time was 9.2 weeks (5.1, 14.0) across the hospitals.",
    "The median turnaround time was 6 days for the central laboratory.",
])
def test_how_long_a_step_of_care_or_of_the_laboratory_took_is_no_outcome_median(text):
    assert meds(text) == []


@pytest.mark.parametrize("text, expected", [
    ("The median time to sputum culture conversion was 42 days.", [("other", 42.0, "days")]),
    ("Median time for culture conversion was 6 weeks with A.", [("other", 6.0, "weeks")]),
    ("Median (interquartile range) time to surgery was 13.7 weeks (8.1, 20.4).", [("other", 13.7, "weeks")]),
])
def test_a_time_to_an_event_of_the_laboratory_or_of_care_is_still_a_median(text, expected):
    assert meds(text) == expected


@pytest.mark.parametrize("text", [
    "The median GA at delivery was 37 weeks (IQR 34-39).",
    "Women were enrolled at a median GA of 20 weeks.",
])
def test_a_gestational_age_written_ga_is_no_outcome_median(text):
    assert meds(text) == []


def test_ga_is_read_as_gestational_age_only_in_capitals():
    # "Ga" in other words or cases does not stop a median
    assert meds("Median OS with Ga-68 imaging guidance was 14 months.") == [("OS", 14.0, "months")]


@pytest.mark.parametrize("text, expected", [
    # "GA" (gemcitabine plus nab-paclitaxel) naming an arm or a regimen, not a gestational age (review round 20, finding 6)
    ("Median OS in the GA arm was 8.5 months versus 6.7 months with gemcitabine alone.",
     [("OS", 8.5, "months"), ("OS", 6.7, "months")]),
    ("Median OS with GA was 8.5 months.", [("OS", 8.5, "months")]),
    ("Median PFS for GA was 5.5 months.", [("PFS", 5.5, "months")]),
    ("Median OS in GA-treated patients was 9.1 months.", [("OS", 9.1, "months")]),
])
def test_ga_after_the_outcome_is_a_regimen_and_the_median_is_read(text, expected):
    assert meds(text) == expected


@pytest.mark.parametrize("text, expected", [
    # an outcome's time for patients or for a therapy named by a laboratory step is still a median (review round 20,
    # finding 7): the step must follow "median (range) time of/for" directly, as a whole word
    ("The median survival time for patients with culture-positive sepsis was 12 days.", [("OS", 12.0, "days")]),
    ("The median PFS time for sequencing-guided therapy was 5.6 months.", [("PFS", 5.6, "months")]),
    ("Median survival time for culture-negative cases was 20 months.", [("OS", 20.0, "months")]),
    ("Median time for testing-positive patients to progression was 4.2 months.", [("other", 4.2, "months")]),
])
def test_an_outcome_time_near_a_laboratory_word_is_still_a_median(text, expected):
    assert meds(text) == expected


@pytest.mark.parametrize("text", [
    # a CI inside the range does not hide it (review round 20, finding 8)
    "Median OS ranged from 2.9 months (95% CI, 2.1 to 3.5 months) to 18.3 months across trials.",
    "Median PFS varied between 1.5 months [95% CI 1.1-2.0; n = 120 patients in the largest trial] and 7 months.",
])
def test_the_bounds_of_a_range_of_medians_with_a_ci_inside_are_no_median(text):
    assert meds(text) == []


@pytest.mark.parametrize("text, expected", [
    # each bound is an arm's own median, not a range across trials (review round 20, finding 8)
    ("Median PFS varied from 5.1 months in arm A to 7.3 months in arm B.", [("PFS", 7.3, "months")]),
    ("Median OS ranged from 10.2 months with docetaxel to 13.8 months with the combination.", [("OS", 13.8, "months")]),
])
def test_medians_of_arms_after_varied_from_are_still_read(text, expected):
    assert meds(text) == expected


# Round 22 (fresh24): a time to an event printed in hours


@pytest.mark.parametrize("text, expected", [
    ("Median time to headache relief was shorter with drug A (1.5 h) than with drug B (2.5 h).",
     [("other", 1.5, "hours"), ("other", 2.5, "hours")]),
    ("The median time to recurrence of pain was 10.0 hours with A versus 16.5 hours with B.",
     [("other", 10.0, "hours"), ("other", 16.5, "hours")]),
    ("Median survival of the infants was 36 hrs.", [("OS", 36.0, "hours")]),
])
def test_a_time_to_an_event_in_hours_is_a_median(text, expected):
    assert meds(text) == expected


@pytest.mark.parametrize("text", [
    # durations of a procedure or an infusion, a half-life, a time to a drug's peak, a step of care
    "The median operative time was 2.5 h in both groups.",
    "Median infusion duration was 4 hours (range 3-6 hours).",
    "The median elimination half-life was 12.5 h.",
    "The median time to peak concentration was 2 h after dosing.",
    "Median time to antibiotic administration was 3.1 hours.",
    "Median time to surgery was 18 h in the early group.",
    "Median hospital stay was 48 hours.",
    # a laboratory time, and the bound of a range of hours
    "Blood cultures have a median time to positivity of 12 - 36 hours.",
    "The median time to recurrence was reported as 10 to 20 hours in earlier trials.",
    # a time point in hours beside a median in months
    "Median PFS was 7.8 months; pain was scored at 2 h and 4 h.",
])
def test_other_medians_in_hours_are_none(text):
    assert [unit for _, _, unit in meds(text) if unit == "hours"] == []


# Review 22, finding 12: a duration in hours that is no median leaves the unit of a later unit-less pair alone


@pytest.mark.parametrize("text, expected", [
    ("Median OS was 14.2 months with A infused over 2 h; median PFS was 6.1 vs 4.3, HR 0.71.",
     [("OS", 14.2, "months"), ("PFS", 6.1, "months"), ("PFS", 4.3, "months")]),
    ("Median PFS was 5.6 months with A given as a 1 h infusion; median OS was 12.1 vs 10.4, HR 0.80.",
     [("PFS", 5.6, "months"), ("OS", 12.1, "months"), ("OS", 10.4, "months")]),
    ("Median OS was 20.3 months, with infusions lasting 3 hours; median TTP was 8.2 vs 6.0, HR 0.75.",
     [("OS", 20.3, "months"), ("TTP", 8.2, "months"), ("TTP", 6.0, "months")]),
])
def test_hours_that_are_no_median_pass_no_unit_on(text, expected):
    assert meds(text) == expected


def test_a_ci_after_a_comma_before_hours_is_no_median():
    assert meds("The median time to relief was 36, 95% CI: 26-45 hours.") == [("other", 36.0, "hours")]


# Review 22, findings 10-11: a time to a point that is no event, whatever words stand between "time to" and the point


@pytest.mark.parametrize("text", [
    "The median time to reach peak plasma concentration was 2 h for both formulations.",
    "Median time to hospital discharge was 36 hours in the A group and 48 hours in the B group.",
    "Median time to initiation of antibiotic therapy was 3.5 h.",
    "Median time to start of treatment was 4 h after admission.",
    "Median time to surgical intervention was 18 h.",
    "The median time to a positive blood culture was 14 hours.",
    "The median time to maximum serum level was 3 h after the dose.",
    "Median time to first antibiotic dose was 2.4 hours in both arms.",
    "The median time until discharge from the emergency department was 5 h.",
    "Median time to the white cell nadir was 20 h.",
])
def test_a_time_to_a_point_that_is_no_event_in_hours_is_none(text):
    assert meds(text) == []


def test_a_time_to_nadir_in_hours_after_a_median_in_months_adds_nothing():
    assert meds("Median survival was 10.2 months; the median time to nadir was 12 h.") == [("OS", 10.2, "months")]


@pytest.mark.parametrize("text, expected", [
    ("Median time to treatment failure was 30 h with A and 42 h with B.",
     [("other", 30.0, "hours"), ("other", 42.0, "hours")]),
    ("Median time to pain relief after the first dose was 1.2 h with A and 2.0 h with B.",
     [("other", 1.2, "hours"), ("other", 2.0, "hours")]),
    ("The median time to sustained relief of symptoms was 16 hours.", [("other", 16.0, "hours")]),
])
def test_a_time_to_an_event_in_hours_with_care_words_after_it_stays(text, expected):
    assert meds(text) == expected


# Review 22, finding 13: one arm's median in minutes, the other's in hours: neither (minutes are no unit)


@pytest.mark.parametrize("text", [
    "The median time to meaningful relief was 45 min with A and 1.5 h with placebo.",
    "Median time to onset of relief was 1.2 hours with placebo and 40 minutes with drug A.",
])
def test_a_median_in_hours_beside_one_in_minutes_is_none(text):
    assert meds(text) == []


def test_a_median_in_hours_beside_a_minutes_clause_after_a_semicolon_stays():
    assert meds("Median time to relief was 2.5 h with A and 3.0 h with B; infusions lasted 30 min.") == [
        ("other", 2.5, "hours"), ("other", 3.0, "hours")]


# Round 25 (fresh28): "median times to X", one time per arm, and "time-to-X", in hours


@pytest.mark.parametrize("text, expected", [
    ("Median times to relapse were 22.5 hours with drug A and 13.0 hours with drug B.",
     [("other", 22.5, "hours"), ("other", 13.0, "hours")]),
    ("The median times to return of pain were 8 and 5 hours in the two groups (p = 0.02).",
     [("other", 8.0, "hours"), ("other", 5.0, "hours")]),
    ("The median time-to-rescue medication was 6.5 h after A versus 4.0 h after placebo.",
     [("other", 6.5, "hours"), ("other", 4.0, "hours")]),
])
def test_median_times_to_an_event_in_hours_are_medians(text, expected):
    assert meds(text) == expected


@pytest.mark.parametrize("text", [
    "Median times to peak plasma concentration were 1.5 hours and 2.0 hours.",
    "Median times to maximum concentration (tmax) were 1.0 and 1.5 hours.",
    "Median times-to-peak were 2 and 3 hours for the two tablets.",
    "Median tmax was 2 hours and the median terminal half-life was 10.3 hours.",
    "The median times to first dose were 2 and 3 hours.",
    "Median times to discharge were 36 and 48 hours.",
    "The median doses were 6 and 12 mg every 4 hours.",
    "Median follow-up times were 48 and 72 hours.",
    "The median ages of the neonates were 36 and 48 hours.",
])
def test_median_times_in_hours_that_are_no_event_are_none(text):
    assert meds(text) == []


# Round 25: the timing of a dose beside a median is no median ("a second dose was taken 4 hours later")


@pytest.mark.parametrize("text, expected", [
    ("Median time to relapse was 18 hours; a second tablet was taken 2 hours later.", [("other", 18.0, "hours")]),
    ("Median times to relief were 1.5 hours with A, dosed 6 hours apart, and 2.5 hours with B.",
     [("other", 1.5, "hours"), ("other", 2.5, "hours")]),
    ("Median times to relapse were 20 and 14 hours, and patients took a second dose 4 hours after the first.",
     [("other", 20.0, "hours"), ("other", 14.0, "hours")]),
    ("Median TTP was 5.5 months; the second cycle was given 2 months later.", [("TTP", 5.5, "months")]),
])
def test_the_timing_of_a_dose_beside_a_median_is_none(text, expected):
    assert meds(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Median times to recurrence were 12.5 hours after drug A and 9.0 hours after placebo.",
     [("other", 12.5, "hours"), ("other", 9.0, "hours")]),
    ("Median OS was 14 months in patients given drug A and 11 months in those given placebo.",
     [("OS", 14.0, "months"), ("OS", 11.0, "months")]),
])
def test_a_median_after_an_arm_or_a_dosing_word_further_back_stays(text, expected):
    assert meds(text) == expected


# Round 25 (fresh11): an outcome's bracketed pair with a unit after each value, no "median" before it


@pytest.mark.parametrize("text, expected", [
    ("Patients given A had longer PFS (6.1 months vs 4.0 months, P = .02) than those given B.",
     [("PFS", 6.1, "months"), ("PFS", 4.0, "months")]),
    ("A improved OS (14.2 mo vs. 11.0 mo; HR 0.81) compared with B.", [("OS", 14.2, "months"), ("OS", 11.0, "months")]),
    ("TTP (20 weeks versus 12 weeks) favoured the combination.", [("TTP", 20.0, "weeks"), ("TTP", 12.0, "weeks")]),
])
def test_an_outcomes_bracketed_pair_with_units_is_a_median_pair(text, expected):
    assert meds(text) == expected


@pytest.mark.parametrize("text", [
    "PFS (at 6 months vs 12 months) was estimated by the Kaplan-Meier method.",
    "PFS (6-month rate 45% vs 30%) was higher with A.",
    "OS (mean 14.2 months vs 11.0 months) did not differ.",
])
def test_an_outcomes_bracket_without_a_median_pair_gives_none(text):
    assert meds(text) == []


# Review 24, finding 24: a count of times ("a median of 2 times to void") is no time to an event, and "during 8 hours"
# or "per 8 weeks" is a period or the span of a rate, no median


@pytest.mark.parametrize("text", [
    "Participants got up a median of 2 times to void during 8 hours in bed.",
    "Patients were woken a median of 3 times to void during 8 hours of sleep.",
    "Children woke a median of 2 times to feed during 12 hours overnight.",
    "Participants got up a median of 2 times to void across 8 hours in bed.",
    "Patients were woken a median of three times to void (8 hours of sleep).",
    "Participants got up a median of 2 times to void during 8 weeks of treatment.",
    "Patients voided a median of 3 times per 8 weeks.",
])
def test_a_count_of_times_or_a_period_is_no_median(text):
    assert meds(text) == []


@pytest.mark.parametrize("text, expected", [
    ("Median time to relapse during treatment was 18 hours.", [("other", 18.0, "hours")]),
    ("Median time to relief was 2 hours during the first attack.", [("other", 2.0, "hours")]),
    ("Median times to relief were 2 and 3 hours.", [("other", 2.0, "hours"), ("other", 3.0, "hours")]),
    ("The median time to first void was 2 hours, and patients got up a median of 2 times to void.",
     [("other", 2.0, "hours")]),
])
def test_a_time_to_an_event_beside_during_or_a_count_stays(text, expected):
    assert meds(text) == expected


# Review 24, finding 25: an outcome's bracketed pair of landmarks or follow-ups is no median pair


@pytest.mark.parametrize("text", [
    "Landmark OS (12 months vs 24 months) was 80% and 62%, respectively.",
    "Minimum follow-up for PFS (12 months vs 18 months in the two trials) differed.",
    "OS (5 years vs 3 years) rates were 60% and 72%.",
    "OS (12 months vs 24 months) was 80% and 62%.",
    "PFS (6 months vs 12 months) estimates were 55% and 31%.",
    "The median follow-up was 30 months; landmark OS (12 months vs 24 months) was 80% and 62%.",
    "Median follow-up for PFS (12 months vs 18 months) differed.",
    "Median follow-up for PFS (12 vs 18 months) differed.",
    "The study was powered to detect an improvement in median PFS (3 months vs 4.5 months).",
])
def test_an_outcomes_bracketed_pair_of_time_points_is_none(text):
    assert meds(text) == []


# Review 24, finding 26: an outcome's bracketed pair after an earlier "median" of something else is still read


@pytest.mark.parametrize("text, expected", [
    ("The median follow-up was 30 months; PFS (5.4 months vs 3.0 months) favoured A.",
     [("PFS", 5.4, "months"), ("PFS", 3.0, "months")]),
    ("After a median follow-up of 30 months, PFS (5.4 months vs 3.0 months) favoured A.",
     [("PFS", 5.4, "months"), ("PFS", 3.0, "months")]),
    ("With median follow-up of 24 months, OS (14.2 mo vs. 11.0 mo; HR 0.81) favoured A.",
     [("OS", 14.2, "months"), ("OS", 11.0, "months")]),
    ("The median age was 60 years; PFS (5.4 vs 3.0 months, HR 0.7) favoured A.",
     [("PFS", 5.4, "months"), ("PFS", 3.0, "months")]),
    ("We assumed a median OS of 12 months; OS (14.2 months vs 11.0 months) favoured A.",
     [("OS", 14.2, "months"), ("OS", 11.0, "months")]),
])
def test_an_outcomes_bracketed_pair_after_another_median_is_read(text, expected):
    assert meds(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Median PFS (5.4 months vs 3.0 months) favoured A.", [("PFS", 5.4, "months"), ("PFS", 3.0, "months")]),
    ("PFS (5.4 months vs 3.0 months) was longer with A, and the response rate was 40%.",
     [("PFS", 5.4, "months"), ("PFS", 3.0, "months")]),
    # a dosing word right before a value is the amount given, not a median; after the value it is the arm
    ("Median OS among those given 6 months of chemotherapy was 20 months.", [("OS", 20.0, "months")]),
    ("Median OS was 11 months in those given placebo.", [("OS", 11.0, "months")]),
])
def test_an_outcomes_bracketed_pair_and_an_arm_given_a_drug_stay(text, expected):
    assert meds(text) == expected


def arms_of(text: str):
    return [(m.value, m.arm) for m in medians_in_sentence(sentence(text))]


@pytest.mark.parametrize(
    "text, expected",
    [
        # "X months with/for/in/on A"
        ("Median PFS was 7.8 months with everolimus and 3.2 months with placebo.", [(7.8, "everolimus"), (3.2, "placebo")]),
        ("Median PFS was 6.9 months with everolimus plus exemestane and 2.8 months with placebo plus exemestane.",
         [(6.9, "everolimus plus exemestane"), (2.8, "placebo plus exemestane")]),
        ("median OS was 14.2 months for docetaxel versus 11.0 months for the control group",
         [(14.2, "docetaxel"), (11.0, "control")]),
        ("Median PFS was 7.8 months (95% CI 6.9-8.5) in the everolimus arm and 3.2 months in the placebo arm.",
         [(7.8, "everolimus"), (3.2, "placebo")]),
        ("median TTP was 20 weeks on tamoxifen", [(20.0, "tamoxifen")]),
        # "A: X months"
        ("Median PFS (everolimus: 7.8 months; placebo: 3.2 months) favoured everolimus.", [(7.8, "everolimus"), (3.2, "placebo")]),
        # "X and Y months with A and B, respectively"
        ("Median PFS was 7.8 and 3.2 months with everolimus and placebo, respectively.", [(7.8, "everolimus"), (3.2, "placebo")]),
        ("Median overall survival (OS) was 2.9 and 3.4 months in the placebo and erlotinib arms",
         [(2.9, "placebo"), (3.4, "erlotinib")]),
        # "X vs Y months" when the clause names the compared groups in order
        ("Median PFS with everolimus vs placebo was 7.8 vs 3.2 months.", [(7.8, "everolimus"), (3.2, "placebo")]),
        ("Everolimus versus placebo: median PFS 7.8 versus 3.2 months (HR 0.45).", [(7.8, "Everolimus"), (3.2, "placebo")]),
        ("Median PFS for the everolimus and placebo groups was 7.8 and 3.2 months.", [(7.8, "everolimus"), (3.2, "placebo")]),
        ("Median PFS was longer in group A versus group B (7.8 vs 3.2 months).", [(7.8, "group A"), (3.2, "group B")]),
    ],
)
def test_median_arm_is_the_group_its_sentence_ties_it_to(text, expected):
    assert arms_of(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "median PFS was 7.8 months (95% CI 6.9–8.5) in the overall population",
        # one single-arm study: the median is the study's, no arm
        "In this single-arm study of everolimus, median PFS was 7.8 months (95% CI 5.1-9.9).",
        # the pair with no groups named
        "Median PFS was 7.8 vs 3.2 months (HR 0.45; P < .001).",
        # two outcomes in order, not two arms
        "The median PFS and OS for all patients were 3.8 and 8.1 months, respectively.",
        # a list joined by "and" without "respectively" or "groups" may be one combination: never split
        "Median PFS was 7.8 vs 3.2 months with everolimus and exemestane.",
        # the arm of one value of a pair: the other's is not guessed
        "Median PFS was 7.8 vs 3.2 months in the everolimus arm.",
        "Median OS was 7.8 months in both arms.",
        "Median OS was 7.8 months in patients with liver metastases.",
    ],
)
def test_median_has_no_arm_when_its_sentence_ties_it_to_none(text):
    assert all(arm is None for _, arm in arms_of(text)), arms_of(text)
    assert arms_of(text)


def test_median_arms_of_labelled_groups_sharing_one_plural_arm_word():
    assert arms_of("Overall survival was not different between groups A and B (median 37.0 versus 15.5 months, HR = 0.58).") == [
        (37.0, "group A"), (15.5, "group B")]


@pytest.mark.parametrize(
    "text",
    [
        # a characteristic of the patients, not a treatment
        "Kaplan-Meier analysis for patients with high vs. low Lipiodol deposition showed a MOS of 46 vs. 33 months (p = 0.05).",
        # another thought after a comma
        "Survival was long, at a median of 8.2 years (mean 9.5 ± 2.3 years), with registers of measurements available in 51%.",
    ],
)
def test_median_has_no_arm_from_a_characteristic_or_a_later_thought(text):
    assert arms_of(text) and all(arm is None for _, arm in arms_of(text)), arms_of(text)


def test_arm_reading_takes_linear_time_over_a_long_white_space_run():
    import time

    from mbc_sr.extract.value_arms import value_arms

    text = "Median PFS was 7.8" + " " * 50000 + "x vs 3.2 months"
    started = time.perf_counter()
    assert value_arms(text, [(15, 18), (len(text) - 11, len(text) - 8)]) == [None, None]
    assert time.perf_counter() - started < 1.0


def record_arms(text: str):
    """Medians and rates of a RESULTS sentence run through the whole record extraction, with their arms."""
    from mbc_sr.extract.record import extract_record

    extracted = extract_record(record([("RESULTS", text)]))
    return ([(m.outcome, m.value, m.arm) for m in extracted.medians],
            [(r.measure, r.value, r.arm) for r in extracted.rates])


@pytest.mark.parametrize(
    "text, expected_medians",
    [
        # the groups of another outcome's values, before a ", while"/", but": not this outcome's
        ("ORR with everolimus vs placebo was 12% vs 2%, while median PFS was 3.2 vs 7.8 months in the ER-low and "
         "ER-high subgroups.", [("PFS", 3.2, None), ("PFS", 7.8, None)]),
        ("With everolimus vs placebo the ORR was 12% vs 2%, but median PFS in visceral vs non-visceral disease was "
         "6.8 vs 9.1 months.", [("PFS", 6.8, None), ("PFS", 9.1, None)]),
        ("ORR with everolimus vs placebo was 12% vs 2% and median PFS was 3.2 vs 7.8 months.",
         [("PFS", 3.2, None), ("PFS", 7.8, None)]),
        # a subgroup list after the values: no fall-back to a list earlier in the clause
        ("Median PFS with everolimus vs placebo was 3.2 vs 7.8 months in the ER-low and ER-high subgroups.",
         [("PFS", 3.2, None), ("PFS", 7.8, None)]),
        # the groups of a prior treatment are no arms of the study's values
        ("Among patients previously treated with letrozole vs anastrozole, median PFS with everolimus was 7.8 vs 3.2 months.",
         [("PFS", 7.8, None), ("PFS", 3.2, None)]),
        ("Among patients progressing on letrozole vs anastrozole, median PFS was 7.8 vs 3.2 months.",
         [("PFS", 7.8, None), ("PFS", 3.2, None)]),
        ("In patients pretreated with letrozole vs anastrozole, median PFS was 7.8 vs 3.2 months.",
         [("PFS", 7.8, None), ("PFS", 3.2, None)]),
        # two outcomes in order before "respectively": their groups are not paired with them
        ("Median PFS and OS were 7.8 and 20.1 months with everolimus and placebo, respectively.",
         [("PFS", 7.8, None), ("OS", 20.1, None)]),
    ],
)
def test_a_group_list_only_gives_arms_to_values_of_its_own_clause_and_outcome(text, expected_medians):
    assert record_arms(text)[0] == expected_medians


@pytest.mark.parametrize(
    "text",
    [
        "Median PFS was 7.8 months with acceptable toxicity.",
        "Median PFS was 7.8 months with manageable side effects.",
        "Median PFS was 7.8 months with good tolerability.",
        "Median PFS was 7.8 months with dose reductions in 30% of patients.",
    ],
)
def test_a_phrase_after_with_is_an_arm_only_when_it_names_a_treatment(text):
    medians, _ = record_arms(text)
    assert medians == [("PFS", 7.8, None)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Median PFS was 7.8 months with everolimus and 3.2 months with placebo.", [(7.8, "everolimus"), (3.2, "placebo")]),
        ("Median PFS was 7.8 months with everolimus plus exemestane.", [(7.8, "everolimus plus exemestane")]),
        ("Median PFS was 7.8 months with group A and 3.2 months with group B.", [(7.8, "group A"), (3.2, "group B")]),
        ("Median PFS with everolimus vs placebo was 7.8 vs 3.2 months.", [(7.8, "everolimus"), (3.2, "placebo")]),
        ("In patients treated with everolimus vs placebo, median PFS was 7.8 vs 3.2 months.",
         [(7.8, "everolimus"), (3.2, "placebo")]),
        ("With everolimus vs placebo, the median PFS was 7.8 vs 3.2 months.", [(7.8, "everolimus"), (3.2, "placebo")]),
    ],
)
def test_treatment_arms_are_still_read_after_the_mend(text, expected):
    assert arms_of(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Median PFS was 7.8 and 3.2 months in the PIK3CA-mutant and wild-type cohorts, respectively.",
        "Median PFS was 7.8 and 3.2 months for the luminal A and luminal B groups.",
        "Median PFS was 7.8 and 3.2 months in the ER-high and ER-low groups, respectively.",
        "Median PFS was 7.8 months in the luminal A cohort.",
    ],
)
def test_a_group_named_by_a_disease_or_biomarker_characteristic_is_no_arm(text):
    assert arms_of(text) and all(arm is None for _, arm in arms_of(text)), arms_of(text)


def test_dose_arms_keep_their_dose_but_not_their_schedule():
    assert arms_of("Median PFS with everolimus 10 mg vs everolimus 5 mg daily was 7.8 vs 3.2 months.") == [
        (7.8, "everolimus 10 mg"), (3.2, "everolimus 5 mg")]
    assert arms_of("Median PFS was 7.8 vs 3.2 months with everolimus 10 mg daily vs everolimus 5 mg daily.") == [
        (7.8, "everolimus 10 mg"), (3.2, "everolimus 5 mg")]
    assert arms_of("Median PFS was 7.8 vs 3.2 months in the high-dose and low-dose arms.") == [
        (7.8, "high-dose"), (3.2, "low-dose")]


@pytest.mark.parametrize(
    "shape",
    [
        "Median PFS was 7.8 months with {run}.",
        "Median PFS with {run} vs placebo was 7.8 vs 3.2 months.",
        "Median PFS was 7.8 vs 3.2 months with {run} and placebo, respectively.",
    ],
)
def test_arm_reading_takes_linear_time_over_a_long_hyphenated_word(shape):
    import time

    from mbc_sr.extract.value_arms import value_arms

    text = shape.format(run="-".join(["a"] * 10000))
    values = [(m.start(), m.end()) for m in re.finditer(r"\d\.\d", text)]
    started = time.perf_counter()
    assert value_arms(text, values) == [None] * len(values)
    assert time.perf_counter() - started < 1.0


def test_one_value_keeps_its_one_named_group_before_respectively():
    text = ("A longer median survival, 76 days compared to 36 days for free PTX and 37 days for free ETP treatment, "
            "respectively.")
    assert arms_of(text)[-1] == (37.0, "free ETP treatment")
    assert arms_of("Median PFS and OS were 7.8 and 20.1 months with everolimus and placebo, respectively.") == [
        (7.8, None), (20.1, None)]

"""Hazard ratios: every written form, CI and p variants, labels; what is not a hazard ratio."""

from __future__ import annotations

import pytest

from mbc_sr.extract.effects import hazard_ratios, hazard_ratios_in_sentence
from tests.extract.helpers import assert_span_points_at, record, sentence


def hrs(text: str):
    return [(h.value, h.ci_low, h.ci_high, h.p) for h in hazard_ratios_in_sentence(sentence(text))]


@pytest.mark.parametrize(
    "text, expected",
    [
        # the forms named in the issue
        ("PFS was longer (HR 0.43; 95% CI, 0.35 to 0.54).", (0.43, 0.35, 0.54, None)),
        ("PFS hazard ratio = 0.45 [0.38–0.54].", (0.45, 0.38, 0.54, None)),
        ("Median PFS improved (HR, 0.38 (95% CI 0.31-0.48); P < .001).", (0.38, 0.31, 0.48, "<0.001")),
        # more CI wordings
        ("hazard ratio [HR], 0.520; 95% confidence interval [CI], 0.362 to 0.747; P < .001", (0.520, 0.362, 0.747, "<0.001")),
        ("(hazard ratio [HR] 0·48 [95% CI 0·33-0·71]; p=0·0002)", (0.48, 0.33, 0.71, "=0.0002")),
        ("a hazard ratio (HR) = 0.85 (95% confidence interval [CI] = 0.79, 0.91; p < .001)", (0.85, 0.79, 0.91, "<0.001")),
        ("nPFS HR 0.95 (95% CI = 0.59 to1.54; P = .84)", (0.95, 0.59, 1.54, "=0.84")),
        ("PFS (HR, 4.31, 95 %CI: 2.06-8.99, p < 0.0001)", (4.31, 2.06, 8.99, "<0.0001")),
        ("OS (HR: 2.10, 95% CI: 1.77-2.50, p < 0.001)", (2.10, 1.77, 2.50, "<0.001")),
        ("the adjusted Hazard Ratio (aHR) was 0.85 (95% Confidence Interval [CI]: 0.64-1.13)", (0.85, 0.64, 1.13, None)),
        ("(aHR 2.8, 95%CI: 1.30-6.13)", (2.8, 1.30, 6.13, None)),
        ("(hazard ratio = 0.38, 95% confidence interval = 0.23 to 0.60, P = 0.000048)", (0.38, 0.23, 0.60, "=0.000048")),
        ("(HR 37.47 (95% CI: 5.56–252.74) P=0.0001)", (37.47, 5.56, 252.74, "=0.0001")),
        ("hazard ratio for death, 0.49; 95% CI, 0.41 to 0.58; two-sided P<0.001", (0.49, 0.41, 0.58, "<0.001")),
        ("OS (HR 0.76, P = 0.012)", (0.76, None, None, "=0.012")),
        ("[P = 0.031, HR 3.32 (95% CI: 1.11-11.1)]", (3.32, 1.11, 11.1, "=0.031")),
        ("HR = 0.58, P = 0.073", (0.58, None, None, "=0.073")),
        ("(HR 0.89; 99% CI 0.70 to 1.12)", (0.89, 0.70, 1.12, None)),
        # the CI header written with the label, before the value
        ("worse DMFS (hazard ratio [95% confidence interval], 1.61 [1.20-2.15]; P = .026)", (1.61, 1.20, 2.15, "=0.026")),
        ("OS was longer (HR (95% CI): 0.70 (0.59–0.83)).", (0.70, 0.59, 0.83, None)),
        ("OS was longer (HR [95% CI] 0.70 [0.59 to 0.83], P = 0.01).", (0.70, 0.59, 0.83, "=0.01")),
        ("the hazard ratio (HR, 95% CI) for death was 0.70 (0.59-0.83)", (0.70, 0.59, 0.83, None)),
        # bounds separated by a comma or semicolon; credible intervals; the level after "CI"
        ("OS was longer (HR 0.70 (95% CI: 0.59, 0.83)).", (0.70, 0.59, 0.83, None)),
        ("OS (HR 0.70, 95% CI [0.59; 0.83]).", (0.70, 0.59, 0.83, None)),
        ("OS (HR 0.70; 95% CrI 0.59 to 0.83).", (0.70, 0.59, 0.83, None)),
        ("OS (HR 0.70; 95% credible interval 0.59-0.83).", (0.70, 0.59, 0.83, None)),
        ("OS (HR 0.70, CI 95% 0.59-0.83).", (0.70, 0.59, 0.83, None)),
        ("OS (HR 0.70, 95%-CI 0.59-0.83).", (0.70, 0.59, 0.83, None)),
        ("survival (adjusted hazard ratio (aHR) = 0.76, 95% CI 0.64, 0.89)", (0.76, 0.64, 0.89, None)),
    ],
)
def test_hazard_ratio_forms(text, expected):
    assert hrs(text) == [expected]


def test_ci_level_is_kept():
    (hr,) = hazard_ratios_in_sentence(sentence("(HR 0.89; 99% CI 0.70 to 1.12)"))
    assert hr.ci_level == 99.0
    (after,) = hazard_ratios_in_sentence(sentence("(HR 0.89, CI 90% 0.70-1.12)"))
    assert after.ci_level == 90.0


@pytest.mark.parametrize(
    "text",
    [
        "Postmenopausal women with HR+, HER2- advanced breast cancer were eligible.",
        "Patients with HR-positive, HER2-negative disease (HR+/HER2−) were randomised.",
        "In HR+ tumours the response was 45% (95% CI 30-60).",
        "Odds ratio 4.88 (95% CI 1.55-14.32, p = 0.013) for PSA response.",
        "The relative risk was 1.07 (RR: 1.07; 95%CI: 1.02-1.12; P = 0.007).",
        "Incidence rate ratio 1.4 (95% CI 1.1-1.8).",
        "PFS HRs = 0.64-0.68 and OS HRs = 0.75-0.79 in the biomarker subgroups.",
        "Hazard ratios (HRs) were calculated using Cox regression.",
        "Hazard ratios (95% CI) were estimated with Cox models.",
        "The odds ratios for response and toxicity were 1.84 (1.22-2.77) and 2.21 (1.58-3.11), respectively.",
        "The hazard ratios for PFS and OS were similar in both age groups.",
        "Hazard ratios for death in all subgroups were 0.64-0.68.",
        "The hazard ratio for death was lower and median OS was 12.3 (95% CI 10.1-14.2) months.",
    ],
)
def test_not_hazard_ratios(text):
    assert hrs(text) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        # the unit of a continuous covariate between the value and its CI
        ("Higher pressure predicted death (hazard ratio 1.25 per 10 mm Hg, 95% confidence interval, 1.05-1.49, P = 0.01).",
         (1.25, 1.05, 1.49, "=0.01")),
        ("Age was associated with mortality (adjusted HR = 1.04 per year increase; 95% CI: 1.01-1.08).", (1.04, 1.01, 1.08, None)),
        # "hazards ratio", "Confidence Interval (CI):" with no space before the bounds
        ("Older age (hazards ratio (HR):1.45, 95% Confidence Interval (CI):1.10-1.91, P = 0.008) predicted relapse.",
         (1.45, 1.10, 1.91, "=0.008")),
        # "HRadj" and an upper-case "AHR" defined in the text
        ("Exposure was linked to mortality (HRadj = 1.22 [95%CI: 1.05, 1.41]).", (1.22, 1.05, 1.41, None)),
        ("Mortality rose with male sex (adjusted hazard ratio (AHR) = 2.10; 95% CI 1.20-3.70).", (2.10, 1.20, 3.70, None)),
        # a long "of ... for ..." phrase before the value, trusted with a CI
        ("The hazard ratio (HR) of drug A vs drug B alone for recurrent stroke was 0.42 (95% CI, 0.20-0.85; P = .01).",
         (0.42, 0.20, 0.85, "=0.01")),
    ],
)
def test_hazard_ratio_forms_with_asides_and_abbreviations(text, expected):
    assert hrs(text) == [expected]


def test_an_adjusted_hr_abbreviated_ahr_is_multivariable():
    (hr,) = hazard_ratios_in_sentence(sentence("Death (HRadj = 1.22 [95%CI: 1.05, 1.41]) rose."))
    assert hr.analysis == ("multivariable",)


def test_upper_case_ahr_needs_hazard_ratio_named_in_the_record():
    # "AHR" is also airway hyperresponsiveness: taken only when the record speaks of hazard ratios
    airway = "Airway hyperresponsiveness (AHR) = 2.10 (1.20-3.70) in smokers."
    assert hrs(airway) == []
    assert hazard_ratios(record(f"Smoking and airways. {airway}")) == []
    defined = record("Cox models gave adjusted hazard ratios (AHR). Male sex (AHR = 2.10; 95% CI 1.20-3.70) predicted death.")
    assert [(h.value, h.ci_low, h.ci_high) for h in hazard_ratios(defined)] == [(2.10, 1.20, 3.70)]


def test_a_per_unit_phrase_is_read_only_before_a_labelled_ci():
    assert hrs("HR 1.30 per year (1.10-1.50)") == [(1.30, None, None, None)]
    assert hrs("HR 1.30 per year of age, and 5% (95% CI 2-8) had events") == [(1.30, None, None, None)]


def test_a_long_phrase_between_label_and_value_needs_a_ci():
    assert hrs("The hazard ratio of treatment with the new drug compared to usual care for all events was 0.42.") == []
    assert hrs("The hazard ratio of the new drug vs usual care alone for stroke was 0.42 in the trial.") == []


def test_a_phrase_between_label_and_value_may_make_it_a_subgroup():
    (hr,) = hazard_ratios_in_sentence(sentence("The HR in the subgroup with diabetes was 0.61 (95% CI, 0.40-0.93)."))
    assert hr.subgroup and (hr.value, hr.ci_low, hr.ci_high) == (0.61, 0.40, 0.93)


def test_heart_rate_hr_is_not_a_hazard_ratio():
    rec = record("Heart rate (HR) was recorded. HR 72 (95% CI 60-80) beats/min at rest; HR was lower after the block.")
    assert hazard_ratios(rec) == []


def test_ci_that_does_not_bracket_the_value_is_not_taken():
    assert hrs("HR 0.43 (1.2-3.4)") == [(0.43, None, None, None)]


def test_list_continuations_under_an_hr_label_and_not_under_other_ratios():
    text = ("no difference in local recurrence (7% [95% CI 3-16] vs 7% [3-16]; adjusted hazard ratio [HR] 0·71 [95% CI 0·19-2·58]; "
            "p=0·60), metastatic disease (18% [CI 11-30] vs 19% [11-31]; 0·86 [0·36-2·06]; p=0·73), or overall survival "
            "(84% [73-91] vs 82% [71-90]; 0·92 [0·38-2·22]; p=0·85).")
    assert hrs(text) == [(0.71, 0.19, 2.58, "=0.60"), (0.86, 0.36, 2.06, "=0.73"), (0.92, 0.38, 2.22, "=0.85")]
    found = hazard_ratios_in_sentence(sentence(text))
    assert [h.extractor for h in found] == ["effects.hr_labelled", "effects.hr_list_continuation", "effects.hr_list_continuation"]
    assert [h.outcome for h in found] == ["other", "other", "OS"]
    mixed = "PFS (HR 2.58, 95% CI 1.34-4.95) and PSA response (odds ratio 4.88 [1.55-14.32])"
    assert hrs(mixed) == [(2.58, 1.34, 4.95, None)]


@pytest.mark.parametrize("statistic", [
    "an area under the curve (AUC) of", "an AUC of", "a C-index of", "a c-statistic of", "a sensitivity of",
    "an odds ratio of", "a correlation coefficient of", "r =",
])
def test_a_list_of_hrs_is_not_continued_by_another_statistics_values(statistic):
    text = (f"Age (HR 3.2, 95% CI 1.2-8.4, P = 0.017) and stage (HR 2.1, 95% CI 1.1-4.0, P = 0.03) were risk factors, "
            f"with {statistic} 0.920 (95% CI 0.842-0.998, P < 0.001) and 0.851 (95% CI 0.739-0.962), respectively.")
    assert hrs(text) == [(3.2, 1.2, 8.4, "=0.017"), (2.1, 1.1, 4.0, "=0.03")]


def test_a_list_of_hrs_continues_up_to_another_statistics_name():
    text = "OS (adjusted HR 0.71 [95% CI 0.52-0.97]) and PFS (0.86 [0.66-1.12]) were similar; the AUC was 0.70 (0.61-0.79)."
    assert hrs(text) == [(0.71, 0.52, 0.97, None), (0.86, 0.66, 1.12, None)]


@pytest.mark.parametrize("text, expected", [
    ("Nodal stage predicted PFS and OS (HR 2.10, p = 0.01 and HR 1.80, p = 0.04).", [(2.1, "PFS"), (1.8, "OS")]),
    ("A improved DFS, OS and DRFS compared with B (HR, 0.83; 95% CI, 0.72-0.96; HR, 0.88; 95% CI, 0.74-1.05; "
     "and HR, 0.81; 95% CI, 0.68-0.95).", [(0.83, "DFS"), (0.88, "OS"), (0.81, "DRFS")]),
    ("A gave longer OS and PFS, and a higher response rate and longer DoR than B (HR: 0.85, 95% CI: 0.76-0.94; "
     "HR: 0.80, 95% CI: 0.71-0.90; OR: 1.48, 95% CI: 1.12-1.96; and 1.39, respectively).", [(0.85, "OS"), (0.8, "PFS")]),
])
def test_hrs_in_one_bracket_take_the_outcomes_listed_before_it_in_order(text, expected):
    assert outcomes(text) == expected


@pytest.mark.parametrize("text, expected", [
    # the bracket names each HR's outcome
    ("Stage predicted PFS and OS (PFS: HR 2.10, p = 0.01; OS: HR 1.80, p = 0.04).", [(2.1, "PFS"), (1.8, "OS")]),
    # as many HRs as outcomes only: three HRs after two outcomes keep the nearest outcome
    ("Stage predicted PFS and OS (HR 2.10, HR 1.80 and HR 1.50).", [(2.1, "OS"), (1.8, "OS"), (1.5, "OS")]),
    # HRs in separate brackets each take the outcome nearest before them
    ("PFS (HR 0.50, 95% CI 0.40-0.60) and OS (HR 0.70, 95% CI 0.60-0.80) were longer.", [(0.5, "PFS"), (0.7, "OS")]),
    # a list further back, not right before the bracket, without "respectively"
    ("PFS and OS were longer, and so was DoR (HR 0.50, 95% CI 0.40-0.60; HR 0.70, 95% CI 0.60-0.80).",
     [(0.5, "other"), (0.7, "other")]),
])
def test_hrs_not_paired_with_listed_outcomes(text, expected):
    assert outcomes(text) == expected


@pytest.mark.parametrize("text, expected", [
    # the p of an interaction, a trend or heterogeneity is no HR's p
    ("in women (HR 3.51; 95% CI 1.00-12.34) but not men (HR 0.70, 95% CI 0.16-3.16) (P = 0.098 for interaction)",
     [(3.51, 1.0, 12.34, None), (0.70, 0.16, 3.16, None)]),
    ("HR 1.40 (95% CI 1.10-1.80), P = 0.01 for trend", [(1.40, 1.10, 1.80, None)]),
    # nor a p that its CI contradicts
    ("A (HR 1.62, 95% CI 1.25-2.1) vs B (HR 1.23, 95% CI 0.94-1.61; P < 0.001)", [(1.62, 1.25, 2.1, None), (1.23, 0.94, 1.61, None)]),
    ("HR 0.50 (95% CI 0.30-0.80), P = 0.45", [(0.50, 0.30, 0.80, None)]),
    # a p near the cut-off, or at a rounded bound, is kept
    ("HR 1.40 (95% CI 0.99-1.98), p = 0.052", [(1.40, 0.99, 1.98, "=0.052")]),
    ("HR 3.51 (95% CI 1.00-12.34), p = 0.05", [(3.51, 1.0, 12.34, "=0.05")]),
    ("HR 1.32 (95% confidence interval: 1.06-1.64; p-value: 0.01)", [(1.32, 1.06, 1.64, "=0.01")]),
    ("HR 1.32 (95% CI 1.06-1.64; P < 0.001 by log-rank)", [(1.32, 1.06, 1.64, "<0.001")]),
])
def test_a_p_is_an_hrs_only_when_it_can_be(text, expected):
    assert hrs(text) == expected


def test_an_earlier_sentences_outcome_labels_an_hr_only_a_few_sentences_on():
    near = "Mortality was similar. Adverse events were rare. B had fewer rebleeds than A (HR 0.12; 95% CI 0.03-0.41)."
    assert outcomes(near) == [(0.12, "OS")]
    # exactly two sentences naming none in between: still carried (one fewer allowed would lose it)
    two = "Mortality was similar. Adverse events were rare. Costs were similar. B had fewer rebleeds than A (HR 0.12; 95% CI 0.03-0.41)."
    assert outcomes(two) == [(0.12, "OS")]
    far = ("Mortality was similar. Adverse events were rare. Costs were similar. Quality of life was not reported. "
           "B had fewer rebleeds than A (HR 0.12; 95% CI 0.03-0.41).")
    assert outcomes(far) == [(0.12, "other")]


def test_a_list_of_hazard_ratios_announced_by_one_label():
    plural = ("Adjusted hazard ratios for death in A, B and C were 1.84 (95% confidence interval [CI] 1.22-2.77), "
              "2.21 (95% CI 1.58-3.11) and 1.82 (95% CI 1.21-2.74), respectively.")
    assert hrs(plural) == [(1.84, 1.22, 2.77, None), (2.21, 1.58, 3.11, None), (1.82, 1.21, 2.74, None)]
    assert [h.outcome for h in hazard_ratios_in_sentence(sentence(plural))] == ["OS", "OS", "OS"]
    header = "Hazard ratios (95% CIs) for OS were 0.70 (0.59-0.83) in A and 0.80 (0.70-0.91) in B."
    assert hrs(header) == [(0.70, 0.59, 0.83, None), (0.80, 0.70, 0.91, None)]
    singular = "The hazard ratio for PFS and OS was 0.70 (0.59-0.83) and 0.80 (0.70-0.95), respectively."
    assert hrs(singular) == [(0.70, 0.59, 0.83, None), (0.80, 0.70, 0.95, None)]
    assert [h.outcome for h in hazard_ratios_in_sentence(sentence(singular))] == ["PFS", "OS"]


def test_a_list_head_needs_a_ci_and_a_plural_or_respectively():
    assert hrs("The hazard ratios for PFS and OS were 0.70 and 0.80.") == []
    assert hrs("The hazard ratio for PFS and OS was 0.70 (0.59-0.83) in the first cohort.") == []


def test_hr_from_to():
    assert hrs("a disease-free interval up to 68 months (HR from 2 [1.7-2.2] to 1.5 [1.1-1.9]) predicted recurrence") == [
        (2.0, 1.7, 2.2, None), (1.5, 1.1, 1.9, None),
    ]


def test_outcome_labels():
    rec = record(
        "Median progression-free survival was 7.8 vs 3.2 months (HR 0.43; 95% CI 0.35-0.54). "
        "Overall survival did not differ (hazard ratio 0.89, 95% CI 0.73-1.10). "
        "Time to progression was longer (HR = 0.60 [0.4-0.9]). "
        "The benefit was confirmed by central review (HR 0.38; 95% CI 0.31-0.48)."
    )
    assert [(h.outcome, h.value) for h in hazard_ratios(rec)] == [("PFS", 0.43), ("OS", 0.89), ("TTP", 0.60), ("TTP", 0.38)]


def test_several_analyses_are_all_kept_and_labelled():
    rec = record(
        "Median PFS was 7.8 months with everolimus and 3.2 months with placebo by local investigator assessment "
        "(HR 0.45; 95% CI 0.38-0.54; P < .0001) and 11.0 versus 4.1 months by central assessment "
        "(HR 0.38; 95% CI 0.31-0.48; P < .0001). In the multivariable analysis, HR 0.50 (95% CI 0.40-0.62)."
    )
    found = hazard_ratios(rec)
    assert [(h.value, h.analysis) for h in found] == [
        (0.45, ("investigator",)), (0.38, ("central review",)), (0.50, ("multivariable",)),
    ]


def test_central_review_and_investigator_labels_when_stated_separately():
    (central,) = hazard_ratios_in_sentence(sentence("By blinded independent central review, PFS HR was 0.36 (95% CI 0.27-0.47)."))
    (investigator,) = hazard_ratios_in_sentence(sentence("Investigator-assessed PFS HR was 0.43 (95% CI 0.35-0.54)."))
    assert central.analysis == ("central review",) and investigator.analysis == ("investigator",)


@pytest.mark.parametrize(
    "text, subgroup",
    [
        ("In the subgroup of patients with visceral metastases, PFS HR was 0.47 (95% CI 0.37-0.60).", True),
        ("Among patients with bone-only disease, HR 0.33 (95% CI 0.21-0.53).", True),
        ("In the East Asian population, PFS was prolonged (HR, 0.520; 95% CI, 0.362 to 0.747).", True),
        ("In men, a one-unit increase gave HR 0.85 (95% CI 0.79-0.91).", True),
        ("Everolimus prolonged PFS (HR 0.43; 95% CI 0.35-0.54).", False),
    ],
)
def test_subgroup_hazard_ratios_are_labelled(text, subgroup):
    (hr,) = hazard_ratios_in_sentence(sentence(text))
    assert hr.subgroup is subgroup


def test_hazard_ratio_span_covers_value_ci_and_p():
    text = "PFS improved (hazard ratio, 0.43; 95% CI, 0.35 to 0.54; P<0.001) with everolimus."
    rec = record([("BACKGROUND", "Background."), ("RESULTS", text)])
    (hr,) = hazard_ratios(rec)
    assert_span_points_at(rec, hr.span, "hazard ratio, 0.43; 95% CI, 0.35 to 0.54; P<0.001")
    assert_span_points_at(rec, hr.value_span, "0.43")
    assert hr.span.where == "abstract[1]" and hr.span.sentence == text


@pytest.mark.parametrize("dash", ["-", "\u2010", "\u2011", "\u2012", "\u2013", "\u2014", "\u2212"])
def test_every_dash_between_ci_bounds(dash):
    assert hrs(f"(HR, 1.04, 95% CI, 0.80{dash}1.37; P=0.77)") == [(1.04, 0.80, 1.37, "=0.77")]
    assert hrs(f"HR 0.71 [0.19{dash}2.58]") == [(0.71, 0.19, 2.58, None)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Kidney waiting list mortality was higher (adjusted hazard ratio [aHR], 1.37; 95% CI, 1.23-1.52).", "OS"),
        ("X was associated with 28-day mortality (HR 1.27, 95% CI 1.01-1.61).", "OS"),
        ("All-cause mortality was lower with A (HR 0.80; 95% CI 0.70-0.91).", "OS"),
        ("Creatinine (HR: 1.36; 95%CI: 1.04-1.81) was a predictor of mortality.", "OS"),
        ("Cancer-specific mortality was higher in unmarried males (HR: 1.24, 95%CI: 1.08-1.42).", "other"),
        ("Other-cause mortality was higher in males (HR: 1.53, 95%CI: 1.26-1.84).", "other"),
        ("Infection-related mortality was lower (HR 0.52, 95% CI 0.28-0.95).", "other"),
        ("Breast cancer mortality was reduced (HR 0.75, 95% CI 0.61-0.92).", "other"),
        ("Non-relapse mortality was higher (HR 2.10, 95% CI 1.20-3.50).", "other"),
    ],
)
def test_mortality_is_overall_survival_unless_a_cause_is_named(text, expected):
    assert [h.outcome for h in hazard_ratios_in_sentence(sentence(text))] == [expected]


@pytest.mark.parametrize(
    "text, expected",
    [
        # values after a CI header, the header with its own abbreviation, space-less brackets, comma bounds
        (("The hazard ratios [95% confidence interval (CI)] of 30- and 90-day mortality for group B were 2.77(1.39,5.54) "
          "and 2.59(1.31,5.12), respectively."), [(2.77, 1.39, 5.54, None), (2.59, 1.31, 5.12, None)]),
        ("HRs (95% CI) of 1-year death in arm 2 were 1.50 (1.10-2.05) and 1.20 (0.90-1.60).",
         [(1.50, 1.10, 2.05, None), (1.20, 0.90, 1.60, None)]),
        ("the HR (95% CI) was 2.142(1.522–3.014)", [(2.142, 1.522, 3.014, None)]),
        ("OS (HR 2.77, 95% CI 1.39,5.54)", [(2.77, 1.39, 5.54, None)]),
        # bounds after a comma inside the bracket of the value
        ("worse RFS (hazard ratio = 2.37, 1.65–3.41) and DFS (hazard ratio = 1.87, 1.13 to 3.08)",
         [(2.37, 1.65, 3.41, None), (1.87, 1.13, 3.08, None)]),
        ("a higher risk (HR: 1.45; 95% CI 1.20 to 1.76), especially in urban areas (2.14, 1.52 to 3.01).",
         [(1.45, 1.20, 1.76, None), (2.14, 1.52, 3.01, None)]),
        # the comparison named between value and CI; the "confidential interval" misspelling
        ("The adjusted hazard ratio was 1.57 (low vs high) (95% confidence interval: 1.17-2.10, p = 0.002).",
         [(1.57, 1.17, 2.10, "=0.002")]),
        ("hazard ratios were 0.79 (95% confidential interval: 0.54–1.16), 0.51 (0.31–0.82), respectively",
         [(0.79, 0.54, 1.16, None), (0.51, 0.31, 0.82, None)]),
        # a threshold in the label's phrase is no HR; the values after it are
        (("the adjusted HRs (95% CIs) for groups with BMI < 18.5, 23-24.9 and ≥ 30 were 1.12 (0.95-1.33), "
          "0.96 (0.89-1.04) and 0.99 (0.83-1.18), respectively."),
         [(1.12, 0.95, 1.33, None), (0.96, 0.89, 1.04, None), (0.99, 0.83, 1.18, None)]),
    ],
)
def test_values_after_a_ci_header_and_unlabelled_ci_forms(text, expected):
    assert hrs(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The odds ratios [95% confidence interval (CI)] of 30-day mortality were 2.77(1.39,5.54) and 2.59(1.31,5.12).",
        "The relative risk was 2.37, 1.65–3.41 in the cohort.",
        "(OR = 2.37, 1.65–3.41)",
        "Hazard ratios (95% CI) were estimated; 30-day mortality was 12% (8, 10 to 14).",
        "HRs for BMI 18.5-22.9 and 23-24.9 were estimated with Cox models.",
        "The hazard ratios (95% CI) of 30- and 90-day mortality were reported.",
    ],
)
def test_unlabelled_ci_forms_negatives(text):
    assert hrs(text) == []


def test_a_list_of_values_is_no_ci():
    assert hrs("(HR 2.37, 1.65, 3.41)") == [(2.37, None, None, None)]
    assert hrs("The HRs were 0.64, 0.66 and 0.68 in the three cohorts.") == [(0.64, None, None, None)]


def test_a_long_phrase_with_numbers_still_heads_a_list():
    text = ("HRs (95% CIs) of hip fracture in people with 10-19 and 1-9 teeth and without teeth were 1.77 (0.81-3.89), "
            "2.67 (1.24-5.75) and 2.31 (1.01-5.28), respectively.")
    assert hrs(text) == [(1.77, 0.81, 3.89, None), (2.67, 1.24, 5.75, None), (2.31, 1.01, 5.28, None)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The HR for patients aged 65 years or older was 0.80 (95% CI 0.60-0.90).", [(0.80, 0.60, 0.90, None)]),
        ("and the HR for patients with SBP less than 140 mm Hg was 0.19 (95% CI, 0.07-0.55; P = .002).",
         [(0.19, 0.07, 0.55, "=0.002")]),
        ("whereas the HR in the subgroup with SBP greater than or equal to 140 mm Hg was 0.79 (95% CI, 0.60-1.02; P = .08).",
         [(0.79, 0.60, 1.02, "=0.08")]),
        # a quantity after the label is never the HR; without a CI-bearing value after it, nothing is taken
        ("The HR for patients aged 65 years was not reported.", []),
        ("HR for doses above 10 mg/kg was higher.", []),
    ],
)
def test_a_threshold_or_quantity_in_the_label_phrase_is_not_the_hr(text, expected):
    assert hrs(text) == expected
    assert all(h.subgroup for h in hazard_ratios_in_sentence(sentence(text)))


@pytest.mark.parametrize(
    "text, expected",
    [
        # the comparison named after the value without brackets, before a labelled CI
        ("Higher counts protected from death (Hazard ratio 0.66 for highest vs lowest tertile; confidence interval 0.51-0.86).",
         [(0.66, 0.51, 0.86, None)]),
        ("Hazard ratio 0.66 for highest vs lowest tertile.", [(0.66, None, None, None)]),
        # bounds after a colon inside the value's bracket
        ("less likely with positive (HR: 0.58, 95% CI: 0.42-0.8) or indeterminate (HR: 0.6: 0.36-1) findings",
         [(0.58, 0.42, 0.8, None), (0.6, 0.36, 1.0, None)]),
        # "95% Cl" (a lower-case L for the I) after a level only
        ("a 28% lower risk of anaemia (HR=0.72 [95% Cl 0.56–0.94])", [(0.72, 0.56, 0.94, None)]),
        ("a lower risk of anaemia (HR=0.72, Cl 0.56–0.94)", [(0.72, None, None, None)]),
        # a list continuation with a covariate's unit before its CI
        ("hazard ratios of 1.56 per 10 μm lower at baseline (95% CI, 1.33-1.82; P < .001) and 1.99 per 1 μm/y faster "
         "loss during follow-up (95% CI, 1.36-2.93; P < .001)", [(1.56, 1.33, 1.82, "<0.001"), (1.99, 1.36, 2.93, "<0.001")]),
    ],
)
def test_hazard_ratio_forms_with_unbracketed_asides(text, expected):
    assert hrs(text) == expected


def test_a_bare_ci_may_hold_the_p_value():
    text = "higher risk with HR (95% CI) of 1.056 (1.007-1.107, p = 0.025), even after adjustment"
    assert hrs(text) == [(1.056, 1.007, 1.107, "=0.025")]
    assert hrs("HR 1.4 (1.1-1.8, a wide interval)") == [(1.4, None, None, None)]


def test_two_hazard_ratios_side_by_side_without_ci():
    found = hazard_ratios_in_sentence(sentence("The reduction was larger in women than in men (HR 0.54 vs. 0.81, respectively)."))
    assert [(h.value, h.ci_low, h.extractor) for h in found] == [(0.54, None, "effects.hr_labelled"), (0.81, None, "effects.hr_versus")]
    assert hrs("Risk was lower (HR 0.54 vs 12 months)") == [(0.54, None, None, None)]
    assert hrs("Risk was lower (HR 0.54 versus 0.81%)") == [(0.54, None, None, None)]


def test_a_list_of_category_hrs_written_with_equals():
    text = ("Compared to grade 0, HR for grade-1 = 1.02 (0.66-1.58), grade-2 = 1.52 (1.00-2.32) and "
            "grade-3 = 4.90 (3.23-7.44).")
    assert hrs(text) == [(1.02, 0.66, 1.58, None), (1.52, 1.00, 2.32, None), (4.90, 3.23, 7.44, None)]
    # "P =" and "n =" never head an HR of the list
    assert hrs("HR 1.3 (1.1-1.5), n = 40 (35-45)") == [(1.3, 1.1, 1.5, None)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("HR for stage 3 was 1.5 (1.1-2.0)", [(1.5, 1.1, 2.0, None)]),  # the category's number is no HR
        ("HR for stage 3 disease was 1.5", []),
        ("the hazard ratio of RIPK2 expression predicted survival", []),  # a name's number
        ("HR2 expression was high", []),
        ("a better OS (HR0.423,95 %CI0.229to0.783; p = 0.006)", [(0.423, 0.229, 0.783, "=0.006")]),
        ("HR for mRS-1 = 1.02 (0.66-1.58)", [(1.02, 0.66, 1.58, None)]),  # not "-1"
    ],
)
def test_numbers_of_names_and_categories_are_not_hazard_ratios(text, expected):
    assert hrs(text) == expected


def test_a_comparison_in_the_label_phrase_is_trusted_with_a_ci():
    assert hrs("The HR for stroke in patients with migraine compared with those without was 3.48 (95% CI 3.07-3.94).") == [
        (3.48, 3.07, 3.94, None)]
    assert hrs("The HR for stroke in patients with migraine compared with those without was 3.48.") == []


def test_hazard_ratios_and_cis_written_as_value_and_bounds_pairs():
    text = "The hazard ratios and 95% confidence intervals were 2.91 and 1.28-6.64 for PS, and 2.36 and 1.15-4.85 for SMI."
    found = hazard_ratios_in_sentence(sentence(text))
    assert [(h.value, h.ci_low, h.ci_high) for h in found] == [(2.91, 1.28, 6.64), (2.36, 1.15, 4.85)]
    assert {h.extractor for h in found} == {"effects.hr_and_ci_pairs"}
    assert hrs("The hazard ratio and 95% CI were 0.70 and 0.55 to 0.89.") == [(0.70, 0.55, 0.89, None)]
    assert hrs("The hazard ratio and 95% CI were calculated with Cox models.") == []
    assert hrs("The hazard ratios and 95% CIs were 2.91 and 3.28-6.64.") == []  # the CI must bracket the value


def test_a_label_heading_a_list_of_numbered_categories():
    text = ("Compared to class 1, the hazard ratio (HR) rose steadily for class-2 = 1.33 (1.03-1.73), "
            "class-3 = 1.90 (1.37-2.65) and class-4 = 8.25 (5.63-12.10).")
    assert hrs(text) == [(1.33, 1.03, 1.73, None), (1.90, 1.37, 2.65, None), (8.25, 5.63, 12.10, None)]
    # a statistic's name is no category; a median's interval is no HR's
    assert hrs("Hazard ratios were estimated and ORR = 45 (30-60) in arm A.") == []
    assert hrs("Hazard ratios were estimated and median OS = 18.5 (11.7-21.3) months.") == []


def test_a_subhazard_ratio_is_read():
    assert hrs("CKD (subhazard ratio [SHR] 3.18, 95% CI 2.60-3.89)") == [(3.18, 2.60, 3.89, None)]
    assert hrs("relapse (sub-hazard ratio 1.40; 95% CI 1.10-1.78)") == [(1.40, 1.10, 1.78, None)]


def test_ci_label_variants_closed_before_the_bounds():
    # the abbreviation with its level in brackets, and the bracket of the label closed before the bounds
    assert hrs("OS was shorter [hazard ratio, HR = 4.20, 95% confidence interval (95% CI)] [1.50-11.8]; P = 0.006)") == [
        (4.20, 1.50, 11.8, "=0.006")]
    assert hrs("OS (HR 1.9, 95% CI (95% CI) 1.2-3.0)") == [(1.9, 1.2, 3.0, None)]
    # a one-decimal level and the "confident interval" misspelling
    assert hrs("with a hazard ratio of 0.640 (95.0% confident interval: 0.512-0.800)") == [(0.640, 0.512, 0.800, None)]
    assert hrs("with a hazard ratio of 0.64 (95.0% CI 0.71-0.80)") == [(0.64, None, None, None)]  # must bracket the value


def test_a_list_phrase_may_name_its_items_in_short_brackets():
    text = ("Adjusted hazard ratios (95% CIs) for the middle (Q2), the top quartile (Q4) and both combined (Q2 + Q4) "
            "were 1.20 (1.01-1.43), 1.52 (1.22-1.90) and 1.35 (1.12-1.63), respectively.")
    assert hrs(text) == [(1.20, 1.01, 1.43, None), (1.52, 1.22, 1.90, None), (1.35, 1.12, 1.63, None)]
    # a bracket holding "=" or ";" is no item name; without a CI the list is not trusted
    assert hrs("The hazard ratios for women (n = 30) and men were 1.2 (0.9-1.5) and 1.4 (1.1-1.9).") == []
    # without a CI, only as a list of bare decimals closed by "respectively" (test_a_respectively_list_of_bare_hrs)
    assert hrs("Hazard ratios for the middle (Q2) and top quartile (Q4) were 1.20 and 1.52 in the cohort.") == []


def test_an_increase_of_risk_in_a_cox_model_is_a_hazard_ratio():
    text = "Cox regression showed that the risk of relapse increased by 2.45 (95% CI: 1.30-4.61; P = .005) in smokers."
    (hr,) = hazard_ratios_in_sentence(sentence(text))
    assert (hr.value, hr.ci_low, hr.ci_high, hr.p) == (2.45, 1.30, 4.61, "=0.005")
    assert hr.extractor == "effects.hr_risk_increased_by"
    assert hrs("In the proportional hazards model, the risk was increased by a factor of 1.8 (1.2-2.7).") == [
        (1.8, 1.2, 2.7, None)]
    # the record names hazard ratios elsewhere
    rec = record("Hazard ratios were estimated. The risk of stroke was elevated by 1.62 (95% CI 1.10-2.38) in users.")
    assert [(h.value, h.ci_low, h.ci_high) for h in hazard_ratios(rec)] == [(1.62, 1.10, 2.38)]


@pytest.mark.parametrize(
    "text",
    [
        "The risk of relapse increased by 2.45 (95% CI: 1.30-4.61) in smokers.",  # no hazard ratio or Cox model named
        "In the logistic model of the Cox cohort, the risk increased by 2.1 (95% CI 1.2-3.4).",  # logistic: an odds ratio
        "In the Cox model, the odds ratio was 1.5 and the risk increased by 2.1 (95% CI 1.2-3.4).",
        "In the Cox model, the risk of death increased by 12% (95% CI 5-20).",  # a percentage
        "In the Cox model, the risk of death increased by 2.1 (95% CI 2.3-3.4).",  # CI does not bracket it
        "In the Cox model, the risk of death increased by 2.1 for each year.",  # no CI
        "In the Cox model, the risk of death decreased by 0.45 (95% CI 0.30-0.60).",  # a decrease is ambiguous
        "In the Cox model, the risk increased by 2.5 mg (95% CI 1.2-3.4).",  # a quantity
    ],
)
def test_what_is_not_an_increase_of_risk_hazard_ratio(text):
    assert hrs(text) == []


def test_a_ci_label_repeated_with_its_abbreviation():
    assert hrs("OS was longer (HR: 2.40 [95% confidence interval, 95% CI, 1.50-3.80]).") == [(2.40, 1.50, 3.80, None)]
    assert hrs("Relapse (OR: 2.40 [95% confidence interval, 95% CI, 1.50-3.80]).") == []  # an odds ratio


def test_a_label_per_unit_before_its_value():
    assert hrs("Death was more frequent (hazard ratio per SD 1.42, 95% confidence interval 1.10-1.83, P = .008).") == [
        (1.42, 1.10, 1.83, "=0.008")]
    # the unit's number is no HR
    assert hrs("The HR per 10 mm Hg increase was 1.2 (95% CI 1.1-1.4).") == []
    assert hrs("The HR per 1 SD increase was 1.3 (1.1-1.5).") == []


def test_a_continuation_as_the_last_item_of_a_bracket():
    text = ("Exposure raised the rate of falls (12.1 vs. 9.8 per 1000 py, aHR 1.20, 95% CI 1.05-1.37), of fractures "
            "(3.3 vs. 2.0 per 1000 py, 1.61, 1.22-2.12), and of burns (0.5 vs. 0.4 per 1000 py, 1.25 0.90-1.74).")
    assert hrs(text) == [(1.20, 1.05, 1.37, None), (1.61, 1.22, 2.12, None), (1.25, 0.90, 1.74, None)]


@pytest.mark.parametrize(
    "tail",
    [
        " and the stay shorter (mean 12.5, 10.2-14.8, days).",  # bounds not closing the bracket
        " and the stay shorter (mean 12.5, 10.2-14.8).",  # a mean with its CI, after a word
        ", and so were falls (OR 0.8, 0.6-0.9) and (1.2, 1.1-1.3).",  # continues an odds ratio
        " and time to discharge shorter (11 [7-21] vs. 14 [8-36] days).",  # medians with ranges
        " and time to discharge shorter (11 [7-21] vs. 14 [8-36]).",  # whole numbers: counts or ranges
        " and time to discharge shorter (11.5 [7.2-21.0] vs. 14.0 [8.1-36.3] days).",
        " and the ward had (beds, 12, 10-14).",  # whole numbers
    ],
)
def test_what_does_not_continue_a_list_of_hazard_ratios(tail):
    assert hrs("Relapse was less frequent (HR 0.70; 95% CI, 0.55-0.89)" + tail) == [(0.70, 0.55, 0.89, None)]


def test_a_single_label_whose_phrase_holds_a_bracketed_aside():
    assert hrs("The HR for relapse in the top tertile of intake (median 12.5 g/day) was 1.35 (95% CI: 1.02-1.79) "
               "compared with the bottom tertile.") == [(1.35, 1.02, 1.79, None)]
    assert hrs("Among women, the HR per IQR of intake (IQR, 4.2 g/day) was 1.18 (95% CI: 0.92-1.52), "
               "and 1.00 (95% CI: 0.89-1.12) among men.") == [(1.18, 0.92, 1.52, None), (1.00, 0.89, 1.12, None)]


@pytest.mark.parametrize(
    "text",
    [
        "The HR for relapse in the top tertile of intake (median 12.5 g/day) was 1.35 compared with the bottom.",  # no CI
        "The HR for relapse in the top tertile (median 12.5 g/day) and the median survival was 1.35 (1.02-1.79).",
        "The HR for relapse in the top tertile (n = 40) was 1.35 (1.02-1.79).",  # a bracket holding "="
        "The HR for relapse in the top tertile (median 12.5 g/day) of 2 groups was 1.35 (1.02-1.79).",
        "The HR for relapse in the top tertile (median 12.5 g/day) and odds ratio was 1.35 (1.02-1.79).",
    ],
)
def test_what_a_single_label_with_an_aside_does_not_head(text):
    assert hrs(text) == []


def test_times_greater_risk_with_a_ci_in_a_cox_record_is_a_hazard_ratio():
    rec = record("Hazard ratios were estimated with Cox models. Smokers had 2.10 (95% CI, 1.40-3.15) times greater "
                 "risk of stroke than non-smokers.")
    assert [(h.value, h.ci_low, h.ci_high) for h in hazard_ratios(rec)] == [(2.10, 1.40, 3.15)]
    # the CI after the phrase
    rec = record("Cox models were fitted. Smokers had a 2.05 times higher risk of death (95% CI: 1.30-3.22, P = .004), "
                 "and a 1.6-fold increased hazard of stroke (95% CI 1.1-2.3).")
    assert [(h.value, h.ci_low, h.ci_high, h.p) for h in hazard_ratios(rec)] == [
        (2.05, 1.30, 3.22, "=0.004"), (1.6, 1.1, 2.3, None)]


@pytest.mark.parametrize(
    "text",
    [
        "Smokers had 2.10 (95% CI, 1.40-3.15) times greater risk of stroke.",  # no hazard ratio or Cox model named
        "Smokers had a 2.10 times higher risk of stroke (95% CI, 1.40-3.15).",
        "Cox models were fitted. Smokers had a 2.10 times higher risk of stroke at 5 years (95% CI, 1.40-3.15).",
        "Cox models were fitted. Smokers had a 2.10 times higher risk of stroke (95% CI, 1.40-3.15 months).",
        "Cox models were fitted. In logistic models smokers had a 2.10 times higher risk (95% CI, 1.40-3.15).",
        "Cox models were fitted. Smokers had a 2.10 times higher odds of stroke (95% CI, 1.40-3.15).",
        "Cox models were fitted. Smokers had an 82% higher risk of stroke (95% CI, 1.40-3.15).",  # a percentage
        "Cox models were fitted. In logistic models, smokers had 2.10 (95% CI, 1.40-3.15) times greater risk.",
        "Cox models were fitted. Smokers had 2.10 (95% CI, 1.40-3.15) times greater odds of stroke.",
        "Cox models were fitted. Smokers had 0.50 (95% CI, 0.40-0.65) times lower risk of stroke.",  # a decrease
        "Cox models were fitted. Smokers had 2.10 times greater risk of stroke.",  # no CI
        "Cox models were fitted. Smokers had 2.10 (95% CI, 2.40-3.15) times greater risk of stroke.",  # not bracketed
    ],
)
def test_what_is_not_a_times_greater_risk_hazard_ratio(text):
    assert [h.value for h in hazard_ratios(record(text))] == []


def test_a_list_phrase_may_hold_a_names_decimal():
    text = ("The adjusted hazard ratios per 10 µg/m3 of PM2.5 were 1.04 (95% CI: 1.02, 1.06) and 1.08 (95% CI: 1.04, "
            "1.13) for all-cause and cardiovascular death, respectively.")
    assert hrs(text) == [(1.04, 1.02, 1.06, None), (1.08, 1.04, 1.13, None)]
    # a decimal standing alone in the phrase is a threshold or a value, not a name
    assert hrs("The hazard ratios for BMI 18.5 to 25 were 1.2 (1.1-1.3) and 1.5 (1.2-1.9), respectively.") == []


def test_a_comparison_aside_with_a_short_bracketed_name():
    assert hrs("risk of diabetes [HR: 2.90 for the top tertile versus the bottom tertile (T1); confidence interval (CI) "
               "95%: 1.20, 7.01]") == [(2.90, 1.20, 7.01, None)]
    # a bracket holding "=" is no name: the CI is not read across it
    assert hrs("PFS (HR 1.2 for arm A (n=40) versus arm B; 95% CI 1.0-1.5).") == [(1.2, None, None, None)]


def test_a_unit_after_a_slash_between_value_and_ci_or_p():
    assert hrs("age (HR 1.04/year; 95% CI 1.01-1.08; p = 0.01)") == [(1.04, 1.01, 1.08, "=0.01")]
    assert hrs("older age (hazard ratio [HR]: 1.03/year, p < 0.001)") == [(1.03, None, None, "<0.001")]
    assert hrs("older age (OR 1.04/year; 95% CI 1.01-1.08)") == []  # an odds ratio
    # a slash between two HRs is no unit
    # not a unit; HRs joined by a slash share the p after the last
    assert hrs("worse PFS/OS (HR 1.50/HR 2.10, P < 0.001)") == [(1.50, None, None, "<0.001"), (2.10, None, None, "<0.001")]


def test_a_continuation_with_its_labelled_ci_right_after_the_previous_hr():
    text = ("Both markers predicted relapse (HR per doubling: 0.81; 95% CI: 0.70, 0.94; P = 0.01; and 0.62; 95% CI: "
            "0.45, 0.86; P = 0.004, respectively).")
    assert hrs(text) == [(0.81, 0.70, 0.94, "=0.01"), (0.62, 0.45, 0.86, "=0.004")]


@pytest.mark.parametrize(
    "tail",
    [
        ", and median OS was 12.5; 95% CI 10.1-14.9.",  # words between: another statistic
        "; 12.5, 95% CI 10.1-14.9 months.",  # a median with its unit
        "; OR 1.5; 95% CI 1.1-2.0.",  # an odds ratio
    ],
)
def test_what_does_not_continue_with_a_labelled_ci(tail):
    assert hrs("OS was longer (HR 0.70; 95% CI 0.55-0.89)" + tail) == [(0.70, 0.55, 0.89, None)]


def test_bounds_after_a_semicolon_in_the_bracket_of_the_value():
    text = ("Smokers had more strokes (HR: 1.32; 95% CI: 1.10-1.58), infarcts (1.21; 1.02-1.44) "
            "and heart failure (1.15; 1.01-1.31).")
    assert hrs(text) == [(1.32, 1.10, 1.58, None), (1.21, 1.02, 1.44, None), (1.15, 1.01, 1.31, None)]
    assert hrs("Smokers had more strokes (HR 1.32; 1.10 to 1.58).") == [(1.32, 1.10, 1.58, None)]


@pytest.mark.parametrize(
    "tail",
    [
        ", and so were falls (OR 0.8; 0.6-0.9) and fractures (1.2; 1.1-1.3).",  # continues an odds ratio
        " and fractures (RR 1.2; 1.1-1.3).",  # a risk ratio
        " and falls (1.2; range 1.1-1.3).",  # a range
        " and falls (1.2; 1.3-1.5).",  # bounds not bracketing the value
        " and falls (1.2; 1.1-1.3, range).",  # bounds not closing the bracket
        " and the stay shorter (12.5; 10.2-14.8 days).",  # a quantity
        " and the stay shorter (mean 12.5; 10.2-14.8).",  # a mean, after a word
        " and age (median 62.5; IQR 55.1-70.2).",  # a median with its IQR
        " and time to discharge (11; 7-21).",  # whole numbers: a count or a median with its range
        " and attributable proportions of 14% (9%-19%) and 16% (10%-22%).",  # percentages
        "; falls were 1.2; 1.1-1.3 in men.",  # outside a bracket
    ],
)
def test_what_does_not_continue_with_bounds_after_a_semicolon(tail):
    assert hrs("Relapse was less frequent (HR 0.70; 95% CI, 0.55-0.89)" + tail) == [(0.70, 0.55, 0.89, None)]


def test_bounds_after_a_semicolon_under_other_ratios_or_heart_rate_are_no_hazard_ratio():
    assert hrs("The adjusted odds ratio (OR 1.32; 1.10-1.58) was high.") == []
    assert hazard_ratios(record("Heart rate (HR) fell after dosing (HR 72.5; 60.1-80.2).")) == []


def outcomes(text: str):
    return [(h.value, h.outcome) for h in hazard_ratios(record(text))]


def test_the_risk_of_an_event_named_before_the_hr_is_its_outcome():
    assert outcomes("Ablation lowered overall mortality (HR 0.63; 95% CI 0.42-0.94) but raised the risk of pacemaker "
                    "implantation (HR 4.67; 95% CI 1.36-16.05).") == [(0.63, "OS"), (4.67, "other")]
    # not the previous sentence's outcome
    assert outcomes("Overall survival was longer with A. The risk of stroke did not differ (HR 1.27; 95% CI 0.55-2.95).") \
        == [(1.27, "other")]
    # the list the label heads
    assert outcomes("Overall survival was longer with A. A raised the risk of fracture (HRs 1.42 [95% CI 1.22-1.66] and "
                    "1.30 [95% CI 1.10-1.54] for doses 1 and 2, respectively).") == [(1.42, "other"), (1.30, "other")]


@pytest.mark.parametrize(
    "text, expected",
    [
        # the outcome is named after "risk of"
        ("Overall survival was longer with A. A reduced the risk of death (HR 0.70; 95% CI 0.55-0.89).", "OS"),
        ("Overall survival was longer with A. A reduced the risk of cardiovascular mortality (HR 0.70; 95% CI 0.55-0.89).",
         "other"),
        # progression, dying and "an event" name no other event
        ("Overall survival was longer with A. A reduced the risk of dying (HR 0.70; 95% CI 0.55-0.89).", "OS"),
        ("Progression-free survival was longer with A. A reduced the risk of progression (HR 0.60; 95% CI 0.50-0.72).",
         "PFS"),
        ("Progression-free survival was longer with A. The risk of disease progression or death fell (HR 0.60; 95% CI "
         "0.50-0.72).", "PFS"),
        ("Progression-free survival was longer with A. The risk of an event was lower (HR 0.60; 95% CI 0.50-0.72).", "PFS"),
        # an outcome named after the risk, nearer the HR
        ("In patients at high risk of relapse, overall survival was longer (HR 0.80; 95% CI 0.70-0.91).", "OS"),
        ("The risk of bleeding was higher, but overall survival was longer with A (HR 0.80; 95% CI 0.70-0.91).", "OS"),
    ],
)
def test_what_a_risk_of_phrase_does_not_relabel(text, expected):
    assert [outcome for _, outcome in outcomes(text)] == [expected]


def test_a_composite_endpoint_is_not_the_mortality_named_before_it():
    assert outcomes("The marker predicted mortality (HR = 0.44, 95% CI: 0.24-0.80) and the composite endpoint "
                    "(HR = 0.43, 95% CI: 0.23-0.82).") == [(0.44, "OS"), (0.43, "other")]
    assert outcomes("There was no difference in the primary end point, a composite of all-cause mortality or "
                    "myocardial infarction (MI) (HR 0.70, 95% CI 0.42-1.15).") == [(0.70, "other")]


def test_a_bracketed_ci_after_a_comma():
    assert hrs("Prior CABG (HR 1.27, [1.08 - 1.51], p = 0.004) predicted LBBB.") == [(1.27, 1.08, 1.51, "=0.004")]
    assert hrs("Prior CABG (HR 1.27, (1.08-1.51)) predicted LBBB.") == [(1.27, 1.08, 1.51, None)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Prior CABG (OR 1.27, [1.08 - 1.51], p = 0.004) predicted LBBB.", []),  # an odds ratio
        ("Prior CABG (HR 1.27, [1.38 - 1.51], p = 0.004) predicted LBBB.", [(1.27, None, None, "=0.004")]),  # not bracketing
        ("Prior CABG (HR 1.27, [12-18 months]) predicted LBBB.", [(1.27, None, None, None)]),  # a quantity
        ("Prior CABG (HR 1.27, [range 1.08-1.51]) predicted LBBB.", [(1.27, None, None, None)]),  # a range
        ("Relapse was less frequent (HR 0.70; 95% CI, 0.55-0.89) and the stay shorter (12.5, [10.2-14.8]).",
         [(0.70, 0.55, 0.89, None)]),  # no continuation: a bracket after a comma is read only after a label
    ],
)
def test_what_is_no_bracketed_ci_after_a_comma(text, expected):
    assert hrs(text) == expected


def test_a_list_phrase_may_run_to_140_characters():
    text = ("The adjusted HRs (95% CI) of stroke mortality for an increase in urinary cadmium and lead corresponding to "
            "the interquartile range were 1.22 (0.85, 1.75) and 1.16 (0.70, 1.92), respectively.")
    assert hrs(text) == [(1.22, 0.85, 1.75, None), (1.16, 0.70, 1.92, None)]


@pytest.mark.parametrize(
    "text",
    [
        # no CI after the value, and no "respectively" closing a list of bare values
        ("The adjusted HRs of stroke mortality for an increase in urinary cadmium and lead corresponding to the "
         "interquartile range were 1.22 and 1.16 in the whole population."),
        # an odds ratio named in the phrase
        ("The adjusted HRs and odds ratios of stroke for an increase in urinary cadmium and lead corresponding to the "
         "interquartile range were 1.22 (0.85, 1.75) and 1.16 (0.70, 1.92), respectively."),
        # a phrase over 140 characters
        ("The adjusted HRs (95% CI) of stroke mortality for an increase in urinary cadmium and lead corresponding to "
         "the interquartile range of the whole population in the second survey were 1.22 (0.85, 1.75) and 1.16 (0.70, "
         "1.92), respectively."),
    ],
)
def test_what_a_long_list_phrase_does_not_head(text):
    assert hrs(text) == []


def test_a_group_written_as_the_hr_subscript():
    text = ("Hazard ratios were estimated. Participants with LPF, but not CKD, had a higher risk of stroke "
            "(adjusted HRLPF 1.84; 95% CI, 1.20-2.82; adjusted HRCKD 0.97; 95% CI, 0.55-1.71; P = 0.02).")
    found = hazard_ratios(record(text))
    assert [(h.value, h.ci_low, h.ci_high) for h in found] == [(1.84, 1.20, 2.82), (0.97, 0.55, 1.71)]
    assert all("multivariable" in h.analysis for h in found)


@pytest.mark.parametrize(
    "text",
    [
        # the name never stands alone
        "Hazard ratios were estimated. Risk was higher (HRLPF 1.84; 95% CI, 1.20-2.82).",
        # no CI
        "Hazard ratios were estimated. Participants with LPF had a higher risk (HRLPF 1.84, P = 0.02).",
        # abbreviations starting with HR
        "Hazard ratios were estimated. QoL and CT were recorded; HRQoL 0.72 (95% CI 0.65-0.80) and HRCT 1.2 (95% CI 1.1-1.3).",
        # no hazard ratio named in the record: odds ratios
        "Participants with LPF had higher odds (ORLPF 1.84; 95% CI, 1.20-2.82; HRLPF 1.5; 95% CI 1.2-1.9).",
        # heart rate
        "Heart rate (HR) was measured at rest in patients with AF; HRAF 92.1 (95% CI 88.0-96.2) bpm.",
    ],
)
def test_what_is_no_group_subscript(text):
    assert [h.value for h in hazard_ratios(record(text)) if "LPF" in h.span.text or "HRQoL" in h.span.text
            or "HRCT" in h.span.text or "HRAF" in h.span.text] == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("size (HR 1.11, p = <0.001) and grade (HR 1.58, p = 0.016)", [(1.11, None, None, "<0.001"), (1.58, None, None, "=0.016")]),
        # a p that lost its point is none, and the next HR's p is not taken for it
        ("[OS: hazard ratio (HR), 0.25, P=001; DFS: HR, 0.28, P=0.005]", [(0.25, None, None, None), (0.28, None, None, "=0.005")]),
    ],
)
def test_p_written_after_an_equals_sign_or_without_its_point(text, expected):
    assert hrs(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("X was significant for OS (hazard ratio [HR] 1.90, 95% CI 1.40-2.59), DMFS (1.99, 1.45-2.71) and DFS "
         "(2.38, 1.86-3.06) in multivariate analyses (P < 0.001 for all).",
         [(1.90, 1.40, 2.59, "<0.001"), (1.99, 1.45, 2.71, "<0.001"), (2.38, 1.86, 3.06, "<0.001")]),
        ("Factors were grade (hazard ratio 1.81, 95% CI 1.32-2.47), line ≥3 (hazard ratio 1.88, 95% CI 1.30-2.73) "
         "and therapy (hazard ratio 0.47, 95% CI 0.35-0.62) (all P < 0.001).",
         [(1.81, 1.32, 2.47, "<0.001"), (1.88, 1.30, 2.73, "<0.001"), (0.47, 0.35, 0.62, "<0.001")]),
        # only the HRs after the last p written before it
        ("A (HR 1.5, 95% CI 1.1-2.0, P = 0.01) and B (HR 1.6, 95% CI 1.2-2.1) and C (HR 1.7, 95% CI 1.3-2.2) (both P < 0.01).",
         [(1.5, 1.1, 2.0, "=0.01"), (1.6, 1.2, 2.1, "<0.01"), (1.7, 1.3, 2.2, "<0.01")]),
    ],
)
def test_a_p_written_once_for_several_hrs(text, expected):
    assert hrs(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # another result between the HRs and the p: the p is its
        ("PFS improved (HR 0.70, 95% CI 0.55-0.89), and response rates were 45.2% and 30.1% (P < 0.001 for both).",
         [(0.70, 0.55, 0.89, None)]),
        ("OS (HR 0.80, 95% CI 0.66-0.97) and the odds of response (OR 2.1, 95% CI 1.4-3.2) (all P < 0.05).",
         [(0.80, 0.66, 0.97, None)]),
        # a CI holding 1 is no "P < 0.05"
        ("B (HR 1.2, 95% CI 0.9-1.6) and A (HR 1.5, 95% CI 1.1-2.0) (all P < 0.05).",
         [(1.2, 0.9, 1.6, None), (1.5, 1.1, 2.0, "<0.05")]),
        # not a shared p
        ("OS (HR 0.80, 95% CI 0.66-0.97) in all patients (P = 0.02 for interaction).", [(0.80, 0.66, 0.97, None)]),
    ],
)
def test_what_a_shared_p_does_not_label(text, expected):
    assert hrs(text) == expected


def test_the_risk_for_an_event_is_its_outcome_as_the_risk_of_it():
    assert outcomes("Patients with reduced LVF had a higher risk for heart failure hospitalization (HR 5.00; 95% CI "
                    "2.17-11.46) and all-cause mortality (HR 1.87; 95% CI 1.11-3.16).") == [(5.00, "other"), (1.87, "OS")]
    # an outcome named after the risk stays the outcome
    assert outcomes("In patients at high risk for relapse, overall survival was longer (HR 0.80; 95% CI 0.70-0.91).") \
        == [(0.80, "OS")]
    # "risk factors for" is no risk for an event
    assert outcomes("Risk factors for overall survival included age (HR 1.30; 95% CI 1.10-1.54).") == [(1.30, "OS")]


def test_two_mortalities_sharing_one_noun_take_their_hrs_in_order():
    assert outcomes("All-cause and cardiovascular mortality were higher without AVR at 1-year (HR 1.98 CI 1.75 to 2.23, "
                    "p <0.001 and HR 1.82 CI 1.57 to 2.11, p <0.001, respectively).") == [(1.98, "OS"), (1.82, "other")]


@pytest.mark.parametrize("text, expected", [
    # "sensitivity analyses" and "a mean follow-up" are an HR's setting, not another statistic ending its list
    ("The HR for death was 0.70 (95% CI 0.60-0.82); in sensitivity analyses, 0.72 (0.61-0.85) and 0.74 (0.62-0.88).",
     [(0.70, 0.60, 0.82), (0.72, 0.61, 0.85), (0.74, 0.62, 0.88)]),
    ("The HR for death was 0.70 (95% CI 0.60-0.82); in sensitivity analyses, 0.72 (0.61-0.85) at a mean follow-up of 5 years "
     "and 0.74 (0.62-0.88).", [(0.70, 0.60, 0.82), (0.72, 0.61, 0.85), (0.74, 0.62, 0.88)]),
])
def test_sensitivity_analyses_and_a_mean_follow_up_do_not_end_a_list_of_hrs(text, expected):
    assert [(h.value, h.ci_low, h.ci_high) for h in hazard_ratios(record(text))] == expected


# --- round: fresh15 phrasings -------------------------------------------------------------------------------


def test_ci_abbreviation_in_curly_braces():
    assert hrs("lower risks [hazard ratio (HR) 0.52 (95% confidence interval {CI} 0.44-0.61) and HR 0.60 (95% CI 0.50-0.72)]") == [
        (0.52, 0.44, 0.61, None), (0.60, 0.50, 0.72, None)]


@pytest.mark.parametrize("text", [
    "a greater risk [HR of 2nd tertile versus T1: 2.40; CI 95%: 0.90, 6.20]",
    "the hazard ratio of 4th quartile (Q4) versus Q1 was higher",
])
def test_an_ordinal_is_no_hazard_ratio(text):
    assert all(value not in (2.0, 4.0) for value, *_ in hrs(text))


def test_shared_p_across_category_thresholds():
    text = ("eGFR <30 mL/min/1.73 m2 (HR 3.1, 95% CI: 2.7-3.6), ejection fraction <35% (HR 2.2, 95% CI: 1.9-2.6) and "
            "age ≥75 years (HR 2.4, 95% CI: 2.1-2.8) were independent predictors of mortality (all p<0.0001).")
    assert [p for *_, p in hrs(text)] == ["<0.0001"] * 3


def test_shared_p_still_refused_after_another_result():
    text = ("Mortality was 45% vs 30% (HR 1.40, 95% CI: 1.2-1.6) and readmission 20% vs 12% (HR 1.70, 95% CI: 1.4-2.1) "
            "(all p<0.001).")
    assert [p for *_, p in hrs(text)][0] is None  # a percentage with no comparison sign is a result


def test_slash_joined_hrs_share_their_p_and_take_slash_listed_outcomes():
    found = hazard_ratios_in_sentence(sentence(
        "High NLR was associated with worse progression-free (PFS)/overall survival (OS) (HR 1.45/HR 1.90, P < 0.001)."))
    assert [(h.value, h.p, h.outcome) for h in found] == [(1.45, "<0.001", "PFS"), (1.90, "<0.001", "OS")]
    found = hazard_ratios_in_sentence(sentence("High NLR at week 6 was associated with worse PFS/OS (HR 1.50/HR 2.05, P = 0.002)."))
    assert [(h.value, h.p, h.outcome) for h in found] == [(1.50, "=0.002", "PFS"), (2.05, "=0.002", "OS")]


def test_slash_share_needs_the_slash_alone():
    found = hazard_ratios_in_sentence(sentence("PFS (HR 1.45) and OS (HR 1.90, P < 0.001)."))
    assert [(h.value, h.p) for h in found] == [(1.45, None), (1.90, "<0.001")]


def test_abbreviation_risk_names_another_outcome():
    rec = record("MACE were defined as all-cause death, myocardial infarction and stroke. "
                 "Each unit of Lp(a) was associated with a 20% increase of MACE risk (HR: 1.20, 95% CI: 1.05 to 1.37).", "Cohort.")
    assert [(h.value, h.outcome) for h in hazard_ratios(rec)] == [(1.20, "other")]
    rec = record("All-cause death was recorded. Each unit of Lp(a) raised the OS risk (HR: 1.20, 95% CI: 1.05 to 1.37).", "Cohort.")
    assert [(h.value, h.outcome) for h in hazard_ratios(rec)] == [(1.20, "OS")]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The adjusted HRs of stage II, III and IV disease for recurrence were 1.52, 2.31, and 4.10, respectively.",
         [(1.52, None, None, None), (2.31, None, None, None), (4.10, None, None, None)]),
        ("Hazard ratios for the middle (Q2) and top quartile (Q4) were 1.20 and 1.52, respectively.",
         [(1.20, None, None, None), (1.52, None, None, None)]),
        ("The adjusted HRs of stroke mortality for an increase in urinary cadmium and lead corresponding to the "
         "interquartile range were 1.22 and 1.16, respectively.", [(1.22, None, None, None), (1.16, None, None, None)]),
    ],
)
def test_a_respectively_list_of_bare_hrs(text, expected):
    assert hrs(text) == expected


def test_a_respectively_list_of_bare_hrs_pairs_an_outcome_list_of_as_many():
    found = hazard_ratios_in_sentence(sentence("The hazard ratios for PFS and OS were 0.70 and 0.80, respectively."))
    assert [(h.value, h.outcome) for h in found] == [(0.70, "PFS"), (0.80, "OS")]


@pytest.mark.parametrize(
    "text",
    [
        "The hazard ratios for PFS and OS were 0.70 and 0.80.",  # no "respectively"
        "The HRs for OS and the median PFS were 0.80 and 6.1, respectively.",  # another statistic named
        "The hazard ratios and response rates in A and B were 0.70 and 0.45, respectively.",
        "The HRs for groups A and B were 1 and 2, respectively.",  # whole numbers
        "The HRs for arms A and B were 0.70 and 0.80 months, respectively.",  # a quantity
    ],
)
def test_what_is_no_respectively_list_of_bare_hrs(text):
    assert hrs(text) == []


def test_hr_before_a_hyphenated_abbreviation_is_no_label():
    text = ("Compared with HR-HPV negative women, the adjusted HRs of HR-HPV, HPV16 and HPV58 infections for cervical "
            "lesions were 5.31, 7.10, and 6.95, respectively.")
    assert hrs(text) == [(5.31, None, None, None), (7.10, None, None, None), (6.95, None, None, None)]
    assert hrs("HR-HPV was found in 29.0% (95% CI 26.5-31.6) of women.") == []
    assert hrs("HR-MDS patients had a median survival of 1.5 (1.2-1.9) years.") == []
    # a hazard ratio still reads after a hyphen-free label
    assert hrs("HR 2.10 (95% CI 1.20-3.60) for HR-HPV persistence.") == [(2.10, 1.20, 3.60, None)]


def test_progression_risk_of_another_organ_is_no_pfs():
    found = hazard_ratios_in_sentence(sentence(
        "The adjusted HRs of HPV16 and HPV58 infections for the progression risk of normal cervix were 7.10 and 5.74, "
        "respectively."))
    assert [(h.value, h.outcome) for h in found] == [(7.10, "other"), (5.74, "other")]
    (hr,) = hazard_ratios_in_sentence(sentence("The hazard ratio for progression or death was 0.43 (95% CI 0.30-0.61)."))
    assert hr.outcome == "PFS"


@pytest.mark.parametrize("rule", ["-", " ", "\t", "\n", "\u00a0"], ids=["hyphens", "space", "tab", "newline", "nbsp"])
def test_a_20000_character_rule_between_sentences_keeps_the_values_and_offsets(rule):
    """A "-----" rule (or padding) of n characters made the outcome patterns ("[\\w-]+[\\s-]+free\\s+survival")
    backtrack n² times: 20,000 hyphens took over half a minute here and in medians. It now ends the sentence
    (sentences.MAX_GAP); timings by hand in benchmarks/extraction_pathological_bench.py."""
    from mbc_sr.extract.medians import medians

    hr_text = "Progression-free survival was longer with everolimus (HR 0.43, 95% CI 0.35-0.54; p<0.001)."
    rec = record(hr_text + rule * 20_000 + "Median PFS was 7.8 months.")
    found = hazard_ratios(rec)
    assert [(hr.outcome, hr.value, hr.ci_low, hr.ci_high, hr.p, hr.span.start, hr.span.end) for hr in found] \
        == [("PFS", 0.43, 0.35, 0.54, "<0.001", 54, 88)]
    found_medians = medians(rec)
    assert [(m.outcome, m.value, m.unit, m.span.start, m.span.end) for m in found_medians] == [("PFS", 7.8, "months", 20105, 20108)]
    assert_span_points_at(rec, found_medians[0].span, "7.8")
    assert hazard_ratios(record("We enrolled 120" + rule * 20_000 + "patients.")) == []

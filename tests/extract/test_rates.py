"""Response rates per arm and grade >= 3 adverse events with percentages."""

from __future__ import annotations

from mbc_sr.extract.rates import adverse_events_in_sentence, rates_in_sentence
from tests.extract.helpers import sentence


def test_orr_and_cbr_per_arm():
    found = rates_in_sentence(sentence(
        "The objective response rate was 67.7% for chemotherapy (n = 31) and 90.9% for rh-endostatin plus chemotherapy."))
    assert [(r.measure, r.value, r.arm) for r in found] == [
        ("ORR", 67.7, "chemotherapy"), ("ORR", 90.9, "rh-endostatin plus chemotherapy")]
    found = rates_in_sentence(sentence("Clinical benefit rate was greater in group A versus group B (80% versus 62%, P = 0.039)."))
    assert [(r.measure, r.value) for r in found] == [("CBR", 80.0), ("CBR", 62.0)]
    found = rates_in_sentence(sentence("outcomes favoured cetuximab for ORR (77% vs 65%, P = 0.014) and median OS (33 vs 26 months)"))
    assert [(r.measure, r.value) for r in found] == [("ORR", 77.0), ("ORR", 65.0)]


def test_rates_stop_at_other_outcomes_and_skip_cis_and_thresholds():
    found = rates_in_sentence(sentence("ORR was 9.5% (95% CI 4.1-18.0); PFS at 6 months was 40%."))
    assert [(r.measure, r.value) for r in found] == [("ORR", 9.5)]
    assert rates_in_sentence(sentence("PSA response (decline ≥50%) occurred in 20 patients.")) == []


def test_grade3_adverse_events_named_with_percentages():
    found = adverse_events_in_sentence(sentence(
        "The most common grade 3 or 4 adverse events were stomatitis (8% vs 1%), anaemia (6% vs <1%), "
        "hyperglycaemia (4% vs <1%) and fatigue (4% vs 1%)."))
    assert [(e.event, e.percents) for e in found] == [
        ("stomatitis", ("8%", "1%")), ("anaemia", ("6%", "<1%")), ("hyperglycaemia", ("4%", "<1%")), ("fatigue", ("4%", "1%"))]
    assert found[0].grade == "grade 3 or 4"


def test_grade3_overall_rate():
    (event,) = adverse_events_in_sentence(sentence(
        "Grade 3-4 adverse events occurred in 33 (52%) of 64 patients in the gemcitabine group and in ten (16%) of 62 patients."))
    assert (event.event, event.percents) == ("any", ("52%", "16%"))


def test_no_grade_no_adverse_events():
    assert adverse_events_in_sentence(sentence("Stomatitis (60%) and rash (40%) were the most common adverse events.")) == []


def test_rate_arm_is_the_group_named_after_each_value_not_the_next_joiner():
    found = rates_in_sentence(sentence("The ORR was 9.5% with everolimus and 0.4% with placebo."))
    assert [(r.value, r.arm) for r in found] == [(9.5, "everolimus"), (0.4, "placebo")]
    found = rates_in_sentence(sentence("The ORR was 12% in the everolimus group and 2% in the control group."))
    assert [(r.value, r.arm) for r in found] == [(12.0, "everolimus"), (2.0, "control")]


def test_rate_pair_takes_the_groups_its_clause_names_in_order():
    found = rates_in_sentence(sentence("Clinical benefit rate was greater in group A versus group B (80% versus 62%, P = 0.039)."))
    assert [(r.value, r.arm) for r in found] == [(80.0, "group A"), (62.0, "group B")]
    found = rates_in_sentence(sentence("The ORR with everolimus vs placebo was 9.5% vs 0.4%."))
    assert [(r.value, r.arm) for r in found] == [(9.5, "everolimus"), (0.4, "placebo")]
    found = rates_in_sentence(sentence("ORRs were 9.5% and 0.4% for everolimus plus exemestane and placebo plus exemestane, respectively."))
    assert [(r.value, r.arm) for r in found] == [(9.5, "everolimus plus exemestane"), (0.4, "placebo plus exemestane")]


def test_rate_pair_without_named_groups_has_no_arm():
    found = rates_in_sentence(sentence("The ORR was 9.5% vs 0.4% (P < 0.001)."))
    assert [(r.value, r.arm) for r in found] == [(9.5, None), (0.4, None)]
    found = rates_in_sentence(sentence("outcomes favoured cetuximab for ORR (77% vs 65%, P = 0.014) and median OS (33 vs 26 months)"))
    assert [(r.value, r.arm) for r in found] == [(77.0, None), (65.0, None)]
    found = rates_in_sentence(sentence("The ORR was 30% (95% CI 20-41) in all evaluable patients."))
    assert [(r.value, r.arm) for r in found] == [(30.0, None)]


def test_values_of_several_measures_get_no_arm_pairing():
    found = rates_in_sentence(sentence("ORR and CBR were 25% and 60% in the everolimus plus trastuzumab and vinorelbine cohorts."))
    assert [r.arm for r in found] == [None, None]
    found = rates_in_sentence(sentence("ORR and CBR were 12% and 40% with everolimus and placebo, respectively."))
    assert [r.arm for r in found] == [None, None]
    found = rates_in_sentence(sentence("The ORR, CBR and DCR were 12%, 40% and 55% in the everolimus arm."))
    assert [r.arm for r in found] == [None, None, None]


def test_rate_groups_before_a_but_or_while_belong_to_their_own_clause():
    found = rates_in_sentence(sentence(
        "With everolimus vs placebo the ORR was 12% vs 2%, but median PFS in visceral vs non-visceral disease was 6.8 vs 9.1 months."))
    assert [(r.value, r.arm) for r in found] == [(12.0, "everolimus"), (2.0, "placebo")]
    found = rates_in_sentence(sentence("Median PFS with everolimus vs placebo was 7.8 vs 3.2 months, while the ORR was 12% vs 2%."))
    assert [(r.value, r.arm) for r in found] == [(12.0, None), (2.0, None)]


def test_rate_arm_after_with_names_a_treatment():
    found = rates_in_sentence(sentence("The ORR was 12% with acceptable toxicity."))
    assert [(r.value, r.arm) for r in found] == [(12.0, None)]
    found = rates_in_sentence(sentence("The ORR was 12% with everolimus."))
    assert [(r.value, r.arm) for r in found] == [(12.0, "everolimus")]


def test_biomarker_subgroups_are_no_rate_arms():
    found = rates_in_sentence(sentence("ORR was 40% and 20% for the luminal A and luminal B groups."))
    assert [r.arm for r in found] == [None, None]
    found = rates_in_sentence(sentence("ORR was 40% and 20% in the PIK3CA-mutant and wild-type cohorts, respectively."))
    assert [r.arm for r in found] == [None, None]


def test_measures_named_together_take_their_values_in_order():
    found = rates_in_sentence(sentence("ORR and CBR were 25% and 60%."))
    assert [(r.measure, r.value) for r in found] == [("ORR", 25.0), ("CBR", 60.0)]
    found = rates_in_sentence(sentence("The ORR and CBR were 25% and 60%, respectively."))
    assert [(r.measure, r.value) for r in found] == [("ORR", 25.0), ("CBR", 60.0)]
    found = rates_in_sentence(sentence("ORR, CBR and DCR were 10%, 40% and 70%."))
    assert [(r.measure, r.value) for r in found] == [("ORR", 10.0), ("CBR", 40.0), ("DCR", 70.0)]
    found = rates_in_sentence(sentence("ORR and CBR were 25% (95% CI 12-40%) and 60% (95% CI 45-74%)."))
    assert [(r.measure, r.value) for r in found] == [("ORR", 25.0), ("CBR", 60.0)]


def test_measures_named_together_with_other_count_of_values_are_not_guessed():
    assert rates_in_sentence(sentence("ORR and CBR were 25% and 60% with A and 10% and 30% with B.")) == []
    assert rates_in_sentence(sentence("The ORR and CBR were 25%.")) == []
    assert rates_in_sentence(sentence("ORR and CBR were 25% vs 10%.")) == []

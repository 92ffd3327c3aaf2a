"""Drug mentions with dose and schedule; arm structure from "A plus B versus C" and "B ± A"."""

from __future__ import annotations

from mbc_sr.extract.arms import arms, drugs_in_sentence
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

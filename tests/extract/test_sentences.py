"""Sentence splitting keeps offsets and does not break at decimals, "vs." or "P < .001"."""

from __future__ import annotations

import pytest

from mbc_sr.extract.sentences import record_sentences, split_sentences
from tests.extract.helpers import record


def test_split_keeps_statistics_and_abbreviations_whole():
    text = ("Median PFS was 7.8 vs. 3.2 months (HR 0.43; 95% CI, 0.35 to 0.54; P < .001). "
            "Smith et al. reported similar data (e.g. in Fig. 2). The trial was stopped. 12 patients died.")
    parts = split_sentences(text)
    assert [p for _, p in parts] == [
        "Median PFS was 7.8 vs. 3.2 months (HR 0.43; 95% CI, 0.35 to 0.54; P < .001).",
        "Smith et al. reported similar data (e.g. in Fig. 2).",
        "The trial was stopped.",
        "12 patients died.",
    ]
    for offset, sentence in parts:
        assert text[offset:offset + len(sentence)] == sentence


def test_record_sentences_carry_field_section_and_label():
    rec = record([("METHODS", "We randomised 60 patients."), ("RESULTS", "HR was 0.5. It was significant.")], title="A trial.")
    found = list(record_sentences(rec))
    assert [(s.field, s.section, s.label, s.text) for s in found] == [
        ("title", None, "TITLE", "A trial."),
        ("abstract", 0, "METHODS", "We randomised 60 patients."),
        ("abstract", 1, "RESULTS", "HR was 0.5."),
        ("abstract", 1, "RESULTS", "It was significant."),
    ]
    assert rec.abstract[1].text[found[3].start:].startswith("It was")


def test_a_run_of_white_space_or_hyphens_longer_than_max_gap_ends_a_sentence():
    from mbc_sr.extract.sentences import MAX_GAP

    for white in (" ", "\t", "\n", "\u00a0", "-"):
        long_run, short_run = white * 20_000, white * MAX_GAP
        text = "We enrolled 120" + long_run + "patients. Ten" + short_run + "withdrew."
        assert split_sentences(text) == [(0, "We enrolled 120"), (15 + 20_000, "patients."),
                                         (25 + 20_000, "Ten" + short_run + "withdrew.")]
        assert split_sentences(long_run) == []


def test_a_dosing_abbreviation_keeps_its_bracket_in_the_sentence():
    text = ("Patients were randomized to lansoprazole 15 mg once daily (n = 86) or ranitidine 300 mg b.d. (R600) (n = 74) "
            "for 12 months. Omeprazole 20 mg b.i.d. (OAC; 90 patients) was given.")
    assert [p for _, p in split_sentences(text)] == [
        "Patients were randomized to lansoprazole 15 mg once daily (n = 86) or ranitidine 300 mg b.d. (R600) (n = 74) "
        "for 12 months.",
        "Omeprazole 20 mg b.i.d. (OAC; 90 patients) was given.",
    ]


def test_a_sentence_still_ends_after_a_dosing_abbreviation():
    parts = split_sentences("Patients took ranitidine 300 mg b.d. Relapse was assessed at 12 months.")
    assert [p for _, p in parts] == ["Patients took ranitidine 300 mg b.d.", "Relapse was assessed at 12 months."]


@pytest.mark.parametrize("text, first", [
    ("Forty patients received celecoxib 400 mg b.i.d. (18)F-FDG PET was performed in 36 patients.",
     "Forty patients received celecoxib 400 mg b.i.d."),
    ("Forty patients received celecoxib 400 mg b.i.d. [18F]FDG PET was performed in 36 patients.",
     "Forty patients received celecoxib 400 mg b.i.d."),
    ("Patients took the drug 20 mg t.i.d. (99m)Tc-sestamibi scans were done at baseline.",
     "Patients took the drug 20 mg t.i.d."),
])
def test_a_sentence_starting_with_an_isotopes_bracket_still_ends_after_a_dosing_abbreviation(text, first):
    assert split_sentences(text)[0][1] == first

"""All extractors on one record; the flat row; every span points at the text it claims, on real records."""

from __future__ import annotations

import json
from itertools import islice

import pytest

from mbc_sr.extract.record import RECORD_COLUMNS, extract_record, record_row
from mbc_sr.extract.spans import source_text
from tests.conftest import shared_path
from tests.extract.helpers import record

BOLERO_LIKE = record(
    [
        ("BACKGROUND", "Resistance to endocrine therapy in hormone-receptor-positive breast cancer is associated with mTOR activation."),
        ("METHODS", "In this phase 3, randomized trial (BOLERO-2), we compared everolimus (10 mg once daily) and exemestane "
                    "with placebo and exemestane in 724 postmenopausal women with HR+, HER2- advanced breast cancer "
                    "recurring or progressing after nonsteroidal aromatase inhibitors. Patients were randomly assigned "
                    "in a 2:1 ratio to everolimus plus exemestane (n = 485) or placebo plus exemestane (n = 239)."),
        ("RESULTS", "Median PFS was 6.9 months with everolimus plus exemestane and 2.8 months with placebo plus exemestane, "
                    "according to local assessment (hazard ratio for progression or death, 0.43; 95% CI, 0.35 to 0.54; P<0.001). "
                    "On the basis of central assessment, median PFS was 10.6 months and 4.1 months, respectively "
                    "(hazard ratio, 0.36; 95% CI, 0.27 to 0.47; P<0.001). The most common grade 3 or 4 adverse events were "
                    "stomatitis (8% vs 1%), anemia (6% vs <1%) and hyperglycemia (4% vs <1%)."),
        ("CONCLUSIONS", "Everolimus combined with an aromatase inhibitor improved PFS. (ClinicalTrials.gov number, NCT00863655.)"),
    ],
    title="Everolimus in postmenopausal hormone-receptor-positive advanced breast cancer",
)


def test_extract_record_reads_a_trial_report():
    x = extract_record(BOLERO_LIKE)
    assert x.registry_id_values == ["NCT00863655"]
    assert x.acronym_values == ["BOLERO-2"]
    assert x.phase.value == "III"
    assert (x.n_total.value, x.n_total.label) == (724, "enrolled")
    assert [item.value for item in x.n_arms] == [485, 239]
    assert [(m.drug, m.dose, m.schedule) for m in x.mtor_inhibitors] == [("everolimus", "10 mg", "once daily")]
    assert x.arm_structure.intervention == ("everolimus", "exemestane")
    assert x.arm_structure.comparator == ("placebo", "exemestane")
    assert [(h.outcome, h.value, h.ci_low, h.ci_high, h.p, h.analysis) for h in x.hazard_ratios] == [
        ("PFS", 0.43, 0.35, 0.54, "<0.001", ("investigator",)), ("PFS", 0.36, 0.27, 0.47, "<0.001", ("central review",)),
    ]
    assert [(m.value, m.unit) for m in x.medians] == [(6.9, "months"), (2.8, "months"), (10.6, "months"), (4.1, "months")]
    assert [e.event for e in x.adverse_events] == ["stomatitis", "anemia", "hyperglycemia"]


def test_record_row_has_every_column_and_spans_that_point_at_the_text():
    row = record_row(extract_record(BOLERO_LIKE), "bolero-like")
    assert tuple(row) == RECORD_COLUMNS
    assert row["id"] == "bolero-like" and row["n_total"] == "724" and row["phase"] == "III"
    assert "PFS HR 0.43 (95% CI 0.35–0.54; p<0.001)" in row["hazard_ratios"]
    spans = json.loads(row["spans"])
    assert {entry["field"] for entry in spans} >= {"registry_id", "phase", "n_total:enrolled", "n_arm", "hazard_ratio", "median"}
    for entry in spans:  # offsets into the field, and into the sentence shown beside the value
        start, end = entry["start"] - entry["sentence_start"], entry["end"] - entry["sentence_start"]
        assert entry["sentence"][start:end] == entry["text"], entry
    hr = next(entry for entry in spans if entry["field"] == "hazard_ratio")
    assert hr["where"] == "abstract[2]" and hr["extractor"] == "effects.hr_labelled"
    assert BOLERO_LIKE.abstract[2].text[hr["start"]:hr["end"]] == hr["text"]


def _all_spans(x):
    for item in x.registry_ids + x.acronyms + x.phases + x.design + x.totals + x.n_arms + x.population:
        yield item.span
    for group in (x.drugs, x.hazard_ratios, x.medians, x.rates, x.adverse_events):
        for item in group:
            yield item.span
    for hr in x.hazard_ratios:
        yield hr.value_span
    if x.arm_structure:
        yield x.arm_structure.span


@pytest.mark.slow
def test_every_span_points_at_its_text_on_real_records():
    from mbc_sr.pubmed_xml import ParsedRecord, iter_pubmed_xml

    path = shared_path("pubmed/pubmed21n1298_mtor_breast_plus_random300.xml.gz")
    records = islice((item.record for item in iter_pubmed_xml(path) if isinstance(item, ParsedRecord) and item.record.abstract), 250)
    checked = 0
    for rec in records:
        for span in _all_spans(extract_record(rec)):
            text = source_text(rec, span)
            assert text[span.start:span.end] == span.text, (rec.key, span)
            assert text[span.sentence_start:span.sentence_start + len(span.sentence)] == span.sentence
            checked += 1
    assert checked > 500


def test_record_row_shows_the_arm_of_each_median_and_rate_when_its_sentence_names_it():
    rec = record("Median PFS was 7.8 months with everolimus and 3.2 months with placebo. The ORR was 9.5% with everolimus "
                 "and 0.4% with placebo. Median OS was 31.0 vs 26.6 months.")
    row = record_row(extract_record(rec))
    assert row["medians"] == "PFS 7.8 months (everolimus) | PFS 3.2 months (placebo) | OS 31 months | OS 26.6 months"
    assert row["response_rates"] == "ORR 9.5% (everolimus) | ORR 0.4% (placebo)"
    spans = json.loads(row["spans"])
    assert [entry["value"] for entry in spans if entry["field"] == "median"][:2] == ["PFS 7.8 months (everolimus)", "PFS 3.2 months (placebo)"]

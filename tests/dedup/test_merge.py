"""Survivor choice and gap filling."""

from __future__ import annotations

from mbc_sr.dedup.merge import merge_cluster
from mbc_sr.records import DataBankAccession
from tests.dedup.conftest import make_record

TITLE = "Everolimus in postmenopausal hormone-receptor-positive advanced breast cancer"


def test_pubmed_record_survives_and_gaps_are_filled():
    embase = make_record("em", TITLE, doi="10.1056/nejmoa1109653", abstract="Background: ...", pages="520-9")
    embase.databank_accessions = (DataBankAccession("ClinicalTrials.gov", "NCT00863655"),)
    pubmed = make_record("pm", TITLE, source="pubmed", pmid="22149876", pages=None)
    merged = merge_cluster([embase, pubmed], [0, 1])
    assert merged.survivor == 1
    assert merged.record.pmid == "22149876" and merged.record.source == "pubmed"
    assert merged.record.doi == "10.1056/nejmoa1109653" and merged.record.pages == "520-9"
    assert merged.record.abstract_text == "Background: ..."
    assert merged.record.nct_ids == ("NCT00863655",)
    assert merged.filled_from == {"doi": 0, "abstract": 0, "pages": 0, "databank_accessions": 0}
    assert pubmed.doi is None  # inputs are not mutated


def test_without_pubmed_the_most_complete_record_survives_then_the_first():
    thin = make_record("a", TITLE, doi=None, pages=None)
    full = make_record("b", TITLE, doi="10.1/x", abstract="text")
    assert merge_cluster([thin, full], [0, 1]).survivor == 1
    assert merge_cluster([thin, make_record("c", TITLE, pages=None)], [0, 1]).survivor == 0


def test_a_stored_survivor_survives_a_pubmed_newcomer():
    stored = make_record("em", TITLE)
    newcomer = make_record("pm", TITLE, source="pubmed", pmid="22149876")
    merged = merge_cluster([stored, newcomer], [0, 1], stored={0})
    assert merged.survivor == 0
    assert merged.record.pmid == "22149876"  # the PMID is filled in, the identity stays
    assert merged.record.key == stored.key

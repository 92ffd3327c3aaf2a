"""Study linkage: shared NCT ids and trial acronyms with compatible design; separate from duplicates."""

from __future__ import annotations

from mbc_sr.dedup import deduplicate
from mbc_sr.dedup.io import read_records
from mbc_sr.dedup.studies import link_studies, trial_acronyms, trial_phases
from mbc_sr.records import DataBankAccession
from tests.conftest import shared_path
from tests.dedup.conftest import make_record


def test_acronyms_need_a_trial_context():
    assert trial_acronyms("Final overall survival results from the BOLERO-2 trial") == {"BOLERO-2"}
    assert trial_acronyms("the phase III study BOLERO 2 randomised 724 women") == {"BOLERO-2"}
    assert trial_acronyms("In the TAMRAD study, tamoxifen plus everolimus") == {"TAMRAD"}
    assert trial_acronyms("SIRT-1 and PALB-2 expression in SKBR-3 cells") == frozenset()
    assert trial_acronyms("an ECOG trial of HER2 study participants") == frozenset()


def test_phases():
    assert trial_phases("a randomized phase III trial") == {"3"}
    assert trial_phases("phase I/II study") == {"1", "2"}
    assert trial_phases("Phase 2 trial") == {"2"}


def test_reports_of_one_trial_are_linked_not_merged():
    primary = make_record("p", "Everolimus in postmenopausal hormone-receptor-positive advanced breast cancer", abstract="BOLERO-2 trial, a phase 3 study", year=2012)
    survival = make_record("s", "Everolimus plus exemestane for hormone-receptor-positive advanced breast cancer: overall survival results from BOLERO-2", abstract="The BOLERO-2 trial (phase 3)", year=2014, volume="25", pages="2357-62", journal="Ann Oncol")
    other = make_record("o", "Everolimus in BOLERO-3", abstract="In the BOLERO-3 trial", year=2014, volume="15", pages="580-91", journal="Lancet Oncol")
    result = deduplicate([primary, survival, other])
    assert len(result.clusters) == 3  # reports are not duplicates
    assert [(g.members, g.basis) for g in result.studies] == [((0, 1), ("acronym:BOLERO-2",))]


def test_shared_nct_links_and_conflicting_design_does_not():
    a = make_record("a", "First report", abstract="the ALPHA trial")
    a.databank_accessions = (DataBankAccession("ClinicalTrials.gov", "NCT00863655"),)
    b = make_record("b", "Second report NCT00863655")
    c = make_record("c", "Third report", abstract="the ALPHA trial, a phase 1 study")
    d = make_record("d", "Fourth report", abstract="the ALPHA trial, a phase 3 study")
    groups = link_studies([a, b, c, d])
    assert len(groups) == 1
    assert set(groups[0].members) >= {0, 1}
    assert not {2, 3} <= set(groups[0].members)  # phase 1 and phase 3 "ALPHA" are different trials


def test_real_pubmed_records_sharing_a_registry_id_are_linked():
    records = read_records(shared_path("pubmed/pubmed21n1298_mtor_breast_plus_random300.xml.gz"))
    result = deduplicate(records, [r.pmid for r in records])
    linked = {tuple(sorted(records[m].pmid for m in g.members)): g.basis for g in result.studies}
    assert linked == {("33895695", "33984675"): ("nct:NCT03275311",)}

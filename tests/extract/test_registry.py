"""Registry ids from DataBank and text (normalised), and trial acronyms."""

from __future__ import annotations

import pytest

from mbc_sr.extract.registry import registry_ids, trial_acronyms, unique_values
from tests.extract.helpers import assert_span_points_at, record


@pytest.mark.parametrize(
    "text, expected",
    [
        ("This trial is registered with ClinicalTrials.gov, number NCT00863655.", ["NCT00863655"]),
        ("ClinicalTrials.gov identifier: NCT 01528345.", ["NCT01528345"]),
        ("The SCALOP trial was registered with ISRCTN, number 96169987 (registered 2008).", ["ISRCTN96169987"]),
        ("registered as an International Standard Randomised Controlled Trial, number ISRCTN 46020948.", ["ISRCTN46020948"]),
        ("EudraCT number 2004-001234-56.", ["EUDRACT2004-001234-56"]),
        ("UMIN000012345 and JapicCTI-123456 and jRCTs031180123.", ["UMIN000012345", "JapicCTI-123456", "jRCTs031180123"]),
        ("Registered at ChiCTR-IOR-17013144 and ACTRN12610000123456.", ["ChiCTR-IOR-17013144", "ACTRN12610000123456"]),
        ("Registered at ChiCTR1900023443 (ChiCTR 1900023444).", ["ChiCTR1900023443", "ChiCTR1900023444"]),
        ("The review was registered in PROSPERO (CRD42020161267).", ["CRD42020161267"]),
        ("PROSPERO registration number: CRD 42015025714", ["CRD42015025714"]),
        ("Netherlands Trial Registry, NTR4132/NL3847. Korean CRIS KCT0002509. DRKS00012345.", ["NTR4132", "NL3847", "KCT0002509", "DRKS00012345"]),
    ],
)
def test_registry_ids_in_text(text, expected):
    assert sorted(unique_values(registry_ids(record(text)))) == sorted(expected)


def test_registry_ids_from_databank_and_text_are_normalised_alike():
    rec = record("Registered: NCT00863655.", databank=(("ClinicalTrials.gov", "NCT00863655"),))
    found = registry_ids(rec)
    assert unique_values(found) == ["NCT00863655"]
    assert {item.extractor for item in found} == {"registry.databank", "registry.text"}
    text_hit = next(item for item in found if item.extractor == "registry.text")
    assert_span_points_at(rec, text_hit.span, "NCT00863655")


def test_numbers_that_are_not_registry_ids():
    assert registry_ids(record("NCT0086365 had 7 digits; 2004-0012-56 is not EudraCT; NTR is a gene.")) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Everolimus in hormone-receptor-positive advanced breast cancer: the BOLERO-2 trial.", ["BOLERO-2"]),
        ("Final overall survival results from BOLERO 2.", ["BOLERO-2"]),
        ("In the TAMRAD study, tamoxifen plus everolimus improved CBR.", ["TAMRAD"]),
        ("HORIZON: letrozole with or without temsirolimus.", ["HORIZON"]),
        ("results of the Phase 2 AIO trial PACET-CUP.", ["PACET-CUP"]),
        ("The SAFIA trial is a prospective phase III trial.", ["SAFIA"]),
        ("MONARCH 2 and MONARCH 3 are randomized phase 3 studies.", ["MONARCH 2", "MONARCH 3"]),
        ("In the phase III IMpassion130 study, atezolizumab...", ["IMpassion130"]),
    ],
)
def test_trial_acronyms(text, expected):
    assert unique_values(trial_acronyms(record(text))) == expected


@pytest.mark.parametrize(
    "text",
    [
        "HER2 and PIK3CA status were assessed in this study.",
        "MCF-7 cells were treated with RAD001 in this study.",
        "Further studies have shown that HOXB13 in particular can indicate benefit.",
        "Data were analysed using SPSS 23.",
        "An ECOG 1 performance status was required in the trial.",
    ],
)
def test_genes_cell_lines_codes_and_groups_are_not_trial_names(text):
    assert trial_acronyms(record(text)) == []


@pytest.mark.parametrize("text, expected", [
    ("This trial is registered with EudraCT (2017-001234-56) and is ongoing.", ["EUDRACT2017-001234-56"]),
    ("Data came from two studies (EUDRACT n. 2006-000123-45 and EUDRACT n. 2014-004321-10).",
     ["EUDRACT2006-000123-45", "EUDRACT2014-004321-10"]),
    ("Trial Registration Number: EudraCT N°: 2013-001111-22.", ["EUDRACT2013-001111-22"]),
    ("Clinical Trial Registration: Clinicaltrials.gov; NCT#01234567.", ["NCT01234567"]),
    ("Australian New Zealand Clinical Trials Registry, ACTRN:12610000123456.", ["ACTRN12610000123456"]),
    ("Netherlands Trial Register (NTR) 2345", ["NTR2345"]),
    ("Registered with the clinical trial registry of India (CTRI/2019/05/012,345).", ["CTRI/2019/05/012345"]),
])
def test_a_label_bracket_or_sign_between_registry_and_number(text, expected):
    assert unique_values(registry_ids(record(text))) == expected


@pytest.mark.parametrize("text", [
    "The EudraCT database was searched; 2010 to 2015 trials were included.",
    "NCT enrolment reached 12345678 screenings",
    "Patients (NTR) were 45 in total.",
])
def test_no_registry_number_without_its_own_form(text):
    assert unique_values(registry_ids(record(text))) == []


# --------------------------------------------------------------------------- DataBank accessions


def _databank_ids(*databank: tuple[str, str]) -> list[str]:
    return unique_values(registry_ids(record("", databank=databank)))


def test_geo_accessions_are_not_registry_ids():
    assert _databank_ids(("GEO", "GSE152773"), ("GEO", "GSE30757")) == []


@pytest.mark.parametrize(
    "bank, accession",
    [
        ("GENBANK", "MN908947"), ("RefSeq", "NM_000546"), ("PDB", "6VSB"), ("figshare", "10.6084/m9.figshare.123"),
        ("Dryad", "10.5061/dryad.abc123"), ("OMIM", "114480"), ("SRA", "SRP123456"), ("BioProject", "PRJNA123456"),
    ],
)
def test_accessions_of_data_repositories_are_not_registry_ids(bank, accession):
    assert _databank_ids((bank, accession)) == []


def test_clinicaltrials_gov_accession_is_a_registry_id():
    assert _databank_ids(("ClinicalTrials.gov", "NCT00863655")) == ["NCT00863655"]


def test_isrctn_accession_is_a_registry_id():
    assert _databank_ids(("ISRCTN", "ISRCTN96169987")) == ["ISRCTN96169987"]


def test_eudract_accession_is_kept_and_normalised():
    assert _databank_ids(("EudraCT", "2004-001234-56")) == ["EUDRACT2004-001234-56"]


@pytest.mark.parametrize(
    "bank, accession, expected",
    [
        ("ANZCTR", "ACTRN12610000123456", "ACTRN12610000123456"), ("ChiCTR", "ChiCTR-IOR-17013144", "ChiCTR-IOR-17013144"),
        ("CRiS", "KCT0002509", "KCT0002509"), ("CTRI", "CTRI/2018/02/011664", "CTRI/2018/02/011664"),
        ("DRKS", "DRKS00012345", "DRKS00012345"), ("IRCT", "IRCT2015010120202N1", "IRCT2015010120202N1"),
        ("JPRN", "UMIN000012345", "UMIN000012345"), ("UMIN CTR", "UMIN000012345", "UMIN000012345"),
        ("JapicCTI", "JapicCTI-123456", "JapicCTI-123456"), ("NTR", "NTR4132", "NTR4132"),
        ("PACTR", "PACTR201509001234567", "PACTR201509001234567"), ("TCTR", "TCTR20190101001", "TCTR20190101001"),
        ("ReBec", "RBR-2x3y4z", "RBR-2x3y4z"), ("SLCTR", "SLCTR/2015/012", "SLCTR/2015/012"),
        ("RPCEC", "RPCEC00000123", "RPCEC00000123"),
    ],
)
def test_accessions_of_nlm_trial_registries_are_registry_ids(bank, accession, expected):
    assert _databank_ids((bank, accession)) == [expected]


def test_trial_registry_id_is_kept_whatever_the_databank_name():
    assert _databank_ids(("GENBANK", "NCT01234567"), ("figshare", "ISRCTN 46020948")) == ["NCT01234567", "ISRCTN46020948"]


def test_mixed_databank_list_keeps_only_trial_registry_ids():
    rec = record(
        "",
        databank=(
            ("GEO", "GSE152773"), ("ClinicalTrials.gov", "NCT03935542"), ("GENBANK", "MN908947"),
            ("EudraCT", "2016-002676-27"), ("PDB", "6VSB"),
        ),
    )
    found = registry_ids(rec)
    assert unique_values(found) == ["NCT03935542", "EUDRACT2016-002676-27"]
    assert [item.span.section for item in found] == [1, 3]  # each id still points at its own accession


@pytest.mark.parametrize(
    "bank, accession",
    [
        ("EU CTR", "2004-001234-56"), ("EUCTR", "2004-001234-56"), ("EUCTR", "EUCTR2004-001234-56-GB"),
        ("CTIS", "2004-001234-56"), ("EU CTR", "EudraCT 2004-001234-56"),
    ],
)
def test_eudract_numbers_under_eu_ctr_euctr_or_ctis_normalise_like_eudract(bank, accession):
    assert _databank_ids((bank, accession)) == ["EUDRACT2004-001234-56"]


@pytest.mark.parametrize("bank", ["CTIS", "EU CTR", "EUCTR"])
def test_ctis_numbers_are_kept_as_written_with_a_ctis_prefix(bank):
    assert _databank_ids((bank, "2022-500000-00-00")) == ["CTIS2022-500000-00-00"]


@pytest.mark.parametrize(
    "bank, accession, expected",
    [
        ("REPEC", "PER-010-19", "PER-010-19"), ("REPEC", "010-19", "PER-010-19"),
        ("LBCTR", "LBCTR2019020191", "LBCTR2019020191"), ("LBCTR", "2019020191", "LBCTR2019020191"),
        ("ITMCTR", "ITMCTR2021000123", "ITMCTR2021000123"), ("ITMCTR", "2021000123", "ITMCTR2021000123"),
    ],
)
def test_repec_lbctr_and_itmctr_accessions_are_kept_with_their_prefix(bank, accession, expected):
    assert _databank_ids((bank, accession)) == [expected]


@pytest.mark.parametrize(
    "bank, accession, expected",
    [
        ("NewCTR", "NEW-2021-0042", "NEW-2021-0042"),  # a registry NLM adds after this list was written
        ("National Clinical Trials Registry", "NCTR 123 456", "NCTR123456"),
        ("Trial Register of Somewhere", "TRS-77", "TRS-77"),
        ("Registro Brasileiro", "RB-1", "RB-1"),
    ],
)
def test_an_unknown_databank_named_like_a_trial_registry_is_one(bank, accession, expected):
    assert _databank_ids((bank, accession)) == [expected]


@pytest.mark.parametrize(
    "bank, accession",
    [("TrialShare", "ITN123"), ("dbGaP", "phs000123"), ("Zenodo", "10.5281/zenodo.123"), ("Dataverse", "10.7910/DVN/X")],
)
def test_known_data_repositories_are_not_trial_registries_whatever_their_name(bank, accession):
    assert _databank_ids((bank, accession)) == []


@pytest.mark.parametrize("bank, accession", [("Spectra DB", "SP-123"), ("Industrial Data", "ID-77")])
def test_a_databank_whose_name_only_holds_registry_letters_inside_a_word_is_no_registry(bank, accession):
    # "Spectra" holds "ctr", "Industrial" holds "trial": neither names a registry
    assert _databank_ids((bank, accession)) == []


@pytest.mark.parametrize(
    "bank, accession, expected",
    [("Foo CTR", "FOO-1", "FOO-1"), ("Trial Registry of X", "TRX 9", "TRX9")],
)
def test_a_databank_named_by_whole_registry_words_is_a_registry(bank, accession, expected):
    assert _databank_ids((bank, accession)) == [expected]

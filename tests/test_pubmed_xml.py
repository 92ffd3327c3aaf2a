"""PubMed XML -> records, field by field, on real records (checked by hand against the XML).

Data: ../shared/data/pubmed/real_quirks_subset.xml (22 real records + a DeleteCitation, picked for
their quirks) and the Biopython suite's recorded efetch responses
../shared/data/entrez/biopython/Entrez/pubmed{1,2,4,5,6,7}.xml. Line numbers in comments point
into those files.

Also here: text flattening (inline markup and MathML), a book chapter (PubmedBookArticle),
the three ways of passing input (path, bytes, gzip) and the per-record raw-XML hash.
"""

from __future__ import annotations

import gzip
import hashlib
import re
import threading
import time
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from mbc_sr.pubmed_xml import ParsedRecord, flatten_text, iter_pubmed_xml, parse_pubmed_xml
from mbc_sr.records import (
    AbstractSection,
    Author,
    Chemical,
    CommentCorrection,
    DataBankAccession,
    Deletion,
    HistoryDate,
    Journal,
    MeshHeading,
    MeshQualifier,
    PublicationType,
    Record,
    whitespace_normalised,
)
from tests.conftest import shared_path

QUIRKS = "pubmed/real_quirks_subset.xml"
DELETED_PMIDS = [
    "31688362", "31764432", "31895213", "31895214", "31917726", "33268618", "33268619",
    "33325556", "33370518", "33378316", "33417394", "33538040", "33667199", "33759239",
    "33814563", "33913214", "33982926", "34059851", "34081395", "34096142",
]


def records_of(items) -> list[Record]:
    return [item.record for item in items if isinstance(item, ParsedRecord)]


def only(records: list[Record], pmid: str, version: int = 1) -> Record:
    found = [r for r in records if r.pmid == pmid and r.pmid_version == version]
    assert len(found) == 1, f"PMID {pmid} v{version}: {len(found)} records"
    return found[0]


@pytest.fixture(scope="module")
def quirks_items():
    return parse_pubmed_xml(shared_path(QUIRKS))


@pytest.fixture(scope="module")
def quirks(quirks_items) -> list[Record]:
    return records_of(quirks_items)


@pytest.fixture(scope="module")
def efetch() -> dict[str, Record]:
    """The Biopython efetch responses, by PMID."""
    found = {}
    for number in (1, 2, 4, 5, 6, 7):
        for record in records_of(parse_pubmed_xml(shared_path(f"entrez/biopython/Entrez/pubmed{number}.xml"))):
            found[record.pmid] = record
    return found


# --------------------------------------------------------------------------- the whole quirks file


def test_quirks_file_yields_every_article_and_the_deletions_in_document_order(quirks_items):
    kinds = ["record" if isinstance(item, ParsedRecord) else "deletion" for item in quirks_items]
    assert kinds == ["record"] * 22 + ["deletion"] * 20
    assert [(d.pmid, d.pmid_version) for d in quirks_items[22:]] == [(pmid, 1) for pmid in DELETED_PMIDS]
    assert all(isinstance(d, Deletion) for d in quirks_items[22:])


def test_every_record_is_a_pubmed_record_keyed_by_pmid(quirks):
    for record in quirks:
        assert (record.source, record.source_record_id, record.key) == ("pubmed", record.pmid, f"pmid:{record.pmid}")
        assert record.pmid.isdigit() and not record.is_book


def test_pmid_versions_are_kept_in_document_order(quirks):
    """30271887 (Wellcome Open Res) is in the file as versions 1, 2, 3, 4 - in that order, not adjacent."""
    versions = [r for r in quirks if r.pmid == "30271887"]
    assert [r.pmid_version for r in versions] == [1, 2, 3, 4]
    assert [r.doi for r in versions] == [f"10.12688/wellcomeopenres.14677.{n}" for n in (1, 2, 3, 4)]
    assert [r.date_revised for r in versions] == ["2020-09-28", "2020-09-28", "2021-06-05", "2021-06-07"]
    assert [pt.name for pt in versions[3].publication_types] == ["Journal Article", "Comment"]
    assert all(r.pmid_version == 1 for r in quirks if r.pmid != "30271887")


# --------------------------------------------------------------------------- titles and text


def test_mathml_superscript_reads_with_a_caret(quirks):
    """PMID 31993508 (line 5396): <mml:msup><mml:mi>R</mml:mi><mml:mn>2</mml:mn></mml:msup> reads "R^2"."""
    text = only(quirks, "31993508").abstract_text
    assert "end systolic and diastolic volumes ( R^2 = 0.74 and R^2 = 0.70), and ejection fraction ( R^2 = 0.50)" in text
    assert text.count("R^2") == 6
    assert "mml" not in text and "<" not in text


def test_mathml_subscript_reads_with_an_underscore(efetch):
    """PMID 30108519 (pubmed6.xml line 30): msub of V-dot-O and "2max" is maximal oxygen uptake."""
    text = efetch["30108519"].abstract_text
    assert re.search(r"maximal oxygen uptake \( \S*O_2max \) 67\.6 ± 4\.1 ml·kg-1·min-1\]", text)
    assert text.count("O_2max") == 3


def test_mathml_mtext_space_keeps_words_apart(efetch):
    """PMID 29963580 (pubmed7.xml line 55): the formula for "³He MRI" ends in
    <mml:mtext>&#x2009;</mml:mtext><mml:mi>MRI</mml:mi>; the (thin) space is text, not layout,
    so "MRI" must stay a word of its own (not "He3MRI" / "Xe129MRI" / "H1MRI")."""
    text = efetch["29963580"].abstract_text
    assert "(2) CT-MRI coregistration" in text
    assert re.findall(r"\wMRI\b", text) == []
    assert "He3/Xe129 MRI ventilation" in text and "H1 MRI proton density" in text


def test_inline_markup_is_flattened_to_its_text(quirks, efetch):
    assert only(quirks, "31266900").title == (
        "An EDS1-SAG101 Complex Is Essential for TNL-Mediated Immunity in Nicotiana benthamiana."
    )  # <i>Nicotiana benthamiana</i>
    assert only(quirks, "31974114").title == (
        "Vav2 lacks Ca2+ entry-promoting scaffolding functions unique to Vav1 and inhibits T cell activation via Cdc42."
    )  # Ca<sup>2+</sup>
    assert only(quirks, "30271887", 4).abstract_text.startswith(
        "Background: The presence of an extra sex chromosome is associated with"
    )  # <b>Background</b>: The ...
    assert "(pelvic Matta system, Stryker®) that matched" in only(quirks, "29807784").abstract_text
    gut = efetch["27797938"]  # pubmed4.xml: <i>TERT</i>, p<sub>trend</sub>
    assert gut.title == "Leucocyte telomere length, genetic variants at the TERT gene region and risk of pancreatic cancer."
    assert "telomerase reverse transcriptase (TERT) gene region" in gut.abstract_text
    assert "95% CI 1.07 to 2.78; ptrend=0.048)" in gut.abstract_text
    occupational = efetch["28775130"]  # pubmed5.xml: <u>&lt;</u>, OR<sub>Q4</sub>
    assert "compared with normal TSH (0.4-<4.5 mIU/L)" in occupational.abstract_text
    assert "ORQ4=4.76" in occupational.abstract_text


def test_flattened_text_is_whitespace_normalised_with_or_without_markup(quirks):
    """PMID 30578883 METHODS (line 3142) has no markup but contains no-break spaces ("300\u00a0mg");
    flattened text reads the same as text with markup: one plain space between words."""
    methods = only(quirks, "30578883").abstract[2]
    assert methods.label == "METHODS"
    assert "Patients received 300 mg of subcutaneous mepolizumab or placebo every 4 weeks for 52 weeks." in methods.text
    for record in quirks:
        for text in [record.title, record.vernacular_title or "", *(s.text for s in record.abstract), *record.keywords]:
            assert text == whitespace_normalised(text), (record.pmid, text)


def test_empty_article_title_with_vernacular_title(quirks):
    """PMID 32472320 (line 5827): <ArticleTitle/> and <VernacularTitle>Briefsammlung Wittelshöfer.</VernacularTitle>."""
    letter = only(quirks, "32472320")
    assert letter.title == ""
    assert letter.vernacular_title == "Briefsammlung Wittelshöfer."
    assert letter.languages == ("ger",)
    assert letter.abstract == () and letter.abstract_text == ""


def test_translated_title_with_vernacular_title(quirks):
    pineal = only(quirks, "399297")
    assert (pineal.title, pineal.vernacular_title) == ("[The pineal body].", "Die pineale klier.")
    assert only(quirks, "16213219").vernacular_title is None


# --------------------------------------------------------------------------- dates


def test_medline_date_gives_year_and_first_month_and_is_kept(quirks):
    """PMID 399319 (Minerva Stomatol): <MedlineDate>1979 Jul-Sep</MedlineDate>."""
    pub_date = only(quirks, "399319").pub_date
    assert (pub_date.year, pub_date.month, pub_date.day, pub_date.season) == (1979, 7, None, None)
    assert pub_date.medline_date == "1979 Jul-Sep"
    assert only(quirks, "399319").year == 1979
    assert only(quirks, "29807784").pub_date.medline_date == "2018 Jul-Aug"
    assert only(quirks, "29807784").pub_date.month == 7


def test_season_is_kept(quirks, efetch):
    """PMID 399332: <Year>1979</Year><Season>Spring</Season>; PMID 12091962 (pubmed1.xml): 1990 Spring."""
    for pub_date, year in ((only(quirks, "399332").pub_date, 1979), (efetch["12091962"].pub_date, 1990)):
        assert (pub_date.year, pub_date.month, pub_date.day, pub_date.season, pub_date.medline_date) == (
            year, None, None, "Spring", None,
        )


def test_year_month_day_publication_dates(quirks, efetch):
    assert only(quirks, "399297").pub_date.text == "1979 Jun"  # <Month>Jun</Month>
    assert only(quirks, "31719001").pub_date.text == "2020 Oct 9"  # <Month>10</Month><Day>09</Day>
    assert efetch["9997"].pub_date.text == "1976 Sep 28"
    assert only(quirks, "401343").pub_date.text == "1979"


def test_history_dates_give_create_entry_and_mesh_dates(quirks, efetch):
    """PMID 30578883 (lines 3416-3453): received, revised, accepted, pubmed 2018-12-24,
    medline 2020-05-06, entrez 2018-12-23 - Create Date comes from "entrez", Entry Date from "pubmed"."""
    record = only(quirks, "30578883")
    assert record.history == (
        HistoryDate("received", 2018, 7, 10),
        HistoryDate("revised", 2018, 11, 2),
        HistoryDate("accepted", 2018, 11, 27),
        HistoryDate("pubmed", 2018, 12, 24),
        HistoryDate("medline", 2020, 5, 6),
        HistoryDate("entrez", 2018, 12, 23),
    )
    assert record.create_date == date(2018, 12, 23)
    assert record.entry_date == date(2018, 12, 24)
    assert record.mesh_date == date(2020, 5, 6)
    aids = efetch["12091962"]  # pubmed1.xml: pubmed 1990-4-1, medline 2002-7-16, entrez 1990-4-1
    assert (aids.create_date, aids.entry_date, aids.mesh_date) == (date(1990, 4, 1), date(1990, 4, 1), date(2002, 7, 16))
    assert only(quirks, "399297").date_revised == "2013-11-21"


# --------------------------------------------------------------------------- identifiers


def test_doi_only_in_pubmed_data_article_id_list(quirks, efetch):
    """Old records have no ELocationID: the DOI is only in PubmedData/ArticleIdList."""
    assert only(quirks, "399332").doi == "10.1111/j.1365-3024.1979.tb00697.x"
    assert only(quirks, "400712").doi == "10.1210/jcem-47-1-216"
    assert efetch["9997"].doi == "10.1016/0005-2795(76)90109-4"  # pubmed1.xml


def test_doi_is_normalised_lower_case_and_the_raw_id_is_kept(quirks, efetch):
    """PMID 31719001: <ELocationID EIdType="doi">10.4244/EIJ-D-19-00534</ELocationID>."""
    record = only(quirks, "31719001")
    assert record.doi == "10.4244/eij-d-19-00534"
    assert ("doi", "10.4244/EIJ-D-19-00534") in [(i.id_type, i.value) for i in record.article_ids]
    assert ("pii", "EIJ-D-19-00534") in [(i.id_type, i.value) for i in record.article_ids]
    assert efetch["29963580"].doi == "10.1117/1.jmi.5.2.026002"
    assert only(quirks, "399297").doi is None  # no DOI anywhere in the record


def test_pmcid(quirks, efetch):
    assert only(quirks, "21388667").pmcid == "PMC3105203"
    assert efetch["27797938"].pmcid == "PMC5442267"
    assert only(quirks, "399297").pmcid is None
    assert [r.pmcid for r in quirks if r.pmid == "30271887"][:3] == ["PMC6134338"] * 3


def test_versioned_pmcid_still_gives_the_pmcid(quirks):
    """PMID 30271887 v4 (line 7869): <ArticleId IdType="pmc">PMC6134338.4</ArticleId> is PMC6134338."""
    record = only(quirks, "30271887", 4)
    assert ("pmc", "PMC6134338.4") in [(i.id_type, i.value) for i in record.article_ids]
    assert record.pmcid == "PMC6134338"


def test_reference_list_ids_are_not_the_records_own_ids(quirks):
    """PMID 21388667 cites many articles; their ArticleIds (in ReferenceList) are not its own."""
    record = only(quirks, "21388667")
    assert [(i.id_type, i.value) for i in record.article_ids] == [
        ("pubmed", "21388667"), ("pii", "S0091-6749(11)00179-5"), ("doi", "10.1016/j.jaci.2011.01.049"),
        ("pmc", "PMC3105203"), ("mid", "NIHMS283207"),
    ]


def test_nct_accession_in_databank_list(quirks):
    """PMID 31719001 (line 4593): DataBankList / ClinicalTrials.gov / NCT03935542."""
    record = only(quirks, "31719001")
    assert record.databank_accessions == (DataBankAccession("ClinicalTrials.gov", "NCT03935542"),)
    assert record.nct_ids == ("NCT03935542",)
    assert only(quirks, "32928717").nct_ids == ("NCT04390672",)
    geo = only(quirks, "33720012")
    assert len(geo.databank_accessions) == 10 and {a.databank for a in geo.databank_accessions} == {"GEO"}
    assert geo.databank_accessions[0] == DataBankAccession("GEO", "GSE152773")
    assert geo.nct_ids == ()


def test_comments_corrections_retractions_and_errata(quirks):
    assert only(quirks, "400712").comments_corrections == (
        CommentCorrection("RetractionIn", "6106651", "Felig P, Sherwin RS. J Clin Endocrinol Metab. 1980 Nov;51(5):1201"),
    )
    assert only(quirks, "400955").comments_corrections == (
        CommentCorrection("RetractionOf", "778343", "Gullis RJ, Rowe CE. J Neurochem. 1976 Jun;26(6):1217-30"),
    )
    assert only(quirks, "21388667").comments_corrections == (
        CommentCorrection("ErratumIn", "34092359", "J Allergy Clin Immunol. 2021 Jun;147(6):2400"),
    )
    assert [(c.ref_type, c.pmid) for c in only(quirks, "30578883").comments_corrections] == [
        ("CommentIn", "31056188"), ("CommentIn", "31056189"), ("ErratumIn", "34092354"),
    ]
    assert "Retracted Publication" in [p.name for p in only(quirks, "400712").publication_types]


# --------------------------------------------------------------------------- abstract


def test_labelled_abstract_sections_keep_label_and_nlm_category(quirks):
    """PMID 21388667 (lines 1206-1210): Label and NlmCategory differ in the last section."""
    record = only(quirks, "21388667")
    assert [(s.label, s.nlm_category) for s in record.abstract] == [
        ("BACKGROUND", "BACKGROUND"), ("OBJECTIVE", "OBJECTIVE"), ("METHODS", "METHODS"),
        ("RESULTS", "RESULTS"), ("CONCLUSION", "CONCLUSIONS"),
    ]
    assert record.abstract[1].text == (
        "We sought to determine whether IL-4 could alter the functional phenotype of fibroblasts "
        "during their differentiation from stem/progenitor cells."
    )
    assert record.abstract_text == "\n".join(f"{s.label}: {s.text}" for s in record.abstract)
    assert record.abstract_text.startswith("BACKGROUND: Fibroblast heterogeneity is recognized")
    assert "\nOBJECTIVE: We sought to determine whether IL-4" in record.abstract_text


def test_labels_without_nlm_category_and_odd_labels(quirks):
    """PMID 401343 (lines 770-771): Label="UNLABELLED" with no category, then ABBREVIATIONS/BACKGROUND.
    PMID 31719001: a last section labelled CLINICAL TRIAL REGISTRATION holding only the NCT number."""
    assert [(s.label, s.nlm_category) for s in only(quirks, "401343").abstract] == [
        ("UNLABELLED", None), ("ABBREVIATIONS", "BACKGROUND"),
    ]
    assert only(quirks, "31719001").abstract[-1] == AbstractSection("NCT03935542", "CLINICAL TRIAL REGISTRATION", None)


def test_unlabelled_abstract_is_one_section_and_copyright_is_not_abstract_text(quirks):
    record = only(quirks, "31993508")  # has <CopyrightInformation>© The Author(s) 2020.</CopyrightInformation>
    assert len(record.abstract) == 1 and record.abstract[0].label is None
    assert record.abstract_text.startswith("Echocardiography uses ultrasound technology")
    assert "Author(s)" not in record.abstract_text


# --------------------------------------------------------------------------- authors, journal, pages


def test_authors_in_order_including_a_collective_name(quirks, efetch):
    """PMID 31719001: 13 people, then <Author><CollectiveName>Collaborators</CollectiveName></Author>."""
    authors = only(quirks, "31719001").authors
    assert len(authors) == 14
    assert authors[0] == Author("Jeon", "Won Kyeong", "WK", None)
    assert authors[2] == Author("Koo", "Bon-Kwon", "BK", None)
    assert authors[-1] == Author(None, None, None, "Collaborators")
    assert authors[-1].display_name == "Collaborators"
    assert efetch["29963580"].authors[-1] == Author(collective_name="Canadian Respiratory Research Network")
    assert only(quirks, "29807784").authors[1] == Author("Pérez Mañanes", "R", "R")
    assert only(quirks, "400955").authors == ()  # an editorial announcement without authors


def test_journal_title_iso_issn_and_medline_info(quirks, efetch):
    assert only(quirks, "21388667").journal == Journal(
        title="The Journal of allergy and clinical immunology",
        iso_abbreviation="J Allergy Clin Immunol",
        issn="1097-6825",
        issn_type="Electronic",
        medline_ta="J Allergy Clin Immunol",
        nlm_unique_id="1275002",
    )
    assert efetch["12091962"].journal == Journal(
        "Social justice (San Francisco, Calif.)", "Soc Justice", "1043-1578", "Print", "Soc Justice", "9891830"
    )
    preprint = only(quirks, "34013271")  # bioRxiv: no ISSN
    assert (preprint.journal.title, preprint.journal.issn, preprint.journal.nlm_unique_id) == (
        "bioRxiv : the preprint server for biology", None, "101680187",
    )


def test_volume_issue_and_pages(quirks, efetch):
    record = only(quirks, "21388667")
    assert (record.volume, record.issue, record.pages) == ("127", "6", "1595-603.e9")
    assert only(quirks, "31719001").pages == "e715-e723"
    assert only(quirks, "401343").issue == "1-3"
    # pubmed1.xml has StartPage 113, EndPage 125 and MedlinePgn 113-25: MedlinePgn is used
    assert efetch["12091962"].pages == "113-25"
    assert only(quirks, "31974114").pages is None  # no Pagination element


def test_languages(quirks, efetch):
    assert only(quirks, "29807784").languages == ("eng", "spa")
    assert only(quirks, "399297").languages == ("afr",)
    assert only(quirks, "399319").languages == ("ita",)
    assert efetch["9997"].languages == ("eng",)


def test_publication_types_with_their_uis(quirks):
    assert only(quirks, "399319").publication_types == (
        PublicationType("Clinical Trial", "D016430"),
        PublicationType("Comparative Study", "D003160"),
        PublicationType("Controlled Clinical Trial", "D018848"),
        PublicationType("Journal Article", "D016428"),
    )
    assert only(quirks, "34013271").publication_types == (PublicationType("Preprint", "D000076942"),)


def test_mesh_headings_with_descriptor_and_qualifier_uis_and_major_flags(quirks, efetch):
    pineal = only(quirks, "399297")
    assert pineal.mesh_headings[0] == MeshHeading("Animals", "D000818", False, ())
    gland = pineal.mesh_headings[2]
    assert gland == MeshHeading(
        "Pineal Gland",
        "D010870",
        False,
        (
            MeshQualifier("anatomy & histology", "Q000033", False),  # "anatomy &amp; histology" in the XML
            MeshQualifier("enzymology", "Q000201", False),
            MeshQualifier("metabolism", "Q000378", False),
            MeshQualifier("physiology", "Q000502", True),
        ),
    )
    assert gland.is_major and not gland.major
    headings = {h.descriptor_name: h for h in efetch["9997"].mesh_headings}  # pubmed1.xml
    assert len(efetch["9997"].mesh_headings) == 13
    assert headings["Cytochrome c Group"] == MeshHeading("Cytochrome c Group", "D003574", True, ())
    assert headings["Chromatium"].qualifiers == (MeshQualifier("enzymology", "Q000201", True),)
    assert [h.descriptor_name for h in efetch["12091962"].mesh_headings if h.major] == [
        "Acquired Immunodeficiency Syndrome", "HIV Seropositivity", "Jurisprudence", "Prisoners", "Public Policy",
    ]


def test_chemicals_with_ui_and_registry_number(quirks, efetch):
    """pubmed1.xml PMID 9997: RegistryNumber "0" means none."""
    assert efetch["9997"].chemicals == (
        Chemical("Cytochrome c Group", "D003574", None),
        Chemical("Flavins", "D005415", None),
        Chemical("Heme", "D006418", "42VZT0U6YR"),
        Chemical("Iron", "D007501", "E1UOL152H7"),
    )
    assert only(quirks, "399297").chemicals == (Chemical("Melatonin", "D008550", "JL5DK93RCL"),)
    assert efetch["27797938"].chemicals[0] == Chemical("TERT protein, human", "C509186", "EC 2.7.7.49")


def test_keywords(quirks, efetch):
    assert efetch["12091962"].keywords == ("Health Care and Public Health", "Legal Approach")
    assert only(quirks, "31974114").keywords == ("Ca2+", "Calcium", "Cdc42", "Rac1", "T cell", "Vav1", "Vav2")
    assert only(quirks, "399297").keywords == ()


def test_citation_and_publication_status(quirks):
    assert {r.pmid: r.citation_status for r in quirks if r.pmid in {
        "399297", "400955", "29807784", "31974114", "32472320"}} == {
        "399297": "MEDLINE",
        "400955": "PubMed-not-MEDLINE",
        "29807784": "Publisher",
        "31974114": "In-Process",
        "32472320": "In-Data-Review",
    }
    assert only(quirks, "399297").publication_status == "ppublish"
    assert only(quirks, "31719001").publication_status == "epublish"


def test_a_whole_efetch_record(efetch):
    """pubmed2.xml PMID 11748933, every field the model keeps, read off the XML."""
    record = efetch["11748933"]
    assert record.title == (
        "Is cryopreservation a homogeneous process? Ultrastructure and motility of untreated, prefreezing, "
        "and postthawed spermatozoa of Diplodus puntazzo (Cetti)."
    )
    assert (record.volume, record.issue, record.pages, record.year, record.pub_date.month) == ("42", "4", "244-55", 2001, 6)
    assert record.journal == Journal("Cryobiology", "Cryobiology", "0011-2240", "Print", "Cryobiology", "0006252")
    assert (record.doi, record.pmcid, record.citation_status, record.date_revised) == (
        "10.1006/cryo.2001.2328", None, "MEDLINE", "2006-11-15",
    )
    assert record.authors[0] == Author("Taddei", "A R", "AR") and record.authors[-1] == Author("Mazzini", "M", "M")
    assert record.history == (
        HistoryDate("pubmed", 2001, 12, 26), HistoryDate("medline", 2002, 3, 5), HistoryDate("entrez", 2001, 12, 26),
    )
    assert record.mesh_headings[2] == MeshHeading(
        "Cryopreservation", "D015925", False, (MeshQualifier("methods", "Q000379", True),)
    )


# --------------------------------------------------------------------------- a book chapter

# No PubmedBookArticle exists anywhere in ../shared/data (grep finds the element only in the DTDs),
# so this one is built by hand from the PubMed DTD (entrez/biopython/DTDs/pubmed_250101.dtd:
# PubmedBookArticle = BookDocument, PubmedBookData?) and is validated against that DTD below.
# Its values are invented ("Example ..."), not a real PubMed record.
BOOK_ARTICLE = b"""<PubmedBookArticle>
  <BookDocument>
    <PMID Version="1">900000001</PMID>
    <ArticleIdList>
      <ArticleId IdType="bookaccession">NBK000001</ArticleId>
      <ArticleId IdType="doi">10.0000/EXAMPLE.CHAPTER.1</ArticleId>
    </ArticleIdList>
    <Book>
      <Publisher>
        <PublisherName>Example University Press</PublisherName>
        <PublisherLocation>Example City</PublisherLocation>
      </Publisher>
      <BookTitle book="example">Example Reviews<sup>\xc2\xae</sup></BookTitle>
      <PubDate>
        <Year>2020</Year>
        <Month>Mar</Month>
      </PubDate>
      <AuthorList Type="editors">
        <Author ValidYN="Y">
          <LastName>Editor</LastName>
          <ForeName>Erin</ForeName>
          <Initials>E</Initials>
        </Author>
      </AuthorList>
      <Medium>Internet</Medium>
    </Book>
    <LocationLabel Type="chapter">Chapter 1</LocationLabel>
    <ArticleTitle book="example" part="chapter1">An example chapter on <i>MTOR</i> signalling</ArticleTitle>
    <Language>eng</Language>
    <AuthorList Type="authors">
      <Author ValidYN="Y">
        <LastName>Author</LastName>
        <ForeName>Alex B</ForeName>
        <Initials>AB</Initials>
      </Author>
      <Author ValidYN="Y">
        <CollectiveName>Example Review Group</CollectiveName>
      </Author>
    </AuthorList>
    <PublicationType UI="D016454">Review</PublicationType>
    <Abstract>
      <AbstractText Label="CLINICAL CHARACTERISTICS">A made-up summary with <b>bold</b> words.</AbstractText>
      <AbstractText Label="MANAGEMENT">A second made-up section.</AbstractText>
      <CopyrightInformation>Not a real record.</CopyrightInformation>
    </Abstract>
    <KeywordList Owner="NOTNLM">
      <Keyword MajorTopicYN="N">example keyword</Keyword>
    </KeywordList>
    <ContributionDate>
      <Year>2020</Year>
      <Month>03</Month>
      <Day>05</Day>
    </ContributionDate>
    <DateRevised>
      <Year>2021</Year>
      <Month>06</Month>
      <Day>07</Day>
    </DateRevised>
    <ReferenceList>
      <Reference>
        <Citation>A cited work that the record model does not keep.</Citation>
        <ArticleIdList>
          <ArticleId IdType="doi">10.0000/cited.work</ArticleId>
          <ArticleId IdType="pmc">PMC0000001</ArticleId>
        </ArticleIdList>
      </Reference>
    </ReferenceList>
  </BookDocument>
  <PubmedBookData>
    <History>
      <PubMedPubDate PubStatus="pubmed">
        <Year>2020</Year>
        <Month>3</Month>
        <Day>6</Day>
      </PubMedPubDate>
      <PubMedPubDate PubStatus="medline">
        <Year>2020</Year>
        <Month>3</Month>
        <Day>6</Day>
      </PubMedPubDate>
      <PubMedPubDate PubStatus="entrez">
        <Year>2020</Year>
        <Month>3</Month>
        <Day>5</Day>
      </PubMedPubDate>
    </History>
    <PublicationStatus>ppublish</PublicationStatus>
    <ArticleIdList>
      <ArticleId IdType="pubmed">900000001</ArticleId>
    </ArticleIdList>
  </PubmedBookData>
</PubmedBookArticle>"""
PROLOG_2025 = (
    b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE PubmedArticleSet PUBLIC "-//NLM//DTD PubMedArticle, '
    b'1st January 2025//EN" "https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_250101.dtd">\n'
)


def efetch_with_book() -> bytes:
    """An efetch-shaped answer: a real article (pubmed1.xml's PMID 9997) and the book chapter."""
    article = re.search(rb"<PubmedArticle>(?:(?!<PubmedArticle>).)*?<PMID Version=\"1\">9997</PMID>.*?</PubmedArticle>",
                        shared_path("entrez/biopython/Entrez/pubmed1.xml").read_bytes(), re.S).group(0)
    return PROLOG_2025 + b"<PubmedArticleSet>\n" + article + b"\n" + BOOK_ARTICLE + b"\n</PubmedArticleSet>\n"


def test_constructed_book_article_is_valid_against_the_pubmed_dtd():
    dtd = etree.DTD(str(shared_path("entrez/biopython/DTDs/pubmed_250101.dtd")))
    document = etree.fromstring(efetch_with_book(), etree.XMLParser(load_dtd=False, no_network=True))
    assert dtd.validate(document), dtd.error_log.filter_from_errors()


def test_book_article_maps_to_a_book_record():
    article, book = records_of(parse_pubmed_xml(efetch_with_book(), name="efetch-with-book"))
    assert article.pmid == "9997" and not article.is_book
    assert book.is_book
    assert (book.source, book.pmid, book.pmid_version, book.key) == ("pubmed", "900000001", 1, "pmid:900000001")
    assert book.title == "An example chapter on MTOR signalling"
    assert book.book_title == "Example Reviews®"
    assert book.publisher == "Example University Press"
    assert (book.pub_date.year, book.pub_date.month) == (2020, 3)
    assert book.authors == (Author("Author", "Alex B", "AB"), Author(collective_name="Example Review Group"))
    assert book.abstract == (
        AbstractSection("A made-up summary with bold words.", "CLINICAL CHARACTERISTICS"),
        AbstractSection("A second made-up section.", "MANAGEMENT"),
    )
    assert book.languages == ("eng",)
    assert book.publication_types == (PublicationType("Review", "D016454"),)
    assert book.keywords == ("example keyword",)
    assert book.date_revised == "2021-06-07"
    assert book.doi == "10.0000/example.chapter.1"
    assert book.pmcid is None  # the PMC id is a cited work's, in the ReferenceList
    assert {(i.id_type, i.value) for i in book.article_ids} == {
        ("bookaccession", "NBK000001"), ("doi", "10.0000/EXAMPLE.CHAPTER.1"), ("pubmed", "900000001"),
    }
    assert (book.create_date, book.entry_date, book.publication_status) == (date(2020, 3, 5), date(2020, 3, 6), "ppublish")


def test_book_article_set_root():
    document = PROLOG_2025.replace(b"PubmedArticleSet PUBLIC", b"PubmedBookArticleSet PUBLIC") + (
        b"<PubmedBookArticleSet>" + BOOK_ARTICLE + b"</PubmedBookArticleSet>"
    )
    (book,) = records_of(parse_pubmed_xml(document))
    assert book.is_book and book.pmid == "900000001"


# --------------------------------------------------------------------------- text flattening


def element(xml: str) -> etree._Element:
    return etree.fromstring(xml)


MML = 'xmlns:mml="http://www.w3.org/1998/Math/MathML"'


@pytest.mark.parametrize(
    ("xml", "expected"),
    [
        ("<AbstractText>plain</AbstractText>", "plain"),
        ("<AbstractText>  spaced \n  out  </AbstractText>", "spaced out"),
        ("<ArticleTitle/>", ""),
        ("<ArticleTitle>in <i>Drosophila</i> embryos</ArticleTitle>", "in Drosophila embryos"),
        ("<ArticleTitle>Ca<sup>2+</sup> entry</ArticleTitle>", "Ca2+ entry"),
        ("<T><b>Background</b>: <u>&lt;</u>4.5 and <i>p</i><sub>trend</sub></T>", "Background: <4.5 and ptrend"),
        (f"<T>( <mml:math {MML}><mml:msup><mml:mrow><mml:mi>R</mml:mi></mml:mrow> <mml:mrow><mml:mn>2</mml:mn>"
         "</mml:mrow></mml:msup></mml:math> = 0.74)</T>", "( R^2 = 0.74)"),
        (f"<T><mml:math {MML}><mml:msub><mml:mi>x</mml:mi><mml:mi>i</mml:mi></mml:msub></mml:math></T>", "x_i"),
        (f"<T><mml:math {MML}><mml:msubsup><mml:mi>x</mml:mi><mml:mi>i</mml:mi><mml:mn>2</mml:mn></mml:msubsup>"
         "</mml:math></T>", "x_i^2"),
        (f"<T><mml:math {MML}><mml:mfrac><mml:mn>1</mml:mn><mml:mn>2</mml:mn></mml:mfrac></mml:math></T>", "1/2"),
        (f"<T><mml:math {MML}><mml:msqrt><mml:mi>n</mml:mi></mml:msqrt></mml:math></T>", "sqrt(n)"),
        (f"<T><mml:math {MML}><mml:semantics><mml:mi>y</mml:mi><mml:annotation>TeX y</mml:annotation>"
         "</mml:semantics></mml:math></T>", "y"),
    ],
)
def test_flatten_text_examples(xml, expected):
    assert flatten_text(element(xml)) == expected


def test_flatten_text_leaves_out_the_elements_own_tail():
    parent = element("<T>a <i>b</i> tail</T>")
    assert flatten_text(parent[0]) == "b"
    assert flatten_text(None) == ""


INLINE_TAGS = ("i", "b", "sup", "sub", "u")
# Any text XML can carry, with white space of every kind over-represented (incl. no-break and thin spaces).
xml_text = st.text(
    alphabet=st.one_of(
        st.sampled_from([" ", "\n", "\t", "\u00a0", "\u2009", "\u202f", "\u2003"]),
        st.characters(blacklist_categories=("Cs", "Cc")),
    ),
    max_size=12,
)


@st.composite
def marked_up(draw, depth=0):
    """(element, its text): an element of a random inline tag holding text and nested inline elements."""
    tag = draw(st.sampled_from(("AbstractText", "ArticleTitle") if depth == 0 else INLINE_TAGS))
    node = etree.Element(tag)
    node.text = draw(xml_text)
    parts = [node.text]
    if depth < 3:
        for _ in range(draw(st.integers(0, 3))):
            child, child_text = draw(marked_up(depth + 1))
            child.tail = draw(xml_text)
            node.append(child)
            parts += [child_text, child.tail]
    return node, "".join(parts)


@settings(suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(marked_up())
def test_flatten_text_of_inline_markup_is_the_whitespace_normalised_text(tree):
    node, text = tree
    assert flatten_text(node) == whitespace_normalised(text)


@settings(deadline=None)
@given(xml_text, st.sampled_from(INLINE_TAGS))
def test_flatten_text_is_the_same_with_or_without_markup_around_a_word(words, tag):
    plain = etree.Element("AbstractText")
    plain.text = words
    marked = etree.Element("AbstractText")
    marked.text = words
    etree.SubElement(marked, tag).text = "x"
    assert flatten_text(marked) == whitespace_normalised(words + "x")
    assert flatten_text(plain) == whitespace_normalised(words)


# --------------------------------------------------------------------------- inputs and hashes


def parsed_view(items) -> list:
    return [(item.record, item.xml_sha256) if isinstance(item, ParsedRecord) else item for item in items]


def test_bytes_gzip_bytes_gzip_file_and_path_give_the_same_records(tmp_path):
    path = shared_path(QUIRKS)
    raw = path.read_bytes()
    compressed = tmp_path / "quirks.xml.gz"
    compressed.write_bytes(gzip.compress(raw))
    from_path = parsed_view(parse_pubmed_xml(path))
    assert parsed_view(parse_pubmed_xml(raw)) == from_path
    assert parsed_view(parse_pubmed_xml(gzip.compress(raw))) == from_path
    assert parsed_view(parse_pubmed_xml(str(compressed))) == from_path
    assert parsed_view(parse_pubmed_xml(compressed)) == from_path
    assert len(from_path) == 42


def test_efetch_response_bytes_give_the_same_records_as_the_file():
    path = shared_path("entrez/biopython/Entrez/pubmed4.xml")
    assert parsed_view(parse_pubmed_xml(path.read_bytes(), name="efetch pubmed4")) == parsed_view(parse_pubmed_xml(path))


def test_stopping_early_releases_the_input():
    """A caller may stop after any record: closing the iterator stops background reading."""
    before = threading.active_count()
    items = iter_pubmed_xml(shared_path("pubmed/pubmed21n1298_mtor_breast_plus_random300.xml.gz"))
    assert isinstance(next(items), ParsedRecord)
    items.close()
    deadline = time.monotonic() + 5
    while threading.active_count() > before and time.monotonic() < deadline:
        time.sleep(0.01)
    assert threading.active_count() == before


def raw_article_hashes(raw: bytes) -> list[str]:
    return [hashlib.sha256(m.group(0)).hexdigest() for m in re.finditer(rb"<PubmedArticle>.*?</PubmedArticle>", raw, re.S)]


def test_xml_sha256_is_the_sha256_of_the_raw_article_bytes():
    raw = shared_path(QUIRKS).read_bytes()
    hashes = [item.xml_sha256 for item in parse_pubmed_xml(raw) if isinstance(item, ParsedRecord)]
    assert hashes == raw_article_hashes(raw)
    assert len(set(hashes)) == 22


def test_xml_sha256_over_a_multi_megabyte_gzip_file():
    """The demo slice (880 records, ~15 MB inflated) crosses many read-chunk boundaries."""
    path = shared_path("pubmed/pubmed21n1298_mtor_breast_plus_random300.xml.gz")
    items = list(iter_pubmed_xml(path))
    hashes = [item.xml_sha256 for item in items if isinstance(item, ParsedRecord)]
    assert hashes == raw_article_hashes(gzip.decompress(path.read_bytes()))
    assert len(hashes) == 880
    assert [d.pmid for d in items if isinstance(d, Deletion)] == DELETED_PMIDS


def test_xml_sha256_is_stable_and_changes_with_one_character():
    raw = shared_path(QUIRKS).read_bytes()
    first = parse_pubmed_xml(raw)
    second = parse_pubmed_xml(raw)
    assert [i.xml_sha256 for i in records_and_hashes(first)] == [i.xml_sha256 for i in records_and_hashes(second)]

    changed = raw.replace(b"<ArticleTitle>[The pineal body].</ArticleTitle>", b"<ArticleTitle>[The pineal body]!</ArticleTitle>")
    assert changed != raw
    before, after = records_and_hashes(first), records_and_hashes(parse_pubmed_xml(changed))
    assert after[0].record.title == "[The pineal body]!"
    assert after[0].xml_sha256 != before[0].xml_sha256
    assert [i.xml_sha256 for i in after[1:]] == [i.xml_sha256 for i in before[1:]]


def test_xml_sha256_covers_the_reference_list_the_model_does_not_keep():
    raw = shared_path(QUIRKS).read_bytes()
    start = raw.index(b"<ReferenceList>")
    changed = raw[:start] + raw[start:].replace(b"<Citation>", b"<Citation>X", 1)
    before, after = records_and_hashes(parse_pubmed_xml(raw)), records_and_hashes(parse_pubmed_xml(changed))
    differing = [b.record.pmid for b, a in zip(before, after) if b.xml_sha256 != a.xml_sha256]
    assert differing == ["21388667"]
    assert [b.record for b in before] == [a.record for a in after]


def records_and_hashes(items) -> list[ParsedRecord]:
    return [item for item in items if isinstance(item, ParsedRecord)]

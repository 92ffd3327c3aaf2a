"""Whole NLM files parse without error (slow: tens of seconds each; `-m "not slow"` skips them).

* pubmed21n1298.xml.gz - the June 2021 daily update: 20,788 PubmedArticle + one DeleteCitation
  of 20 PMIDs; PMID 30271887 appears as versions 1-4.
* pubmed20n0014.xml.gz - a 2020 baseline file: 30,000 records from the 1970s; its DOCTYPE names
  an http:// DTD, which must not be fetched.

Every record must have a PMID and a title or a vernacular title. The last test reads every field
of every record a second time, independently, with plain lxml, and compares.
"""

from __future__ import annotations

import gzip
import re
import socket
from collections import Counter

import pytest
from lxml import etree

from mbc_sr.pubmed_xml import ParsedRecord, iter_pubmed_xml
from mbc_sr.records import Deletion, normalise_doi, whitespace_normalised
from tests.conftest import shared_path

pytestmark = pytest.mark.slow

UPDATE_FILE = "pubmed/pubmed21n1298.xml.gz"
BASELINE_FILE = "pubmed/pubmed20n0014.xml.gz"
DELETED_PMIDS = [
    "31688362", "31764432", "31895213", "31895214", "31917726", "33268618", "33268619",
    "33325556", "33370518", "33378316", "33417394", "33538040", "33667199", "33759239",
    "33814563", "33913214", "33982926", "34059851", "34081395", "34096142",
]
# PMID 33977567 (J Clin Nurs 2021) is in the update file with <ArticleTitle/> and no VernacularTitle:
# the XML itself has no title, so the record cannot have one.
UNTITLED_IN_THE_XML = {UPDATE_FILE: ["33977567"], BASELINE_FILE: []}


@pytest.fixture
def no_sockets(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError(f"network access attempted: {args[1:]!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


def summarise(path):
    records = 0
    deletions: list[Deletion] = []
    without_pmid: list[int] = []
    untitled: list[str] = []
    versions: dict[str, list[int]] = {}
    for item in iter_pubmed_xml(path):
        if isinstance(item, Deletion):
            deletions.append(item)
            continue
        record = item.record
        records += 1
        assert len(item.xml_sha256) == 64
        if not (record.pmid and record.pmid.isdigit()):
            without_pmid.append(records)
        if not record.title and not record.vernacular_title:
            untitled.append(record.pmid)
        versions.setdefault(record.pmid, []).append(record.pmid_version)
    return records, deletions, without_pmid, untitled, versions


def test_update_file_pubmed21n1298(no_sockets):
    records, deletions, without_pmid, untitled, versions = summarise(shared_path(UPDATE_FILE))
    assert records == 20_788
    assert [(d.pmid, d.pmid_version) for d in deletions] == [(pmid, 1) for pmid in DELETED_PMIDS]
    assert versions["30271887"] == [1, 2, 3, 4]
    assert max(versions["30271887"]) == 4
    assert without_pmid == [], f"{len(without_pmid)} records without a PMID"
    assert untitled == UNTITLED_IN_THE_XML[UPDATE_FILE], f"{len(untitled)} records without any title: {untitled[:20]}"


def test_baseline_file_pubmed20n0014_with_http_doctype(no_sockets):
    with gzip.open(shared_path(BASELINE_FILE), "rb") as stream:
        assert b'"http://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_190101.dtd"' in stream.read(400)
    records, deletions, without_pmid, untitled, versions = summarise(shared_path(BASELINE_FILE))
    assert records == 30_000
    assert deletions == []
    assert len(versions) == 30_000  # one version of each PMID
    assert without_pmid == [], f"{len(without_pmid)} records without a PMID"
    assert untitled == UNTITLED_IN_THE_XML[BASELINE_FILE], f"{len(untitled)} records without any title: {untitled[:20]}"


# --------------------------------------------------------------------------- an independent second reading

MATHML = "{http://www.w3.org/1998/Math/MathML}"


def _text(element) -> str:
    return whitespace_normalised("".join(element.itertext())) if element is not None else ""


def _has_mathml(element) -> bool:
    return element is not None and next(element.iter(MATHML + "math"), None) is not None


def _strip(text):
    return (text or "").strip() or None


def expected_fields(article) -> dict:
    """What the record should hold, read with plain lxml (text of MathML elements is not compared)."""
    citation = article.find("MedlineCitation")
    body = citation.find("Article")
    journal = body.find("Journal")
    issue = journal.find("JournalIssue")
    pmid = citation.find("PMID")
    fields = {
        "pmid": pmid.text.strip(),
        "pmid_version": int(pmid.get("Version") or 1),
        "citation_status": citation.get("Status"),
        "volume": _strip(issue.findtext("Volume")),
        "issue": _strip(issue.findtext("Issue")),
        "languages": tuple(_strip(x.text) for x in body.iterfind("Language") if _strip(x.text)),
        "publication_types": tuple((x.text.strip(), x.get("UI")) for x in body.iterfind("PublicationTypeList/PublicationType")),
        "journal": (journal.findtext("Title"), journal.findtext("ISOAbbreviation"), journal.findtext("ISSN"),
                    journal.find("ISSN").get("IssnType") if journal.find("ISSN") is not None else None,
                    citation.findtext("MedlineJournalInfo/MedlineTA"), citation.findtext("MedlineJournalInfo/NlmUniqueID")),
        "mesh": tuple(
            (h.findtext("DescriptorName"), h.find("DescriptorName").get("UI"), h.find("DescriptorName").get("MajorTopicYN") == "Y",
             tuple((q.text, q.get("UI"), q.get("MajorTopicYN") == "Y") for q in h.iterfind("QualifierName")))
            for h in citation.iterfind("MeshHeadingList/MeshHeading")
        ),
        "chemicals": tuple(
            (c.findtext("NameOfSubstance").strip(), c.find("NameOfSubstance").get("UI"),
             None if _strip(c.findtext("RegistryNumber")) in (None, "0") else _strip(c.findtext("RegistryNumber")))
            for c in citation.iterfind("ChemicalList/Chemical")
        ),
        "databank": tuple(
            (_strip(bank.findtext("DataBankName")), _strip(number.text))
            for bank in body.iterfind("DataBankList/DataBank") for number in bank.iterfind("AccessionNumberList/AccessionNumber")
        ),
        "comments": tuple(
            (c.get("RefType"), _strip(c.findtext("PMID")), _strip(c.findtext("RefSource")))
            for c in citation.iterfind("CommentsCorrectionsList/CommentsCorrections")
        ),
        "history": tuple(
            (h.get("PubStatus"), int(h.findtext("Year")), int(h.findtext("Month")), int(h.findtext("Day")))
            for h in article.iterfind("PubmedData/History/PubMedPubDate")
        ),
        "publication_status": _strip(article.findtext("PubmedData/PublicationStatus")),
    }
    pagination = body.find("Pagination")
    if pagination is not None:
        start, end = _strip(pagination.findtext("StartPage")), _strip(pagination.findtext("EndPage"))
        fields["pages"] = _strip(pagination.findtext("MedlinePgn")) or (f"{start}-{end}" if start and end else start)
    else:
        fields["pages"] = None
    pub_date = issue.find("PubDate")
    medline_date = pub_date.findtext("MedlineDate")
    if medline_date:
        year = re.search(r"(?<!\d)(1[6-9]\d\d|20\d\d)(?!\d)", medline_date)
        fields["pub_date"] = (int(year.group(1)) if year else None, whitespace_normalised(medline_date))
    else:
        fields["pub_date"] = (int(pub_date.findtext("Year")) if pub_date.findtext("Year") else None, None)
    ids = []
    for item in article.iterfind("PubmedData/ArticleIdList/ArticleId"):
        if _strip(item.text) and item.get("IdType") and (item.get("IdType"), item.text.strip()) not in ids:
            ids.append((item.get("IdType"), item.text.strip()))
    for item in body.iterfind("ELocationID"):
        if _strip(item.text) and item.get("EIdType") and (item.get("EIdType"), item.text.strip()) not in ids:
            ids.append((item.get("EIdType"), item.text.strip()))
    fields["article_ids"] = tuple(ids)
    fields["doi"] = next((normalise_doi(v) for k, v in ids if k == "doi" and normalise_doi(v)), None)
    pmc = next((v for k, v in ids if k == "pmc" and re.fullmatch(r"PMC\d+(\.\d+)?", v)), None)
    fields["pmcid"] = pmc.split(".")[0] if pmc else None  # "PMC6134338.4" is article PMC6134338
    fields["authors"] = tuple(
        (_strip(a.findtext("LastName")), _strip(a.findtext("ForeName")), _strip(a.findtext("Initials")),
         _text(a.find("CollectiveName")) or None)
        for a in body.iterfind("AuthorList/Author")
    )
    title, vernacular = body.find("ArticleTitle"), body.find("VernacularTitle")
    if not _has_mathml(title):
        fields["title"] = _text(title)
    if not _has_mathml(vernacular):
        fields["vernacular_title"] = _text(vernacular) or None
    sections = [s for s in body.iterfind("Abstract/AbstractText") if _text(s) or _has_mathml(s)]
    fields["abstract_labels"] = tuple((_strip(s.get("Label")), s.get("NlmCategory")) for s in sections)
    if not any(_has_mathml(s) for s in sections):
        fields["abstract_texts"] = tuple(_text(s) for s in sections)
    keywords = list(citation.iterfind("KeywordList/Keyword"))
    if not any(_has_mathml(k) for k in keywords):
        fields["keywords"] = tuple(_text(k) for k in keywords if _text(k))
    return fields


def actual_fields(record) -> dict:
    journal = record.journal
    return {
        "pmid": record.pmid,
        "pmid_version": record.pmid_version,
        "citation_status": record.citation_status,
        "volume": record.volume,
        "issue": record.issue,
        "languages": record.languages,
        "publication_types": tuple((p.name, p.ui) for p in record.publication_types),
        "journal": (journal.title, journal.iso_abbreviation, journal.issn, journal.issn_type, journal.medline_ta,
                    journal.nlm_unique_id),
        "mesh": tuple((h.descriptor_name, h.descriptor_ui, h.major, tuple((q.name, q.ui, q.major) for q in h.qualifiers))
                      for h in record.mesh_headings),
        "chemicals": tuple((c.name, c.ui, c.registry_number) for c in record.chemicals),
        "databank": tuple((d.databank or None, d.accession) for d in record.databank_accessions),
        "comments": tuple((c.ref_type, c.pmid, c.ref_source) for c in record.comments_corrections),
        "history": tuple((h.status, h.year, h.month, h.day) for h in record.history),
        "publication_status": record.publication_status,
        "pages": record.pages,
        "pub_date": (record.pub_date.year, record.pub_date.medline_date),
        "article_ids": tuple((i.id_type, i.value) for i in record.article_ids),
        "doi": record.doi,
        "pmcid": record.pmcid,
        "authors": tuple((a.last_name, a.fore_name, a.initials, a.collective_name) for a in record.authors),
        "title": record.title,
        "vernacular_title": record.vernacular_title,
        "abstract_labels": tuple((s.label, s.nlm_category) for s in record.abstract),
        "abstract_texts": tuple(s.text for s in record.abstract),
        "keywords": record.keywords,
    }


@pytest.mark.parametrize("name", [UPDATE_FILE, BASELINE_FILE], ids=["pubmed21n1298", "pubmed20n0014"])
def test_every_field_of_every_record_matches_an_independent_reading(name):
    path = shared_path(name)
    mismatches: Counter = Counter()
    examples: dict[str, list] = {}
    compared = 0
    parsed = (item for item in iter_pubmed_xml(path) if isinstance(item, ParsedRecord))
    with gzip.open(path, "rb") as stream:
        reference = etree.iterparse(stream, events=("end",), tag="PubmedArticle", load_dtd=False, no_network=True,
                                    resolve_entities=False)
        for (_, article), item in zip(reference, parsed, strict=True):
            expected, actual = expected_fields(article), actual_fields(item.record)
            for field, value in expected.items():
                if actual[field] != value:
                    mismatches[field] += 1
                    examples.setdefault(field, [])
                    if len(examples[field]) < 3:
                        examples[field].append((expected["pmid"], actual[field], value))
            compared += 1
            article.clear()
            while article.getprevious() is not None:
                del article.getparent()[0]
    assert compared == {UPDATE_FILE: 20_788, BASELINE_FILE: 30_000}[name]
    report = "\n".join(
        f"{field}: {count} records differ, e.g. (pmid, parsed, expected) {examples[field]!r}"[:1500]
        for field, count in mismatches.most_common()
    )
    assert not mismatches, f"fields that differ from the XML:\n{report}"

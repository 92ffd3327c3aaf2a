"""What every import format shares: the error type, and one mapping of fields onto `Record`.

Each format module reads its file into `Fields` (plain strings and lists, with the name of
the vendor field each value came from, so that an error can name it); `to_record` turns them
into the project's one record model. Identifier normalisation is `mbc_sr.records`' (one
home): DOI, PMID and PMCID normalisers, and NCT ids found in accession numbers, notes, custom
fields, keywords or the text itself.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

from mbc_sr.records import (
    AbstractSection,
    ArticleId,
    Author,
    DataBankAccession,
    Journal,
    MeshHeading,
    MeshQualifier,
    PublicationDate,
    PublicationType,
    Record,
    month_number,
    normalise_doi,
    normalise_pmcid,
    normalise_pmid,
    whitespace_normalised,
)


class ImportFileError(ValueError):
    """A file that cannot be imported; names the file, the record/line and the field."""

    def __init__(self, path: str, problem: str, *, line: int | None = None, record: int | None = None, field: str | None = None):
        self.path, self.problem, self.line, self.record, self.field = path, problem, line, record, field
        where = [str(path)]
        if record is not None:
            where.append(f"record {record}")
        if line is not None:
            where.append(f"line {line}")
        if field:
            where.append(f"field {field}")
        super().__init__(f"{', '.join(where)}: {problem}")

    def __reduce__(self):
        return (_rebuild, (self.path, self.problem, self.line, self.record, self.field))


def _rebuild(path, problem, line, record, field_name):
    return ImportFileError(path, problem, line=line, record=record, field=field_name)


@dataclass(slots=True)
class Fields:
    """One record as read from an export, before mapping: each value with the vendor field it came from."""

    number: int  # 1-based position in the file
    line: int | None  # where the record starts (None where a format has no lines, e.g. a CSV cell)
    raw: str  # the record's own text, hashed to tell versions apart
    record_id: tuple[str, str] | None = None  # (field, value): the database's accession number
    title: list[tuple[str, str]] = field(default_factory=list)
    abstract: list[tuple[str, str]] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    journal: str | None = None
    journal_abbreviation: str | None = None
    issn: str | None = None
    volume: str | None = None
    issue: str | None = None
    pages: str | None = None
    year: tuple[str, str] | None = None  # (field, text holding a year)
    month: str | None = None
    day: str | None = None
    languages: list[str] = field(default_factory=list)
    types: list[str] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)
    mesh: list[str] = field(default_factory=list)  # "Descriptor/qualifier" with "*" for major (MEDLINE style)
    dois: list[tuple[str, str]] = field(default_factory=list)  # fields that must hold a DOI
    pmids: list[tuple[str, str]] = field(default_factory=list)  # fields that must hold a PMID
    pmcid: tuple[str, str] | None = None
    accessions: list[tuple[str, str]] = field(default_factory=list)  # other ids: searched for PMID / NCT / DOI
    notes: list[tuple[str, str]] = field(default_factory=list)  # free text searched for PMID / NCT / DOI
    urls: list[str] = field(default_factory=list)
    history: list[tuple[str, int, int | None, int | None]] = field(default_factory=list)


# "PMID: 123", "PMID 123", "PubMed ID: 123", "PUBMED 123" (CENTRAL), "MEDLINE:123" (Ovid, WoS)
_PMID_IN_TEXT = re.compile(r"\b(?:PMID|PUBMED(?:\s*ID)?|MEDLINE)\s*[:#=]?\s*(\d{1,9})\b", re.I)
_NCT = re.compile(r"\bNCT\d{8}\b", re.I)
_DOI_IN_TEXT = re.compile(r"\b(10\.\d{4,9}/[^\s\"<>;,]+)", re.I)
_YEAR = re.compile(r"(?<!\d)(1[6-9]\d\d|20\d\d)(?!\d)")


def slug(name: str) -> str:
    """The record namespace of an import source: "Embase (Ovid) 2024" → "embase-ovid-2024"."""
    text = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "import"
    return "pubmed-import" if text == "pubmed" else text  # "pubmed" keys are PubMed's own PMID records


def record_sha256(raw: str) -> str:
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


def to_record(fields: Fields, namespace: str, path: str) -> Record:
    """Map `fields` onto `Record`; raises `ImportFileError` naming the record and the field."""

    def fail(problem: str, field_name: str | None) -> ImportFileError:
        return ImportFileError(path, problem, line=fields.line, record=fields.number, field=field_name)

    title = next((whitespace_normalised(text) for _name, text in fields.title if text.strip()), "")
    doi = None
    for name, value in fields.dois:
        doi = normalise_doi(value)
        if doi is None:
            raise fail(f"not a DOI: {value!r}", name)
        break
    pmid = None
    for name, value in fields.pmids:
        match = _PMID_IN_TEXT.search(value)
        pmid = normalise_pmid(match.group(1) if match else value)
        if pmid is None:
            raise fail(f"not a PMID: {value!r}", name)
        break
    searchable = [*fields.accessions, *fields.notes]
    if pmid is None:
        for _name, value in searchable:
            match = _PMID_IN_TEXT.search(value)
            if match and (pmid := normalise_pmid(match.group(1))):
                break
    if doi is None:
        for value in [*fields.urls, *(value for _name, value in searchable)]:
            match = _DOI_IN_TEXT.search(value)
            if match and (doi := normalise_doi(match.group(1))):
                break
    pmcid = None
    if fields.pmcid is not None:
        pmcid = normalise_pmcid(fields.pmcid[1])
        if pmcid is None:
            raise fail(f"not a PMCID: {fields.pmcid[1]!r}", fields.pmcid[0])
    nct_text = [value for _name, value in searchable] + [title] + [text for _n, text in fields.abstract] + fields.keywords
    ncts = list(dict.fromkeys(match.group().upper() for text in nct_text for match in _NCT.finditer(text)))

    year = None
    if fields.year is not None:
        match = _YEAR.search(fields.year[1])
        if not match:
            raise fail(f"no year in {fields.year[1]!r}", fields.year[0])
        year = int(match.group(1))
    month = month_number(fields.month) if fields.month else None
    day = int(fields.day) if fields.day and fields.day.isdigit() and 1 <= int(fields.day) <= 31 and month else None

    if not title and not (doi or pmid or fields.record_id):
        raise fail("a record needs a title or an identifier (accession number, DOI or PMID)", "title")
    record_id = fields.record_id[1].strip() if fields.record_id else (pmid or doi or "sha256:" + record_sha256(fields.raw)[:16])
    article_ids = [ArticleId("accession", fields.record_id[1].strip())] if fields.record_id else []
    article_ids += [ArticleId(id_type, value) for id_type, value in (("doi", doi), ("pubmed", pmid), ("pmc", pmcid)) if value]
    abstract_text = "\n".join(text.strip() for _name, text in fields.abstract if text.strip())
    return Record(
        source=namespace,
        source_record_id=record_id,
        pmid=pmid,
        doi=doi,
        pmcid=pmcid,
        title=title,
        abstract=(AbstractSection(whitespace_normalised(abstract_text)),) if abstract_text else (),
        authors=tuple(_author(name) for name in fields.authors if name.strip()),
        journal=_journal(fields),
        volume=_clean(fields.volume),
        issue=_clean(fields.issue),
        pages=_clean(fields.pages),
        pub_date=PublicationDate(year=year, month=month, day=day),
        languages=tuple(dict.fromkeys(lang.strip() for lang in fields.languages if lang.strip())),
        publication_types=tuple(PublicationType(t.strip()) for t in dict.fromkeys(fields.types) if t.strip()),
        mesh_headings=tuple(_mesh(term) for term in fields.mesh if term.strip().strip("*")),
        keywords=tuple(dict.fromkeys(k.strip() for k in fields.keywords if k.strip())),
        databank_accessions=tuple(DataBankAccession("ClinicalTrials.gov", nct) for nct in ncts),
        article_ids=tuple(article_ids),
    )


def _clean(text: str | None) -> str | None:
    return whitespace_normalised(text) or None if text else None


def _journal(fields: Fields) -> Journal | None:
    if not (fields.journal or fields.journal_abbreviation or fields.issn):
        return None
    return Journal(
        title=_clean(fields.journal),
        iso_abbreviation=_clean(fields.journal_abbreviation),
        issn=_clean(fields.issn),
    )


def _author(name: str) -> Author:
    """ "Smith, John A." / "Smith, J. A." / "Smith J.A." / "Smith JA" → last name, fore name, initials."""
    text = whitespace_normalised(name)
    if "," in text:
        last, _, given = text.partition(",")
        given = given.strip()
    else:
        parts = text.rsplit(" ", 1)
        last, given = (parts[0], parts[1]) if len(parts) == 2 and len(parts[1].replace(".", "")) <= 3 else (text, "")
    letters = [part for part in re.split(r"[\s.\-]+", given) if part]
    if letters and all(len(p) == 1 or p.isupper() for p in letters):
        initials, fore = "".join(letters), None  # "J. A." or "JA": initials only
    else:
        initials, fore = "".join(p[0] for p in letters).upper() or None, given or None
    return Author(last_name=last.strip() or None, fore_name=fore, initials=initials or None)


def _mesh(term: str) -> MeshHeading:
    """A MEDLINE-style heading: "*Descriptor", "Descriptor/qualifier", "Descriptor/*qualifier"."""
    descriptor, *qualifiers = term.strip().split("/")
    major = descriptor.startswith("*")
    return MeshHeading(
        descriptor_name=descriptor.lstrip("*").strip(),
        major=major,
        qualifiers=tuple(MeshQualifier(q.lstrip("*").strip(), major=q.startswith("*")) for q in qualifiers if q.strip("*").strip()),
    )

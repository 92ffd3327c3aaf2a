"""The record model: what one bibliographic record is, whatever source it came from.

Every stage after the sources works on these dataclasses only. They hold tuples, never
lists, and no stage mutates a record: a changed record is a new version. (They are not
`frozen=True` because a frozen dataclass costs 3x more to build, and the parser builds
~50 of them per PubMed record at 10k records/s.)
Identifier normalisers live here, once: an importer or a dedup stage never re-implements
DOI or PMCID clean-up.

Records round-trip through plain JSON-able dicts (`to_dict` / `record_from_dict`) because
the store keeps each version as JSON next to its indexed columns.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

# --------------------------------------------------------------------------- parts


@dataclass(slots=True)
class Author:
    """A personal author (last/fore name, initials) or a group (collective name)."""

    last_name: str | None = None
    fore_name: str | None = None
    initials: str | None = None
    collective_name: str | None = None

    @property
    def display_name(self) -> str:
        if self.collective_name:
            return self.collective_name
        given = self.initials or self.fore_name or ""
        return f"{self.last_name or ''} {given}".strip()


@dataclass(slots=True)
class AbstractSection:
    """One labelled part of a structured abstract ("BACKGROUND", "RESULTS", ...)."""

    text: str
    label: str | None = None
    nlm_category: str | None = None


@dataclass(slots=True)
class Journal:
    title: str | None = None
    iso_abbreviation: str | None = None
    issn: str | None = None
    issn_type: str | None = None
    medline_ta: str | None = None
    nlm_unique_id: str | None = None


@dataclass(slots=True)
class PublicationDate:
    """A journal issue date as PubMed gives it.

    PubMed has either Year/Month/Day/Season parts or one free-text `MedlineDate`
    ("1979 Jul-Sep", "1998 Dec-1999 Jan"). The parts derived from a MedlineDate are filled
    in by `parse_medline_date` so that `year` is always usable for filtering.
    """

    year: int | None = None
    month: int | None = None
    day: int | None = None
    season: str | None = None
    medline_date: str | None = None

    @property
    def text(self) -> str:
        if self.medline_date:
            return self.medline_date
        parts = [str(self.year)] if self.year else []
        if self.month:
            parts.append(MONTH_ABBREVIATIONS[self.month - 1])
        if self.day:
            parts.append(str(self.day))
        if self.season:
            parts.append(self.season)
        return " ".join(parts)


@dataclass(slots=True)
class PublicationType:
    name: str
    ui: str | None = None


@dataclass(slots=True)
class MeshQualifier:
    name: str
    ui: str | None = None
    major: bool = False


@dataclass(slots=True)
class MeshHeading:
    descriptor_name: str
    descriptor_ui: str | None = None
    major: bool = False
    qualifiers: tuple[MeshQualifier, ...] = ()

    @property
    def is_major(self) -> bool:
        """MeSH "major topic": the descriptor or any of its qualifiers is starred."""
        return self.major or any(q.major for q in self.qualifiers)


@dataclass(slots=True)
class Chemical:
    name: str
    ui: str | None = None
    registry_number: str | None = None


@dataclass(slots=True)
class DataBankAccession:
    """A data-bank accession, e.g. ("ClinicalTrials.gov", "NCT03935542")."""

    databank: str
    accession: str


@dataclass(slots=True)
class CommentCorrection:
    """A CommentsCorrections link: RetractionIn/Of, ErratumIn/For, CommentIn/On, UpdateIn/Of, ..."""

    ref_type: str
    pmid: str | None = None
    ref_source: str | None = None


@dataclass(slots=True)
class HistoryDate:
    """One PubMed History date. `status` is the PubStatus: entrez (CRDT), pubmed (EDAT), medline, ..."""

    status: str
    year: int
    month: int | None = None
    day: int | None = None

    @property
    def as_date(self) -> date | None:
        try:
            return date(self.year, self.month or 1, self.day or 1)
        except ValueError:
            return None


@dataclass(slots=True)
class ArticleId:
    """An identifier from PubmedData/ArticleIdList or an ELocationID (type: doi, pmc, pii, pubmed, ...)."""

    id_type: str
    value: str


# --------------------------------------------------------------------------- records


@dataclass(slots=True)
class Record:
    """One version of one bibliographic record.

    `source` and `source_record_id` identify the record where it came from (for PubMed:
    "pubmed" and the PMID). `key` is the store identity: PubMed records from any PubMed
    source share it, so a PMID seen by a live search and by a local file is one record.
    """

    source: str
    source_record_id: str
    pmid: str | None = None
    pmid_version: int | None = None
    doi: str | None = None
    pmcid: str | None = None
    title: str = ""
    vernacular_title: str | None = None
    abstract: tuple[AbstractSection, ...] = ()
    authors: tuple[Author, ...] = ()
    journal: Journal | None = None
    volume: str | None = None
    issue: str | None = None
    pages: str | None = None
    pub_date: PublicationDate = field(default_factory=PublicationDate)
    languages: tuple[str, ...] = ()
    publication_types: tuple[PublicationType, ...] = ()
    mesh_headings: tuple[MeshHeading, ...] = ()
    chemicals: tuple[Chemical, ...] = ()
    keywords: tuple[str, ...] = ()
    databank_accessions: tuple[DataBankAccession, ...] = ()
    comments_corrections: tuple[CommentCorrection, ...] = ()
    history: tuple[HistoryDate, ...] = ()
    article_ids: tuple[ArticleId, ...] = ()
    citation_status: str | None = None
    publication_status: str | None = None
    date_revised: str | None = None
    is_book: bool = False
    book_title: str | None = None
    publisher: str | None = None

    @property
    def key(self) -> str:
        return record_key(self.source, self.source_record_id, self.pmid)

    @property
    def version_key(self) -> tuple[int, str]:
        """What "newer" means for two versions of one record (see `version_key`)."""
        return version_key(self.pmid_version, self.date_revised)

    @property
    def abstract_text(self) -> str:
        """The abstract as one plain string; labelled sections read "LABEL: text"."""
        return "\n".join(
            f"{section.label}: {section.text}" if section.label else section.text
            for section in self.abstract
        )

    @property
    def year(self) -> int | None:
        return self.pub_date.year

    def history_date(self, status: str) -> date | None:
        for entry in self.history:
            if entry.status == status:
                return entry.as_date
        return None

    @property
    def create_date(self) -> date | None:
        """Create Date (CRDT, PubStatus "entrez"): when the record entered PubMed; never back-dated."""
        return self.history_date("entrez")

    @property
    def entry_date(self) -> date | None:
        """Entry Date (EDAT, PubStatus "pubmed"): back-dated for late records, so never a refresh window."""
        return self.history_date("pubmed")

    @property
    def mesh_date(self) -> date | None:
        return self.history_date("medline")

    @property
    def nct_ids(self) -> tuple[str, ...]:
        return tuple(
            acc.accession
            for acc in self.databank_accessions
            if NCT_ID.fullmatch(acc.accession)
        )

    def to_dict(self) -> dict[str, Any]:
        return _to_plain(self)


@dataclass(slots=True)
class Deletion:
    """A `DeleteCitation` entry: PubMed withdrew this PMID."""

    pmid: str
    pmid_version: int | None = None


def version_key(pmid_version: int | None, date_revised: str | None) -> tuple[int, str]:
    """What "newer" means: PMID version first, then DateRevised (ISO dates sort as text). The
    store's ingest, the refresh's alerts and `mbc-sr extract` all pick the current version by it."""
    return (pmid_version or 0, date_revised or "")


def record_key(source: str, source_record_id: str, pmid: str | None = None) -> str:
    """The store identity of a record: "pmid:<PMID>" for PubMed, "<source>:<id>" otherwise."""
    if pmid and source == "pubmed":
        return f"pmid:{pmid}"
    return f"{source}:{source_record_id}"


# --------------------------------------------------------------------------- (de)serialisation


def _to_plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value):
        return {
            name: _to_plain(getattr(value, name))
            for name, required in _fields_of(type(value))
            if required or getattr(value, name) not in (None, (), "", False)
        }
    if isinstance(value, tuple):
        return [_to_plain(item) for item in value]
    return value


_FIELD_CACHE: dict[type, tuple[tuple[str, bool], ...]] = {}


def _fields_of(cls: type) -> tuple[tuple[str, bool], ...]:
    """(name, required) per field; empty optional values are left out of the dict, required never."""
    if cls not in _FIELD_CACHE:
        _FIELD_CACHE[cls] = tuple(
            (
                f.name,
                f.name == "title"  # kept even when empty: an untitled record is worth seeing as such
                or (f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING),
            )
            for f in dataclasses.fields(cls)
        )
    return _FIELD_CACHE[cls]


_PART_TYPES: dict[str, type] = {
    "abstract": AbstractSection,
    "authors": Author,
    "publication_types": PublicationType,
    "mesh_headings": MeshHeading,
    "qualifiers": MeshQualifier,
    "chemicals": Chemical,
    "databank_accessions": DataBankAccession,
    "comments_corrections": CommentCorrection,
    "history": HistoryDate,
    "article_ids": ArticleId,
}


def _from_plain(cls: type, data: dict[str, Any]) -> Any:
    kwargs: dict[str, Any] = {}
    for name, value in data.items():
        if name in _PART_TYPES:
            kwargs[name] = tuple(_from_plain(_PART_TYPES[name], item) for item in value)
        elif name == "journal":
            kwargs[name] = _from_plain(Journal, value)
        elif name == "pub_date":
            kwargs[name] = _from_plain(PublicationDate, value)
        elif isinstance(value, list):
            kwargs[name] = tuple(value)
        else:
            kwargs[name] = value
    return cls(**kwargs)


def record_from_dict(data: dict[str, Any]) -> Record:
    """Rebuild a Record from `Record.to_dict()` output (as stored in the store's JSON column)."""
    return _from_plain(Record, data)


# --------------------------------------------------------------------------- identifier normalisers

NCT_ID = re.compile(r"NCT\d{8}")
_DOI_PREFIX = re.compile(
    r"^(?:https?://(?:dx\.)?doi\.org/|doi\.org/|dx\.doi\.org/|doi\s*[:=]?\s*|urn:doi:)", re.I
)
_DOI_SHAPE = re.compile(r"^10\.\d{3,9}(?:\.\d+)*/\S+$")
_DOI_TRAILING = ".,;)]}>"


def normalise_doi(raw: str | None) -> str | None:
    """Return the DOI lower-cased, without resolver prefix, "doi:" label or trailing punctuation.

    DOIs are case-insensitive by definition, so lower-casing is lossless. Anything that is
    not DOI-shaped after clean-up (no "10.<registrant>/<suffix>") gives None rather than a
    wrong identifier that would later merge unrelated records.
    """
    if not raw:
        return None
    text = raw.strip()
    previous = None
    while previous != text:  # "doi: https://doi.org/10..." has two prefixes; "x. ." two tails
        previous = text
        text = _DOI_PREFIX.sub("", text).strip()
        text = re.sub(r"\s+", "", text).rstrip(_DOI_TRAILING)
    text = text.lower()
    return text if _DOI_SHAPE.match(text) else None


_PMCID = re.compile(r"\s*(?:pmcid\s*:?\s*)?(?:pmc)?\s*(\d{1,9})(?:\.\d+)?\s*", re.I)


def normalise_pmcid(raw: str | None) -> str | None:
    """"PMC1234567" from "PMC1234567", "pmc1234567", "1234567", "PMCID: PMC1234567" or the
    versioned "PMC1234567.2" (PubMed gives versioned PMCIDs in newer records); None otherwise."""
    if not raw:
        return None
    match = _PMCID.fullmatch(raw)
    if not match or not match.group(1).isascii() or int(match.group(1)) == 0:
        return None
    return f"PMC{int(match.group(1))}"


def normalise_pmid(raw: str | int | None) -> str | None:
    """A PMID as its decimal digits without leading zeros; None unless it is a positive integer."""
    if raw is None:
        return None
    text = str(raw).strip()
    if not (text.isascii() and text.isdigit()) or int(text) == 0:
        return None
    return str(int(text))


# --------------------------------------------------------------------------- date normalisers

MONTH_ABBREVIATIONS = (
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
)
_MONTHS = {name.lower(): number for number, name in enumerate(MONTH_ABBREVIATIONS, start=1)}
SEASONS = ("Spring", "Summer", "Autumn", "Fall", "Winter")
_SEASON_FIRST_MONTH = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}


_MONTH_NAMES = {
    **_MONTHS,
    **{name.lower(): number for number, name in enumerate(
        ("January", "February", "March", "April", "May", "June", "July", "August",
         "September", "October", "November", "December"), start=1)},
    "sept": 9,
}


def month_number(raw: str | None) -> int | None:
    """1..12 from "Jun", "Jun.", "June", "06" or "6"; None for anything else."""
    if not raw:
        return None
    text = raw.strip()
    if text.isascii() and text.isdigit():
        number = int(text)
        return number if 1 <= number <= 12 else None
    return _MONTH_NAMES.get(text.rstrip(".").lower())


_YEAR = re.compile(r"(?<!\d)(1[6-9]\d\d|20\d\d)(?!\d)")
_MONTH_WORD = re.compile(r"\b(" + "|".join(_MONTHS) + r")[a-z]*\.?\b", re.I)
_SEASON_WORD = re.compile(r"\b(" + "|".join(SEASONS) + r")\b", re.I)


def parse_medline_date(text: str) -> PublicationDate:
    """Read PubMed's free-text MedlineDate ("1979 Jul-Sep", "1998 Dec-1999 Jan", "2000 Spring").

    The first year and first month (or a season's first month is not guessed: the season
    is kept as text) are taken; the original string is kept verbatim.
    """
    year_match = _YEAR.search(text)
    month_match = _MONTH_WORD.search(text)
    season_match = _SEASON_WORD.search(text)
    month = _MONTHS[month_match.group(1).lower()] if month_match else None
    day = None
    if month_match:
        day_match = re.match(r"\s+(\d{1,2})(?!\d)", text[month_match.end():])
        if day_match and 1 <= int(day_match.group(1)) <= 31:
            day = int(day_match.group(1))
    return PublicationDate(
        year=int(year_match.group(1)) if year_match else None,
        month=month,
        day=day,
        season=season_match.group(1).capitalize() if season_match and not month else None,
        medline_date=text,
    )


def whitespace_normalised(text: str) -> str:
    """Collapse every run of white space to one space and trim the ends."""
    return " ".join(text.split())

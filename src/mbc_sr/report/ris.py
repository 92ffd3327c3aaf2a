"""RIS export of records: the one home of RIS writing in the project.

RIS is what every reference manager and screening tool imports (EndNote, Zotero, Rayyan,
Covidence, ASReview). Each record becomes one `TY  - ... ER  - ` block with the common tag
set: TY (JOUR, or CONF for conference papers), TI, AU (one per author, "Last, Given"), PY,
T2/JO (journal), VL, IS, SP/EP (pages), DO, AN (PMID, with DB "PubMed"), AB, KW, LA, and
the caller's record id in ID. Values are put on one line each (RIS has no continuation
lines); line breaks inside a value become spaces.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TextIO

from mbc_sr.records import Record

__all__ = ["ris_entry", "write_ris"]

_CONFERENCE_TYPES = ("congress", "conference paper", "conference abstract", "meeting abstract")


def _clean(value: object) -> str:
    return " ".join(str(value).split())


def _ris_type(record: Record) -> str:
    names = {pt.name.lower() for pt in record.publication_types}
    if names & set(_CONFERENCE_TYPES):
        return "CONF"
    if record.is_book:
        return "BOOK"
    return "JOUR"


def _pages(pages: str) -> tuple[str, str]:
    first, sep, last = pages.partition("-")
    first, last = first.strip(), last.strip()
    if sep and first.isdigit() and last.isdigit() and len(last) < len(first):
        last = first[: len(first) - len(last)] + last  # MEDLINE "595-7" -> SP 595, EP 597
    return first, (last if sep else "")


def ris_entry(record: Record, record_id: str | None = None) -> Iterator[tuple[str, str]]:
    """(tag, value) pairs of one record's RIS entry, in RIS order, TY first and ER last."""
    yield "TY", _ris_type(record)
    if record_id:
        yield "ID", record_id
    title = record.title or record.vernacular_title
    if title:
        yield "TI", title
    for author in record.authors:
        if author.collective_name and not author.last_name:
            yield "AU", author.collective_name
        elif author.last_name:
            given = author.fore_name or author.initials
            yield "AU", f"{author.last_name}, {given}" if given else author.last_name
    if record.year:
        yield "PY", str(record.year)
    journal = record.journal
    if journal and (journal.title or journal.iso_abbreviation or journal.medline_ta):
        yield "T2", journal.title or journal.iso_abbreviation or journal.medline_ta
        if journal.iso_abbreviation or journal.medline_ta:
            yield "J2", journal.iso_abbreviation or journal.medline_ta
        if journal.issn:
            yield "SN", journal.issn
    elif record.book_title:
        yield "T2", record.book_title
    if record.volume:
        yield "VL", record.volume
    if record.issue:
        yield "IS", record.issue
    if record.pages:
        first, last = _pages(record.pages)
        if first:
            yield "SP", first
        if last:
            yield "EP", last
    if record.doi:
        yield "DO", record.doi
    if record.pmid:
        yield "AN", record.pmid
        yield "DB", "PubMed"
    if record.pmcid:
        yield "C2", record.pmcid
    abstract = record.abstract_text
    if abstract:
        yield "AB", abstract
    for keyword in record.keywords:
        yield "KW", keyword
    for language in record.languages:
        yield "LA", language
    for accession in record.databank_accessions:
        yield "N1", f"{accession.databank}: {accession.accession}"
    yield "ER", ""


def write_ris(stream: TextIO, records: Iterable[tuple[Record, str | None]]) -> int:
    """Write (record, record id) pairs as RIS to `stream`; return how many were written."""
    count = 0
    for record, record_id in records:
        for tag, value in ris_entry(record, record_id):
            stream.write(f"{tag}  - {_clean(value)}\n" if value else f"{tag}  - \n")
        stream.write("\n")
        count += 1
    return count

"""CSV exports (Scopus CSV, spreadsheets, registers' downloads), read through a column mapping.

A mapping names, for each record field, the column that holds it: ``{"title": "Article Title",
"pmid": "PubMed ID"}``. Fields not mapped are looked up among common header names (Scopus,
Web of Science, Covidence, ASReview and plain lower-case names), so a Scopus CSV needs no
mapping. A mapped column missing from the header is an error naming the field; so is a
row with more or fewer cells than the header (named by its line), and a cell that does not
hold what its field needs (a PMID that is not a number, a DOI that is not a DOI).

Fields: id, title, abstract, authors (separated by ";"), journal, journal_abbreviation,
year, doi, pmid, pmcid, keywords (";"), language, type, volume, issue, pages, issn, notes,
url, accession (searched for PMID / NCT ids like notes).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping

from mbc_sr.sources.imports.common import Fields, ImportFileError

FIELDS = (
    "id", "title", "abstract", "authors", "journal", "journal_abbreviation", "year", "doi", "pmid", "pmcid",
    "keywords", "language", "type", "volume", "issue", "pages", "issn", "notes", "url", "accession",
)  # fmt: skip

#: header names tried (case-insensitively, in order) for a field the mapping leaves out
COMMON_HEADERS = {
    "id": ("id", "record id", "eid", "ut (unique wos id)", "accession number", "covidence #", "record_id"),
    "title": ("title", "article title", "document title", "primary_title", "ti"),
    "abstract": ("abstract", "ab"),
    "authors": ("authors", "author full names", "author", "au"),
    "journal": ("source title", "journal", "source", "publication title", "secondary_title", "journal/book"),
    "journal_abbreviation": ("abbreviated source title", "journal abbreviation", "journal iso abbreviation"),
    "year": ("year", "publication year", "py", "publication_year"),
    "doi": ("doi", "do"),
    "pmid": ("pubmed id", "pmid", "pubmed_id", "pubmedid"),
    "pmcid": ("pmcid", "pmc id"),
    "keywords": ("author keywords", "keywords"),
    "language": ("language of original document", "language"),
    "type": ("document type", "type", "publication type"),
    "volume": ("volume",),
    "issue": ("issue",),
    "pages": ("pages", "page range"),
    "issn": ("issn",),
    "notes": ("notes", "note"),
    "url": ("link", "url"),
    "accession": ("accession", "trial registration", "secondary source id"),
}


def read_csv(path: str, text: str, mapping: Mapping[str, str] | None = None) -> list[Fields]:
    mapping = dict(mapping or {})
    unknown = sorted(set(mapping) - set(FIELDS))
    if unknown:
        raise ImportFileError(path, f"unknown field(s) in the column mapping: {', '.join(unknown)} (known: {', '.join(FIELDS)})", field=unknown[0])
    first_line = text.split("\n", 1)[0]
    try:
        delimiter = csv.Sniffer().sniff(first_line + "\n", delimiters=",;\t").delimiter
    except csv.Error:
        delimiter = ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        header = next(reader)
    except StopIteration:
        raise ImportFileError(path, "empty CSV file") from None
    except csv.Error as exc:
        raise ImportFileError(path, f"not valid CSV ({exc})", line=reader.line_num) from None
    header = [name.lstrip("\ufeff").strip() for name in header]
    columns = _columns(path, header, mapping)
    if "title" not in columns and "id" not in columns and "doi" not in columns and "pmid" not in columns:
        raise ImportFileError(
            path, "no title, id, DOI or PMID column found: give a column mapping (e.g. title=\"Article Title\")",
            line=1, field="title",
        )  # fmt: skip
    found: list[Fields] = []
    line = reader.line_num + 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            raise ImportFileError(path, f"not valid CSV ({exc})", line=line, record=len(found) + 1) from None
        if not any(cell.strip() for cell in row):
            line = reader.line_num + 1
            continue
        if len(row) != len(header):
            raise ImportFileError(
                path, f"{len(row)} cells where the header has {len(header)}", line=line, record=len(found) + 1
            )
        found.append(_fields(len(found) + 1, line, row, columns, header))
        line = reader.line_num + 1
    if not found:
        raise ImportFileError(path, "the CSV file has a header but no rows")
    return found


def _columns(path: str, header: list[str], mapping: dict[str, str]) -> dict[str, int]:
    lowered = {name.lower(): index for index, name in reversed(list(enumerate(header)))}
    columns: dict[str, int] = {}
    for field_name, column in mapping.items():
        if column.lower() not in lowered:
            raise ImportFileError(path, f"the mapping names column {column!r}, which the header lacks", line=1, field=field_name)
        columns[field_name] = lowered[column.lower()]
    for field_name, names in COMMON_HEADERS.items():
        if field_name not in columns:
            index = next((lowered[name] for name in names if name in lowered), None)
            if index is not None:
                columns[field_name] = index
    return columns


def _fields(number: int, line: int, row: list[str], columns: dict[str, int], header: list[str]) -> Fields:
    def cell(field_name: str) -> tuple[str, str] | None:
        index = columns.get(field_name)
        if index is None or not row[index].strip():
            return None
        return header[index], row[index].strip()

    def value(field_name: str) -> str | None:
        found = cell(field_name)
        return found[1] if found else None

    def split(field_name: str) -> list[str]:
        text = value(field_name)
        return [part.strip() for part in text.split(";") if part.strip()] if text else []

    fields = Fields(number=number, line=line, raw="\x1f".join(row), record_id=cell("id"))
    fields.title = [found] if (found := cell("title")) else []
    fields.abstract = [found] if (found := cell("abstract")) else []
    fields.authors = split("authors")
    fields.journal, fields.journal_abbreviation = value("journal"), value("journal_abbreviation")
    fields.year = cell("year")
    fields.dois = [found] if (found := cell("doi")) else []
    fields.pmids = [found] if (found := cell("pmid")) else []
    fields.pmcid = cell("pmcid")
    fields.keywords = split("keywords")
    fields.languages = split("language")
    fields.types = split("type")
    fields.volume, fields.issue, fields.pages, fields.issn = value("volume"), value("issue"), value("pages"), value("issn")
    fields.notes = [found] if (found := cell("notes")) else []
    fields.accessions = [found] if (found := cell("accession")) else []
    fields.urls = [url] if (url := value("url")) else []
    return fields

"""EndNote XML exports (File > Export > XML in EndNote; also written by Zotero and others).

The document is ``<xml><records><record>...`` with every text wrapped in ``<style>`` runs.
It is parsed with the same safety as PubMed XML: no DTD, no network, no entity expansion; a
file that is not well-formed is refused with its line.

Read from: rec-number (the record id: unique within the library it was exported from),
ref-type's name, contributors/authors, titles/title, titles/secondary-title or
periodical/full-title (journal), periodical/abbr-1, pages, volume, number (issue),
dates/year, dates/pub-dates/date (month), isbn (ISSN for journals), language, keywords,
abstract, electronic-resource-num and urls (DOI), accession-num (PMID when it comes from
PubMed/MEDLINE, and searched for PMID / NCT ids like notes, label, caption and custom1-7).
"""

from __future__ import annotations

from lxml import etree

from mbc_sr.sources.imports.common import Fields, ImportFileError

_NOTE_TAGS = ("notes", "research-notes", "label", "caption", *(f"custom{n}" for n in range(1, 8)))


def read_endnote(path: str, data: bytes) -> list[Fields]:
    parser_options = dict(
        events=("end",), tag="record", load_dtd=False, no_network=True, resolve_entities=False,
        huge_tree=False, remove_comments=True,
    )  # fmt: skip
    found: list[Fields] = []
    seen_ids: dict[str, int] = {}
    try:
        for _event, element in etree.iterparse(_Bytes(data), **parser_options):
            number = len(found) + 1
            fields = _fields(path, number, element)
            if fields.record_id is not None:
                previous = seen_ids.setdefault(fields.record_id[1], number)
                if previous != number:
                    raise ImportFileError(
                        path, f"rec-number {fields.record_id[1]} is also record {previous}'s: not one library's export",
                        line=fields.line, record=number, field="rec-number",
                    )  # fmt: skip
            found.append(fields)
            element.clear(keep_tail=False)
    except etree.XMLSyntaxError as exc:
        raise ImportFileError(
            path, f"not well-formed XML ({exc.msg}); {len(found)} complete records came before", line=exc.lineno or None,
            record=len(found) + 1,
        ) from None  # fmt: skip
    if not found:
        raise ImportFileError(path, "no <record> in the EndNote XML")
    return found


class _Bytes:
    """A file-like view of bytes for iterparse (which then reports line numbers)."""

    def __init__(self, data: bytes):
        self.data, self.offset = data, 0

    def read(self, size: int = -1) -> bytes:
        end = len(self.data) if size < 0 else self.offset + size
        chunk = self.data[self.offset : end]
        self.offset = end
        return chunk


def _text(element) -> str:
    return " ".join("".join(element.itertext()).split()) if element is not None else ""


def _all(record, path: str) -> list[str]:
    return [text for element in record.iterfind(path) if (text := _text(element))]


def _first(record, *paths: str) -> tuple[str, str] | None:
    for path in paths:
        for text in _all(record, path):
            return path, text
    return None


def _fields(path: str, number: int, record) -> Fields:
    raw = etree.tostring(record, encoding="unicode")
    fields = Fields(number=number, line=record.sourceline, raw=raw)
    rec_number = _first(record, "rec-number")
    fields.record_id = ("rec-number", rec_number[1]) if rec_number else None
    ref_type = record.find("ref-type")
    if ref_type is not None and ref_type.get("name"):
        fields.types = [ref_type.get("name")]
    fields.title = [("titles/title", text) for text in _all(record, "titles/title")]
    fields.abstract = [("abstract", text) for text in _all(record, "abstract")][:1]
    fields.authors = _all(record, "contributors/authors/author")
    journal = _first(record, "periodical/full-title", "titles/secondary-title")
    fields.journal = journal[1] if journal else None
    abbreviation = _first(record, "periodical/abbr-1", "alt-periodical/abbr-1")
    fields.journal_abbreviation = abbreviation[1] if abbreviation else None
    issn = _first(record, "isbn")
    fields.issn = issn[1].split()[0] if issn else None
    fields.volume = (_first(record, "volume") or (None, None))[1]
    fields.issue = (_first(record, "number") or (None, None))[1]
    fields.pages = (_first(record, "pages") or (None, None))[1]
    fields.year = _first(record, "dates/year")
    date = _first(record, "dates/pub-dates/date")
    if date:
        parts = date[1].replace("-", " ").split()
        fields.month = next((part for part in parts if not part.isdigit()), None)
    fields.languages = _all(record, "language")
    fields.keywords = [k.strip() for text in _all(record, "keywords/keyword") for k in text.split(";")]
    accession = _first(record, "accession-num")
    database = " ".join(_all(record, "remote-database-name") + _all(record, "remote-database-provider")).lower()
    if accession and accession[1].isdigit() and ("pubmed" in database or "medline" in database or "nlm" in database):
        fields.pmids = [accession]
    elif accession:
        fields.accessions.append(accession)
    fields.accessions += [("electronic-resource-num", text) for text in _all(record, "electronic-resource-num")]
    fields.notes = [(tag, text) for tag in _NOTE_TAGS for text in _all(record, tag)]
    fields.urls = _all(record, "urls/related-urls/url") + _all(record, "urls/web-urls/url")
    return fields

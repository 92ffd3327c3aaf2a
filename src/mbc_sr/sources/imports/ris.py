"""RIS exports (Embase/Ovid, Embase.com, Cochrane CENTRAL, Scopus, Web of Science, reference managers).

`rispy` parses each record's tags. Before that, the file's structure is checked here, line
by line, because rispy skips what it does not understand (text outside a record, a last
record without ``ER``) and a half-read export must not pass as complete: every record
opens with ``TY  -`` and closes with ``ER  -``; an error names the line and the record.

The vendors put the same thing under different tags; what is read from where:

| value | tags, in order of preference |
|---|---|
| title | TI, T1, CT, BT |
| abstract | AB, N2 (Embase/Ovid and EndNote put abstracts in N2) |
| authors | AU, A1 (Ovid) |
| journal | JF, T2, JO (full title); JA, J2, JI, J9 (abbreviation: Ovid, Scopus, WoS) |
| year / date | PY, Y1 ("2018//"), DA ("2018/03/27") |
| DOI | DO (a resolver URL is fine); else a DOI in UR, L1-L4, N1 or accession fields |
| accession number | AN (CENTRAL "CN-...", WoS "WOS:...", EBSCO), ID (Ovid: the Embase/MEDLINE UI), U2 when it is an Embase "L" number, else the Scopus EID in UR |
| PMID | C2 when it is a bare number (Scopus and EBSCO put the PubMed ID there); "PMID:"/"PUBMED"/"MEDLINE" followed by the number in AN, ID, C1-C8, M1-M2, U1-U5, N1 |
| PMCID | C2 when it is "PMC..." (EndNote and PubMed-derived RIS) |
| NCT ids | any NCT######## in accession, custom and note fields, title, abstract or keywords |
| type | TY (RIS reference type), M3 (type of work: "Article", "Conference Abstract") |
"""

from __future__ import annotations

import re

from rispy import RisParser

from mbc_sr.sources.imports.common import Fields, ImportFileError

_TAG_LINE = re.compile(r"^([A-Z][A-Z0-9])  -(?: (.*))?$")
_LIST_TAGS = ["A1", "A2", "A3", "A4", "AU", "KW", "N1", "UR", "L1", "L2", "L3", "L4"]
_ACCESSION_TAGS = ("AN", "ID", "C1", "C3", "C4", "C5", "C6", "C7", "C8", "M1", "M2", "U1", "U2", "U3", "U4", "U5")


class _EveryTag(dict):
    """rispy mapping: every tag keeps its own name (the vendor differences are handled below)."""

    def __missing__(self, key: str) -> str:
        return key


def read_ris(path: str, text: str) -> list[Fields]:
    parser = RisParser(mapping=_EveryTag(), list_tags=_LIST_TAGS, enforce_list_tags=False)
    found = []
    for number, (line, lines) in enumerate(_records(path, text), start=1):
        [entry] = parser.parse_lines(iter(lines))
        found.append(_fields(path, number, line, "\n".join(lines), entry))
    if not found:
        raise ImportFileError(path, "no RIS record (TY  - ... ER  -) in the file")
    return found


def _records(path: str, text: str):
    """(first line number, lines) of each record; raises for anything outside TY ... ER."""
    start = None
    lines: list[str] = []
    for number, line in enumerate(text.splitlines(), start=1):
        line = line.lstrip("\ufeff")
        match = _TAG_LINE.match(line)
        tag = match.group(1) if match else None
        if start is None:
            if not line.strip():
                continue
            if tag != "TY":
                raise ImportFileError(path, f"text outside a record (a record starts with 'TY  - '): {line[:60]!r}", line=number)
            start, lines = number, [line]
            continue
        if tag == "TY":
            raise ImportFileError(path, f"a new record starts before the record of line {start} was closed with 'ER  -'", line=number, field="ER")
        lines.append(line)
        if tag == "ER":
            yield start, lines
            start, lines = None, []
    if start is not None:
        raise ImportFileError(path, f"the record that starts on line {start} is never closed with 'ER  -' (truncated file?)", line=start, field="ER")


def _first(entry: dict, *tags: str) -> tuple[str, str] | None:
    for tag in tags:
        for value in _values(entry, tag):
            if value.strip():
                return tag, value.strip()
    return None


def _values(entry: dict, tag: str) -> list[str]:
    value = entry.get(tag)
    if value is None:
        return []
    return [str(v) for v in value] if isinstance(value, list) else [str(value)]


def _fields(path: str, number: int, line: int, raw: str, entry: dict) -> Fields:
    fields = Fields(number=number, line=line, raw=raw)
    fields.title = [(tag, v) for tag in ("TI", "T1", "CT", "BT") for v in _values(entry, tag)]
    fields.abstract = [(tag, v) for tag in ("AB", "N2") for v in _values(entry, tag)][:1]
    fields.authors = [v for tag in ("AU", "A1") for v in _values(entry, tag)]
    journal = _first(entry, "JF", "T2", "JO")
    abbreviation = _first(entry, "JA", "J2", "JI", "J9")
    fields.journal = journal[1] if journal else None
    fields.journal_abbreviation = abbreviation[1] if abbreviation else None
    issn = _first(entry, "SN")
    fields.issn = re.sub(r"\s*\((?:ISSN|Print|Electronic|Linking)\)", "", issn[1]).split(";")[0].strip() if issn else None
    fields.volume = (_first(entry, "VL") or (None, None))[1]
    fields.issue = (_first(entry, "IS") or (None, None))[1]
    start, end = _first(entry, "SP"), _first(entry, "EP")
    fields.pages = "-".join(part[1] for part in (start, end) if part) or None
    fields.year = _first(entry, "PY", "Y1", "DA")
    date = _first(entry, "DA", "Y1")
    if date and "/" in date[1]:  # "2018/03/27", "2012//"
        parts = date[1].split("/")
        fields.month = parts[1] if len(parts) > 1 and parts[1].strip() else None
        fields.day = parts[2] if len(parts) > 2 and parts[2].strip() else None
    elif date:  # Web of Science: "FEB 9"
        parts = date[1].split()
        fields.month = parts[0] if parts and not parts[0].isdigit() else None
        fields.day = parts[1] if len(parts) > 1 else None
    fields.languages = _values(entry, "LA")
    fields.types = [v for tag in ("TY", "M3") for v in _values(entry, tag)]
    # Emtree and CENTRAL star major terms ("*everolimus"): the star is not part of the keyword
    fields.keywords = [k.lstrip("*") for v in _values(entry, "KW") for k in ([v] if ";" not in v else v.split(";"))]
    fields.dois = [("DO", v) for v in _values(entry, "DO") if v.strip()][:1]
    fields.urls = [v for tag in ("UR", "L1", "L2", "L3", "L4", "LK") for v in _values(entry, tag)]
    fields.notes = [(tag, v) for tag in ("N1", "RN") for v in _values(entry, tag)]
    fields.accessions = [(tag, v) for tag in _ACCESSION_TAGS for v in _values(entry, tag)]
    for value in _values(entry, "C2"):
        value = value.strip()
        if value.upper().startswith("PMC"):
            fields.pmcid = ("C2", value)
        elif value.isdigit():
            fields.pmids.append(("C2", value))
        else:
            fields.accessions.append(("C2", value))
    fields.record_id = _record_id(entry, fields)
    return fields


def _record_id(entry: dict, fields: Fields) -> tuple[str, str] | None:
    for tag in ("AN", "ID"):
        found = _first(entry, tag)
        if found and not re.match(r"(?i)\s*(pmid|pubmed|medline)\b", found[1]):
            return found
        if found and not fields.pmids:
            fields.pmids.append(found)  # "AN  - PMID:36123456": a PMID, not the database's own id
    embase = _first(entry, "U2")
    if embase and re.fullmatch(r"L\d{6,}", embase[1]):
        return embase
    for url in fields.urls:
        match = re.search(r"[?&]eid=(2-s2\.0-\d+)", url)
        if match:
            return ("UR", match.group(1))  # Scopus EID
    return None

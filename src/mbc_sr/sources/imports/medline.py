"""MEDLINE / .nbib exports (PubMed's "PubMed" format, Ovid MEDLINE's MEDLINE format) via `Bio.Medline`.

`Bio.Medline` reads any line it is given; the structure is checked here first, so that a
damaged export is refused with its line: every line is a tag line ("PMID- ", "AB  - ",
"FAU - ": a tag of 2-4 characters padded to 4, then "- "), a continuation line (six spaces)
or a blank line between records, and every record has a PMID.

Read from: PMID (the record id and PMID), TI/BTI, AB, FAU (else AU), JT / TA / IS, VI, IP,
PG, DP ("2006 Jan 10"), LA, PT, MH ("*Descriptor/qualifier", "Descriptor/*qualifier"), OT
(author keywords), AID/LID "... [doi]", PMC, and SI (secondary source ids such as
"ClinicalTrials.gov/NCT00000000").
"""

from __future__ import annotations

import re

from Bio import Medline

from mbc_sr.sources.imports.common import Fields, ImportFileError

_TAG_LINE = re.compile(r"^[A-Z][A-Z0-9]{1,3} {0,3}- ")


def read_medline(path: str, text: str) -> list[Fields]:
    found = []
    for number, (line, lines) in enumerate(_records(path, text), start=1):
        records = list(Medline.parse(iter([*(f"{text}\n" for text in lines), "\n"])))
        if len(records) != 1:  # pragma: no cover - _records hands over exactly one record
            raise ImportFileError(path, "could not read the record", line=line, record=number)
        found.append(_fields(path, number, line, "\n".join(lines), records[0]))
    if not found:
        raise ImportFileError(path, "no MEDLINE record (PMID- ...) in the file")
    return found


def _records(path: str, text: str):
    start = None
    lines: list[str] = []
    for number, raw_line in enumerate(text.splitlines(), start=1):
        line = raw_line.lstrip("\ufeff").rstrip()
        if not line and start is not None and raw_line.startswith("      "):
            continue  # a blank continuation line (a paragraph break in an abstract)
        if not line:
            if start is not None:
                yield start, lines
                start, lines = None, []
            continue
        if line.startswith("      "):
            if start is None:
                raise ImportFileError(path, "a continuation line outside a record", line=number)
            lines.append(line)
            continue
        if not _TAG_LINE.match(line):
            raise ImportFileError(path, f"not a MEDLINE tag line ('TAG - value'): {line[:60]!r}", line=number)
        if start is None:
            start, lines = number, []
        lines.append(line)
    if start is not None:
        yield start, lines


def _one(record, key: str) -> str | None:
    value = record.get(key)
    if isinstance(value, list):
        value = " ".join(value)
    return value.strip() if value and value.strip() else None


def _many(record, key: str) -> list[str]:
    value = record.get(key, [])
    return [value] if isinstance(value, str) else list(value)


def _fields(path: str, number: int, line: int, raw: str, record) -> Fields:
    pmid = _one(record, "PMID")
    if pmid is None:
        raise ImportFileError(path, "a MEDLINE record needs a PMID line", line=line, record=number, field="PMID")
    fields = Fields(number=number, line=line, raw=raw, record_id=("PMID", pmid))
    fields.pmids = [("PMID", pmid)]
    fields.title = [(key, value) for key in ("TI", "BTI") if (value := _one(record, key))]
    fields.abstract = [("AB", value)] if (value := _one(record, "AB")) else []
    fields.authors = _many(record, "FAU") or _many(record, "AU")
    fields.journal = _one(record, "JT")
    fields.journal_abbreviation = _one(record, "TA")
    issn = _one(record, "IS")
    fields.issn = re.sub(r"\s*\(.*?\)", "", issn).split()[0] if issn else None
    fields.volume, fields.issue, fields.pages = _one(record, "VI"), _one(record, "IP"), _one(record, "PG")
    published = _one(record, "DP")
    if published:
        fields.year = ("DP", published)
        parts = published.split()
        fields.month = parts[1].split("-")[0] if len(parts) > 1 else None
        fields.day = parts[2] if len(parts) > 2 else None
    fields.languages = _many(record, "LA")
    fields.types = _many(record, "PT")
    fields.mesh = _many(record, "MH")
    fields.keywords = _many(record, "OT")
    for key in ("AID", "LID"):
        for value in _many(record, key):
            if value.strip().endswith("[doi]") and not fields.dois:
                fields.dois.append((key, value.strip()[: -len("[doi]")].strip()))
    pmc = _one(record, "PMC")
    fields.pmcid = ("PMC", pmc) if pmc else None
    fields.accessions = [("SI", value) for value in _many(record, "SI")]
    return fields

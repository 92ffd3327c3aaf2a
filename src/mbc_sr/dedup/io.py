"""Reading files for standalone deduplication (`mbc-sr dedup FILE... --out DIR`).

The format is recognised from the content, not the extension (exports are often misnamed):
PubMed XML (through `mbc_sr.pubmed_xml`), CSV in the columns of the public deduplication
benchmark sets (ID, title, year, author, journal, volume, number, pages, doi, abstract, ...),
and RIS, MEDLINE/.nbib and EndNote XML through the importers of `mbc_sr.sources.imports`
when that package provides them. Gzipped files are read transparently.

A file that cannot be read raises `DedupInputError` naming the file and, where it applies,
the line and the field; nothing is half-read silently.
"""

from __future__ import annotations

import csv
import gzip
import io
from collections.abc import Callable, Iterator
from pathlib import Path

from mbc_sr.records import (
    AbstractSection,
    Author,
    Journal,
    PublicationDate,
    PublicationType,
    Record,
    normalise_doi,
    normalise_pmid,
)

__all__ = ["DedupInputError", "detect_format", "read_csv_records", "read_records"]


class DedupInputError(ValueError):
    """An input file that cannot be read: the message names the file (and line/field)."""


# --------------------------------------------------------------------------- detection


def _head(path: Path, size: int = 4096) -> bytes:
    with path.open("rb") as stream:
        start = stream.read(size)
    if start[:2] == b"\x1f\x8b":
        try:
            with gzip.open(path, "rb") as stream:
                return stream.read(size)
        except (OSError, EOFError) as exc:
            raise DedupInputError(f"{path}: not a readable gzip file ({exc})") from exc
    return start


def detect_format(path: Path) -> str:
    """"pubmed-xml", "endnote-xml", "ris", "nbib" or "csv", from the first bytes of the file."""
    head = _head(path).lstrip(b"\xef\xbb\xbf").lstrip()
    text = head.decode("utf-8", errors="replace")
    if not text:
        raise DedupInputError(f"{path}: the file is empty")
    if text.startswith("<"):
        if "<PubmedArticle" in text or "PubmedArticleSet" in text or "<PubmedBookArticle" in text:
            return "pubmed-xml"
        if "<records>" in text or "<record>" in text:
            return "endnote-xml"
        raise DedupInputError(f"{path}: XML that is neither PubMed XML nor an EndNote XML export")
    lines = text.splitlines()
    if any(line.startswith("TY  -") for line in lines[:20]):
        return "ris"
    if any(line.startswith("PMID-") for line in lines[:20]):
        return "nbib"
    return "csv"


# --------------------------------------------------------------------------- CSV

#: column names accepted for each field (lower-cased), first found wins
CSV_COLUMNS: dict[str, tuple[str, ...]] = {
    "id": ("id", "record_id", "key", "rec_number"),
    "title": ("title", "primary_title", "ti"),
    "year": ("year", "py", "publication_year"),
    "author": ("author", "authors", "au"),
    "journal": ("journal", "secondary_title", "journal_title", "source", "container_title"),
    "booktitle": ("booktitle",),
    "volume": ("volume", "vl"),
    "number": ("number", "issue", "is"),
    "pages": ("pages", "page", "sp"),
    "doi": ("doi",),
    "pmid": ("pmid", "pubmed_id", "pubmedid"),
    "abstract": ("abstract", "ab"),
    "entrytype": ("entrytype", "type", "publication_type"),
}


def _open_text(path: Path) -> io.TextIOBase:
    raw = path.open("rb")
    if raw.read(2) == b"\x1f\x8b":
        raw.close()
        return io.TextIOWrapper(gzip.open(path, "rb"), encoding="utf-8-sig", newline="")
    raw.close()
    return path.open(encoding="utf-8-sig", newline="")


def read_csv_records(path: Path, *, source: str = "csv") -> list[Record]:
    """Records from a CSV file with a header row (the benchmark sets' columns; see CSV_COLUMNS).

    `ID` becomes the record's `source_record_id` (the row number when there is no ID column);
    "inproceedings"-type rows become conference papers, their `booktitle` the venue.
    """
    try:
        with _open_text(path) as stream:
            reader = csv.reader(stream)
            try:
                header = next(reader)
            except StopIteration:
                raise DedupInputError(f"{path}: the file is empty") from None
            columns = _map_columns(path, header)
            records = []
            seen_ids: set[str] = set()
            for row in reader:
                line = reader.line_num
                if not any(cell.strip() for cell in row):
                    continue
                if len(row) != len(header):
                    raise DedupInputError(
                        f"{path}: line {line}: {len(row)} fields where the header has {len(header)}"
                    )
                record = _csv_record(path, line, row, columns, source, len(records) + 1)
                if record.source_record_id in seen_ids:
                    raise DedupInputError(f"{path}: line {line}: field ID: {record.source_record_id!r} appears twice")
                seen_ids.add(record.source_record_id)
                records.append(record)
    except UnicodeDecodeError as exc:
        raise DedupInputError(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})") from exc
    except csv.Error as exc:
        raise DedupInputError(f"{path}: malformed CSV: {exc}") from exc
    return records


def _map_columns(path: Path, header: list[str]) -> dict[str, int]:
    lowered = [name.strip().lower() for name in header]
    columns: dict[str, int] = {}
    for field_name, names in CSV_COLUMNS.items():
        for name in names:
            if name in lowered:
                columns[field_name] = lowered.index(name)
                break
    if "title" not in columns:
        raise DedupInputError(
            f"{path}: line 1: no title column (header: {', '.join(header[:12])}); "
            "expected the columns ID, title, year, author, journal, volume, number, pages, doi, abstract"
        )
    return columns


def _csv_record(path: Path, line: int, row: list[str], columns: dict[str, int], source: str, number: int) -> Record:
    def get(name: str) -> str:
        index = columns.get(name)
        return row[index].strip() if index is not None else ""

    record_id = get("id") or str(number)
    year_text = get("year")
    year = None
    if year_text:
        try:
            year = int(float(year_text))
        except ValueError:
            raise DedupInputError(f"{path}: line {line}: field year: {year_text!r} is not a year") from None
        if not 1000 <= year <= 2999:
            raise DedupInputError(f"{path}: line {line}: field year: {year_text!r} is not a year")
    raw_doi = get("doi")
    doi = normalise_doi(raw_doi)
    entry_type = get("entrytype").lower()
    venue = get("journal") or get("booktitle")
    conference = entry_type in ("inproceedings", "conference", "proceedings")
    abstract = get("abstract")
    return Record(
        source=source,
        source_record_id=record_id,
        pmid=normalise_pmid(get("pmid")),
        doi=doi,
        title=get("title"),
        abstract=(AbstractSection(abstract),) if abstract else (),
        authors=tuple(_csv_authors(get("author"))),
        journal=Journal(title=venue) if venue and not conference else None,
        book_title=venue if conference else None,
        volume=_number_text(get("volume")),
        issue=_number_text(get("number")),
        pages=get("pages") or None,
        pub_date=PublicationDate(year=year),
        publication_types=(PublicationType("Conference Paper"),) if conference else (
            (PublicationType("Journal Article"),) if entry_type == "article" else ()
        ),
    )


def _number_text(text: str) -> str | None:
    """"20" for "20.0" (pandas-written CSVs turn integer columns into floats)."""
    if not text:
        return None
    if text.endswith(".0") and text[:-2].isdigit():
        return text[:-2]
    return text


def _csv_authors(text: str) -> Iterator[Author]:
    if not text:
        return
    parts = text.split(" and ") if " and " in text else text.split(";")
    for part in parts:
        part = part.strip()
        if not part:
            continue
        if "," in part:
            last, _, given = part.partition(",")
            given = given.strip()
            initials = "".join(word[0] for word in given.replace(".", " ").replace("-", " ").split() if word[:1].isalpha())
            yield Author(last_name=last.strip(), fore_name=given or None, initials=initials.upper() or None)
        else:
            words = part.split()
            if len(words) > 1 and words[-1].isupper() and len(words[-1]) <= 4:
                yield Author(last_name=" ".join(words[:-1]), initials=words[-1])
            else:
                yield Author(last_name=part)


# --------------------------------------------------------------------------- every format


def _pubmed_xml_records(path: Path) -> list[Record]:
    from mbc_sr.pubmed_xml import ParsedRecord, PubMedXMLError, iter_pubmed_xml

    try:
        return [item.record for item in iter_pubmed_xml(path) if isinstance(item, ParsedRecord)]
    except PubMedXMLError as exc:
        raise DedupInputError(str(exc)) from exc


_IMPORT_FORMATS = {"ris": "ris", "nbib": "medline", "endnote-xml": "endnote"}


def _import_reader(fmt: str) -> Callable[[Path], list[Record]] | None:
    """The importer of `mbc_sr.sources.imports` for `fmt` (RIS, MEDLINE/.nbib, EndNote XML),
    None when that package is not installed."""
    try:
        from mbc_sr.sources.imports import read_import
    except ImportError:
        return None

    def read(path: Path) -> list[Record]:
        try:
            imported = read_import(path, path.stem or "import", format=_IMPORT_FORMATS[fmt])
        except (OSError, ValueError) as exc:  # ImportFileError is a ValueError naming file and line
            raise DedupInputError(str(exc) if str(path) in str(exc) else f"{path}: {exc}") from exc
        return [record for record, _sha in imported.records]

    return read


def read_records(path: str | Path) -> list[Record]:
    """Every record of one input file, in file order (see the module docstring for formats)."""
    path = Path(path)
    if not path.is_file():
        raise DedupInputError(f"{path}: no such file")
    fmt = detect_format(path)
    if fmt == "csv":
        return read_csv_records(path)
    if fmt == "pubmed-xml":
        return _pubmed_xml_records(path)
    reader = _import_reader(fmt)
    if reader is None:
        raise DedupInputError(
            f"{path}: {fmt} files need the importers of mbc_sr.sources.imports, which this "
            "installation does not have; export the records as CSV or PubMed XML instead"
        )
    return reader(path)

"""Imports: search results exported from other databases, onto the same record model.

`mbc-sr import FILE --source NAME [--kind database|register|other]` stores a RIS (Embase/Ovid,
Embase.com, Cochrane CENTRAL, Scopus, Web of Science), MEDLINE/.nbib, EndNote XML or CSV
export as records of source NAME — a database or register of the PRISMA 2020 diagram, with
its own identification count (the distinct records its imports found).

* The format is told from the content, not the file name (`detect`); ``format=`` overrides.
* Every record maps onto `mbc_sr.records.Record`: DOI, PMID and PMCID normalised by the
  record module's normalisers; PMID and NCT ids also found in accession, note and custom
  fields (see `common.to_record`). A record's identity is ``<source slug>:<accession number>``
  (else its PMID, else the sha256 of its text), so re-exports of the same records meet the
  same keys.
* The whole file is read and mapped before anything is stored: a malformed file raises
  `ImportFileError` naming the file, the record/line and the field, and stores nothing.
* Storing goes through `mbc_sr.pipeline.ingest_pubmed_files` with an `ImportReader`: one run
  of kind "import" per file, tied to the file's sha256 (and the format and column mapping),
  so importing the same file again changes nothing.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from mbc_sr.pipeline import FileReader, IngestReport, SpoolSummary, ingest_pubmed_files, spool_writer
from mbc_sr.records import Record
from mbc_sr.sources.imports.common import ImportFileError, record_sha256, slug, to_record
from mbc_sr.sources.imports.detect import FORMATS, decode, detect_format, read_bytes
from mbc_sr.store import RecordRow, Store

__all__ = ["FORMATS", "ImportFileError", "ImportReader", "ImportedFile", "import_file", "read_import"]

IMPORT_RUN_KIND = "import"
PARSERS = {
    "ris": "rispy (structure checked by mbc_sr.sources.imports.ris)",
    "medline": "Bio.Medline (structure checked by mbc_sr.sources.imports.medline)",
    "endnote": "lxml iterparse (mbc_sr.sources.imports.endnote)",
    "csv": "csv (mbc_sr.sources.imports.csv_table)",
}


@dataclass(slots=True)
class ImportedFile:
    """A whole export, read and mapped: its format and its records with the sha256 of each one's text."""

    path: Path
    format: str
    records: list[tuple[Record, str]]


def read_import(
    path: str | Path, source: str, *, format: str | None = None, columns: Mapping[str, str] | None = None
) -> ImportedFile:
    """Read and map every record of `path` for import source `source`; raises `ImportFileError`."""
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"{path}: no such file")
    if format is not None and format not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}, not {format!r}")
    data = read_bytes(path)
    label = str(path)
    # the format is told from the first few kB; the whole text is decoded strictly afterwards
    fmt = format or detect_format(path, data[:8192].decode("utf-8", errors="ignore"))
    if columns and fmt != "csv":
        raise ValueError(f"{path} is {fmt}, not CSV: a column mapping only applies to CSV files")
    if fmt == "endnote":
        from mbc_sr.sources.imports.endnote import read_endnote

        fields = read_endnote(label, data)
    elif fmt == "ris":
        from mbc_sr.sources.imports.ris import read_ris

        fields = read_ris(label, decode(path, data))
    elif fmt == "medline":
        from mbc_sr.sources.imports.medline import read_medline

        fields = read_medline(label, decode(path, data))
    else:
        from mbc_sr.sources.imports.csv_table import read_csv

        fields = read_csv(label, decode(path, data), columns)
    namespace = slug(source)
    return ImportedFile(path, fmt, [(to_record(f, namespace, label), record_sha256(f.raw)) for f in fields])


class ImportReader(FileReader):
    """The pipeline's reader for an import: the whole file is read and mapped into the spool."""

    run_kind = IMPORT_RUN_KIND

    def __init__(self, source: str, format: str | None = None, columns: Mapping[str, str] | None = None):
        self.source, self.format, self.columns = source, format, dict(columns or {})
        self.imported: ImportedFile | None = None

    def run_input(self, sha256: str) -> str:
        if not self.format and not self.columns:
            return sha256
        identity = json.dumps([sha256, self.format, self.columns], sort_keys=True)
        return hashlib.sha256(identity.encode("utf-8")).hexdigest()

    def params(self) -> dict[str, Any]:
        return {"format": self.format or "detected", **({"columns": self.columns} if self.columns else {})}

    def spool(self, path: Path, spool: TextIO, parse_progress) -> SpoolSummary:
        self.imported = imported = read_import(path, self.source, format=self.format, columns=self.columns)
        put = spool_writer(spool.write)
        for record, sha256 in imported.records:
            put(RecordRow.from_record(record, sha256))
        if parse_progress is not None:
            parse_progress(len(imported.records))
        count = len(imported.records)
        return SpoolSummary(count, count, {
            "kind": "import",
            "format": imported.format,
            "parser": PARSERS[imported.format],
            "with_doi": sum(1 for record, _ in imported.records if record.doi),
            "with_pmid": sum(1 for record, _ in imported.records if record.pmid),
            "with_nct": sum(1 for record, _ in imported.records if record.nct_ids),
        })  # fmt: skip


def import_file(
    store: Store,
    path: str | Path,
    *,
    source: str,
    kind: str = "database",
    format: str | None = None,
    columns: Mapping[str, str] | None = None,
    batch_size: int = 1000,
) -> IngestReport:
    """Import one export file as records of `source` (created with `kind` if new).

    Returns the file's report: "ingested", or "unchanged" when this file was imported into
    this source before. Raises `ImportFileError` (nothing stored) for a malformed file.
    """
    existing = _source_kind(store, source)
    if existing is not None and existing != kind:
        raise ValueError(f"source {source!r} exists with kind {existing!r}, not {kind!r}")
    reader = ImportReader(source, format, columns)
    [report] = ingest_pubmed_files(store, [Path(path)], source=source, kind=kind, batch_size=batch_size, reader=reader)
    return report


def _source_kind(store: Store, source: str) -> str | None:
    from sqlalchemy import select

    from mbc_sr.store import schema

    with store.engine.connect() as connection:
        return connection.execute(select(schema.sources.c.kind).where(schema.sources.c.name == source)).scalar_one_or_none()

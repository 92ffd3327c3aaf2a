"""Stage functions that move data between the sources, the store and the later stages.

Plain Python: the CLI and the Prefect flows call these; nothing here imports them.

Ingesting PubMed files (`ingest_pubmed_files`) is all-or-nothing per file at the parse level
and all-or-nothing per batch at the store level:

1. The file's sha256 ties it to a run. A file already ingested completely is skipped
   ("unchanged": nothing is written). A file whose earlier run did not complete resumes that
   run ("resumed").
2. The whole file is parsed first, into a spool (an anonymous temporary file of store-ready
   rows, not memory: a baseline file is 200 MB). A file that does not parse — truncated, an HTML error
   page, an entity bomb — fails its run with the parser's message (file, line, how many
   complete records came before the fault) and leaves the store's records untouched: the
   records before the fault are not stored, because a half-read file would look complete.
3. Only then is the spool applied in batches, one transaction each; each batch commits the
   run's checkpoint with it. A process killed here leaves whole batches only, and the rerun
   (step 1: resumed) skips what was applied and completes the run. Applying is idempotent
   anyway, so the result equals a clean ingest.
"""

from __future__ import annotations

import hashlib
import json
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, TextIO

from mbc_sr.pubmed_xml import ParsedRecord, PubMedXMLError, iter_pubmed_xml
from mbc_sr.records import Deletion
from mbc_sr.store import BatchCounts, RecordRow, Store

__all__ = [
    "DEFAULT_PUBMED_FILES_SOURCE", "FileReader", "IngestReport", "SpoolSummary", "file_sha256",
    "ingest_pubmed_files", "spool_writer",
]  # fmt: skip

DEFAULT_PUBMED_FILES_SOURCE = "PubMed (local files)"
INGEST_RUN_KIND = "ingest"

Progress = Callable[[int], None]


@dataclass(frozen=True, slots=True)
class SpoolSummary:
    """What a reader spooled from one file: item and record counts, and its manifest entries."""

    items: int
    records: int
    manifest: Mapping[str, Any] = field(default_factory=dict)


class FileReader:
    """How `ingest_pubmed_files` turns one file into store items. This default reads PubMed XML
    and keeps every item; the local search (`mbc_sr.sources.pubmed_files`) keeps the matches of a
    query, and the imports (`mbc_sr.sources.imports`) read other formats. Whatever the reader,
    the run, skip/resume, parse-first and batch rules of this module hold.
    """

    run_kind = INGEST_RUN_KIND

    def run_input(self, sha256: str) -> str:
        """The run's identity (`input_sha256`) for a file with this sha256."""
        return sha256

    def params(self) -> dict[str, Any]:
        """Extra run parameters (recorded with each run)."""
        return {}

    def spool(self, path: Path, spool: TextIO, parse_progress: Progress | None) -> SpoolSummary:
        """Read `path` completely into `spool` (see `spool_writer`); raise for a file that does not read."""
        items, records = _spool_file(path, spool, parse_progress)
        return SpoolSummary(
            items, records, {"deletions": items - records, "parser": "mbc_sr.pubmed_xml.iter_pubmed_xml"}
        )


@dataclass(frozen=True, slots=True)
class IngestReport:
    """What ingesting one file did (for a resumed run: the whole run, not just this sitting).

    records = new_versions + unchanged (record items in the file); deletions = DeleteCitation
    PMIDs in it. For an "unchanged" file nothing was written and every record counts as
    unchanged.
    """

    path: Path
    sha256: str
    run_id: int
    status: Literal["ingested", "unchanged", "resumed"]
    records: int
    new_records: int
    new_versions: int
    unchanged: int
    deletions: int
    seconds: float


def file_sha256(path: Path) -> str:
    """The sha256 of the file's bytes (compressed bytes for a .gz: the file as delivered)."""
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        while chunk := stream.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def ingest_pubmed_files(
    store: Store,
    paths: Iterable[str | Path],
    *,
    source: str = DEFAULT_PUBMED_FILES_SOURCE,
    batch_size: int = 1000,
    progress: Progress | None = None,
    parse_progress: Progress | None = None,
    kind: str = "database",
    reader: FileReader | None = None,
) -> list[IngestReport]:
    """Ingest PubMed XML files (baseline/update files, .xml or .xml.gz) into `store`, in order.

    `reader` says how each file becomes items (default: PubMed XML, every item, run kind
    "ingest"); `kind` is the source's kind (database, register, other).

    `progress(records_done)` is called after every stored batch with the number of items
    (records and deletions) done so far by this call, over all files; items a resumed run had
    already stored count as done when they are skipped. `parse_progress(items_parsed)` is
    called every 1,000 items while a file is parsed, before anything is stored. Raises `PubMedXMLError` (after
    failing the file's run) for a file that does not parse; files before it stay ingested.
    """
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    store.ensure_source(source, kind)
    reader = reader or FileReader()
    reports: list[IngestReport] = []
    done = [0]
    parsed = [0]  # items parsed by this call, over all files

    def advance(count: int) -> None:
        done[0] += count
        if progress is not None:
            progress(done[0])

    for path in paths:
        parsed_before = parsed[0]

        def parsed_in_file(count: int, parsed_before: int = parsed_before) -> None:
            parsed[0] = parsed_before + count
            if parse_progress is not None:
                parse_progress(parsed[0])

        reports.append(_ingest_file(store, Path(path), source, batch_size, advance, parsed_in_file, reader))
    return reports


def _ingest_file(
    store: Store,
    path: Path,
    source: str,
    batch_size: int,
    advance: Progress,
    parse_progress: Progress | None,
    reader: FileReader,
) -> IngestReport:
    started = time.perf_counter()
    sha256 = file_sha256(path)
    params = {"path": str(path), "file_name": path.name, "bytes": path.stat().st_size, "batch_size": batch_size}
    params.update(reader.params())
    start = store.begin_run(source, reader.run_kind, params, input_sha256=reader.run_input(sha256))
    if start.state == "completed":
        previous = BatchCounts.from_dict(start.counts)
        return IngestReport(
            path, sha256, start.run_id, "unchanged", previous.records, 0, 0, previous.records,
            previous.deletions, time.perf_counter() - started,
        )  # fmt: skip

    try:
        # an anonymous temporary file: unlinked from the start, so even a killed process
        # leaves no spool behind (the system frees it with the process)
        with tempfile.TemporaryFile("w+", encoding="utf-8", newline="\n", prefix="mbc-sr-spool-") as spool:
            summary = reader.spool(path, spool, parse_progress)
            items = summary.items
            spool.seek(0)
            totals = BatchCounts.from_dict(start.counts)
            skip = start.items_applied
            if skip:
                advance(min(skip, items))
            for batch in _batches(_read_spool(spool), batch_size, skip):
                totals = totals + store.apply_batch(start.run_id, batch)
                advance(len(batch))
    except BaseException as exc:
        _fail_quietly(store, start.run_id, exc)
        raise
    manifest = {
        "file_name": path.name,
        "path": str(path),
        "bytes": params["bytes"],
        "sha256": sha256,
        "items": items,
        "records": summary.records,
        **summary.manifest,
    }
    store.finish_run(start.run_id, totals.as_dict(), manifest)
    return IngestReport(
        path,
        sha256,
        start.run_id,
        "resumed" if start.state == "resumed" else "ingested",
        totals.records,
        totals.new_records,
        totals.new_versions,
        totals.unchanged,
        totals.deletions,
        time.perf_counter() - started,
    )


def _fail_quietly(store: Store, run_id: int, exc: BaseException) -> None:
    """Record why the run failed; never let that bookkeeping hide the original error."""
    message = str(exc) if isinstance(exc, PubMedXMLError) else f"{type(exc).__name__}: {exc}"
    try:
        store.fail_run(run_id, message)
    except Exception:  # noqa: BLE001 - the database may be the very thing that failed
        pass


# --------------------------------------------------------------------------- the spool
#
# One item per line, UTF-8:  "R\t<json array of the indexed columns>\t<content json>\n" or
# "D\t<json [pmid, version]>\n". JSON escapes every control character, so neither part holds
# a raw tab or newline; the content JSON is stored as is, without a second encoding.

_ROW_FIELDS = (
    "key", "source", "source_record_id", "pmid", "pmid_version", "doi", "pmcid", "title", "year",
    "date_revised", "xml_sha256",
)  # fmt: skip


def spool_writer(write: Callable[[str], Any]) -> Callable[[ParsedRecord | RecordRow | Deletion], None]:
    """`put(item)`: write one item as a spool line through `write` (a file's `write`, a list's `append`)."""
    dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode

    def put(item: ParsedRecord | RecordRow | Deletion) -> None:
        if isinstance(item, Deletion):
            write(f"D\t{dumps([item.pmid, item.pmid_version])}\n")
            return
        row = item if isinstance(item, RecordRow) else RecordRow.from_parsed(item)
        write(f"R\t{dumps([getattr(row, name) for name in _ROW_FIELDS])}\t{row.content}\n")

    return put


def _spool_file(path: Path, spool: TextIO, parse_progress: Progress | None = None) -> tuple[int, int]:
    """Parse `path` completely into `spool`; return (items, records). Raises PubMedXMLError."""
    items = records = 0
    put = spool_writer(spool.write)
    for item in iter_pubmed_xml(path):
        items += 1
        records += isinstance(item, ParsedRecord)
        put(item)
        if parse_progress is not None and items % 1000 == 0:
            parse_progress(items)
    if parse_progress is not None:
        parse_progress(items)
    return items, records


def _read_spool(lines: Iterable[str]) -> Iterator[RecordRow | Deletion]:
    loads = json.loads
    for line in lines:
        if line.startswith("R\t"):
            _, columns, content = line.rstrip("\n").split("\t", 2)
            yield RecordRow(*loads(columns), content=content)
        else:
            pmid, version = loads(line[2:])
            yield Deletion(pmid, version)


def _batches(items: Iterator[RecordRow | Deletion], size: int, skip: int) -> Iterator[Sequence[RecordRow | Deletion]]:
    batch: list[RecordRow | Deletion] = []
    for index, item in enumerate(items):
        if index < skip:
            continue
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch

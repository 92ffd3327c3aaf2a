"""Local PubMed files as a source: a mirror of NLM's baseline and update files, searched locally.

Two modes over the same files, both through `mbc_sr.pipeline.ingest_pubmed_files` (one run
per file, parse-first, batches, skip/resume — see there):

* **search** (a saved search given): each record is run through the local query evaluator
  (`mbc_sr.sources.query`) and the matches are stored, as the live E-utilities source stores
  what PubMed's search returns. The run (kind "search") is tied to the file *and* the query:
  the same file searched with a changed query is a new run. Its manifest names the file, its
  sha256, the query, the evaluator and what it does not reproduce (MeSH explosion without a
  tree file, automatic term mapping), and the PMIDs found.
* **mirror** (no search): every record is stored (run kind "ingest"), as `mbc-sr ingest` does.

Files are read in file-name order (NLM numbers baseline files before update files), and
versions and `DeleteCitation` entries are applied in that order exactly as the store's rules
say. Within one file a record is a match when its *last* version in the file matches — the
record as PubMed holds it after that file, which is what a live search would see — and then
every version of it in the file is stored, in document order. Every deletion is applied. A
stored record whose newer version in a later file no longer matches keeps the version the
search found, as with the live source, which fetches only what its search returns.

Scale-out: parsing and evaluating files is independent per file, so it can run in parallel
(`engine="processes"`: a local process pool; `engine="dask"`: a `dask.distributed` cluster at
`dask_address` — the files must be readable at the same paths on its workers —, or a
`LocalCluster` of `workers` processes). Workers only parse and match —
they never touch the store, nor Prefect — and return the items to store; the matches are
applied in file order by this process, so the store ends up exactly as after a serial run.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, TextIO

from mbc_sr.pipeline import FileReader, IngestReport, SpoolSummary, file_sha256, ingest_pubmed_files, spool_writer
from mbc_sr.pubmed_xml import ParsedRecord, PubMedXMLError, UnsafeXMLError, iter_pubmed_xml
from mbc_sr.sources.engines import ENGINES, Executor, Prefetch
from mbc_sr.store import Store

__all__ = [
    "ENGINES",
    "MIRROR_SOURCE",
    "SEARCH_SOURCE",
    "FileScan",
    "LocalSearch",
    "pubmed_paths",
    "run_local_source",
    "scan_file",
]

MIRROR_SOURCE = "PubMed (local files)"
SEARCH_SOURCE = "PubMed (local search)"
SEARCH_RUN_KIND = "search"
Engine = Literal["serial", "processes", "dask"]


def pubmed_paths(specs: Iterable[str | Path]) -> list[Path]:
    """The PubMed XML files named by `specs` (files, or directories: their *.xml and *.xml.gz),
    in file-name order, each once. Raises FileNotFoundError for a path that does not exist."""
    found: dict[Path, None] = {}
    for spec in specs:
        path = Path(spec)
        if path.is_dir():
            for child in path.iterdir():
                if child.is_file() and (child.name.endswith(".xml") or child.name.endswith(".xml.gz")):
                    found[child] = None
        elif path.is_file():
            found[path] = None
        else:
            raise FileNotFoundError(f"{path}: no such file or directory")
    return sorted(found, key=lambda path: (path.name, str(path)))


@dataclass(frozen=True)
class LocalSearch:
    """A saved search to run locally: its name, the exact query, and an optional MeSH tree file."""

    name: str
    query: str
    mesh_tree: str | None = None

    @functools.cached_property
    def compiled(self):
        """The compiled query (workers get the query text and compile their own copy)."""
        from mbc_sr.sources.query import compile_query

        return compile_query(self.query, mesh_tree=_mesh_tree(self.mesh_tree) if self.mesh_tree else None)

    @property
    def query_sha256(self) -> str:
        return hashlib.sha256(self.query.encode("utf-8")).hexdigest()



@functools.lru_cache(maxsize=4)
def _mesh_tree(path: str):
    from mbc_sr.sources.query import MeshTree

    return MeshTree.from_mtrees(path)


# --------------------------------------------------------------------------- one file (runs in workers)


@dataclass(slots=True)
class FileScan:
    """What scanning one file gave: its spool lines (the items to store, in document order),
    counts, the matching PMIDs, or the parse error that stopped it (as data: it crosses processes)."""

    path: str
    lines: list[str] = field(default_factory=list)
    items: int = 0  # items to store (= len(lines))
    records: int = 0  # record items to store
    scanned: int = 0  # record items in the file
    deletions: int = 0
    hits: list[str] = field(default_factory=list)
    error: tuple | None = None  # (unsafe, source, line, problem, records_read)

    def raise_error(self) -> None:
        if self.error is not None:
            unsafe, source, line, problem, records_read = self.error
            raise (UnsafeXMLError if unsafe else PubMedXMLError)(source, line, problem, records_read)


def scan_file(path: str | Path, query: str | None, mesh_tree: str | None = None) -> FileScan:
    """Parse one PubMed file and keep what the store needs: the matches of `query` (with their
    other versions in the file) and every deletion; every item when `query` is None. Pure: no
    store, no Prefect — this is what process-pool and Dask workers run."""
    scan = FileScan(str(path))
    try:
        if query is None:
            _scan_all(scan)
        else:
            _scan_matches(scan, LocalSearch("", query, mesh_tree).compiled)
    except PubMedXMLError as exc:
        scan.lines, scan.hits = [], []
        scan.error = (isinstance(exc, UnsafeXMLError), exc.source, exc.line, exc.problem, exc.records_read)
    scan.items = len(scan.lines)
    return scan


def _scan_all(scan: FileScan) -> None:
    put = spool_writer(scan.lines.append)
    for item in iter_pubmed_xml(scan.path):
        if isinstance(item, ParsedRecord):
            scan.scanned += 1
            scan.records += 1
        else:
            scan.deletions += 1
        put(item)


def _scan_matches(scan: FileScan, compiled) -> None:
    # first pass: evaluate every record; keep spool lines for matching occurrences only (building
    # a store row costs more than parsing, and a query matches a few records in thousands)
    last_match: dict[str, bool] = {}
    unmatched_earlier: set[str] = set()
    kept: list[tuple[str | None, str]] = []  # (record key or None for a deletion, line)
    lines: list[str] = []
    put = spool_writer(lines.append)
    pmids: dict[str, str | None] = {}
    for item in iter_pubmed_xml(scan.path):
        if isinstance(item, ParsedRecord):
            scan.scanned += 1
            key = item.record.key
            matched = compiled.matches(item.record)
            last_match[key] = matched
            if matched:
                put(item)
                kept.append((key, lines.pop()))
                pmids[key] = item.record.pmid
            else:
                unmatched_earlier.add(key)
        else:
            scan.deletions += 1
            put(item)
            kept.append((None, lines.pop()))
    selected = {key for key, matched in last_match.items() if matched}
    if selected & unmatched_earlier:
        # a selected record also came in a non-matching version: read the file again to keep
        # every version of it (rare: a record revised twice in one file)
        kept = []
        for item in iter_pubmed_xml(scan.path):
            if isinstance(item, ParsedRecord):
                if item.record.key not in selected:
                    continue
                put(item)
                kept.append((item.record.key, lines.pop()))
            else:
                put(item)
                kept.append((None, lines.pop()))
    scan.lines = [line for key, line in kept if key is None or key in selected]
    scan.records = sum(1 for key, _ in kept if key is not None and key in selected)
    scan.hits = sorted({pmids[key] or key for key in selected}, key=lambda p: (len(p), p))


# --------------------------------------------------------------------------- readers for the pipeline


class _ScanReader(FileReader):
    """Spools what `scan_file` returns, computed here (serial) or taken from a worker in file order."""

    def __init__(self, search: LocalSearch | None, results: Callable[[Path], FileScan]):
        self.search = search
        self.results = results
        self.run_kind = SEARCH_RUN_KIND if search else "ingest"

    def run_input(self, sha256: str) -> str:
        if self.search is None:
            return sha256
        from mbc_sr.sources.query import EVALUATOR

        tree = self.search.compiled.mesh_tree
        identity = "\n".join((EVALUATOR, self.search.query, tree.sha256 if tree else "", sha256))
        return hashlib.sha256(identity.encode("utf-8")).hexdigest()

    def params(self) -> dict[str, Any]:
        if self.search is None:
            return {}
        return {"search": self.search.name, "query_sha256": self.search.query_sha256}

    def spool(self, path: Path, spool: TextIO, parse_progress) -> SpoolSummary:
        scan = self.results(path)
        scan.raise_error()
        spool.writelines(scan.lines)
        scan.lines = []  # a mirrored file's rows can be large: keep them only in the spool
        if parse_progress is not None:
            parse_progress(scan.scanned + scan.deletions)
        manifest: dict[str, Any] = {"deletions": scan.deletions, "parser": "mbc_sr.pubmed_xml.iter_pubmed_xml"}
        if self.search is not None:
            manifest = {
                "kind": "pubmed-local-search",
                "search": {"name": self.search.name, "database": "pubmed", "query": self.search.query,
                           "query_sha256": self.search.query_sha256},  # fmt: skip
                **self.search.compiled.provenance(),
                "scanned_records": scan.scanned,
                "deletions": scan.deletions,
                "hits": _pmid_list(scan.hits),
                "parser": "mbc_sr.pubmed_xml.iter_pubmed_xml",
            }
        return SpoolSummary(scan.items, scan.records, manifest)


def _pmid_list(pmids: Sequence[str]) -> dict[str, Any]:
    """Sorted numerically, with the sha256 of "PMID\\n" lines (the form the live source's manifest uses)."""
    ordered = sorted(set(pmids), key=lambda pmid: (len(pmid), pmid))
    digest = hashlib.sha256("".join(f"{pmid}\n" for pmid in ordered).encode("utf-8")).hexdigest()
    return {"count": len(ordered), "sha256": digest, "pmids": ordered}


# --------------------------------------------------------------------------- running a source


def run_local_source(
    store: Store,
    paths: Sequence[str | Path],
    *,
    search: LocalSearch | None = None,
    source: str | None = None,
    engine: Engine = "serial",
    workers: int = 2,
    dask_address: str | None = None,
    batch_size: int = 1000,
    progress=None,
    parse_progress=None,
) -> list[IngestReport]:
    """Run the local PubMed files source over `paths` (files or directories) into `store`.

    With `search` only its matches are stored (see the module docstring); without, every
    record. Returns one report per file (status "unchanged" for a file already done with this
    query). Raises `PubMedXMLError` for a file that does not parse (its run is failed, the
    files before it stay stored) and `QueryError` for a query the evaluator cannot run.
    """
    if engine not in ENGINES:
        raise ValueError(f"engine must be one of {', '.join(ENGINES)}, not {engine!r}")
    files = pubmed_paths(paths)
    source = source or (SEARCH_SOURCE if search else MIRROR_SOURCE)
    query = search.query if search else None
    tree_path = search.mesh_tree if search else None
    if search is not None:
        search.compiled  # noqa: B018 - compile now: a bad query fails before any file is read
    ingest = functools.partial(
        ingest_pubmed_files, store, files, source=source, batch_size=batch_size, progress=progress,
        parse_progress=parse_progress,
    )  # fmt: skip
    if engine == "serial":
        if search is None:
            return ingest()
        return ingest(reader=_ScanReader(search, lambda path: scan_file(path, query, tree_path)))

    reader = _ScanReader(search, lambda path: None)  # type: ignore[arg-type, return-value]
    todo = _files_to_do(store, source, reader, files)
    if not todo:
        return ingest(reader=reader)
    with Executor(engine, workers, dask_address) as submit:
        prefetch = Prefetch(todo, lambda path: submit(scan_file, str(path), query, tree_path), window=max(1, workers) + 1)
        reader.results = prefetch.result
        try:
            return ingest(reader=reader)
        finally:
            prefetch.cancel()


def _files_to_do(store: Store, source: str, reader: FileReader, files: list[Path]) -> list[Path]:
    """The files without a completed run for this source, kind and input (the rest are skipped
    by the pipeline without being read, so they are not sent to workers either)."""
    done = {run.input_sha256 for run in store.runs(source=source, kind=reader.run_kind) if run.status == "completed"}
    return [path for path in files if reader.run_input(file_sha256(path)) not in done]

"""efetch: the records of a PMID list, by POST in batches, each batch checked before use.

A batch (`batch_size` ids, NCBI advises 200-500 per POST) is accepted only when its body is
complete XML (see `replies.parse_efetch`; a cut or HTML body is re-requested by the
transport) and holds exactly the requested PMIDs: records for PMIDs nobody asked for make
the body suspect and it is re-requested; PMIDs missing from it (PubMed occasionally drops
some under load) are collected and asked for again in later batches, `missing_retries`
times, then reported rather than silently lost. A PMID answered by a `DeleteCitation`
counts as answered.

Batches are fetched by `workers` threads (all behind the one process-wide throttle, so the
rate limit holds) and handed to the caller strictly in batch order, so what is stored, and
what a replay of the archive stores, does not depend on thread timing. At most
`workers + 1` batches are in memory at once.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field

from mbc_sr.pubmed_xml import ParsedItem, ParsedRecord
from mbc_sr.records import Deletion
from mbc_sr.sources.eutils.errors import TransientError
from mbc_sr.sources.eutils.replies import parse_efetch
from mbc_sr.sources.eutils.transport import EutilsTransport

EFETCH = "efetch.fcgi"


@dataclass(slots=True)
class FetchedBatch:
    """One accepted efetch answer: what was asked, what came back, and the body's sha256."""

    index: int
    requested: list[str]
    items: list[ParsedItem]
    body_sha256: str
    missing: list[str] = field(default_factory=list)

    @property
    def pmids(self) -> set[str]:
        return {item.record.pmid for item in self.items if isinstance(item, ParsedRecord)}


@dataclass(slots=True)
class FetchReport:
    requested: int = 0
    records: int = 0
    deletions: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    batches: int = 0
    rerequested: int = 0  # PMIDs asked for again because a batch came back without them
    bodies: list[str] = field(default_factory=list)  # sha256 of accepted bodies, in apply order

    def as_dict(self) -> dict:
        return {
            "requested": self.requested,
            "records": self.records,
            "deletions": sorted(self.deletions, key=int),
            "missing": sorted(self.missing, key=int),
            "batches": self.batches,
            "rerequested": self.rerequested,
        }


def parse_batch(body: bytes, requested: Sequence[str], label: str) -> tuple[list[ParsedItem], list[str]]:
    """The items of an efetch body and the requested PMIDs it lacks; raises TransientError for
    a body that is incomplete or holds PMIDs that were not requested."""
    items = parse_efetch(body, label)
    asked = set(requested)
    answered = {item.record.pmid for item in items if isinstance(item, ParsedRecord)}
    answered |= {item.pmid for item in items if isinstance(item, Deletion)}
    unexpected = answered - asked
    if unexpected:
        shown = ", ".join(sorted(unexpected)[:5])
        raise TransientError(f"efetch {label}: {len(unexpected)} records that were not requested ({shown})")
    return items, [pmid for pmid in requested if pmid not in answered]


class Fetcher:
    def __init__(self, transport: EutilsTransport, *, batch_size: int = 500, workers: int = 2, missing_retries: int = 2):
        self.transport = transport
        self.batch_size = batch_size
        self.workers = max(1, workers)
        self.missing_retries = missing_retries

    def fetch(self, pmids: Sequence[str], on_batch: Callable[[FetchedBatch], None]) -> FetchReport:
        """Fetch `pmids`; call `on_batch` for every accepted batch, in order, in this thread."""
        report = FetchReport(requested=len(pmids))
        todo = list(dict.fromkeys(pmids))
        index = 0
        for round_number in range(self.missing_retries + 1):
            if not todo:
                break
            if round_number:
                report.rerequested += len(todo)
            missing: list[str] = []
            for batch in self._in_order(_chunks(todo, self.batch_size), start=index):
                index += 1
                report.batches += 1
                report.bodies.append(batch.body_sha256)
                report.records += sum(isinstance(item, ParsedRecord) for item in batch.items)
                report.deletions.extend(item.pmid for item in batch.items if isinstance(item, Deletion))
                missing.extend(batch.missing)
                on_batch(batch)
            todo = missing
        report.missing = todo
        return report

    def fetch_batch(self, index: int, ids: list[str]) -> FetchedBatch:
        label = f"batch {index + 1} ({len(ids)} PMIDs from {ids[0]})"
        holder: dict[str, str] = {}

        def parse(body: bytes):
            holder["sha"] = hashlib.sha256(body).hexdigest()
            return parse_batch(body, ids, label)

        items, missing = self.transport.call(EFETCH, {"id": ",".join(ids), "retmode": "xml"}, parse)
        return FetchedBatch(index, ids, items, holder["sha"], missing)

    def _in_order(self, batches: Iterator[list[str]], start: int) -> Iterator[FetchedBatch]:
        """Fetch batches on the worker threads, at most workers + 1 ahead, yielding in order."""
        if self.workers == 1:
            for offset, ids in enumerate(batches):
                yield self.fetch_batch(start + offset, ids)
            return
        with ThreadPoolExecutor(max_workers=self.workers, thread_name_prefix="efetch") as pool:
            pending: list[Future[FetchedBatch]] = []
            try:
                for offset, ids in enumerate(batches):
                    pending.append(pool.submit(self.fetch_batch, start + offset, ids))
                    if len(pending) > self.workers:
                        yield pending.pop(0).result()
                while pending:
                    yield pending.pop(0).result()
            finally:
                for future in pending:
                    future.cancel()


def _chunks(ids: list[str], size: int) -> Iterator[list[str]]:
    for begin in range(0, len(ids), size):
        yield ids[begin : begin + size]

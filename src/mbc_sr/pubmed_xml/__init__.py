"""Streaming PubMed XML → records and deletions.

One reader for every PubMed XML we meet: baseline and update files (`.xml`, `.xml.gz`) and
in-memory efetch responses. The input is framed into runs of whole articles without parsing
(`stream`); each run is parsed as a small document on a worker thread while this thread maps
the previous run's articles to records (`runs`, `elements`). Memory stays flat whatever the
file size: a few runs are in flight at any time.

Safety: the DTD named in the DOCTYPE is never loaded, nothing is fetched, and entities are
never expanded; a document that declares entities is refused before parsing starts. A
truncated or non-XML body (an HTML error page) raises `PubMedXMLError` naming the source and
line. Records read before such a fault have already been yielded: callers that must not
half-store a file (the ingest stage) hold them back until the whole input has parsed.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from mbc_sr.pubmed_xml.elements import article_record, book_article_record
from mbc_sr.pubmed_xml.runs import GlueParser, parse_run, run_articles_until_fault
from mbc_sr.pubmed_xml.stream import (
    ArticleFramer,
    ArticleRun,
    FramedPieces,
    Glue,
    PubMedXMLError,
    UnsafeXMLError,
    check_prolog,
    open_chunks,
    peek_head,
)
from mbc_sr.pubmed_xml.text import flatten_text
from mbc_sr.records import Deletion, Record

__all__ = [
    "ParsedItem",
    "ParsedRecord",
    "PubMedXMLError",
    "UnsafeXMLError",
    "flatten_text",
    "iter_pubmed_xml",
    "parse_pubmed_xml",
]

PARSE_THREADS = 2  # runs parsed at once, beside this thread's mapping (measured: benchmarks/parse_bench.py)
RUNS_AHEAD = 3  # runs submitted before the oldest is mapped: bounds memory to a few MB of trees


@dataclass(slots=True)
class ParsedRecord:
    """A record with the sha256 of its raw XML element, used by the store to detect changes."""

    record: Record
    xml_sha256: str


ParsedItem = ParsedRecord | Deletion


def iter_pubmed_xml(source: str | Path | bytes, *, name: str | None = None) -> Iterator[ParsedItem]:
    """Yield `ParsedRecord`s and `Deletion`s in document order.

    `source` is a path (plain or gzip, recognised from its bytes) or the bytes of a response;
    `name` labels it in errors. Raises `PubMedXMLError` / `UnsafeXMLError` naming source and line.
    """
    chunks, label = open_chunks(source, name)
    pieces = None
    try:
        head, chunks = peek_head(chunks)
        wrapper = check_prolog(head, label)
        pieces = FramedPieces(chunks, ArticleFramer(label))
        yield from _Reader(label, wrapper).items(pieces)
    finally:
        if pieces is not None:
            pieces.close()  # stops the framing thread, which closes the chunk source
        elif hasattr(chunks, "close"):
            chunks.close()  # refused before framing started: close the file here


class _Reader:
    """Orders the work: runs go to the parse threads as they are framed; items come out in
    document order; a fault is raised after everything before it has been yielded."""

    def __init__(self, label: str, wrapper: tuple[bytes, bytes]) -> None:
        self.label = label
        self.wrapper = wrapper
        self.glue = GlueParser(label)
        self.records_read = 0

    def items(self, pieces: FramedPieces) -> Iterator[ParsedItem]:
        pool = ThreadPoolExecutor(PARSE_THREADS, thread_name_prefix="pubmed-xml-parse")
        waiting: deque[tuple[Glue | ArticleRun, Future | None]] = deque()
        framed = iter(pieces)
        try:
            while True:
                try:
                    piece = next(framed, None)
                except PubMedXMLError:  # from the framing thread: first yield what came before
                    while waiting:
                        yield from self._settle(*waiting.popleft())
                    raise
                if piece is None:
                    break
                parsed = pool.submit(parse_run, piece, self.wrapper) if isinstance(piece, ArticleRun) else None
                waiting.append((piece, parsed))
                while sum(parsed is not None for _, parsed in waiting) > RUNS_AHEAD:
                    yield from self._settle(*waiting.popleft())
            while waiting:
                yield from self._settle(*waiting.popleft())
            yield from self.glue.close()
        except PubMedXMLError as fault:
            raise self._counted(fault) from fault
        finally:
            pool.shutdown(wait=True, cancel_futures=True)

    def _settle(self, piece: Glue | ArticleRun, parsed: Future | None) -> Iterator[ParsedItem]:
        if parsed is None:
            yield from self.glue.feed(piece.data)
            return
        try:
            articles = parsed.result()
        except etree.XMLSyntaxError:
            articles = run_articles_until_fault(piece, self.wrapper, self.label)
        hashes = iter(piece.hashes)
        for element in articles:
            yield ParsedRecord(self._record(element, piece), next(hashes))
            self.records_read += 1
        self.glue.skip_run(piece)

    def _record(self, element: etree._Element, run: ArticleRun) -> Record:
        tag = element.tag
        try:
            return article_record(element) if tag == "PubmedArticle" else book_article_record(element)
        except (AttributeError, TypeError, ValueError) as exc:
            line = run.first_line + element.sourceline - 1 if element.sourceline else None
            raise PubMedXMLError(self.label, line, f"<{tag}> lacks a required part ({exc})", self.records_read) from exc

    def _counted(self, fault: PubMedXMLError) -> PubMedXMLError:
        if fault.records_read or not self.records_read:
            return fault
        return type(fault)(fault.source, fault.line, fault.problem, self.records_read)


def parse_pubmed_xml(source: str | Path | bytes, *, name: str | None = None) -> list[ParsedItem]:
    """All items of a small document at once (an efetch response, a fixture)."""
    return list(iter_pubmed_xml(source, name=name))

"""Streaming PubMed XML → records and deletions.

One reader for every PubMed XML we meet: baseline and update files (`.xml`, `.xml.gz`) and
in-memory efetch responses. It streams with `lxml.etree.iterparse` and clears each article
after use, so memory stays flat whatever the file size.

Safety: the DTD named in the DOCTYPE is never loaded, nothing is fetched, and entities are
never expanded; a document that declares entities is refused before parsing starts. A
truncated or non-XML body (an HTML error page) raises `PubMedXMLError` naming the source and
line. Records read before such a fault have already been yielded: callers that must not
half-store a file (the ingest stage) hold them back until the whole input has parsed.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from mbc_sr.pubmed_xml.elements import article_record, book_article_record
from mbc_sr.pubmed_xml.stream import (
    ArticleFramer,
    FramedReader,
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

_ITEM_TAGS = ("PubmedArticle", "PubmedBookArticle", "DeleteCitation")


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
    reader = None
    try:
        head, chunks = peek_head(chunks)
        check_prolog(head, label)
        framer = ArticleFramer(label)
        reader = FramedReader(chunks, framer)
        context = etree.iterparse(
            reader,
            events=("end",),
            tag=_ITEM_TAGS,
            load_dtd=False,
            no_network=True,
            resolve_entities=False,
            dtd_validation=False,
            huge_tree=False,
            remove_comments=True,
            collect_ids=False,
        )
        records_read = 0
        try:
            for _event, element in context:
                tag = element.tag
                if tag == "DeleteCitation":
                    for pmid in element.iterchildren("PMID"):
                        version = pmid.get("Version")
                        yield Deletion((pmid.text or "").strip(), int(version) if version and version.isdecimal() else None)
                else:
                    try:
                        record = article_record(element) if tag == "PubmedArticle" else book_article_record(element)
                    except (AttributeError, TypeError, ValueError) as exc:
                        raise PubMedXMLError(
                            label, element.sourceline, f"<{tag}> lacks a required part ({exc})", records_read
                        ) from exc
                    yield ParsedRecord(record, framer.hashes.popleft())
                    records_read += 1
                element.clear(keep_tail=False)
                parent = element.getparent()
                if parent is not None:
                    while element.getprevious() is not None:
                        del parent[0]
        except etree.XMLSyntaxError as exc:
            problem = exc.msg or str(exc)
            line = exc.lineno or None
            error = UnsafeXMLError if "entity" in problem.lower() else PubMedXMLError
            prefix = "refused: entity reference" if error is UnsafeXMLError else "malformed or truncated XML"
            raise error(label, line, f"{prefix}: {problem}", records_read) from exc
        except PubMedXMLError as exc:
            if not exc.records_read and records_read:
                raise type(exc)(exc.source, exc.line, exc.problem, records_read) from exc
            raise
    finally:
        if reader is not None:
            reader.close()  # stops the framing thread, which closes the chunk source
        elif hasattr(chunks, "close"):
            chunks.close()  # refused before framing started: close the file here


def parse_pubmed_xml(source: str | Path | bytes, *, name: str | None = None) -> list[ParsedItem]:
    """All items of a small document at once (an efetch response, a fixture)."""
    return list(iter_pubmed_xml(source, name=name))

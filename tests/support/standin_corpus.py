"""The stand-in's PubMed: real records (their own bytes), with Create and Modification Dates.

A record is visible once the stand-in's `today` reaches its Create Date (History PubStatus
"entrez"); its Modification Date as of `today` is its latest History date (PubStatus other
than "pmc-release", an embargo date often in the future) on or before `today`, or a date set
by `Corpus.revise` (a test's new version of a record).
"""

from __future__ import annotations

import gzip
import hashlib
import re
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from mbc_sr.pubmed_xml import ParsedRecord, iter_pubmed_xml
from tests.support.standin_query import Doc, Index, words

EFETCH_PROLOG = (
    b'<?xml version="1.0" ?>\n'
    b'<!DOCTYPE PubmedArticleSet PUBLIC "-//NLM//DTD PubMedArticle, 1st January 2025//EN" '
    b'"https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_250101.dtd">\n<PubmedArticleSet>\n'
)
_ARTICLE = re.compile(rb"<(PubmedArticle|PubmedBookArticle)[\s>]")


# --------------------------------------------------------------------------- the corpus


@dataclass(slots=True)
class StandinRecord:
    pmid: str
    xml: bytes
    crdt: date
    events: tuple[date, ...]  # dates the record changed (History, DateRevised, revisions)
    doc: Doc

    def mdat(self, today: date | None) -> date:
        dated = [d for d in self.events if today is None or d <= today]
        return max(dated, default=self.crdt)


def _doc(record) -> Doc:
    return Doc(
        pmid=record.pmid,
        title=words(record.title or ""),
        abstract=words(record.abstract_text),
        mesh={" ".join(h.descriptor_name.lower().split()) for h in record.mesh_headings},
        major_mesh={" ".join(h.descriptor_name.lower().split()) for h in record.mesh_headings if h.is_major},
        types={t.name.lower() for t in record.publication_types},
        languages={lang.lower() for lang in record.languages},
        year=record.year,
    )


def standin_record(xml: bytes, extra_events: Iterable[date] = ()) -> StandinRecord:
    """A record of the stand-in from the bytes of one <PubmedArticle>."""
    (parsed,) = [i for i in iter_pubmed_xml(EFETCH_PROLOG + xml + b"\n</PubmedArticleSet>\n") if isinstance(i, ParsedRecord)]
    return _from_parsed(parsed.record, xml, extra_events)


def _from_parsed(record, xml: bytes, extra_events: Iterable[date] = ()) -> StandinRecord:
    # History dates (PubStatus), not DateRevised (NLM's file-production date) nor the embargo
    # date "pmc-release" (often in the future): what happened to the record in PubMed
    events = [h.as_date for h in record.history if h.as_date and h.status != "pmc-release"]
    crdt = record.create_date or min(events, default=date(1990, 1, 1))
    return StandinRecord(record.pmid, xml, crdt, tuple(sorted({*events, *extra_events})), _doc(record))


class Corpus:
    """The stand-in's PubMed: the latest version of each record, by PMID."""

    def __init__(self, records: Iterable[StandinRecord] = ()):
        self.records: dict[str, StandinRecord] = {r.pmid: r for r in records}
        self._lock = threading.Lock()
        self._index: Index | None = None

    def copy(self) -> Corpus:
        """A copy that can be revised without touching this one (shares the built index)."""
        twin = Corpus(self.records.values())
        twin._index = self._index
        return twin

    @classmethod
    def from_files(cls, paths: Sequence[str | Path]) -> Corpus:
        corpus = cls()
        for path in paths:
            data = Path(path).read_bytes()
            if data[:2] == b"\x1f\x8b":
                data = gzip.decompress(data)
            spans = _article_spans(data)
            parsed = (item for item in iter_pubmed_xml(data, name=str(path)) if isinstance(item, ParsedRecord))
            for (start, end), item in zip(spans, parsed, strict=True):
                xml = data[start:end]
                assert hashlib.sha256(xml).hexdigest() == item.xml_sha256, f"{path}: span/record mismatch"
                corpus.records[item.record.pmid] = _from_parsed(item.record, xml)
        return corpus

    def subset(self, pmids: Iterable[str]) -> Corpus:
        return Corpus(self.records[p] for p in pmids)

    def revise(self, pmid: str, xml: bytes, modified: date) -> None:
        """Replace a record with a new version of it, modified on `modified` (its [mdat])."""
        record = standin_record(xml, extra_events=[modified])
        assert record.pmid == pmid
        with self._lock:
            self.records[pmid] = record
            self._index = None

    def add(self, record: StandinRecord) -> None:
        with self._lock:
            self.records[record.pmid] = record
            self._index = None

    def index(self) -> Index:
        with self._lock:
            if self._index is None:
                self._index = Index(r.doc for r in self.records.values())
            return self._index


def _article_spans(data: bytes) -> list[tuple[int, int]]:
    spans = []
    position = 0
    while match := _ARTICLE.search(data, position):
        close = b"</" + match.group(1) + b">"
        end = data.index(close, match.end()) + len(close)
        spans.append((match.start(), end))
        position = end
    return spans

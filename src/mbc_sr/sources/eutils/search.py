"""esearch: a saved query's Count and complete PMID list, past PubMed's 9,999 paging cap.

PubMed's esearch lists at most the first 9,999 ids of a result (retstart may not pass
9,998), so most clients stop there. A search with more hits is split by Create Date
(`datetype=crdt`, `mindate`/`maxdate`, whole days, inclusive): a slice of more than 9,999
hits is bisected until every slice fits in one page. Every request asks for a full page
(`retmax=9999`), so a slice that fits costs one request for Count and ids together:
requests are the scarce resource (3 per second), bytes are not.

Nothing is taken on trust. A slice whose id list does not match its own Count is asked
again; the union of the slices must equal the whole search's Count, else Count and slices
are asked again (PubMed may have added records in between); if they still disagree the
search fails loudly (`ReconciliationError`) — a silently short list would bias the review.

The query string is sent exactly as the protocol states it; the date window travels in
separate parameters. PhraseNotFound / FieldNotFound / QuotedPhraseNotFound (and anything
else in ErrorList) fail the search with the phrase named (`QueryError`), unless the phrase
is listed in `allow_missing_phrases`. WarningList notes are kept for the manifest.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from mbc_sr.sources.eutils.errors import (
    QUERY_PROBLEMS,
    QueryError,
    ReconciliationError,
    SearchTooBroadError,
)
from mbc_sr.sources.eutils.replies import SearchReply, parse_esearch
from mbc_sr.sources.eutils.transport import EutilsTransport

PAGE = 9_999  # PubMed's paging cap: the most ids one esearch can list
EARLIEST = date(1800, 1, 1)  # lower bound for slicing an unbounded window (before any CRDT)
ESEARCH = "esearch.fcgi"


@dataclass(frozen=True, slots=True)
class Window:
    """A date window on one PubMed date type ("crdt" Create Date, "mdat" Modification Date)."""

    datetype: str
    start: date | None
    end: date | None

    def params(self) -> dict[str, str]:
        if self.start is None and self.end is None:
            return {}
        start, end = self.start or EARLIEST, self.end or date.today()
        return {"datetype": self.datetype, "mindate": start.strftime("%Y/%m/%d"), "maxdate": end.strftime("%Y/%m/%d")}

    def as_dict(self) -> dict[str, Any]:
        return {
            "datetype": self.datetype,
            "start": self.start.isoformat() if self.start else None,
            "end": self.end.isoformat() if self.end else None,
        }


@dataclass(slots=True)
class SearchResult:
    """A complete search: Count, the PMID list (sorted), how PubMed read the query, notes."""

    query: str
    window: Window
    count: int
    pmids: list[str]
    query_translation: str | None
    translations: list[tuple[str, str]] = field(default_factory=list)
    warnings: dict[str, list[str]] = field(default_factory=dict)
    accepted_problems: dict[str, list[str]] = field(default_factory=dict)
    slices: list[dict[str, Any]] = field(default_factory=list)
    requests: int = 0


class Searcher:
    """Runs esearch through a transport, for one run."""

    def __init__(self, transport: EutilsTransport, *, allow_missing_phrases=(), reconcile_attempts: int = 3):
        self.transport = transport
        self.allowed = {_phrase_key(p) for p in allow_missing_phrases}
        self.reconcile_attempts = reconcile_attempts

    # ----------------------------------------------------------------------- one request

    def esearch(self, query: str, window: Window, retmax: int | None = None) -> SearchReply:
        """One esearch (retstart 0): Count, up to `retmax` ids (default: a full page), translation, notes."""
        params = {"term": query, "retmax": str(PAGE if retmax is None else retmax), "retstart": "0", **window.params()}
        return self.transport.call(ESEARCH, params, parse_esearch)

    def count(self, query: str, window: Window) -> SearchReply:
        """Count and QueryTranslation only (one request, no ids); query problems raise."""
        reply = self.esearch(query, window, retmax=0)
        self.check_query(reply)
        return reply

    def check_query(self, reply: SearchReply) -> dict[str, list[str]]:
        """Raise QueryError for problems the protocol does not accept; return those it does."""
        problems: dict[str, list[str]] = {}
        for kind, phrases in reply.errors.items():
            problems.setdefault(kind, []).extend(phrases)
        for kind in QUERY_PROBLEMS:
            problems.setdefault(kind, []).extend(reply.warnings.get(kind, []))
        problems = {kind: phrases for kind, phrases in problems.items() if phrases}
        refused = {
            kind: [p for p in phrases if _phrase_key(p) not in self.allowed] for kind, phrases in problems.items()
        }
        refused = {kind: phrases for kind, phrases in refused.items() if phrases}
        if refused:
            raise QueryError(refused, reply.query_translation)
        return problems

    # ----------------------------------------------------------------------- a whole search

    def search(self, query: str, window: Window) -> SearchResult:
        """Count and every PMID of `query` in `window` (see the module docstring)."""
        before = self.transport.requests
        first = self.esearch(query, window)
        accepted = self.check_query(first)
        result = SearchResult(
            query=query,
            window=window,
            count=first.count,
            pmids=[],
            query_translation=first.query_translation,
            translations=list(first.translations),
            warnings={k: v for k, v in first.warnings.items() if k not in QUERY_PROBLEMS},
            accepted_problems=accepted,
        )
        if first.count <= PAGE:
            ids = self._consistent(query, window, first)
            result.pmids = _sorted_unique(ids)
            result.slices = [{**window.as_dict(), "count": first.count}]
            if len(result.pmids) != first.count:
                raise ReconciliationError(
                    f"esearch listed {len(result.pmids)} distinct PMIDs for a Count of {first.count}"
                )
        else:
            self._sliced(query, window, first, result)
        result.requests = self.transport.requests - before
        return result

    def _sliced(self, query: str, window: Window, first: SearchReply, result: SearchResult) -> None:
        start, end = window.start or EARLIEST, window.end or date.today()
        total = first.count
        slices = self._bisect(query, window.datetype, start, end, first)
        union = _union(slices)
        attempts = 0
        while len(union) != total:
            attempts += 1
            if attempts > self.reconcile_attempts:
                sizes = ", ".join(f"{s}..{e}: {len(ids)}" for s, e, ids in slices)
                raise ReconciliationError(
                    f"{window.datetype} slices list {len(union)} distinct PMIDs but PubMed's Count is {total}, "
                    f"after {self.reconcile_attempts} rounds of asking again (slices {sizes})"
                )
            # PubMed may have changed between requests: ask for Count, then every slice again
            total = self.esearch(query, window, retmax=0).count
            if len(union) == total:
                break
            slices = [part for s, e, _ in slices for part in self._bisect(query, window.datetype, s, e, None)]
            union = _union(slices)
        result.count = total
        result.pmids = _sorted_unique(union)
        result.slices = [
            {"datetype": window.datetype, "start": s.isoformat(), "end": e.isoformat(), "count": len(ids)}
            for s, e, ids in slices
        ]

    def _bisect(
        self, query: str, datetype: str, start: date, end: date, known: SearchReply | None
    ) -> list[tuple[date, date, set[str]]]:
        """Slices of [start, end] of at most PAGE hits each, in date order, with their ids.

        Splitting a slice asks only for its first half: the second half's count is the
        difference, so a slice is requested again only when it fits in a page (for its ids)
        or when the difference is inconsistent. A hit-free second half costs nothing. (Hits
        crowd into recent dates, so most of the halves asked for are small.) Any error in
        the arithmetic shows up in the final reconciliation with Count.
        """
        done: list[tuple[date, date, set[str]]] = []
        pending: list[tuple[date, date, SearchReply | None, int | None]] = [(start, end, known, None)]
        while pending:
            s, e, reply, inferred = pending.pop()
            window = Window(datetype, s, e)
            if reply is None and inferred == 0:
                done.append((s, e, set()))
                continue
            if reply is None and (inferred is None or inferred <= PAGE):
                reply = self.esearch(query, window)
                self.check_query(reply)
            count = reply.count if reply is not None else inferred
            if count <= PAGE:
                done.append((s, e, set(self._consistent(query, window, reply))))
                continue
            if s >= e:
                raise SearchTooBroadError(
                    f"{count} records have the {datetype} date {s.isoformat()} alone: more than esearch "
                    f"can list ({PAGE}); narrow the query"
                )
            middle = s + timedelta(days=(e - s).days // 2)
            left = self.esearch(query, Window(datetype, s, middle))
            self.check_query(left)
            rest = count - left.count
            pending.append((middle + timedelta(days=1), e, None, rest if rest >= 0 else None))
            pending.append((s, middle, left, None))  # popped first: date order kept
        return done

    def _consistent(self, query: str, window: Window, reply: SearchReply) -> tuple[str, ...]:
        """The reply's ids once they match its own Count; the slice is asked again otherwise."""
        for _ in range(self.reconcile_attempts):
            if len(set(reply.ids)) == reply.count:
                return reply.ids
            reply = self.esearch(query, window)
            self.check_query(reply)
        if len(set(reply.ids)) == reply.count:
            return reply.ids
        span = f"{window.start}..{window.end}" if window.start or window.end else "the whole search"
        raise ReconciliationError(
            f"esearch for {span} ({window.datetype}) kept listing {len(set(reply.ids))} PMIDs for a Count of "
            f"{reply.count}, after {self.reconcile_attempts + 1} requests"
        )


def _union(slices) -> set[str]:
    return set().union(*(ids for _, _, ids in slices))


def _sorted_unique(ids) -> list[str]:
    return sorted({i for i in ids if i}, key=lambda pmid: (len(pmid), pmid))


def _phrase_key(phrase: str) -> str:
    return " ".join(phrase.strip().strip('"').lower().split())

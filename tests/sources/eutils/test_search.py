"""esearch past the 9,999 cap: Create Date slices, reconciled with Count; query errors fail loudly."""

from __future__ import annotations

from datetime import date

import pytest

from mbc_sr.sources.eutils import search as search_module
from mbc_sr.sources.eutils.errors import QueryError, ReconciliationError
from mbc_sr.sources.eutils.search import EARLIEST, Searcher, Window
from mbc_sr.sources.eutils.transport import EutilsTransport
from tests.sources.eutils.conftest import BROAD_QUERY
from tests.support.ncbi_standin import PAGING_CAP, Fault, FaultSchedule
from tests.support.standin_query import evaluate

THROUGH = date(2021, 6, 7)
WHOLE = Window("crdt", None, THROUGH)


def expected(server, query: str) -> set[str]:
    visible = server.visible()
    return {p for p in evaluate(query, server.corpus.index()).pmids if p in visible}


def whole_window(params) -> bool:
    """The request for the whole window (the first, and a recount), not one for a slice."""
    return (params.get("mindate"), params.get("maxdate")) == (EARLIEST.strftime("%Y/%m/%d"), "2021/06/07")


def a_slice(params) -> bool:
    return not whole_window(params)


def check_slices(result, server) -> None:
    """Slices are disjoint, in date order, each within one page, and cover the window."""
    spans = [(date.fromisoformat(s["start"]), date.fromisoformat(s["end"])) for s in result.slices]
    assert spans[0][0] == EARLIEST and spans[-1][1] == THROUGH
    assert all(a[1].toordinal() + 1 == b[0].toordinal() for a, b in zip(spans, spans[1:]))
    assert all(s["count"] <= search_module.PAGE for s in result.slices)
    for seen in server.requests_to("esearch"):
        assert int(seen.params.get("retstart", 0)) <= PAGING_CAP - 1
        assert int(seen.params["retmax"]) <= PAGING_CAP


# --------------------------------------------------------------------------- the real thing: > 9,999 hits


@pytest.mark.slow
def test_more_than_9999_hits_are_listed_by_create_date_slices_that_add_up_to_count(
    update_corpus, standin, fast_settings
):
    """The whole June 2021 update file as one search (20,788 records, 20,783 distinct PMIDs:
    some come in several versions): more than PubMed lets esearch list. A slice whose id list
    falls short of its Count is asked again."""
    server = standin(update_corpus, today=THROUGH, faults=FaultSchedule([Fault("drop_ids", "esearch", when=a_slice)]))
    with EutilsTransport(fast_settings(server)) as transport:
        result = Searcher(transport).search("all[sb]", WHOLE)
    assert result.count == len(server.corpus.records) == 20_783 > PAGING_CAP
    assert len(result.pmids) == result.count
    assert set(result.pmids) == expected(server, "all[sb]")
    assert sum(s["count"] for s in result.slices) == result.count
    check_slices(result, server)
    assert server.faults.applied == [("esearch", "drop_ids")]  # the short slice was asked again
    assert server.violations == []


@pytest.mark.slow
def test_more_than_9999_hits_with_a_slice_that_keeps_disagreeing_fails_loudly(update_corpus, standin, fast_settings):
    server = standin(update_corpus, today=THROUGH, faults=FaultSchedule([Fault("drop_ids", "esearch", times=99, when=a_slice)]))
    with EutilsTransport(fast_settings(server)) as transport:
        with pytest.raises(ReconciliationError, match=r"esearch for \d{4}-\d\d-\d\d\.\.\d{4}-\d\d-\d\d \(crdt\) kept listing"):
            Searcher(transport, reconcile_attempts=2).search("all[sb]", WHOLE)
    assert len(server.requests_to("esearch")) < 30  # bounded: it gave up, it did not loop


# --------------------------------------------------------------------------- the logic, with a small page


@pytest.fixture
def small_page(monkeypatch):
    """A 150-id page: the 880-record slice then needs Create Date slices too (fast tests)."""
    monkeypatch.setattr(search_module, "PAGE", 150)


def test_slices_reconcile_with_count(small_page, corpus, standin, fast_settings):
    server = standin(corpus, today=THROUGH)
    with EutilsTransport(fast_settings(server)) as transport:
        result = Searcher(transport).search(BROAD_QUERY, WHOLE)
    assert result.count == len(expected(server, BROAD_QUERY)) > 150
    assert set(result.pmids) == expected(server, BROAD_QUERY)
    assert len(result.slices) > 1
    check_slices(result, server)


def test_a_disagreeing_slice_is_retried(small_page, corpus, standin, fast_settings):
    server = standin(corpus, today=THROUGH, faults=FaultSchedule([Fault("drop_ids", "esearch", times=2, when=a_slice)]))
    with EutilsTransport(fast_settings(server)) as transport:
        result = Searcher(transport).search(BROAD_QUERY, WHOLE)
    assert set(result.pmids) == expected(server, BROAD_QUERY)
    assert server.faults.pending == 0


def test_a_slice_that_keeps_disagreeing_fails_loudly(small_page, corpus, standin, fast_settings):
    server = standin(corpus, today=THROUGH, faults=FaultSchedule([Fault("drop_ids", "esearch", times=99, when=a_slice)]))
    with EutilsTransport(fast_settings(server)) as transport:
        with pytest.raises(ReconciliationError, match=r"kept listing \d+ PMIDs for a Count of \d+"):
            Searcher(transport, reconcile_attempts=2).search(BROAD_QUERY, WHOLE)
    assert len(server.requests_to("esearch")) < 20  # bounded


def test_a_count_that_the_slices_do_not_reach_is_asked_again(small_page, corpus, standin, fast_settings):
    """PubMed's Count was one too high once (it changed between requests): ask again, then agree."""
    first_only = Fault("count_off", "esearch", when=whole_window)
    server = standin(corpus, today=THROUGH, faults=FaultSchedule([first_only]))
    with EutilsTransport(fast_settings(server)) as transport:
        result = Searcher(transport).search(BROAD_QUERY, WHOLE)
    assert result.count == len(result.pmids) == len(expected(server, BROAD_QUERY))


def test_a_count_that_never_matches_the_slices_fails_loudly(small_page, corpus, standin, fast_settings):
    always = Fault("count_off", "esearch", times=99, when=whole_window)
    server = standin(corpus, today=THROUGH, faults=FaultSchedule([always]))
    with EutilsTransport(fast_settings(server)) as transport:
        with pytest.raises(ReconciliationError, match=r"slices list \d+ distinct PMIDs but PubMed's Count is \d+"):
            Searcher(transport, reconcile_attempts=1).search(BROAD_QUERY, WHOLE)


# --------------------------------------------------------------------------- query errors


def test_phrase_not_found_fails_with_the_phrase_named_and_is_not_retried(corpus, standin, fast_settings):
    server = standin(corpus, unknown_phrases={"mtor inhibitorz"})
    query = 'breast[tiab] AND ("mTOR inhibitorz"[tiab] OR everolimus[tiab])'
    with EutilsTransport(fast_settings(server)) as transport:
        with pytest.raises(QueryError, match="PhraseNotFound: 'mTOR inhibitorz'"):
            Searcher(transport).search(query, WHOLE)
    assert len(server.seen) == 1
    with EutilsTransport(fast_settings(server)) as transport:  # the protocol may accept it, explicitly
        result = Searcher(transport, allow_missing_phrases=["mTOR inhibitorz"]).search(query, WHOLE)
    assert result.accepted_problems == {"PhraseNotFound": ["mTOR inhibitorz"]}


def test_field_not_found_fails(corpus, standin, fast_settings):
    server = standin(corpus)
    with EutilsTransport(fast_settings(server)) as transport:
        with pytest.raises(QueryError, match=r"FieldNotFound: '\[tiabx\]'"):
            Searcher(transport).count("everolimus[tiabx]", WHOLE)


def test_a_dry_run_count_is_one_request_with_the_translation(corpus, standin, fast_settings):
    server = standin(corpus)
    with EutilsTransport(fast_settings(server)) as transport:
        reply = Searcher(transport).count('breast[tiab] AND everolimus[tiab]', Window("crdt", None, None))
    assert reply.count > 0 and reply.ids == ()
    assert reply.query_translation == '"breast"[Title/Abstract] AND "everolimus"[Title/Abstract]'
    assert len(server.seen) == 1 and "mindate" not in server.seen[0].params

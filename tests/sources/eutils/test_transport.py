"""The transport against the stand-in: every transient fault is retried, nothing else is,
Retry-After is honoured, the budget is bounded, and the server's rate limit holds."""

from __future__ import annotations

import threading
import time

import pytest

from mbc_sr.sources.eutils.errors import PermanentError, RetryBudgetExhausted
from mbc_sr.sources.eutils.replies import parse_esearch
from mbc_sr.sources.eutils.search import ESEARCH
from mbc_sr.sources.eutils.transport import EutilsTransport
from tests.sources.eutils.conftest import API_KEY
from tests.support.ncbi_standin import Fault, FaultSchedule

ESEARCH_PARAMS = {"term": "everolimus[tiab]", "retmax": "20"}


@pytest.mark.parametrize(
    "fault",
    [
        Fault("429"), Fault("500"), Fault("502"), Fault("503"), Fault("slow", delay=1.6), Fault("truncate"),
        Fault("short_read"), Fault("html"), Fault("backend_error"), Fault("reset"),
    ],
    ids=lambda fault: fault.kind,
)  # fmt: skip
def test_each_transient_fault_is_retried_until_the_answer_comes(corpus, standin, fast_settings, fault):
    server = standin(corpus, faults=FaultSchedule([fault]))
    with EutilsTransport(fast_settings(server, read_timeout=1.0)) as transport:
        reply = transport.call(ESEARCH, ESEARCH_PARAMS, parse_esearch)
    assert reply.count > 0
    assert server.faults.applied == [("esearch", fault.kind)]
    outcomes = [e.outcome for e in transport.exchanges]
    assert outcomes[-1] == "ok" and outcomes[0].startswith("retried: ")
    assert len(server.seen) == 2 == transport.requests


def test_retry_after_is_honoured(corpus, standin, fast_settings):
    server = standin(corpus, faults=FaultSchedule([Fault("429", retry_after=1.0)]))
    with EutilsTransport(fast_settings(server)) as transport:
        transport.call(ESEARCH, ESEARCH_PARAMS, parse_esearch)
    first, second = server.seen
    assert second.at - first.at >= 1.0


def test_the_retry_budget_is_bounded_and_the_error_says_what_failed(corpus, standin, fast_settings):
    server = standin(corpus, faults=FaultSchedule([Fault("503", times=100)]))
    started = time.monotonic()
    with EutilsTransport(fast_settings(server, max_attempts=4)) as transport:
        with pytest.raises(RetryBudgetExhausted, match=r"esearch.fcgi: gave up after 4 attempts.*HTTP 503"):
            transport.call(ESEARCH, ESEARCH_PARAMS, parse_esearch)
    assert len(server.seen) == 4
    assert time.monotonic() - started < 10


def test_the_wait_budget_stops_a_long_retry_after(corpus, standin, fast_settings):
    server = standin(corpus, faults=FaultSchedule([Fault("429", retry_after=3600)]))
    with EutilsTransport(fast_settings(server, max_wait_seconds=5)) as transport:
        with pytest.raises(RetryBudgetExhausted, match="gave up after 1 attempts"):
            transport.call(ESEARCH, ESEARCH_PARAMS, parse_esearch)


def test_a_refused_request_is_not_retried(corpus, standin, fast_settings):
    server = standin(corpus)  # knows no API key: answers 400 "API key invalid"
    with EutilsTransport(fast_settings(server, api_key="not-a-valid-key")) as transport:
        with pytest.raises(PermanentError, match="HTTP 400") as caught:
            transport.call(ESEARCH, ESEARCH_PARAMS, parse_esearch)
    assert len(server.seen) == 1
    assert "not-a-valid-key" not in str(caught.value)


def test_the_paging_cap_error_is_never_retried(corpus, standin, fast_settings):
    from mbc_sr.sources.eutils.errors import PagingCapError

    server = standin(corpus)
    with EutilsTransport(fast_settings(server)) as transport:
        with pytest.raises(PagingCapError):
            transport.call(ESEARCH, {**ESEARCH_PARAMS, "retstart": "9999"}, parse_esearch)
    assert len(server.seen) == 1


def test_threads_sharing_the_throttle_never_trip_the_servers_rate_limit(corpus, standin, fast_settings):
    server = standin(corpus, api_keys={API_KEY})  # 10 requests/s with a key
    settings = fast_settings(server, api_key=API_KEY)
    errors: list[BaseException] = []

    def worker():
        try:
            with EutilsTransport(settings) as transport:  # one transport per thread, one throttle per process
                for _ in range(6):
                    transport.call(ESEARCH, ESEARCH_PARAMS, parse_esearch)
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)

    threads = [threading.Thread(target=worker) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert not errors
    assert len(server.seen) == 24
    assert server.violations == []
    assert server.peak_rate() <= 10


def test_a_client_without_a_throttle_is_refused_by_the_stand_in(corpus, standin):
    """The stand-in really enforces the limit: an unthrottled burst of 6 gets 429s, with
    NCBI's documented body (reconstructed) naming the limit."""
    import requests

    server = standin(corpus)
    with requests.Session() as session:
        statuses = [session.post(server.base_url + ESEARCH, data=ESEARCH_PARAMS, timeout=5).status_code for _ in range(6)]
        refused = session.post(server.base_url + ESEARCH, data=ESEARCH_PARAMS, timeout=5)
    assert statuses[:3] == [200, 200, 200]
    assert 429 in statuses and len(server.violations) >= 3
    assert refused.status_code == 429
    assert refused.json()["error"] == "API rate limit exceeded" and refused.json()["limit"] == "3"

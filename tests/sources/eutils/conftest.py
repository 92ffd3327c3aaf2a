"""Fixtures for the E-utilities tests: the NCBI stand-in, fast settings, and no real network.

PubMed is never contacted: every test here runs with `NCBI_EUTILS_BASE_URL` pointing at a
closed local port, and with name resolution refused for any host but 127.0.0.1/localhost
(`no_outside_network`), so a mistake fails fast instead of reaching NCBI.
"""

from __future__ import annotations

import socket
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from mbc_sr.config import SavedSearch
from mbc_sr.sources.eutils.settings import EutilsSettings
from mbc_sr.store import Store, open_store
from tests.conftest import shared_path
from tests.support.ncbi_standin import Corpus, NCBIStandin

SLICE = "pubmed21n1298_mtor_breast_plus_random300.xml.gz"
UPDATE_FILE = "pubmed21n1298.xml.gz"
#: a broad query over the 880-record slice (~560 hits): enough batches to exercise fetching
BROAD_QUERY = "breast[tiab] OR everolimus[tiab] OR mtor[tiab] OR sirolimus[tiab] OR rapamycin[tiab]"
API_KEY = "ncbi-test-key-5f0c1d2e3a4b"

_LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}


@pytest.fixture(autouse=True)
def no_outside_network(monkeypatch):
    """Refuse to resolve any host but the loopback one, and aim the default base URL at a
    closed local port: nothing in these tests can reach NCBI."""
    real = socket.getaddrinfo

    def local_only(host, *args, **kwargs):
        if host not in _LOCAL_HOSTS:
            raise socket.gaierror(f"tests may not resolve {host!r}: only 127.0.0.1 is reachable")
        return real(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", local_only)
    monkeypatch.setenv("NCBI_EUTILS_BASE_URL", "http://127.0.0.1:9/entrez/eutils/")
    monkeypatch.delenv("NCBI_API_KEY", raising=False)


@pytest.fixture(scope="session")
def slice_corpus() -> Corpus:
    """The 880 real records of the demo slice (read once per session; copy before changing)."""
    corpus = Corpus.from_files([shared_path(Path("pubmed") / SLICE)])
    corpus.index().candidates("breast", ("title",), False)  # build the word maps once
    return corpus


@pytest.fixture(scope="session")
def update_corpus() -> Corpus:
    """All 20,788 records of the June 2021 update file (~10 s to load; once per session)."""
    return Corpus.from_files([shared_path(Path("pubmed") / UPDATE_FILE)])


@pytest.fixture
def corpus(slice_corpus: Corpus) -> Corpus:
    """A private copy of the slice corpus that a test may revise."""
    return slice_corpus.copy()


@pytest.fixture
def standin() -> Iterator[Callable[..., NCBIStandin]]:
    """`standin(corpus, **options)`: a started stand-in (accepting API_KEY), stopped after the test."""
    started: list[NCBIStandin] = []

    def start(corpus: Corpus, **options) -> NCBIStandin:
        options.setdefault("api_keys", {API_KEY})
        started.append(NCBIStandin(corpus, **options).start())
        return started[-1]

    yield start
    for server in started:
        server.stop()


@pytest.fixture
def fast_settings(tmp_path: Path) -> Callable[..., EutilsSettings]:
    """Settings for a stand-in: short back-off, an archive under tmp_path, and the
    test API key (10 requests/s instead of 3: the tests run faster; `api_key=None` for 3/s)."""

    def make(server: NCBIStandin, **overrides) -> EutilsSettings:
        values = {
            "base_url": server.base_url,
            "email": "reviewer@example.org",
            "connect_timeout": 2.0,
            "read_timeout": 5.0,  # tests of slow responses lower it
            "backoff_base": 0.02,
            "backoff_max": 0.2,
            "max_attempts": 8,
            "max_wait_seconds": 30.0,
            "archive_dir": tmp_path / "archive",
            "api_key": API_KEY,
            **overrides,
        }
        return EutilsSettings(**values)

    return make


@pytest.fixture
def make_store(tmp_path: Path) -> Iterator[Callable[[str], Store]]:
    opened: list[Store] = []

    def make(name: str = "store") -> Store:
        opened.append(open_store(tmp_path / f"{name}.sqlite"))
        return opened[-1]

    yield make
    for store in opened:
        store.close()


def saved(query: str = BROAD_QUERY, name: str = "test-search") -> SavedSearch:
    return SavedSearch(name, "pubmed", query)


def no_network(monkeypatch) -> None:
    """Make every socket connection fail: what runs after this is offline."""

    def refuse(*args, **kwargs):
        raise OSError("networking is disabled in this test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)

"""A real HTTP stand-in for NCBI E-utilities (esearch, efetch) on 127.0.0.1, for tests and
the benchmark. PubMed itself is never contacted.

It serves real PubMed records (../shared/data/pubmed, NLM data) in NCBI's formats, taken
from the recorded responses in ../shared/data/entrez:

* esearch: the layout of biopython/Entrez/esearch2.xml (Count, RetMax, RetStart, IdList,
  TranslationSet, QueryTranslation) and esearch8.xml (ErrorList/PhraseNotFound,
  WarningList/OutputMessage "No items found."); ids newest first;
* efetch: the PubmedArticleSet prolog of biopython/Entrez/pubmed1.xml with the records'
  own bytes (so a record's sha256 equals the one an ingest of the source file computes);
* headers from eutils_cassettes/*.yaml (`X-RateLimit-Limit`, `X-RateLimit-Remaining`,
  `Access-Control-Expose-Headers`, `Content-Type: text/xml; charset=UTF-8`, gzip);
* the 429 body is RECONSTRUCTED from NCBI's documentation, as quoted in
  ERROR_RESPONSES.md section 1 (no byte-exact capture exists): `{"error":"API rate limit
  exceeded","api-key":"<key or IP>","count":"<n>","limit":"<limit>"}`;
* the paging-cap error is RECONSTRUCTED from the JSON body quoted in ERROR_RESPONSES.md
  section 3, in the XML form `<eSearchResult><ERROR>...</ERROR></eSearchResult>`;
* `<ERROR>` bodies follow epost2/esummary8.xml; their backend-failure texts ("Search
  Backend failed", "Unable to route request") and the HTML error page are RECONSTRUCTED.

It enforces what real clients get wrong: the paging cap (retstart > 9998 is an error, and
no id past the 9,999th is ever listed) and the rate limit (3 requests in any one-second
window per client, 10 with an accepted API key; beyond that a 429, counted in
`violations`). Which records it holds and their dates: `standin_corpus`; the failures it
can inject, in order: `standin_faults`; how it decides what a query matches: `standin_query`.
"""

from __future__ import annotations

import gzip
import json
import re
import socket
import threading
import time
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit
from xml.sax.saxutils import escape

from tests.support.standin_corpus import EFETCH_PROLOG, Corpus, StandinRecord, standin_record
from tests.support.standin_faults import FAULT_KINDS, Fault, FaultSchedule
from tests.support.standin_query import QuerySyntaxError, evaluate

__all__ = [
    "EFETCH_PROLOG", "FAULT_KINDS", "PAGING_CAP", "Corpus", "Fault", "FaultSchedule", "NCBIStandin", "Seen",
    "StandinRecord", "standin_record",
]  # fmt: skip

PAGING_CAP = 9_999
ESEARCH_PROLOG = (
    b'<?xml version="1.0" encoding="UTF-8" ?>\n'
    b'<!DOCTYPE eSearchResult PUBLIC "-//NLM//DTD esearch 20060628//EN" '
    b'"https://eutils.ncbi.nlm.nih.gov/eutils/dtd/20060628/esearch.dtd">\n'
)
PAGING_CAP_ERROR = (
    "Search Backend failed: Exception:\n'retstart' cannot be larger than 9998. For PubMed, "
    "ESearch can only retrieve the first 9,999 records matching the query."
)
HTML_ERROR_PAGE = (  # RECONSTRUCTED: the shape of an NCBI/proxy error page served with 200
    b"<!DOCTYPE html>\n<html lang=\"en\"><head><title>NCBI - WWW Error 500 Diagnostic</title></head>\n"
    b"<body><h1>Server Error</h1><p>Your request could not be processed due to a problem on our "
    b"end. Please try again.</p></body></html>\n"
)


# --------------------------------------------------------------------------- the server


@dataclass(slots=True)
class Seen:
    """One request as the stand-in saw it."""

    at: float
    endpoint: str
    method: str
    params: dict[str, str]
    status: int = 200
    fault: str | None = None
    ids: list[str] = field(default_factory=list)


class NCBIStandin:
    """Start with `with NCBIStandin(corpus) as server:`; `server.base_url` is the E-utilities root."""

    def __init__(
        self,
        corpus: Corpus,
        *,
        today: date | None = None,
        faults: FaultSchedule | None = None,
        api_keys: Iterable[str] = (),
        unknown_phrases: Iterable[str] = (),
        rate_limit: int = 3,
        rate_limit_with_key: int = 10,
        gzip_responses: bool = True,
    ):
        self.corpus = corpus
        self.today = today
        self.faults = faults or FaultSchedule()
        self.api_keys = set(api_keys)
        self.unknown_phrases = set(unknown_phrases)
        self.rate_limit = rate_limit
        self.rate_limit_with_key = rate_limit_with_key
        self.gzip_responses = gzip_responses
        self.seen: list[Seen] = []
        self.violations: list[Seen] = []
        self._windows: dict[str, deque[float]] = {}
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # ----------------------------------------------------------------------- life cycle

    def start(self) -> NCBIStandin:
        handler = type("Handler", (_Handler,), {"standin": self})
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def __enter__(self) -> NCBIStandin:
        return self.start()

    def __exit__(self, *exc_info) -> None:
        self.stop()

    @property
    def base_url(self) -> str:
        assert self._server is not None
        return f"http://127.0.0.1:{self._server.server_address[1]}/entrez/eutils/"

    # ----------------------------------------------------------------------- what it saw

    def requests_to(self, endpoint: str) -> list[Seen]:
        return [s for s in self.seen if s.endpoint == endpoint]

    def fetched_ids(self) -> list[str]:
        return [pmid for s in self.requests_to("efetch") if s.status == 200 and not s.fault for pmid in s.ids]

    def peak_rate(self, window: float = 1.0) -> int:
        """The most requests that arrived within any `window` seconds."""
        times = sorted(s.at for s in self.seen)
        best = 0
        start = 0
        for end, moment in enumerate(times):
            while moment - times[start] >= window:
                start += 1
            best = max(best, end - start + 1)
        return best

    def reset_log(self) -> None:
        with self._lock:
            self.seen.clear()
            self.violations.clear()

    # ----------------------------------------------------------------------- decisions

    def admit(self, seen: Seen, client: str) -> tuple[bool, int, int]:
        """(allowed, limit, remaining) for this request under the per-client one-second window."""
        key = seen.params.get("api_key") or client
        limit = self.rate_limit_with_key if seen.params.get("api_key") in self.api_keys else self.rate_limit
        with self._lock:
            self.seen.append(seen)
            window = self._windows.setdefault(key, deque())
            while window and seen.at - window[0] >= 1.0:
                window.popleft()
            window.append(seen.at)
            allowed = len(window) <= limit
            if not allowed:
                self.violations.append(seen)
            return allowed, limit, max(0, limit - len(window))

    def visible(self) -> dict[str, StandinRecord]:
        records = self.corpus.records
        if self.today is None:
            return records
        return {p: r for p, r in records.items() if r.crdt <= self.today}


class _Handler(BaseHTTPRequestHandler):
    standin: NCBIStandin
    protocol_version = "HTTP/1.1"
    server_version = "Finatra"
    sys_version = ""

    def log_message(self, format, *args) -> None:  # quiet
        pass

    def do_GET(self) -> None:
        self._handle(parse_qs(urlsplit(self.path).query))

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length).decode("utf-8")
        self._handle(parse_qs(body, keep_blank_values=True) | parse_qs(urlsplit(self.path).query))

    # ----------------------------------------------------------------------- dispatch

    def _handle(self, query: dict[str, list[str]]) -> None:
        standin = self.standin
        params = {k: v[-1] for k, v in query.items()}
        endpoint = urlsplit(self.path).path.rstrip("/").rsplit("/", 1)[-1].removesuffix(".fcgi")
        seen = Seen(time.monotonic(), endpoint, self.command, params)
        allowed, limit, remaining = standin.admit(seen, self.client_address[0])
        headers = {"X-RateLimit-Limit": str(limit), "X-RateLimit-Remaining": str(remaining)}
        if not allowed:
            seen.status = 429
            body = json.dumps({
                "error": "API rate limit exceeded", "api-key": params.get("api_key") or self.client_address[0],
                "count": str(limit + 1), "limit": str(limit),
            }, separators=(",", ":")).encode()  # fmt: skip
            return self._send(429, body, "application/json", headers)
        key = params.get("api_key")
        if key is not None and key not in standin.api_keys:
            seen.status = 400
            body = json.dumps({"error": "API key invalid", "api-key": key, "type": "invalid", "status": "unknown"})
            return self._send(400, body.encode(), "application/json", headers)
        fault = standin.faults.take(endpoint, params)
        seen.fault = fault.kind if fault else None
        if fault is not None and self._early_fault(fault, endpoint, seen, headers):
            return
        if endpoint == "esearch":
            status, body = self._esearch(params, fault)
        elif endpoint == "efetch":
            status, body = self._efetch(params, fault, seen)
        else:
            status, body = 400, b"<ERROR>Unknown endpoint</ERROR>"
        seen.status = status
        if fault is not None and fault.kind in ("truncate", "short_read"):
            return self._send_cut(body, fault.kind, headers)
        self._send(status, body, "text/xml; charset=UTF-8", headers)

    def _early_fault(self, fault: Fault, endpoint: str, seen: Seen, headers: dict[str, str]) -> bool:
        kind = fault.kind
        if kind == "429":
            seen.status = 429
            extra = {"Retry-After": f"{fault.retry_after:g}"} if fault.retry_after is not None else {}
            who = seen.params.get("api_key") or self.client_address[0]  # NCBI echoes the key it counted
            body = json.dumps({"error": "API rate limit exceeded", "api-key": who, "count": "4", "limit": "3"})
            self._send(429, body.encode(), "application/json", {**headers, **extra})
        elif kind in ("500", "502", "503"):
            seen.status = int(kind)
            page = f"<html><head><title>{kind} Error</title></head><body><h1>{kind}</h1></body></html>\n".encode()
            self._send(int(kind), page, "text/html", headers)
        elif kind == "html":
            self._send(200, HTML_ERROR_PAGE, "text/html; charset=UTF-8", headers)
        elif kind == "backend_error":
            root = "eSearchResult" if endpoint == "esearch" else "eFetchResult"
            text = "Search Backend failed: Database is not available" if endpoint == "esearch" else "Unable to route request"
            prolog = ESEARCH_PROLOG.decode() if endpoint == "esearch" else '<?xml version="1.0" ?>\n'
            self._send(200, f"{prolog}<{root}><ERROR>{text}</ERROR></{root}>\n".encode(), "text/xml; charset=UTF-8", headers)
        elif kind == "reset":
            self.close_connection = True
            try:
                self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
                self.connection.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
        elif kind == "slow":
            self.standin._stop.wait(fault.delay)
            return False
        else:
            return False
        return True

    # ----------------------------------------------------------------------- esearch

    def _esearch(self, params: dict[str, str], fault: Fault | None) -> tuple[int, bytes]:
        standin = self.standin
        term = params.get("term", "").strip()
        if not term:
            return 200, self._search_error("Empty term and query_key - nothing todo")
        retstart = int(params.get("retstart") or 0)
        retmax = min(int(params.get("retmax") or 20), 10_000)
        if retstart > PAGING_CAP - 1:
            return 200, self._search_error(PAGING_CAP_ERROR)
        visible = standin.visible()
        try:
            evaluation = evaluate(term, standin.corpus.index(), unknown_phrases=standin.unknown_phrases)
        except QuerySyntaxError as exc:
            return 200, self._search_error(f"Invalid query: {exc}")
        matched = [p for p in evaluation.pmids if p in visible]
        datetype = params.get("datetype", "").lower()
        if params.get("mindate") or params.get("maxdate"):
            low, high = _date(params.get("mindate"), False), _date(params.get("maxdate"), True)
            dated = {"crdt": lambda r: r.crdt, "edat": lambda r: r.crdt, "mdat": lambda r: r.mdat(standin.today)}
            if datetype not in dated:
                return 200, self._search_error(f"Invalid datetype: {datetype or '(none)'}")
            matched = [p for p in matched if low <= dated[datetype](visible[p]) <= high]
        matched.sort(key=int, reverse=True)
        count = len(matched)
        listed = matched[retstart : min(retstart + retmax, PAGING_CAP)]
        if fault is not None and fault.kind == "drop_ids" and listed:
            listed = listed[: max(0, len(listed) - max(1, len(listed) // 10))]
        if fault is not None and fault.kind == "count_off":
            count += 1
        ids = "".join(f"<Id>{p}</Id>\n" for p in listed)
        translation_set = "".join(
            f"<Translation>     <From>{escape(a)}</From>     <To>{escape(b)}</To>    </Translation>" for a, b in evaluation.translations
        )
        parts = [
            f"<eSearchResult><Count>{count}</Count><RetMax>{len(listed)}</RetMax><RetStart>{retstart}</RetStart><IdList>\n{ids}</IdList>",
            f"<TranslationSet>{translation_set}</TranslationSet>" if translation_set else "<TranslationSet/>",
            f"<QueryTranslation>{escape(evaluation.translation or '')}</QueryTranslation>",
        ]
        if evaluation.errors:
            parts.append("<ErrorList>" + "".join(f"<{k}>{escape(v)}</{k}>" for k, vs in evaluation.errors.items() for v in vs) + "</ErrorList>")
        if count == 0:
            parts.append("<WarningList><OutputMessage>No items found.</OutputMessage></WarningList>")
        return 200, ESEARCH_PROLOG + ("".join(parts) + "</eSearchResult>\n").encode()

    def _search_error(self, text: str) -> bytes:
        return ESEARCH_PROLOG + f"<eSearchResult><ERROR>{escape(text)}</ERROR></eSearchResult>\n".encode()

    # ----------------------------------------------------------------------- efetch

    def _efetch(self, params: dict[str, str], fault: Fault | None, seen: Seen) -> tuple[int, bytes]:
        ids = [i.strip() for i in params.get("id", "").split(",") if i.strip()]
        seen.ids = ids
        if not ids:
            return 200, b'<?xml version="1.0" ?>\n<eFetchResult><ERROR>Empty id list - nothing todo</ERROR></eFetchResult>\n'
        visible = self.standin.visible()
        found = [visible[i].xml for i in ids if i in visible]
        if fault is not None and fault.kind == "drop_records" and found:
            found = found[: max(0, len(found) - max(1, len(found) // 20))]
        return 200, EFETCH_PROLOG + b"\n".join(found) + b"\n</PubmedArticleSet>\n"

    # ----------------------------------------------------------------------- sending

    def _send(self, status: int, body: bytes, content_type: str, headers: dict[str, str]) -> None:
        encoded = body
        compress = self.standin.gzip_responses and "gzip" in (self.headers.get("Accept-Encoding") or "")
        if compress:
            encoded = gzip.compress(body, compresslevel=1)
        try:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(encoded)))
            self.send_header("Access-Control-Expose-Headers", "X-RateLimit-Limit,X-RateLimit-Remaining")
            if compress:
                self.send_header("Content-Encoding", "gzip")
            for name, value in headers.items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(encoded)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True

    def _send_cut(self, body: bytes, kind: str, headers: dict[str, str]) -> None:
        """`truncate`: a complete response whose XML stops part way; `short_read`: the
        headers promise the whole body, the connection closes after part of it."""
        cut = body[: max(1, len(body) * 3 // 5)]
        if kind == "truncate":
            return self._send(200, cut, "text/xml; charset=UTF-8", headers)
        try:
            self.send_response(200)
            self.send_header("Content-Type", "text/xml; charset=UTF-8")
            self.send_header("Content-Length", str(len(body)))
            for name, value in headers.items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(cut)
            self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError):
            pass
        self.close_connection = True


def _date(text: str | None, upper: bool) -> date:
    if not text:
        return date.max if upper else date.min
    parts = [int(p) for p in re.split(r"[/-]", text.strip())]
    year = parts[0]
    month = parts[1] if len(parts) > 1 else (12 if upper else 1)
    if len(parts) > 2:
        return date(year, month, parts[2])
    if not upper:
        return date(year, month, 1)
    following = date(year + (month == 12), month % 12 + 1, 1)
    return date.fromordinal(following.toordinal() - 1)

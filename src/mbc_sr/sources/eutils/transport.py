"""HTTP to E-utilities: throttled, timed out, retried with back-off, every body archived.

Why not Bio.Entrez: it retries a 429 at once with no delay, has no read timeout by default,
and cannot tell a backend `<ERROR>` from a query error. Here every request:

1. waits for the process-wide throttle (`throttle.shared_throttle`), retries included;
2. is a POST (so the API key and long id lists travel in the body, never in a URL that a
   proxy, a log or an exception message could show), with `tool`, `email` and `api_key`;
3. has a connect and a read timeout;
4. hands the body, before anything reads it, to the archive callback (redacted of the key:
   NCBI's 429 body echoes it) — so the archive holds what was received, even a bad body;
5. is judged by `parse` (see `replies`): a `TransientError` (429, 5xx, timeout, reset,
   short read, HTML page, truncated XML, backend `<ERROR>`) is retried after an
   exponential back-off with jitter, or the server's Retry-After if longer, until
   `max_attempts` or `max_wait_seconds` is spent (`RetryBudgetExhausted`); anything else
   (a query error, HTTP 4xx) is raised at once.

Every exchange is recorded (`Exchange`) for the run's provenance manifest.
"""

from __future__ import annotations

import email.utils
import hashlib
import logging
import random
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any, TypeVar

import requests

from mbc_sr.sources.eutils.errors import (
    EutilsError,
    PermanentError,
    RetryBudgetExhausted,
    TransientError,
    redact,
    redact_bytes,
)
from mbc_sr.sources.eutils.settings import EutilsSettings
from mbc_sr.sources.eutils.throttle import TokenBucket, shared_throttle

log = logging.getLogger("mbc_sr.sources.eutils")

T = TypeVar("T")
Archiver = Callable[[bytes], str]


@dataclass(slots=True)
class Exchange:
    """One HTTP request and what came of it (a manifest row; never holds the key)."""

    seq: int
    endpoint: str
    params: dict[str, Any]
    attempt: int
    status: int | None
    outcome: str  # "ok", "retried: <reason>", "failed: <reason>"
    seconds: float
    body_bytes: int
    body_sha256: str | None
    at: str

    def as_dict(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in self.__slots__}


def public_params(params: Mapping[str, Any]) -> dict[str, Any]:
    """Request parameters as recorded: no credentials; a long id list as its size and hash."""
    shown: dict[str, Any] = {}
    for key, value in params.items():
        if key in ("api_key", "email"):
            continue
        if key == "id":
            ids = value.split(",") if isinstance(value, str) else list(value)
            shown["id_count"] = len(ids)
            shown["ids_sha256"] = hashlib.sha256(",".join(ids).encode()).hexdigest()
        else:
            shown[key] = value
    return shown


class EutilsTransport:
    """Sends E-utilities requests for one run. Thread-safe: each thread has its own session."""

    def __init__(
        self,
        settings: EutilsSettings,
        *,
        throttle: TokenBucket | None = None,
        archive: Archiver | None = None,
        sleep: Callable[[float], None] = time.sleep,
        rng: random.Random | None = None,
    ):
        self.settings = settings
        self.throttle = throttle or shared_throttle(settings.base_url, settings.rate)
        self.archive = archive
        self._sleep = sleep
        self._rng = rng or random.Random()
        self._local = threading.local()
        self._sessions: list[requests.Session] = []
        self._lock = threading.Lock()
        self.exchanges: list[Exchange] = []
        self.requests = 0
        self.retries = 0

    # ----------------------------------------------------------------------- public

    def call(self, endpoint: str, params: Mapping[str, Any], parse: Callable[[bytes], T]) -> T:
        """POST `params` to `endpoint` (e.g. "esearch.fcgi") and return `parse(body)`, retrying
        transient failures; raises `RetryBudgetExhausted` or the permanent error."""
        attempt = 0
        waited = 0.0
        shown = public_params(params)
        while True:
            attempt += 1
            try:
                return self._attempt(endpoint, params, shown, attempt, parse)
            except TransientError as failure:
                delay = self._backoff(attempt)
                if failure.retry_after is not None:
                    delay = max(delay, failure.retry_after)
                if attempt >= self.settings.max_attempts or waited + delay > self.settings.max_wait_seconds:
                    raise RetryBudgetExhausted(endpoint, attempt, waited, self._redact(failure.reason)) from None
                if failure.retry_after is not None:
                    self.throttle.pause(failure.retry_after)
                with self._lock:
                    self.retries += 1
                log.info("%s attempt %d: %s; retrying in %.2f s", endpoint, attempt, self._redact(failure.reason), delay)
                self._sleep(delay)
                waited += delay

    def close(self) -> None:
        with self._lock:
            for session in self._sessions:
                session.close()
            self._sessions.clear()

    def __enter__(self) -> EutilsTransport:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # ----------------------------------------------------------------------- one attempt

    def _attempt(self, endpoint, params, shown, attempt, parse: Callable[[bytes], T]) -> T:
        self.throttle.acquire()
        with self._lock:
            self.requests += 1
            seq = self.requests
        started = time.perf_counter()
        at = datetime.now(timezone.utc).isoformat(timespec="milliseconds")
        status: int | None = None
        body = b""
        sha: str | None = None
        try:
            try:
                response = self._session().post(
                    self.settings.endpoint_url(endpoint),
                    data=self._full_params(params),
                    timeout=(self.settings.connect_timeout, self.settings.read_timeout),
                )
                status, body = response.status_code, response.content
            except requests.Timeout as exc:
                raise TransientError(f"timed out ({type(exc).__name__})") from None
            except (requests.ConnectionError, requests.exceptions.ChunkedEncodingError,
                    requests.exceptions.ContentDecodingError) as exc:  # fmt: skip
                raise TransientError(f"connection failed or body cut short ({type(exc).__name__}: {exc})") from None
            body = redact_bytes(body, self.settings.secrets)
            if self.archive is not None:
                sha = self.archive(body)
            self._check_status(response, body)
            result = parse(body)
        except TransientError as exc:
            self._record(seq, endpoint, shown, attempt, status, f"retried: {self._redact(exc.reason)}", started, body, sha, at)
            raise
        except EutilsError as exc:
            self._record(seq, endpoint, shown, attempt, status, f"failed: {self._redact(str(exc))}", started, body, sha, at)
            raise
        self._record(seq, endpoint, shown, attempt, status, "ok", started, body, sha, at)
        return result

    def _check_status(self, response: requests.Response, body: bytes) -> None:
        status = response.status_code
        if status == 200:
            return
        snippet = self._redact(" ".join(body[:200].decode("utf-8", "replace").split()))
        if status == 429:
            raise TransientError(
                f"HTTP 429 (rate limit): {snippet}", retry_after=_retry_after(response), status=status
            )
        if status >= 500 or status in (408, 425):
            raise TransientError(f"HTTP {status}: {snippet}", retry_after=_retry_after(response), status=status)
        raise PermanentError(f"HTTP {status} from {response.request.path_url if response.request else ''}: {snippet}")

    # ----------------------------------------------------------------------- helpers

    def _full_params(self, params: Mapping[str, Any]) -> dict[str, Any]:
        full = {"db": "pubmed", **params, "tool": self.settings.tool}
        if self.settings.email:
            full["email"] = self.settings.email
        if self.settings.api_key:
            full["api_key"] = self.settings.api_key
        return full

    def _session(self) -> requests.Session:
        session = getattr(self._local, "session", None)
        if session is None:
            session = requests.Session()
            session.headers["User-Agent"] = f"{self.settings.tool} (mbc-sr; python-requests)"
            self._local.session = session
            with self._lock:
                self._sessions.append(session)
        return session

    def _backoff(self, attempt: int) -> float:
        """Exponential back-off with "equal jitter": half fixed, half random, so that clients
        that failed together do not retry together."""
        ceiling = min(self.settings.backoff_max, self.settings.backoff_base * 2 ** (attempt - 1))
        return ceiling / 2 + self._rng.uniform(0, ceiling / 2)

    def _redact(self, text: str) -> str:
        return redact(text, self.settings.secrets)

    def _record(self, seq, endpoint, shown, attempt, status, outcome, started, body, sha, at) -> None:
        exchange = Exchange(
            seq, endpoint, shown, attempt, status, outcome, round(time.perf_counter() - started, 4), len(body), sha, at
        )
        with self._lock:
            self.exchanges.append(exchange)


def _retry_after(response: requests.Response) -> float | None:
    """Retry-After in seconds (a number of seconds, or an HTTP date), or None."""
    value = response.headers.get("Retry-After")
    if not value:
        return None
    value = value.strip()
    if value.replace(".", "", 1).isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return max(0.0, (when - datetime.now(timezone.utc)).total_seconds())

"""What can go wrong talking to NCBI E-utilities, sorted into "try again" and "stop".

NCBI reports failures in many shapes: HTTP 429/5xx, HTML error pages served with 200,
bodies cut short, and `<ERROR>` elements inside a 200 XML body. Some of those are
transient (a backend hiccup: retry after a pause); others mean the request itself is wrong
and retrying only hides it. The worst to hide is a query problem: PubMed answers a query
with an unknown phrase by *dropping the phrase* and searching the rest, with the phrase in
`ErrorList/PhraseNotFound` — a review's search would silently change. So query errors are
their own class and are never retried.

Every message built here goes through `redact()` before it can reach a log, an exception,
a manifest or the archive: the API key must never leave the request body.
"""

from __future__ import annotations

import re

#: `<ERROR>` texts (lower-cased substrings) that NCBI uses for failures of its own backend.
#: "Search Backend failed" is also the prefix of the permanent paging-cap error, which is
#: therefore tested first (see `classify_error_text`).
TRANSIENT_ERROR_MARKERS = (
    "search backend failed",
    "unable to route request",
    "backend failed",
    "temporarily unavailable",
    "service unavailable",
    "internal server error",
    "connection reset",
    "timed out",
    "timeout",
    "please try again",
    "cannot connect",
    "database is not available",
)

#: `<ERROR>` texts that look transient but are not: PubMed's esearch paging cap.
PERMANENT_ERROR_MARKERS = ("cannot be larger than 9998", "can only retrieve the first 9,999")

#: ErrorList/WarningList children that mean "your query was not run as written".
QUERY_PROBLEMS = ("PhraseNotFound", "FieldNotFound", "QuotedPhraseNotFound")

REDACTED = "<redacted>"


class EutilsError(RuntimeError):
    """Base class: a request to E-utilities that did not produce a usable answer."""


class TransientError(EutilsError):
    """A failure worth retrying (429, 5xx, timeout, reset, truncated body, backend `<ERROR>`).

    `retry_after` is the server's Retry-After in seconds, when it gave one.
    """

    def __init__(self, reason: str, *, retry_after: float | None = None, status: int | None = None):
        super().__init__(reason)
        self.reason = reason
        self.retry_after = retry_after
        self.status = status


class RetryBudgetExhausted(EutilsError):
    """Transient failures went on past the retry budget: NCBI (or the network) is down."""

    def __init__(self, endpoint: str, attempts: int, waited: float, last_reason: str):
        super().__init__(
            f"{endpoint}: gave up after {attempts} attempts and {waited:.1f} s of waiting; "
            f"last failure: {last_reason}"
        )
        self.endpoint = endpoint
        self.attempts = attempts
        self.last_reason = last_reason


class PermanentError(EutilsError):
    """NCBI refused the request itself (HTTP 4xx, an `<ERROR>` about the request): not retried."""


class QueryError(PermanentError, ValueError):
    """The query would not run as written (PhraseNotFound, FieldNotFound, QuotedPhraseNotFound).

    A ValueError too: it is bad input (the CLI exits with code 2), and it names each phrase.
    """

    def __init__(self, problems: dict[str, list[str]], query_translation: str | None = None):
        self.problems = problems
        self.query_translation = query_translation
        named = "; ".join(f"{kind}: {', '.join(repr(p) for p in phrases)}" for kind, phrases in problems.items())
        super().__init__(
            f"PubMed did not run the query as written ({named}); PubMed would silently search "
            "without it. Fix the saved search, or list the phrase under [eutils] "
            "allow_missing_phrases if the protocol explicitly accepts that"
        )


class PagingCapError(PermanentError):
    """esearch was asked past PubMed's 9,999-record paging cap (a client bug, never retried)."""


class ReconciliationError(EutilsError):
    """Search slices do not add up to PubMed's Count, even after re-asking."""


class SearchTooBroadError(EutilsError):
    """One Create Date day alone holds more than 9,999 hits: esearch cannot list them."""


def classify_error_text(text: str) -> type[EutilsError]:
    """The exception class for the text of a non-empty `<ERROR>` element."""
    lowered = " ".join(text.lower().split())
    if any(marker in lowered for marker in PERMANENT_ERROR_MARKERS):
        return PagingCapError
    if any(marker in lowered for marker in TRANSIENT_ERROR_MARKERS):
        return TransientError
    return PermanentError


def redact(text: str, secrets: tuple[str, ...] | list[str]) -> str:
    """`text` with every secret (the API key) replaced; also `api_key=...` in URL-like text."""
    for secret in secrets:
        if secret:
            text = text.replace(secret, REDACTED)
    return _API_KEY_PARAM.sub(r"\1" + REDACTED, text)


def redact_bytes(body: bytes, secrets: tuple[str, ...] | list[str]) -> bytes:
    """`body` with every secret replaced (NCBI's 429 body echoes the key it counted)."""
    for secret in secrets:
        if secret:
            body = body.replace(secret.encode("utf-8"), REDACTED.encode("ascii"))
    return body


_API_KEY_PARAM = re.compile(r"(api[_-]key[\"']?\s*[=:]\s*[\"']?)(?!<redacted>)[^&\s\"',}]+", re.I)

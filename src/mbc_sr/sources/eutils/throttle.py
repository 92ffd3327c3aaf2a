"""One request-rate limiter per process, shared by every thread and every transport.

NCBI allows 3 requests per second per client (10 with an API key) and answers 429 beyond
that; it counts per IP / key, not per connection, so the limit has to be enforced for the
whole process, not per session or per thread. `shared_throttle()` hands out one
`TokenBucket` per (server, rate).

The bucket is the GCRA form of a token bucket ("virtual scheduling"): each caller reserves
the next free send slot under a lock and then sleeps outside it, so waiting threads queue
in order and never wake together. A server's Retry-After pauses the whole bucket (`pause`),
because a 429 is about this client, not about one request.

The rate used is 80% of NCBI's limit (`SAFETY`): requests leave evenly spaced, but network
and scheduling jitter can bunch their *arrivals*. A request that arrives late by δ shares a
one-second window at the server with the next `limit` on-time ones unless `limit` intervals
exceed 1 + δ s; at 80% they span 1.25 s, so arrivals may be up to 0.25 s late. (At 90%, the
first figure, the benchmark against the local stand-in, idle machine, saw 4 requests in one
second and three 429s during an initial load: 0.11 s of head-room was not enough.)
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

SAFETY = 0.8

_registry: dict[tuple[str, float], TokenBucket] = {}
_registry_lock = threading.Lock()


class TokenBucket:
    """At most `rate` acquisitions per second on average, bursts of at most `burst`."""

    def __init__(
        self,
        rate: float,
        burst: int = 1,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ):
        if rate <= 0:
            raise ValueError("rate must be positive")
        if burst < 1:
            raise ValueError("burst must be at least 1")
        self.rate = rate
        self.interval = 1.0 / rate
        self.tolerance = (burst - 1) * self.interval
        self._clock = clock
        self._sleep = sleep
        self._lock = threading.Lock()
        self._tat = clock()  # theoretical arrival time of the next request
        self.acquired = 0
        self.waited = 0.0

    def acquire(self) -> float:
        """Block until a request may be sent; return the seconds waited."""
        with self._lock:
            now = self._clock()
            slot = max(now, self._tat - self.tolerance)
            self._tat = max(self._tat, slot) + self.interval
            self.acquired += 1
            wait = slot - now
            self.waited += wait
        if wait > 0:
            self._sleep(wait)
        return wait

    def pause(self, seconds: float) -> None:
        """Hold every request back for `seconds` from now (the server's Retry-After)."""
        with self._lock:
            self._tat = max(self._tat, self._clock() + seconds + self.tolerance)


def shared_throttle(server: str, rate: float) -> TokenBucket:
    """The process-wide bucket for `server` (a base URL) at `rate` requests per second."""
    key = (server.rstrip("/"), float(rate))
    with _registry_lock:
        bucket = _registry.get(key)
        if bucket is None:
            bucket = _registry[key] = TokenBucket(rate)
        return bucket

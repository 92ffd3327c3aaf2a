"""The throttle: evenly spaced requests, one bucket per process, shared by threads, paused by Retry-After."""

from __future__ import annotations

import threading
import time

import pytest

from mbc_sr.sources.eutils.throttle import SAFETY, TokenBucket, shared_throttle


class FakeClock:
    def __init__(self) -> None:
        self.now = 100.0
        self.lock = threading.Lock()

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        with self.lock:
            self.now += seconds


def test_requests_are_spaced_one_interval_apart():
    clock = FakeClock()
    bucket = TokenBucket(3.0, clock=clock, sleep=clock.sleep)
    sends = []
    for _ in range(7):
        bucket.acquire()
        sends.append(clock.now)
    gaps = [round(b - a, 6) for a, b in zip(sends, sends[1:])]
    assert gaps == [round(1 / 3, 6)] * 6
    # no one-second window holds more than 3 sends
    assert max(sum(1 for t in sends if 0 <= round(t - s, 9) < 1.0) for s in sends) == 3


def test_a_burst_allowance_lets_that_many_through_at_once():
    clock = FakeClock()
    bucket = TokenBucket(10.0, burst=3, clock=clock, sleep=clock.sleep)
    for _ in range(3):
        assert bucket.acquire() == 0
    assert bucket.acquire() == pytest.approx(0.1)


def test_pause_holds_every_later_request_and_keeps_the_spacing():
    clock = FakeClock()
    bucket = TokenBucket(2.0, clock=clock, sleep=clock.sleep)
    bucket.acquire()
    bucket.pause(5.0)
    start = clock.now
    bucket.acquire()
    assert clock.now - start == pytest.approx(5.0)
    bucket.acquire()
    assert clock.now - start == pytest.approx(5.5)


def test_threads_share_one_bucket_and_never_exceed_the_rate():
    bucket = TokenBucket(20.0)
    sends: list[float] = []
    lock = threading.Lock()

    def worker():
        for _ in range(5):
            bucket.acquire()
            with lock:
                sends.append(time.monotonic())

    threads = [threading.Thread(target=worker) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=10)
    sends.sort()
    assert len(sends) == 20
    # 20 requests at 20/s take at least 19 intervals
    assert sends[-1] - sends[0] >= 19 / 20 - 0.02
    assert bucket.acquired == 20


def test_one_bucket_per_server_and_rate_in_the_process():
    a = shared_throttle("http://127.0.0.1:1/eutils/", 2.7)
    assert shared_throttle("http://127.0.0.1:1/eutils", 2.7) is a
    assert shared_throttle("http://127.0.0.1:1/eutils/", 9.0) is not a


def test_the_rate_used_is_under_ncbi_limit():
    from mbc_sr.sources.eutils.settings import EutilsSettings

    assert EutilsSettings().rate == pytest.approx(3 * SAFETY)
    assert EutilsSettings(api_key="0123456789abcdef").rate == pytest.approx(10 * SAFETY)
    assert EutilsSettings(requests_per_second=50).rate == pytest.approx(3 * SAFETY)
    assert EutilsSettings(requests_per_second=1).rate == 1

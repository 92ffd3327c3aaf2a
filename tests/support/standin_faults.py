"""The stand-in's fault schedule: failures NCBI serves, injected in order.

Each request takes the first entry that applies to its endpoint (and passes its `when`
test); "ok" entries let a request through, so that faults can be spaced out.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass


# --------------------------------------------------------------------------- faults


FAULT_KINDS = (
    "ok", "429", "500", "502", "503", "slow", "truncate", "short_read", "html", "backend_error", "reset",
    "drop_ids", "count_off", "drop_records",
)  # fmt: skip


@dataclass(slots=True)
class Fault:
    """One scheduled failure. `endpoint`: "esearch", "efetch" or "*"; `times`: how many
    matching requests it applies to; `when`: a test on the request's parameters."""

    kind: str
    endpoint: str = "*"
    times: int = 1
    retry_after: float | None = None
    delay: float = 0.0
    when: Callable[[dict[str, str]], bool] | None = None  # only requests whose parameters pass

    def __post_init__(self) -> None:
        if self.kind not in FAULT_KINDS:
            raise ValueError(f"unknown fault {self.kind!r}")


class FaultSchedule:
    def __init__(self, faults: Iterable[Fault] = ()):
        self._faults = list(faults)
        self._lock = threading.Lock()
        self.applied: list[tuple[str, str]] = []

    def take(self, endpoint: str, params: dict[str, str]) -> Fault | None:
        with self._lock:
            for fault in self._faults:
                if fault.times <= 0 or fault.endpoint not in ("*", endpoint):
                    continue
                if fault.when is not None and not fault.when(params):
                    continue
                fault.times -= 1
                if fault.kind == "ok":
                    return None
                self.applied.append((endpoint, fault.kind))
                return fault
        return None

    @property
    def pending(self) -> int:
        return sum(f.times for f in self._faults if f.kind != "ok" and f.times > 0)

    @classmethod
    def heavy(cls, *, slow_delay: float, rounds: int = 2) -> FaultSchedule:
        """Every fault kind that the client must survive, each followed by a clean request."""
        kinds = [
            Fault("429", retry_after=0.2), Fault("500"), Fault("502"), Fault("503"), Fault("slow", delay=slow_delay),
            Fault("truncate"), Fault("short_read"), Fault("html"), Fault("backend_error"), Fault("reset"),
            Fault("429"), Fault("drop_records", endpoint="efetch"),
        ]  # fmt: skip
        faults: list[Fault] = []
        for _ in range(rounds):
            for fault in kinds:
                faults += [Fault(fault.kind, fault.endpoint, 1, fault.retry_after, fault.delay), Fault("ok")]
        return cls(faults)

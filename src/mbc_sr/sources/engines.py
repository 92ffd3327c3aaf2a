"""Where local PubMed files are parsed and matched: in this process, a process pool, or Dask.

`Executor` gives a `submit(fn, *args) -> future` for a local process pool ("processes") or a
`dask.distributed` cluster ("dask": a running scheduler at an address, or a `LocalCluster`);
`Prefetch` keeps a few files in flight and hands results back in file order. Workers are
started without the parent's `__main__` (`_bare_main`), so a flow run's Prefect never loads
in them. Nothing here touches the store.
"""

from __future__ import annotations

import contextlib
import sys
import types
from collections import deque
from collections.abc import Callable
from pathlib import Path
from typing import Any

ENGINES = ("serial", "processes", "dask")


class Prefetch:
    """Keeps `window` files in flight on the workers and hands results back in file order."""

    def __init__(self, files: list[Path], submit: Callable[[Path], Any], window: int):
        self.files = deque(files)
        self.submit = submit
        self.window = window
        self.in_flight: deque[tuple[Path, Any]] = deque()
        self._fill()

    def _fill(self) -> None:
        while self.files and len(self.in_flight) < self.window:
            path = self.files.popleft()
            self.in_flight.append((path, self.submit(path)))

    def result(self, path: Path) -> Any:
        while True:
            if not self.in_flight:
                raise RuntimeError(f"{path} was not sent to the workers")  # pragma: no cover
            expected, future = self.in_flight.popleft()
            if expected == path:
                break
            future.cancel()  # the pipeline skipped it: a copy of a file it had just stored
            self._fill()
        scan = future.result()
        self._fill()
        return scan

    def cancel(self) -> None:
        for _path, future in self.in_flight:
            future.cancel()
        self.in_flight.clear()


@contextlib.contextmanager
def _bare_main():
    """Start worker processes without the parent's `__main__`.

    A spawned worker (process pool or Dask nanny) re-imports the parent's main module, and with
    it whatever that imports — Prefect, when the parent is a flow run (`python -m flows.refresh`).
    While workers start, `sys.modules["__main__"]` is a bare module, so they import only what
    `scan_file` needs."""
    main = sys.modules.get("__main__")
    sys.modules["__main__"] = types.ModuleType("__main__")
    try:
        yield
    finally:
        if main is not None:
            sys.modules["__main__"] = main


class Executor:
    """`with Executor(engine, workers, address) as submit:` — submit(fn, *args) → a future."""

    def __init__(self, engine: str, workers: int, address: str | None):
        self.engine, self.workers, self.address = engine, max(1, workers), address
        self._close: list[Callable[[], None]] = []

    def __enter__(self) -> Callable[..., Any]:
        if self.engine == "processes":
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            pool = ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("spawn"))
            self._close.append(lambda: pool.shutdown(wait=True, cancel_futures=True))

            def submit(fn, *args):
                with _bare_main():  # the pool starts a worker on a submit, until it has them all
                    return pool.submit(fn, *args)

            return submit
        from distributed import Client, LocalCluster

        if self.address:
            client = Client(self.address)
        else:
            with _bare_main():
                cluster = LocalCluster(
                    n_workers=self.workers, threads_per_worker=1, processes=True, dashboard_address=None,
                )  # fmt: skip
            self._close.append(cluster.close)
            client = Client(cluster)
        self._close.insert(0, client.close)
        return lambda fn, *args: client.submit(fn, *args, pure=False)

    def __exit__(self, *exc_info) -> None:
        for close in self._close:
            try:
                close()
            except Exception:  # noqa: BLE001 - closing must not hide the run's own outcome
                pass

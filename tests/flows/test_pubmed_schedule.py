"""The weekly PubMed refresh on a real Prefect server: `prefect server start` on 127.0.0.1,
`serve(cron=...)` registers the schedule, and a run triggered through the API searches the
NCBI stand-in, stores the records and completes.

This is the set-up a review team uses (README, "Scheduled refreshes"), so it is tested as is,
in separate processes; it takes about a minute, hence `slow`.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from datetime import date

import pytest
import requests

from tests.conftest import REPO, shared_path

pytestmark = [pytest.mark.flow, pytest.mark.slow]

QUERY = "breast[tiab] OR everolimus[tiab] OR mtor[tiab] OR sirolimus[tiab] OR rapamycin[tiab]"
CRON = "0 6 * * 1"
API_KEY = "ncbi-test-key-schedule"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(check, timeout: float, what: str, interval: float = 0.5):
    """Poll `check()` until it returns a true value; bounded by `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = check()
        if value:
            return value
        time.sleep(interval)
    raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")


def clean_env(**extra: str) -> dict[str, str]:
    """This process's environment without the Prefect settings of the in-process test harness."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    env.update({"PREFECT_SERVER_ANALYTICS_ENABLED": "false", "DO_NOT_TRACK": "1", "PYTHONPATH": str(REPO)}, **extra)
    return env


def stop(process: subprocess.Popen, log) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)
    log.close()


def test_a_real_prefect_server_serves_the_weekly_refresh_and_runs_it(tmp_path):
    from mbc_sr.store import open_store
    from tests.support.ncbi_standin import Corpus, NCBIStandin

    corpus = Corpus.from_files([shared_path("pubmed/pubmed21n1298_mtor_breast_plus_random300.xml.gz")])
    config = tmp_path / "review.toml"
    config.write_text(
        f'[outputs]\ndir = "{tmp_path / "outputs"}"\n\n[eutils]\nbackoff_base = 0.05\n\n'
        f'[[searches]]\nname = "broad"\nquery = "{QUERY}"\n',
        encoding="utf-8",
    )
    database = tmp_path / "review.sqlite"
    port = free_port()
    api = f"http://127.0.0.1:{port}/api"
    processes = []
    with NCBIStandin(corpus, today=date(2021, 6, 7), api_keys={API_KEY}) as ncbi:
        try:
            server_log = open(tmp_path / "prefect-server.log", "wb")
            server = subprocess.Popen(
                [sys.executable, "-m", "prefect", "server", "start", "--host", "127.0.0.1", "--port", str(port), "--no-ui"],
                env=clean_env(PREFECT_HOME=str(tmp_path / "server-home")),
                stdout=server_log, stderr=subprocess.STDOUT, cwd=tmp_path,
            )  # fmt: skip
            processes.append((server, server_log))
            wait_for(lambda: _healthy(api), 180, "the Prefect server to answer /api/health")

            serve_log = open(tmp_path / "serve.log", "wb")
            serve = subprocess.Popen(
                [sys.executable, "-c",
                 "from flows.refresh import serve_pubmed_refresh;"
                 f"serve_pubmed_refresh({CRON!r}, database_url={str(database)!r}, config_path={str(config)!r},"
                 " through='2021-06-07')"],
                env=clean_env(
                    PREFECT_HOME=str(tmp_path / "client-home"), PREFECT_API_URL=api, PREFECT_RUNNER_POLL_FREQUENCY="1",
                    NCBI_EUTILS_BASE_URL=ncbi.base_url, NCBI_API_KEY=API_KEY,
                ),
                stdout=serve_log, stderr=subprocess.STDOUT, cwd=REPO,
            )  # fmt: skip
            processes.append((serve, serve_log))

            deployment = wait_for(lambda: _deployment(api, "weekly-pubmed-refresh"), 120, "the deployment to register")
            (schedule,) = deployment["schedules"]
            assert schedule["schedule"]["cron"] == CRON and schedule["active"]

            # The server answers 503 while its SQLite database is busy (it says so: try again);
            # anything else is a failure.
            run_id = wait_for(lambda: _create_flow_run(api, deployment["id"]), 60, "the server to accept a flow run")
            state = wait_for(lambda: _final_state(api, run_id), 240, "the triggered flow run to finish", interval=1.0)
            assert state == "COMPLETED", (tmp_path / "serve.log").read_text(errors="replace")[-3000:]
        finally:
            for process, log in reversed(processes):
                stop(process, log)

        assert ncbi.violations == [] and ncbi.requests_to("efetch")
    store = open_store(database)
    try:
        (run,) = store.runs(kind="search")
        assert run.status == "completed" and run.params["search"] == "broad"
        assert run.counts["new_records"] == 562
    finally:
        store.close()


def _healthy(api: str) -> bool:
    try:
        return requests.get(f"{api}/health", timeout=2).status_code == 200
    except requests.RequestException:
        return False


def _deployment(api: str, name: str) -> dict | None:
    try:
        found = requests.post(f"{api}/deployments/filter", json={"deployments": {"name": {"any_": [name]}}}, timeout=5)
    except requests.RequestException:
        return None
    return found.json()[0] if found.ok and found.json() else None


def _create_flow_run(api: str, deployment_id: str) -> str | None:
    created = requests.post(f"{api}/deployments/{deployment_id}/create_flow_run", json={}, timeout=10)
    if created.status_code == 503:
        return None
    created.raise_for_status()
    return created.json()["id"]


def _final_state(api: str, run_id: str) -> str | None:
    answer = requests.get(f"{api}/flow_runs/{run_id}", timeout=5)
    if answer.status_code == 503:  # busy, as above
        return None
    answer.raise_for_status()
    state = answer.json()["state"]["type"]
    return state if state in ("COMPLETED", "FAILED", "CRASHED", "CANCELLED") else None

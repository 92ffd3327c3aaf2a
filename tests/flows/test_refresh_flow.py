"""The refresh flow runs the ingest stage as coarse tasks, offline, and reports the store's counts."""

from __future__ import annotations

import sys

import pytest

from tests.conftest import SHARED_PUBMED

pytestmark = pytest.mark.flow


def test_refresh_flow_ingests_files_in_order_and_reports_counts(prefect_harness, tmp_path, monkeypatch):
    from flows.refresh import refresh_flow

    monkeypatch.setenv("MBC_SR_OUTPUTS", str(tmp_path / "outputs"))  # the screening queue lands there
    from mbc_sr.store import open_store

    database = tmp_path / "flow.sqlite"
    files = [str(SHARED_PUBMED / "real_quirks_subset.xml"), str(SHARED_PUBMED / "pubmed21n1298_mtor_and_breast_8.xml")]

    result = refresh_flow(files, database_url=str(database))

    statuses = [report["status"] for report in result["ingested"]]
    assert statuses == ["ingested", "ingested"]
    store = open_store(str(database))
    try:
        assert store.get_record("pmid:30271887").pmid_version == 4
        assert store.get_record("pmid:33964572") is not None  # alpelisib + everolimus, phase Ib
    finally:
        store.close()
    assert any("records" in line for line in result["stats"])

    again = refresh_flow(files, database_url=str(database))
    assert [report["status"] for report in again["ingested"]] == ["unchanged", "unchanged"]


def test_core_package_never_imports_prefect():
    """The CLI and every core module stay Prefect-free (a Prefect import costs ~1 s)."""
    import subprocess

    code = (
        "import sys, mbc_sr.cli, mbc_sr.pipeline, mbc_sr.store, mbc_sr.pubmed_xml, mbc_sr.records;"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'prefect'))"
    )
    output = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert output.stdout.strip() == "[]"

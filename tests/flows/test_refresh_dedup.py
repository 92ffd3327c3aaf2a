"""The refresh flow deduplicates after ingest (update-aware), and the dedup stage stays Prefect-free."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import SHARED_PUBMED


@pytest.mark.flow
def test_refresh_flow_deduplicates_after_ingest(prefect_harness, tmp_path, monkeypatch):
    from flows.refresh import refresh_flow

    monkeypatch.setenv("MBC_SR_OUTPUTS", str(tmp_path / "outputs"))
    database = tmp_path / "flow.sqlite"
    first = refresh_flow([str(SHARED_PUBMED / "pubmed21n1298_mtor_and_breast_8.xml")], database_url=str(database))
    assert first["dedup"]["records"] == first["dedup"]["new_records"] == 8
    second = refresh_flow(
        [str(SHARED_PUBMED / "pubmed21n1298_mtor_and_breast_8.xml"), str(SHARED_PUBMED / "real_quirks_subset.xml")],
        database_url=str(database),
    )
    assert second["dedup"]["new_records"] == second["dedup"]["records"] - 8  # only the new file's records


def test_dedup_stage_never_imports_prefect():
    code = (
        "import sys, mbc_sr.dedup, mbc_sr.dedup.store_io, mbc_sr.cli.dedup, mbc_sr.store.dedup, mbc_sr.report.ris;"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'prefect'))"
    )
    output = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert output.stdout.strip() == "[]"

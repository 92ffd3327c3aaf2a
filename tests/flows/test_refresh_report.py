"""The refresh flow ends by writing the PRISMA counts, diagram and exports to outputs/run-<id>/."""

from __future__ import annotations

import json

import pytest

from tests.conftest import SHARED_PUBMED

pytestmark = pytest.mark.flow


def test_refresh_flow_writes_the_prisma_report(prefect_harness, tmp_path, monkeypatch):
    from flows.refresh import refresh_flow

    monkeypatch.setenv("MBC_SR_OUTPUTS", str(tmp_path / "outputs"))
    result = refresh_flow([str(SHARED_PUBMED / "pubmed21n1298_mtor_and_breast_8.xml")], database_url=str(tmp_path / "flow.sqlite"))
    report = result["report"]
    folder = tmp_path / "outputs" / "run-1"
    assert report["folder"] == str(folder)
    counts = json.loads((folder / "prisma-counts.json").read_text())
    # 8 records from one source, none auto-excluded, all awaiting a person
    assert counts["databases"] == {"PubMed (local files)": 8} and counts["awaiting_screening"] == 8
    for name in ("prisma-diagram.svg", "prisma-diagram.png", "PRISMA2020.csv", "records.ris", "asreview.csv", "search-methods.md"):
        assert (folder / name).stat().st_size > 0

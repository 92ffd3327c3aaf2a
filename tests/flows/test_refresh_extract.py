"""The refresh flow writes the evidence base (included + likely-include studies) with its diff."""

from __future__ import annotations

import json

import pytest

from tests.conftest import SHARED_PUBMED

pytestmark = pytest.mark.flow


def test_refresh_flow_writes_the_evidence_base_and_an_empty_diff_when_nothing_changed(prefect_harness, tmp_path, monkeypatch):
    from flows.refresh import refresh_flow

    outputs = tmp_path / "outputs"
    monkeypatch.setenv("MBC_SR_OUTPUTS", str(outputs))
    database = tmp_path / "flow.sqlite"
    source = str(SHARED_PUBMED / "pubmed21n1298_mtor_and_breast_8.xml")
    evidence = refresh_flow([source], database_url=str(database))["evidence"]
    folder = outputs / "evidence"
    assert {p.rsplit("/", 1)[-1] for p in evidence["files"]} == {
        "evidence_base.csv", "evidence_base_changes.csv", "evidence_base.xlsx", "evidence_base.json"}
    snapshot = json.loads((folder / "evidence_base.json").read_text(encoding="utf-8"))
    assert evidence["studies"] == len(snapshot["studies"])
    assert set(evidence["by_status"]) <= {"provisional"}  # rules only: nothing is human-confirmed yet
    assert evidence["changes"] == evidence["studies"]  # the first version: every study is new
    again = refresh_flow([source], database_url=str(database))["evidence"]
    assert again["studies"] == evidence["studies"] and again["changes"] == 0

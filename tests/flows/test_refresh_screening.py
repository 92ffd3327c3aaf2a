"""The refresh flow screens new records with the rules and writes the human queue to outputs/."""

from __future__ import annotations

import csv

import pytest

from tests.conftest import SHARED_PUBMED

pytestmark = pytest.mark.flow


def test_refresh_flow_screens_new_records_and_writes_the_queue(prefect_harness, tmp_path, monkeypatch):
    from flows.refresh import refresh_flow

    monkeypatch.setenv("MBC_SR_OUTPUTS", str(tmp_path / "outputs"))
    database = tmp_path / "flow.sqlite"
    result = refresh_flow([str(SHARED_PUBMED / "pubmed21n1298_mtor_and_breast_8.xml")], database_url=str(database))
    screening = result["screening"]
    assert screening["screened"] == 8 and screening["waiting"] == 8  # none of the eight is auto-excluded
    with open(screening["queue"], encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.DictReader(stream))
    assert "pmid:33964572" in {row["record_id"] for row in rows}
    again = refresh_flow([str(SHARED_PUBMED / "pubmed21n1298_mtor_and_breast_8.xml")], database_url=str(database))
    assert again["screening"]["screened"] == 0  # nothing new to screen

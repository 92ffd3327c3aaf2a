"""The extraction stage over a store: screening status, dedup survivors, study links, refresh flags."""

from __future__ import annotations

import json
from datetime import datetime, timezone

import pytest
from sqlalchemy import insert

from mbc_sr.extract.table import INCLUDED, PROVISIONAL
from mbc_sr.pipeline_extract import inclusion_status, review_records, stored_flags, update_evidence_base
from mbc_sr.store import open_store, schema
from tests.report.conftest import decide, refresh_one, refresh_two


@pytest.fixture()
def review_store(tmp_path):
    """The report tests' hand-built review (see tests/report/conftest.py), plus a rules
    likely-include for pmid:10 and an erratum flag on pmid:8 from an E-utilities refresh."""
    store = open_store(tmp_path / "review.sqlite")
    refresh_one(store)
    refresh_two(store)
    decide(store, "ta", [("pmid:10", "likely_include", "mTOR inhibitor and breast cancer trial")], rules=True)
    with store.engine.begin() as connection:
        run_id = store.runs()[-1].id
        connection.execute(insert(schema.record_flags).values(
            record_key="pmid:8", flag="erratum_in", detail="999", first_seen=False, run_id=run_id,
            flagged_at=datetime.now(timezone.utc)))
    yield store
    store.close()


def test_inclusion_status_from_the_decision_log(review_store):
    status = inclusion_status(review_store)
    assert status["pmid:1"] == INCLUDED and status["pmid:8"] == INCLUDED  # included at full text
    assert status["pmid:10"] == PROVISIONAL  # rules: likely include, no person yet
    assert status["pmid:2"] == "excluded" and status["pmid:11"] == "excluded" and status["pmid:5"] == "excluded"
    assert status["pmid:3"] == "excluded"  # excluded by automation
    keys = [r.key for r in review_records(review_store, status)]
    assert keys == ["pmid:1", "pmid:10", "pmid:8"]  # survivors only; merged pmid:6/pmid:7 and excluded records left out
    assert stored_flags(review_store) == {"pmid:8": {"erratum_in"}}


def test_update_evidence_base_writes_one_row_per_study_and_diffs(review_store, tmp_path):
    out = tmp_path / "evidence"
    report = update_evidence_base(review_store, out)
    assert report.records == 3 and report.screened and report.linked_studies == 1
    assert report.update.by_status == {INCLUDED: 1, PROVISIONAL: 1}
    snapshot = json.loads((out / "evidence_base.json").read_text(encoding="utf-8"))
    linked = snapshot["studies"]["NCT01234567"]
    assert linked["reports"] == ["pmid:1", "pmid:8"] and linked["status"] == INCLUDED and linked["flags"] == ["corrected"]
    assert snapshot["studies"]["record:pmid:10"]["status"] == PROVISIONAL
    assert [c.change for c in report.update.changes].count("new study") == 2
    # a person now includes pmid:10: the next update reports the status change only
    decide(review_store, "ta", [("pmid:10", "include", None)])
    again = update_evidence_base(review_store, out)
    assert [(c.change, c.study_id, c.old, c.new) for c in again.update.changes] == [
        ("status", "record:pmid:10", PROVISIONAL, INCLUDED)]
    assert any("evidence base: 2 studies" in line for line in again.lines())


def test_a_store_never_screened_gives_an_empty_table_unless_asked(tmp_path):
    from tests.report.conftest import ingest, record

    store = open_store(tmp_path / "fresh.sqlite")
    try:
        ingest(store, "PubMed", [record("pubmed", "1", "Everolimus trial report 1")])
        report = update_evidence_base(store, tmp_path / "e1")
        assert report.records == 0 and not report.screened
        assert any("no screening decisions" in line for line in report.lines())
        asked = update_evidence_base(store, tmp_path / "e2", include_unscreened=True)
        assert asked.records == 1 and asked.update.by_status == {"unscreened": 1}
    finally:
        store.close()

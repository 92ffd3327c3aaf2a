"""Runs: provenance of every change, and the unit a rerun skips or resumes."""

from __future__ import annotations

import pytest

from mbc_sr.pubmed_xml import ParsedRecord
from mbc_sr.records import Deletion, Record
from mbc_sr.store import StoreError

SOURCE = "PubMed (local files)"


def record(pmid: str) -> ParsedRecord:
    return ParsedRecord(Record("pubmed", pmid, pmid=pmid, pmid_version=1, title=f"t{pmid}"), f"{int(pmid):064d}")


def test_sources_are_created_once_by_name(store):
    first = store.ensure_source(SOURCE, "database")
    assert store.ensure_source(SOURCE, "database") == first
    assert store.ensure_source("ClinicalTrials.gov", "register") != first
    with pytest.raises(ValueError, match="kind"):
        store.ensure_source("Somewhere", "website")


def test_a_run_needs_a_known_source(store):
    with pytest.raises(StoreError, match="unknown source"):
        store.begin_run("Nowhere", "ingest", {})


def test_a_new_run_is_running_with_its_parameters(store):
    store.ensure_source(SOURCE)
    start = store.begin_run(SOURCE, "ingest", {"path": "a.xml", "batch_size": 10}, input_sha256="a" * 64)
    assert (start.state, start.items_applied) == ("new", 0)
    run = store.run(start.run_id)
    assert (run.status, run.source, run.kind, run.input_sha256) == ("running", SOURCE, "ingest", "a" * 64)
    assert run.params == {"path": "a.xml", "batch_size": 10}
    assert run.finished_at is None


def test_an_input_ingested_completely_before_is_reported_so_the_caller_can_skip_it(store):
    store.ensure_source(SOURCE)
    first = store.begin_run(SOURCE, "ingest", {}, input_sha256="a" * 64)
    store.apply_batch(first.run_id, [record("1"), record("2")])
    store.finish_run(first.run_id, {"extra": 1})
    again = store.begin_run(SOURCE, "ingest", {}, input_sha256="a" * 64)
    assert again.state == "completed"
    assert again.run_id == first.run_id
    assert again.counts["records"] == 2 and again.counts["extra"] == 1
    assert [run.id for run in store.runs()] == [first.run_id]


@pytest.mark.parametrize("how_it_ended", ["failed", "killed"])
def test_an_incomplete_run_for_the_same_input_is_resumed(store, how_it_ended):
    store.ensure_source(SOURCE)
    first = store.begin_run(SOURCE, "ingest", {}, input_sha256="a" * 64)
    store.apply_batch(first.run_id, [record("1"), Deletion("5")])
    if how_it_ended == "failed":
        store.fail_run(first.run_id, "network down")
    again = store.begin_run(SOURCE, "ingest", {}, input_sha256="a" * 64)
    assert (again.state, again.run_id, again.items_applied) == ("resumed", first.run_id, 2)
    assert (again.counts["records"], again.counts["deletions"]) == (1, 1)
    run = store.run(first.run_id)
    assert (run.status, run.error, run.finished_at) == ("running", None, None)


def test_another_source_kind_or_input_starts_a_new_run(store):
    store.ensure_source(SOURCE)
    store.ensure_source("Other files")
    first = store.begin_run(SOURCE, "ingest", {}, input_sha256="a" * 64).run_id
    store.finish_run(first)
    assert store.begin_run("Other files", "ingest", {}, input_sha256="a" * 64).state == "new"
    assert store.begin_run(SOURCE, "import", {}, input_sha256="a" * 64).state == "new"
    assert store.begin_run(SOURCE, "ingest", {}, input_sha256="b" * 64).state == "new"
    assert store.begin_run(SOURCE, "search", {}).state == "new"


def test_finishing_a_run_keeps_its_counts_and_manifest(store):
    store.ensure_source(SOURCE)
    run_id = store.begin_run(SOURCE, "ingest", {}).run_id
    store.apply_batch(run_id, [record("1"), record("1")])
    store.apply_batch(run_id, [record("2")])
    store.finish_run(run_id, {"note": "x"}, manifest={"file_name": "a.xml", "sha256": "a" * 64})
    run = store.run(run_id)
    assert run.status == "completed" and run.finished_at >= run.started_at
    assert run.items_applied == 3
    assert run.counts["records"] == 3 and run.counts["new_records"] == 2 and run.counts["note"] == "x"
    assert run.manifest == {"file_name": "a.xml", "sha256": "a" * 64}


def test_a_failed_run_says_why(store):
    store.ensure_source(SOURCE)
    run_id = store.begin_run(SOURCE, "ingest", {}).run_id
    store.fail_run(run_id, "a.xml, line 3: refused")
    run = store.run(run_id)
    assert (run.status, run.error) == ("failed", "a.xml, line 3: refused")
    with pytest.raises(StoreError):
        store.fail_run(run_id + 100, "no such run")


def test_stats_count_records_versions_deletions_hits_and_runs(store):
    store.ensure_source(SOURCE)
    store.ensure_source("ClinicalTrials.gov", "register")
    run_id = store.begin_run(SOURCE, "ingest", {}).run_id
    store.apply_batch(run_id, [record("1"), record("2"), Deletion("2"), Deletion("3")])
    store.finish_run(run_id)
    store.begin_run(SOURCE, "ingest", {})
    stats = store.stats()
    assert (stats.records, stats.deleted, stats.live, stats.versions, stats.deletions) == (2, 1, 1, 2, 2)
    assert stats.hits_by_source == {SOURCE: 2, "ClinicalTrials.gov": 0}
    assert stats.runs_by_status == {"completed": 1, "running": 1}
    assert [run.status for run in store.runs(source=SOURCE)] == ["completed", "running"]
    assert store.runs(kind="search") == []


def test_stats_read_as_lines_for_the_cli(store):
    store.ensure_source(SOURCE)
    run_id = store.begin_run(SOURCE, "ingest", {}).run_id
    store.apply_batch(run_id, [record("1"), Deletion("1")])
    lines = store.stats().lines()
    assert lines[0] == "records: 1 (0 live, 1 deleted by PubMed)"
    assert f"  {SOURCE}: 1" in lines
    assert lines[-1] == "runs: 1 running"


def test_iterating_records_streams_the_live_ones_in_key_order(store):
    store.ensure_source(SOURCE)
    run_id = store.begin_run(SOURCE, "ingest", {}).run_id
    store.apply_batch(run_id, [record("3"), record("1"), record("2"), Deletion("2")])
    assert [r.pmid for r in store.iter_records(batch=1)] == ["1", "3"]
    assert [r.pmid for r in store.iter_records(include_deleted=True)] == ["1", "2", "3"]

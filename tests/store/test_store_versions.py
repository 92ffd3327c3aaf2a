"""The version rules: which delivery of a record is current, and what is kept.

(`mbc_sr.store.apply` states the rules; each test here is one of them.)
"""

from __future__ import annotations

import hashlib

import pytest

from mbc_sr.pubmed_xml import ParsedRecord
from mbc_sr.records import Deletion, Record
from mbc_sr.store import Store, StoreError, schema
from mbc_sr.store import apply as apply_module

SOURCE = "PubMed (test)"


def pubmed(pmid: str, version: int = 1, revised: str = "2021-01-01", *, title: str | None = None) -> ParsedRecord:
    """A PubMed record version; its hash stands for its XML, so it follows its content."""
    record = Record(
        source="pubmed",
        source_record_id=pmid,
        pmid=pmid,
        pmid_version=version,
        date_revised=revised,
        title=title or f"Record {pmid} v{version} revised {revised}",
    )
    digest = hashlib.sha256(repr(record).encode()).hexdigest()
    return ParsedRecord(record, digest)


def new_run(store: Store) -> int:
    store.ensure_source(SOURCE)
    return store.begin_run(SOURCE, "search", {}).run_id


def history(store: Store, key: str) -> list[tuple[int | None, str]]:
    return [(v.pmid_version, v.record.title) for v in store.record_history(key)]


def test_the_first_delivery_of_a_record_stores_it_as_current_and_as_a_version(store):
    run = new_run(store)
    counts = store.apply_batch(run, [pubmed("1")])
    assert (counts.records, counts.new_records, counts.new_versions, counts.unchanged) == (1, 1, 1, 0)
    assert store.get_record("pmid:1").title == "Record 1 v1 revised 2021-01-01"
    state = store.record_state("pmid:1")
    assert (state.first_run_id, state.updated_run_id, state.deleted) == (run, run, False)
    assert history(store, "pmid:1") == [(1, "Record 1 v1 revised 2021-01-01")]


def test_a_newer_version_replaces_the_current_one_and_the_history_keeps_both(store):
    first = new_run(store)
    store.apply_batch(first, [pubmed("1", 1)])
    second = new_run(store)
    counts = store.apply_batch(second, [pubmed("1", 2)])
    assert (counts.new_versions, counts.updated) == (1, 1)
    assert store.get_record("pmid:1").pmid_version == 2
    state = store.record_state("pmid:1")
    assert (state.first_run_id, state.updated_run_id) == (first, second)
    versions = store.record_history("pmid:1")
    assert [(v.pmid_version, v.current, v.run_id) for v in versions] == [(1, False, first), (2, True, second)]


def test_a_later_date_revised_of_the_same_version_is_newer(store):
    run = new_run(store)
    store.apply_batch(run, [pubmed("1", 1, "2020-05-01"), pubmed("1", 1, "2021-06-07")])
    assert store.record_state("pmid:1").date_revised == "2021-06-07"


def test_an_older_version_never_overwrites_a_newer_one_but_is_kept(store):
    run = new_run(store)
    store.apply_batch(run, [pubmed("1", 3)])
    counts = store.apply_batch(new_run(store), [pubmed("1", 2), pubmed("1", 3, "2020-01-01")])
    assert (counts.new_versions, counts.older, counts.updated) == (2, 2, 0)
    assert store.record_state("pmid:1").pmid_version == 3
    assert store.record_state("pmid:1").updated_run_id == run
    assert [v.pmid_version for v in store.record_history("pmid:1")] == [2, 3, 3]


def test_a_revised_delivery_of_the_same_version_replaces_the_current_one(store):
    """PubMed update files re-deliver corrected records under the same version and DateRevised."""
    store.apply_batch(new_run(store), [pubmed("1", 1, title="Original title")])
    corrected = pubmed("1", 1, title="Corrected title")
    counts = store.apply_batch(new_run(store), [corrected])
    assert (counts.new_versions, counts.updated) == (1, 1)
    assert store.get_record("pmid:1").title == "Corrected title"
    assert store.record_state("pmid:1").xml_sha256 == corrected.xml_sha256
    assert len(store.record_history("pmid:1")) == 2


def test_the_same_version_delivered_again_changes_nothing(store, dump_tables):
    store.apply_batch(new_run(store), [pubmed("1", 1), pubmed("2", 1)])
    before = dump_tables(store, [schema.records, schema.record_versions])
    counts = store.apply_batch(new_run(store), [pubmed("2", 1), pubmed("1", 1)])
    assert (counts.records, counts.unchanged, counts.new_versions, counts.updated) == (2, 2, 0, 0)
    assert dump_tables(store, [schema.records, schema.record_versions]) == before


def test_versions_within_one_batch_are_applied_in_document_order(store):
    run = new_run(store)
    counts = store.apply_batch(run, [pubmed("7", 1), pubmed("7", 2), pubmed("7", 3), pubmed("7", 4)])
    assert (counts.new_records, counts.new_versions, counts.updated) == (1, 4, 3)
    assert store.record_state("pmid:7").pmid_version == 4
    assert [v.pmid_version for v in store.record_history("pmid:7")] == [1, 2, 3, 4]


def test_versions_out_of_order_still_leave_the_newest_current(store):
    store.apply_batch(new_run(store), [pubmed("7", 4), pubmed("7", 1), pubmed("7", 3), pubmed("7", 2)])
    assert store.record_state("pmid:7").pmid_version == 4
    assert len(store.record_history("pmid:7")) == 4


def test_a_deletion_marks_the_record_deleted_and_keeps_every_row(store):
    store.apply_batch(new_run(store), [pubmed("1", 1), pubmed("1", 2)])
    deleting = new_run(store)
    counts = store.apply_batch(deleting, [Deletion("1", 1)])
    assert (counts.deletions, counts.marked_deleted) == (1, 1)
    state = store.record_state("pmid:1")
    assert (state.deleted, state.deleted_run_id, state.pmid_version) == (True, deleting, 2)
    assert store.get_record("pmid:1") is not None
    assert len(store.record_history("pmid:1")) == 2
    stats = store.stats()
    assert (stats.records, stats.deleted, stats.live, stats.deletions) == (1, 1, 0, 1)


def test_a_deletion_of_a_pmid_never_stored_is_still_recorded(store, dump_tables):
    run = new_run(store)
    counts = store.apply_batch(run, [Deletion("999", 1)])
    assert (counts.deletions, counts.marked_deleted) == (1, 0)
    assert store.get_record("pmid:999") is None
    assert dump_tables(store, [schema.deletions], with_timestamps=False)["deletions"] == [("999", run, 1)]


def test_a_newer_record_after_a_deletion_undeletes_it(store):
    store.apply_batch(new_run(store), [pubmed("1", 1), Deletion("1", 1)])
    assert store.record_state("pmid:1").deleted
    store.apply_batch(new_run(store), [pubmed("1", 2)])
    state = store.record_state("pmid:1")
    assert (state.deleted, state.deleted_run_id, state.pmid_version) == (False, None, 2)


def test_the_deleted_version_delivered_again_does_not_undelete_it(store):
    """A re-delivery of the very bytes that were deleted says nothing new: last *change* wins."""
    run = new_run(store)
    store.apply_batch(run, [pubmed("1", 1), Deletion("1", 1)])
    store.apply_batch(new_run(store), [pubmed("1", 1)])
    state = store.record_state("pmid:1")
    assert (state.deleted, state.deleted_run_id) == (True, run)


def test_within_a_batch_the_last_event_wins(store):
    store.apply_batch(new_run(store), [pubmed("1", 1), Deletion("1", 1), pubmed("1", 2)])
    assert not store.record_state("pmid:1").deleted
    store.apply_batch(new_run(store), [pubmed("2", 1), pubmed("2", 2), Deletion("2", 2)])
    assert store.record_state("pmid:2").deleted


def test_records_without_a_pmid_version_are_versioned_by_their_hash(store):
    def ris(title: str) -> ParsedRecord:
        record = Record(source="ris", source_record_id="A-1", title=title)
        return ParsedRecord(record, hashlib.sha256(title.encode()).hexdigest())

    store.apply_batch(new_run(store), [ris("first"), ris("first")])
    store.apply_batch(new_run(store), [ris("second"), ris("first")])
    assert store.get_record("ris:A-1").title == "first"  # same rank: the later delivery wins
    assert len(store.record_history("ris:A-1")) == 2


def test_every_run_that_finds_a_record_is_a_hit_once(store, dump_tables):
    first, second = new_run(store), new_run(store)
    store.apply_batch(first, [pubmed("1"), pubmed("1"), pubmed("2")])
    store.apply_batch(first, [pubmed("1")])
    store.apply_batch(second, [pubmed("2")])
    hits = dump_tables(store, [schema.record_hits])["record_hits"]
    assert [(run, key) for run, key, _source in hits] == [(first, "pmid:1"), (first, "pmid:2"), (second, "pmid:2")]
    assert store.stats().hits_by_source == {SOURCE: 2}


def test_a_batch_is_stored_whole_or_not_at_all(store, dump_tables, monkeypatch):
    run = new_run(store)
    store.apply_batch(run, [pubmed("1")])
    before = dump_tables(store)
    real_insert = apply_module.dialect_insert

    def failing_insert(connection, table):
        if table is schema.record_hits:  # written after records and versions
            raise OSError("disk full")
        return real_insert(connection, table)

    monkeypatch.setattr(apply_module, "dialect_insert", failing_insert)
    with pytest.raises(OSError, match="disk full"):
        store.apply_batch(run, [pubmed("1", 2), pubmed("3"), Deletion("1")])
    assert dump_tables(store) == before


def test_records_cannot_be_added_to_a_finished_run(store):
    run = new_run(store)
    store.finish_run(run, {})
    with pytest.raises(StoreError, match="completed"):
        store.apply_batch(run, [pubmed("1")])
    assert store.get_record("pmid:1") is None

"""The store-facing stage: update-aware runs, survivors, PRISMA duplicates, review queue, study links.

Runs on SQLite and PostgreSQL (the store fixtures of tests/store).
"""

from __future__ import annotations

import dataclasses

import pytest

from mbc_sr.dedup.store_io import deduplicate_store, duplicate_counts_by_source
from mbc_sr.pipeline import ingest_pubmed_files
from mbc_sr.records import record_from_dict
from mbc_sr.store import RecordRow
from mbc_sr.store import dedup as dedup_store
from tests.conftest import shared_path
from tests.store.conftest import make_store, make_store_url, postgres_url, backend  # noqa: F401

SLICE = "pubmed/pubmed21n1298_mtor_breast_plus_random300.xml.gz"
PMID = "33964572"  # alpelisib + everolimus ± exemestane, phase Ib (in the slice)


@pytest.fixture
def slice_store(make_store):  # noqa: F811
    store = make_store()
    ingest_pubmed_files(store, [shared_path(SLICE)], source="PubMed (local files)")
    return store


def embase_copy(record, rid: str, **changes):
    """The record as another database would export it: its own id, no PMID, other spellings."""
    copy = dataclasses.replace(
        record, source="embase", source_record_id=rid, pmid=None, pmid_version=None, pmcid=None,
        title=record.title.upper().rstrip("."), mesh_headings=(), history=(), article_ids=(), **changes,
    )  # fmt: skip
    return record_from_dict(copy.to_dict())


def import_records(store, source: str, records) -> int:
    store.ensure_source(source, "database")
    run = store.begin_run(source, "import", {"test": True})
    store.apply_batch(run.run_id, [RecordRow.from_record(r, f"sha-{r.key}") for r in records])
    store.finish_run(run.run_id)
    return run.run_id


def test_first_run_then_idempotent(slice_store):
    first = deduplicate_store(slice_store)
    assert first.records == first.new_records == 880
    second = deduplicate_store(slice_store)
    assert second.new_records == 0 and second.merged == 0 and second.review == 0
    assert len(dedup_store.cluster_assignments(slice_store)) == 880
    assert dedup_store.survivor_map(slice_store) == {}


def test_new_duplicate_joins_the_stored_survivor_and_counts_as_a_duplicate_of_its_source(slice_store):
    deduplicate_store(slice_store)
    original = slice_store.get_record(f"pmid:{PMID}")
    import_records(slice_store, "Embase", [embase_copy(original, "em-1")])
    report = deduplicate_store(slice_store)
    assert report.new_records == 1 and report.new_duplicates == 1
    assert dedup_store.survivor_map(slice_store) == {"embase:em-1": f"pmid:{PMID}"}
    merges = dedup_store.merges(slice_store)
    assert [(m["left"], m["right"]) for m in merges] == [(f"pmid:{PMID}", "embase:em-1")]
    assert merges[0]["rule"] and merges[0]["scores"]["title"] >= 95
    counts = {c.source: (c.records, c.duplicates) for c in duplicate_counts_by_source(slice_store)}
    assert counts == {"PubMed (local files)": (880, 0), "Embase": (1, 1)}


def test_stored_survivor_stays_when_a_preferred_pubmed_copy_arrives_later(make_store):  # noqa: F811
    store = make_store()
    records = [item for item in __import__("mbc_sr.dedup.io", fromlist=["read_records"]).read_records(shared_path(SLICE))]
    pubmed = next(r for r in records if r.pmid == PMID)
    import_records(store, "Embase", [embase_copy(pubmed, "em-1", doi=pubmed.doi)])
    deduplicate_store(store)
    ingest_pubmed_files(store, [shared_path(SLICE)], source="PubMed (local files)")
    report = deduplicate_store(store)
    assert report.new_duplicates == 1
    # the Embase record was deduplicated (and could have been screened) first: it survives
    assert dedup_store.survivor_map(store) == {f"pmid:{PMID}": "embase:em-1"}
    counts = {c.source: (c.records, c.duplicates) for c in duplicate_counts_by_source(store)}
    assert counts == {"Embase": (1, 0), "PubMed (local files)": (880, 1)}


def test_screening_decisions_stay_with_the_survivor(slice_store):
    from mbc_sr.pipeline_screen import current_decision
    from mbc_sr.screen.decisions import Decision
    from mbc_sr.store import decisions as log

    deduplicate_store(slice_store)
    key = f"pmid:{PMID}"
    log.append_decisions(
        slice_store, log.Batch("sheet", "anna", "ta", "v1"),
        [Decision(record_key=key, stage="ta", reviewer="anna", role="reviewer", decision="include", criteria_version="v1")],
    )  # fmt: skip
    import_records(slice_store, "Embase", [embase_copy(slice_store.get_record(key), "em-1")])
    deduplicate_store(slice_store)
    assert log.survivor_key(slice_store, "embase:em-1") == key
    decided = current_decision(slice_store, "embase:em-1", "ta")
    assert decided.record_key == key and decided.status == "included"


def test_new_record_bridging_two_stored_records_goes_to_review(make_store):  # noqa: F811
    from tests.dedup.conftest import make_record

    store = make_store()
    title = "Everolimus plus exemestane in postmenopausal women with advanced breast cancer"
    a = make_record("a", title, pages="520-529")
    b = make_record("b", title + " a randomised trial", pages=None, volume=None, doi="10.1000/b")
    import_records(store, "Embase", [a])
    import_records(store, "CENTRAL", [b])
    deduplicate_store(store)
    assert dedup_store.survivor_map(store) == {}  # a and b were kept apart
    bridge = make_record("c", title, pages="520-529", doi="10.1000/b")
    import_records(store, "Scopus", [bridge])
    deduplicate_store(store)
    survivors = set(dedup_store.cluster_assignments(store).values())
    assert {"embase:a", "embase:b"} <= survivors  # never merged by the machine
    assert any("joins records kept apart" in i.reason or "kept apart" in i.reason for i in dedup_store.review_items(store))


def test_review_answers_are_obeyed(make_store):  # noqa: F811
    from tests.dedup.conftest import make_record

    store = make_store()
    title = "Everolimus in postmenopausal hormone-receptor-positive advanced breast cancer"
    import_records(store, "Embase", [make_record("a", title, source="embase", pmid=None, doi="10.1000/a")])
    import_records(store, "CENTRAL", [make_record("b", title, source="central", doi="10.1000/b")])
    report = deduplicate_store(store)
    assert report.review == 1  # different DOIs: a person decides
    (item,) = dedup_store.review_items(store)
    assert "different DOIs" in item.reason
    assert dedup_store.record_review_answers(store, [(item.id, "duplicate", "anna", "same article, DOI typo")]) == 1
    deduplicate_store(store)
    assert dedup_store.survivor_map(store) in ({"central:b": "embase:a"}, {"embase:a": "central:b"})
    assert dedup_store.review_items(store) == []
    with pytest.raises(Exception, match="no review item 999"):
        dedup_store.record_review_answers(store, [(999, "duplicate", None, None)])


def test_study_links_are_stored(slice_store):
    deduplicate_store(slice_store)
    assert dedup_store.study_groups(slice_store) == [("pmid:33895695", ["pmid:33895695", "pmid:33984675"], ["nct:NCT03275311"])]


def test_a_survivor_deleted_by_pubmed_hands_over_to_a_live_member(slice_store):
    from sqlalchemy import update

    from mbc_sr.store import schema
    from mbc_sr.store.engine import write_transaction

    deduplicate_store(slice_store)
    key = f"pmid:{PMID}"
    import_records(slice_store, "Embase", [embase_copy(slice_store.get_record(key), "em-1")])
    deduplicate_store(slice_store)
    assert dedup_store.survivor_map(slice_store) == {"embase:em-1": key}
    with write_transaction(slice_store.engine) as connection:
        connection.execute(update(schema.records).where(schema.records.c.record_key == key).values(deleted=True))
    deduplicate_store(slice_store)
    assert dedup_store.cluster_assignments(slice_store)["embase:em-1"] == "embase:em-1"
    # the deleted record keeps its own row (it is out of every later run); what happens to
    # decisions made on it is screening's call
    assert dedup_store.survivor_map(slice_store) == {}

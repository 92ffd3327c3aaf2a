"""Refreshing a saved search against the stand-in: robust under faults, incremental, flagged,
cheap when nothing changed, and leaking no API key."""

from __future__ import annotations

import gzip
import json
import logging
import re
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from mbc_sr.sources.eutils.errors import QueryError, RetryBudgetExhausted
from mbc_sr.sources.eutils.refresh import refresh
from mbc_sr.store import schema
from mbc_sr.store.searches import stored_flags
from tests.sources.eutils.conftest import API_KEY, BROAD_QUERY, saved
from tests.support.ncbi_standin import Fault, FaultSchedule
from tests.support.standin_query import evaluate

T1, T2 = date(2021, 6, 4), date(2021, 6, 7)


def matching(server, query: str = BROAD_QUERY) -> set[str]:
    visible = server.visible()
    return {p for p in evaluate(query, server.corpus.index()).pmids if p in visible}


def records_of(store) -> list[tuple]:
    r = schema.records.c
    with store.engine.connect() as connection:
        return sorted(connection.execute(select(r.record_key, r.pmid_version, r.xml_sha256, r.content, r.deleted)).all())


def versions_of(store) -> list[tuple]:
    v = schema.record_versions.c
    with store.engine.connect() as connection:
        return sorted(connection.execute(select(v.record_key, v.xml_sha256, v.content)).all())


# --------------------------------------------------------------------------- faults


def test_a_refresh_under_heavy_faults_ends_with_exactly_the_records_of_a_clean_run(
    slice_corpus, standin, fast_settings, make_store
):
    """429 bursts (with and without Retry-After), 500/502/503, responses slower than the read
    timeout, bodies cut short (XML not closed, and fewer bytes than Content-Length), HTML error
    pages with 200, backend `<ERROR>`s, connection resets, and batches missing records."""
    clean_server = standin(slice_corpus, today=T2)
    clean_store = make_store("clean")
    clean = refresh(clean_store, fast_settings(clean_server, batch_size=20), saved(), through=T2)

    faults = FaultSchedule.heavy(slow_delay=1.6, rounds=2)
    heavy_server = standin(slice_corpus, today=T2, faults=faults)
    heavy_store = make_store("heavy")
    settings = fast_settings(heavy_server, batch_size=20, read_timeout=1.0, archive_dir=Path(clean_store.url.database + ".archive"))
    heavy = refresh(heavy_store, settings, saved(), through=T2)

    assert faults.pending == 0  # the whole schedule was served
    assert {kind for _, kind in faults.applied} == {
        "429", "500", "502", "503", "slow", "truncate", "short_read", "html", "backend_error", "reset", "drop_records",
    }  # fmt: skip
    assert heavy.requests > clean.requests + 20  # every fault cost a retry
    assert records_of(heavy_store) == records_of(clean_store)
    assert versions_of(heavy_store) == versions_of(clean_store)
    assert heavy.fetched == clean.fetched == len(matching(clean_server)) and heavy.missing == []
    assert clean_server.violations == [] and heavy_server.violations == []
    assert heavy_store.run(heavy.run_id).status == "completed"


# --------------------------------------------------------------------------- incremental


def retracted_version(xml: bytes) -> bytes:
    """The record as PubMed shows it after a retraction: a RetractionIn link, the type
    "Retracted Publication", DateRevised 2021-06-07 (the link's target PMID is made up)."""
    link = (
        b'<CommentsCorrections RefType="RetractionIn"><RefSource>Retraction notice. 2021 Jun.</RefSource>'
        b'<PMID Version="1">99999999</PMID></CommentsCorrections>'
    )
    if b"<CommentsCorrectionsList>" in xml:
        xml = xml.replace(b"<CommentsCorrectionsList>", b"<CommentsCorrectionsList>" + link, 1)
    else:
        xml = xml.replace(b"</MedlineCitation>", b"<CommentsCorrectionsList>" + link + b"</CommentsCorrectionsList></MedlineCitation>", 1)
    xml = xml.replace(
        b"</PublicationTypeList>", b'<PublicationType UI="D016441">Retracted Publication</PublicationType></PublicationTypeList>', 1
    )
    return re.sub(rb"<DateRevised>.*?</DateRevised>", b"<DateRevised><Year>2021</Year><Month>06</Month><Day>07</Day></DateRevised>", xml, count=1, flags=re.S)


def test_incremental_refresh_fetches_only_new_pmids_and_records_modified_since(corpus, standin, fast_settings, make_store):
    server = standin(corpus, today=T1)
    settings = fast_settings(server)
    store = make_store()
    first = refresh(store, settings, saved(), through=T1)
    known = matching(server)
    assert first.fetched == first.new_records == len(known)
    assert {s.ids[0] for s in server.requests_to("efetch")} <= known

    # PubMed moves on to T2: new records appear, and an old record is retracted on T2
    target = min((p for p in known if corpus.records[p].crdt < T1 - timedelta(days=14)), key=int)
    corpus.revise(target, retracted_version(corpus.records[target].xml), modified=T2)
    server.today = T2
    server.reset_log()
    second = refresh(store, settings, saved(), through=T2)

    new = matching(server) - known
    modified = {p for p in known if T1 < corpus.records[p].mdat(T2) <= T2}
    fetched = server.fetched_ids()
    assert new and target in modified
    manifest = store.run(second.run_id).manifest
    assert set(manifest["fetch"]["new"]["pmids"]) == new  # the Create Date window, less what the store holds
    assert set(manifest["mdat_recheck"]["rechecked"]["pmids"]) == modified
    assert sorted(fetched, key=int) == sorted(new | modified, key=int)  # nothing else, nothing twice
    assert second.new_records == len(new)
    assert manifest["window"] == {"datetype": "crdt", "start": str(T1 - timedelta(days=7)), "end": str(T2)}
    assert manifest["mdat_recheck"]["window"] == {"datetype": "mdat", "start": str(T1 + timedelta(days=1)), "end": str(T2)}

    # the retracted record: a new version stored, flagged for the team
    history = store.record_history(f"pmid:{target}")
    assert len(history) == 2 and history[-1].current
    assert any(link.ref_type == "RetractionIn" for link in history[-1].record.comments_corrections)
    flags = {(f.flag, f.detail, f.first_seen) for f in stored_flags(store, run_id=second.run_id) if f.record_key == f"pmid:{target}"}
    assert flags == {("retraction_in", "99999999", False), ("retracted_publication", "", False)}
    assert not [f for f in stored_flags(store, run_id=second.run_id) if f.record_key != f"pmid:{target}" and not f.first_seen]

    # known records the window found again count as hits of this run (PRISMA), though not fetched
    with store.engine.connect() as connection:
        h = schema.record_hits.c
        hits = set(connection.execute(select(h.record_key).where(h.run_id == second.run_id)).scalars())
    assert hits == {f"pmid:{p}" for p in manifest["hits"]["pmids"]}


def test_a_refresh_with_no_change_costs_at_most_three_requests(corpus, standin, fast_settings, make_store):
    server = standin(corpus, today=T2)
    settings = fast_settings(server)
    store = make_store()
    refresh(store, settings, saved(), through=T2)

    server.reset_log()
    same_day = refresh(store, settings, saved(), through=T2)  # nothing can have changed: one request
    assert same_day.requests == len(server.seen) == 1

    server.today = T2 + timedelta(days=7)  # a week on, PubMed has nothing new for this search
    server.reset_log()
    week_later = refresh(store, settings, saved(), through=server.today)
    assert week_later.requests == len(server.seen) <= 3
    assert week_later.new_records == week_later.new_versions == week_later.updated == 0
    assert store.run(week_later.run_id).status == "completed"


def test_pmids_pubmed_did_not_return_are_fetched_by_the_next_refresh(corpus, standin, fast_settings, make_store):
    server = standin(corpus, today=T2, faults=FaultSchedule([Fault("drop_records", "efetch", times=3)]))
    store = make_store()
    first = refresh(store, fast_settings(server, missing_retries=1, workers=1), saved(), through=T2)
    assert first.missing
    second = refresh(store, fast_settings(server), saved(), through=T2)
    assert second.new_records == len(first.missing)
    assert all(store.get_record(f"pmid:{p}") is not None for p in first.missing)


def test_a_changed_query_starts_again_with_a_full_search(corpus, standin, fast_settings, make_store):
    server = standin(corpus, today=T2)
    store = make_store()
    refresh(store, fast_settings(server), saved(), through=T2)
    narrower = refresh(store, fast_settings(server), saved("everolimus[tiab]"), through=T2)
    manifest = store.run(narrower.run_id).manifest
    assert manifest["full_search"] is True and manifest["window"]["start"] is None
    assert narrower.fetched == 0  # everything it found is already stored


# --------------------------------------------------------------------------- errors and secrets


def test_phrase_not_found_fails_with_the_phrase_named_and_the_key_appears_nowhere(
    corpus, standin, fast_settings, make_store, caplog, tmp_path
):
    caplog.set_level(logging.DEBUG)
    faults = FaultSchedule([Fault("429", retry_after=0.1), Fault("ok"), Fault("503"), Fault("ok"), Fault("429")])
    server = standin(corpus, today=T2, faults=faults, unknown_phrases={"mtor inhibitorz"})
    settings = fast_settings(server)
    assert settings.api_key == API_KEY
    store = make_store()
    good = refresh(store, settings, saved(), through=T2)
    assert good.requests > good.fetched // settings.batch_size + 1  # the 429s and the 503 were retried

    query = 'breast[tiab] AND ("mTOR inhibitorz"[tiab] OR everolimus[tiab])'
    with pytest.raises(QueryError, match="PhraseNotFound: 'mTOR inhibitorz'") as caught:
        refresh(store, settings, saved(query, name="typo"), through=T2)
    failed = store.runs()[-1]
    assert failed.status == "failed" and "mTOR inhibitorz" in failed.error

    server.faults = FaultSchedule([Fault("429", times=50)])  # NCBI keeps refusing: give up, say why
    with pytest.raises(RetryBudgetExhausted, match="HTTP 429") as exhausted:
        refresh(store, fast_settings(server, max_attempts=3), saved(), through=T2 + timedelta(days=1))

    # the server did receive the key (so this test means something) ...
    assert all(s.params.get("api_key") == API_KEY for s in server.seen)
    assert any(API_KEY in (s.params.get("api_key") or "") for s in server.seen if s.status == 429)
    # ... and it is nowhere the client wrote: logs, errors, the store, the archive
    assert API_KEY not in caplog.text
    assert API_KEY not in str(caught.value) and API_KEY not in str(exhausted.value)
    for run in store.runs():
        assert API_KEY not in json.dumps([run.params, run.manifest, run.counts, run.error], default=str)
    store.close()
    database = store.url.database
    for path in [database, database + "-wal"]:
        try:
            assert API_KEY.encode() not in open(path, "rb").read()
        except FileNotFoundError:
            pass
    archived = list(settings.archive_dir.rglob("*.xml.gz"))
    assert archived
    bodies = [gzip.decompress(path.read_bytes()) for path in archived]
    assert any(b"API rate limit exceeded" in body for body in bodies)  # NCBI's 429 body, with the key redacted
    assert all(API_KEY.encode() not in body for body in bodies)

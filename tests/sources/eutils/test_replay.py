"""Replay: a search run's records rebuilt from its archive alone, with networking disabled,
equal those the live run stored; an altered archive is refused."""

from __future__ import annotations

import gzip
from datetime import date

import pytest
from sqlalchemy import select

from mbc_sr.sources.eutils.archive import ArchiveError
from mbc_sr.sources.eutils.refresh import refresh
from mbc_sr.sources.eutils.replay import ReplayError, replay_run
from mbc_sr.store import schema
from tests.sources.eutils.conftest import no_network, saved
from tests.support.ncbi_standin import Fault, FaultSchedule

THROUGH = date(2021, 6, 7)


def stored(store) -> list[tuple]:
    r = schema.records.c
    with store.engine.connect() as connection:
        return sorted(connection.execute(select(r.record_key, r.pmid_version, r.xml_sha256, r.content, r.deleted)).all())


@pytest.fixture
def live_run(corpus, standin, fast_settings, make_store):
    """A full refresh into a store, with a few faults (so the archive also holds rejected bodies)."""
    faults = FaultSchedule([Fault("truncate", "efetch"), Fault("ok"), Fault("html", "efetch")])
    server = standin(corpus, today=THROUGH, faults=faults)
    settings = fast_settings(server, batch_size=100)
    store = make_store("live")
    report = refresh(store, settings, saved(), through=THROUGH)
    server.stop()
    return store, report, settings


def test_replay_from_the_archive_equals_the_live_run_with_networking_disabled(live_run, make_store, monkeypatch):
    store, report, _ = live_run
    no_network(monkeypatch)
    with pytest.raises(OSError, match="disabled"):  # the guard works
        __import__("socket").create_connection(("127.0.0.1", 9))
    target = make_store("replayed")
    replayed = replay_run(store, report.run_id, into=target)
    assert replayed.records == report.fetched
    assert replayed.fetched_sha256 == store.run(report.run_id).manifest["fetch"]["fetched"]["sha256"]
    assert stored(target) == stored(store)
    assert target.run(replayed.into_run_id).kind == "replay"
    assert target.run(replayed.into_run_id).status == "completed"


def test_the_manifest_names_every_archived_body_and_rejected_ones_are_kept(live_run):
    store, report, settings = live_run
    manifest = store.run(report.run_id).manifest
    files = manifest["archive"]["files"]
    outcomes = [f["outcome"] for f in files]
    assert any(o.startswith("retried: ") and "truncated" in o for o in outcomes)
    assert any(o.startswith("retried: ") and "HTML" in o for o in outcomes)
    assert all((settings.archive_dir / f["sha256"][:2] / f"{f['sha256']}.xml.gz").exists() for f in files)
    # The files are in request order, the accepted bodies in the order the run applied them: with two
    # efetch workers a later batch can be answered first, so the two lists hold the same bodies in
    # an order that may differ.
    accepted = [f["sha256"] for f in files if f["endpoint"] == "efetch.fcgi" and f["outcome"] == "ok"]
    assert sorted(manifest["fetch"]["bodies"]) == sorted(accepted)
    for key in ("query", "query_sha256"):
        assert manifest["search"][key]
    assert manifest["count"] == report.count and manifest["hits"]["count"] == report.hits
    assert manifest["requests"]["total"] == report.requests == len(manifest["exchanges"])
    assert manifest["software"]["python"] and manifest["timings"]["started"]


def test_an_altered_archive_is_refused(live_run, make_store):
    store, report, settings = live_run
    body_sha = store.run(report.run_id).manifest["fetch"]["bodies"][0]
    path = settings.archive_dir / body_sha[:2] / f"{body_sha}.xml.gz"
    original = gzip.decompress(path.read_bytes())
    path.write_bytes(gzip.compress(original.replace(b"<PubmedArticle>", b"<PubmedArticle> ", 1)))
    target = make_store("replayed")
    with pytest.raises(ArchiveError, match="not to its name"):
        replay_run(store, report.run_id, into=target)
    assert target.runs()[-1].status == "failed"


def test_a_run_without_a_manifest_cannot_be_replayed(live_run):
    store, _, _ = live_run
    store.ensure_source("elsewhere")
    other = store.begin_run("elsewhere", "ingest").run_id
    with pytest.raises(ReplayError, match="nothing to replay"):
        replay_run(store, other)

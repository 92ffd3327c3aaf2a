"""Ingesting PubMed files: whole files or nothing, every version kept, reruns safe.

(These tests live next to the store tests because they run on both store backends through
this directory's fixtures.)
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

import mbc_sr
from mbc_sr.pipeline import ingest_pubmed_files
from mbc_sr.pubmed_xml import PubMedXMLError, UnsafeXMLError, parse_pubmed_xml
from mbc_sr.records import Deletion
from mbc_sr.store import Store, open_store, schema

QUIRKS = "real_quirks_subset.xml"  # 22 records (PMID 30271887 as versions 1-4) + 20 deletions
EIGHT = "pubmed21n1298_mtor_and_breast_8.xml"
RECORD_TABLES = (schema.sources, schema.records, schema.record_versions, schema.record_hits, schema.deletions)


def test_ingesting_a_file_stores_every_record_every_version_and_every_deletion(store, pubmed_file):
    path = pubmed_file(QUIRKS)
    [report] = ingest_pubmed_files(store, [path])
    assert report.status == "ingested"
    assert (report.records, report.new_records, report.new_versions, report.unchanged, report.deletions) == (
        22, 19, 22, 0, 20,
    )  # fmt: skip

    state = store.record_state("pmid:30271887")
    assert (state.pmid_version, state.deleted) == (4, False)
    assert store.get_record("pmid:30271887").doi == "10.12688/wellcomeopenres.14677.4"
    versions = store.record_history("pmid:30271887")
    assert [(v.pmid_version, v.current) for v in versions] == [(1, False), (2, False), (3, False), (4, True)]

    deleted_in_file = {item.pmid for item in parse_pubmed_xml(path) if isinstance(item, Deletion)}
    assert len(deleted_in_file) == 20
    stats = store.stats()
    assert (stats.records, stats.versions, stats.deletions) == (19, 22, 20)
    assert stats.hits_by_source == {"PubMed (local files)": 19}

    run = store.run(report.run_id)
    assert (run.status, run.kind, run.input_sha256) == ("completed", "ingest", report.sha256)
    assert run.manifest["file_name"] == QUIRKS
    assert (run.manifest["items"], run.manifest["records"], run.manifest["deletions"]) == (42, 22, 20)


def test_the_deletions_of_a_file_are_recorded_under_its_run(store, pubmed_file, dump_tables):
    path = pubmed_file(QUIRKS)
    [report] = ingest_pubmed_files(store, [path])
    recorded = dump_tables(store, [schema.deletions], with_timestamps=False)["deletions"]
    expected = sorted(
        ((item.pmid, report.run_id, item.pmid_version) for item in parse_pubmed_xml(path) if isinstance(item, Deletion)),
        key=repr,
    )
    assert recorded == expected


def test_reingesting_the_same_file_changes_nothing(store, pubmed_file, dump_tables):
    path = pubmed_file(QUIRKS)
    [first] = ingest_pubmed_files(store, [path])
    before = dump_tables(store)
    [again] = ingest_pubmed_files(store, [path])
    assert (again.status, again.run_id) == ("unchanged", first.run_id)
    assert (again.records, again.unchanged, again.new_versions) == (22, 22, 0)
    assert dump_tables(store) == before


def test_a_file_is_recognised_by_its_bytes_not_its_name(store, pubmed_file, dump_tables, tmp_path):
    path = pubmed_file(QUIRKS)
    ingest_pubmed_files(store, [path])
    before = dump_tables(store)
    copy = tmp_path / "renamed.xml"
    shutil.copyfile(path, copy)
    [report] = ingest_pubmed_files(store, [copy])
    assert report.status == "unchanged"
    assert dump_tables(store) == before


def test_several_files_are_ingested_in_order_each_in_its_own_run(store, pubmed_file):
    reports = ingest_pubmed_files(store, [pubmed_file(QUIRKS), pubmed_file(EIGHT)])
    assert [r.status for r in reports] == ["ingested", "ingested"]
    assert reports[0].run_id != reports[1].run_id
    assert (reports[1].records, reports[1].new_records, reports[1].deletions) == (8, 8, 0)
    assert store.stats().records == 19 + 8


def test_progress_reports_the_items_done_after_each_batch(store, pubmed_file):
    seen: list[int] = []
    ingest_pubmed_files(store, [pubmed_file(QUIRKS)], batch_size=10, progress=seen.append)
    assert seen == [10, 20, 30, 40, 42]


def test_parse_progress_counts_items_parsed_over_all_files_before_storing(store, pubmed_file):
    parsed: list[int] = []
    ingest_pubmed_files(store, [pubmed_file(QUIRKS), pubmed_file(EIGHT)], parse_progress=parsed.append)
    assert parsed == sorted(parsed) and parsed[-1] == 42 + 8


# --------------------------------------------------------------------------- broken input


def _truncated(data: Path) -> bytes:
    """The 8-record file cut in the middle of its 5th record."""
    text = (data / EIGHT).read_bytes()
    starts = [i for i in range(len(text)) if text.startswith(b"<PubmedArticle>", i)]
    fifth_end = text.index(b"</PubmedArticle>", starts[4])
    return text[: (starts[4] + fifth_end) // 2]


HTML_PAGE = b"""<!DOCTYPE html>
<html><head><title>503 Service Unavailable</title></head>
<body><h1>Service Unavailable</h1><p>Please retry later.</p></body></html>
"""

XML_BOMB = (
    b'<?xml version="1.0"?>\n<!DOCTYPE PubmedArticleSet [\n <!ENTITY lol "lol">\n'
    + b"".join(b' <!ENTITY lol%d "%s">\n' % (n, (b"&lol%d;" % (n - 1) if n > 1 else b"&lol;") * 10) for n in range(1, 10))
    + b"]>\n<PubmedArticleSet>&lol9;</PubmedArticleSet>\n"
)

EXTERNAL_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE PubmedArticleSet [
 <!ENTITY xxe SYSTEM "file:///etc/passwd">
]>
<PubmedArticleSet><PubmedArticle><MedlineCitation><PMID Version="1">1</PMID>
<Article><ArticleTitle>&xxe;</ArticleTitle></Article></MedlineCitation></PubmedArticle></PubmedArticleSet>
"""


@pytest.mark.parametrize(
    ("name", "content", "error", "message"),
    [
        ("truncated.xml", _truncated, PubMedXMLError, r"truncated\.xml, line \d+: .*\(4 complete records came before"),
        ("error-page.xml", HTML_PAGE, PubMedXMLError, r"error-page\.xml, line \d+: an HTML page"),
        ("bomb.xml", XML_BOMB, UnsafeXMLError, r"bomb\.xml, line \d+: refused"),
        ("passwd.xml", EXTERNAL_ENTITY, UnsafeXMLError, r"passwd\.xml, line \d+: refused"),
    ],
    ids=["truncated", "html-page", "xml-bomb", "external-entity"],
)
def test_a_file_that_does_not_parse_fails_its_run_and_stores_nothing(
    store, pubmed_file, dump_tables, tmp_path, name, content, error, message
):
    ingest_pubmed_files(store, [pubmed_file(QUIRKS)])  # the store is not empty
    before = dump_tables(store, RECORD_TABLES)
    path = tmp_path / name
    path.write_bytes(content(pubmed_file(EIGHT).parent) if callable(content) else content)

    with pytest.raises(error, match=message) as raised:
        ingest_pubmed_files(store, [path])

    assert dump_tables(store, RECORD_TABLES) == before
    failed = store.runs()[-1]
    assert (failed.status, failed.error, failed.items_applied) == ("failed", str(raised.value), 0)
    assert failed.params["file_name"] == name


def test_a_broken_file_tried_again_reuses_its_failed_run(store, tmp_path):
    path = tmp_path / "page.xml"
    path.write_bytes(HTML_PAGE)
    for _ in range(2):
        with pytest.raises(PubMedXMLError):
            ingest_pubmed_files(store, [path])
    assert [run.status for run in store.runs()] == ["failed"]


# --------------------------------------------------------------------------- interrupted ingests


def test_a_failure_while_storing_keeps_whole_batches_and_a_rerun_completes_the_run(
    make_store, pubmed_file, dump_tables, monkeypatch
):
    path = pubmed_file(QUIRKS)
    clean = make_store()
    [clean_report] = ingest_pubmed_files(clean, [path], batch_size=10)

    store = make_store()
    real_apply = Store.apply_batch
    calls = []

    def lose_the_database_on_the_second_batch(self, run_id, items):
        calls.append(len(items))
        if len(calls) == 2:
            raise ConnectionError("server closed the connection")
        return real_apply(self, run_id, items)

    monkeypatch.setattr(Store, "apply_batch", lose_the_database_on_the_second_batch)
    with pytest.raises(ConnectionError):
        ingest_pubmed_files(store, [path], batch_size=10)
    monkeypatch.undo()

    [run] = store.runs()
    assert (run.status, run.items_applied) == ("failed", 10)
    assert "server closed the connection" in run.error
    stats = store.stats()
    assert (stats.records, stats.versions, stats.deletions) == (10, 10, 0)  # the first batch, whole

    [report] = ingest_pubmed_files(store, [path], batch_size=10)
    assert (report.status, report.run_id) == ("resumed", run.id)
    assert (report.records, report.new_records, report.new_versions, report.deletions) == (
        clean_report.records, clean_report.new_records, clean_report.new_versions, clean_report.deletions,
    )  # fmt: skip
    assert dump_tables(store, with_timestamps=False) == dump_tables(clean, with_timestamps=False)


_KILL_MID_BATCH = """
import os, signal, sys
from sqlalchemy import event
from mbc_sr.pipeline import ingest_pubmed_files
from mbc_sr.store import open_store

store = open_store(sys.argv[1])
hit_inserts = 0

@event.listens_for(store.engine, "before_cursor_execute")
def kill_during_the_third_batch(conn, cursor, statement, parameters, context, executemany):
    global hit_inserts
    if statement.lstrip().upper().startswith("INSERT INTO RECORD_HITS"):
        hit_inserts += 1
        if hit_inserts == 3:  # the batch's records and versions are written, not committed
            os.kill(os.getpid(), signal.SIGKILL)

ingest_pubmed_files(store, [sys.argv[2]], batch_size=int(sys.argv[3]))
"""


@pytest.mark.skipif(sys.platform == "win32", reason="needs SIGKILL")
def test_a_process_killed_in_the_middle_of_a_batch_leaves_whole_batches_and_the_rerun_completes(
    make_store_url, make_store, pubmed_file, dump_tables, tmp_path
):
    path = pubmed_file(QUIRKS)
    clean = make_store()
    ingest_pubmed_files(clean, [path], batch_size=10)

    url = make_store_url()
    src = str(Path(mbc_sr.__file__).resolve().parents[1])
    temp = tmp_path / "tmp"
    temp.mkdir()
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(filter(None, [src, os.environ.get("PYTHONPATH")])),
        "TMPDIR": str(temp),
    }
    killed = subprocess.run(
        [sys.executable, "-c", _KILL_MID_BATCH, url.render_as_string(hide_password=False), str(path), "10"],
        env=env, capture_output=True, timeout=120,
    )  # fmt: skip
    assert killed.returncode == -signal.SIGKILL, killed.stderr.decode()
    assert list(temp.iterdir()) == []  # the spool was an anonymous file: nothing left behind

    store = open_store(url)
    try:
        [run] = store.runs()
        assert (run.status, run.items_applied) == ("running", 20)
        assert store.stats().versions == 20  # two whole batches; nothing of the third

        [report] = ingest_pubmed_files(store, [path], batch_size=10)
        assert (report.status, report.run_id) == ("resumed", run.id)
        assert dump_tables(store, with_timestamps=False) == dump_tables(clean, with_timestamps=False)
    finally:
        store.close()


# --------------------------------------------------------------------------- a whole update file


@pytest.mark.slow
def test_a_whole_daily_update_file_ingests_into_sqlite_in_well_under_a_minute(tmp_path, pubmed_file):
    path = pubmed_file("pubmed21n1298.xml.gz")
    store = open_store(tmp_path / "full.sqlite")
    try:
        [report] = ingest_pubmed_files(store, [path])
        assert (report.status, report.records, report.deletions) == ("ingested", 20_788, 20)
        assert report.new_versions == 20_788
        assert store.record_state("pmid:30271887").pmid_version == 4
        assert len(store.record_history("pmid:30271887")) == 4
        stats = store.stats()
        assert (stats.records, stats.versions, stats.deletions) == (report.new_records, 20_788, 20)
        assert report.seconds < 60, f"ingest took {report.seconds:.1f} s"
    finally:
        store.close()

"""The local PubMed files source: searched or mirrored, versions and deletions in order, engines."""

from __future__ import annotations

import gzip
import shutil
from pathlib import Path

import pytest

from mbc_sr.config import load_config
from mbc_sr.pipeline import ingest_pubmed_files
from mbc_sr.pubmed_xml import Deletion, PubMedXMLError, parse_pubmed_xml
from mbc_sr.sources.pubmed_files import (
    MIRROR_SOURCE,
    SEARCH_SOURCE,
    LocalSearch,
    pubmed_paths,
    run_local_source,
    scan_file,
)
from mbc_sr.sources.query import QueryError
from mbc_sr.store import open_store, schema
from tests.conftest import REPO

EIGHT = "pubmed21n1298_mtor_and_breast_8.xml"
QUIRKS = "real_quirks_subset.xml"  # PMID 30271887 in versions 1-4, and 20 deletions
SLICE = "pubmed21n1298_mtor_breast_plus_random300.xml.gz"
TABLES = (schema.sources, schema.runs, schema.records, schema.record_versions, schema.record_hits, schema.deletions)


def review_search() -> LocalSearch:
    search = load_config(REPO / "config" / "review.toml").search("pubmed-mtor-mbc")
    return LocalSearch(search.name, search.query)


def test_paths_are_read_in_file_name_order(tmp_path):
    for name in ("pubmed25n1300.xml.gz", "pubmed25n0002.xml", "pubmed25n0001.xml.gz", "notes.txt", "x.xml.gz.md5"):
        (tmp_path / name).write_text("")
    (tmp_path / "sub").mkdir()
    assert [p.name for p in pubmed_paths([tmp_path])] == ["pubmed25n0001.xml.gz", "pubmed25n0002.xml", "pubmed25n1300.xml.gz"]
    single = tmp_path / "pubmed25n0002.xml"
    assert pubmed_paths([single, tmp_path]) == pubmed_paths([tmp_path])  # each file once
    with pytest.raises(FileNotFoundError, match="nope"):
        pubmed_paths([tmp_path / "nope"])


def test_the_review_search_stores_exactly_its_matches_with_provenance(store, pubmed_file):
    [report] = run_local_source(store, [pubmed_file(EIGHT)], search=review_search())
    assert (report.status, report.records, report.new_records) == ("ingested", 3, 3)
    stats = store.stats()
    assert stats.hits_by_source == {SEARCH_SOURCE: 3}
    assert {r.pmid for r in store.iter_records()} == {"33964572", "33895695", "34092611"}

    run = store.run(report.run_id)
    assert (run.kind, run.status, run.params["search"]) == ("search", "completed", "pubmed-mtor-mbc")
    manifest = run.manifest
    assert manifest["kind"] == "pubmed-local-search"
    assert manifest["search"]["query"] == review_search().query  # the exact string the live source sends
    assert manifest["sha256"] == report.sha256 and manifest["file_name"] == EIGHT
    assert manifest["scanned_records"] == 8 and manifest["hits"]["pmids"] == ["33895695", "33964572", "34092611"]
    assert manifest["mesh_explosion"] is False
    assert any("[mh:noexp]" in note for note in manifest["notes"])
    assert any("automatic term mapping" in note for note in manifest["notes"])
    assert run.input_sha256 != report.sha256  # the run is the file *and* the query


def test_rerunning_changes_nothing_but_a_changed_query_is_a_new_run(store, pubmed_file, dump_tables):
    path = pubmed_file(EIGHT)
    run_local_source(store, [path], search=review_search())
    before = dump_tables(store, TABLES)
    [again] = run_local_source(store, [path], search=review_search())
    assert again.status == "unchanged"
    assert dump_tables(store, TABLES) == before
    [other] = run_local_source(store, [path], search=LocalSearch("alpelisib", "alpelisib[tiab]"))
    assert other.status == "ingested" and other.records == 2  # 33964572 and 34094246
    assert store.stats().hits_by_source == {SEARCH_SOURCE: 4}


def test_every_version_of_a_match_and_every_deletion_is_applied_in_order(store, pubmed_file):
    path = pubmed_file(QUIRKS)
    deleted = {item.pmid for item in parse_pubmed_xml(path) if isinstance(item, Deletion)}
    # versions 3 and 4 of 30271887 are typed Comment, 1 and 2 are not: the last version matches,
    # so all four are stored (the file is read twice to fetch the non-matching ones)
    [report] = run_local_source(store, [path], search=LocalSearch("comment", '"registered report"[ti] AND comment[pt]'))
    assert (report.records, report.deletions) == (4, 20)
    assert [(v.pmid_version, v.current) for v in store.record_history("pmid:30271887")] == [
        (1, False), (2, False), (3, False), (4, True),
    ]  # fmt: skip
    assert store.stats().deletions == len(deleted) == 20
    assert store.stats().records == 1


def test_a_record_whose_last_version_no_longer_matches_is_not_a_match(store, pubmed_file):
    # versions 1 and 2 match, versions 3 and 4 (typed Comment) do not: as after this file PubMed
    # itself would not return it, the search stores nothing for it
    search = LocalSearch("no-comment", '"registered report"[ti] NOT comment[pt]')
    [report] = run_local_source(store, [pubmed_file(QUIRKS)], search=search)
    assert report.records == 0 and store.get_record("pmid:30271887") is None
    assert store.run(report.run_id).manifest["hits"]["count"] == 0


def test_without_a_search_every_record_is_stored_as_by_mbc_sr_ingest(make_store, pubmed_file, dump_tables):
    files = [pubmed_file(QUIRKS), pubmed_file(EIGHT)]
    mirrored, ingested = make_store(), make_store()
    run_local_source(mirrored, files)
    ingest_pubmed_files(ingested, pubmed_paths(files))
    assert dump_tables(mirrored, TABLES, with_timestamps=False) == dump_tables(ingested, TABLES, with_timestamps=False)
    assert mirrored.stats().hits_by_source == {MIRROR_SOURCE: 27}


def test_a_file_that_does_not_parse_stores_nothing_and_names_the_file(store, pubmed_file, tmp_path):
    good = pubmed_file(EIGHT)
    broken = tmp_path / "pubmed99n9999.xml"  # sorts after the good file
    broken.write_bytes(Path(good).read_bytes()[:40_000])
    with pytest.raises(PubMedXMLError, match="pubmed99n9999.xml"):
        run_local_source(store, [good, broken], search=review_search())
    runs = store.runs()
    assert [run.status for run in runs] == ["completed", "failed"]
    assert store.stats().records == 3  # the good file's matches only


def test_a_query_the_evaluator_cannot_run_fails_before_any_file_is_read(store, pubmed_file):
    with pytest.raises(QueryError, match="proximity"):
        run_local_source(store, [pubmed_file(EIGHT)], search=LocalSearch("x", '"a b"[tiab:~2]'))
    assert store.runs() == []


def test_scan_file_reports_errors_as_data_so_they_cross_processes(tmp_path):
    broken = tmp_path / "broken.xml.gz"
    broken.write_bytes(gzip.compress(b"<html><body>502 Bad Gateway</body></html>"))
    scan = scan_file(broken, "x[tiab]")
    assert scan.error is not None and scan.lines == []
    with pytest.raises(PubMedXMLError, match="broken.xml.gz"):
        scan.raise_error()


# --------------------------------------------------------------------------- engines


@pytest.fixture
def three_files(pubmed_file, tmp_path):
    """Three small real files, copied under names that fix their order: quirks, the 8, the slice."""
    names = {QUIRKS: "pubmed21n0001.xml", EIGHT: "pubmed21n0002.xml", SLICE: "pubmed21n0003.xml.gz"}
    for original, name in names.items():
        shutil.copy(pubmed_file(original), tmp_path / name)
    return tmp_path


@pytest.mark.slow
@pytest.mark.parametrize("search", [True, False], ids=["search", "mirror"])
def test_a_two_process_pool_gives_the_serial_result(search, three_files, tmp_path, dump_tables):
    local = review_search() if search else None
    serial, parallel = open_store(tmp_path / "serial.sqlite"), open_store(tmp_path / "pool.sqlite")
    try:
        run_local_source(serial, [three_files], search=local)
        reports = run_local_source(parallel, [three_files], search=local, engine="processes", workers=2)
        assert [r.path.name for r in reports] == ["pubmed21n0001.xml", "pubmed21n0002.xml", "pubmed21n0003.xml.gz"]
        assert dump_tables(parallel, TABLES, with_timestamps=False) == dump_tables(serial, TABLES, with_timestamps=False)
    finally:
        serial.close()
        parallel.close()


@pytest.mark.slow
def test_a_two_worker_dask_local_cluster_gives_the_serial_result(three_files, tmp_path, dump_tables, pubmed_file):
    serial, dask = open_store(tmp_path / "serial.sqlite"), open_store(tmp_path / "dask.sqlite")
    try:
        run_local_source(serial, [three_files], search=review_search())
        reports = run_local_source(dask, [three_files], search=review_search(), engine="dask", workers=2)
        assert [r.status for r in reports] == ["ingested"] * 3
        assert dump_tables(dask, TABLES, with_timestamps=False) == dump_tables(serial, TABLES, with_timestamps=False)
        # 30271887's versions and the slice's deletions were applied in file order: the quirks
        # file's 20 deletions come first, the slice repeats the same DeleteCitation block
        assert dask.stats().deletions == 20
        again = run_local_source(dask, [three_files], search=review_search(), engine="dask", workers=2)
        assert [r.status for r in again] == ["unchanged"] * 3  # nothing sent to the cluster
        # a parse error on a worker is the same error here, naming the file
        broken = tmp_path / "more" / "pubmed21n0004.xml"
        broken.parent.mkdir()
        broken.write_bytes(Path(pubmed_file(EIGHT)).read_bytes()[:30_000])
        with pytest.raises(PubMedXMLError, match="pubmed21n0004.xml"):
            run_local_source(dask, [three_files, broken.parent], search=review_search(), engine="dask", workers=2)
    finally:
        serial.close()
        dask.close()


# --------------------------------------------------------------------------- the full update file


@pytest.mark.slow
def test_the_full_update_file_applies_versions_and_deletions(tmp_path, pubmed_file):
    path = pubmed_file("pubmed21n1298.xml.gz")
    deleted = [item.pmid for item in parse_pubmed_xml(pubmed_file(QUIRKS)) if isinstance(item, Deletion)]
    store = open_store(tmp_path / "full.sqlite")
    try:
        [mirror] = run_local_source(store, [path])
        assert (mirror.records, mirror.deletions) == (20_788, 20)
        assert [v.pmid_version for v in store.record_history("pmid:30271887")] == [1, 2, 3, 4]
        assert store.record_state("pmid:30271887").pmid_version == 4
        stats = store.stats()
        assert stats.deletions == 20 and stats.records == mirror.new_records
        # the deletions name PMIDs that are not in this file: recorded, nothing to mark
        assert {d for d in deleted if store.get_record(f"pmid:{d}") is not None} == set()

        [search] = run_local_source(store, [path], search=review_search())
        run = store.run(search.run_id)
        assert run.manifest["scanned_records"] == 20_788 and run.manifest["deletions"] == 20
        assert run.manifest["hits"]["pmids"] == ["33895695", "33964572", "34092611"]
        assert store.stats().hits_by_source == {MIRROR_SOURCE: mirror.new_records, SEARCH_SOURCE: 3}
    finally:
        store.close()


@pytest.mark.slow
def test_workers_do_not_import_what_the_parents_main_module_imports(tmp_path):
    """A flow run's main module imports Prefect; the process-pool and Dask workers must not."""
    import subprocess
    import sys

    (tmp_path / "probe.py").write_text("def imports_prefect():\n    import sys\n    return 'prefect' in sys.modules\n")
    script = tmp_path / "main.py"
    script.write_text(
        "import sys\nsys.path.insert(0, %r)\nimport prefect  # noqa: F401 - what a flow run's main imports\n"
        "from probe import imports_prefect\n"
        "if __name__ == '__main__':\n"
        "    from mbc_sr.sources.engines import Executor\n"
        "    for engine in ('processes', 'dask'):\n"
        "        with Executor(engine, 1, None) as submit:\n"
        "            print(engine, submit(imports_prefect).result())\n" % str(tmp_path)
    )
    result = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.split() == ["processes", "False", "dask", "False"]


@pytest.mark.slow
def test_a_dask_cluster_named_by_its_address_gives_the_serial_result(three_files, tmp_path, dump_tables):
    """`dask_address` in the config: a scheduler that is already running (here a LocalCluster)."""
    from distributed import LocalCluster

    serial, remote = open_store(tmp_path / "serial.sqlite"), open_store(tmp_path / "remote.sqlite")
    try:
        with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
            run_local_source(remote, [three_files], engine="dask", dask_address=cluster.scheduler_address)
            assert len(cluster.workers) == 2  # the cluster is still there: only the client was closed
        run_local_source(serial, [three_files])
        assert dump_tables(remote, TABLES, with_timestamps=False) == dump_tables(serial, TABLES, with_timestamps=False)
    finally:
        serial.close()
        remote.close()

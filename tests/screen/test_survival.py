"""Decisions survive a refresh with new versions and duplicates, and a process killed mid-import."""

from __future__ import annotations

import csv
import gzip
import re
import subprocess
import sys
import textwrap

from mbc_sr.pipeline import ingest_pubmed_files
from mbc_sr.pipeline_screen import current_decision, export_sheet, import_asreview, import_sheet, run_rules
from mbc_sr.store import decisions as log
from mbc_sr.store import open_store
from tests.conftest import REPO, shared_path

TRIAL, PRECLIN = "pmid:33964572", "pmid:34087508"


def _fill(path, decisions):
    with path.open(encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.DictReader(stream))
    for row in rows:
        if row["record_id"] in decisions:
            row["decision"], row["reason"] = decisions[row["record_id"]]
    with path.open("w", encoding="utf-8-sig", newline="") as stream:
        writer = csv.DictWriter(stream, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


def _update_file(tmp_path):
    """A real record re-delivered as version 2 (revised title) and, unchanged, as a duplicate."""
    xml = shared_path("pubmed/pubmed21n1298_mtor_and_breast_8.xml").read_text(encoding="utf-8")
    articles = re.findall(r"<PubmedArticle>.*?</PubmedArticle>", xml, re.S)
    trial = next(a for a in articles if ">33964572</PMID>" in a)
    other = next(a for a in articles if ">34087508</PMID>" in a)
    v2 = trial.replace('<PMID Version="1">33964572</PMID>', '<PMID Version="2">33964572</PMID>', 1)
    v2 = v2.replace("<ArticleTitle>Alpelisib", "<ArticleTitle>Revised: Alpelisib", 1)
    head = xml[: xml.index("<PubmedArticle>")]
    path = tmp_path / "update.xml.gz"
    path.write_bytes(gzip.compress((head + v2 + other + "</PubmedArticleSet>\n").encode("utf-8")))
    return path


def test_decisions_survive_a_refresh_with_new_versions_and_duplicates(slice_store, protocol, tmp_path):
    run_rules(slice_store, protocol)
    sheet, _xlsx, _n = export_sheet(slice_store, protocol, "ta", "ann", tmp_path)
    _fill(sheet, {TRIAL: ("include", ""), PRECLIN: ("exclude", "preclinical (in vitro / animal only)")})
    assert import_sheet(slice_store, protocol, sheet).written == 2
    before = slice_store.record_state(TRIAL).xml_sha256

    (report,) = ingest_pubmed_files(slice_store, [_update_file(tmp_path)])
    assert report.new_versions == 1 and report.unchanged == 1  # a new version, and a duplicate delivery
    assert slice_store.record_state(TRIAL).xml_sha256 != before
    again = run_rules(slice_store, protocol)
    assert again.screened == 1 and again.already == 879  # only the new version is re-screened
    current = current_decision(slice_store, TRIAL, "ta")
    assert current.status == "included" and current.decision.reviewer == "ann"
    assert current.decision.record_sha256 == before  # made on the earlier version, and says so
    assert current_decision(slice_store, PRECLIN, "ta").status == "excluded"
    # the old sheet is now stale for the changed record only
    resaved = tmp_path / "again.csv"
    resaved.write_bytes(sheet.read_bytes() + b"\r\n")  # a re-saved copy (other bytes)
    stale = import_sheet(slice_store, protocol, resaved, partial=True)
    assert [p.record_id for p in stale.problems] == [TRIAL] and "stale" in stale.problems[0].problem
    assert stale.written == 0 and stale.unchanged == 1


KILLER = textwrap.dedent(
    """
    import os, signal, sys
    from pathlib import Path
    from mbc_sr.config import load_config
    from mbc_sr.pipeline_screen import import_sheet, load_screening_protocol
    from mbc_sr.store import open_store

    store = open_store(sys.argv[1])
    protocol = load_screening_protocol(load_config(sys.argv[3]))

    def die(n):
        if n == 2:  # two rows sent inside the import's transaction, then the process is killed
            os.kill(os.getpid(), signal.SIGKILL)

    import_sheet(store, protocol, Path(sys.argv[2]), on_row=die)
    """
)


def test_a_process_killed_during_import_leaves_no_partial_import(slice_store, protocol, tmp_path):
    run_rules(slice_store, protocol)
    sheet, _xlsx, _n = export_sheet(slice_store, protocol, "ta", "ann", tmp_path)
    _fill(sheet, {TRIAL: ("include", ""), PRECLIN: ("exclude", ""), "pmid:34092611": ("maybe", "")})
    url = slice_store.url.database
    done = subprocess.run(
        [sys.executable, "-c", KILLER, url, str(sheet), str(REPO / "config" / "review.toml")],
        cwd=REPO, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == -9, done.stderr
    fresh = open_store(url)
    try:
        assert [d for d in log.load_decisions(fresh) if d.role != "rules"] == []
        assert log.imported_files(fresh) == 0
        report = import_sheet(fresh, protocol, sheet)  # the rerun imports the whole file
        assert (report.status, report.written) == ("imported", 3)
    finally:
        fresh.close()


def test_asreview_labels_import_as_a_named_reviewers_decisions(slice_store, protocol, tmp_path):
    path = tmp_path / "asreview_result.csv"
    path.write_text(
        "record_id,title,abstract,doi,pubmed_id,included,asreview_ranking\n"
        "0,Alpelisib...,...,,33964572,1,1\n"
        "1,Cell lines...,...,,34087508,0,2\n"
        "2,Unlabelled,...,,34092611,,3\n"
        "3,Not ours,...,,1,1,4\n",
        encoding="utf-8",
    )
    refused = import_asreview(slice_store, protocol, path, "asreview-bob")
    assert refused.status == "refused" and [p.row for p in refused.problems] == [5]
    report = import_asreview(slice_store, protocol, path, "asreview-bob", partial=True)
    assert (report.status, report.written) == ("imported", 2)
    assert current_decision(slice_store, TRIAL, "ta").decision.reviewer == "asreview-bob"
    assert current_decision(slice_store, PRECLIN, "ta").status == "excluded"
    assert import_asreview(slice_store, protocol, path, "asreview-bob", partial=True).status == "already_imported"

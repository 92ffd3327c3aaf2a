"""`mbc-sr dedup`: standalone on CSV, RIS, EndNote XML and PubMed XML; malformed input; the review round trip."""

from __future__ import annotations

import csv
import gzip
from pathlib import Path

import pytest

from mbc_sr.cli import main
from tests.conftest import shared_path
from tests.dedup.conftest import make_record


def read_csv_rows(path: Path) -> list[dict]:
    with path.open(newline="", encoding="utf-8") as stream:
        return list(csv.DictReader(stream))


def ris_entries(path: Path) -> list[dict[str, list[str]]]:
    entries, current = [], None
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        tag, _, value = line.partition("  - ")
        if tag == "TY":
            current = {}
        current.setdefault(tag, []).append(value)
        if tag == "ER":
            entries.append(current)
    return entries


def run(args: list[str], capsys) -> tuple[int, str, str]:
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def test_standalone_csv_writes_clusters_pairs_and_ris(tmp_path, capsys):
    source = shared_path("dedup/special_cases/records_pre_merged.csv")
    code, out, _ = run(["dedup", str(source), "--out", str(tmp_path / "out")], capsys)
    assert code == 0 and "12 records" in out and "9 left" in out
    clusters = read_csv_rows(tmp_path / "out" / "clusters.csv")
    assert list(clusters[0]) == ["record_id", "cluster_id"] and len(clusters) == 12
    cluster_of = {row["record_id"]: row["cluster_id"] for row in clusters}
    groups: dict[str, set[str]] = {}
    for rid, cid in cluster_of.items():
        groups.setdefault(cid, set()).add(rid)
    assert sorted(sorted(g) for g in groups.values() if len(g) > 1) == [
        ["id_0000001", "id_0000002"], ["id_0000005", "id_0000006"], ["id_0000007", "id_0000011"],
    ]  # fmt: skip
    pairs = read_csv_rows(tmp_path / "out" / "pairs.csv")
    merged = [p for p in pairs if p["decision"] == "duplicate"]
    assert len(merged) == 3 and all(p["rule"] and p["title"] for p in merged)
    entries = ris_entries(tmp_path / "out" / "deduplicated.ris")
    assert len(entries) == 9
    ids = {e["ID"][0] for e in entries}
    assert {"id_0000001", "id_0000005"} <= ids and len(ids & {"id_0000007", "id_0000011"}) == 1


def test_standalone_ris_round_trip(tmp_path, capsys):
    """A RIS export (written by the RIS writer, read by the RIS importer) deduplicates like its records."""
    from mbc_sr.report.ris import write_ris

    title = "Everolimus in postmenopausal hormone-receptor-positive advanced breast cancer"
    records = [
        make_record("1", title, doi="10.1056/NEJMoa1109653"),
        make_record("2", title.upper() + ".", pages="520-9", doi=None),
        make_record("3", "Erratum: " + title, pages="1234"),
        make_record("4", "Quality of life with denosumab for bone metastases", authors=("Smith A",), pages="1-9"),
    ]
    path = tmp_path / "embase.txt"  # the name says nothing: the format is read from the content
    with path.open("w", encoding="utf-8") as stream:
        write_ris(stream, [(r, r.source_record_id) for r in records])
    code, out, _ = run(["dedup", str(path), "--out", str(tmp_path / "out")], capsys)
    assert code == 0, out
    clusters = read_csv_rows(tmp_path / "out" / "clusters.csv")
    assert len(clusters) == 4 and len({row["cluster_id"] for row in clusters}) == 3
    assert clusters[0]["cluster_id"] == clusters[1]["cluster_id"] != clusters[2]["cluster_id"]
    pairs = read_csv_rows(tmp_path / "out" / "pairs.csv")
    assert any(p["decision"] == "distinct" and p["rule"].startswith("never merged") for p in pairs)


def test_standalone_endnote_xml(tmp_path, capsys):
    source = shared_path("dedup/respiratory/Respiratory.endnote.xml.gz")
    code, out, _ = run(["dedup", str(source), "--out", str(tmp_path / "out")], capsys)
    assert code == 0 and "1988 records" in out
    clusters = read_csv_rows(tmp_path / "out" / "clusters.csv")
    assert len(clusters) == 1988
    left = len({row["cluster_id"] for row in clusters})
    assert 1540 <= left <= 1600  # the CSV of the same export: 1,552 unique by the ground truth
    assert len(ris_entries(tmp_path / "out" / "deduplicated.ris")) == left


def test_standalone_pubmed_xml_and_several_files(tmp_path, capsys):
    xml = shared_path("pubmed/pubmed21n1298_mtor_and_breast_8.xml")
    code, out, _ = run(["dedup", str(xml), str(xml), "--out", str(tmp_path / "out")], capsys)
    assert code == 0 and "16 records" in out and "8 left" in out
    clusters = read_csv_rows(tmp_path / "out" / "clusters.csv")
    assert clusters[0]["record_id"].startswith("pubmed21n1298_mtor_and_breast_8.xml:")  # ids made unique
    entries = ris_entries(tmp_path / "out" / "deduplicated.ris")
    assert len(entries) == 8 and all(e["DB"] == ["PubMed"] for e in entries)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("", "the file is empty"),
        ("ID,year,author\n1,2001,Smith\n", "line 1: no title column"),
        ("ID,title,year\n1,A title,2001\n2,Another title\n", "line 3: 2 fields where the header has 3"),
        ("ID,title,year\n1,A title,twenty\n", "line 2: field year: 'twenty' is not a year"),
        ("ID,title,year\n1,A title,2001\n1,Another,2002\n", "line 3: field ID: '1' appears twice"),
        ("<html><body>Service unavailable</body></html>", "neither PubMed XML nor an EndNote XML export"),
        ("TY  - JOUR\nTI  - A title\n", "input.csv"),  # RIS without ER: the importer names the file
    ],
)
def test_malformed_input_is_an_error_naming_file_and_line(tmp_path, capsys, content, message):
    path = tmp_path / "input.csv"
    path.write_text(content, encoding="utf-8")
    code, out, err = run(["dedup", str(path), "--out", str(tmp_path / "out")], capsys)
    assert code == 2
    assert err.startswith("mbc-sr: error: ") and str(path) in err and message in err
    assert not (tmp_path / "out").exists()


def test_truncated_pubmed_xml_and_missing_files_are_errors(tmp_path, capsys):
    data = gzip.decompress(shared_path("pubmed/pubmed21n1298_mtor_breast_plus_random300.xml.gz").read_bytes())
    truncated = tmp_path / "cut.xml"
    truncated.write_bytes(data[: len(data) // 2])
    code, _, err = run(["dedup", str(truncated), "--out", str(tmp_path / "out")], capsys)
    assert code == 2 and "cut.xml" in err
    code, _, err = run(["dedup", str(tmp_path / "nope.csv"), "--out", str(tmp_path / "out")], capsys)
    assert code == 2 and "no such file" in err
    code, _, err = run(["dedup", str(truncated)], capsys)
    assert code == 2 and "--out" in err


def test_review_queue_round_trip(tmp_path, capsys):
    from mbc_sr.store import RecordRow, open_store

    db = tmp_path / "review.sqlite"
    store = open_store(db)
    title = "Everolimus in postmenopausal hormone-receptor-positive advanced breast cancer"
    store.ensure_source("Embase")
    run_start = store.begin_run("Embase", "import")
    store.apply_batch(run_start.run_id, [
        RecordRow.from_record(make_record("a", title, doi="10.1000/a"), "sha-a"),
        RecordRow.from_record(make_record("b", title, doi="10.1000/b"), "sha-b"),
    ])  # fmt: skip
    store.finish_run(run_start.run_id)
    store.close()
    code, out, _ = run(["--db", str(db), "dedup"], capsys)
    assert code == 0 and "1 pairs to review" in out
    sheet = tmp_path / "review.csv"
    code, out, _ = run(["--db", str(db), "dedup", "review", "--export", str(sheet)], capsys)
    assert code == 0 and "1 pairs" in out
    rows = read_csv_rows(sheet)
    assert len(rows) == 1 and rows[0]["left_title"] == title and "different DOIs" in rows[0]["reason"]

    bad = tmp_path / "bad.csv"
    bad.write_text("item_id,decision\n1,maybe\n", encoding="utf-8")
    code, _, err = run(["--db", str(db), "dedup", "review", "--import", str(bad)], capsys)
    assert code == 2 and "line 2: field decision" in err

    rows[0]["decision"] = "duplicate"
    rows[0]["reviewer"] = "anna"
    with sheet.open("w", newline="", encoding="utf-8") as stream:
        writer = csv.DictWriter(stream, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    code, out, _ = run(["--db", str(db), "dedup", "review", "--import", str(sheet)], capsys)
    assert code == 0 and "1 review answers recorded" in out and "1 pairs merged" in out
    code, out, _ = run(["--db", str(db), "dedup", "review", "--export", str(sheet)], capsys)
    assert "0 pairs" in out

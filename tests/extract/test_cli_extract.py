"""`mbc-sr extract` on PubMed XML and CSV; `mbc-sr evidence` on a store; bad input errors."""

from __future__ import annotations

import csv
import json

from mbc_sr.cli import main
from mbc_sr.extract.record import RECORD_COLUMNS
from tests.conftest import shared_path


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def read_csv(path):
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_extract_pubmed_xml_one_row_per_record(capsys, tmp_path):
    source = shared_path("pubmed/pubmed21n1298_mtor_and_breast_8.xml")
    out = tmp_path / "extracted.csv"
    code, stdout, _ = run(capsys, "extract", str(source), "--out", str(out))
    assert code == 0 and "8 records" in stdout
    rows = read_csv(out)
    assert len(rows) == 8 and tuple(rows[0]) == RECORD_COLUMNS
    assert {row["id"] for row in rows} >= {"pmid:33964572", "pmid:33961996"}
    for row in rows:
        for entry in json.loads(row["spans"]):
            start, end = entry["start"] - entry["sentence_start"], entry["end"] - entry["sentence_start"]
            assert entry["sentence"][start:end] == entry["text"]


def test_extract_csv_and_xlsx(capsys, tmp_path):
    source = tmp_path / "in.csv"
    source.write_text(
        "id,title,abstract\n"
        "r1,Everolimus plus exemestane,\"One hundred and four patients were randomised. PFS HR 0.43; 95% CI, 0.35 to 0.54; "
        "P < .001. Median PFS 7.8 vs 3.2 months. NCT00863655.\"\n"
        "r2,=cmd(),@SUM(1)\n",
        encoding="utf-8",
    )
    out = tmp_path / "out.csv"
    assert run(capsys, "extract", str(source), "--out", str(out))[0] == 0
    rows = read_csv(out)
    assert [row["id"] for row in rows] == ["r1", "r2"]
    assert rows[0]["n_total"] == "104" and rows[0]["registry_ids"] == "NCT00863655"
    assert rows[0]["hazard_ratios"] == "PFS HR 0.43 (95% CI 0.35–0.54; p<0.001)"
    assert rows[0]["medians"] == "PFS 7.8 months | PFS 3.2 months"
    assert rows[1]["title"] == "'=cmd()"
    xlsx = tmp_path / "out.xlsx"
    assert run(capsys, "extract", str(source), "--out", str(xlsx))[0] == 0
    from openpyxl import load_workbook

    sheet = load_workbook(xlsx)["Records"]
    assert sheet["A2"].value == "r1" and sheet["B3"].value == "'=cmd()"


def test_extract_bad_input(capsys, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("identifier,title\nx,y\n", encoding="utf-8")
    code, _, err = run(capsys, "extract", str(bad), "--out", str(tmp_path / "o.csv"))
    assert code == 2 and "id,title,abstract" in err and "missing id, abstract" in err
    duplicate = tmp_path / "dup.csv"
    duplicate.write_text("id,title,abstract\na,t,x\na,t,y\n", encoding="utf-8")
    code, _, err = run(capsys, "extract", str(duplicate), "--out", str(tmp_path / "o.csv"))
    assert code == 2 and "duplicate id 'a'" in err
    code, _, err = run(capsys, "extract", str(tmp_path / "missing.xml"), "--out", str(tmp_path / "o.csv"))
    assert code == 2 and "no such file" in err
    code, _, err = run(capsys, "extract", str(duplicate), "--out", str(tmp_path / "o.json"))
    assert code == 2 and ".csv or .xlsx" in err


def test_evidence_command_on_a_store(capsys, tmp_path):
    database = tmp_path / "s.sqlite"
    source = shared_path("pubmed/pubmed21n1298_mtor_and_breast_8.xml")
    assert run(capsys, "--db", str(database), "ingest", str(source), "--no-progress")[0] == 0
    code, stdout, _ = run(capsys, "--db", str(database), "evidence", "--out-dir", str(tmp_path / "ev"))
    assert code == 0 and "no screening decisions" in stdout and "0 studies" in stdout
    code, stdout, _ = run(capsys, "--db", str(database), "evidence", "--out-dir", str(tmp_path / "ev"), "--include-unscreened")
    assert code == 0 and "8 unscreened" in stdout
    assert (tmp_path / "ev" / "evidence_base.xlsx").exists()

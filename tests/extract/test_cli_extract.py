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


# --------------------------------------------------------------------------- CSV input: reading


def write_bytes(tmp_path, name: str, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def extract_csv(capsys, tmp_path, data: bytes) -> tuple[int, str, list[dict]]:
    """Run `mbc-sr extract` on `data` as in.csv; (exit code, stderr, rows written or [])."""
    source = write_bytes(tmp_path, "in.csv", data)
    out = tmp_path / "out.csv"
    code, _, err = run(capsys, "extract", str(source), "--out", str(out))
    return code, err, read_csv(out) if code == 0 else []


def test_extract_csv_keeps_line_breaks_inside_a_quoted_abstract_as_white_space(capsys, tmp_path):
    code, _, rows = extract_csv(capsys, tmp_path, (
        b'id,title,abstract\nm1,t,"We enrolled twenty\npatients with breast cancer.\r\n'
        b'Median PFS was 7.8 months."\n'
    ))
    assert code == 0 and len(rows) == 1
    assert rows[0]["n_total"] == "20"
    sentences = " ".join(entry["sentence"] for entry in json.loads(rows[0]["spans"]))
    assert "twentypatients" not in sentences and "cancer.Median" not in sentences
    assert rows[0]["medians"] == "PFS 7.8 months"


def test_extract_csv_keeps_a_line_separator_character_inside_a_field(capsys, tmp_path):
    code, _, rows = extract_csv(capsys, tmp_path, 'id,title,abstract\nr1,a\u2028b,x\n'.encode())
    assert code == 0 and rows[0]["title"] == "a\u2028b"


def test_extract_csv_accepts_a_byte_order_mark(capsys, tmp_path):
    code, _, rows = extract_csv(capsys, tmp_path, b"\xef\xbb\xbfid,title,abstract\r\nr1,t,x\r\n")
    assert code == 0 and [row["id"] for row in rows] == ["r1"]


def test_extract_csv_blank_lines_between_rows_are_skipped(capsys, tmp_path):
    code, _, rows = extract_csv(capsys, tmp_path, b"id,title,abstract\n\nr1,t,x\n\nr2,t,y\n")
    assert code == 0 and [row["id"] for row in rows] == ["r1", "r2"]


# --------------------------------------------------------------------------- CSV input: errors


def test_extract_csv_error_names_the_physical_line_where_the_row_starts(capsys, tmp_path):
    code, err, _ = extract_csv(capsys, tmp_path, b'id,title,abstract\n1,t,"a\nb"\n,t2,x\n')
    assert code == 2 and "in.csv: line 4: empty id" in err and len(err.strip().splitlines()) == 1


def test_extract_csv_unterminated_quote_is_an_error_naming_the_line_where_the_field_starts(capsys, tmp_path):
    code, err, _ = extract_csv(capsys, tmp_path, b'id,title,abstract\n1,t,"unterminated\n')
    assert code == 2 and "in.csv: line 2:" in err and "unterminated" in err and len(err.strip().splitlines()) == 1
    # the quoted field opens on line 4, inside a row that starts on line 3 after a good row
    code, err, _ = extract_csv(capsys, tmp_path, b'id,title,abstract\n1,t,x\n2,"two\nlines","open\nrest\n')
    assert code == 2 and "in.csv: line 4:" in err and "unterminated" in err
    # a doubled quote inside a quoted field is an escaped quote, not the field's start
    code, err, _ = extract_csv(capsys, tmp_path, b'id,title,abstract\n1,t,"say ""hi""\nmore\n')
    assert code == 2 and "in.csv: line 2:" in err


def test_extract_csv_text_after_a_closing_quote_is_an_error_naming_the_line(capsys, tmp_path):
    code, err, _ = extract_csv(capsys, tmp_path, b'id,title,abstract\n1,t,x\n2,"a"b,x\n')
    assert code == 2 and "in.csv: line 3:" in err


def test_extract_csv_duplicate_id_names_both_lines(capsys, tmp_path):
    code, err, _ = extract_csv(capsys, tmp_path, b'id,title,abstract\na,"t\nt",x\nb,t,y\na,t,z\n')
    assert code == 2 and "in.csv: line 5: duplicate id 'a' (first on line 2)" in err


def test_extract_csv_that_is_not_utf8_names_the_file_and_line(capsys, tmp_path):
    code, err, _ = extract_csv(capsys, tmp_path, b"id,title,abstract\nr1,t,x\nr2,caf\xe9,y\n")
    assert code == 2 and "in.csv: line 3: not UTF-8" in err and len(err.strip().splitlines()) == 1


def test_extract_csv_row_with_more_fields_than_the_header_is_an_error(capsys, tmp_path):
    # an unquoted comma in the abstract would otherwise silently cut the abstract short
    code, err, _ = extract_csv(capsys, tmp_path, b"id,title,abstract\nr1,t,PFS 7.8, OS 20 months\n")
    assert code == 2 and "in.csv: line 2: 4 fields" in err and "header has 3" in err


# --------------------------------------------------------------------------- PubMed XML: versions and deletions


def pubmed_article(pmid: str, version: int, title: str, revised: str = "2021-06-07") -> str:
    year, month, day = revised.split("-")
    return (
        f'<PubmedArticle><MedlineCitation Status="MEDLINE" Owner="NLM"><PMID Version="{version}">{pmid}</PMID>'
        f"<DateRevised><Year>{year}</Year><Month>{month}</Month><Day>{day}</Day></DateRevised>"
        f"<Article><ArticleTitle>{title}</ArticleTitle>"
        f"<Abstract><AbstractText>{title} abstract.</AbstractText></Abstract></Article>"
        "</MedlineCitation></PubmedArticle>\n"
    )


def pubmed_file(tmp_path, *pieces: str):
    body = '<?xml version="1.0"?>\n<PubmedArticleSet>\n' + "".join(pieces) + "</PubmedArticleSet>\n"
    return write_bytes(tmp_path, "update.xml", body.encode())


def deletion(*pmids: str) -> str:
    return "<DeleteCitation>" + "".join(f'<PMID Version="1">{pmid}</PMID>' for pmid in pmids) + "</DeleteCitation>\n"


def test_extract_pubmed_xml_writes_one_row_per_pmid_the_current_version(capsys, tmp_path):
    source = shared_path("pubmed/real_quirks_subset.xml")  # PMID 30271887 as versions 1, 2, 3, 4
    out = tmp_path / "q.csv"
    code, stdout, _ = run(capsys, "extract", str(source), "--out", str(out))
    ids = [row["id"] for row in read_csv(out)]
    assert code == 0 and ids.count("pmid:30271887") == 1 and len(ids) == len(set(ids)) == 19
    assert "19 records" in stdout and "3 superseded versions" in stdout


def test_extract_pubmed_xml_picks_the_highest_version_and_the_later_of_equal_versions(capsys, tmp_path):
    source = pubmed_file(
        tmp_path,
        pubmed_article("1", 1, "First"),
        pubmed_article("2", 1, "Other"),
        pubmed_article("1", 2, "Second"),
        pubmed_article("1", 1, "Late old version"),  # older: never overwrites a newer one
        pubmed_article("1", 2, "Second revised"),  # same version, revised content: the later wins
        pubmed_article("1", 2, "Stale revision", revised="2020-01-01"),  # same version, older DateRevised
    )
    out = tmp_path / "o.csv"
    assert run(capsys, "extract", str(source), "--out", str(out))[0] == 0
    rows = read_csv(out)
    assert [(row["id"], row["title"]) for row in rows] == [("pmid:1", "Second revised"), ("pmid:2", "Other")]


def test_extract_pubmed_xml_leaves_out_deleted_pmids(capsys, tmp_path):
    source = pubmed_file(
        tmp_path,
        pubmed_article("1", 1, "Kept"),
        pubmed_article("2", 1, "Deleted"),
        pubmed_article("3", 1, "Deleted then revised"),
        deletion("2", "3", "99"),
        pubmed_article("3", 1, "Revised after the deletion"),  # last event wins, as on ingest
    )
    out = tmp_path / "o.csv"
    code, stdout, _ = run(capsys, "extract", str(source), "--out", str(out))
    rows = read_csv(out)
    assert code == 0 and [(row["id"], row["title"]) for row in rows] == [
        ("pmid:1", "Kept"), ("pmid:3", "Revised after the deletion")]
    assert "2 records" in stdout and "left out 1 superseded version and 1 deleted PMID)" in stdout


# --------------------------------------------------------------------------- CSV input: spreadsheet exports and spaces


def test_extract_csv_accepts_trailing_empty_fields_as_spreadsheet_exports_write_them(capsys, tmp_path):
    code, err, rows = extract_csv(capsys, tmp_path, b"id,title,abstract\nr1,t,abstract text,,\nr2,t2,x, ,\t\n")
    assert code == 0, err
    assert [(row["id"], row["title"]) for row in rows] == [("r1", "t"), ("r2", "t2")]


def test_extract_csv_accepts_a_header_with_trailing_empty_column_names(capsys, tmp_path):
    code, err, rows = extract_csv(capsys, tmp_path, b"id,title,abstract,,\nr1,t,x,,\nr2,t2,y\n")
    assert code == 0, err
    assert [row["id"] for row in rows] == ["r1", "r2"]


def test_extract_csv_extra_field_that_is_not_empty_is_still_an_error(capsys, tmp_path):
    code, err, _ = extract_csv(capsys, tmp_path, b"id,title,abstract\nr1,t,x,,note\n")
    assert code == 2 and "in.csv: line 2: 5 fields" in err and "header has 3" in err
    # trailing empty header names are no columns: a comma in an unquoted abstract is still caught
    code, err, _ = extract_csv(capsys, tmp_path, b"id,title,abstract,,\nr1,t,PFS 7.8, OS 20 months\n")
    assert code == 2 and "in.csv: line 2: 4 fields" in err and "header has 3" in err
    assert "quote fields that contain commas" in err


def test_extract_csv_reads_a_quoted_field_after_a_space_as_quoted(capsys, tmp_path):
    code, err, rows = extract_csv(capsys, tmp_path, b'id, title, abstract\nr1, "Everolimus, exemestane", "x, y"\n')
    assert code == 0, err
    assert rows[0]["id"] == "r1" and rows[0]["title"] == "Everolimus, exemestane"


def test_extract_csv_text_after_the_closing_quote_of_a_field_after_a_space_is_an_error(capsys, tmp_path):
    code, err, _ = extract_csv(capsys, tmp_path, b'id,title,abstract\n1,t,x\n2, "a"b,x\n')
    assert code == 2 and "in.csv: line 3:" in err


def test_extract_csv_unterminated_quote_after_a_space_names_the_line_where_the_field_starts(capsys, tmp_path):
    code, err, _ = extract_csv(capsys, tmp_path, b'id,title,abstract\n1,t,x\n2, "two\nlines", "open\nrest\n')
    assert code == 2 and "in.csv: line 4:" in err and "unterminated" in err


def test_extract_csv_tab_before_an_opening_quote_is_named_as_the_cause_of_extra_fields(capsys, tmp_path):
    code, err, _ = extract_csv(capsys, tmp_path, b'id,title,abstract\nr1,t,\t"PFS 7.8, OS 20 months"\n')
    assert code == 2 and "in.csv: line 2: 4 fields" in err
    assert "white space before the opening quote of field 3" in err and "quote fields that contain commas" not in err

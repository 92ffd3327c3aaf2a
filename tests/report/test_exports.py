"""Exports: the PRISMA2020 CSV schema, RIS that re-imports, ASReview CSV that round-trips, formula safety."""

from __future__ import annotations

import csv

from mbc_sr.config import load_config
from mbc_sr.pipeline_screen import current_decisions, import_asreview, load_screening_protocol
from mbc_sr.report.exports import (
    PRISMA2020_COLUMNS, search_methods, write_asreview_csv, write_prisma2020_csv, write_records_ris,
)  # fmt: skip
from mbc_sr.report.prisma_store import counts_from_store
from mbc_sr.sources.imports import import_file, read_import
from mbc_sr.store import open_store
from tests.conftest import REPO
from tests.report.conftest import ingest, record

# the template's field names (prisma-flowdiagram/PRISMA2020 inst/extdata/PRISMA.csv, column `data`)
PRISMA2020_DATA = {
    "previous_studies", "previous_reports", "database_results", "database_specific_results", "register_results",
    "register_specific_results", "website_results", "organisation_results", "citations_results", "duplicates",
    "excluded_automatic", "excluded_other", "records_screened", "records_excluded", "dbr_sought_reports",
    "dbr_notretrieved_reports", "other_sought_reports", "other_notretrieved_reports", "dbr_assessed", "dbr_excluded",
    "other_assessed", "other_excluded", "new_studies", "new_reports", "total_studies", "total_reports",
    "identification", "screening", "included",
}


def _read(path):
    with path.open(encoding="utf-8", newline="") as stream:
        reader = csv.DictReader(stream)
        return reader.fieldnames, list(reader)


def test_prisma2020_csv_has_exactly_the_schemas_columns_and_the_counts(review_store, tmp_path):
    counts = counts_from_store(review_store, since="2")
    header, rows = _read(write_prisma2020_csv(counts, tmp_path / "PRISMA.csv"))
    assert tuple(header) == PRISMA2020_COLUMNS == ("data", "node", "box", "description", "boxtext", "tooltips", "url", "n")
    n = {row["data"]: row["n"] for row in rows if row["data"] != "NA"}
    assert set(n) == PRISMA2020_DATA
    assert n["database_results"] == "5" and n["database_specific_results"] == "Embase, 0; PubMed, 5"
    assert (n["duplicates"], n["excluded_automatic"], n["excluded_other"]) == ("1", "0", "1")
    assert (n["records_screened"], n["records_excluded"], n["dbr_sought_reports"]) == ("2", "0", "2")
    assert (n["dbr_notretrieved_reports"], n["dbr_assessed"], n["dbr_excluded"]) == ("0", "2", "wrong comparator, 1")
    assert (n["new_studies"], n["new_reports"], n["previous_studies"], n["previous_reports"]) == ("0", "1", "1", "1")
    assert (n["total_studies"], n["total_reports"]) == ("1", "2")


def test_ris_export_reimports_through_the_importer_with_the_same_records(review_store, tmp_path):
    path = tmp_path / "records.ris"
    written = write_records_ris(review_store, path)
    merged = {"embase:1", "embase:2", "pmid:6", "pmid:7"}  # dedup losers are not exported
    originals = {r.key: r for r in review_store.iter_records() if r.key not in merged}  # pmid:9 deleted: not current
    assert written == len(originals) == 10  # 15 keys - 4 merged - pmid:9 deleted
    text = path.read_text(encoding="utf-8")
    assert "N1  - mbc-sr decision — title/abstract: included; full text: excluded (wrong population)" in text

    imported = read_import(path, "Round trip")
    assert imported.format == "ris" and len(imported.records) == written
    by_title = {r.title: r for r, _sha in imported.records}
    for original in originals.values():
        again = by_title[original.title]
        assert (again.pmid, again.doi, again.year, again.volume, again.issue) == (
            original.pmid, original.doi, original.year, original.volume, original.issue,
        )  # fmt: skip
        assert [a.last_name for a in again.authors] == [a.last_name for a in original.authors]
        assert again.abstract_text == original.abstract_text
    # and through the import stage into a store
    with open_store(tmp_path / "again.sqlite") as other:
        report = import_file(other, path, source="Round trip")
        assert report.records == written and other.stats().records == written


def test_asreview_csv_round_trips_the_decisions(review_store, tmp_path):
    path = tmp_path / "asreview.csv"
    write_asreview_csv(review_store, path)
    header, rows = _read(path)
    assert {"title", "abstract", "doi", "included"} <= set(header)
    labels = {row["mbc_sr_id"]: row["included"] for row in rows}
    # ta: people included pmid 1, 2, 5, 8, 11; excluded pmid:4, embase:3; rules excluded pmid:3, embase:4
    assert {k for k, v in labels.items() if v == "1"} == {"pmid:1", "pmid:2", "pmid:5", "pmid:8", "pmid:11"}
    assert {k for k, v in labels.items() if v == "0"} == {"pmid:4", "embase:3", "pmid:3", "embase:4"}
    assert labels["pmid:10"] == ""
    assert all(row["abstract"].startswith("Abstract of") for row in rows)  # "=SUM" inside, not leading

    # a fresh store with the same records: ASReview's labels come back as a reviewer's decisions
    protocol = load_screening_protocol(load_config(REPO / "config" / "review.toml"))
    with open_store(tmp_path / "fresh.sqlite") as fresh:
        ingest(fresh, "PubMed", [record("pubmed", str(i), f"Everolimus trial report {i}", doi=f"10.1000/pm{i}") for i in (1, 2, 3, 4, 5, 8, 10, 11)])
        ingest(fresh, "Embase", [record("embase", str(i), f"Embase record {i}") for i in (3, 4)])
        report = import_asreview(fresh, protocol, path, "asr")
        assert report.status == "imported" and report.written == 9, report.problems
        current = current_decisions(fresh, "ta")
        assert {k: "1" if c.status == "included" else "0" for k, c in current.items()} == {
            k: v for k, v in labels.items() if v
        }


def test_csv_cells_are_formula_safe(review_store, tmp_path):
    with open_store(tmp_path / "evil.sqlite") as store:
        ingest(store, "PubMed", [record("pubmed", "1", "=HYPERLINK(\"http://evil\")")])
        path = tmp_path / "asreview.csv"
        write_asreview_csv(store, path)
        _header, rows = _read(path)
        assert rows[0]["title"] == "'=HYPERLINK(\"http://evil\")"


def test_search_methods_lists_every_run(review_store):
    rows = search_methods(review_store)
    assert [(r["source"], r["run"]) for r in rows] == [("PubMed", 1), ("Embase", 2), ("PubMed", 3)]
    assert all(r["date_run"] for r in rows)

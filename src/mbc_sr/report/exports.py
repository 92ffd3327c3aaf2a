"""Exports that round-trip with the ecosystem: counts (JSON, PRISMA2020 CSV), records with their
current decisions (RIS, ASReview CSV) and the search-methods report (PRISMA-S).

Every CSV cell goes through the screening module's formula neutraliser
(`mbc_sr.screen.sheets.neutralise`: a leading apostrophe before = + - @ tab CR), so no cell
runs as a spreadsheet formula; the ASReview import takes it off again (`restore`).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from mbc_sr.report.prisma import PrismaCounts
from mbc_sr.screen.sheets import neutralise

__all__ = [
    "ASREVIEW_COLUMNS", "PRISMA2020_COLUMNS", "asreview_rows", "prisma2020_rows", "search_methods",
    "write_asreview_csv", "write_counts_json", "write_csv_rows", "write_prisma2020_csv", "write_records_ris",
    "write_search_methods",
]  # fmt: skip

# The PRISMA2020 R package / Shiny app input schema: a long table, one row per diagram field
# named in `data`, the value in `n` ("name, n; name, n" for per-database and per-reason
# fields). Columns and `data` names as in the package's template inst/extdata/PRISMA.csv and
# read by R/PRISMA_data.R (github.com/prisma-flowdiagram/PRISMA2020; Haddaway NR, Page MJ,
# Pritchard CC, McGuinness LA. Campbell Systematic Reviews 2022;18:e1230).
PRISMA2020_COLUMNS = ("data", "node", "box", "description", "boxtext", "tooltips", "url", "n")

# (data, node, box, box text) — the box text is the PRISMA 2020 statement's wording
_PRISMA2020_FIELDS = (
    ("NA", "node4", "prevstud", "Previous studies"),
    ("previous_studies", "node5", "box1", "Studies included in previous version of review"),
    ("previous_reports", "NA", "box1", "Reports of studies included in previous version of review"),
    ("NA", "node6", "newstud", "Identification of new studies via databases and registers"),
    ("database_results", "node7", "box2", "Databases"),
    ("database_specific_results", "NA", "box2", "Specific Databases"),
    ("register_results", "NA", "box2", "Registers"),
    ("register_specific_results", "NA", "box2", "Specific Registers"),
    ("NA", "node16", "othstud", "Identification of new studies via other methods"),
    ("website_results", "node17", "box11", "Websites"),
    ("organisation_results", "NA", "box11", "Organisations"),
    ("citations_results", "NA", "box11", "Citation searching"),
    ("duplicates", "node8", "box3", "Duplicate records"),
    ("excluded_automatic", "NA", "box3", "Records marked as ineligible by automation tools"),
    ("excluded_other", "NA", "box3", "Records removed for other reasons"),
    ("records_screened", "node9", "box4", "Records screened"),
    ("records_excluded", "node10", "box5", "Records excluded"),
    ("dbr_sought_reports", "node11", "box6", "Reports sought for retrieval"),
    ("dbr_notretrieved_reports", "node12", "box7", "Reports not retrieved"),
    ("other_sought_reports", "node18", "box12", "Reports sought for retrieval"),
    ("other_notretrieved_reports", "node19", "box13", "Reports not retrieved"),
    ("dbr_assessed", "node13", "box8", "Reports assessed for eligibility"),
    ("dbr_excluded", "node14", "box9", "Reports excluded"),
    ("other_assessed", "node20", "box14", "Reports assessed for eligibility"),
    ("other_excluded", "node21", "box15", "Reports excluded"),
    ("new_studies", "node15", "box10", "New studies included in review"),
    ("new_reports", "NA", "box10", "Reports of new included studies"),
    ("total_studies", "node22", "box16", "Total studies included in review"),
    ("total_reports", "NA", "box16", "Reports of total included studies"),
    ("identification", "node1", "identification", "Identification"),
    ("screening", "node2", "screening", "Screening"),
    ("included", "node3", "included", "Included"),
)

ASREVIEW_COLUMNS = ("mbc_sr_id", "title", "abstract", "authors", "year", "doi", "pubmed_id", "included")


def write_csv_rows(path: Path, columns: Sequence[str], rows: Iterable[Mapping[str, object]]) -> int:
    """A UTF-8 CSV with every cell formula-safe; returns the number of rows."""
    path.parent.mkdir(parents=True, exist_ok=True)
    count = 0
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(columns)
        for row in rows:
            writer.writerow([neutralise(row.get(column, "")) for column in columns])
            count += 1
    return count


# --------------------------------------------------------------------------- counts


def write_counts_json(counts: PrismaCounts, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(counts.as_dict(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def _pairs(values: Mapping[str, int]) -> str:
    # the package splits on ";" then ",": names keep neither
    return "; ".join(f"{name.replace(',', ' ').replace(';', ' ')}, {n}" for name, n in values.items())


def prisma2020_rows(c: PrismaCounts) -> list[dict[str, object]]:
    """The counts as rows of the PRISMA2020 package's CSV schema."""
    values: dict[str, object] = {
        "previous_studies": c.previous_studies, "previous_reports": c.previous_reports,
        "database_results": sum(c.databases.values()), "database_specific_results": _pairs(c.databases),
        "register_results": sum(c.registers.values()), "register_specific_results": _pairs(c.registers),
        "website_results": 0, "organisation_results": 0, "citations_results": sum(c.other_sources.values()),
        "duplicates": c.duplicates, "excluded_automatic": c.automation, "excluded_other": c.removed_other,
        "records_screened": c.screened, "records_excluded": c.excluded,
        "dbr_sought_reports": c.sought, "dbr_notretrieved_reports": c.not_retrieved,
        "other_sought_reports": 0, "other_notretrieved_reports": 0,
        "dbr_assessed": c.assessed, "dbr_excluded": _pairs(c.reports_excluded_reasons),
        "other_assessed": 0, "other_excluded": "",
        "new_studies": c.new_studies, "new_reports": c.new_reports,
        "total_studies": c.total_studies, "total_reports": c.total_reports,
    }  # fmt: skip
    rows = []
    for data, node, box, text in _PRISMA2020_FIELDS:
        rows.append({
            "data": data, "node": node, "box": box, "description": text, "boxtext": text,
            "tooltips": text if node != "NA" else "NA", "url": f"{data if data != 'NA' else box}.html",
            "n": values.get(data, 0),
        })  # fmt: skip
    return rows


def write_prisma2020_csv(counts: PrismaCounts, path: Path) -> Path:
    write_csv_rows(path, PRISMA2020_COLUMNS, prisma2020_rows(counts))
    return path


# --------------------------------------------------------------------------- records


def _decision_note(ta, ft) -> str:
    parts = []
    for label, state in (("title/abstract", ta), ("full text", ft)):
        if state is not None:
            reason = f" ({state.reason})" if state.reason and state.status != "included" else ""
            parts.append(f"{label}: {state.status}{reason}")
    return "mbc-sr decision — " + ("; ".join(parts) if parts else "unscreened")


def write_records_ris(store, path: Path) -> int:
    """Every current record (dedup survivors; PubMed deletions left out) as RIS, the record key
    in ID and its current decisions in an N1 note. Re-importable with `mbc-sr import`."""
    from mbc_sr.pipeline_screen import current_decisions
    from mbc_sr.report.ris import ris_entry
    from mbc_sr.store import decisions as log

    merged = log.survivor_map(store)
    ta, ft = current_decisions(store, "ta"), current_decisions(store, "ft")
    path.parent.mkdir(parents=True, exist_ok=True)
    count = 0
    with path.open("w", encoding="utf-8", newline="\n") as stream:
        for record in store.iter_records():
            if record.key in merged:
                continue
            for tag, value in ris_entry(record, record.key):
                if tag == "ER":
                    stream.write(f"N1  - {_decision_note(ta.get(record.key), ft.get(record.key))}\n")
                text = " ".join(str(value).split())
                stream.write(f"{tag}  - {text}\n" if text else f"{tag}  - \n")
            stream.write("\n")
            count += 1
    return count


def asreview_rows(store, stage: str = "ta") -> list[dict[str, object]]:
    """One row per current record: `included` is 1 (included), 0 (excluded, by people or by the
    rules) or empty (not decided), at `stage`."""
    from mbc_sr.pipeline_screen import current_decisions
    from mbc_sr.store import decisions as log

    merged = log.survivor_map(store)
    current = current_decisions(store, stage)
    rows = []
    for record in store.iter_records():
        if record.key in merged:
            continue
        state = current.get(record.key)
        status = state.status if state else "unscreened"
        label = 1 if status == "included" else 0 if status in ("excluded", "excluded_by_automation") else ""
        rows.append({
            "mbc_sr_id": record.key, "title": record.title or record.vernacular_title or "",
            "abstract": record.abstract_text, "authors": "; ".join(
                a.collective_name or " ".join(p for p in (a.last_name, a.initials) if p) for a in record.authors
            ), "year": record.year or "", "doi": record.doi or "", "pubmed_id": record.pmid or "", "included": label,
        })  # fmt: skip
    return rows


def write_asreview_csv(store, path: Path, stage: str = "ta") -> int:
    """ASReview LAB's data format (title, abstract, doi, included label), importable into
    ASReview and back with `mbc-sr screen import-asreview` (matched on mbc_sr_id)."""
    return write_csv_rows(path, ASREVIEW_COLUMNS, asreview_rows(store, stage))


# --------------------------------------------------------------------------- search methods (PRISMA-S)

SEARCH_COLUMNS = ("source", "kind", "run", "date_run", "query", "query_translation", "count", "records_stored", "input")


def _first(*values):
    return next((v for v in values if v not in (None, "", {})), "")


def search_methods(store) -> list[dict[str, object]]:
    """Each completed run of each source: the exact query, PubMed's QueryTranslation, when it
    ran, the count the source reported, and what was stored (PRISMA-S items 1-13, 16)."""
    rows = []
    for run in store.runs():
        if run.status != "completed":
            continue
        m, p, counts = run.manifest or {}, run.params or {}, run.counts or {}
        search = m.get("search") if isinstance(m.get("search"), dict) else {}
        rows.append({
            "source": run.source, "kind": run.kind, "run": run.id,
            "date_run": (run.finished_at or run.started_at).isoformat(timespec="seconds"),
            "query": _first(search.get("query"), m.get("query"), p.get("query"), "(all records in the input)"),
            "query_translation": _first(m.get("query_translation"), search.get("query_translation")),
            "count": _first(m.get("count"), search.get("count"), counts.get("matched"), counts.get("records")),
            "records_stored": _first(counts.get("records"), counts.get("new_records"), 0),
            "input": _first(m.get("file"), m.get("path"), m.get("name"), (m.get("input") or {}).get("name") if isinstance(m.get("input"), dict) else None, run.input_sha256 and f"sha256 {run.input_sha256[:16]}"),
        })  # fmt: skip
    return rows


def write_search_methods(store, out_dir: Path) -> tuple[Path, Path]:
    """`search-methods.csv` and `search-methods.md` in `out_dir`."""
    rows = search_methods(store)
    csv_path, md_path = out_dir / "search-methods.csv", out_dir / "search-methods.md"
    write_csv_rows(csv_path, SEARCH_COLUMNS, rows)
    lines = ["# Search methods (PRISMA-S)", ""]
    for row in rows:
        lines += [
            f"## {row['source']} — run {row['run']} ({row['kind']})", "",
            f"- Date run: {row['date_run']}", f"- Query: `{row['query']}`",
            *([f"- Query translation: `{row['query_translation']}`"] if row["query_translation"] else []),
            f"- Count: {row['count']}", f"- Records stored: {row['records_stored']}", f"- Input: {row['input']}", "",
        ]  # fmt: skip
    md_path.write_text("\n".join(lines), encoding="utf-8")
    return csv_path, md_path

"""Everything the report stage writes for one run, into one folder (`outputs/<run>/`).

Counts (JSON, PRISMA2020 CSV), the diagram (SVG + PNG), records with their current decisions
(RIS, ASReview CSV) and the search-methods report. Used by `mbc-sr export all` and the
refresh flow.
"""

from __future__ import annotations

from pathlib import Path

from mbc_sr.report.prisma import PrismaCounts

__all__ = ["counts_table", "write_bundle"]


def write_bundle(store, out_dir: Path, *, as_of: str | None = None, since: str | None = None) -> tuple[PrismaCounts, dict[str, Path]]:
    """Write every report output to `out_dir`; returns the counts and the paths by name.
    Raises `PrismaIdentityError` (nothing written) when the log does not add up."""
    from mbc_sr.report.diagram import draw_diagram
    from mbc_sr.report.exports import (
        write_asreview_csv, write_counts_json, write_prisma2020_csv, write_records_ris, write_search_methods,
    )  # fmt: skip
    from mbc_sr.report.prisma_store import counts_from_store

    counts = counts_from_store(store, as_of, since)
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = {
        "counts_json": write_counts_json(counts, out_dir / "prisma-counts.json"),
        "prisma2020_csv": write_prisma2020_csv(counts, out_dir / "PRISMA2020.csv"),
    }
    svg, png = draw_diagram(counts, out_dir / "prisma-diagram.svg", out_dir / "prisma-diagram.png")
    paths.update(diagram_svg=svg, diagram_png=png)
    paths["records_ris"] = out_dir / "records.ris"
    write_records_ris(store, paths["records_ris"])
    paths["asreview_csv"] = out_dir / "asreview.csv"
    write_asreview_csv(store, paths["asreview_csv"])
    paths["search_methods_csv"], paths["search_methods_md"] = write_search_methods(store, out_dir)
    return counts, paths


def counts_table(c: PrismaCounts) -> str:
    """The counts as a markdown table (for the Prefect artifact and the terminal)."""
    rows = [
        *((f"Identified: {name}", n) for name, n in {**c.databases, **c.registers, **c.other_sources}.items()),
        ("Duplicate records removed", c.duplicates),
        ("Marked ineligible by automation tools", c.automation),
        ("Removed for other reasons", c.removed_other),
        ("Records screened", c.screened),
        ("Records excluded", c.excluded),
        ("Records awaiting screening", c.awaiting_screening),
        ("Reports sought for retrieval", c.sought),
        ("Reports not retrieved", c.not_retrieved),
        ("Reports assessed for eligibility", c.assessed),
        *((f"Reports excluded: {reason}", n) for reason, n in c.reports_excluded_reasons.items()),
        ("New studies included", c.new_studies),
        ("Reports of new included studies", c.new_reports),
    ]
    if c.template == "update":
        rows += [("Previous studies", c.previous_studies), ("Previous reports", c.previous_reports),
                 ("Total studies", c.total_studies), ("Total reports", c.total_reports)]  # fmt: skip
    title = f"PRISMA 2020 counts as of {c.as_of}" + (f" (since {c.since})" if c.since else "")
    return "\n".join([f"**{title}**", "", "| box | n |", "|---|---:|", *(f"| {name} | {n:,} |" for name, n in rows)])

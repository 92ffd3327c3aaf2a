"""ASReview LAB exports as decisions of a named reviewer.

ASReview LAB's CSV export is the imported data set with an `included` column: 1 relevant,
0 irrelevant, empty (or -1) not labelled. Its own `record_id` is ASReview's row number, not
ours, so records are matched on their identifiers: our record key if the data set came from
`mbc-sr` (a `mbc_sr_id` / `record_key` column), else the PMID (`pubmed_id`, `pmid`,
`pubmedid`, `PMID`), else the DOI. Unlabelled rows are left out; rows that match no record
are reported, never guessed.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from mbc_sr.records import normalise_doi, normalise_pmid
from mbc_sr.screen.sheets import Problem, restore

KEY_COLUMNS = ("mbc_sr_id", "record_key")
PMID_COLUMNS = ("pubmed_id", "pmid", "pubmedid", "pubmed id")
DOI_COLUMNS = ("doi",)


@dataclass(frozen=True, slots=True)
class Label:
    row: int
    record_key: str
    included: bool


def read_asreview(path: Path, resolve: Callable[[str | None, str | None, str | None], str | None]) -> tuple[list[Label], list[Problem]]:
    """Labels in an ASReview CSV export. `resolve(key, pmid, doi)` gives a stored record key or None."""
    with path.open(encoding="utf-8-sig", newline="") as stream:
        reader = csv.DictReader(stream)
        header = {name.strip().lower(): name for name in reader.fieldnames or ()}
        if "included" not in header:
            raise ValueError(f"{path}: not an ASReview LAB export: no 'included' column")
        labels: list[Label] = []
        problems: list[Problem] = []
        for number, row in enumerate(reader, start=2):
            value = (row.get(header["included"]) or "").strip()
            if value in ("", "-1"):
                continue
            if value not in ("0", "1", "0.0", "1.0"):
                problems.append(Problem(number, "", f"included must be 1, 0 or empty, not {value!r}"))
                continue

            def first(columns: tuple[str, ...]) -> str | None:
                for name in columns:
                    if name in header and (row.get(header[name]) or "").strip():
                        return restore(row[header[name]].strip())
                return None

            key, pmid, doi = first(KEY_COLUMNS), normalise_pmid(first(PMID_COLUMNS)), normalise_doi(first(DOI_COLUMNS))
            found = resolve(key, pmid, doi)
            if found is None:
                shown = key or (f"pmid:{pmid}" if pmid else None) or (f"doi:{doi}" if doi else "(no identifier)")
                problems.append(Problem(number, shown, "matches no stored record"))
                continue
            labels.append(Label(number, found, value.startswith("1")))
    return labels, problems

"""Load the extraction gold set: the selection, the annotations, and each record's real text.

The gold records' texts are not copied into the repository: they are read from `../shared/data`
(PubMed XML slices, the evidence-inference abstracts, the Cohen 2006 screening CSVs), each
by the source id in `selection.csv`. Annotations (`dev.json`, `heldout.json`) hold only the
values a human read off each abstract; see README.md beside this file.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import re
import tarfile
from dataclasses import dataclass
from pathlib import Path

from mbc_sr.records import AbstractSection, Record

GOLD_DIR = Path(__file__).resolve().parent
SHARED_DATA = GOLD_DIR.parents[3] / "shared" / "data"


@dataclass(slots=True)
class GoldEntry:
    id: str
    source_file: str
    group: str
    split: str


def read_selection(path: Path = GOLD_DIR / "selection.csv") -> list[GoldEntry]:
    with path.open(newline="", encoding="utf-8") as handle:
        return [GoldEntry(**row) for row in csv.DictReader(handle)]


def read_annotations(split: str) -> dict[str, dict]:
    """{record id: annotation} for "dev" or "heldout"."""
    path = GOLD_DIR / f"{split}.json"
    if not path.exists():
        return {}
    return {entry["id"]: entry for entry in json.loads(path.read_text(encoding="utf-8"))}


def load_records(entries: list[GoldEntry], shared: Path = SHARED_DATA) -> dict[str, Record]:
    """{gold id: Record} read from the shared data, grouped per source file (each file read once)."""
    by_file: dict[str, list[GoldEntry]] = {}
    for entry in entries:
        by_file.setdefault(entry.source_file, []).append(entry)
    records: dict[str, Record] = {}
    for source_file, group in by_file.items():
        path = shared / source_file
        wanted = {entry.id for entry in group}
        if source_file.startswith("pubmed/"):
            records.update(_pubmed(path, wanted))
        elif "evidence_inference" in source_file:
            records.update(_evidence_inference(path, wanted))
        elif "cohen2006" in source_file:
            records.update(_cohen(path, wanted))
        else:
            raise ValueError(f"unknown gold source {source_file}")
    missing = {entry.id for entry in entries} - set(records)
    if missing:
        raise LookupError(f"gold records not found in shared data: {sorted(missing)}")
    return records


def _pubmed(path: Path, wanted: set[str]) -> dict[str, Record]:
    from mbc_sr.pubmed_xml import ParsedRecord, iter_pubmed_xml

    found = {}
    for item in iter_pubmed_xml(path):
        if isinstance(item, ParsedRecord) and f"pmid:{item.record.pmid}" in wanted:
            found[f"pmid:{item.record.pmid}"] = item.record
    return found


_SECTION = re.compile(r"^(TITLE|ABSTRACT(?:\.[^\n]*?)?|BODY(?:\.[^\n]*?)?)[.:]+\s*$")


def parse_evidence_inference(text: str, pmcid: str) -> Record:
    """An evidence-inference `.abst` file: "TITLE." then "ABSTRACT.<LABEL>." sections; BODY ignored."""
    title = ""
    sections: list[AbstractSection] = []
    current: str | None = None
    lines: list[str] = []

    def flush() -> None:
        nonlocal title
        paragraphs = [" ".join(p.split()) for p in "\n".join(lines).split("\n\n") if p.strip()]
        if current == "TITLE" and paragraphs:
            # Some files put an unlabelled abstract after the title, with no ABSTRACT header.
            title = paragraphs[0]
            if len(paragraphs) > 1:
                sections.append(AbstractSection(text=" ".join(paragraphs[1:])))
        elif current and current.startswith("ABSTRACT") and paragraphs:
            label = current.partition(".")[2] or None
            sections.append(AbstractSection(text=" ".join(paragraphs), label=label))

    for line in text.splitlines():
        match = _SECTION.match(line)
        if match:
            flush()
            current, lines = match.group(1), []
        else:
            lines.append(line)
    flush()
    return Record(source="evidence_inference", source_record_id=pmcid, pmcid=pmcid, title=title,
                  abstract=tuple(sections))


def _evidence_inference(path: Path, wanted: set[str]) -> dict[str, Record]:
    found = {}
    with tarfile.open(path) as archive:
        for member in archive.getmembers():
            pmcid = Path(member.name).stem
            if f"pmc:{pmcid}" in wanted:
                text = archive.extractfile(member).read().decode("utf-8")
                found[f"pmc:{pmcid}"] = parse_evidence_inference(text, pmcid)
    return found


def _cohen(path: Path, wanted: set[str]) -> dict[str, Record]:
    """Cohen 2006 CSV rows; their abstracts join MEDLINE's sections with "; " (labels dropped)."""
    found = {}
    with gzip.open(path, "rt", encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(io.StringIO(handle.read())):
            key = f"pmid:{row['pubmedID']}"
            if key in wanted:
                found[key] = Record(source="pubmed", source_record_id=row["pubmedID"], pmid=row["pubmedID"],
                                    title=row["title"], abstract=(AbstractSection(text=row["abstract"]),))
    return found

"""Select the fresh held-out records of the extraction gold set, by criteria only (see README.md).

    python tests/extract/gold/select_fresh.py           # print the fresh rows
    python tests/extract/gold/select_fresh.py --write   # (re)write them into selection.csv

Deterministic: within each group the candidates are ordered by sha256 of their id and the first K
with abstract text are taken. Every id already in `selection.csv` under another split (dev,
heldout) is excluded, so rerunning reproduces the same fresh rows; `--write` replaces any existing
`fresh` rows and leaves the other rows untouched.

Groups:

- F_pubmed_hr (22): records of pubmed/pubmed21n1298.xml.gz whose abstract contains "hazard ratio"
  (any case) or the case-sensitive token "HR"/"HRs" followed within 12 characters (no full stop
  between) by a digit.
- F_pubmed_rct (14): records of the same file that are not HR candidates, whose abstract matches
  "randomi[sz]ed" and one of patients|participants|subjects|women|men|children|adults (any case).
- F_evidence_inference (10): abstracts of the evidence-inference breast/mTOR subset.
- F_cohen2006 (8): included abstracts (label_included = 1) of each Cohen 2006 review, 2 per
  review. These continue the E_cohen2006 order, which sorted by sha256 of the bare PMID
  ("the 2-3 with the lowest sha256 of the PMID per review"): the next 2 not yet selected.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import hashlib
import io
import re
import sys
import tarfile
from pathlib import Path

GOLD_DIR = Path(__file__).resolve().parent
REPO = GOLD_DIR.parents[2]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from tests.extract.gold.load import SHARED_DATA, parse_evidence_inference

PUBMED_FILE = "pubmed/pubmed21n1298.xml.gz"
EI_FILE = "extraction/evidence_inference/abstracts_breast_or_mtor_subset.tar.gz"
COHEN_DIR = "screening/cohen2006"
COHEN_REVIEWS = ("ADHD", "Antihistamines", "ProtonPumpInhibitors", "Triptans")

K = {"F_pubmed_hr": 22, "F_pubmed_rct": 14, "F_evidence_inference": 10}
K_COHEN_PER_REVIEW = 2

HR_PHRASE = re.compile(r"hazard ratio", re.IGNORECASE)
HR_TOKEN = re.compile(r"\bHRs?\b[^.]{0,12}?\d")
RANDOMISED = re.compile(r"randomi[sz]ed", re.IGNORECASE)
PEOPLE = re.compile(r"\b(?:patients|participants|subjects|women|men|children|adults)\b", re.IGNORECASE)
FIELDS = ("id", "source_file", "group", "split")


def sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def bare_pmid_sha(gold_id: str) -> str:
    """E_cohen2006's order: sha256 of the PMID without the "pmid:" prefix."""
    return sha(gold_id.removeprefix("pmid:"))


def is_hr(abstract: str) -> bool:
    return bool(HR_PHRASE.search(abstract) or HR_TOKEN.search(abstract))


def is_rct(abstract: str) -> bool:
    return bool(RANDOMISED.search(abstract) and PEOPLE.search(abstract))


def fresh_row(gold_id: str, source_file: str, group: str) -> dict:
    return {"id": gold_id, "source_file": source_file, "group": group, "split": "fresh"}


def first_k(candidates: dict[str, str], k: int, taken: set[str], key=sha) -> list[str]:
    """The first k ids (sorted by key(id)) not taken and with non-blank abstract text."""
    chosen = []
    for gold_id in sorted(candidates, key=key):
        if gold_id in taken or not candidates[gold_id].strip():
            continue
        chosen.append(gold_id)
        if len(chosen) == k:
            break
    if len(chosen) < k:
        raise RuntimeError(f"only {len(chosen)} candidates, {k} wanted")
    return chosen


def pubmed_groups(shared: Path, taken: set[str]) -> list[dict]:
    from mbc_sr.pubmed_xml import ParsedRecord, iter_pubmed_xml

    hr, rct = {}, {}
    for item in iter_pubmed_xml(shared / PUBMED_FILE):
        if not isinstance(item, ParsedRecord):
            continue
        abstract = item.record.abstract_text or ""
        gold_id = f"pmid:{item.record.pmid}"
        if is_hr(abstract):
            hr[gold_id] = abstract
        elif is_rct(abstract):
            rct[gold_id] = abstract
    return ([fresh_row(i, PUBMED_FILE, "F_pubmed_hr") for i in first_k(hr, K["F_pubmed_hr"], taken)]
            + [fresh_row(i, PUBMED_FILE, "F_pubmed_rct") for i in first_k(rct, K["F_pubmed_rct"], taken)])


def evidence_inference_group(shared: Path, taken: set[str]) -> list[dict]:
    abstracts = {}
    with tarfile.open(shared / EI_FILE) as archive:
        for member in archive.getmembers():
            if not member.isfile() or not member.name.endswith(".abst"):
                continue
            pmcid = Path(member.name).stem
            record = parse_evidence_inference(archive.extractfile(member).read().decode("utf-8"), pmcid)
            abstracts[f"pmc:{pmcid}"] = record.abstract_text
    return [fresh_row(i, EI_FILE, "F_evidence_inference") for i in first_k(abstracts, K["F_evidence_inference"], taken)]


def cohen_group(shared: Path, taken: set[str]) -> list[dict]:
    rows = []
    for review in COHEN_REVIEWS:
        source_file = f"{COHEN_DIR}/{review}.csv.gz"
        with gzip.open(shared / source_file, "rt", encoding="utf-8", newline="") as handle:
            included = {f"pmid:{row['pubmedID']}": row["abstract"]
                        for row in csv.DictReader(io.StringIO(handle.read())) if row["label_included"] == "1"}
        rows += [fresh_row(i, source_file, "F_cohen2006")
                 for i in first_k(included, K_COHEN_PER_REVIEW, taken, key=bare_pmid_sha)]
    return rows


def select(shared: Path = SHARED_DATA, selection: Path = GOLD_DIR / "selection.csv") -> tuple[list[dict], list[dict]]:
    """(the existing non-fresh rows, the fresh rows)."""
    with selection.open(newline="", encoding="utf-8") as handle:
        existing = [row for row in csv.DictReader(handle) if row["split"] != "fresh"]
    taken = {row["id"] for row in existing}
    fresh = pubmed_groups(shared, taken) + evidence_inference_group(shared, taken) + cohen_group(shared, taken)
    assert len({row["id"] for row in fresh}) == len(fresh) and not taken & {row["id"] for row in fresh}
    return existing, fresh


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="rewrite selection.csv with the fresh rows")
    args = parser.parse_args(argv)
    path = GOLD_DIR / "selection.csv"
    existing, fresh = select(selection=path)
    if args.write:
        with path.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.DictWriter(handle, fieldnames=FIELDS)  # CRLF, as the file was written
            writer.writeheader()
            writer.writerows(existing + fresh)
    else:
        writer = csv.DictWriter(sys.stdout, fieldnames=FIELDS, lineterminator="\n")
        writer.writerows(fresh)


if __name__ == "__main__":
    main()

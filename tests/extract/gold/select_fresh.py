"""Select the fresh held-out records of the extraction gold set, by criteria only (see README.md).

    python tests/extract/gold/select_fresh.py                   # print the fresh rows
    python tests/extract/gold/select_fresh.py --write           # (re)write them into selection.csv
    python tests/extract/gold/select_fresh.py --split fresh2    # the second fresh set (F2_ groups)
    python tests/extract/gold/select_fresh.py --split fresh3    # the third fresh set (F3_ groups)
    python tests/extract/gold/select_fresh.py --split fresh4    # the fourth fresh set (F4_ groups)
    python tests/extract/gold/select_fresh.py --split fresh5    # the fifth fresh set (F5_ groups)
    python tests/extract/gold/select_fresh.py --split fresh6    # the sixth fresh set (F6_ groups)
    python tests/extract/gold/select_fresh.py --split fresh7    # the seventh fresh set (F7_ groups)
    python tests/extract/gold/select_fresh.py --split fresh8    # the eighth fresh set (F8_ groups)
    python tests/extract/gold/select_fresh.py --split fresh9    # the ninth fresh set (F9_ groups)
    python tests/extract/gold/select_fresh.py --split fresh10   # the tenth fresh set (F10_ groups)
    python tests/extract/gold/select_fresh.py --split fresh11   # the eleventh fresh set (F11_ groups)
    python tests/extract/gold/select_fresh.py --split fresh12   # the twelfth fresh set (F12_ groups)
    python tests/extract/gold/select_fresh.py --split fresh13   # the thirteenth fresh set (F13_ groups)
    python tests/extract/gold/select_fresh.py --split fresh14   # the fourteenth fresh set (F14_ groups)
    python tests/extract/gold/select_fresh.py --split fresh15   # the fifteenth fresh set (F15_ groups)
    python tests/extract/gold/select_fresh.py --split fresh16   # the sixteenth fresh set (F16_ groups)
    python tests/extract/gold/select_fresh.py --split fresh17   # the seventeenth fresh set (F17_ groups)
    python tests/extract/gold/select_fresh.py --split fresh18   # the eighteenth fresh set (F18_ groups)
    python tests/extract/gold/select_fresh.py --split fresh19   # the nineteenth fresh set (F19_ groups)
    python tests/extract/gold/select_fresh.py --split fresh20   # the twentieth fresh set (F20_ groups)
    python tests/extract/gold/select_fresh.py --split fresh21   # the twenty-first fresh set (F21_ groups)
    python tests/extract/gold/select_fresh.py --split fresh22   # the twenty-second fresh set (F22_ groups)
    python tests/extract/gold/select_fresh.py --split fresh23   # the twenty-third fresh set (F23_ groups)
    python tests/extract/gold/select_fresh.py --split fresh24   # the twenty-fourth fresh set (F24_ groups)
    python tests/extract/gold/select_fresh.py --split fresh25   # the twenty-fifth fresh set (F25_ groups)
    python tests/extract/gold/select_fresh.py --split fresh26   # the twenty-sixth fresh set (F26_ groups)
    python tests/extract/gold/select_fresh.py --split fresh27   # the twenty-seventh fresh set (F27_ groups)
    python tests/extract/gold/select_fresh.py --split fresh28   # the twenty-eighth fresh set (F28_ groups)
    python tests/extract/gold/select_fresh.py --split fresh29   # the twenty-ninth fresh set (F29_ groups)
    python tests/extract/gold/select_fresh.py --split fresh30   # the thirtieth fresh set (F30_ groups)
    python tests/extract/gold/select_fresh.py --split fresh31   # the thirty-first fresh set (F31_ groups)

Deterministic: within each group the candidates are ordered by sha256 of their id and the first K
with abstract text are taken. Each fresh split is a round: a round excludes every id of the
dev/heldout splits and of the earlier rounds, so the second round (`fresh2`) takes the next
candidates after the first (`fresh`) in the same order and by the same criteria, and rerunning
reproduces the same rows. `--write` replaces the existing rows of that split (and only them).

From the third round (`fresh3`) on, near-duplicates are skipped as well, mechanically: a candidate
whose normalised title (lower case, runs of non-alphanumerics collapsed) equals that of a record
already in selection.csv (any other split) or already chosen in this round, or whose abstract's
set of word tokens ([a-z0-9]+, lower case) has a Jaccard overlap >= NEAR_DUPLICATE_JACCARD with
one of theirs. The skipped ids are reported on stderr. (Earlier rounds are unchanged.) The
reference set of a round is the dev/heldout records and those of the earlier rounds (never a later
round's), so rerunning an earlier round reproduces it after later rounds are added.

Groups (the prefix is F_ for `fresh`, F2_ for `fresh2`, F3_ for `fresh3`, F4_ for `fresh4`, F5_ for
`fresh5`, F6_ for `fresh6`, F7_ for `fresh7`, F8_ for `fresh8`, F9_ for `fresh9`, F10_ for
`fresh10`, F11_ for `fresh11`, F12_ for `fresh12`, F13_ for `fresh13`, F14_ for `fresh14`, F15_ for
`fresh15`, F16_ for `fresh16`, F17_ for `fresh17`, F18_ for `fresh18`, F19_ for
`fresh19`, F20_ for `fresh20`, F21_ for `fresh21`, F22_ for `fresh22`, F23_ for `fresh23`, F24_ for `fresh24`, F25_ for
`fresh25`, F26_ for `fresh26`, F27_ for `fresh27`, F28_ for `fresh28`, F29_ for `fresh29`, F30_ for
`fresh30`, F31_ for `fresh31`; K per round in ROUNDS):

- <prefix>pubmed_hr: records of pubmed/pubmed21n1298.xml.gz whose abstract contains "hazard
  ratio" (any case) or the case-sensitive token "HR"/"HRs" followed within 12 characters (no full
  stop between) by a digit.
- <prefix>pubmed_rct: records of the same file that are not HR candidates, whose abstract matches
  "randomi[sz]ed" and one of patients|participants|subjects|women|men|children|adults (any case).
- <prefix>evidence_inference: abstracts of the evidence-inference breast/mTOR subset.
- <prefix>cohen2006: included abstracts (label_included = 1) of each Cohen 2006 review, 2 per
  review. These continue the E_cohen2006 order, which sorted by sha256 of the bare PMID
  ("the 2-3 with the lowest sha256 of the PMID per review"): the next 2 not yet selected.
- <prefix>cohen2006_trials (from fresh23 on, when the June 2021 trial records run out): abstracts
  of the four Cohen 2006 reviews, included or excluded alike, that match the pubmed_rct test
  ("randomi[sz]ed" and a people word); the four reviews pooled and ordered by sha256 of the id, as
  the pubmed groups are. Their text is the CSV's (sections joined by "; ", labels dropped).
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

#: From fresh8 on: the Cohen 2006 included abstracts of one review are used up, so none; more of the others instead.
_WITHOUT_COHEN = {"pubmed_hr": 24, "pubmed_rct": 20, "evidence_inference": 14, "cohen2006": 0}
#: From fresh16 on: the June 2021 file's hazard-ratio candidates are nearly used up (8 left, 6 after the
#: near-duplicate test), so 3 per round; more randomised-trial records and evidence-inference abstracts instead.
_HR_NEARLY_USED_UP = {"pubmed_hr": 3, "pubmed_rct": 31, "evidence_inference": 24, "cohen2006": 0}
#: From fresh18 on: none of them is left, so none.
_HR_USED_UP = {"pubmed_hr": 0, "pubmed_rct": 34, "evidence_inference": 24, "cohen2006": 0}
#: fresh20: the last 13 evidence-inference abstracts that are no near-duplicate, more trial records instead.
_EVIDENCE_INFERENCE_USED_UP = {"pubmed_hr": 0, "pubmed_rct": 45, "evidence_inference": 13, "cohen2006": 0}
#: From fresh21 on: randomised-trial records of the June 2021 file only (the other groups are used up).
_TRIAL_RECORDS_ONLY = {"pubmed_hr": 0, "pubmed_rct": 58, "evidence_inference": 0, "cohen2006": 0}
#: fresh23: the last June 2021 trial records, then trial abstracts of the Cohen 2006 reviews.
_JUNE_TRIALS_RUN_OUT = {"pubmed_hr": 0, "pubmed_rct": 28, "evidence_inference": 0, "cohen2006": 0, "cohen2006_trials": 30}
#: From fresh24 on: trial abstracts of the Cohen 2006 reviews only (the June 2021 ones are used up).
_COHEN_TRIALS_ONLY = {"pubmed_hr": 0, "pubmed_rct": 0, "evidence_inference": 0, "cohen2006": 0, "cohen2006_trials": 58}
# split -> (group prefix, K per group); "cohen2006" is K per review. Rounds run in this order.
ROUNDS = {
    "fresh": ("F_", {"pubmed_hr": 22, "pubmed_rct": 14, "evidence_inference": 10, "cohen2006": 2}),
    "fresh2": ("F2_", {"pubmed_hr": 14, "pubmed_rct": 20, "evidence_inference": 10, "cohen2006": 2}),
    "fresh3": ("F3_", {"pubmed_hr": 20, "pubmed_rct": 12, "evidence_inference": 10, "cohen2006": 2}),
    "fresh4": ("F4_", {"pubmed_hr": 14, "pubmed_rct": 14, "evidence_inference": 12, "cohen2006": 2}),
    "fresh5": ("F5_", {"pubmed_hr": 22, "pubmed_rct": 16, "evidence_inference": 12, "cohen2006": 2}),
    "fresh6": ("F6_", {"pubmed_hr": 22, "pubmed_rct": 16, "evidence_inference": 12, "cohen2006": 2}),
    "fresh7": ("F7_", {"pubmed_hr": 22, "pubmed_rct": 16, "evidence_inference": 12, "cohen2006": 2}),
    "fresh8": ("F8_", _WITHOUT_COHEN),
    "fresh9": ("F9_", _WITHOUT_COHEN),
    "fresh10": ("F10_", _WITHOUT_COHEN),
    "fresh11": ("F11_", _WITHOUT_COHEN),
    "fresh12": ("F12_", _WITHOUT_COHEN),
    "fresh13": ("F13_", _WITHOUT_COHEN),
    "fresh14": ("F14_", _WITHOUT_COHEN),
    "fresh15": ("F15_", _WITHOUT_COHEN),
    "fresh16": ("F16_", _HR_NEARLY_USED_UP),
    "fresh17": ("F17_", _HR_NEARLY_USED_UP),
    "fresh18": ("F18_", _HR_USED_UP),
    "fresh19": ("F19_", _HR_USED_UP),
    "fresh20": ("F20_", _EVIDENCE_INFERENCE_USED_UP),
    "fresh21": ("F21_", _TRIAL_RECORDS_ONLY),
    "fresh22": ("F22_", _TRIAL_RECORDS_ONLY),
    "fresh23": ("F23_", _JUNE_TRIALS_RUN_OUT),
    "fresh24": ("F24_", _COHEN_TRIALS_ONLY),
    "fresh25": ("F25_", _COHEN_TRIALS_ONLY),
    "fresh26": ("F26_", _COHEN_TRIALS_ONLY),
    "fresh27": ("F27_", _COHEN_TRIALS_ONLY),
    "fresh28": ("F28_", _COHEN_TRIALS_ONLY),
    "fresh29": ("F29_", _COHEN_TRIALS_ONLY),
    "fresh30": ("F30_", _COHEN_TRIALS_ONLY),
    "fresh31": ("F31_", _COHEN_TRIALS_ONLY),
}
DEDUPLICATED_ROUNDS = set(list(ROUNDS)[2:])  # fresh3 on also skip near-duplicates (see the module docstring)
NEAR_DUPLICATE_JACCARD = 0.6  # the one known twin pair (7834324 / 7542992) is 0.91; other pairs <= 0.32

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


def normalised_title(title: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", (title or "").lower()))


def word_tokens(text: str) -> frozenset[str]:
    return frozenset(re.findall(r"[a-z0-9]+", (text or "").lower()))


class NearDuplicates:
    """Mechanical near-duplicate test against a growing reference set of (title, abstract) texts."""

    def __init__(self) -> None:
        self.titles: set[str] = set()
        self.tokens: list[frozenset[str]] = []
        self.skipped: list[tuple[str, str]] = []  # (id, reason)

    def add(self, title: str, abstract: str) -> None:
        if normalised_title(title):
            self.titles.add(normalised_title(title))
        self.tokens.append(word_tokens(abstract))

    def reason(self, title: str, abstract: str) -> str | None:
        if normalised_title(title) and normalised_title(title) in self.titles:
            return "same normalised title"
        tokens = word_tokens(abstract)
        best = max((len(tokens & other) / len(tokens | other) for other in self.tokens if tokens | other), default=0.0)
        return f"abstract token Jaccard {best:.2f}" if best >= NEAR_DUPLICATE_JACCARD else None


def fresh_row(gold_id: str, source_file: str, group: str, split: str) -> dict:
    return {"id": gold_id, "source_file": source_file, "group": group, "split": split}


def first_k(candidates: dict[str, str], k: int, taken: set[str], key=sha,
            titles: dict[str, str] | None = None, dedup: NearDuplicates | None = None) -> list[str]:
    """The first k ids (sorted by key(id)) not taken and with non-blank abstract text (and, with
    dedup, not a near-duplicate of the reference set or of an id chosen before it)."""
    chosen = []
    if k == 0:
        return chosen
    for gold_id in sorted(candidates, key=key):
        if gold_id in taken or not candidates[gold_id].strip():
            continue
        if dedup is not None:
            title = (titles or {}).get(gold_id, "")
            why = dedup.reason(title, candidates[gold_id])
            if why:
                dedup.skipped.append((gold_id, why))
                continue
            dedup.add(title, candidates[gold_id])
        chosen.append(gold_id)
        if len(chosen) == k:
            break
    if len(chosen) < k:
        raise RuntimeError(f"only {len(chosen)} candidates, {k} wanted")
    return chosen


def pubmed_groups(shared: Path, taken: set[str], split: str, dedup: NearDuplicates | None = None) -> list[dict]:
    from mbc_sr.pubmed_xml import ParsedRecord, iter_pubmed_xml

    prefix, k = ROUNDS[split]
    hr, rct, titles = {}, {}, {}
    for item in iter_pubmed_xml(shared / PUBMED_FILE):
        if not isinstance(item, ParsedRecord):
            continue
        abstract = item.record.abstract_text or ""
        gold_id = f"pmid:{item.record.pmid}"
        titles[gold_id] = item.record.title
        if is_hr(abstract):
            hr[gold_id] = abstract
        elif is_rct(abstract):
            rct[gold_id] = abstract
    return ([fresh_row(i, PUBMED_FILE, f"{prefix}pubmed_hr", split)
             for i in first_k(hr, k["pubmed_hr"], taken, titles=titles, dedup=dedup)]
            + [fresh_row(i, PUBMED_FILE, f"{prefix}pubmed_rct", split)
               for i in first_k(rct, k["pubmed_rct"], taken, titles=titles, dedup=dedup)])


def evidence_inference_group(shared: Path, taken: set[str], split: str,
                             dedup: NearDuplicates | None = None) -> list[dict]:
    prefix, k = ROUNDS[split]
    abstracts, titles = {}, {}
    with tarfile.open(shared / EI_FILE) as archive:
        for member in archive.getmembers():
            if not member.isfile() or not member.name.endswith(".abst"):
                continue
            pmcid = Path(member.name).stem
            record = parse_evidence_inference(archive.extractfile(member).read().decode("utf-8"), pmcid)
            abstracts[f"pmc:{pmcid}"] = record.abstract_text
            titles[f"pmc:{pmcid}"] = record.title
    return [fresh_row(i, EI_FILE, f"{prefix}evidence_inference", split)
            for i in first_k(abstracts, k["evidence_inference"], taken, titles=titles, dedup=dedup)]


def cohen_group(shared: Path, taken: set[str], split: str, dedup: NearDuplicates | None = None) -> list[dict]:
    prefix, k = ROUNDS[split]
    rows = []
    if k["cohen2006"] == 0:
        return rows
    for review in COHEN_REVIEWS:
        source_file = f"{COHEN_DIR}/{review}.csv.gz"
        with gzip.open(shared / source_file, "rt", encoding="utf-8", newline="") as handle:
            rows_in = [row for row in csv.DictReader(io.StringIO(handle.read())) if row["label_included"] == "1"]
        included = {f"pmid:{row['pubmedID']}": row["abstract"] for row in rows_in}
        titles = {f"pmid:{row['pubmedID']}": row["title"] for row in rows_in}
        rows += [fresh_row(i, source_file, f"{prefix}cohen2006", split)
                 for i in first_k(included, k["cohen2006"], taken, key=bare_pmid_sha, titles=titles, dedup=dedup)]
    return rows


def cohen_trials_group(shared: Path, taken: set[str], split: str, dedup: NearDuplicates | None = None) -> list[dict]:
    """Trial abstracts of the four Cohen 2006 reviews (any label), pooled; see the module docstring."""
    prefix, k = ROUNDS[split]
    if k.get("cohen2006_trials", 0) == 0:
        return []
    trials, titles, source_of = {}, {}, {}
    for review in COHEN_REVIEWS:
        source_file = f"{COHEN_DIR}/{review}.csv.gz"
        with gzip.open(shared / source_file, "rt", encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(io.StringIO(handle.read())):
                gold_id = f"pmid:{row['pubmedID']}"
                if is_rct(row["abstract"] or "") and gold_id not in trials:
                    trials[gold_id], titles[gold_id], source_of[gold_id] = row["abstract"], row["title"], source_file
    return [fresh_row(i, source_of[i], f"{prefix}cohen2006_trials", split)
            for i in first_k(trials, k["cohen2006_trials"], taken, titles=titles, dedup=dedup)]


def read_rows(selection: Path) -> list[dict]:
    with selection.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def select(split: str = "fresh", shared: Path = SHARED_DATA, selection: Path = GOLD_DIR / "selection.csv") -> list[dict]:
    """The rows of one fresh round, excluding the ids of dev/heldout and of the earlier rounds."""
    rounds = list(ROUNDS)
    earlier = set(rounds[:rounds.index(split)])
    existing = read_rows(selection)
    taken = {row["id"] for row in existing if row["split"] not in ROUNDS or row["split"] in earlier}
    dedup = None
    if split in DEDUPLICATED_ROUNDS:
        from tests.extract.gold.load import GoldEntry, load_records

        dedup = NearDuplicates()
        others = [GoldEntry(**row) for row in existing if row["split"] not in ROUNDS or row["split"] in earlier]
        for record in load_records(others, shared).values():
            dedup.add(record.title, record.abstract_text)
    rows = (pubmed_groups(shared, taken, split, dedup) + evidence_inference_group(shared, taken, split, dedup)
            + cohen_group(shared, taken, split, dedup) + cohen_trials_group(shared, taken, split, dedup))
    for gold_id, why in (dedup.skipped if dedup else []):
        print(f"skipped near-duplicate {gold_id}: {why}", file=sys.stderr)
    assert len({row["id"] for row in rows}) == len(rows) and not taken & {row["id"] for row in rows}
    return rows


def write(split: str, rows: list[dict], selection: Path = GOLD_DIR / "selection.csv") -> None:
    """Rewrite selection.csv: the dev/heldout rows as they are, then each round's rows in round
    order (this split's rows replaced, the other rounds' kept)."""
    existing = read_rows(selection)
    ordered = [row for row in existing if row["split"] not in ROUNDS]
    for name in ROUNDS:
        ordered += rows if name == split else [row for row in existing if row["split"] == name]
    others = [row for row in existing if row["split"] != split]
    if {row["id"] for row in others} & {row["id"] for row in rows}:
        raise RuntimeError(f"{split} rows overlap rows of other splits; rewrite the later rounds too")
    with selection.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=FIELDS)  # CRLF, as the file was written
        writer.writeheader()
        writer.writerows(ordered)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=list(ROUNDS), default="fresh", help="which fresh round (default: fresh)")
    parser.add_argument("--write", action="store_true", help="rewrite that split's rows in selection.csv")
    args = parser.parse_args(argv)
    rows = select(args.split)
    if args.write:
        write(args.split, rows)
    else:
        writer = csv.DictWriter(sys.stdout, fieldnames=FIELDS, lineterminator="\n")
        writer.writerows(rows)


if __name__ == "__main__":
    main()

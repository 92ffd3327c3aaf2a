"""Experiment, not used by the pipeline: would a small learned ranker pick the participant total
better than the rules do?

Why: three rounds of rules for `n_total` each scored perfectly, or nearly, on the abstracts they
were written on, and 0.65-0.85 precision / 0.65-0.76 recall on never-seen ones (see
tests/extract/gold/README.md). This script tests the alternative before anyone builds it:

* candidates: every count in the title or abstract that is followed by a word for people (the
  extractor's own `_people_after`) or written "n = N" (liberal on purpose: the gold total is
  among them for 98 % of records);
* features: general ones only (where the count is, its section, the words around it, its size
  relative to the others, whether it is a per-arm count), no output of the total rules and no
  words taken from individual gold abstracts;
* model: L2-regularised logistic regression (numpy), one score per candidate value; the best
  candidate is the total when its score reaches a threshold, else no total;
* "hybrid": the rules' total when they give one, else the ranker's best candidate when its score
  reaches the hybrid threshold. Its *added* predictions (records where the rules give none) are
  the honest part of its figures: the rules were written on every development split, so their
  own figures there are inflated by fitting, while the ranker's leave-one-split-out figures are
  not (apart from the choice of features).

Evaluation (default): leave one split out over `--splits` (train on the others, score the one
left out), per split and pooled, for the rules, the ranker and the hybrid at every threshold in
THRESHOLDS, and the hybrid's added predictions right / wrong per threshold. `--rules-of-the-day`
scores the same held-out ranker once more with the rules each split was first scored by
(FIRST_SCORED_AT, exported with `git archive`): those rules had never seen the split, so the records
they leave without a total are what an unseen split looks like. Today's rules were written on every
default split and leave without a total mostly records that state none.

Frozen configuration, pre-registered 2026-11-28 (about 20:35 UTC) before fresh13 was ever loaded by
this script: features as committed in 5eb946c (designed before fresh5 existed), L2 = 1.0, 3,000
gradient steps, learning rate 0.5, ranker threshold 0.4 (all unchanged since the fresh4 run), and
hybrid threshold HYBRID_THRESHOLD = 0.7, trained on the fourteen splits (dev, heldout,
fresh, fresh2 ... fresh12; 755 records). Chosen by leave-one-split-out over those fourteen splits
only (HEAD 740e138, participant rules as committed, unchanged since 9a549a7). No threshold had its
added predictions >= 90 % right (right / wrong): with today's rules 12/69 at 0.3, 10/42 at 0.6,
6/22 at 0.7, 4/13 at 0.8, 0/3 at 0.9; with the rules of the day 55/36 at 0.6, 42/16 at 0.7, 29/8
at 0.8, 9/2 at 0.9. So the threshold was chosen as the one that maximises the smaller of the
hybrid's pooled precision and recall under the rules of the day (the stand-in for an unseen
split): 0.7, hybrid 0.837 / 0.842 against the rules' 0.852 / 0.760 (513 stated totals in heldout,
fresh ... fresh12). Prediction written down before the test: on fresh13 the hybrid gains recall
over the rules and loses a little precision; 0.90 / 0.90 is not expected. The "rules" column and
the candidates (the extractor's `_people_after` and per-arm counts) are whatever src/ holds when
the script runs: note the commit. Scored once:

    python benchmarks/total_ranker_experiment.py --test fresh13   # train on dev ... fresh12, score fresh13

Result on fresh13 (run once, 2026-11-28 ~21:05 UTC, rules at c21b0e6): rules 0.966 / 0.683
(28/29/41), ranker at 0.4 0.872 / 0.829, hybrid at 0.7 **0.944 / 0.829** (34/36/41; 6 totals added
right, 1 wrong). As predicted: recall up 15 points, precision down 2; not 0.90 / 0.90.

Second pre-registration, 2026-11-28 before fresh14 was ever loaded by this script: the same frozen
configuration (nothing re-chosen after seeing fresh13), now trained on the fifteen splits
(dev ... fresh13). Scored once with `--test fresh14` (2026-11-28 ~21:52 UTC, rules at 27f5bee):
rules 0.897 / 0.745 (35/39/47), ranker at 0.4 0.795 / 0.745, hybrid at 0.7 0.878 / 0.766 (1 total
added right, 1 wrong). A smaller gain than on fresh13, and a loss of precision.

Third pre-registration, before fresh15 was ever loaded by this script: the same frozen
configuration, trained on the sixteen splits dev ... fresh14. Scored once with `--test fresh15`
(2026-11-28 ~22:15 UTC, rules at edfb141): rules 0.878 / 0.783 (36/41/46), ranker at 0.4 0.735 /
0.783, hybrid at 0.7 0.857 / 0.913 (6 totals added right, 2 wrong). Over the three pre-registered
tests (fresh13 ... fresh15, 174 records): hybrid 0.889 / 0.836 (112 of 126 right), rules 0.908 /
0.739. The hybrid buys about 10 points of recall for about 2 of precision; neither reaches 0.90 /
0.90.

Fourth pre-registration, before fresh16 was ever loaded by this script: the same frozen
configuration, trained on the seventeen splits dev ... fresh15. Scored once with `--test fresh16`
(2026-11-29 ~00:12 UTC, rules at 3b4098e; fresh16 has a different mix, see the gold README):
rules 0.935 / 0.784 (29/31/37), ranker at 0.4 0.762 / 0.865, hybrid at 0.7 0.868 / 0.892 (4
totals added right, 3 wrong).

Fifth pre-registration, before fresh17 was ever loaded by this script: the same frozen
configuration, trained on the eighteen splits dev ... fresh16. Scored once with `--test fresh17`
(2026-11-29 ~00:41 UTC, rules at c8d8938): rules 0.833 / 0.769 (30/36/39), ranker at 0.4 0.773 /
0.872, hybrid at 0.7 0.778 / 0.897 (5 totals added right, 4 wrong).

Sixth pre-registration, before fresh18 and fresh19 were ever loaded by this script: the same
frozen configuration, trained on the nineteen splits dev ... fresh17 for both (the rules scored
both sets unchanged, so both are tests of one state). Scored once each, 2026-11-29 ~01:30 UTC,
rules at 55d03d8 (an engineer's uncommitted edits to participants.py may have been in the
checkout during those runs, so both were re-run in a clean worktree of 55d03d8: identical output):
fresh18 rules 0.875 / 0.667 (28/32/42), ranker at 0.4 0.800 / 0.857, hybrid at 0.7 0.800 / 0.762
(4 added right, 4 wrong); fresh19 rules 0.905 / 0.905 (38/42/42), ranker 0.816 / 0.952, hybrid
0.851 / 0.952 (2 right, 3 wrong). Over the seven pre-registered tests (fresh13 ... fresh19, 406
records): hybrid 252 right of 296 given, 294 stated (0.851 / 0.857), rules 224 of 250 (0.896 / 0.762).

Seventh pre-registration, before fresh20 was ever loaded by this script: the same frozen
configuration, trained on the twenty-one splits dev ... fresh19. Scored once with `--test fresh20`
(2026-11-29 ~03:00 UTC, rules at 57646a2): rules 0.861 / 0.756 (31/36/41), ranker at 0.4 0.778 /
0.854, hybrid at 0.7 0.810 / 0.829 (3 added right, 3 wrong). Over the eight pre-registered tests
(fresh13 ... fresh20, 464 records): hybrid 286 right of 338 given, 335 stated (0.846 / 0.854), rules
255 of 286 (0.892 / 0.761).

Eighth pre-registration, before fresh21 was ever loaded by this script: the same frozen
configuration, trained on the twenty-two splits dev ... fresh20. Scored once with `--test fresh21`
(2026-11-29 ~04:00 UTC, rules at 4732a63): rules 0.857 / 0.857 (36/42/42), ranker at 0.4 0.830 /
0.929, hybrid at 0.7 0.809 / 0.905 (2 added right, 3 wrong). Over the nine pre-registered tests
(fresh13 ... fresh21, 522 records): hybrid 324 right of 385 given, 377 stated (0.842 / 0.859), rules
291 of 328 (0.887 / 0.772).

Ninth pre-registration, before fresh22 was ever loaded by this script: the same frozen
configuration, trained on the twenty-three splits dev ... fresh21. Scored once with `--test fresh22`
(2026-11-29 ~05:07 UTC, rules at 462bd83): rules 0.968 / 0.882 (30/31/34), ranker at 0.4 0.744 /
0.853, hybrid at 0.7 0.865 / 0.941 (2 added right, 4 wrong). Over the ten pre-registered tests
(fresh13 ... fresh22, 580 records): hybrid 356 right of 422 given, 411 stated (0.844 / 0.866), rules
321 of 359 (0.894 / 0.781).

Tenth pre-registration, before fresh23 was ever loaded by this script: the same frozen
configuration, trained on the twenty-four splits dev ... fresh22. Scored once with `--test fresh23`
(2026-11-29 ~06:00 UTC, rules at b2acfc6): rules 0.816 / 0.689 (31/38/45), ranker at 0.4 0.778 /
0.778, hybrid at 0.7 0.826 / 0.844 (7 added right, 1 wrong). Over the eleven pre-registered tests
(fresh13 ... fresh23, 638 records): hybrid 394 right of 468 given, 456 stated (0.842 / 0.864), rules
352 of 397 (0.887 / 0.772).

Eleventh pre-registration, before fresh24 was ever loaded by this script: the same frozen
configuration, trained on the twenty-five splits dev ... fresh23. Scored once with `--test fresh24`
(2026-11-29 ~08:15 UTC, rules at 7db067e, in a worktree of it): rules 0.875 / 0.795 (35/40/44),
ranker at 0.4 0.786 / 0.750, hybrid at 0.7 0.881 / 0.841 (2 added right, 0 wrong). Over the twelve
pre-registered tests (fresh13 ... fresh24, 696 records): hybrid 431 right of 510 given, 500 stated
(0.845 / 0.862), rules 387 of 437 (0.886 / 0.774).

Twelfth pre-registration, before fresh25 was ever loaded by this script: the same frozen
configuration, trained on the twenty-six splits dev ... fresh24. Scored once with `--test fresh25`
(2026-11-29 ~09:31 UTC, rules at bf6458d, in a worktree of it): rules 0.919 / 0.850 (34/37/40),
ranker at 0.4 0.773 / 0.850, hybrid at 0.7 0.818 / 0.900 (2 added right, 5 wrong). Over the
thirteen pre-registered tests (fresh13 ... fresh25, 754 records): hybrid 467 right of 554 given,
540 stated (0.843 / 0.865), rules 421 of 474 (0.888 / 0.780).

Thirteenth pre-registration, before fresh26 was ever loaded by this script: the same frozen
configuration, trained on the twenty-seven splits dev ... fresh25. Scored once with `--test fresh26`
(2026-11-29 ~10:40 UTC, rules at 0caa608, in a worktree of it): rules 0.875 / 0.761 (35/40/46),
ranker at 0.4 0.739 / 0.739, hybrid at 0.7 0.864 / 0.826 (3 added right, 1 wrong). Over the
fourteen pre-registered tests (fresh13 ... fresh26, 812 records): hybrid 505 right of 598 given,
586 stated (0.844 / 0.862), rules 456 of 514 (0.887 / 0.778).

Fourteenth pre-registration, before fresh27 was ever loaded by this script: the same frozen
configuration, trained on the twenty-eight splits dev ... fresh26. Scored once with `--test
fresh27` (2026-11-29 ~11:49 UTC, rules at 390881a, in a worktree of it): rules 0.930 / 0.889
(40/43/45), ranker at 0.4 0.889 / 0.889, hybrid at 0.7 0.913 / 0.933 (2 added right, 1 wrong).
Over the fifteen pre-registered tests (fresh13 ... fresh27, 870 records): hybrid 547 right of 644
given, 631 stated (0.849 / 0.867), rules 496 of 557 (0.890 / 0.786).

Fifteenth pre-registration, before fresh28 was ever loaded by this script: the same frozen
configuration, trained on the twenty-nine splits dev ... fresh27. Scored once with `--test
fresh28` (2026-11-29 ~12:24 UTC, rules at 874399d, in a worktree of it): rules 0.857 / 0.837
(36/42/43), ranker at 0.4 0.822 / 0.860, hybrid at 0.7 0.830 / 0.907 (3 added right, 2 wrong).
Over the sixteen pre-registered tests (fresh13 ... fresh28, 928 records): hybrid 586 right of 691
given, 674 stated (0.848 / 0.869), rules 532 of 599 (0.888 / 0.789).

Sixteenth pre-registration, before fresh29 was ever loaded by this script: the same frozen
configuration, trained on the thirty splits dev ... fresh28. Scored once with `--test fresh29`
(2026-11-29 ~13:59 UTC, rules at 5fd765f, in a worktree of it): rules 0.930 / 0.833 (40/43/48),
ranker at 0.4 0.889 / 0.833, hybrid at 0.7 0.913 / 0.875 (2 added right, 1 wrong). Over the
seventeen pre-registered tests (fresh13 ... fresh29, 986 records): hybrid 628 right of 737 given,
722 stated (0.852 / 0.870), rules 572 of 642 (0.891 / 0.792).

Seventeenth pre-registration, before fresh30 was ever loaded by this script: the same frozen
configuration, trained on the thirty-one splits dev ... fresh29. Scored once with `--test fresh30`
(2026-11-29 ~14:28 UTC, rules at 36ce37b, in a worktree of it): rules 0.944 / 0.756 (34/36/45),
ranker at 0.4 0.864 / 0.844, hybrid at 0.7 0.929 / 0.867 (5 added right, 1 wrong). Over the
eighteen pre-registered tests (fresh13 ... fresh30, 1,044 records): hybrid 667 right of 779
given, 767 stated (0.856 / 0.870), rules 606 of 678 (0.894 / 0.790).

Eighteenth pre-registration, before fresh31 was ever loaded by this script: the same frozen
configuration, trained on the thirty-two splits dev ... fresh30. Scored once with `--test fresh31`
(2026-11-29 ~15:40 UTC, rules at 88edae3, in a worktree of it): rules 0.902 / 0.771 (37/41/48),
ranker at 0.4 0.857 / 0.875, hybrid at 0.7 0.878 / 0.896 (6 added right, 2 wrong). Over the
nineteen pre-registered tests (fresh13 ... fresh31, 1,102 records): hybrid 710 right of 828
given, 815 stated (0.857 / 0.871), rules 643 of 719 (0.894 / 0.789). Any later split: same
configuration, trained on every split before it, scored once.

Other uses:

    python benchmarks/total_ranker_experiment.py                      # LOSO over DEFAULT_SPLITS
    python benchmarks/total_ranker_experiment.py --rules-of-the-day   # ... and with the rules of each split's day
    python benchmarks/total_ranker_experiment.py --splits dev heldout fresh   # LOSO over these only
"""

from __future__ import annotations

import argparse
import json
import math
import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "src"))

from mbc_sr.extract.numbers import find_counts  # noqa: E402
from mbc_sr.extract.participants import _people_after, participant_counts, study_total  # noqa: E402
from mbc_sr.extract.sentences import record_sentences  # noqa: E402
from tests.extract.gold.load import load_records, read_annotations, read_selection  # noqa: E402

#: Every annotated split before fresh32; fresh32 and later are the unseen ones, never in the default.
DEFAULT_SPLITS = ("dev", "heldout", "fresh", *(f"fresh{number}" for number in range(2, 32)))
FIRST_UNSEEN_FRESH = 32
L2, STEPS, LEARNING_RATE = 1.0, 3000, 0.5
RANKER_THRESHOLD, HYBRID_THRESHOLD = 0.4, 0.7
THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)
#: The commit whose rules scored each split the first time (tests/extract/gold/README.md): those rules
#: had never seen the split, so their figures and the records where they give no total are honest.
FIRST_SCORED_AT = {
    "heldout": "9f0903a", "fresh": "4956e2e", "fresh2": "72afb22", "fresh3": "6fb27aa", "fresh4": "6fb27aa",
    "fresh5": "ea9f959", "fresh6": "9a94d48", "fresh7": "d692087", "fresh8": "0beb41c", "fresh9": "06a11aa",
    "fresh10": "bff8664", "fresh11": "b9ccfd0", "fresh12": "9a549a7", "fresh13": "c21b0e6",
    "fresh14": "d7f41e2", "fresh15": "5a3cdc6", "fresh16": "3b4098e",
    "fresh17": "c8d8938", "fresh18": "55d03d8", "fresh19": "55d03d8",
    "fresh20": "57646a2", "fresh21": "4732a63", "fresh22": "462bd83", "fresh23": "b2acfc6", "fresh24": "7db067e",
    "fresh25": "bf6458d", "fresh26": "0caa608", "fresh27": "390881a",
    "fresh28": "874399d", "fresh29": "5fd765f", "fresh30": "36ce37b", "fresh31": "88edae3",
}
_DAY_RULES = '''
import json, sys
sys.path[:0] = [sys.argv[1], sys.argv[2]]
from mbc_sr.extract.record import extract_record
from tests.extract.gold.load import load_records, read_selection
entries = [entry for entry in read_selection() if entry.split == sys.argv[3]]
records = load_records(entries)
totals = {}
for entry in entries:
    total = extract_record(records[entry.id]).n_total
    totals[entry.id] = total.value if total else None
print(json.dumps(totals))
'''

SECTIONS = ("title", "none", "background", "methods", "results", "conclusion", "other")
_SECTION_PATTERNS = (
    ("background", r"BACKGROUND|INTRODUCTION|CONTEXT|RATIONALE|PURPOSE|OBJECTIVE|AIM"),
    ("methods", r"METHOD|PATIENTS|PARTICIPANTS|SUBJECTS|DESIGN|MATERIAL|SETTING|POPULATION|INTERVENTION"),
    ("results", r"RESULT|FINDING|OUTCOME"),
    ("conclusion", r"CONCLUSION|INTERPRETATION|DISCUSSION|IMPLICATION"),
)
_VERB_AFTER = re.compile(
    r"\b(randomi[sz]ed|randomly|enrol+ed|recruited|included|accrued|participated|entered|allocated|assigned|"
    r"treated|received|underwent|analy[sz]ed|evaluated|studied|followed|identified|screened|eligible|completed|"
    r"comprised|consisted)\b",
    re.IGNORECASE,
)


@dataclass(slots=True)
class Row:
    """One record: its candidate values, one feature row each, the gold total and the rules' total."""

    id: str
    values: list[int]
    features: np.ndarray
    gold: int | None
    rules: int | None


def is_unseen(split: str) -> bool:
    """fresh{FIRST_UNSEEN_FRESH} and every later fresh split: never part of the default splits."""
    match = re.fullmatch(r"fresh(\d+)", split)
    return bool(match) and int(match.group(1)) >= FIRST_UNSEEN_FRESH


def section_of(label: str | None, field: str) -> str:
    if field == "title":
        return "title"
    if not label:
        return "none"
    for name, pattern in _SECTION_PATTERNS:
        if re.search(pattern, label.upper()):
            return name
    return "other"


def candidate_features(record) -> tuple[list[int], np.ndarray, int | None]:
    """(candidate values, one feature row each, the rules' total)."""
    totals, arms = participant_counts(record)
    rules_total = study_total(totals, arms)
    arm_values = {arm.value for arm in arms}
    sentences = record_sentences(record)
    found: dict[int, dict] = {}
    for index, sentence in enumerate(sentences):
        text = sentence.text
        section = section_of(sentence.label, sentence.field)
        for count in find_counts(text):
            if count.value < 2 or (1900 <= count.value <= 2030 and not count.in_words):
                continue
            before, after = text[max(0, count.start - 40) : count.start], text[count.end : count.end + 60]
            people = _people_after(text, count.end) is not None
            n_equals = bool(re.search(r"[Nn]\s*=\s*$", before))
            if not (people or n_equals):
                continue
            slot = found.setdefault(count.value, {"mentions": 0, "first": 1.0, "sections": set(), "flags": set()})
            slot["mentions"] += 1
            slot["first"] = min(slot["first"], index / max(1, len(sentences)))
            slot["sections"].add(section)
            flags = slot["flags"]
            flags.update(name for name, hit in (
                ("people", people),
                ("n_equals", n_equals),
                ("total_of", re.search(r"total\s+of\s+$", before, re.IGNORECASE)),
                ("of_after", re.match(r"\s*(?:\([^)]*\)\s*)?of\s", after)),
                ("percent_after", re.match(r"\s*(?:\(\s*[\d.]+\s*%|%|\[\s*[\d.]+\s*%)", after)),
                ("verb_after", _VERB_AFTER.search(after)),
                ("part_of_before", re.search(r"\b(?:among|of|in)\s+(?:the|these|all)?\s*$", before, re.IGNORECASE)),
            ) if hit)
    values = sorted(found)
    rows = []
    for value in values:
        slot, flags = found[value], found[value]["flags"]
        row = [1.0]
        row += [float(name in flags) for name in
                ("people", "n_equals", "total_of", "of_after", "percent_after", "verb_after", "part_of_before")]
        row += [float(value in arm_values), min(slot["mentions"], 3) / 3, slot["first"], float(value == values[-1]),
                math.log10(value) / 4, float(value < 5), float(value < 20), float(len(values) == 1)]
        row += [float(section in slot["sections"]) for section in SECTIONS]
        rows.append(row)
    matrix = np.array(rows) if rows else np.zeros((0, 1))
    return values, matrix, rules_total.value if rules_total else None


def load_split(split: str) -> list[Row] | None:
    """The split's records as rows, or None when it is not (fully) annotated."""
    entries = [entry for entry in read_selection() if entry.split == split]
    gold = read_annotations(split)
    if not entries or any(entry.id not in gold for entry in entries):
        return None
    records = load_records(entries)
    rows = []
    for entry in entries:
        values, features, rules_total = candidate_features(records[entry.id])
        rows.append(Row(entry.id, values, features, gold[entry.id]["n_total"], rules_total))
    return rows


def rules_of_the_day(split: str) -> dict[str, int | None]:
    """{record id: n_total} by the rules at FIRST_SCORED_AT[split] (their source exported with git archive)."""
    commit = FIRST_SCORED_AT[split]
    with tempfile.TemporaryDirectory() as folder:
        archive = subprocess.run(["git", "-C", str(REPO), "archive", commit, "src"], check=True, capture_output=True)
        subprocess.run(["tar", "-x", "-C", folder], input=archive.stdout, check=True)
        done = subprocess.run([sys.executable, "-c", _DAY_RULES, f"{folder}/src", str(REPO), split],
                              check=True, capture_output=True, text=True)
    return json.loads(done.stdout)


def train(rows: list[Row]) -> np.ndarray:
    x = np.vstack([row.features for row in rows if row.values])
    y = np.concatenate([[float(value == row.gold) for value in row.values] for row in rows if row.values])
    weights = np.zeros(x.shape[1])
    for _ in range(STEPS):
        predicted = 1 / (1 + np.exp(-x @ weights))
        weights -= LEARNING_RATE * (x.T @ (predicted - y) + L2 * weights) / len(y)
    return weights


def best(weights: np.ndarray, row: Row) -> tuple[int | None, float]:
    """The best candidate and its score (None, 0.0 when there is no candidate)."""
    if not row.values:
        return None, 0.0
    scores = 1 / (1 + np.exp(-row.features @ weights))
    index = int(np.argmax(scores))
    return row.values[index], float(scores[index])


def ranker_guess(scored: tuple[int | None, float], threshold: float) -> int | None:
    value, score = scored
    return value if score >= threshold else None


def hybrid_guess(rules: int | None, scored: tuple[int | None, float], threshold: float) -> int | None:
    return rules if rules is not None else ranker_guess(scored, threshold)


def counts(pairs: list[tuple[int | None, int | None]]) -> tuple[int, int, int]:
    """(right, given, stated) over (gold, guess) pairs."""
    stated = sum(1 for truth, _ in pairs if truth is not None)
    given = sum(1 for _, guess in pairs if guess is not None)
    right = sum(1 for truth, guess in pairs if truth is not None and guess == truth)
    return right, given, stated


def precision_recall(pairs: list[tuple[int | None, int | None]]) -> str:
    right, given, stated = counts(pairs)
    precision = right / given if given else float("nan")
    recall = right / stated if stated else float("nan")
    return f"{precision:.3f} / {recall:.3f} ({right}/{given}/{stated})"


def added(rows: list[Row], scored: list[tuple[int | None, float]], threshold: float) -> tuple[int, int]:
    """The hybrid's predictions on records where the rules give none: (right, wrong)."""
    right = wrong = 0
    for row, candidate in zip(rows, scored):
        guess = ranker_guess(candidate, threshold) if row.rules is None else None
        if guess is not None:
            right, wrong = (right + 1, wrong) if guess == row.gold else (right, wrong + 1)
    return right, wrong


def report(held: dict[str, tuple[list[Row], list[tuple[int | None, float]]]]) -> None:
    """Per split (frozen thresholds) and pooled (every threshold) figures."""
    print(f"\nper split (P / R (right/given/stated)); ranker at {RANKER_THRESHOLD}, hybrid at {HYBRID_THRESHOLD}")
    print(f"{'split':<9}{'rules':<30}{'ranker':<30}{'hybrid':<30}added right/wrong")
    for split, (rows, scored) in held.items():
        rules = [(row.gold, row.rules) for row in rows]
        ranker = [(row.gold, ranker_guess(s, RANKER_THRESHOLD)) for row, s in zip(rows, scored)]
        hybrid = [(row.gold, hybrid_guess(row.rules, s, HYBRID_THRESHOLD)) for row, s in zip(rows, scored)]
        right, wrong = added(rows, scored, HYBRID_THRESHOLD)
        print(f"{split:<9}{precision_recall(rules):<30}{precision_recall(ranker):<30}{precision_recall(hybrid):<30}"
              f"{right}/{wrong}")
    rows = [row for split_rows, _ in held.values() for row in split_rows]
    scored = [s for _, split_scored in held.values() for s in split_scored]
    no_rules = sum(1 for row in rows if row.rules is None)
    no_rules_stated = sum(1 for row in rows if row.rules is None and row.gold is not None)
    print(f"\npooled over {len(held)} splits, {len(rows)} records; rules: "
          f"{precision_recall([(row.gold, row.rules) for row in rows])}; "
          f"rules give no total for {no_rules} records, {no_rules_stated} of which state one")
    print(f"{'threshold':<11}{'ranker':<30}{'hybrid':<30}added right/wrong")
    for threshold in THRESHOLDS:
        ranker = [(row.gold, ranker_guess(s, threshold)) for row, s in zip(rows, scored)]
        hybrid = [(row.gold, hybrid_guess(row.rules, s, threshold)) for row, s in zip(rows, scored)]
        right, wrong = added(rows, scored, threshold)
        share = f" ({right / (right + wrong):.0%})" if right + wrong else ""
        print(f"{threshold:<11}{precision_recall(ranker):<30}{precision_recall(hybrid):<30}{right}/{wrong}{share}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--splits", nargs="+", default=list(DEFAULT_SPLITS),
                        help=f"the splits to train on / leave out in turn (default: every annotated split before fresh{FIRST_UNSEEN_FRESH})")
    parser.add_argument("--test", help="score only this split, trained on every other split of --splits")
    parser.add_argument("--rules-of-the-day", action="store_true",
                        help="also score the hybrid with the rules each split was first scored by (FIRST_SCORED_AT)")
    args = parser.parse_args(argv)
    splits = list(dict.fromkeys(args.splits))
    if any(is_unseen(split) for split in splits):
        raise SystemExit(f"fresh{FIRST_UNSEEN_FRESH} and later are unseen: score one once with --test, never train on it here")
    data: dict[str, list[Row]] = {}
    for split in dict.fromkeys([*splits, args.test] if args.test else splits):
        rows = load_split(split)
        if rows is None:
            print(f"{split}: not (fully) annotated, skipped")
            continue
        data[split] = rows
    if args.test and args.test not in data:
        raise SystemExit(f"{args.test}: not (fully) annotated")
    stated = [row for split, rows in data.items() if split != args.test for row in rows if row.gold is not None]
    covered = sum(1 for row in stated if row.gold in row.values)
    print(f"training material: candidates hold the stated total for {covered} of {len(stated)} records")
    held: dict[str, tuple[list[Row], list[tuple[int | None, float]]]] = {}
    for left_out in [args.test] if args.test else list(data):
        weights = train([row for split, rows in data.items() if split != left_out for row in rows])
        held[left_out] = (data[left_out], [best(weights, row) for row in data[left_out]])
    report(held)
    if args.rules_of_the_day:
        print("\nwith the rules each split was first scored by (never seen by them; splits without one left out):")
        day_held = {}
        for split, (rows, scored) in held.items():
            if split in FIRST_SCORED_AT:
                day = rules_of_the_day(split)
                day_held[split] = ([replace(row, rules=day[row.id]) for row in rows], scored)
        report(day_held)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

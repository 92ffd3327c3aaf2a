"""Extraction benchmark: exact-match precision and recall per field on the hand-annotated gold set.

    python benchmarks/extraction_bench.py                 # development half
    python benchmarks/extraction_bench.py --split heldout # first held-out half (scored once, now development)
    python benchmarks/extraction_bench.py --split fresh   # fresh held-out set (54 records, see gold/README.md)
    python benchmarks/extraction_bench.py --split fresh2  # second fresh held-out set (52 records)
    python benchmarks/extraction_bench.py --split fresh3  # third fresh held-out set (50 records)
    python benchmarks/extraction_bench.py --split fresh4  # fourth fresh held-out set (48 records)
    python benchmarks/extraction_bench.py --split fresh5  # fifth fresh held-out set (58 records)
    python benchmarks/extraction_bench.py --split fresh6  # sixth fresh held-out set (58 records)
    python benchmarks/extraction_bench.py --split fresh7  # seventh fresh held-out set (58 records)
    python benchmarks/extraction_bench.py --split fresh8  # eighth fresh held-out set (58 records)
    python benchmarks/extraction_bench.py --split fresh9  # ninth fresh held-out set (58 records)
    python benchmarks/extraction_bench.py --split fresh10 # tenth, annotated twice (58 records)
    python benchmarks/extraction_bench.py --split fresh11 # eleventh, annotated twice (58 records)
    python benchmarks/extraction_bench.py --split fresh12 # twelfth, annotated twice (58 records)
    python benchmarks/extraction_bench.py --split fresh13 # thirteenth, annotated twice (58 records)
    python benchmarks/extraction_bench.py --split fresh14 # fourteenth, annotated twice (58 records)
    python benchmarks/extraction_bench.py --split fresh15 # fifteenth, annotated twice (58 records)
    python benchmarks/extraction_bench.py --split fresh16 # sixteenth, annotated twice (58 records, few HRs)
    python benchmarks/extraction_bench.py --split fresh17 # seventeenth, annotated twice (58 records, few HRs)
    python benchmarks/extraction_bench.py --split fresh18 # eighteenth, annotated twice (58 records, one HR)
    python benchmarks/extraction_bench.py --split fresh19 # nineteenth, annotated twice (58 records, no HR)
    python benchmarks/extraction_bench.py --split fresh20 # twentieth, annotated twice (58 records, two HRs)
    python benchmarks/extraction_bench.py --split fresh21 # twenty-first, annotated twice (58 trial records, no HR)
    python benchmarks/extraction_bench.py --split fresh22 # twenty-second, annotated twice (58 trial records, one HR)
    python benchmarks/extraction_bench.py --split fresh23 # twenty-third, annotated twice (28 June 2021 + 30 Cohen 2006 trial records)
    python benchmarks/extraction_bench.py --split fresh24 # twenty-fourth, annotated twice (58 Cohen 2006 trial records)
    python benchmarks/extraction_bench.py --split fresh25 # twenty-fifth, annotated twice (58 Cohen 2006 trial records)
    python benchmarks/extraction_bench.py --split fresh26 # twenty-sixth, annotated twice (58 Cohen 2006 trial records)
    python benchmarks/extraction_bench.py --split fresh27 # twenty-seventh, annotated twice (58 Cohen 2006 trial records)
    python benchmarks/extraction_bench.py --split fresh28 # twenty-eighth, annotated twice (58 Cohen 2006 trial records)
    python benchmarks/extraction_bench.py --split fresh29 # twenty-ninth, annotated twice (58 Cohen 2006 trial records)
    python benchmarks/extraction_bench.py --split fresh30 # thirtieth, annotated twice (58 Cohen 2006 trial records)
    python benchmarks/extraction_bench.py --split fresh31 # thirty-first, annotated twice (58 Cohen 2006 trial records)
    python benchmarks/extraction_bench.py --split all     # every split, one table each (make bench-extract)
    python benchmarks/extraction_bench.py --errors        # also list every miss and false hit

The gold set (tests/extract/gold/, see its README) reads the real abstracts from ../shared/data.
Fields, each scored as exact match of the value(s) a record states:

    n_total     the study total (one per record; a prediction where gold has none is a false hit)
    n_arms      per-arm counts (multiset)
    phase       the study's phase
    registry    registry ids (set)
    hr_ci       hazard ratios with CI: (HR, low, high) multiset
    hr_p        hazard ratios with p: (HR, p) multiset; p compared as operator + number
    hr_outcome  (outcome, HR) for every hazard ratio, CI or not
    medians     (value, unit) multiset
    medians_outcome  (outcome, value, unit)

Targets (issue 8): n_total >= 0.90 precision and recall; hr_ci >= 0.90.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "src"))

from mbc_sr.extract.outcomes import p_value_number  # noqa: E402
from mbc_sr.extract.record import extract_record  # noqa: E402
from tests.extract.gold.load import load_records, read_annotations, read_selection  # noqa: E402

SPLITS = ("dev", "heldout", "fresh", "fresh2", "fresh3", "fresh4", "fresh5", "fresh6", "fresh7", "fresh8", "fresh9", "fresh10", "fresh11", "fresh12",
          "fresh13", "fresh14", "fresh15", "fresh16", "fresh17", "fresh18", "fresh19", "fresh20", "fresh21", "fresh22", "fresh23", "fresh24",
          "fresh25", "fresh26", "fresh27", "fresh28", "fresh29", "fresh30", "fresh31")
FIELDS = ("n_total", "n_arms", "phase", "registry", "hr_ci", "hr_p", "hr_outcome", "medians", "medians_outcome")


def _r(value: float) -> float:
    return round(float(value), 4)


def _p(text: str | None):
    parsed = p_value_number(text) if text else None
    return (parsed[0], _r(parsed[1])) if parsed else None


def gold_items(entry: dict) -> dict[str, Counter]:
    hrs = entry["hazard_ratios"]
    return {
        "n_total": Counter([entry["n_total"]] if entry["n_total"] is not None else []),
        "n_arms": Counter(entry["n_arms"]),
        "phase": Counter([entry["phase"]] if entry["phase"] else []),
        "registry": Counter(set(entry["registry_ids"])),
        "hr_ci": Counter((_r(h["value"]), _r(h["ci"][0]), _r(h["ci"][1])) for h in hrs if h["ci"]),
        "hr_p": Counter((_r(h["value"]), _p(h["p"])) for h in hrs if h["p"]),
        "hr_outcome": Counter((h["outcome"], _r(h["value"])) for h in hrs),
        "medians": Counter((_r(m["value"]), m["unit"]) for m in entry["medians"]),
        "medians_outcome": Counter((m["outcome"], _r(m["value"]), m["unit"]) for m in entry["medians"]),
    }


def predicted_items(extraction) -> dict[str, Counter]:
    x = extraction
    return {
        "n_total": Counter([x.n_total.value] if x.n_total else []),
        "n_arms": Counter(item.value for item in x.n_arms),
        "phase": Counter([x.phase.value] if x.phase else []),
        "registry": Counter(set(x.registry_id_values)),
        "hr_ci": Counter((_r(h.value), _r(h.ci_low), _r(h.ci_high)) for h in x.hazard_ratios if h.has_ci),
        "hr_p": Counter((_r(h.value), _p(h.p)) for h in x.hazard_ratios if h.p),
        "hr_outcome": Counter((h.outcome, _r(h.value)) for h in x.hazard_ratios),
        "medians": Counter((_r(m.value), m.unit) for m in x.medians),
        "medians_outcome": Counter((m.outcome, _r(m.value), m.unit) for m in x.medians),
    }


def score(split: str, show_errors: bool) -> dict[str, tuple[int, int, int]]:
    entries = [entry for entry in read_selection() if entry.split == split]
    gold = read_annotations(split)
    missing = [entry.id for entry in entries if entry.id not in gold]
    if missing:
        raise SystemExit(f"{split}: {len(missing)} records are not annotated yet (e.g. {missing[0]})")
    records = load_records(entries)
    totals = {name: [0, 0, 0] for name in FIELDS}  # tp, fp, fn
    started = time.perf_counter()
    if show_errors:
        print(f"\n{split}: misses and false hits")
    for entry in entries:
        errors = tally(gold_items(gold[entry.id]), predicted_items(extract_record(records[entry.id])), totals)
        for name, (misses, false_hits) in errors.items():
            if show_errors and (false_hits or misses):
                print(f"  {entry.id:<16} {name:<15} missed {sorted(misses.elements(), key=str)} "
                      f"false {sorted(false_hits.elements(), key=str)}")
    seconds = time.perf_counter() - started
    print(f"\n{split}: {len(entries)} records, extraction {seconds:.2f} s")
    print(table(totals))
    return {name: tuple(values) for name, values in totals.items()}


def tally(expected: dict[str, Counter], got: dict[str, Counter], totals: dict[str, list[int]]) -> dict[str, tuple[Counter, Counter]]:
    """Add one record's (tp, fp, fn) per field to `totals`, `got` scored against `expected`;
    return each field's (misses, false hits)."""
    errors = {}
    for name in FIELDS:
        misses, false_hits = expected[name] - got[name], got[name] - expected[name]
        totals[name][0] += sum((expected[name] & got[name]).values())
        totals[name][1] += sum(false_hits.values())
        totals[name][2] += sum(misses.values())
        errors[name] = (misses, false_hits)
    return errors


def table(totals: dict[str, list[int]], headers: tuple[str, str, str] = ("gold", "pred", "TP")) -> str:
    """Precision and recall per field, one line each, under `headers` for (reference, predicted, both)."""
    reference, predicted, both = headers
    lines = [f"  {'field':<16}{reference:>6}{predicted:>6}{both:>6}{'precision':>11}{'recall':>8}"]
    for name in FIELDS:
        tp, fp, fn = totals[name]
        precision = tp / (tp + fp) if tp + fp else float("nan")
        recall = tp / (tp + fn) if tp + fn else float("nan")
        lines.append(f"  {name:<16}{tp + fn:>6}{tp + fp:>6}{tp:>6}{precision:>11.3f}{recall:>8.3f}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", choices=(*SPLITS, "all"), default="dev")
    parser.add_argument("--errors", action="store_true", help="list every miss and false hit")
    args = parser.parse_args(argv)
    splits = SPLITS if args.split == "all" else (args.split,)
    for split in splits:
        score(split, args.errors)
    print("\ntargets: n_total precision and recall >= 0.90; hr_ci precision and recall >= 0.90")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

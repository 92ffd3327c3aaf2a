"""Pathological-input benchmark: seconds of `extract_record` on one abstract with a long run of one character.

    python benchmarks/extraction_pathological_bench.py            # white space / hyphen runs, 1k .. 100k characters
    python benchmarks/extraction_pathological_bench.py --others   # also the shape still known to be slow (small sizes)
    make bench-extract-pathological

Real abstracts hold no such run, but a padded CSV import can. A run of white space or hyphens
longer than `sentences.MAX_GAP` ends the sentence; before that, "We enrolled 120" + " " * n +
"patients." backtracked in the participant count patterns in n² steps or worse (1k: ~1-3 s,
4k: ~10 s, 20k: minutes), and n hyphens in the outcome patterns of hazard ratios and medians
(20k: over a minute). Measured by hand here rather than by a timed unit test;
tests/extract/test_participants.py and test_effects.py check the results on 20,000-character runs.

--others: a sentence listing thousands of bare numbers ("120 1 1 1 ... patients") is still
super-linear in the participant counts (each count scans the sentence), so it is kept small.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from mbc_sr.extract.record import extract_record  # noqa: E402
from mbc_sr.records import AbstractSection, Record  # noqa: E402

WHITE_SIZES = (1_000, 2_000, 4_000, 8_000, 20_000, 100_000)
OTHER_SIZES = (1_000, 2_000, 4_000)
WHITE = {"space": " ", "tab": "\t", "newline": "\n", "nbsp": "\u00a0", "hyphen": "-"}
WHITE_SHAPES = {
    "count|run|people": "We enrolled 120{run}patients.",
    "verb|run|count": "We enrolled{run}120 patients.",
    "randomised|run": "A total of 120 patients were randomised{run}to everolimus or placebo.",
    "HR|run|median": "PFS was longer with everolimus (HR 0.43, 95% CI 0.35-0.54).{run}Median PFS was 7.8 months.",
}
OTHER_SHAPES = {
    "count|'1 '*n/2|people": ("We enrolled 120 {run}patients.", "1 "),
}


def seconds(abstract: str) -> float:
    record = Record(source="csv", source_record_id="1", title="A trial", abstract=(AbstractSection(text=abstract),))
    start = time.perf_counter()
    extract_record(record)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--others", action="store_true", help="also time the other slow shapes (small sizes only)")
    args = parser.parse_args()
    seconds("We enrolled 120 patients.")  # compile the patterns first
    print(f"{'shape':28s}" + "".join(f"{n:>10,}" for n in WHITE_SIZES))
    for shape, template in WHITE_SHAPES.items():
        for name, char in WHITE.items():
            times = [seconds(template.replace("{run}", char * n)) for n in WHITE_SIZES]
            print(f"{shape + ' ' + name:28s}" + "".join(f"{t:>9.3f}s" for t in times), flush=True)
    if args.others:
        print(f"\n{'shape (not fixed)':28s}" + "".join(f"{n:>10,}" for n in OTHER_SIZES))
        for shape, (template, unit) in OTHER_SHAPES.items():
            times = [seconds(template.replace("{run}", unit * (n // len(unit)))) for n in OTHER_SIZES]
            print(f"{shape:28s}" + "".join(f"{t:>9.3f}s" for t in times), flush=True)


if __name__ == "__main__":
    main()

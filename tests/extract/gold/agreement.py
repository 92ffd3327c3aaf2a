"""Agreement between two independent annotations of the same records: how well the gold set itself
can be read, field by field, with the benchmark's own exact-match scoring.

    python tests/extract/gold/agreement.py --split fresh10

From fresh10 on, each record of a round is annotated twice, by two people who never see each
other's work (`double/<split>_a.json`, `double/<split>_b.json`, same schema as the gold files). The
gold file (`<split>.json`) is then adjudicated from the two: where they agree it is their value,
where they differ an adjudicator decides by the conventions in README.md. This script prints:

- annotation B scored against annotation A (precision = share of B's values that A also has,
  recall = share of A's values that B also has), per field, as `extraction_bench.py` scores the
  extractors: the agreement two careful readers reach, i.e. what exact match can be expected to
  measure on these records;
- each annotation scored against the adjudicated gold, when it exists;
- with `--extractor`, the extractors scored against A, B and the adjudicated gold (this is a
  scoring of the split: run it only when the split is scored, see README.md).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "src"))

from benchmarks.extraction_bench import FIELDS, gold_items, predicted_items, table, tally  # noqa: E402
from tests.extract.gold.load import GOLD_DIR, load_records, read_annotations, read_selection  # noqa: E402

DOUBLE_DIR = GOLD_DIR / "double"


def read_double(split: str, which: str) -> dict[str, dict]:
    """{record id: annotation} of annotation `which` ("a" or "b") of a doubly annotated split."""
    path = DOUBLE_DIR / f"{split}_{which}.json"
    return {entry["id"]: entry for entry in json.loads(path.read_text(encoding="utf-8"))}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", default="fresh10", help="a doubly annotated split (default: fresh10)")
    parser.add_argument("--extractor", action="store_true",
                        help="also score the extractors against A, B and the gold (scores the split)")
    args = parser.parse_args(argv)
    first, second = read_double(args.split, "a"), read_double(args.split, "b")
    if sorted(first) != sorted(second):
        raise SystemExit(f"{args.split}: the two annotations cover different records")
    gold = read_annotations(args.split)
    items = {"A": {i: gold_items(e) for i, e in first.items()}, "B": {i: gold_items(e) for i, e in second.items()}}
    if gold:
        items["gold"] = {i: gold_items(e) for i, e in gold.items()}
    if args.extractor:
        from mbc_sr.extract.record import extract_record

        entries = [e for e in read_selection() if e.split == args.split]
        records = load_records(entries)
        items["extractor"] = {e.id: predicted_items(extract_record(records[e.id])) for e in entries}
    pairs = [("A", "B")]
    if "gold" in items:
        pairs += [("gold", "A"), ("gold", "B")]
    if "extractor" in items:
        pairs += [("A", "extractor"), ("B", "extractor")] + ([("gold", "extractor")] if "gold" in items else [])
    ids = sorted(first)
    same_total = sum(first[i]["n_total"] == second[i]["n_total"] for i in ids)
    print(f"{args.split}: {len(ids)} records annotated twice; n_total identical (a value or both none) "
          f"in {same_total} ({same_total / len(ids):.3f})")
    for reference, other in pairs:
        totals = {name: [0, 0, 0] for name in FIELDS}
        for record_id in ids:
            tally(items[reference][record_id], items[other][record_id], totals)
        print(f"\n{other} scored against {reference}")
        print(table(totals, headers=("ref", "other", "both")))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""`mbc-sr dedup`: deduplicate files (standalone) or the store (update-aware), review uncertain pairs.

    mbc-sr dedup FILE... --out DIR        files only, no store: clusters.csv, pairs.csv,
                                          studies.csv, deduplicated.ris in DIR
    mbc-sr dedup                          the store's new records against everything stored
    mbc-sr dedup review --export CSV      the pending review queue, one pair per row
    mbc-sr dedup review --import CSV      answers (decision = duplicate / distinct), then rerun
    mbc-sr dedup studies --export CSV     reports linked as one study

Heavy modules (numpy, rapidfuzz, the stages) are imported inside the handlers.
"""

from __future__ import annotations

import argparse
import csv
from pathlib import Path

from mbc_sr.cli.common import open_store_from_args

_MODES = ("review", "studies")

REVIEW_COLUMNS = (
    "item_id", "decision", "reviewer", "note", "reason", "title_score", "authors_score",
    "left_key", "left_title", "left_authors", "left_year", "left_journal", "left_pages", "left_doi",
    "right_key", "right_title", "right_authors", "right_year", "right_journal", "right_pages", "right_doi",
)  # fmt: skip


def register(commands) -> None:
    parser = commands.add_parser(
        "dedup",
        help="deduplicate files (standalone) or the store; review uncertain pairs; export study links",
        description=__doc__.split("\n\n")[1] if __doc__ else None,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog=(
            "Inputs are recognised by content: CSV (ID, title, year, author, journal, volume, number, "
            "pages, doi, abstract), PubMed XML (.xml/.xml.gz), and RIS, MEDLINE/.nbib and EndNote XML "
            "when the importers of mbc_sr.sources.imports are installed. Uncertain pairs are never "
            "merged: they are listed (pairs.csv, decision=review) or queued for review (store)."
        ),
    )
    parser.add_argument("files", nargs="*", metavar="FILE", help="input files; or 'review' / 'studies'")
    parser.add_argument("--out", type=Path, metavar="DIR", help="output directory (standalone mode)")
    parser.add_argument("--export", type=Path, metavar="CSV", dest="export_path", help="write the review queue / study links")
    parser.add_argument("--import", type=Path, metavar="CSV", dest="import_path", help="read review answers")
    parser.add_argument("--reviewer", help="who answered (when the CSV's reviewer column is empty)")
    parser.set_defaults(handler=cmd_dedup)


def cmd_dedup(args: argparse.Namespace) -> int:
    files = list(args.files)
    if files and files[0] in _MODES and not Path(files[0]).is_file():
        if len(files) > 1:
            raise ValueError(f"'mbc-sr dedup {files[0]}' takes no files (got {' '.join(files[1:])})")
        return cmd_review(args) if files[0] == "review" else cmd_studies(args)
    if args.export_path or args.import_path:
        raise ValueError("--export/--import belong to 'mbc-sr dedup review' or 'mbc-sr dedup studies'")
    if files:
        if args.out is None:
            raise ValueError("standalone deduplication needs --out DIR")
        return cmd_files([Path(f) for f in files], args.out)
    if args.out is not None:
        raise ValueError("--out needs input files: mbc-sr dedup FILE... --out DIR")
    return cmd_store(args)


# --------------------------------------------------------------------------- standalone


def _record_ids(per_file: list[tuple[Path, list]]) -> list[str]:
    """The ID column (or PMID / record key) as each record's id; file-prefixed on collisions."""
    raw = [(path, record.source_record_id or record.key) for path, records in per_file for record in records]
    seen: dict[str, int] = {}
    for _path, rid in raw:
        seen[rid] = seen.get(rid, 0) + 1
    return [f"{path.name}:{rid}" if seen[rid] > 1 else rid for path, rid in raw]


def cmd_files(paths: list[Path], out: Path) -> int:
    from mbc_sr.dedup.io import read_records
    from mbc_sr.dedup.stage import deduplicate
    from mbc_sr.report.ris import write_ris

    per_file = [(path, read_records(path)) for path in paths]
    records = [record for _path, items in per_file for record in items]
    ids = _record_ids(per_file)
    result = deduplicate(records, ids)
    out.mkdir(parents=True, exist_ok=True)
    with (out / "clusters.csv").open("w", newline="", encoding="utf-8") as stream:
        writer = csv.writer(stream)
        writer.writerow(["record_id", "cluster_id"])
        for index, rid in enumerate(ids):
            writer.writerow([rid, result.cluster_of[index] + 1])
    write_pairs_csv(out / "pairs.csv", result, ids)
    with (out / "studies.csv").open("w", newline="", encoding="utf-8") as stream:
        writer = csv.writer(stream)
        writer.writerow(["study_id", "record_id", "basis"])
        for number, group in enumerate(result.studies, start=1):
            for member in group.members:
                writer.writerow([number, ids[member], "; ".join(group.basis)])
    survivors = []
    for number, members in enumerate(result.clusters):
        merged = result.merged.get(number)
        survivors.append((merged.record, ids[merged.survivor]) if merged else (records[members[0]], ids[members[0]]))
    with (out / "deduplicated.ris").open("w", encoding="utf-8", newline="\n") as stream:
        written = write_ris(stream, survivors)
    print(
        f"{len(records)} records from {len(paths)} file(s): {written} left after removing {result.removed} "
        f"duplicates ({len(result.duplicates)} pairs merged, {len(result.review)} pairs to review, "
        f"{len(result.studies)} linked studies); wrote {out}/clusters.csv, pairs.csv, studies.csv, deduplicated.ris"
    )
    return 0


def write_pairs_csv(path: Path, result, ids: list[str]) -> None:
    """One row per explained pair: merged (duplicate), uncertain (review), or kept apart for good."""
    fields = ("title", "authors", "journal", "year_gap", "volume", "pages")
    with path.open("w", newline="", encoding="utf-8") as stream:
        writer = csv.writer(stream)
        writer.writerow(["left_id", "right_id", "decision", "rule", *fields])
        for group in (result.duplicates, result.review, result.cannot_link):
            for pair in group:
                scores = pair.scores
                writer.writerow(
                    [ids[pair.left], ids[pair.right], pair.decision, pair.rule, *("" if scores.get(f) is None else scores[f] for f in fields)]
                )


# --------------------------------------------------------------------------- store


def cmd_store(args: argparse.Namespace) -> int:
    from mbc_sr.dedup.store_io import deduplicate_store

    store = open_store_from_args(args)
    try:
        print(deduplicate_store(store).line())
    finally:
        store.close()
    return 0


def cmd_review(args: argparse.Namespace) -> int:
    if bool(args.export_path) == bool(args.import_path):
        raise ValueError("mbc-sr dedup review needs exactly one of --export CSV or --import CSV")
    store = open_store_from_args(args)
    try:
        if args.export_path:
            count = export_review(store, args.export_path)
            print(f"{count} pairs to review written to {args.export_path}")
        else:
            from mbc_sr.dedup.store_io import deduplicate_store

            changed = import_review(store, args.import_path, args.reviewer)
            print(f"{changed} review answers recorded from {args.import_path}")
            print(deduplicate_store(store).line())
    finally:
        store.close()
    return 0


def _describe(record) -> dict[str, str]:
    if record is None:
        return {"title": "", "authors": "", "year": "", "journal": "", "pages": "", "doi": ""}
    journal = record.journal
    return {
        "title": record.title,
        "authors": "; ".join(a.display_name for a in record.authors[:6]) + ("; et al." if len(record.authors) > 6 else ""),
        "year": str(record.year or ""),
        "journal": (journal.title or journal.iso_abbreviation or "") if journal else (record.book_title or ""),
        "pages": " ".join(p for p in (record.volume and f"vol {record.volume}", record.pages) if p),
        "doi": record.doi or "",
    }


def export_review(store, path: Path) -> int:
    from mbc_sr.store import dedup as dedup_store

    items = dedup_store.review_items(store, "pending")
    with path.open("w", newline="", encoding="utf-8") as stream:
        writer = csv.DictWriter(stream, fieldnames=REVIEW_COLUMNS)
        writer.writeheader()
        for item in items:
            row = {"item_id": item.id, "decision": "", "reviewer": "", "note": "", "reason": item.reason,
                   "title_score": item.scores.get("title", ""), "authors_score": item.scores.get("authors", ""),
                   "left_key": item.left_key, "right_key": item.right_key}  # fmt: skip
            for side, key in (("left", item.left_key), ("right", item.right_key)):
                for name, value in _describe(store.get_record(key)).items():
                    row[f"{side}_{name}"] = value
            writer.writerow(row)
    return len(items)


def import_review(store, path: Path, reviewer: str | None) -> int:
    """Read answered rows (decision duplicate/distinct; blank rows are skipped); all or nothing."""
    from mbc_sr.store import dedup as dedup_store

    if not path.is_file():
        raise FileNotFoundError(f"{path}: no such file")
    answers = []
    known = {item.id: item for item in dedup_store.review_items(store, None)}
    with path.open(newline="", encoding="utf-8-sig") as stream:
        reader = csv.DictReader(stream)
        missing = {"item_id", "decision"} - set(reader.fieldnames or ())
        if missing:
            raise ValueError(f"{path}: line 1: missing column(s) {', '.join(sorted(missing))}")
        for row in reader:
            line = reader.line_num
            decision = (row.get("decision") or "").strip().lower()
            if not decision:
                continue
            if decision not in ("duplicate", "distinct"):
                raise ValueError(f"{path}: line {line}: field decision: {decision!r} is not 'duplicate' or 'distinct'")
            try:
                item_id = int(row["item_id"])
            except (TypeError, ValueError):
                raise ValueError(f"{path}: line {line}: field item_id: {row.get('item_id')!r} is not a review item id") from None
            item = known.get(item_id)
            if item is None:
                raise ValueError(f"{path}: line {line}: field item_id: no review item {item_id} in this store")
            for side in ("left_key", "right_key"):
                if row.get(side) and row[side] != getattr(item, side):
                    raise ValueError(f"{path}: line {line}: field {side}: {row[side]!r} is not item {item_id}'s record")
            who = (row.get("reviewer") or "").strip() or reviewer
            answers.append((item_id, decision, who, (row.get("note") or "").strip() or None))
    return dedup_store.record_review_answers(store, answers)


def cmd_studies(args: argparse.Namespace) -> int:
    from mbc_sr.store import dedup as dedup_store

    if not args.export_path or args.import_path:
        raise ValueError("mbc-sr dedup studies needs --export CSV")
    store = open_store_from_args(args)
    try:
        groups = dedup_store.study_groups(store)
        with args.export_path.open("w", newline="", encoding="utf-8") as stream:
            writer = csv.writer(stream)
            writer.writerow(["study_key", "record_key", "pmid", "title", "basis"])
            for study, members, basis in groups:
                for key in members:
                    record = store.get_record(key)
                    writer.writerow([study, key, (record.pmid or "") if record else "", record.title if record else "", "; ".join(basis)])
    finally:
        store.close()
    print(f"{len(groups)} linked studies written to {args.export_path}")
    return 0

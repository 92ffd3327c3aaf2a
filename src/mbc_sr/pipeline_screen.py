"""Screening stage functions: move records and decisions between the store and `mbc_sr.screen`.

Plain Python, called by the CLI (`mbc-sr screen ...`) and the refresh flow. The screening
logic itself is pure and lives in `mbc_sr.screen`; this module does the I/O.

* `run_rules` applies the protocol's rules to every record the current criteria version has
  not yet screened in its current version (new records, new versions, or all records after
  the criteria changed), appending "rules@<version>" decisions.
* `export_sheet` / `import_sheet` / `import_asreview` are the human round-trip.
* `current_decision(s)` is what later stages (extraction, PRISMA) read.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from mbc_sr.pipeline import file_sha256
from mbc_sr.screen import agreement as agreement_mod
from mbc_sr.screen.decisions import CurrentDecision, Decision, current_decisions as derive_all, derive_current
from mbc_sr.screen.protocol import STAGES, Protocol, load_protocol
from mbc_sr.screen.rules import RuleEngine
from mbc_sr.screen.sheets import (
    Problem, fingerprint, read_sheet, validate_rows, write_csv, write_report, write_xlsx,
)  # fmt: skip
from mbc_sr.store import Store
from mbc_sr.store import decisions as log

__all__ = [
    "ImportReport", "RulesReport", "current_decision", "current_decisions", "export_sheet", "import_asreview",
    "import_sheet", "load_screening_protocol", "run_rules", "write_conflicts", "write_queue",
]  # fmt: skip

Progress = Callable[[int], None]


def load_screening_protocol(config) -> Protocol:
    """The protocol in the review's config (`Config` from `mbc_sr.config.load_config`)."""
    return load_protocol(config.raw, config.path)


def _check_stage(stage: str) -> None:
    if stage not in STAGES:
        raise ValueError(f"stage must be one of {', '.join(STAGES)}, not {stage!r}")


# --------------------------------------------------------------------------- rules


@dataclass(frozen=True, slots=True)
class RulesReport:
    criteria_version: str
    screened: int
    already: int
    outcomes: dict[str, int]
    seconds: float = 0.0


def run_rules(
    store: Store, protocol: Protocol, *, stage: str = "ta", batch_size: int = 2000, progress: Progress | None = None
) -> RulesReport:
    """Screen with the rules every record not yet screened by this criteria version in its
    current version. Each batch of `batch_size` decisions commits on its own (a killed run
    keeps whole batches; the rerun screens the rest)."""
    import time

    _check_stage(stage)
    started = time.perf_counter()
    engine = RuleEngine(protocol)
    done = log.rules_screened(store, stage, protocol.version)
    merged = log.survivor_map(store)
    shas = {key: sha for key, (sha, _deleted) in log.fingerprints(store).items()}
    outcomes: Counter[str] = Counter()
    pending: list[Decision] = []
    already = seen = 0
    reviewer = protocol.rules_reviewer

    def flush() -> None:
        if pending:
            log.append_decisions(store, log.Batch("rules", reviewer, stage, protocol.version), pending)
            pending.clear()

    for record in store.iter_records():
        seen += 1
        key = record.key
        if key in merged:  # screened once, on its cluster's survivor
            continue
        sha = shas.get(key)
        if key in done and done[key] == sha:
            already += 1
        else:
            result = engine.evaluate(record)
            outcomes[result.outcome] += 1
            pending.append(
                Decision(
                    record_key=key, stage=stage, reviewer=reviewer, role="rules", decision=result.outcome,
                    reason=result.reason, criteria_version=protocol.version, record_sha256=sha,
                    rule_id=result.rule_id, details=result.details(),
                )  # fmt: skip
            )
            if len(pending) >= batch_size:
                flush()
        if progress is not None and seen % 500 == 0:
            progress(seen)
    flush()
    if progress is not None:
        progress(seen)
    return RulesReport(protocol.version, sum(outcomes.values()), already, dict(outcomes), time.perf_counter() - started)


# --------------------------------------------------------------------------- current decisions


def current_decisions(store: Store, stage: str) -> dict[str, CurrentDecision]:
    """record key -> current decision at `stage`, for every record with log entries there."""
    _check_stage(stage)
    return derive_all(log.load_decisions(store, stage=stage), stage)


def current_decision(store: Store, record_key: str, stage: str) -> CurrentDecision:
    """The current decision of one record (mapped to its dedup survivor) at `stage`."""
    _check_stage(stage)
    key = log.survivor_key(store, record_key)
    return derive_current(key, stage, log.load_decisions(store, stage=stage, record_keys=[key]))


# --------------------------------------------------------------------------- sheets


def _queue(store: Store, protocol: Protocol, stage: str, reviewer: str | None, include_all: bool) -> list[dict]:
    """Sheet rows for the records a human should screen at `stage` (and `reviewer` has not)."""
    decisions = log.load_decisions(store, stage=stage)
    current = derive_all(decisions, stage)
    if stage == "ft":
        ta = current_decisions(store, "ta")
        eligible = {k for k, c in ta.items() if c.status == "included"}
    else:
        eligible = {k for k, c in current.items() if include_all or c.needs_human}
    decided_by = {(d.record_key, d.reviewer) for d in decisions if d.role != "rules"}
    rows = []
    shas = log.fingerprints(store)
    for key in sorted(eligible):
        sha, deleted = shas.get(key, (None, True))
        if sha is None or deleted or (reviewer and (key, reviewer) in decided_by and not include_all):
            continue
        record = store.get_record(key)
        state = current.get(key)
        suggestion = ""
        if state is not None and state.decision is not None and state.decision.role == "rules":
            suggestion = f"{state.decision.decision}: {state.decision.reason} [{state.decision.rule_id}]"
            fired = (state.decision.details or {}).get("fired", [])
            extra = [f"{reason} [{rule}]" for rule, _o, reason in fired[1:]]
            if extra:
                suggestion += "; also: " + "; ".join(extra)
        others = "; ".join(f"{d.reviewer}: {d.decision}" for d in (state.reviewers if state else ()) if d.reviewer != reviewer)
        rows.append(
            {
                "record_id": key, "fingerprint": fingerprint(sha), "stage": stage, "reviewer": reviewer or "",
                "pmid": record.pmid or "", "doi": record.doi or "", "year": record.year or "",
                "title": record.title or record.vernacular_title or "", "abstract": record.abstract_text,
                "journal": (record.journal.title if record.journal else "") or "",
                "publication_types": "; ".join(p.name for p in record.publication_types),
                "rules_suggestion": suggestion, "other_decisions": others, "decision": "", "reason": "", "note": "",
            }  # fmt: skip
        )
    return rows


def export_sheet(
    store: Store, protocol: Protocol, stage: str, reviewer: str, out_dir: Path, *, include_all: bool = False
) -> tuple[Path, Path, int]:
    """Write `<out_dir>/screen-<stage>-<reviewer>.csv` and `.xlsx`; return both paths and the row count."""
    _check_stage(stage)
    if not reviewer.strip() or reviewer.startswith("rules@"):
        raise ValueError(f"reviewer must be a person's name, not {reviewer!r}")
    out_dir.mkdir(parents=True, exist_ok=True)
    rows = _queue(store, protocol, stage, reviewer, include_all)
    safe = "".join(c if c.isalnum() or c in "-_." else "_" for c in reviewer)
    csv_path, xlsx_path = out_dir / f"screen-{stage}-{safe}.csv", out_dir / f"screen-{stage}-{safe}.xlsx"
    write_csv(csv_path, rows)
    write_xlsx(xlsx_path, rows, protocol, stage)
    return csv_path, xlsx_path, len(rows)


def write_queue(store: Store, protocol: Protocol, stage: str, out_dir: Path) -> tuple[Path, int]:
    """The human queue (records needing a person at `stage`) as `<out_dir>/screening-queue-<stage>.csv`."""
    out_dir.mkdir(parents=True, exist_ok=True)
    rows = _queue(store, protocol, stage, None, False)
    path = out_dir / f"screening-queue-{stage}.csv"
    write_csv(path, rows)
    return path, len(rows)


@dataclass(slots=True)
class ImportReport:
    path: Path
    status: str  # imported | already_imported | refused | nothing_to_import
    written: int = 0
    blank: int = 0
    unchanged: int = 0
    problems: list[Problem] = field(default_factory=list)
    report_path: Path | None = None


def _finish(
    store: Store, protocol: Protocol, path: Path, sha256: str, kind: str, reviewer: str, stage: str, validated,
    partial: bool, on_row: Progress | None,
) -> ImportReport:  # fmt: skip
    report = ImportReport(path, "imported", blank=validated.blank, unchanged=validated.unchanged, problems=validated.problems)
    if validated.problems:
        report.report_path = path.with_name(path.name + ".import-report.csv")
        write_report(report.report_path, validated.problems)
        if not partial:
            report.status = "refused"
            return report
    if not validated.decisions:
        report.status = "nothing_to_import"
        return report
    batch = log.Batch(kind, reviewer, stage, protocol.version, path.name, sha256)
    result = log.append_decisions(store, batch, validated.decisions, on_row=on_row)
    report.status = "already_imported" if result.already_imported else "imported"
    report.written = result.written
    return report


def import_sheet(
    store: Store, protocol: Protocol, path: Path, *, role: str = "reviewer", partial: bool = False,
    on_row: Progress | None = None,
) -> ImportReport:  # fmt: skip
    """Validate a screening sheet (CSV/XLSX) and append its decisions in one transaction.

    Any invalid row (unknown id, stale fingerprint, invalid value, duplicate) refuses the whole
    file unless `partial`; each problem is written to `<file>.import-report.csv`. The same file
    imported again adds nothing; so does a re-saved sheet whose decisions are already current.
    """
    if role not in ("reviewer", "adjudicator"):
        raise ValueError(f"role must be reviewer or adjudicator, not {role!r}")
    sha256 = file_sha256(path)
    if log.batch_for_file(store, sha256) is not None:
        return ImportReport(path, "already_imported")
    rows = read_sheet(path)
    shas = {key: sha for key, (sha, deleted) in log.fingerprints(store).items()}
    decisions = log.load_decisions(store, record_keys={r.values.get("record_id", "") for r in rows})
    latest = {(d.record_key, d.stage, d.reviewer): d for d in decisions}  # oldest first: last wins
    validated = validate_rows(rows, protocol, shas, role=role, latest=latest, survivor=log.survivor_map(store))
    reviewers = {d.reviewer for d in validated.decisions}
    stages = {d.stage for d in validated.decisions}
    reviewer = ", ".join(sorted(reviewers)) or "-"
    stage = stages.pop() if len(stages) == 1 else "ta"
    return _finish(store, protocol, path, sha256, "sheet", reviewer, stage, validated, partial, on_row)


def import_asreview(
    store: Store, protocol: Protocol, path: Path, reviewer: str, *, stage: str = "ta", partial: bool = False
) -> ImportReport:
    """An ASReview LAB export's labels as `reviewer`'s decisions (1 → include, 0 → exclude)."""
    from mbc_sr.screen.asreview import read_asreview
    from mbc_sr.screen.sheets import SheetRow

    _check_stage(stage)
    sha256 = file_sha256(path)
    if log.batch_for_file(store, sha256) is not None:
        return ImportReport(path, "already_imported")
    shas = {key: sha for key, (sha, deleted) in log.fingerprints(store).items()}
    by_pmid = {key[5:]: key for key in shas if key.startswith("pmid:")}
    by_doi: dict[str, str] = {}

    def resolve(key: str | None, pmid: str | None, doi: str | None) -> str | None:
        if key and key in shas:
            return key
        if pmid and pmid in by_pmid:
            return by_pmid[pmid]
        if doi:
            if not by_doi:
                by_doi.update(_doi_index(store))
            return by_doi.get(doi)
        return None

    labels, problems = read_asreview(path, resolve)
    rows = [
        SheetRow(label.row, {
            "record_id": label.record_key, "fingerprint": fingerprint(shas[label.record_key]), "stage": stage,
            "reviewer": reviewer, "decision": "include" if label.included else "exclude", "reason": "",
            "note": "ASReview LAB",
        })  # fmt: skip
        for label in labels
    ]
    decisions = log.load_decisions(store, record_keys={label.record_key for label in labels})
    latest = {(d.record_key, d.stage, d.reviewer): d for d in decisions}
    validated = validate_rows(rows, protocol, shas, latest=latest, survivor=log.survivor_map(store))
    validated.problems[:0] = problems
    return _finish(store, protocol, path, sha256, "asreview", reviewer, stage, validated, partial, None)


def _doi_index(store: Store) -> dict[str, str]:
    from sqlalchemy import select

    from mbc_sr.store import schema

    r = schema.records.c
    with store.engine.connect() as connection:
        return {doi: key for key, doi in connection.execute(select(r.record_key, r.doi).where(r.doi.is_not(None)))}


# --------------------------------------------------------------------------- dual screening


def write_conflicts(store: Store, protocol: Protocol, stage: str, out_dir: Path) -> tuple[list, Path, int]:
    """Agreement for every pair of reviewers and `<out_dir>/conflicts-<stage>.csv/.xlsx` for an
    adjudicator (import it back with role "adjudicator" after filling reviewer and decision)."""
    _check_stage(stage)
    decisions = log.load_decisions(store, stage=stage)
    names = agreement_mod.reviewers(decisions, stage)
    pairs = [agreement_mod.agreement(decisions, stage, a, b) for i, a in enumerate(names) for b in names[i + 1 :]]
    found = agreement_mod.conflicts(decisions, stage)
    shas = log.fingerprints(store)
    rows = []
    for conflict in found:
        record = store.get_record(conflict.record_key)
        rows.append(
            {
                "record_id": conflict.record_key, "fingerprint": fingerprint(shas[conflict.record_key][0]),
                "stage": stage, "reviewer": "", "pmid": record.pmid or "", "doi": record.doi or "",
                "year": record.year or "", "title": record.title, "abstract": record.abstract_text,
                "other_decisions": "; ".join(
                    f"{d.reviewer}: {d.decision}{f' ({d.reason})' if d.reason else ''}{f' — {d.note}' if d.note else ''}"
                    for d in conflict.decisions
                ),
                "decision": "", "reason": "", "note": "",
            }  # fmt: skip
        )
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / f"conflicts-{stage}.csv"
    write_csv(path, rows)
    write_xlsx(path.with_suffix(".xlsx"), rows, protocol, stage)
    return pairs, path, len(rows)

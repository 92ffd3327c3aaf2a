"""Extraction stage functions: read records, screening status and study links from the store,
extract, and write the evidence base to outputs/ (plain Python, called by the CLI and the flow).

What extraction takes from the stages before it:

* **screening** (`mbc_sr.pipeline_screen.current_decisions`): a record is *included* when a
  person included it (full text, or title/abstract while full text is pending) and
  *provisional* when the rules say likely include and no person has decided; records excluded
  by a person or by automation, or still needing a human, are not in the evidence base;
* **deduplication** (`mbc_sr.store.dedup`): only surviving records are read (decisions attach
  to survivors), and reports linked as one study (`study_groups`) become one row;
* **E-utilities refresh** flags (`record_flags` table): retraction / erratum / expression of
  concern alerts, merged with the links the records carry themselves.

Any of these may be absent (a store that was never screened or deduplicated): the stage then
treats every record as unscreened, or as its own study, and says so in its report.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from mbc_sr.extract.evidence import EvidenceUpdate, write_evidence_base
from mbc_sr.extract.record import RECORD_COLUMNS, extract_record, record_row
from mbc_sr.extract.table import INCLUDED, PROVISIONAL, UNSCREENED, build_table, reports_from_links
from mbc_sr.records import Record
from mbc_sr.store import Store

__all__ = ["ExtractionReport", "inclusion_status", "review_records", "stored_flags", "update_evidence_base"]


def inclusion_status(store: Store) -> dict[str, str]:
    """record key -> "included" / "provisional" from the screening log; records a person or the
    rules excluded map to "excluded"; keys without decisions are absent (unscreened)."""
    from mbc_sr.pipeline_screen import current_decisions

    title_abstract = current_decisions(store, "ta")
    full_text = current_decisions(store, "ft")
    status: dict[str, str] = {}
    for key in set(title_abstract) | set(full_text):
        ft = full_text.get(key)
        ta = title_abstract.get(key)
        if ft is not None and ft.status == "included":
            status[key] = INCLUDED
        elif ft is not None and ft.status in ("excluded", "not_retrieved"):
            status[key] = "excluded"
        elif ta is not None and ta.status == "included":
            status[key] = INCLUDED
        elif ta is not None and ta.status == "likely_include":
            status[key] = PROVISIONAL
        elif ta is not None and ta.status in ("excluded", "excluded_by_automation"):
            status[key] = "excluded"
        else:
            status[key] = "pending"  # maybe, conflict, needs a human: not in the evidence base yet
    return status


def review_records(store: Store, inclusion: Mapping[str, str], include_unscreened: bool = False) -> list[Record]:
    """The surviving records to extract: included + provisional (and unscreened when asked)."""
    from mbc_sr.store.dedup import survivor_map

    merged = survivor_map(store)
    wanted = {INCLUDED, PROVISIONAL} | ({UNSCREENED} if include_unscreened else set())
    return [
        record
        for record in store.iter_records()
        if record.key not in merged and inclusion.get(record.key, UNSCREENED) in wanted
    ]


def stored_flags(store: Store) -> dict[str, set[str]]:
    """record key -> flag names stored by the E-utilities refresh (the `record_flags` table)."""
    from sqlalchemy import select

    from mbc_sr.store import schema

    flags: dict[str, set[str]] = {}
    table = schema.record_flags.c
    with store.engine.connect() as connection:
        for key, flag in connection.execute(select(table.record_key, table.flag)):
            flags.setdefault(key, set()).add(flag)
    return flags


@dataclass(frozen=True, slots=True)
class ExtractionReport:
    records: int
    screened: bool
    linked_studies: int
    update: EvidenceUpdate

    def lines(self) -> list[str]:
        lines = [f"extracted {self.records} records"]
        if not self.screened:
            lines.append("no screening decisions in the store: only unscreened records were asked for, "
                         "or none (run 'mbc-sr screen run', or 'mbc-sr evidence --include-unscreened')")
        lines.append(f"{self.linked_studies} studies with more than one report")
        lines.append(self.update.summary())
        return lines


def update_evidence_base(
    store: Store,
    out_dir: Path,
    *,
    include_unscreened: bool = False,
    inclusion: Mapping[str, str] | None = None,
) -> ExtractionReport:
    """Extract the review's included and provisional records and write the evidence base.

    `inclusion` overrides the screening log (record key -> status). Records without any
    screening decision are left out unless `include_unscreened` (a store that was never
    screened then gives an empty table, and the report says why).
    """
    from mbc_sr.store.dedup import study_groups

    inclusion = dict(inclusion if inclusion is not None else inclusion_status(store))
    screened = bool(inclusion)
    records = review_records(store, inclusion, include_unscreened)
    extractions = {record.key: extract_record(record) for record in records}
    studies = reports_from_links(records, study_groups(store))
    rows = build_table(studies, extractions, inclusion, stored_flags(store))
    report_rows = [record_row(extractions[record.key]) for record in records]
    update = write_evidence_base(rows, out_dir, report_rows, RECORD_COLUMNS)
    return ExtractionReport(len(records), screened, sum(len(s.records) > 1 for s in studies), update)


def extract_records(records: Iterable[Record]) -> list[dict[str, str]]:
    """One flat row per record (the standalone `mbc-sr extract`)."""
    return [record_row(extract_record(record)) for record in records]

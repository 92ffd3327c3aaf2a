"""The values the store takes and gives back (plain dataclasses, no database types).

`RecordRow` is a record version flattened to exactly what the store writes: its indexed
columns and its JSON content. Building it (`Record.to_dict()` + `json.dumps`) is the costly
part of storing a record, so the ingest stage builds it once, while parsing, and spools it
to disk in that form; the store accepts a `ParsedRecord` too and flattens it itself.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal, Protocol

from mbc_sr.records import Deletion, Record, record_from_dict, record_key, version_key

__all__ = [
    "BatchCounts",
    "HashedRecord",
    "RecordRow",
    "RecordState",
    "RecordVersion",
    "RunInfo",
    "RunStart",
    "StoreItem",
    "StoreStats",
    "deletion_key",
]


class HashedRecord(Protocol):
    """A record and the sha256 of its raw form (`mbc_sr.pubmed_xml.ParsedRecord` is one)."""

    record: Record
    xml_sha256: str


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


@dataclass(slots=True)
class RecordRow:
    """One record version as stored: identifiers as columns, the whole record as JSON text."""

    key: str
    source: str
    source_record_id: str
    pmid: str | None
    pmid_version: int | None
    doi: str | None
    pmcid: str | None
    title: str
    year: int | None
    date_revised: str | None
    xml_sha256: str
    content: str

    @classmethod
    def from_record(cls, record: Record, xml_sha256: str) -> RecordRow:
        return cls(
            key=record.key,
            source=record.source,
            source_record_id=record.source_record_id,
            pmid=record.pmid,
            pmid_version=record.pmid_version,
            doi=record.doi,
            pmcid=record.pmcid,
            title=record.title,
            year=record.year,
            date_revised=record.date_revised,
            xml_sha256=xml_sha256,
            content=_dumps(record.to_dict()),
        )

    @classmethod
    def from_parsed(cls, parsed: HashedRecord) -> RecordRow:
        return cls.from_record(parsed.record, parsed.xml_sha256)

    @property
    def version_key(self) -> tuple[int, str]:
        """What "newer" means (`mbc_sr.records.version_key`)."""
        return version_key(self.pmid_version, self.date_revised)

    def record(self) -> Record:
        return record_from_dict(json.loads(self.content))


StoreItem = HashedRecord | RecordRow | Deletion


def deletion_key(pmid: str) -> str:
    """The record key a PubMed deletion applies to."""
    return record_key("pubmed", pmid, pmid)


@dataclass(slots=True)
class BatchCounts:
    """What applying items did. `records` = `new_versions` + `unchanged`.

    * new_records — record keys the store had never seen;
    * new_versions — record versions (key + content hash) the store had never seen;
    * unchanged — versions already stored (a re-delivery: nothing learnt);
    * updated — items that replaced an existing current version (a newer version, or a
      revised delivery of the same one);
    * older — new versions older than the current one: kept in the history only;
    * deletions — DeleteCitation PMIDs read; marked_deleted — stored records they newly marked.
    """

    records: int = 0
    new_records: int = 0
    new_versions: int = 0
    unchanged: int = 0
    updated: int = 0
    older: int = 0
    deletions: int = 0
    marked_deleted: int = 0

    def __add__(self, other: BatchCounts) -> BatchCounts:
        return BatchCounts(*(a + b for a, b in zip(dataclasses.astuple(self), dataclasses.astuple(other))))

    def as_dict(self) -> dict[str, int]:
        return dataclasses.asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> BatchCounts:
        names = {f.name for f in dataclasses.fields(cls)}
        return cls(**{k: int(v) for k, v in (data or {}).items() if k in names})


@dataclass(frozen=True, slots=True)
class RunStart:
    """The answer to `Store.begin_run`.

    state: "new" — a fresh run; "resumed" — an incomplete run for the same input was reopened
    (`items_applied` items of it are already stored, `counts` says what they did);
    "completed" — this input was fully ingested before: the caller should skip it.
    """

    run_id: int
    state: Literal["new", "resumed", "completed"]
    items_applied: int = 0
    counts: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class RunInfo:
    id: int
    source: str
    kind: str
    status: str
    started_at: datetime
    finished_at: datetime | None
    input_sha256: str | None
    params: dict[str, Any]
    manifest: dict[str, Any] | None
    error: str | None
    counts: dict[str, Any]
    items_applied: int


@dataclass(frozen=True, slots=True)
class RecordState:
    """The bookkeeping around a record's current version (not the record itself)."""

    key: str
    pmid_version: int | None
    date_revised: str | None
    xml_sha256: str
    deleted: bool
    deleted_run_id: int | None
    first_run_id: int
    updated_run_id: int
    updated_at: datetime


@dataclass(frozen=True, slots=True)
class RecordVersion:
    """One stored version of a record; `current` marks the one in `records`."""

    key: str
    pmid_version: int | None
    date_revised: str | None
    xml_sha256: str
    run_id: int
    seen_at: datetime
    current: bool
    record: Record


@dataclass(frozen=True, slots=True)
class StoreStats:
    """Counts for `mbc-sr status`.

    records — current records, deleted ones included (`live` excludes them); versions — all
    stored versions; deletions — distinct PMIDs PubMed deleted; hits_by_source — distinct
    records each source found; runs_by_status — e.g. {"completed": 3, "failed": 1}.
    """

    records: int
    deleted: int
    versions: int
    deletions: int
    hits_by_source: dict[str, int]
    runs_by_status: dict[str, int]

    @property
    def live(self) -> int:
        return self.records - self.deleted

    def lines(self) -> list[str]:
        """The counts as short human-readable lines (for `mbc-sr stats` and flow logs)."""
        out = [
            f"records: {self.records} ({self.live} live, {self.deleted} deleted by PubMed)",
            f"record versions: {self.versions}",
            f"deleted PMIDs recorded: {self.deletions}",
        ]
        if self.hits_by_source:
            out.append("records found, by source:")
            out.extend(f"  {name}: {count}" for name, count in self.hits_by_source.items())
        runs = ", ".join(f"{count} {status}" for status, count in self.runs_by_status.items()) or "none"
        out.append(f"runs: {runs}")
        return out

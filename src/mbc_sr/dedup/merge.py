"""Merging: one surviving record per cluster, with the gaps filled from its duplicates.

Which record survives:

1. a record already stored and deduplicated in an earlier run (update-aware runs) — it may
   have been screened, and its decisions must stay with it;
2. otherwise the PubMed record — PubMed's is the most complete and best-maintained copy
   (versions, corrections, MeSH), and its PMID is the identifier the review reports;
3. otherwise the most complete record (identifiers, abstract, authors, bibliographic
   details), and among equals the first one read (a stable, reproducible choice).

The survivor keeps all its own values; only fields it lacks are filled from the others, in
the same order of preference, and each filled field says where it came from. NCT ids of
every member are kept (they link the study), as are keywords.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from mbc_sr.records import Record

__all__ = ["MergedRecord", "completeness", "merge_cluster", "survivor_order"]

#: fields filled from a duplicate when the survivor lacks them, in this order
FILLED_FIELDS = (
    "pmid", "doi", "pmcid", "title", "abstract", "authors", "journal", "volume", "issue", "pages",
    "languages", "publication_types", "mesh_headings", "keywords",
)  # fmt: skip


@dataclass(slots=True)
class MergedRecord:
    """A cluster's survivor after filling: `record`, which member it is, and provenance."""

    record: Record
    survivor: int  # index of the surviving member
    members: tuple[int, ...]
    filled_from: dict[str, int]  # field -> member index it came from


def completeness(record: Record) -> int:
    """How much of a record is filled (identifiers and abstract weigh most)."""
    return (
        3 * bool(record.pmid) + 2 * bool(record.doi) + bool(record.pmcid) + 2 * bool(record.abstract)
        + bool(record.authors) + bool(record.journal) + bool(record.volume) + bool(record.pages)
        + bool(record.year) + bool(record.issue)
    )  # fmt: skip


def survivor_order(records: Sequence[Record], members: Sequence[int], stored: Collection[int] = ()) -> list[int]:
    """`members` from the preferred survivor to the least preferred (see the module docstring)."""
    return sorted(
        members,
        key=lambda i: (
            i not in stored,
            not (records[i].source == "pubmed" and bool(records[i].pmid)),
            -completeness(records[i]),
            i,
        ),
    )


def _missing(value) -> bool:
    if value is None or value == "" or value == ():
        return True
    if dataclasses.is_dataclass(value):
        return all(_missing(getattr(value, f.name)) for f in dataclasses.fields(value))
    return False


def merge_cluster(records: Sequence[Record], members: Sequence[int], stored: Collection[int] = ()) -> MergedRecord:
    """The survivor of the cluster `members` (indices into `records`), gaps filled."""
    order = survivor_order(records, members, stored)
    survivor = records[order[0]]
    changes: dict[str, object] = {}
    filled_from: dict[str, int] = {}
    for name in FILLED_FIELDS:
        if not _missing(getattr(survivor, name)):
            continue
        for other in order[1:]:
            value = getattr(records[other], name)
            if not _missing(value):
                changes[name] = value
                filled_from[name] = other
                break
    if survivor.year is None:
        for other in order[1:]:
            if records[other].year is not None:
                changes["pub_date"] = records[other].pub_date
                filled_from["pub_date"] = other
                break
    accessions = list(survivor.databank_accessions)
    seen = {(a.databank, a.accession) for a in accessions}
    for other in order[1:]:
        for accession in records[other].databank_accessions:
            if (accession.databank, accession.accession) not in seen:
                seen.add((accession.databank, accession.accession))
                accessions.append(accession)
                filled_from.setdefault("databank_accessions", other)
    if len(accessions) != len(survivor.databank_accessions):
        changes["databank_accessions"] = tuple(accessions)
    merged = dataclasses.replace(survivor, **changes) if changes else survivor
    return MergedRecord(merged, order[0], tuple(sorted(members)), filled_from)

"""PRISMA 2020 flow counts, derived from what the store knows (pure; no I/O).

Nothing here is entered by hand. The inputs (`PrismaInputs`) are read from the store by
`mbc_sr.report.prisma_store`: which run of which source found which record (`record_hits`),
the dedup clusters (record → survivor), PubMed deletions, the screening decision log and the
study links. `compute_counts` turns them into a `PrismaCounts` for one point in time
(`Cutoff`: records found by runs up to a run, decisions made before a moment), and
`update_counts` gives the updated-review template: the flow since the last published
version, plus previous and total studies/reports.

How a record is counted (each box is counted on its own from the log, then the identities
are checked — an inconsistent log is an error naming the numbers, never a wrong diagram):

* identified, per source: the distinct records the source's runs found. Within a dedup
  cluster the first (run, record) found is kept; every other (source, record) of the cluster
  is a duplicate removed from its source (the one rule, in `mbc_sr.dedup.accounting`).
* removed before screening: duplicates; records the rules excluded with certainty
  ("marked as ineligible by automation tools", per rule reason); records PubMed deleted
  before any person screened them ("removed for other reasons").
* screened: records with a person's final title/abstract decision (include / exclude);
  records still waiting for one (no human decision, "maybe", a conflict) are *awaiting
  screening*, reported beside the flow. Excluded: the people's exclusions.
* sought for retrieval: title/abstract inclusions; not retrieved: full-text "not_retrieved";
  assessed: final full-text decisions; excluded with reasons: full-text exclusions per reason;
  sought but not yet decided at full text: *awaiting retrieval or assessment*.
* included: full-text inclusions are reports; studies are their distinct study keys (the
  dedup stage's study linkage; an unlinked report is its own study).

Identities (new review; the carried-over terms are 0):
  identified − removed + carried_screening = screened + awaiting_screening
  screened − excluded = sought
  sought + carried_retrieval − not retrieved − awaiting_retrieval = assessed
  assessed − reports excluded = new reports
  total studies = previous studies + new studies; total reports = previous + new reports
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field, replace
from datetime import datetime
from typing import Any

from mbc_sr.dedup.accounting import identifications
from mbc_sr.screen.decisions import Decision, current_decisions

__all__ = [
    "Cutoff", "Hit", "PrismaCounts", "PrismaIdentityError", "PrismaInputs", "check_identities",
    "compute_counts", "update_counts",
]  # fmt: skip

#: "removed for other reasons": a record PubMed withdrew before anyone screened it
DELETED_REASON = "deleted from PubMed before screening"
KINDS = ("database", "register", "other")


class PrismaIdentityError(ValueError):
    """The counts do not add up: the message names every identity that fails, with its numbers."""


@dataclass(frozen=True, slots=True)
class Hit:
    run_id: int
    source: str
    kind: str  # database | register | other
    record_key: str


@dataclass(frozen=True, slots=True)
class PrismaInputs:
    hits: tuple[Hit, ...]
    survivor: Mapping[str, str]  # record key -> its cluster's survivor (all deduplicated records)
    deleted: frozenset[str]
    decisions: tuple[Decision, ...]
    study_of: Mapping[str, str]  # record key -> study key (linked reports)


@dataclass(frozen=True, slots=True)
class Cutoff:
    """A point in the review's life: records found by runs up to `run_id` (None: every run),
    decisions made before `at` (None: every decision). `label` says what it is."""

    run_id: int | None = None
    at: datetime | None = None
    label: str = "latest"


@dataclass(frozen=True)
class PrismaCounts:
    as_of: str
    template: str = "new"  # new | update
    since: str | None = None  # for an update: the previous (published) version
    databases: dict[str, int] = field(default_factory=dict)  # source -> records identified
    registers: dict[str, int] = field(default_factory=dict)
    other_sources: dict[str, int] = field(default_factory=dict)
    duplicates_by_source: dict[str, int] = field(default_factory=dict)
    duplicates: int = 0
    automation: int = 0
    automation_reasons: dict[str, int] = field(default_factory=dict)
    removed_other: int = 0
    removed_other_reasons: dict[str, int] = field(default_factory=dict)
    screened: int = 0
    excluded: int = 0
    awaiting_screening: int = 0
    carried_screening: int = 0
    sought: int = 0
    not_retrieved: int = 0
    assessed: int = 0
    reports_excluded: int = 0
    reports_excluded_reasons: dict[str, int] = field(default_factory=dict)
    awaiting_retrieval: int = 0
    carried_retrieval: int = 0
    new_reports: int = 0
    new_studies: int = 0
    previous_reports: int = 0
    previous_studies: int = 0
    total_reports: int = 0
    total_studies: int = 0
    included_reports: tuple[str, ...] = ()  # record keys of every included report (all versions)
    included_studies: tuple[str, ...] = ()

    @property
    def identified(self) -> int:
        return sum(self.databases.values()) + sum(self.registers.values()) + sum(self.other_sources.values())

    @property
    def removed(self) -> int:
        return self.duplicates + self.automation + self.removed_other

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["included_reports"] = list(self.included_reports)
        data["included_studies"] = list(self.included_studies)
        return {"identified": self.identified, "removed_before_screening": self.removed, **data}


# --------------------------------------------------------------------------- identities


def identity_failures(c: PrismaCounts) -> list[str]:
    """Every PRISMA identity `c` breaks, as a sentence with the numbers."""
    failures = []

    def check(ok: bool, text: str) -> None:
        if not ok:
            failures.append(text)

    check(
        c.identified - c.removed + c.carried_screening == c.screened + c.awaiting_screening,
        f"identified {c.identified} − removed {c.removed} (duplicates {c.duplicates}, automation {c.automation}, "
        f"other {c.removed_other}) + carried over {c.carried_screening} = "
        f"{c.identified - c.removed + c.carried_screening}, but screened {c.screened} + awaiting screening "
        f"{c.awaiting_screening} = {c.screened + c.awaiting_screening}",
    )
    check(
        c.screened - c.excluded == c.sought,
        f"screened {c.screened} − excluded {c.excluded} = {c.screened - c.excluded}, but reports sought {c.sought}",
    )
    expected = c.sought + c.carried_retrieval - c.not_retrieved - c.awaiting_retrieval
    check(
        expected == c.assessed,
        f"sought {c.sought} + carried over {c.carried_retrieval} − not retrieved {c.not_retrieved} − awaiting "
        f"{c.awaiting_retrieval} = {expected}, but assessed {c.assessed}",
    )
    check(
        c.assessed - c.reports_excluded == c.new_reports,
        f"assessed {c.assessed} − reports excluded {c.reports_excluded} = {c.assessed - c.reports_excluded}, "
        f"but reports included {c.new_reports}",
    )
    check(sum(c.duplicates_by_source.values()) == c.duplicates, f"duplicates per source sum to {sum(c.duplicates_by_source.values())}, not {c.duplicates}")
    check(sum(c.automation_reasons.values()) == c.automation, f"automation reasons sum to {sum(c.automation_reasons.values())}, not {c.automation}")
    check(sum(c.removed_other_reasons.values()) == c.removed_other, f"other removal reasons sum to {sum(c.removed_other_reasons.values())}, not {c.removed_other}")
    check(
        sum(c.reports_excluded_reasons.values()) == c.reports_excluded,
        f"full-text exclusion reasons sum to {sum(c.reports_excluded_reasons.values())}, not {c.reports_excluded}",
    )
    check(
        c.total_studies == c.previous_studies + c.new_studies,
        f"total studies {c.total_studies} ≠ previous {c.previous_studies} + new {c.new_studies}",
    )
    check(
        c.total_reports == c.previous_reports + c.new_reports,
        f"total reports {c.total_reports} ≠ previous {c.previous_reports} + new {c.new_reports}",
    )
    check(c.new_studies <= c.new_reports, f"new studies {c.new_studies} > new reports {c.new_reports}")
    for name, value in asdict(c).items():
        if isinstance(value, int) and value < 0:
            failures.append(f"{name} is {value} (a decision of the previous version was reversed?)")
        elif isinstance(value, dict):
            failures.extend(f"{name}[{k!r}] is {v}" for k, v in value.items() if v < 0)
    return failures


def check_identities(counts: PrismaCounts) -> PrismaCounts:
    """`counts`, if every identity holds; else raise `PrismaIdentityError` naming the numbers."""
    failures = identity_failures(counts)
    if failures:
        raise PrismaIdentityError(f"PRISMA counts as of {counts.as_of} do not add up: " + "; ".join(failures))
    return counts


# --------------------------------------------------------------------------- counting


def _identification(hits: Iterable[Hit], survivor: Mapping[str, str]):
    hits = list(hits)
    kind_of = {hit.source: hit.kind for hit in sorted(hits, key=lambda h: (h.run_id, h.record_key))}
    found = identifications(((hit.run_id, hit.source, hit.record_key) for hit in hits), survivor)
    by_kind: dict[str, dict[str, int]] = {kind: {} for kind in KINDS}
    for source in sorted(found.identified):
        by_kind[kind_of[source]][source] = found.identified[source]
    return by_kind, {s: found.duplicates[s] for s in sorted(found.identified)}, set(found.clusters)


def compute_counts(inputs: PrismaInputs, cutoff: Cutoff = Cutoff()) -> PrismaCounts:
    """The new-review counts at `cutoff`, identities checked (raises `PrismaIdentityError`)."""
    return check_identities(_counts(inputs, cutoff))


def _counts(inputs: PrismaInputs, cutoff: Cutoff) -> PrismaCounts:
    hits = [h for h in inputs.hits if cutoff.run_id is None or h.run_id <= cutoff.run_id]
    by_kind, duplicates, units = _identification(hits, inputs.survivor)
    decisions = [
        replace(d, record_key=inputs.survivor.get(d.record_key, d.record_key))
        for d in inputs.decisions
        if cutoff.at is None or d.made_at is None or d.made_at <= cutoff.at
    ]
    ta = current_decisions(decisions, "ta")
    ft = current_decisions(decisions, "ft")

    automation: Counter[str] = Counter()
    other: Counter[str] = Counter()
    screened_keys = set()
    for key in units:
        state = ta.get(key)
        human = state is not None and state.status in ("included", "excluded", "maybe", "conflict")
        if key in inputs.deleted and not human:
            other[DELETED_REASON] += 1
        elif state is not None and state.status == "excluded_by_automation":
            automation[state.reason or "(no reason)"] += 1
        else:
            screened_keys.add(key)
    # every record with a decision is counted in its box, even one never identified: an
    # inconsistent log then breaks an identity instead of vanishing from the diagram
    ta_included = {k for k, s in ta.items() if s.status == "included"}
    ta_excluded = {k for k, s in ta.items() if s.status == "excluded"}
    awaiting = {k for k in screened_keys if k not in ta_included and k not in ta_excluded}
    not_retrieved = {k for k, s in ft.items() if s.status == "not_retrieved"}
    ft_included = {k for k, s in ft.items() if s.status == "included"}
    ft_excluded = {k: s.reason or "(no reason)" for k, s in ft.items() if s.status == "excluded"}
    awaiting_ft = {k for k in ta_included if k not in not_retrieved and k not in ft_included and k not in ft_excluded}
    studies = sorted({inputs.study_of.get(k, k) for k in ft_included})
    return PrismaCounts(
        as_of=cutoff.label,
        databases=by_kind["database"],
        registers=by_kind["register"],
        other_sources=by_kind["other"],
        duplicates_by_source=duplicates,
        duplicates=sum(duplicates.values()),
        automation=sum(automation.values()),
        automation_reasons=dict(sorted(automation.items())),
        removed_other=sum(other.values()),
        removed_other_reasons=dict(sorted(other.items())),
        screened=len(ta_included) + len(ta_excluded),
        excluded=len(ta_excluded),
        awaiting_screening=len(awaiting),
        sought=len(ta_included),
        not_retrieved=len(not_retrieved),
        assessed=len(ft_included) + len(ft_excluded),
        reports_excluded=len(ft_excluded),
        reports_excluded_reasons=dict(sorted(Counter(ft_excluded.values()).items())),
        awaiting_retrieval=len(awaiting_ft),
        new_reports=len(ft_included),
        new_studies=len(studies),
        total_reports=len(ft_included),
        total_studies=len(studies),
        included_reports=tuple(sorted(ft_included)),
        included_studies=tuple(studies),
    )


def _minus(now: Mapping[str, int], before: Mapping[str, int], *, sources: bool = False) -> dict[str, int]:
    """now − before per key, leaving out zeros (but every source stays: "found 0 new")."""
    keys = list(dict.fromkeys([*now, *before]))
    diff = {k: now.get(k, 0) - before.get(k, 0) for k in keys}
    return {k: v for k, v in diff.items() if v or (sources and k in now)}


def update_counts(inputs: PrismaInputs, previous: Cutoff, current: Cutoff = Cutoff()) -> PrismaCounts:
    """The updated-review template: the flow since `previous` (the last published version),
    previous studies/reports as of then, and totals now. Identities checked."""
    before = check_identities(_counts(inputs, previous))
    now = check_identities(_counts(inputs, current))
    new_reports = sorted(set(now.included_reports) - set(before.included_reports))
    new_studies = sorted(set(now.included_studies) - set(before.included_studies))
    counts = PrismaCounts(
        as_of=now.as_of,
        template="update",
        since=before.as_of,
        databases=_minus(now.databases, before.databases, sources=True),
        registers=_minus(now.registers, before.registers, sources=True),
        other_sources=_minus(now.other_sources, before.other_sources, sources=True),
        duplicates_by_source=_minus(now.duplicates_by_source, before.duplicates_by_source, sources=True),
        duplicates=now.duplicates - before.duplicates,
        automation=now.automation - before.automation,
        automation_reasons=_minus(now.automation_reasons, before.automation_reasons),
        removed_other=now.removed_other - before.removed_other,
        removed_other_reasons=_minus(now.removed_other_reasons, before.removed_other_reasons),
        screened=now.screened - before.screened,
        excluded=now.excluded - before.excluded,
        awaiting_screening=now.awaiting_screening,
        carried_screening=before.awaiting_screening,
        sought=now.sought - before.sought,
        not_retrieved=now.not_retrieved - before.not_retrieved,
        assessed=now.assessed - before.assessed,
        reports_excluded=now.reports_excluded - before.reports_excluded,
        reports_excluded_reasons=_minus(now.reports_excluded_reasons, before.reports_excluded_reasons),
        awaiting_retrieval=now.awaiting_retrieval,
        carried_retrieval=before.awaiting_retrieval,
        new_reports=len(new_reports),
        new_studies=len(new_studies),
        previous_reports=before.total_reports,
        previous_studies=before.total_studies,
        total_reports=now.total_reports,
        total_studies=now.total_studies,
        included_reports=now.included_reports,
        included_studies=now.included_studies,
    )
    failures = identity_failures(counts)
    if len(new_reports) != now.new_reports - before.new_reports:
        failures.append(
            f"{before.new_reports} reports were included at {before.as_of} and {now.new_reports} now, but "
            f"{len(new_reports)} are new: an included report was excluded since"
        )
    if failures:
        raise PrismaIdentityError(f"PRISMA update counts since {before.as_of} do not add up: " + "; ".join(failures))
    return counts

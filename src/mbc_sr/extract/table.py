"""The study-level evidence table: one row per study, every value with the report(s) it came from.

Input is "reports grouped by study" — `StudyReports` (a study id, its records, why they are
grouped) — built from any grouping: a plain mapping study id → records (`group_reports`), the
dedup stage's study links (`reports_from_links`), or one study per record (`one_study_per_record`).

Combining never averages: each field keeps the distinct values stated across the study's
reports, each with the reports that state it. When reports state different values for the same
thing the field is marked as a conflict (named in `StudyRow.conflicts`) and all values are shown,
each with its reports. "The same thing" is a conflict key per quantity:

- phase; the arms; the per-arm counts; the total, per kind of total (randomised, enrolled, ...);
- a hazard ratio: outcome + analysis labels (investigator, central review, final analysis, ...);
  subgroup HRs are never compared (which subgroup is not known);
- a median: outcome (PFS, OS, TTP, ...) + arm as the median extractor states it ("" when its
  sentence names no group; a value in another unit is another value: nothing is converted);
- a response rate: measure (ORR, CBR, DCR) + arm as written ("" when not stated);
- a grade >= 3 adverse event: the event term (the percentages per arm are one value).

Medians, rates, events and HRs are compared per report, as sets of the values each report states
under a key. The rule is set per quantity by one principle: a reviewer must never miss that reports
of one study give different values for the same quantity — a false conflict costs a glance, a
hidden one a wrong number in the review. So:

- HRs, grade >= 3 events, and medians/rates of a named arm: any value under a key that not every
  report stating the key states is a conflict ({0.43} vs {0.43, 0.45}: conflict — a later report
  adding a new value beside the old one). Several values within one report alone never conflict
  (two unlabelled analyses, two arms).
- Medians/rates with no arm named ("7.8 vs 3.2 months"): which value is which arm is unknown, so
  the only agreement short of the same values is the clear one-arm-of-both case — one report states
  one value, the other two values, and the one is among the two ({7.8, 3.2} vs {3.2}: agreement).
  Any other difference is a conflict ({7.8, 3.2} vs {7.4, 3.2}, {6.9, 2.8} vs {6.9, 2.8, 7.8, 3.2},
  {7.8, 5.1, 3.2} vs {3.2}). A report naming arms for this outcome/measure is compared with the
  reports naming none by all its values of it ("7.8 months with everolimus" agrees with "7.8 vs 3.2
  months", conflicts with "7.4 vs 3.2 months"); reports naming different arms are not compared
  with each other ("3.2 months with exemestane alone" and "7.8 months with everolimus" agree).

A later report updating a value (a final OS analysis, longer follow-up) is therefore a conflict to
show — the reviewer decides which value the review uses — unless the extractor labels the
analysis (HRs: "[updated analysis]"), which makes it a different key. Arms are compared as their
sentences name them (case aside): the same arm named two ways ("placebo", "placebo plus exemestane") is two
keys, and a difference between them is not flagged.

Each study also carries its inclusion status — "included" (a person confirmed it), "provisional"
(rules say likely include, no person yet) or "unscreened" — and flags from its reports
("retracted", "corrected", "expression of concern").
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace

from mbc_sr.extract.arms import partner_drugs
from mbc_sr.extract.design import design_summary
from mbc_sr.extract.population import descriptor_summary
from mbc_sr.extract.record import RecordExtraction, drug_text, hr_text, median_text, rate_text
from mbc_sr.records import Record

INCLUDED = "included"
PROVISIONAL = "provisional"
UNSCREENED = "unscreened"
STATUS_ORDER = (INCLUDED, PROVISIONAL, UNSCREENED)


@dataclass(frozen=True, slots=True)
class StudyReports:
    """The reports (records) of one study."""

    study_id: str
    records: tuple[Record, ...]
    basis: tuple[str, ...] = ()  # why they are one study: ("nct:NCT00863655", "acronym:BOLERO-2")


def group_reports(grouping: Mapping[str, Sequence[Record]]) -> list[StudyReports]:
    """From a plain mapping study id -> records."""
    return [StudyReports(study_id, tuple(records)) for study_id, records in grouping.items() if records]


def one_study_per_record(records: Iterable[Record]) -> list[StudyReports]:
    """No linkage known: each record is its own study ("record:<key>")."""
    return [StudyReports(f"record:{record.key}", (record,)) for record in records]


def reports_from_links(records: Iterable[Record], links: Iterable[tuple[str, Sequence[str], Sequence[str]]]) -> list[StudyReports]:
    """From study links (study key, member record keys, basis) — the dedup stage's `study_groups`
    — over `records`; a record in no link is its own study. Links to records not given are ignored."""
    by_key = {record.key: record for record in records}
    studies: list[StudyReports] = []
    linked: set[str] = set()
    for study_key, members, basis in links:
        present = tuple(by_key[key] for key in members if key in by_key and key not in linked)
        if present:
            linked.update(record.key for record in present)
            studies.append(StudyReports(study_key, present, tuple(basis)))
    studies.extend(StudyReports(f"record:{key}", (record,)) for key, record in by_key.items() if key not in linked)
    return studies


# --------------------------------------------------------------------------- cells


@dataclass(frozen=True, slots=True)
class Sourced:
    """One distinct value of a field and the reports stating it (with where, in each)."""

    value: str
    reports: tuple[str, ...]
    where: tuple[str, ...] = ()  # "pmid:1 abstract[2]:120-135" per report mention


@dataclass(frozen=True, slots=True)
class Cell:
    """A field of a study row: its distinct values, and whether reports disagree."""

    values: tuple[Sourced, ...] = ()
    conflict: bool = False

    def text(self) -> str:
        """"0.43 (pmid:1; pmid:2)" or, in conflict, "724 (pmid:1) ≠ 720 (pmid:3)"."""
        parts = [f"{item.value} ({'; '.join(item.reports)})" for item in self.values]
        return (" ≠ " if self.conflict else " | ").join(parts)

    def value_set(self) -> dict[str, tuple[str, ...]]:
        return {item.value: item.reports for item in self.values}


@dataclass(slots=True)
class StudyRow:
    study_id: str
    reports: tuple[str, ...]
    basis: tuple[str, ...]
    status: str
    flags: tuple[str, ...]
    cells: dict[str, Cell] = field(default_factory=dict)

    @property
    def conflicts(self) -> list[str]:
        return [name for name, cell in self.cells.items() if cell.conflict]


STUDY_FIELDS = (
    "registry_ids", "trial_acronyms", "phase", "design", "n_total", "n_per_arm", "mtor_inhibitor", "partner_drugs",
    "arms", "population", "hazard_ratios", "medians", "response_rates", "grade3_adverse_events",
)


class _Collector:
    """Values of one field across reports: value -> reports, and per conflict key (`group`) the
    values each report states under it."""

    def __init__(self) -> None:
        self.values: dict[str, dict[str, list[str]]] = {}
        self.groups: dict[str, dict[str, set[str]]] = {}  # group -> report -> values

    def add(self, value: str, report: str, where: str = "", group: str | None = None) -> None:
        self.values.setdefault(value, {}).setdefault(report, [])
        if where:
            self.values[value][report].append(where)
        if group is not None:
            self.groups.setdefault(group, {}).setdefault(report, set()).add(value)

    def cell(self) -> Cell:
        values = tuple(
            Sourced(value, tuple(reports), tuple(f"{report} {w}" for report, ws in reports.items() for w in ws))
            for value, reports in self.values.items()
        )
        conflict = any(len(set().union(*by_report.values())) > 1 for by_report in self.groups.values())
        return Cell(values, conflict)


def study_row(
    study: StudyReports,
    extractions: Mapping[str, RecordExtraction],
    status: str = UNSCREENED,
    flags: Iterable[str] = (),
) -> StudyRow:
    """Combine the extractions of a study's reports into one row (see the module docstring)."""
    collectors = {name: _Collector() for name in STUDY_FIELDS}
    arm_values: dict[str, list[ArmValue]] = {"medians": [], "response_rates": []}
    for record in study.records:
        x = extractions[record.key]
        report = record.key
        for item in x.registry_ids:
            collectors["registry_ids"].add(str(item.value), report, item.span.label())
        for item in x.acronyms:
            collectors["trial_acronyms"].add(str(item.value), report, item.span.label())
        if x.phase:
            collectors["phase"].add(str(x.phase.value), report, x.phase.span.label(), group="phase")
        for feature in design_summary(x.design):
            collectors["design"].add(feature, report)
        if x.n_total:
            kind = x.n_total.label
            collectors["n_total"].add(f"{x.n_total.value} {kind}", report, x.n_total.span.label(), group=kind)
        if x.n_arms:
            collectors["n_per_arm"].add(" / ".join(str(item.value) for item in x.n_arms), report,
                                        x.n_arms[0].span.label(), group="arms")
        for mention in x.mtor_inhibitors:
            collectors["mtor_inhibitor"].add(drug_text(mention), report, mention.span.label())
        for partner in partner_drugs(x.drugs):  # as the record row: no class beside a drug of it
            collectors["partner_drugs"].add(partner, report)
        if x.arm_structure:
            arm = x.arm_structure
            text = f"{' + '.join(arm.intervention)} vs {' + '.join(arm.comparator)}"
            collectors["arms"].add(text, report, arm.span.label(), group="arms")
        for descriptor in descriptor_summary(x.population):
            collectors["population"].add(descriptor, report)
        for hr in x.hazard_ratios:
            group = f"{hr.outcome}|{','.join(hr.analysis)}|{'subgroup' if hr.subgroup else 'all'}"
            collectors["hazard_ratios"].add(hr_text(hr), report, hr.span.label(),
                                            group=None if hr.subgroup else group)
        for median in x.medians:
            collectors["medians"].add(median_text(median), report, median.span.label())
            arm_values["medians"].append(ArmValue(
                report, median.outcome, median.arm or "", median_text(replace(median, arm=None))))
        for rate in x.rates:
            collectors["response_rates"].add(rate_text(rate), report, rate.span.label())
            arm_values["response_rates"].append(ArmValue(report, rate.measure, rate.arm or "", rate_text(replace(rate, arm=None))))
        for event in x.adverse_events:
            collectors["grade3_adverse_events"].add(f"{event.event} {'/'.join(event.percents)}", report, event.span.label(),
                                                    group=event.event.lower())
    cells = {name: collector.cell() for name, collector in collectors.items()}
    # these conflict only when *different reports* disagree (rules per quantity in the module docstring):
    # one report may state several values under one key (two arms, two unlabelled analyses)
    for name in ("hazard_ratios", "grade3_adverse_events"):
        cell = cells[name]
        cells[name] = Cell(cell.values, any(_reports_differ(by_report) for by_report in collectors[name].groups.values()))
    for name, values in arm_values.items():
        cells[name] = Cell(cells[name].values, _arm_values_conflict(values))
    return StudyRow(
        study_id=study.study_id,
        reports=tuple(record.key for record in study.records),
        basis=study.basis,
        status=status,
        flags=tuple(sorted(set(flags))),
        cells=cells,
    )


@dataclass(frozen=True, slots=True)
class ArmValue:
    """A median or rate as compared across reports: its quantity (outcome or measure), the arm its
    sentence names ("" when none) and its value without the arm ("PFS 7.8 months")."""

    report: str
    quantity: str
    arm: str
    value: str


def _reports_differ(by_report: Mapping[str, set[str]]) -> bool:
    """Some value under the key is not stated by every report stating the key (a report alone never differs)."""
    return len({frozenset(values) for values in by_report.values()}) > 1


def _one_arm_of_both(first: set[str], second: set[str]) -> bool:
    """One report gives one value, the other two values including it: one arm of a two-arm pair."""
    small, large = sorted((first, second), key=len)
    return len(small) == 1 and len(large) == 2 and small <= large


def _arm_values_conflict(values: Sequence[ArmValue]) -> bool:
    """Medians or rates in conflict (module docstring): per named arm any difference between reports;
    without an arm, any difference but one value of another report's two."""
    named: dict[tuple[str, str], dict[str, set[str]]] = {}
    unnamed: dict[str, dict[str, set[str]]] = {}  # quantity -> report -> values stated with no arm
    every: dict[str, dict[str, set[str]]] = {}  # quantity -> report -> all its values of the quantity
    for item in values:
        if item.arm:
            named.setdefault((item.quantity, item.arm.casefold()), {}).setdefault(item.report, set()).add(item.value)
        else:
            unnamed.setdefault(item.quantity, {}).setdefault(item.report, set()).add(item.value)
        every.setdefault(item.quantity, {}).setdefault(item.report, set()).add(item.value)
    if any(_reports_differ(by_report) for by_report in named.values()):
        return True
    for quantity, without_arm in unnamed.items():
        # reports naming no arm against each other; reports naming arms only, by all their values
        with_arms = {report: stated for report, stated in every[quantity].items() if report not in without_arm}
        sets = list(without_arm.values())
        pairs = [(first, second) for index, first in enumerate(sets) for second in sets[index + 1:]]
        pairs += [(first, second) for first in sets for second in with_arms.values()]
        if any(first != second and not _one_arm_of_both(first, second) for first, second in pairs):
            return True
    return False


# --------------------------------------------------------------------------- status and flags


def study_status(record_keys: Iterable[str], inclusion: Mapping[str, str]) -> str:
    """"included" if any report was included by a person, else "provisional" if any report is
    likely-include by the rules, else "unscreened"."""
    statuses = {inclusion.get(key, UNSCREENED) for key in record_keys}
    for status in STATUS_ORDER:
        if status in statuses:
            return status
    return UNSCREENED


def record_flags(record: Record) -> set[str]:
    """Flags a record carries itself: retraction and correction links, "Retracted Publication"."""
    flags = set()
    for link in record.comments_corrections:
        flag = normalise_flag(link.ref_type)
        if flag:
            flags.add(flag)
    if any(pt.name == "Retracted Publication" for pt in record.publication_types):
        flags.add("retracted")
    return flags


def normalise_flag(name: str) -> str | None:
    """"RetractionIn" / "retraction_in" -> "retracted"; "ErratumIn" -> "corrected"; ... ; None
    for links that are not alerts (CommentIn, RetractionOf the notice itself, ...)."""
    lowered = name.lower().replace("_", "")
    if lowered.startswith("retractionin") or lowered in ("retractedpublication", "retracted"):
        return "retracted"
    if lowered.startswith(("erratumin", "correctedandrepublishedin")) or lowered == "corrected":
        return "corrected"
    if lowered.startswith("expressionofconcernin"):
        return "expression of concern"
    return None


def build_table(
    studies: Iterable[StudyReports],
    extractions: Mapping[str, RecordExtraction],
    inclusion: Mapping[str, str] | None = None,
    extra_flags: Mapping[str, Iterable[str]] | None = None,
) -> list[StudyRow]:
    """One row per study, included studies first, then provisional, then unscreened."""
    inclusion = inclusion or {}
    extra_flags = extra_flags or {}
    rows = []
    for study in studies:
        flags: set[str] = set()
        for record in study.records:
            flags |= record_flags(record)
            flags |= {f for f in (normalise_flag(name) for name in extra_flags.get(record.key, ())) if f}
        rows.append(study_row(study, extractions, study_status((r.key for r in study.records), inclusion), flags))
    return sorted(rows, key=lambda row: (STATUS_ORDER.index(row.status), row.study_id))

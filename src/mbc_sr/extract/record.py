"""Everything extracted from one record, and its flat form (one row per record, spans as JSON).

`extract_record` runs every extractor over one record (pure: no store, no network). The
headline values a reviewer reads first — registry ids, phase, total N, the mTOR inhibitor arm —
are chosen here from the extractors' candidates; every candidate stays available with its span.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from mbc_sr.extract.arms import ArmStructure, DrugMention, arm_sizes, arms, partner_drugs
from mbc_sr.extract.design import design_features, design_summary, phases, study_phase
from mbc_sr.extract.effects import HazardRatio, hazard_ratios
from mbc_sr.extract.medians import Median, medians
from mbc_sr.extract.participants import participant_counts, study_total
from mbc_sr.extract.population import descriptor_summary, population
from mbc_sr.extract.rates import AdverseEvent, Rate, rates
from mbc_sr.extract.registry import registry_ids, trial_acronyms, unique_values
from mbc_sr.extract.spans import Span
from mbc_sr.extract.values import Extracted
from mbc_sr.records import Record


@dataclass(slots=True)
class RecordExtraction:
    """All values found in one record; each carries its span and extractor."""

    record_key: str
    title: str
    registry_ids: list[Extracted] = field(default_factory=list)
    acronyms: list[Extracted] = field(default_factory=list)
    phases: list[Extracted] = field(default_factory=list)
    phase: Extracted | None = None
    design: list[Extracted] = field(default_factory=list)
    totals: list[Extracted] = field(default_factory=list)
    n_total: Extracted | None = None
    n_arms: list[Extracted] = field(default_factory=list)
    drugs: list[DrugMention] = field(default_factory=list)
    arm_structure: ArmStructure | None = None
    population: list[Extracted] = field(default_factory=list)
    hazard_ratios: list[HazardRatio] = field(default_factory=list)
    medians: list[Median] = field(default_factory=list)
    rates: list[Rate] = field(default_factory=list)
    adverse_events: list[AdverseEvent] = field(default_factory=list)

    @property
    def registry_id_values(self) -> list[str]:
        return unique_values(self.registry_ids)

    @property
    def acronym_values(self) -> list[str]:
        return unique_values(self.acronyms)

    @property
    def mtor_inhibitors(self) -> list[DrugMention]:
        """The first mention of each mTOR inhibitor, preferring one that states a dose."""
        chosen: dict[str, DrugMention] = {}
        for mention in self.drugs:
            if mention.role != "mtor_inhibitor":
                continue
            if mention.drug not in chosen or (chosen[mention.drug].dose is None and mention.dose):
                chosen[mention.drug] = mention
        return list(chosen.values())


def extract_record(record: Record) -> RecordExtraction:
    """Run every extractor over `record`."""
    totals, n_arms = participant_counts(record)
    found_phases = phases(record)
    drug_mentions, structure = arms(record)
    found_rates, events = rates(record)
    return RecordExtraction(
        record_key=record.key,
        title=record.title,
        registry_ids=registry_ids(record),
        acronyms=trial_acronyms(record),
        phases=found_phases,
        phase=study_phase(record, found_phases),
        design=design_features(record),
        totals=totals,
        # the total is weighed against every per-group count the participant reader proposed, as before; the arms
        # reported are those of them (and of the counts the arm reader reads itself) it accepts as the sizes of compared groups
        n_total=study_total(totals, n_arms),
        n_arms=arm_sizes(n_arms, record),
        drugs=drug_mentions,
        arm_structure=structure,
        population=population(record),
        hazard_ratios=hazard_ratios(record),
        medians=medians(record),
        rates=found_rates,
        adverse_events=events,
    )


# --------------------------------------------------------------------------- text forms


def format_number(value: float) -> str:
    """0.43 -> "0.43", 31.0 -> "31"."""
    return f"{value:g}" if abs(value) < 1e6 else str(value)


def median_text(median: Median) -> str:
    """"PFS 7.8 months (everolimus)"; without "(...)" when no arm is named for it."""
    return f"{median.outcome} {format_number(median.value)} {median.unit}" + (f" ({median.arm})" if median.arm else "")


def rate_text(rate: Rate) -> str:
    """"ORR 9.5% (everolimus)"; without "(...)" when no arm is named for it."""
    return f"{rate.measure} {format_number(rate.value)}%" + (f" ({rate.arm})" if rate.arm else "")


def hr_text(hr: HazardRatio) -> str:
    """"PFS HR 0.43 (95% CI 0.35–0.54; p<0.001) [central review; subgroup]"."""
    text = f"{hr.outcome} HR {format_number(hr.value)}"
    inner = []
    if hr.has_ci:
        level = format_number(hr.ci_level or 95)
        inner.append(f"{level}% CI {format_number(hr.ci_low)}–{format_number(hr.ci_high)}")
    if hr.p:
        inner.append(f"p{hr.p}")
    if inner:
        text += f" ({'; '.join(inner)})"
    tags = list(hr.analysis) + (["subgroup"] if hr.subgroup else [])
    if tags:
        text += f" [{'; '.join(tags)}]"
    return text


def drug_text(mention: DrugMention) -> str:
    return " ".join(part for part in (mention.drug, mention.dose, mention.schedule) if part)


def span_entry(name: str, value: object, span: Span, extractor: str) -> dict:
    return {
        "field": name, "value": value, "where": span.where, "start": span.start, "end": span.end,
        "text": span.text, "sentence": span.sentence, "sentence_start": span.sentence_start, "extractor": extractor,
    }


def record_row(extraction: RecordExtraction, record_id: str | None = None) -> dict[str, str]:
    """One flat row: the extracted columns, and `spans` (JSON) naming where each value came from."""
    x = extraction
    spans: list[dict] = []
    for item in x.registry_ids:
        spans.append(span_entry("registry_id", item.value, item.span, item.extractor))
    for item in x.acronyms:
        spans.append(span_entry("acronym", item.value, item.span, item.extractor))
    if x.phase:
        spans.append(span_entry("phase", x.phase.value, x.phase.span, x.phase.extractor))
    for item in x.totals:
        spans.append(span_entry(f"n_total:{item.label}", item.value, item.span, item.extractor))
    for item in x.n_arms:
        spans.append(span_entry("n_arm", item.value, item.span, item.extractor))
    for mention in x.mtor_inhibitors:
        spans.append(span_entry("mtor_inhibitor", drug_text(mention), mention.span, mention.extractor))
    if x.arm_structure:
        arm = x.arm_structure
        spans.append(span_entry("arms", {"intervention": list(arm.intervention), "comparator": list(arm.comparator)}, arm.span, arm.extractor))
    for item in x.population:
        spans.append(span_entry("population", item.value, item.span, item.extractor))
    for hr in x.hazard_ratios:
        spans.append(span_entry("hazard_ratio", hr_text(hr), hr.span, hr.extractor))
    for median in x.medians:
        spans.append(span_entry("median", median_text(median), median.span, median.extractor))
    for rate in x.rates:
        spans.append(span_entry("rate", rate_text(rate), rate.span, rate.extractor))
    for event in x.adverse_events:
        spans.append(span_entry("adverse_event", f"{event.event} {'/'.join(event.percents)}", event.span, event.extractor))
    return {
        "id": record_id or x.record_key,
        "title": x.title,
        "registry_ids": "; ".join(x.registry_id_values),
        "trial_acronyms": "; ".join(x.acronym_values),
        "phase": str(x.phase.value) if x.phase else "",
        "design": "; ".join(design_summary(x.design)),
        "n_total": str(x.n_total.value) if x.n_total else "",
        "n_total_kind": x.n_total.label if x.n_total else "",
        "n_per_arm": "; ".join(str(item.value) for item in x.n_arms),
        "mtor_inhibitor": "; ".join(drug_text(m) for m in x.mtor_inhibitors),
        "partner_drugs": "; ".join(partner_drugs(x.drugs)),
        "intervention_arm": " + ".join(x.arm_structure.intervention) if x.arm_structure else "",
        "comparator_arm": " + ".join(x.arm_structure.comparator) if x.arm_structure else "",
        "population": "; ".join(descriptor_summary(x.population)),
        "hazard_ratios": " | ".join(hr_text(hr) for hr in x.hazard_ratios),
        "medians": " | ".join(median_text(m) for m in x.medians),
        "response_rates": " | ".join(rate_text(r) for r in x.rates),
        "grade3_adverse_events": " | ".join(f"{e.event} {'/'.join(e.percents)}" for e in x.adverse_events),
        "spans": json.dumps(spans, ensure_ascii=False),
    }


RECORD_COLUMNS = tuple(record_row(RecordExtraction("", "")).keys())

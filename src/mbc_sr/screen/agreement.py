"""Dual screening: agreement between two reviewers, Cohen's kappa, and the conflicts (pure).

Two reviewers' latest decisions at one stage are compared on the records both decided.
Cohen's kappa = (po - pe) / (1 - pe): po the observed agreement, pe the agreement expected
by chance from each reviewer's marginal proportions. With pe = 1 (both reviewers gave one
and the same category to every record) kappa is undefined and reported as None.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from mbc_sr.screen.decisions import Decision, latest_by_reviewer


@dataclass(frozen=True, slots=True)
class Agreement:
    reviewer_a: str
    reviewer_b: str
    stage: str
    both: int  # records both decided
    agreed: int
    kappa: float | None
    table: dict[tuple[str, str], int]  # (a's decision, b's decision) -> records

    @property
    def proportion(self) -> float | None:
        return self.agreed / self.both if self.both else None


@dataclass(frozen=True, slots=True)
class Conflict:
    record_key: str
    stage: str
    decisions: tuple[Decision, ...]  # each reviewer's latest decision


def cohen_kappa(pairs: Sequence[tuple[str, str]]) -> float | None:
    """Cohen's kappa for paired ratings (a, b); None when undefined (no pairs or pe = 1)."""
    n = len(pairs)
    if not n:
        return None
    observed = sum(1 for a, b in pairs if a == b) / n
    left, right = Counter(a for a, _ in pairs), Counter(b for _, b in pairs)
    expected = sum(left[c] * right[c] for c in set(left) | set(right)) / (n * n)
    if expected >= 1.0:
        return None
    return (observed - expected) / (1.0 - expected)


def _latest(decisions: Iterable[Decision], stage: str) -> dict[str, dict[str, Decision]]:
    """reviewer -> record key -> latest decision, people only."""
    by_record: dict[str, list[Decision]] = {}
    for d in decisions:
        if d.stage == stage and d.role == "reviewer":
            by_record.setdefault(d.record_key, []).append(d)
    out: dict[str, dict[str, Decision]] = {}
    for key, entries in by_record.items():
        for reviewer, decision in latest_by_reviewer(entries).items():
            out.setdefault(reviewer, {})[key] = decision
    return out


def reviewers(decisions: Iterable[Decision], stage: str) -> list[str]:
    return sorted(_latest(decisions, stage))


def agreement(decisions: Iterable[Decision], stage: str, reviewer_a: str, reviewer_b: str) -> Agreement:
    latest = _latest(decisions, stage)
    a, b = latest.get(reviewer_a, {}), latest.get(reviewer_b, {})
    pairs = [(a[k].decision, b[k].decision) for k in sorted(set(a) & set(b))]
    table = Counter(pairs)
    return Agreement(
        reviewer_a, reviewer_b, stage, len(pairs), sum(1 for x, y in pairs if x == y), cohen_kappa(pairs), dict(table)
    )


def conflicts(decisions: Iterable[Decision], stage: str) -> list[Conflict]:
    """Records whose reviewers' latest decisions differ and that no adjudicator has settled."""
    decisions = list(decisions)
    settled = {d.record_key for d in decisions if d.stage == stage and d.role == "adjudicator"}
    per_record: dict[str, list[Decision]] = {}
    for reviewer, by_key in _latest(decisions, stage).items():
        for key, decision in by_key.items():
            per_record.setdefault(key, []).append(decision)
    return [
        Conflict(key, stage, tuple(sorted(entries, key=lambda d: d.reviewer)))
        for key, entries in sorted(per_record.items())
        if key not in settled and len({d.decision for d in entries}) > 1
    ]

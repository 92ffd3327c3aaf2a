"""The decision log's values and the derived current decision (pure).

The log is append-only: a decision is never updated or deleted, a reviewer who changes
their mind appends a newer decision. The *current* decision of a record at a stage is
derived from the log each time:

1. an adjudicator's latest decision, if any, settles it;
2. else the reviewers' (people's) latest decisions: all agreeing → that decision; differing
   → "conflict" (for an adjudicator);
3. else the latest rules decision (made under the newest criteria version seen):
   "exclude" (excluded by automation), "likely_include" or "needs_human";
4. else "unscreened".

`CurrentDecision.status` is what later stages read: "included", "likely_include",
"excluded", "excluded_by_automation", "not_retrieved", "maybe", "conflict", "needs_human",
"unscreened".
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from mbc_sr.screen.protocol import HUMAN_DECISIONS, RULE_OUTCOMES, STAGES, Protocol

ROLES = ("rules", "reviewer", "adjudicator")
RULES_PREFIX = "rules@"


@dataclass(frozen=True, slots=True)
class Decision:
    """One entry of the log. `seq` orders entries (the store's row id; later is newer)."""

    record_key: str
    stage: str
    reviewer: str
    role: str
    decision: str
    reason: str | None = None
    note: str | None = None
    criteria_version: str = ""
    record_sha256: str | None = None
    rule_id: str | None = None
    details: dict | None = None
    made_at: datetime | None = None
    seq: int = 0


@dataclass(frozen=True, slots=True)
class CurrentDecision:
    record_key: str
    stage: str
    status: str
    decision: Decision | None = None  # the entry that settles it (None: unscreened / conflict)
    reviewers: tuple[Decision, ...] = ()  # each person's latest decision

    @property
    def reason(self) -> str | None:
        return self.decision.reason if self.decision else None

    @property
    def is_included(self) -> bool:
        return self.status == "included"

    @property
    def needs_human(self) -> bool:
        return self.status in ("needs_human", "likely_include", "maybe", "conflict", "unscreened")


_HUMAN_STATUS = {"include": "included", "exclude": "excluded", "maybe": "maybe", "not_retrieved": "not_retrieved"}
_RULE_STATUS = {"exclude": "excluded_by_automation", "likely_include": "likely_include", "needs_human": "needs_human"}


def latest_by_reviewer(decisions: Iterable[Decision]) -> dict[str, Decision]:
    latest: dict[str, Decision] = {}
    for decision in sorted(decisions, key=lambda d: d.seq):
        latest[decision.reviewer] = decision
    return latest


def derive_current(record_key: str, stage: str, decisions: Iterable[Decision]) -> CurrentDecision:
    """The current decision of `record_key` at `stage` from its log entries (any order)."""
    entries = sorted((d for d in decisions if d.stage == stage), key=lambda d: d.seq)
    adjudications = [d for d in entries if d.role == "adjudicator"]
    people = latest_by_reviewer(d for d in entries if d.role == "reviewer")
    reviewers = tuple(sorted(people.values(), key=lambda d: d.reviewer))
    if adjudications:
        last = adjudications[-1]
        return CurrentDecision(record_key, stage, _HUMAN_STATUS[last.decision], last, reviewers)
    if reviewers:
        verdicts = {d.decision for d in reviewers}
        if len(verdicts) == 1:
            last = max(reviewers, key=lambda d: d.seq)
            return CurrentDecision(record_key, stage, _HUMAN_STATUS[last.decision], last, reviewers)
        return CurrentDecision(record_key, stage, "conflict", None, reviewers)
    rules = [d for d in entries if d.role == "rules"]
    if rules:
        last = rules[-1]
        return CurrentDecision(record_key, stage, _RULE_STATUS[last.decision], last, ())
    return CurrentDecision(record_key, stage, "unscreened")


def current_decisions(decisions: Iterable[Decision], stage: str) -> dict[str, CurrentDecision]:
    """The current decision of every record that has log entries at `stage`."""
    by_record: dict[str, list[Decision]] = {}
    for decision in decisions:
        if decision.stage == stage:
            by_record.setdefault(decision.record_key, []).append(decision)
    return {key: derive_current(key, stage, entries) for key, entries in by_record.items()}


def check_human_decision(protocol: Protocol, stage: str, decision: str, reason: str | None) -> str | None:
    """Why (stage, decision, reason) is not a valid human decision under `protocol`; None if it is.

    Exclusions at full text need a reason from the fixed list (PRISMA "reports excluded, with
    reasons"); at title/abstract a reason is optional but, when given, must be from the list.
    """
    if stage not in STAGES:
        return f"stage must be one of {', '.join(STAGES)}, not {stage!r}"
    allowed = HUMAN_DECISIONS[stage]
    if decision not in allowed:
        return f"decision must be one of {', '.join(allowed)}, not {decision!r}"
    if reason:
        if decision != "exclude":
            return f"a reason is only given with 'exclude' (got {reason!r} with {decision!r})"
        if reason not in protocol.reasons[stage]:
            return f"reason {reason!r} is not in the protocol's reasons_{stage} list"
    elif decision == "exclude" and stage == "ft":
        return "a full-text exclusion needs a reason from the protocol's reasons_ft list"
    return None


def check_rules_decision(decision: Decision) -> None:
    if decision.role != "rules" or decision.decision not in RULE_OUTCOMES:
        raise ValueError(f"not a rules decision: {decision}")
    if not decision.reviewer.startswith(RULES_PREFIX):
        raise ValueError(f"rules decisions are by 'rules@<criteria version>', not {decision.reviewer!r}")

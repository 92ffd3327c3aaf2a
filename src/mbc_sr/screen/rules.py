"""The rule engine: a protocol's rules evaluated on one record at a time (pure).

Rules are tried in the protocol's order; the first one whose conditions all hold decides
the outcome ("exclude" — an automation exclusion, only for rules written as certain —,
"needs_human" or "likely_include"). Every rule that holds is recorded with its reason, so a
human screening the record sees each suggestion, and the log says which rule fired. A record
no rule matches needs a human.

Term lists match case-insensitively on whole words; a trailing `*` matches any ending.
"Text" is the title (and vernacular title), abstract and keywords; "topic" adds the MeSH
descriptor names and the substance (chemical) names.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from mbc_sr.records import Record
from mbc_sr.screen.protocol import Protocol, Rule


@dataclass(frozen=True, slots=True)
class Fired:
    rule_id: str
    outcome: str
    reason: str
    tag: str | None = None


@dataclass(frozen=True, slots=True)
class RuleResult:
    """What the rules say about one record: the deciding rule, and every rule that held."""

    outcome: str  # exclude | needs_human | likely_include
    reason: str | None
    rule_id: str | None  # the deciding rule; None when no rule held
    fired: tuple[Fired, ...] = ()

    @property
    def tags(self) -> tuple[str, ...]:
        return tuple(sorted({f.tag for f in self.fired if f.tag}))

    def details(self) -> dict:
        return {"fired": [[f.rule_id, f.outcome, f.reason] for f in self.fired], "tags": list(self.tags)}


NO_RULE = "no rule matched"


def term_pattern(terms: tuple[str, ...]) -> re.Pattern[str]:
    """One case-insensitive regex matching any of `terms` as whole words (`*` = any ending)."""
    parts = []
    for term in sorted(set(terms), key=len, reverse=True):
        wildcard = term.endswith("*")
        body = re.escape(term.rstrip("*"))
        body = body.replace(r"\ ", r"[\s-]+")  # "breast cancer" also matches "breast-cancer"
        parts.append(body + (r"[\w-]*" if wildcard else ""))
    return re.compile(r"(?<![\w])(?:" + "|".join(parts) + r")(?![\w])", re.IGNORECASE)


class _View:
    """Lazily built texts of one record, shared by all rules evaluated on it."""

    __slots__ = ("record", "_text", "_topic", "_mesh", "_types")

    def __init__(self, record: Record):
        self.record = record
        self._text: str | None = None
        self._topic: str | None = None
        self._mesh: set[str] | None = None
        self._types: set[str] | None = None

    @property
    def text(self) -> str:
        if self._text is None:
            r = self.record
            self._text = "\n".join(
                (r.title or "", r.vernacular_title or "", r.abstract_text, "; ".join(r.keywords))
            )
        return self._text

    @property
    def topic(self) -> str:
        if self._topic is None:
            r = self.record
            self._topic = "\n".join(
                (self.text, "; ".join(m.descriptor_name for m in r.mesh_headings), "; ".join(c.name for c in r.chemicals))
            )
        return self._topic

    @property
    def mesh(self) -> set[str]:
        if self._mesh is None:
            self._mesh = {m.descriptor_name.lower() for m in self.record.mesh_headings}
        return self._mesh

    @property
    def types(self) -> set[str]:
        if self._types is None:
            self._types = {p.name.lower() for p in self.record.publication_types}
        return self._types


Check = Callable[[_View], bool]


class RuleEngine:
    """A protocol compiled once (term regexes, condition checks) and applied to many records."""

    def __init__(self, protocol: Protocol):
        self.protocol = protocol
        self._patterns = {name: term_pattern(terms) for name, terms in protocol.terms.items()}
        self._compiled: list[tuple[Rule, tuple[Check, ...]]] = [
            (rule, tuple(self._check(name, value) for name, value in rule.when)) for rule in protocol.rules
        ]

    def evaluate(self, record: Record) -> RuleResult:
        view = _View(record)
        fired = tuple(
            Fired(rule.id, rule.outcome, rule.reason, rule.tag)
            for rule, checks in self._compiled
            if all(check(view) for check in checks)
        )
        if not fired:
            return RuleResult("needs_human", NO_RULE, None, ())
        first = fired[0]
        return RuleResult(first.outcome, first.reason, first.rule_id, fired)

    # ----------------------------------------------------------------------- conditions

    def _check(self, name: str, value) -> Check:  # noqa: C901 - one branch per condition
        if name in ("text_has", "topic_has", "text_lacks", "topic_lacks"):
            patterns = tuple(self._patterns[list_name] for list_name in value)
            field = "text" if name.startswith("text") else "topic"
            if name.endswith("has"):  # each listed term list is mentioned
                return lambda v: all(p.search(getattr(v, field)) for p in patterns)
            return lambda v: not any(p.search(getattr(v, field)) for p in patterns)
        if name in ("publication_type_any", "publication_type_none"):
            wanted = {x.lower() for x in value}
            if name.endswith("any"):
                return lambda v: bool(v.types & wanted)
            return lambda v: not (v.types & wanted)
        if name in ("mesh_any", "mesh_none"):
            wanted = {x.lower() for x in value}
            if name.endswith("any"):
                return lambda v: bool(v.mesh & wanted)
            return lambda v: not (v.mesh & wanted)
        if name == "language_none":
            wanted = {x.lower() for x in value}
            return lambda v: bool(v.record.languages) and not ({x.lower() for x in v.record.languages} & wanted)
        if name == "has_abstract":
            return lambda v: bool(v.record.abstract_text.strip()) is value
        if name == "indexed":
            return lambda v: bool(v.record.mesh_headings) is value
        if name == "has_text_or_mesh":
            return lambda v: bool(v.record.abstract_text.strip() or v.record.mesh_headings) is value
        if name == "published_before":
            return lambda v: v.record.year is not None and v.record.year < value
        raise ValueError(f"unknown condition {name!r}")  # load_protocol refuses these first


def evaluate(protocol: Protocol, record: Record) -> RuleResult:
    """Convenience for one record; build a `RuleEngine` once for many."""
    return RuleEngine(protocol).evaluate(record)

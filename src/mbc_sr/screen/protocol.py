"""The screening protocol as data: eligibility criteria, term lists, rules and reasons.

The protocol lives in the review's config file (`[screening]`, `[screening.terms]`,
`[[screening.rules]]`); nothing about a particular review is coded here, so a new review is
screenable by writing a new protocol. `load_protocol` validates the tables with errors that
name the file and the key.

The criteria version is a hash of the normalised criteria (terms lower-cased and
white-space collapsed, keys sorted, descriptions left out): editing a comment or re-wrapping
a list keeps the version, changing a term, a rule or a reason makes a new one. Every
decision records the version it was made under.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

STAGES = ("ta", "ft")
RULE_OUTCOMES = ("exclude", "needs_human", "likely_include")
#: decisions a person may record, per stage
HUMAN_DECISIONS = {"ta": ("include", "exclude", "maybe"), "ft": ("include", "exclude", "not_retrieved")}

_LIST_CONDITIONS = (
    "publication_type_any", "publication_type_none", "mesh_any", "mesh_none",
    "text_has", "text_lacks", "topic_has", "topic_lacks", "language_none",
)  # fmt: skip
_BOOL_CONDITIONS = ("has_abstract", "indexed", "has_text_or_mesh")
_INT_CONDITIONS = ("published_before",)
CONDITIONS = _LIST_CONDITIONS + _BOOL_CONDITIONS + _INT_CONDITIONS
_TERM_CONDITIONS = ("text_has", "text_lacks", "topic_has", "topic_lacks")


class ProtocolError(ValueError):
    """A protocol table that cannot be used; the message names the file and the key."""


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    outcome: str  # one of RULE_OUTCOMES
    reason: str
    when: tuple[tuple[str, Any], ...]  # (condition, value), sorted by condition
    description: str = ""
    tag: str | None = None

    def condition(self, name: str, default: Any = None) -> Any:
        return dict(self.when).get(name, default)


@dataclass(frozen=True, slots=True)
class Protocol:
    name: str
    terms: dict[str, tuple[str, ...]]
    rules: tuple[Rule, ...]
    reasons: dict[str, tuple[str, ...]]  # stage -> exclusion reasons
    version: str = field(default="")

    @property
    def rules_reviewer(self) -> str:
        """Who the rules' decisions are by: "rules@<criteria version>"."""
        return f"rules@{self.version}"

    def allowed_decisions(self, stage: str) -> tuple[str, ...]:
        return HUMAN_DECISIONS[stage]


def _norm(text: str) -> str:
    return " ".join(text.split()).lower()


def criteria_version(terms: dict[str, tuple[str, ...]], rules: tuple[Rule, ...], reasons: dict) -> str:
    """A short hash of the normalised criteria: "c" + 12 hex digits."""
    canonical = {
        "terms": {name: sorted({_norm(t) for t in values}) for name, values in sorted(terms.items())},
        "rules": [
            {
                "id": rule.id,
                "outcome": rule.outcome,
                "reason": _norm(rule.reason),
                "tag": rule.tag,
                "when": {
                    k: (sorted(_norm(x) for x in v) if isinstance(v, tuple) else v) for k, v in rule.when
                },
            }
            for rule in rules  # order matters: the first matching rule decides
        ],
        "reasons": {stage: [_norm(r) for r in values] for stage, values in sorted(reasons.items())},
    }
    blob = json.dumps(canonical, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return "c" + hashlib.sha256(blob.encode("utf-8")).hexdigest()[:12]


def load_protocol(raw: dict | None, path: str | Path | None = None) -> Protocol:
    """The protocol in `raw` (the whole parsed config, `Config.raw`); raises ProtocolError."""
    where = str(path or "config")
    if not raw or "screening" not in raw:
        raise ProtocolError(f"{where}: no [screening] table (the eligibility criteria)")
    table = raw["screening"]
    if not isinstance(table, dict):
        raise ProtocolError(f"{where}: [screening] must be a table")
    terms = _terms(table.get("terms", {}), where)
    reasons = {stage: _strings(table.get(f"reasons_{stage}"), f"{where}: screening.reasons_{stage}") for stage in STAGES}
    for stage, values in reasons.items():
        if not values:
            raise ProtocolError(f"{where}: screening.reasons_{stage} must list at least one reason")
    entries = table.get("rules", [])
    if not isinstance(entries, list) or not entries:
        raise ProtocolError(f"{where}: screening.rules must be a non-empty array of tables ([[screening.rules]])")
    rules = tuple(_rule(entry, index, terms, where) for index, entry in enumerate(entries))
    ids = [rule.id for rule in rules]
    repeated = sorted({i for i in ids if ids.count(i) > 1})
    if repeated:
        raise ProtocolError(f"{where}: screening.rules ids must be unique; repeated: {', '.join(repeated)}")
    name = table.get("name", "screening protocol")
    if not isinstance(name, str):
        raise ProtocolError(f"{where}: screening.name must be a string")
    return Protocol(name, terms, rules, reasons, criteria_version(terms, rules, reasons))


def _strings(value: Any, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ProtocolError(f"{where} must be a list of non-empty strings")
    return tuple(" ".join(v.split()) for v in value)


def _terms(table: Any, where: str) -> dict[str, tuple[str, ...]]:
    if not isinstance(table, dict):
        raise ProtocolError(f"{where}: [screening.terms] must be a table of term lists")
    terms = {}
    for name, values in table.items():
        terms[name] = _strings(values, f"{where}: screening.terms.{name}")
        if not terms[name]:
            raise ProtocolError(f"{where}: screening.terms.{name} is empty")
    return terms


def _rule(entry: Any, index: int, terms: dict, where: str) -> Rule:
    at = f"{where}: screening.rules[{index}]"
    if not isinstance(entry, dict):
        raise ProtocolError(f"{at} must be a table")
    for key in ("id", "outcome", "reason"):
        if not isinstance(entry.get(key), str) or not entry[key].strip():
            raise ProtocolError(f"{at}.{key} is required and must be a non-empty string")
    at = f"{where}: screening.rules[{index}] ({entry['id']})"
    unknown = set(entry) - {"id", "outcome", "reason", "description", "tag", "when"}
    if unknown:
        raise ProtocolError(f"{at}: unknown keys {sorted(unknown)}")
    if entry["outcome"] not in RULE_OUTCOMES:
        raise ProtocolError(f"{at}.outcome must be one of {', '.join(RULE_OUTCOMES)}, not {entry['outcome']!r}")
    when = entry.get("when")
    if not isinstance(when, dict) or not when:
        raise ProtocolError(f"{at}.when must be a non-empty table of conditions")
    conditions: list[tuple[str, Any]] = []
    for key, value in sorted(when.items()):
        if key not in CONDITIONS:
            raise ProtocolError(f"{at}.when.{key}: unknown condition (known: {', '.join(CONDITIONS)})")
        if key in _LIST_CONDITIONS:
            value = _strings(value, f"{at}.when.{key}")
            if not value:
                raise ProtocolError(f"{at}.when.{key} must not be empty")
            if key in _TERM_CONDITIONS:
                missing = [name for name in value if name not in terms]
                if missing:
                    raise ProtocolError(f"{at}.when.{key}: no term list {missing} in [screening.terms]")
        elif key in _BOOL_CONDITIONS and not isinstance(value, bool):
            raise ProtocolError(f"{at}.when.{key} must be true or false")
        elif key in _INT_CONDITIONS and (isinstance(value, bool) or not isinstance(value, int)):
            raise ProtocolError(f"{at}.when.{key} must be a year (an integer)")
        conditions.append((key, value))
    tag = entry.get("tag")
    if tag is not None and not isinstance(tag, str):
        raise ProtocolError(f"{at}.tag must be a string")
    return Rule(
        entry["id"].strip(), entry["outcome"], " ".join(entry["reason"].split()), tuple(conditions),
        str(entry.get("description", "")), tag,
    )  # fmt: skip

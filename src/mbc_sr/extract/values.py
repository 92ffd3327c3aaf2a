"""The extracted-value types every extractor returns: a value, its label or unit, its span, its extractor."""

from __future__ import annotations

from dataclasses import dataclass, field

from mbc_sr.extract.spans import Span


@dataclass(frozen=True, slots=True)
class Extracted:
    """One extracted value.

    `kind` says what it is ("registry_id", "acronym", "phase", "design", ...), `value` the
    normalised value, `label` a qualifier (the registry, the kind of count, the population
    descriptor...), `span` where it was read and `extractor` which rule produced it
    ("registry.text_nct", "participants.randomised_total", ...).
    """

    kind: str
    value: object
    span: Span
    extractor: str
    label: str | None = None
    unit: str | None = None
    details: tuple[tuple[str, object], ...] = field(default=())

    def detail(self, name: str, default: object = None) -> object:
        for key, value in self.details:
            if key == name:
                return value
        return default

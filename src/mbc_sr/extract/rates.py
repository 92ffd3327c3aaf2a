"""Response rates per arm (ORR, CBR, DCR) and grade ≥ 3 adverse events with percentages.

Rates: the percentages that follow a named rate in its clause — "ORR (77% vs 65%, P = 0.014)",
"the objective response rate was 67.7% for chemotherapy (n = 31) and 90.9% for ...",
"clinical benefit rate ... (80% versus 62%, P = 0.039)", "CBR: 50.5% vs 25.5%". Each rate keeps the
arm its sentence ties it to, when written ("9.5% with everolimus", "(erlotinib)", "in the everolimus
arm", "in group A versus group B (80% versus 62%)"): `value_arms`, shared with the medians — not when
rates are named together ("ORR and CBR were 25% and 60% in the A and B cohorts": the values are of two measures).
Rates named together take their values in order when as many are listed the same way ("ORR, CBR and DCR were
10%, 40% and 70%", optionally "respectively"); with another count or joiner ("25% vs 10%") the pairing would be a
guess, so none of those values is kept.

Adverse events: in a sentence about grade ≥ 3 events ("grade 3-4", "grade 3/4", "grade ≥3",
"grade 3 or 4", "grade 3 or higher/worse", "severe"), each named event with its percentages —
"stomatitis (8%)", "neutropenia (cabazitaxel 32% versus ARPI 0%)", "rash 20.0% (erlotinib) vs 5.0%
(placebo)" — and the overall rate ("grade 3-4 adverse events occurred in 33 (52%) of 64 patients").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from mbc_sr.extract.numbers import DECIMAL_PATTERN, parse_decimal
from mbc_sr.extract.sentences import record_sentences
from mbc_sr.extract.spans import Sentence, Span
from mbc_sr.extract.value_arms import value_arms
from mbc_sr.records import Record

_D = DECIMAL_PATTERN
_RATES = (
    ("ORR", r"(?:objective|overall|best\s+overall|confirmed)\s+(?:tumou?r\s+)?response\s+rates?|ORRs?|response\s+rates?"),
    ("CBR", r"clinical\s+benefit(?:\s+rates?)?|CBRs?"),
    ("DCR", r"disease\s+control\s+rates?|DCRs?"),
)
_RATE = re.compile(r"\b(?:" + "|".join(f"(?P<{name}>{pattern})" for name, pattern in _RATES) + r")", re.I)
_PERCENT = re.compile(r"(?<![\w.·])(?P<value>" + _D + r")\s*%")
_MEASURES_JOINED = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+|/\s*)(?:the\s+)?", re.I)
_VALUES_JOINED = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+)", re.I)
_PARENTHESES = re.compile(r"\([^()]*\)")
_STOP = re.compile(r"\b(?:PFS|OS|TTP|progression[\s-]+free|overall\s+survival|hazard|HR\b|adverse|toxicit|grade)", re.I)


@dataclass(frozen=True, slots=True)
class Rate:
    measure: str  # ORR, CBR, DCR
    value: float  # percent
    arm: str | None
    span: Span
    extractor: str


def rates_in_sentence(sentence: Sentence) -> list[Rate]:
    text = sentence.text
    found: list[Rate] = []
    names = list(_RATE.finditer(text))
    # "ORR and CBR were 25% and 60% ...", "The ORR, CBR and DCR were ...": rates named together share their values, so
    # the values belong to several measures and no list of groups is paired with them
    listed = {index for index in range(len(names)) for other in (index - 1, index + 1)
              if 0 <= other < len(names) and _MEASURES_JOINED.fullmatch(
                  text, min(names[index].end(), names[other].end()), max(names[index].start(), names[other].start()))}
    # the measures of each run named together, in order, kept by the run's last name, whose clause holds the values
    runs: dict[int, list[str]] = {}
    run: list[str] = []
    for index, match in enumerate(names):
        run.append(next(name for name, _ in _RATES if match.group(name)))
        if index + 1 not in listed or index not in listed or not _MEASURES_JOINED.fullmatch(
                text, match.end(), names[index + 1].start()):
            runs[index] = run
            run = []
    for index, match in enumerate(names):
        measure = next(name for name, _ in _RATES if match.group(name))
        if index in listed and index not in runs:
            continue  # named before the others of its run: its value comes after the run's last name
        end = len(text)
        stop = _STOP.search(text, match.end())
        following = _RATE.search(text, match.end())
        for candidate in (stop, following):
            if candidate:
                end = min(end, candidate.start())
        clause = text[match.end():end]
        clause_end = re.search(r";|\.\s", clause)
        if clause_end and _PERCENT.search(clause, 0, clause_end.start()):
            clause = clause[:clause_end.start()]
        percents = []
        for percent in _PERCENT.finditer(clause):
            before = clause[max(0, percent.start() - 10):percent.start()]
            if re.search(r"(?:CI|interval|≥|>|<|≤)\W*$", before) or re.match(r"\s*(?:CI|confidence)", clause[percent.end():], re.I):
                continue  # a CI (its level or a bound) or a threshold ("PSA decline ≥50%"), not a rate
            percents.append(percent)
        measures = [measure] * len(percents)
        if index in listed:
            measures = runs[index]
            brackets = [(b.start(), b.end()) for b in _PARENTHESES.finditer(clause)]
            percents = [p for p in percents if not any(start < p.start() < end for start, end in brackets)]
            if not _values_listed(clause, percents, len(measures)):
                continue  # not one value per measure, joined like the measures: pairing them would be a guess
        # the arm each rate belongs to, as its sentence names it ("9.5% with everolimus", "with A vs B was 9.5% vs 0.4%")
        arms = (value_arms(text, [(match.end() + p.start("value"), match.end() + p.end("value")) for p in percents])
                if index not in listed else [None] * len(percents))
        for percent, arm, measure in zip(percents, arms, measures):
            found.append(Rate(measure, parse_decimal(percent.group("value")), arm,
                              sentence.span(match.end() + percent.start(), match.end() + percent.end()), f"rates.{measure.lower()}"))
    return found


def _values_listed(clause: str, percents: list[re.Match[str]], count: int) -> bool:
    """Whether `count` percentages are listed by commas / "and" ("10%, 40% and 70%"); a bracket between them
    ("25% (95% CI 12-40%) and 60%") is read past, a "vs" between them ("25% vs 10%") compares arms instead."""
    return len(percents) == count and all(
        _VALUES_JOINED.fullmatch(_PARENTHESES.sub("", clause[first.end():second.start()]))
        for first, second in zip(percents, percents[1:]))


# --------------------------------------------------------------------------- adverse events

_GRADE3 = re.compile(
    r"\bgrade\s*(?:(?:≥|>=|>)\s*(?:3|III|2)|3\s*(?:[-–/]|or|to)\s*(?:4|5)|3\s*(?:or|and)\s*(?:higher|worse|above|greater)|"
    r"III\s*(?:[-–/]|or)\s*IV|3\+|three\s+or\s+(?:higher|more)|3\b)|\bsevere\s+(?:adverse|toxicit)|\bserious\s+adverse",
    re.I,
)
AE_TERMS = (
    "stomatitis", "mucositis", "pneumonitis", "non-infectious pneumonitis", "hyperglycaemia", "hyperglycemia",
    "hypercholesterolaemia", "hypercholesterolemia", "hypertriglyceridaemia", "hypertriglyceridemia", "rash",
    "fatigue", "asthenia", "anaemia", "anemia", "neutropenia", "febrile neutropenia", "thrombocytopenia",
    "lymphopenia", "leukopenia", "diarrhoea", "diarrhea", "nausea", "vomiting", "infection", "infections",
    "pneumonia", "hypertension", "hand-foot syndrome", "neuropathy", "peripheral neuropathy", "dyspnoea", "dyspnea",
    "pain", "cough", "oedema", "edema", "hypokalaemia", "hypokalemia", "hypophosphataemia", "hypophosphatemia",
    "elevated ALT", "elevated AST", "ALT increased", "AST increased", "hepatotoxicity", "skin toxicity",
    "anorexia", "decreased appetite", "weight loss", "dysgeusia", "epistaxis", "proteinuria", "cardiotoxicity",
)
_AE = re.compile(r"\b(?P<term>" + "|".join(sorted((re.escape(t) for t in AE_TERMS), key=len, reverse=True)) + r")\b", re.I)
_ANY_AE = re.compile(r"\b(?:adverse\s+events?|AEs|toxicit(?:y|ies)|adverse\s+(?:drug\s+)?reactions?)\b", re.I)


@dataclass(frozen=True, slots=True)
class AdverseEvent:
    event: str  # lower-case term, or "any" for all grade >= 3 events together
    grade: str  # as written: "grade 3-4", "grade ≥3", ...
    percents: tuple[str, ...]  # per arm when several, as written: ("8%", "<1%")
    span: Span
    extractor: str


def _percent_text(text: str, match: re.Match[str]) -> str:
    operator = re.search(r"([<>≤≥])\s*$", text[max(0, match.start() - 2):match.start()])
    number = match.group("value").replace("·", ".")
    return f"{operator.group(1) if operator else ''}{number}%"


def adverse_events_in_sentence(sentence: Sentence) -> list[AdverseEvent]:
    text = sentence.text
    grade = _GRADE3.search(text)
    if not grade:
        return []
    found: list[AdverseEvent] = []
    terms = list(_AE.finditer(text))
    for index, term in enumerate(terms):
        limit = terms[index + 1].start() if index + 1 < len(terms) else len(text)
        window = text[term.end():limit]
        window = window[:80]
        percents = [m for m in _PERCENT.finditer(window)]
        if not percents or percents[0].start() > 45:
            continue
        values = tuple(_percent_text(window, m) for m in percents)
        found.append(AdverseEvent(term.group("term").lower(), grade.group(0), values,
                                  sentence.span(term.start(), term.end() + percents[-1].end()), "rates.ae_named"))
    if not found:
        overall = _ANY_AE.search(text, grade.start())
        if overall:
            percents = list(_PERCENT.finditer(text, overall.end()))[:4]
            if percents:
                values = tuple(_percent_text(text, m) for m in percents)
                found.append(AdverseEvent("any", grade.group(0), values,
                                          sentence.span(grade.start(), percents[-1].end()), "rates.ae_overall"))
    return found


def rates(record: Record) -> tuple[list[Rate], list[AdverseEvent]]:
    """(response rates, grade >= 3 adverse events) stated in the title and abstract."""
    found_rates: list[Rate] = []
    events: list[AdverseEvent] = []
    for sentence in record_sentences(record):
        found_rates.extend(rates_in_sentence(sentence))
        events.extend(adverse_events_in_sentence(sentence))
    return found_rates, events

"""Outcome names as abstracts write them, mapped to one canonical label, and p-values.

Shared by the hazard-ratio, median and rate extractors: "progression-free survival", "PFS",
"nPFS", "mPFS" are PFS; "overall survival", "OS", "mOS", "death(s)", "mortality" (overall, all-cause,
28-day), "lifespan", "longevity" and "survival" (not a "survival model / analysis / curve", a method) are OS; a cause-specific
mortality or death ("cancer-specific", "other-cause", "infection-related", "non-relapse", "death by
suicide", "mortality due to cancer", "heart disease / stroke mortality"), a cause-specific survival
("cancer-specific survival", "CSS", "disease-specific survival", "DSS"), any other "X-free survival" and a composite endpoint with the items
it lists up to their bracket ("the composite outcome of CV death, MI or stroke (HR ...") or death listed first among
events ending in "or" ("death, HT, or LVAD") are other outcomes; "all-cause and cardiovascular mortality" is two,
OS then another;
and so on.
The label of a value is the outcome named nearest before it in its sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from mbc_sr.extract.numbers import DECIMAL_PATTERN

#: The items a composite endpoint lists, up to the bracket after them, in one clause without a verb:
#: "of CV death, MI or stroke (HR ...", "of all-cause mortality, or new Q-wave myocardial infarction (MI) (".
_COMPOSITE_ITEMS = r"(?:(?!\b(?:was|were|is|are|did|had|showed)\b)[^()\[\];:.]){1,80}?(?=\s*[(\[])"
#: Death first in a list of events joined by commas and a last "or", an unnamed composite: "death, heart
#: transplantation (HT), or LVAD", "death, MI, or stroke" (not "death or MI", not "death, MI and stroke").
_DEATH_OR_EVENTS = (r"(?:(?:risk|hazard)\s+of\s+)?(?:deaths?|mortality)(?:\s*,\s*[A-Za-z][\w-]*(?:\s+(?!or\b)[\w-]+){0,3}(?:\s*\([A-Za-z]{1,8}\))?){1,3},?"
                    r"\s+(?:and/)?or\s+[A-Za-z][\w-]*")
#: A cause of death, as in "cardiovascular mortality", "cancer-related deaths".
_CAUSE = (r"(?:non[\s-]?relapse|cardiovascular|cardiac|cancer|infection|suicide|respiratory|CVD|heart|cerebrovascular|stroke|"
          r"liver|renal|kidney|(?!all\b)[A-Za-z]+[\s-]+(?:specific|related|attributable))")
#: Not a cause's name before "disease mortality" or "-specific survival": an article, a pronoun, a conjunction, a
#: preposition or a comparison ("the disease mortality", "lower disease mortality", "and disease mortality").
_NOT_A_CAUSE = (r"(?!(?:all|any|the|an?|its|their|this|that|these|those|and|or|of|in|on|at|for|with|to|by|from|"
                r"lower|higher|reduced|increased|decreased|greater|less)\b)")
#: A stratum, not a cause, before "-specific survival": a survival by age, sex or stage is survival itself.
_STRATUM = r"(?:age|sex|gender|stage|grade|race|period|non)"
_OUTCOMES: tuple[tuple[str, str], ...] = (
    ("DRFS", r"distant\s+(?:recurrence|relapse|metastasis)[\s-]+free(?:\s+survival|\s+interval)?|DRFS|DMFS"),
    ("PFS", r"(?:neurological\s+|radiographic\s+|intracranial\s+|CNS\s+)?progression[\s-]+free(?:\s+survival)?|[nmri]?PFS\d?"),
    ("TTP", r"time[\s-]+to[\s-]+(?:disease\s+|tumou?r\s+)?progression|m?TTP"),
    ("DFS", r"(?:invasive\s+)?disease[\s-]+free\s+survival|i?DFS"),
    ("EFS", r"event[\s-]+free\s+survival|EFS"),
    ("RFS", r"(?:recurrence|relapse)[\s-]+free\s+survival|RFS"),
    # a cause-specific mortality is another outcome; mortality itself (overall, all-cause, 28-day) is OS
    ("other", (r"(?!all\b)[A-Za-z]+(?:[\s-]+(?!all\b)[A-Za-z]+)?[\s-]+(?:specific|cause|related|attributable)\s+(?:mortality|deaths?)|"
               r"(?:non[\s-]?relapse|cardiovascular|cardiac|cancer|infection|suicide|respiratory|CVD|heart|cerebrovascular|stroke|liver|"
               r"renal|kidney|" + _NOT_A_CAUSE + r"[A-Za-z]+\s+disease)\s+(?:mortality|deaths?)|"
               r"(?:deaths?|mortality)\s+(?:by|from|due\s+to)\s+(?!any\b)[a-z]+|NRM|TRM|"
               # so is a cause-specific survival ("cancer-specific", "breast cancer specific", "disease-specific")
               # (not a survival by stratum: "age-specific", "sex-specific", "stage-specific", nor "non-specific")
               r"(?:(?!all\b)[A-Za-z]+[\s-]+)?" + _NOT_A_CAUSE + r"(?!" + _STRATUM + r"[\s-]+specific\b)[A-Za-z]+[\s-]+specific\s+survival|"
               r"(?:BC|C|D)SS")),
    # a composite endpoint is another outcome, with the items it lists ("a composite of all-cause mortality or MI (")
    ("other", r"composite\s+(?:(?:primary|secondary)\s+)?(?:end[\s-]?points?|outcomes?)(?:\s+of\s+" + _COMPOSITE_ITEMS + r")?|"
              r"composite\s+of\s+" + _COMPOSITE_ITEMS + r"|" + _DEATH_OR_EVENTS),
    # "all-cause and cardiovascular mortality": two outcomes sharing one noun, all-cause (OS) first or last
    ("OS", r"all[\s-]cause(?=\s+(?:and|or)\s+" + _CAUSE + r"\s+(?:mortality|deaths?)\b)"),
    ("other", _CAUSE + r"(?=\s+(?:and|or)\s+all[\s-]cause\s+(?:mortality|deaths?)\b)"),
    ("OS", (r"overall\s+survival|m?OS|death\s+from\s+any\s+cause|(?:risk|hazard)\s+of\s+death|"
            r"survival(?!\s+(?:models?|analys[ie]s|curves?|data|regressions?|methods?|functions?|trees?|package))|"
            r"(?:all[\s-]cause\s+)?mortality|life[\s-]?span|longevity|(?<!\bor\s)(?<!and\s)deaths?")),  # "time to X or death": a composite (not "for death")
    ("other", r"(?:local|locoregional|distant)\s+(?:recurrence|control|failure)|metasta\w+\s+disease|"
              r"[\w-]+[\s-]+free\s+survival|"  # any other "X-free survival": metastasis-, CLAD-, leukaemia-free
              r"time\s+to\s+[a-z]+(?:\s+[a-z]+)?|duration\s+of\s+response|DoR|recurrence|relapse"),
)
_SHORT_WORDS = {"death"}  # short outcome words that are not abbreviations
_OUTCOME = re.compile(
    r"\b(?:" + "|".join(f"(?P<o{index}>{pattern})" for index, (_, pattern) in enumerate(_OUTCOMES)) + r")\b",
    re.I,
)


@dataclass(frozen=True, slots=True)
class OutcomeMention:
    label: str
    start: int
    end: int
    text: str


def outcome_mentions(text: str) -> list[OutcomeMention]:
    """Every outcome named in `text`, canonical label and position."""
    found = []
    for match in _OUTCOME.finditer(text):
        index = next(i for i in range(len(_OUTCOMES)) if match.group(f"o{i}"))
        word = match.group(0)
        if len(word) <= 5 and " " not in word and sum(ch.isupper() for ch in word) < 2 and word.lower() not in _SHORT_WORDS:
            continue  # an abbreviation is written in capitals: "os" (bone) is not OS
        found.append(OutcomeMention(_OUTCOMES[index][0], match.start(), match.end(), word))
    return found


def outcome_before(text: str, position: int, stop: int = 0) -> OutcomeMention | None:
    """The outcome named nearest before `position` (not before `stop`)."""
    best = None
    for mention in outcome_mentions(text[stop:position]):
        best = mention
    if best is None:
        return None
    return OutcomeMention(best.label, best.start + stop, best.end + stop, best.text)


# --------------------------------------------------------------------------- p-values

#: "P = 0.03", "p-value: 0.66", "P < .001", "P = 3.34×10-4"; "p = <0.001" is "<0.001" (the "=" before a spaced
#: comparison says nothing more). Not a number with a leading zero and no point ("P=001"): it lost its point, and
#: where ("0.01"? ".001"?) is anyone's guess, so it is no p-value rather than p = 1.
P_VALUE = re.compile(
    r"(?<![\w])(?:two[\s-]sided\s+|log[\s-]?rank\s+|adjusted\s+|one[\s-]sided\s+)?[Pp](?:\s*[-\s]?value)?\s*"
    r"(?:=\s+(?=[<>≤≥⩽⩾]))?"
    r"(?P<op>=|<|>|≤|≥|<=|>=|=<|=>|⩽|⩾|(?<=value):|(?<=value)(?=\s+\.?\d))\s*(?![-−]?0\d)"
    r"(?P<num>" + DECIMAL_PATTERN + r"(?:\s*[x×]\s*10\s*[-−]\s*\d+)?)"
)
_OPS = {"": "=", ":": "=", "<=": "≤", "=<": "≤", "⩽": "≤", ">=": "≥", "=>": "≥", "⩾": "≥"}


def normalise_p(op: str, number: str) -> str:
    """"<" + ".001" -> "<0.001"; "=" + "0·0002" -> "=0.0002"; "" ("p-value 0.66") or ":" ("p-value: 0.66") -> "=0.66"."""
    text = number.replace("·", ".").replace("−", "-").replace(" ", "")
    if text.startswith("."):
        text = "0" + text
    return _OPS.get(op, op) + text


def p_value_number(p: str) -> tuple[str, float] | None:
    """("<", 0.001) from "<0.001"; None when unreadable."""
    match = re.match(r"(=|<|>|≤|≥)(.+)", p)
    if not match:
        return None
    raw = match.group(2)
    sci = re.match(r"([\d.]+)[x×]10-(\d+)$", raw)
    try:
        value = float(sci.group(1)) * 10 ** -int(sci.group(2)) if sci else float(raw)
    except ValueError:
        return None
    return match.group(1), value

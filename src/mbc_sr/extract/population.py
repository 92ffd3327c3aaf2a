"""Population descriptors: receptor subtype, menopausal status, stage, line of therapy, prior therapy.

"HR+" in these abstracts means hormone-receptor-positive (never a hazard ratio: the effects
extractor skips "HR+" / "HR-positive" for the same reason). HR+ and HER2− stated together give the
combined descriptor "HR+/HER2−" as well.
"""

from __future__ import annotations

import re

from mbc_sr.extract.sentences import record_sentences
from mbc_sr.extract.values import Extracted
from mbc_sr.records import Record

_NEG = r"(?:[\s-]*(?:negative|neg\b|non-?amplified|normal)|\s*[−–](?![\w])|-(?![\w])|\s*\(\s*[-−]\s*\)|\s*0\b)"
_POS = r"(?:[\s-]*(?:positive|pos\b|amplified|overexpressing|over-expressing)|\s*\+|\s*\(\s*\+\s*\))"
DESCRIPTORS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("HR+", re.compile(
        r"\b(?:hormone[\s-]+receptor|HR|oestrogen[\s-]+receptor|estrogen[\s-]+receptor|ER|ER/PR|ER/PgR|HoR)" + _POS
        + r"|\bluminal\b|\bendocrine[\s-]+(?:sensitive|responsive)\b", re.I)),
    ("HER2−", re.compile(r"\b(?:HER2|HER-2|ErbB2|ERBB2|HER2/neu)" + _NEG, re.I)),
    ("HER2+", re.compile(r"\b(?:HER2|HER-2|ErbB2|ERBB2|HER2/neu)" + _POS, re.I)),
    ("triple-negative", re.compile(r"\btriple[\s-]+negative\b|\bTNBC\b", re.I)),
    ("postmenopausal", re.compile(r"\bpost-?\s?menopausal\b", re.I)),
    ("premenopausal", re.compile(r"\bpre-?\s?menopausal\b", re.I)),
    ("advanced/metastatic", re.compile(r"\bmetastatic\b|\badvanced\b|\bstage\s+IV\b|\bMBC\b|\bABC\b", re.I)),
    ("early", re.compile(r"\bearly(?:[\s-]+stage)?\s+breast\b|\b(?:neo)?adjuvant\b", re.I)),
)
_LINES = re.compile(
    r"\b(?P<n>first|second|third|fourth|later|1st|2nd|3rd|4th)[\s-]+lines?\b"
    r"|\b(?P<prior>(?:≥|>=|at\s+least|one\s+or\s+more|two\s+or\s+more|\d\s+or\s+more|\d+|one|two|three)\s+(?:previous|prior)\s+"
    r"(?:lines?|regimens?|therap(?:y|ies)|treatments?))"
    r"|\b(?P<naive>(?:treatment|therapy|chemotherapy|endocrine)[\s-]+na[iï]ve|previously\s+untreated)\b"
    r"|\b(?P<pretreated>previously\s+treated|heavily\s+pre-?treated|pre-?treated)\b",
    re.I,
)
_PRIOR_ENDOCRINE = re.compile(
    r"\b(?:after|following|progress\w*\s+(?:on|after|during|following)|refractory\s+to|resistan(?:t|ce)\s+to|failure\s+(?:of|on)|"
    r"recurrence\s+or\s+progression\s+(?:on|after|during)|previously\s+treated\s+with|prior)"
    r"\s+(?:[\w-]+\s+){0,4}?(?:non-?steroidal\s+aromatase\s+inhibitors?|NSAIs?|aromatase\s+inhibitors?|AIs?|letrozole|"
    r"anastrozole|tamoxifen|endocrine\s+therap(?:y|ies)|ET|hormon\w*\s+therap(?:y|ies))\b"
    r"|\b(?:endocrine|AI|aromatase[\s-]+inhibitor|hormone)[\s-]+(?:resistant|refractory|resistance|pretreated)\b",
    re.I,
)
_LINE_NAMES = {"1st": "first", "2nd": "second", "3rd": "third", "4th": "fourth"}


def population(record: Record) -> list[Extracted]:
    """Every descriptor mention with its span; `value` is the canonical descriptor."""
    found: list[Extracted] = []
    for sentence in record_sentences(record):
        text = sentence.text
        for name, pattern in DESCRIPTORS:
            for match in pattern.finditer(text):
                if name == "HER2−" and re.match(r"\s*(?:positive|\+)", text[match.end():]):
                    continue
                found.append(Extracted("population", name, sentence.span(match.start(), match.end()), "population.descriptor"))
        for match in _LINES.finditer(text):
            if match.group("n"):
                word = match.group("n").lower()
                value = f"{_LINE_NAMES.get(word, word)}-line"
            elif match.group("prior"):
                value = "prior lines: " + " ".join(match.group("prior").split())
            elif match.group("naive"):
                value = "first-line"
            else:
                value = "pretreated"
            found.append(Extracted("population", value, sentence.span(match.start(), match.end()), "population.line_of_therapy"))
        for match in _PRIOR_ENDOCRINE.finditer(text):
            found.append(Extracted("population", "prior endocrine therapy", sentence.span(match.start(), match.end()),
                                   "population.prior_endocrine"))
    values = {item.value for item in found}
    if "HR+" in values and "HER2−" in values:
        first = next(item for item in found if item.value == "HER2−")
        found.append(Extracted("population", "HR+/HER2−", first.span, "population.combined"))
    return found


def descriptor_summary(found: list[Extracted]) -> list[str]:
    """The distinct descriptors in a stable order."""
    return list(dict.fromkeys(str(item.value) for item in found))

"""Numbers as abstracts write them: "1,019", "13 388", "0·48", ".001", "Twenty", "one hundred and four".

Two readers share this module:

* `parse_decimal` for statistics: a decimal point may be "." or the Lancet's middle dot "·",
  the leading zero may be missing (".001"), and the minus may be a Unicode minus.
* `parse_count` / `find_counts` for head counts: digits with thousands separators (comma,
  space, no-break or thin space — "13 388", "1,019") or English number words ("Seventy-five",
  "Two hundred thirty-three", "One-hundred-and-fifty", "one hundred and four").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

_UNITS = {
    name: value
    for value, name in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen".split()
    )
}
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}
_SCALES = {"hundred": 100, "thousand": 1000}
NUMBER_WORDS = frozenset(_UNITS) | frozenset(_TENS) | frozenset(_SCALES)

# --------------------------------------------------------------------------- decimals

_DECIMAL = re.compile(r"^[-−–]?(?:\d+(?:[.·]\d+)?|[.·]\d+)$")


def parse_decimal(text: str) -> float:
    """A statistic: "0.43", "0·48", ".001", "−0.5", "1.0"; raises ValueError otherwise."""
    cleaned = text.strip()
    if not _DECIMAL.match(cleaned):
        raise ValueError(f"not a decimal number: {text!r}")
    cleaned = cleaned.replace("·", ".").replace("−", "-").replace("–", "-")
    return float(cleaned)


#: Every dash abstracts put between two numbers ("0.35-0.54", "0.35–0.54", "0.80‑1.37" with a
#: non-breaking hyphen, figure dash, em dash, minus sign).
DASH = r"(?:-|\u2010|\u2011|\u2012|\u2013|\u2014|\u2212)"

#: A statistic in running text: optional sign, digits with "." or "·" decimals, or ".001".
DECIMAL_PATTERN = r"(?:[-−]?(?:\d+(?:[.·]\d+)?|[.·]\d+))"

# --------------------------------------------------------------------------- counts in digits

_SEPARATOR = r"[,\u00a0\u2009\u202f ]"
#: A head count in digits: "1,019", "13 388", "20 446", "376"; never a decimal.
COUNT_DIGITS = re.compile(
    r"(?<![\d.,·])(?:\d{1,3}(?:" + _SEPARATOR + r"\d{3})+(?![\d]|[.·]\d)|\d+(?![\d]|[.·]\d))"
)


def parse_digits(text: str) -> int:
    """"13 388" -> 13388, "1,019" -> 1019; raises ValueError for anything else."""
    cleaned = re.sub(_SEPARATOR, "", text.strip())
    if not cleaned.isascii() or not cleaned.isdigit():
        raise ValueError(f"not a count: {text!r}")
    groups = re.split(_SEPARATOR, text.strip())
    if len(groups) > 1 and (not 1 <= len(groups[0]) <= 3 or any(len(g) != 3 for g in groups[1:])):
        raise ValueError(f"misplaced thousands separator: {text!r}")
    return int(cleaned)


# --------------------------------------------------------------------------- counts in words

_WORD_TOKEN = re.compile(r"[A-Za-z]+")
_JOIN = re.compile(r"[ \t\u00a0\u2010\u2011-]+")  # "Eighty-one" with any hyphen


@dataclass(frozen=True, slots=True)
class WordNumber:
    start: int
    end: int
    value: int


def _read_word_number(text: str, start: int) -> WordNumber | None:
    """Read the longest valid number-word phrase starting at `start` (a word boundary)."""
    position = start
    total = current = 0
    last: str | None = None  # "unit", "teen", "ten", "hundred", "thousand"
    end = None
    while True:
        word_match = _WORD_TOKEN.match(text, position)
        if not word_match:
            break
        word = word_match.group(0).lower()
        if word == "and" and last in ("hundred", "thousand") and end is not None:
            join = _JOIN.match(text, word_match.end())
            if join:
                position = join.end()
                continue
            break
        if word in _UNITS:
            value = _UNITS[word]
            if last in ("unit", "teen") or (last == "ten" and value >= 10) or (last and value == 0):
                break
            current += value
            last = "teen" if value >= 10 else "unit"
        elif word in _TENS:
            if last in ("unit", "teen", "ten"):
                break
            current += _TENS[word]
            last = "ten"
        elif word == "hundred":
            if last not in ("unit", "teen", "ten") or current >= 100:
                break
            current *= 100
            last = "hundred"
        elif word == "thousand":
            if last is None or last == "thousand" or total:
                break
            total, current = (total + current) * 1000, 0
            last = "thousand"
        else:
            break
        end = word_match.end()
        join = _JOIN.match(text, end)
        if not join:
            break
        position = join.end()
    if end is None:
        return None
    return WordNumber(start, end, total + current)


_WORD_START = re.compile(
    r"\b(?=(?:" + "|".join(sorted(NUMBER_WORDS - {"hundred", "thousand"}, key=len, reverse=True)) + r")\b)",
    re.I,
)


def find_word_numbers(text: str) -> Iterator[WordNumber]:
    """Every number-word phrase in `text` ("Seventy-five", "two hundred and thirty-three")."""
    position = 0
    while True:
        match = _WORD_START.search(text, position)
        if not match:
            return
        found = _read_word_number(text, match.start())
        if found is None:
            position = match.start() + 1
            continue
        yield found
        position = found.end


def parse_words(text: str) -> int:
    """"one hundred and four" -> 104; raises ValueError unless the whole text is one number."""
    found = _read_word_number(text.strip(), 0)
    if found is None or found.end != len(text.strip()):
        raise ValueError(f"not a number in words: {text!r}")
    return found.value


# --------------------------------------------------------------------------- either form


@dataclass(frozen=True, slots=True)
class Count:
    """A head count found in text: where it is and what it says."""

    start: int
    end: int
    value: int
    in_words: bool


def parse_count(text: str) -> int:
    """A count in digits or words; raises ValueError otherwise."""
    stripped = text.strip()
    if stripped[:1].isdigit():
        return parse_digits(stripped)
    return parse_words(stripped)


def find_counts(text: str) -> list[Count]:
    """Every count in `text`, digits and words, in order of position."""
    counts = [Count(m.start(), m.end(), parse_digits(m.group(0)), False) for m in COUNT_DIGITS.finditer(text)]
    counts += [Count(w.start, w.end, w.value, True) for w in find_word_numbers(text)]
    return sorted(counts, key=lambda count: count.start)

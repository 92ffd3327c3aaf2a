"""Split a record's title and abstract sections into sentences, keeping offsets.

Abstracts are full of full stops that do not end a sentence: decimals ("0.43", "P < .001"),
abbreviations ("vs.", "e.g.", "et al.", "approx.", "Fig."; a dose's "b.d." before its bracket), initials and
numbered lists. A
sentence ends at ".", "!" or "?" (optionally followed by a closing quote or bracket) when white
space and then an upper-case letter, a digit or an opening bracket follow, and the word before
the stop is not a known abbreviation. Semicolon-joined sections (some CSV exports) stay one
sentence per clause group; that is good enough for value extraction, which reads sentence by
sentence and never needs a perfect split.

A run of white space or hyphens longer than `MAX_GAP` characters (a padded CSV cell, a "-----"
rule; never real prose) also ends a sentence. Besides being no sentence-internal space, it would
make the extractors hang: their patterns backtrack over such a run in n² steps or worse (white
space: "(#_*)\\s*(...)?\\s+(?:people\\s+)?received" in the participant counts; hyphens:
"[\\w-]+[\\s-]+free\\s+survival" in the outcome names), so one 20,000-character run took
minutes. No text is rewritten, so every offset stays exact.
"""

from __future__ import annotations

import re
from functools import lru_cache

from mbc_sr.extract.spans import ABSTRACT, TITLE, Sentence
from mbc_sr.records import Record

_ABBREVIATIONS = frozenset(
    """
    vs v al e.g eg i.e ie etc approx ca cf fig figs no nos ref refs dr mr mrs ms prof st inc ltd
    co corp jan feb mar apr jun jul aug sep sept oct nov dec min max mg kg iu resp wk wks mo yr
    yrs hr hrs sec vol suppl ed eds pts pt
    """.split()
)
#: Dosing abbreviations written with stops ("b.d.", "t.i.d."): a bracket after one belongs to the dose's sentence
#: ("omeprazole 20 mg b.d. (OAC; 90 patients) or ..."), though another sentence may start after it.
_DOSING = frozenset("b.d b.i.d t.i.d q.i.d q.d o.d t.d.s q.d.s q.h.s".split())
_BRACKET_NEXT = re.compile(r"\s*[(\[]")
#: ... unless the bracket is an isotope's mass number opening the next sentence: "(18)F-FDG PET was ...", "[18F]FDG",
#: "(99m)Tc-sestamibi".
_ISOTOPE_NEXT = re.compile(r"\s*[(\[]\d{1,3}m?(?:[)\]][A-Z]|[A-Z][a-z]?[)\]])")
# A stop, optional closing quote/bracket, white space, then what may start a sentence.
_BOUNDARY = re.compile(r"[.!?][\"'”’)\]]?(?=\s+[\"'“‘(\[]?[A-Z0-9])")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)$")
#: The longest run of white space and hyphens kept inside a sentence (real abstracts: a few characters at most).
MAX_GAP = 64
_LONG_GAP = re.compile(rf"[\s-]{{{MAX_GAP + 1},}}")


def split_sentences(text: str) -> list[tuple[int, str]]:
    """(offset, sentence) pairs covering `text`; surrounding white space trimmed."""
    sentences: list[tuple[int, str]] = []
    start = 0
    for gap in _LONG_GAP.finditer(text):
        _split_part(sentences, text, start, gap.start())
        start = gap.end()
    _split_part(sentences, text, start, len(text))
    return sentences


def _split_part(sentences: list[tuple[int, str]], text: str, start: int, stop: int) -> None:
    """Append the sentences of text[start:stop], with offsets into `text`."""
    for match in _BOUNDARY.finditer(text, start, stop):
        end = match.end()
        before = text[start:match.start()]
        word = _WORD_BEFORE.search(before)
        if word:
            token = word.group(1).rstrip(".").lower()
            if token in _ABBREVIATIONS or (len(token) == 1 and token.isalpha() and token != "a"):
                continue  # "vs. 3.2", "et al. 2010", an initial "J. Smith"
            if token in _DOSING and _BRACKET_NEXT.match(text, match.end()) and not _ISOTOPE_NEXT.match(text, match.end()):
                continue  # "ranitidine 300 mg b.d. (R600) (n = 74)": the dose's own bracket
        _append(sentences, text, start, end)
        start = end
    _append(sentences, text, start, stop)


def _append(sentences: list[tuple[int, str]], text: str, start: int, end: int) -> None:
    chunk = text[start:end]
    stripped = chunk.strip()
    if stripped:
        sentences.append((start + chunk.index(stripped[0]), stripped))


def record_sentences(record: Record) -> tuple[Sentence, ...]:
    """The title's sentences, then each abstract section's, in order.

    Every extractor reads a record sentence by sentence, so the split of the last few records
    is cached (keyed by their text, as records themselves are not hashable).
    """
    key = (record.title or "", tuple((s.text or "", s.label, s.nlm_category) for s in record.abstract))
    return _sentences(key)


@lru_cache(maxsize=32)
def _sentences(key: tuple[str, tuple[tuple[str, str | None, str | None], ...]]) -> tuple[Sentence, ...]:
    title, sections = key
    found = [Sentence(TITLE, None, offset, text, "TITLE") for offset, text in split_sentences(title)]
    for index, (section_text, label, category) in enumerate(sections):
        name = (label or category or "").upper() or None
        found.extend(Sentence(ABSTRACT, index, offset, text, name) for offset, text in split_sentences(section_text))
    return tuple(found)

"""What each PubMed field tag searches in a `Record`, normalised for matching.

Word fields ([ti], [ab], [tiab], [tw], untagged) are searched for words and phrases: the
field's text is lower-cased, stripped of diacritics and cut into words at every character
that is not a letter or digit ("CCI-779" → "cci 779", "mTOR/Akt" → "mtor akt"), then held as
one string " w1 w2 ... " so that a phrase is a substring test. Parts of a field (title,
abstract, each keyword, each MeSH heading) are joined with two spaces, so a phrase never
spans two parts. Value fields ([mh], [pt], [nm], [la], [au], [ta], [si]) are matched
against whole values (a MeSH descriptor name, a publication type, ...).

Which parts make up each word field (PubMed's own definitions, as far as the XML carries them):

* [ti] the title; [ab] the abstract (section texts, without their labels);
* [tiab] title, abstract and author keywords (PubMed includes author keywords in [tiab]);
* [tw] title, abstract, keywords, MeSH descriptors and qualifiers, publication types, substances;
* untagged: title, abstract, MeSH descriptors and qualifiers, keywords and substances.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date

from mbc_sr.records import MONTH_ABBREVIATIONS, Record, month_number

WORD_FIELDS = ("ti", "ab", "tiab", "tw", "all")

_NON_WORD = re.compile(r"[\W_]+")
_YEAR = re.compile(r"(?<!\d)(1[6-9]\d\d|20\d\d)(?!\d)")
_MONTH = re.compile(r"\b(" + "|".join(MONTH_ABBREVIATIONS) + r")[a-z]*\.?", re.I)
_COMBINING = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+")


def fold(text: str) -> str:
    """Lower case without diacritics ("Müller" → "muller")."""
    text = text.lower()
    if not text.isascii():
        text = _COMBINING.sub("", unicodedata.normalize("NFKD", text))
    return text


def words(text: str) -> str:
    """" w1 w2 ... " (lower case, no diacritics, split at non-alphanumerics); "" when no word."""
    joined = _NON_WORD.sub(" ", fold(text)).strip()
    return f" {joined} " if joined else ""


class RecordView:
    """A record with its searchable fields computed on first use (most terms never need most fields).

    `raw(field)` is the folded text of the field's parts, unsplit: a cheap first test (a word
    that is not even a substring of it cannot be a word of the field), so the costlier word
    split (`text(field)`) runs only for the few records that pass it.
    """

    __slots__ = ("record", "_cache", "_raw")

    def __init__(self, record: Record):
        self.record = record
        self._cache: dict[str, object] = {}
        self._raw: dict[str, str] = {}

    def raw(self, field: str) -> str:
        cached = self._raw.get(field)
        if cached is None:
            cached = self._raw[field] = fold("\n".join(_WORD_PARTS[field](self.record)))
        return cached

    def text(self, field: str) -> str:
        cached = self._cache.get(field)
        if cached is None:
            cached = self._cache[field] = " ".join(w for w in map(words, _WORD_PARTS[field](self.record)) if w)
        return cached  # type: ignore[return-value]

    def values(self, field: str) -> tuple:
        cached = self._cache.get(field)
        if cached is None:
            cached = self._cache[field] = _VALUE_BUILDERS[field](self.record)
        return cached  # type: ignore[return-value]


# --------------------------------------------------------------------------- word fields


def _mesh_names(record: Record) -> list[str]:
    names = []
    for heading in record.mesh_headings:
        names.append(heading.descriptor_name)
        names.extend(q.name for q in heading.qualifiers)
    return names


def _title(record: Record) -> list[str]:
    return [record.title]


def _abstract(record: Record) -> list[str]:
    return [section.text for section in record.abstract]


def _tiab(record: Record) -> list[str]:
    return [record.title, *_abstract(record), *record.keywords]


def _all(record: Record) -> list[str]:
    return [*_tiab(record), *_mesh_names(record), *(c.name for c in record.chemicals)]


def _tw(record: Record) -> list[str]:
    return [*_all(record), *(p.name for p in record.publication_types)]


def _descriptors(record: Record) -> list[str]:
    return [heading.descriptor_name for heading in record.mesh_headings]


# "mesh" is not a field tag: it serves [mh]'s cheap first test (`RecordView.raw`)
_WORD_PARTS = {"ti": _title, "ab": _abstract, "tiab": _tiab, "all": _all, "tw": _tw, "mesh": _descriptors}


# --------------------------------------------------------------------------- value fields


def _headings(record: Record, major_only: bool) -> tuple:
    """(descriptor, {qualifier: major}, descriptor major) per heading, names normalised."""
    out = []
    for heading in record.mesh_headings:
        if major_only and not heading.is_major:
            continue
        qualifiers = {words(q.name): q.major for q in heading.qualifiers}
        out.append((words(heading.descriptor_name), qualifiers, heading.major))
    return tuple(out)


def _author_keys(record: Record) -> tuple[str, ...]:
    keys = []
    for author in record.authors:
        if not author.last_name:
            continue
        initials = author.initials or "".join(part[0] for part in (author.fore_name or "").split() if part)
        keys.append(words(f"{author.last_name} {initials}"))
    return tuple(keys)


def _journal_names(record: Record) -> tuple[str, ...]:
    journal = record.journal
    if journal is None:
        return ()
    names = (journal.medline_ta, journal.iso_abbreviation, journal.title, journal.issn)
    return tuple(words(name) for name in names if name)


def _accessions(record: Record) -> tuple[str, ...]:
    out = []
    for accession in record.databank_accessions:
        out.append(words(accession.accession))
        out.append(words(f"{accession.databank}/{accession.accession}"))
    return tuple(out)


_VALUE_BUILDERS = {
    "mh": lambda r: _headings(r, False),
    "majr": lambda r: _headings(r, True),
    "pt": lambda r: tuple(words(p.name) for p in r.publication_types),
    "nm": lambda r: tuple(words(c.name) for c in r.chemicals),
    "la": lambda r: tuple(language.lower() for language in r.languages),
    "au": _author_keys,
    "ta": _journal_names,
    "si": _accessions,
    "dp": lambda r: _publication_period(r),
    "crdt": lambda r: (r.create_date, r.create_date) if r.create_date else (),
}


def _publication_period(record: Record) -> tuple:
    """The journal issue date as the period it names: "2020" is 2020-01-01..2020-12-31, and a
    MedlineDate "1979 Jul-Sep" (or "1998 Dec-1999 Jan") runs from its first month to its last."""
    published = record.pub_date
    if not published.year:
        return ()
    try:
        start, end = period(published.year, published.month, published.day)
    except ValueError:
        start, end = period(published.year, None, None)
    if published.medline_date and published.month:
        years = [int(y) for y in _YEAR.findall(published.medline_date)] or [published.year]
        months = [month_number(m) for m in _MONTH.findall(published.medline_date)]
        if len(months) > 1 and months[-1]:
            last = period(years[-1], months[-1], None)[1]
            end = max(end, last)
    return start, end


def period(year: int, month: int | None, day: int | None) -> tuple[date, date]:
    """First and last day of a year, a month or a day."""
    if month is None:
        return date(year, 1, 1), date(year, 12, 31)
    if day is None:
        following = date(year + (month == 12), month % 12 + 1, 1)
        return date(year, month, 1), date.fromordinal(following.toordinal() - 1)
    return date(year, month, day), date(year, month, day)


# --------------------------------------------------------------------------- languages

#: MEDLINE language codes (the XML's <Language>) and the English names PubMed also accepts in [la]
LANGUAGES = {
    "afr": "afrikaans", "alb": "albanian", "ara": "arabic", "arm": "armenian", "aze": "azerbaijani",
    "bos": "bosnian", "bul": "bulgarian", "cat": "catalan", "chi": "chinese", "cze": "czech",
    "dan": "danish", "dut": "dutch", "eng": "english", "epo": "esperanto", "est": "estonian",
    "fin": "finnish", "fre": "french", "geo": "georgian", "ger": "german", "gre": "greek",
    "heb": "hebrew", "hin": "hindi", "hrv": "croatian", "hun": "hungarian", "ice": "icelandic",
    "ind": "indonesian", "ita": "italian", "jpn": "japanese", "kor": "korean", "lat": "latin",
    "lav": "latvian", "lit": "lithuanian", "mac": "macedonian", "mal": "malayalam", "may": "malay",
    "mul": "multiple", "nor": "norwegian", "per": "persian", "pol": "polish", "por": "portuguese",
    "pus": "pushto", "rum": "romanian", "rus": "russian", "san": "sanskrit", "slo": "slovak",
    "slv": "slovenian", "spa": "spanish", "srp": "serbian", "swe": "swedish", "tha": "thai",
    "tur": "turkish", "ukr": "ukrainian", "und": "undetermined", "urd": "urdu", "vie": "vietnamese",
    "wel": "welsh",
}  # fmt: skip
LANGUAGE_CODES = {name: code for code, name in LANGUAGES.items()}

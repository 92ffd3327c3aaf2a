"""Normalise the fields deduplication compares, once per record (the "prep" stage).

Two records of one article rarely agree byte for byte: databases differ in case and
punctuation, mark up titles (<i>, MathML, HTML entities), bracket translated titles
("[A study on ...]"), spell authors "Zhou, X." or "Zhou, Xiangdong", give journals as ISO
abbreviations or full titles, and write pages "595-7" or "595-597". Each normaliser here
maps such variants onto one form, so that the matcher compares like with like and the
blocker's keys coincide. None of them guesses: a field that cannot be read is None, never a
plausible-looking value that could merge two different records.

Identifiers are not normalised here: `mbc_sr.records.normalise_doi` / `normalise_pmid` /
`normalise_pmcid` are the only normalisers of DOIs, PMIDs and PMCIDs in the project.

`prepare(record, index)` builds the `Prepared` view every later stage works on.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from mbc_sr.dedup.kinds import RETRACTED_LABEL, is_conference, notice_kind
from mbc_sr.records import Record, normalise_doi, normalise_pmcid, normalise_pmid

__all__ = [
    "Prepared",
    "author_key",
    "normalise_journal",
    "normalise_pages",
    "normalise_text",
    "normalise_title",
    "title_variants",
    "normalise_volume",
    "notice_kind",  # (from kinds)
    "prepare",
]

# --------------------------------------------------------------------------- text

_GREEK = {
    "α": "alpha", "β": "beta", "γ": "gamma", "δ": "delta", "ε": "epsilon", "ζ": "zeta", "η": "eta",
    "θ": "theta", "ι": "iota", "κ": "kappa", "λ": "lambda", "μ": "mu", "ν": "nu", "ξ": "xi",
    "π": "pi", "ρ": "rho", "σ": "sigma", "ς": "sigma", "τ": "tau", "υ": "upsilon", "φ": "phi",
    "χ": "chi", "ψ": "psi", "ω": "omega", "µ": "mu",
}  # fmt: skip
_GREEK_RE = re.compile("|".join(_GREEK))
_TAG = re.compile(r"</?[A-Za-z][^<>]{0,200}>")
_NON_ALNUM = re.compile(r"[^0-9a-z]+")
_ASCII_FOLD = {"ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ð": "d", "þ": "th", "ł": "l", "đ": "d", "ı": "i"}
_FOLD_RE = re.compile("|".join(_ASCII_FOLD))


def normalise_text(raw: str | None) -> str:
    """Lower-case ASCII words separated by single spaces: markup, entities, accents, Greek
    letters (spelt out, as databases without Unicode write them) and punctuation folded away."""
    if not raw:
        return ""
    text = html.unescape(raw) if "&" in raw else raw
    if "<" in text:
        text = _TAG.sub(" ", text)
    text = text.lower()
    if not text.isascii():
        text = _GREEK_RE.sub(lambda m: f" {_GREEK[m.group(0)]} ", text)
        text = _FOLD_RE.sub(lambda m: _ASCII_FOLD[m.group(0)], text)
        text = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    if "?" in text:
        text = _LOST_CHARACTER.sub("", text)
    return " ".join(_NON_ALNUM.sub(" ", text).split())


# a "?" inside a word stands for a character an export could not encode ("toracostom?a")
_LOST_CHARACTER = re.compile(r"(?<=[a-z])\?+(?=[a-z])")


# --------------------------------------------------------------------------- titles

# labels databases attach to a title that are not part of it
_TITLE_NOISE = re.compile(
    r"\s*(?:\[(?:article in [^\]]*|in [a-z]+|see comments?|comment|editorial|letter|abstract|review|"
    r"\d+ refs?|published erratum[^\]]*|erratum[^\]]*|retracted[^\]]*|(?:author'?s? )?transl[^\]]{0,20})\]"
    r"|\((?:author'?s? transl|abstract|abstr)\.?\))\s*",
    re.I,
)
# an export that cut a long title may leave a label unclosed: "...trial.[Erratum appears in J ..."
_UNCLOSED_LABEL = re.compile(r"\s*\[(?:published erratum|erratum appears|retraction|comment in|see comment)[^\]]*$", re.I)
# where one field holds the title in two languages: "<ORIGINAL>", " = ", "; ", "] TO: "
_VARIANT_SPLIT = re.compile(r"\s*<original>\s*|\s+=\s+|;\s+|(?<=\])\s*(?:to:)?\s+(?=\S)", re.I)
_RETRACTED_LABEL = RETRACTED_LABEL
_TRAILING_BRACKET = re.compile(r"^(.{20,}?)\s*[\[(][^\[\]()]{10,}[\])]\s*\.?\s*$")


def normalise_title(raw: str | None) -> str:
    """A title as comparable words.

    Removes database labels ("[Article in German]", "(author's transl)", "[see comments]"),
    a "RETRACTED:" watermark (the watermarked article is still the article; retraction
    *notices* are recognised by `notice_kind`), the brackets PubMed puts round a translated
    title, and a trailing bracketed translation after an original-language title.
    """
    if not raw:
        return ""
    text = html.unescape(raw) if "&" in raw else raw
    text = _RETRACTED_LABEL.sub("", text.strip().strip('"'))
    text = _TITLE_NOISE.sub(" ", text).strip()
    text = _UNCLOSED_LABEL.sub("", text)
    if text.startswith("[") and text.rstrip(". ").endswith("]"):
        text = text.rstrip(". ")[1:-1]  # PubMed's translated title: "[A study on ...]."
    else:
        trailing = _TRAILING_BRACKET.match(text)
        if trailing:  # "Original title [English translation]"
            text = trailing.group(1)
    return normalise_text(text)


def title_variants(raw: str | None) -> tuple[str, ...]:
    """The normalised title, then any other-language versions the same field holds.

    Databases put an original-language and an English title in one field in several ways:
    "Original; English", "English <ORIGINAL> ORIGINAL", "[English] TO: Original",
    "Original = English". Each part of at least 4 words is a variant; the first is the whole
    field's `normalise_title`. Matching scores a pair by its best-agreeing variants.
    """
    main = normalise_title(raw)
    if not raw or not _VARIANT_SPLIT.search(raw):
        return (main,) if main else ()
    out = [main] if main else []
    for part in _VARIANT_SPLIT.split(raw):
        variant = normalise_title(part)
        if len(variant.split()) >= 4 and variant not in out:
            out.append(variant)
    return tuple(out)


# --------------------------------------------------------------------------- authors

_PARTICLES = frozenset("von van der den de del della di da dos das du la le ten ter zu vander".split())
_SUFFIXES = frozenset("jr sr ii iii iv".split())


def author_key(last: str | None, given: str | None) -> tuple[str, str]:
    """(normalised last name, first initial).

    "Bernd-Carsten" and "Bernd Carsten" agree; name particles ("von Pawel", "van der Graaf")
    and generational suffixes ("Lynch Jr") are dropped, because databases disagree on whether
    they belong to the last name, the given names or nowhere.
    """
    words = normalise_text(last).split()
    while len(words) > 1 and words[-1] in _SUFFIXES:
        words.pop()
    while len(words) > 1 and words[0] in _PARTICLES:
        words.pop(0)
    given_norm = normalise_text(given)  # never filtered: "DE", "JR" are initials as often as not
    return "".join(words), given_norm[:1]


def authors_of(record: Record) -> tuple[tuple[str, str], ...]:
    out = []
    for author in record.authors:
        if author.collective_name and not author.last_name:
            key = (normalise_text(author.collective_name).replace(" ", "")[:30], "")
        else:
            key = author_key(author.last_name, author.initials or author.fore_name)
        if key[0]:
            out.append(key)
    return tuple(out)


# --------------------------------------------------------------------------- journals

_JOURNAL_STOP = frozenset({"the", "of", "and", "for", "in", "on", "de", "la", "le", "des", "der", "und", "y", "et", "a"})


@lru_cache(maxsize=1 << 14)  # a collection has a few thousand journal names, each seen often
def normalise_journal(raw: str | None) -> tuple[str, ...]:
    """A journal name as its significant words, for comparing full titles with abbreviations.

    A parallel title after " = " (MEDLINE's "Zhonghua jie he ... = Chinese journal of ...") is
    kept as further words; "&" reads "and"; articles and prepositions are dropped, as ISO 4
    abbreviations drop them. Compare with `journals_compatible` in `match`.
    """
    if not raw:
        return ()
    text = raw.replace("&", " and ")
    return tuple(word for word in normalise_text(text).split() if word not in _JOURNAL_STOP)


# --------------------------------------------------------------------------- pages, volume

_ABSTRACT_NO = re.compile(r"^(?:abstr(?:act)?\.?\s*(?:no\.?|nr\.?|number|#)?\s*|no\.?\s*|p{1,2}\.?\s*)", re.I)
_MONTH_WORD = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b")
_PAGE_PART = re.compile(r"[a-z]*\d+[a-z]*|[a-z]+", re.I)


def normalise_pages(raw: str | None) -> tuple[str, str]:
    """(first page, last page) as lower-case strings, each "" when absent.

    "595-7" and "595-597" both give ("595", "597"); "S10-S11" gives ("s10", "s11"); "47--65"
    ("47", "65"); "e12724" ("e12724", ""); "Abstract nr P6-04-02" / "abstr 1012" (conference
    abstract numbers) give the number as the first page. Leading zeros go ("0091" = "91").
    """
    if not raw:
        return "", ""
    text = html.unescape(raw).strip().lower()
    text = _ABSTRACT_NO.sub("", text)
    text = re.sub(r"\[.*?\]|\(.*?\)", " ", text).strip()  # "A125 [015-02]": keep the page
    if not text:
        return "", ""
    for dash in ("\u2013", "\u2014", "\u2212", "--", "\u2010", "\u2011"):
        text = text.replace(dash, "-")
    if re.fullmatch(r"[a-z]*\d+[a-z]*-\d+(?:-\d+)+", text):  # an abstract number "p6-04-02"
        return text, ""
    if _MONTH_WORD.search(text):
        return "", ""  # "01-Jun": a spreadsheet turned the page range into a date
    if re.search(r"[,+;]", text):  # "230-5, 246-51, 233-8": the lowest first page of the ranges
        ranges = [normalise_pages(part) for part in re.split(r"[,+;]", text)]
        ranges = [r for r in ranges if r[0].isdigit()] or [r for r in ranges if r[0]]
        return min(ranges, key=lambda r: int(r[0]) if r[0].isdigit() else 0) if ranges else ("", "")
    first, _, last = text.partition("-")
    first, last = _page_token(first), _page_token(last)
    if not any(ch.isdigit() for ch in first):
        return "", ""  # "Suppl-12", "t-8": a damaged field, not a page
    if first and last and first.isdigit() and last.isdigit() and len(last) < len(first):
        last = first[: len(first) - len(last)] + last  # "595-7" -> 597
    elif first and last and not last.isdigit() and last.isalpha():
        last = ""
    if last == first:
        last = ""
    return first, last


def _page_token(text: str) -> str:
    match = _PAGE_PART.search(text.strip().replace(" ", ""))
    if not match:
        return ""
    token = match.group(0).lower()
    digits = re.match(r"^([a-z]*)0*(\d+)([a-z]*)$", token)
    return f"{digits.group(1)}{digits.group(2)}{digits.group(3)}" if digits else token


def normalise_volume(raw: str | None) -> str:
    """A volume (or issue) as its leading number without zeros ("Vol. 020" -> "20", "24 Suppl 3"
    -> "24"); else the normalised text ("suppl 1" -> "suppl1"); "" when absent."""
    if raw is None:
        return ""
    text = str(raw).strip().lower()
    match = re.match(r"(?:vol(?:ume)?\.?\s*)?(\d+)\b", text)
    if match:  # "24 Suppl 3" is volume 24 (the supplement belongs to the issue)
        return str(int(match.group(1)))
    return normalise_text(text).replace(" ", "")


# --------------------------------------------------------------------------- the prepared view


@dataclass(slots=True)
class Prepared:
    """What the matcher needs of one record, normalised once (`prepare`)."""

    index: int
    record_id: str
    is_pubmed: bool
    pmid: str | None
    pmcid: str | None
    doi: str | None
    title: str  # normalise_title
    variants: tuple[str, ...]  # title_variants (other-language versions), () when only `title`
    translated: bool  # the title is marked as a translation ("[...]") or comes in two languages
    title_digits: str  # the title's digits in order ("5-year", "phase 2", "HPV 16", dates)
    authors: tuple[tuple[str, str], ...]
    author_text: str  # "zhou x lan j" — what author similarity is scored on
    journal: tuple[str, ...]
    year: int | None
    volume: str
    page_first: str
    page_last: str
    kind: str  # notice_kind
    conference: bool
    nct_ids: tuple[str, ...]


_NUMBER = re.compile(r"\d+")


def prepare(record: Record, index: int, record_id: str | None = None) -> Prepared:
    """The normalised view of `record` (the `index`-th in the run)."""
    authors = authors_of(record)
    journal = record.journal
    venue = (journal.title or journal.iso_abbreviation or journal.medline_ta) if journal else None
    venue = venue or record.book_title
    pt_names = tuple(pt.name for pt in record.publication_types)
    first, last = normalise_pages(record.pages)
    variants = title_variants(record.title or record.vernacular_title)
    return Prepared(
        index=index,
        record_id=record_id if record_id is not None else record.key,
        is_pubmed=record.source == "pubmed" and record.pmid is not None,
        pmid=normalise_pmid(record.pmid),
        pmcid=normalise_pmcid(record.pmcid),
        doi=normalise_doi(record.doi),
        title=variants[0] if variants else "",
        variants=variants if len(variants) > 1 else (),
        translated=len(variants) > 1 or (record.title or "").lstrip().startswith("["),
        title_digits="".join(_NUMBER.findall(variants[0])) if variants else "",
        authors=authors,
        author_text=" ".join(f"{last_name} {initial}".strip() for last_name, initial in authors),
        journal=_journal_words(journal, record.book_title),
        year=record.year,
        volume=normalise_volume(record.volume),
        page_first=first,
        page_last=last,
        kind=notice_kind(record.title, pt_names, tuple(cc.ref_type for cc in record.comments_corrections)),
        conference=is_conference(pt_names, venue),
        nct_ids=record.nct_ids,
    )


def _journal_words(journal, book_title: str | None) -> tuple[str, ...]:
    if journal is None:
        return normalise_journal(book_title)
    words: list[str] = []
    for name in (journal.title, journal.iso_abbreviation, journal.medline_ta):
        for word in normalise_journal(name):
            if word not in words:
                words.append(word)
    return tuple(words) or normalise_journal(book_title)

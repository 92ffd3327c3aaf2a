"""Matching: score candidate pairs field by field and decide each with an explicit rule.

For a review, merging two different articles (a study silently lost) is worse than keeping
two copies of one (a second look at the same abstract), so the rules are asymmetric:

* a pair is merged only when a named rule fires on agreeing evidence — an identifier
  (PMID, PMCID, DOI with agreeing titles), or a near-identical title corroborated by
  authors and bibliographic details (journal, volume, pages, year);
* a pair is **never** merged when its records are of different kinds — an article and an
  erratum, retraction notice, expression of concern, comment or reply concerning it — or
  when one is a conference paper/abstract and the other not (a different report of the
  work, linked as one study by `studies`, not a copy);
* a pair whose evidence conflicts (different PMIDs, different DOIs, different first pages
  or volumes, a DOI shared by clearly different titles) but is otherwise strong is sent to
  the review queue, not decided by the machine.

Every decision carries the rule's name and the field scores (0–100, or None when a field
is missing on either side), which are stored with each merge and written to pairs.csv.

Title similarity is computed for all candidate pairs at once with
`rapidfuzz.process.cpdist` (vectorised, every core); the remaining scores only for the
pairs whose titles or identifiers make them plausible.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
from rapidfuzz import fuzz, process

from mbc_sr.dedup.kinds import ARTICLE
from mbc_sr.dedup.normalise import Prepared

__all__ = ["DUPLICATE", "REVIEW", "DISTINCT", "PairDecision", "MatchResult", "journals_compatible", "match_pairs"]

DUPLICATE, REVIEW, DISTINCT = "duplicate", "review", "distinct"

#: below this title similarity a pair without a shared identifier is not looked at further
TITLE_FLOOR = 70
#: a DOI shared by titles this dissimilar is a collision (supplement, conference book, error)
DOI_COLLISION_TITLE = 60


@dataclass(slots=True)
class PairDecision:
    """The decision on one candidate pair (indices into the prepared records)."""

    left: int
    right: int
    decision: str  # DUPLICATE, REVIEW or DISTINCT
    rule: str
    scores: dict[str, float | int | None] = field(default_factory=dict)


@dataclass(slots=True)
class MatchResult:
    """Decided pairs worth keeping: duplicates, review items, and cannot-link pairs (distinct
    for a reason that must also hold transitively: notices, conflicting identifiers)."""

    duplicates: list[PairDecision]
    review: list[PairDecision]
    cannot_link: list[PairDecision]
    compared: int


@lru_cache(maxsize=1 << 16)  # journal names repeat: most pairs compare a few hundred names
def journals_compatible(a: tuple[str, ...], b: tuple[str, ...]) -> int | None:
    """0–100: how well two journal names (as `normalise_journal` words) agree.

    100 for the same words; 90 when one reads as an abbreviation of the other (each word of
    the shorter a prefix of a word of the longer, in order: "j parenter enteral nutr" and
    "journal parenteral enteral nutrition"); else the share of the shorter name's words
    found in the longer one. None when either is missing.
    """
    if not a or not b:
        return None
    if a == b:
        return 100
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    position = 0
    for word in short:
        while position < len(long) and not long[position].startswith(word):
            position += 1
        if position == len(long):
            break
        position += 1
    else:
        return 90
    found = sum(1 for word in short if any(other.startswith(word) or word.startswith(other) for other in long))
    return round(100 * found / len(short))


def author_score(a: Prepared, b: Prepared) -> tuple[int | None, bool, bool]:
    """(0–100 agreement of the author lists, same first author, lengths compatible).

    Databases truncate long author lists (to 3, 6, 10, 20 names or "et al."), so the score is
    the share of the shorter list's last names found in the longer one (fuzzy, for
    transliterations and lost characters). Lengths are "compatible" when equal or when the
    shorter list has at least 3 names: a sole author against two or more is the mark of a
    different paper, not of truncation. None when either list is empty.
    """
    if not a.authors or not b.authors:
        return None, False, True
    short, long = (a.authors, b.authors) if len(a.authors) <= len(b.authors) else (b.authors, a.authors)
    long_names = [name for name, _ in long]
    found = 0
    for name, _initial in short:
        if name in long_names or process.extractOne(name, long_names, scorer=fuzz.ratio, score_cutoff=80) is not None:
            found += 1
    first_a, first_b = a.authors[0][0], b.authors[0][0]
    same_first = first_a == first_b or fuzz.ratio(first_a, first_b) >= 80
    compatible = len(short) == len(long) or len(short) >= 3
    return round(100 * found / len(short)), same_first, compatible


def _same_page(a: Prepared, b: Prepared) -> bool | None:
    if not a.page_first or not b.page_first:
        return None
    if a.page_first == b.page_first:
        return True
    for x, y in ((a, b), (b, a)):
        if not x.page_last and y.page_last and x.page_first == y.page_last:
            return None  # "569" against "567-569": the range's end page given alone
    digits_a = "".join(ch for ch in a.page_first if ch.isdigit())
    digits_b = "".join(ch for ch in b.page_first if ch.isdigit())
    if digits_a and digits_a == digits_b:
        return True  # "e123" / "123", "S10" / "10"
    for x, y in ((a.page_first, b.page_first), (b.page_first, a.page_first)):
        if x[:1].isalpha() and x[:1] != "s" and x[1:].isdigit() and len(x) >= 4 and y.isdigit():
            return None  # an article number ("e12724", BMJ's "c1804") against printed pages
    return False


def _same_volume(a: Prepared, b: Prepared) -> bool | None:
    if not a.volume or not b.volume:
        return None
    return a.volume == b.volume


def _supplement_page(page: str) -> bool:
    """A supplement or abstract-book page ("S12", "81A"), where many abstracts share a page."""
    return page[:1] == "s" or (page[-1:].isalpha() and page[:-1].isdigit())


def _both(x, y) -> bool:
    return bool(x) and bool(y)


def decide(a: Prepared, b: Prepared, title: float) -> PairDecision:
    """The rule that decides the pair (a, b) whose normalised titles score `title`."""
    scores: dict[str, float | int | None] = {"title": round(float(title), 1)}
    result = lambda decision, rule: PairDecision(a.index, b.index, decision, rule, scores)  # noqa: E731

    if _both(a.pmid, b.pmid) and a.pmid == b.pmid:
        return result(DUPLICATE, "same PMID")
    if _both(a.pmcid, b.pmcid) and a.pmcid == b.pmcid:
        return result(DUPLICATE, "same PMCID")
    if a.kind != b.kind:
        return result(DISTINCT, f"never merged: {a.kind} and {b.kind}")

    authors, same_first, lengths_ok = author_score(a, b)
    journal = journals_compatible(a.journal, b.journal)
    page, volume = _same_page(a, b), _same_volume(a, b)
    year_gap = abs(a.year - b.year) if a.year and b.year else None
    scores.update(
        authors=authors, journal=journal, year_gap=year_gap,
        volume=None if volume is None else int(volume) * 100, pages=None if page is None else int(page) * 100,
    )  # fmt: skip
    if not a.title or not b.title:
        title = 0.0

    if _both(a.doi, b.doi) and a.doi == b.doi:
        if title >= 85 or (title >= 70 and (authors or 0) >= 80):
            return result(DUPLICATE, "same DOI")
        if title < DOI_COLLISION_TITLE and a.title and b.title:
            return result(REVIEW, "DOI collision: one DOI, different titles")
        return result(REVIEW, "same DOI, titles differ")

    if year_gap is not None and year_gap > 1:
        return result(DISTINCT, "years differ by more than one")
    conflicts = []
    if _both(a.pmid, b.pmid):
        conflicts.append("different PMIDs")
    if _both(a.doi, b.doi):
        conflicts.append("different DOIs")
    same_issue = (volume and page) or (
        year_gap == 0 and (journal or 0) >= 80 and volume is not False and page is not False
    )  # fmt: skip
    if a.conference != b.conference and not same_issue:
        # (a meeting abstract printed in a journal, indexed as a conference abstract by one
        # database and as an article by another, is one item: same journal and year, and
        # volume and page do not disagree)
        conflicts.append("conference paper vs journal article")
    digits_a, digits_b = a.title_digits, b.title_digits
    if digits_a and digits_b and not (digits_a.startswith(digits_b) or digits_b.startswith(digits_a)):
        # "5-year" vs "3-year results", "HPV 16" vs "HPV 18", notices "published online April 9"
        # vs "April 19": titles of one article do not disagree on their numbers. Digits are
        # compared in order without separators ("10.1016" = "101016" once punctuation is
        # stripped); a cut title may lose its last numbers, hence the prefix test.
        conflicts.append("different numbers in the titles")
    if volume is False:
        conflicts.append("different volumes")
    if page is False:
        conflicts.append("different first pages")

    if title < TITLE_FLOOR:
        # a translated or re-worded title: the same place in the same journal by the same
        # authors is still the same article (but not on a supplement page, which many
        # conference abstracts by one group can share)
        if (
            (a.translated or b.translated) and not conflicts and volume and page and year_gap == 0
            and not a.conference and authors is not None and authors >= 90 and same_first and lengths_ok
            and len(a.authors) >= 2 and (journal is None or journal >= 67) and a.kind == ARTICLE
            and not _supplement_page(a.page_first)
        ):  # fmt: skip
            return result(DUPLICATE, "same authors, journal volume and first page; title translated or re-worded")
        return result(DISTINCT, "titles differ")

    strong_authors = authors is None or (authors >= 80 and same_first)
    full_citation = (
        page is True and a.page_last and a.page_last == b.page_last and volume is True and year_gap == 0
        and journal is not None and journal >= 80
    )  # fmt: skip
    if a.kind != ARTICLE:
        # notices have generic titles ("Erratum", "Correction"): only the same place in the
        # same journal makes two of them one notice
        if not conflicts and title >= 95 and page and (volume is not False) and (journal or 0) >= 80:
            return result(DUPLICATE, f"same {a.kind}: title, journal and pages")
        if not conflicts and title >= 95:
            return result(REVIEW, f"{a.kind}s with similar titles")
        return result(DISTINCT, f"{a.kind}s of different articles")
    if conflicts:
        if title >= 95 and strong_authors and lengths_ok:
            return result(REVIEW, "similar, but " + ", ".join(conflicts))
        return result(DISTINCT, ", ".join(conflicts))

    # agreeing details beyond title and authors; a year apart (epub vs issue) needs two of
    # volume, page and journal, and journals that clearly disagree need volume and page both
    corroboration = sum((volume is True, page is True, (journal or 0) >= 80, year_gap == 0))
    if journal is not None and journal < 50 and not (volume and page):
        corroboration = 0
    if title >= 95 and authors is not None and strong_authors and lengths_ok and corroboration >= 2:
        return result(DUPLICATE, "same title and authors, bibliographic details agree")
    if (
        title >= 97 and authors == 100 and same_first and len(a.authors) == len(b.authors) >= 2 and year_gap == 0
    ):  # conference papers carry neither volume nor pages, and venue names vary freely
        return result(DUPLICATE, "same title, same author list, same year")
    if title >= 97 and full_citation:
        # author fields are what databases export least consistently (group authors, given
        # and family names swapped, transliterations): an identical full citation decides
        return result(DUPLICATE, "same title and full citation (journal, year, volume, page range)")
    if title >= 85 and volume and page and year_gap is not None and (authors is None or authors >= 50):
        return result(DUPLICATE, "similar title, same volume and first page")
    if title >= 95 and authors is None and corroboration >= 3:
        return result(DUPLICATE, "same title, journal, volume/pages and year (no authors on one side)")
    if title >= 90 and (authors is None or authors >= 60):
        return result(REVIEW, "similar title, too little corroboration")
    return result(DISTINCT, "not enough agreement")


_CANNOT_LINK_RULES = ("never merged:", "different PMIDs", "different DOIs", "conference paper")


def match_pairs(prepared: Sequence[Prepared], pairs: np.ndarray) -> MatchResult:
    """Decide every candidate pair (an (m, 2) index array from `block.candidate_pairs`)."""
    if len(pairs) == 0:
        return MatchResult([], [], [], 0)
    titles = np.array([p.title for p in prepared], dtype=object)
    left, right = pairs[:, 0], pairs[:, 1]
    ratio = process.cpdist(titles[left], titles[right], scorer=fuzz.ratio, workers=-1)
    sort = process.cpdist(titles[left], titles[right], scorer=fuzz.token_sort_ratio, workers=-1)
    title_scores = np.maximum(ratio, sort).astype(float)
    has_id = np.array([bool(p.doi or p.pmid or p.pmcid) for p in prepared])
    place = np.array([f"{p.volume}:{p.page_first}" if p.volume and p.page_first else "" for p in prepared], dtype=object)
    same_place = (place[left] == place[right]) & (place[left] != "")
    variants = np.array([bool(p.variants) for p in prepared])
    plausible = (title_scores >= TITLE_FLOOR) | (has_id[left] & has_id[right]) | same_place
    plausible |= variants[left] | variants[right]
    # a title that is the other minus its subtitle scores low on ratio: a cheap prefix test
    # finds those few among the many unrelated pairs of the same block
    for k in np.flatnonzero((title_scores >= 40) & ~plausible):
        x, y = titles[left[k]], titles[right[k]]
        short, long = (x, y) if len(x) <= len(y) else (y, x)
        if short and long.startswith(short + " "):
            plausible[k] = True
    duplicates: list[PairDecision] = []
    review: list[PairDecision] = []
    cannot_link: list[PairDecision] = []
    for k in np.flatnonzero(plausible):
        i, j = int(left[k]), int(right[k])
        a, b = prepared[i], prepared[j]
        title = _best_title_score(a, b, float(title_scores[k]))
        decision = decide(a, b, title)
        if decision.decision == DUPLICATE:
            duplicates.append(decision)
        elif decision.decision == REVIEW:
            review.append(decision)
            if any(marker in decision.rule for marker in _CANNOT_LINK_RULES):
                cannot_link.append(decision)
        elif decision.rule.startswith(_CANNOT_LINK_RULES):
            cannot_link.append(decision)
    # notice pairs whose titles differ a lot were never decided above; they cannot be merged
    # by a chain of other merges either, so they are cannot-link too
    kinds = np.array([p.kind for p in prepared], dtype=object)
    differ = (kinds[left] != kinds[right]) & ~plausible
    for k in np.flatnonzero(differ):
        a, b = prepared[int(left[k])], prepared[int(right[k])]
        cannot_link.append(PairDecision(a.index, b.index, DISTINCT, f"never merged: {a.kind} and {b.kind}", {}))
    return MatchResult(duplicates, review, cannot_link, len(pairs))


def _best_title_score(a: Prepared, b: Prepared, score: float) -> float:
    """The pair's title score: the best over the records' title variants (other-language
    versions in one field), and 90 for a title that is the other minus its subtitle when the
    shorter has at least 6 words (databases drop subtitles; 6 words are specific)."""
    if a.variants or b.variants:
        for x in a.variants or (a.title,):
            for y in b.variants or (b.title,):
                if x and y:
                    score = max(score, fuzz.ratio(x, y), fuzz.token_sort_ratio(x, y))
    if score >= 90 or not a.title or not b.title:
        return score
    for x in a.variants or (a.title,):
        for y in b.variants or (b.title,):
            short, long = (x, y) if len(x) <= len(y) else (y, x)
            if len(short.split()) >= 6 and long.startswith(short + " "):
                return max(score, 90.0)
    return score

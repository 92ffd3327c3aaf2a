"""Blocking: which pairs of records are worth comparing at all.

Comparing every pair costs n²/2 (5·10⁹ pairs at 100k records). Instead every record gets a
few keys, and only records that share a key are compared. The keys are chosen so that a
duplicate pair shares at least one of them even when any single field is damaged:

* identifiers — normalised DOI, PMID, PMCID;
* the first 24 and the last 24 characters of the normalised title (a typo, a translated
  tail or a lost subtitle breaks one end, rarely both);
* the title's two rarest words in the collection (robust to reordering and to damage at
  both ends; rare words are what makes a title specific);
* first author's last name + year (a re-worded or translated title);
* volume + first page (bibliographic details when the title is garbled).

A block whose records are few is compared all-against-all. A large block (a common name
and year, a frequent title opening) is not: its titles are compared at once with
`rapidfuzz.process.cdist` (vectorised, all cores) and only pairs whose titles are at least
loosely similar (`LARGE_BLOCK_TITLE_CUTOFF`) go on. Large blocks are capped
(`MAX_BLOCK`): beyond that a key says nothing specific, and the other keys carry the pair.
So cost grows with n × (block size), near-linear for bibliographic data.

Pairs are (i, j) record indices with i < j, as a sorted, duplicate-free numpy array.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from itertools import combinations
from collections.abc import Sequence

import numpy as np
from rapidfuzz import fuzz, process

from mbc_sr.dedup.normalise import Prepared

__all__ = ["SMALL_BLOCK", "MAX_BLOCK", "block_keys", "candidate_pairs"]

#: blocks up to this size are compared all-against-all
SMALL_BLOCK = 24
#: records sharing one identifier are all compared (a DOI shared by different titles must be
#: flagged, and a cdist filter on titles would hide exactly those pairs)
IDENTIFIER_BLOCK = 200
_IDENTIFIER_KEYS = ("doi:", "pmid:", "pmc:")
#: blocks above this size are ignored (a key that common identifies nothing)
MAX_BLOCK = 3000
#: in a large block, pairs whose titles score below this (fuzz.ratio) are not candidates
LARGE_BLOCK_TITLE_CUTOFF = 60

_TITLE_END = 24
_MIN_TITLE = 12  # shorter normalised titles ("editorial", "erratum") make keys for nothing


def block_keys(prepared: Prepared, rare_words: tuple[str, ...] = ()) -> list[str]:
    """The blocking keys of one record (see the module docstring)."""
    keys: list[str] = []
    if prepared.doi:
        keys.append("doi:" + prepared.doi)
    if prepared.pmid:
        keys.append("pmid:" + prepared.pmid)
    if prepared.pmcid:
        keys.append("pmc:" + prepared.pmcid)
    for title in (prepared.title, *prepared.variants[1:]):
        compact = title.replace(" ", "")
        if len(compact) >= _MIN_TITLE:
            keys.append("t<" + compact[:_TITLE_END])
            keys.append("t>" + compact[-_TITLE_END:])
    if len(rare_words) == 2:
        keys.append("w:" + " ".join(sorted(rare_words)))
    if prepared.authors and prepared.year:
        keys.append(f"a:{prepared.authors[0][0]}:{prepared.year}")
    if prepared.volume and prepared.page_first:
        keys.append(f"vp:{prepared.volume}:{prepared.page_first}")
    return list(dict.fromkeys(keys))  # a title variant can repeat a key of the main title


def _rare_words(prepared: Sequence[Prepared]) -> list[tuple[str, ...]]:
    """Each title's two rarest words (length ≥ 4; ties broken alphabetically)."""
    words_of = [tuple({w for w in p.title.split() if len(w) >= 4}) for p in prepared]
    frequency = Counter(word for words in words_of for word in words)
    return [tuple(sorted(words, key=lambda w: (frequency[w], w))[:2]) for words in words_of]


def candidate_pairs(prepared: Sequence[Prepared], *, new_from: int = 0) -> np.ndarray:
    """Candidate pairs as an (m, 2) int64 array of indices into `prepared`, i < j, unique.

    With `new_from` > 0 (update-aware runs) records before that index are already
    deduplicated among themselves: only pairs with at least one record at or after
    `new_from` are produced.
    """
    n = len(prepared)
    if n < 2:
        return np.empty((0, 2), dtype=np.int64)
    rare = _rare_words(prepared)
    blocks: dict[str, list[int]] = defaultdict(list)
    for index, item in enumerate(prepared):
        for key in block_keys(item, rare[index]):
            blocks[key].append(index)

    codes: list[int] = []  # pair (i, j), i < j, as i * n + j
    chunks: list[np.ndarray] = []
    for key, members in blocks.items():
        size = len(members)
        if size < 2 or size > MAX_BLOCK:
            continue
        if new_from and members[-1] < new_from:
            continue  # only old records: compared in an earlier run
        if size <= SMALL_BLOCK or (size <= IDENTIFIER_BLOCK and key.startswith(_IDENTIFIER_KEYS)):
            # most blocks hold two or three records: plain Python beats numpy's per-call cost
            for a, b in combinations(members, 2):
                if a != b and (not new_from or b >= new_from):  # members are in index order
                    codes.append(a * n + b)
            continue
        idx = np.asarray(members, dtype=np.int64)
        titles = [prepared[m].title for m in members]
        scores = process.cdist(
            titles, titles, scorer=fuzz.ratio, score_cutoff=LARGE_BLOCK_TITLE_CUTOFF, dtype=np.uint8, workers=-1
        )
        i, j = np.nonzero(np.triu(scores, k=1))
        left, right = idx[i], idx[j]
        if new_from:
            keep = (left >= new_from) | (right >= new_from)
            left, right = left[keep], right[keep]
        chunks.append(np.minimum(left, right) * n + np.maximum(left, right))
    chunks.append(np.asarray(codes, dtype=np.int64))
    merged = np.unique(np.concatenate(chunks))
    merged = merged[merged // n != merged % n]
    if len(merged) == 0:
        return np.empty((0, 2), dtype=np.int64)
    codes_array = merged
    return np.stack([codes_array // n, codes_array % n], axis=1)

"""A small PubMed query evaluator for the NCBI stand-in (test infrastructure only).

The stand-in has to decide which of its records a query matches. This does just enough of
PubMed's syntax for the review's saved search and the tests, over title/abstract words,
MeSH descriptor names, publication types and languages:

* terms: `word`, `"a phrase"`, a trailing `*` wildcard, each optionally tagged `[tiab]`,
  `[ti]`, `[ab]`, `[tw]`, `[all]`, `[mh]`/`[mesh]`/`[majr]`, `[pt]`, `[la]`, `[sb]`
  (`all[sb]` is every record), `[pmid]`/`[uid]`, `[dp]` (year);
* Boolean `AND`, `OR`, `NOT` (upper case), evaluated left to right as PubMed does, and
  parentheses; words side by side are ANDed;
* no automatic term mapping and no MeSH explosion (`[mh]` is an exact descriptor name).

It is deliberately not the project's local query evaluator (`mbc_sr.sources.query`, issue
4): the stand-in plays PubMed, and must not share code with the client it tests.
Unknown field tags are reported as `FieldNotFound`; phrases the stand-in is told PubMed
does not know (`unknown_phrases`) are dropped and reported as `PhraseNotFound`, as PubMed
does (../shared/data/entrez/biopython/Entrez/esearch8.xml).
"""

from __future__ import annotations

import bisect
import re
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field

WORD = re.compile(r"[a-z0-9]+")
_TOKEN = re.compile(r'\s*(?:(\()|(\))|("[^"]*"|[^\s()"\[]+)(\[[^\]]*\])?)')

FIELD_NAMES = {
    "tiab": "Title/Abstract", "ti": "Title", "ab": "Abstract", "tw": "Text Word", "all": "All Fields",
    "mh": "MeSH Terms", "mesh": "MeSH Terms", "majr": "MeSH Major Topic", "pt": "Publication Type",
    "la": "Language", "sb": "Filter", "pmid": "PMID", "uid": "UID", "dp": "Publication Date",
}  # fmt: skip
LANGUAGES = {"english": "eng", "french": "fre", "german": "ger", "spanish": "spa", "chinese": "chi", "japanese": "jpn"}


def words(text: str) -> list[str]:
    return WORD.findall(text.lower())


@dataclass(slots=True)
class Doc:
    """What the evaluator needs of one record."""

    pmid: str
    title: list[str]
    abstract: list[str]
    mesh: set[str]
    major_mesh: set[str]
    types: set[str]
    languages: set[str]
    year: int | None


@dataclass(slots=True)
class Evaluation:
    pmids: set[str]
    translation: str
    errors: dict[str, list[str]] = field(default_factory=dict)
    translations: list[tuple[str, str]] = field(default_factory=list)


class QuerySyntaxError(ValueError):
    pass


class Index:
    """Inverted word indexes over a set of docs. The word maps are built on the first word
    query (a few seconds for 20,000 records), so `all[sb]` or MeSH-only queries skip them."""

    def __init__(self, docs: Iterable[Doc]):
        self.docs = {doc.pmid: doc for doc in docs}
        self._words: tuple[dict[str, set[str]], dict[str, set[str]], list[str]] | None = None
        self._lock = threading.Lock()

    def _maps(self) -> tuple[dict[str, set[str]], dict[str, set[str]], list[str]]:
        with self._lock:
            if self._words is None:
                title: dict[str, set[str]] = {}
                abstract: dict[str, set[str]] = {}
                for doc in self.docs.values():
                    for word in doc.title:
                        title.setdefault(word, set()).add(doc.pmid)
                    for word in doc.abstract:
                        abstract.setdefault(word, set()).add(doc.pmid)
                self._words = (title, abstract, sorted(set(title) | set(abstract)))
            return self._words

    def expand(self, stem: str) -> list[str]:
        vocabulary = self._maps()[2]
        start = bisect.bisect_left(vocabulary, stem)
        found = []
        for word in vocabulary[start:]:
            if not word.startswith(stem):
                break
            found.append(word)
        return found

    def candidates(self, word: str, parts: tuple[str, ...], wildcard: bool) -> set[str]:
        title, abstract, _ = self._maps()
        maps = {"title": title, "abstract": abstract}
        forms = self.expand(word) if wildcard else [word]
        found: set[str] = set()
        for form in forms:
            for part in parts:
                found |= maps[part].get(form, set())
        return found


def evaluate(query: str, index: Index, *, unknown_phrases: Iterable[str] = ()) -> Evaluation:
    tokens = _tokenise(query)
    unknown = {" ".join(words(p)) for p in unknown_phrases}
    state = {"errors": {}, "translations": []}
    position, pmids, translation = _expression(tokens, 0, index, unknown, state)
    if position != len(tokens):
        raise QuerySyntaxError(f"unexpected {tokens[position]!r}")
    return Evaluation(pmids, translation, state["errors"], state["translations"])


def _tokenise(query: str) -> list[tuple[str, str]]:
    tokens: list[tuple[str, str]] = []
    position = 0
    query = query.strip()
    while position < len(query):
        match = _TOKEN.match(query, position)
        if not match or match.end() == position:
            raise QuerySyntaxError(f"cannot read the query at {query[position:position + 20]!r}")
        position = match.end()
        if match.group(1):
            tokens.append(("(", "("))
        elif match.group(2):
            tokens.append((")", ")"))
        else:
            text, tag = match.group(3), (match.group(4) or "")[1:-1].strip().lower()
            if not tag and text in ("AND", "OR", "NOT"):
                tokens.append(("op", text))
            else:
                tokens.append(("term", f"{text}\x00{tag}"))
    return tokens


def _expression(tokens, position, index, unknown, state):
    position, result, shown = _primary(tokens, position, index, unknown, state)
    parts = [shown]
    while position < len(tokens) and tokens[position][0] != ")":
        operator = "AND"
        if tokens[position][0] == "op":
            operator = tokens[position][1]
            position += 1
        position, operand, shown = _primary(tokens, position, index, unknown, state)
        if shown is None:  # a dropped phrase: PubMed searches without it
            continue
        if parts == [None]:
            result, parts = operand, [shown]
            continue
        result = result | operand if operator == "OR" else result - operand if operator == "NOT" else result & operand
        parts.append(f"{operator} {shown}")
    return position, result, " ".join(p for p in parts if p is not None) or None


def _primary(tokens, position, index, unknown, state):
    if position >= len(tokens):
        raise QuerySyntaxError("the query ends too early")
    kind, value = tokens[position]
    if kind == "(":
        position, result, shown = _expression(tokens, position + 1, index, unknown, state)
        if position >= len(tokens) or tokens[position][0] != ")":
            raise QuerySyntaxError("unbalanced parentheses")
        return position + 1, result, f"({shown})" if shown else None
    if kind != "term":
        raise QuerySyntaxError(f"unexpected {value!r}")
    text, tag = value.split("\x00")
    return position + 1, *_term(text, tag, index, unknown, state)


def _term(text: str, tag: str, index: Index, unknown, state) -> tuple[set[str], str | None]:
    quoted = text.startswith('"')
    bare = text.strip('"')
    wildcard = bare.endswith("*")
    phrase = words(bare)
    if " ".join(phrase) in unknown:
        state["errors"].setdefault("PhraseNotFound", []).append(bare)
        return set(), None
    if tag and tag not in FIELD_NAMES:
        state["errors"].setdefault("FieldNotFound", []).append(f"[{tag}]")
        return set(), None
    shown_text = f'"{bare.lower()}"' if quoted or not wildcard else bare.lower()
    shown = f"{shown_text}[{FIELD_NAMES.get(tag or 'all')}]"
    if not tag:
        state["translations"].append((bare, shown))
    docs = index.docs
    if tag in ("mh", "mesh", "majr"):
        name = " ".join(bare.lower().split())
        pool = "major_mesh" if tag == "majr" else "mesh"
        if wildcard:
            stem = name[:-1]
            return {p for p, d in docs.items() if any(m.startswith(stem) for m in getattr(d, pool))}, shown
        return {p for p, d in docs.items() if name in getattr(d, pool)}, shown
    if tag == "pt":
        name = " ".join(bare.lower().split())
        return {p for p, d in docs.items() if name in d.types}, shown
    if tag == "la":
        code = LANGUAGES.get(bare.lower(), bare.lower())
        return {p for p, d in docs.items() if code in d.languages}, shown
    if tag == "sb":
        return (set(docs) if bare.lower() == "all" else set()), shown
    if tag in ("pmid", "uid"):
        return ({bare} & set(docs)), shown
    if tag == "dp":
        return {p for p, d in docs.items() if d.year is not None and str(d.year).startswith(bare[:4])}, shown
    parts = {"ti": ("title",), "ab": ("abstract",)}.get(tag, ("title", "abstract"))
    found = _phrase(phrase, wildcard, parts, index)
    if tag in ("", "all"):
        name = " ".join(bare.lower().split())
        found |= {p for p, d in docs.items() if name in d.mesh or name in d.types}
    return found, shown


def _phrase(phrase: list[str], wildcard: bool, parts: tuple[str, ...], index: Index) -> set[str]:
    if not phrase:
        return set()
    last = len(phrase) - 1
    candidates: set[str] | None = None
    for position, word in enumerate(phrase):
        found = index.candidates(word, parts, wildcard and position == last)
        candidates = found if candidates is None else candidates & found
        if not candidates:
            return set()
    if len(phrase) == 1:
        return candidates or set()
    return {pmid for pmid in candidates or () if _has_run(index.docs[pmid], phrase, wildcard, parts)}


def _has_run(doc: Doc, phrase: list[str], wildcard: bool, parts: tuple[str, ...]) -> bool:
    for part in parts:
        text = getattr(doc, part)
        for start in range(len(text) - len(phrase) + 1):
            if all(
                text[start + i] == word or (wildcard and i == len(phrase) - 1 and text[start + i].startswith(word))
                for i, word in enumerate(phrase)
            ):
                return True
    return False

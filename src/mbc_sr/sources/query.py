"""The local PubMed query evaluator: does a record match the review's PubMed query?

It runs the same query string the live source sends to PubMed (`config/review.toml`'s
saved search, white space collapsed) over records parsed from PubMed XML, so a team that
mirrors PubMed can search locally at full scale and the demo and tests can run the real
search offline. The grammar is in `mbc_sr.sources.query_parse`; what each field tag searches
is in `mbc_sr.sources.query_fields`.

Semantics, and where they knowingly differ from PubMed:

* A term matches whole words; a phrase matches consecutive words; a trailing ``*`` matches
  any word starting with the stem ("metasta*" → metastasis, metastatic, ...). Letters are
  compared without case or diacritics; punctuation separates words, so "RAD-001" also finds
  "RAD 001" (and "RAD001" is a different word, as in PubMed).
* **Automatic term mapping is not reproduced.** PubMed translates an untagged term through
  its MeSH, journal and author tables; here an untagged term searches title, abstract, MeSH
  headings, keywords and substance names as words. Tag every term of a saved search (the
  review's query does) and both agree.
* **MeSH explosion needs a tree file.** ``[mh]`` matches a descriptor name exactly (or by
  its stem with ``*``); PubMed also matches every narrower descriptor below it in the MeSH
  tree. With a tree file (NLM's ``mtrees<year>.bin``: ``Name;TreeNumber`` lines) `[mh]`
  and `[majr]` explode too; without one they behave as ``[mh:noexp]`` / ``[majr:noexp]``,
  and `provenance()` says so (the search run stores it).
* ``[dp]`` is the journal issue date (PubMed also indexes the electronic publication date,
  which the record model does not keep). A partial date is the period it names, and a
  record matches a date range when its period overlaps the range.
* ``[au]`` takes "Lastname" (any initials) or "Lastname I" (initials truncated: "smith j"
  matches Smith JA); full names ([fau]) are not supported.

Unsupported syntax, unknown tags and unknown languages raise `QueryError` naming the token
and its position.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from mbc_sr.records import Record
from mbc_sr.sources.query_fields import LANGUAGE_CODES, LANGUAGES, WORD_FIELDS, RecordView, period, words
from mbc_sr.sources.query_parse import BoolOp, DateRange, Node, QueryError, Term, parse_query

__all__ = ["EVALUATOR", "CompiledQuery", "MeshTree", "QueryError", "compile_query"]

#: named in every search run's manifest, so a later change of semantics is visible
EVALUATOR = "mbc_sr.sources.query/1"

Predicate = Callable[[RecordView], bool]


# --------------------------------------------------------------------------- MeSH tree


@dataclass(frozen=True, slots=True)
class MeshTree:
    """Descriptor → itself and every descriptor below it, from NLM's ``mtrees<year>.bin``."""

    narrower: dict[str, frozenset[str]]
    source: str
    sha256: str

    @classmethod
    def from_mtrees(cls, path: str | Path) -> MeshTree:
        path = Path(path)
        data = path.read_bytes()
        numbers: dict[str, list[str]] = {}
        for line_number, line in enumerate(data.decode("utf-8").splitlines(), start=1):
            if not line.strip():
                continue
            name, sep, number = line.rpartition(";")
            if not sep or not name or not number:
                raise ValueError(f"{path}, line {line_number}: expected 'Descriptor Name;TreeNumber', got {line!r}")
            numbers.setdefault(words(name), []).append(number.strip())
        by_number = sorted((number, name) for name, nums in numbers.items() for number in nums)
        narrower: dict[str, set[str]] = {name: {name} for name in numbers}
        for index, (number, name) in enumerate(by_number):
            prefix = number + "."
            for below_number, below_name in by_number[index + 1 :]:
                if not below_number.startswith(prefix):
                    break
                narrower[name].add(below_name)
        frozen = {name: frozenset(names) for name, names in narrower.items()}
        return cls(frozen, str(path), hashlib.sha256(data).hexdigest())

    def explode(self, descriptor: str) -> frozenset[str]:
        return self.narrower.get(descriptor, frozenset((descriptor,)))


# --------------------------------------------------------------------------- compiling


@dataclass(slots=True)
class CompiledQuery:
    """A parsed query ready to run: `matches(record)`; `provenance()` for the run's manifest."""

    text: str
    tree: Node
    mesh_tree: MeshTree | None = None
    _predicate: Predicate = field(default=None, repr=False)  # type: ignore[assignment]
    fields_used: frozenset[str] = frozenset()

    def matches(self, record: Record) -> bool:
        return self._predicate(RecordView(record))

    def filter(self, records: Iterable[Record]) -> list[Record]:
        return [record for record in records if self.matches(record)]

    def provenance(self) -> dict:
        """What a methods section needs to know about how this search was run locally."""
        explodes = self.mesh_tree is not None
        uses_mesh = bool(self.fields_used & {"mh", "majr"})
        notes = ["PubMed's automatic term mapping is not reproduced: untagged terms search title, abstract, "
                 "MeSH, keywords and substances as words"]  # fmt: skip
        if uses_mesh and not explodes:
            notes.append("no MeSH tree file: [mh] and [majr] match the named descriptor only, as [mh:noexp] "
                         "(PubMed would also match narrower descriptors)")  # fmt: skip
        return {
            "evaluator": EVALUATOR,
            "query": self.text,
            "mesh_explosion": explodes,
            "mesh_tree": {"path": self.mesh_tree.source, "sha256": self.mesh_tree.sha256} if explodes else None,
            "notes": notes,
        }


def compile_query(text: str, *, mesh_tree: MeshTree | None = None) -> CompiledQuery:
    """Parse and compile `text`; raises `QueryError` for anything the evaluator cannot run."""
    tree = parse_query(text)
    used: set[str] = set()
    predicate = _compile(tree, mesh_tree, used)
    return CompiledQuery(text, tree, mesh_tree, predicate, frozenset(used))


def _compile(node: Node, tree: MeshTree | None, used: set[str]) -> Predicate:
    if isinstance(node, BoolOp):
        left, right = _compile(node.left, tree, used), _compile(node.right, tree, used)
        if node.op == "AND":
            return lambda view: left(view) and right(view)
        if node.op == "OR":
            return lambda view: left(view) or right(view)
        return lambda view: left(view) and not right(view)
    if isinstance(node, DateRange):
        used.add(node.field)
        return _date_range(node)
    name = node.field or "all"
    used.add(name.split(":")[0])
    if name in WORD_FIELDS:
        return _word_term(node, name)
    return _VALUE_COMPILERS[name](node, tree)


def _needle(node: Term) -> tuple[str, bool]:
    """The term as normalised words (" breast cancer " / " breast cancer" when truncated)."""
    truncated = node.truncated
    needle = words(node.text[:-1] if truncated else node.text)
    if not needle:
        raise QueryError("the term has no letters or digits to search for", node.text, node.position)
    return (needle[:-1] if truncated else needle), truncated


def _word_term(node: Term, name: str) -> Predicate:
    needle, _ = _needle(node)
    stems = needle.split()
    if len(stems) == 1:
        stem = stems[0]
        return lambda view: stem in view.raw(name) and needle in view.text(name)
    return lambda view: all(stem in view.raw(name) for stem in stems) and needle in view.text(name)


def _value_matcher(node: Term) -> Callable[[str], bool]:
    needle, truncated = _needle(node)
    if truncated:
        return lambda value: value.startswith(needle)
    return lambda value: value == needle


def _mesh(major: bool, explode: bool) -> Callable[[Term, MeshTree | None], Predicate]:
    """[mh] / [majr]: "Descriptor", "Descript*" or "Descriptor/qualifier" (that qualifier on it)."""

    def compile_mesh(node: Term, tree: MeshTree | None) -> Predicate:
        descriptor_text, slash, qualifier_text = node.text.partition("/")
        if slash and node.truncated:
            raise QueryError("'*' cannot truncate a descriptor/qualifier pair", node.text, node.position)
        descriptor = _value_matcher(Term(descriptor_text, position=node.position))
        wanted = words(qualifier_text) if slash else None
        if slash and not wanted:
            raise QueryError("empty MeSH qualifier after '/'", node.text, node.position)
        names: frozenset[str] | None = None
        if explode and tree is not None and not node.truncated:
            names = tree.explode(words(descriptor_text))
        field_name = "majr" if major else "mh"
        stems = [] if names is not None else words(descriptor_text.rstrip("*")).split()

        def match(view: RecordView) -> bool:
            if stems:
                raw = view.raw("mesh")
                if not all(stem in raw for stem in stems):
                    return False
            for name, qualifiers, descriptor_major in view.values(field_name):
                if not (name in names if names is not None else descriptor(name)):
                    continue
                if wanted is None:
                    return True
                if wanted in qualifiers and (not major or descriptor_major or qualifiers[wanted]):
                    return True
            return False

        return match

    return compile_mesh


def _plain(field_name: str) -> Callable[[Term, MeshTree | None], Predicate]:
    def compile_plain(node: Term, _tree: MeshTree | None) -> Predicate:
        matcher = _value_matcher(node)
        return lambda view: any(matcher(value) for value in view.values(field_name))

    return compile_plain


def _language(node: Term, _tree: MeshTree | None) -> Predicate:
    value = node.text.strip().lower()
    code = value if value in LANGUAGES else LANGUAGE_CODES.get(value)
    if code is None or node.truncated:
        raise QueryError("unknown language (use a MEDLINE code such as eng, or a name such as english)", node.text, node.position)
    return lambda view: code in view.values("la")


def _author(node: Term, _tree: MeshTree | None) -> Predicate:
    needle, truncated = _needle(node)
    parts = needle.split()
    prefix = needle
    if not truncated and len(parts) >= 2 and len(parts[-1]) <= 3:
        prefix = needle[:-1]  # "smith j" also finds "smith ja": PubMed truncates initials
    return lambda view: any(key.startswith(prefix) for key in view.values("au"))


def _date_range(node: DateRange) -> Predicate:
    try:
        first, last = _query_period(node.start), _query_period(node.end)
    except ValueError as exc:
        raise QueryError(f"not a calendar date ({exc})", f"{node.start}:{node.end}", node.position) from None
    start, end = first[0], last[1]
    if start > end:
        raise QueryError("the date range ends before it starts", f"{node.start}:{node.end}", node.position)
    field_name = node.field

    def match(view: RecordView) -> bool:
        found = view.values(field_name)
        return bool(found) and found[0] <= end and found[1] >= start

    return match


def _query_period(text: str):
    parts = [int(part) for part in text.replace("-", "/").split("/")]
    return period(parts[0], parts[1] if len(parts) > 1 else None, parts[2] if len(parts) > 2 else None)


_VALUE_COMPILERS: dict[str, Callable[[Term, MeshTree | None], Predicate]] = {
    "mh": _mesh(major=False, explode=True),
    "mh:noexp": _mesh(major=False, explode=False),
    "majr": _mesh(major=True, explode=True),
    "majr:noexp": _mesh(major=True, explode=False),
    "pt": _plain("pt"),
    "nm": _plain("nm"),
    "ta": _plain("ta"),
    "si": _plain("si"),
    "la": _language,
    "au": _author,
}

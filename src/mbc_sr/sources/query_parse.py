"""The PubMed query grammar: query text → syntax tree. (Evaluation is in `mbc_sr.sources.query`.)

What is accepted — the subset of PubMed's syntax a review's saved search uses:

* terms: bare words (``everolimus``, ``RAD001``, ``CCI-779``) and quoted phrases
  (``"breast cancer"``), each optionally followed by one field tag (``[tiab]``); a trailing
  ``*`` truncates the last word (``metasta*``, ``"breast cancer*"``);
* AND, OR, NOT (upper case, as PubMed requires), combined strictly left to right as PubMed
  does — ``a OR b AND c`` means ``(a OR b) AND c`` — and parentheses;
* date ranges: ``2010:2020[dp]``, ``"2010/01/01"[dp] : "2020/12/31"[dp]``,
  ``"2020/01/01:2021/06/30"[crdt]``.

Everything else is refused with a `QueryError` naming the offending token and its position
(0-based character offset into the query) — never silently ignored, since a term the
evaluator skipped would change what the review found: proximity (``[tiab:~3]``), history
references (``#1``), wildcards other than a trailing ``*``, unknown field tags, two terms
side by side without an operator (PubMed would apply automatic term mapping to them, which
is not reproduced: quote the phrase or write AND), and unbalanced parentheses or quotes.
"""

from __future__ import annotations

import re
import dataclasses
from dataclasses import dataclass

__all__ = [
    "DATE_FIELDS",
    "FIELD_TAGS",
    "BoolOp",
    "DateRange",
    "Node",
    "QueryError",
    "Term",
    "parse_query",
    "to_query",
]


class QueryError(ValueError):
    """A query the local evaluator cannot run; names the token and its character position."""

    def __init__(self, problem: str, token: str | None = None, position: int | None = None):
        self.problem = problem
        self.token = token
        self.position = position
        where = ""
        if position is not None:
            where = f"at character {position}"
            if token is not None:
                where += f" ({token!r})"
            where += ": "
        super().__init__(f"query error {where}{problem}")

    def __reduce__(self):  # picklable across process and Dask workers
        return (type(self), (self.problem, self.token, self.position))


# canonical field → the tags (lower case) that name it; the long forms are what PubMed's
# "search details" and E-utilities' QueryTranslation print
FIELD_TAGS: dict[str, tuple[str, ...]] = {
    "tiab": ("tiab", "title/abstract"),
    "ti": ("ti", "title"),
    "ab": ("ab", "abstract"),
    "tw": ("tw", "text word", "text words"),
    "mh": ("mh", "mesh", "mesh terms"),
    "mh:noexp": ("mh:noexp", "mesh:noexp", "mesh terms:noexp"),
    "majr": ("majr", "mesh major topic"),
    "majr:noexp": ("majr:noexp", "mesh major topic:noexp"),
    "pt": ("pt", "publication type"),
    "nm": ("nm", "substance name"),
    "la": ("la", "language"),
    "dp": ("dp", "date - publication", "publication date"),
    "crdt": ("crdt", "date - create", "create date"),
    "au": ("au", "author"),
    "ta": ("ta", "journal"),
    "si": ("si", "secondary source id"),
}
_TAG_TO_FIELD = {alias: name for name, aliases in FIELD_TAGS.items() for alias in aliases}
DATE_FIELDS = ("dp", "crdt")
OPERATORS = ("AND", "OR", "NOT")


# --------------------------------------------------------------------------- syntax tree


@dataclass(frozen=True, slots=True)
class Term:
    """A word or phrase, with its field (None: untagged). `text` is as written, without quotes."""

    text: str
    field: str | None = None
    quoted: bool = False
    position: int = dataclasses.field(default=0, compare=False)

    @property
    def truncated(self) -> bool:
        return self.text.endswith("*")


@dataclass(frozen=True, slots=True)
class DateRange:
    """``start:end[field]`` for a date field; both ends as written (YYYY, YYYY/MM or YYYY/MM/DD)."""

    start: str
    end: str
    field: str
    position: int = dataclasses.field(default=0, compare=False)


@dataclass(frozen=True, slots=True)
class BoolOp:
    """``left OP right``; NOT is binary as in PubMed (``a NOT b`` = a and not b)."""

    op: str
    left: Node
    right: Node


Node = Term | DateRange | BoolOp


# --------------------------------------------------------------------------- tokens


@dataclass(frozen=True, slots=True)
class _Token:
    kind: str  # "(" ")" "op" "word" "phrase" "tag" ":" "end"
    text: str
    position: int


# a bare word: anything up to white space, a parenthesis, a bracket or a quote
_WORD = re.compile(r'[^\s()\[\]"]+')
_DATE = re.compile(r"^(\d{4})(?:[/-](\d{1,2})(?:[/-](\d{1,2}))?)?$")


def _tokens(query: str) -> list[_Token]:
    tokens: list[_Token] = []
    index, length = 0, len(query)
    while index < length:
        char = query[index]
        if char.isspace():
            index += 1
        elif char in "()":
            tokens.append(_Token(char, char, index))
            index += 1
        elif char == '"':
            close = query.find('"', index + 1)
            if close < 0:
                raise QueryError("unclosed quote", query[index : index + 20], index)
            tokens.append(_Token("phrase", query[index + 1 : close], index))
            index = close + 1
        elif char == "[":
            close = query.find("]", index + 1)
            if close < 0:
                raise QueryError("unclosed field tag", query[index : index + 20], index)
            tokens.append(_Token("tag", query[index + 1 : close], index))
            index = close + 1
        elif char == "]":
            raise QueryError("']' without '['", "]", index)
        else:
            match = _WORD.match(query, index)
            text = match.group()
            if text in OPERATORS:
                tokens.append(_Token("op", text, index))
            elif text == ":":
                tokens.append(_Token(":", text, index))
            else:
                tokens.append(_Token("word", text, index))
            index = match.end()
    tokens.append(_Token("end", "", length))
    return tokens


# --------------------------------------------------------------------------- parser


class _Parser:
    def __init__(self, query: str):
        self.query = query
        self.tokens = _tokens(query)
        self.index = 0

    def peek(self, offset: int = 0) -> _Token:
        return self.tokens[min(self.index + offset, len(self.tokens) - 1)]

    def take(self) -> _Token:
        token = self.peek()
        self.index += 1
        return token

    def parse(self) -> Node:
        if self.peek().kind == "end":
            raise QueryError("empty query", "", 0)
        node = self.expression()
        token = self.peek()
        if token.kind == ")":
            raise QueryError("')' without '('", ")", token.position)
        if token.kind != "end":  # pragma: no cover - expression() stops only at ")" or the end
            raise QueryError("unexpected token", token.text, token.position)
        return node

    def expression(self) -> Node:
        """operand (OP operand)*, folded left to right: PubMed gives no operator precedence."""
        node = self.operand()
        while True:
            token = self.peek()
            if token.kind == "op":
                self.take()
                if self.peek().kind in ("end", ")", "op"):
                    raise QueryError(f"{token.text} needs a term after it", token.text, token.position)
                node = BoolOp(token.text, node, self.operand())
            elif token.kind in ("end", ")"):
                return node
            else:
                raise QueryError(
                    "two terms side by side without AND/OR/NOT: quote the phrase (\"...\") or join the "
                    "terms with AND (PubMed's automatic term mapping is not reproduced)",
                    token.text,
                    token.position,
                )

    def operand(self) -> Node:
        token = self.take()
        if token.kind == "(":
            if self.peek().kind == ")":
                raise QueryError("empty parentheses", "()", token.position)
            node = self.expression()
            close = self.take()
            if close.kind != ")":
                raise QueryError("'(' is never closed", "(", token.position)
            return node
        if token.kind in ("word", "phrase"):
            return self.term(token)
        if token.kind == "op":
            raise QueryError(f"{token.text} needs a term before it", token.text, token.position)
        if token.kind == "tag":
            raise QueryError("a field tag must follow a term", f"[{token.text}]", token.position)
        if token.kind == ":":
            raise QueryError("':' must join two dates of a range", ":", token.position)
        if token.kind == ")":
            raise QueryError("')' without a term before it", ")", token.position)
        raise QueryError("the query ends where a term was expected", "", token.position)

    def term(self, token: _Token) -> Node:
        quoted = token.kind == "phrase"
        text = token.text.strip()
        _check_term_text(text, quoted, token)
        field_name = None
        if self.peek().kind == "tag":
            tag = self.take()
            field_name = _field(tag)
        if field_name in DATE_FIELDS:
            return self.date_term(text, field_name, token)
        if ":" in text and field_name is None and not quoted and _looks_like_range(text):
            raise QueryError("a date range needs a date tag ([dp] or [crdt])", text, token.position)
        return Term(text, field_name, quoted, token.position)

    def date_term(self, text: str, field_name: str, token: _Token) -> Node:
        if text.count(":") == 1:
            start, end = (part.strip() for part in text.split(":"))
            _check_date(start, token)
            _check_date(end, token)
            return DateRange(start, end, field_name, token.position)
        if ":" in text:
            raise QueryError("a date range has exactly one ':'", text, token.position)
        _check_date(text, token)
        if self.peek().kind != ":":
            return DateRange(text, text, field_name, token.position)
        colon = self.take()
        end_token = self.take()
        if end_token.kind not in ("word", "phrase"):
            raise QueryError("a date range needs an end date after ':'", ":", colon.position)
        end_text = end_token.text.strip()
        _check_date(end_text, end_token)
        if self.peek().kind == "tag":
            end_field = _field(self.take())
            if end_field != field_name:
                raise QueryError(
                    f"the two ends of a date range must have the same tag ([{field_name}])",
                    end_token.text,
                    end_token.position,
                )
        return DateRange(text, end_text, field_name, token.position)


def _field(tag: _Token) -> str:
    name = _TAG_TO_FIELD.get(" ".join(tag.text.lower().split()))
    if name is None:
        if "~" in tag.text:
            problem = "proximity searching is not supported"
        else:
            known = ", ".join(f"[{f}]" for f in FIELD_TAGS)
            problem = f"unsupported field tag (supported: {known})"
        raise QueryError(problem, f"[{tag.text}]", tag.position)
    return name


def _check_term_text(text: str, quoted: bool, token: _Token) -> None:
    if not text:
        raise QueryError("empty phrase", '""', token.position)
    if text.startswith("#"):
        raise QueryError("search-history references (#1) are not supported", text, token.position)
    star = text.find("*")
    if star >= 0 and star != len(text) - 1:
        raise QueryError("'*' is only supported at the end of a term (truncation)", text, token.position)
    if text == "*":
        raise QueryError("'*' needs a word before it", text, token.position)
    if not quoted:
        for match in re.finditer(r"[^\w\-/.,'+:*’]", text):
            raise QueryError(f"unsupported character {match.group()!r}", text, token.position + match.start())
        if text.endswith(":") or text.startswith(":"):
            raise QueryError("':' must join two dates of a range", text, token.position)


def _looks_like_range(text: str) -> bool:
    return all(_DATE.match(part.strip()) for part in text.split(":"))


def _check_date(text: str, token: _Token) -> None:
    match = _DATE.match(text)
    if not match:
        raise QueryError("a date must be YYYY, YYYY/MM or YYYY/MM/DD", text, token.position)
    month, day = match.group(2), match.group(3)
    if month and not 1 <= int(month) <= 12 or day and not 1 <= int(day) <= 31:
        raise QueryError("month or day out of range", text, token.position)


def parse_query(query: str) -> Node:
    """Parse a PubMed query into its syntax tree; raises `QueryError` for anything unsupported."""
    return _Parser(query).parse()


# --------------------------------------------------------------------------- back to text


def to_query(node: Node) -> str:
    """The canonical query text of a tree: `parse_query(to_query(tree)) == tree`."""
    if isinstance(node, Term):
        body = f'"{node.text}"' if node.quoted else node.text
        return f"{body}[{node.field}]" if node.field else body
    if isinstance(node, DateRange):
        if node.start == node.end:
            return f'"{node.start}"[{node.field}]'
        return f'"{node.start}"[{node.field}] : "{node.end}"[{node.field}]'
    right = to_query(node.right)
    if isinstance(node.right, BoolOp):
        right = f"({right})"
    return f"{to_query(node.left)} {node.op} {right}"

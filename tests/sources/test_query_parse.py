"""The PubMed query grammar: unit tests, property tests, and errors for unsupported syntax."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mbc_sr.config import load_config
from mbc_sr.sources.query_parse import BoolOp, DateRange, QueryError, Term, parse_query, to_query
from tests.conftest import REPO


def t(text, field=None, quoted=False):
    return Term(text, field, quoted)


# --------------------------------------------------------------------------- units


def test_terms_phrases_tags_and_truncation():
    assert parse_query("everolimus") == t("everolimus")
    assert parse_query("everolimus[tiab]") == t("everolimus", "tiab")
    assert parse_query('"breast cancer*"[tiab]') == t("breast cancer*", "tiab", True)
    assert parse_query('"breast cancer*"[tiab]').truncated
    assert parse_query('"Breast Neoplasms"[MeSH Terms]') == t("Breast Neoplasms", "mh", True)
    assert parse_query('"Breast Neoplasms"[mesh]') == t("Breast Neoplasms", "mh", True)
    assert parse_query("x[Title/Abstract]") == t("x", "tiab")
    assert parse_query("x[mh:noexp]") == t("x", "mh:noexp")
    assert parse_query("CCI-779[tiab]") == t("CCI-779", "tiab")


def test_operators_apply_left_to_right_as_in_pubmed():
    # PubMed has no precedence: a OR b AND c is (a OR b) AND c
    assert parse_query("a OR b AND c") == BoolOp("AND", BoolOp("OR", t("a"), t("b")), t("c"))
    assert parse_query("a OR (b AND c)") == BoolOp("OR", t("a"), BoolOp("AND", t("b"), t("c")))
    assert parse_query("a NOT b") == BoolOp("NOT", t("a"), t("b"))
    assert parse_query("((a))") == t("a")


def test_date_ranges_in_each_written_form():
    expected = DateRange("2010", "2020", "dp")
    assert parse_query("2010:2020[dp]") == expected
    assert parse_query('"2010"[dp] : "2020"[dp]') == expected
    assert parse_query('"2010"[dp]:"2020"[dp]') == expected
    assert parse_query('"2020/01/01"[crdt] : "2021/06/30"[crdt]') == DateRange("2020/01/01", "2021/06/30", "crdt")
    assert parse_query('"2020/01/01:2021/06/30"[crdt]') == DateRange("2020/01/01", "2021/06/30", "crdt")
    assert parse_query("2020[dp]") == DateRange("2020", "2020", "dp")
    assert parse_query("a AND 2010:2020[dp] AND b") == BoolOp("AND", BoolOp("AND", t("a"), expected), t("b"))


def test_the_reviews_own_query_parses_into_three_anded_groups():
    query = load_config(REPO / "config" / "review.toml").search("pubmed-mtor-mbc").query
    tree = parse_query(query)
    assert tree.op == "AND" and tree.left.op == "AND"
    assert parse_query(to_query(tree)) == tree


# --------------------------------------------------------------------------- errors

UNSUPPORTED = [
    ("breast cancer[tiab]", 7, "cancer"),  # adjacent terms: PubMed would map them
    ("breast and cancer", 7, "and"),  # lower-case operators are words in PubMed
    ('"a b"[tiab:~3]', 5, "[tiab:~3]"),
    ("x[fau]", 1, "[fau]"),
    ("#1 AND #2", 0, "#1"),
    ("ca*ncer[tiab]", 0, "ca*ncer"),
    ("*[tiab]", 0, "*"),
    ("(a OR b", 0, "("),
    ("a OR b)", 6, ")"),
    ('"open phrase', 0, '"open phrase'),
    ("a[tiab", 1, "[tiab"),
    ("a AND", 2, "AND"),
    ("AND a", 0, "AND"),
    ("NOT a", 0, "NOT"),
    ("a AND OR b", 2, "AND"),
    ("()", 0, "()"),
    ("[tiab]", 0, "[tiab]"),
    ("", 0, ""),
    ("a{b}", 1, "a{b}"),
    ("2010:2020", 0, "2010:2020"),
    ("2010:2020[tiab] OR x", None, None),  # fine: a tiab word with a colon is just a word
    ("english[dp]", 0, "english"),
    ("2010/13[dp]", 0, "2010/13"),
    ('"2010"[dp] : "2020"[crdt]', 13, "2020"),
    ('"2010"[dp] : AND', 11, ":"),
]


@pytest.mark.parametrize(("query", "position", "token"), UNSUPPORTED)
def test_unsupported_syntax_is_an_error_naming_the_token_and_its_position(query, position, token):
    if position is None:
        parse_query(query)
        return
    with pytest.raises(QueryError) as raised:
        parse_query(query)
    error = raised.value
    assert (error.position, error.token) == (position, token)
    assert f"at character {position}" in str(error)


def test_query_errors_survive_pickling():
    import pickle

    error = QueryError("x", "tok", 3)
    again = pickle.loads(pickle.dumps(error))
    assert (str(again), again.token, again.position) == (str(error), "tok", 3)


# --------------------------------------------------------------------------- properties

_WORD = st.from_regex(r"[A-Za-z][A-Za-z0-9\-]{0,8}", fullmatch=True).filter(lambda w: w not in ("AND", "OR", "NOT"))
_FIELDS = st.sampled_from([None, "tiab", "ti", "ab", "tw", "mh", "mh:noexp", "majr", "pt", "nm", "au", "ta", "si"])


@st.composite
def terms(draw):
    quoted = draw(st.booleans())
    parts = draw(st.lists(_WORD, min_size=1, max_size=3 if quoted else 1))
    text = " ".join(parts) + ("*" if draw(st.booleans()) else "")
    return Term(text, draw(_FIELDS), quoted)


_YEAR = st.integers(1950, 2030).map(str)
_DATES = st.one_of(
    _YEAR, st.tuples(_YEAR, st.integers(1, 12)).map(lambda p: f"{p[0]}/{p[1]:02d}"),
    st.tuples(_YEAR, st.integers(1, 12), st.integers(1, 28)).map(lambda p: f"{p[0]}/{p[1]:02d}/{p[2]:02d}"),
)  # fmt: skip
dates = st.builds(lambda a, b, f: DateRange(a, b, f), _DATES, _DATES, st.sampled_from(["dp", "crdt"]))
SLOW_OK = [HealthCheck.too_slow, HealthCheck.data_too_large]  # shared CI machines
trees = st.recursive(
    st.one_of(terms(), dates),
    lambda children: st.builds(BoolOp, st.sampled_from(["AND", "OR", "NOT"]), children, children),
    max_leaves=12,
)


@given(trees)
@settings(max_examples=300, deadline=None, suppress_health_check=SLOW_OK)
def test_printing_then_parsing_gives_the_same_tree(tree):
    assert parse_query(to_query(tree)) == tree


@given(trees, st.sampled_from(["  ", "\n", " \t "]))
@settings(deadline=None, suppress_health_check=SLOW_OK)
def test_white_space_between_tokens_does_not_matter(tree, space):
    text = to_query(tree)
    for op in ("AND", "OR", "NOT"):  # generated words are never operators, so this only widens gaps
        text = text.replace(f" {op} ", f"{space}{op}{space}")
    text = text.replace("(", f"({space}").replace(")", f"{space})")
    assert parse_query(f"{space}{text}{space}") == tree


@given(st.text(alphabet=st.sampled_from(list('ab "()[]*:#AND OR NOT tiab mh 2020/')), max_size=40))
@settings(max_examples=400, deadline=None, suppress_health_check=SLOW_OK)
def test_any_text_parses_or_raises_query_error_never_anything_else(text):
    try:
        tree = parse_query(text)
    except QueryError as error:
        assert error.position is not None and 0 <= error.position <= len(text)
    else:
        assert parse_query(to_query(tree)) == tree


@given(trees, trees, trees)
@settings(deadline=None, suppress_health_check=SLOW_OK)
def test_a_chain_without_parentheses_groups_to_the_left(a, b, c):
    text = f"({to_query(a)}) OR ({to_query(b)}) AND ({to_query(c)})"
    assert parse_query(text) == BoolOp("AND", BoolOp("OR", a, b), c)

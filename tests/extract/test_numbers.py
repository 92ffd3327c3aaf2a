"""Number readers: separators, middle dots, leading dots, English number words (with properties)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mbc_sr.extract.numbers import find_counts, find_word_numbers, parse_count, parse_decimal, parse_digits, parse_words


@pytest.mark.parametrize(
    "text, value",
    [("Twenty", 20), ("one hundred and four", 104), ("One-hundred-and-fifty", 150), ("Seventy-five", 75),
     ("Two hundred thirty-three", 233), ("two hundred and eighty", 280), ("eleven", 11), ("ninety-nine", 99),
     ("thirteen thousand three hundred and eighty-eight", 13388), ("one thousand and nineteen", 1019),
     ("Forty four", 44), ("sixty-eight", 68)],
)
def test_number_words(text, value):
    assert parse_words(text) == value
    assert parse_count(text) == value


@pytest.mark.parametrize("text, value", [("13 388", 13388), ("1,019", 1019), ("20 446", 20446), ("13\u202f388", 13388),
                                         ("1\u00a0019", 1019), ("13\u2009388", 13388), ("376", 376), ("1,234,567", 1234567)])
def test_digits_with_thousands_separators(text, value):
    assert parse_digits(text) == value


@pytest.mark.parametrize("text", ["1,01", "12 34", "1.5", "", "one", "13,3888"])
def test_malformed_counts_are_refused(text):
    with pytest.raises(ValueError):
        parse_digits(text)


@pytest.mark.parametrize("text, value", [("0.43", 0.43), ("0·48", 0.48), (".001", 0.001), ("·05", 0.05), ("−0.5", -0.5), ("12", 12.0)])
def test_decimals(text, value):
    assert parse_decimal(text) == pytest.approx(value)


def test_find_counts_in_running_text():
    text = "Of 13 388 women screened, 1,019 were randomised: seven, eight and one hundred and four; HR 0.43."
    assert [(c.value, c.in_words) for c in find_counts(text)] == [
        (13388, False), (1019, False), (7, True), (8, True), (104, True),
    ]  # 0.43 is a decimal, never a count


def test_word_numbers_stop_at_invalid_continuations():
    assert [w.value for w in find_word_numbers("seven eight")] == [7, 8]
    assert [w.value for w in find_word_numbers("twenty and thirty")] == [20, 30]  # "and" only after hundred/thousand
    assert [w.value for w in find_word_numbers("someone, tone, often")] == []  # number words only as whole words


# --------------------------------------------------------------------------- properties

_UNITS = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
_TENS = {2: "twenty", 3: "thirty", 4: "forty", 5: "fifty", 6: "sixty", 7: "seventy", 8: "eighty", 9: "ninety"}


def _below_thousand(n: int, hyphen: bool, with_and: bool) -> str:
    parts = []
    if n >= 100:
        parts.append(f"{_UNITS[n // 100]} hundred")
        n %= 100
        if n and with_and:
            parts.append("and")
    if n >= 20:
        tens, units = divmod(n, 10)
        parts.append(_TENS[tens] + (("-" if hyphen else " ") + _UNITS[units] if units else ""))
    elif n or not parts:
        parts.append(_UNITS[n])
    return " ".join(parts)


def to_words(n: int, hyphen: bool = True, with_and: bool = True) -> str:
    if n >= 1000:
        thousands, rest = divmod(n, 1000)
        head = f"{_below_thousand(thousands, hyphen, with_and)} thousand"
        if not rest:
            return head
        joiner = " and " if with_and and rest < 100 else " "
        return head + joiner + _below_thousand(rest, hyphen, with_and)
    return _below_thousand(n, hyphen, with_and)


@given(st.integers(min_value=1, max_value=999_999), st.booleans(), st.booleans(), st.booleans())
def test_words_round_trip(n, hyphen, with_and, capitalise):
    text = to_words(n, hyphen, with_and)
    if capitalise:
        text = text[0].upper() + text[1:]
    assert parse_words(text) == n
    found = list(find_word_numbers(f"In all, {text} patients were randomised."))
    assert [w.value for w in found] == [n]


@given(st.integers(min_value=0, max_value=10**9), st.sampled_from([",", " ", "\u00a0", "\u2009", "\u202f", ""]))
def test_digits_round_trip(n, separator):
    text = f"{n:,}".replace(",", separator)
    assert parse_digits(text) == n
    assert [c.value for c in find_counts(f"a total of {text} patients")] == [n]


@given(st.decimals(min_value=0, max_value=1000, places=3, allow_nan=False), st.sampled_from([".", "·"]))
def test_decimal_round_trip(value, point):
    text = f"{value:.3f}".replace(".", point)
    assert parse_decimal(text) == pytest.approx(float(value))


@pytest.mark.parametrize("hyphen", ["-", "\u2010", "\u2011"])
def test_number_words_joined_by_any_hyphen(hyphen):
    assert parse_words(f"Eighty{hyphen}one") == 81

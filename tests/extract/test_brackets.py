"""Which bracket a position stands in, for the CI and range checks of effects and medians."""

from __future__ import annotations

from mbc_sr.extract.brackets import innermost_open_bracket


def test_the_innermost_open_bracket_skips_brackets_closed_before_the_position():
    text = "(95% confidence interval [CI], 1.5-3.5 months)"
    assert innermost_open_bracket(text, text.index("3.5")) == 0


def test_a_nested_open_bracket_is_the_innermost():
    text = "HR 0.5 (95% CI [0.3-0.8]"
    assert innermost_open_bracket(text, text.index("0.8")) == text.index("[")


def test_a_position_outside_every_bracket_has_none():
    text = "median OS (range 2-30) was 14.2 months"
    assert innermost_open_bracket(text, text.index("14.2")) is None

"""Cohen's kappa on known tables, agreement and conflicts between two reviewers."""

from __future__ import annotations

import pytest

from mbc_sr.screen.agreement import agreement, cohen_kappa, conflicts
from mbc_sr.screen.decisions import Decision


def _pairs(table):
    return [pair for pair, n in table.items() for _ in range(n)]


def test_kappa_on_a_known_table():
    # the textbook 2x2 example: po = 0.70, pe = 0.50 -> kappa = 0.40
    table = {("include", "include"): 20, ("include", "exclude"): 5, ("exclude", "include"): 10, ("exclude", "exclude"): 15}
    assert cohen_kappa(_pairs(table)) == pytest.approx(0.4)


def test_kappa_three_categories_and_edge_cases():
    # Fleiss/Cohen style 3x3: po = (25+30+10)/100, pe from the marginals
    table = {("i", "i"): 25, ("i", "e"): 5, ("e", "e"): 30, ("e", "i"): 10, ("m", "m"): 10, ("m", "e"): 10, ("i", "m"): 10}
    pairs = _pairs(table)
    a = {c: sum(1 for x, _ in pairs if x == c) / 100 for c in "iem"}
    b = {c: sum(1 for _, y in pairs if y == c) / 100 for c in "iem"}
    pe = sum(a[c] * b[c] for c in "iem")
    assert cohen_kappa(pairs) == pytest.approx((0.65 - pe) / (1 - pe))
    assert cohen_kappa([]) is None
    assert cohen_kappa([("i", "i")] * 5) is None  # pe = 1: undefined
    assert cohen_kappa([("i", "e"), ("e", "i")]) == pytest.approx(-1.0)


def _d(key, reviewer, decision, seq, role="reviewer"):
    return Decision(key, "ta", reviewer, role, decision, seq=seq)


def test_agreement_uses_latest_decisions_and_conflicts_clear_on_adjudication():
    log = [
        _d("a", "ann", "include", 1), _d("a", "bob", "include", 2),
        _d("b", "ann", "exclude", 3), _d("b", "bob", "include", 4),
        _d("c", "ann", "include", 5), _d("c", "bob", "exclude", 6), _d("c", "bob", "include", 7),  # bob changed his mind
        _d("d", "ann", "exclude", 8),  # bob has not screened d
        _d("d", "rules@c1", "exclude", 9, role="rules"),
    ]  # fmt: skip
    result = agreement(log, "ta", "ann", "bob")
    assert (result.both, result.agreed) == (3, 2)
    assert result.table[("exclude", "include")] == 1
    assert [c.record_key for c in conflicts(log, "ta")] == ["b"]
    log.append(_d("b", "carol", "exclude", 10, role="adjudicator"))
    assert conflicts(log, "ta") == []

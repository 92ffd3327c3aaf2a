"""The decision log: append-only, the current decision derived, human checks."""

from __future__ import annotations

from mbc_sr.screen.decisions import Decision, check_human_decision, derive_current


def _d(reviewer, decision, seq, role="reviewer", stage="ta", reason=None):
    return Decision("pmid:1", stage, reviewer, role, decision, reason=reason, seq=seq)


def test_current_decision_is_derived_from_the_log():
    assert derive_current("pmid:1", "ta", []).status == "unscreened"
    log = [_d("rules@c1", "needs_human", 1, role="rules")]
    assert derive_current("pmid:1", "ta", log).status == "needs_human"
    log.append(_d("rules@c2", "exclude", 2, role="rules"))
    assert derive_current("pmid:1", "ta", log).status == "excluded_by_automation"
    log.append(_d("ann", "include", 3))  # a person outranks the rules
    assert derive_current("pmid:1", "ta", log).status == "included"
    log.append(_d("bob", "exclude", 4))
    current = derive_current("pmid:1", "ta", log)
    assert current.status == "conflict" and current.needs_human
    assert [d.reviewer for d in current.reviewers] == ["ann", "bob"]
    log.append(_d("bob", "include", 5))  # bob changes his mind: appended, not overwritten
    assert derive_current("pmid:1", "ta", log).status == "included"
    log.append(_d("cat", "exclude", 6, role="adjudicator"))
    log.append(_d("ann", "include", 7))
    assert derive_current("pmid:1", "ta", log).status == "excluded"  # the adjudicator settles it
    assert derive_current("pmid:1", "ft", log).status == "unscreened"  # stages are separate
    assert derive_current("pmid:1", "ta", reversed(log)).status == "excluded"  # order given does not matter


def test_full_text_decisions(protocol):
    assert check_human_decision(protocol, "ft", "exclude", None) is not None  # a reason is required
    assert check_human_decision(protocol, "ft", "exclude", "no clinical outcome reported") is None
    assert check_human_decision(protocol, "ft", "not_retrieved", None) is None
    assert check_human_decision(protocol, "ft", "maybe", None) is not None
    assert check_human_decision(protocol, "ta", "exclude", "because") is not None
    assert check_human_decision(protocol, "ta", "exclude", None) is None
    assert check_human_decision(protocol, "ta", "include", "case report") is not None
    log = [Decision("pmid:1", "ft", "ann", "reviewer", "not_retrieved", seq=1)]
    assert derive_current("pmid:1", "ft", log).status == "not_retrieved"

"""The protocol as data: loading, validation errors naming file and key, the criteria version."""

from __future__ import annotations

import copy
import tomllib

import pytest

from mbc_sr.screen.protocol import ProtocolError, load_protocol
from tests.conftest import REPO


@pytest.fixture()
def raw():
    return tomllib.loads((REPO / "config" / "review.toml").read_text(encoding="utf-8"))


def test_the_review_protocol_loads(protocol):
    assert protocol.version.startswith("c") and len(protocol.version) == 13
    assert protocol.rules_reviewer == f"rules@{protocol.version}"
    assert "preclinical (in vitro / animal only)" in protocol.reasons["ta"]
    assert "no clinical outcome reported" in protocol.reasons["ft"]
    assert {r.outcome for r in protocol.rules} == {"exclude", "needs_human", "likely_include"}


def test_version_ignores_layout_and_descriptions_but_not_criteria(raw):
    base = load_protocol(raw, "a.toml").version
    cosmetic = copy.deepcopy(raw)
    cosmetic["screening"]["terms"]["advanced"] = [f"  {t.upper()} " for t in reversed(raw["screening"]["terms"]["advanced"])]
    cosmetic["screening"]["rules"][0]["description"] = "reworded"
    assert load_protocol(cosmetic, "b.toml").version == base
    term = copy.deepcopy(raw)
    term["screening"]["terms"]["mtor_inhibitor"].append("onatasertib")
    rule = copy.deepcopy(raw)
    rule["screening"]["rules"][2]["when"]["published_before"] = 2001
    order = copy.deepcopy(raw)
    order["screening"]["rules"].reverse()
    versions = {base, *(load_protocol(x, "c.toml").version for x in (term, rule, order))}
    assert len(versions) == 4


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda s: s["rules"][0].update(outcome="drop"), "screening.rules[0] (erratum-or-retraction-notice).outcome"),
        (lambda s: s["rules"][1]["when"].update(colour=["red"]), "when.colour: unknown condition"),
        (lambda s: s["rules"][3]["when"].update(topic_lacks=["nope"]), "no term list ['nope']"),
        (lambda s: s.update(reasons_ft=[]), "screening.reasons_ft"),
        (lambda s: s["rules"][2]["when"].update(published_before="1999"), "published_before must be a year"),
        (lambda s: s["rules"][1].update(id=s["rules"][0]["id"]), "ids must be unique"),
    ],
)
def test_errors_name_the_file_and_key(raw, change, message):
    change(raw["screening"])
    with pytest.raises(ProtocolError, match="review.toml") as error:
        load_protocol(raw, "config/review.toml")
    assert message in str(error.value)

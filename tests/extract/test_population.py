"""Population descriptors; "HR+" is hormone-receptor-positive, never a hazard ratio."""

from __future__ import annotations

from mbc_sr.extract.effects import hazard_ratios
from mbc_sr.extract.population import descriptor_summary, population
from tests.extract.helpers import record


def summary(text: str) -> list[str]:
    return descriptor_summary(population(record(text)))


def test_hr_positive_her2_negative_postmenopausal_line_of_therapy():
    text = ("Postmenopausal women with HR+, HER2- advanced breast cancer recurring or progressing after "
            "non-steroidal aromatase inhibitors, as second-line therapy.")
    found = summary(text)
    for expected in ("postmenopausal", "HR+", "HER2−", "advanced/metastatic", "prior endocrine therapy", "second-line", "HR+/HER2−"):
        assert expected in found
    assert hazard_ratios(record(text)) == []


def test_other_subtypes_and_lines():
    assert "HER2+" in summary("HER2-positive metastatic breast cancer after trastuzumab")
    assert "HER2−" not in summary("HER2-positive metastatic breast cancer")
    assert "triple-negative" in summary("patients with TNBC")
    assert "first-line" in summary("treatment-naive patients")
    assert "prior lines: two or more prior regimens" in summary("patients with two or more prior regimens")
    assert "HR+" in summary("oestrogen receptor-positive (ER+) disease")
    assert "prior endocrine therapy" in summary("endocrine-resistant disease")


def test_descriptor_spans_point_at_the_text():
    rec = record("Hormone receptor-positive, HER2-negative disease.")
    items = {item.value: item for item in population(rec)}
    assert items["HR+"].span.text == "Hormone receptor-positive"
    assert items["HER2−"].span.text == "HER2-negative"

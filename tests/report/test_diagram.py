"""The PRISMA 2020 diagram: well-formed SVG holding every count and box text, and a PNG."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from mbc_sr.report.diagram import box_texts, draw_diagram
from mbc_sr.report.prisma_store import counts_from_store

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def _svg_text(path) -> str:
    root = ET.parse(path).getroot()  # well-formed, or this raises
    assert root.tag.endswith("svg")
    return " ".join(" ".join(el.itertext()) for el in root.iter() if el.tag.endswith("text"))


def test_new_review_svg_is_well_formed_and_holds_every_count(review_store, tmp_path):
    counts = counts_from_store(review_store)
    svg, png = draw_diagram(counts, tmp_path / "d.svg", tmp_path / "d.png", dpi=80)
    text = _svg_text(svg)
    expected = {
        "Databases (n = 15)", "PubMed (n = 11)", "Embase (n = 4)", "Duplicate records removed (n = 4)",
        "Records marked as ineligible by automation tools (n = 2)", "erratum or retraction notice (n = 1)",
        "Records removed for other reasons (n = 1)", "Records screened (n = 7)", "Records excluded** (n = 2)",
        "Records awaiting screening (n = 1)", "Reports sought for retrieval (n = 5)", "Reports not retrieved (n = 1)",
        "Reports assessed for eligibility (n = 4)", "Reports excluded (n = 2):", "wrong population (n = 1)",
        "wrong comparator (n = 1)", "Studies included in review (n = 1)", "Reports of included studies (n = 2)",
        "Identification", "Screening", "Included", "Identification of new studies via databases and registers",
    }  # fmt: skip
    flat = " ".join(text.split())
    missing = [item for item in expected if item not in flat]
    assert not missing, missing
    assert png.read_bytes()[:8] == PNG_MAGIC and png.stat().st_size > 10_000


def test_update_template_has_previous_new_and_total_boxes(review_store, tmp_path):
    counts = counts_from_store(review_store, since="2")
    texts = {name: " ".join(t.split()) for name, t in box_texts(counts).items()}
    assert "Studies included in previous version of review (n = 1)" in texts["previous"]
    assert texts["new"] == "New studies included in review (n = 0) Reports of new included studies (n = 1)"
    assert texts["total"] == "Total studies included in review (n = 1) Reports of total included studies (n = 2)"
    (svg,) = draw_diagram(counts, tmp_path / "u.svg")
    flat = " ".join(_svg_text(svg).split())
    assert "Previous studies" in flat and "Reports of total included studies (n = 2)" in flat
    assert "since run 2" in flat

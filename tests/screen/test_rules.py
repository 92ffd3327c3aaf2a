"""The rule engine on real records, including the hand-read mTOR + breast records of the slice.

The slice `pubmed21n1298_mtor_breast_plus_random300.xml.gz` holds nine records that mention an
mTOR-family term and the breast (eight also mention breast *cancer*; two are about breast milk /
bovine mammary cells). All nine are Publisher / In-Data-Review / PubMed-not-MEDLINE records:
none has MeSH yet, so every rule that touches them works on text and none may exclude them.
Read by hand (title and abstract), June 2021 update file:
"""

from __future__ import annotations

import dataclasses

import pytest

from mbc_sr.pubmed_xml import ParsedRecord, iter_pubmed_xml
from mbc_sr.records import AbstractSection, MeshHeading, PublicationType
from mbc_sr.screen.protocol import load_protocol
from mbc_sr.screen.rules import RuleEngine, term_pattern

PRECLINICAL = "preclinical (in vitro / animal only)"
REVIEW = "review or meta-analysis (evidence synthesis)"

# PMID -> (reports breast cancer patients treated with an mTOR inhibitor?, my reason,
#          the suggested reason the rules must give (None: no exclusion reason, likely include))
HAND_READ = {
    "33964572": (True, "phase Ib trial: alpelisib + everolimus ± exemestane; the triplet escalation "
                 "and expansion enrolled postmenopausal women with HR+/HER2- advanced breast cancer "
                 "(dose-limiting toxicities, adverse events, PFS reported)", None),
    "33895695": (True, "ESME real-world cohort of 20,446 metastatic breast cancer patients; reports "
                 "everolimus use (under a third of HR+/HER2- patients) and OS by subtype: patients "
                 "with MBC treated with an mTOR inhibitor, though not analysed by it: a human "
                 "decides whether it is eligible", None),
    "33961996": (False, "rubioncolin C in TNBC cell lines and a mouse lung-metastasis model; mTOR "
                 "only as a signalling pathway, no mTOR inhibitor, no patients", PRECLINICAL),
    "34087508": (False, "letrozole, exemestane and everolimus on the mechanics of breast cancer "
                 "cell lines (24 h treatment): in vitro only", PRECLINICAL),
    "34092611": (False, "FAS expression in public datasets and tissue microarrays; everolimus "
                 "efficacy only predicted from cell-line data (Cell Miner): no treated patients", PRECLINICAL),
    "34094246": (False, "Raman spectroscopy of breast cancer cell lines treated with trametinib or "
                 "alpelisib (a PI3K inhibitor the abstract calls an mTOR-pathway inhibitor): in vitro only",
                 PRECLINICAL),
    "34093841": (False, "PI3K-AKT-mTOR pathway mutations sequenced in 589 women with stage I-III "
                 "breast cancer: early disease, no mTOR inhibitor given",
                 "early or neoadjuvant-only breast cancer"),
    "34004210": (False, "breast-milk stem cells in type 1 diabetic rats; mTOR as an autophagy "
                 "marker: not breast cancer, animal study", PRECLINICAL),
    "34096300": (False, "glutamine and mTORC1 in bovine mammary epithelial cells (milk protein): "
                 "not cancer, in vitro", PRECLINICAL),
}


@pytest.fixture(scope="module")
def slice_records(slice_path):
    return {item.record.pmid: item.record for item in iter_pubmed_xml(slice_path) if isinstance(item, ParsedRecord)}


@pytest.fixture(scope="module")
def engine(protocol):
    return RuleEngine(protocol)


def test_the_hand_read_set_is_every_record_naming_mtor_and_breast(slice_records, engine):
    mtor = term_pattern(engine.protocol.terms["mtor_any"])
    breast = term_pattern(("breast*", "mammary"))
    both = {
        pmid for pmid, r in slice_records.items()
        if mtor.search(f"{r.title} {r.abstract_text} {' '.join(r.keywords)}")
        and breast.search(f"{r.title} {r.abstract_text} {' '.join(r.keywords)}")
    }  # fmt: skip
    assert both == set(HAND_READ)


@pytest.mark.parametrize("pmid", sorted(HAND_READ))
def test_hand_read_records_are_never_auto_excluded(pmid, slice_records, engine):
    eligible, _why, suggested = HAND_READ[pmid]
    record = slice_records[pmid]
    assert not record.mesh_headings  # Publisher / In-Process: no MeSH to screen on
    result = engine.evaluate(record)
    assert result.outcome != "exclude", (pmid, result)
    if eligible:
        assert result.outcome == "likely_include", (pmid, result)
    else:
        assert result.outcome == "needs_human", (pmid, result)
        assert suggested in {f.reason for f in result.fired}, (pmid, result.fired)
        assert result.reason == suggested


def test_the_two_records_about_the_breast_but_not_cancer_are_flagged_so(slice_records, engine):
    for pmid in ("34004210", "34096300"):
        assert "not breast cancer" in {f.reason for f in engine.evaluate(slice_records[pmid]).fired}


def _variant(record, **changes):
    return dataclasses.replace(record, **changes)


def test_reviews_get_the_evidence_synthesis_reason_and_are_excluded_only_when_indexed(slice_records, engine):
    trial = slice_records["33964572"]
    review_types = (PublicationType("Journal Article"), PublicationType("Review"))
    publisher_review = engine.evaluate(_variant(trial, publication_types=review_types))
    assert publisher_review.outcome == "needs_human" and publisher_review.reason == REVIEW
    assert "evidence synthesis" in publisher_review.tags
    indexed = _variant(trial, publication_types=review_types, mesh_headings=(MeshHeading("Breast Neoplasms"), MeshHeading("Humans")))
    result = engine.evaluate(indexed)
    assert (result.outcome, result.reason, result.rule_id) == ("exclude", REVIEW, "medline-review-without-trial")
    meta = engine.evaluate(_variant(indexed, publication_types=(PublicationType("Meta-Analysis"), PublicationType("Review"))))
    assert meta.outcome == "needs_human"  # may be a pooled analysis of trials: a human decides


def test_editorials_are_excluded_without_abstract_and_go_to_a_human_with_one(slice_records, engine):
    trial = slice_records["33964572"]
    editorial = _variant(trial, publication_types=(PublicationType("Editorial"),))
    with_abstract = engine.evaluate(editorial)
    assert with_abstract.outcome == "needs_human"
    assert with_abstract.reason == "editorial, comment or letter without data"
    without = engine.evaluate(_variant(editorial, abstract=()))
    assert (without.outcome, without.rule_id) == ("exclude", "editorial-comment-letter-without-abstract")


def test_errata_and_animal_only_indexed_records_are_certain_exclusions(slice_records, engine):
    trial = slice_records["33964572"]
    erratum = engine.evaluate(_variant(trial, publication_types=(PublicationType("Published Erratum"),)))
    assert (erratum.outcome, erratum.reason) == ("exclude", "erratum or retraction notice")
    animals = _variant(trial, mesh_headings=(MeshHeading("Animals"), MeshHeading("Mice"), MeshHeading("Breast Neoplasms")))
    assert engine.evaluate(animals).reason == PRECLINICAL and engine.evaluate(animals).outcome == "exclude"
    with_humans = _variant(trial, mesh_headings=(MeshHeading("Animals"), MeshHeading("Humans")))
    assert engine.evaluate(with_humans).outcome != "exclude"


def test_a_record_with_nothing_to_go_on_is_never_excluded_for_topic(slice_records, engine):
    bare = _variant(slice_records["33964572"], title="Final overall survival analysis of a phase III trial",
                    abstract=(), keywords=(), mesh_headings=(), chemicals=())  # fmt: skip
    assert engine.evaluate(bare).outcome == "needs_human"
    with_abstract = _variant(bare, abstract=(AbstractSection("Hip fracture surgery in older adults."),))
    result = engine.evaluate(with_abstract)
    assert result.outcome == "exclude" and result.reason == "not breast cancer"


def test_every_fired_rule_is_recorded(slice_records, engine):
    result = engine.evaluate(slice_records["34092611"])
    assert [f.rule_id for f in result.fired][:1] == ["preclinical-words"]
    assert result.details()["fired"][0] == ["preclinical-words", "needs_human", PRECLINICAL]


def test_rules_are_config_a_new_review_needs_only_a_new_protocol(slice_records):
    raw = {"screening": {
        "reasons_ta": ["not about statins"], "reasons_ft": ["not about statins"],
        "terms": {"statin": ["statin*", "atorvastatin"]},
        "rules": [{"id": "no-statin", "outcome": "exclude", "reason": "not about statins",
                   "when": {"topic_lacks": ["statin"], "has_text_or_mesh": True}}],
    }}  # fmt: skip
    engine = RuleEngine(load_protocol(raw, "statins.toml"))
    assert engine.evaluate(slice_records["33964572"]).outcome == "exclude"


def test_term_pattern_whole_words_and_wildcards():
    pattern = term_pattern(("mTOR*", "rat", "breast cancer*"))
    assert pattern.search("an mTORC1 inhibitor") and pattern.search("mTOR-targeted")
    assert pattern.search("Breast-cancers") and not pattern.search("ratio") and pattern.search("in rat liver")

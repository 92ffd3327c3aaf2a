"""Matching rules: what merges, what never merges, what goes to review."""

from __future__ import annotations

import numpy as np

from mbc_sr.dedup import deduplicate
from mbc_sr.dedup.match import DISTINCT, DUPLICATE, REVIEW, match_pairs
from mbc_sr.dedup.normalise import prepare

TITLE = "Everolimus in postmenopausal hormone-receptor-positive advanced breast cancer"


def decide_pair(a, b):
    prepared = [prepare(a, 0), prepare(b, 1)]
    result = match_pairs(prepared, np.array([[0, 1]]))
    for group, name in ((result.duplicates, DUPLICATE), (result.review, REVIEW)):
        if group:
            return name, group[0]
    return DISTINCT, (result.cannot_link[0] if result.cannot_link else None)


def test_same_article_from_two_databases_merges_with_rule_and_scores(record):
    a = record("pm", TITLE + ".", source="pubmed", pmid="22149876", authors=("Baselga J", "Campone M", "Piccart M"))
    b = record("em", TITLE.upper(), authors=("Baselga, Jose", "Campone, Mario", "Piccart, Martine"), journal="New England Journal of Medicine", pages="520-9")
    b.authors = tuple(type(x)(last_name=x.last_name.rstrip(","), fore_name=None, initials=(x.initials or "")[:1]) for x in b.authors)
    decision, pair = decide_pair(a, b)
    assert decision == DUPLICATE
    assert pair.rule == "same title and authors, bibliographic details agree"
    assert pair.scores["title"] == 100 and pair.scores["pages"] == 100 and pair.scores["volume"] == 100


def test_identifiers_merge_first(record):
    assert decide_pair(record("a", TITLE, pmid="1", source="pubmed"), record("b", "Other words entirely here", pmid="1"))[1].rule == "same PMID"
    assert decide_pair(record("a", TITLE, doi="10.1056/NEJMoa1109653"), record("b", TITLE + ": a trial", doi="https://doi.org/10.1056/nejmoa1109653"))[1].rule == "same DOI"


def test_doi_shared_by_clearly_different_titles_is_flagged_not_merged(record):
    a = record("a", "Everolimus plus exemestane in advanced breast cancer", doi="10.1200/JCO.2012.30.15_suppl.1")
    b = record("b", "Quality of life of patients with bone metastases treated with denosumab", doi="10.1200/jco.2012.30.15_suppl.1", authors=("Smith A",))
    decision, pair = decide_pair(a, b)
    assert decision == REVIEW
    assert pair.rule.startswith("DOI collision")
    result = deduplicate([a, b])
    assert len(result.clusters) == 2 and result.review[0].rule.startswith("DOI collision")


def test_notices_are_never_merged_with_the_article(record):
    article = record("a", TITLE, source="pubmed", pmid="22149876")
    for notice in (
        record("e1", "Erratum: " + TITLE, pages="1234"),
        record("e2", TITLE, publication_types=("Published Erratum",), comments=(("ErratumFor", "22149876"),)),
        record("r1", "Retraction note: " + TITLE),
        record("r2", TITLE, publication_types=("Retraction of Publication",)),
        record("c1", TITLE, publication_types=("Comment", "Letter"), comments=(("CommentOn", "22149876"),)),
        record("c2", "Reply to: " + TITLE),
        record("x1", "Expression of concern: " + TITLE),
    ):
        decision, pair = decide_pair(article, notice)
        assert decision == DISTINCT, notice.source_record_id
        assert pair is not None and pair.rule.startswith("never merged"), notice.source_record_id
        # not even through a third record that resembles both
        bridge = record("b", TITLE, authors=article and ("Baselga J", "Campone M", "Piccart M"))
        result = deduplicate([article, notice, bridge])
        assert result.cluster_of[0] != result.cluster_of[1], notice.source_record_id


def test_two_copies_of_one_erratum_merge_only_on_the_same_page(record):
    a = record("a", "Erratum", publication_types=("Published Erratum",), journal="Lancet", volume="380", pages="1234")
    b = record("b", "Erratum", publication_types=("Published Erratum",), journal="Lancet", volume="380", pages="1234")
    c = record("c", "Erratum", publication_types=("Published Erratum",), journal="Lancet", volume="380", pages="1500")
    assert decide_pair(a, b)[0] == DUPLICATE
    assert decide_pair(a, c)[0] == DISTINCT


def test_conference_paper_and_journal_version_are_not_merged(record):
    journal = record("j", "Cultural universality versus particularity in CMC", authors=("Stahl BC", "Elbeltagi I"), year=2004)
    conference = record("c", "Cultural universality versus particularity in CMC", authors=("Stahl BC",), year=2003, journal=None, volume=None, pages=None, publication_types=("Conference Paper",))
    assert decide_pair(journal, conference)[0] != DUPLICATE


def test_different_pmids_or_pages_never_merge_automatically(record):
    a = record("a", TITLE, source="pubmed", pmid="1")
    b = record("b", TITLE, source="pubmed", pmid="2")
    assert decide_pair(a, b)[0] == REVIEW
    letter = record("l", TITLE, authors=("Smith A", "Jones B"), pages="1839-1840")
    assert decide_pair(a, letter)[0] == DISTINCT


def test_years_far_apart_are_different_articles(record):
    assert decide_pair(record("a", TITLE, year=2008), record("b", TITLE, year=2012))[0] == DISTINCT


def test_translated_title_with_same_authors_volume_and_page_merges(record):
    authors = ("Train M", "Soulard D", "Bouyer L", "Bizouarn P")
    a = record("a", "Antibiotic prophylaxis in pulmonary surgery. A controlled double-blind study of amoxicillin versus cefamandole", authors=authors, journal="Ann Fr Anesth Reanim", volume="13", pages="280-4", year=1994)
    b = record("b", "[Comparison of amoxicillin and cefamandole in the prevention of bronchopulmonary infections in pulmonary surgery. A randomized double-blind study]", authors=authors, journal="Annales Francaises d Anesthesie et de Reanimation", volume="13", pages="280-284", year=1994)
    decision, pair = decide_pair(a, b)
    assert decision == DUPLICATE and "translated" in pair.rule
    # the same, but untranslated different titles on a supplement page: conference abstracts
    c = record("c", "HPV status and histologic follow up", authors=authors, volume="89", pages="81A")
    d = record("d", "ASC-H: HPV status and histologic correlation by age", authors=authors, volume="89", pages="81A")
    assert decide_pair(c, d)[0] == DISTINCT

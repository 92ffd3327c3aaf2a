"""Reading NCBI bodies (recorded ones from ../shared/data/entrez): answer, retry, or stop."""

from __future__ import annotations

import pytest

from mbc_sr.sources.eutils.errors import (
    PagingCapError,
    PermanentError,
    QueryError,
    TransientError,
    classify_error_text,
    redact,
    redact_bytes,
)
from mbc_sr.sources.eutils.replies import looks_like_html, parse_efetch, parse_esearch
from mbc_sr.sources.eutils.search import Searcher
from tests.conftest import shared_path


def recorded(name: str) -> bytes:
    return shared_path(f"entrez/biopython/Entrez/{name}").read_bytes()


def test_a_recorded_esearch_with_translation_set():
    reply = parse_esearch(recorded("esearch2.xml"))
    assert reply.count == 42249
    assert len(reply.ids) == 100 and reply.ids[0] == "41297076"
    assert reply.query_translation.endswith("2025/09/27:2025/11/26[Date - Entry]")
    assert reply.translations[0][0] == "cancer"
    assert not reply.errors


def test_recorded_phrase_not_found_fails_with_the_phrase_named():
    reply = parse_esearch(recorded("esearch8.xml"))
    assert reply.errors == {"PhraseNotFound": ["abcXYZ"]}
    assert reply.warnings == {"OutputMessage": ["No items found."]}
    with pytest.raises(QueryError, match="PhraseNotFound: 'abcXYZ'") as caught:
        Searcher(transport=None).check_query(reply)
    assert caught.value.problems == {"PhraseNotFound": ["abcXYZ"]}
    # unless the protocol explicitly accepts that phrase
    assert Searcher(transport=None, allow_missing_phrases=["abcxyz"]).check_query(reply) == {"PhraseNotFound": ["abcXYZ"]}


def test_quoted_phrase_not_found_in_the_warning_list_is_a_query_error_too():
    body = (
        b'<?xml version="1.0" encoding="UTF-8" ?><eSearchResult><Count>3</Count><RetMax>3</RetMax><RetStart>0</RetStart>'
        b"<IdList><Id>1</Id><Id>2</Id><Id>3</Id></IdList><TranslationSet/><QueryTranslation>x</QueryTranslation>"
        b'<WarningList><QuotedPhraseNotFound>"mtor inhibitorz"</QuotedPhraseNotFound></WarningList></eSearchResult>'
    )
    with pytest.raises(QueryError, match="QuotedPhraseNotFound"):
        Searcher(transport=None).check_query(parse_esearch(body))


@pytest.mark.parametrize(
    ("name", "error"),
    [("epost2.xml", PermanentError), ("epost3.xml", PermanentError), ("esummary8.xml", PermanentError)],
)
def test_recorded_error_bodies_are_permanent(name, error):
    from lxml import etree

    from mbc_sr.sources.eutils.replies import raise_for_error_elements

    root = etree.fromstring(recorded(name), etree.XMLParser(load_dtd=False, no_network=True, resolve_entities=False))
    with pytest.raises(error):
        raise_for_error_elements(root, name)


def test_an_empty_error_element_is_no_error():
    from lxml import etree

    from mbc_sr.sources.eutils.replies import raise_for_error_elements

    raise_for_error_elements(etree.fromstring(recorded("espell.xml")), "espell")  # espell.xml has <ERROR/>


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Search Backend failed: Database is not available", TransientError),
        ("Unable to route request", TransientError),
        ("Search Backend failed: Exception:\n'retstart' cannot be larger than 9998. For PubMed, ESearch can only "
         "retrieve the first 9,999 records matching the query.", PagingCapError),
        ("Invalid db name specified: nothing", PermanentError),
    ],
)  # fmt: skip
def test_error_texts_are_classified(text, kind):
    assert classify_error_text(text) is kind


def test_backend_failure_inside_a_200_esearch_is_transient():
    body = b'<?xml version="1.0" ?><eSearchResult><ERROR>Search Backend failed: timeout</ERROR></eSearchResult>'
    with pytest.raises(TransientError):
        parse_esearch(body)


def test_html_pages_and_truncated_bodies_are_transient():
    page = b"<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head></html>"
    assert looks_like_html(page)
    with pytest.raises(TransientError, match="HTML"):
        parse_esearch(page)
    with pytest.raises(TransientError, match="HTML"):
        parse_efetch(page, "batch 1")
    whole = recorded("pubmed1.xml")
    with pytest.raises(TransientError, match="truncated"):
        parse_efetch(whole[: len(whole) // 2], "batch 1")
    with pytest.raises(TransientError, match="truncated or malformed"):
        parse_esearch(recorded("esearch2.xml")[:500])


def test_a_cut_at_an_article_boundary_is_still_caught():
    """Cut right after a complete </PubmedArticle>: well-formed so far, but not closed."""
    whole = recorded("pubmed1.xml")
    cut = whole[: whole.index(b"</PubmedArticle>") + len(b"</PubmedArticle>")]
    with pytest.raises(TransientError, match="no closing"):
        parse_efetch(cut, "batch 1")
    assert len([i for i in parse_efetch(whole, "batch 1")]) == 2


def test_redaction_covers_the_key_and_key_parameters():
    assert redact("api_key=abc123&db=pubmed", ()) == "api_key=<redacted>&db=pubmed"
    assert redact('{"api-key":"157.131.198.215","count":"5"}', ()) == '{"api-key":"<redacted>","count":"5"}'
    assert redact("the key s3cret leaked", ["s3cret"]) == "the key <redacted> leaked"
    assert redact_bytes(b'{"api-key":"s3cret"}', ["s3cret"]) == b'{"api-key":"<redacted>"}'

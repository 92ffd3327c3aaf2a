"""Framing: the bytes of a PubMed file cut into runs of whole articles and the glue between them.

Spec, as these tests read it:

* however the input is cut into chunks, the runs hold every article once, in order, each with
  the sha256 of its raw bytes, and each run knows the file line it starts on;
* reference lists are blanked inside runs but keep their lines, so lines still map to the file;
* glue (prolog, root tags, `<DeleteCitation>`) comes between runs, in document order, so a
  deletion between two articles is yielded between their records;
* a run is parsed as a document of its own, wrapped in the file's XML declaration and root
  start tag: namespaces declared on the root still apply, and lines still point into the file;
* a fault inside the n-th run of a multi-megabyte file yields every record before it and names
  the file's line.
"""

from __future__ import annotations

import gzip
import hashlib
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mbc_sr.pubmed_xml import (
    ParsedRecord,
    PubMedXMLError,
    iter_pubmed_xml,
    parse_pubmed_xml,
)
from mbc_sr.pubmed_xml.stream import ArticleFramer, ArticleRun, Glue, check_prolog
from mbc_sr.records import Deletion
from tests.conftest import shared_path

QUIRKS = "pubmed/real_quirks_subset.xml"
ARTICLE = re.compile(rb"<PubmedArticle>.*?</PubmedArticle>", re.DOTALL)


def frame_in_chunks(raw: bytes, cuts: list[int]) -> list[ArticleRun | Glue]:
    framer = ArticleFramer("test")
    pieces = []
    start = 0
    for cut in sorted(set(cuts)) + [len(raw)]:
        pieces += framer.frame(raw[start:cut])
        start = cut
    assert framer.error is None
    return pieces + framer.finish()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.integers(min_value=1, max_value=10**6), max_size=12))
def test_any_chunking_gives_every_article_once_with_its_hash_and_line(cut_points):
    raw = shared_path(QUIRKS).read_bytes()
    cuts = [point % len(raw) for point in cut_points]
    pieces = frame_in_chunks(raw, cuts)

    articles = list(ARTICLE.finditer(raw))
    runs = [piece for piece in pieces if isinstance(piece, ArticleRun)]
    assert [h for run in runs for h in run.hashes] == [hashlib.sha256(m.group(0)).hexdigest() for m in articles]

    article_lines = [raw.count(b"\n", 0, m.start()) + 1 for m in articles]
    first_of_each_run = []
    index = 0
    for run in runs:
        first_of_each_run.append(article_lines[index])
        index += len(run.hashes)
    assert [run.first_line for run in runs] == first_of_each_run

    # Glue and runs, in order, account for every line of the file.
    lines = sum(piece.data.count(b"\n") if isinstance(piece, Glue) else piece.newlines for piece in pieces)
    assert lines == raw.count(b"\n")


def test_reference_lists_are_blanked_line_for_line():
    raw = shared_path(QUIRKS).read_bytes()
    assert b"<ReferenceList>" in raw
    runs = [piece for piece in frame_in_chunks(raw, []) if isinstance(piece, ArticleRun)]
    assert all(b"<ReferenceList" not in run.data for run in runs)
    assert all(run.data.count(b"\n") == run.newlines for run in runs)


def test_deletion_between_articles_keeps_its_place_in_document_order():
    raw = shared_path(QUIRKS).read_bytes()
    articles = list(ARTICLE.finditer(raw))
    middle = articles[10].end()
    deletion = b"\n<DeleteCitation><PMID Version=\"1\">123</PMID></DeleteCitation>"
    document = raw[:middle] + deletion + raw[middle:]
    kinds = ["record" if isinstance(item, ParsedRecord) else item.pmid for item in parse_pubmed_xml(document)]
    assert kinds[:12] == ["record"] * 11 + ["123"]
    assert kinds.count("record") == 22


def test_namespaces_declared_on_the_root_apply_inside_every_run():
    document = b"""<?xml version="1.0" encoding="UTF-8"?>
<PubmedArticleSet
    xmlns:mml="http://www.w3.org/1998/Math/MathML">
<PubmedArticle><MedlineCitation Status="MEDLINE"><PMID Version="1">1</PMID><Article>
<ArticleTitle>R<mml:math><mml:msup><mml:mi>x</mml:mi><mml:mn>2</mml:mn></mml:msup></mml:math> fits</ArticleTitle>
</Article></MedlineCitation></PubmedArticle>
</PubmedArticleSet>
"""
    (item,) = parse_pubmed_xml(document)
    assert item.record.title == "Rx^2 fits"


def test_run_wrapper_is_one_line_whatever_the_root_tag_spans():
    head = b'<?xml version="1.0"?>\n<PubmedArticleSet\n  a="1"\n>\n'
    opening, closing = check_prolog(head, "test")
    assert b"\n" not in opening and opening.endswith(b'a="1"\n>'.replace(b"\n", b" "))
    assert closing == b"</PubmedArticleSet>"


def test_missing_required_part_names_the_file_line_inside_a_later_run(tmp_path):
    """The demo slice spans many runs; a record without a PMID deep inside it is reported at
    its own line in the file, after every record before it."""
    raw = gzip.decompress(shared_path("pubmed/pubmed21n1298_mtor_breast_plus_random300.xml.gz").read_bytes())
    articles = list(ARTICLE.finditer(raw))
    target = articles[700]
    pmid = re.search(rb'<PMID Version="\d+">\d+</PMID>', target.group(0))
    start = target.start() + pmid.start()
    broken = raw[:start] + raw[start + len(pmid.group(0)) :]
    path = tmp_path / "broken.xml.gz"
    path.write_bytes(gzip.compress(broken))
    items = []
    with pytest.raises(PubMedXMLError) as caught:
        for item in iter_pubmed_xml(path):
            items.append(item)
    records = [item for item in items if isinstance(item, ParsedRecord)]
    assert len(records) == 700 and caught.value.records_read == 700
    assert caught.value.line == broken.count(b"\n", 0, target.start()) + 1
    assert str(caught.value).startswith(f"{path}, line {caught.value.line}: <PubmedArticle> lacks a required part")


def test_broken_markup_inside_a_later_run_names_the_file_line(tmp_path):
    raw = gzip.decompress(shared_path("pubmed/pubmed21n1298_mtor_breast_plus_random300.xml.gz").read_bytes())
    articles = list(ARTICLE.finditer(raw))
    target = articles[500]
    at = target.start() + target.group(0).index(b"</ArticleTitle>")
    broken = raw[:at] + b"</ArticleTitl>" + raw[at + len(b"</ArticleTitle>") :]
    items = []
    with pytest.raises(PubMedXMLError) as caught:
        for item in iter_pubmed_xml(broken, name="broken.xml"):
            items.append(item)
    assert len([i for i in items if isinstance(i, ParsedRecord)]) == 500 == caught.value.records_read
    line = broken.count(b"\n", 0, at) + 1
    assert caught.value.line == line
    # libxml2's own "line N" inside the message is the file's line too
    assert f"line {line}" in caught.value.problem and "ArticleTitl" in caught.value.problem


def test_deletions_of_a_real_update_slice_come_after_its_records():
    path = shared_path("pubmed/pubmed21n1298_mtor_breast_plus_random300.xml.gz")
    items = list(iter_pubmed_xml(path))
    first_deletion = next(index for index, item in enumerate(items) if isinstance(item, Deletion))
    assert all(isinstance(item, ParsedRecord) for item in items[:first_deletion])
    assert all(isinstance(item, Deletion) for item in items[first_deletion:])


def test_concatenated_gzip_members_and_zero_padding_read_as_one_document():
    """gzip allows several members in one file (and zero padding after the last); PubMed's own
    files have one, but a file re-compressed in parts must read the same."""
    raw = shared_path(QUIRKS).read_bytes()
    middle = len(raw) // 2
    parts = gzip.compress(raw[:middle]) + gzip.compress(raw[middle:]) + b"\0" * 512
    whole = parse_pubmed_xml(raw)
    assert parse_pubmed_xml(parts) == whole
    assert sum(isinstance(item, ParsedRecord) for item in whole) == 22


def test_garbage_after_the_last_gzip_member_is_an_error():
    raw = shared_path(QUIRKS).read_bytes()
    with pytest.raises(PubMedXMLError, match="corrupt compressed input"):
        parse_pubmed_xml(gzip.compress(raw) + b"not gzip", name="tail.xml.gz")

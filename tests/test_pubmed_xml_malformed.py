"""Malformed and hostile inputs give clear errors that name the source and the line.

Spec, as these tests read it:

* a truncated or broken file raises `PubMedXMLError` naming the source, the line of the fault
  and how many complete records came before it (those records have been yielded already);
* an HTML page, an empty body, JSON or a non-PubMed XML document is refused before parsing;
* a document that declares or uses entities (billion laughs, external entity) raises
  `UnsafeXMLError`; no entity is ever expanded and no file is read;
* nothing is fetched: the DTD named in the DOCTYPE (http:// or https://) is not loaded.
"""

from __future__ import annotations

import gzip
import http.server
import re
import socket
import threading
import time

import pytest

from mbc_sr.pubmed_xml import ParsedRecord, PubMedXMLError, UnsafeXMLError, iter_pubmed_xml, parse_pubmed_xml
from tests.conftest import shared_path

QUIRKS = "pubmed/real_quirks_subset.xml"
ARTICLE_START = b"<PubmedArticle>"


def quirks_bytes() -> bytes:
    return shared_path(QUIRKS).read_bytes()


def nth_article_offset(raw: bytes, n: int) -> int:
    """Byte offset of the n-th (0-based) <PubmedArticle> start tag."""
    offset = -1
    for _ in range(n + 1):
        offset = raw.index(ARTICLE_START, offset + 1)
    return offset


def read_until_error(source, **kwargs) -> tuple[list, PubMedXMLError]:
    """Everything yielded before the error, and the error."""
    items = []
    with pytest.raises(PubMedXMLError) as caught:
        for item in iter_pubmed_xml(source, **kwargs):
            items.append(item)
    return items, caught.value


def line_of(raw: bytes, needle: bytes) -> int:
    return raw[: raw.index(needle)].count(b"\n") + 1


# --------------------------------------------------------------------------- truncated and broken XML


def test_file_truncated_mid_record_names_file_line_and_records_before(tmp_path):
    raw = quirks_bytes()
    cut = raw[: nth_article_offset(raw, 5) + 3000]  # inside the 6th record (PMID 401343)
    path = tmp_path / "pubmed_cut.xml"
    path.write_bytes(cut)
    items, error = read_until_error(path)
    assert [item.record.pmid for item in items] == ["399297", "399319", "399332", "400712", "400955"]
    assert error.source == str(path)
    assert error.line == cut.count(b"\n") + 1  # the fault is where the data ends
    assert error.records_read == 5
    message = str(error)
    assert message.startswith(f"{path}, line {error.line}: ")
    assert "5 complete records came before the fault" in message
    assert "truncated" in message


def test_bytes_truncated_between_records_are_named_by_the_given_name():
    raw = quirks_bytes()
    cut = raw[: nth_article_offset(raw, 2)]
    items, error = read_until_error(cut, name="efetch batch 3")
    assert len(items) == 2 and error.records_read == 2
    assert error.source == "efetch batch 3" and str(error).startswith("efetch batch 3, line ")
    assert error.line == cut.count(b"\n") + 1


def test_unnamed_bytes_are_labelled_as_in_memory():
    raw = quirks_bytes()
    _, error = read_until_error(raw[:-30])
    assert "in-memory" in error.source


def test_broken_tag_mid_file_points_at_its_line():
    raw = quirks_bytes()
    broken = raw.replace(
        b"<ArticleTitle>Increased insulin binding to monocytes after acute exercise in normal man.</ArticleTitle>",
        b"<ArticleTitle>Increased insulin binding to monocytes after acute exercise in normal man.</ArticleTitl>",
    )
    assert broken != raw
    items, error = read_until_error(broken, name="broken.xml")
    assert [item.record.pmid for item in items] == ["399297", "399319", "399332"]
    assert error.records_read == 3
    assert error.line == line_of(broken, b"</ArticleTitl>")
    assert "broken.xml, line" in str(error) and "ArticleTitl" in str(error)


def test_root_never_closed():
    _, error = read_until_error(b'<?xml version="1.0"?>\n<PubmedArticleSet>\n')
    assert error.records_read == 0 and error.line is not None


def test_gzip_file_truncated_mid_stream(tmp_path):
    """The demo slice (880 records) cut at half its compressed size: the records before the cut
    are yielded, then an error naming the file."""
    whole = shared_path("pubmed/pubmed21n1298_mtor_breast_plus_random300.xml.gz").read_bytes()
    path = tmp_path / "half.xml.gz"
    path.write_bytes(whole[: len(whole) // 2])
    items, error = read_until_error(path)
    assert error.source == str(path)
    assert str(error).startswith(str(path))
    assert "truncated" in str(error) or "compressed" in str(error)
    assert 0 < len(items) < 880
    assert error.records_read == len(items)
    assert f"{len(items)} complete records came before the fault" in str(error)


def test_gzip_bytes_truncated_mid_stream():
    compressed = gzip.compress(quirks_bytes())
    _, error = read_until_error(compressed[: len(compressed) // 2], name="response.gz")
    assert error.source == "response.gz"
    assert "truncated" in str(error) or "compressed" in str(error)


def test_missing_file():
    with pytest.raises(PubMedXMLError) as caught:
        parse_pubmed_xml("/nonexistent/pubmed99n0001.xml.gz")
    assert "/nonexistent/pubmed99n0001.xml.gz" in str(caught.value)


# --------------------------------------------------------------------------- not PubMed XML at all


def test_html_page_served_instead_of_xml():
    """entrez/biopython/Entrez/pubmed3.html: a real HTML body from an efetch-like call."""
    body = shared_path("entrez/biopython/Entrez/pubmed3.html").read_bytes()
    with pytest.raises(PubMedXMLError) as caught:
        parse_pubmed_xml(body, name="efetch response")
    assert caught.value.line == 1
    assert str(caught.value).startswith("efetch response, line 1: ")
    assert "HTML" in str(caught.value)


def test_html_error_page_with_doctype_names_the_line_of_the_html_tag():
    body = b"\n<!DOCTYPE html>\n<html lang=\"en\">\n<head><title>Service unavailable</title></head>\n<body>Try later</body></html>\n"
    with pytest.raises(PubMedXMLError) as caught:
        parse_pubmed_xml(body, name="efetch response")
    assert caught.value.line == 3
    assert "HTML" in str(caught.value)


@pytest.mark.parametrize("body", [b"", b"   \n\n\t ", b"\n"], ids=["empty", "spaces", "newline"])
def test_empty_input(body, tmp_path):
    with pytest.raises(PubMedXMLError) as caught:
        parse_pubmed_xml(body, name="empty response")
    assert "empty" in str(caught.value) and "empty response" in str(caught.value)
    path = tmp_path / "empty.xml"
    path.write_bytes(body)
    with pytest.raises(PubMedXMLError, match="empty"):
        parse_pubmed_xml(path)


@pytest.mark.parametrize(
    ("name", "root"),
    [("esummary8.xml", "eSummaryResult"), ("epost2.xml", "ePostResult"), ("esearch8.xml", "eSearchResult")],
)
def test_other_eutils_documents_are_not_pubmed_xml(name, root):
    """Real E-utilities answers (errors in a 200 body) passed where PubMed XML was expected."""
    path = shared_path(f"entrez/biopython/Entrez/{name}")
    raw = path.read_bytes()
    with pytest.raises(PubMedXMLError) as caught:
        parse_pubmed_xml(path)
    assert f"<{root}>" in str(caught.value) and str(path) in str(caught.value)
    assert caught.value.line == line_of(raw, f"<{root}".encode())  # e.g. line 3 in esummary8.xml


@pytest.mark.parametrize(
    "body",
    [b'{"error":"API rate limit exceeded","count":"11"}', b"\x00\x01\x02binary"],
    ids=["json-429-body", "binary"],
)
def test_non_xml_bodies(body):
    with pytest.raises(PubMedXMLError, match="not PubMed XML"):
        parse_pubmed_xml(body)


# --------------------------------------------------------------------------- entities

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ELEMENT lolz (#PCDATA)>
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<lolz>&lol9;</lolz>
"""

PUBMED_WITH_ENTITY = """<?xml version="1.0"?>
<!DOCTYPE PubmedArticleSet [
<!ENTITY xxe SYSTEM "file:///etc/passwd">
]>
<PubmedArticleSet>
<PubmedArticle><MedlineCitation Status="MEDLINE"><PMID Version="1">1</PMID><Article>
<ArticleTitle>Before &xxe; after</ArticleTitle></Article></MedlineCitation></PubmedArticle>
</PubmedArticleSet>
"""


def test_billion_laughs_is_refused_quickly():
    started = time.perf_counter()
    with pytest.raises(UnsafeXMLError) as caught:
        parse_pubmed_xml(BILLION_LAUGHS, name="lolz.xml")
    assert time.perf_counter() - started < 1.0
    assert caught.value.line == 3  # the first <!ENTITY
    assert str(caught.value).startswith("lolz.xml, line 3: ") and "entit" in str(caught.value)


def test_billion_laughs_under_a_pubmed_root_is_refused():
    document = BILLION_LAUGHS.replace(b"lolz", b"PubmedArticleSet")
    with pytest.raises(UnsafeXMLError):
        parse_pubmed_xml(document)


def test_external_entity_is_refused_and_no_file_is_read():
    with pytest.raises(UnsafeXMLError) as caught:
        parse_pubmed_xml(PUBMED_WITH_ENTITY.encode(), name="xxe.xml")
    assert caught.value.line == 3
    assert "root:" not in str(caught.value)


def test_external_parameter_entity_is_refused():
    document = PUBMED_WITH_ENTITY.replace(
        '<!ENTITY xxe SYSTEM "file:///etc/passwd">', '<!ENTITY % remote SYSTEM "http://127.0.0.1:9/evil.dtd"> %remote;'
    ).replace("&xxe;", "")
    with pytest.raises(UnsafeXMLError):
        parse_pubmed_xml(document.encode())


def hidden_behind_a_long_comment(document: str) -> bytes:
    """The same document with 70 kB of comment (mentioning a PubMed root) before the DOCTYPE."""
    head, rest = document.split("\n", 1)
    return f"{head}\n<!-- <PubmedArticleSet> {'x' * 70_000} -->\n{rest}".encode()


def test_entities_declared_after_a_long_prolog_are_never_expanded_or_read():
    """Whether refused or not, a declaration the prolog check cannot see is never acted on."""
    bomb = BILLION_LAUGHS.replace(b"lolz", b"PubmedArticleSet").decode()
    for document in (PUBMED_WITH_ENTITY, bomb):
        try:
            items = parse_pubmed_xml(hidden_behind_a_long_comment(document))
        except PubMedXMLError:
            continue
        titles = [item.record.title for item in items if isinstance(item, ParsedRecord)]
        assert all("root:" not in title and "lollol" not in title for title in titles), titles


def test_entities_declared_after_a_long_prolog_are_refused_too():
    """A document that declares entities is refused wherever in the prolog the declaration is;
    it is not parsed with the reference silently dropped ("Before  after"). A prolog too long
    to check (no PubMed file has one) is itself refused, naming where it starts."""
    with pytest.raises(PubMedXMLError, match="padded.xml, line 2: .*64 KiB"):
        parse_pubmed_xml(hidden_behind_a_long_comment(PUBMED_WITH_ENTITY), name="padded.xml")


@pytest.mark.parametrize("keep_doctype", [True, False], ids=["pubmed-doctype", "no-doctype"])
def test_undeclared_entity_reference_is_refused_naming_its_line(keep_doctype):
    """An HTML entity (&nbsp;) in an otherwise well-formed PubMed file. Every real PubMed file has a
    DOCTYPE naming the external DTD, which is never loaded, so the reference cannot be resolved:
    it must be an error naming the line, never silently dropped ("[The pinealbody].")."""
    raw = quirks_bytes()
    if not keep_doctype:
        start = raw.index(b"<!DOCTYPE")
        raw = raw[:start] + b"\n" + raw[raw.index(b"\n", start) + 1 :]  # same line numbers
    document = raw.replace(b"<ArticleTitle>[The pineal body].", b"<ArticleTitle>[The pineal&nbsp;body].")
    with pytest.raises(UnsafeXMLError) as caught:
        parse_pubmed_xml(document, name="nbsp.xml")
    assert caught.value.line == line_of(document, b"&nbsp;")
    assert "nbsp" in str(caught.value)
    assert str(caught.value).startswith(f"nbsp.xml, line {caught.value.line}: ")


def test_predefined_and_numeric_character_references_are_fine():
    document = PUBMED_WITH_ENTITY.replace('<!DOCTYPE PubmedArticleSet [\n<!ENTITY xxe SYSTEM "file:///etc/passwd">\n]>\n', "")
    document = document.replace("&xxe;", "&amp; &lt; &#233; &#x3b2; &quot;")
    (item,) = parse_pubmed_xml(document.encode())
    assert item.record.title == 'Before & < é β " after'


# --------------------------------------------------------------------------- no network, no DTD


def with_doctype(system_id: str) -> bytes:
    """The quirks file with its DOCTYPE's system identifier replaced."""
    raw = quirks_bytes()
    return raw.replace(b"https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_190101.dtd", system_id.encode(), 1)


@pytest.fixture
def no_sockets(monkeypatch):
    """Any Python-level connection attempt fails the test."""

    def refuse(*args, **kwargs):
        raise AssertionError(f"network access attempted: {args[1:]!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


def test_http_doctype_of_the_2020_baseline_is_not_fetched(no_sockets):
    """pubmed20n0014's DOCTYPE uses http://dtd.nlm.nih.gov/...; parsing works offline."""
    with gzip.open(shared_path("pubmed/pubmed20n0014.xml.gz"), "rb") as stream:
        head = stream.read(4096)
    system_id = re.search(rb'"(https?://[^"]+[.]dtd)"', head).group(1).decode()
    assert system_id.startswith("http://dtd.nlm.nih.gov/")
    items = parse_pubmed_xml(with_doctype(system_id))
    assert len(items) == 42


def test_dtd_url_is_never_requested():
    """A DOCTYPE pointing at a local HTTP server: the server sees no request (libxml2's own
    network code does not go through Python's socket module, so this is the real check)."""
    requests: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            requests.append(self.path)
            self.send_response(200)
            self.end_headers()
            self.wfile.write(b'<!ATTLIST PMID Version CDATA "7">')

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        items = parse_pubmed_xml(with_doctype(f"http://127.0.0.1:{server.server_port}/pubmed_190101.dtd"))
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
    assert requests == []
    assert len(items) == 42


def test_local_dtd_file_is_not_loaded(tmp_path):
    """A DTD that would give every PMID a default Version of 7: not loaded, so versions stay as written."""
    dtd = tmp_path / "pubmed.dtd"
    dtd.write_text('<!ATTLIST PMID Version CDATA "7">\n')
    document = with_doctype(dtd.as_uri()).replace(b'<PMID Version="1">399297</PMID>', b"<PMID>399297</PMID>")
    records = [item.record for item in parse_pubmed_xml(document) if isinstance(item, ParsedRecord)]
    assert records[0].pmid == "399297" and records[0].pmid_version == 1

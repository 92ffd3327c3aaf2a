"""Reading E-utilities bodies: is this a complete, usable answer, and what does it say?

A 200 is not an answer. NCBI serves HTML error pages with 200, cuts bodies short, and puts
errors inside the XML (`<ERROR>`, `ErrorList`). These functions turn a body into a value or
raise the error class from `errors` that says whether to retry. The formats follow NCBI's
recorded responses (../shared/data/entrez: esearch2.xml, esearch8.xml, epost2/3.xml).

Bodies are parsed with DTD loading, network access and entity expansion off (the DOCTYPE
names NCBI's DTD by URL; it is never fetched).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from mbc_sr.pubmed_xml import ParsedItem, PubMedXMLError, parse_pubmed_xml
from mbc_sr.sources.eutils.errors import PermanentError, TransientError, classify_error_text

_PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, remove_comments=True
)


@dataclass(frozen=True, slots=True)
class SearchReply:
    """One esearch answer: Count, the ids on this page, how PubMed read the query, and notes."""

    count: int
    ret_start: int
    ret_max: int
    ids: tuple[str, ...]
    query_translation: str | None
    translations: tuple[tuple[str, str], ...] = ()
    errors: dict[str, list[str]] = field(default_factory=dict)  # ErrorList, by element name
    warnings: dict[str, list[str]] = field(default_factory=dict)  # WarningList, by element name


def looks_like_html(body: bytes) -> bool:
    """An HTML page (an error page served in place of XML), judged from its first bytes."""
    head = body[:1024].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html")) or b"<html" in head[:300]


def _error_texts(root: etree._Element) -> list[str]:
    """Non-empty `<ERROR>` texts under the root (an empty `<ERROR/>` is no error: espell.xml)."""
    return [" ".join(text.split()) for e in root.iter("ERROR") if (text := "".join(e.itertext())).strip()]


def raise_for_error_elements(root: etree._Element, endpoint: str) -> None:
    texts = _error_texts(root)
    if texts:
        message = "; ".join(texts)
        raise classify_error_text(message)(f"{endpoint} answered with an error: {message}")


def parse_esearch(body: bytes) -> SearchReply:
    """The esearch answer in `body`; raises TransientError / PermanentError when there is none."""
    if looks_like_html(body):
        raise TransientError("esearch: an HTML page came back instead of XML (an NCBI error page)")
    try:
        root = etree.fromstring(body, _PARSER)
    except etree.XMLSyntaxError as exc:
        raise TransientError(f"esearch: truncated or malformed XML ({exc.msg})") from exc
    if root.tag != "eSearchResult":
        raise TransientError(f"esearch: unexpected root element <{root.tag}>")
    raise_for_error_elements(root, "esearch")
    count = root.findtext("Count")
    if count is None or not count.strip().isdigit():
        raise TransientError("esearch: the answer has no Count (incomplete body)")
    id_list = root.find("IdList")
    ids = tuple((e.text or "").strip() for e in id_list.iter("Id")) if id_list is not None else ()
    translations = tuple(
        (" ".join((t.findtext("From") or "").split()), " ".join((t.findtext("To") or "").split()))
        for t in root.iterfind("TranslationSet/Translation")
    )
    return SearchReply(
        count=int(count),
        ret_start=int(root.findtext("RetStart") or 0),
        ret_max=int(root.findtext("RetMax") or 0),
        ids=ids,
        query_translation=root.findtext("QueryTranslation"),
        translations=translations,
        errors=_notes(root.find("ErrorList")),
        warnings=_notes(root.find("WarningList")),
    )


def _notes(container: etree._Element | None) -> dict[str, list[str]]:
    notes: dict[str, list[str]] = {}
    if container is not None:
        for child in container:
            if isinstance(child.tag, str):
                notes.setdefault(child.tag, []).append(" ".join("".join(child.itertext()).split()))
    return notes


def parse_efetch(body: bytes, label: str) -> list[ParsedItem]:
    """The records and deletions of a PubMed efetch body; raises when the body is not complete.

    Completeness is checked twice: the document must end with `</PubmedArticleSet>` (a body
    cut at an article boundary is well-formed up to there, so the parser alone would accept
    the records before the cut) and must then parse completely.
    """
    if looks_like_html(body):
        raise TransientError(f"efetch {label}: an HTML page came back instead of XML (an NCBI error page)")
    stripped = body.rstrip()
    if b"<PubmedArticleSet" not in body[:4096]:
        _raise_for_non_pubmed_xml(body, label)
    if not stripped.endswith((b"</PubmedArticleSet>", b"<PubmedArticleSet/>")):
        raise TransientError(f"efetch {label}: truncated body (no closing </PubmedArticleSet>, {len(body)} bytes)")
    try:
        return parse_pubmed_xml(body, name=label)
    except PubMedXMLError as exc:
        raise TransientError(f"efetch {label}: the body did not parse: {exc}") from exc


def _raise_for_non_pubmed_xml(body: bytes, label: str) -> None:
    """An efetch body that is not a PubmedArticleSet: an `<ERROR>` answer, or garbage."""
    try:
        root = etree.fromstring(body, _PARSER)
    except etree.XMLSyntaxError as exc:
        raise TransientError(f"efetch {label}: truncated or malformed body ({exc.msg})") from exc
    raise_for_error_elements(root, f"efetch {label}")
    raise PermanentError(f"efetch {label}: unexpected root element <{root.tag}> (not PubMed XML)")

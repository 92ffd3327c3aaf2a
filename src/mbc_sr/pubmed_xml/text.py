"""Readable plain text from PubMed's mixed-content elements (titles, abstracts, keywords).

PubMed keeps inline markup (`<i> <b> <u> <sup> <sub>`) and MathML in titles and abstracts.
Downstream stages (query matching, dedup, screening, extraction) want the words, so markup
is dropped and MathML is linearised.
"""

from __future__ import annotations

from lxml import etree

MATHML_NS = "http://www.w3.org/1998/Math/MathML"


def flatten_text(element: etree._Element | None) -> str:
    """Plain readable text of an element with inline markup (<i>, <sup>, MathML) flattened.

    Inline tags add nothing but their text; MathML superscripts and subscripts become "^"
    and "_" so that MathML "R<msup>2" reads "R^2" rather than "R2". White space is collapsed.
    The element's own tail is not part of it (that text belongs to the parent).
    """
    if element is None:
        return ""
    if len(element) == 0:
        text = element.text
        if not text:
            return ""
        # Fast path for plain ASCII with single spaces; anything else (newlines, no-break and
        # thin spaces, ...) is collapsed exactly as in marked-up text.
        if text.isascii() and "  " not in text and "\n" not in text and "\t" not in text and "\r" not in text:
            return text.strip()
        return " ".join(text.split())
    parts: list[str] = [element.text] if element.text else []
    for child in element:
        _collect_text(child, parts)
    return " ".join("".join(parts).split())


def _collect_text(element: etree._Element, parts: list[str]) -> None:
    tag = element.tag
    if isinstance(tag, str) and tag.startswith(_MATHML_PREFIX):
        parts.append(_mathml_text(element))
    elif isinstance(tag, str):
        if element.text:
            parts.append(element.text)
        for child in element:
            _collect_text(child, parts)
    if element.tail:
        parts.append(element.tail)


_MATHML_PREFIX = "{" + MATHML_NS + "}"
_MATHML_SCRIPTS = {"msup": "^", "msub": "_"}


def _mathml_text(element: etree._Element) -> str:
    """Linear text of a MathML tree; white space between MathML elements is insignificant."""
    tag = element.tag.rpartition("}")[2] if isinstance(element.tag, str) else ""
    children = [child for child in element if isinstance(child.tag, str)]
    if tag in _MATHML_SCRIPTS and len(children) == 2:
        return _mathml_text(children[0]) + _MATHML_SCRIPTS[tag] + _mathml_text(children[1])
    if tag == "msubsup" and len(children) == 3:
        return f"{_mathml_text(children[0])}_{_mathml_text(children[1])}^{_mathml_text(children[2])}"
    if tag == "mfrac" and len(children) == 2:
        return f"{_mathml_text(children[0])}/{_mathml_text(children[1])}"
    if tag == "msqrt":
        return "sqrt(" + "".join(_mathml_text(child) for child in children) + ")"
    if tag == "semantics" and children:
        return _mathml_text(children[0])  # the rest are annotations of the same formula
    if tag == "mspace":
        return " "
    if tag == "mtext":
        # Running text inside a formula: its spaces (often thin spaces) separate words, and
        # flatten_text collapses them to plain spaces afterwards.
        return element.text or ""
    text = (element.text or "").strip()
    return text + "".join(_mathml_text(child) for child in children)

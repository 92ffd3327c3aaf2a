"""Pieces → XML elements: runs of articles parsed on worker threads, the glue streamed here.

A run of whole articles (see `stream.ArticleFramer`) is parsed in one `etree.fromstring`
call, during which lxml releases the GIL: two runs can be parsed while the main thread maps
the previous run's articles to records. One `fromstring` per run is also cheaper than
`iterparse`, which pays for its event machinery on every element.

The glue (prolog, root tags, `<DeleteCitation>`, an article cut short by the end of input)
goes through one pull parser, in which each run stands as a newline; its errors (a root never
closed, a truncated file) name the file's line.

Every parser here is safe the same way: no DTD loading, no network, no entity expansion.
"""

from __future__ import annotations

import io
import re
import threading
from collections.abc import Callable, Iterator

from lxml import etree

from mbc_sr.pubmed_xml.stream import ArticleRun, PubMedXMLError, UnsafeXMLError
from mbc_sr.records import Deletion

ARTICLE_TAGS = ("PubmedArticle", "PubmedBookArticle")

_SAFE = {
    "load_dtd": False,
    "no_network": True,
    "resolve_entities": False,
    "dtd_validation": False,
    "huge_tree": False,
    "remove_comments": True,
    "collect_ids": False,
}
_THREAD = threading.local()  # lxml releases the GIL only with one parser per thread


def _thread_parser() -> etree.XMLParser:
    parser = getattr(_THREAD, "parser", None)
    if parser is None:
        parser = _THREAD.parser = etree.XMLParser(**_SAFE)
    return parser


def parse_run(run: ArticleRun, wrapper: tuple[bytes, bytes]) -> etree._Element:
    """The run as one document: its root's children are the articles. Raises XMLSyntaxError."""
    opening, closing = wrapper
    return etree.fromstring(opening + run.data + closing, _thread_parser())


def run_articles_until_fault(
    run: ArticleRun, wrapper: tuple[bytes, bytes], label: str
) -> Iterator[etree._Element]:
    """The articles of a run that failed to parse, in order up to the fault, then the fault.

    The slow path, taken only for broken input, so that records before the fault are still
    yielded (as the streaming contract promises) and the error names the file's line.
    """
    opening, closing = wrapper
    context = etree.iterparse(io.BytesIO(opening + run.data + closing), events=("end",), tag=ARTICLE_TAGS, **_SAFE)
    try:
        for _event, element in context:
            yield element
    except etree.XMLSyntaxError as exc:
        raise syntax_error(exc, label, lambda line: line + run.first_line - 1) from exc


def syntax_error(
    exc: etree.XMLSyntaxError, label: str, file_line: Callable[[int], int] = lambda line: line
) -> PubMedXMLError:
    """A libxml2 syntax error as a `PubMedXMLError` whose line numbers (also those inside
    libxml2's message, e.g. "ArticleTitle line 12 and ArticleTitl") are the file's."""
    problem = re.sub(r"\bline (\d+)", lambda m: f"line {file_line(int(m.group(1)))}", exc.msg or str(exc))
    line = file_line(exc.lineno) if exc.lineno else None
    if "entity" in problem.lower():
        return UnsafeXMLError(label, line, f"refused: entity reference: {problem}")
    return PubMedXMLError(label, line, f"malformed or truncated XML: {problem}")


class GlueParser:
    """Streams everything outside the articles; yields the deletions it finds.

    Each run stands in the glue as one newline; `_hidden` remembers how many more lines it
    held, so that an error's line is the file's line.
    """

    def __init__(self, label: str) -> None:
        self._label = label
        # Not collect_ids=False: with it, lxml 6's feed parser reports the DOCTYPE's unloaded
        # external DTD as an error at close().
        options = {key: value for key, value in _SAFE.items() if key != "collect_ids"}
        self._parser = etree.XMLPullParser(events=("end",), tag="DeleteCitation", **options)
        self._line = 1  # the glue's line at the end of what was fed
        self._hidden: list[tuple[int, int]] = []  # (glue line where a run stood, lines it hid)

    def feed(self, data: bytes) -> list[Deletion]:
        self._line += data.count(b"\n")
        try:
            self._parser.feed(data)
        except etree.XMLSyntaxError as exc:
            raise self._error(exc) from exc
        return self._deletions()

    def skip_run(self, run: ArticleRun) -> None:
        """Stand in for a run that was parsed elsewhere."""
        if run.newlines:
            self._hidden.append((self._line, run.newlines - 1))
            self.feed(b"\n")

    def close(self) -> list[Deletion]:
        try:
            self._parser.close()
        except etree.XMLSyntaxError as exc:
            raise self._error(exc) from exc
        return self._deletions()

    def _error(self, exc: etree.XMLSyntaxError) -> PubMedXMLError:
        return syntax_error(exc, self._label, self._file_line)

    def _file_line(self, glue_line: int) -> int:
        return glue_line + sum(lines for at, lines in self._hidden if at < glue_line)

    def _deletions(self) -> list[Deletion]:
        found = []
        for _event, element in self._parser.read_events():
            for pmid in element.iterchildren("PMID"):
                version = pmid.get("Version")
                found.append(
                    Deletion((pmid.text or "").strip(), int(version) if version and version.isdecimal() else None)
                )
            element.clear(keep_tail=False)
        return found

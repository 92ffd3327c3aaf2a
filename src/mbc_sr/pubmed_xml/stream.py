"""Bytes in: open a PubMed XML source, check it is safe, and frame it into pieces.

`ArticleFramer` cuts the decompressed bytes into runs of whole articles and the glue between
them (prolog, root tags, `<DeleteCitation>`), without parsing XML: each run is then parsed as a
small document of its own on a worker thread (`mbc_sr.pubmed_xml.runs`), which lets libxml2
work without holding the GIL while the record mapping runs. On the way the framer hashes each
article's raw bytes and blanks its reference lists (see `ArticleFramer`).

Compressed input is inflated and framed on a background thread (zlib and sha256 release the
GIL), so decompression overlaps with parsing and mapping on a two-core machine.
"""

from __future__ import annotations

import hashlib
import io
import queue
import re
import threading
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

PUBMED_ROOTS = ("PubmedArticleSet", "PubmedBookArticleSet")
PROLOG_LIMIT = 1 << 16
_CHUNK = 1 << 20
# A run is closed once it holds this many bytes: bounds the size of each parsed tree (and
# keeps run-relative lines far below 65,535, where libxml2's line numbers stop being exact).
_RUN_BYTES = 1 << 20


class PubMedXMLError(ValueError):
    """The input is not complete, well-formed PubMed XML. Names the source and line."""

    def __init__(self, source: str, line: int | None, problem: str, records_read: int = 0):
        self.source = source
        self.line = line
        self.problem = problem
        self.records_read = records_read
        where = f"{source}, line {line}" if line else source
        tail = f" ({records_read} complete records came before the fault)" if records_read else ""
        super().__init__(f"{where}: {problem}{tail}")


class UnsafeXMLError(PubMedXMLError):
    """The document declares or uses entities: refused, because expanding them is how XML bombs work."""


# --------------------------------------------------------------------------- opening


def open_chunks(source: str | Path | bytes, name: str | None) -> tuple[Iterator[bytes], str]:
    """The decompressed bytes of `source` as a lazy iterator of chunks, and a label for errors.

    Gzip is recognised by its magic bytes, not by the file name.
    """
    if isinstance(source, (bytes, bytearray, memoryview)):
        data = bytes(source)
        label = name or "<in-memory XML>"
        if data[:2] == b"\x1f\x8b":
            return _inflate(io.BytesIO(data), label), label
        return iter((data,)), label
    path = Path(source)
    label = name or str(path)
    try:
        raw = path.open("rb")
    except OSError as exc:
        raise PubMedXMLError(label, None, f"cannot open: {exc.strerror or exc}") from exc
    if raw.read(2) == b"\x1f\x8b":
        raw.seek(0)
        return _inflate(raw, label), label
    raw.seek(0)
    return _read(raw, label), label


def _inflate(stream: BinaryIO, label: str) -> Iterator[bytes]:
    """Gzip members inflated with zlib directly, a chunk at a time.

    `gzip.GzipFile` reads through a Python loop over small buffers; one zlib call per
    compressed chunk does the same work with the GIL released, which matters because this
    runs beside the parser threads. The gzip trailer (CRC-32, length) is checked by zlib.
    """
    with stream:
        inflater = zlib.decompressobj(wbits=31)
        try:
            while compressed := stream.read(_CHUNK // 4):
                while True:
                    inflated = inflater.decompress(compressed, _CHUNK)
                    if inflated:
                        yield inflated
                    if inflater.eof:  # end of a gzip member: another may follow
                        compressed = inflater.unused_data
                        if not compressed.strip(b"\0"):
                            break  # zero padding after the last member is allowed
                        inflater = zlib.decompressobj(wbits=31)
                        continue
                    compressed = inflater.unconsumed_tail
                    if not compressed and len(inflated) < _CHUNK:
                        break  # all input consumed and no output held back
            if not inflater.eof:
                raise EOFError("the compressed data ended before the end of the gzip stream")
        except (OSError, EOFError, zlib.error) as exc:
            raise PubMedXMLError(label, None, f"truncated or corrupt compressed input: {exc}") from exc


def _read(stream: BinaryIO, label: str) -> Iterator[bytes]:
    with stream:
        try:
            while chunk := stream.read(_CHUNK):
                yield chunk
        except OSError as exc:
            raise PubMedXMLError(label, None, f"cannot read: {exc.strerror or exc}") from exc


# --------------------------------------------------------------------------- safety


_NAME = re.compile(rb"[A-Za-z_][\w.:-]*")


def check_prolog(head: bytes, label: str) -> tuple[bytes, bytes]:
    """Refuse entity declarations and non-PubMed documents before the XML parser sees them.

    Returns the opening and closing bytes that wrap each run of articles into a document of
    its own: the XML declaration (for its encoding) and the root start tag (for namespaces
    declared on it), on one line so that lines inside a run map back to the file.

    lxml runs with entity resolution, DTD loading and network access off; this check adds a
    clear refusal for documents that *declare* entities (the XML bomb and external-entity
    shapes), and a clear message for HTML error pages served in place of XML. It walks the
    prolog (XML declaration, comments, processing instructions, DOCTYPE with its internal
    subset) to the root start tag; a prolog longer than 64 KiB is refused, since no PubMed
    document has one and an entity declaration could hide past the end.
    """
    if not head.strip():
        raise PubMedXMLError(label, 1, "empty input: no XML at all")
    position = 0
    declaration = b""

    def line_at(offset: int) -> int:
        return head.count(b"\n", 0, offset) + 1

    def skip_past(marker: bytes, start: int, what: str) -> int:
        end = head.find(marker, start)
        if end < 0:
            raise PubMedXMLError(label, line_at(start), f"{what} does not end within the first 64 KiB: not PubMed XML")
        return end + len(marker)

    while True:
        while position < len(head) and head[position : position + 1].isspace():
            position += 1
        if head.startswith(b"\xef\xbb\xbf", position):  # UTF-8 byte-order mark
            position += 3
            continue
        if position >= len(head):
            raise PubMedXMLError(label, line_at(position), "no root element: not PubMed XML")
        if head.startswith(b"<?", position):
            start = position
            position = skip_past(b"?>", position, "a processing instruction")
            if head.startswith(b"<?xml", start) and head[start + 5 : start + 6].isspace():
                declaration = head[start:position]
        elif head.startswith(b"<!--", position):
            position = skip_past(b"-->", position, "a comment")
        elif head[position : position + 9].upper() == b"<!DOCTYPE":
            doctype_start = position
            close = head.find(b">", position)
            subset = head.find(b"[", position)
            if subset >= 0 and (close < 0 or subset < close):
                position = skip_past(b"]", subset, "the DOCTYPE's internal subset")
            position = skip_past(b">", position, "the DOCTYPE")
            doctype = head[doctype_start:position]
            if b"<!ENTITY" in doctype:
                raise UnsafeXMLError(
                    label,
                    line_at(doctype_start + doctype.index(b"<!ENTITY")),
                    "refused: the document declares XML entities (XML bomb / external entity risk)",
                )
        elif head.startswith(b"<", position):
            match = _NAME.match(head, position + 1)
            tag = match.group(0).decode("ascii", "replace") if match else head[position : position + 20].decode("utf-8", "replace")
            if tag.lower() == "html":
                raise PubMedXMLError(
                    label, line_at(position), "an HTML page, not PubMed XML (an error page served instead of data?)"
                )
            if tag not in PUBMED_ROOTS:
                raise PubMedXMLError(
                    label, line_at(position), f"root element <{tag}> is not one of {', '.join(PUBMED_ROOTS)}"
                )
            return _run_wrapper(head, declaration, position, tag)
        else:
            snippet = head[position : position + 30].decode("utf-8", "replace")
            raise PubMedXMLError(label, line_at(position), f"not XML, so not PubMed XML: starts with {snippet!r}")


def _run_wrapper(head: bytes, declaration: bytes, root_start: int, tag: str) -> tuple[bytes, bytes]:
    end = head.find(b">", root_start)
    start_tag = head[root_start : end + 1] if end > root_start else f"<{tag}>".encode()
    if start_tag.endswith(b"/>"):  # an empty root holds no articles; the wrapper is never used
        start_tag = start_tag[:-2] + b">"
    opening = (declaration + start_tag).translate(_ONE_LINE)
    return opening, f"</{tag}>".encode()


_ONE_LINE = bytes.maketrans(b"\r\n", b"  ")


def peek_head(chunks: Iterator[bytes]) -> tuple[bytes, Iterator[bytes]]:
    """The first 64 KiB (or all of a shorter input), and an iterator that yields everything again."""
    head = b""
    taken: list[bytes] = []
    for chunk in chunks:
        taken.append(chunk)
        head += chunk
        if len(head) >= PROLOG_LIMIT:
            break

    def replay() -> Iterator[bytes]:
        yield from taken
        yield from chunks

    return head[:PROLOG_LIMIT], replay()


# --------------------------------------------------------------------------- framing


@dataclass(slots=True)
class ArticleRun:
    """Consecutive whole articles (reference lists blanked), parsed as one small document.

    `first_line` is the line of the file on which `data` starts, so a line inside the run maps
    back to the file as `first_line + line - 1`; `hashes` holds each article's raw sha256 in order.
    """

    data: bytes
    first_line: int
    newlines: int
    hashes: list[str]


@dataclass(slots=True)
class Glue:
    """Everything outside articles: prolog, root tags, `<DeleteCitation>`, and whatever is left
    of an article cut short by the end of input."""

    data: bytes


Piece = ArticleRun | Glue


class ArticleFramer:
    """Turns raw chunks into pieces: runs of whole articles, and the glue between them.

    On the way it hashes the raw bytes of every article (the store uses the hash to see
    whether a record changed; hashing bytes here is 4x cheaper than re-serialising the parsed
    element) and blanks each article's reference lists (`<ReferenceList>`, always the last
    children of PubmedData/BookDocument), which the record model does not keep but which are
    a third of a recent update file. A blanked span is replaced by as many newlines as it held,
    so line numbers in errors still point into the original file.

    Articles never nest and PubMed XML has no CDATA, so an article's bytes run from its start
    tag to the first matching end tag; white space between two articles stays in the run.

    It also refuses entity references other than XML's five predefined ones and character
    references: with the DTD not loaded, libxml2 cannot tell whether `&foo;` is declared and
    would silently drop it from the text. On such an article `error` is set and framing stops
    (the articles before it are still passed on, so the parser counts them).
    """

    _START = re.compile(rb"<(PubmedArticle|PubmedBookArticle)[\s>]")
    _UNKNOWN_ENTITY = re.compile(rb"&(?!(?:amp|lt|gt|quot|apos|#[0-9]+|#x[0-9A-Fa-f]+);)([^\s;<]{0,40});?")
    _REFERENCES_OPEN = b"<ReferenceList"
    _REFERENCES_CLOSE = b"</ReferenceList>"

    def __init__(self, label: str = "<input>") -> None:
        self._label = label
        self._pending = b""  # an article not yet closed, or a tail that may hold a split start tag
        self._pending_line = 0  # newlines before the first byte of _pending
        self._close: bytes | None = None
        self.error: PubMedXMLError | None = None

    def finish(self) -> list[Piece]:
        """What is left at the end of input (an unfinished article: the glue parser reports where)."""
        rest, self._pending = self._pending, b""
        return [Glue(rest)] if rest else []

    def frame(self, chunk: bytes) -> list[Piece]:
        # Offsets into `data` and memoryview slices: each byte is copied once, into its run.
        data = self._pending + chunk if self._pending else chunk
        view = memoryview(data)
        pieces: list[Piece] = []
        run: list = []  # slices of `data` (and blanked spans) that make up the open run
        run_start = -1  # offset in `data` of the open run's first byte
        run_hashes: list[str] = []
        line = self._pending_line  # newlines before data[counted]
        counted = 0
        position = 0  # everything before this has been passed on

        def close_run(end: int) -> None:
            nonlocal run, run_start, run_hashes, line, counted
            line += data.count(b"\n", counted, run_start)
            newlines = data.count(b"\n", run_start, end)
            pieces.append(ArticleRun(b"".join(run), line + 1, newlines, run_hashes))
            line += newlines
            counted = end
            run, run_start, run_hashes = [], -1, []

        def keep_pending(start: int) -> None:
            self._pending_line = line + data.count(b"\n", counted, start)
            self._pending = data[start:]

        while True:
            if self._close is None:
                match = self._next_start(data, position)
                if match is None:
                    keep = max(position, len(data) - 24)  # room for a start tag cut in two
                    if run_start >= 0:
                        close_run(position)
                    if keep > position:
                        pieces.append(Glue(data[position:keep]))
                    keep_pending(keep)
                    return pieces
                start = match.start()
                if run_start >= 0 and (start == position or data[position:start].isspace()):
                    run.append(view[position:start])
                else:
                    if run_start >= 0:
                        close_run(position)
                    if start > position:
                        pieces.append(Glue(data[position:start]))
                self._close = b"</" + match.group(1) + b">"
                position = start
                search_from = match.end()
            else:
                search_from = position
            end = data.find(self._close, search_from)
            if end < 0:
                if run_start >= 0:
                    close_run(position)
                keep_pending(position)
                return pieces
            end += len(self._close)
            if data.find(b"&", position, end) >= 0:
                unknown = self._UNKNOWN_ENTITY.search(data, position, end)
                if unknown:
                    fault_line = line + data.count(b"\n", counted, unknown.start()) + 1
                    name = unknown.group(1).decode("utf-8", "replace")
                    self.error = UnsafeXMLError(
                        self._label, fault_line,
                        f"refused: reference to undeclared entity '&{name};' (only &amp; &lt; &gt; &quot; &apos; "
                        "and character references are accepted; the DTD is never loaded)",
                    )
                    if run_start >= 0:
                        close_run(position)
                    self._pending, self._close = b"", None
                    return pieces
            if run_start < 0:
                run_start = position
            run_hashes.append(hashlib.sha256(view[position:end]).hexdigest())
            self._append_without_references(data, view, position, end, run)
            self._close = None
            position = end
            if position - run_start >= _RUN_BYTES:
                close_run(position)

    def _next_start(self, data: bytes, position: int) -> re.Match | None:
        """The next article start tag: a plain find for "<Pubmed", then the exact pattern
        (a regex search scans byte by byte; find runs at memory speed)."""
        while (found := data.find(b"<Pubmed", position)) >= 0:
            match = self._START.match(data, found)
            if match:
                return match
            position = found + 1
        return None

    def _append_without_references(self, data: bytes, view: memoryview, start: int, end: int, run: list) -> None:
        references = data.find(self._REFERENCES_OPEN, start, end)
        references_end = data.rfind(self._REFERENCES_CLOSE, start, end) if references >= 0 else -1
        if references < 0 or references_end < references:
            run.append(view[start:end])
            return
        references_end += len(self._REFERENCES_CLOSE)
        run.append(view[start:references])
        run.append(b"\n" * data.count(b"\n", references, references_end))
        run.append(view[references_end:end])


class FramedPieces:
    """The pieces of an input in document order, produced on a background thread.

    Inflating, hashing and framing run on the second core while runs are parsed and mapped
    (zlib and sha256 release the GIL). At most `depth` chunks' pieces wait in the queue, so
    memory stays bounded. An error on the thread is raised by the iterator, after the pieces
    that came before it.
    """

    def __init__(self, chunks: Iterator[bytes], framer: ArticleFramer, depth: int = 4):
        self._queue: queue.Queue = queue.Queue(depth)
        self._stop = threading.Event()
        self._thread = threading.Thread(
            target=self._pump, args=(chunks, framer), name="pubmed-xml-framer", daemon=True
        )
        self._thread.start()

    def _pump(self, chunks: Iterator[bytes], framer: ArticleFramer) -> None:
        try:
            for chunk in chunks:
                if self._stop.is_set():
                    return
                pieces = framer.frame(chunk)
                if pieces:
                    self._put(pieces)
                if framer.error is not None:
                    self._put(framer.error)
                    return
            self._put(framer.finish())
            self._put(None)
        except Exception as exc:  # handed to the consuming thread, which raises it
            self._put(exc)
        finally:
            close = getattr(chunks, "close", None)
            if close:
                close()

    def _put(self, item) -> None:
        while not self._stop.is_set():
            try:
                self._queue.put(item, timeout=0.1)
                return
            except queue.Full:
                continue

    def __iter__(self) -> Iterator[Piece]:
        while True:
            item = self._queue.get()
            if item is None:
                return
            if isinstance(item, Exception):
                raise item
            yield from item

    def close(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)

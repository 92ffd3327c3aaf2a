"""Bytes in: open a PubMed XML source, check it is safe, and frame it into articles.

The parser (`mbc_sr.pubmed_xml`) reads through `ArticleFramer`, which on the way:

* hashes the raw bytes of every `<PubmedArticle>` / `<PubmedBookArticle>` (the store uses the
  hash to see whether a record changed; hashing bytes here is 4x cheaper than re-serialising
  the parsed element);
* blanks out each article's reference lists (`<ReferenceList>`, always the last children of
  PubmedData/BookDocument), which the record model does not keep but which are a third of a
  recent update file. The blanked span is replaced by as many newlines as it held, so line
  numbers in errors still point into the original file.

Compressed input is inflated on a second thread (zlib releases the GIL), so decompression
overlaps with parsing on a two-core machine.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import queue
import re
import threading
import zlib
from collections import deque
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

PUBMED_ROOTS = ("PubmedArticleSet", "PubmedBookArticleSet")
PROLOG_LIMIT = 1 << 16
_CHUNK = 1 << 20


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
            return _read(gzip.GzipFile(fileobj=io.BytesIO(data)), label), label
        return iter((data,)), label
    path = Path(source)
    label = name or str(path)
    try:
        raw = path.open("rb")
    except OSError as exc:
        raise PubMedXMLError(label, None, f"cannot open: {exc.strerror or exc}") from exc
    if raw.read(2) == b"\x1f\x8b":
        raw.seek(0)
        return _read(gzip.GzipFile(fileobj=raw, mode="rb"), label), label
    raw.seek(0)
    return _read(raw, label), label


def _read(stream: BinaryIO, label: str) -> Iterator[bytes]:
    with stream:
        try:
            while chunk := stream.read(_CHUNK):
                yield chunk
        except (OSError, EOFError, gzip.BadGzipFile, zlib.error) as exc:
            raise PubMedXMLError(label, None, f"truncated or corrupt compressed input: {exc}") from exc


# --------------------------------------------------------------------------- safety


_NAME = re.compile(rb"[A-Za-z_][\w.:-]*")


def check_prolog(head: bytes, label: str) -> None:
    """Refuse entity declarations and non-PubMed documents before the XML parser sees them.

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
            position = skip_past(b"?>", position, "a processing instruction")
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
            return
        else:
            snippet = head[position : position + 30].decode("utf-8", "replace")
            raise PubMedXMLError(label, line_at(position), f"not XML, so not PubMed XML: starts with {snippet!r}")


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


class ArticleFramer:
    """Turns raw chunks into parser input: hashes articles and blanks their reference lists.

    Hashes are queued in document order in `hashes`; the parser cannot see an article's end
    tag before that tag has been framed here, so it can pop them in the same order.
    Articles never nest and PubMed XML has no CDATA, so an article's bytes run from its start
    tag to the first matching end tag.

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
        self.hashes: deque[str] = deque()
        self.error: PubMedXMLError | None = None

    def finish(self) -> bytes:
        """What is left at the end of input (an unfinished article: the parser reports where)."""
        rest, self._pending = self._pending, b""
        return rest

    def frame(self, chunk: bytes) -> bytes:
        # Offsets into `data`, never re-slicing it per article: a 1 MiB chunk holds ~100 articles.
        data = self._pending + chunk if self._pending else chunk
        out = bytearray()
        position = 0  # everything before this has been passed on
        while True:
            if self._close is None:
                match = self._START.search(data, position)
                if match is None:
                    keep = max(position, len(data) - 24)  # room for a start tag cut in two
                    out += data[position:keep]
                    self._keep_pending(data, keep)
                    return bytes(out)
                out += data[position : match.start()]
                self._close = b"</" + match.group(1) + b">"
                position = match.start()
                search_from = match.end()
            else:
                search_from = position
            end = data.find(self._close, search_from)
            if end < 0:
                self._keep_pending(data, position)
                return bytes(out)
            end += len(self._close)
            article = data[position:end]
            if b"&" in article:
                unknown = self._UNKNOWN_ENTITY.search(article)
                if unknown:
                    line = self._pending_line + data.count(b"\n", 0, position + unknown.start()) + 1
                    name = unknown.group(1).decode("utf-8", "replace")
                    self.error = UnsafeXMLError(
                        self._label, line,
                        f"refused: reference to undeclared entity '&{name};' (only &amp; &lt; &gt; &quot; &apos; "
                        "and character references are accepted; the DTD is never loaded)",
                    )
                    self._pending, self._close = b"", None
                    return bytes(out)
            self.hashes.append(hashlib.sha256(article).hexdigest())
            out += self._without_references(article)
            self._close = None
            position = end

    def _keep_pending(self, data: bytes, start: int) -> None:
        self._pending_line += data.count(b"\n", 0, start)
        self._pending = data[start:]

    def _without_references(self, article: bytes) -> bytes:
        start = article.find(self._REFERENCES_OPEN)
        if start < 0:
            return article
        end = article.rfind(self._REFERENCES_CLOSE)
        if end < start:
            return article
        end += len(self._REFERENCES_CLOSE)
        return article[:start] + b"\n" * article.count(b"\n", start, end) + article[end:]


class FramedReader(io.RawIOBase):
    """The readable stream lxml parses: framed chunks, produced on a background thread.

    Inflating and framing run on the second core while the parser and the record mapping
    run here (zlib and sha256 release the GIL). At most `depth` chunks wait in the queue,
    so memory stays bounded. Errors on the thread are raised here, in read().
    """

    def __init__(self, chunks: Iterator[bytes], framer: ArticleFramer, depth: int = 4):
        self._queue: queue.Queue = queue.Queue(depth)
        self._stop = threading.Event()
        self._buffer = b""
        self._offset = 0
        self._eof = False
        self._thread = threading.Thread(
            target=self._pump, args=(chunks, framer), name="pubmed-xml-framer", daemon=True
        )
        self._thread.start()

    def _pump(self, chunks: Iterator[bytes], framer: ArticleFramer) -> None:
        try:
            for chunk in chunks:
                if self._stop.is_set():
                    return
                framed = framer.frame(chunk)
                if framed:
                    self._put(framed)
                if framer.error is not None:
                    self._put(framer.error)
                    return
            self._put(framer.finish())
            self._put(None)
        except Exception as exc:  # handed to the parsing thread, which raises it
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

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        while self._offset >= len(self._buffer):
            if self._eof:
                return b""
            item = self._queue.get()
            if item is None:
                self._eof = True
                return b""
            if isinstance(item, Exception):
                self._eof = True
                raise item
            self._buffer, self._offset = item, 0
        if size is None or size < 0:
            size = len(self._buffer) - self._offset
        data = self._buffer[self._offset : self._offset + size]
        self._offset += len(data)
        return data

    def readinto(self, buffer) -> int:
        data = self.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)

    def close(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)
        super().close()

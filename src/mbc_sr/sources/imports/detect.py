"""Reading an export file and telling its format from its content (never from its extension).

A gzip file is recognised by its magic bytes and read decompressed. Text must be UTF-8 (a
byte-order mark is allowed): a file in another encoding is refused with the line of the
first byte that is not UTF-8, rather than read with guessed characters.
"""

from __future__ import annotations

import csv
import gzip
import re
from pathlib import Path

from mbc_sr.sources.imports.common import ImportFileError

FORMATS = ("ris", "medline", "endnote", "csv")

_RIS_START = re.compile(r"^TY  - ?")
_MEDLINE_TAG = re.compile(r"^[A-Z][A-Z0-9]{1,3} {0,3}- ")


def read_bytes(path: Path) -> bytes:
    data = path.read_bytes()
    if data[:2] == b"\x1f\x8b":
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError) as exc:
            raise ImportFileError(str(path), f"not a complete gzip file ({exc})") from None
    return data


def decode(path: Path, data: bytes) -> str:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ImportFileError(str(path), f"not UTF-8 text (byte {exc.start}); re-export as UTF-8", line=line) from None
    return text


def detect_format(path: Path, text: str) -> str:
    """"ris", "medline", "endnote" or "csv", from the first lines of `text`."""
    head = text.lstrip("\ufeff \t\r\n")[:4000]
    first = head.split("\n", 1)[0].rstrip("\r")
    if head.startswith("<"):
        if re.search(r"<(PubmedArticleSet|PubmedArticle)\b", head):
            raise ImportFileError(
                str(path), "this is PubMed XML: store it with `mbc-sr ingest` or `mbc-sr local-search`, not import"
            )
        if re.search(r"<records?\b", head) and re.search(r"<(ref-type|rec-number|titles|database)\b", head):
            return "endnote"
        raise ImportFileError(str(path), "XML, but not an EndNote XML export (<xml><records><record>)", line=1)
    lines = head.splitlines()[:30]
    if any(_RIS_START.match(line) for line in lines):
        return "ris"  # a stray line before the first record is then reported by the RIS reader
    if any(line.startswith("PMID- ") for line in lines) and (_MEDLINE_TAG.match(first) or first.startswith("PMID- ")):
        return "medline"
    if first.startswith("FN ") or first.startswith("PT "):
        raise ImportFileError(
            str(path), "Web of Science tagged text (FN/PT) is not supported: export RIS instead", line=1
        )
    try:
        dialect = csv.Sniffer().sniff(head.split("\n", 1)[0] + "\n", delimiters=",;\t")
        if dialect.delimiter in first:
            return "csv"
    except csv.Error:
        pass
    raise ImportFileError(
        str(path), f"unrecognised format (expected RIS, MEDLINE/.nbib, EndNote XML or CSV); it starts {first[:60]!r}",
        line=1,
    )  # fmt: skip

"""The raw-response archive: every body NCBI sent, compressed, named by its sha256.

A review team must be able to show which bytes a run's records came from, years later and
without PubMed. So every response body is written here *before* it is parsed (a parser
bug or a crash cannot lose the evidence), and a run's manifest lists the hashes of its
bodies in order. `mbc-sr replay RUN` rebuilds the run from these files alone.

Content addressing (`<root>/<sha[:2]>/<sha>.xml.gz`, sha256 of the uncompressed body) makes
the archive append-only and self-checking: a body already present is not written again,
two runs that received the same bytes share one file, and a file whose content does not
hash to its name is detected on read. Files are gzip with a zero timestamp (the same body
always compresses to the same bytes) and appear atomically (written to a temporary name,
then renamed), so a killed process never leaves a half-written file under a real name.
"""

from __future__ import annotations

import gzip
import hashlib
import os
import tempfile
import zlib
from pathlib import Path


class ArchiveError(RuntimeError):
    """An archived body is missing or does not match its hash."""


class Archive:
    """A content-addressed directory of compressed response bodies."""

    SUFFIX = ".xml.gz"

    def __init__(self, root: str | os.PathLike[str], compresslevel: int = 6):
        self.root = Path(root)
        self.compresslevel = compresslevel

    def path(self, sha256: str) -> Path:
        return self.root / sha256[:2] / f"{sha256}{self.SUFFIX}"

    def put(self, body: bytes) -> str:
        """Store `body` (if not already there) and return its sha256."""
        sha256 = hashlib.sha256(body).hexdigest()
        target = self.path(sha256)
        if target.exists():
            return sha256
        target.parent.mkdir(parents=True, exist_ok=True)
        compressed = gzip.compress(body, compresslevel=self.compresslevel, mtime=0)
        handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".incoming-", suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(compressed)
                stream.flush()
                os.fsync(stream.fileno())
            os.replace(temporary, target)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        return sha256

    def get(self, sha256: str) -> bytes:
        """The body stored under `sha256`, checked against its hash."""
        target = self.path(sha256)
        try:
            body = gzip.decompress(target.read_bytes())
        except FileNotFoundError:
            raise ArchiveError(f"{target}: archived body {sha256} is missing") from None
        except (OSError, EOFError, zlib.error) as exc:
            raise ArchiveError(f"{target}: archived body is corrupt ({exc})") from exc
        actual = hashlib.sha256(body).hexdigest()
        if actual != sha256:
            raise ArchiveError(f"{target}: content hashes to {actual}, not to its name {sha256}")
        return body

    def stored_size(self, sha256: str) -> int:
        return self.path(sha256).stat().st_size

"""The raw-response archive: content-addressed, compressed, atomic, self-checking."""

from __future__ import annotations

import gzip
import hashlib

import pytest

from mbc_sr.sources.eutils.archive import Archive, ArchiveError


def test_a_body_is_stored_once_under_its_sha256(tmp_path):
    archive = Archive(tmp_path)
    body = b"<PubmedArticleSet></PubmedArticleSet>\n" * 100
    sha = archive.put(body)
    assert sha == hashlib.sha256(body).hexdigest()
    path = archive.path(sha)
    assert path == tmp_path / sha[:2] / f"{sha}.xml.gz"
    assert gzip.decompress(path.read_bytes()) == body
    assert path.stat().st_size < len(body)
    before = path.stat().st_mtime_ns
    assert archive.put(body) == sha  # already there: not written again
    assert path.stat().st_mtime_ns == before
    assert archive.get(sha) == body
    assert not list(tmp_path.rglob(".incoming-*"))  # no temporary file left behind


def test_the_same_body_compresses_to_the_same_bytes(tmp_path):
    body = b"x" * 10_000
    first, second = Archive(tmp_path / "a"), Archive(tmp_path / "b")
    sha = first.put(body)
    second.put(body)
    assert first.path(sha).read_bytes() == second.path(sha).read_bytes()


def test_an_altered_or_missing_body_is_detected(tmp_path):
    archive = Archive(tmp_path)
    sha = archive.put(b"original")
    archive.path(sha).write_bytes(gzip.compress(b"altered"))
    with pytest.raises(ArchiveError, match="not to its name"):
        archive.get(sha)
    archive.path(sha).write_bytes(b"not gzip")
    with pytest.raises(ArchiveError, match="corrupt"):
        archive.get(sha)
    with pytest.raises(ArchiveError, match="missing"):
        archive.get("0" * 64)

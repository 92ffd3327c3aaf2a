"""The provenance manifest of a live search run: enough to prove which search produced which
records, and to rebuild them from the archive.

PRISMA-S asks a review to report each database searched, the exact query, the date it was
run and how many records it gave. A living review must also show *which bytes* each record
came from, because PubMed records change. The manifest (stored with the run, shown by
`mbc-sr runs --show RUN`) holds: the query and its sha256; how PubMed translated it; Count;
the date window and date type; the PMID list with its sha256; the PMIDs fetched and what
became of them; every HTTP exchange (no credentials), with the sha256 of each body in the
archive; timings; and the software versions. The API key is never in it (`settings.public`).
"""

from __future__ import annotations

import hashlib
import platform
from collections.abc import Iterable
from importlib.metadata import PackageNotFoundError, version
from typing import Any

MANIFEST_VERSION = 1


def pmids_sha256(pmids: Iterable[str]) -> str:
    """sha256 of the PMIDs sorted numerically, one per line (a list anyone can recompute)."""
    ordered = sorted(set(pmids), key=lambda pmid: (len(pmid), pmid))
    return hashlib.sha256("".join(f"{pmid}\n" for pmid in ordered).encode("ascii")).hexdigest()


def pmid_list(pmids: Iterable[str]) -> dict[str, Any]:
    ordered = sorted(set(pmids), key=lambda pmid: (len(pmid), pmid))
    return {"count": len(ordered), "sha256": pmids_sha256(ordered), "pmids": ordered}


def software_versions() -> dict[str, str]:
    found = {"python": platform.python_version()}
    for package in ("mbc-sr", "requests", "urllib3", "lxml", "sqlalchemy"):
        try:
            found[package] = version(package)
        except PackageNotFoundError:
            found[package] = "unknown"
    return found


def archive_section(root: str, exchanges: list[dict[str, Any]]) -> dict[str, Any]:
    """Every archived body of the run, in request order, with its outcome."""
    files = [
        {
            "seq": exchange["seq"],
            "endpoint": exchange["endpoint"],
            "sha256": exchange["body_sha256"],
            "bytes": exchange["body_bytes"],
            "outcome": exchange["outcome"],
        }
        for exchange in exchanges
        if exchange.get("body_sha256")
    ]
    return {"root": root, "layout": "<root>/<sha256[:2]>/<sha256>.xml.gz (gzip of the body)", "files": files}


def request_summary(exchanges: list[dict[str, Any]]) -> dict[str, Any]:
    by_endpoint: dict[str, int] = {}
    for exchange in exchanges:
        by_endpoint[exchange["endpoint"]] = by_endpoint.get(exchange["endpoint"], 0) + 1
    return {
        "total": len(exchanges),
        "retried": sum(exchange["outcome"].startswith("retried") for exchange in exchanges),
        "by_endpoint": by_endpoint,
    }

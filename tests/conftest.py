"""Test helpers shared by every test module: where the real third-party data lives.

The data is not in the repository: it sits in `../shared/data` beside the project root
(see ../shared/README.md). Without it the tests that need it are skipped with the reason,
except under CI (env `CI` set), where missing data is a failure, not a skip.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED_DATA = REPO.parent / "shared" / "data"
SHARED_PUBMED = SHARED_DATA / "pubmed"
SHARED_ENTREZ = SHARED_DATA / "entrez" / "biopython" / "Entrez"
SHARED_DTDS = SHARED_DATA / "entrez" / "biopython" / "DTDs"

# PubMed is never contacted from tests: any code that uses the E-utilities default base URL
# here gets a closed local port instead (tests that need a server start the NCBI stand-in).
os.environ.setdefault("NCBI_EUTILS_BASE_URL", "http://127.0.0.1:9/entrez/eutils/")

try:  # `make test` installs the package; a bare venv may not have it yet
    import mbc_sr  # noqa: F401
except ImportError:
    sys.path.insert(0, str(REPO / "src"))


def shared_path(relative: str | Path = "") -> Path:
    """`../shared/data/<relative>`; skips the calling test when it is absent (fails under CI)."""
    path = SHARED_DATA / relative
    if not path.exists():
        reason = f"shared test data not found: {path} (expected ../shared/data beside the repo)"
        if os.environ.get("CI"):
            pytest.fail(reason, pytrace=False)
        pytest.skip(reason)
    return path


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """The `../shared/data` directory (skip, or fail under CI, when it is absent)."""
    return shared_path()

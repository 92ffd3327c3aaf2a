"""The review's database: records (every version), runs, hits and deletions.

SQLAlchemy Core over SQLite (default, a file under outputs/) or PostgreSQL. `open_store()`
resolves where the store lives, migrates its schema and returns a `Store`.
"""

from mbc_sr.store.api import Store, StoreError, open_store
from mbc_sr.store.engine import ENV_VAR, resolve_url
from mbc_sr.store.migrations import SchemaVersionError, migrate
from mbc_sr.store.models import (
    BatchCounts,
    RecordRow,
    RecordState,
    RecordVersion,
    RunInfo,
    RunStart,
    StoreStats,
)

__all__ = [
    "ENV_VAR",
    "BatchCounts",
    "RecordRow",
    "RecordState",
    "RecordVersion",
    "RunInfo",
    "RunStart",
    "SchemaVersionError",
    "Store",
    "StoreError",
    "StoreStats",
    "migrate",
    "open_store",
    "resolve_url",
]

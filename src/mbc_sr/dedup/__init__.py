"""Deduplication: the same article found several times becomes one record; reports of one
trial are linked as one study.

Stages, each pure over records: `normalise` (prep) → `block` (candidate pairs, near-linear)
→ `match` (field scores with rapidfuzz, explicit rules) → `cluster` (constrained union-find)
→ `merge` (survivor + filled gaps) → `studies` (study linkage). `stage.deduplicate` runs them
in order; `io` reads files for standalone use; `store_io` is the edge to the store
(update-aware runs, the review queue, PRISMA duplicate counts).
"""

from mbc_sr.dedup.stage import DedupResult, Previous, deduplicate

__all__ = ["DedupResult", "Previous", "deduplicate"]

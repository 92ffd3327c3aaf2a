"""Who found what first: PRISMA's "duplicate records removed", per source.

The one rule, used by the dedup stage's store report and by the PRISMA counts alike:
within a duplicate cluster the first identification — earliest run; the survivor's own hit
before a merged copy's within a run — is kept, and every other (source, record) of the
cluster counts as a duplicate removed from the source that found it. A refresh that brings
a new copy of an already-stored article therefore counts it as a duplicate of the source
that delivered it, and a record found again by the same source is not a new
identification: it counts once.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Identifications:
    identified: Counter[str]  # source -> distinct records it found
    duplicates: Counter[str]  # source -> of those, duplicates removed
    clusters: frozenset[str]  # the survivors' keys: one unit per distinct article


def identifications(hits: Iterable[tuple[int, str, str]], survivor: Mapping[str, str]) -> Identifications:
    """`hits` are (run id, source, record key); `survivor` maps a merged key to its survivor."""
    first_seen: dict[tuple[str, str], int] = {}
    for run_id, source, key in sorted(hits, key=lambda hit: (hit[0], hit[2])):
        first_seen.setdefault((source, key), run_id)
    by_cluster: dict[str, list[tuple[int, int, str, str]]] = defaultdict(list)
    for (source, key), run_id in first_seen.items():
        cluster = survivor.get(key, key)
        by_cluster[cluster].append((run_id, 0 if key == cluster else 1, source, key))
    identified: Counter[str] = Counter()
    duplicates: Counter[str] = Counter()
    for members in by_cluster.values():
        members.sort()
        for position, (_run, _rank, source, _key) in enumerate(members):
            identified[source] += 1
            if position:
                duplicates[source] += 1
    return Identifications(identified, duplicates, frozenset(by_cluster))

"""A scaling set for deduplication: real PubMed records plus injected duplicates of known truth.

Why synthetic duplicates: no public set of 100,000 records has duplicate ground truth. The
records themselves are real (NLM PubMed files from ../shared/data/pubmed); only the copies
are made, the way other databases export the same article.

The generator (seeded, deterministic):

1. Base: distinct PMIDs (last version wins) of `pubmed21n1298.xml.gz` (20,788 records of
   2021), topped up with `pubmed20n0014.xml.gz` (30,000 records of the 1970s, half without
   abstracts) when more unique records are needed than the first file holds.
2. For a set of N records, U = 0.5·N base records are taken (a 50 % duplicate share, within
   the range of multi-database searches; 100k records need all ~50k real base records); the remaining records are copies of randomly chosen base
   records (a base record may get several), each a different database's export:
   * no PMID/PMCID (the copy comes from Embase/Scopus/WoS), source "embase"/"scopus"/"wos";
   * case: UPPER, lower or Title Case title; punctuation: removed, trailing period dropped,
     hyphens as spaces, "&" for "and";
   * authors as initials or with full fore names, list truncated to 3 or 6 names (copy of a
     database that truncates);
   * journal as ISO abbreviation, MEDLINE TA or full title; pages "595-7" ↔ "595-597";
   * missing DOI (40 %), missing pages (10 %), missing volume (5 %), year one off (5 %,
     epub vs issue year);
   * conference-abstract variant (8 % of copies): indexed as "Conference Abstract", title
     with an "[abstract]" label, 3 authors, no DOI, first page only.
3. Negative controls, counted among the N records and each its own cluster (true
   non-duplicates that resemble a base record): an erratum notice ("Erratum: <title>",
   publication type Published Erratum, other pages) and a letter commenting on it (same
   title, Comment/Letter, other authors and pages) for 1 % of base records each.

Ground truth: each base record with its copies is one cluster; every control is a singleton.
Distinct PMIDs count as distinct articles. PubMed itself holds some pairs of records of one
article — Spanish journals' English editions (Arch Bronconeumol, Actas Dermosifiliogr, An
Pediatr: same title, authors, volume and pages; two PMIDs and DOIs). Copies without PMID and
DOI cannot be told apart, so the "false merges" measured at scale are mostly such pairs: a
limit of this ground truth, reported as measured.
"""

from __future__ import annotations

import dataclasses
import random
import re
from pathlib import Path

from mbc_sr.records import Author, Journal, PublicationType, Record

SHARED_PUBMED = Path(__file__).resolve().parents[2] / "shared" / "data" / "pubmed"
FILES = ("pubmed21n1298.xml.gz", "pubmed20n0014.xml.gz")


def load_base(limit: int) -> list[Record]:
    """Up to `limit` real records with distinct PMIDs and a title."""
    from mbc_sr.pubmed_xml import ParsedRecord, iter_pubmed_xml

    records: dict[str, Record] = {}
    for name in FILES:
        for item in iter_pubmed_xml(SHARED_PUBMED / name):
            if isinstance(item, ParsedRecord) and item.record.title and item.record.pmid:
                records[item.record.pmid] = item.record
        if len(records) >= limit:
            break
    return list(records.values())[:limit]


def _case(title: str, rng: random.Random) -> str:
    return rng.choice((title.upper, title.lower, title.title, lambda: title))()


def _punctuation(title: str, rng: random.Random) -> str:
    choice = rng.randrange(4)
    if choice == 0:
        return re.sub(r"[^\w\s]", "", title)
    if choice == 1:
        return title.rstrip(".")
    if choice == 2:
        return title.replace("-", " ")
    return title.replace(" and ", " & ")


def _authors(authors: tuple[Author, ...], rng: random.Random, keep: int | None = None) -> tuple[Author, ...]:
    keep = keep or rng.choice((3, 6, len(authors) or 1))
    out = []
    for author in authors[:keep]:
        if author.collective_name:
            out.append(author)
        elif rng.random() < 0.5:
            out.append(Author(last_name=author.last_name, initials=author.initials))
        else:
            out.append(Author(last_name=author.last_name, fore_name=author.fore_name or author.initials))
    return tuple(out)


def _journal(journal: Journal | None, rng: random.Random) -> Journal | None:
    if journal is None:
        return None
    name = rng.choice([n for n in (journal.iso_abbreviation, journal.medline_ta, journal.title) if n] or [None])
    return Journal(title=name)


def _pages(pages: str | None, rng: random.Random) -> str | None:
    if not pages:
        return pages
    match = re.fullmatch(r"(\d+)-(\d+)", pages)
    if match and rng.random() < 0.5:
        first, last = match.groups()
        if len(first) == len(last):
            common = 0
            while common < len(first) - 1 and first[common] == last[common]:
                common += 1
            return f"{first}-{last[common:]}"  # MEDLINE style
    match = re.fullmatch(r"(\d+)-(\d+)", pages)
    if match and len(match.group(2)) < len(match.group(1)):
        first, last = match.groups()
        return f"{first}-{first[: len(first) - len(last)]}{last}"  # expanded
    return pages


def make_copy(base: Record, rid: str, rng: random.Random) -> Record:
    """Another database's export of `base` (see the module docstring)."""
    source = rng.choice(("embase", "scopus", "wos"))
    title = _punctuation(_case(base.title, rng), rng)
    pub_date = base.pub_date
    if base.year and rng.random() < 0.05:
        pub_date = dataclasses.replace(pub_date, year=base.year + rng.choice((-1, 1)))
    changes = dict(
        source=source, source_record_id=rid, pmid=None, pmid_version=None, pmcid=None, title=title,
        authors=_authors(base.authors, rng), journal=_journal(base.journal, rng), pages=_pages(base.pages, rng),
        doi=base.doi if rng.random() < 0.6 else None, pub_date=pub_date, mesh_headings=(), chemicals=(),
        history=(), article_ids=(), comments_corrections=(),
    )  # fmt: skip
    if rng.random() < 0.10:
        changes["pages"] = None
    if rng.random() < 0.05:
        changes["volume"] = None
    if rng.random() < 0.08:  # a conference-abstract variant
        changes.update(
            title=f"{title} [abstract]", authors=_authors(base.authors, rng, keep=3), doi=None,
            pages=(base.pages or "").split("-")[0] or None,
            publication_types=(PublicationType("Conference Abstract"),),
        )  # fmt: skip
    return dataclasses.replace(base, **changes)


def make_controls(base: Record, rid: str, rng: random.Random) -> list[Record]:
    """Non-duplicates resembling `base`: its erratum notice and a letter commenting on it."""
    pages = f"{rng.randint(1, 3000)}"
    erratum = dataclasses.replace(
        base, source="embase", source_record_id=f"{rid}-erratum", pmid=None, pmcid=None, doi=None,
        title=f"Erratum: {base.title}", pages=pages, abstract=(),
        publication_types=(PublicationType("Published Erratum"),),
    )  # fmt: skip
    letter = dataclasses.replace(
        base, source="embase", source_record_id=f"{rid}-letter", pmid=None, pmcid=None, doi=None,
        pages=str(int(pages) + 1), abstract=(),
        authors=(Author(last_name="Letterwriter", initials="A"), Author(last_name="Commentator", initials="B")),
        publication_types=(PublicationType("Comment"), PublicationType("Letter")),
    )  # fmt: skip
    return [erratum, letter]


def build_set(n: int, base_pool: list[Record], seed: int = 2021) -> tuple[list[Record], list[str], dict[str, int]]:
    """(records, ids, truth: id -> true cluster number) for a set of `n` records."""
    rng = random.Random(seed + n)
    unique = int(0.5 * n)
    if unique > len(base_pool):
        raise ValueError(f"{n} records need {unique} distinct base records; only {len(base_pool)} available")
    base = rng.sample(base_pool, unique)
    records: list[Record] = []
    ids: list[str] = []
    truth: dict[str, int] = {}
    for number, record in enumerate(base):
        ids.append(f"pmid:{record.pmid}")
        records.append(record)
        truth[ids[-1]] = number
    cluster = len(base)
    for number, record in enumerate(base[: max(1, unique // 100)]):
        for control in make_controls(record, f"c{number}", rng):
            ids.append(control.key)
            records.append(control)
            truth[ids[-1]] = cluster
            cluster += 1
    copy_number = 0
    while len(records) < n:
        number = rng.randrange(unique)
        copy_number += 1
        copy = make_copy(base[number], f"d{copy_number}", rng)
        ids.append(copy.key)
        records.append(copy)
        truth[ids[-1]] = number
    order = list(range(len(records)))
    rng.shuffle(order)  # exports interleave; nothing may depend on order
    return [records[i] for i in order], [ids[i] for i in order], truth

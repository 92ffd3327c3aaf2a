"""Helpers for the dedup tests: the shared benchmark sets and small hand-built records."""

from __future__ import annotations

import csv
import itertools
from pathlib import Path

import pytest

from mbc_sr.records import Author, CommentCorrection, Journal, PublicationDate, PublicationType, Record
from tests.conftest import shared_path

BENCHMARK_SETS = ("respiratory", "cytology_screening", "special_cases")


def benchmark_set(name: str) -> Path:
    return shared_path(Path("dedup") / name)


def true_pairs(directory: Path) -> set[tuple[str, str]]:
    """Every within-cluster pair of record ids of a set's ground truth (ids sorted)."""
    pairs: set[tuple[str, str]] = set()
    with (directory / "merged_record_ids.csv").open(newline="") as stream:
        for row in csv.DictReader(stream):
            pairs.update(itertools.combinations(sorted(row["merged_ids"].split(";")), 2))
    return pairs


def make_record(
    rid: str,
    title: str,
    *,
    source: str = "embase",
    authors: tuple[str, ...] = ("Baselga J", "Campone M", "Piccart M"),
    journal: str | None = "N Engl J Med",
    year: int | None = 2012,
    volume: str | None = "366",
    pages: str | None = "520-529",
    doi: str | None = None,
    pmid: str | None = None,
    publication_types: tuple[str, ...] = (),
    comments: tuple[tuple[str, str], ...] = (),
    abstract: str = "",
) -> Record:
    from mbc_sr.records import AbstractSection

    people = []
    for name in authors:
        last, _, initials = name.rpartition(" ")
        people.append(Author(last_name=last, initials=initials))
    return Record(
        source=source,
        source_record_id=rid,
        pmid=pmid,
        doi=doi,
        title=title,
        abstract=(AbstractSection(abstract),) if abstract else (),
        authors=tuple(people),
        journal=Journal(title=journal) if journal else None,
        volume=volume,
        pages=pages,
        pub_date=PublicationDate(year=year),
        publication_types=tuple(PublicationType(name) for name in publication_types),
        comments_corrections=tuple(CommentCorrection(kind, pmid) for kind, pmid in comments),
    )


@pytest.fixture
def record():
    return make_record

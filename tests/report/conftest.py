"""A hand-built review in a store: two databases, duplicates across and within them, automation,
human and full-text decisions with reasons, a PubMed deletion, study links, and a second refresh.

Refresh 1:  run 1 "PubMed" finds pmid 1..6; run 2 "Embase" finds emb:1..emb:4.
            dedup: emb:1 = pmid:1, emb:2 = pmid:2 (across), pmid:6 = pmid:5 (within PubMed).
            ta rules: pmid:3 excluded ("erratum or retraction notice"), emb:4 ("NLM-indexed review").
            ta people: include pmid:1, pmid:2, pmid:5; exclude pmid:4, emb:3.
            ft: pmid:1 include, pmid:2 exclude ("wrong population"), pmid:5 not retrieved.
Refresh 2:  run 3 "PubMed" finds pmid 1 again, 7 (a new copy of pmid:1), 8, 9, 10, 11; pmid 9 is
            then deleted by PubMed. dedup: pmid:7 = pmid:1; study link pmid:1 + pmid:8 (NCT01234567).
            ta rules: pmid:10 needs a human.  ta people: include pmid:8, pmid:11.
            ft: pmid:8 include, pmid:11 exclude ("wrong comparator").
"""

from __future__ import annotations

import hashlib

import pytest

from mbc_sr.records import AbstractSection, Author, Deletion, Journal, PublicationDate, Record
from mbc_sr.screen.decisions import Decision
from mbc_sr.store import RecordRow, open_store
from mbc_sr.store import decisions as log
from mbc_sr.store.dedup import begin_dedup_run, save_dedup_result

CRITERIA = "c000000000000"
RULES = f"rules@{CRITERIA}"


def record(source: str, ident: str, title: str, *, doi: str | None = None) -> Record:
    return Record(
        source=source, source_record_id=ident, pmid=ident if source == "pubmed" else None, doi=doi,
        title=title, abstract=(AbstractSection(f"Abstract of {title.lower()}: =SUM(A1) is not a formula."),),
        authors=(Author(last_name="Baselga", fore_name="José", initials="J"), Author(last_name="Rugo", initials="HS")),
        journal=Journal(title="The New England journal of medicine", iso_abbreviation="N Engl J Med"),
        volume="366", issue="6", pages="520-9", pub_date=PublicationDate(year=2012),
    )  # fmt: skip


def ingest(store, source: str, items) -> int:
    store.ensure_source(source, "database")
    run = store.begin_run(source, "import")
    rows = [
        item if isinstance(item, Deletion) else RecordRow.from_record(item, hashlib.sha256(repr(item).encode()).hexdigest())
        for item in items
    ]
    store.apply_batch(run.run_id, rows)
    store.finish_run(run.run_id)
    return run.run_id


def decide(store, stage: str, entries, *, rules: bool = False) -> None:
    decisions = [
        Decision(
            record_key=key, stage=stage, reviewer=RULES if rules else "ann", role="rules" if rules else "reviewer",
            decision=decision, reason=reason, criteria_version=CRITERIA,
        )  # fmt: skip
        for key, decision, reason in entries
    ]
    kind = "rules" if rules else "sheet"
    log.append_decisions(store, log.Batch(kind, decisions[0].reviewer, stage, CRITERIA), decisions)


def dedup(store, clusters: dict[str, str], studies=None) -> None:
    run_id = begin_dedup_run(store)
    save_dedup_result(store, run_id, clusters=clusters, merged_pairs=[], review=[], studies=studies, counts={})


def refresh_one(store) -> None:
    ingest(store, "PubMed", [record("pubmed", str(i), f"Everolimus trial report {i}", doi=f"10.1000/pm{i}") for i in range(1, 7)])
    ingest(store, "Embase", [record("embase", str(i), f"Embase record {i}") for i in range(1, 5)])
    dedup(store, {"embase:1": "pmid:1", "embase:2": "pmid:2", "pmid:6": "pmid:5", "pmid:1": "pmid:1", "pmid:2": "pmid:2", "pmid:5": "pmid:5"})
    decide(store, "ta", [("pmid:3", "exclude", "erratum or retraction notice"), ("embase:4", "exclude", "NLM-indexed review")], rules=True)
    decide(store, "ta", [("pmid:1", "include", None), ("pmid:2", "include", None), ("pmid:5", "include", None),
                         ("pmid:4", "exclude", None), ("embase:3", "exclude", None)])  # fmt: skip
    decide(store, "ft", [("pmid:1", "include", None), ("pmid:2", "exclude", "wrong population"), ("pmid:5", "not_retrieved", None)])


def refresh_two(store) -> None:
    items = [record("pubmed", str(i), f"Everolimus trial report {i}", doi=f"10.1000/pm{i}") for i in (1, 7, 8, 9, 10, 11)]
    ingest(store, "PubMed", [*items, Deletion("9")])
    dedup(store, {"pmid:7": "pmid:1"}, studies=[("pmid:1", "NCT01234567", ["nct"]), ("pmid:8", "NCT01234567", ["nct"])])
    decide(store, "ta", [("pmid:10", "needs_human", "doubtful")], rules=True)
    decide(store, "ta", [("pmid:8", "include", None), ("pmid:11", "include", None)])
    decide(store, "ft", [("pmid:8", "include", None), ("pmid:11", "exclude", "wrong comparator")])


@pytest.fixture()
def review_store(tmp_path):
    store = open_store(tmp_path / "review.sqlite")
    refresh_one(store)
    refresh_two(store)
    yield store
    store.close()

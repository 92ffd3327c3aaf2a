"""The store's tables (SQLAlchemy Core), as of the latest migration.

What is kept and why:

* `sources` — where records come from as the review reports it (PRISMA counts records per
  database/register): "PubMed (local files)", "PubMed (E-utilities)", "ClinicalTrials.gov".
  Not to be confused with `records.source`, the record's identifier namespace ("pubmed").
* `runs` — one row per ingest/search/import. A run is the unit of provenance (which run found,
  changed or deleted a record) and of restartability: `input_sha256` lets a rerun of the same
  file be skipped (completed) or resumed (incomplete), and `items_applied` is the checkpoint
  committed together with each batch, so a resumed run neither re-counts nor re-applies.
* `records` — the *current* version of every record, with the identifiers dedup and
  screening look up (pmid, doi, pmcid) as indexed columns and the whole record as JSON.
  A PubMed deletion sets `deleted`; rows are never removed (the review must be able to say
  what it once screened).
* `record_versions` — every distinct version ever seen (one row per record key and content
  hash), so a record's history and an older re-delivery are never lost.
* `record_hits` — which run (and so which source) found which record: the identification
  counts of a PRISMA diagram come from here.
* `deletions` — every PubMed `DeleteCitation` seen, per run, even for PMIDs never stored.

JSON is stored as text so that SQLite and PostgreSQL hold byte-identical content.
"""

from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Table,
    Text,
    TypeDecorator,
    UniqueConstraint,
)


class UTCDateTime(TypeDecorator):
    """A timezone-aware UTC timestamp on both backends (SQLite would hand back naive ones)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect) -> datetime | None:
        if value is not None and value.tzinfo is not None:
            value = value.astimezone(timezone.utc)
            if dialect.name == "sqlite":
                value = value.replace(tzinfo=None)
        return value

    def process_result_value(self, value: datetime | None, dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=timezone.utc) if value.tzinfo is None else value.astimezone(timezone.utc)


SOURCE_KINDS = ("database", "register", "other")
RUN_STATUSES = ("running", "completed", "failed")

metadata = MetaData()

schema_migrations = Table(
    "schema_migrations",
    metadata,
    Column("version", Integer, primary_key=True, autoincrement=False),
    Column("name", String(200), nullable=False),
    Column("applied_at", UTCDateTime(), nullable=False),
)

sources = Table(
    "sources",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(200), nullable=False, unique=True),
    Column("kind", String(20), nullable=False),
    Column("created_at", UTCDateTime(), nullable=False),
    CheckConstraint("kind IN ('database', 'register', 'other')", name="ck_sources_kind"),
)

runs = Table(
    "runs",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("source_id", Integer, ForeignKey("sources.id"), nullable=False),
    Column("kind", String(40), nullable=False),
    Column("status", String(20), nullable=False),
    Column("started_at", UTCDateTime(), nullable=False),
    Column("finished_at", UTCDateTime()),
    Column("input_sha256", String(64)),
    Column("params", Text, nullable=False, default="{}"),
    Column("manifest", Text),
    Column("error", Text),
    Column("counts", Text, nullable=False, default="{}"),
    Column("items_applied", Integer, nullable=False, default=0),
    CheckConstraint("status IN ('running', 'completed', 'failed')", name="ck_runs_status"),
    Index("ix_runs_source_input", "source_id", "input_sha256"),
)

records = Table(
    "records",
    metadata,
    Column("record_key", String(200), primary_key=True),
    Column("source", String(100), nullable=False),
    Column("source_record_id", String(200), nullable=False),
    Column("pmid", String(20)),
    Column("pmid_version", Integer),
    Column("doi", String(300)),
    Column("pmcid", String(20)),
    Column("title", Text, nullable=False),
    Column("year", Integer),
    Column("xml_sha256", String(64), nullable=False),
    Column("date_revised", String(10)),
    Column("content", Text, nullable=False),
    Column("deleted", Boolean, nullable=False, default=False),
    Column("deleted_run_id", Integer, ForeignKey("runs.id")),
    Column("first_run_id", Integer, ForeignKey("runs.id"), nullable=False),
    Column("updated_run_id", Integer, ForeignKey("runs.id"), nullable=False),
    Column("updated_at", UTCDateTime(), nullable=False),
    Index("ix_records_pmid", "pmid"),
    Index("ix_records_doi", "doi"),
    Index("ix_records_pmcid", "pmcid"),
)

record_versions = Table(
    "record_versions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("record_key", String(200), ForeignKey("records.record_key"), nullable=False),
    Column("pmid_version", Integer),
    Column("date_revised", String(10)),
    # the content hash identifies a version on its own: the PMID version is inside the
    # hashed bytes, and a NULL pmid_version (non-PubMed records) in a unique key would
    # never conflict, letting duplicates in
    Column("xml_sha256", String(64), nullable=False),
    Column("content", Text, nullable=False),
    Column("run_id", Integer, ForeignKey("runs.id"), nullable=False),
    Column("seen_at", UTCDateTime(), nullable=False),
    UniqueConstraint("record_key", "xml_sha256", name="uq_record_versions_key_sha"),
)

record_hits = Table(
    "record_hits",
    metadata,
    Column("run_id", Integer, ForeignKey("runs.id"), nullable=False),
    Column("record_key", String(200), ForeignKey("records.record_key"), nullable=False),
    Column("source_id", Integer, ForeignKey("sources.id"), nullable=False),
    PrimaryKeyConstraint("run_id", "record_key", name="pk_record_hits"),
    Index("ix_record_hits_record_key", "record_key"),
    Index("ix_record_hits_source_id", "source_id"),
)

deletions = Table(
    "deletions",
    metadata,
    Column("pmid", String(20), nullable=False),
    Column("run_id", Integer, ForeignKey("runs.id"), nullable=False),
    Column("pmid_version", Integer),
    Column("recorded_at", UTCDateTime(), nullable=False),
    PrimaryKeyConstraint("pmid", "run_id", name="pk_deletions"),
)

# --------------------------------------------------------------------------- E-utilities searches (migration 2)
#
# * `search_windows` — per search run, the saved search it ran, the query's hash and the date
#   window it covered; the next incremental refresh starts from the last completed window.
# * `archive_files` — the raw response bodies a run received, by sha256 (the files live in
#   the content-addressed archive; `mbc-sr replay` rebuilds a run from them).
# * `record_flags` — retraction / erratum / expression-of-concern links and the "Retracted
#   Publication" type, each flagged once, when a run first sees it on a record. Not tied to
#   `records` by a foreign key: a batch's flags are written just before its records, so a
#   crash in between cannot lose a flag (the rerun finds the record changed again).

search_windows = Table(
    "search_windows",
    metadata,
    Column("run_id", Integer, ForeignKey("runs.id"), primary_key=True, autoincrement=False),
    Column("search_name", String(200), nullable=False),
    Column("query_sha256", String(64), nullable=False),
    Column("datetype", String(10), nullable=False),
    Column("window_start", String(10)),  # ISO date; NULL: from the beginning (a full search)
    Column("window_end", String(10), nullable=False),
    Column("full_search", Boolean, nullable=False),
    Column("hit_count", Integer),
    Index("ix_search_windows_search", "search_name", "query_sha256"),
)

archive_files = Table(
    "archive_files",
    metadata,
    Column("run_id", Integer, ForeignKey("runs.id"), nullable=False),
    Column("seq", Integer, nullable=False),
    Column("endpoint", String(40), nullable=False),
    Column("sha256", String(64), nullable=False),
    Column("bytes", Integer, nullable=False),
    Column("outcome", Text, nullable=False),
    PrimaryKeyConstraint("run_id", "seq", name="pk_archive_files"),
    Index("ix_archive_files_sha256", "sha256"),
)

record_flags = Table(
    "record_flags",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("record_key", String(200), nullable=False),
    Column("flag", String(40), nullable=False),
    Column("detail", String(300), nullable=False, default=""),
    Column("first_seen", Boolean, nullable=False),  # the record was new to the store
    Column("run_id", Integer, ForeignKey("runs.id"), nullable=False),
    Column("flagged_at", UTCDateTime(), nullable=False),
    UniqueConstraint("record_key", "flag", "detail", name="uq_record_flags"),
    Index("ix_record_flags_run_id", "run_id"),
)

# --------------------------------------------------------------------------- screening (migration 3)
#
# * `screen_batches` — one row per set of decisions written together: a rules run, an import of
#   a screening sheet or an ASReview export. An imported file's sha256 is unique, so importing
#   the same file twice adds nothing; the batch row and its decisions commit in one transaction.
# * `screen_decisions` — the append-only decision log: who (a person or "rules@<criteria
#   version>"), stage (ta / ft), decision, reason, note, when, the criteria version and the
#   record version (xml_sha256) it was made on; for rules, the rule that fired and every rule
#   that held (`details`). Rows are never updated or deleted; the current decision is derived.

screen_batches = Table(
    "screen_batches",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("kind", String(20), nullable=False),  # rules | sheet | asreview
    Column("file_name", String(500)),
    Column("file_sha256", String(64), unique=True),
    Column("reviewer", String(200), nullable=False),
    Column("stage", String(4), nullable=False),
    Column("criteria_version", String(20), nullable=False),
    Column("rows", Integer, nullable=False, default=0),
    Column("created_at", UTCDateTime(), nullable=False),
)

screen_decisions = Table(
    "screen_decisions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("record_key", String(200), ForeignKey("records.record_key"), nullable=False),
    Column("stage", String(4), nullable=False),
    Column("reviewer", String(200), nullable=False),
    Column("role", String(20), nullable=False),  # rules | reviewer | adjudicator
    Column("decision", String(20), nullable=False),
    Column("reason", String(300)),
    Column("note", Text),
    Column("criteria_version", String(20), nullable=False),
    Column("record_sha256", String(64)),
    Column("rule_id", String(100)),
    Column("details", Text),
    Column("batch_id", Integer, ForeignKey("screen_batches.id"), nullable=False),
    Column("made_at", UTCDateTime(), nullable=False),
    CheckConstraint("stage IN ('ta', 'ft')", name="ck_screen_decisions_stage"),
    CheckConstraint("role IN ('rules', 'reviewer', 'adjudicator')", name="ck_screen_decisions_role"),
    Index("ix_screen_decisions_record_stage", "record_key", "stage"),
    Index("ix_screen_decisions_rules", "stage", "criteria_version", "role"),
)

# Deduplication (migration 4):
# * `dedup_runs` — one row per deduplication run (parameters, counts, status).
# * `dedup_clusters` — for every deduplicated record, the key of its cluster's surviving
#   record (a survivor maps to itself). A record without a row has not been deduplicated
#   yet: the next run compares it with everything stored. Screening attaches decisions to
#   the survivor key.
# * `dedup_merges` — every merged pair with the rule that fired and its field scores (JSON),
#   so each merge can be explained and audited.
# * `dedup_review` — uncertain pairs awaiting a person (status pending), and their answers
#   (duplicate / distinct), which later runs obey.
# * `study_links` — reports of one study (shared NCT id or trial acronym): the study key
#   and the basis of the link per record; a grouping separate from duplicates.

dedup_runs = Table(
    "dedup_runs",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("status", String(20), nullable=False),
    Column("started_at", UTCDateTime(), nullable=False),
    Column("finished_at", UTCDateTime()),
    Column("params", Text, nullable=False, default="{}"),
    Column("counts", Text, nullable=False, default="{}"),
    Column("error", Text),
    CheckConstraint("status IN ('running', 'completed', 'failed')", name="ck_dedup_runs_status"),
)

dedup_clusters = Table(
    "dedup_clusters",
    metadata,
    Column("record_key", String(200), ForeignKey("records.record_key"), primary_key=True),
    Column("survivor_key", String(200), ForeignKey("records.record_key"), nullable=False),
    Column("dedup_run_id", Integer, ForeignKey("dedup_runs.id"), nullable=False),
    Index("ix_dedup_clusters_survivor", "survivor_key"),
)

dedup_merges = Table(
    "dedup_merges",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("dedup_run_id", Integer, ForeignKey("dedup_runs.id"), nullable=False),
    Column("left_key", String(200), ForeignKey("records.record_key"), nullable=False),
    Column("right_key", String(200), ForeignKey("records.record_key"), nullable=False),
    Column("rule", String(300), nullable=False),
    Column("scores", Text, nullable=False, default="{}"),
    Index("ix_dedup_merges_left", "left_key"),
    Index("ix_dedup_merges_right", "right_key"),
)

dedup_review = Table(
    "dedup_review",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("dedup_run_id", Integer, ForeignKey("dedup_runs.id"), nullable=False),
    Column("left_key", String(200), ForeignKey("records.record_key"), nullable=False),
    Column("right_key", String(200), ForeignKey("records.record_key"), nullable=False),
    Column("reason", String(300), nullable=False),
    Column("scores", Text, nullable=False, default="{}"),
    Column("status", String(20), nullable=False),
    Column("decided_by", String(200)),
    Column("note", Text),
    Column("decided_at", UTCDateTime()),
    UniqueConstraint("left_key", "right_key", name="uq_dedup_review_pair"),
    CheckConstraint("status IN ('pending', 'duplicate', 'distinct')", name="ck_dedup_review_status"),
)

study_links = Table(
    "study_links",
    metadata,
    Column("record_key", String(200), ForeignKey("records.record_key"), primary_key=True),
    Column("study_key", String(200), nullable=False),
    Column("basis", Text, nullable=False),
    Column("dedup_run_id", Integer, ForeignKey("dedup_runs.id"), nullable=False),
    Index("ix_study_links_study", "study_key"),
)

#: the tables of migration 1, frozen: later migrations add their own
INITIAL_TABLES = (sources, runs, records, record_versions, record_hits, deletions)
#: the tables of migration 2 (E-utilities searches)
EUTILS_TABLES = (search_windows, archive_files, record_flags)
#: the tables of migration 3 (screening decision log)
SCREEN_TABLES = (screen_batches, screen_decisions)

#: the tables of migration 4 (deduplication and study links)
DEDUP_TABLES = (dedup_runs, dedup_clusters, dedup_merges, dedup_review, study_links)

#: every table the store owns, parents before children (the order to dump or create them)
DATA_TABLES = (*INITIAL_TABLES, *EUTILS_TABLES, *SCREEN_TABLES, *DEDUP_TABLES)

"""The refresh flow: the review's scheduled "living review" update, as coarse Prefect tasks.

Each task wraps one plain-Python stage from `mbc_sr.pipeline` for one file (never one task
per record: a task run costs ~50 ms of orchestration). Files are ingested one after another,
in the order given, because PubMed versions and DeleteCitation entries must apply in order.
Later stages (search, dedup, screening, PRISMA) join this flow as they are built.

Run it locally:  python -m flows.refresh FILE [FILE ...] [--db URL]
Live PubMed:     python -m flows.refresh --pubmed            (once)
                 python -m flows.refresh --serve "0 6 * * 1"  (weekly, with a Prefect server)
"""

from __future__ import annotations

import flows.offline  # noqa: F401  (must precede the Prefect import)

import argparse
from dataclasses import asdict
from pathlib import Path

from prefect import flow, get_run_logger, task

from mbc_sr.config import load_config
from mbc_sr.pipeline import ingest_pubmed_files
from mbc_sr.store import open_store


@task(name="ingest-pubmed-file", retries=0)
def ingest_file_task(path: str, database_url: str, source: str, batch_size: int) -> dict:
    """Ingest one PubMed XML file. Not retried: a parse error is a property of the file."""
    store = open_store(database_url)
    try:
        (report,) = ingest_pubmed_files(store, [Path(path)], source=source, batch_size=batch_size)
    finally:
        store.close()
    get_run_logger().info(
        "%s: %s, %d records (%d new), %d deletions", path, report.status, report.records,
        report.new_records, report.deletions,
    )
    return {key: str(value) if isinstance(value, Path) else value for key, value in asdict(report).items()}


@task(name="store-stats")
def stats_task(database_url: str) -> list[str]:
    store = open_store(database_url)
    try:
        return store.stats().lines()
    finally:
        store.close()


@flow(name="mbc-sr-refresh")
def refresh_flow(
    files: list[str] | None = None,
    database_url: str | None = None,
    source: str = "PubMed (local files)",
    batch_size: int = 1000,
    config_path: str | None = None,
) -> dict:
    """Ingest `files` in order into the store — or, given no files, run the kinds of source the
    config's `[refresh] sources` lists (eutils, pubmed_files, imports; see flows.offline_sources)
    —, deduplicate the new records against the store, screen the new records with the
    protocol's rules (when the config has a [screening] protocol), extract the included and
    likely-include records into the evidence base (<outputs>/evidence/, with its diff against the
    previous refresh), then report the store's counts."""
    config = load_config(config_path)
    url = config.resolved_database_url(database_url)
    if files:
        result = {"ingested": [ingest_file_task(path, url, source, batch_size) for path in files]}
    else:
        from flows.offline_sources import run_configured
        from mbc_sr.sources.settings import refresh_sources

        def eutils(database_url: str):  # the live E-utilities refresh, as a subflow
            return pubmed_refresh_flow(database_url=database_url, config_path=config_path)

        result = run_configured(config, url, refresh_sources(config), eutils=eutils)
    # duplicates are resolved before screening, so a new copy of a stored article is never screened
    result["dedup"] = dedup_task(url)
    if (config.raw or {}).get("screening"):
        result["screening"] = screen_task(url, str(config.path), str(config.outputs_dir))
    result["evidence"] = extract_task(url, str(config.outputs_dir))
    result["stats"] = stats_task(url)
    result["report"] = report_task(url, str(config.outputs_dir))
    return result


@task(name="deduplicate")
def dedup_task(database_url: str) -> dict:
    """Deduplicate the records stored since the last run against everything stored (update-aware:
    stored survivors stay; uncertain pairs go to the review queue, `mbc-sr dedup review`)."""
    from mbc_sr.dedup.store_io import deduplicate_store

    store = open_store(database_url)
    try:
        report = deduplicate_store(store)
    finally:
        store.close()
    get_run_logger().info(report.line())
    return asdict(report)


@task(name="prisma-report")
def report_task(database_url: str, outputs_dir: str) -> dict:
    """PRISMA 2020 counts, diagram and exports of the store as it now is, to
    `<outputs>/run-<latest run>/`, and a Prefect markdown artifact with the counts and links."""
    from prefect.artifacts import create_markdown_artifact

    from mbc_sr.report.bundle import counts_table, write_bundle

    store = open_store(database_url)
    try:
        runs = store.runs()
        folder = Path(outputs_dir) / f"run-{runs[-1].id if runs else 0}"
        counts, paths = write_bundle(store, folder)
    finally:
        store.close()
    links = "\n".join(f"- {name}: [{path.name}]({path.resolve().as_uri()})" for name, path in paths.items())
    create_markdown_artifact(markdown=f"{counts_table(counts)}\n\n**Files** ({folder})\n\n{links}\n",
                             key="prisma-counts", description=f"PRISMA 2020 counts as of {counts.as_of}")  # fmt: skip
    get_run_logger().info("PRISMA counts as of %s: %d identified, %d screened, %d studies; %s", counts.as_of,
                          counts.identified, counts.screened, counts.total_studies, folder)  # fmt: skip
    return {"folder": str(folder), "counts": counts.as_dict(), "files": {k: str(v) for k, v in paths.items()}}


@task(name="extract-evidence")
def extract_task(database_url: str, outputs_dir: str) -> dict:
    """Extract the included + likely-include records (none while nothing is screened) and
    write the study-level evidence base with its diff to `<outputs>/evidence/`."""
    from mbc_sr.pipeline_extract import update_evidence_base

    store = open_store(database_url)
    try:
        report = update_evidence_base(store, Path(outputs_dir) / "evidence")
    finally:
        store.close()
    for line in report.lines():
        get_run_logger().info(line)
    update = report.update
    return {"records": report.records, "studies": update.studies, "by_status": update.by_status,
            "changes": len(update.changes), "files": [str(path) for path in update.files]}


@task(name="screen-rules")
def screen_task(database_url: str, config_path: str, outputs_dir: str) -> dict:
    """Apply the screening rules to records not yet screened by this criteria version and write
    the human queue (title/abstract) to `<outputs>/screening-queue-ta.csv`."""
    from mbc_sr.pipeline_screen import load_screening_protocol, run_rules, write_queue

    protocol = load_screening_protocol(load_config(config_path))
    store = open_store(database_url)
    try:
        report = run_rules(store, protocol)
        queue, waiting = write_queue(store, protocol, "ta", Path(outputs_dir))
    finally:
        store.close()
    get_run_logger().info(
        "rules@%s screened %d records (%s); %d await a human: %s", report.criteria_version, report.screened,
        report.outcomes, waiting, queue,
    )
    return {"criteria_version": report.criteria_version, "screened": report.screened, "outcomes": report.outcomes,
            "queue": str(queue), "waiting": waiting}


# --------------------------------------------------------------------------- live PubMed (E-utilities)
#
# Two coarse tasks per saved search: search (esearch: Count, PMID list, date window) and
# fetch (efetch, store, manifest). Retried by Prefect only when the failure is transient —
# NCBI down past the transport's own retry budget, or PubMed changing under a search that
# would not reconcile; a query error (PhraseNotFound, ...) or a refused request fails at once.
# The fetch task continues the run its search started, so a retry never loses provenance.


def transient_only(task, task_run, state) -> bool:
    """Prefect retry condition: retry transient E-utilities failures, nothing else."""
    from mbc_sr.sources.eutils.errors import ReconciliationError, RetryBudgetExhausted, TransientError

    failure = state.result(raise_on_failure=False)
    return isinstance(failure, (RetryBudgetExhausted, TransientError, ReconciliationError))


@task(name="pubmed-search", retries=2, retry_delay_seconds=600, retry_condition_fn=transient_only)
def pubmed_search_task(search_name: str, database_url: str, config_path: str | None, through: str | None, full: bool) -> dict:
    """esearch for one saved search: begins its run and returns the plan for the fetch task."""
    from datetime import date

    from mbc_sr.sources.eutils.refresh import plan_refresh
    from mbc_sr.sources.eutils.settings import load_settings

    config = load_config(config_path)
    store = open_store(database_url)
    try:
        plan = plan_refresh(
            store, load_settings(config), config.search(search_name),
            through=date.fromisoformat(through) if through else None, full=full,
        )  # fmt: skip
    finally:
        store.close()
    get_run_logger().info(
        "%s: run %d, Count %d, %d new, %d to re-check", search_name, plan.run_id, plan.count,
        len(plan.new_pmids), len(plan.recheck_pmids),
    )  # fmt: skip
    return plan.as_dict()


@task(name="pubmed-fetch", retries=2, retry_delay_seconds=600, retry_condition_fn=transient_only)
def pubmed_fetch_task(plan: dict, database_url: str, config_path: str | None) -> dict:
    """efetch and store what the search found; completes the run with its manifest."""
    from mbc_sr.sources.eutils.refresh import RefreshPlan, execute_refresh
    from mbc_sr.sources.eutils.settings import load_settings

    store = open_store(database_url)
    try:
        report = execute_refresh(store, load_settings(load_config(config_path)), RefreshPlan.from_dict(plan))
    finally:
        store.close()
    get_run_logger().info(
        "%s: run %d stored %d new records, %d updated, %d flags, %d requests", report.search_name,
        report.run_id, report.new_records, report.updated, report.flags, report.requests,
    )  # fmt: skip
    return asdict(report)


@flow(name="mbc-sr-pubmed-refresh")
def pubmed_refresh_flow(
    searches: list[str] | None = None,
    database_url: str | None = None,
    config_path: str | None = None,
    through: str | None = None,
    full: bool = False,
) -> list[dict]:
    """Incremental refresh of the saved PubMed searches (all with database "pubmed" by default)."""
    config = load_config(config_path)
    url = config.resolved_database_url(database_url)
    names = searches or [s.name for s in config.searches if s.database == "pubmed"]
    return [pubmed_fetch_task(pubmed_search_task(name, url, config_path, through, full), url, config_path) for name in names]


WEEKLY = "0 6 * * 1"  # Mondays 06:00 (the serving machine's time zone)


def serve_pubmed_refresh(cron: str = WEEKLY, name: str = "weekly-pubmed-refresh", **parameters) -> None:
    """Register the PubMed refresh with the Prefect server on a cron schedule and run it when
    due (blocks; stop with Ctrl-C). `parameters` go to `pubmed_refresh_flow`."""
    pubmed_refresh_flow.serve(name=name, cron=cron, parameters=parameters)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m flows.refresh", description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="*")
    parser.add_argument("--db", help="store URL or SQLite path")
    parser.add_argument("--pubmed", action="store_true", help="refresh the saved PubMed searches (E-utilities) once")
    parser.add_argument("--serve", metavar="CRON", nargs="?", const=WEEKLY,
                        help=f"serve the PubMed refresh on a cron schedule (default {WEEKLY!r}); needs a Prefect server")  # fmt: skip
    args = parser.parse_args(argv)
    if args.serve:
        serve_pubmed_refresh(args.serve, **({"database_url": args.db} if args.db else {}))
        return 0
    if args.pubmed:
        for report in pubmed_refresh_flow(database_url=args.db):
            print(f"{report['search_name']}: run {report['run_id']}, {report['new_records']} new records")
        if not args.files:
            return 0
    if not args.files:
        parser.error("give PubMed XML files to ingest, --pubmed, or --serve [CRON]")
    result = refresh_flow(args.files, args.db)
    for line in result["stats"]:
        print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

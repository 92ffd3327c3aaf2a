"""`mbc-sr search`, `refresh`, `runs` and `replay`: the live PubMed source (NCBI E-utilities).

Heavy modules (requests, lxml, the store) are imported inside the commands, so that
`mbc-sr --help` stays fast.
"""

from __future__ import annotations

import argparse
import json
from datetime import date

from mbc_sr.cli.common import load_config_from_args, open_store_from_args


def register(commands) -> None:
    search = commands.add_parser(
        "search",
        help="run a saved PubMed search (--dry-run: print Count and QueryTranslation only)",
        description=(
            "Run a saved search of config/review.toml against PubMed E-utilities. With --dry-run, "
            "send one request and print Count, PubMed's QueryTranslation and any warnings; nothing "
            "is stored. Without it, search and fetch every hit the store lacks (a full, not "
            "incremental, search). NCBI_EUTILS_BASE_URL points it at a mirror or a test server."
        ),
    )
    search.add_argument("--search", dest="search_name", metavar="NAME", help="saved search (default: the first)")
    search.add_argument("--dry-run", action="store_true", help="one request: Count and QueryTranslation, store nothing")
    search.add_argument("--no-progress", action="store_true", help="no progress bar")
    search.set_defaults(handler=cmd_search)

    refresh = commands.add_parser(
        "refresh",
        help="incremental refresh of the saved PubMed searches: search, fetch what is new or changed, store",
        description=(
            "For each saved PubMed search: search Create Date from the last completed window minus "
            "[eutils] overlap_days through yesterday (the last complete day at NCBI), fetch PMIDs the store lacks and stored records modified "
            "in the window, store them, flag new retraction/erratum/expression-of-concern links, and "
            "record a provenance manifest (see `mbc-sr runs --show RUN`). The first run of a search is "
            "a full search. Suitable for cron: exit code 0 on success, one error line otherwise."
        ),
    )
    refresh.add_argument("--search", dest="search_names", metavar="NAME", action="append", help="only this saved search (repeatable)")
    refresh.add_argument("--full", action="store_true", help="search every Create Date, not just the new window")
    refresh.add_argument(
        "--through", type=date.fromisoformat, metavar="YYYY-MM-DD",
        help="last day of the window (default: yesterday in US Eastern time, the last complete day at NCBI)",
    )  # fmt: skip
    refresh.add_argument("--no-progress", action="store_true", help="no progress bar")
    refresh.set_defaults(handler=cmd_refresh)

    runs = commands.add_parser("runs", help="list the store's runs (ingests, searches, replays)")
    runs.add_argument("--kind", help="only runs of this kind (ingest, search, replay)")
    runs.add_argument("--show", type=int, metavar="RUN", help="print one run's provenance manifest as JSON")
    runs.set_defaults(handler=cmd_runs)

    replay = commands.add_parser(
        "replay",
        help="rebuild a search run's records from its archive (no network)",
        description=(
            "Read back every response body of search run RUN from the archive, check each against "
            "its sha256 and the run's manifest, and parse the records again. With --into, store "
            "them in that store (a SQLite path or URL) as a 'replay' run. Never uses the network."
        ),
    )
    replay.add_argument("run_id", type=int, metavar="RUN")
    replay.add_argument("--into", metavar="URL", help="store the replayed records in this store")
    replay.add_argument("--archive", metavar="DIR", help="archive directory (default: the one in the manifest)")
    replay.set_defaults(handler=cmd_replay)


# --------------------------------------------------------------------------- commands


def _settings(args):
    from mbc_sr.sources.eutils.settings import load_settings

    config = load_config_from_args(args)
    return config, load_settings(config)


def cmd_search(args: argparse.Namespace) -> int:
    config, settings = _settings(args)
    saved = config.search(args.search_name)
    if not args.dry_run:
        return _refresh(args, config, settings, [saved], full=True, through=None)
    from mbc_sr.sources.eutils.refresh import make_transport
    from mbc_sr.sources.eutils.search import Searcher, Window

    with make_transport(settings) as transport:
        searcher = Searcher(transport, allow_missing_phrases=settings.allow_missing_phrases)
        reply = searcher.count(saved.query, Window("crdt", None, None))
    print(f"search: {saved.name} ({saved.database})")
    print(f"Count: {reply.count}")
    print(f"QueryTranslation: {reply.query_translation}")
    for kind, notes in reply.warnings.items():
        print(f"warning ({kind}): {'; '.join(notes)}")
    return 0


def cmd_refresh(args: argparse.Namespace) -> int:
    config, settings = _settings(args)
    if args.search_names:
        searches = [config.search(name) for name in args.search_names]
    else:
        searches = [s for s in config.searches if s.database == "pubmed"]
        if not searches:
            from mbc_sr.config import ConfigError

            raise ConfigError(f"{config.path}: no [[searches]] with database = \"pubmed\"")
    return _refresh(args, config, settings, searches, full=args.full, through=args.through)


def _refresh(args, config, settings, searches, *, full: bool, through) -> int:
    from mbc_sr.cli.common import progress_bar
    from mbc_sr.sources.eutils.refresh import refresh
    from mbc_sr.store.searches import stored_flags

    store = open_store_from_args(args)
    try:
        for saved in searches:
            bar, update = progress_bar(not args.no_progress, unit="PMID")
            bar.set_description(saved.name)

            def progress(done: int, total: int) -> None:
                bar.total = total
                update(done)

            try:
                report = refresh(store, settings, saved, through=through, full=full, progress=progress)
            finally:
                bar.close()
            window = report.window
            span = f"{window['start'] or 'start'}..{window['end']}"
            print(
                f"{saved.name}: run {report.run_id}, Create Date {span}, Count {report.count}; "
                f"{report.hits} hits, {report.fetched} fetched ({report.new_records} new records, "
                f"{report.updated} updated); {report.flags} flags; {report.requests} requests; {report.seconds:.1f} s"
            )
            if report.missing:
                print(f"  PubMed did not return {len(report.missing)} PMIDs (retried next refresh): {', '.join(report.missing[:10])}")
            for flag in stored_flags(store, run_id=report.run_id)[:20]:
                if not flag.first_seen:
                    print(f"  flag: {flag.record_key} {flag.flag} {flag.detail}".rstrip())
    finally:
        store.close()
    return 0


def cmd_runs(args: argparse.Namespace) -> int:
    store = open_store_from_args(args)
    try:
        if args.show is not None:
            run = store.run(args.show)
            print(json.dumps({"id": run.id, "source": run.source, "kind": run.kind, "status": run.status,
                              "counts": run.counts, "error": run.error, "manifest": run.manifest},
                             indent=2, ensure_ascii=False, default=str))  # fmt: skip
            return 0
        runs = store.runs(kind=args.kind)
    finally:
        store.close()
    if not runs:
        print("no runs")
        return 0
    print(f"{'run':>4}  {'kind':<7} {'status':<9} {'started (UTC)':<19}  source / summary")
    for run in runs:
        started = run.started_at.strftime("%Y-%m-%d %H:%M:%S") if run.started_at else ""
        print(f"{run.id:>4}  {run.kind:<7} {run.status:<9} {started:<19}  {run.source}: {_summary(run)}")
    return 0


def _summary(run) -> str:
    counts = run.counts or {}
    if run.status == "failed":
        return f"failed: {(run.error or '').splitlines()[0][:120] if run.error else ''}"
    params = run.params or {}
    parts = []
    if params.get("search"):
        window = params.get("window") or {}
        parts.append(f"{params['search']} {window.get('start') or 'start'}..{window.get('end') or ''}")
    if params.get("file_name"):
        parts.append(params["file_name"])
    if params.get("replay_of"):
        parts.append(f"replay of run {params['replay_of']}")
    for key in ("hits", "fetched", "new_records", "updated", "flags", "requests"):
        if key in counts:
            parts.append(f"{key.replace('_', ' ')} {counts[key]}")
    if "hits" not in counts and "records" in counts:
        parts.append(f"records {counts['records']} (new {counts.get('new_records', 0)})")
    return "; ".join(parts)


def cmd_replay(args: argparse.Namespace) -> int:
    from mbc_sr.sources.eutils.archive import Archive
    from mbc_sr.sources.eutils.replay import replay_run
    from mbc_sr.store import open_store

    store = open_store_from_args(args)
    target = open_store(args.into) if args.into else None
    try:
        report = replay_run(store, args.run_id, archive=Archive(args.archive) if args.archive else None, into=target)
    finally:
        store.close()
        if target is not None:
            target.close()
    print(
        f"run {report.run_id}: {report.bodies} archived efetch bodies, {report.records} records, "
        f"{report.deletions} deletions; PMID list sha256 {report.fetched_sha256} matches the manifest"
    )
    if report.into_run_id is not None:
        counts = report.counts or {}
        print(f"stored into {args.into} as run {report.into_run_id}: {counts.get('new_records', 0)} new records")
    return 0

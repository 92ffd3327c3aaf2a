"""`mbc-sr local-search`, `mbc-sr import` and the offline demo: the offline sources into the store."""

from __future__ import annotations

import argparse
from pathlib import Path

from mbc_sr.cli.common import load_config_from_args, open_store_from_args, progress_bar
from mbc_sr.cli.ingest import DEMO_CORPUS


def register(commands) -> None:
    local = commands.add_parser(
        "local-search",
        help="run the review's PubMed query over local PubMed XML files and store the matches",
        description=(
            "Run a saved PubMed search through the local query evaluator over PubMed baseline/update "
            "files (.xml/.xml.gz; directories are read in file-name order) and store the matching "
            "records, with every version and DeleteCitation applied in order. Without --search "
            "(nor [pubmed_files] search in the config) every record is stored. Settings come from "
            "[pubmed_files] in the config; flags override them."
        ),
        epilog=(
            "Not reproduced from PubMed: automatic term mapping (tag every term), and MeSH explosion "
            "unless --mesh-tree gives NLM's mtrees<year>.bin. Each run's manifest says so."
        ),
    )
    local.add_argument("paths", nargs="*", type=Path, metavar="PATH", help="files or directories (default: [pubmed_files] paths)")
    local.add_argument("--search", help="saved search name (default: [pubmed_files] search)")
    local.add_argument("--all-records", action="store_true", help="store every record (a mirror), no search")
    local.add_argument("--source", help="source name in the store (default: 'PubMed (local search)')")
    local.add_argument("--mesh-tree", type=Path, metavar="FILE", help="NLM mtrees<year>.bin, to explode [mh] as PubMed does")
    local.add_argument("--engine", choices=("serial", "processes", "dask"), help="where files are parsed and matched")
    local.add_argument("--workers", type=int, help="processes / Dask workers (default 2)")
    local.add_argument("--dask-address", metavar="ADDR", help="a running Dask scheduler (default: a LocalCluster)")
    local.add_argument("--batch-size", type=int, help="records per transaction (default 1000)")
    local.add_argument("--no-progress", action="store_true", help="no progress bar")
    local.set_defaults(handler=cmd_local_search)

    imp = commands.add_parser(
        "import",
        help="store an export from another database (RIS, MEDLINE/.nbib, EndNote XML, CSV)",
        description=(
            "Import FILE as the records of source NAME (a database or register of the PRISMA diagram, "
            "with its own identification count). The format is told from the content. A malformed "
            "file is refused with the file, record/line and field, and nothing from it is stored; "
            "importing the same file again changes nothing."
        ),
    )
    imp.add_argument("file", type=Path, metavar="FILE")
    imp.add_argument("--source", required=True, metavar="NAME", help="e.g. 'Embase', 'Cochrane CENTRAL', 'Scopus'")
    imp.add_argument("--kind", choices=("database", "register", "other"), default="database")
    imp.add_argument("--format", choices=("ris", "medline", "endnote", "csv"), help="skip detection")
    imp.add_argument(
        "--columns", nargs="+", metavar="FIELD=COLUMN", default=[],
        help="CSV column mapping, e.g. title='Article Title' pmid='PubMed ID'",
    )  # fmt: skip
    imp.set_defaults(handler=cmd_import)


# --------------------------------------------------------------------------- local-search


def cmd_local_search(args: argparse.Namespace) -> int:
    from mbc_sr.sources.pubmed_files import LocalSearch, run_local_source
    from mbc_sr.sources.settings import pubmed_files_settings

    config = load_config_from_args(args)
    settings = pubmed_files_settings(config)
    paths = args.paths or list(settings.paths)
    if not paths:
        raise ValueError("no PubMed files: give PATH arguments or set [pubmed_files] paths in the config")
    search = None
    if not args.all_records:
        name = args.search or settings.search
        if name:
            saved = config.search(name)
            mesh_tree = args.mesh_tree or settings.mesh_tree
            search = LocalSearch(saved.name, saved.query, str(mesh_tree) if mesh_tree else None)
    batch_size = args.batch_size or settings.batch_size
    if batch_size < 1 or (args.workers is not None and args.workers < 1):
        raise ValueError("--batch-size and --workers must be at least 1")
    store = open_store_from_args(args)
    try:
        bar, update = progress_bar(not args.no_progress)
        try:
            reports = run_local_source(
                store, paths, search=search, source=args.source or (None if args.all_records else settings.source),
                engine=args.engine or settings.engine, workers=args.workers or settings.workers,
                dask_address=args.dask_address or settings.dask_address, batch_size=batch_size, progress=update,
            )  # fmt: skip
        finally:
            bar.close()
        for report in reports:
            print(_describe(store, report))
        if search is not None:
            print(_evaluator_note(search.compiled.provenance()))
    finally:
        store.close()
    return 0


def _describe(store, report) -> str:
    manifest = store.run(report.run_id).manifest or {}
    if "scanned_records" in manifest:
        return (
            f"{report.path}: {report.status}; {manifest['scanned_records']} records searched, "
            f"{manifest['hits']['count']} match ({report.new_records} new to the store), "
            f"{report.deletions} deletions applied, {report.seconds:.1f} s"
        )
    return (
        f"{report.path}: {report.status}; {report.records} records ({report.new_records} new, "
        f"{report.new_versions} new versions), {report.deletions} deletions, {report.seconds:.1f} s"
    )


def _evaluator_note(provenance: dict) -> str:
    mesh = "[mh] exploded with " + provenance["mesh_tree"]["path"] if provenance["mesh_explosion"] else "[mh] not exploded (no MeSH tree file)"
    return f"local evaluator: {mesh}; PubMed's automatic term mapping is not reproduced"


# --------------------------------------------------------------------------- import


def cmd_import(args: argparse.Namespace) -> int:
    from mbc_sr.sources.imports import import_file

    columns = {}
    for pair in args.columns:
        name, sep, column = pair.partition("=")
        if not sep or not name.strip() or not column.strip():
            raise ValueError(f"--columns takes FIELD=COLUMN pairs, got {pair!r}")
        columns[name.strip()] = column.strip()
    store = open_store_from_args(args)
    try:
        report = import_file(store, args.file, source=args.source, kind=args.kind, format=args.format, columns=columns)
        manifest = store.run(report.run_id).manifest or {}
        counted = store.stats().hits_by_source.get(args.source, 0)
        print(
            f"{report.path}: {report.status}; {manifest.get('format', '?')}, {report.records} records "
            f"({report.new_records} new, {report.new_versions} new versions); "
            f"with DOI {manifest.get('with_doi', 0)}, PMID {manifest.get('with_pmid', 0)}, NCT id {manifest.get('with_nct', 0)}"
        )
        print(f"source {args.source!r} ({args.kind}): {counted} records identified")
    finally:
        store.close()
    return 0


# --------------------------------------------------------------------------- demo


def run_demo(args: argparse.Namespace) -> int:
    """The review's own query, through the local evaluator, over the bundled real slice."""
    from importlib import resources

    from mbc_sr.sources.pubmed_files import SEARCH_SOURCE, LocalSearch, run_local_source

    saved = load_config_from_args(args).search("pubmed-mtor-mbc")
    search = LocalSearch(saved.name, saved.query)
    store = open_store_from_args(args)
    try:
        corpus = resources.files("mbc_sr") / "data" / DEMO_CORPUS
        with resources.as_file(corpus) as path:
            [report] = run_local_source(store, [path], search=search)
        manifest = store.run(report.run_id).manifest
        print(
            f"Local search '{saved.name}' (the review's PubMed query from the config) over the bundled "
            f"slice of pubmed21n1298 ({manifest['scanned_records']} records, {manifest['deletions']} "
            f"deletions; sha256 {manifest['sha256'][:12]}...): {manifest['hits']['count']} records match"
            f"{' (already stored)' if report.status == 'unchanged' else ''}."
        )
        print(_evaluator_note(manifest))
        print("\nIdentification (records found, by source):")
        for name, count in store.stats().hits_by_source.items():
            print(f"  {name}: {count}")
        print("\nMatches:")
        for pmid in manifest["hits"]["pmids"]:
            record = store.get_record(f"pmid:{pmid}")
            title = record.title or record.vernacular_title or ""
            print(f"  PMID {pmid}: {title[:100]}{'...' if len(title) > 100 else ''}")
        stats = store.stats()
        print(
            f"\nstore {store.url.render_as_string(hide_password=True)}: {stats.records} records, "
            f"{stats.versions} versions, {stats.deletions} deleted PMIDs recorded; source "
            f"{SEARCH_SOURCE!r}, run kind 'search' with the file's sha256 and the query in its manifest"
        )
    finally:
        store.close()
    print("PubMed data courtesy of the U.S. National Library of Medicine; not endorsed by NLM.")
    return 0

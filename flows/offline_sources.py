"""Refresh tasks for the offline sources: local PubMed files (searched locally) and imports.

`run_configured` runs the kinds of source listed in `[refresh] sources` of the config, in
order; the refresh flow (`flows.refresh.refresh_flow`) calls it when it is given no files.

* pubmed_files — one task per batch of `[pubmed_files] files_per_task` files, in file-name
  order, one after another (versions and deletions must apply in order). Inside a task the
  files are parsed and matched serially, by a process pool or on a Dask cluster (`engine`);
  those workers never import Prefect (a worker that touches Prefect starts its own temporary
  Prefect server: 10-14 s for a job of about a second), and the matches are stored in file
  order by the task itself.
* imports — one task per `[[imports]]` file.
"""

from __future__ import annotations

import flows.offline  # noqa: F401  (must precede the Prefect import)

from dataclasses import asdict
from pathlib import Path

from prefect import get_run_logger, task

from mbc_sr.config import Config, load_config
from mbc_sr.store import open_store


def _plain(report) -> dict:
    return {key: str(value) if isinstance(value, Path) else value for key, value in asdict(report).items()}


@task(name="local-pubmed-files", retries=0)
def local_files_task(paths: list[str], database_url: str, config_path: str | None) -> list[dict]:
    """Search (or mirror) one batch of local PubMed files. Not retried: a parse error is the file's."""
    from mbc_sr.sources.pubmed_files import LocalSearch, run_local_source
    from mbc_sr.sources.settings import pubmed_files_settings

    config = load_config(config_path)
    settings = pubmed_files_settings(config)
    search = None
    if settings.search:
        saved = config.search(settings.search)
        search = LocalSearch(saved.name, saved.query, str(settings.mesh_tree) if settings.mesh_tree else None)
    store = open_store(database_url)
    try:
        reports = run_local_source(
            store, paths, search=search, source=settings.source, engine=settings.engine,
            workers=settings.workers, dask_address=settings.dask_address, batch_size=settings.batch_size,
        )  # fmt: skip
    finally:
        store.close()
    logger = get_run_logger()
    for report in reports:
        logger.info("%s: %s, %d records stored, %d deletions", report.path, report.status, report.records, report.deletions)
    return [_plain(report) for report in reports]


@task(name="import-file", retries=0)
def import_task(index: int, database_url: str, config_path: str | None) -> dict:
    """Import the `index`-th `[[imports]]` file of the config."""
    from mbc_sr.sources.imports import import_file
    from mbc_sr.sources.settings import import_specs

    spec = import_specs(load_config(config_path))[index]
    store = open_store(database_url)
    try:
        report = import_file(store, spec.file, source=spec.source, kind=spec.kind, format=spec.format, columns=spec.columns)
    finally:
        store.close()
    get_run_logger().info("%s -> %s: %s, %d records", spec.file, spec.source, report.status, report.records)
    return _plain(report)


def file_batches(config: Config) -> list[list[str]]:
    """The configured PubMed files in file-name order, cut into batches of `files_per_task`."""
    from mbc_sr.sources.pubmed_files import pubmed_paths
    from mbc_sr.sources.settings import pubmed_files_settings

    settings = pubmed_files_settings(config)
    files = [str(path) for path in pubmed_paths(settings.paths)]
    size = settings.files_per_task
    return [files[start : start + size] for start in range(0, len(files), size)]


def run_configured(config: Config, database_url: str, kinds: tuple[str, ...], eutils=None) -> dict:
    """Run each kind of source of `kinds` in order; "eutils" calls `eutils(database_url)`."""
    from mbc_sr.sources.settings import import_specs

    config_path = str(config.path) if config.path else None
    result: dict = {}
    for kind in kinds:
        if kind == "pubmed_files":
            result["pubmed_files"] = [
                report for batch in file_batches(config) for report in local_files_task(batch, database_url, config_path)
            ]
        elif kind == "imports":
            result["imports"] = [import_task(i, database_url, config_path) for i in range(len(import_specs(config)))]
        elif kind == "eutils":
            if eutils is None:
                raise RuntimeError("the live E-utilities refresh is not available in this flow")
            result["eutils"] = eutils(database_url)
    return result

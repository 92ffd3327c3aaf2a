"""What every command shares: opening the configured store, progress bars, the version."""

from __future__ import annotations

import argparse
import sys


def load_config_from_args(args: argparse.Namespace):
    from mbc_sr.config import load_config

    return load_config(args.config)


def open_store_from_args(args: argparse.Namespace):
    """The store named by --db, $MBC_SR_DATABASE_URL, the config, or the default, in that order."""
    from mbc_sr.store import open_store

    return open_store(load_config_from_args(args).resolved_database_url(args.db))


def progress_bar(enabled: bool, unit: str = "rec"):
    """A tqdm bar on stderr (hidden when stderr is not a terminal) and a callback(done_so_far)."""
    from tqdm import tqdm

    bar = tqdm(unit=unit, unit_scale=True, disable=None if enabled else True, file=sys.stderr, leave=False)
    last = [0]

    def update(done: int) -> None:
        bar.update(done - last[0])
        last[0] = done

    return bar, update


def version() -> str:
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as package_version

    try:
        return package_version("mbc-sr")
    except PackageNotFoundError:
        return "unknown"

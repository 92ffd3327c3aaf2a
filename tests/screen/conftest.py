"""Fixtures for the screening tests: the review's protocol and a store holding the real slice."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from mbc_sr.config import load_config
from mbc_sr.pipeline import ingest_pubmed_files
from mbc_sr.screen.protocol import Protocol, load_protocol
from mbc_sr.store import Store, open_store
from tests.conftest import REPO, shared_path

SLICE = "pubmed/pubmed21n1298_mtor_breast_plus_random300.xml.gz"


@pytest.fixture(scope="session")
def protocol() -> Protocol:
    config = load_config(REPO / "config" / "review.toml")
    return load_protocol(config.raw, config.path)


@pytest.fixture(scope="session")
def slice_path() -> Path:
    return shared_path(SLICE)


@pytest.fixture(scope="session")
def _slice_store_template(tmp_path_factory, slice_path) -> Path:
    path = tmp_path_factory.mktemp("screen-template") / "slice.sqlite"
    store = open_store(path)
    try:
        ingest_pubmed_files(store, [slice_path])
    finally:
        store.close()
    return path


@pytest.fixture()
def slice_store(tmp_path, _slice_store_template) -> Store:
    """A fresh store (SQLite file) holding the 880 records of the real slice, nothing screened."""
    path = tmp_path / "store.sqlite"
    shutil.copy(_slice_store_template, path)
    store = open_store(path)
    yield store
    store.close()

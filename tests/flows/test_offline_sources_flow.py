"""The refresh flow runs the sources the config lists: local PubMed files in file batches on a
Dask LocalCluster inside one coarse task per batch, then the configured imports."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from mbc_sr.config import load_config
from tests.conftest import REPO, SHARED_PUBMED

pytestmark = [pytest.mark.flow, pytest.mark.slow]

DATA = REPO / "tests" / "sources" / "data"


def test_refresh_flow_takes_its_sources_from_the_config(prefect_harness, tmp_path):
    from flows.refresh import refresh_flow
    from mbc_sr.store import open_store

    mirror = tmp_path / "pubmed"
    mirror.mkdir()
    for name, original in [("pubmed21n0001.xml", "real_quirks_subset.xml"), ("pubmed21n0002.xml", "pubmed21n1298_mtor_and_breast_8.xml"),
                           ("pubmed21n0003.xml.gz", "pubmed21n1298_mtor_breast_plus_random300.xml.gz")]:  # fmt: skip
        shutil.copy(SHARED_PUBMED / original, mirror / name)
    query = load_config(REPO / "config" / "review.toml").search("pubmed-mtor-mbc").query
    config = tmp_path / "review.toml"
    config.write_text(
        f'[outputs]\ndir = "{tmp_path / "outputs"}"\n\n'
        f'[[searches]]\nname = "pubmed-mtor-mbc"\ndatabase = "pubmed"\nquery = {json.dumps(query)}\n\n'
        f'[pubmed_files]\npaths = ["{mirror}"]\nsearch = "pubmed-mtor-mbc"\nengine = "dask"\nworkers = 2\nfiles_per_task = 2\n\n'
        f'[[imports]]\nfile = "{DATA / "embase_ovid.ris"}"\nsource = "Embase"\n\n'
        '[refresh]\nsources = ["pubmed_files", "imports"]\n'
    )
    database = tmp_path / "flow.sqlite"

    result = refresh_flow(database_url=str(database), config_path=str(config))

    assert [Path(r["path"]).name for r in result["pubmed_files"]] == ["pubmed21n0001.xml", "pubmed21n0002.xml", "pubmed21n0003.xml.gz"]
    assert [r["status"] for r in result["imports"]] == ["ingested"]
    store = open_store(str(database))
    try:
        assert store.stats().hits_by_source == {"Embase": 2, "PubMed (local search)": 3}
        assert store.stats().deletions == 20
    finally:
        store.close()
    again = refresh_flow(database_url=str(database), config_path=str(config))
    assert {r["status"] for r in again["pubmed_files"] + again["imports"]} == {"unchanged"}

"""`mbc-sr local-search`, `mbc-sr import` and the config tables they read."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mbc_sr.cli import main
from mbc_sr.config import ConfigError, load_config
from mbc_sr.sources.settings import import_specs, pubmed_files_settings, refresh_sources
from mbc_sr.store import open_store
from tests.conftest import REPO, shared_path

DATA = Path(__file__).parent / "data"


def run(capsys, *argv):
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def config_with(tmp_path, extra: str) -> Path:
    """A config holding the review's saved PubMed search and `extra` (its own tables, so that
    the tests do not depend on what else config/review.toml holds)."""
    query = load_config(REPO / "config" / "review.toml").search("pubmed-mtor-mbc").query
    path = tmp_path / "review.toml"
    path.write_text(f'[[searches]]\nname = "pubmed-mtor-mbc"\ndatabase = "pubmed"\nquery = {json.dumps(query)}\n\n{extra}')
    return path


def test_local_search_from_the_command_line(capsys, tmp_path):
    db = tmp_path / "s.sqlite"
    eight = shared_path("pubmed/pubmed21n1298_mtor_and_breast_8.xml")
    code, out, err = run(capsys, "--db", str(db), "local-search", str(eight), "--search", "pubmed-mtor-mbc", "--no-progress")
    assert code == 0, err
    assert "8 records searched, 3 match (3 new to the store)" in out
    assert "[mh] not exploded" in out and "automatic term mapping" in out
    code, out, _ = run(capsys, "--db", str(db), "local-search", str(eight), "--search", "pubmed-mtor-mbc", "--no-progress")
    assert "unchanged" in out
    code, out, _ = run(capsys, "--db", str(db), "local-search", str(eight), "--all-records", "--no-progress")
    assert "8 records (5 new, 5 new versions)" in out  # the 3 matches are stored already
    store = open_store(db)
    try:
        assert store.stats().hits_by_source == {"PubMed (local files)": 8, "PubMed (local search)": 3}
    finally:
        store.close()


def test_local_search_reads_its_settings_from_the_config(capsys, tmp_path):
    eight = shared_path("pubmed/pubmed21n1298_mtor_and_breast_8.xml")
    config = config_with(tmp_path, f'[pubmed_files]\npaths = ["{eight}"]\nsearch = "pubmed-mtor-mbc"\nsource = "PubMed mirror"\n')
    code, out, err = run(capsys, "--config", str(config), "--db", str(tmp_path / "c.sqlite"), "local-search", "--no-progress")
    assert code == 0, err
    assert "3 match" in out


def test_local_search_errors_are_one_line_with_exit_code_2(capsys, tmp_path):
    eight = shared_path("pubmed/pubmed21n1298_mtor_and_breast_8.xml")
    code, _, err = run(capsys, "--db", str(tmp_path / "e.sqlite"), "local-search", "--no-progress")
    assert code == 2 and "no PubMed files" in err
    config = config_with(tmp_path, '[[searches]]\nname = "prox"\nquery = \'"breast cancer"[tiab:~3]\'\n')
    code, _, err = run(capsys, "--config", str(config), "--db", str(tmp_path / "e.sqlite"), "local-search", str(eight), "--search", "prox")
    assert code == 2 and "proximity searching is not supported" in err and "[tiab:~3]" in err


def test_import_from_the_command_line(capsys, tmp_path):
    db = str(tmp_path / "i.sqlite")
    code, out, err = run(capsys, "--db", db, "import", str(DATA / "embase_ovid.ris"), "--source", "Embase")
    assert code == 0, err
    assert "ris, 2 records (2 new" in out and "with DOI 1, PMID 1, NCT id 1" in out
    assert "source 'Embase' (database): 2 records identified" in out
    code, out, _ = run(capsys, "--db", db, "import", str(DATA / "embase_ovid.ris"), "--source", "Embase")
    assert "unchanged" in out
    csv = tmp_path / "trials.csv"
    csv.write_text("Trial,Name\nNCT00863655,BOLERO-2\n")
    code, out, err = run(capsys, "--db", db, "import", str(csv), "--source", "ClinicalTrials.gov", "--kind", "register",
                         "--columns", "id=Trial", "title=Name")  # fmt: skip
    assert code == 0, err and "1 records identified" in out
    bad = tmp_path / "bad.ris"
    bad.write_text("TY  - JOUR\nTI  - cut short\n")
    code, _, err = run(capsys, "--db", db, "import", str(bad), "--source", "Embase")
    assert code == 2 and "bad.ris" in err and "line 1" in err and "field ER" in err


def test_config_tables_are_checked_naming_file_and_key(tmp_path):
    good = load_config(config_with(tmp_path, """
[pubmed_files]
paths = ["a", "b"]
search = "pubmed-mtor-mbc"
engine = "dask"
dask_address = "tcp://10.0.0.1:8786"

[[imports]]
file = "exports/embase.ris"
source = "Embase"

[[imports]]
file = "exports/trials.csv"
source = "ClinicalTrials.gov"
kind = "register"
columns = { id = "Trial", title = "Name" }

[refresh]
sources = ["pubmed_files", "imports"]
"""))
    settings = pubmed_files_settings(good)
    assert (settings.paths, settings.engine, settings.dask_address) == ((Path("a"), Path("b")), "dask", "tcp://10.0.0.1:8786")
    specs = import_specs(good)
    assert [(s.source, s.kind, s.columns) for s in specs] == [
        ("Embase", "database", {}), ("ClinicalTrials.gov", "register", {"id": "Trial", "title": "Name"}),
    ]  # fmt: skip
    assert refresh_sources(good) == ("pubmed_files", "imports")

    bad_cases = [
        ('[pubmed_files]\nengine = "threads"\n', pubmed_files_settings, "pubmed_files.engine must be one of"),
        ('[pubmed_files]\nsearch = "nope"\n', pubmed_files_settings, "pubmed_files.search names no PubMed"),
        ("[pubmed_files]\nworkers = 0\n", pubmed_files_settings, "pubmed_files.workers must be at least 1"),
        ('[pubmed_files]\npaths = "dir"\n', pubmed_files_settings, "pubmed_files.paths must be a list"),
        ("[pubmed_files]\nwrokers = 2\n", pubmed_files_settings, "pubmed_files.wrokers is not a known key"),
        ('[[imports]]\nsource = "Embase"\n', import_specs, "imports[0].file is required"),
        ('[[imports]]\nfile = "x"\nsource = "E"\nkind = "journal"\n', import_specs, "imports[0].kind must be one of"),
        ('[[imports]]\nfile = "x"\nsource = "E"\ncolumns = { title = 3 }\n', import_specs, "imports[0].columns.title"),
        ('[refresh]\nsources = ["ftp"]\n', refresh_sources, "refresh.sources[0] must be one of"),
    ]
    for extra, reader, message in bad_cases:
        path = config_with(tmp_path, extra)
        with pytest.raises(ConfigError) as raised:
            reader(load_config(path))
        assert message in str(raised.value) and str(path) in str(raised.value), extra

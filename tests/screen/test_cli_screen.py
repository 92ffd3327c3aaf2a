"""`mbc-sr screen` end to end through the command line: rules, two reviewers' sheets, agreement,
an adjudicator settling the conflict, and a repeated import that adds nothing."""

from __future__ import annotations

import csv
from pathlib import Path

from mbc_sr.cli import main
from tests.conftest import REPO, shared_path

CONFIG = str(REPO / "config" / "review.toml")


def mbc_sr(capsys, database: Path, *argv: str) -> tuple[int, str]:
    code = main(["--config", CONFIG, "--db", str(database), *argv])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def fill(sheet: Path, decide) -> Path:
    """The reviewer's edit: a decision on every row (decide(row) -> decision or (decision, reason))."""
    with sheet.open(encoding="utf-8-sig", newline="") as stream:
        reader = csv.DictReader(stream)
        columns, rows = reader.fieldnames, list(reader)
    for row in rows:
        choice = decide(row)
        row["decision"], row["reason"] = (choice, "") if isinstance(choice, str) else choice
    with sheet.open("w", encoding="utf-8-sig", newline="") as stream:
        writer = csv.DictWriter(stream, fieldnames=columns)
        writer.writeheader()
        writer.writerows(rows)
    return sheet


def test_two_reviewers_a_conflict_and_its_adjudication(capsys, tmp_path):
    database = tmp_path / "review.sqlite"
    eight = shared_path("pubmed/pubmed21n1298_mtor_and_breast_8.xml")
    assert mbc_sr(capsys, database, "ingest", "--no-progress", str(eight))[0] == 0

    code, out = mbc_sr(capsys, database, "screen", "run", "--no-progress")
    assert code == 0 and "screened 8" in out

    sheets = {}
    for reviewer in ("ana", "ben"):
        code, out = mbc_sr(capsys, database, "screen", "export", "--reviewer", reviewer, "--out", str(tmp_path))
        assert code == 0 and f"8 records for {reviewer}" in out
        sheets[reviewer] = tmp_path / f"screen-ta-{reviewer}.csv"

    fill(sheets["ana"], lambda row: "include")
    fill(sheets["ben"], lambda row: "exclude" if row["pmid"] == "34004210" else "include")  # breast-milk cells
    for reviewer in ("ana", "ben"):
        code, out = mbc_sr(capsys, database, "screen", "import", str(sheets[reviewer]))
        assert code == 0 and "8 decisions written" in out and "0 invalid rows" in out

    code, out = mbc_sr(capsys, database, "screen", "import", str(sheets["ana"]))
    assert code == 0 and "0 decisions written" in out  # the same file twice adds nothing

    code, out = mbc_sr(capsys, database, "screen", "agreement", "--out", str(tmp_path))
    assert code == 0
    assert "ana vs ben: 8 records both screened, agreement 87.5%, kappa 0.000" in out  # one class for ana
    assert "1 unresolved conflicts" in out

    code, out = mbc_sr(capsys, database, "screen", "status")
    assert "conflict: 1" in out and "included: 7" in out

    conflicts = next(tmp_path.glob("*conflict*.csv"))
    fill(conflicts, lambda row: ("exclude", ""))
    with conflicts.open(encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.DictReader(stream))
    for row in rows:
        row["reviewer"] = "cleo"
    with conflicts.open("w", encoding="utf-8-sig", newline="") as stream:
        writer = csv.DictWriter(stream, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    code, out = mbc_sr(capsys, database, "screen", "import", "--adjudicator", str(conflicts))
    assert code == 0, out

    code, out = mbc_sr(capsys, database, "screen", "status")
    assert "conflict" not in out and "excluded: 1" in out and "included: 7" in out


def test_an_invalid_sheet_is_refused_with_a_report_and_writes_nothing(capsys, tmp_path):
    database = tmp_path / "review.sqlite"
    mbc_sr(capsys, database, "ingest", "--no-progress", str(shared_path("pubmed/pubmed21n1298_mtor_and_breast_8.xml")))
    mbc_sr(capsys, database, "screen", "run", "--no-progress")
    mbc_sr(capsys, database, "screen", "export", "--reviewer", "ana", "--out", str(tmp_path))
    sheet = fill(tmp_path / "screen-ta-ana.csv", lambda row: "perhaps" if row["pmid"] == "33964572" else "include")

    code, out = mbc_sr(capsys, database, "screen", "import", str(sheet))
    assert code == 2 and "refused" in out and "33964572" in out and "report:" in out
    code, out = mbc_sr(capsys, database, "screen", "status")
    assert "included" not in out  # nothing of the refused file was written

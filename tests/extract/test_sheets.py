"""Formula neutralisation of cells."""

from __future__ import annotations

import pytest

from mbc_sr.extract.sheets import neutralise, write_csv


@pytest.mark.parametrize(
    "value, expected",
    [("=1+1", "'=1+1"), ("+1", "'+1"), ("-0.5", "'-0.5"), ("@SUM(A1)", "'@SUM(A1)"), ("\tx", "'\tx"), ("\rx", "'\rx"),
     ("  =1", "'  =1"), ("a=1", "a=1"), ("0.43", "0.43"), ("", ""), (None, ""), (724, "724"), ("HR 0.43 (95% CI 0.35–0.54)", "HR 0.43 (95% CI 0.35–0.54)")],
)
def test_neutralise(value, expected):
    assert neutralise(value) == expected


def test_write_csv_is_atomic_and_neutralised(tmp_path):
    path = write_csv(tmp_path / "out.csv", ["a", "=b"], [{"a": "-1", "=b": "ok"}])
    assert path.read_text(encoding="utf-8").splitlines() == ["a,'=b", "'-1,ok"]
    assert not list(tmp_path.glob("*.tmp"))

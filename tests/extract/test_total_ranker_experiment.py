"""benchmarks/total_ranker_experiment.py (an experiment, not the pipeline): its pieces on made-up rows,
and that it never takes an unseen split (fresh32 or later) into its default or its training."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import numpy as np
import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "benchmarks" / "total_ranker_experiment.py"


@pytest.fixture(scope="module")
def ranker():
    spec = importlib.util.spec_from_file_location("total_ranker_experiment", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    try:
        spec.loader.exec_module(module)
        yield module
    finally:
        sys.modules.pop(spec.name, None)


def test_default_splits_stop_before_the_unseen_ones(ranker):
    assert ranker.DEFAULT_SPLITS[:3] == ("dev", "heldout", "fresh")
    assert "fresh31" in ranker.DEFAULT_SPLITS
    assert not any(ranker.is_unseen(split) for split in ranker.DEFAULT_SPLITS)
    assert ranker.is_unseen("fresh32") and ranker.is_unseen("fresh33")
    assert not ranker.is_unseen("fresh1") and not ranker.is_unseen("heldout")
    with pytest.raises(SystemExit, match="unseen"):
        ranker.main(["--splits", "dev", "fresh32"])


def test_train_pick_and_hybrid_on_made_up_rows(ranker):
    # one feature besides the bias: 1 for the true total
    rows = [ranker.Row(f"r{i}", [10, 20], np.array([[1.0, 0.0], [1.0, 1.0]]), 20, None) for i in range(20)]
    weights = ranker.train(rows)
    value, score = ranker.best(weights, rows[0])
    assert value == 20 and score > 0.5
    assert ranker.best(weights, ranker.Row("empty", [], np.zeros((0, 1)), None, None)) == (None, 0.0)
    assert ranker.ranker_guess((20, 0.6), 0.7) is None and ranker.ranker_guess((20, 0.8), 0.7) == 20
    assert ranker.hybrid_guess(15, (20, 0.99), 0.7) == 15  # the rules' total first
    assert ranker.hybrid_guess(None, (20, 0.99), 0.7) == 20


def test_added_predictions_and_counts(ranker):
    rows = [
        ranker.Row("a", [5], np.zeros((1, 1)), 5, None),     # added, right
        ranker.Row("b", [7], np.zeros((1, 1)), None, None),  # added, wrong (no total stated)
        ranker.Row("c", [9], np.zeros((1, 1)), 9, 9),        # the rules give one: not added
        ranker.Row("d", [3], np.zeros((1, 1)), 4, None),     # below the threshold: nothing added
    ]
    scored = [(5, 0.9), (7, 0.8), (9, 0.99), (3, 0.2)]
    assert ranker.added(rows, scored, 0.5) == (1, 1)
    assert ranker.counts([(5, 5), (None, 7), (9, 9), (4, None)]) == (2, 3, 3)

"""The quality gate's fast subsets, in the default test run (full sets: CI's eval step)."""

from pathlib import Path

import pytest

from dyadwatch.evaluation.gate import check, load_floors
from dyadwatch.evaluation.tasks import TASKS, evaluate

FLOORS = Path(__file__).resolve().parents[2] / "quality" / "floors.toml"
floors, limits = load_floors(FLOORS)


@pytest.mark.model
@pytest.mark.gold
@pytest.mark.parametrize("task", sorted(limits))
def test_fast_subset_meets_its_floor(task, shared):
    [result] = evaluate(shared / "eval", [task], limits[task])
    assert result.status == "scored", result.note
    assert check([result], floors, fast=True) == []


def test_every_floor_names_a_known_task():
    assert {f.task for f in floors} <= set(TASKS)


def test_every_scored_task_has_a_floor():
    scored = {name for name, t in TASKS.items() if t.predict is not None}
    assert scored <= {f.task for f in floors if not f.fast}
    assert scored <= set(limits)

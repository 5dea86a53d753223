"""The stance scorers on a few gold items (skipped when ../shared/eval is absent)."""

import pytest

from dyadwatch.evaluation.tasks import run_task

pytestmark = [pytest.mark.gold, pytest.mark.model, pytest.mark.slow]


def test_ptc_persuasion_scores(shared):
    res = run_task("ptc_persuasion", shared / "eval", limit=20)
    assert res.status == "scored" and 0.0 <= res.score <= 1.0


def test_newsmtsc_stance_scores(shared):
    res = run_task("newsmtsc_stance", shared / "eval", limit=30)
    assert res.status == "scored" and res.metrics["n"] == 30

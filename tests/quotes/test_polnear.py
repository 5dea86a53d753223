"""The quotes stage on a few PolNeAR articles (skipped without ../shared)."""

import pytest

from dyadwatch.evaluation.tasks import run_task

pytestmark = [pytest.mark.model, pytest.mark.gold]


def test_polnear_sample_scores(shared):
    path = shared / "eval" / "polnear" / "data" / "dev"
    if not path.is_dir():
        pytest.skip(f"needs PolNeAR dev at {path}")
    result = run_task("polnear_quotes", shared / "eval", limit=3)
    assert result.status == "scored"
    assert result.metrics["overlap"]["tp"] > 0

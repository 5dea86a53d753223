"""The shipped stance model (stance/model.py): its file, its recipe, its use in the stage."""

import numpy as np
import pytest

from dyadwatch.stance import model

from .conftest import record

pytestmark = pytest.mark.model


def test_the_shipped_file_is_small_and_holds_its_recipe():
    m = model.load_model()
    assert m.coef.shape == (3, 768 + len(model.RULE_FEATURES))
    assert m.meta["data"].endswith("devtest_mt.jsonl") and m.meta["n"] > 500
    assert 0.0 < m.meta["threshold"] < 1.0


def test_scores_are_in_range():
    x = np.zeros((2, 768 + len(model.RULE_FEATURES)), np.float32)
    s = model.load_model().score(x)
    assert s.shape == (2,) and np.all(np.abs(s) <= 1.0)


def test_with_the_model_the_rules_still_decide_a_clear_case(full):
    art = full("Iran is aiding and abetting Iraq's brutal war of aggression against Kuwait. "
               "Iran and Iraq met again on Tuesday.")
    assert record(art, "IRN").label == "critical"
    assert record(art, "IRQ").label == "critical"

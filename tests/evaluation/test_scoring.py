"""Scoring functions on constructed cases with known answers."""

import pytest

from dyadwatch.evaluation import scoring


def test_prf_arithmetic():
    s = scoring.PRF(tp=3, fp=1, fn=2)
    assert (s.precision, s.recall) == (0.75, 0.6)
    assert s.f1 == pytest.approx(2 * 0.75 * 0.6 / 1.35)
    assert scoring.PRF().f1 == 0.0


def test_exact_and_overlap_matching():
    gold = [(0, 5, "PER"), (10, 20, "ORG"), (30, 35, "LOC")]
    pred = [(0, 5, "PER"), (12, 20, "ORG"), (30, 35, "PER"), (40, 45, "LOC")]
    ex = scoring.match_exact(gold, pred)
    assert (ex.tp, ex.fp, ex.fn) == (1, 3, 2)
    ov = scoring.match_overlap(gold, pred)
    assert (ov.tp, ov.fp, ov.fn) == (2, 2, 1)  # ORG overlaps; PER at 30 has the wrong label


def test_overlap_matches_each_span_once():
    gold = [(0, 10, "Q")]
    pred = [(0, 4, "Q"), (5, 10, "Q")]
    ov = scoring.match_overlap(gold, pred)
    assert (ov.tp, ov.fp, ov.fn) == (1, 1, 0)


def test_span_scores_by_label():
    s = scoring.SpanScores()
    s.add([(0, 5, "A"), (6, 9, "B")], [(0, 5, "A")])
    s.add([(0, 2, "B")], [(0, 2, "B"), (3, 4, "A")])
    d = s.as_dict()
    assert d["exact"]["tp"] == 2 and d["exact"]["fp"] == 1 and d["exact"]["fn"] == 1
    assert d["by_label"]["A"]["precision"] == 0.5 and d["by_label"]["B"]["recall"] == 0.5


def test_classification_macro_f1():
    out = scoring.classification(["a", "a", "b", "c"], ["a", "b", "b", "a"])
    assert out["accuracy"] == 0.5
    f1a, f1b, f1c = 0.5, 2 / 3, 0.0
    assert out["macro_f1"] == pytest.approx(round((f1a + f1b + f1c) / 3, 4), abs=1e-4)
    with pytest.raises(ValueError):
        scoring.classification(["a"], [])


def test_value_matching_with_units():
    gold = [(900e6, "USD"), (70.0, "percent")]
    pred = [(900000000.0, "usd"), (70.0, "times"), (5.0, None)]
    assert scoring.match_values(gold, pred).tp == 2
    with_unit = scoring.match_values(gold, pred, with_unit=True)
    assert (with_unit.tp, with_unit.fp, with_unit.fn) == (1, 2, 1)
    assert scoring.values_match(100.0, 100.05) and not scoring.values_match(100.0, 101.0)

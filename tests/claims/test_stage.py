"""The claims stage in the pipeline, and the scorers' matching rules."""

from __future__ import annotations

import pytest

from dyadwatch.config import load_config, merge
from dyadwatch.errors import ConfigError
from dyadwatch.evaluation import claim_tasks as ct
from dyadwatch.evaluation.items import GoldQuantity
from dyadwatch.pipeline import Pipeline, registered_stages
from dyadwatch.schema import Article, Claim


def test_stage_is_registered_after_actors():
    spec = registered_stages()["claims"]
    assert spec.requires == ("doc", "actors") and spec.assigns == ("claims",)
    assert "claims" in load_config()["pipeline"]["stages"]


def test_stage_fills_claims():
    cfg = merge(load_config(), {"pipeline": {"stages": ["parse", "actors", "claims"],
                                             "disable": []}}, "test")
    art = Pipeline.from_config(cfg)([Article(id="a", text="Exports rose 6% in 2021.",
                                             published="2022-01-05")])[0]
    assert art.error is None
    assert [(c.value, c.unit, c.period) for c in art.claims] == [(6.0, "percent", "2021")]
    assert art.to_dict()["claims"][0]["text"] == "6%"


def test_unknown_kind_is_refused():
    from dyadwatch.claims.stage import options

    cfg = merge(load_config(), {"claims": {"kinds": ["money", "weight"]}}, "test")
    with pytest.raises(ConfigError):
        options(cfg)


@pytest.mark.parametrize("gold,ours", [
    ("percentage", "percent"), ("dollar", "USD"), ("chinese yuan", "CNY"),
    ("first-team player", "player"), ("people", "person"), ("dollar per gram", "USD per gram"),
    ("fishermen", "fisherman"), ("saudi riyal", "SAR"), ("Swedish kronor", "SEK"),
    ("doctors and nurses", "doctor"), ("% those asked", "percent"),
    ("cubic centimetre", "millilitre"),
])
def test_comparable_units(gold, ours):
    assert ct.comparable_unit(gold) == ct.comparable_unit(ours)


def test_matching_with_tolerance_and_ranges():
    golds = [(GoldQuantity(66.67, "percentage"), None),
             (GoldQuantity(5.0, "mile"), (5.0, 10.0))]
    preds = [Claim("two-thirds", 66.666, "percent"), Claim("5", 5.0, "mile"),
             Claim("10", 10.0, "mile"), Claim("7", 7.0, None)]
    prf, _ = ct.match(golds, preds, with_unit=True)
    assert (prf.tp, prf.fp, prf.fn) == (2, 1, 0)
    assert ct.units_agree("dimensionless", Claim("3", 3.0, "troop", kind="count"))


def test_newsquant_scores(shared):
    from dyadwatch.evaluation.tasks import run_task

    if not (shared / "eval" / "newsquant" / "NewsQuant_dev.json").exists():
        pytest.skip("needs ../shared/eval/newsquant/NewsQuant_dev.json")
    res = run_task("newsquant_claims", shared / "eval", limit=20)
    assert res.status == "scored" and res.score > 0.6  # smoke test; floors hold the figures


def test_a_range_matches_its_middle_and_a_fraction_its_ratio():
    golds = [(GoldQuantity(47.0, "milligram"), None), (GoldQuantity(0.25, "% -"), None)]
    preds = [Claim("44 to 50 mg", 44.0, "milligram", low=44.0, high=50.0),
             Claim("A quarter", 25.0, "percent", kind="percent", unit_text="A quarter")]
    prf, _ = ct.match(golds, preds, with_unit=True)
    assert (prf.tp, prf.fp, prf.fn) == (2, 0, 0)
    # a percent written as such is not a ratio
    prf, _ = ct.match([(GoldQuantity(0.25, None), None)],
                      [Claim("25%", 25.0, "percent", kind="percent", unit_text="%")], False)
    assert prf.tp == 0

"""Event and claim clusters: one event from several outlets is one cluster, copies count
once, different pairs, types and dates stay apart; updates equal a batch run."""

from __future__ import annotations

import pytest

from dyadwatch.crossdoc import analyse_articles, clusters, update_store
from dyadwatch.store import Store

from .builders import article, claim, config, event

AID = "France sent artillery shells to Poland on Monday"


def _events(result):
    return [c for c in result.clusters if c.kind == "event"]


def _outlets():
    return [
        article("a1", "Outlet One", "2024-03-04",
                [AID], [event(AID, "AID", ["FRA"], ["POL"], contexts=["military"])]),
        article("a2", "Outlet Two", "2024-03-05",
                ["France sent shells to Poland, officials said"],
                [event("France sent shells to Poland, officials said", "AID", ["FRA"], ["POL"])]),
        article("a3", "Outlet Three", "2024-03-06",
                ["On Monday France sent artillery shells to Poland"],
                [event("On Monday France sent artillery shells to Poland", "AID", ["FRA"],
                       ["POL"])]),
    ]


def test_one_event_from_three_outlets_is_one_cluster():
    result = analyse_articles(_outlets(), config())
    (cl,) = _events(result)
    assert cl.size == 3 and cl.corroboration == 3
    assert cl.sources == ["Outlet One", "Outlet Two", "Outlet Three"]
    assert cl.first_seen == "2024-03-04" and cl.actor == ["FRA"] and cl.recipient == ["POL"]
    assert cl.event == "AID" and cl.quad == "material_cooperation" and cl.score > 0


def test_syndicated_copy_counts_once():
    arts = _outlets()[:1] + [article("copy", "Outlet Four", "2024-03-04", [AID],
                                     [event(AID, "AID", ["FRA"], ["POL"])], duplicate_of="a1")]
    (cl,) = _events(analyse_articles(arts, config()))
    assert cl.size == 2 and cl.corroboration == 1
    assert cl.sources == ["Outlet One", "Outlet Four"]


@pytest.mark.parametrize("other", [
    dict(kind="AID", actor=["FRA"], recipient=["ITA"], date="2024-03-04"),  # another pair
    dict(kind="AID", actor=["POL"], recipient=["FRA"], date="2024-03-04"),  # reversed
    dict(kind="SANCTION", actor=["FRA"], recipient=["POL"], date="2024-03-04"),  # type
    dict(kind="AID", actor=["FRA"], recipient=["POL"], date="2024-05-20"),  # weeks apart
    dict(kind="AID", actor=["FRA"], recipient=["POL"], date="2024-03-04", modality="negated"),
])
def test_different_pairs_types_dates_and_modality_stay_apart(other):
    text = AID
    arts = [_outlets()[0], article("b", "Outlet Two", other.pop("date"), [text],
                                   [event(text, **other)])]
    assert len(_events(analyse_articles(arts, config()))) == 2


def test_quad_matching_joins_types_of_one_quad_class():
    arts = [_outlets()[0], article("b", "Outlet Two", "2024-03-04", [AID],
                                   [event(AID, "COOPERATE", ["FRA"], ["POL"])])]
    assert len(_events(analyse_articles(arts, config(match="quad")))) == 1
    assert len(_events(analyse_articles(arts, config(match="type")))) == 2


def test_dissimilar_evidence_stays_apart():
    talks = "France and Poland will discuss fishing quotas in Brussels next year"
    arts = [_outlets()[0], article("b", "Outlet Two", "2024-03-04", [talks],
                                   [event(talks, "AID", ["FRA"], ["POL"])])]
    assert len(_events(analyse_articles(arts, config(event_similarity=0.6)))) == 2


def test_claim_clusters_agree_and_conflict():
    arts = [
        article("c1", "Outlet One", "2024-03-04", ["x"],
                claims=[claim("EUR 2 billion", 2e9, "EUR", "French aid to Poland", "2023")]),
        article("c2", "Outlet Two", "2024-03-05", ["x"],
                claims=[claim("about EUR 2.1 billion", 2.1e9, "EUR", "French aid to Poland",
                              "2023", qualifier="approximately")]),
        article("c3", "Outlet Three", "2024-03-05", ["x"],
                claims=[claim("EUR 5 billion", 5e9, "EUR", "French aid to Poland", "2023")]),
        article("c4", "Outlet Three", "2024-03-05", ["x"],
                claims=[claim("EUR 5 billion", 5e9, "EUR", "French aid to Poland", "2022")]),
    ]
    result = analyse_articles(arts[:2], config())
    (agree,) = [c for c in result.clusters if c.kind == "claim"]
    assert agree.agreement == "agree" and agree.corroboration == 2
    result = analyse_articles(arts, config())
    claims = sorted((c for c in result.clusters if c.kind == "claim"), key=lambda c: -c.size)
    assert [c.size for c in claims] == [3, 1]  # another period is another figure
    assert claims[0].agreement == "conflict" and claims[0].values == [2e9, 2.1e9, 5e9]


def _store_with(path, arts):
    with Store(path) as store:
        store.write_batch(None, arts)


def _snapshot(path):
    with Store(path) as store:
        return sorted((c.id, tuple(c.members), c.corroboration) for c in clusters(store))


def test_incremental_update_equals_batch(tmp_path):
    arts = _outlets() + [article("z", "Outlet Four", "2024-03-20", [AID],
                                 [event(AID, "AID", ["FRA"], ["POL"], date="2024-03-20")])]
    cfg = config()
    inc, batch = tmp_path / "inc.db", tmp_path / "batch.db"
    _store_with(inc, arts[:2])
    with Store(inc) as store:
        first = update_store(store, cfg)
    assert first.new_events == 2
    _store_with(inc, arts[2:])
    with Store(inc) as store:
        second = update_store(store, cfg)
        assert second.new_events == 2 and not second.rebuilt
        assert update_store(store, cfg).new_events == 0  # nothing new: nothing to do
    _store_with(batch, arts)
    with Store(batch) as store:
        update_store(store, cfg)
    assert _snapshot(inc) == _snapshot(batch)
    joined = [c for c in _snapshot(inc) if len(c[1]) == 3]
    assert joined, "the third outlet joined the existing cluster"


def test_changed_settings_rebuild(tmp_path):
    db = tmp_path / "x.db"
    _store_with(db, _outlets())
    with Store(db) as store:
        update_store(store, config())
        assert update_store(store, config(match="quad")).rebuilt
        assert len(clusters(store, "event")) == 1

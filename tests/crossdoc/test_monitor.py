"""The monitor's arithmetic: index per period, asymmetry, channels, what changed."""

from __future__ import annotations

import pytest

from dyadwatch.crossdoc import analyse_articles, view_of_clusters
from dyadwatch.crossdoc.monitor import period_key

from .builders import article, config, event


def _art(aid, day, kind, actor, recipient, text, contexts=(), modality="asserted"):
    return article(aid, f"Outlet {aid}", day, [text],
                   [event(text, kind, actor, recipient, contexts=contexts, modality=modality,
                          date=day)])


@pytest.fixture(scope="module")
def view():
    arts = [
        _art("1", "2024-01-10", "AID", ["FRA"], ["POL"], "France sent tanks to Poland",
             ["military"]),
        _art("2", "2024-01-20", "COOPERATE", ["FRA"], ["POL"],
             "France and Poland signed a semiconductor deal"),
        _art("3", "2024-02-05", "ACCUSE", ["POL"], ["FRA"], "Poland accused France of delays"),
        _art("4", "2024-02-07", "AID", ["POL"], ["FRA"], "Poland sent grain to France",
             ["economic"]),
        _art("5", "2024-02-08", "ASSAULT", ["FRA"], ["POL"], "France attacked Poland",
             modality="hypothetical"),
        _art("6", "2024-02-09", "AID", ["FRA"], ["ITA"], "France sent tanks to Italy"),
    ]
    clusters = analyse_articles(arts, config()).clusters
    return view_of_clusters(clusters, "FRA", "POL", config=config())


def _score(kind):
    from dyadwatch.events.ontology import load_ontology

    return load_ontology().score(kind)


def test_index_per_month_counts_asserted_clusters_of_the_pair(view):
    assert len(view.events) == 5  # the hypothetical one is listed, FRA-ITA is not
    idx = view.index.set_index("period")
    assert list(idx.index) == ["2024-01", "2024-02"]
    jan = (_score("AID") + _score("COOPERATE")) / 2
    feb = (_score("ACCUSE") + _score("AID")) / 2
    assert idx.loc["2024-01", "index"] == pytest.approx(jan, abs=1e-3)
    assert idx.loc["2024-02", "index"] == pytest.approx(feb, abs=1e-3)
    assert idx.loc["2024-02", "conflict"] == 1 and idx.loc["2024-02", "cooperation"] == 1
    assert idx.loc["2024-01", "net"] == pytest.approx(_score("AID") + _score("COOPERATE"),
                                                      abs=0.01)


def test_weekly_periods_start_on_monday():
    assert period_key("2024-02-08", "week") == "2024-02-05"
    assert period_key("2024-02-08", "month") == "2024-02"


def test_asymmetry_of_material_flows(view):
    asym = view.asymmetry.set_index("direction")
    assert asym.loc["FRA->POL", "AID"] == 1 and asym.loc["FRA->POL", "COOPERATE"] == 1
    assert asym.loc["POL->FRA", "AID"] == 1 and asym.loc["POL->FRA", "COOPERATE"] == 0
    assert asym.loc["FRA->POL", "share"] == pytest.approx(2 / 3, abs=1e-3)


def test_channels_from_contexts_words_and_types(view):
    ch = {(r.channel, r.direction): r.clusters for r in view.channels.itertuples()}
    assert ch[("military", "FRA->POL")] == 1  # context military
    assert ch[("technology", "FRA->POL")] == 1  # the word "semiconductor"
    assert ch[("economic", "POL->FRA")] == 1  # context economic
    assert ch[("diplomatic", "POL->FRA")] == 1  # ACCUSE falls back to its type's channel


def test_directed_view_and_what_changed(view):
    directed = view_of_clusters([], "FRA", "POL", directed=True, config=config())
    assert directed.events.empty and directed.index.empty
    ch = view.changes("2024-01-01", "2024-01-31", "2024-02-01", "2024-02-29").set_index("event")
    assert ch.loc["COOPERATE", "change"] == -1 and ch.loc["ACCUSE", "change"] == 1
    assert ch.loc["INDEX", "before"] == pytest.approx(view.index["index"][0], abs=0.01)


def test_to_dict_is_json_ready(view):
    import json

    data = json.loads(json.dumps(view.to_dict()))
    assert data["clusters"] == 5 and data["index"][0]["period"] == "2024-01"

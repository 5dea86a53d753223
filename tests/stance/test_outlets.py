"""Per-outlet aggregation over constructed records (no model, no parse)."""

from dyadwatch.schema import Article, Stance
from dyadwatch.stance.outlets import outlet_stance


def art(i, source, stances, duplicate_of=None):
    return Article(id=str(i), source=source, stance=stances, duplicate_of=duplicate_of)


def st(code, score, label, kind="state", sentences=1):
    return Stance(actor=code, score=score, label=label, code=code, kind=kind,
                  counts={"sentences": sentences})


def test_mean_and_counts_per_outlet_and_code():
    df = outlet_stance([
        art(1, "Daily A", [st("CHN", -0.4, "critical"), st("RUS", -0.2, "critical")]),
        art(2, "Daily A", [st("CHN", 0.0, "neutral")]),
        art(3, "Wire B", [st("CHN", 0.3, "favourable")]),
        art(4, "Wire B", [st("CHN", -0.9, "critical")], duplicate_of="1"),  # a copy
    ])
    row = df[(df.outlet == "Daily A") & (df.code == "CHN")].iloc[0]
    assert row.articles == 2 and abs(row["mean"] + 0.2) < 1e-9
    assert (row.critical, row.neutral, row.favourable) == (1, 1, 0)
    wire = df[(df.outlet == "Wire B") & (df.code == "CHN")].iloc[0]
    assert wire.articles == 1 and wire["mean"] == 0.3


def test_the_state_record_wins_over_its_members():
    a = art(1, "Daily A", [st("CHN", -0.5, "critical"),
                           st("CHN", 0.9, "favourable", kind="person")])
    df = outlet_stance([a])
    assert df.iloc[0]["mean"] == -0.5


def test_members_without_a_state_record_are_weighted_by_sentences():
    a = art(1, None, [st("UKR", -0.6, "critical", kind="person", sentences=3),
                      st("UKR", 0.6, "favourable", kind="organisation", sentences=1)])
    df = outlet_stance([a])
    assert df.iloc[0].outlet == "(unknown)" and abs(df.iloc[0]["mean"] + 0.3) < 1e-9


def test_filters_and_empty_input():
    arts = [art(1, "X", [st("CHN", 0.1, "favourable"), st("USA", 0.0, "neutral")])]
    assert list(outlet_stance(arts, codes=["USA"]).code) == ["USA"]
    assert outlet_stance([]).empty

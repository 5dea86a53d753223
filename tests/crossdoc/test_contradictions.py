"""Each kind of contradiction, from records built by hand."""

from __future__ import annotations

from dyadwatch.crossdoc import analyse_articles

from .builders import article, claim, config, event

SENT = "France sent artillery shells to Poland last week"
DENY = "There is no sign that France sent artillery shells to Poland"


def _contra(arts, kind, **cfg):
    return [c for c in analyse_articles(arts, config(**cfg)).contradictions if c.kind == kind]


def test_asserted_vs_negated_event_across_sources():
    arts = [article("a", "Outlet One", "2024-03-04", [SENT],
                    [event(SENT, "AID", ["FRA"], ["POL"], contexts=["military"])]),
            article("b", "Outlet Two", "2024-03-06", [DENY],
                    [event(DENY, "AID", ["FRA"], ["POL"], modality="negated", cue="no",
                           contexts=["military"])])]
    (c,) = _contra(arts, "event")
    assert (c.a_article, c.a_says, c.b_article, c.b_says) == ("a", "asserted", "b", "negated")
    assert c.label == "AID" and c.dyad == ["FRA", "POL"]
    assert "Outlet One" in c.reason and "Outlet Two" in c.reason
    assert c.b_evidence == DENY and c.b_mark and DENY[c.b_mark[0]:c.b_mark[1]].startswith("no")


def test_no_event_contradiction_within_one_outlet_or_copy_or_other_dyad_or_question():
    asserted = article("a", "Outlet One", "2024-03-04", [SENT],
                       [event(SENT, "AID", ["FRA"], ["POL"])])
    same_outlet = article("b", "Outlet One", "2024-03-05", [DENY],
                          [event(DENY, "AID", ["FRA"], ["POL"], modality="negated")])
    copy = article("c", "Outlet Two", "2024-03-05", [DENY],
                   [event(DENY, "AID", ["FRA"], ["POL"], modality="negated")],
                   duplicate_of="a")
    other = article("d", "Outlet Three", "2024-03-05", [DENY],
                    [event(DENY, "AID", ["FRA"], ["ITA"], modality="negated")])
    q = "Why has France not sent artillery shells to Poland?"
    question = article("e", "Outlet Four", "2024-03-05", [q],
                       [event(q, "AID", ["FRA"], ["POL"], modality="negated")])
    late = article("f", "Outlet Five", "2026-03-05", [DENY],
                   [event(DENY, "AID", ["FRA"], ["POL"], modality="negated")])
    for other_art in (same_outlet, copy, other, question, late):
        assert _contra([asserted, other_art], "event") == [], other_art.id


def test_conflicting_figures_for_one_measure_and_period():
    arts = [article("a", "Outlet One", "2024-03-04", ["x"],
                    claims=[claim("EUR 2 billion", 2e9, "EUR", "French aid to Poland", "2023")]),
            article("b", "Outlet Two", "2024-03-05", ["x"],
                    claims=[claim("EUR 5 billion", 5e9, "EUR", "French aid to Poland", "2023")])]
    (c,) = _contra(arts, "figure")
    assert c.a_says == "EUR 2 billion" and c.b_says == "EUR 5 billion"
    assert "2023" in c.reason
    near = [arts[0], article("b", "Outlet Two", "2024-03-05", ["x"], claims=[
        claim("nearly EUR 2 billion", 1.9e9, "EUR", "French aid to Poland", "2023",
              qualifier="nearly")])]
    assert _contra(near, "figure") == []


def test_opposed_characterisations_of_one_relationship():
    good = "France and Poland have built a partnership of equals based on mutual trust."
    bad = "France treats Poland not as an equal partner; their ties are marked by mistrust."
    arts = [article("a", "Outlet One", "2024-03-04", [good]),
            article("b", "Outlet Two", "2024-03-05", [bad])]
    found = _contra(arts, "characterisation")
    assert {c.label for c in found} == {"equality", "trust"}
    for c in found:
        assert c.dyad == ["FRA", "POL"] and c.a_article == "a" and c.b_article == "b"
        assert c.a_mark and c.b_mark
    eq = next(c for c in found if c.label == "equality")
    assert c.b_evidence == bad and bad[eq.b_mark[0]:eq.b_mark[1]].startswith("not")


def test_hedged_or_same_polarity_characterisations_do_not_contradict():
    good = "France and Poland have built a partnership of equals."
    hedged = "If France and Poland were equal partners, the plan would pass."
    also_good = "France and Poland speak as equal partners."
    arts = [article("a", "Outlet One", None, [good]),
            article("b", "Outlet Two", None, [hedged]),
            article("c", "Outlet Three", None, [also_good])]
    assert _contra(arts, "characterisation") == []

"""The claims extractor on sentences written for these tests (spaCy's small model)."""

from __future__ import annotations

import pytest

from dyadwatch.claims.extract import Options, claims_of
from dyadwatch.schema import Actor, Mention


def claims(nlp, text, published="2024-06-15", actors=(), **opts):
    return claims_of(nlp(text), published, list(actors), Options(**opts) if opts else None)


def one(nlp, text, surface, **kw):
    found = [c for c in claims(nlp, text, **kw) if c.text == surface]
    assert found, f"no claim {surface!r} in {[c.text for c in claims(nlp, text, **kw)]}"
    return found[0]


@pytest.mark.parametrize("text,surface,value,unit", [
    ("The bank lent USD 450 million to the utility.", "USD 450 million", 4.5e8, "USD"),
    ("The bank lent USD350 million to the utility.", "USD350 million", 3.5e8, "USD"),
    ("The port cost $12.5 billion to build.", "$12.5 billion", 1.25e10, "USD"),
    ("Brussels set aside €2.3bn for the grid.", "€2.3bn", 2.3e9, "EUR"),
    ("The fund holds 3.4 trillion yuan in bonds.", "3.4 trillion yuan", 3.4e12, "CNY"),
    ("The deal is worth US$7bn over ten years.", "US$7bn", 7e9, "USD"),
    ("The ministry paid 800m roubles for the bridge.", "800m roubles", 8e8, "RUB"),
    ("Farmers received 40 billion rupees in aid.", "40 billion rupees", 4e10, "INR"),
    ("The mine was sold for 2.1 billion Australian dollars.", "2.1 billion Australian dollars",
     2.1e9, "AUD"),
    ("Tuition rose to £9,250 a year.", "£9,250", 9250, "GBP"),
    ("The levy raised tens of thousands of dollars.", "tens of thousands of dollars", 1e4,
     "USD"),
])
def test_money_forms(nlp, text, surface, value, unit):
    c = one(nlp, text, surface)
    assert c.value == pytest.approx(value) and c.unit == unit and c.kind == "money"


@pytest.mark.parametrize("text,surface,value", [
    ("Turnout reached 64 per cent in the north.", "64 per cent", 64),
    ("Turnout reached 64 percent in the north.", "64 percent", 64),
    ("Turnout reached 64% in the north.", "64%", 64),
    ("A quarter of the grain goes abroad.", "A quarter", 25),
    ("Half of the loans were repaid.", "Half", 50),
])
def test_percent_forms(nlp, text, surface, value):
    c = one(nlp, text, surface)
    assert c.value == value and c.unit == "percent"


def test_multiples(nlp):
    c = one(nlp, "The plant now makes four times the output of its rival.", "four times")
    assert (c.value, c.unit, c.kind) == (4, "times", "multiple")
    assert c.measure == "output of its rival"
    c = one(nlp, "Grain shipments to the region tripled in 2022.", "tripled")
    assert (c.value, c.unit, c.change, c.period) == (3, "times", "increase", "2022")
    assert c.measure == "Grain shipments to the region"


def test_counts(nlp):
    c = one(nlp, "The army sent 2,400 troops to the border.", "2,400")
    assert (c.value, c.unit, c.kind) == (2400, "troop", "count")
    c = one(nlp, "Officials blacklisted 22 Vietnamese exporters on Monday.", "22")
    assert (c.unit, c.measure) == ("exporter", "Vietnamese exporters")
    c = one(nlp, "Prices fell for four straight quarters.", "four")
    assert (c.value, c.unit, c.kind) == (4, "quarter", "duration")
    c = one(nlp, "Thousands of migrants crossed the river.", "Thousands")
    assert (c.value, c.low, c.high, c.unit) == (1000, 1000, 10000, "migrant")


def test_referential_small_counts_are_not_claims(nlp):
    text = "Talks between the two governments resumed."
    assert not claims(nlp, text)
    kept = claims(nlp, text, referential_counts=True)
    assert [c.value for c in kept] == [2]


@pytest.mark.parametrize("text,surface,qualifier", [
    ("The firm lost nearly 40% of its value.", "40%", "nearly"),
    ("The firm lost almost 40% of its value.", "40%", "nearly"),
    ("The firm employs about 3,000 people.", "3,000", "approximately"),
    ("The firm employs roughly 3,000 people.", "3,000", "approximately"),
    ("The firm employs more than 3,000 people.", "3,000", "more than"),
    ("The firm employs over 3,000 people.", "3,000", "more than"),
    ("The firm employs at least 3,000 people.", "3,000", "at least"),
    ("The firm employs up to 3,000 people.", "3,000", "at most"),
    ("The firm employs fewer than 3,000 people.", "3,000", "less than"),
    ("The firm employs 3,000 people or more.", "3,000", "at least"),
])
def test_qualifiers(nlp, text, surface, qualifier):
    assert one(nlp, text, surface).qualifier == qualifier


def test_over_a_period_is_not_a_qualifier(nlp):
    c = one(nlp, "The fleet was rebuilt over three straight years.", "three")
    assert c.qualifier is None
    c = one(nlp, "The fleet was rebuilt over the past three years.", "three years")
    assert c.qualifier is None


def test_change_with_both_ends(nlp):
    text = ("Steel exports to Vietnam climbed from USD300 million in 2020 to more than "
            "USD800 million in 2023, according to port statistics.")
    got = claims(nlp, text)
    a = next(c for c in got if c.text == "USD300 million")
    b = next(c for c in got if c.text == "USD800 million")
    assert (a.value, a.unit, a.period, a.change_role) == (3e8, "USD", "2020", "from")
    assert (b.value, b.qualifier, b.period, b.change_role) == (8e8, "more than", "2023", "to")
    assert a.change == b.change == "increase"
    assert a.change_id is not None and a.change_id == b.change_id
    assert a.measure == b.measure == "Steel exports to Vietnam"
    assert a.attributed_to == "port statistics"


def test_change_amounts(nlp):
    c = one(nlp, "Wheat prices fell 12% in March 2024.", "12%")
    assert (c.change, c.change_role, c.period, c.measure) == ("decrease", "amount",
                                                              "2024-03", "Wheat prices")
    c = one(nlp, "The index closed up 2.5 per cent.", "2.5 per cent")
    assert (c.change, c.change_role) == ("increase", "amount")
    c = one(nlp, "Revenue was 9% lower than a year before.", "9%")
    assert c.change == "decrease"


def test_measure_of_a_share(nlp):
    c = one(nlp, "About 60 per cent of Kenya's coffee exports go to Europe.", "60 per cent")
    assert c.measure == "Kenya's coffee exports"
    c = one(nlp, "Bilateral trade reached $14 billion last year.", "$14 billion")
    assert c.measure == "Bilateral trade"


def test_periods(nlp):
    c = one(nlp, "Arrivals rose 5% in the second quarter of 2023.", "5%")
    assert (c.period, c.period_precision) == ("2023-Q2", "quarter")
    c = one(nlp, "Arrivals rose 5% last year.", "5%")
    assert c.period == "2023"  # published 2024-06-15
    c = one(nlp, "The agency spent $4 billion between 1995 and 2001.", "$4 billion")
    assert (c.period, c.period_precision) == ("1995/2001", "range")


def test_actors_and_attribution(nlp):
    text = "Norway's exports to Chile rose 7% last year, the statistics office said."
    at = text.index("Chile")
    actors = [Actor("NOR", "Norway", "NOR", mentions=[Mention(0, 6, "Norway")]),
              Actor("CHL", "Chile", "CHL", mentions=[Mention(at, at + 5, "Chile")])]
    c = one(nlp, text, "7%", actors=actors)
    assert c.actors == ["NOR", "CHL"]
    assert c.attributed_to == "the statistics office"


@pytest.mark.parametrize("text", [
    "The summit took place on 14 May 2022 in Lima.",
    "The summit took place on May 14, 2022.",
    "Elections were held in 2019.",
    "He finished third, the 2nd time in a row.",
    "Call the embassy on +44 20 7946 0958 for details.",
    "The talks began at 10.30am and ended at 17:45.",
    "The air force bought more Su-30 and F-35 jets.",
    "Resolution 1441 was adopted unanimously.",
    "See Article 51 of the charter, on page 12.",
    "The G20 met after the COVID-19 pandemic.",
    "Ortega, 78, addressed the crowd.",
    "The 1990s were difficult.",
])
def test_non_claims(nlp, text):
    assert claims(nlp, text) == [], [c.text for c in claims(nlp, text)]


def test_one_bad_figure_is_logged_not_raised(nlp, monkeypatch, caplog):
    from dyadwatch.claims import extract

    def boom(*a, **k):
        raise RuntimeError("broken parse")

    monkeypatch.setattr(extract, "measure_of", boom)
    out = claims(nlp, "Imports rose 4% while exports fell 2%.")
    assert out == []
    assert "left out" in caplog.text


def test_kinds_option(nlp):
    got = claims(nlp, "The 40 ships carried $3 billion of grain.", kinds=("money",))
    assert [c.kind for c in got] == ["money"]

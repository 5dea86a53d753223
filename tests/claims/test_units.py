"""Units, rates, signs and written forms of figures beyond plain digits (spaCy's small
model; sentences written for these tests)."""

from __future__ import annotations

import pytest

from .test_extract import claims, one


def found(nlp, text):
    return [(c.text, c.value, c.unit, c.per, c.kind) for c in claims(nlp, text)]


@pytest.mark.parametrize("text,surface,value,unit", [
    # SI-prefixed units, generated from claims/data/prefixes.tsv
    ("Workers at the plant absorbed 12 mSv last year.", "12 mSv", 12, "millisievert"),
    ("The new turbines add 2.1 GW to the grid.", "2.1 GW", 2.1, "gigawatt"),
    ("The archive holds 40 petabytes of scans.", "40 petabytes", 40, "petabyte"),
    ("The blast released 15 kilojoules of energy.", "15 kilojoules", 15, "kilojoule"),
    ("The cell stores 5 kWh when full.", "5 kWh", 5, "kilowatt hour"),
    # squares and cubes of a length
    ("The reserve covers 301,338 km2 of forest.", "301,338 km2", 301338, "square kilometre"),
    ("The reserve covers 116,347 sq mi of forest.", "116,347 sq mi", 116347, "square mile"),
    ("The dam holds 4 cubic kilometres of water.", "4 cubic kilometres", 4,
     "cubic kilometre"),
    ("The tank holds 30 m³ of fuel.", "30 m³", 30, "cubic metre"),
    ("The plot measures 4 km squared.", "4 km squared", 4, "square kilometre"),
    # abbreviations of time and measure
    ("The crossing took 3 hrs in the storm.", "3 hrs", 3, "hour"),
    ("The convoy covered 930,000 mi in total.", "930,000 mi", 930000, "mile"),
    ("Each sack weighs 278,000 t in all.", "278,000 t", 278000, "tonne"),
    # negative figures
    ("Overnight it fell to -10C in the capital.", "-10C", -10, "celsius"),
    ("Forecasters expect minus 5 degrees on Sunday.", "minus 5 degrees", -5, "degree"),
    ("The index slipped to −0.4% in May.", "−0.4%", -0.4, "percent"),
    # fractions, mixed numbers, spelled-out numbers, multiples in one word
    ("The pipe is 2½ metres long.", "2½ metres", 2.5, "metre"),
    ("The road adds 3 1/2 km to the route.", "3 1/2 km", 3.5, "kilometre"),
    ("Some 1/3 of the budget goes to defence.", "1/3", 33.33, "percent"),
    ("Two and a half million people fled.", "Two and a half million", 2.5e6, "people"),
    ("A hundred and two soldiers returned.", "A hundred and two", 102, "soldier"),
    ("Output rose threefold in a decade.", "threefold", 3, "times"),
])
def test_units_and_written_forms(nlp, text, surface, value, unit):
    c = one(nlp, text, surface)
    assert c.value == pytest.approx(value) and c.unit == unit


def test_a_range_is_not_a_negative_figure(nlp):
    assert [(t, v) for t, v, *_ in found(nlp, "Between 5-10 ships left port.")] == \
        [("5-10", 5.0)]


@pytest.mark.parametrize("text,surface,value,unit", [
    ("The utility owes about R2.5 billion to the treasury.", "R2.5 billion", 2.5e9, "ZAR"),
    ("The ticket costs 15€ at the door.", "15€", 15, "EUR"),
    ("The shares closed at 164p on Friday.", "164p", 164, "GBX"),
    ("The economy is worth $2.2T a year.", "$2.2T", 2.2e12, "USD"),
    ("Exports reached 40 billion Saudi riyals.", "40 billion Saudi riyals", 4e10, "SAR"),
])
def test_money_written_around_the_figure(nlp, text, surface, value, unit):
    c = one(nlp, text, surface)
    assert c.value == pytest.approx(value) and c.unit == unit and c.kind == "money"


@pytest.mark.parametrize("text,surface,per", [
    ("Copper sold for $350 per kg last week.", "$350", "kilogram"),
    ("The train runs at 60 miles an hour.", "60 miles", "hour"),
    ("The crew was exposed to 20 J/m^2 per year.", "20 J", "square metre per year"),
    ("The ferry sails four times per week.", "four times", "week"),
    ("The engine burns 8 kg/min at full power.", "8 kg", "minute"),
])
def test_rates(nlp, text, surface, per):
    assert one(nlp, text, surface).per == per


def test_a_rate_denominator_is_no_figure(nlp):
    assert [t for t, *_ in found(nlp, "The crew was exposed to 20 J/m^2 per year.")] == \
        ["20 J"]


@pytest.mark.parametrize("text", [
    "The hotline is open 24/7 for callers.",
    "Nothing was built in 2013-14 at the site.",
])
def test_slash_numbers_and_fiscal_years_are_not_figures(nlp, text):
    assert found(nlp, text) == []


def test_uncertainty_is_not_a_figure(nlp):
    assert [(t, u) for t, _, u, *_ in found(nlp, "The probe weighs 5.2±0.1 kg in all.")] \
        == [("5.2±0.1 kg", "kilogram")]


@pytest.mark.parametrize("text,surface,unit", [
    ("Rates rose 2 or 3 percent this spring.", "2", "percent"),
    ("Wheat exports rose by 4 percent while rice exports fell by 2.", "2", "percent"),
    ("Some 68,400 people were evacuated and 12,100 who stayed were rescued.", "12,100",
     "people"),
])
def test_a_unit_written_once_for_two_figures(nlp, text, surface, unit):
    assert one(nlp, text, surface).unit == unit

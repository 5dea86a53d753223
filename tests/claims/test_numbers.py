"""Number words, vague plurals, fractions and the lexicons (no model needed)."""

from __future__ import annotations

import pytest

from dyadwatch.claims import numbers
from dyadwatch.claims.lexicon import lexicon, unit_named


@pytest.mark.parametrize("text,value", [
    ("three", 3), ("twenty-five", 25), ("one hundred and two", 102), ("a dozen", 12),
    ("two million", 2e6), ("half a million", 5e5), ("ninety nine", 99),
    ("two and a half", 2.5), ("a hundred and two", 102), ("one and a half million", 1.5e6),
])
def test_words_value(text, value):
    assert numbers.words_value(text) == value


def test_words_value_refuses_non_numbers():
    assert numbers.words_value("several") is None


@pytest.mark.parametrize("text,rng", [
    ("thousands", (1e3, 1e4)), ("tens of thousands", (1e4, 1e5)),
    ("hundreds of millions", (1e8, 1e9)), ("dozens", (24, 100)),
])
def test_vague_plurals_are_ranges(text, rng):
    assert numbers.vague_range(text) == rng


@pytest.mark.parametrize("text,pct", [("a quarter", 25.0), ("half", 50.0),
                                      ("two-thirds", 66.67), ("three quarters", 75.0)])
def test_fractions_are_percent(text, pct):
    assert numbers.fraction_percent(text) == pct


def test_digits():
    assert numbers.number_value("1,200") == 1200.0
    assert numbers.number_value("12.75") == 12.75


@pytest.mark.parametrize("text,value", [
    ("2½", 2.5), ("½", 0.5), ("2 1/2", 2.5), ("1/4", 0.25), ("4e14", 4e14),
    ("2.48×10^-5", 2.48e-5), ("5.5x10-3", 5.5e-3), ("10\u00a0000", 1e4),
])
def test_digit_forms(text, value):
    assert numbers.digits_value(text) == pytest.approx(value)


def test_digit_fractions_are_percent_of_something():
    assert numbers.fraction_percent("1/3") == 33.33
    assert numbers.fraction_percent("one sixth") == 16.67


def test_lexicons_load_with_iso_codes():
    lex = lexicon()
    assert lex.symbols["€"] == "EUR" and lex.symbols["US$"] == "USD"
    assert lex.names["rouble"] == "RUB" and lex.names["ruble"] == "RUB"
    assert lex.names["renminbi"] == "CNY" and lex.names["yuan"] == "CNY"
    assert lex.names["australian dollar"] == "AUD"
    assert all(len(code) == 3 and code.isupper()
               for code in list(lex.symbols.values()) + list(lex.names.values()))
    assert lex.scales["bn"].factor == 1e9 and lex.scales["m"].money_only
    assert lex.qualifiers_before["nearly"] == "nearly"
    assert lex.qualifiers_before["more than"] == "more than"
    assert lex.changes[("soar", "VERB")].direction == "increase"
    assert lex.changes[("halve", "VERB")].factor == 0.5


def test_prefixed_units_and_currency_letters():
    assert unit_named("kW").unit == "kilowatt" and unit_named("GWh").unit == "gigawatt hour"
    assert unit_named("mSv").unit == "millisievert"
    assert unit_named("petabytes").unit == "petabyte"
    assert unit_named("kilotonnes").unit == "kiloton"  # a row written out wins
    lex = lexicon()
    assert lex.letters["R"] == "ZAR" and lex.suffixes["p"] == "GBX"
    assert lex.names["saudi riyal"] == "SAR"


def test_unit_names():
    assert unit_named("km").unit == "kilometre"
    assert unit_named("MW").unit == "megawatt"
    assert unit_named("mW").unit == "milliwatt"  # case decides for symbols: not MW

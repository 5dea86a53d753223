"""Checks on the state data files: countries.tsv and seats.tsv in dyadwatch/actors/data."""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import pytest

from ..conftest import read_data_table

DATA = Path(__file__).resolve().parents[2] / "src" / "dyadwatch" / "actors" / "data"

COUNTRY_COLUMNS = ["code", "name", "aliases", "adjectives", "capitals", "source"]
SEAT_COLUMNS = ["surface", "code", "sector", "kind", "name", "source"]
COUNTRY_REQUIRED = ["code", "name", "source"]
SEAT_REQUIRED = SEAT_COLUMNS
SECTORS = {"GOV", "MIL", "LEG", "JUD", "COP", "SPY", "REB", "OPP", "BUS", "EDU", "MED",
           "JRN", "CVL", "REF", "LAB", "AGR"}
NON_STATE_CODES = {"IGO", "UNO", "EUR", "NGO", "MNC"}

# Surfaces (lower-case, without a leading "the") that are allowed to stand for more than one
# code, each with the reason. Everything else must resolve to one code. The data files
# resolve the known cases themselves ("Congo" -> COD, "Dominican" -> DOM, bare "Korea" left
# out), so this is empty; add a surface here only together with its reason.
AMBIGUOUS: dict[str, str] = {}


def _read(name: str, columns: list[str]) -> list[dict[str, str]]:
    return read_data_table(DATA / name, columns)


@pytest.fixture(scope="module")
def countries() -> list[dict[str, str]]:
    return _read("countries.tsv", COUNTRY_COLUMNS)


@pytest.fixture(scope="module")
def seats() -> list[dict[str, str]]:
    return _read("seats.tsv", SEAT_COLUMNS)


def _split(value: str) -> list[str]:
    return [v.strip() for v in value.split("|") if v.strip()]


def _key(surface: str) -> str:
    s = re.sub(r"\s+", " ", surface.replace("\u2019", "'")).strip().lower()
    return s[4:] if s.startswith("the ") else s


def test_header_comment_blocks():
    for name in ("countries.tsv", "seats.tsv"):
        head = (DATA / name).read_text(encoding="utf-8").splitlines()[:3]
        assert head[0].startswith(f"# {name}, version 1"), head[0]


def test_codes_are_three_upper_case_letters(countries, seats):
    for r in countries + seats:
        assert re.fullmatch(r"[A-Z]{3}", r["code"]), r


def test_required_columns_non_empty(countries, seats):
    for r in countries:
        for col in COUNTRY_REQUIRED:
            assert r[col].strip(), (col, r)
    for r in seats:
        for col in SEAT_REQUIRED:
            assert r[col].strip(), (col, r)


def test_no_stray_whitespace_or_empty_variants(countries, seats):
    for r in countries + seats:
        for col, value in r.items():
            assert value == value.strip(), (col, r)
            if col in ("aliases", "adjectives", "capitals", "surface") and value:
                parts = value.split("|")
                assert all(p and p == p.strip() for p in parts), (col, r)


def test_country_codes_unique_and_known_extras(countries):
    codes = [r["code"] for r in countries]
    assert len(codes) == len(set(codes))
    assert {"XKX", "PSE", "TWN"} <= set(codes)


def test_every_iso_country_present(countries):
    pycountry = pytest.importorskip("pycountry")
    codes = {r["code"] for r in countries}
    missing = sorted(c.alpha_3 for c in pycountry.countries if c.alpha_3 not in codes)
    assert not missing, missing


def test_combining_forms_only_in_adjectives(countries):
    for r in countries:
        for col in ("aliases", "capitals"):
            assert not any(s.endswith("-") for s in _split(r[col])), r
        for s in _split(r["adjectives"]):
            if s.endswith("-"):
                assert re.fullmatch(r"[A-Z][a-z]+-", s), s


def test_seat_sectors_and_codes(countries, seats):
    known = {r["code"] for r in countries} | NON_STATE_CODES
    for r in seats:
        assert r["sector"] in SECTORS, r
        assert r["code"] in known, r


def test_row_counts(countries, seats):
    assert len(countries) >= 250
    assert 60 <= len(seats) <= 120


def test_no_surface_maps_to_two_codes(countries, seats):
    codes: dict[str, set[str]] = defaultdict(set)
    for r in countries:
        for s in [r["name"]] + _split(r["aliases"]) + _split(r["adjectives"]) + \
                _split(r["capitals"]):
            codes[_key(s)].add(r["code"])
    for r in seats:
        for s in _split(r["surface"]):
            codes[_key(s)].add(r["code"])
    clashes = {s: sorted(c) for s, c in codes.items() if len(c) > 1 and s not in AMBIGUOUS}
    assert not clashes, clashes
    stale = sorted(s for s in AMBIGUOUS if len(codes.get(s, ())) < 2)
    assert not stale, f"AMBIGUOUS lists surfaces that are no longer ambiguous: {stale}"


@pytest.mark.parametrize("surface,code", [
    ("China", "CHN"), ("PRC", "CHN"), ("Sino-", "CHN"), ("Beijing", "CHN"),
    ("U.S.", "USA"), ("America", "USA"), ("Washington, D.C.", "USA"),
    ("Britain", "GBR"), ("Anglo-", "GBR"), ("Russian Federation", "RUS"), ("Russians", "RUS"),
    ("Kyiv", "UKR"), ("Kiev", "UKR"), ("Ukrainians", "UKR"), ("DPRK", "PRK"), ("ROK", "KOR"),
    ("Burma", "MMR"), ("Ivory Coast", "CIV"), ("Czech Republic", "CZE"), ("Türkiye", "TUR"),
    ("Turkey", "TUR"), ("UAE", "ARE"), ("KSA", "SAU"), ("Taipei", "TWN"), ("Jerusalem", "ISR"),
    ("Congo", "COD"), ("Congo-Brazzaville", "COG"), ("Kosovo", "XKX"), ("Palestine", "PSE"),
    ("Kremlin", "RUS"), ("the Kremlin", "RUS"), ("Pentagon", "USA"), ("PLA", "CHN"),
    ("IRGC", "IRN"), ("Hezbollah", "LBN"), ("Houthis", "YEM"), ("Taliban", "AFG"),
])
def test_known_surfaces(countries, seats, surface, code):
    found = set()
    for r in countries:
        forms = [r["name"]] + _split(r["aliases"]) + _split(r["adjectives"]) + \
            _split(r["capitals"])
        if _key(surface) in {_key(f) for f in forms}:
            found.add(r["code"])
    for r in seats:
        if _key(surface) in {_key(f) for f in _split(r["surface"])}:
            found.add(r["code"])
    assert found == {code}, (surface, found)

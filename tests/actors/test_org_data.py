"""Checks on the organisation, company and role data files in dyadwatch/actors/data:
organisations.tsv, companies.tsv and roles.tsv."""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import pytest

from ..conftest import read_data_table

DATA = Path(__file__).resolve().parents[2] / "src" / "dyadwatch" / "actors" / "data"

ACTOR_COLUMNS = ["name", "aliases", "code", "sector", "kind", "source"]
ROLE_COLUMNS = ["term", "sector", "kind", "office", "source", "strength"]
SECTORS = {"GOV", "MIL", "LEG", "JUD", "COP", "SPY", "REB", "OPP", "BUS", "EDU", "MED",
           "JRN", "CVL", "REF", "LAB", "AGR"}
KINDS = {"state", "person", "organisation", "company"}
NON_STATE_CODES = {"IGO", "UNO", "EUR", "NGO", "MNC"}
STRENGTHS = {"strong", "weak"}

# Surfaces (normalised as in _key) that may name two actors with different (code, sector),
# each with its reason. The rows carrying them have a "# AMBIGUOUS: ..." line right above.
AMBIGUOUS: dict[str, str] = {
    "cna": "Channel NewsAsia (SGP) and Taiwan's Central News Agency (TWN) both go by CNA",
    "pif": "Pacific Islands Forum (IGO) and Saudi Arabia's Public Investment Fund (SAU BUS)",
}

# Firms and institutes of the demo corpus: the system must resolve them from context, so no
# dictionary may know them (case-insensitive, anywhere in the file, comments included).
EXCLUDED = [
    "Dalian Machine Tool Group",
    "Wuhan Global Sensor Technology",
    "Wuhan Tongsheng Technology",
    "Hikvision",
    "iRay Technology",
    "North China Research Institute of Electro-Optics",
]


def _read(name: str, columns: list[str]) -> list[dict[str, str]]:
    return read_data_table(DATA / name, columns)


def _split(value: str) -> list[str]:
    return [v for v in value.split("|")]


def _key(surface: str) -> str:
    s = re.sub(r"\s+", " ", surface.replace("\u2019", "'")).strip().casefold()
    return s[4:] if s.startswith("the ") else s


def _surfaces(row: dict[str, str]) -> list[str]:
    return [row["name"]] + ([a for a in row["aliases"].split("|")] if row["aliases"] else [])


@pytest.fixture(scope="module")
def organisations() -> list[dict[str, str]]:
    return _read("organisations.tsv", ACTOR_COLUMNS)


@pytest.fixture(scope="module")
def companies() -> list[dict[str, str]]:
    return _read("companies.tsv", ACTOR_COLUMNS)


@pytest.fixture(scope="module")
def roles() -> list[dict[str, str]]:
    return _read("roles.tsv", ROLE_COLUMNS)


@pytest.fixture(scope="module")
def actors(organisations, companies) -> list[tuple[str, dict[str, str]]]:
    return [("organisations.tsv", r) for r in organisations] + [("companies.tsv", r) for r in companies]


@pytest.fixture(scope="module")
def index(actors) -> dict[str, list[dict[str, str]]]:
    out: dict[str, list[dict[str, str]]] = defaultdict(list)
    for _, row in actors:
        for key in {_key(s) for s in _surfaces(row)}:
            out[key].append(row)
    return out


# ---------------------------------------------------------------- file shape


@pytest.mark.parametrize("name", ["organisations.tsv", "companies.tsv", "roles.tsv"])
def test_header_block(name):
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("# " + name) and "version 1" in lines[0]
    head = []
    for ln in lines:
        if not ln.startswith("#"):
            break
        head.append(ln)
    assert len(head) >= 10, f"{name}: header comment block too short"
    text = "\n".join(head).lower()
    assert "where the facts come from" in text or "where the conventions come from" in text
    assert "columns" in text


def test_row_counts(organisations, companies, roles):
    assert len(organisations) >= 250
    assert len(companies) >= 150
    assert len(roles) >= 150


@pytest.mark.parametrize("name", ["organisations.tsv", "companies.tsv", "roles.tsv"])
def test_no_stray_whitespace(name):
    for n, ln in enumerate((DATA / name).read_text(encoding="utf-8").splitlines(), start=1):
        if ln.startswith("#"):
            continue
        assert ln.strip(), f"{name} line {n}: blank line"
        for field in ln.split("\t"):
            assert field == field.strip(), f"{name} line {n}: whitespace around {field!r}"
            for part in field.split("|") if "|" in field else []:
                assert part and part == part.strip(), f"{name} line {n}: empty or padded item in {field!r}"


# ---------------------------------------------------------------- organisations and companies


def test_actor_fields(actors):
    for name, row in actors:
        where = f"{name}: {row['name']!r}"
        assert row["name"], where
        assert re.fullmatch(r"[A-Z]{3}", row["code"]), f"{where}: code {row['code']!r}"
        assert row["sector"] in SECTORS, f"{where}: sector {row['sector']!r}"
        assert row["kind"] in KINDS, f"{where}: kind {row['kind']!r}"
        assert row["source"].strip(), f"{where}: no source"


def test_companies_are_businesses(companies):
    for row in companies:
        assert row["sector"] == "BUS", row["name"]
        assert row["kind"] == "company", row["name"]
        assert row["code"] not in NON_STATE_CODES - {"MNC"}, row["name"]


def test_non_state_codes_where_expected(organisations):
    # EUR only for EU bodies, UNO only for UN bodies: a cheap guard against a slipped code.
    for row in organisations:
        if row["code"] == "EUR":
            assert re.search(r"\bEU|Euro|European|Frontex|Eurojust|Europol", row["name"] + row["aliases"]), row["name"]
        if row["code"] == "MNC":
            raise AssertionError(f"organisations.tsv has no MNC rows: {row['name']}")


def test_no_surface_on_two_rows_unless_ambiguous(index):
    problems = []
    for key, rows in index.items():
        if len(rows) < 2:
            continue
        codes = {(r["code"], r["sector"]) for r in rows}
        if key in AMBIGUOUS:
            assert len(codes) > 1, f"{key!r} is in AMBIGUOUS but names one (code, sector)"
            continue
        problems.append(f"{key!r}: {[r['name'] for r in rows]} -> {sorted(codes)}")
    assert not problems, "surfaces on two rows:\n" + "\n".join(problems)


def test_ambiguous_entries_are_real_and_commented(index):
    for key, reason in AMBIGUOUS.items():
        assert reason.strip()
        assert len(index.get(key, [])) >= 2, f"AMBIGUOUS {key!r} no longer on two rows"
    for name in ("organisations.tsv", "companies.tsv"):
        lines = (DATA / name).read_text(encoding="utf-8").splitlines()
        for i, ln in enumerate(lines):
            if ln.startswith("#") or "\t" not in ln or i == 0:
                continue
            row = dict(zip(ACTOR_COLUMNS, ln.split("\t")))
            keys = {_key(s) for s in _surfaces(row)}
            if keys & AMBIGUOUS.keys():
                assert lines[i - 1].startswith("# AMBIGUOUS"), f"{name}: no AMBIGUOUS note above {row['name']!r}"


def test_no_collision_with_state_files(index):
    """Organisations and companies must not reuse a surface of countries.tsv or seats.tsv."""
    other: dict[str, str] = {}
    for fname, cols in (("countries.tsv", ["name", "aliases", "adjectives", "capitals"]),
                        ("seats.tsv", ["surface"])):
        path = DATA / fname
        if not path.exists():
            continue
        text = path.read_text(encoding="utf-8")
        body = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
        header = body[0].split("\t")
        for ln in body[1:]:
            row = dict(zip(header, ln.split("\t")))
            for col in cols:
                for s in (row.get(col) or "").split("|"):
                    if s:
                        other[_key(s)] = fname
    if not other:
        pytest.skip("countries.tsv and seats.tsv not present")
    clash = sorted(f"{k!r} ({other[k]})" for k in index if k in other)
    assert not clash, "surfaces also in the state files: " + ", ".join(clash)


@pytest.mark.parametrize("name", ["organisations.tsv", "companies.tsv"])
def test_excluded_names_absent(name):
    text = (DATA / name).read_text(encoding="utf-8").casefold()
    for banned in EXCLUDED:
        assert banned.casefold() not in text, f"{name} mentions {banned!r}"
    # distinctive fragments too, so a shortened alias cannot slip in
    for fragment in ("hikvision", "iray", "tongsheng", "global sensor", "electro-optics", "dalian machine"):
        assert fragment not in text, f"{name} mentions {fragment!r}"


@pytest.mark.parametrize(
    "surface, code, sector",
    [
        ("NATO", "IGO", "GOV"),
        ("North Atlantic Treaty Organization", "IGO", "GOV"),
        ("European Commission", "EUR", "GOV"),
        ("European Parliament", "EUR", "LEG"),
        ("ECB", "EUR", "GOV"),
        ("UN Security Council", "UNO", "GOV"),
        ("UNHCR", "UNO", "REF"),
        ("WHO", "UNO", "MED"),
        ("ICJ", "UNO", "JUD"),
        ("IAEA", "UNO", "GOV"),
        ("IMF", "IGO", "GOV"),
        ("ICC", "IGO", "JUD"),
        ("Interpol", "IGO", "COP"),
        ("ICRC", "NGO", "MED"),
        ("Doctors Without Borders", "NGO", "MED"),
        ("Reporters Without Borders", "NGO", "JRN"),
        ("CSIS", "USA", "EDU"),
        ("Chatham House", "GBR", "EDU"),
        ("MERICS", "DEU", "EDU"),
        ("RSIS", "SGP", "EDU"),
        ("Xinhua", "CHN", "JRN"),
        ("TASS", "RUS", "JRN"),
        ("KCNA", "PRK", "JRN"),
        ("Reuters", "GBR", "JRN"),
        ("South China Morning Post", "HKG", "JRN"),
        ("Rostec", "RUS", "BUS"),
        ("Lockheed Martin", "USA", "BUS"),
        ("MBDA", "MNC", "BUS"),
        ("TSMC", "TWN", "BUS"),
        ("Baykar", "TUR", "BUS"),
    ],
)
def test_spot_checks(index, surface, code, sector):
    rows = index.get(_key(surface), [])
    assert len(rows) == 1, f"{surface!r}: {len(rows)} rows"
    assert (rows[0]["code"], rows[0]["sector"]) == (code, sector), rows[0]


# ---------------------------------------------------------------- roles


def test_role_fields(roles):
    for row in roles:
        where = f"roles.tsv: {row['term']!r}"
        for term in _split(row["term"]):
            assert term and term == term.lower() and term == term.strip(), where
        # a weak job title may leave the sector to the organisation named with it
        assert row["sector"] in SECTORS or (row["sector"] == "" and row["strength"] == "weak"), where
        assert row["kind"] in KINDS, where
        assert row["strength"] in STRENGTHS, where
        assert row["source"].strip(), where
        if row["office"]:
            assert row["kind"] == "person", f"{where}: office on a non-person term"


def test_role_terms_unique(roles):
    seen: dict[str, str] = {}
    for row in roles:
        for term in _split(row["term"]):
            assert term not in seen, f"roles.tsv: {term!r} on two rows ({seen[term]} and {row['sector']})"
            seen[term] = row["sector"]


@pytest.mark.parametrize(
    "term, sector, kind, strength",
    [
        ("foreign minister", "GOV", "person", "strong"),
        ("defence minister", "GOV", "person", "strong"),
        ("defense ministry", "MIL", "organisation", "strong"),
        ("health ministry", "GOV", "organisation", "strong"),
        ("ambassador", "GOV", "person", "strong"),
        ("spokesperson", "GOV", "person", "weak"),
        ("lawmaker", "LEG", "person", "strong"),
        ("prosecutor", "JUD", "person", "strong"),
        ("police", "COP", "organisation", "strong"),
        ("spy agency", "SPY", "organisation", "strong"),
        ("admiral", "MIL", "person", "strong"),
        ("insurgent", "REB", "person", "strong"),
        ("dissident", "OPP", "person", "strong"),
        ("senior fellow", "EDU", "person", "strong"),
        ("state media", "JRN", "organisation", "strong"),
        ("doctor", "MED", "person", "strong"),
        ("group", "BUS", "company", "weak"),
        ("protester", "CVL", "person", "strong"),
        ("asylum seeker", "REF", "person", "strong"),
        ("trade union", "LAB", "organisation", "strong"),
        ("farmer", "AGR", "person", "strong"),
    ],
)
def test_role_spot_checks(roles, term, sector, kind, strength):
    hits = [r for r in roles if term in _split(r["term"])]
    assert len(hits) == 1, term
    assert (hits[0]["sector"], hits[0]["kind"], hits[0]["strength"]) == (sector, kind, strength)


def test_foreign_minister_office(roles):
    (row,) = [r for r in roles if "foreign minister" in _split(r["term"])]
    assert row["office"] == "Foreign Minister"

"""Checks on people.tsv in dyadwatch/actors/data: office holders with their terms."""

from __future__ import annotations

import calendar
import re
from collections import defaultdict
from datetime import date
from pathlib import Path

import pytest

from ..conftest import read_data_table

DATA = Path(__file__).resolve().parents[2] / "src" / "dyadwatch" / "actors" / "data"

COLUMNS = ["name", "aliases", "code", "sector", "office", "start", "end", "source"]
REQUIRED = ["name", "code", "sector", "office", "start", "source"]
NON_STATE_CODES = {"EUR", "UNO", "IGO"}
DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
OPEN_END = date(9999, 12, 31)

# One-word aliases that are part of the full name but are how the person is known, not a
# surname standing alone: alias -> reason.
ONE_WORD_ALIASES = {
    "Lula": "Brazil's president is 'Lula' in news; the nickname became part of his legal name",
}

# Offices with one holder at a time within a state or body: heads of state, heads of
# government, foreign and defence ministers, and the single-holder offices of the EU, UN and
# NATO. Terms in each (code, office) may not overlap by more than MAX_OVERLAP days (handover
# days and short acting overlaps are allowed).
SINGLE_HOLDER = {
    "President", "Monarch", "Emir", "Emperor", "Supreme Leader", "Governor-General",
    "President of the SPA Presidium", "Chairman of the SPA Standing Committee",
    "Prime Minister", "Premier", "Chancellor", "General Secretary",
    "Foreign Minister", "Defence Minister",
    "President of the European Commission", "President of the European Council",
    "High Representative for Foreign Affairs", "Secretary-General", "Secretary General",
}
MAX_OVERLAP = 31

# Justified longer overlaps: (code, office, earlier holder, later holder) -> reason.
EXCEPTIONS: dict[tuple[str, str, str, str], str] = {
    ("BRA", "President", "Dilma Rousseff", "Michel Temer"):
        "Rousseff was suspended on 2016-05-12 and Vice President Temer acted as president "
        "until the Senate removed her on 2016-08-31; both rows keep their formal dates",
}


def _parse(value: str) -> tuple[date, date]:
    """The earliest and latest day a YYYY, YYYY-MM or YYYY-MM-DD value can stand for."""
    m = DATE_RE.match(value)
    assert m, f"bad date {value!r}"
    y, mo, d = int(m[1]), m[2], m[3]
    if d:
        day = date(y, int(mo), int(d))  # raises on an impossible date
        return day, day
    if mo:
        last = calendar.monthrange(y, int(mo))[1]
        return date(y, int(mo), 1), date(y, int(mo), last)
    return date(y, 1, 1), date(y, 12, 31)


def _read() -> list[dict[str, str]]:
    return read_data_table(DATA / "people.tsv", COLUMNS)


@pytest.fixture(scope="module")
def people() -> list[dict[str, str]]:
    return _read()


def _span(row: dict[str, str]) -> tuple[date, date]:
    """The days the row is certainly in office: latest possible start to earliest end."""
    start = _parse(row["start"])[1]
    end = _parse(row["end"])[0] if row["end"] else OPEN_END
    return start, end


def _overlap_days(a: dict[str, str], b: dict[str, str]) -> int:
    (s1, e1), (s2, e2) = _span(a), _span(b)
    return (min(e1, e2) - max(s1, s2)).days


def _holders(people, code: str, office: str, day: str) -> set[str]:
    d = date.fromisoformat(day)
    out = set()
    for r in people:
        if r["code"] != code or r["office"] != office:
            continue
        start = _parse(r["start"])[0]
        end = _parse(r["end"])[1] if r["end"] else OPEN_END
        if start <= d <= end:
            out.add(r["name"])
    return out


def _rows(people, name: str, office: str | None = None) -> list[dict[str, str]]:
    return [r for r in people if r["name"] == name and (office is None or r["office"] == office)]


def _split(value: str) -> list[str]:
    return [v.strip() for v in value.split("|") if v.strip()]


# --- the file --------------------------------------------------------------------------------

def test_header_comment_block():
    text = (DATA / "people.tsv").read_text(encoding="utf-8")
    lines = text.splitlines()
    assert lines[0].startswith("# people.tsv, version 1")
    comment = "\n".join(ln for ln in lines if ln.startswith("#"))
    for needed in ("Where the facts come from", "Wikipedia", "sector", "GOV", "MIL",
                   "knowledge date", "Defence ministers are GOV"):
        assert needed in comment, needed


def test_enough_rows(people):
    assert len(people) >= 450


def test_required_fields(people):
    for r in people:
        for col in REQUIRED:
            assert r[col].strip(), f"{r['name']!r}: empty {col}"
            assert r[col] == r[col].strip(), f"{r['name']!r}: whitespace around {col}"


def test_codes_and_sectors(people):
    for r in people:
        assert re.fullmatch(r"[A-Z]{3}", r["code"]), r
        assert r["sector"] in {"GOV", "MIL"}, r


def test_codes_are_known_states():
    countries = DATA / "countries.tsv"
    if not countries.exists():
        pytest.skip("countries.tsv not present")
    known = set()
    for ln in countries.read_text(encoding="utf-8").splitlines():
        if ln and not ln.startswith("#"):
            known.add(ln.split("\t", 1)[0])
    codes = {r["code"] for r in _read()}
    assert codes - known - NON_STATE_CODES == set()


def test_defence_ministers_are_gov(people):
    for r in people:
        if r["office"] == "Defence Minister":
            assert r["sector"] == "GOV", r


def test_dates_parse_and_start_not_after_end(people):
    for r in people:
        start_lo, _ = _parse(r["start"])
        if r["end"]:
            _, end_hi = _parse(r["end"])
            assert start_lo <= end_hi, f"{r['name']} {r['office']}: {r['start']} > {r['end']}"


def test_terms_reach_2012(people):
    """Everyone listed was in office at some point from 2012 on."""
    for r in people:
        if r["end"]:
            assert _parse(r["end"])[1] >= date(2012, 1, 1), r


def test_aliases_are_clean(people):
    for r in people:
        aliases = _split(r["aliases"])
        assert len(aliases) == len(set(aliases)), r["name"]
        surname = r["name"].split()[-1]
        for a in aliases:
            assert a != r["name"], r["name"]
            assert "\t" not in a
            if a in ONE_WORD_ALIASES:
                continue
            assert " " in a or a.isupper() or a not in r["name"].split(), \
                f"{r['name']}: bare surname alias {a!r}"
            assert a != surname, f"{r['name']}: bare surname alias {a!r}"


def test_same_person_same_aliases_everywhere(people):
    """A name spelled one way gets one alias list (so the resolver sees one person)."""
    seen: dict[tuple[str, str], set[str]] = {}
    for r in people:
        key = (r["name"], r["code"])
        aliases = set(_split(r["aliases"]))
        seen.setdefault(key, aliases)
        assert seen[key] == aliases, f"{r['name']} ({r['code']}): aliases differ between rows"


def test_no_overlapping_terms_for_one_person_and_office(people):
    groups = defaultdict(list)
    for r in people:
        groups[(r["name"], r["office"])].append(r)
    for (name, office), rows in groups.items():
        for i, a in enumerate(rows):
            for b in rows[i + 1:]:
                assert _overlap_days(a, b) <= 0, \
                    f"{name} {office}: {a['start']}..{a['end']} overlaps {b['start']}..{b['end']}"


def test_single_holder_offices_do_not_overlap(people):
    groups = defaultdict(list)
    for r in people:
        if r["office"] in SINGLE_HOLDER:
            groups[(r["code"], r["office"])].append(r)
    used = set()
    problems = []
    for (code, office), rows in groups.items():
        rows = sorted(rows, key=lambda r: _span(r)[0])
        for i, a in enumerate(rows):
            for b in rows[i + 1:]:
                if _overlap_days(a, b) <= MAX_OVERLAP:
                    continue
                key = (code, office, a["name"], b["name"])
                if key in EXCEPTIONS:
                    used.add(key)
                    continue
                problems.append(f"{code} {office}: {a['name']} {a['start']}..{a['end']} and "
                                f"{b['name']} {b['start']}..{b['end']}")
    assert not problems, "\n".join(problems)
    assert used == set(EXCEPTIONS), f"stale exceptions: {set(EXCEPTIONS) - used}"


def test_exceptions_have_reasons():
    for key, reason in EXCEPTIONS.items():
        assert len(reason) > 20, key


def test_coverage_of_states_and_offices(people):
    states = {"ARG", "AUS", "BRA", "CAN", "CHN", "FRA", "DEU", "IND", "IDN", "ITA", "JPN",
              "MEX", "RUS", "SAU", "ZAF", "KOR", "TUR", "GBR", "USA", "UKR", "BLR", "POL",
              "IRN", "ISR", "PRK", "TWN", "PAK", "SYR", "EGY", "ARE", "QAT", "KAZ", "VNM",
              "PHL", "HUN", "FIN", "SWE", "NOR", "NLD", "ESP"}
    by_code = defaultdict(set)
    for r in people:
        by_code[r["code"]].add(r["office"])
    for code in states:
        offices = by_code[code]
        assert "Foreign Minister" in offices, code
        assert "Defence Minister" in offices, code
        assert offices & {"President", "Monarch", "Emir", "Emperor", "Supreme Leader",
                          "Governor-General"}, code
    for code in ("EUR", "UNO", "IGO"):
        assert by_code[code], code


# --- spot checks of well-known facts ---------------------------------------------------------

def test_lavrov():
    rows = _rows(_read(), "Sergei Lavrov", "Foreign Minister")
    assert len(rows) == 1
    r = rows[0]
    assert (r["code"], r["sector"], r["start"][:4], r["end"]) == ("RUS", "GOV", "2004", "")
    assert "Sergey Lavrov" in _split(r["aliases"])


def test_qin_gang_and_wang_yi(people):
    qin = _rows(people, "Qin Gang", "Foreign Minister")
    assert len(qin) == 1 and qin[0]["code"] == "CHN"
    assert qin[0]["start"].startswith("2022-12") and qin[0]["end"].startswith("2023-07")
    wang = sorted((r["start"][:4], r["end"][:4]) for r in _rows(people, "Wang Yi",
                                                                "Foreign Minister"))
    assert wang == [("2013", "2022"), ("2023", "")]
    assert _holders(people, "CHN", "Foreign Minister", "2023-05-01") == {"Qin Gang"}
    assert _holders(people, "CHN", "Foreign Minister", "2024-05-01") == {"Wang Yi"}


def test_us_secretaries_of_state_are_foreign_ministers(people):
    blinken = _rows(people, "Antony Blinken")
    assert [(r["code"], r["office"]) for r in blinken] == [("USA", "Foreign Minister")]
    assert blinken[0]["start"].startswith("2021-01") and blinken[0]["end"].startswith("2025-01")
    assert _holders(people, "USA", "Foreign Minister", "2019-06-01") == {"Mike Pompeo"}
    assert _holders(people, "USA", "Defence Minister", "2022-06-01") == {"Lloyd Austin"}


def test_xi_jinping_offices(people):
    offices = {r["office"]: r for r in _rows(people, "Xi Jinping")}
    assert offices["General Secretary"]["start"] == "2012-11-15"
    assert offices["President"]["start"] == "2013-03-14"
    assert "Chairman of the Central Military Commission" in offices
    assert all(r["code"] == "CHN" and r["end"] == "" for r in offices.values())


def test_medvedev_president_then_prime_minister(people):
    offices = {r["office"]: r for r in _rows(people, "Dmitry Medvedev")}
    assert (offices["President"]["start"][:4], offices["President"]["end"][:4]) == \
        ("2008", "2012")
    assert (offices["Prime Minister"]["start"][:4], offices["Prime Minister"]["end"][:4]) == \
        ("2012", "2020")
    assert _holders(people, "RUS", "President", "2015-01-01") == {"Vladimir Putin"}


def test_heads_of_government_by_date(people):
    assert _holders(people, "DEU", "Chancellor", "2023-01-01") == {"Olaf Scholz"}
    assert _holders(people, "GBR", "Prime Minister", "2022-10-01") == {"Liz Truss"}
    assert _holders(people, "JPN", "Prime Minister", "2015-06-01") == {"Shinzo Abe"}
    assert _holders(people, "IND", "Prime Minister", "2020-01-01") == {"Narendra Modi"}
    assert _holders(people, "ISR", "Prime Minister", "2022-01-01") == {"Naftali Bennett"}


def test_zelensky_and_spellings(people):
    r = _rows(people, "Volodymyr Zelensky", "President")[0]
    assert (r["code"], r["start"], r["end"]) == ("UKR", "2019-05-20", "")
    assert "Volodymyr Zelenskyy" in _split(r["aliases"])
    biden = _rows(people, "Joe Biden", "President")[0]
    assert {"Joseph R. Biden", "Joseph Biden"} <= set(_split(biden["aliases"]))


def test_military_chiefs(people):
    gerasimov = _rows(people, "Valery Gerasimov")[0]
    assert (gerasimov["code"], gerasimov["sector"], gerasimov["office"]) == \
        ("RUS", "MIL", "Chief of the General Staff")
    milley = _rows(people, "Mark Milley")[0]
    assert (milley["code"], milley["sector"]) == ("USA", "MIL")
    assert milley["start"].startswith("2019") and milley["end"].startswith("2023")
    dong = _rows(people, "Dong Jun")[0]
    assert (dong["office"], dong["sector"]) == ("Defence Minister", "GOV")


def test_spokespeople(people):
    assert _rows(people, "Dmitry Peskov")[0]["office"] == "Kremlin Spokesman"
    zakharova = _rows(people, "Maria Zakharova")[0]
    assert (zakharova["code"], zakharova["office"]) == ("RUS", "MFA Spokesperson")
    chinese = {r["name"] for r in people if r["code"] == "CHN" and
               r["office"] == "MFA Spokesperson"}
    assert {"Hua Chunying", "Zhao Lijian", "Wang Wenbin", "Mao Ning"} <= chinese
    assert _holders(people, "USA", "White House Press Secretary", "2021-06-01") == {"Jen Psaki"}


def test_international_offices(people):
    assert _holders(people, "IGO", "Secretary General", "2020-01-01") == {"Jens Stoltenberg"}
    assert _holders(people, "UNO", "Secretary-General", "2020-01-01") == {"António Guterres"}
    assert _holders(people, "EUR", "President of the European Commission", "2020-01-01") == \
        {"Ursula von der Leyen"}
    assert _holders(people, "EUR", "High Representative for Foreign Affairs", "2016-01-01") == \
        {"Federica Mogherini"}


def test_saudi_and_acting_offices(people):
    mbs = {r["office"]: r for r in _rows(people, "Mohammed bin Salman")}
    assert {"Crown Prince", "Prime Minister", "Defence Minister"} <= set(mbs)
    assert "MBS" in _split(mbs["Crown Prince"]["aliases"])
    assert _holders(people, "SAU", "Prime Minister", "2020-01-01") == {"Salman bin Abdulaziz"}
    # acting heads of state sit in their own office, not in "President"
    assert _holders(people, "KOR", "President", "2017-04-01") == set()
    assert _holders(people, "KOR", "Acting President", "2017-04-01") == {"Hwang Kyo-ahn"}

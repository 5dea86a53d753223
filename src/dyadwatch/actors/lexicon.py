"""The actor dictionaries: data files in ``actors/data`` (and a user's own), loaded once.

| file | what it gives |
|---|---|
| countries.tsv | states: name, aliases, adjectives and demonyms, capitals used as metonyms |
| seats.tsv | seats of power and national institutions ("the Kremlin", "Pentagon", "PLA") |
| former.tsv | empires and dynasties, coded as their successor state ("Russian Empire") |
| organisations.tsv | international bodies, NGOs, think tanks, universities, media |
| companies.tsv | a starter list of defence, energy and technology companies |
| people.tsv | heads of state and government, ministers, military chiefs, with terms |
| roles.tsv | role and descriptor words ("foreign minister", "troops", "analyst") -> sector |
| org_heads.tsv | endings of organisation names ("Group", "Institute", "Ministry") -> sector |
| ../../data/places.tsv | cities, for the country of an organisation named after one |

Each file starts with a comment block saying where its facts come from. A user adds
actors with ``[actors] extra`` (TSV files in the format of organisations.tsv or
people.tsv, told apart by their header row).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Optional

from ..datafiles import package_text, places, tsv_rows
from ..errors import ConfigError

log = logging.getLogger(__name__)

WEST = "WST"  # the West / Western: a documented non-ISO code (docs/ACTORS.md)
SECTOR_NAMES = {
    "GOV": "government", "MIL": "military", "LEG": "legislature", "JUD": "judiciary",
    "COP": "police", "SPY": "intelligence", "REB": "rebels", "OPP": "opposition",
    "BUS": "business", "EDU": "research and education", "MED": "health", "JRN": "media",
    "CVL": "civilians", "REF": "refugees", "LAB": "labour", "AGR": "agriculture",
}


@dataclass(frozen=True)
class Entry:
    """What a surface form can stand for."""

    code: Optional[str]
    sector: Optional[str]
    kind: str  # state, person, organisation, company
    name: str
    office: Optional[str] = None
    start: Optional[str] = None
    end: Optional[str] = None
    form: str = "name"  # name, adjective, capital, seat, org, person
    source: str = ""


@dataclass(frozen=True)
class Role:
    term: str
    sector: Optional[str]
    kind: str
    office: Optional[str]
    strong: bool = True


@dataclass
class Lexicon:
    surfaces: dict[str, list[Entry]] = field(default_factory=dict)  # exact-case surface
    lower: dict[str, list[Entry]] = field(default_factory=dict)  # lower-case, multiword only
    states: dict[str, str] = field(default_factory=dict)  # code -> short name
    combining: dict[str, str] = field(default_factory=dict)  # "sino" -> CHN
    roles: dict[str, Role] = field(default_factory=dict)  # lower-case term -> role
    org_heads: dict[str, tuple[str, str, str]] = field(default_factory=dict)
    places: dict[str, str] = field(default_factory=dict)  # lower-case city -> code
    people: dict[str, list[Entry]] = field(default_factory=dict)  # lower-case name -> terms

    def add(self, surface: str, entry: Entry) -> None:
        surface = surface.strip()
        if not surface:
            return
        for s in _variants(surface):
            self.surfaces.setdefault(s, []).append(entry)
            if " " in s or "-" in s:
                self.lower.setdefault(s.lower(), []).append(entry)

    def lookup(self, text: str) -> list[Entry]:
        text = _norm(text)
        found = self.surfaces.get(text)
        if found:
            return found
        stripped = re.sub(r"^(?:the|The)\s+", "", text)
        found = self.surfaces.get(stripped) or self.lower.get(stripped.lower(), [])
        if not found:
            other = _other_spelling(stripped)
            if other != stripped:
                found = self.surfaces.get(other) or self.lower.get(other.lower(), [])
        return found

    def role(self, text: str) -> Role | None:
        t = text.lower().strip()
        if t in self.roles:
            return self.roles[t]
        for suffix, cut in (("ies", "y"), ("es", ""), ("s", "")):
            if t.endswith(suffix) and (t[: -len(suffix)] + cut) in self.roles:
                return self.roles[t[: -len(suffix)] + cut]
        return None

    def person(self, name: str, date: str | None = None) -> Entry | None:
        """The person of that name, in the office they held on ``date`` if several."""
        rows = self.people.get(_norm(name).lower())
        if not rows:
            return None
        if date:
            current = [r for r in rows if _pad(r.start, "01") <= date and
                       (not r.end or date <= _pad(r.end, "31"))]
            if current:
                return max(current, key=_rank)
        return max(rows, key=lambda r: (r.end or "9999", _rank(r)))


def _pad(date: str | None, fill: str) -> str:
    """A partial date as its first ("01") or last ("31") day: "2021" -> "2021-12-31"."""
    if not date:
        return ""
    parts = date.split("-")
    if len(parts) == 1:
        return f"{parts[0]}-{'01' if fill == '01' else '12'}-{fill}"
    if len(parts) == 2:
        return f"{date}-{fill}"
    return date


_OFFICE_RANK = ["President", "Prime Minister", "Chancellor", "General Secretary",
                "Foreign Minister", "Defence Minister"]


def _rank(e: Entry) -> int:
    return -_OFFICE_RANK.index(e.office) if e.office in _OFFICE_RANK else -99


# British and American spellings of words in institution names ("Defence Department").
_SPELLINGS = [("Defence", "Defense"), ("defence", "defense"), ("Centre", "Center"),
              ("centre", "center"), ("Organisation", "Organization"),
              ("organisation", "organization"), ("Programme", "Program"),
              ("programme", "program"), ("Labour", "Labor")]


def _other_spelling(text: str) -> str:
    for gb, us in _SPELLINGS:
        if gb in text:
            return text.replace(gb, us)
        if us in text:
            return text.replace(us, gb)
    return text


def _norm(text: str) -> str:
    text = text.replace("’", "'").replace("\u00a0", " ")
    text = re.sub(r"\s+", " ", text).strip()
    return re.sub(r"'s$", "", text)


def _variants(surface: str) -> set[str]:
    s = _norm(surface)
    out = {s}
    if s.lower().startswith("the "):
        out.add(s[4:])
    return out


# ----------------------------------------------------------------------------------------

def _rows(text: str, origin: str) -> list[dict[str, str]]:
    rows = tsv_rows(text)
    if not rows:
        log.warning("actor data file %s has no rows", origin)
    return rows


def _data(name: str) -> str:
    try:
        return package_text(f"actors/data/{name}")
    except FileNotFoundError:
        log.warning("actor data file %s is missing", name)
        return ""


def _split(value: str) -> list[str]:
    return [v.strip() for v in (value or "").split("|") if v.strip()]


def _opt(value: str) -> Optional[str]:
    value = (value or "").strip()
    return value or None


KINDS = ("state", "person", "organisation", "company")


def _kind(value: str | None) -> str:
    """The record's kind: a data file's finer kinds (building, legislature, armed forces,
    ruling party ...) are organisations."""
    value = (value or "").strip().lower()
    return value if value in KINDS else "organisation"


def _short_name(name: str) -> str:
    """A display name from a descriptive one: "the Pentagon, headquarters of ..." -> "Pentagon"."""
    short = re.split(r",\s| \(|;\s", name, maxsplit=1)[0].strip()
    return re.sub(r"^the\s+", "", short, flags=re.I) or name


def load_countries(lex: Lexicon, text: str) -> None:
    for r in _rows(text, "countries.tsv"):
        code, name = r.get("code"), r.get("name")
        if not code or not name:
            continue
        lex.states.setdefault(code, name)
        src = r.get("source", "")
        state = Entry(code, "GOV", "state", lex.states[code], form="name", source=src)
        for s in [name] + _split(r.get("aliases", "")):
            lex.add(s, state)
        for adj in _split(r.get("adjectives", "")):
            if adj.endswith("-"):
                lex.combining[adj[:-1].lower()] = code
                continue
            lex.add(adj, Entry(code, "GOV", "state", lex.states[code], form="adjective",
                               source=src))
        for cap in _split(r.get("capitals", "")):
            lex.add(cap, Entry(code, "GOV", "state", lex.states[code], form="capital",
                               source=src))


def _load_bodies(lex: Lexicon, rows: list[dict[str, str]], form: str) -> None:
    """Institutions, organisations and companies: one entry per row, all its surfaces."""
    for r in rows:
        surfaces = ([r["name"]] if r.get("name") and form == "org" else []) + _split(
            r.get("surface" if form == "seat" else "aliases", ""))
        if not surfaces:
            continue
        e = Entry(_opt(r.get("code", "")), _opt(r.get("sector", "")), _kind(r.get("kind")),
                  _short_name(r.get("name") or surfaces[0]), form=form,
                  source=r.get("source", ""))
        for s in surfaces:
            lex.add(s, e)


def load_seats(lex: Lexicon, text: str) -> None:
    _load_bodies(lex, _rows(text, "seats.tsv"), "seat")


def load_orgs(lex: Lexicon, text: str, origin: str) -> None:
    _load_bodies(lex, _rows(text, origin), "org")


def load_people(lex: Lexicon, text: str, origin: str) -> None:
    for r in _rows(text, origin):
        name = r.get("name")
        if not name:
            continue
        e = Entry(_opt(r.get("code", "")), _opt(r.get("sector", "")) or "GOV", "person", name,
                  office=_opt(r.get("office", "")), start=_opt(r.get("start", "")),
                  end=_opt(r.get("end", "")), form="person", source=r.get("source", ""))
        for s in [name] + _split(r.get("aliases", "")):
            lex.people.setdefault(_norm(s).lower(), []).append(e)
            lex.add(s, e)


def load_roles(lex: Lexicon, text: str) -> None:
    for r in _rows(text, "roles.tsv"):
        strong = (r.get("strength") or "strong").lower() != "weak"
        for term in _split(r.get("term", "")):
            lex.roles[term.lower()] = Role(term.lower(), _opt(r.get("sector", "")),
                                           r.get("kind") or "person", _opt(r.get("office", "")),
                                           strong)


def load_org_heads(lex: Lexicon, text: str) -> None:
    for r in _rows(text, "org_heads.tsv"):
        if r.get("word"):
            lex.org_heads[r["word"].lower()] = (r.get("sector", ""), r.get("kind", ""),
                                                r.get("where", "last"))


def load_extra(lex: Lexicon, path: str) -> None:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"cannot read actor file {path}: {exc}; check [actors] extra") from None
    header = next((ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")), "")
    cols = [c.strip() for c in header.split("\t")]
    if "office" in cols and "start" in cols:
        load_people(lex, text, path)
    elif "name" in cols and "code" in cols:
        load_orgs(lex, text, path)
    else:
        raise ConfigError(f"actor file {path} needs a tab-separated header row with the "
                          "columns of organisations.tsv (name aliases code sector kind source) "
                          "or people.tsv (name aliases code sector office start end source)")


@lru_cache(maxsize=4)
def load_lexicon(extra: tuple[str, ...] = ()) -> Lexicon:
    lex = Lexicon()
    load_countries(lex, _data("countries.tsv"))
    load_seats(lex, _data("seats.tsv"))
    _load_bodies(lex, _rows(_data("former.tsv"), "former.tsv"), "seat")
    load_orgs(lex, _data("organisations.tsv"), "organisations.tsv")
    load_orgs(lex, _data("companies.tsv"), "companies.tsv")
    load_people(lex, _data("people.tsv"), "people.tsv")
    load_roles(lex, _data("roles.tsv"))
    load_org_heads(lex, _data("org_heads.tsv"))
    lex.places.update(places())
    for path in extra:
        load_extra(lex, path)
    # "the West", "Western" (documented code WST); "Europe", "European" as a regional
    # actor (EUR, the PLOVER code of the European Union, as the project's gold codes it)
    for s in ("West", "the West", "Western", "Westerners"):
        lex.add(s, Entry(WEST, None, "state", "the West",
                         form="adjective" if s.startswith("Western") else "name",
                         source="dyadwatch convention (docs/ACTORS.md)"))
    for s in ("Europe", "European", "Europeans"):
        if not lex.lookup(s):
            lex.add(s, Entry("EUR", None, "state", "Europe",
                             form="adjective" if s.startswith("European") else "name",
                             source="dyadwatch convention (docs/ACTORS.md)"))
    log.info("actor lexicon: %d surfaces, %d people, %d roles", len(lex.surfaces),
             len(lex.people), len(lex.roles))
    return lex


def iter_surfaces(lex: Lexicon) -> Iterable[str]:
    return lex.surfaces.keys()

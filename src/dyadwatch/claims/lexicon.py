"""The claims lexicons (``claims/data/*.tsv``), loaded once per process.

Each table's header says where its facts come from; this module only reads them into the
shapes the finder needs: currencies by form, scale words, qualifiers by position, change
words by part of speech, and units of measurement.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..datafiles import package_text, tsv_rows


@dataclass(frozen=True)
class Scale:
    word: str
    factor: float
    attached: bool  # only directly after the digits
    money_only: bool  # only when the figure is money


@dataclass(frozen=True)
class Unit:
    surface: str
    unit: str
    kind: str  # percent, multiple, duration, measure
    attached: str  # yes, no, only
    exact_case: bool


@dataclass(frozen=True)
class ChangeWord:
    word: str
    pos: str  # VERB, NOUN, ADV
    direction: str  # increase, decrease
    factor: float | None  # double = 2, halve = 0.5


@dataclass(frozen=True)
class Lexicon:
    symbols: dict[str, str]  # "$" -> USD, "US$" -> USD, "€" -> EUR
    codes: dict[str, str]  # "USD" -> USD, "RMB" -> CNY
    names: dict[str, str]  # lower-case name -> code ("dollar", "australian dollar")
    scales: dict[str, Scale]
    qualifiers_before: dict[str, str]  # phrase -> normal form
    qualifiers_after: dict[str, str]
    changes: dict[tuple[str, str], ChangeWord]  # (lemma, pos) -> change word
    units: list[Unit]  # longest surface first
    letters: dict[str, str]  # "R" -> ZAR: letters directly before the digits ("R2.5bn")
    suffixes: dict[str, str]  # "p" -> GBX: letters directly after the digits ("164p")


def _table(name: str) -> list[dict[str, str]]:
    return tsv_rows(package_text(f"claims/data/{name}"))


def _units() -> list[Unit]:
    """The rows of units.tsv and their SI-prefixed forms (prefixes.tsv), longest first;
    a row written out wins over a generated one of the same spelling."""
    prefixes: dict[str, str] = {}
    for r in _table("prefixes.tsv"):
        prefixes[r["symbol"]] = r["name"]
        prefixes[r["name"]] = r["name"]
    units: dict[str, Unit] = {}
    generated: list[Unit] = []
    for r in _table("units.tsv"):
        exact = r.get("case") == "exact"
        units.setdefault(r["surface"] if exact else r["surface"].lower(),
                         Unit(r["surface"], r["unit"], r["kind"], r["attached"], exact))
        for p in (r.get("prefixes") or "").split():
            name = prefixes[p]
            # a prefixed symbol ("kW") may stand after a space even when its base ("W")
            # may not
            attached = "yes" if r["attached"] == "only" else r["attached"]
            generated.append(Unit(p + r["surface"], name + r["unit"], r["kind"], attached,
                                  exact))
    for u in generated:
        units.setdefault(u.surface if u.exact_case else u.surface.lower(), u)
    return sorted(units.values(), key=lambda u: len(u.surface), reverse=True)


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    symbols, codes, names, letters, suffixes = {}, {}, {}, {}, {}
    for r in _table("currencies.tsv"):
        target = {"symbol": symbols, "code": codes, "letters": letters,
                  "suffix": suffixes}.get(r["form"], names)
        key = r["surface"] if r["form"] in ("symbol", "code", "letters", "suffix") else \
            r["surface"].lower()
        target.setdefault(key, r["code"])
    scales = {r["word"]: Scale(r["word"], float(r["factor"]), r["attached"] == "yes",
                               r["money_only"] == "yes") for r in _table("scales.tsv")}
    before, after = {}, {}
    for r in _table("qualifiers.tsv"):
        (before if r["position"] == "before" else after)[r["phrase"]] = r["normal"]
    changes = {(r["word"], r["pos"]): ChangeWord(r["word"], r["pos"], r["direction"],
                                                 float(r["factor"]) if r["factor"] else None)
               for r in _table("changes.tsv")}
    units = _units()
    return Lexicon(symbols, codes, names, scales, before, after, changes, units, letters,
                   suffixes)


def unit_named(word: str) -> Unit | None:
    """The unit row a word names (any case; for normalising "per kg" -> kilogram)."""
    low = word.lower()
    for u in lexicon().units:
        if (u.surface == word) if u.exact_case else (u.surface.lower() == low):
            return u
    return None

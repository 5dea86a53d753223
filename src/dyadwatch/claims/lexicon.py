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


def _table(name: str) -> list[dict[str, str]]:
    return tsv_rows(package_text(f"claims/data/{name}"))


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    symbols, codes, names = {}, {}, {}
    for r in _table("currencies.tsv"):
        target = {"symbol": symbols, "code": codes}.get(r["form"], names)
        key = r["surface"] if r["form"] in ("symbol", "code") else r["surface"].lower()
        target.setdefault(key, r["code"])
    scales = {r["word"]: Scale(r["word"], float(r["factor"]), r["attached"] == "yes",
                               r["money_only"] == "yes") for r in _table("scales.tsv")}
    before, after = {}, {}
    for r in _table("qualifiers.tsv"):
        (before if r["position"] == "before" else after)[r["phrase"]] = r["normal"]
    changes = {(r["word"], r["pos"]): ChangeWord(r["word"], r["pos"], r["direction"],
                                                 float(r["factor"]) if r["factor"] else None)
               for r in _table("changes.tsv")}
    units = [Unit(r["surface"], r["unit"], r["kind"], r["attached"], r.get("case") == "exact")
             for r in _table("units.tsv")]
    units.sort(key=lambda u: len(u.surface), reverse=True)
    return Lexicon(symbols, codes, names, scales, before, after, changes, units)


def unit_named(word: str) -> Unit | None:
    """The unit row a word names (any case; for normalising "per kg" -> kilogram)."""
    low = word.lower()
    for u in lexicon().units:
        if (u.surface == word) if u.exact_case else (u.surface.lower() == low):
            return u
    return None

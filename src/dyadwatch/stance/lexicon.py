"""The stance stage's lexicons, read from ``stance/data/`` (TSV with provenance headers).

- ``evaluative.tsv``: words and phrases that evaluate whoever fills one of their roles
  (agent, patient), for the outlet's own voice (``eval``) or as a holder's stance towards
  an object (``holder``: condemn, praise).
- ``cues.tsv``: regular expressions for hedges, genre headings and bylines, and the
  persuasion techniques of SemEval-2020 Task 11.

Both are loaded once per process; ``extra`` files in the same format are merged in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Optional

from ..datafiles import package_text, tsv_rows
from ..errors import ConfigError

EVALUATIVE = "stance/data/evaluative.tsv"
CUES = "stance/data/cues.tsv"
POS = {"verb": ("VERB", "AUX"), "noun": ("NOUN", "PROPN"), "adj": ("ADJ", "VERB")}


@dataclass(frozen=True)
class Entry:
    """One evaluative word or phrase (``words``: its lemmas)."""

    words: tuple[str, ...]
    pos: str  # verb, noun, adj
    kind: str  # eval or holder
    agent: float
    patient: float
    of: Optional[str]  # the role "N of X" fills: agent, patient or None
    furthers: bool = False  # the doer takes the value of what it furthers

    @property
    def polarity(self) -> float:
        return self.agent if self.kind == "eval" and self.agent else self.patient or self.agent

    @property
    def term(self) -> str:
        return " ".join(self.words)


@dataclass(frozen=True)
class Cue:
    kind: str
    weight: float
    regex: re.Pattern


@dataclass
class Lexicon:
    # (first lemma, pos) -> entries starting with it, longest phrase first
    entries: dict[tuple[str, str], list[Entry]]
    cues: dict[str, list[Cue]]

    def lookup(self, lemmas: list[str], i: int, pos: str) -> Optional[Entry]:
        """The longest entry of part of speech ``pos`` that starts at ``lemmas[i]``."""
        for e in self.entries.get((lemmas[i], pos), ()):
            n = len(e.words)
            if tuple(lemmas[i:i + n]) == e.words:
                return e
        return None

    def cues_of(self, kind: str) -> list[Cue]:
        return self.cues.get(kind, [])


def _float(value: str, where: str) -> float:
    try:
        return float(value)
    except ValueError:
        raise ConfigError(f"{where}: {value!r} is not a number; fix the lexicon row") from None


def _read(path: str) -> str:
    if path.startswith("stance/data/"):
        return package_text(path)
    try:
        return Path(path).read_text(encoding="utf-8")
    except OSError as e:
        raise ConfigError(f"cannot read stance lexicon {path}: {e}; check stance.extra") from None


def parse_evaluative(text: str, where: str) -> list[Entry]:
    out = []
    for n, row in enumerate(tsv_rows(text), 1):
        pos = row.get("pos", "")
        if pos not in POS or row.get("kind") not in ("eval", "holder"):
            raise ConfigError(f"{where} row {n}: pos must be verb/noun/adj and kind eval/holder"
                              f", got {pos!r}/{row.get('kind')!r}")
        of = row.get("of") or "-"
        out.append(Entry(tuple(row["term"].lower().split()), pos, row["kind"],
                         _float(row["agent"], where), _float(row["patient"], where),
                         None if of == "-" else of, row.get("furthers") == "yes"))
    return out


def parse_cues(text: str, where: str) -> list[Cue]:
    out = []
    for n, row in enumerate(tsv_rows(text), 1):
        try:
            rx = re.compile(row["pattern"], re.IGNORECASE | re.MULTILINE)
        except re.error as e:
            raise ConfigError(f"{where} row {n}: bad pattern ({e}); fix the cue row") from None
        out.append(Cue(row["kind"], _float(row["weight"], where), rx))
    return out


@lru_cache(maxsize=8)
def load_lexicon(extra: tuple[str, ...] = ()) -> Lexicon:
    """The packaged lexicons with any ``extra`` TSV files (evaluative rows have a ``pos``
    column, cue rows a ``pattern`` column) merged in."""
    entries: list[Entry] = parse_evaluative(_read(EVALUATIVE), EVALUATIVE)
    cues: list[Cue] = parse_cues(_read(CUES), CUES)
    for path in extra:
        text = _read(path)
        header = next((ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")),
                      "")
        if "pattern" in header.split("\t"):
            cues += parse_cues(text, path)
        else:
            entries += parse_evaluative(text, path)
    table: dict[tuple[str, str], list[Entry]] = {}
    for e in entries:
        table.setdefault((e.words[0], e.pos), []).append(e)
    for v in table.values():
        v.sort(key=lambda e: -len(e.words))
    grouped: dict[str, list[Cue]] = {}
    for c in cues:
        grouped.setdefault(c.kind, []).append(c)
    return Lexicon(table, grouped)

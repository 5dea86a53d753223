"""Characterisations of a relationship: evaluative phrases ("a partnership of equals",
"deep mistrust") found in sentences, with their aspect, polarity and the pair of actors.

The phrases, negators, hedges and combining forms are data
(``crossdoc/data/characterisations.tsv``). A phrase counts when:

- it is not in a hedged clause (a clause opened by "if", "unless", "whether", or holding
  "could"/"might" before it) nor in a question;
- a negator before it in its clause (clauses end at , ; : and dashes, and at "but",
  "while", "although") reverses its polarity: "not a relationship of equals" is -1;
- its sentence names two actors with codes (the two named nearest to the phrase) or a
  compound of combining forms ("Sino-Russian"); else, when the sentence names none, the
  article's two most-mentioned state codes (``basis = "article"``).

The title is read as a sentence of its own (``sentence = -1``, offsets into the title).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Optional

from ..datafiles import tsv_rows
from ..errors import ConfigError
from .datafile import data_text
from .items import ArticleInfo


@dataclass(frozen=True)
class Lexicon:
    phrases: tuple[tuple[str, int, re.Pattern], ...]  # (aspect, polarity, pattern)
    any_phrase: re.Pattern
    negator: re.Pattern
    hedge: re.Pattern
    pair: re.Pattern  # "the two countries": the relationship is the article's main one
    forms: dict[str, str]


@dataclass(slots=True)
class Characterisation:
    art: ArticleInfo
    aspect: str
    polarity: int
    negated: bool
    dyad: tuple[str, str]
    basis: str  # sentence, compound or article
    sentence: int  # index into Article.sentences; -1 for the title
    evidence: str
    start: Optional[int]  # the sentence's span in the text (None for the title)
    end: Optional[int]
    mark: tuple[int, int]  # the phrase (with its negator) inside `evidence`
    phrase: str
    speaker: Optional[str] = None  # who says it, when it lies inside a quote


_CLAUSE_END = re.compile(r"[,;:—–(]|\s-\s|\b(?:but|while|although|though|whereas)\b", re.I)


@lru_cache(maxsize=4)
def load_lexicon(path: str = "builtin") -> Lexicon:
    text = data_text(path, "characterisations.tsv", "crossdoc.characterisations")
    phrases, negators, hedges, pairs, forms = [], [], [], [], {}
    for row in tsv_rows(text):
        kind, pat = row.get("kind"), row.get("pattern", "")
        if kind == "phrase":
            try:
                rx = re.compile(rf"\b(?:{pat})\b", re.I)
            except re.error as exc:
                raise ConfigError(f"characterisation pattern {pat!r}: {exc}") from None
            phrases.append((row["aspect"], int(row["polarity"]), rx))
        elif kind == "negator":
            negators.append(pat)
        elif kind == "hedge":
            hedges.append(pat)
        elif kind == "pair":
            pairs.append(pat)
        elif kind == "form":
            forms[pat.lower()] = row["aspect"]
    any_phrase = re.compile("|".join(f"(?:{p.pattern})" for _, _, p in phrases), re.I)
    words = "|".join(n for n in negators if n != "n't")
    negator = re.compile(rf"(?:\b(?:{words})\b|n't\b)", re.I)
    hedge = re.compile(rf"\b(?:{'|'.join(hedges)})\b", re.I)
    pair = re.compile(rf"\b(?:{'|'.join(pairs) or '(?!)'})\b", re.I)
    return Lexicon(tuple(phrases), any_phrase, negator, hedge, pair, forms)


def _clause_before(sentence: str, pos: int) -> str:
    """The words of the phrase's clause that come before it."""
    head = sentence[:pos]
    cut = 0
    for m in _CLAUSE_END.finditer(head):
        cut = m.end()
    return head[cut:]


def _mentions(art: dict) -> list[tuple[int, int, str, Optional[str]]]:
    out = []
    for a in art.get("actors") or ():
        if not a.get("code"):
            continue
        for m in a.get("mentions") or ():
            out.append((m["start"], m["end"], a["code"], a.get("kind")))
    return sorted(out)


def _main_dyad(mentions) -> Optional[tuple[str, str]]:
    counts = Counter(code for _, _, code, kind in mentions if kind == "state")
    top = [c for c, _ in counts.most_common(2)]
    return tuple(sorted(top)) if len(top) == 2 else None


def _compound_dyad(sentence: str, lex: Lexicon, names: dict[str, str]):
    def code(word: str) -> Optional[str]:
        # a combining form ("sino"), a state's name, or its adjective ("russian", "chinese"):
        # a word sharing its first four letters with a one-word state name of the article
        found = lex.forms.get(word) or names.get(word)
        if not found and len(word) >= 5:
            found = next((c for n, c in names.items()
                          if " " not in n and len(n) >= 4 and word[:4] == n[:4]), None)
        return found

    for m in re.finditer(r"\b([A-Za-z]+)-([A-Za-z]+)\b", sentence):
        ca, cb = code(m.group(1).lower()), code(m.group(2).lower())
        if ca and cb and ca != cb:
            return tuple(sorted((ca, cb)))
    return None


def _speaker(art: dict, start: int, end: int) -> Optional[str]:
    for q in art.get("quotes") or ():
        if q.get("start") is not None and q["start"] <= start and end <= q["end"]:
            sp = q.get("speaker") or {}
            return sp.get("name")
    return None


def characterisations(art: dict, info: ArticleInfo, lex: Lexicon) -> list[Characterisation]:
    """Every counted characterisation of one article's record (plain dict)."""
    text = art.get("text") or ""
    mentions = _mentions(art)
    names = {}
    for a in art.get("actors") or ():
        if a.get("code") and a.get("kind") == "state":
            names[(a.get("name") or "").lower()] = a["code"]
    main = _main_dyad(mentions)
    spans = [(-1, None, None, art.get("title") or "")] if art.get("title") and \
        (art.get("title") or "") not in text else []
    spans += [(i, s, e, text[s:e]) for i, (s, e) in enumerate(art.get("sentences") or ())]
    out = []
    for idx, s, e, sent in spans:
        if not sent or not lex.any_phrase.search(sent) or sent.rstrip().endswith("?"):
            continue
        for aspect, pol, rx in lex.phrases:
            for m in rx.finditer(sent):
                before = _clause_before(sent, m.start())
                if lex.hedge.search(before):
                    continue
                neg = list(lex.negator.finditer(before))
                negated = bool(neg)
                mark_start = m.start() - len(before) + neg[-1].start() if neg else m.start()
                dyad, basis = _dyad(sent, s, e, m, mentions, lex, names, main, idx)
                if dyad is None:
                    continue
                out.append(Characterisation(
                    info, aspect, -pol if negated else pol, negated, dyad, basis, idx, sent,
                    s, e, (mark_start, m.end()), m.group(0),
                    _speaker(art, s + m.start(), s + m.end()) if s is not None else None))
    return _dedupe(out)


def _dyad(sent, s, e, m, mentions, lex, names, main, idx):
    if idx >= 0:
        inside = [(ms - s, code) for ms, me, code, _ in mentions if s <= ms and me <= e]
    else:  # the title: the article's actor names found in it
        low = sent.lower()
        inside = [(low.find(n), c) for n, c in names.items() if n and low.find(n) >= 0]
    compound = _compound_dyad(sent, lex, names)
    if compound:
        return compound, "compound"
    if main and lex.pair.search(sent):
        return main, "article"
    codes: list[str] = []
    for _, code in sorted(inside, key=lambda p: abs(p[0] - m.start())):
        if code not in codes:
            codes.append(code)
    if len(codes) >= 2:
        return tuple(sorted(codes[:2])), "sentence"
    if not codes and main:
        return main, "article"
    if len(codes) == 1 and main and codes[0] in main:
        return main, "article"
    return None, None


def _dedupe(found: list[Characterisation]) -> list[Characterisation]:
    """One finding per sentence, aspect and dyad: overlapping patterns count once."""
    seen: dict[tuple, Characterisation] = {}
    for c in found:
        key = (c.sentence, c.aspect, c.dyad)
        if key not in seen or (c.mark[1] - c.mark[0]) > (seen[key].mark[1] - seen[key].mark[0]):
            seen[key] = c
    return sorted(seen.values(), key=lambda c: (c.sentence, c.mark))


def prefilter(lex: Lexicon, raw_json: str) -> bool:
    """Cheap test on a record's JSON text before it is parsed."""
    return lex.any_phrase.search(raw_json) is not None


def scan_store(store, lex: Lexicon, infos: dict) -> list[Characterisation]:
    import json

    out: list[Characterisation] = []
    for raw in store.iter_records():
        if not prefilter(lex, raw):
            continue
        art: dict[str, Any] = json.loads(raw)
        info = infos.get((art["id"], art.get("pipeline_version") or ""))
        if info is not None:
            out += characterisations(art, info, lex)
    return out

"""The ``clean`` stage: a clean body, the boilerplate and repeats taken out of it, and the
metadata that plain text carries in its lines (title, date, byline, dateline, outlet).

Order of work on one article:
1. normalise spaces and newlines, split into paragraphs (hard-wrapped text is re-joined);
2. outlet lines at the end (a bare site address and the name beside it);
3. boilerplate rules from the rule file (``data/boilerplate.toml`` plus ``extra_rules``);
4. title, byline and date lines near the top (and date lines near the end);
5. the dateline opening the first body paragraphs, taken off the paragraph;
6. repeated paragraphs: exact, or near-duplicates by word-trigram Jaccard similarity
   (comparing paragraphs with their datelines taken off), and the title repeated in the body;
7. repeated long sentences inside later paragraphs.
The first occurrence of anything repeated is kept. Metadata a reader already filled (an
HTML page's title, a JSON record's date) is never overwritten; a repeat of it in the body
is still removed.
"""

from __future__ import annotations

import logging
import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from ..config import Config
from ..errors import ConfigError
from ..pipeline import register_stage
from ..schema import Article, CleaningStep
from .dates import date_line
from .plaintext import (byline, dateline, is_title_like, outlet_lines, split_paragraphs)
from .textio import content_key, normalise_text, words

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Rule:
    name: str
    kind: str  # "line" or "tail"
    regex: re.Pattern
    max_words: int


@dataclass(frozen=True)
class RuleSet:
    rules: tuple[Rule, ...]
    tail_max_words: int

    def match(self, par: str, allow_tail: bool = True) -> Rule | None:
        """The first rule matching ``par``; tail rules first (they also clear the block
        after them), and only where ``allow_tail``."""
        n = len(par.split())
        ordered = sorted(self.rules, key=lambda r: r.kind != "tail")
        for rule in ordered:
            if rule.kind == "tail" and not allow_tail:
                continue
            if n <= rule.max_words and rule.regex.fullmatch(par):
                return rule
        return None


def _parse_rules(text: str, origin: str) -> tuple[list[Rule], int]:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"boilerplate rule file {origin} is not valid TOML: {exc}") from None
    rules = []
    for i, r in enumerate(data.get("rule", [])):
        try:
            kind = r.get("kind", "line")
            if kind not in ("line", "tail"):
                raise ValueError(f"kind must be 'line' or 'tail', not {kind!r}")
            rules.append(Rule(r["name"], kind, re.compile(r["pattern"], re.I),
                              int(r.get("max_words", 12))))
        except (KeyError, ValueError, re.error) as exc:
            raise ConfigError(f"rule {i + 1} in {origin} is wrong ({exc}); each rule needs a "
                              "name and a valid pattern") from None
    return rules, int(data.get("meta", {}).get("tail_max_words", 25))


@lru_cache(maxsize=8)
def load_rules(spec: str = "builtin", extra: str = "") -> RuleSet:
    """The rule set named by ``[clean] rules`` and ``extra_rules``."""
    sources = []
    if spec == "builtin":
        sources.append((resources.files("dyadwatch").joinpath("ingest/data/boilerplate.toml")
                        .read_text(encoding="utf-8"), "builtin rules"))
    else:
        sources.append((_read_rule_file(spec), spec))
    if extra:
        sources.append((_read_rule_file(extra), extra))
    rules: list[Rule] = []
    tail_max = 25
    for text, origin in sources:
        more, tail_max_here = _parse_rules(text, origin)
        rules += more
        tail_max = tail_max_here if origin == sources[0][1] else tail_max
    return RuleSet(tuple(rules), tail_max)


def _read_rule_file(path: str) -> str:
    try:
        return Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"cannot read boilerplate rule file {path}: {exc}") from None


# ----------------------------------------------------------------------------------------

_SENTENCE_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[\"“‘(]?[A-Z0-9])|(?<=[.!?][\"”’)])\s+(?=[A-Z\"“‘])")


def sentences_of(par: str) -> list[str]:
    return [s for s in _SENTENCE_SPLIT.split(par) if s.strip()]


def trigrams(text: str) -> set[tuple[str, ...]]:
    w = words(text)
    if len(w) < 3:
        return {tuple(w)} if w else set()
    return {tuple(w[i:i + 3]) for i in range(len(w) - 2)}


def jaccard(a: set, b: set) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


class Cleaner:
    def __init__(self, config: Config):
        c = config["clean"]
        self.rules = load_rules(c["rules"], c["extra_rules"])
        self.near_dup = float(c["near_duplicate_paragraph"])
        self.near_dup_min_words = int(c["near_duplicate_min_words"])
        self.dedupe_sentences = bool(c["dedupe_sentences"])
        self.min_sentence_words = int(c["min_sentence_words"])

    def __call__(self, art: Article) -> Article:
        pars = split_paragraphs(normalise_text(art.text))
        steps: list[CleaningStep] = []
        removed: list[str] = []
        keep = [True] * len(pars)

        def drop(i: int, reason: str, boilerplate: bool) -> None:
            keep[i] = False
            steps.append(CleaningStep(pars[i], reason))
            if boilerplate:
                removed.append(pars[i])

        # 2. outlet lines
        outlet, idx = outlet_lines(pars)
        for i in sorted(idx):
            drop(i, "outlet-line", True)
        if outlet and not art.source:
            art.source = outlet

        # 3. boilerplate rules
        half = len(pars) // 2
        i = 0
        while i < len(pars):
            if keep[i]:
                rule = self.rules.match(pars[i], allow_tail=i >= half)
                if rule:
                    drop(i, f"boilerplate:{rule.name}", True)
                    if rule.kind == "tail":
                        j = i + 1
                        while j < len(pars) and len(pars[j].split()) <= self.rules.tail_max_words:
                            if keep[j]:
                                drop(j, f"boilerplate:{rule.name}", True)
                            j += 1
                        i = j
                        continue
            i += 1

        # 4. title, byline, date lines
        live = [i for i in range(len(pars)) if keep[i]]
        if live and len(live) >= 2:
            first = live[0]
            if is_title_like(pars[first]) and not dateline(pars[first]) \
                    and date_line(pars[first]) is None:
                if not art.title:
                    art.title = pars[first]
                    drop(first, "title", False)
                elif content_key(art.title) == content_key(pars[first]):
                    drop(first, "title", False)
        head = [i for i in range(len(pars)) if keep[i]][:6]
        tail = [i for i in range(len(pars)) if keep[i]][-4:]
        for i in dict.fromkeys(head + tail):
            d = date_line(pars[i])
            name = byline(pars[i]) if i in head else None
            if name:
                art.author = art.author or name
            if d is not None:
                art.published = art.published or d.isoformat()
                drop(i, "date-line", False)
            elif name:
                drop(i, "byline", False)

        # 5. dateline on the first body paragraphs
        body = [i for i in range(len(pars)) if keep[i]]
        stripped: dict[int, str] = {}
        for i in body[:3]:
            found = dateline(pars[i])
            if found:
                place, end = found
                if not art.dateline:
                    art.dateline = place
                steps.append(CleaningStep(pars[i][:end].strip(), "dateline"))
                stripped[i] = pars[i][end:].strip()
        for i, rest in stripped.items():
            pars[i] = rest

        # 6. repeated paragraphs and the title repeated in the body
        title_key = content_key(art.title) if art.title else None
        seen_exact: dict[str, int] = {}
        seen_grams: list[tuple[int, set]] = []
        for i in range(len(pars)):
            if not keep[i]:
                continue
            par = pars[i]
            found = dateline(par)
            if found:  # compare paragraphs without a dateline (a later copy may carry one)
                par = par[found[1]:]
            n_words = len(words(par))
            key = content_key(par)
            if title_key and key == title_key:
                drop(i, "repeated-title", True)
                continue
            if key in seen_exact and (n_words >= 4 or is_title_like(par)):
                drop(i, "repeated-paragraph", True)
                continue
            seen_exact.setdefault(key, i)
            if n_words >= self.near_dup_min_words:
                grams = trigrams(par)
                if any(jaccard(grams, g) >= self.near_dup for _, g in seen_grams):
                    drop(i, "near-duplicate-paragraph", True)
                    continue
                seen_grams.append((i, grams))

        # 7. repeated long sentences
        if self.dedupe_sentences:
            self._dedupe_sentences(pars, keep, steps, removed)

        art.text = "\n\n".join(p for p, k in zip(pars, keep) if k and p.strip())
        art.removed = removed
        art.cleaning = steps
        if not art.text.strip():
            art.warnings.append("cleaning left no text: every line looked like boilerplate")
        return art

    def _dedupe_sentences(self, pars: list[str], keep: list[bool], steps: list[CleaningStep],
                          removed: list[str]) -> None:
        seen: set[str] = set()
        for i in range(len(pars)):
            if not keep[i]:
                continue
            sents = sentences_of(pars[i])
            kept_sents = []
            for s in sents:
                if len(words(s)) >= self.min_sentence_words:
                    key = content_key(s)
                    if key in seen:
                        steps.append(CleaningStep(s, "repeated-sentence"))
                        removed.append(s)
                        continue
                    seen.add(key)
                kept_sents.append(s)
            if len(kept_sents) != len(sents):
                pars[i] = " ".join(kept_sents)
                if not pars[i].strip():
                    keep[i] = False


@register_stage("clean", requires=("text",),
                assigns=("text", "removed", "cleaning", "title", "published", "author",
                         "dateline", "source"), version="1")
def make_clean(config: Config):
    """Remove boilerplate and repeats; find title, date, byline, dateline and outlet lines."""
    return Cleaner(config)

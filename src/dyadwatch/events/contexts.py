"""PLOVER general contexts of an event, from cue words in its clause.

The cues are in ``events/data/contexts.tsv`` (its header says where they come from and how
they match); every context named there must be a general context of plover.toml
``[contexts]``, else loading raises ``ConfigError``. The special contexts (historical,
future, hypothetical, negation) are not decided here: see ``modality.py``.

``contexts_of(trigger)`` looks at the event's clause: the tokens of the trigger's sentence
in the subtree of the trigger's nearest clausal head, that is the trigger itself when it is
a verb, else the first verb (or auxiliary) above it, else the sentence root. So a verb
trigger takes its subject, objects and the clauses below it ("Ankara imposed tariffs on
steel" -> economic), and a noun trigger takes the clause of its verb ("the talks on the
nuclear programme resumed" -> diplomatic, cbrn). ``contexts_in(tokens, heads)`` does the
matching on any token sequence: ``word`` cues count anywhere in it, ``head`` cues only
where they cover one of ``heads`` (for an event: the trigger, its objects and complements).

    contexts_of(<"imposed" in "Brazil imposed tariffs on Chinese steel.">) == ["economic"]
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Optional

from spacy.tokens import Token

from ..datafiles import package_text, tsv_reader
from ..errors import ConfigError
from .ontology import load_ontology

COLUMNS = ["context", "cue", "kind", "note"]
KINDS = ("word", "head")
MAX_CONTEXTS = 3
# dependents of a trigger that are its object or complement (head cues count there)
OBJECT_DEPS = {"dobj", "obj", "dative", "attr", "oprd", "acomp", "nsubjpass"}
PREP_DEPS = {"prep"}  # a preposition of the trigger: its object counts ("talks on trade")
JOINERS = {"-", "\u2010", "\u2011"}  # hyphen tokens, skipped: "cyber-attack" = "cyber attack"


@dataclass(frozen=True)
class Cue:
    context: str
    words: tuple[str, ...]  # lower-case lemmas, one per token
    kind: str  # word | head


@dataclass(frozen=True)
class CueTable:
    by_first: dict[str, tuple[Cue, ...]]  # first word -> cues starting with it, longest first
    cues: tuple[Cue, ...]


def _words(cue: str) -> tuple[str, ...]:
    """A cue's words as tokens: single spaces split, a possessive 's is its own token."""
    out = []
    for w in cue.split():
        if w.endswith("'s") and len(w) > 2:
            out.extend([w[:-2], "'s"])
        else:
            out.append(w)
    return tuple(out)


def parse_cues(text: str, origin: str = "contexts.tsv") -> CueTable:
    """Read and check a context cue table; ConfigError naming the row if it is wrong."""
    onto = load_ontology()
    general = set(onto.contexts) - set(onto.special_contexts)
    reader = tsv_reader(text)
    if reader.fieldnames != COLUMNS:
        raise ConfigError(f"{origin}: header is {reader.fieldnames}, expected {COLUMNS}")
    cues: list[Cue] = []
    seen: set[tuple[str, str]] = set()
    for number, row in enumerate(reader, start=2):
        if None in row or any(v is None for v in row.values()):
            raise ConfigError(f"{origin} data row {number}: needs {len(COLUMNS)} "
                              f"tab-separated fields ({', '.join(COLUMNS)})")
        context, cue, kind = (row[c].strip() for c in ("context", "cue", "kind"))
        where = f"{origin} data row {number} ({context} / {cue})"
        if context not in onto.contexts:
            raise ConfigError(f"{where}: {context!r} is not a PLOVER context of plover.toml "
                              f"[contexts]; use one of {', '.join(sorted(general))}")
        if context not in general:
            raise ConfigError(f"{where}: {context!r} is a special context, decided by "
                              f"modality and dates, not by cue words")
        if kind not in KINDS:
            raise ConfigError(f"{where}: kind {kind!r} is not one of {', '.join(KINDS)}")
        if not cue or cue != cue.lower() or " ".join(cue.split()) != cue or "\t" in cue:
            raise ConfigError(f"{where}: a cue is lower-case words separated by single spaces")
        if (context, cue) in seen:
            raise ConfigError(f"{where}: cue listed twice for this context")
        seen.add((context, cue))
        cues.append(Cue(context, _words(cue), kind))
    by_first: dict[str, list[Cue]] = {}
    for cue in cues:
        by_first.setdefault(cue.words[0], []).append(cue)
    return CueTable({w: tuple(sorted(cs, key=lambda c: -len(c.words)))
                     for w, cs in by_first.items()}, tuple(cues))


@lru_cache(maxsize=1)
def cue_table() -> CueTable:
    """The packaged cue table, read and checked once per process."""
    try:
        text = package_text("events/data/contexts.tsv")
    except FileNotFoundError as exc:
        raise ConfigError("the data file events/data/contexts.tsv is missing: "
                          "reinstall dyadwatch") from exc
    return parse_cues(text)


def _keys(tok: Token) -> set[str]:
    """The forms a cue word may take to match this token (none for a word of a person's
    name: Bill Gates is no bill)."""
    if tok.ent_type_ == "PERSON":
        return set()
    keys = {tok.lemma_.lower(), tok.lower_}
    # the model leaves proper-noun plurals as their own lemma ("Muslims", "Kurds")
    if tok.pos_ == "PROPN" and tok.lower_.endswith("s") and len(tok.lower_) > 3:
        keys.add(tok.lower_[:-1])
    return keys


def contexts_in(tokens: Iterable[Token], heads: Optional[Iterable[Token]] = None,
                limit: Optional[int] = MAX_CONTEXTS) -> list[str]:
    """The contexts whose cues occur in ``tokens`` (in document order), first seen first.

    ``head`` cues count only where their words cover a token of ``heads``; with no heads
    they never count. At each token the longest cue that applies wins and the tokens it
    covers match no other cue; cues of equal length there all count. At most ``limit``
    contexts (None: all).
    """
    table = cue_table()
    seq = [t for t in tokens if t.text not in JOINERS]
    head_ids = {t.i for t in heads} if heads is not None else set()
    keys = [_keys(t) for t in seq]
    found: list[str] = []
    i = 0
    while i < len(seq):
        best = 0
        here: list[str] = []
        for first in keys[i]:
            for cue in table.by_first.get(first, ()):
                n = len(cue.words)
                if n < best or i + n > len(seq):
                    continue
                if not all(cue.words[k] in keys[i + k] for k in range(1, n)):
                    continue
                if cue.kind == "head" and not any(seq[i + k].i in head_ids for k in range(n)):
                    continue
                if n > best:
                    best, here = n, []
                here.append(cue.context)
        for context in here:
            if context not in found:
                found.append(context)
        i += max(best, 1)
    return found if limit is None else found[:limit]


def clause_head(trigger: Token) -> Token:
    """The trigger if it is a verb, else the nearest verb or auxiliary above it, else the
    root of its sentence."""
    tok = trigger
    while tok.pos_ not in ("VERB", "AUX") and tok.head.i != tok.i:
        tok = tok.head
    return tok


def head_tokens(trigger: Token) -> list[Token]:
    """Where ``head`` cues count: the trigger, its objects and complements (direct object,
    passive subject, attribute, object of its prepositions), with their compound
    modifiers and conjuncts."""
    core = [trigger]
    for child in trigger.children:
        if child.dep_ in OBJECT_DEPS:
            core.append(child)
        elif child.dep_ in PREP_DEPS:
            core.extend(g for g in child.children if g.dep_ == "pobj")
    out: list[Token] = []
    for tok in core:
        for t in [tok, *tok.conjuncts] if tok is not trigger else [tok]:
            out.append(t)
            out.extend(c for c in t.children if c.dep_ == "compound")
    return out


def contexts_of(trigger: Token) -> list[str]:
    """The PLOVER general contexts of the event whose trigger word this is: those whose
    cues occur in the trigger's clause (see the module doc), first seen first, at most 3."""
    top = clause_head(trigger)
    sent = trigger.sent
    clause = [t for t in top.subtree if sent.start <= t.i < sent.end]
    return contexts_in(clause, heads=head_tokens(trigger))

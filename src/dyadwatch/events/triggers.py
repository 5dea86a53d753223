"""The trigger lexicon (``events/data/triggers.tsv``) and how a word matches a row of it:
a verb, a verb with its particle ("call for"), a light verb with its object ("hold talks"),
or a noun ("the sanctions on Russia")."""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Optional

from spacy.tokens import Token

from ..datafiles import package_text, tsv_rows


@dataclass(frozen=True)
class Trigger:
    lemma: str
    pos: str
    event: str
    mode: Optional[str]
    particle: Optional[str]
    object: Optional[str]
    recipient_preps: tuple[str, ...]
    reciprocal: bool
    converse: bool = False  # the subject is the recipient ("received aid from Y")


@lru_cache(maxsize=1)
def triggers() -> dict[tuple[str, str], list[Trigger]]:
    out: dict[tuple[str, str], list[Trigger]] = {}
    for r in tsv_rows(package_text("events/data/triggers.tsv")):
        if not r.get("lemma") or not r.get("event"):
            continue
        t = Trigger(r["lemma"].lower(), r.get("pos", "VERB").upper(), r["event"].upper(),
                    r.get("mode") or None, r.get("particle") or None, r.get("object") or None,
                    tuple(p for p in r.get("recipient_preps", "").split("|") if p),
                    r.get("reciprocal", "no").lower() == "yes",
                    r.get("note", "").lower().startswith("converse"))
        out.setdefault((t.lemma, t.pos), []).append(t)
    return out


# heads a light verb's object may sit under: "held two days of talks", "launched dozens of
# drones", "approved USD 200 million in financing", "a round of talks", "a wave of arrests"
PARTITIVE = {"round", "series", "wave", "number", "set", "batch", "couple", "dozen", "dozens",
             "hundreds", "thousands", "lot", "lots", "day", "week", "month", "year", "hour",
             "million", "billion", "trillion", "worth", "amount", "package", "kind", "type",
             "flurry", "spate", "string", "volley", "barrage", "salvo", "host", "range",
             # shares: "supplied 90 per cent of the chips", "half of its imports"
             "cent", "percent", "share", "proportion", "part", "half", "third", "quarter",
             "majority", "bulk", "fraction", "most"}


def through_partitive(tok: Token) -> Token:
    """The noun a quantity or partitive head stands for: "dozens of drones" -> drones."""
    for _ in range(3):
        if not (tok.lemma_.lower() in PARTITIVE or tok.like_num or tok.pos_ == "NUM" or
                tok.tag_ == "$"):
            break
        inner = next((g for c in tok.children if c.dep_ == "prep" and c.lower_ in ("of", "in")
                      for g in c.children if g.dep_ == "pobj"), None)
        if inner is None:
            break
        tok = inner
    return tok


def objects_of(tok: Token) -> list[Token]:
    """The object words a light verb's row may name: direct object (with its conjuncts and
    past a partitive head), attribute, passive subject, or the noun a participle modifies
    ("tariffs imposed by Mexico")."""
    out: list[Token] = []
    for c in tok.children:
        if c.dep_ in ("dobj", "attr", "nsubjpass"):
            for o in [c] + list(c.conjuncts):
                out.append(o)
                inner = through_partitive(o)
                if inner is not o:
                    out.append(inner)
    if tok.dep_ in ("acl", "amod") and tok.head.pos_ in ("NOUN", "PROPN") and tok.tag_ == "VBN":
        out.append(tok.head)
    return out


def match_trigger(tok: Token) -> Optional[Trigger]:
    """The lexicon row a word is a trigger of, in its context (particle, object)."""
    pos = "VERB" if tok.pos_ in ("VERB", "AUX") else "NOUN" if tok.pos_ == "NOUN" else None
    if pos is None:
        return None
    rows = triggers().get((tok.lemma_.lower(), pos))
    if not rows:
        return None
    preps = [c for c in tok.children if c.dep_ in ("prt", "prep")]
    particles = {c.lower_ for c in preps}
    objects = [o.lemma_.lower() for o in objects_of(tok)]  # the head object first
    prep_objects = {through_partitive(g).lemma_.lower() for c in preps for g in c.children
                    if g.dep_ == "pobj"}
    for row in rows:  # the most specific row first: particle and object, object, particle
        if row.particle and row.particle in particles and row.object and (
                row.object in objects or row.object in prep_objects):
            return row
    for obj in objects:  # "providing photographs and intelligence": the first object's row
        row = next((r for r in rows if r.object == obj and not r.particle), None)
        if row is not None:
            return row
    with_particle = [r for r in rows if r.particle and r.particle in particles and not r.object]
    if with_particle:
        return with_particle[0]
    plain = [r for r in rows if not r.particle and not r.object]
    return plain[0] if plain else None


def _names_own_parties(noun: Token) -> bool:
    """A nominal event with its own actor: a possessor ("Russia's attack") or a "by" or
    "between" phrase."""
    for c in noun.children:
        if c.dep_ == "poss" and c.pos_ in ("PROPN", "NOUN"):
            return True
        if c.dep_ == "prep" and c.lower_ in ("by", "between") and any(
                g.dep_ == "pobj" and g.pos_ in ("PROPN", "NOUN") for g in c.children):
            return True
    return False


def light_verb_of(noun: Token) -> Optional[Token]:
    """The verb whose lexicon row names this noun as its object ("held talks", "held a
    round of talks", "tariffs imposed by"): the noun is that verb's event, not one of its
    own."""
    for c in noun.children:  # "sanctions imposed on X by Y": the participle's event
        if c.dep_ == "acl" and c.tag_ == "VBN":
            row = match_trigger(c)
            if row is not None and row.object:
                return c
    cur = noun
    for _ in range(3):
        head = cur.head
        if head is cur:
            return None
        if cur.dep_ in ("dobj", "attr", "nsubjpass") and head.pos_ in ("VERB", "AUX"):
            # any trigger verb: "suspended sales to X" is one event (the verb's), and
            # "condemned the attack" codes the condemnation; but an object that names its
            # own parties is an event too ("mediating talks between A and B")
            if match_trigger(head) is None or (cur is noun and _names_own_parties(noun)):
                return None
            return head
        if cur.dep_ == "pobj" and head.dep_ == "prep" and head.head.lemma_.lower() in \
                PARTITIVE | {"dozen"} or (cur.dep_ == "pobj" and head.head.like_num):
            cur = head.head  # "a round of talks": climb to "round"
            continue
        if cur.dep_ == "pobj" and head.dep_ in ("prep", "prt"):
            verb = head.head
            row = match_trigger(verb) if verb.pos_ in ("VERB", "AUX") else None
            return verb if row is not None and row.object and row.particle else None
        if cur.dep_ == "conj":
            cur = head
            continue
        return None
    return None


# Verbs that stop an act: "stopped supplying X", "suspended deliveries to X".
STOP_VERBS = {"stop", "cease", "halt", "suspend", "end", "quit", "discontinue", "abandon"}
# Verbs of handing over whose bare row is trade (COOPERATE) but whose military goods on
# unstated terms are aid (triggers.tsv header, the supply rule).
HANDOVER_VERBS = {"supply", "ship", "send", "transfer", "provide", "deliver"}
# Words that state the terms of a transfer as commercial.
SALE_WORDS = {"sell", "sale", "buy", "purchase", "deal", "contract", "order", "export",
              "import", "trade", "pay", "price", "commercial", "customer", "client"}


def in_context(tok: Token, trig: Trigger) -> tuple[Trigger, Token]:
    """The row as its clause changes it, and the word whose modality the event takes:

    - a cooperative act governed by a verb of stopping is a sanction that discontinues it,
      with the stopping verb's modality ("European firms stopped supplying chips to X" ->
      SANCTION discontinue, asserted; "the negated act" would lose who cut whom off);
    - goods handed over that the clause marks as military (contexts.tsv military cues in
      the object: "supplied military optics", "shipped drones"), with no word of sale in
      the sentence, are AID (arms of unstated terms, the triggers.tsv supply rule)."""
    if tok.pos_ != "VERB":
        return trig, tok
    if trig.event in ("COOPERATE", "AID") and tok.dep_ in ("xcomp", "pcomp", "ccomp") and \
            _lemma_in(tok.head, STOP_VERBS):
        return replace(trig, event="SANCTION", mode="discontinue"), tok.head
    if trig.event == "COOPERATE" and trig.object is None and tok.lemma_.lower() in \
            HANDOVER_VERBS:
        from .contexts import contexts_in

        goods = [t for c in tok.children if c.dep_ in ("dobj", "nsubjpass") or (
            c.dep_ == "prep" and c.lower_ == "with") for t in c.subtree]
        sale = any(t.lemma_.lower() in SALE_WORDS for t in tok.sent)
        if goods and not sale and "military" in contexts_in(goods, limit=None):
            return replace(trig, event="AID", mode=None), tok
    return trig, tok


def _lemma_in(tok: Token, lemmas: set[str]) -> bool:
    return tok.lemma_.lower() in lemmas

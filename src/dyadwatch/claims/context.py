"""What surrounds a figure: its qualifier, the change it takes part in, and what it
measures, read from the words around it and from the dependency parse.

- qualifier: a hedge or bound written before or after the figure ("nearly", "more
  than", "or more"), normalised by ``claims/data/qualifiers.tsv``;
- change: a change word governing the figure ("rose 8%", "fell to $3bn", "up from 2m", "a
  3% drop", "8% higher"); the figure is the ``amount`` of the change or its ``from`` or
  ``to`` end, and the ends of one change are linked;
- measure: the noun phrase the figure is of ("40 per cent of X", "$5bn worth of X", "22
  Vietnamese exporters", "a $5m contract") or the subject of the verb it is the object,
  attribute or end of ("trade reached $5bn", "exports rose to $5bn").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from spacy.tokens import Doc, Span, Token

from .find import Quantity
from .lexicon import ChangeWord, lexicon


@lru_cache(maxsize=2)
def _qualifier_res() -> tuple[re.Pattern, re.Pattern]:
    lex = lexicon()

    def alt(words):
        return "|".join(re.escape(w).replace(r"\ ", r"\s+")
                        for w in sorted(words, key=len, reverse=True))

    before = re.compile(rf"(?:(?<![A-Za-z])|(?<=~))(?P<q>{alt(lex.qualifiers_before)})"
                        r"\s*(?:just\s+)?$", re.I)
    after = re.compile(rf"^\s*(?P<q>{alt(lex.qualifiers_after)})(?![A-Za-z])", re.I)
    return before, after


def read_qualifier(doc: Doc, q: Quantity, floor: int) -> None:
    """Set ``q.qualifier`` from the words just before (or after) the figure. "over" and
    "under" heading a time phrase are prepositions ("over three months" = during)."""
    before_re, after_re = _qualifier_res()
    lex = lexicon()
    text = doc.text
    head = text[max(floor, q.start - 30):q.start]
    m = before_re.search(head)
    if m and q.kind == "duration" and m.group("q").lower() in ("over", "under", "some"):
        word = doc.char_span(q.start - len(head) + m.start("q"),
                             q.start - len(head) + m.end("q"))
        if word is not None and word[0].dep_ == "prep":
            m = None
    if m and (m.group("q") != "~" or head.endswith("~")):
        phrase = re.sub(r"\s+", " ", m.group("q").lower())
        q.qualifier = lex.qualifiers_before[phrase]
        q.qualifier_start = q.start - len(head) + m.start("q")
        q.qualifier_end = q.start - len(head) + m.end("q")
        return
    end = q.end
    if q.noun is not None and q.noun.idx >= q.end and q.noun.idx - q.end < 30:
        end = q.noun.idx + len(q.noun.text)  # "3,000 people or more"
    m = after_re.match(text[end:end + 12])
    if m:
        q.qualifier = lex.qualifiers_after[re.sub(r"\s+", " ", m.group("q").lower())]
        q.qualifier_start, q.qualifier_end = end + m.start("q"), end + m.end("q")


def root_of(doc: Doc, q: Quantity) -> Optional[Token]:
    """The word that stands for the figure in the parse: the counted noun, else the head
    of the figure's words."""
    if q.noun is not None:
        return q.noun
    span = doc.char_span(q.start, q.end, alignment_mode="expand")
    return span.root if span is not None else None


def _change_word(tok: Token, pos: str) -> Optional[ChangeWord]:
    return lexicon().changes.get((tok.lemma_.lower(), pos)) or \
        lexicon().changes.get((tok.lower_, pos))


@dataclass
class Change:
    direction: Optional[str]  # increase, decrease, or None when only the ends say
    role: str  # amount, from, to
    anchor: Optional[Token]  # the change word (links the ends of one change)


def change_of(doc: Doc, q: Quantity, root: Token) -> Optional[Change]:
    """The change the figure takes part in, if any."""
    text = doc.text
    left = q.start if q.qualifier_start is None else q.qualifier_start
    base = max(0, left - 8)
    m = re.search(r"\b(up|down)\s*(?:by\s*)?$", text[base:left], re.I)
    word = doc.char_span(base + m.start(1), base + m.end(1)) if m else None
    if m and not (word is not None and word[0].dep_ == "prt"):  # not "gave up 517 yards"
        return Change("increase" if m.group(1).lower() == "up" else "decrease", "amount", None)
    m = re.match(r"\s*(higher|lower)\b", text[q.end:q.end + 10], re.I)
    if m:
        return Change("increase" if m.group(1).lower() == "higher" else "decrease",
                      "amount", None)
    tok = root
    if tok.dep_ == "pobj" and tok.head.dep_ == "prep":
        prep, gov = tok.head, tok.head.head
        role = {"by": "amount", "to": "to", "from": "from", "of": "amount"}.get(prep.lower_)
        if role is None and prep.idx == q.qualifier_start:
            role = "amount"  # "rose under 4%": the qualifier parsed as a preposition
        if role is None:
            return None
        if gov.lower_ in ("up", "down") and role == "from":
            return Change("increase" if gov.lower_ == "up" else "decrease", "from", gov)
        word = _change_word(gov, "VERB" if gov.pos_ in ("VERB", "AUX") else "NOUN")
        if word is None and gov.pos_ in ("VERB", "AUX") and role in ("to", "from"):
            # "went from X to Y", "was cut to": the ends without a change word
            if any(c.dep_ == "prep" and c.lower_ in ("from", "to") and c.i != prep.i
                   for c in gov.children):
                return Change(None, role, gov)
            return None
        if word is None or (role == "amount" and prep.lower_ == "of" and gov.pos_ != "NOUN"):
            return None
        return Change(word.direction, role, gov)
    if tok.dep_ in ("dobj", "npadvmod", "advmod", "attr", "oprd") and tok.head.pos_ in (
            "VERB", "AUX"):
        word = _change_word(tok.head, "VERB")
        if word is not None and word.factor is None:
            return Change(word.direction, "amount", tok.head)
    if tok.dep_ in ("compound", "nummod", "amod", "nmod") and tok.head.pos_ == "NOUN":
        word = _change_word(tok.head, "NOUN")
        if word is not None:
            return Change(word.direction, "amount", tok.head)
    if tok.head.lower_ in ("up", "down") and tok.head.i < tok.i:
        return Change("increase" if tok.head.lower_ == "up" else "decrease", "amount",
                      tok.head)
    return None


def multiples(doc: Doc, sent: Span) -> list[tuple[Token, ChangeWord]]:
    """Verbs that are figures themselves: "doubled" (2 times), "halved" (0.5 times)."""
    out = []
    for tok in sent:
        if tok.pos_ == "VERB" and tok.tag_ != "JJ":
            word = _change_word(tok, "VERB")
            if word is not None and word.factor is not None:
                out.append((tok, word))
    return out


# ----------------------------------------------------------------------------------------
# measure

_SKIP_DEPS = {"appos", "punct", "cc", "conj", "advcl", "parataxis"}  # conj: at the head
PARTITIVE = {"worth", "total", "sum", "amount", "value", "number", "share", "proportion",
             "percentage", "figure", "level", "tally"}


def np_tokens(head: Token, drop: set[int], limit: int = 16) -> list[Token]:
    """The noun phrase under ``head``: its subtree without dates, appositions and the
    figure's own words; relative clauses only if the phrase stays short."""
    keep: list[Token] = []

    def walk(tok: Token, depth: int) -> None:
        if tok.i in drop:
            pass
        else:
            keep.append(tok)
        for c in tok.children:
            if (c.dep_ in _SKIP_DEPS and (c.dep_ != "conj" or depth == 0)) or c.i in drop:
                if c.i in drop:
                    for gc in c.children:
                        if gc.i not in drop and gc.dep_ not in _SKIP_DEPS:
                            walk(gc, depth + 1)
                continue
            if c.dep_ in ("prep", "npadvmod") and any(t.ent_type_ in ("DATE", "TIME")
                                                      for t in c.subtree):
                continue
            if c.dep_ in ("relcl", "acl") and len(list(c.subtree)) > 6:
                continue
            walk(c, depth + 1)

    walk(head, 0)
    keep.sort(key=lambda t: t.i)
    while keep and (keep[0].pos_ in ("DET", "ADP", "CCONJ", "PUNCT") or keep[0].dep_ ==
                    "predet"):
        keep = keep[1:]
    while keep and keep[-1].pos_ in ("ADP", "CCONJ", "PUNCT", "DET", "PART"):
        keep = keep[:-1]
    return keep[:limit * 2]


def phrase_text(tokens: list[Token]) -> tuple[str, int, int] | None:
    if not tokens:
        return None
    parts = []
    for a, b in zip(tokens, tokens[1:] + [None]):
        parts.append(a.text + (a.whitespace_ if b is not None and b.i == a.i + 1 else
                               (" " if b is not None else "")))
    return "".join(parts).strip(), tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def _of_object(tok: Token) -> Optional[Token]:
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in ("of", "in"):
            obj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if obj is not None and obj.pos_ in ("NOUN", "PROPN", "PRON"):
                return obj
    return None


def subject_of(verb: Token) -> Optional[Token]:
    for _ in range(3):
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "expl")),
                    None)
        if subj is not None and subj.dep_ != "expl":
            return subj
        if verb.dep_ in ("conj", "xcomp", "advcl") and verb.head.i != verb.i:
            verb = verb.head
        else:
            return None
    return None


def measure_of(doc: Doc, q: Quantity, root: Token, figure: set[int]
               ) -> tuple[str, int, int] | None:
    """What the figure is of, as (text, start, end)."""
    tok = root
    if q.kind == "multiple" and root.pos_ != "VERB":  # "four times the output"
        span = doc.char_span(q.start, q.end, alignment_mode="expand")
        after = doc[span.end:min(span.end + 5, root.sent.end)] if span is not None else []
        noun = next((t for t in after if t.pos_ in ("NOUN", "PROPN") and
                     t.dep_ != "compound"), None)
        if noun is not None and all(t.pos_ in ("DET", "ADJ", "NOUN", "PROPN")
                                    for t in doc[span.end:noun.i]):
            return phrase_text(np_tokens(noun, figure))
    # "40 per cent of X", "$5bn worth of X", "thousands of troops" (the noun is the unit)
    for cand in (tok, tok.head if tok.head.lower_ in PARTITIVE else None):
        if cand is None:
            continue
        obj = _of_object(cand)
        if obj is not None and q.noun is None:
            inner = _of_object(obj) if obj.lemma_.lower() in PARTITIVE else None
            # "Kenya's $5bn worth of imports": the possessor of the partitive goes along
            owner = [t for p in (obj, cand) if p.lemma_.lower() in PARTITIVE
                     for c in p.children if c.dep_ == "poss" for t in c.subtree]
            return phrase_text(sorted(owner, key=lambda t: t.i) +
                               np_tokens(inner or obj, figure | {t.i for t in owner}))
    if q.noun is not None and q.kind != "duration":  # "22 exporters added to the list"
        return phrase_text(np_tokens(q.noun, figure))
    # "a $5m contract", "the 25% tariff"
    if tok.dep_ in ("compound", "nummod", "amod", "nmod", "quantmod") and \
            tok.head.pos_ in ("NOUN", "PROPN") and tok.head.i > tok.i:
        return phrase_text(np_tokens(tok.head, figure | {t.i for t in tok.subtree}))
    # "a fine of $5m", "loans of up to 1.2 trillion yuan"
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.pos_ == "NOUN":
        noun = tok.head.head
        if noun.lemma_.lower() not in PARTITIVE:
            return phrase_text(np_tokens(noun, figure | {t.i for t in tok.head.subtree}))
    # the subject of the verb the figure depends on: "trade reached $5bn", "exports rose
    # to $5bn", "the share ... was 90%"
    verb = tok
    for _ in range(4):
        if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
            break
        verb = verb.head
    if verb.pos_ in ("VERB", "AUX"):
        subj = subject_of(verb)
        if subj is not None and subj.i not in figure and subj.pos_ != "PRON":
            return phrase_text(np_tokens(subj, figure))
        if verb.dep_ in ("relcl", "acl") and verb.head.pos_ in ("NOUN", "PROPN"):
            return phrase_text(np_tokens(verb.head, figure | {t.i for t in verb.subtree}))
    return None

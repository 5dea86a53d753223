"""Indirect quotes: clauses of reported speech found through their cue in the parse.

Patterns, each general English grammar (Quirk et al. 1985, 14.29-14.31 and 16.31-16.35):

- a cue verb with a content clause: "X said (that) ...", "X told a reporter ...", "X warned
  that ...", "the report says ...";
- the cue after or inside the clause it reports: "..., X said.", "Trade, the study says,
  seeks to ..." (the parser hangs the cue on the clause: parataxis);
- a cue verb with an infinitive: "X urged Y to ...", "X vowed to ...";
- "according to X, ..." on a clause;
- a cue noun with a that-clause: "the claim that ...", "X's warning that ...".

The content is the clause without its "that" and final punctuation; a cue inside the
content (the parenthetical "the study says") is cut out, leaving two parts.
"""

from __future__ import annotations

import logging

from spacy.tokens import Doc, Token

from .cues import Candidate, Lexicon, subject_of

log = logging.getLogger(__name__)

INFINITIVE_CUES = {"urge", "ask", "call", "vow", "pledge", "promise", "warn", "tell",
                   "threaten", "demand", "encourage", "advise", "invite", "appeal", "press"}
# a cue verb whose content is the noun phrase after a preposition ("X called for talks",
# "X warned against a strike"): Quirk et al. 1985, 16.5-16.6 on prepositional verbs
PREP_CUES = {"call": {"for"}, "warn": {"against", "of", "about"}, "argue": {"for", "against"},
             "complain": {"about", "of"}, "caution": {"against"}, "press": {"for"},
             "appeal": {"for"}}
LEADING = {"that", "whether", ",", ":", "—", "–", "-", "if"}
MIN_TOKENS = 2


def _trimmed(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Token range without leading "that"/punctuation and trailing punctuation."""
    while start < end and (doc[start].lower_ in LEADING and doc[start].dep_ in (
            "mark", "punct", "cc") or doc[start].is_space or doc[start].is_punct and
            doc[start].text not in "\"“‘'«"):
        start += 1
    while end > start and (doc[end - 1].is_punct and doc[end - 1].text not in "\"”’'»?!"
                           or doc[end - 1].is_space):
        end -= 1
    return start, end


def _parts(doc: Doc, start: int, end: int, holes: list[tuple[int, int]]
           ) -> list[tuple[int, int]]:
    """Token ranges of [start, end) minus the holes, each trimmed; empty ones dropped."""
    pieces, cur = [], start
    for hs, he in sorted(holes):
        if he <= start or hs >= end:
            continue
        pieces.append((cur, max(cur, hs)))
        cur = max(cur, he)
    pieces.append((cur, end))
    out = []
    for s, e in pieces:
        s, e = _trimmed(doc, s, e)
        if e > s:
            out.append((s, e))
    return out


def _candidate(doc: Doc, parts: list[tuple[int, int]], cue: list[Token], kind: str | None,
               speaker: Token | None) -> Candidate | None:
    if not parts or sum(e - s for s, e in parts) < MIN_TOKENS:
        return None
    s0, e0 = parts[0][0], parts[-1][1]
    last = doc[e0 - 1]
    c = Candidate(doc[s0].idx, last.idx + len(last.text), "indirect")
    c.parts = [(doc[s].idx, doc[e - 1].idx + len(doc[e - 1].text)) for s, e in parts]
    c.set_cue(doc, cue, kind)
    if speaker is not None and speaker.lower_ == "it" and any(
            t.dep_ == "auxpass" or t.lemma_ == "be" for t in speaker.head.children):
        speaker = None  # "it is said that": no one
    c.set_source(speaker)
    return c


def _subtree(tok: Token) -> tuple[int, int]:
    return tok.left_edge.i, tok.right_edge.i + 1


def from_verb(tok: Token, lex: Lexicon) -> Candidate | None:
    kind = lex.verb_kind(tok)
    if not kind or tok.dep_ in ("amod", "compound", "acl") and tok.tag_ == "VBN":
        return None  # "the so-called", "a reported deal"
    doc = tok.doc
    speaker = subject_of(tok)
    comps = [c for c in tok.children if c.dep_ == "ccomp"]
    if comps:
        comp = min(comps, key=lambda c: abs(c.i - tok.i))
        if lex.verb_kind(comp) and subject_of(comp) is not None and \
                not any(c.dep_ == "ccomp" for c in comp.children) and comp.i > tok.i:
            return None  # "..., said X, told a reporter": two cues of one quote
        s, e = _subtree(comp)
        holes = [_subtree(speaker)] if speaker is not None and s <= speaker.i < e else []
        return _candidate(doc, _parts(doc, s, e, holes + [(tok.i, tok.i + 1)]), [tok], kind,
                          speaker)
    head = tok.head
    if speaker is not None and head is not tok and head.pos_ in ("VERB", "AUX") and (
            tok.dep_ == "parataxis" or tok.dep_ in ("ccomp", "advcl") and tok.i > head.i and
            any(t.text == "," for t in doc[head.i:tok.i])):
        s, e = _subtree(head)
        ts, te = _subtree(tok)
        return _candidate(doc, _parts(doc, s, e, [(ts, te)]), [tok], kind, speaker)
    if tok.lemma_.lower() in INFINITIVE_CUES:
        xcomp = next((c for c in tok.children if c.dep_ == "xcomp" and c.i > tok.i), None)
        if xcomp is not None:
            s, e = _subtree(xcomp)
            obj = next((c for c in tok.children if c.dep_ in ("dobj", "dative") and
                        c.i < xcomp.i), None)
            if obj is not None:
                s = min(s, obj.left_edge.i)
            return _candidate(doc, _parts(doc, s, e, []), [tok], kind, speaker)
    preps = PREP_CUES.get(tok.lemma_.lower(), set())
    prep = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ in preps and
                 c.i > tok.i), None)
    if any(c.dep_ in ("dobj", "dative") for c in tok.children):
        prep = None  # "X asked Y for Z" is a request made, not words reported
    obj = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None) if prep \
        else None
    if obj is not None:
        s, e = _subtree(obj)
        return _candidate(doc, _parts(doc, s, e, []), [tok, prep], kind, speaker)
    return None


def from_according(tok: Token) -> Candidate | None:
    if tok.lower_ != "according" or tok.i + 1 >= len(tok.doc) or tok.nbor().lower_ != "to":
        return None
    doc = tok.doc
    to = tok.nbor()
    source = next((c for c in to.children if c.dep_ == "pobj"), None)
    ps, pe = tok.i, max(to.right_edge.i, tok.right_edge.i) + 1
    head = tok.head if tok.head is not tok else None
    if head is not None and head.pos_ in ("VERB", "AUX"):
        s, e = _subtree(head)
    else:
        sent = tok.sent
        s, e = sent.start, sent.end
    return _candidate(doc, _parts(doc, s, e, [(ps, pe)]), [tok, to], "speech", source)


def from_noun(tok: Token, lex: Lexicon) -> Candidate | None:
    kind = lex.noun_kind(tok)
    if not kind:
        return None
    clause = next((c for c in tok.children if c.dep_ in ("acl", "ccomp") and any(
        m.dep_ == "mark" and m.lower_ == "that" for m in c.children)), None)
    if clause is None:
        return None
    speaker = next((c for c in tok.children if c.dep_ == "poss"), None)
    s, e = _subtree(clause)
    c = _candidate(tok.doc, _parts(tok.doc, s, e, []), [tok], kind, speaker)
    return c


def indirect_quotes(doc: Doc, lex: Lexicon, quoted_spans: list[tuple[int, int]],
                    according: bool = True, nouns: bool = True) -> list[Candidate]:
    """Indirect quotes of a document; cues inside quoted speech are left to the quote."""
    out: list[Candidate] = []
    for tok in doc:
        if any(o < tok.idx < c for o, c in quoted_spans):
            continue
        try:
            c = from_verb(tok, lex)
            if c is None and according:
                c = from_according(tok)
            if c is None and nouns:
                c = from_noun(tok, lex)
        except Exception:  # one odd sentence never stops the article
            log.warning("indirect quote at token %d (%r) not read", tok.i, tok.text,
                        exc_info=True)
            continue
        if c is not None:
            out.append(c)
    return out

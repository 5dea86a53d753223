"""Numeric claims of a parsed document: each figure (``find.py``) with its qualifier,
change, measure (``context.py``), period (``period.py``), actors and source.

``claims_of(doc, published, actors)`` is a pure function over a spaCy ``Doc``; the
``claims`` stage (``stage.py``) calls it per article. One figure that fails is logged and
left out; the others of the sentence and the article go on.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from typing import Optional, Sequence

from spacy.tokens import Doc, Span, Token

from ..events.modality import attribution_of
from ..schema import Actor, Claim
from .context import (Change, change_of, measure_of, multiples, np_tokens, phrase_text,
                      read_qualifier, root_of, subject_of)
from .find import Quantity, find_quantities
from .period import DatePhrase, date_phrases, period_of

log = logging.getLogger(__name__)


@dataclass
class Options:
    """What the stage keeps (the ``[claims]`` settings)."""

    kinds: tuple[str, ...] = ("money", "percent", "multiple", "count", "duration", "measure",
                              "number")
    multiples_from_verbs: bool = True  # "doubled" is a claim of 2 times
    referential_counts: bool = False  # keep "the two countries" (a reference, no claim)
    max_claims_per_sentence: int = 40


@dataclass
class _Found:
    q: Quantity
    root: Token
    change: Optional[Change] = None
    extra: dict = field(default_factory=dict)


def _actor_codes(sent: Span, actors: Sequence[Actor]) -> list[str]:
    codes: list[str] = []
    for a in actors:
        if not a.code:
            continue
        if any(sent.start_char <= m.start and m.end <= sent.end_char for m in a.mentions):
            if a.code not in codes:
                codes.append(a.code)
    return codes


def _attribution(root: Token) -> Optional[str]:
    """Who states the figure: a reporting verb or "according to" over it, else an
    "according to" phrase anywhere in its sentence (it covers the whole sentence)."""
    sources = attribution_of(root)
    if not sources:
        for tok in root.sent:
            if tok.lower_ == "according" and tok.dep_ == "prep":
                sources = [s for s in attribution_of(tok.head) if s.cue == "according to"]
                if sources:
                    break
    return sources[0].text if sources else None


def _link_changes(found: list[_Found]) -> None:
    """Give the two ends of one change the same anchor and a direction: "rose from X to
    Y" (the verb's direction, else the ends' order), "Y, up from X" (X's "up" links to the
    figure before it)."""
    for i, f in enumerate(found):
        c = f.change
        if c and c.role == "from" and c.anchor is not None and c.anchor.lower_ in ("up",
                                                                                   "down"):
            prev = next((g for g in reversed(found[:i]) if g.change is None or
                         g.change.role == "to"), None)
            if prev is not None and (prev.q.unit == f.q.unit or prev.q.unit is None):
                prev.change = Change(c.direction, "to", c.anchor)
    groups: dict[int, list[_Found]] = {}
    for f in found:
        if f.change and f.change.anchor is not None and f.change.role in ("from", "to"):
            groups.setdefault(f.change.anchor.i, []).append(f)
    for members in groups.values():
        ends = {f.change.role: f for f in members}
        typed = next((f.q for f in members if f.q.unit), None)
        for f in members:  # "to 3.9 million headsets, up from 2.4 million"
            if typed is not None and f.q.kind == "number":
                f.q.unit, f.q.kind = typed.unit, typed.kind
        if ends.keys() >= {"from", "to"} and any(f.change.direction is None for f in members):
            a, b = ends["from"].q.value, ends["to"].q.value
            direction = "increase" if b > a else "decrease" if b < a else None
            for f in members:
                f.change.direction = f.change.direction or direction


DEFINITE = {"the", "these", "those", "both", "its", "their", "our", "his", "her", "your",
            "my", "whose"}


def _referential(doc: Doc, q: Quantity) -> bool:
    """A small number in words after a definite determiner or a possessive refers back to
    things already known ("the two countries", "their three sons"): no claim."""
    if q.kind not in ("count", "number") or not doc.text[q.start:q.end][:1].isalpha() or \
            q.value > 10:
        return False
    span = doc.char_span(q.start, q.end, alignment_mode="expand")
    prev = doc[span.start - 1] if span is not None and span.start > 0 else None
    return prev is not None and (prev.lower_ in DEFINITE or prev.tag_ == "POS")


def _restatements(text: str, found: list[_Found]) -> None:
    """A figure in brackets right after another restates it in other units ("more than
    100 km (60 miles)", "7,199 yuan ($1,062)"): it takes over the qualifier and change."""
    for a, b in zip(found, found[1:]):
        if re.fullmatch(r"\s*\(\s*", text[a.q.end:b.q.start]) and \
                re.match(r"\s*\)", text[b.q.end:b.q.end + 3]):
            if b.q.qualifier is None:
                b.q.qualifier = a.q.qualifier
            if b.change is None and a.change is not None:
                b.change = Change(a.change.direction, a.change.role, None)


def _elliptic_units(doc: Doc, found: list[_Found]) -> None:
    """A bare figure whose unit the sentence gives once for two ("rose by 2 percent but
    fell by 1", "68,400 people ... and 95,800 who"): it takes the unit of the figure of the
    same role before it."""
    for i, f in enumerate(found):
        if f.q.kind != "number" or f.q.noun is not None:
            continue
        role = f.change.role if f.change else None
        rel = re.match(r"\s+(?:who|which|that)\b", doc.text[f.q.end:f.q.end + 8])
        for g in reversed(found[:i]):
            if role == "amount" and g.change and g.change.role == "amount" and \
                    g.q.kind == "percent":
                break
            if rel and role is None and g.q.kind == "count" and g.change is None:
                break
        else:
            continue
        f.q.kind, f.q.unit, f.q.unit_text, f.q.per = g.q.kind, g.q.unit, None, g.q.per


def _sentence_claims(doc: Doc, sent: Span, sent_no: int, published: Optional[str],
                     actors: Sequence[Actor], opts: Options, article_id: str) -> list[Claim]:
    quantities = find_quantities(doc, sent)
    if not opts.referential_counts:
        quantities = [q for q in quantities if not _referential(doc, q)]
    found: list[_Found] = []
    for q in quantities:
        read_qualifier(doc, q, sent.start_char)
        root = root_of(doc, q)
        if root is None:
            continue
        f = _Found(q, root)
        try:
            f.change = change_of(doc, q, root)
        except Exception as exc:  # one odd parse never loses the sentence
            log.warning("article %s: change of %r failed: %s", article_id,
                        doc.text[q.start:q.end], exc)
        found.append(f)
    if opts.multiples_from_verbs:
        for verb, word in multiples(doc, sent):
            q = Quantity(verb.idx, verb.idx + len(verb.text), word.factor, "times", "multiple",
                         verb.text, bare=False)
            read_qualifier(doc, q, sent.start_char)
            found.append(_Found(q, verb, Change(word.direction, "amount", verb)))
    found.sort(key=lambda f: f.q.start)
    _restatements(doc.text, found)
    _link_changes(found)
    _elliptic_units(doc, found)
    dates = date_phrases(sent, published)
    codes = _actor_codes(sent, actors)
    out: list[Claim] = []
    for i, f in enumerate(found):
        if f.q.kind not in opts.kinds:
            continue
        try:
            nxt = found[i + 1].q.start if i + 1 < len(found) else None
            out.append(_claim(doc, sent, sent_no, f, dates, nxt, codes))
        except Exception as exc:  # one bad figure never kills the article
            log.warning("article %s: claim %r left out: %s: %s", article_id,
                        doc.text[f.q.start:f.q.end], type(exc).__name__, exc)
    return out[:opts.max_claims_per_sentence]


def _claim(doc: Doc, sent: Span, sent_no: int, f: _Found, dates: list[DatePhrase],
           next_start: Optional[int], codes: list[str]) -> Claim:
    q, root, c = f.q, f.root, f.change
    figure = {t.i for t in doc.char_span(q.start, q.end, alignment_mode="expand") or []}
    if q.qualifier_start is not None:
        figure |= {t.i for t in doc.char_span(q.qualifier_start, q.qualifier_end,
                                              alignment_mode="expand") or []}
    # a multiplying verb ("exports doubled") measures its subject
    measure = None if q.kind == "multiple" and c is not None and c.anchor.i == root.i else \
        measure_of(doc, q, root, figure)
    if measure is None and c is not None and c.anchor is not None and \
            c.anchor.pos_ in ("VERB", "AUX"):
        subj = subject_of(c.anchor)
        if subj is not None and subj.pos_ != "PRON":
            measure = phrase_text(np_tokens(subj, figure))
    end_of_change = c is not None and c.role in ("from", "to")
    period = period_of(root, q.start, q.end, dates, next_start, end_of_change)
    text = doc.text[q.start:q.end]
    return Claim(
        text=text, value=q.value, unit=q.unit, qualifier=q.qualifier,
        measure=measure[0] if measure else None,
        period=period.value if period else None, actors=list(codes),
        attributed_to=_attribution(root), start=q.start, end=q.end, kind=q.kind,
        unit_text=q.unit_text, low=q.low, high=q.high, per=q.per,
        qualifier_text=doc.text[q.qualifier_start:q.qualifier_end]
        if q.qualifier_start is not None else None,
        change=c.direction if c else None, change_role=c.role if c else None,
        change_id=(f"s{sent_no}w{c.anchor.i}" if c and c.anchor is not None and
                   c.role in ("from", "to") else None),
        period_precision=period.precision if period else None,
        measure_start=measure[1] if measure else None,
        measure_end=measure[2] if measure else None,
        sentence=sent_no, evidence=sent.text.strip())


def claims_of(doc: Doc, published: Optional[str] = None, actors: Sequence[Actor] = (),
              opts: Options | None = None, article_id: str = "") -> list[Claim]:
    """Every numeric claim of a parsed document, in text order."""
    opts = opts or Options()
    out: list[Claim] = []
    for n, sent in enumerate(doc.sents):
        try:
            out += _sentence_claims(doc, sent, n, published, actors, opts, article_id)
        except Exception as exc:  # one bad sentence never kills the article
            log.warning("article %s: sentence %d skipped by claims: %s: %s", article_id, n,
                        type(exc).__name__, exc)
    return out

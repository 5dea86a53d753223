"""The period a figure refers to: a date phrase of its sentence, resolved against the
article's publication date (``events/when.py``), and attached to the figure it belongs to.

Formats (docs/RECORDS.md): year "2023", half "2023-H1", quarter "2023-Q4", month
"2024-03", week or day "2024-03-07", decade "1990s", and a range of two of these joined by
"/" ("1995/2001", "2021-Q1/2022-Q2").

Which figure a date belongs to: for the two ends of a change, the date written right
after each end ("from $2bn in 2021 to $5bn in 2022"); else the date inside the figure's
own phrase ("imports in the third quarter of 2022"), then a date attached to the same
clause as the figure (nearest first), then a date of a clause above it ("In 2023,
officials said exports rose 8%"). A date of another clause is never taken ("exports
rose 8% last year and are expected to rise by 2026": 2026 is not the 8%'s period).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from spacy.tokens import Span, Token

from ..events.when import resolve_date

_Y = r"(?:1[89]|20)\d\d"
_RANGE = re.compile(rf"^(?:between|from|in)?\s*(?:the\s+(?:years?\s+)?)?(?P<a>{_Y})\s*"
                    rf"(?:and|to|-|–|until|till|through)\s*(?P<b>{_Y})$", re.I)
_BARE_YEAR = re.compile(rf"\b(?:in|during|for|of)\s+(?P<y>{_Y})\b")


@dataclass(frozen=True)
class DatePhrase:
    start: int
    end: int
    root: Token
    value: str
    precision: str  # day, week, month, quarter, half, year, decade, range


def date_phrases(sent: Span, published: Optional[str]) -> list[DatePhrase]:
    """The resolvable date phrases of a sentence (durations and vague phrases left out)."""
    out: list[DatePhrase] = []
    doc = sent.doc
    for ent in sent.ents:
        if ent.label_ != "DATE":
            continue
        text = ent.text.strip()
        m = _RANGE.match(text)
        if m:
            out.append(DatePhrase(ent.start_char, ent.end_char, ent.root,
                                  f"{m.group('a')}/{m.group('b')}", "range"))
            continue
        got = resolve_date(text, published)
        if got:
            out.append(DatePhrase(ent.start_char, ent.end_char, ent.root, got[0], got[1]))
    for m in _BARE_YEAR.finditer(doc.text, sent.start_char, sent.end_char):
        s, e = m.start("y"), m.end("y")
        if any(d.start <= s < d.end for d in out):
            continue
        span = doc.char_span(s, e)
        if span is not None:
            out.append(DatePhrase(s, e, span.root, m.group("y"), "year"))
    out.sort(key=lambda d: d.start)
    return out


def _ancestors(tok: Token) -> list[Token]:
    out, cur = [], tok
    for _ in range(12):
        out.append(cur)
        if cur.head.i == cur.i:
            break
        cur = cur.head
    return out


def _clause_verb(tok: Token) -> Optional[Token]:
    for a in _ancestors(tok):
        if a.pos_ in ("VERB", "AUX"):
            return a
    return None


def period_of(root: Token, start: int, end: int, dates: list[DatePhrase],
              next_start: Optional[int], is_end_of_change: bool) -> Optional[DatePhrase]:
    """The date phrase a figure (its root token, its character span) refers to."""
    if not dates:
        return None
    text = root.doc.text
    # a date written right after an end of a change: "from $2bn in 2021 to ..."
    if is_end_of_change:
        for d in dates:
            gap = text[end:d.start]
            if d.start >= end and (next_start is None or d.start < next_start) and \
                    re.fullmatch(r"\s*(?:,\s*)?(?:in|during|for|of|as of|by)?\s*(?:the\s+)?",
                                 gap, re.I):
                return d
    subtree = {t.i for t in root.subtree}
    inside = [d for d in dates if d.root.i in subtree]
    if inside:
        return min(inside, key=lambda d: abs(d.start - end))
    verb = _clause_verb(root)
    if verb is not None:
        same = [d for d in dates if (_clause_verb(d.root) or d.root).i == verb.i]
        if same:
            return min(same, key=lambda d: abs(d.start - end))
    # a date of a clause the figure's clause depends on: "In 2023, officials said that
    # exports rose 8%"
    outer = {a.i for a in _ancestors(verb)} if verb is not None else set()
    above = [d for d in dates if (_clause_verb(d.root) or d.root).i in outer]
    if above:
        return min(above, key=lambda d: abs(d.start - end))
    return None

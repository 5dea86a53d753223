"""Speakers that are several people or bodies: "X and Y said", "the two presidents
declared", and "they" pointing back to such a group.

A group speaker keeps every name: ``name`` joins them with " and " in text order ("Jane Doe
and John Roe"); ``kind`` is ``collective``; ``code`` and ``sector`` are kept when every
member shares them, else null; ``actor_id``, ``role`` and ``affiliation`` are the first
member's (documented in docs/RECORDS.md).
"""

from __future__ import annotations

from spacy.tokens import Token

from ..schema import Speaker

NUMBERS = {"two": 2, "both": 2, "three": 3, "four": 4}


def conjuncts(head: Token) -> list[Token]:
    """The words coordinated with ``head`` ("X, Y and Z": Y and Z), in text order."""
    out: list[Token] = []
    todo = [c for c in head.children if c.dep_ == "conj"]
    while todo:
        t = todo.pop(0)
        out.append(t)
        todo.extend(c for c in t.children if c.dep_ == "conj")
    return sorted(out, key=lambda t: t.i)


def counted(head: Token) -> int | None:
    """How many people a plural speaker word counts: "the two presidents" 2, "both
    leaders" 2; None for an uncounted plural."""
    if head.tag_ not in ("NNS", "NNPS"):
        return None
    for c in head.children:
        n = NUMBERS.get(c.lower_) if c.dep_ in ("nummod", "det", "predet", "amod") else None
        if n:
            return n
    return None


def joined(members: list[Speaker]) -> Speaker:
    """One speaker for several: names joined, shared code and sector kept."""
    first = members[0]
    names: list[str] = []
    for m in members:
        if m.name and m.name not in names:
            names.append(m.name)
    codes = {m.code for m in members}
    sectors = {m.sector for m in members}
    return Speaker(name=" and ".join(names), code=first.code if len(codes) == 1 else None,
                   sector=first.sector if len(sectors) == 1 else None,
                   affiliation=first.affiliation, role=first.role, kind="collective",
                   actor_id=first.actor_id)

"""Actor mentions by offset and the speakers already resolved, for the speaker resolver."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..schema import Actor, Speaker

PARTICLES = {"de", "van", "von", "bin", "al", "der", "da", "di", "la", "le", "del", "du", "ibn"}
PARAGRAPHS = 6

def named_person(a: Actor) -> bool:
    """A person known by name, not a group or a role phrase ("analysts", "US officials")."""
    if a.kind != "person" or not a.name:
        return False
    words = a.name.replace("-", " ").split()
    if not all(w[:1].isupper() or w.lower() in PARTICLES for w in words):
        return False
    if a.role and a.name.lower().rstrip("s").endswith(a.role.lower().rstrip("s")):
        return False
    return not (len(words) == 1 and a.name.lower().endswith("s") and a.role)


@dataclass
class Index:
    """Actor mentions by character offset."""

    actors: list[Actor]
    items: list[tuple[int, int, Actor]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.items = sorted(((m.start, m.end, a) for a in self.actors for m in a.mentions),
                            key=lambda x: (x[0], -x[1]))

    def at(self, start: int, end: int, head: tuple[int, int] | None = None) -> Actor | None:
        hits = [(s, e, a) for s, e, a in self.items if s < end and start < e]
        if not hits:
            return None
        if head is not None:
            on_head = [x for x in hits if x[0] < head[1] and head[0] < x[1]]
            hits = on_head or hits
        return max(hits, key=lambda x: (named_person(x[2]), x[1] - x[0]))[2]

    def last_before(self, pos: int, ok) -> Actor | None:
        best = None
        for s, _e, a in self.items:
            if s >= pos:
                break
            if ok(a):
                best = a
        return best

    def mentions_of(self, actor: Actor) -> list[tuple[int, int]]:
        return [(m.start, m.end) for m in actor.mentions]


@dataclass
class History:
    """Speakers already resolved, in text order, for pronouns."""

    items: list[tuple[int, int, Speaker]] = field(default_factory=list)  # (pos, para, sp)

    def last(self, pos: int, para: int, kinds: set[str], since: int = -1) -> Speaker | None:
        for p, par, sp in reversed(self.items):
            if p < pos and para - par <= PARAGRAPHS and sp.kind in kinds and p >= since:
                return sp
        return None

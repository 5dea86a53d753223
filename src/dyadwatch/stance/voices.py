"""Who speaks where, who is discussed, and who stands for a state.

- ``Voices``: the character ranges of quotes with a speaker; a word inside one is that
  speaker's, not the outlet's. Quotes without a speaker (scare quotes, fragments) stay
  in the outlet's voice.
- ``salience``: why an actor counts as discussed by the article (docs/RECORDS.md,
  "Stance"): at least ``min_mentions`` mentions, or a mention in the title or in the
  first ``lead_sentences`` sentences, or being a party of an asserted event.
- ``groups``: a state's record also takes the evidence about the bodies and officials
  that act for it (actors of its code whose sector is one of ``rollup_sectors``).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import Optional, Sequence

from ..schema import Actor, Article


@dataclass(frozen=True)
class Holder:
    name: Optional[str]
    actor_id: Optional[str]
    code: Optional[str]

    @property
    def key(self) -> str:
        return self.actor_id or (self.name or "?").lower()


class Voices:
    """Quoted ranges with their speakers, looked up by character offset."""

    def __init__(self, art: Article) -> None:
        ranges: list[tuple[int, int, Holder]] = []
        for q in art.quotes:
            sp = q.speaker
            if sp is None or not (sp.name or sp.actor_id or sp.code):
                continue
            holder = Holder(sp.name, sp.actor_id, sp.code)
            parts = [tuple(p) for p in q.parts] or [(q.start, q.end)]
            for s, e in parts:
                if s is not None and e is not None and e > s:
                    ranges.append((int(s), int(e), holder))
        ranges.sort(key=lambda r: (r[0], -r[1]))
        self.ranges = ranges
        self.starts = [r[0] for r in ranges]

    def holder_at(self, pos: int) -> Optional[Holder]:
        """The speaker whose quote holds character ``pos`` (innermost), else None."""
        k = bisect.bisect_right(self.starts, pos)
        best = None
        for s, e, h in self.ranges[:k]:
            if s <= pos < e and (best is None or s >= best[0]):
                best = (s, h)
        return best[1] if best else None

    def spans(self) -> list[tuple[int, int]]:
        return [(s, e) for s, e, _ in self.ranges]


def _event_parties(art: Article) -> set[str]:
    """Actor ids named as actor or recipient of an asserted event."""
    out: set[str] = set()
    by_span = {(m.start, m.end): a.id for a in art.actors for m in a.mentions}
    states = {a.code: a.id for a in art.actors if a.kind == "state" and a.code}
    for ev in art.events:
        if ev.modality != "asserted":
            continue
        for refs, spans in ((ev.actor, ev.actor_spans), (ev.recipient, ev.recipient_spans)):
            for k, ref in enumerate(refs):
                sp = spans[k] if k < len(spans) else None
                aid = by_span.get(tuple(sp)) if sp else None
                if aid is None and ref.code in states and ref.sector in (None, "GOV"):
                    aid = states[ref.code]
                if aid:
                    out.add(aid)
    return out


def salience(art: Article, min_mentions: int, lead_sentences: int) -> dict[str, list[str]]:
    """Actor id -> the reasons it counts as discussed (empty: a passing mention)."""
    lead_end = (art.sentences[min(lead_sentences, len(art.sentences)) - 1][1]
                if art.sentences and lead_sentences > 0 else 0)
    title = (art.title or "").lower()
    parties = _event_parties(art)
    out: dict[str, list[str]] = {}
    for a in art.actors:
        why = []
        if len(a.mentions) >= min_mentions:
            why.append("mentions")
        if any(m.start < lead_end for m in a.mentions) or (title and any(
                m.text.lower() in title for m in a.mentions if len(m.text) > 2)):
            why.append("lead")
        if a.id in parties:
            why.append("event")
        out[a.id] = why
    return out


def groups(actors: Sequence[Actor], sectors: Sequence[str]) -> dict[str, list[str]]:
    """Record id -> the actor ids whose evidence it takes (itself first)."""
    out = {a.id: [a.id] for a in actors}
    states = {a.code: a.id for a in actors if a.kind == "state" and a.code}
    for a in actors:
        sid = states.get(a.code or "")
        if sid and a.id != sid and a.kind != "state" and (a.sector or "") in sectors:
            out[sid].append(a.id)
    return out

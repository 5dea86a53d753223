"""Event clusters: the same event reported by several articles is one cluster.

Two event records join the same cluster when (docs/CROSSDOC.md):

- their parties match: the actor lists share a code, and the recipient lists share a code
  (or both have none);
- their types are compatible: the same PLOVER type (``crossdoc.match = "type"``), or the
  same quad class (``"quad"``: verbal/material cooperation/conflict);
- their modality class is the same: asserted (asserted or historical), negated, future or
  hypothetical: a denial is not a report of the event;
- their dates (the event's day, else the article's publication date) lie within
  ``crossdoc.window_days`` of a member's (unknown dates do not keep records apart);
- their evidence sentences are similar: cosine of sentence embeddings at least
  ``crossdoc.event_similarity`` to some member.

Records are taken in storage order (article, then index) and each joins the most similar
compatible cluster or opens one; so adding articles later and updating gives the same
clusters as clustering everything at once. Syndicated copies (``duplicate_of``) are
members but count once: ``corroboration`` is the number of distinct original articles.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Callable, Hashable, Optional, Sequence

import numpy as np

from ..schema import Cluster, ClusterMember
from .items import EventItem

log = logging.getLogger(__name__)

MODALITY_CLASS = {"asserted": "asserted", "historical": "asserted", "negated": "negated",
                  "future": "future", "hypothetical": "hypothetical"}
MAX_COMPARED = 16  # members of a cluster a new record is compared with (the latest ones)


def modality_class(modality: Optional[str]) -> str:
    return MODALITY_CLASS.get(modality or "asserted", "asserted")


@lru_cache(maxsize=1)
def _ontology():
    from ..events.ontology import load_ontology

    return load_ontology()


def quad_of(event: Optional[str]) -> Optional[str]:
    if not event:
        return None
    try:
        return _ontology().quad(event)
    except Exception:  # an unknown type name in old records: no quad
        return None


def score_of(event: Optional[str], mode: Optional[str]) -> Optional[float]:
    if not event:
        return None
    try:
        return _ontology().score(event, mode)
    except Exception:
        return None


@lru_cache(maxsize=65536)
def _ordinal(day: Optional[str]) -> Optional[int]:
    if not day:
        return None
    try:
        return dt.date.fromisoformat(day[:10]).toordinal()
    except ValueError:
        return None


def within(a: Optional[str], b: Optional[str], days: int) -> bool:
    """True when two days are at most ``days`` apart, or either is unknown."""
    oa, ob = _ordinal(a), _ordinal(b)
    return oa is None or ob is None or abs(oa - ob) <= days


def cluster_id(prefix: str, art_id: str, idx: int) -> str:
    return f"{prefix}-" + hashlib.sha1(f"{art_id}#{idx}".encode()).hexdigest()[:12]


@dataclass
class OpenCluster:
    """A cluster being built: its members (items with vectors) in joining order."""

    id: str
    key: Hashable
    items: list = field(default_factory=list)
    vectors: list = field(default_factory=list)
    sims: list = field(default_factory=list)
    codes_a: set = field(default_factory=set)
    codes_r: set = field(default_factory=set)
    days: list = field(default_factory=list)

    def add(self, item, vec, sim: Optional[float]) -> None:
        self.items.append(item)
        self.vectors.append(vec)
        self.sims.append(sim)
        self.days.append(getattr(item, "when", None) or item.art.published)


class Clusterer:
    """Greedy single-pass clustering over blocks of comparable records.

    Subclasses say which block a record belongs to (``blocks``: records are compared only
    within a block), whether a record may join a cluster (``compatible``) and what text
    is embedded (``text``).
    """

    prefix = "cl"
    kind = "cluster"

    def __init__(self, threshold: float, embed: Callable[[Sequence[str]], np.ndarray]):
        self.threshold = threshold
        self.embed = embed
        self.clusters: dict[str, OpenCluster] = {}
        self.index: dict[Hashable, list[str]] = {}
        self.member_of: dict[tuple[str, int], str] = {}

    # -- to override ------------------------------------------------------------------
    def blocks(self, item) -> list[Hashable]:
        raise NotImplementedError

    def compatible(self, item, cluster: OpenCluster) -> bool:
        return True

    def text(self, item) -> str:
        return item.evidence

    # -- building ---------------------------------------------------------------------
    def _register(self, cl: OpenCluster, item) -> None:
        for b in self.blocks(item):
            ids = self.index.setdefault(b, [])
            if cl.id not in ids:
                ids.append(cl.id)
        self.member_of[(item.art.id, item.idx)] = cl.id

    def replay(self, items: list, assigned: list[tuple[str, Optional[float]]]) -> None:
        """Restore clusters from stored assignments (``(cluster_id, similarity)`` per
        item, in joining order) without comparing anything."""
        vecs = self.embed([self.text(it) for it in items]) if items else []
        for it, vec, (cid, sim) in zip(items, vecs, assigned):
            cl = self.clusters.get(cid)
            if cl is None:
                cl = self.clusters[cid] = OpenCluster(cid, self.blocks(it)[0])
            cl.add(it, vec, sim)
            self._register(cl, it)

    def add_all(self, items: list, progress: Optional[Callable[[int], None]] = None,
                chunk: int = 512) -> list[OpenCluster]:
        """Assign new items in order; returns the clusters they joined or opened."""
        touched: dict[str, OpenCluster] = {}
        for start in range(0, len(items), chunk):
            part = items[start:start + chunk]
            vecs = self.embed([self.text(it) for it in part])
            for it, vec in zip(part, vecs):
                cl = self.add(it, vec)
                touched[cl.id] = cl
            if progress:
                progress(len(part))
        return list(touched.values())

    def add(self, item, vec) -> OpenCluster:
        best, best_sim = None, -1.0
        seen = set()
        for b in self.blocks(item):
            for cid in self.index.get(b, ()):
                if cid in seen:
                    continue
                seen.add(cid)
                cl = self.clusters[cid]
                if not self.compatible(item, cl):
                    continue
                recent = cl.vectors[-MAX_COMPARED:]
                sim = float(np.max(np.stack(recent) @ vec)) if recent else 0.0
                if sim >= self.threshold and sim > best_sim:
                    best, best_sim = cl, sim
        if best is None:
            best = OpenCluster(cluster_id(self.prefix, item.art.id, item.idx),
                               self.blocks(item)[0])
            self.clusters[best.id] = best
            best.add(item, vec, None)
        else:
            best.add(item, vec, round(best_sim, 4))
        self._register(best, item)
        return best


class EventClusterer(Clusterer):
    prefix = "ev"
    kind = "event"

    def __init__(self, threshold: float, embed, window_days: int = 7, match: str = "type"):
        super().__init__(threshold, embed)
        self.window_days = window_days
        self.match = match

    def type_key(self, item: EventItem) -> Optional[str]:
        return quad_of(item.event) if self.match == "quad" else item.event

    def blocks(self, item: EventItem) -> list[Hashable]:
        base = (modality_class(item.modality), self.type_key(item))
        return [base + (a, r) for a in item.actor or ("",) for r in item.recipient or ("",)]

    def text(self, item: EventItem) -> str:
        return item.core or item.evidence

    def compatible(self, item: EventItem, cl: OpenCluster) -> bool:
        first: EventItem = cl.items[0]
        if bool(item.recipient) != bool(first.recipient):
            return False
        if not any(within(item.when, d, self.window_days) for d in cl.days):
            return False
        return True


# -- summaries ----------------------------------------------------------------------------

def member_records(cl: OpenCluster, kind: str, start_seq: int = 0) -> list[ClusterMember]:
    out = []
    for n, (it, sim) in enumerate(zip(cl.items, cl.sims)):
        out.append(ClusterMember(
            f"{cl.id}:{it.art.id}:{it.idx}", cl.id, kind, it.art.id, it.art.version, it.idx,
            it.art.source, it.art.published, getattr(it, "when", None) or it.art.published,
            it.art.duplicate_of, sim, getattr(it, "modality", None),
            getattr(it, "value", None), it.evidence, it.start, it.end, start_seq + n))
    return out


def common_fields(cl: OpenCluster, kind: str) -> dict[str, Any]:
    items = cl.items
    sources = list(dict.fromkeys(it.art.outlet for it in items))
    originals = {it.art.original for it in items}
    days = sorted(d for d in (getattr(it, "when", None) or it.art.published for it in items)
                  if d)
    published = sorted(it.art.published for it in items if it.art.published)
    first = items[0]
    return dict(id=cl.id, kind=kind, members=[f"{it.art.id}#{it.idx}" for it in items],
                sources=sources, first_seen=(published or days or [None])[0], size=len(items),
                corroboration=len(originals), date_start=days[0] if days else None,
                date_end=days[-1] if days else None, evidence=first.evidence,
                evidence_article=first.art.id)


def event_cluster_record(cl: OpenCluster, version: str) -> Cluster:
    items: list[EventItem] = cl.items
    first = items[0]
    actor = list(dict.fromkeys(c for it in items for c in it.actor))
    recipient = list(dict.fromkeys(c for it in items for c in it.recipient))
    modes = Counter(it.mode for it in items if it.mode)
    mode = modes.most_common(1)[0][0] if modes else None
    contexts = list(dict.fromkeys(c for it in items for c in it.contexts))
    arrow = f"{'+'.join(actor) or '?'} -> {'+'.join(recipient) or '?'}"
    label = f"{first.event}{'/' + mode if mode else ''} {arrow}"
    return Cluster(**common_fields(cl, "event"), label=label, actor=actor,
                   recipient=recipient, event=first.event, quad=quad_of(first.event),
                   mode=mode, modality=modality_class(first.modality), contexts=contexts,
                   score=score_of(first.event, mode), version=version)


def dyad_rows(rec: Cluster) -> list[tuple]:
    """(cluster_id, actor_code, recipient_code, date, joint) of an event cluster, for the
    monitor. An event with several actors and no recipient (a joint act, "A and B held
    talks") is a relation among them: one row per ordered pair of its actors, joint = 1."""
    rows = []
    day = rec.date_start
    if rec.recipient:
        for a in rec.actor:
            for r in rec.recipient:
                if a != r:
                    rows.append((rec.id, a, r, day, 0))
    else:
        for a in rec.actor:
            others = [b for b in rec.actor if b != a]
            rows += [(rec.id, a, b, day, 1) for b in others]
            if not others:
                rows.append((rec.id, a, None, day, 0))
    return rows

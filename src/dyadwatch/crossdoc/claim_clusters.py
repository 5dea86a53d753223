"""Claim clusters: the same figure (same measure, unit and period) across outlets, and
whether the outlets agree on its value.

Two claims are comparable when they have the same kind and unit (``unit``), the same
period (both null counts as the same), the same role in a change (a level, the amount of
a change, or one of its ends) and their measures say the same thing: word overlap of the
measures (content words, lower case, plural ``s`` dropped) of at least
``crossdoc.measure_overlap``, or embedding similarity of the measures of at least
``crossdoc.measure_similarity``; when both name actors, they share one.

Values agree when their intervals overlap: a value v is [v(1-t), v(1+t)] with t =
``crossdoc.value_tolerance``; "about" widens it to 10 %, "nearly" is [0.9v, v], "more
than"/"at least" [v, inf), "less than"/"at most" [0, v], a range its ends. A cluster is
``single`` (one original article), ``agree``, ``conflict`` (two articles whose values do
not overlap, for a figure with a period and a measure of two or more content words) or
``differ`` (values differ, but the figure is too unspecific to call it a conflict).
"""

from __future__ import annotations

import math
import re
from typing import Hashable, Optional

from ..schema import Cluster
from .clusters import Clusterer, OpenCluster, common_fields
from .items import ClaimItem

_STOP = frozenset("the a an of in on for to and or by with from at its their his her this that "
                  "these those than as per s".split())
_WORD = re.compile(r"[a-z0-9]+")
APPROX_TOL = 0.10


def measure_words(measure: Optional[str]) -> frozenset[str]:
    words = []
    for w in _WORD.findall((measure or "").lower().replace("’", "'")):
        if w in _STOP:
            continue
        if len(w) > 3 and w.endswith("s") and not w.endswith("ss"):
            w = w[:-1]
        words.append(w)
    return frozenset(words)


def overlap(a: frozenset, b: frozenset) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def interval(item: ClaimItem, tol: float) -> tuple[float, float]:
    """The values a claim allows (see the module's docstring)."""
    v = item.value
    if item.low is not None and item.high is not None and item.high > item.low:
        return item.low, item.high
    if v is None:
        return math.nan, math.nan
    q = item.qualifier
    lo, hi = sorted((v * (1 - tol), v * (1 + tol)))
    if q == "approximately":
        lo, hi = sorted((v * (1 - APPROX_TOL), v * (1 + APPROX_TOL)))
    elif q == "nearly":
        lo, hi = sorted((v * (1 - APPROX_TOL), v))
    elif q in ("more than", "at least"):
        lo, hi = v, math.inf
    elif q in ("less than", "at most"):
        lo, hi = 0.0, v
    return lo, hi


def values_agree(a: ClaimItem, b: ClaimItem, tol: float) -> bool:
    la, ha = interval(a, tol)
    lb, hb = interval(b, tol)
    if math.isnan(la) or math.isnan(lb):
        return True
    return la <= hb and lb <= ha


def claim_text(item: ClaimItem) -> str:
    return item.measure or ""


class ClaimClusterer(Clusterer):
    prefix = "cl"
    kind = "claim"

    def __init__(self, threshold: float, embed, min_overlap: float = 0.5,
                 tolerance: float = 0.05):
        super().__init__(threshold, embed)
        self.min_overlap = min_overlap
        self.tolerance = tolerance

    @staticmethod
    def comparable(item: ClaimItem) -> bool:
        return bool(item.measure) and item.value is not None and item.kind != "number"

    def blocks(self, item: ClaimItem) -> list[Hashable]:
        role = item.change_role or ("amount" if item.change else "level")
        return [(item.kind, item.unit, item.period or "", role)]

    def text(self, item: ClaimItem) -> str:
        return claim_text(item)

    def compatible(self, item: ClaimItem, cl: OpenCluster) -> bool:
        first: ClaimItem = cl.items[0]
        if item.actors and first.actors and not set(item.actors) & set(first.actors):
            return False
        return True

    def add(self, item, vec):
        # word overlap of the measures can admit a record the embedding threshold would
        # not: compare it first, then fall back to the embedding rule
        words = measure_words(item.measure)
        for b in self.blocks(item):
            for cid in self.index.get(b, ()):
                cl = self.clusters[cid]
                if not self.compatible(item, cl):
                    continue
                if any(overlap(words, measure_words(m.measure)) >= self.min_overlap
                       for m in cl.items[-16:]):
                    cl.add(item, vec, 1.0)
                    self._register(cl, item)
                    return cl
        return super().add(item, vec)


def specific(item: ClaimItem) -> bool:
    """A figure specific enough to contradict another: it has a period, and its measure
    has at least two content words ("Russian airlines", not "Russia")."""
    return bool(item.period) and len(measure_words(item.measure)) >= 2


def agreement(items: list[ClaimItem], tol: float) -> str:
    """single, agree, conflict (values that cannot both hold for a specific figure), or
    differ (values differ, but without a period or with a one-word measure the two may
    well be figures of different things)."""
    if len({it.art.original for it in items}) < 2:
        return "single"
    for i, a in enumerate(items):
        for b in items[i + 1:]:
            if a.art.original != b.art.original and not values_agree(a, b, tol):
                return "conflict" if specific(a) and specific(b) else "differ"
    return "agree"


def claim_cluster_record(cl: OpenCluster, version: str, tol: float) -> Cluster:
    items: list[ClaimItem] = cl.items
    first = items[0]
    values = sorted({it.value for it in items if it.value is not None})
    period = f", {first.period}" if first.period else ""
    label = f"{first.measure} ({first.unit or first.kind}{period})"
    actors = list(dict.fromkeys(a for it in items for a in it.actors))
    return Cluster(**common_fields(cl, "claim"), label=label, actor=actors,
                   measure=first.measure, unit=first.unit, period=first.period,
                   values=values, agreement=agreement(items, tol), version=version)

"""Scoring: precision, recall and F1 over spans, labels and values.

Pure functions over plain tuples, so every task scores the same way:

- spans: ``(start, end, label)``; *exact* matches need the same three, *overlap* matches
  need the same label and any shared character (each gold and each predicted span is
  matched at most once, greedily by largest overlap);
- labels: accuracy and macro-F1 over the classes in the gold;
- values: a predicted number matches a gold one when they agree within a relative
  tolerance (and, for value+unit, when the units agree too).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Hashable, Iterable, Sequence


@dataclass
class PRF:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: "PRF") -> "PRF":
        return PRF(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    def as_dict(self) -> dict[str, float]:
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "f1": round(self.f1, 4), "tp": self.tp, "fp": self.fp, "fn": self.fn}


Span = tuple[int, int, str]


def match_exact(gold: Iterable[Span], pred: Iterable[Span]) -> PRF:
    g, p = Counter(gold), Counter(pred)
    tp = sum((g & p).values())
    return PRF(tp, sum(p.values()) - tp, sum(g.values()) - tp)


def match_overlap(gold: Sequence[Span], pred: Sequence[Span]) -> PRF:
    pairs = []
    for i, (gs, ge, gl) in enumerate(gold):
        for j, (ps, pe, pl) in enumerate(pred):
            if gl == pl:
                ov = min(ge, pe) - max(gs, ps)
                if ov > 0:
                    pairs.append((ov, i, j))
    used_g, used_p = set(), set()
    for _, i, j in sorted(pairs, reverse=True):
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
    tp = len(used_g)
    return PRF(tp, len(pred) - tp, len(gold) - tp)


@dataclass
class SpanScores:
    """Micro-averaged span scores, overall and per label."""

    exact: PRF = field(default_factory=PRF)
    overlap: PRF = field(default_factory=PRF)
    by_label: dict[str, PRF] = field(default_factory=lambda: defaultdict(PRF))

    def add(self, gold: Sequence[Span], pred: Sequence[Span]) -> None:
        self.exact = self.exact.add(match_exact(gold, pred))
        self.overlap = self.overlap.add(match_overlap(gold, pred))
        for label in {s[2] for s in gold} | {s[2] for s in pred}:
            self.by_label[label] = self.by_label[label].add(
                match_exact([s for s in gold if s[2] == label], [s for s in pred if s[2] == label]))

    def as_dict(self) -> dict:
        return {"exact": self.exact.as_dict(), "overlap": self.overlap.as_dict(),
                "by_label": {k: v.as_dict() for k, v in sorted(self.by_label.items())}}


def classification(gold: Sequence[Hashable], pred: Sequence[Hashable]) -> dict:
    """Accuracy, macro-F1 over the gold classes, and per-class P/R/F1."""
    if len(gold) != len(pred):
        raise ValueError("gold and predictions differ in length")
    classes = sorted(set(gold), key=str)
    per = {}
    for c in classes:
        tp = sum(1 for g, p in zip(gold, pred) if g == c and p == c)
        fp = sum(1 for g, p in zip(gold, pred) if g != c and p == c)
        fn = sum(1 for g, p in zip(gold, pred) if g == c and p != c)
        per[str(c)] = PRF(tp, fp, fn)
    acc = sum(1 for g, p in zip(gold, pred) if g == p) / len(gold) if gold else 0.0
    macro = sum(v.f1 for v in per.values()) / len(per) if per else 0.0
    return {"accuracy": round(acc, 4), "macro_f1": round(macro, 4), "n": len(gold),
            "by_class": {k: v.as_dict() for k, v in per.items()}}


def values_match(a: float, b: float, rel: float = 1e-3) -> bool:
    return a == b or abs(a - b) <= rel * max(abs(a), abs(b))


def match_values(gold: Sequence[tuple[float, str | None]], pred: Sequence[tuple[float, str | None]],
                 with_unit: bool = False, rel: float = 1e-3) -> PRF:
    """Match numbers (optionally with units) one to one."""
    used: set[int] = set()
    tp = 0
    for gv, gu in gold:
        for j, (pv, pu) in enumerate(pred):
            if j in used or not values_match(gv, pv, rel):
                continue
            if with_unit and (gu or "").lower() != (pu or "").lower():
                continue
            used.add(j)
            tp += 1
            break
    return PRF(tp, len(pred) - tp, len(gold) - tp)

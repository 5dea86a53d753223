"""Scorer of the cross-article stage: ClaimDiff-W claim pairs (task ``claimdiff_pairs``).

Each claim of a pair is analysed as a one-sentence article of its own outlet (the stages of
the configured pipeline after cleaning, stance left out); the pair is predicted ``weaken``
when ``crossdoc.analyse_articles`` finds any contradiction between the two (asserted vs
negated event, conflicting figures, opposed characterisations), else ``none``. Headline
metric: macro-F1 over the two labels (docs/EVALUATION.md, "Across articles").
"""

from __future__ import annotations

from ..config import Config
from .runs import analysed
from . import scoring
from .tasks import scorer

SKIP = ("clean", "language", "fingerprint", "stance")


@scorer("claimdiff_pairs")
def score_claimdiff(items: list, config: Config) -> dict:
    from ..crossdoc import analyse_articles

    stages = [s for s in config["pipeline"]["stages"] if s not in SKIP]
    texts = []
    for it in items:
        texts.append(_Text(f"{it.id}#a", it.a))
        texts.append(_Text(f"{it.id}#b", it.b))
    arts = list(analysed(texts, config, stages))
    gold, pred, kinds = [], [], {}
    for k, it in enumerate(items):
        a, b = arts[2 * k], arts[2 * k + 1]
        a.source, b.source = "outlet A", "outlet B"
        found = analyse_articles([a, b], config).contradictions
        for c in found:
            kinds[c.kind] = kinds.get(c.kind, 0) + 1
        gold.append(it.label)
        pred.append("weaken" if found else "none")
    out = scoring.classification(gold, pred)
    out["predicted_weaken"] = pred.count("weaken")
    out["by_kind"] = kinds
    return out


class _Text:
    __slots__ = ("id", "text")

    def __init__(self, id: str, text: str):
        self.id, self.text = id, text

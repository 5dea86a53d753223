"""Per-outlet stance: each outlet's mean tone towards each actor code, over stored articles.

One value per article and actor code: the state's record when the article has one (it
already takes the evidence about the state's bodies and officials), else the mean of the
article's records of that code weighted by their own-voice sentences. Copies of an
earlier article (``duplicate_of``) are left out, so a syndicated story counts once, for
the outlet that published it first. Articles without an outlet count under "(unknown)".
"""

from __future__ import annotations

import logging
from typing import Iterable, Optional, Sequence

from ..schema import Article

log = logging.getLogger(__name__)

UNKNOWN = "(unknown)"
COLUMNS = ("outlet", "code", "articles", "mean", "critical", "neutral", "favourable",
           "min", "max")


def article_codes(art: Article) -> dict[str, tuple[float, str]]:
    """Actor code -> (score, label) of one article's own voice."""
    out: dict[str, tuple[float, str]] = {}
    by_code: dict[str, list] = {}
    for s in art.stance:
        if s.code:
            by_code.setdefault(s.code, []).append(s)
    for code, recs in by_code.items():
        state = next((s for s in recs if s.kind == "state"), None)
        if state is not None:
            out[code] = (state.score, state.label)
            continue
        weights = [max(1, (s.counts or {}).get("sentences", 1)) for s in recs]
        score = sum(w * s.score for w, s in zip(weights, recs)) / sum(weights)
        labels = sorted({s.label for s in recs})
        out[code] = (score, labels[0] if len(labels) == 1 else "mixed")
    return out


def outlet_stance(articles: Iterable[Article], codes: Optional[Sequence[str]] = None,
                  min_articles: int = 1):
    """A pandas DataFrame, one row per (outlet, actor code): how many articles discuss
    the actor, their mean score, how many of them are critical / neutral / favourable,
    and the lowest and highest score. Sorted by outlet, then by articles (most first)."""
    import pandas as pd

    want = set(codes) if codes else None
    rows = []
    for art in articles:
        if art.duplicate_of:
            continue
        for code, (score, label) in article_codes(art).items():
            if want is None or code in want:
                rows.append((art.source or UNKNOWN, code, score, label))
    if not rows:
        return pd.DataFrame(columns=list(COLUMNS))
    df = pd.DataFrame(rows, columns=["outlet", "code", "score", "label"])
    g = df.groupby(["outlet", "code"])
    out = pd.DataFrame({
        "articles": g.size(),
        "mean": g["score"].mean().round(4),
        "critical": g["label"].apply(lambda s: int((s == "critical").sum())),
        "neutral": g["label"].apply(lambda s: int((s == "neutral").sum())),
        "favourable": g["label"].apply(lambda s: int((s == "favourable").sum())),
        "min": g["score"].min().round(4),
        "max": g["score"].max().round(4),
    }).reset_index()
    out = out[out["articles"] >= min_articles]
    return out.sort_values(["outlet", "articles", "code"], ascending=[True, False, True]) \
        .reset_index(drop=True)


def store_outlet_stance(store, codes: Optional[Sequence[str]] = None, min_articles: int = 1):
    """``outlet_stance`` over every article in a ``Store``."""
    return outlet_stance(store.iter_articles(), codes, min_articles)

#!/usr/bin/env python
"""Fit the event confidence model (events/data/confidence.toml).

Recipe: run the pipeline (parse, actors, events; the classifier on, calibration off) over
the project's own gold (tests/gold/relations.jsonl, 111 texts written for the project);
every predicted event is an example, right (1) when it matches a gold event of its text by
the own_events rule (same type, an actor code in common, agreeing recipients), else 0; the
features are those of events/confidence.py. A logistic regression (scikit-learn, C=1.0)
fitted on all examples gives the shipped weights; 5-fold cross-validation grouped by text
gives the figures written into the file's header (expected calibration error over 5 bins,
Brier score, and the same for the uncalibrated class probability).

Usage: python scripts/fit_event_confidence.py [--out src/dyadwatch/events/data/confidence.toml]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from dyadwatch.config import load_config  # noqa: E402
from dyadwatch.evaluation.event_tasks import _matches, coded  # noqa: E402
from dyadwatch.evaluation.readers import read_own_events  # noqa: E402
from dyadwatch.events.classify import probabilities  # noqa: E402
from dyadwatch.events.confidence import FEATURES, features  # noqa: E402
from dyadwatch.events.ontology import load_ontology  # noqa: E402


def ece(p: np.ndarray, y: np.ndarray, bins: int = 5) -> float:
    total = 0.0
    for b in range(bins):
        lo, hi = b / bins, (b + 1) / bins
        m = (p >= lo) & ((p < hi) | ((b == bins - 1) & (p <= 1.0)))
        if m.any():
            total += m.mean() * abs(p[m].mean() - y[m].mean())
    return round(float(total), 4)


def examples():
    items = list(read_own_events(ROOT / "tests/gold/relations.jsonl"))
    cfg = load_config(extra={"events": {"calibrated_confidence": False}})
    onto = load_ontology()
    X, y, groups = [], [], []
    for n, (item, art) in enumerate(zip(items, coded(items, cfg,
                                                     [i.published for i in items]))):
        known = {a.name: a.basis in ("dictionary", "context") for a in art.actors}
        for ev in art.events:
            p = probabilities([ev.evidence.strip()])[0]
            span = art.doc.char_span(ev.start, ev.end)
            X.append(features(float(p[onto.cameo_class(ev.event)]), float(p[0]),
                              bool(ev.recipient) or len(ev.actor) > 1,
                              all(known.get(a.name, False) for a in ev.actor),
                              span is not None and span.root.pos_ == "VERB"))
            y.append(int(any(_matches(g, ev) for g in item.events)))
            groups.append(n)
    return np.array(X), np.array(y), np.array(groups)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", default=str(ROOT / "src/dyadwatch/events/data/confidence.toml"))
    args = ap.parse_args(argv)
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GroupKFold

    X, y, groups = examples()
    cv = np.zeros(len(y))
    for tr, te in GroupKFold(5).split(X, y, groups):
        cv[te] = LogisticRegression(C=1.0, max_iter=1000).fit(X[tr], y[tr]).predict_proba(
            X[te])[:, 1]
    raw = X[:, 0]
    figures = {"examples": int(len(y)), "right": int(y.sum()),
               "cv_ece": ece(cv, y), "cv_brier": round(float(np.mean((cv - y) ** 2)), 4),
               "raw_ece": ece(raw, y), "raw_brier": round(float(np.mean((raw - y) ** 2)), 4)}
    model = LogisticRegression(C=1.0, max_iter=1000).fit(X, y)
    lines = [
        "# confidence.toml: weights of the event confidence model (events/confidence.py),",
        "# written by scripts/fit_event_confidence.py (its header has the recipe): a logistic",
        "# regression over the events the pipeline codes on the project's own gold",
        "# (tests/gold/relations.jsonl), right = matching a gold event.",
        f"# Examples {figures['examples']}, right {figures['right']}. 5-fold cross-validation "
        "grouped by text:",
        f"# expected calibration error {figures['cv_ece']} (Brier {figures['cv_brier']}); the "
        "raw class probability",
        f"# as confidence: {figures['raw_ece']} (Brier {figures['raw_brier']}).",
        f"intercept = {float(model.intercept_[0]):.6f}",
        "",
        "[weights]",
    ] + [f"{name} = {float(w):.6f}" for name, w in zip(FEATURES, model.coef_[0])]
    Path(args.out).write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(figures)
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

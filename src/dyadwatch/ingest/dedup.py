"""Exact and near-duplicate articles: syndicated copies must not inflate counts.

The ``fingerprint`` stage computes, per article, the hash of the words of its title and
clean text (exact copies) and a MinHash signature of their word shingles (near copies;
only for articles of at least ``min_words`` words: on headlines and briefs a few shared
words already make a high similarity, so short articles are linked only as exact copies). Linking happens where every
article passes one at a time, in the writer: ``DuplicateIndex.link`` looks the article up
among those seen before (in memory, or in the store across runs) and sets
``duplicate_of`` and ``duplicate_similarity``. The first article seen is the original; a
copy never becomes the original of its original.

MinHash: each shingle (``shingle_words`` consecutive words) is hashed with CRC-32 and
mapped through ``permutations`` multiply-shift hash functions; the signature is the minimum
of each. Signatures are split into ``bands`` for locality-sensitive hashing: two articles
become candidates when one band matches, and are linked when the share of equal signature
positions (an estimate of their Jaccard similarity) is at least ``threshold``.
"""

from __future__ import annotations

import hashlib
import zlib
from dataclasses import dataclass
from typing import Iterable, Protocol

import numpy as np

from ..config import Config
from ..pipeline import register_stage
from ..schema import Article
from .textio import content_key, words

_SEED = 20231019


@dataclass(frozen=True)
class MinHasher:
    shingle_words: int = 3
    permutations: int = 128
    bands: int = 32

    def __post_init__(self) -> None:
        if self.permutations % self.bands:
            from ..errors import ConfigError

            raise ConfigError(f"dedup.permutations ({self.permutations}) must be a multiple of "
                              f"dedup.bands ({self.bands})")
        rng = np.random.default_rng(_SEED)
        object.__setattr__(self, "_a", rng.integers(1, 2**63, self.permutations, dtype=np.uint64)
                           | np.uint64(1))
        object.__setattr__(self, "_b", rng.integers(0, 2**63, self.permutations, dtype=np.uint64))

    def shingles(self, text: str) -> np.ndarray:
        w = words(text)
        k = self.shingle_words if len(w) >= self.shingle_words else 1
        grams = {" ".join(w[i:i + k]) for i in range(len(w) - k + 1)}
        return np.fromiter((zlib.crc32(g.encode("utf-8")) for g in grams), dtype=np.uint64,
                           count=len(grams))

    def signature(self, text: str) -> np.ndarray:
        x = self.shingles(text)
        if x.size == 0:
            return np.full(self.permutations, np.iinfo(np.uint32).max, dtype=np.uint32)
        with np.errstate(over="ignore"):
            h = (np.outer(x, self._a) + self._b) >> np.uint64(32)  # type: ignore[attr-defined]
        return h.min(axis=0).astype(np.uint32)

    def band_keys(self, sig: np.ndarray) -> list[int]:
        rows = self.permutations // self.bands
        keys = []
        for b in range(self.bands):
            digest = hashlib.blake2b(sig[b * rows:(b + 1) * rows].tobytes() + bytes([b]),
                                     digest_size=8).digest()
            keys.append(int.from_bytes(digest, "big", signed=True))
        return keys


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.mean(a == b))


def hasher_from_config(config: Config) -> MinHasher:
    d = config["dedup"]
    return MinHasher(int(d["shingle_words"]), int(d["permutations"]), int(d["bands"]))


def fingerprint_text(art: Article) -> str:
    """What two copies share: the title and the body (a lead alone is no article)."""
    return f"{art.title or ''}\n{art.text}"


@register_stage("fingerprint", requires=("text",), assigns=("content_hash", "signature"),
                version="2")
def make_fingerprint(config: Config):
    """Hash of the title and clean words, and a MinHash signature, for duplicate detection."""
    hasher = hasher_from_config(config)
    min_words = int(config["dedup"]["min_words"])

    def fingerprint(art: Article) -> Article:
        text = fingerprint_text(art)
        art.content_hash = content_key(text)
        # Too short to judge near copies reliably: exact copies only.
        art.signature = hasher.signature(text) if len(words(text)) >= min_words else None
        return art

    return fingerprint


# ----------------------------------------------------------------------------------------

class FingerprintStore(Protocol):
    """Where fingerprints of articles seen before are kept (memory, or the database)."""

    def by_content_hash(self, content_hash: str, exclude: str) -> str | None: ...
    def candidates(self, band_keys: list[int], exclude: str) -> Iterable[tuple[str, bytes, str | None]]: ...
    def add(self, article_id: str, content_hash: str, signature: bytes, band_keys: list[int],
            duplicate_of: str | None) -> None: ...


class MemoryFingerprints:
    def __init__(self) -> None:
        self.hashes: dict[str, str] = {}
        self.bands: dict[int, set[str]] = {}
        self.sigs: dict[str, tuple[bytes, str | None]] = {}

    def by_content_hash(self, content_hash: str, exclude: str) -> str | None:
        found = self.hashes.get(content_hash)
        return found if found != exclude else None

    def candidates(self, band_keys: list[int], exclude: str):
        ids: set[str] = set()
        for k in band_keys:
            ids |= self.bands.get(k, set())
        ids.discard(exclude)
        for i in sorted(ids):
            sig, dup = self.sigs[i]
            yield i, sig, dup

    def add(self, article_id, content_hash, signature, band_keys, duplicate_of) -> None:
        if duplicate_of is None:
            self.hashes.setdefault(content_hash, article_id)
        for k in band_keys:
            self.bands.setdefault(k, set()).add(article_id)
        self.sigs[article_id] = (signature, duplicate_of)


class DuplicateIndex:
    """Links each article to the first-seen article it copies, if any."""

    def __init__(self, config: Config, store: FingerprintStore | None = None):
        self.hasher = hasher_from_config(config)
        self.threshold = float(config["dedup"]["threshold"])
        self.store: FingerprintStore = store or MemoryFingerprints()

    def link(self, art: Article) -> Article:
        """Set ``duplicate_of``/``duplicate_similarity`` and remember the article."""
        if art.content_hash is None or not art.text.strip():
            return art
        art.duplicate_of, art.duplicate_similarity = None, None
        exact = self.store.by_content_hash(art.content_hash, exclude=art.id)
        keys = self.hasher.band_keys(art.signature) if art.signature is not None else []
        if exact:
            art.duplicate_of, art.duplicate_similarity = exact, 1.0
        elif keys:
            best: tuple[float, str] | None = None
            for other_id, other_sig, other_dup in self.store.candidates(keys, exclude=art.id):
                if other_dup == art.id:
                    continue  # a copy of this article is never its original
                sim = similarity(art.signature, np.frombuffer(other_sig, dtype=np.uint32))
                if sim >= self.threshold and (best is None or sim > best[0]):
                    best = (sim, other_dup or other_id)
            if best:
                art.duplicate_similarity, art.duplicate_of = round(best[0], 4), best[1]
        sig = art.signature.astype(np.uint32).tobytes() if art.signature is not None else b""
        self.store.add(art.id, art.content_hash, sig, keys, art.duplicate_of)
        return art

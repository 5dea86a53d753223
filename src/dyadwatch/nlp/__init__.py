"""Language analysis: the spaCy model, loaded once per process, and the ``parse`` stage."""

from .model import get_nlp

__all__ = ["get_nlp"]

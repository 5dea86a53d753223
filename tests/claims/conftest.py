"""Shared fixtures of the claims tests."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def nlp():
    """spaCy's small English model, loaded once per process (``nlp/model.py``)."""
    from dyadwatch.nlp.model import get_nlp

    return get_nlp()

"""Shared fixture of the quotes tests: the parse, actors and quotes stages over a text."""

import pytest

from dyadwatch.config import load_config, merge
from dyadwatch.pipeline import Pipeline
from dyadwatch.schema import Article


@pytest.fixture(scope="session")
def run():
    cfg = merge(load_config(), {"pipeline": {"stages": ["parse", "actors", "quotes"],
                                             "disable": []}}, "test")
    pipe = Pipeline.from_config(cfg)

    def go(text, published="2024-05-02"):
        (art,) = pipe([Article(id="t", text=text, published=published)])
        assert art.error is None, art.error
        return art

    return go

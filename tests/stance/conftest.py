"""Fixtures of the stance tests: the stages up to stance, rules only or with the model."""

import pytest

from dyadwatch.config import load_config, merge
from dyadwatch.pipeline import Pipeline
from dyadwatch.schema import Article


def _runner(model: bool):
    cfg = merge(load_config(), {"pipeline": {"stages": ["parse", "actors", "quotes", "events",
                                                        "stance"], "disable": []},
                                "stance": {"model": model},
                                "events": {"classifier": False}}, "test")
    pipe = Pipeline.from_config(cfg)

    def go(text, title=None, url=None, source=None):
        (art,) = pipe([Article(id="t", text=text, title=title, url=url, source=source)])
        assert art.error is None, art.error
        return art

    return go


@pytest.fixture(scope="session")
def rules():
    """Run the pipeline with the lexicon-and-role rules only (no MiniLM)."""
    return _runner(False)


@pytest.fixture(scope="session")
def full():
    """Run the pipeline with the learned model too."""
    return _runner(True)


def record(art, code):
    found = [s for s in art.stance if s.code == code and s.kind == "state"] or \
        [s for s in art.stance if s.code == code]
    assert found, [(s.actor, s.code) for s in art.stance]
    return found[0]

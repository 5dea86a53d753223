"""The shipped sentence classifier (events/classify.py) and its use by the events stage.
Sentences written for the tests."""

import numpy as np
import pytest

from dyadwatch import analyze_texts, load_config
from dyadwatch.events import classify

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def clf():
    return classify.get_classifier("all")


def test_the_shipped_file_holds_six_models_and_its_recipe():
    models, meta = classify.load_file()
    assert set(models) == {"all", "fold0", "fold1", "fold2", "fold3", "fold4"}
    assert meta["training_set"].endswith("cameo_class_train.tsv") and meta["n"] > 1000
    assert 0.5 <= meta["temperature"] <= 5.0
    assert set(meta["folds"].values()) == {f"fold{k}" for k in range(5)}


def test_probabilities_are_a_distribution(clf):
    p = clf.proba(["Kenya and Uganda signed a border agreement.", "It rained in Paris."])
    assert p.shape == (2, 5) and np.allclose(p.sum(axis=1), 1.0, atol=1e-4)


@pytest.mark.parametrize("sentence,expected", [
    ("Artillery shelled the border town overnight, killing nine civilians.",
     "material_conflict"),
    ("The foreign minister condemned the neighbouring government's remarks as hostile.",
     "verbal_conflict"),
    ("The two governments pledged to deepen cooperation on trade and energy.",
     "verbal_cooperation"),
    ("The aid agency delivered 40 tonnes of food and medicine to the flooded province.",
     "material_cooperation"),
])
def test_clear_sentences_get_their_class(clf, sentence, expected):
    p = clf.proba([sentence])[0]
    assert classify.CLASSES[int(p.argmax())] == expected, dict(zip(classify.CLASSES,
                                                                   p.round(3)))


def test_cross_validation_uses_the_fold_that_never_saw_a_sentence():
    _models, meta = classify.load_file()
    key, fold = next(iter(meta["folds"].items()))
    assert fold.startswith("fold") and classify.text_key("a  b") == classify.text_key("a b")
    assert classify.fold_of("A sentence no training set holds, written for this test.") \
        is None


def test_events_stage_sets_confidence_from_the_classifier():
    cfg = load_config(extra={"pipeline": {"stages": ["clean", "parse", "actors", "events"]}})
    [art] = analyze_texts([{"text": "Turkish jets bombed Kurdish positions in Iraq."}], cfg)
    assert art.events and all(0.0 <= e.confidence <= 1.0 for e in art.events)


def test_rules_only_when_the_classifier_is_off():
    cfg = load_config(extra={"pipeline": {"stages": ["clean", "parse", "actors", "events"]},
                             "events": {"classifier": False}})
    [art] = analyze_texts([{"text": "Turkish jets bombed Kurdish positions in Iraq."}], cfg)
    assert art.events and all(e.confidence is not None for e in art.events)

"""Genre and persuasion markers on texts written for these tests."""

import pytest

from dyadwatch.stance.lexicon import load_lexicon
from dyadwatch.stance.persuasion import find_markers

LEX = load_lexicon()


def kinds(text):
    return {m.technique for m in find_markers(text, LEX)}


@pytest.mark.parametrize("text,technique", [
    ("The regime's shameless lies fooled nobody.", "Loaded_Language"),
    ("The warmongers in the capital want more money.", "Name_Calling,Labeling"),
    ("This is an existential threat to our civilisation.", "Appeal_to_fear-prejudice"),
    ("Our great nation will never bow to pressure.", "Flag-Waving"),
    ("The so-called evidence is dubious at best.", "Doubt"),
    ("They would have you believe that sanctions cost nothing.", "Straw_Men"),
    ("The unprecedented flood of arms is absolutely massive.", "Exaggeration,Minimisation"),
    ("Why does Atlantis lecture others on arms sales while it continues to sell arms to "
     "Lemuria?", "Whataboutism"),
    ("What about the double standards of the western press?", "Whataboutism"),
])
def test_each_marker_kind_is_found(text, technique):
    assert technique in kinds(text)


def test_markers_carry_spans_into_the_text():
    text = "First line.\nThe regime's shameless lies fooled nobody."
    for m in find_markers(text, LEX):
        assert text[m.start:m.end] == m.text


def test_a_plain_report_has_no_markers():
    assert kinds("The ministers met in Geneva on Tuesday and agreed to meet again.") == set()


def test_a_plain_question_is_not_whataboutism():
    assert "Whataboutism" not in kinds("Why did the talks end early on Tuesday?")


@pytest.mark.model
@pytest.mark.parametrize("text,title,url,genre", [
    ("We must act now. I believe our leaders should stop this folly. We cannot wait, and "
     "we should say so. Why do we keep failing?", None, None, "opinion"),
    ("The ministers met in Geneva on Tuesday. \"We agreed on a plan,\" the minister said. "
     "\"Talks will resume in May,\" a spokesman told reporters.", None, None, "news"),
    ("Trade rose in March.", "Analysis: what the trade figures mean", None, "analysis"),
    ("Trade rose in March.", None, "https://example.org/opinion/2024/trade", "opinion"),
])
def test_genre_signals(rules, text, title, url, genre):
    art = rules(text, title=title, url=url)
    assert art.framing.genre == genre, art.framing.signals

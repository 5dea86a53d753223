"""Sentence starts fixed by the layout of the text (nlp/boundaries.py)."""

import pytest

from dyadwatch.nlp.model import get_nlp

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def sents():
    nlp = get_nlp()
    return lambda text: [s.text.strip() for s in nlp(text).sents]


def test_blank_line_ends_a_headline(sents):
    out = sents("Ports Reopen After Strike\n\nDockworkers in Antwerp returned to work on Monday.")
    assert out[0] == "Ports Reopen After Strike"


def test_label_with_colon_opens_its_own_sentence(sents):
    out = sents("Background: Earlier, officials in Lima said the talks had stalled.")
    assert out[0] == "Background:" and out[1].startswith("Earlier")


def test_speech_colon_keeps_its_quote(sents):
    out = sents("He said: We will not give up the port.")
    assert len(out) == 1


def test_hard_wrapped_line_continues_its_sentence(sents):
    out = sents("Talks on the\ndeal resumed in Geneva on Friday.")
    assert len(out) == 1


def test_short_heading_line_is_a_sentence(sents):
    out = sents("Trade Figures\nExports rose by a fifth in March.")
    assert out[0] == "Trade Figures"

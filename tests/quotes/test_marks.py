"""Pairing quotation marks from the text alone: fast, no model."""

import random

import pytest

from dyadwatch.quotes.marks import pair_quotes, paragraphs


def texts(text):
    return [q.text(text) for q in pair_quotes(text)]


@pytest.mark.parametrize("text,expected", [
    ('The mayor said "the bridge stays shut" on Monday.', ["the bridge stays shut"]),
    ("“We will not yield,” the envoy said. “Not now.”", ["We will not yield,", "Not now."]),
    ("‘Trade is war,’ the union leader said.", ["Trade is war,"]),
    ("''Prices will rise,'' the banker said.", ["Prices will rise,"]),
    ("« Nous restons », said the mayor.", ["Nous restons"]),
])
def test_straight_curly_and_doubled_marks(text, expected):
    assert texts(text) == expected


def test_apostrophes_are_not_marks():
    text = "The ministers’ plan and Kenya’s view don’t change the ‘red line’ talk."
    assert texts(text) == ["red line"]


def test_unclosed_quote_ends_with_its_paragraph():
    text = "She spoke of “a new chapter for the region.\nMarkets rose."
    (q,) = pair_quotes(text)
    assert q.text(text) == "a new chapter for the region." and not q.closed


def test_quote_over_several_paragraphs_follows_news_convention():
    text = ("“The first part of a long statement goes here.\n"
            "“The second part closes it,” the minister said.")
    first, second = pair_quotes(text)
    assert first.continues and not first.closed
    assert second.continued and second.text(text) == "The second part closes it,"


def test_opening_mark_typed_for_a_closing_one():
    text = "“Costs will climb in every port. “says Maria Lund, an economist."
    assert texts(text) == ["Costs will climb in every port."]


def test_single_closing_mark_ends_a_double_quote_at_paragraph_end():
    text = "“What will they ask for in return?’\nNext paragraph."
    assert texts(text) == ["What will they ask for in return?"]


def test_stray_marks_are_ignored():
    assert texts("A stray ” mark and a 5\" screen here.") == []


def test_lost_opening_mark_at_paragraph_start():
    assert texts('Our costs are far too high," said the mayor.') == ["Our costs are far too high,"]


def test_hard_wrapped_lines_are_one_paragraph():
    text = "The minister said the talks\nwould resume soon.\n\nA new paragraph."
    assert len(paragraphs(text)) == 2


def test_random_marks_never_crash():
    rng = random.Random(7)
    alphabet = ['"', "“", "”", "‘", "’", "'", " ", "a", "b", ".", ",", "\n", "«", "»"]
    for _ in range(300):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 60)))
        for q in pair_quotes(text):
            assert 0 <= q.start <= q.end <= len(text)

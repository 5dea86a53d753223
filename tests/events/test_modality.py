"""Modality and attribution of events, on constructed sentences (none from the seeds)."""

import pytest

from dyadwatch.events.modality import attribution_of, is_historical, modality_of
from dyadwatch.nlp.model import get_nlp

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def nlp():
    return get_nlp()


def trigger(nlp, sentence, word):
    doc = nlp(sentence)
    hits = [t for t in doc if t.text == word]
    assert hits, f"{word!r} not in {sentence!r}"
    return hits[0]


@pytest.mark.parametrize("sentence,word,expected", [
    ("Brazil signed the accord with Argentina.", "signed", "asserted"),
    ("Japan has not signed the fisheries pact.", "signed", "negated"),
    ("Hungary never ratified the treaty.", "ratified", "negated"),
    ("New Delhi refrained from condemning the coup.", "condemning", "negated"),
    ("Ankara declined to join the sanctions.", "join", "negated"),
    ("No evidence has emerged that Tehran shipped drones to the militia.", "shipped",
     "negated"),
    ("The Chilean president will travel to Lima next week.", "travel", "future"),
    ("Modi is due to meet the Japanese prime minister on Friday.", "meet", "future"),
    ("Kenya plans to send police officers to Haiti.", "send", "future"),
    ("Seoul is expected to announce new export curbs.", "announce", "future"),
    ("Pakistan may be willing to provide troops to the mission.", "provide", "hypothetical"),
    ("Egypt is considering buying fighter jets from France.", "buying", "hypothetical"),
    ("The sanctions could push the economy into recession.", "push", "hypothetical"),
    ("If talks fail, Athens would recall its ambassador.", "recall", "hypothetical"),
    ("Vietnam could not rule out a naval response.", "rule", "negated"),
])
def test_modality(nlp, sentence, word, expected):
    assert modality_of(trigger(nlp, sentence, word)).value == expected


def test_the_deciding_cue_is_reported(nlp):
    m = modality_of(trigger(nlp, "Japan has not signed the fisheries pact.", "signed"))
    assert (m.value, m.cue) == ("negated", "not")


@pytest.mark.parametrize("sentence,word,sources", [
    ("Senior Turkish officials said Greece had violated its airspace.", "violated",
     ["Senior Turkish officials"]),
    ("Greece violated Turkish airspace, according to the defence ministry in Ankara.",
     "violated", ["the defence ministry in Ankara"]),
    ("Peru claimed that the Chilean envoy said Santiago would supply the gas.", "supply",
     ["the Chilean envoy", "Peru"]),
    ("Brazil signed the accord with Argentina.", "signed", []),
])
def test_attribution(nlp, sentence, word, sources):
    assert [s.text for s in attribution_of(trigger(nlp, sentence, word))] == sources


@pytest.mark.parametrize("event_date,published,expected", [
    ("1999-05-01", "2024-01-01", True), ("2023-06-01", "2024-01-01", False),
    (None, "2024-01-01", False), ("2021", "2024-03-01", True)])
def test_historical(event_date, published, expected):
    assert is_historical(event_date, published) is expected


@pytest.mark.parametrize("sentence,word,expected", [
    ("Neither Peru nor Bolivia has ratified the water treaty.", "ratified", "negated"),
    ("No Turkish jets took part in the exercise.", "took", "negated"),
    ("Malawi has yet to receive the promised grain.", "receive", "negated"),
    ("Serbia denied that its troops had crossed the line.", "crossed", "negated"),
    ("Oman said it would reopen the consulate in May.", "reopen", "future"),
    ("Oman said it would reopen the consulate if the talks succeeded.", "reopen",
     "hypothetical"),
    ("Both sides prepared for the next round of talks.", "round", "future"),
    ("The arms sale to Qatar could proceed if the senate agrees.", "sale", "hypothetical"),
    ("The summit in Lima did not take place.", "summit", "negated"),
    ("The sanctions did not stop the fighting.", "sanctions", "asserted"),
    ("Chile's president skipped the summit in Quito.", "skipped", "negated"),
    ("Farmers protested against a planned trade deal.", "deal", "future"),
    ("Ahead of the minister's visit, the two sides signed a memorandum.", "visit", "future"),
])
def test_modality_of_wider_constructions(nlp, sentence, word, expected):
    assert modality_of(trigger(nlp, sentence, word)).value == expected


@pytest.mark.parametrize("sentence,word,expected", [
    # "yet" negates only before "to"; a sentence-opening "Yet," is a conjunction
    ("Zambia has yet to receive the promised grain.", "receive", "negated"),
    ("Yet, Zambia is buying grain from Malawi.", "buying", "asserted"),
    # a conjoined verb with its own auxiliary does not share the other's negation
    ("Oslo has not endorsed the plan but has sent observers to the border.", "sent",
     "asserted"),
    # a verb's governing cue does not pass to a verb merely conjoined with it
    ("Peru avoids naming Bolivia, and it trades with Chile.", "trades", "asserted"),
    ("Mexico plans new tariffs and also imports more steel from Brazil.", "imports",
     "asserted"),
    # a conditional on one conjunct stays there
    ("Laos votes with Thailand if asked, and it also cooperates with Hanoi.", "cooperates",
     "asserted"),
    # a yes/no question asks whether the act happens
    ("Will Serbia send troops to the border?", "send", "hypothetical"),
    # asking for an act leaves it unrealised; an order is future
    ("Germany asked the Netherlands to extradite the suspect.", "extradite", "hypothetical"),
    ("A court ordered the ministry to halt the exports.", "halt", "future"),
    # a determiner-negated evidence noun reaches into its content clause only
    ("Trade talks show no signs of progress, while Ottawa accuses Delhi of meddling.",
     "accuses", "asserted"),
    # a nominal event under a verb of wanting, or the object of a future verb
    ("Kyiv is hoping for Polish help.", "help", "hypothetical"),
    ("Abuja would host talks between Niger and Benin.", "talks", "hypothetical"),
])
def test_scope_of_cues(nlp, sentence, word, expected):
    assert modality_of(trigger(nlp, sentence, word)).value == expected

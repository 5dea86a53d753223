"""Speaker resolution cases of the quotes stage: groups, "they", bodies, roles and
affiliations (texts written for these tests; spaCy model needed)."""

import pytest

from dyadwatch.quotes.groups import joined
from dyadwatch.schema import Speaker

pytestmark = pytest.mark.model


def one(art, fragment):
    found = [q for q in art.quotes if fragment in q.text]
    assert found, [(q.text, q.speaker) for q in art.quotes]
    return found[0]


def test_joined_keeps_every_name_and_a_shared_code():
    a = Speaker(name="Ana Ruiz", code="ESP", sector="GOV", kind="person", actor_id="a1")
    b = Speaker(name="Luis Mora", code="ESP", sector="GOV", kind="person", actor_id="a2")
    c = Speaker(name="Ines Costa", code="PRT", sector="GOV", kind="person")
    both = joined([a, b])
    assert both.name == "Ana Ruiz and Luis Mora" and both.code == "ESP"
    assert both.kind == "collective" and both.actor_id == "a1"
    assert joined([a, c]).code is None


def test_coordinated_speakers_are_both_named(run):
    art = run("Prime Minister Ana Ruiz and President Luis Mora said the bridge would open "
              "in the spring.")
    sp = one(art, "bridge would open").speaker
    assert "Ruiz" in sp.name and "Mora" in sp.name


def test_counted_group_takes_the_people_named_before(run):
    art = run("President Ana Ruiz met President Luis Mora in Lisbon on Monday. The two "
              "presidents declared that the border would stay open.")
    sp = one(art, "border would stay open").speaker
    assert "Ruiz" in sp.name and "Mora" in sp.name


def test_they_after_a_coordinated_subject(run):
    art = run("Spain and Portugal signed a water treaty on Monday. They said it would "
              "end a decade of disputes over the river.")
    sp = one(art, "decade of disputes").speaker
    assert sp is not None and "Spain" in sp.name and "Portugal" in sp.name


def test_the_company_is_the_company_named_before(run):
    art = run("A Danish maker of wind blades, Nordvik Rotor, stopped deliveries to two "
              "ports, the company said in a statement.")
    sp = one(art, "stopped deliveries").speaker
    assert sp.name == "Nordvik Rotor" and sp.kind == "organisation"


def test_role_with_a_name_in_apposition(run):
    art = run("The Spanish foreign ministry spokeswoman, Ana Ruiz, said that Madrid "
              "had sent a note to Rabat.")
    sp = one(art, "sent a note").speaker
    assert sp.name == "Ana Ruiz" and sp.kind == "person"
    assert sp.role == "spokeswoman" and "foreign ministry" in sp.affiliation


@pytest.mark.parametrize("text,fragment,affiliation,code", [
    ("Lisbon will raise port fees next year, officials in Madrid said.", "port fees",
     "Spain", "ESP"),
    ("Lisbon will raise port fees next year, a central bank official said.", "port fees",
     "central bank", None),
    ("Lisbon will raise port fees next year, analysts in Madrid said.", "port fees",
     None, "ESP"),
])
def test_nameless_speakers_affiliation(run, text, fragment, affiliation, code):
    sp = one(run(text), fragment).speaker
    assert sp.kind in ("anonymous", "collective")
    assert sp.affiliation == affiliation and sp.code == code


def test_a_body_has_no_role_or_affiliation(run):
    sp = one(run("The Spanish defence ministry said the drill would end on Friday."),
             "drill would end").speaker
    assert sp.kind == "organisation" and sp.role is None and sp.affiliation is None


def test_prepositional_cue_gives_a_noun_phrase_content(run):
    q = one(run("Ana Ruiz, the Spanish foreign minister, called for a ceasefire in the "
                "valley."), "ceasefire")
    assert q.cue == "called for" and q.kind == "indirect" and q.speaker.name == "Ana Ruiz"


def test_request_with_an_object_is_no_quote(run):
    art = run("Spain might ask Portugal for an emergency loan.")
    assert not [q for q in art.quotes if "emergency loan" in q.text]


def test_fragment_in_the_next_paragraph_keeps_the_speaker(run):
    art = run("“We will hold the line,” General Ana Ruiz told the committee.\n\n"
              "She also spoke of a “long and patient effort” in the region.")
    q = one(art, "long and patient effort")
    assert q.speaker is not None and q.speaker.name == "Ana Ruiz"


def test_cue_after_by_takes_the_subject_of_its_verb(run):
    q = one(run("Portugal angered Madrid by calling for a new vote on the dam."), "new vote")
    assert q.speaker is not None and q.speaker.name == "Portugal"

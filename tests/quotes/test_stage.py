"""The quotes stage on short texts written for these tests (spaCy model needed)."""

import pytest

pytestmark = pytest.mark.model


def one(art, fragment):
    found = [q for q in art.quotes if fragment in q.text]
    assert found, [q.text for q in art.quotes]
    return found[0]


def test_direct_quote_after_speaker_and_offsets(run):
    text = "“Grain exports will double by spring,” Amina Odero, an economist at the " \
           "Lakeside Policy Institute, said."
    art = run(text)
    q = one(art, "Grain exports")
    assert q.kind == "direct" and q.cue == "said"
    assert text[q.start:q.end] == q.text == "Grain exports will double by spring"
    assert q.speaker.name == "Amina Odero" and q.speaker.kind == "person"
    assert q.speaker.affiliation == "Lakeside Policy Institute"
    assert q.speaker.role == "economist"
    assert text[q.speaker_start:q.speaker_end].startswith("Amina Odero")


def test_split_quote_has_one_speaker(run):
    art = run("“We will not be rushed,” said Tomas Lind, a diplomat, “and we will not "
              "leave the table.”")
    first, second = one(art, "rushed"), one(art, "leave the table")
    assert first.speaker.name == second.speaker.name == "Tomas Lind"
    assert second.continued


def test_multi_sentence_and_multi_paragraph_quote(run):
    art = run("Oskar Brandt, a senior fellow at the Nordic Security Forum, said the talks "
              "had stalled.\n\n“The first offer was weak. The second was worse.\n\n“Nobody "
              "in the room expected a deal,” he added.")
    a, b = one(art, "first offer"), one(art, "Nobody")
    assert "The second was worse" in a.text
    assert a.speaker.name == b.speaker.name == "Oskar Brandt"


def test_speaker_before_colon_and_after_dash(run):
    art = run("Senator Ruth Okoye said: “The sanctions must stay.”\n\nAnother voice was "
              "blunter. “The sanctions must go” - Pieter Maas, a trader in Rotterdam.")
    assert one(art, "must stay").speaker.name == "Ruth Okoye"
    assert one(art, "must go").speaker.name == "Pieter Maas"


def test_colon_without_verb(run):
    art = run("Kofi Mensah: “Our ports are open to every flag.”")
    assert one(art, "ports are open").speaker.name == "Kofi Mensah"


@pytest.mark.parametrize("text,fragment,cue,speaker", [
    ("Kenya's foreign minister said that the border would reopen next week.",
     "the border would reopen", "said", None),
    ("Ana Ferreira told reporters the convoy had crossed the river.",
     "the convoy had crossed", "told", "Ana Ferreira"),
    ("According to Lena Holm, the shipment left port on Monday.",
     "the shipment left port", "According to", "Lena Holm"),
    ("Marek Nowak warned that tariffs would hurt farmers in both countries.",
     "tariffs would hurt", "warned", "Marek Nowak"),
    ("The ministry's annual report says exports fell sharply in the last quarter.",
     "exports fell sharply", "says", None),
    ("Trade between the two neighbours, Olga Petrenko said, has never been higher.",
     "has never been higher", "said", "Olga Petrenko"),
])
def test_indirect_patterns(run, text, fragment, cue, speaker):
    q = one(run(text), fragment)
    assert q.kind == "indirect" and q.cue == cue
    assert "that " not in q.text[:5]
    if speaker:
        assert q.speaker.name == speaker


def test_mixed_quote(run):
    q = one(run("Carla Ruiz said the government would “never accept” a foreign base."),
            "never accept")
    assert q.kind == "mixed" and q.speaker.name == "Carla Ruiz"


def test_partial_quote_without_cue(run):
    art = run("The agency avoids the word “blockade” in its statements on the strait.")
    q = one(art, "blockade")
    assert q.kind == "partial" and q.speaker is None


def test_pronoun_surname_and_title_resolve_to_the_full_name(run):
    art = run("Dr Ingrid Solberg, a historian at the University of Tromso, has studied the "
              "dispute for years. “It is older than both states,” she says.\n\n“The maps "
              "were drawn in haste,” Solberg added.\n\n“Nobody wanted this,” Dr Solberg said.")
    for fragment in ("older than both", "drawn in haste", "Nobody wanted"):
        sp = one(art, fragment).speaker
        assert sp.name == "Ingrid Solberg"
        assert sp.affiliation == "University of Tromso"


def test_anonymous_and_collective_speakers(run):
    art = run("Senior Brazilian officials said the deal was close.\n\nA source familiar "
              "with the talks said a draft had been agreed.\n\nExperts say the "
              "terms favour the buyer.")
    officials = one(art, "deal was close").speaker
    assert officials.kind == "collective" and officials.code == "BRA"
    assert "officials" in officials.name
    source = one(art, "draft had been agreed").speaker
    assert source.kind == "anonymous" and source.name.startswith("source familiar")
    experts = one(art, "terms favour").speaker
    assert experts.kind == "collective" and experts.name.lower() == "experts"


def test_speaker_code_and_sector_from_the_actor(run):
    art = run("Japanese Defence Minister Kenji Arata said the patrols would continue.")
    sp = one(art, "patrols would continue").speaker
    assert sp.code == "JPN" and sp.sector == "GOV" and sp.kind == "person"
    assert sp.affiliation == "Japan" and sp.actor_id


def test_no_speaker_is_still_a_quote(run):
    art = run("“Nothing moves without the permits.”")
    (q,) = art.quotes
    assert q.speaker is None and q.kind == "direct"


def test_odd_marks_do_not_break_the_article(run):
    art = run("“One. “Two” three ” four “ five ‘ six.\n\n” stray")
    assert art.error is None

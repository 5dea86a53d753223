"""PLOVER general contexts from cue words (events/contexts.py, events/data/contexts.tsv).

The sentences are constructed for these tests; none is taken from the seed corpus. The
data-file tests need no model; the tests on parses are marked ``model``.
"""

from __future__ import annotations

import re
import tomllib
from collections import Counter
from pathlib import Path

import pytest

from dyadwatch.errors import ConfigError
from dyadwatch.events.contexts import (COLUMNS, contexts_in, contexts_of, cue_table,
                                       head_tokens, parse_cues)
from dyadwatch.nlp.model import get_nlp

from ..conftest import read_data_table

DATA = Path(__file__).resolve().parents[2] / "src" / "dyadwatch" / "events" / "data"
MAIN = ["military", "economic", "diplomatic", "intelligence", "humanitarian", "migration",
        "legal", "human_rights", "terrorism", "cbrn", "cyber", "election", "legislative",
        "executive", "resource", "disease", "enviro_disaster", "corruption", "crime",
        "illegal_drugs", "peacekeeping", "rights_freedoms", "religion_ethnicity",
        "human_security", "gender", "lgbt", "political_institutions"]


# ------------------------------------------------------------------ the data file


@pytest.fixture(scope="module")
def rows():
    return read_data_table(DATA / "contexts.tsv", COLUMNS)


@pytest.fixture(scope="module")
def plover():
    with open(DATA / "plover.toml", "rb") as fh:
        return tomllib.load(fh)


def test_header_names_file_version_source_and_columns():
    lines = (DATA / "contexts.tsv").read_text(encoding="utf-8").splitlines()
    header = "\n".join(line for line in lines if line.startswith("#"))
    assert header.startswith("# contexts.tsv, version 1")
    for needed in ("PLOVER", "plover.toml", "General contexts", "context", "cue", "kind",
                   "note", "head", "word"):
        assert needed in header, needed


def test_every_context_is_a_general_plover_context(rows, plover):
    general = set(plover["contexts"]) - set(plover["special_contexts"])
    used = {r["context"] for r in rows}
    assert used <= general, used - general
    assert not used & set(plover.get("table_only_contexts", {}))
    # every general context of the manual has cues
    assert used == general, general - used


def test_no_cue_is_listed_twice_within_a_context(rows):
    keys = Counter((r["context"], r["cue"]) for r in rows)
    assert [k for k, n in keys.items() if n > 1] == []


def test_field_vocabularies(rows):
    word = re.compile(r"^[a-z0-9][a-z0-9'+.\-éè]*$")
    for r in rows:
        assert r["kind"] in {"word", "head"}, r
        assert r["cue"] == " ".join(r["cue"].split()), r
        assert all(word.match(w) for w in r["cue"].split()), r
        assert r["note"] == r["note"].strip(), r


def test_size_per_context(rows):
    per = Counter(r["context"] for r in rows)
    assert {c: per[c] for c in MAIN if per[c] < 20} == {}
    assert per["asylum"] >= 8
    assert len(rows) >= 800


def test_ambiguous_words_are_no_bare_word_cues(rows):
    bare = {r["cue"] for r in rows if r["kind"] == "word"}
    for w in ("power", "force", "right", "party", "fire", "bank", "climate", "drug",
              "market", "campaign", "woman", "who", "state"):
        assert w not in bare, w


def test_the_loader_checks_contexts_and_kinds():
    head = "context\tcue\tkind\tnote\n"
    with pytest.raises(ConfigError, match="not a PLOVER context"):
        parse_cues(head + "sports\tfootball\tword\t\n")
    with pytest.raises(ConfigError, match="not a PLOVER context"):
        parse_cues(head + "democracy\tballot\tword\t\n")  # CAMEO2PLOVER-only
    with pytest.raises(ConfigError, match="special context"):
        parse_cues(head + "future\ttomorrow\tword\t\n")
    with pytest.raises(ConfigError, match="kind"):
        parse_cues(head + "military\ttroop\tnoun\t\n")
    with pytest.raises(ConfigError, match="twice"):
        parse_cues(head + "military\ttroop\tword\t\nmilitary\ttroop\thead\t\n")
    with pytest.raises(ConfigError, match="lower-case"):
        parse_cues(head + "military\tTroop\tword\t\n")
    with pytest.raises(ConfigError, match="header"):
        parse_cues("context\tcue\n" + "military\ttroop\n")
    assert len(parse_cues(head + "military\tarmed force\tword\t\n").cues) == 1


def test_the_packaged_table_loads_once():
    assert cue_table() is cue_table()
    assert len(cue_table().cues) >= 800


# ------------------------------------------------------------------ matching on parses

@pytest.fixture(scope="module")
def nlp():
    return get_nlp()


def trigger(nlp, sentence, word):
    doc = nlp(sentence)
    hits = [t for t in doc if t.text == word]
    assert hits, f"{word!r} not in {sentence!r}"
    return hits[0]


@pytest.mark.model
@pytest.mark.parametrize("sentence,word,expected", [
    ("Norway deployed two warships to the Baltic Sea.", "deployed", ["military"]),
    ("Mexico raised tariffs on imported steel.", "raised", ["economic"]),
    ("Peru recalled its ambassador from Bolivia.", "recalled", ["diplomatic"]),
    ("The agencies agreed to share intelligence on weapons programmes.", "share",
     ["intelligence", "military"]),
    ("Canada pledged humanitarian aid for the flood victims.", "pledged",
     ["humanitarian", "enviro_disaster"]),
    ("Greece turned back a boat carrying migrants.", "turned", ["migration"]),
    ("Sweden granted asylum to the writer.", "granted", ["asylum"]),
    ("A federal judge blocked the deportation order.", "blocked", ["legal", "migration"]),
    ("Militants linked to al-Qaeda claimed the bombing.", "claimed", ["terrorism"]),
    ("Inspectors found traces of a nerve agent at the depot.", "found", ["cbrn"]),
    ("Voters in Ghana went to the polls on Saturday.", "went", ["election"]),
    ("The senate rejected the budget bill.", "rejected", ["legislative"]),
    ("The president signed an executive order on hiring.", "signed", ["executive"]),
    ("Both sides claim the disputed islands and their oil reserves.", "claim",
     ["resource"]),
    ("The ministry imposed a lockdown to contain the cholera outbreak.", "imposed",
     ["disease"]),
    ("An earthquake destroyed hundreds of homes.", "destroyed", ["enviro_disaster"]),
    ("Prosecutors charged the governor with bribery.", "charged", ["legal", "corruption"]),
    ("Police arrested three suspects after the robbery.", "arrested", ["crime"]),
    ("Coast guards seized two tonnes of cocaine.", "seized", ["illegal_drugs"]),
    ("The council extended the mandate of the peacekeeping mission.", "extended",
     ["peacekeeping"]),
    ("The authorities imposed a curfew on the capital.", "imposed", ["rights_freedoms"]),
    ("Mobs attacked a mosque in the northern town.", "attacked", ["religion_ethnicity"]),
    ("Farmers protested against fuel shortages.", "protested", ["human_security"]),
    ("The army staged a coup and suspended the constitution.", "staged",
     ["military", "political_institutions"]),
    # a noun trigger takes the clause of its verb
    ("The talks on the nuclear programme resumed in Vienna.", "talks",
     ["diplomatic", "cbrn"]),
])
def test_contexts_of_a_trigger(nlp, sentence, word, expected):
    assert contexts_of(trigger(nlp, sentence, word)) == expected


@pytest.mark.model
@pytest.mark.parametrize("sentence,word,expected", [
    # "human right" on the lemmas of "human rights"
    ("The foundation accused the army of human rights abuses.", "accused",
     ["military", "human_rights"]),
    # a hyphenated compound matches the spaced cue
    ("Hackers launched a cyber-attack on the grid operator.", "launched", ["cyber"]),
    ("The court struck down a ban on same-sex marriage.", "struck", ["legal", "lgbt"]),
    ("Activists demanded an end to child marriage.", "demanded", ["gender"]),
    ("The regime restricted press freedom.", "restricted", ["rights_freedoms"]),
    # a possessive inside a cue
    ("Thousands marched for women's rights in the capital.", "marched", ["gender"]),
])
def test_multi_word_cues(nlp, sentence, word, expected):
    assert contexts_of(trigger(nlp, sentence, word)) == expected


@pytest.mark.model
def test_a_sentence_with_no_context(nlp):
    assert contexts_of(trigger(nlp, "The two ministers discussed the weather.",
                               "discussed")) == []
    # a person's name is no cue word
    assert contexts_of(trigger(nlp, "Bill Gates met the mayor.", "met")) == []


@pytest.mark.model
def test_at_most_three_contexts_in_order_of_appearance(nlp):
    sentence = ("Rebels shelled the refugee camp, killing aid workers, as the cholera "
                "epidemic spread.")
    tok = trigger(nlp, sentence, "shelled")
    clause = list(tok.subtree)
    assert contexts_in(clause, limit=None) == ["military", "migration", "humanitarian",
                                               "disease"]
    assert contexts_of(tok) == ["military", "migration", "humanitarian"]


@pytest.mark.model
def test_longest_cue_wins(nlp):
    tok = trigger(nlp, "Washington accused Beijing of waging a trade war.", "accused")
    assert contexts_of(tok) == ["economic"]  # not military for "war"
    tok = trigger(nlp, "Police arrested members of a drug cartel.", "arrested")
    assert contexts_of(tok) == ["illegal_drugs"]  # not crime for "cartel"
    tok = trigger(nlp, "Italy rejected the asylum seekers.", "rejected")
    assert contexts_of(tok) == ["migration", "asylum"]  # same cue in two contexts


@pytest.mark.model
def test_head_cues_count_only_on_the_trigger_and_its_objects(nlp):
    assert contexts_of(trigger(nlp, "Border guards seized drugs.", "seized")) == \
        ["illegal_drugs"]
    assert contexts_of(trigger(nlp, "The drug maker cut prices.", "cut")) == []
    assert contexts_of(trigger(nlp, "Tokyo and Seoul held talks.", "held")) == ["diplomatic"]
    tok = trigger(nlp, "Russia halted deliveries through the pipeline.", "halted")
    assert "pipeline" in [t.text for t in head_tokens(tok)]
    assert contexts_of(tok) == ["resource"]
    # without heads, a head cue never counts; word cues still do
    doc = nlp("The pipeline operator raised oil prices.")
    assert contexts_in(doc) == ["resource"]  # from "oil"
    assert contexts_in(doc[:3]) == []
    assert contexts_in(doc[:3], heads=[doc[1]]) == ["resource"]

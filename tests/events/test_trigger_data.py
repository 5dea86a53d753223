"""Checks on the event trigger lexicon (events/data/triggers.tsv) against plover.toml."""

from __future__ import annotations

import csv
import re
import tomllib
from collections import Counter
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[2] / "src" / "dyadwatch" / "events" / "data"
COLUMNS = ["lemma", "pos", "event", "mode", "particle", "object", "recipient_preps",
           "reciprocal", "note"]


def _load():
    text = (DATA / "triggers.tsv").read_text(encoding="utf-8")
    lines = text.splitlines()
    header = [line for line in lines if line.startswith("#")]
    body = [line for line in lines if line and not line.startswith("#")]
    reader = csv.DictReader(body, delimiter="\t", quoting=csv.QUOTE_NONE)
    return header, reader.fieldnames, list(reader)


@pytest.fixture(scope="module")
def lexicon():
    return _load()


@pytest.fixture(scope="module")
def rows(lexicon):
    return lexicon[2]


@pytest.fixture(scope="module")
def plover():
    with open(DATA / "plover.toml", "rb") as fh:
        return tomllib.load(fh)["event"]


@pytest.fixture(scope="module")
def index(rows):
    return {(r["lemma"], r["pos"], r["particle"], r["object"]): r for r in rows}


def test_header_block_names_file_version_and_sources(lexicon):
    header = "\n".join(lexicon[0])
    assert header.startswith("# triggers.tsv, version 1")
    for needed in ("CAMEO", "1.1b3", "PLOVER", "ANNOTATION", "recipient_preps", "reciprocal"):
        assert needed in header


def test_columns(lexicon):
    assert lexicon[1] == COLUMNS
    for r in lexicon[2]:
        assert None not in r and all(r[c] is not None for c in COLUMNS), r


def test_events_and_modes_come_from_plover_toml(rows, plover):
    assert len(plover) == 16
    for r in rows:
        if r["event"] == "NONE":  # a light verb's object that makes no event
            assert r["object"] and not r["mode"], r
            continue
        assert r["event"] in plover, r
        if r["mode"]:
            assert r["mode"] in plover[r["event"]].get("modes", {}), r


def test_field_vocabularies(rows):
    word = re.compile(r"^[a-z][a-z'-]*$")
    for r in rows:
        assert r["pos"] in {"VERB", "NOUN"}, r
        assert r["reciprocal"] in {"yes", "no"}, r
        assert word.match(r["lemma"]), r
        for col in ("particle", "object"):
            assert r[col] == "" or word.match(r[col]), r
        if r["recipient_preps"]:
            assert all(word.match(p) for p in r["recipient_preps"].split("|")), r
        assert r["note"] == r["note"].strip()


def test_keys_are_unique(rows):
    keys = Counter((r["lemma"], r["pos"], r["particle"], r["object"]) for r in rows)
    assert [k for k, n in keys.items() if n > 1] == []


def test_size_and_coverage_of_every_type(rows, plover):
    assert len(rows) >= 400
    per_type = Counter(r["event"] for r in rows if r["event"] != "NONE")
    assert set(per_type) == set(plover)
    assert {t: n for t, n in per_type.items() if n < 8} == {}
    for t in plover:   # every type has verbs and nouns
        assert {r["pos"] for r in rows if r["event"] == t} == {"VERB", "NOUN"}, t


@pytest.mark.parametrize("key,event,mode", [
    # ANNOTATION 4: "Signing, ratifying or concluding an agreement is SUPPORT"
    (("sign", "VERB", "", "agreement"), "SUPPORT", ""),
    (("agree", "VERB", "", ""), "AGREE", ""),
    (("hold", "VERB", "", "talk"), "CONSULT", ""),
    (("visit", "NOUN", "", ""), "CONSULT", "visit"),
    (("praise", "VERB", "", ""), "SUPPORT", ""),
    (("back", "VERB", "down", ""), "CONCEDE", ""),
    (("share", "VERB", "", "intelligence"), "COOPERATE", ""),
    (("provide", "VERB", "", "assistance"), "AID", ""),
    (("pull", "VERB", "out", ""), "RETREAT", "withdraw"),
    (("lift", "VERB", "", "sanction"), "RETREAT", ""),
    (("call", "VERB", "for", ""), "REQUEST", ""),
    (("accuse", "VERB", "", ""), "ACCUSE", "allege"),
    (("condemn", "VERB", "", ""), "ACCUSE", "disapprove"),
    (("protest", "VERB", "to", ""), "ACCUSE", "disapprove"),
    (("reject", "VERB", "", ""), "REJECT", ""),
    (("threaten", "VERB", "", ""), "THREATEN", ""),
    (("protest", "VERB", "", ""), "PROTEST", "demo"),
    (("impose", "VERB", "", "sanction"), "SANCTION", "discontinue"),
    (("recall", "VERB", "", "ambassador"), "SANCTION", "withdraw"),
    (("withdraw", "VERB", "", "ambassador"), "SANCTION", "withdraw"),
    (("deploy", "VERB", "", ""), "MOBILIZE", "troops"),
    (("arrest", "VERB", "", ""), "COERCE", "arrest"),
    (("launch", "VERB", "", "attack"), "ASSAULT", ""),
    (("exchange", "VERB", "", "fire"), "ASSAULT", ""),
])
def test_spot_checks(index, key, event, mode):
    assert key in index, key
    assert (index[key]["event"], index[key]["mode"]) == (event, mode)


@pytest.mark.parametrize("key,preps,reciprocal", [
    (("meet", "VERB", "", ""), "with", "yes"),
    (("talk", "NOUN", "", ""), "with|between", "yes"),
    (("hold", "VERB", "", "talk"), "with", "yes"),
    (("sell", "VERB", "", ""), "to", "no"),
    (("impose", "VERB", "", "sanction"), "on|against", "no"),
    (("accuse", "VERB", "", ""), "", "no"),
])
def test_recipient_prepositions_and_reciprocity(index, key, preps, reciprocal):
    assert (index[key]["recipient_preps"], index[key]["reciprocal"]) == (preps, reciprocal)


def test_british_and_american_spellings(index):
    for uk, us in [("mobilise", "mobilize"), ("criticise", "criticize"),
                   ("apologise", "apologize"), ("recognise", "recognize"),
                   ("demobilise", "demobilize")]:
        a, b = index[(uk, "VERB", "", "")], index[(us, "VERB", "", "")]
        assert (a["event"], a["mode"]) == (b["event"], b["mode"]), uk


def test_no_plain_speech_or_bare_denial_rows(rows):
    lemmas = {(r["lemma"], r["pos"]) for r in rows}
    for verb in ("say", "tell", "add", "state", "remark"):
        assert (verb, "VERB") not in lemmas
    bare = {(r["lemma"], r["pos"]) for r in rows if not r["object"] and not r["particle"]}
    for verb in ("deny", "trade", "decline", "announce"):
        assert (verb, "VERB") not in bare


def test_light_verb_rows_need_their_object(index):
    # the light verbs themselves make no event without the object
    for verb in ("hold", "have", "make", "impose", "launch", "conduct", "reach", "lodge"):
        assert (verb, "VERB", "", "") not in index, verb

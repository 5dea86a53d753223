"""The gold readers: on the real files in ../shared/eval (skipped when absent) and on small
hand-written files in tmp_path, so the parsing is tested without the shared data."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from dyadwatch.errors import ConfigError, InputError
from dyadwatch.evaluation.items import (ClaimPair, EventDoc, LabeledText, QuantityDoc,
                                        QuoteDoc, SpanDoc)
from dyadwatch.evaluation.readers import (OWN_GOLD, READERS, gold_path, read_cameo_class,
                                          read_cameo_ner, read_claimdiff, read_gold,
                                          read_newsmtsc, read_newsquant, read_own_claims,
                                          read_own_events, read_own_quotes, read_persent,
                                          read_plover_gsr, read_polnear, read_ptc,
                                          read_quantulum3, read_re3d)
from tests.conftest import write

PLOVER_2_0_EVENTS = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
                     "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION",
                     "MOBILIZE", "COERCE", "ASSAULT"}


@pytest.fixture
def gold(shared):
    path = shared / "eval"
    if not path.is_dir():
        pytest.skip(f"needs the gold sets at {path}")
    return path


def read(gold: Path, name: str) -> list:
    if not gold_path(gold, name).exists():
        pytest.skip(f"needs {gold_path(gold, name)}")
    return list(read_gold(gold, name))


def spans_of(item) -> list:
    """Every Span an item carries (spans, quote parts)."""
    if isinstance(item, SpanDoc):
        return list(item.spans)
    if isinstance(item, QuoteDoc):
        return [s for q in item.quotes for s in (q.content, q.cue, q.source) if s]
    return []


def assert_offsets(items) -> None:
    for item in items:
        for s in spans_of(item):
            assert 0 <= s.start < s.end <= len(item.text), (item.id, s)
            assert item.text[s.start:s.end] == s.text, (item.id, s)


# ----------------------------------------------------------------------------------------
# Registry

def test_registry_names_types_and_paths():
    assert {"plover_gsr", "cameo_class", "cameo_ner", "re3d", "polnear", "newsquant",
            "quantulum3", "quantulum3_ambiguity", "newsmtsc", "newsmtsc_mt", "persent", "ptc",
            "claimdiff", "claimdiff_full", "own_events", "own_quotes",
            "own_claims", "own_actors"} == set(READERS)
    for name, spec in READERS.items():
        assert spec.name == name and callable(spec.function) and spec.description
        assert spec.item_type in (SpanDoc, LabeledText, EventDoc, QuantityDoc, QuoteDoc,
                                  ClaimPair)
        assert Path(spec.default_path).is_absolute() == name.startswith("own_")
    assert gold_path("/g", "own_quotes") == OWN_GOLD
    assert OWN_GOLD.parent.parent.name == "tests"


def test_registry_covers_every_task_reader():
    from dyadwatch.evaluation.tasks import TASKS

    assert {t.reader for t in TASKS.values()} <= set(READERS)


def test_read_gold_errors(tmp_path):
    with pytest.raises(ConfigError, match="unknown gold reader 'nope'"):
        read_gold(tmp_path, "nope")
    with pytest.raises(InputError, match="gold data for 're3d' not found"):
        read_gold(tmp_path, "re3d")
    f = write(tmp_path / "x.txt", "Iraq B-Location\n")
    assert [d.text for d in read_gold("/nowhere", "re3d", path=f)] == ["Iraq"]


def test_bad_files_raise_input_error(tmp_path):
    with pytest.raises(InputError, match="not valid JSON"):
        list(read_newsquant(write(tmp_path / "a.json", "[{")))
    with pytest.raises(InputError, match=r"b.txt:2: expected 'token"):
        list(read_cameo_ner(write(tmp_path / "b.txt", "a O\nbroken\n")))
    with pytest.raises(InputError, match=r"c.tsv:1: expected 'sentence<TAB>0..4'"):
        list(read_cameo_class(write(tmp_path / "c.tsv", "no label here\n")))
    with pytest.raises(InputError, match="does not exist"):
        list(read_newsmtsc(tmp_path / "missing.jsonl"))


# ----------------------------------------------------------------------------------------
# Real files (../shared/eval)

@pytest.mark.gold
@pytest.mark.parametrize("name,count", [
    ("plover_gsr", 163), ("cameo_class", 1349), ("cameo_ner", 1153), ("re3d", 191),
    ("polnear", 84), ("newsquant", 285), ("quantulum3", 101), ("quantulum3_ambiguity", 20),
    ("newsmtsc", 551), ("newsmtsc_mt", 715), ("persent", 579), ("ptc", 371),
    ("claimdiff", 1084), ("claimdiff_full", 3168)])
def test_real_counts_types_offsets(gold, name, count):
    items = read(gold, name)
    assert len(items) == count
    assert all(isinstance(i, READERS[name].item_type) for i in items)
    assert len({i.id for i in items}) == count  # ids are unique
    assert_offsets(items)


@pytest.mark.gold
def test_real_plover_gsr(gold):
    docs = {d.id: d for d in read(gold, "plover_gsr")}
    events = [e for d in docs.values() for e in d.events]
    assert len(events) == 163 and {e.event for e in events} <= PLOVER_2_0_EVENTS
    n = Counter(e.event for e in events)
    assert (n["REQUEST"], n["ACCUSE"], n["ASSAULT"], n["AGREE"]) == (17, 14, 17, 20)
    assert Counter(d.meta["event_original"] for d in docs.values())["INVESTIGATE"] == 6
    assert all(e.mode in ("disapprove", "investigate") for e in events if e.event == "ACCUSE")
    d = docs["PLOVER-GSR01-AGREE-0001"]
    e = d.events[0]
    assert [(a.text, a.code, a.sector) for a in e.actor] == [
        ("Hungarian", "HUN", "GOV"), ("Romanian", "ROU", "GOV")]
    assert e.recipient == [] and d.meta["reciprocal"] and e.contexts == ["refugees"]
    assert [d.text[s:t] for s, t in d.meta["trigger_spans"]] == ["agreed", "cooperate"]
    assert d.text[e.start:e.end].startswith("agreed") and d.text[e.start:e.end].endswith(
        "cooperate")
    for d in docs.values():  # every record has an EVT; spans are trimmed and in the text
        assert d.meta["trigger_spans"] and d.events[0].start is not None
        for s, t, _ in d.meta["markup_spans"]:
            assert d.text[s:t] == d.text[s:t].strip() != ""
    # a record whose markup has typos ("Isreal") still gets its spans on the real text
    d = docs["PLOVER-GSR01-AGREE-0027"]
    assert [(d.text[s:t], g) for s, t, g in d.meta["markup_spans"]][0] == ("Israel", "SRC")
    # the file repeats one record id: the second copy gets "#2"
    assert docs["PLOVER-GSR01-COERCE-0004#2"].meta["record_id"] == "PLOVER-GSR01-COERCE-0004"
    assert docs["PLOVER-GSR01-COERCE-0004#2"].text.startswith("Israel Friday reimposed")
    e = docs["PLOVER-GSR01-INVESTIGATE-0002"].events[0]
    assert (e.event, e.mode, e.location) == ("ACCUSE", "investigate", "Bosnia")


@pytest.mark.gold
def test_real_cameo(gold):
    cls = read(gold, "cameo_class")
    assert Counter(i.label for i in cls) == {"0": 240, "1": 248, "2": 303, "3": 337, "4": 221}
    assert cls[0].text.startswith("In September, a car bomb in Kiev") and cls[0].label == "4"
    assert cls[0].meta["class_name"] == "material conflict"
    ner = read(gold, "cameo_ner")
    assert Counter(s.label for d in ner for s in d.spans) == {"S": 1097, "T": 963, "R": 102}
    d = ner[0]
    assert d.text.startswith("In September , a car bomb in Kiev killed")
    assert [(s.text, s.label) for s in d.spans] == [("a car bomb", "S"),
                                                    ("another ethnic Chechen", "T")]


@pytest.mark.gold
def test_real_re3d(gold):
    dev = read(gold, "re3d")
    labels = Counter(s.label for d in dev for s in d.spans)
    assert sum(labels.values()) == 697 and len(labels) == 10
    assert labels["Organisation"] == 256 and labels["Person"] == 121
    assert [(s.text, s.label) for s in dev[1].spans][0] == ("We", "Organisation")
    assert "\r" not in "".join(d.text for d in dev)
    train = list(read_re3d(gold / "re3d/conll-conflibert/train.txt"))
    assert len(train) == 574


@pytest.mark.gold
def test_real_polnear(gold):
    docs = read(gold, "polnear")
    quotes = [q for d in docs for q in d.quotes]
    assert len(quotes) == 2192
    assert sum(q.source is not None for q in quotes) == 2066
    assert sum(q.kind == "no-source" for q in quotes) == 127
    q = docs[0].quotes[0]
    assert docs[0].id == "breitbart_2016-09-12_stealth-over-health-hillary-clin"
    assert (q.source.text, q.cue.text) == ("The New York Post", "reports")
    assert q.content.text.startswith("that Hillary Clinton’s team avoided")
    for d in docs:  # the fragments lie inside the covering span
        for q, frags in zip(d.quotes, d.meta["fragments"]):
            assert min(s for s, _ in frags["content"]) == q.content.start
            assert max(e for _, e in frags["content"]) == q.content.end
    every = list(read_polnear(gold / "polnear/data/dev", all_annotators=True))
    assert len(every) == 94 and sum(len(d.quotes) for d in every) == 2319


@pytest.mark.gold
def test_real_quantities(gold):
    docs = read(gold, "newsquant")
    qs = [q for d in docs for q in d.quantities]
    assert len(qs) == 414 and sum(not d.quantities for d in docs) == 64
    assert all(q.start is None for q in qs)  # NewsQuant gives no offsets
    assert {q.change for q in qs} == {"=", "~", "up", "down", ">", "<"}
    assert sum(len(d.meta["ranges"]) for d in docs) == 34
    q = docs[1].quantities[0]
    assert (q.value, q.unit, q.change, q.measure) == (30.0, "yard", "=", "shot Celtics goal")
    assert docs[1].meta["raw"][0]["unit"] == "yards"

    docs = read(gold, "quantulum3")
    qs = [q for d in docs for q in d.quantities]
    assert len(qs) == 148 and all(q.start is not None for q in qs)
    assert all(d.text[q.start:q.end] == q.text for d in docs for q in d.quantities)
    assert [(q.value, q.unit, q.start, q.end) for q in docs[0].quantities] == [
        (2.0, "metre", 7, 17), (2000.0, "pound sterling", 32, 38)]
    assert sum(len(d.quantities) for d in read(gold, "quantulum3_ambiguity")) == 34


@pytest.mark.gold
@pytest.mark.parametrize("name,sentences,labels", [
    ("newsmtsc", 518, {"negative": 211, "neutral": 217, "positive": 123}),
    ("newsmtsc_mt", 350, {"negative": 208, "neutral": 377, "positive": 130})])
def test_real_newsmtsc(gold, name, sentences, labels):
    items = read(gold, name)
    assert Counter(i.label for i in items) == labels
    assert len({i.text for i in items}) == sentences
    for i in items:
        (s, e), = i.target_spans
        assert i.text[s:e] == i.target
    if name == "newsmtsc":
        assert (items[0].target, items[0].label) == ("Mr. Trump", "negative")


@pytest.mark.gold
def test_real_persent(gold):
    items = read(gold, "persent")
    assert Counter(i.label for i in items) == {"positive": 293, "neutral": 213,
                                               "negative": 73}
    i = items[0]
    assert (i.id, i.target, i.label) == ("3950", "Benigno Aquino III", "neutral")
    assert i.meta["paragraph_labels"][:2] == ["negative", "neutral"]
    assert max(len(i.text) for i in items) > 50_000  # the long fields are read whole
    assert sum(not i.target_spans for i in items) == 46
    assert all(i.text[s:e] == i.target for i in items for s, e in i.target_spans)


@pytest.mark.gold
def test_real_ptc(gold):
    docs = {d.id: d for d in read(gold, "ptc")}
    labels = Counter(s.label for d in docs.values() for s in d.spans)
    assert sum(labels.values()) == 6129 and len(labels) == 14
    assert labels["Loaded_Language"] == 2123
    assert sum(bool(d.spans) for d in docs.values()) == 357
    d = docs["705409419"]  # starts with a BOM, which the offsets count
    assert d.text.startswith("\ufeff") and d.spans[0].text == "a devastating letter"
    d = docs["111111111"]
    assert d.text.startswith("Next plague outbreak in Madagascar could be 'stronger': WHO\n\n")
    assert (d.spans[0].label, d.spans[0].text) == ("Doubt", "appeared")


@pytest.mark.gold
def test_real_claimdiff(gold):
    pairs = read(gold, "claimdiff")
    assert Counter(p.label for p in pairs) == {"none": 846, "weaken": 238}
    assert len({p.meta["topic"] for p in pairs}) == 44
    p = pairs[0]
    assert p.id == "9553b88fd081433eb2daf2f53e0b5e1a_rev" and p.a.startswith("Mueller made")
    assert Counter(p.label for p in read(gold, "claimdiff_full"))["weaken"] == 238


def test_real_own_gold_is_consistent():
    """The project's own gold, when written: every offset points at its text."""
    if not OWN_GOLD.exists():
        pytest.skip(f"the project's own gold {OWN_GOLD} is not written yet")
    for doc in read_own_quotes(OWN_GOLD):
        assert_offsets([doc])
    for doc in read_own_events(OWN_GOLD):
        for e in doc.events:
            assert e.start is None or 0 <= e.start < e.end <= len(doc.text)
    for doc in read_own_claims(OWN_GOLD):
        for q in doc.quantities:
            assert q.start is None or q.text is None or doc.text[q.start:q.end] == q.text


# ----------------------------------------------------------------------------------------
# Synthetic files: the parsing logic without ../shared

PLOVER_RECORDS = [
    {"id": "X-DOCUMENT-0001", "event": "DOCUMENT", "eventText": "header"},
    {"id": "X-DEMAND-0001", "date": "2000-01-01", "event": "DEMAND", "mode": "",
     "source": [{"actorText": "Iran", "code": "IRN", "sector": "GOV"}],
     "target": [{"actorText": "United Nations", "code": "IGO"}],
     "context": "diplomatic, military", "eventLoc": {"name": "Tehran", "country code": "IR"},
     "text": "Iran (again) urged the United Nations in Tehran to act.",
     "textInfo": {"markup": "(SRC: Iran) (again) (EVT: urged) the (TAR: United Nations) "
                            "(LOC:in Tehran) to (EVT: act)."}},
    {"id": "X-FIGHT-0001", "event": "FIGHT", "mode": "heavy-weapons", "source": None,
     "target": "", "context": "military", "text": "Israeli troops shelled Gaza.",
     "textInfo": "(SRC: Isreali troops) (EVT: shelled} (TAR: Gaza)."},
    {"id": "X-DISAPPROVE-0001", "event": "DISAPPROVE",
     "source": [{"actorText": "France", "code": "FRA"}], "text": "France criticised it.",
     "textInfo": {"markup": "(SRC: France) (EVT: criticised) it."}},
]


def test_plover_gsr_parsing(tmp_path):
    docs = list(read_plover_gsr(write(tmp_path / "p.json", json.dumps(PLOVER_RECORDS))))
    assert [d.id for d in docs] == ["X-DEMAND-0001", "X-FIGHT-0001", "X-DISAPPROVE-0001"]
    d, e = docs[0], docs[0].events[0]
    assert (e.event, e.mode, e.location, e.contexts) == ("REQUEST", None, "Tehran",
                                                         ["diplomatic", "military"])
    assert e.date is None and d.meta["date"] == "2000-01-01"
    assert [(a.text, a.code, a.sector) for a in e.recipient] == [("United Nations", "IGO",
                                                                  None)]
    assert [(d.text[s:t], g) for s, t, g in d.meta["markup_spans"]] == [
        ("Iran", "SRC"), ("urged", "EVT"), ("United Nations", "TAR"), ("in Tehran", "LOC"),
        ("act", "EVT")]
    assert d.text[e.start:e.end] == "urged the United Nations in Tehran to act"
    assert d.meta["event_original"] == "DEMAND" and d.meta["location_country"] == "IR"
    # string markup, "}" closing a tag, text differing from the markup ("Isreali")
    d, e = docs[1], docs[1].events[0]
    assert (e.event, e.mode, e.actor, e.recipient) == ("ASSAULT", "heavy-weapons", [], [])
    assert [(d.text[s:t], g) for s, t, g in d.meta["markup_spans"]] == [
        ("Israeli troops", "SRC"), ("shelled", "EVT"), ("Gaza", "TAR")]
    e = docs[2].events[0]
    assert (e.event, e.mode, docs[2].meta["mode_original"]) == ("ACCUSE", "disapprove", None)


def test_conll_readers(tmp_path):
    f = write(tmp_path / "ner.txt", "Iraq B-S\n's I-S\narmy I-S\nhit O\nISIS B-T\n.\tO\n\n"
                                    "\nTalks O\nwith I-R\nIran I-R\n")
    docs = list(read_cameo_ner(f))
    assert [d.id for d in docs] == ["ner-1", "ner-2"]
    assert docs[0].text == "Iraq 's army hit ISIS ."
    assert [(s.start, s.end, s.label, s.text) for s in docs[0].spans] == [
        (0, 12, "S", "Iraq 's army"), (17, 21, "T", "ISIS")]
    # an I- tag after O starts a span
    assert [(s.text, s.label) for s in docs[1].spans] == [("with Iran", "R")]
    assert docs[1].meta["line"] == 9
    f = write(tmp_path / "dev.txt", b"The\tO\r\nUN\tB-Organisation\r\nsaid\tO\r\n\r\n"
                                    b"New\tB-Location\r\nYork\tI-Location\r\nPolice\tI-Person")
    docs = list(read_re3d(f))
    assert [d.text for d in docs] == ["The UN said", "New York Police"]
    assert [(s.text, s.label) for s in docs[1].spans] == [("New York", "Location"),
                                                          ("Police", "Person")]


def test_cameo_class_parsing(tmp_path):
    f = write(tmp_path / "c.tsv", b"Russia warned Ukraine.\t3\r\n\r\nA\ttabbed line.\t0\r\n")
    items = list(read_cameo_class(f))
    assert [(i.id, i.text, i.label) for i in items] == [
        ("c-1", "Russia warned Ukraine.", "3"), ("c-3", "A\ttabbed line.", "0")]
    assert items[0].meta["class_name"] == "verbal conflict"


def make_polnear(tmp_path) -> Path:
    text = "“We will win,” Smith said, “and soon.” Reports say taxes rose."
    write(tmp_path / "dev/text/art-1.txt", text)
    c1, c2 = (0, 13), (27, 37)
    write(tmp_path / "dev/attributions/art-1_aaaa.ann",
          f"T1\tSource 15 20\tSmith\nT2\tCue 21 25\tsaid\n"
          f"T3\tContent {c1[0]} {c1[1]};{c2[0]} {c2[1]}\t{text[0:13]} {text[27:37]}\n"
          "T4\tAttribution 21 25\tsaid\nE1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n"
          "T5\tCue 47 50\tsay\nT6\tContent 51 61\ttaxes rose\n"
          "T7\tAttribution-no-source 47 50\tsay\n"
          "E2\tAttribution-no-source:T7 Cue:T5 Content:T6\n"
          "T8\tDiscard 0 5\t“We w\nE3\tAttribution-no-source:T8\n")
    write(tmp_path / "dev/attributions/art-1_bbbb.ann",
          "T1\tContent 51 61\ttaxes rose\nT2\tAttribution 47 50\tsay\n"
          "E1\tAttribution:T2 Content:T1\n")
    return tmp_path / "dev"


def test_polnear_parsing(tmp_path):
    docs = list(read_polnear(make_polnear(tmp_path)))
    assert len(docs) == 1
    d = docs[0]
    assert (d.id, d.meta["annotator"], d.meta["annotators"]) == ("art-1", "aaaa",
                                                                 ["aaaa", "bbbb"])
    q1, q2 = d.quotes
    assert (q1.content.start, q1.content.end) == (0, 37)  # discontinuous -> covering span
    assert d.meta["fragments"][0]["content"] == [(0, 13), (27, 37)]
    assert (q1.source.text, q1.cue.text, q1.kind) == ("Smith", "said", None)
    assert (q2.content.text, q2.cue.text, q2.source, q2.kind) == ("taxes rose", "say", None,
                                                                  "no-source")
    assert_offsets(docs)
    every = list(read_polnear(tmp_path / "dev", all_annotators=True))
    assert [d.id for d in every] == ["art-1_aaaa", "art-1_bbbb"]
    assert [q.content.text for q in every[1].quotes] == ["taxes rose"]
    with pytest.raises(InputError, match="no .ann files"):
        list(read_polnear(tmp_path))


def test_newsquant_parsing(tmp_path):
    recs = [{"text": "Sales rose 5% to $3-4 billion.", "quantities": [
        {"change": "up", "value": "5.0", "unit": "%", "normalized_unit": "percentage",
         "referred_concepts": "Sales"},
        {"change": "=", "value": "3000000000.0 - 4000000000.0", "unit": "$",
         "normalized_unit": "dollar", "referred_concepts": "-"}]},
        {"text": "Nothing here.", "quantities": []}]
    docs = list(read_newsquant(write(tmp_path / "n.json", json.dumps(recs))))
    assert [d.id for d in docs] == ["newsquant-1", "newsquant-2"]
    a, b = docs[0].quantities
    assert (a.value, a.unit, a.change, a.measure, a.start) == (5.0, "percentage", "up",
                                                               "Sales", None)
    assert (b.value, b.unit, b.measure) == (3e9, "dollar", None)
    assert docs[0].meta["ranges"] == {1: (3e9, 4e9)} and docs[1].quantities == []


def test_quantulum3_parsing(tmp_path):
    recs = [{"req": "CPU i7 860 at 2.8 GHz, 860 units", "comment": "c", "res": [
        {"value": 860, "unit": "dimensionless", "surface": "860"},
        {"value": 2.8, "unit": "gigahertz", "surface": "2.8 GHz", "entity": "frequency"},
        {"value": 860, "unit": "dimensionless", "surface": "860"},
        {"value": 1, "unit": "dimensionless", "surface": "absent"}]}]
    d, = read_quantulum3(write(tmp_path / "quantities.json", json.dumps(recs)))
    assert d.id == "quantities-1" and d.meta["comment"] == "c"
    assert [(q.text, q.start, q.end) for q in d.quantities] == [
        ("860", 7, 10), ("2.8 GHz", 14, 21), ("860", 23, 26), ("absent", None, None)]
    assert d.meta["raw"][1]["entity"] == "frequency"


def test_newsmtsc_parsing(tmp_path):
    rec = {"primary_gid": "g1", "sentence_normalized": "Merkel praised Macron.",
           "targets": [{"Input.gid": "g1", "from": 0, "to": 6, "mention": "Merkel",
                        "polarity": 4.0},
                       {"Input.gid": "g2", "from": 15, "to": 21, "mention": "Macron",
                        "polarity": 6.0, "further_mentions": [{"from": 0, "to": 2}]}]}
    rec2 = dict(rec, targets=[dict(rec["targets"][0], **{"Input.gid": "g3", "polarity": 2})])
    f = write(tmp_path / "d.jsonl", json.dumps(rec) + "\n\n" + json.dumps(rec2) + "\n")
    items = list(read_newsmtsc(f))
    assert [(i.id, i.label, i.target, i.target_spans) for i in items] == [
        ("g1", "neutral", "Merkel", [(0, 6)]), ("g2", "positive", "Macron", [(15, 21)]),
        ("g3", "negative", "Merkel", [(0, 6)])]
    assert items[1].meta["further_mentions"] == [{"from": 0, "to": 2}]
    bad = dict(rec, targets=[dict(rec["targets"][0], polarity=5.0)])
    with pytest.raises(InputError, match="polarity 5.0"):
        list(read_newsmtsc(write(tmp_path / "bad.jsonl", json.dumps(bad))))


def test_persent_parsing(tmp_path):
    header = ("DOCUMENT_INDEX,TITLE,TARGET_ENTITY,DOCUMENT,MASKED_DOCUMENT,TRUE_SENTIMENT,"
              + ",".join(f"Paragraph{i}" for i in range(16)))
    long_doc = "Obama spoke.\n " + "x" * 200_000 + ', "quoted" Obama'
    row = ['7', 'T', 'Obama', '"' + long_doc.replace('"', '""') + '"', "m", "Negative",
           "Positive", "", "Neutral"] + [""] * 13
    row2 = ["8", "T2", "Nobody", "Text.", "m", "Neutral"] + [""] * 16
    f = write(tmp_path / "p.csv", "\r\n".join([header, ",".join(row), ",".join(row2)]))
    a, b = read_persent(f)
    assert (a.id, a.label, a.target, a.text) == ("7", "negative", "Obama", long_doc)
    assert a.target_spans == [(0, 5), (len(long_doc) - 5, len(long_doc))]
    assert a.meta["paragraph_labels"] == ["positive", None, "neutral"]
    assert (b.label, b.target_spans, b.meta["paragraph_labels"]) == ("neutral", [], [])


def test_ptc_parsing(tmp_path):
    text = "\ufeffTitle here\r\n\r\nThey are traitors.\nTruly.\n"
    (tmp_path / "train-articles").mkdir()
    (tmp_path / "train-articles/article1.txt").write_bytes(text.encode("utf-8"))
    write(tmp_path / "train-articles/article2.txt", "No propaganda.\n")
    write(tmp_path / "train-task2-TC.labels",
          "1\tName_Calling,Labeling\t24\t32\n1\tLoaded_Language\t15\t33\n")
    docs = list(read_ptc(tmp_path))
    assert [d.id for d in docs] == ["1", "2"]
    assert docs[0].text == text  # BOM and CRLF kept: offsets index the file as stored
    assert [(s.label, s.text) for s in docs[0].spans] == [
        ("Loaded_Language", "They are traitors."), ("Name_Calling,Labeling", "traitors")]
    assert docs[1].spans == []
    write(tmp_path / "train-task2-TC.labels", "9\tDoubt\t0\t2\n")
    with pytest.raises(InputError, match="unknown article"):
        list(read_ptc(tmp_path))


def test_claimdiff_parsing(tmp_path):
    rec = {"topic": "T", "date": "2020-01-01", "pair_id": "p1", "claim_a": "A.",
           "claim_b": "B.", "article_a": "ta", "article_b": "tb", "relation": 1,
           "rationale": ["A"]}
    write(tmp_path / "ClaimDiff-weak-test.json",
          json.dumps({"data": [rec, dict(rec, pair_id="p2", relation=0)], "ver": 1.0}))
    write(tmp_path / "ClaimDiff-strength-test.json", json.dumps({"data": [rec]}))
    weak = list(read_claimdiff(tmp_path / "ClaimDiff-weak-test.json"))
    assert [(p.id, p.a, p.b, p.label) for p in weak] == [("p1", "A.", "B.", "weaken"),
                                                         ("p2", "A.", "B.", "none")]
    assert weak[0].meta["rationale"] == ["A"] and weak[0].meta["topic"] == "T"
    both = list(read_claimdiff(tmp_path))  # a folder: every file, sorted by name
    assert [(p.label, p.meta["file"]) for p in both][0] == ("strengthen",
                                                            "ClaimDiff-strength-test.json")


OWN = {"id": "a1", "published": "2024-03-01",
       "text": 'Moscow accused Kyiv of shelling. "We will respond," Lavrov said, '
               "adding that exports fell 12% in 2023.",
       "events": [{"event": "ACCUSE", "mode": "", "actor": [{"code": "RUS", "sector": "GOV",
                                                             "name": "Moscow"}],
                   "recipient": [{"code": "UKR", "sector": "GOV", "name": "Kyiv"}],
                   "modality": "asserted", "attributed_to": None, "date": "2024-03-01",
                   "location": None, "start": 7, "end": 14, "evidence": "accused"},
                  {"event": "ASSAULT", "actor": [], "recipient": [],
                   "evidence": "shelling"}],
       "quotes": [{"text": "We will respond,", "kind": "direct",
                   "speaker": {"name": "Lavrov", "code": "RUS", "sector": "GOV",
                               "affiliation": "Russian government", "role": "minister"},
                   "cue": "said", "start": 34, "end": 50},
                  {"text": "exports fell 12% in 2023", "kind": "indirect",
                   "speaker": {"name": "Peskov"}, "cue": "adding"}],
       "claims": [{"text": "12%", "value": 12, "unit": "percent", "qualifier": "down",
                   "measure": "exports", "period": "2023", "actors": ["RUS"],
                   "attributed_to": "Lavrov"},
                  {"text": "no number", "value": None}]}


def test_own_readers(tmp_path):
    f = write(tmp_path / "relations.jsonl", json.dumps(OWN) + "\n")
    d, = read_own_events(f)
    assert (d.id, d.published) == ("a1", "2024-03-01")
    e1, e2 = d.events
    assert (e1.event, e1.mode, e1.modality, e1.date) == ("ACCUSE", None, "asserted",
                                                         "2024-03-01")
    assert [(a.text, a.code, a.sector) for a in e1.actor] == [("Moscow", "RUS", "GOV")]
    assert d.text[e1.start:e1.end] == "accused"
    assert d.text[e2.start:e2.end] == "shelling"  # found from the evidence
    assert d.meta["evidence"] == ["accused", "shelling"]

    d, = read_own_quotes(f)
    q1, q2 = d.quotes
    assert (q1.content.text, q1.source.text, q1.cue.text, q1.kind) == (
        "We will respond,", "Lavrov", "said", "direct")
    assert q1.source.start == d.text.index("Lavrov")
    assert (q2.content.text, q2.source, q2.cue.text) == ("exports fell 12% in 2023", None,
                                                         "adding")
    assert d.meta["speakers"][0]["affiliation"] == "Russian government"
    assert_offsets([d])

    d, = read_own_claims(f)
    q, = d.quantities
    assert (q.value, q.unit, q.change, q.measure, q.text) == (12.0, "percent", "down",
                                                             "exports", "12%")
    assert d.text[q.start:q.end] == "12%"
    assert len(d.meta["claims"]) == 2 and d.meta["claims"][0]["period"] == "2023"
    assert [x.id for x in read_gold("/unused", "own_claims", path=f)] == ["a1"]


def test_own_quote_source_prefers_mention_outside_the_quote(tmp_path):
    text = '"Lavrov is wrong," Lavrov\'s critic said. Lavrov replied.'
    rec = {"id": "b", "text": text, "quotes": [
        {"text": "Lavrov is wrong,", "speaker": {"name": "Lavrov"}, "cue": "said",
         "start": 1, "end": 17}]}
    d, = read_own_quotes(write(tmp_path / "r.jsonl", json.dumps(rec)))
    assert d.quotes[0].source.start == text.index("Lavrov", 17)

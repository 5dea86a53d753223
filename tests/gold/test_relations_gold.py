"""The hand-annotated gold set ``tests/gold/relations.jsonl``: format, offsets and coverage.

The rules the annotations follow are in ``docs/ANNOTATION.md``; this module checks what can be
checked mechanically: every record is well formed, every offset points at its text, codes and
labels come from the closed sets, references resolve inside the item, and the set still covers
the phenomena the pipeline must handle (counted from the data itself).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

from dyadwatch.schema import CONTRACT, MODALITIES, QUOTE_KINDS

GOLD = Path(__file__).with_name("relations.jsonl")

# PLOVER 2.0 event types and the modes each allows (None: no mode).
EVENT_MODES: dict[str, set[str]] = {
    "AGREE": set(), "CONSULT": {"visit", "third-party", "multilateral", "phone"},
    "SUPPORT": set(), "CONCEDE": set(), "COOPERATE": set(), "AID": set(),
    "RETREAT": {"withdraw", "release", "return", "disarm", "ceasefire", "access", "resign"},
    "REQUEST": {"assist", "change", "yield", "meet"},
    "ACCUSE": {"disapprove", "investigate", "allege"},
    "REJECT": {"assist", "change", "yield", "meet"},
    "THREATEN": {"restrict", "ban", "arrest", "relations", "expel", "territory", "violence"},
    "PROTEST": {"demo", "riot", "general", "strike", "hunger", "boycott", "obstruct"},
    "SANCTION": {"convict", "expel", "withdraw", "discontinue"},
    "MOBILIZE": {"troops", "weapons", "police", "militia"},
    "COERCE": {"confiscate", "restrict", "ban", "censor", "curfew", "martial-law", "arrest",
               "deport", "withhold"},
    "ASSAULT": {"abduct", "beat", "torture", "execute", "sexual", "assassinate", "destroy",
                "primitive", "firearms", "explosives", "suicide-attack", "heavy-weapons",
                "cleansing", "massacre", "unconventional", "sideAB"},
}
CONTEXTS = {
    "military", "intelligence", "peacekeeping", "economic", "diplomatic", "resource", "disease",
    "enviro_disaster", "migration", "humanitarian", "asylum", "legal", "human_rights",
    "rights_freedoms", "gender", "lgbt", "terrorism", "human_security", "religion_ethnicity",
    "executive", "election", "legislative", "cbrn", "cyber", "political_institutions",
    "corruption", "crime", "illegal_drugs",
}
SECTORS = {"GOV", "MIL", "COP", "OPP", "PTY", "REB", "PRM", "SPY", "UAF", "CVL", "BUS", "EDU",
           "MED", "LAB", "AGR", "JRN", "REF", "REL", "SOC", "CRM", "LEG", "JUD"}
ACTOR_KINDS = {"state", "person", "organisation", "company"}
NON_UNIT_CURRENCY = {"percent", "times"}
TAGS = {
    "passive", "nominal", "light-verb", "reciprocal", "coordination", "no-event",
    "anonymous-speaker", "curly-quotes", "straight-quotes", "split-quote",
    "multi-sentence-quote", "appositive", "pronoun-speaker", "denial", "conditional-threat",
    "according-to-not-quote", "agentless-not-coded", "coordinated-predicates", "year-not-claim", "ordinal-not-claim",
    "duration-not-claim", "count-of-participants-not-claim", "count-of-sources-not-claim",
    "model-number-not-claim", "vague-quantity-not-claim",
}
CURLY_OPEN, STRAIGHT = "\u201c\u2018", "\"'"

ITEM_FIELDS = {"id", "text", "published", "actors", "events", "quotes", "claims"}
ACTOR_FIELDS = {"name", "code", "sector", "kind", "mentions"}
EVENT_FIELDS = set(CONTRACT["event"]) - {"id", "score", "confidence", "sentence"}
QUOTE_FIELDS = set(CONTRACT["quote"])
SPEAKER_FIELDS = set(CONTRACT["speaker"])
CLAIM_FIELDS = set(CONTRACT["claim"])

CODE = re.compile(r"^[A-Z]{3}$")
CURRENCY = re.compile(r"^[A-Z]{3}$")
DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
PERIOD = re.compile(r"^\d{4}(-(Q[1-4]|\d{2}))?(/\d{4}(-(Q[1-4]|\d{2}))?)?$")
ITEM_ID = re.compile(r"^rel-\d{3}$")

# Coverage the set must keep: name -> minimum. Counted by ``coverage`` from the data.
MINIMUMS = {
    "items": 70,
    "items with a negated event": 12,
    "items with a future event": 10,
    "items with a hypothetical event": 10,
    "items with a historical event": 6,
    "items with an attributed event": 12,
    "items with quotes": 15,
    "items with claims": 15,
    "items with no event": 8,
    "direct quotes": 5,
    "indirect quotes": 10,
    "mixed quotes": 3,
    "quotes in curly marks": 3,
    "quotes in straight marks": 2,
    "items with a split quote": 2,
    "quotes with an anonymous speaker": 5,
    "quotes with affiliation and role": 5,
    "currencies in claims": 4,
    "percentage claims": 3,
    "multiple claims (times)": 2,
    "count claims": 5,
    "claims with a change": 3,
    "claims with a qualifier": 3,
    "reciprocal events": 5,
    "items with compound actors": 5,
    "items with passives": 5,
    "items with nominal events": 8,
    "items with light verbs": 5,
    "event types used": 16,
}


def load(path: Path = GOLD) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()]


@pytest.fixture(scope="module")
def items() -> list[dict]:
    return load()


def _quote_mark_before(item: dict, quote: dict) -> str:
    return item["text"][quote["start"] - 1] if quote["start"] > 0 else ""


def _marks(item: dict, quote: dict) -> set[str]:
    """The quotation-mark styles a quote is written with: around it (direct) or inside it
    (the quoted fragments of a mixed quote)."""
    marks = _quote_mark_before(item, quote) if quote["kind"] == "direct" else ""
    if quote["kind"] == "mixed":
        marks = "".join(re.findall(r"([\u201c\u2018\"'])\w", quote["text"]))
    return ({"curly"} if any(m in CURLY_OPEN for m in marks) else set()) | \
        ({"straight"} if any(m in STRAIGHT for m in marks) else set())


def coverage(items: list[dict]) -> dict[str, int]:
    """The coverage counts of MINIMUMS, computed from the records."""
    def items_with(pred) -> int:
        return sum(1 for it in items if pred(it))

    def has_modality(m):
        return lambda it: any(e["modality"] == m for e in it["events"])

    quotes = [(it, q) for it in items for q in it["quotes"]]
    claims = [c for it in items for c in it["claims"]]
    events = [e for it in items for e in it["events"]]
    tags = Counter(t for it in items for t in it.get("tags", []))

    def split(it) -> bool:
        seen = Counter((q["speaker"]["name"], q["speaker"]["role"], q["cue"])
                       for q in it["quotes"] if q["kind"] == "direct")
        return any(n > 1 for n in seen.values())

    return {
        "items": len(items),
        "items with a negated event": items_with(has_modality("negated")),
        "items with a future event": items_with(has_modality("future")),
        "items with a hypothetical event": items_with(has_modality("hypothetical")),
        "items with a historical event": items_with(has_modality("historical")),
        "items with an attributed event":
            items_with(lambda it: any(e["attributed_to"] for e in it["events"])),
        "items with quotes": items_with(lambda it: it["quotes"]),
        "items with claims": items_with(lambda it: it["claims"]),
        "items with no event": items_with(lambda it: not it["events"]),
        "direct quotes": sum(q["kind"] == "direct" for _, q in quotes),
        "indirect quotes": sum(q["kind"] == "indirect" for _, q in quotes),
        "mixed quotes": sum(q["kind"] == "mixed" for _, q in quotes),
        "quotes in curly marks": sum("curly" in _marks(it, q) for it, q in quotes),
        "quotes in straight marks": sum("straight" in _marks(it, q) for it, q in quotes),
        "items with a split quote": items_with(split),
        "quotes with an anonymous speaker": sum(q["speaker"]["name"] is None for _, q in quotes),
        "quotes with affiliation and role":
            sum(bool(q["speaker"]["affiliation"] and q["speaker"]["role"]) for _, q in quotes),
        "currencies in claims": len({c["unit"] for c in claims if CURRENCY.match(c["unit"])}),
        "percentage claims": sum(c["unit"] == "percent" for c in claims),
        "multiple claims (times)": sum(c["unit"] == "times" for c in claims),
        "count claims": sum(c["unit"] not in NON_UNIT_CURRENCY and not CURRENCY.match(c["unit"])
                            for c in claims),
        "claims with a change": sum(bool(c.get("change")) for c in claims),
        "claims with a qualifier": sum(bool(c["qualifier"]) for c in claims),
        "reciprocal events": sum(len(e["actor"]) > 1 and not e["recipient"] for e in events),
        "items with compound actors": items_with(
            lambda it: any(len(e["actor"]) > 1 or len(e["recipient"]) > 1 for e in it["events"])),
        "items with passives": tags["passive"],
        "items with nominal events": tags["nominal"],
        "items with light verbs": tags["light-verb"],
        "event types used": len({e["event"] for e in events}),
    }


# ---------------------------------------------------------------------------------------

def test_every_line_parses():
    lines = [ln for ln in GOLD.read_text(encoding="utf-8").splitlines() if ln.strip()]
    for n, line in enumerate(lines, 1):
        try:
            assert isinstance(json.loads(line), dict), f"line {n} is not an object"
        except json.JSONDecodeError as exc:
            pytest.fail(f"line {n} is not JSON: {exc}")


def test_ids_unique_and_texts_distinct(items):
    ids = [it["id"] for it in items]
    assert all(ITEM_ID.match(i) for i in ids), ids
    assert len(set(ids)) == len(ids)
    assert len({it["text"] for it in items}) == len(items)


def test_required_fields(items):
    for it in items:
        assert ITEM_FIELDS <= it.keys(), (it["id"], ITEM_FIELDS - it.keys())
        assert isinstance(it["text"], str) and it["text"].strip()
        assert DAY.match(it["published"]), it["id"]
        for a in it["actors"]:
            assert ACTOR_FIELDS <= a.keys(), (it["id"], a)
        for e in it["events"]:
            assert EVENT_FIELDS <= e.keys(), (it["id"], EVENT_FIELDS - e.keys())
        for q in it["quotes"]:
            assert QUOTE_FIELDS <= q.keys(), (it["id"], q)
            assert SPEAKER_FIELDS <= q["speaker"].keys(), (it["id"], q)
        for c in it["claims"]:
            assert CLAIM_FIELDS <= c.keys(), (it["id"], c)


def test_sentences_per_item(items):
    for it in items:
        n = len(re.findall(r"[.!?][\u201d\"']?(\s|$)", it["text"]))
        assert 1 <= n <= 3, (it["id"], n)


def test_enums(items):
    for it in items:
        assert set(it.get("tags", [])) <= TAGS, (it["id"], set(it["tags"]) - TAGS)
        for a in it["actors"]:
            assert a["kind"] in ACTOR_KINDS, (it["id"], a)
            assert a["sector"] is None or a["sector"] in SECTORS, (it["id"], a)
        for e in it["events"]:
            assert e["event"] in EVENT_MODES, (it["id"], e["event"])
            assert e["mode"] is None or e["mode"] in EVENT_MODES[e["event"]], \
                (it["id"], e["event"], e["mode"])
            assert e["modality"] in MODALITIES, (it["id"], e["modality"])
            assert set(e["contexts"]) <= CONTEXTS, (it["id"], e["contexts"])
            assert e["actor"], (it["id"], "event without actor")
        for q in it["quotes"]:
            assert q["kind"] in QUOTE_KINDS, (it["id"], q["kind"])
            assert q["cue"], (it["id"], q)
            sp = q["speaker"]
            assert sp["name"] or sp["role"], (it["id"], "speaker without name or role")
            assert sp["sector"] is None or sp["sector"] in SECTORS, (it["id"], sp)


def test_codes(items):
    for it in items:
        codes = [a["code"] for a in it["actors"]]
        codes += [r["code"] for e in it["events"] for r in e["actor"] + e["recipient"]]
        codes += [q["speaker"]["code"] for q in it["quotes"]]
        codes += [code for c in it["claims"] for code in c["actors"]]
        for code in codes:
            assert code is None or CODE.match(code), (it["id"], code)
        for e in it["events"]:
            for r in e["actor"] + e["recipient"]:
                assert r["code"], (it["id"], "event participant without a code", r)


def test_offsets(items):
    for it in items:
        text = it["text"]

        def check(start, end, surface, what):
            assert isinstance(start, int) and isinstance(end, int), (it["id"], what)
            assert 0 <= start < end <= len(text), (it["id"], what, start, end)
            assert text[start:end] == surface, (it["id"], what, text[start:end], surface)

        for a in it["actors"]:
            assert a["mentions"], (it["id"], a["name"])
            for m in a["mentions"]:
                check(m["start"], m["end"], m["text"], f"mention of {a['name']}")
        for e in it["events"]:
            check(e["start"], e["end"], e["evidence"], f"{e['event']} evidence")
        for q in it["quotes"]:
            check(q["start"], q["end"], q["text"], "quote")
        for c in it["claims"]:
            check(c["start"], c["end"], c["text"], "claim")


def test_quote_marks_match_kind(items):
    for it in items:
        for q in it["quotes"]:
            before = _quote_mark_before(it, q)
            if q["kind"] == "direct":
                assert before and before in CURLY_OPEN + STRAIGHT, (it["id"], q["text"])
            else:
                assert not before or before not in CURLY_OPEN + STRAIGHT, (it["id"], q["text"])
            if q["kind"] == "mixed":
                assert re.search(r"[\u201c\u2018\"']\w", q["text"]), (it["id"], q["text"])


def test_references_resolve(items):
    for it in items:
        actors = {(a["code"], a["sector"], a["name"]) for a in it["actors"]}
        names = {a["name"] for a in it["actors"]}
        for e in it["events"]:
            for r in e["actor"] + e["recipient"]:
                assert (r["code"], r["sector"], r["name"]) in actors, (it["id"], r)
            assert e["attributed_to"] is None or e["attributed_to"] in names, \
                (it["id"], e["attributed_to"])
        for c in it["claims"]:
            assert c["attributed_to"] is None or c["attributed_to"] in names, \
                (it["id"], c["attributed_to"])
        for q in it["quotes"]:
            name = q["speaker"]["name"]
            assert name is None or name in it["text"], (it["id"], "speaker not in text", name)


def test_dates_agree_with_modality(items):
    for it in items:
        pub = it["published"]
        for e in it["events"]:
            date = e["date"]
            if date is None:
                continue
            assert DATE.match(date), (it["id"], date)
            if e["modality"] == "future":
                assert date >= pub[:len(date)], (it["id"], "future event dated before", date)
            elif e["modality"] == "historical":
                assert int(date[:4]) <= int(pub[:4]) - 1, (it["id"], "historical too recent")
            elif e["modality"] in ("asserted", "negated"):
                assert date <= pub[:len(date)], (it["id"], "past event dated after", date)


def test_claims_are_normalised(items):
    for it in items:
        for c in it["claims"]:
            assert isinstance(c["value"], (int, float)) and not isinstance(c["value"], bool), c
            assert c["unit"] and c["measure"], (it["id"], c)
            assert c["period"] is None or PERIOD.match(c["period"]), (it["id"], c["period"])
            assert c.get("change") in (None, "up", "down"), (it["id"], c)
            assert re.search(r"\d|one|two|three|four|five|six|seven|eight|nine|ten|twice|"
                             r"tripled|doubled|half|third|quarter|fifth", c["text"], re.I), \
                (it["id"], "claim without a number", c["text"])


def test_tags_agree_with_annotations(items):
    for it in items:
        tags = set(it.get("tags", []))
        events = it["events"]
        assert ("no-event" in tags) == (not events), it["id"]
        if "reciprocal" in tags:
            assert any(len(e["actor"]) > 1 and not e["recipient"] for e in events), it["id"]
        if "coordination" in tags:
            assert any(len(e["actor"]) > 1 or len(e["recipient"]) > 1 for e in events), it["id"]
        if "anonymous-speaker" in tags:
            assert any(q["speaker"]["name"] is None for q in it["quotes"]), it["id"]
        if "curly-quotes" in tags:
            assert any(ch in it["text"] for ch in "\u201c\u201d"), it["id"]
        if "straight-quotes" in tags:
            assert any(ch in it["text"] for ch in "\"'"), it["id"]


def test_demo_subject_stays_out(items):
    """The demo subject (China and Russia over Ukraine) must not leak into evaluation."""
    for it in items:
        assert "ukrain" not in it["text"].lower(), it["id"]
        codes = {r["code"] for e in it["events"] for r in e["actor"] + e["recipient"]}
        assert not {"CHN", "RUS"} <= codes, it["id"]


@pytest.mark.parametrize("name", list(MINIMUMS))
def test_coverage(items, name):
    counts = coverage(items)
    assert counts[name] >= MINIMUMS[name], f"{name}: {counts[name]} < {MINIMUMS[name]}"


def _six_grams(text: str) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", text.lower())
    return {tuple(words[i:i + 6]) for i in range(len(words) - 5)}


def test_no_text_shared_with_seeds(items, seeds):
    seed_grams: set[tuple[str, ...]] = set()
    for path in sorted(seeds.iterdir()):
        if path.is_file():
            seed_grams |= _six_grams(path.read_text(encoding="utf-8", errors="replace"))
    for it in items:
        shared = _six_grams(it["text"]) & seed_grams
        assert not shared, (it["id"], sorted(shared)[:3])

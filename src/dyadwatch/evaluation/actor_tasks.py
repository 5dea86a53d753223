"""Scorers of the actors stage: re3d entities, PLOVER GSR actor codes, the own actor set.

Each parses the gold text as it is (no cleaning, so offsets stay those of the gold) and
runs the actor resolver and coreference exactly as the ``actors`` stage does.
"""

from __future__ import annotations

from ..config import Config
from . import scoring
from .tasks import TASKS, Task, _nlp, register_task, scorer

PLOVER_GROUPS = {"UNO": "IGO", "EUR": "IGO"}  # PLOVER GSR codes every IGO as IGO


def found_in(texts: list[str], config: Config, published: list[str | None] | None = None):
    """(doc, resolved mentions) for each text."""
    from ..actors.coref import link
    from ..actors.lexicon import load_lexicon
    from ..actors.resolve import Resolver

    nlp = _nlp(config)
    lex = load_lexicon(tuple(config["actors"]["extra"]))
    published = published or [None] * len(texts)
    for doc, pub in zip(nlp.pipe(texts, batch_size=64), published):
        yield doc, link(doc, Resolver(doc, lex, pub).run(), lex)


def re3d_spans(doc, found: list, lex) -> list[tuple[int, int, str]]:
    """Our mentions in re3d's terms: people, organisations, nationalities, locations."""
    from ..actors.resolve import _states_in

    out = []
    for f in found:
        s, e = f.chars(doc)
        if f.kind == "person" and f.origin not in ("collective", "definite", "coref-role",
                                                   "coref-pronoun", "coref-appos"):
            if f.name_start is not None and f.name_start > f.start:
                s = doc[f.name_start].idx  # re3d's Person is the name, titles apart
                for i, entry in _states_in(doc, f.start, f.name_start, lex):
                    tok = doc[i]
                    out.append((tok.idx, tok.idx + len(tok.text), "Nationality"))
            out.append((s, e, "Person"))
        elif f.origin == "city":
            out.append((s, e, "Location"))
        elif f.kind in ("organisation", "company") and f.origin not in ("role",):
            out.append((s, e, "Organisation"))
        elif f.kind == "state" and f.origin not in ("coref-pair",):
            out.append((s, e, "Nationality" if f.origin in ("adjective", "combining")
                        else "Location"))
        elif f.origin in ("collective", "role"):
            # re3d marks a group named by a noun phrase as an Organisation, with its article
            # ("The Syrian army", "Iraqi forces")
            start = f.start - 1 if f.start > 0 and doc[f.start - 1].lower_ in (
                "the", "a", "an") else f.start
            out.append((doc[start].idx, e, "Organisation"))
    return sorted(set(out))


@scorer("re3d_entities")
def _re3d(items: list, config: Config) -> dict:
    """The actors stage, its mentions mapped to re3d's Person/Organisation/Nationality/Location."""
    from ..actors.lexicon import load_lexicon

    lex = load_lexicon(tuple(config["actors"]["extra"]))
    scores = scoring.SpanScores()
    keep = {"Person", "Organisation", "Nationality", "Location"}
    for item, (doc, found) in zip(items, found_in([i.text for i in items], config)):
        gold = [(s.start, s.end, s.label) for s in item.spans if s.label in keep]
        scores.add(gold, re3d_spans(doc, found, lex))
    out = scores.as_dict()
    out["f1"] = out["exact"]["f1"]
    return out


def _group(code):
    return PLOVER_GROUPS.get(code, code)


@scorer("plover_actors")
def _plover_actors(items: list, config: Config) -> dict:
    """Codes of the actors in each sentence (set F1), and code/sector of each gold actor."""
    sets = scoring.PRF()
    code_ok = sector_ok = n_gold = n_sector = 0
    for item, (doc, found) in zip(items, found_in([i.text for i in items], config)):
        gold_actors = [a for ev in item.events for a in ev.actor + ev.recipient if a.code]
        gold = {_group(a.code) for a in gold_actors}
        pred = {_group(f.code) for f in found if f.code}
        sets = sets.add(scoring.PRF(len(gold & pred), len(pred - gold), len(gold - pred)))
        for a in gold_actors:
            n_gold += 1
            pos = item.text.find(a.text) if a.text else -1
            hits = [f for f in found if f.code and pos >= 0 and
                    f.chars(doc)[0] < pos + len(a.text) and f.chars(doc)[1] > pos]
            if any(_group(f.code) == _group(a.code) for f in hits):
                code_ok += 1
                if a.sector:
                    n_sector += 1
                    if any(_group(f.code) == _group(a.code) and f.sector == a.sector[:3]
                           for f in hits):
                        sector_ok += 1
    out = sets.as_dict()
    out["code_accuracy"] = round(code_ok / n_gold, 4) if n_gold else 0.0
    # sectors: of the gold actors found with the right code, those whose gold has a sector
    # (PLOVER GSR leaves it out for most states); suffixes like "REBkur" are cut to 3 letters
    out["sector_accuracy"] = round(sector_ok / n_sector, 4) if n_sector else 0.0
    out["gold_actors"] = n_gold
    return out


register_task(Task("own_actors", "own_actors", "f1", "actor mentions with code, sector and "
                   "kind on the project's own hand-checked set (tests/gold/actors.jsonl)",
                   "actors"))


@scorer("own_actors")
def _own_actors(items: list, config: Config) -> dict:
    """Mention F1 (overlap, labelled by code) and code/sector/kind accuracy per gold mention."""
    spans = scoring.SpanScores()
    n = code_ok = sector_ok = kind_ok = found_n = 0
    misses = []
    pubs = [i.meta.get("published") for i in items]
    for item, (doc, found) in zip(items, found_in([i.text for i in items], config, pubs)):
        pred = [(*f.chars(doc), f.code or "-") for f in found]
        spans.add([(s.start, s.end, s.label) for s in item.spans], pred)
        for m in item.meta["mentions"]:
            n += 1
            hits = [f for f in found if f.chars(doc)[0] < m["end"] and
                    f.chars(doc)[1] > m["start"]]
            if not hits:
                misses.append(f"{item.id}: {m['text']} (missed)")
                continue
            found_n += 1
            best = next((f for f in hits if f.code == m.get("code")), hits[0])
            code_ok += best.code == m.get("code")
            sector_ok += (best.sector or None) == (m.get("sector") or None)
            kind_ok += best.kind == m.get("kind")
            if best.code != m.get("code") and len(misses) < 400:
                misses.append(f"{item.id}: {m['text']} -> {best.code} (gold {m.get('code')})")
    out = spans.as_dict()
    out["f1"] = out["overlap"]["f1"]
    out.update({"mentions": n, "found": round(found_n / n, 4) if n else 0.0,
                "code_accuracy": round(code_ok / n, 4) if n else 0.0,
                "sector_accuracy": round(sector_ok / n, 4) if n else 0.0,
                "kind_accuracy": round(kind_ok / n, 4) if n else 0.0, "errors": misses})
    return out


assert "own_actors" in TASKS


register_task(Task("cameo_actor_spans", "cameo_ner", "f1", "actor mentions against CAMEO's "
                   "source/target/reciprocal spans with the role ignored (which actor is "
                   "source or target is the events stage's: cameo_spans); overlap F1",
                   "actors"))


@scorer("cameo_actor_spans")
def _cameo_actor_spans(items: list, config: Config) -> dict:
    """Do actor mentions cover the event participants CAMEO marks? Overlap and exact F1."""
    spans = scoring.SpanScores()
    for item, (doc, found) in zip(items, found_in([i.text for i in items], config)):
        gold = [(s.start, s.end, "ACTOR") for s in item.spans]
        pred = sorted({(*f.chars(doc), "ACTOR") for f in found
                       if f.origin not in ("coref-pronoun",)})
        spans.add(gold, pred)
    out = spans.as_dict()
    out["f1"] = out["overlap"]["f1"]
    return out

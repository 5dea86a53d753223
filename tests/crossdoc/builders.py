"""Articles built by hand for the cross-article tests (no model, no seed text)."""

from __future__ import annotations

import re

from dyadwatch.config import load_config
from dyadwatch.schema import Actor, ActorRef, Article, Claim, Event, Mention

NAMES = {"FRA": "France", "DEU": "Germany", "ITA": "Italy", "ESP": "Spain", "POL": "Poland"}


def config(**crossdoc):
    base = {"embeddings": "lexical", "event_similarity": 0.3,
            "contradiction_similarity": 0.05, "measure_similarity": 0.9}
    base.update(crossdoc)
    return load_config(extra={"crossdoc": base})


def event(text, kind, actor, recipient=(), modality="asserted", contexts=(), date=None,
          mode=None, cue=None, sentence=0, offset=0):
    """An event whose evidence is `text` (one sentence starting at `offset`)."""
    trig = re.search(r"\b(agree\w*|sign\w*|sent|send\w*|deliver\w*|suppl\w*|attack\w*|"
                     r"met|meet\w*|talk\w*|aid\w*|sanction\w*|provid\w*)\b", text)
    s, e = (trig.span() if trig else (0, 1))

    def spans(codes):
        found = [text.find(NAMES.get(c, c)) for c in codes]
        return [[offset + f, offset + f + len(NAMES.get(c, c))] if f >= 0 else None
                for f, c in zip(found, codes)]

    return Event(id=f"e{sentence}", event=kind, mode=mode, contexts=list(contexts),
                 actor=[ActorRef(c, "GOV", NAMES.get(c, c)) for c in actor],
                 recipient=[ActorRef(c, "GOV", NAMES.get(c, c)) for c in recipient],
                 modality=modality, date=date, sentence=sentence, start=offset + s,
                 end=offset + e, evidence=text, modality_cue=cue,
                 actor_spans=spans(actor), recipient_spans=spans(recipient))


def article(aid, source=None, published=None, sentences=(), events=(), claims=(),
            duplicate_of=None, title=None):
    """An article made of `sentences` (one paragraph); events and claims as given."""
    text = " ".join(sentences)
    spans, pos = [], 0
    for s in sentences:
        spans.append([pos, pos + len(s)])
        pos += len(s) + 1
    actors = []
    for code, name in NAMES.items():
        mentions = [Mention(m.start(), m.end(), name) for m in re.finditer(name, text)]
        if mentions:
            actors.append(Actor(f"a{code}", name, code, "GOV", "state", mentions=mentions))
    return Article(aid, source=source, published=published, text=text, title=title,
                   sentences=spans, events=list(events), claims=list(claims), actors=actors,
                   duplicate_of=duplicate_of, pipeline_version="test:v1")


def claim(text, value, unit, measure, period=None, qualifier=None, kind="money",
          actors=("FRA",)):
    return Claim(text=text, value=value, unit=unit, measure=measure, period=period,
                 qualifier=qualifier, kind=kind, actors=list(actors), evidence=f"{measure} {text}")

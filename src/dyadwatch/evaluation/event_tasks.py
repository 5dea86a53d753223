"""Scorers of the parts of the events stage that exist: modality and attribution.

They read the trigger offsets of the project's own event gold (tests/gold/relations.jsonl)
and judge the words there, so they measure the modality and attribution rules apart from
event detection (which the events stage adds).
"""

from __future__ import annotations

from ..config import Config
from . import scoring
from .tasks import Task, _nlp, register_task, scorer

register_task(Task("own_modality", "own_events", "accuracy", "modality (asserted, negated, "
                   "future, hypothetical, historical) of the gold events of the project's "
                   "own set, judged at their gold trigger words", "events (modality rules)"))


def _triggers(items: list, config: Config):
    nlp = _nlp(config)
    for item, doc in zip(items, nlp.pipe((i.text for i in items), batch_size=64)):
        for ev in item.events:
            if ev.start is None:
                continue
            span = doc.char_span(ev.start, ev.end, alignment_mode="expand")
            if span is None:
                continue
            # the trigger is the head word of its span ("held talks" -> held)
            yield item, ev, span.root


@scorer("own_modality")
def _own_modality(items: list, config: Config) -> dict:
    from ..events.modality import attribution_of, is_historical, modality_of

    gold, pred = [], []
    attr = scoring.PRF()
    for item, ev, tok in _triggers(items, config):
        m = modality_of(tok).value
        if m == "asserted" and is_historical(ev.date, item.published):
            m = "historical"
        gold.append(ev.modality or "asserted")
        pred.append(m)
        has_gold, has_pred = bool(ev.attributed_to), bool(attribution_of(tok))
        attr = attr.add(scoring.PRF(int(has_gold and has_pred), int(has_pred and not has_gold),
                                    int(has_gold and not has_pred)))
    out = scoring.classification(gold, pred)
    out["attribution"] = attr.as_dict()
    return out

"""Scorers of the ``stance`` stage: NewsMTSC (sentence tone towards a target), PerSenT
(an article's tone towards its main entity), PTC (persuasion-technique spans).

- **newsmtsc_stance**: every target of ``devtest_rw.jsonl`` scored as the stage scores
  a (sentence, actor) pair (rules + model, ``stance/sentences.py``); macro-F1 over
  negative / neutral / positive. The model is trained on ``devtest_mt.jsonl`` only (no
  sentence in common).
- **persent_stance**: each document through parse, actors, quotes and stance with every
  actor counted as discussed (``min_mentions = 1``); the target is the stance record whose
  actor's mentions overlap the target's occurrences most (else the record whose name
  contains the target, else neutral); critical -> negative, favourable -> positive.
  Macro-F1 and accuracy; ``matched`` is the share of documents whose target was found.
- **ptc_persuasion**: ``stance.persuasion.find_markers`` on each article's text.
  Headline ``f1`` is SemEval-2020 Task 11's span-identification measure (technique
  ignored; partial credit: precision = mean over predicted spans of the share of each
  covered by gold, recall = mean over gold spans of the share covered by predictions,
  with overlapping spans of one side merged first); ``technique`` gives label-aware
  overlap P/R/F1 with our names mapped to PTC's.
"""

from __future__ import annotations

from ..config import Config, merge
from . import scoring
from .runs import analysed
from .tasks import scorer

TO_GOLD = {"critical": "negative", "neutral": "neutral", "favourable": "positive"}


@scorer("newsmtsc_stance")
def _newsmtsc(items: list, config: Config) -> dict:
    from ..stance.sentences import predict_labels

    pred = predict_labels(items, config)
    return scoring.classification([i.label for i in items], pred)


def _target_record(art, item):
    best, best_ov = None, 0
    ids = {a.id: a for a in art.actors}
    for st in art.stance:
        actor = ids.get(st.actor)
        if actor is None:
            continue
        ov = sum(max(0, min(m.end, e) - max(m.start, s)) for m in actor.mentions
                 for s, e in item.target_spans)
        if ov > best_ov:
            best, best_ov = st, ov
    if best is None and item.target:
        name = item.target.lower()
        best = next((st for st in art.stance if st.name and (
            name in st.name.lower() or st.name.lower() in name)), None)
    return best


@scorer("persent_stance")
def _persent(items: list, config: Config) -> dict:
    cfg = merge(config, {"stance": {"min_mentions": 1}}, "evaluation")
    gold, pred, matched = [], [], 0
    for item, art in zip(items, analysed(items, cfg, ["parse", "actors", "quotes",
                                                      "stance"])):
        rec = _target_record(art, item)
        matched += rec is not None
        gold.append(item.label)
        pred.append(TO_GOLD[rec.label] if rec is not None else "neutral")
    out = scoring.classification(gold, pred)
    out["matched"] = round(matched / len(items), 4) if items else 0.0
    return out


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[list[int]] = []
    for s, e in sorted(spans):
        if out and s <= out[-1][1]:
            out[-1][1] = max(out[-1][1], e)
        else:
            out.append([s, e])
    return [(s, e) for s, e in out]


def _covered(span: tuple[int, int], others: list[tuple[int, int]]) -> float:
    s, e = span
    return sum(max(0, min(e, oe) - max(s, os)) for os, oe in others) / max(1, e - s)


@scorer("ptc_persuasion")
def _ptc(items: list, config: Config) -> dict:
    from ..stance.lexicon import load_lexicon
    from ..stance.persuasion import PTC_LABEL, find_markers

    lex = load_lexicon(tuple(config["stance"]["extra"]))
    p_sum = r_sum = 0.0
    n_pred = n_gold = 0
    labelled = scoring.SpanScores()
    for item in items:
        markers = find_markers(item.text, lex)
        gold = _merge([(s.start, s.end) for s in item.spans])
        pred = _merge([(m.start, m.end) for m in markers])
        p_sum += sum(_covered(p, gold) for p in pred)
        r_sum += sum(_covered(g, pred) for g in gold)
        n_pred += len(pred)
        n_gold += len(gold)
        labelled.add([(s.start, s.end, s.label) for s in item.spans],
                     [(m.start, m.end, PTC_LABEL.get(m.technique, m.technique))
                      for m in markers])
    p = p_sum / n_pred if n_pred else 0.0
    r = r_sum / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    tech = labelled.as_dict()
    return {"f1": round(f, 4), "precision": round(p, 4), "recall": round(r, 4),
            "predicted": n_pred, "gold": n_gold, "technique": tech["overlap"],
            "by_label": tech["by_label"]}

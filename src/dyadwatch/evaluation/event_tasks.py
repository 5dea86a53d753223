"""Scorers of the parts of the events stage that exist: modality and attribution.

They read the trigger offsets of the project's own event gold (tests/gold/relations.jsonl)
and judge the words there, so they measure the modality and attribution rules apart from
event detection (which the events stage adds).
"""

from __future__ import annotations

from ..config import Config
from .runs import analysed
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


def coded(items: list, config: Config, published: list | None = None):
    """Articles with actors, quotes, events for each gold text (no cleaning: offsets hold)."""
    return analysed(items, config, ['parse', 'actors', 'quotes', 'events'], published, batch=64)


def _codes(refs) -> set:
    from .actor_tasks import _group

    return {_group(r.code) for r in refs if r.code}


def _gold_codes(actors) -> set:
    from .actor_tasks import _group

    return {_group(a.code) for a in actors if a.code}


def _matches(gold_ev, ev) -> bool:
    """Same type, an actor code in common, and recipients that agree (both empty counts)."""
    if gold_ev.event != ev.event:
        return False
    ga, pa = _gold_codes(gold_ev.actor), _codes(ev.actor)
    gr, pr = _gold_codes(gold_ev.recipient), _codes(ev.recipient)
    actors_ok = bool(ga & pa) or bool(ga & pr and gr & pa)  # reciprocal coded either way
    recipients_ok = (not gr and not pr) or bool(gr & pr) or bool(ga & pr and gr & pa) or \
        (not gr and bool(pr & ga))
    return actors_ok and recipients_ok


def _event_scores(items, arts) -> dict:
    prf = scoring.PRF()
    type_hits = n_gold = no_event_sents = empty_pred = 0
    for item, art in zip(items, arts):
        golds = [g for g in item.events if g.event]
        preds = art.events
        if not golds:
            no_event_sents += 1
            empty_pred += not preds
        n_gold += len(golds)
        used = set()
        tp = 0
        for g in golds:
            hit = next((j for j, ev in enumerate(preds) if j not in used and _matches(g, ev)),
                       None)
            if hit is not None:
                used.add(hit)
                tp += 1
            type_hits += any(ev.event == g.event for ev in preds)
        prf = prf.add(scoring.PRF(tp, len(preds) - tp, len(golds) - tp))
    out = prf.as_dict()
    out["type_recall"] = round(type_hits / n_gold, 4) if n_gold else 0.0
    out["events_per_sentence"] = round(sum(len(a.events) for a in arts) / max(len(arts), 1), 3)
    if no_event_sents:
        out["no_event_sentences"] = no_event_sents
        out["no_event_sentences_left_empty"] = round(empty_pred / no_event_sents, 4)
    return out



@scorer("plover_events")
def _plover_events(items: list, config: Config) -> dict:
    """Dyad + type: an event matches a gold one with the same PLOVER type, an actor code in
    common and agreeing recipients. Precision counts every other event coded."""
    arts = list(coded(items, config))
    return _event_scores(items, arts)


@scorer("own_events")
def _own_events(items: list, config: Config) -> dict:
    """The same matching on the project's own gold, plus modality on matched events."""
    arts = list(coded(items, config, [i.published for i in items]))
    out = _event_scores(items, arts)
    ok = n = dated = date_ok = 0
    ctx = scoring.PRF()
    attributed = scoring.PRF()
    for item, art in zip(items, arts):
        for g in item.events:
            ev = next((e for e in art.events if _matches(g, e)), None)
            if ev is None:
                continue
            n += 1
            ok += ev.modality == (g.modality or "asserted")
            if g.date:  # the gold date at its own precision ("2024-10-08", "2019-07")
                dated += 1
                date_ok += bool(ev.date) and ev.date[:len(g.date)] == g.date
            gold_ctx, pred_ctx = set(g.contexts), set(ev.contexts)
            ctx = ctx.add(scoring.PRF(len(gold_ctx & pred_ctx), len(pred_ctx - gold_ctx),
                                      len(gold_ctx - pred_ctx)))
            attributed = attributed.add(scoring.PRF(
                int(bool(g.attributed_to) and bool(ev.attributed_to)),
                int(bool(ev.attributed_to) and not g.attributed_to),
                int(bool(g.attributed_to) and not ev.attributed_to)))
    out["modality_accuracy_on_matched"] = round(ok / n, 4) if n else 0.0
    out["confidence"] = _calibration(items, arts)
    out["date_accuracy_on_matched"] = round(date_ok / dated, 4) if dated else 0.0
    out["contexts_on_matched"] = ctx.as_dict()
    out["attribution_on_matched"] = attributed.as_dict()
    return out


def _calibration(items: list, arts: list, bins: int = 5) -> dict:
    """Is ``confidence`` a probability of being right? Every predicted event is right when it
    matches a gold event of its text; expected calibration error over equal-width bins, and
    the mean confidence of right and wrong events."""
    pairs = []
    for item, art in zip(items, arts):
        for ev in art.events:
            right = any(_matches(g, ev) for g in item.events)
            pairs.append((float(ev.confidence or 0.0), right))
    if not pairs:
        return {}
    ece = 0.0
    for b in range(bins):
        lo, hi = b / bins, (b + 1) / bins
        inside = [(c, r) for c, r in pairs if lo <= c < hi or (b == bins - 1 and c == 1.0)]
        if inside:
            mean_c = sum(c for c, _ in inside) / len(inside)
            share = sum(r for _, r in inside) / len(inside)
            ece += len(inside) / len(pairs) * abs(mean_c - share)
    right = [c for c, r in pairs if r]
    wrong = [c for c, r in pairs if not r]
    return {"ece": round(ece, 4), "n": len(pairs),
            "mean_right": round(sum(right) / len(right), 4) if right else 0.0,
            "mean_wrong": round(sum(wrong) / len(wrong), 4) if wrong else 0.0}


@scorer("cameo_class")
def _cameo_class(items: list, config: Config) -> dict:
    """5-way class of a sentence from its events: none -> 0; else the quad class of the
    main event: of the events' classes, the one the sentence classifier finds likeliest, or
    without the classifier the class of the event nearest the sentence's root. The
    training sentences of the classifier are scored by the fold model that never saw them
    (events.classifier_model = "cross-validation"); ``classifier_macro_f1`` is the
    classifier's own argmax, for comparison."""
    from ..config import merge
    from ..events.ontology import load_ontology

    onto = load_ontology()
    use_classifier = bool(config["events"]["classifier"])
    if use_classifier:
        config = merge(config, {"events": {"classifier_model": "cross-validation"}},
                       "evaluation")
    arts = list(coded(items, config))
    probs = None
    if use_classifier:
        from ..events.classify import probabilities

        probs = probabilities([i.text for i in items], "cross-validation",
                              int8=bool(config["events"]["classifier_int8"]))
    gold, pred = [], []
    for n, (item, art) in enumerate(zip(items, arts)):
        gold.append(int(item.label))
        if not art.events:
            pred.append(0)
            continue
        if probs is not None:
            # the events' class the classifier finds likeliest; a verbal event may also be
            # what CAMEO's class 0 calls a statement (public statements, appeals)
            classes = {onto.cameo_class(ev.event) for ev in art.events}
            if classes & {1, 3}:
                classes.add(0)
            pred.append(max(classes, key=lambda c: probs[n][c]))
            continue
        root = next(iter(art.doc.sents)).root if art.doc is not None else None
        main = min(art.events, key=lambda ev: abs(ev.start - root.idx)
                   if root is not None else 0)
        pred.append(onto.cameo_class(main.event))
    out = scoring.classification(gold, pred)
    # over-generation: sentences that hold no event but get one
    # (CAMEO's class 0 is "statement or no event": a verbal event there may be right, an
    # asserted material act is over-generation)
    zero = [art for item, art in zip(items, arts) if int(item.label) == 0]
    out["events_on_eventless_share"] = round(sum(bool(a.events) for a in zero) / len(zero), 4) \
        if zero else 0.0
    out["material_acts_on_eventless_share"] = round(sum(any(
        onto.cameo_class(e.event) in (2, 4) and e.modality in ("asserted", "historical")
        for e in a.events) for a in zero) / len(zero), 4) if zero else 0.0
    if probs is not None:
        alone = probs.argmax(1).tolist()
        out["classifier_macro_f1"] = scoring.classification(gold, alone)["macro_f1"]
    return out


@scorer("cameo_spans")
def _cameo_spans(items: list, config: Config) -> dict:
    """Labelled event participants against CAMEO's source (S), target (T) and reciprocal
    (R) spans. Each event's actor mentions are S (R when a reciprocal event lists several
    actors and no recipient), its recipients' mentions T; a mention is widened to its noun
    phrase (determiners, modifiers, "of"-phrases: CAMEO's spans are whole phrases). Exact
    and overlap F1; ``f1`` is exact, as ConfliBERT's 0.740."""
    arts = list(coded(items, config))
    spans = scoring.SpanScores()
    for item, art in zip(items, arts):
        gold = [(s.start, s.end, s.label) for s in item.spans]
        pred: set[tuple[int, int, str]] = set()
        for ev in art.events:
            reciprocal = len(ev.actor) > 1 and not ev.recipient
            for span in ev.actor_spans:
                if span:
                    pred.add((*_phrase_chars(art.doc, span), "R" if reciprocal else "S"))
            for span in ev.recipient_spans:
                if span:
                    pred.add((*_phrase_chars(art.doc, span), "T"))
        spans.add(gold, sorted(pred))
    out = spans.as_dict()
    out["f1"] = out["exact"]["f1"]
    return out


def _phrase_chars(doc, span: list[int]) -> tuple[int, int]:
    """The noun phrase a mention heads, as character offsets: from its left edge to the end
    of its "of"/"in" complements, without relative clauses or appositions."""
    mention = doc.char_span(span[0], span[1], alignment_mode="expand")
    if mention is None:
        return span[0], span[1]
    head = mention.root
    start = min(head.left_edge.i, mention.start)
    end = max(head.i + 1, mention.end)
    for child in head.rights:
        if child.dep_ == "prep" and child.lower_ in ("of", "in", "from"):
            end = max(end, child.right_edge.i + 1)
        elif child.dep_ in ("relcl", "appos", "acl", "punct", "cc", "conj"):
            break
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)

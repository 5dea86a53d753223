"""The ``stance`` stage: the article's tone towards each actor it discusses, quoted holders'
stances kept apart, genre and persuasion markers.

For every sentence that names a discussed actor (or a body or official acting for a
state, ``voices.groups``):

1. rules (``target.py``): evaluative words whose roles that actor fills, with negation
   and hedges; asserted acts of force or coercion by it in a sentence that the outlet
   itself words with loaded language add ``event_weight`` of criticism;
2. the learned model (``model.py``): p(positive) - p(negative) for the actor in that
   sentence, its neutral band taken out; the sentence's score is
   ``rule_weight * rules + model_weight * model`` (clipped to [-1, 1]);
3. the voice: words inside a quote with a speaker, and a sentence whose mention of the
   actor is inside such a quote, are that speaker's stance (``Stance.attributed``), as
   is a holder verb ("X condemned Y": X's stance towards Y); the rest is the outlet's.

The record's score is the weighted mean of its own-voice sentence scores with ``prior``
neutral sentences added (lead sentences weigh ``lead_weight``); the label follows the
``critical_at`` / ``favourable_at`` thresholds. Evidence: the sentences that carry the
score (same sign, |score| >= ``evidence_min``), strongest first.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from typing import Optional

import numpy as np

from ..config import Config
from ..pipeline import register_stage
from ..schema import Article, Framing, HeldStance, Stance
from . import genre as genre_mod
from .lexicon import load_lexicon
from .persuasion import find_markers
from .sentences import rule_score
from .target import Hit, MentionIndex, find_hits
from .voices import Voices, groups, salience

log = logging.getLogger(__name__)

FORCE_EVENTS = ("ASSAULT", "COERCE", "THREATEN")


def label_of(score: float, c: dict) -> str:
    if score <= -float(c["critical_at"]):
        return "critical"
    if score >= float(c["favourable_at"]):
        return "favourable"
    return "neutral"


def _event_hits(art: Article, hits: list[Hit], loaded: set[int], weight: float,
                sent_of_char) -> list[Hit]:
    """Criticism of the doer of an asserted, unattributed act of force that the outlet
    words with loaded language (a loaded cue or a critical rule hit in the sentence)."""
    if not weight:
        return []
    critical = {h.sentence for h in hits if h.kind == "eval" and h.score < 0} | loaded
    by_span = {(m.start, m.end): a.id for a in art.actors for m in a.mentions}
    out = []
    for ev in art.events:
        if ev.event not in FORCE_EVENTS or ev.modality != "asserted" or ev.attributed_to:
            continue
        k = sent_of_char(ev.start or 0)
        if k not in critical:
            continue
        for sp in ev.actor_spans:
            aid = by_span.get(tuple(sp)) if sp else None
            if aid:
                out.append(Hit(aid, -weight, k, ev.start or 0, ev.end or 0,
                               f"event:{ev.event}", "agent", "eval"))
    return out


class ArticleStance:
    """The per-article computation; one instance per article."""

    def __init__(self, art: Article, c: dict, lex, use_model: bool):
        self.art, self.c, self.lex, self.use_model = art, c, lex, use_model
        self.margin = 0.0
        if use_model:
            from .model import load_model

            self.margin = min(0.9, float(load_model().meta.get("threshold", 0.0)))
        doc = art.doc
        self.sents = list(doc.sents)
        self.starts = [s.start_char for s in self.sents]
        self.index = MentionIndex(doc, art.actors)
        self.voices = Voices(art)
        self.hits = find_hits(doc, self.index, lex, lex.cues_of("hedge"))
        self.markers = find_markers(art.text, lex, [[s.start_char, s.end_char]
                                                    for s in self.sents])
        loaded = {m.sentence for m in self.markers if m.technique in (
            "Loaded_Language", "Name_Calling,Labeling") and m.sentence is not None
            and self.voices.holder_at(m.start) is None}
        self.hits += _event_hits(art, self.hits, loaded, float(c["event_weight"]),
                                 self.sentence_of)

    def sentence_of(self, pos: int) -> int:
        import bisect

        return max(0, bisect.bisect_right(self.starts, pos) - 1)

    def _mentions_in(self, members: list[str], k: int) -> list[tuple[int, int]]:
        s = self.sents[k]
        out = []
        for a in self.art.actors:
            if a.id in members:
                out += [(m.start, m.end) for m in a.mentions
                        if s.start_char <= m.start < s.end_char]
        return sorted(out)

    def run(self) -> tuple[list[Stance], Framing]:
        c, art = self.c, self.art
        why = salience(art, int(c["min_mentions"]), int(c["lead_sentences"]))
        grp = groups(art.actors, c["rollup_sectors"]) if c["rollup"] else {
            a.id: [a.id] for a in art.actors}
        records = [a for a in art.actors if why.get(a.id)]
        # (record, sentence) pairs: own voice or a holder's
        pairs: list[tuple[str, int, Optional[object], tuple[int, int]]] = []
        for a in records:
            sent_ids = sorted({self.sentence_of(m.start) for mid in grp[a.id]
                               for x in art.actors if x.id == mid for m in x.mentions})
            for k in sent_ids:
                spans = self._mentions_in(grp[a.id], k)
                if not spans:
                    continue
                holders = [self.voices.holder_at(s) for s, _ in spans]
                own = [sp for sp, h in zip(spans, holders) if h is None]
                pairs.append((a.id, k, None if own else holders[0], (own or spans)[0]))
        model_scores = self._model(pairs)
        stances = []
        for a in records:
            stances.append(self._record(a, grp[a.id], why[a.id], pairs, model_scores))
        return stances, self._framing()

    def _model(self, pairs) -> dict[tuple[str, int], float]:
        if not self.use_model or not pairs:
            return {}
        from .model import pair_scores, rule_features

        by_sent: dict[int, list[int]] = defaultdict(list)
        cued = self._cued() if self.c["model_scope"] == "cued" else None
        for n, (_aid, k, _h, _sp) in enumerate(pairs):
            if cued is None or k in cued:
                by_sent[k].append(n)
        if not by_sent:
            return {}
        ks = sorted(by_sent)
        texts = [self.sents[k].text for k in ks]
        targets, rules = [], []
        for k in ks:
            base = self.sents[k].start_char
            targets.append([(pairs[n][3][0] - base, pairs[n][3][1] - base) for n in by_sent[k]])
            rules.append([rule_features(self._pair_hits(pairs[n][0], k)) for n in by_sent[k]])
        scores = pair_scores(texts, targets, rules, bool(self.c["int8"]))
        return {(pairs[n][0], k): float(s) for k, sc in zip(ks, scores)
                for n, s in zip(by_sent[k], sc)}

    def _cued(self) -> set[int]:
        """Sentences worth the model: the lead, and those holding an evaluative word
        (about anyone), a persuasion marker or a hedge."""
        out = set(range(int(self.c["lead_sentences"])))
        out |= {h.sentence for h in self.hits}
        out |= {m.sentence for m in self.markers if m.sentence is not None}
        hedges = self.lex.cues_of("hedge")
        out |= {k for k, s in enumerate(self.sents) if any(c.regex.search(s.text)
                                                          for c in hedges)}
        return out

    def _pair_hits(self, aid: str, k: int, members: Optional[list[str]] = None) -> list[Hit]:
        members = members or [aid]
        return [h for h in self.hits if h.sentence == k and h.actor in members]

    def _record(self, a, members, why, pairs, model_scores) -> Stance:
        c = self.c
        w_rule, w_model = float(c["rule_weight"]), float(c["model_weight"])
        own: dict[int, float] = {}
        held: dict[str, list[tuple[int, float, object]]] = defaultdict(list)
        for aid, k, holder, _sp in pairs:
            if aid != a.id:
                continue
            hits = self._pair_hits(aid, k, members)
            own_hits = [h for h in hits if h.kind == "eval" and
                        self.voices.holder_at(h.start) is None]
            m = model_scores.get((aid, k))
            r = rule_score(own_hits)
            s = float(np.clip(w_model * self._beyond_margin(m) + w_rule * r, -1, 1)) \
                if m is not None else r
            if holder is None:
                own[k] = s
            else:
                held[holder.key].append((k, s, holder))
            for h in hits:  # quoted words and holder verbs: the holder's stance
                qh = self.voices.holder_at(h.start)
                if h.kind == "holder" and h.holder:
                    held[h.holder].append((k, h.score, _HolderRef(h.holder, self.art)))
                elif qh is not None and h.kind == "eval":
                    held[qh.key].append((k, h.score, qh))
        lead = int(c["lead_sentences"])
        score = self._mean(own, lead)
        label = label_of(score, c)
        ev = self._evidence(own, score)
        texts, spans = self._text(ev)
        t = float(c["evidence_min"])
        return Stance(
            actor=a.id, score=round(score, 4), label=label, evidence=texts, name=a.name,
            code=a.code, sector=a.sector, kind=a.kind, salience=list(why),
            includes=members[1:], spans=spans, sentences=ev,
            counts={"sentences": len(own), "critical": sum(1 for s in own.values() if s <= -t),
                    "favourable": sum(1 for s in own.values() if s >= t),
                    "mentions": len(a.mentions)},
            attributed=self._held(held, a.id))

    def _mean(self, scored: dict[int, float], lead: int = 0) -> float:
        """Weighted mean of sentence scores: a sentence at |score| >= ``evidence_min``
        weighs 1 (lead sentences ``lead_weight``), a neutral one ``neutral_weight``, those
        between in proportion; plus ``prior`` neutral weight."""
        c = self.c
        nw, t = float(c["neutral_weight"]), float(c["evidence_min"])
        num = den = 0.0
        for k, s in scored.items():
            w = float(c["lead_weight"]) if k < lead else 1.0
            w *= nw + (1.0 - nw) * min(1.0, abs(s) / t)
            num += w * s
            den += w
        return num / (den + float(c["prior"])) if scored else 0.0

    def _beyond_margin(self, m: float) -> float:
        """The model's score with its neutral band (the label threshold it was trained
        with) taken out: inside the band 0, beyond it rescaled to reach +-1."""
        t = self.margin
        return float(np.sign(m) * max(0.0, abs(m) - t) / (1.0 - t))

    def _text(self, ks: list[int]) -> tuple[list[str], list[list[int]]]:
        """Evidence sentences as text (surrounding space trimmed) and [start, end]."""
        texts, spans = [], []
        for k in ks:
            s = self.sents[k]
            raw = s.text
            lead = len(raw) - len(raw.lstrip())
            texts.append(raw.strip())
            spans.append([s.start_char + lead, s.start_char + lead + len(raw.strip())])
        return texts, spans

    def _evidence(self, scored: dict[int, float], score: float) -> list[int]:
        t = float(self.c["evidence_min"])
        sign = -1 if score < 0 else 1
        keep = [k for k, s in scored.items() if abs(s) >= t and (s * sign > 0 or
                                                                  abs(score) < 1e-9)]
        keep.sort(key=lambda k: (-abs(scored[k]), k))
        return keep[:int(self.c["max_evidence"])]

    def _held(self, held, target: str) -> list[HeldStance]:
        out = []
        for key, items in held.items():
            holder = items[0][2]
            if getattr(holder, "actor_id", None) == target:
                continue
            per: dict[int, float] = {}
            for k, s, _h in items:
                per[k] = float(np.clip(per.get(k, 0.0) + s, -1, 1))
            score = self._mean(per)
            texts, spans = self._text(self._evidence(per, score))
            out.append(HeldStance(holder.name, holder.actor_id, holder.code,
                                  round(score, 4), label_of(score, self.c), texts, spans))
        out.sort(key=lambda h: -abs(h.score))
        return out

    def _framing(self) -> Framing:
        art = self.art
        own_eval = sum(1 for h in self.hits if h.kind == "eval" and
                       self.voices.holder_at(h.start) is None)
        quotes = [(q.start, q.end) for q in art.quotes if q.start is not None and
                  q.end is not None]
        sig = genre_mod.signals(art.text, art.title, art.url, art.metadata, quotes,
                                len(self.sents), own_eval, self.lex)
        scores = genre_mod.score_genres(sig)
        return Framing(genre_mod.decide(sig, scores), scores, sig, self.markers)


class _HolderRef:
    """A holder named by a holder verb's subject: an actor id or the words."""

    def __init__(self, key: str, art: Article):
        actor = next((a for a in art.actors if a.id == key), None)
        self.name = actor.name if actor else key
        self.actor_id = actor.id if actor else None
        self.code = actor.code if actor else None


@register_stage("stance", requires=("doc", "actors"), assigns=("stance", "framing"),
                version="1")
def make_stance(config: Config):
    """Tone towards each discussed actor (own voice and quoted holders), genre, persuasion."""
    c = config["stance"]
    lex = load_lexicon(tuple(c["extra"]))
    use_model = bool(c["model"])
    if use_model:
        from .model import load_model

        load_model()  # fail at build time, with the fix, when the weights are missing

    def stance(art: Article) -> Article:
        if art.doc is None:
            return art
        art.stance, art.framing = ArticleStance(art, c, lex, use_model).run()
        return art

    return stance

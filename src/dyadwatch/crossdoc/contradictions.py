"""Contradictions between sources, from the structured records plus sentence similarity
(no NLI model; docs/CROSSDOC.md, "Contradictions"). Three kinds:

- ``event``: one article asserts an event that another says did not happen: the same
  PLOVER type, actor and recipient lists sharing a code each, one record ``asserted``, the
  other ``negated``, publication dates within ``crossdoc.contradiction_window_days``.
  Of the candidate pairs of two articles, the pair of the most similar event cores (the
  words from trigger to parties, mentions replaced by their state's name: items.core_text)
  is kept, if at least ``crossdoc.contradiction_similarity``; shared contexts and the very
  same actor and recipient lists each add 0.1 when choosing.
- ``figure``: a claim cluster whose articles give values that cannot both hold (same
  measure, unit and period; claim_clusters.py), for figures with a period and a measure
  of at least two content words; up to three pairs of articles per cluster.
- ``characterisation``: two articles characterise the same pair of actors with opposite
  polarity on the same aspect (equality, trust, closeness, benefit; characterise.py); the
  most similar pair of sentences per pair of articles and aspect.

Both sides always come from different original articles (syndicated copies of one story
never contradict it) and different outlets (an unknown outlet counts as its own).
"""

from __future__ import annotations

import hashlib
from typing import Iterable, Optional, Sequence

import numpy as np

from ..schema import Contradiction
from .characterise import Characterisation
from .claim_clusters import interval, specific, values_agree
from .clusters import OpenCluster, within
from .items import ArticleInfo, ClaimItem, EventItem


def _id(kind: str, a: str, b: str) -> str:
    return "cx-" + hashlib.sha1(f"{kind}|{a}|{b}".encode()).hexdigest()[:12]


def _apart(a: ArticleInfo, b: ArticleInfo) -> bool:
    return a.original != b.original and a.outlet != b.outlet


def _cue_mark(evidence: str, cue: Optional[str], start: Optional[int] = None) -> list[int]:
    if cue:
        i = evidence.lower().find(cue.lower())
        if i >= 0:
            return [i, i + len(cue)]
    return []


def _core_mark(item: EventItem) -> list[int]:
    """The event's core in its evidence, from its modality cue when that comes first."""
    core = list(item.core_span)
    cue = _cue_mark(item.evidence, item.modality_cue) if item.modality != "asserted" else []
    if core and cue and cue[0] < core[0] and core[0] - cue[1] < 80:
        return [cue[0], core[1]]
    return core or cue


def _side(prefix: str, art: ArticleInfo, evidence: str, start, end, mark, says) -> dict:
    return {f"{prefix}_article": art.id, f"{prefix}_source": art.source,
            f"{prefix}_published": art.published, f"{prefix}_evidence": evidence,
            f"{prefix}_start": start, f"{prefix}_end": end, f"{prefix}_mark": list(mark),
            f"{prefix}_says": says}


def _who(item: EventItem) -> str:
    return f" (according to {item.attributed_to})" if item.attributed_to else ""


def _question(text: str) -> bool:
    return text.rstrip().rstrip("\"'”’)").endswith("?")


def event_contradictions(items: Sequence[EventItem], embed, threshold: float,
                         window_days: int) -> list[Contradiction]:
    """Asserted vs negated records (see the module's docstring); a record in a question
    asserts and denies nothing and is left out."""
    asserted: dict[tuple, list[int]] = {}
    for i, it in enumerate(items):
        if it.modality == "asserted" and not _question(it.evidence):
            for a in it.actor:
                for r in it.recipient:
                    asserted.setdefault((it.event, a, r), []).append(i)
    negated = [i for i, it in enumerate(items) if it.modality == "negated" and it.actor
               and it.recipient and not _question(it.evidence)]
    pairs: dict[tuple[str, str, str], tuple[float, int, int]] = {}
    cand: list[tuple[int, int]] = []
    for n in negated:
        neg = items[n]
        seen = set()
        for a in neg.actor:
            for r in neg.recipient:
                for i in asserted.get((neg.event, a, r), ()):
                    pos = items[i]
                    if i in seen or not _apart(neg.art, pos.art):
                        continue
                    if not within(neg.art.published, pos.art.published, window_days):
                        continue
                    seen.add(i)
                    cand.append((i, n))
    if not cand:
        return []
    idx = sorted({i for pair in cand for i in pair})
    vecs = dict(zip(idx, embed([items[i].core or items[i].evidence for i in idx])))
    for i, n in cand:
        pos, neg = items[i], items[n]
        sim = float(np.dot(vecs[i], vecs[n]))
        # shared contexts, and the very same parties (not merely overlapping), add weight
        score = sim + (0.1 if set(pos.contexts) & set(neg.contexts) else 0.0) + \
            (0.1 if (pos.actor, pos.recipient) == (neg.actor, neg.recipient) else 0.0)
        key = (pos.art.id, neg.art.id, pos.event)
        if sim >= threshold and (key not in pairs or score > pairs[key][0]):
            pairs[key] = (score, i, n)
    out = []
    for (_, _, event), (score, i, n) in sorted(pairs.items()):
        pos, neg = items[i], items[n]
        dyad = list(dict.fromkeys(pos.actor + pos.recipient))
        arrow = f"{'+'.join(neg.actor)} -> {'+'.join(neg.recipient)}"
        reason = (f"{pos.art.outlet} reports {event} {arrow} as having happened{_who(pos)}; "
                  f"{neg.art.outlet} says it did not{_who(neg)}"
                  + (f" (\"{neg.modality_cue}\")" if neg.modality_cue else ""))
        out.append(Contradiction(
            _id("event", f"{pos.art.id}#{pos.idx}", f"{neg.art.id}#{neg.idx}"), "event",
            event, dyad, reason, round(float(np.dot(vecs[i], vecs[n])), 4),
            **_side("a", pos.art, pos.evidence, pos.start, pos.end, _core_mark(pos),
                    "asserted"),
            **_side("b", neg.art, neg.evidence, neg.start, neg.end, _core_mark(neg),
                    "negated")))
    return out


def _claim_says(c: ClaimItem) -> str:
    q = f"{c.qualifier} " if c.qualifier else ""
    return f"{q}{c.text}"


def _claim_mark(c: ClaimItem) -> list[int]:
    return _cue_mark(c.evidence, c.text)


def figure_contradictions(clusters: Iterable[OpenCluster], tol: float,
                          max_per_cluster: int = 3) -> list[Contradiction]:
    out = []
    for cl in clusters:
        items: list[ClaimItem] = cl.items
        done: set[tuple[str, str]] = set()
        for i, a in enumerate(items):
            for b in items[i + 1:]:
                key = (a.art.original, b.art.original)
                if key in done or not _apart(a.art, b.art) or values_agree(a, b, tol):
                    continue
                if not (specific(a) and specific(b)):
                    continue
                if len(done) >= max_per_cluster:
                    break
                done.add(key)
                la, ha = interval(a, tol)
                lb, hb = interval(b, tol)
                period = f" for {a.period}" if a.period else ""
                reason = (f"{a.art.outlet} gives {_claim_says(a)} and {b.art.outlet} gives "
                          f"{_claim_says(b)} for {a.measure!r}{period}; the values cannot "
                          f"both hold ({la:g}-{ha:g} vs {lb:g}-{hb:g}, tolerance {tol:g})")
                out.append(Contradiction(
                    _id("figure", f"{a.art.id}#{a.idx}", f"{b.art.id}#{b.idx}"), "figure",
                    a.measure, list(dict.fromkeys(a.actors + b.actors)), reason, None,
                    **_side("a", a.art, a.evidence, a.start, a.end, _claim_mark(a),
                            _claim_says(a)),
                    **_side("b", b.art, b.evidence, b.start, b.end, _claim_mark(b),
                            _claim_says(b))))
    return out


def _char_says(c: Characterisation) -> str:
    word = "+" if c.polarity > 0 else "-"
    return f"{c.aspect} {word}: {c.evidence[c.mark[0]:c.mark[1]]}"


def characterisation_contradictions(found: Sequence[Characterisation], embed,
                                    ) -> list[Contradiction]:
    groups: dict[tuple, tuple[list[int], list[int]]] = {}
    for i, c in enumerate(found):
        pos, neg = groups.setdefault((c.aspect, c.dyad), ([], []))
        (pos if c.polarity > 0 else neg).append(i)
    cand = [(i, j) for pos, neg in groups.values() for i in pos for j in neg
            if _apart(found[i].art, found[j].art)]
    if not cand:
        return []
    idx = sorted({k for pair in cand for k in pair})
    vecs = dict(zip(idx, embed([found[k].evidence for k in idx])))
    best: dict[tuple, tuple[float, int, int]] = {}
    for i, j in cand:
        a, b = found[i], found[j]
        # a sentence naming both parties beats one read from the article's main pair
        sim = float(np.dot(vecs[i], vecs[j]))
        score = sim + 0.2 * ((a.basis != "article") + (b.basis != "article"))
        key = (a.art.id, b.art.id, a.aspect, a.dyad)
        if key not in best or score > best[key][0]:
            best[key] = (score, i, j)
    out = []
    for key, (_, i, j) in sorted(best.items()):
        a, b = found[i], found[j]
        pair = "-".join(a.dyad)
        def who(c):
            return f" (quoting {c.speaker})" if c.speaker else ""
        reason = (f"{a.art.outlet} describes the {pair} relationship as positive on "
                  f"{a.aspect} (\"{a.evidence[a.mark[0]:a.mark[1]]}\"){who(a)}; "
                  f"{b.art.outlet} as negative (\"{b.evidence[b.mark[0]:b.mark[1]]}\")"
                  f"{who(b)}")
        out.append(Contradiction(
            _id("characterisation", f"{a.art.id}#{a.sentence}#{a.aspect}",
                f"{b.art.id}#{b.sentence}#{b.aspect}"), "characterisation", a.aspect,
            list(a.dyad), reason, round(float(np.dot(vecs[i], vecs[j])), 4),
            **_side("a", a.art, a.evidence, a.start, a.end, a.mark, _char_says(a)),
            **_side("b", b.art, b.evidence, b.start, b.end, b.mark, _char_says(b))))
    return out

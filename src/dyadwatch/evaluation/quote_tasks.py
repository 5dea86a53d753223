"""Scorers of the quotes stage: PolNeAR attributions and the project's own quotes.

Each gold text is parsed as it is (no cleaning: gold offsets hold) and run through the
``parse``, ``actors`` and ``quotes`` stages. A predicted *attribution* is a quote with the
fragments that continue it (``continued`` with the same cue and speaker words): PolNeAR
annotates a split quote as one relation with several content fragments.

Content is compared on word tokens (runs of letters and digits; quotation marks and
punctuation never count):

- ``exact``: same set of word tokens (so "that", kept by some PolNeAR annotators, counts);
- ``overlap`` (the headline ``f1``): gold and predicted attributions paired one to one,
  greedily by the number of shared tokens; a pair counts when it shares at least one token
  (the "soft" match of the PARC literature);
- ``tokens``: the proportional measure of citron's evaluation: precision is the share of
  predicted content tokens inside some gold content, recall the share of gold content
  tokens inside some predicted content (over each article's union of spans);
- ``cue``: cues of the overlap-paired attributions and all others, exact (same tokens) and
  overlap (a shared token), one to one;
- ``speaker_accuracy``: on overlap-paired attributions whose gold has a source span, the
  predicted speaker words overlap it (character overlap).

For the own gold also: speaker name, code, role and affiliation agreement on paired quotes.
"""

from __future__ import annotations

import re

from ..config import Config
from .runs import analysed as run_stages
from . import scoring
from .tasks import scorer

WORD = re.compile(r"\w+")


def analysed(items: list, config: Config, published: list | None = None):
    """Articles with actors and quotes for each gold text (no cleaning: offsets hold)."""
    return run_stages(items, config, ["parse", "actors", "quotes"], published, batch=16)


def tokens(text: str, spans) -> frozenset[int]:
    """Start offsets of the word tokens inside any of ``spans``."""
    out = set()
    for s, e in spans:
        if s is None or e is None:
            continue
        out.update(m.start() + s for m in WORD.finditer(text[s:e]))
    return frozenset(out)


def predicted(art) -> list[dict]:
    """The article's quotes grouped into attributions (fragments of one quote together)."""
    groups: list[dict] = []
    for q in art.quotes:
        spans = [tuple(p) for p in q.parts] or [(q.start, q.end)]
        key = (q.cue_start, q.speaker_start)
        if q.continued and groups and groups[-1]["key"] == key and key != (None, None):
            groups[-1]["content"] += spans
            groups[-1]["quotes"].append(q)
            continue
        groups.append({"key": key, "content": list(spans), "quotes": [q],
                       "cue": (q.cue_start, q.cue_end),
                       "source": (q.speaker_start, q.speaker_end)})
    return groups


def _gold(item) -> list[dict]:
    frags = item.meta.get("fragments") or [None] * len(item.quotes)
    out = []
    for q, fr in zip(item.quotes, frags):
        content = fr["content"] if fr else [(q.content.start, q.content.end)]
        out.append({"content": content, "quote": q,
                    "cue": (q.cue.start, q.cue.end) if q.cue else None,
                    "source": (q.source.start, q.source.end) if q.source else None})
    return out


def _pair(gold_toks: list[frozenset], pred_toks: list[frozenset]) -> list[tuple[int, int]]:
    cand = [(len(g & p), i, j) for i, g in enumerate(gold_toks)
            for j, p in enumerate(pred_toks) if g & p]
    used_g, used_p, pairs = set(), set(), []
    for _, i, j in sorted(cand, reverse=True):
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            pairs.append((i, j))
    return pairs


def _overlaps(a, b) -> bool:
    return bool(a and b and a[0] is not None and b[0] is not None and a[0] < b[1] and
                b[0] < a[1])


class QuoteScores:
    def __init__(self) -> None:
        self.exact = scoring.PRF()
        self.overlap = scoring.PRF()
        self.cue_exact = scoring.PRF()
        self.cue_overlap = scoring.PRF()
        self.tok_hit_p = self.tok_pred = self.tok_hit_r = self.tok_gold = 0
        self.speaker_n = self.speaker_ok = 0
        self.pairs: list[tuple[dict, dict]] = []

    def add(self, text: str, gold: list[dict], pred: list[dict]) -> None:
        gt = [tokens(text, g["content"]) for g in gold]
        pt = [tokens(text, p["content"]) for p in pred]
        exact = scoring.match_exact([(min(t, default=0), max(t, default=0), str(sorted(t)))
                                     for t in gt if t],
                                    [(min(t, default=0), max(t, default=0), str(sorted(t)))
                                     for t in pt if t])
        self.exact = self.exact.add(exact)
        pairs = _pair(gt, pt)
        self.overlap = self.overlap.add(scoring.PRF(len(pairs), len(pred) - len(pairs),
                                                    len(gold) - len(pairs)))
        all_g, all_p = frozenset().union(*gt), frozenset().union(*pt)
        self.tok_hit_p += len(all_p & all_g)
        self.tok_pred += len(all_p)
        self.tok_gold += len(all_g)
        self.tok_hit_r += len(all_g & all_p)
        gc = [tokens(text, [g["cue"]]) for g in gold if g["cue"]]
        pc = [tokens(text, [p["cue"]]) for p in pred if p["cue"][0] is not None]
        cue_pairs = _pair(gc, pc)
        self.cue_overlap = self.cue_overlap.add(scoring.PRF(
            len(cue_pairs), len(pc) - len(cue_pairs), len(gc) - len(cue_pairs)))
        self.cue_exact = self.cue_exact.add(scoring.match_exact(
            [(0, 0, str(sorted(t))) for t in gc], [(0, 0, str(sorted(t))) for t in pc]))
        for i, j in pairs:
            self.pairs.append((gold[i], pred[j]))
            if gold[i]["source"]:
                self.speaker_n += 1
                self.speaker_ok += _overlaps(gold[i]["source"], pred[j]["source"])

    def as_dict(self) -> dict:
        p = self.tok_hit_p / self.tok_pred if self.tok_pred else 0.0
        r = self.tok_hit_r / self.tok_gold if self.tok_gold else 0.0
        out = {"f1": round(self.overlap.f1, 4), "overlap": self.overlap.as_dict(),
               "exact": self.exact.as_dict(),
               "tokens": {"precision": round(p, 4), "recall": round(r, 4),
                          "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0},
               "cue_f1": round(self.cue_overlap.f1, 4), "cue_overlap": self.cue_overlap.as_dict(),
               "cue_exact": self.cue_exact.as_dict(),
               "speaker_accuracy": round(self.speaker_ok / self.speaker_n, 4)
               if self.speaker_n else 0.0, "speaker_n": self.speaker_n}
        return out


def _score(items: list, arts: list) -> QuoteScores:
    s = QuoteScores()
    for item, art in zip(items, arts):
        s.add(item.text, _gold(item), predicted(art))
    return s


@scorer("polnear_quotes")
def _polnear_quotes(items: list, config: Config) -> dict:
    """Content overlap F1, exact and token scores, cue F1 and speaker accuracy on PolNeAR,
    for the whole set and for its first and second half (the first half was used while
    writing the rules)."""
    arts = list(analysed(items, config))
    out = _score(items, arts).as_dict()
    half = len(items) // 2
    if half:
        for name, sl in (("first_half", slice(0, half)), ("second_half", slice(half, None))):
            part = _score(items[sl], arts[sl]).as_dict()
            out[name] = {k: part[k] for k in ("f1", "tokens", "cue_f1", "speaker_accuracy")}
            out[name]["items"] = len(items[sl])
    out["by_kind"] = _by_kind(arts)
    return out


def _by_kind(arts) -> dict:
    counts: dict[str, int] = {}
    for art in arts:
        for q in art.quotes:
            counts[q.kind] = counts.get(q.kind, 0) + 1
    return counts


def _norm(name: str | None) -> str:
    return re.sub(r"^the\s+", "", (name or "").strip().lower())


def _agree(gold: str | None, pred: str | None) -> bool:
    g, p = _norm(gold), _norm(pred)
    return bool(g and p) and (g in p or p in g)


@scorer("own_quotes")
def _own_quotes(items: list, config: Config) -> dict:
    """The same scores on the own gold, plus speaker name, code, role and affiliation on
    paired quotes. A gold speaker without a name (anonymous or collective) agrees with a
    predicted anonymous or collective speaker whose words contain the gold role."""
    arts = list(analysed(items, config))
    s = QuoteScores()
    speakers = []
    for item, art in zip(items, arts):
        gold = _gold(item)
        for g, sp in zip(gold, item.meta.get("speakers") or []):
            g["speaker"] = sp
        s.add(item.text, gold, predicted(art))
    out = s.as_dict()
    name_ok = code_ok = role_ok = aff_ok = n = 0
    for g, p in s.pairs:
        gs = g.get("speaker") or {}
        ps = p["quotes"][0].speaker
        n += 1
        if ps is None:
            continue
        if gs.get("name"):
            name_ok += _agree(gs.get("name"), ps.name)
        else:
            name_ok += ps.kind in ("anonymous", "collective") and (
                not gs.get("role") or _agree(gs.get("role").rstrip("s"), ps.name))
        code_ok += (gs.get("code") or None) == (ps.code or None)
        role_ok += _agree(gs.get("role"), ps.role) if gs.get("role") else not ps.role
        aff_ok += _agree(gs.get("affiliation"), ps.affiliation) if gs.get("affiliation") \
            else not ps.affiliation
        speakers.append(ps)
    for key, ok in (("speaker_name_accuracy", name_ok), ("speaker_code_accuracy", code_ok),
                    ("speaker_role_accuracy", role_ok),
                    ("speaker_affiliation_accuracy", aff_ok)):
        out[key] = round(ok / n, 4) if n else 0.0
    out["paired"] = n
    out["by_kind"] = _by_kind(arts)
    return out

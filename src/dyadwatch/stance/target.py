"""Target-aware evaluation over the parse: which actor each evaluative word is about.

An evaluative word (``lexicon.Entry``) gives a score to the actors that fill its roles,
found through the dependency parse, not to every actor in the sentence:

- a verb scores its doer (subject, or the ``by`` phrase of a passive) with ``agent`` and
  its undergoer (object, passive subject) with ``patient``: "X attacked Y" is critical of
  X, not of its victim Y; a verb of help scores its doer by what it helps when that is
  itself evaluated ("X helps Y's war of aggression" is critical of X);
- a noun scores its possessor, an actor naming it ("Russian aggression", "X's
  resilience"), its ``by`` phrase, its ``of`` phrase (as the lexicon's ``of`` column
  says: "the invasion of Y" names the victim), and whoever it is predicated of ("X is a
  bully", "X, a dictator"); a noun after "N of" passes to N ("war of aggression");
- an adjective scores the actor it modifies, or the owner of the noun it modifies ("X's
  unfair practices"), or the subject it is predicated of ("X is steadfast").

Negation ("not", "never", "no") turns a positive word negative and weakens a negative
one; a hedge in the sentence ("allegedly", "may") weakens every score in it. A ``holder``
word (condemn, praise) is the stance of its subject towards its object, never the
outlet's. Words inside a quote belong to the quote's speaker (``stage.py`` decides).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Optional

from .lexicon import Entry, Lexicon

SUBJ = ("nsubj", "csubj", "expl")
OBJ = ("dobj", "obj", "dative", "oprd")
PATIENT_PREPS = ("against", "on", "upon", "toward", "towards", "for", "at", "into")
NEG_WORDS = {"not", "n't", "never", "no", "neither", "nor", "without"}
# nouns of self-presentation or claim: words under them are not the outlet's evaluation
DISTANCING = {"image", "self-image", "narrative", "portrayal", "rhetoric", "claim", "façade",
              "facade", "pretence", "pretense", "label", "branding", "myth", "slogan"}


@dataclass
class Hit:
    """One evaluative word applied to one actor."""

    actor: str  # actor id
    score: float
    sentence: int
    start: int  # character offsets of the evaluative word(s)
    end: int
    term: str
    role: str  # agent or patient
    kind: str  # eval or holder
    holder: Optional[str] = None  # for kind holder: the actor id (or words) of the subject
    negated: bool = False
    hedge: float = 1.0


class MentionIndex:
    """Token index -> actor ids of the mentions covering it."""

    def __init__(self, doc, actors) -> None:
        from ..events.participants import ActorIndex  # the same token map the events use

        self.by_token: dict[int, set[str]] = {
            i: {a.id for a in found} for i, found in ActorIndex(doc, actors).by_token.items()}

    def at(self, tok) -> set[str]:
        """Actors named by ``tok``, by its compound/possessive modifiers, or (for a
        coordination) by its conjuncts."""
        out: set[str] = set()
        for t in (tok, *tok.conjuncts):
            got = self.by_token.get(t.i)
            if not got:
                for c in t.children:
                    if c.dep_ in ("compound", "amod", "nmod") and c.i in self.by_token:
                        got = self.by_token[c.i]
                        break
            out |= got or set()
        return out

    def sentence_actors(self, sent) -> set[str]:
        out: set[str] = set()
        for t in sent:
            out |= self.by_token.get(t.i, set())
        return out


def _negated(tok) -> bool:
    """Negation on the word or on the heads it hangs from up to its clause's verb
    ("is not a reliable partner", "did not attack")."""
    chain, t = [tok], tok
    while t.dep_ in ("amod", "acomp", "attr", "dobj", "xcomp", "compound", "oprd") and \
            t.head.i != t.i and len(chain) < 4:
        t = t.head
        chain.append(t)
    for t in chain:
        if any(c.dep_ == "neg" or (c.lower_ in NEG_WORDS and c.dep_ in ("det", "advmod",
                                                                          "preconj"))
               for c in t.children):
            return True
    return False


def _subjects(v, depth: int = 0) -> tuple[list, list]:
    """(doers, undergoers) of a verb: active subject and ``by`` agent; passive subject."""
    agents, patients = [], []
    for c in v.children:
        if c.dep_ in SUBJ:
            agents.append(c)
        elif c.dep_ == "nsubjpass":
            patients.append(c)
        elif c.dep_ == "agent":
            agents += [g for g in c.children if g.dep_ == "pobj"]
    if not agents and not patients and depth < 3:
        if (v.dep_ in ("xcomp", "conj") or (v.dep_ == "advcl" and v.tag_ in ("VBG", "VBN"))) \
                and v.head.pos_ in ("VERB", "AUX"):
            return _subjects(v.head, depth + 1)
        if v.dep_ in ("relcl", "acl"):
            return ([], [v.head]) if v.tag_ == "VBN" else ([v.head], [])
    return agents, patients


def _objects(v) -> list:
    out = [c for c in v.children if c.dep_ in OBJ]
    for p in v.children:
        if p.dep_ == "prep" and p.lower_ in PATIENT_PREPS:
            out += [g for g in p.children if g.dep_ == "pobj"]
    if v.dep_ == "conj" and not out:  # "aided and abetted X": the object is shared
        out = [c for c in v.head.children if c.dep_ in OBJ]
    return out


def _predicated_of(tok) -> list:
    """Who a noun or adjective is said of: "X is a bully", "X, a dictator", "X seems
    reckless", "X became isolated"."""
    if tok.dep_ in ("attr", "acomp", "oprd") and tok.head.pos_ in ("AUX", "VERB"):
        agents, patients = _subjects(tok.head)
        return agents + patients
    if tok.dep_ == "appos":
        return [tok.head]
    if tok.dep_ == "conj":
        return _predicated_of(tok.head)
    return []


def _noun_roles(n, entry: Optional[Entry], depth: int = 0) -> tuple[list, list]:
    agents, patients = [], []
    for c in n.children:
        if c.dep_ == "poss" or (c.dep_ in ("amod", "compound", "nmod") and c.ent_type_):
            agents.append(c)
        elif c.dep_ == "prep":
            objs = [g for g in c.children if g.dep_ == "pobj"]
            word = c.lower_
            if word == "by" or (word == "from" and entry is None):
                agents += objs
            elif word == "of" and entry is not None and entry.of:
                (agents if entry.of == "agent" else patients).extend(objs)
            elif word in PATIENT_PREPS:
                patients += objs
    agents += _predicated_of(n)
    # "war of aggression", "acts of bullying": the owner of the head noun is the doer
    if depth < 2 and n.dep_ == "pobj" and n.head.lower_ == "of" and n.head.head.pos_ in (
            "NOUN", "PROPN"):
        a2, _p2 = _noun_roles(n.head.head, None, depth + 1)
        agents += a2
    if depth < 2 and n.dep_ == "conj" and n.head.pos_ in ("NOUN", "PROPN"):
        a2, _p2 = _noun_roles(n.head, None, depth + 1)
        agents += a2
    return agents, patients


def _adj_roles(a) -> list:
    if a.dep_ == "amod" or (a.dep_ == "compound" and a.head.pos_ == "NOUN"):
        h = a.head
        return [h] + _noun_roles(h, None)[0]
    if a.dep_ == "conj":
        return _adj_roles(a.head)
    return _predicated_of(a)


def _roles(head, entry: Entry) -> tuple[list, list]:
    if entry.pos == "verb":
        agents, patients = _subjects(head)
        return agents, patients + _objects(head)
    if entry.pos == "noun":
        return _noun_roles(head, entry)
    return _adj_roles(head), []


def _phrase_head(span_tokens: list):
    ids = {t.i for t in span_tokens}
    for t in span_tokens:
        if t.head.i not in ids or t.head.i == t.i:
            return t
    return span_tokens[0]


def _furthered(head) -> list:
    """What a verb or noun of furthering acts on: a verb's objects (and the verb under
    it: "helping bankroll X"), a noun's "for/to" phrase ("support for Y's war")."""
    if head.pos_ in ("VERB", "AUX"):
        return _objects(head) + [c for c in head.children if c.dep_ in ("xcomp", "ccomp")]
    return [g for p in head.children if p.dep_ == "prep" and p.lower_ in ("for", "to", "of")
            for g in p.children if g.dep_ == "pobj"]


def _object_value(head, lex: Lexicon) -> float:
    """The most negative evaluation inside what ``head`` furthers ("helps Y's war of
    aggression"), 0 when there is none."""
    worst = 0.0
    for o in _furthered(head):
        for t in o.subtree:
            for pos in ("noun", "adj"):
                e = lex.lookup([t.lemma_.lower()], 0, pos) if t.pos_ in (
                    "NOUN", "ADJ", "VERB") else None
                if e and e.kind == "eval" and not e.furthers and e.agent < worst:
                    worst = e.agent
    return worst


def _pos_of(tok) -> Iterable[str]:
    if tok.pos_ in ("VERB", "AUX"):
        yield "verb"
        if tok.tag_ in ("VBN", "VBG") and tok.dep_ in ("amod", "acomp"):
            yield "adj"
    elif tok.pos_ in ("NOUN", "PROPN"):
        yield "noun"
    elif tok.pos_ == "ADJ":
        yield "adj"


def find_hits(doc, index: MentionIndex, lex: Lexicon, hedges: list) -> list[Hit]:
    """Every (evaluative word, actor) pair of the document."""
    lemmas = [t.lemma_.lower() for t in doc]
    hits: list[Hit] = []
    covered: set[int] = set()
    sent_of = {}
    for k, s in enumerate(doc.sents):
        for t in s:
            sent_of[t.i] = k
    hedge_of = _hedge_factors(doc, hedges)
    for tok in doc:
        if tok.i in covered:
            continue
        entry = next((e for p in _pos_of(tok) if (e := lex.lookup(lemmas, tok.i, p))), None)
        if entry is None:
            continue
        toks = list(doc[tok.i:tok.i + len(entry.words)])
        covered.update(t.i for t in toks)
        head = _phrase_head(toks)
        agents, patients = _roles(head, entry)
        neg = _negated(head)
        k = sent_of[tok.i]
        hedge = hedge_of.get(k, 1.0)
        if _distanced(head):
            continue
        a_score, p_score = entry.agent, entry.patient
        if entry.furthers:
            value = _object_value(head, lex)  # helping a wrong is a wrong
            if value < 0:
                a_score = min(value, -0.5)
        if neg:
            a_score, p_score = (_negate(a_score), _negate(p_score))
        start, end = toks[0].idx, toks[-1].idx + len(toks[-1])
        holders = sorted(set().union(*(index.at(a) for a in agents))) if agents else []
        if entry.kind == "holder":  # "condemned X's crackdown": a stance towards X
            patients = patients + [c for p in patients for c in p.children if c.dep_ == "poss"]
        for role, toks_r, score in (("agent", agents, a_score), ("patient", patients, p_score)):
            if not score:
                continue
            for actor in sorted(set().union(*(index.at(t) for t in toks_r)) if toks_r else ()):
                if entry.kind == "holder" and actor in holders:
                    continue  # nobody condemns themselves here
                holder = None
                if entry.kind == "holder":
                    holder = (holders[0] if holders else
                              (agents[0].text if agents else None))
                hits.append(Hit(actor, score * hedge, k, start, end, entry.term, role,
                                entry.kind, holder, neg, hedge))
    return hits


def _distanced(tok) -> bool:
    """An evaluation inside someone's self-presentation or claim ("its image of a
    responsible power", "the narrative of Western aggression") is not the outlet's."""
    t, steps = tok, 0
    while t.head.i != t.i and steps < 4 and t.dep_ in ("pobj", "prep", "amod", "compound",
                                                       "nmod", "conj", "attr"):
        t, steps = t.head, steps + 1
        if t.pos_ == "NOUN" and t.lemma_.lower() in DISTANCING:
            return True
    return False


def _negate(score: float) -> float:
    # a negated criticism is not praise ("did not attack"): a weak positive; a negated
    # praise is criticism ("is not reliable")
    return -0.3 * score if score < 0 else -0.8 * score


def _hedge_factors(doc, hedges: list) -> dict[int, float]:
    out: dict[int, float] = {}
    for k, s in enumerate(doc.sents):
        f = 1.0
        for cue in hedges:
            if cue.regex.search(s.text):
                f = min(f, cue.weight)
        if f < 1.0:
            out[k] = f
    return out


@dataclass
class _Target:
    """A stand-in actor for a target given by character spans (gold sets, the model's
    training sentences)."""

    id: str
    mentions: list


@dataclass
class _Span:
    start: int
    end: int


def span_targets(spans_per_target: list[list[tuple[int, int]]]) -> list[_Target]:
    """Actor-like targets ``t0, t1, ...`` from the character spans of each target."""
    return [_Target(f"t{j}", [_Span(s, e) for s, e in spans])
            for j, spans in enumerate(spans_per_target)]

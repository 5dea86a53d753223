"""The ``events`` stage: PLOVER events from the dependency parse of each sentence.

For every word the trigger lexicon (``events/data/triggers.tsv``) knows — a verb, a verb
with its particle ("call for", "pull out"), a light verb with its object ("hold talks",
"impose sanctions"), or a noun ("Xi's visit to Moscow", "the sanctions on Russia") — the
stage looks for the actors of the article (the ``actors`` stage) in the trigger's own
clause:

- actor: the subject (with its conjuncts: "China and Russia agreed"), the agent of a
  passive ("was supplied by X"), the subject of the verb an infinitive or a conjoined verb
  depends on ("agreed to supply", "criticised and sanctioned"), the possessor or the
  "by" phrase of a noun ("Xi's visit", "attacks by X");
- recipient: the direct object, the indirect object, the object of the prepositions the
  lexicon names for the trigger ("sell to", "sanctions on", "talks with"), the subject of
  a passive;
- reciprocal events (meet, agree, talks ...) with several actors or a "with" partner code
  every party as actor and leave the recipient empty (the project's gold convention).

An event needs an actor from the article's actors; the recipient may be empty. Modality
and attribution come from ``events.modality``; the date from a date phrase attached to the
trigger, else the publication date (``date_basis`` says which); the location from a
place attached with "in/at/near"; the score from the PLOVER ontology.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from spacy.tokens import Doc, Token

from ..config import Config
from ..datafiles import package_text, tsv_rows
from ..ingest.dates import find_date, parse_date_value
from ..pipeline import register_stage
from ..schema import Actor, ActorRef, Article, Event
from .modality import attribution_of, is_historical, modality_of
from .ontology import load_ontology


@dataclass(frozen=True)
class Trigger:
    lemma: str
    pos: str
    event: str
    mode: Optional[str]
    particle: Optional[str]
    object: Optional[str]
    recipient_preps: tuple[str, ...]
    reciprocal: bool


@lru_cache(maxsize=1)
def triggers() -> dict[tuple[str, str], list[Trigger]]:
    out: dict[tuple[str, str], list[Trigger]] = {}
    for r in tsv_rows(package_text("events/data/triggers.tsv")):
        if not r.get("lemma") or not r.get("event"):
            continue
        t = Trigger(r["lemma"].lower(), r.get("pos", "VERB").upper(), r["event"].upper(),
                    r.get("mode") or None, r.get("particle") or None, r.get("object") or None,
                    tuple(p for p in r.get("recipient_preps", "").split("|") if p),
                    r.get("reciprocal", "no").lower() == "yes")
        out.setdefault((t.lemma, t.pos), []).append(t)
    return out


def match_trigger(tok: Token) -> Optional[Trigger]:
    """The lexicon row a word is a trigger of, in its context (particle, object)."""
    pos = "VERB" if tok.pos_ in ("VERB", "AUX") else "NOUN" if tok.pos_ == "NOUN" else None
    if pos is None:
        return None
    rows = triggers().get((tok.lemma_.lower(), pos))
    if not rows:
        return None
    particles = {c.lower_ for c in tok.children if c.dep_ in ("prt", "prep")}
    objects = {c.lemma_.lower() for c in tok.children if c.dep_ in ("dobj", "attr", "nsubjpass")}
    for row in rows:  # the most specific row first: particle or object
        if row.particle and row.particle in particles and (not row.object or
                                                            row.object in objects):
            return row
        if row.object and row.object in objects and not row.particle:
            return row
    plain = [r for r in rows if not r.particle and not r.object]
    return plain[0] if plain else None


# ----------------------------------------------------------------------------------------

class ActorIndex:
    """Which actors each token of the doc belongs to."""

    def __init__(self, doc: Doc, actors: list[Actor]):
        self.by_token: dict[int, list[Actor]] = {}
        for a in actors:
            for m in a.mentions:
                span = doc.char_span(m.start, m.end, alignment_mode="expand")
                if span is None:
                    continue
                for t in span:
                    self.by_token.setdefault(t.i, [])
                    if a not in self.by_token[t.i]:
                        self.by_token[t.i].append(a)

    def of_phrase(self, head: Token) -> list[Actor]:
        """Actors named by the noun phrase headed by ``head`` and its conjuncts."""
        out: list[Actor] = []
        for tok in [head] + list(head.conjuncts):
            found = self.by_token.get(tok.i)
            if not found:  # "the US government": an actor among the head's modifiers
                for child in tok.children:
                    if child.dep_ in ("compound", "amod", "poss", "nmod") and \
                            child.i in self.by_token:
                        found = self.by_token[child.i]
                        break
            for a in found or []:
                if a not in out:
                    out.append(a)
        return out


def _ref(a: Actor) -> ActorRef:
    return ActorRef(a.code, a.sector, a.name)


def _subject(tok: Token) -> Optional[Token]:
    """The subject of a verb, or of the verb it hangs on ("agreed to supply", "A and B")."""
    cur = tok
    for _ in range(4):
        subj = next((c for c in cur.children if c.dep_ in ("nsubj", "csubj")), None)
        if subj is not None:
            return subj
        if cur.dep_ in ("xcomp", "conj", "advcl") and cur.head is not cur:
            cur = cur.head
            continue
        break
    return None


def _date(tok: Token, published: Optional[str]) -> tuple[Optional[str], str]:
    """(date, basis): a date phrase attached to the trigger, else the publication date."""
    for child in tok.subtree:
        if child.ent_type_ == "DATE" and child.ent_iob_ == "B":
            ent = next(e for e in tok.doc.ents if e.start == child.i)
            if not any(a.i == tok.i for a in ent.root.ancestors) and ent.root.head.i != tok.i:
                continue
            text = ent.text
            found = find_date(text)
            if found:
                return found[0].isoformat(), "text"
            year = next((w for w in text.split() if w.isdigit() and len(w) == 4), None)
            if year:
                return year, "text"
            value = parse_date_value(text)
            if value:
                return value, "text"
    return published, "published"


def _location(tok: Token) -> Optional[str]:
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ in ("in", "at", "near", "off", "outside"):
            for obj in child.children:
                if obj.dep_ == "pobj" and obj.ent_type_ in ("GPE", "LOC", "FAC"):
                    ent = next((e for e in tok.doc.ents if e.start <= obj.i < e.end), None)
                    if ent is not None:
                        return ent.text
    return None


class EventCoder:
    def __init__(self, config: Config):
        self.ontology = load_ontology()

    def __call__(self, art: Article) -> Article:
        doc = art.doc
        index = ActorIndex(doc, art.actors)
        sent_starts = [s.start_char for s in doc.sents]
        events: list[Event] = []
        for tok in doc:
            trig = match_trigger(tok)
            if trig is None:
                continue
            # a light verb's object is not an event of its own ("held talks")
            if tok.pos_ == "NOUN" and tok.dep_ in ("dobj",) and match_trigger(tok.head):
                continue
            ev = self._event(art, doc, tok, trig, index, sent_starts, len(events))
            if ev is not None:
                events.append(ev)
        art.events = events
        return art

    def _participants(self, tok: Token, trig: Trigger, index: ActorIndex):
        actors: list[Actor] = []
        recipients: list[Actor] = []
        if tok.pos_ == "NOUN":
            for child in tok.children:
                if child.dep_ in ("poss", "compound", "amod") and child.i in index.by_token:
                    actors += [a for a in index.by_token[child.i] if a not in actors]
                if child.dep_ == "prep" and child.lower_ == "by":
                    for obj in child.children:
                        if obj.dep_ == "pobj":
                            actors += index.of_phrase(obj)
        else:
            subj = _subject(tok)
            passive = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
            if passive is not None:
                recipients += index.of_phrase(passive)
                # the agent: "by X" on the verb, or hung by the parser on its object
                # ("was supplied with shells by Poland")
                near = [tok] + [g for c in tok.children if c.dep_ in ("prep", "dobj")
                                for g in c.children if g.dep_ == "pobj"]
                for h in near:
                    for child in h.children:
                        if child.dep_ == "agent" or (child.dep_ == "prep" and
                                                     child.lower_ == "by"):
                            for obj in child.children:
                                if obj.dep_ == "pobj":
                                    actors += [a for a in index.of_phrase(obj)
                                               if a not in actors]
            elif subj is not None:
                actors += index.of_phrase(subj)
            for child in tok.children:
                if child.dep_ in ("dobj", "dative"):
                    # a dative may be the preposition itself ("sell drones to X")
                    heads = [g for g in child.children if g.dep_ == "pobj"] \
                        if child.pos_ == "ADP" else [child]
                    for h in heads:
                        recipients += [a for a in index.of_phrase(h) if a not in recipients]
        preps = set(trig.recipient_preps) | ({"with"} if trig.reciprocal else set())
        # the preposition may hang on the verb or on its object ("imposed sanctions on X",
        # "sell drones to X")
        heads = [tok] + [c for c in tok.children if c.dep_ in ("dobj", "attr")]
        for child in (c for h in heads for c in h.children):
            if child.dep_ == "prep" and child.lower_ in preps:
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        found = index.of_phrase(obj) or self._host(obj, trig)
                        recipients += [a for a in found if a not in recipients]
        if not recipients and tok.pos_ != "NOUN":
            # "agreed to provide aid to Y", "offered to hand over to Y": an intention takes
            # the recipient of the act it announces
            for x in (c for c in tok.children if c.dep_ == "xcomp"):
                inner = match_trigger(x)
                inner_preps = set(inner.recipient_preps) if inner else {"to", "with", "for",
                                                                        "against", "on"}
                for child in x.children:
                    if child.dep_ in ("dobj", "dative"):
                        heads = [g for g in child.children if g.dep_ == "pobj"] \
                            if child.pos_ == "ADP" else [child]
                        for h in heads:
                            recipients += [a for a in index.of_phrase(h) if a not in recipients]
                    if child.dep_ == "prep" and child.lower_ in inner_preps:
                        for obj in child.children:
                            if obj.dep_ == "pobj":
                                recipients += [a for a in index.of_phrase(obj)
                                               if a not in recipients]
        recipients = [r for r in recipients if r not in actors]
        if trig.reciprocal and (len(actors) > 1 or recipients):
            return actors + recipients, []
        return actors, recipients

    def _host(self, obj: Token, trig: Trigger) -> list[Actor]:
        """The destination of a visit is its host: "a visit to Canberra" -> Australia (the
        actors stage treats a capital after a motion word as a place)."""
        if trig.event != "CONSULT" or obj.ent_type_ != "GPE":
            return []
        from ..actors.lexicon import load_lexicon

        lex = load_lexicon()
        entry = next((e for e in lex.lookup(obj.text) if e.kind == "state"), None)
        if entry is None:
            return []
        return [Actor(id=entry.code, name=entry.name, code=entry.code, sector="GOV",
                      kind="state", basis="dictionary")]

    def _event(self, art, doc, tok, trig, index, sent_starts, n) -> Optional[Event]:
        if trig.event == "AID" and tok.pos_ != "NOUN":
            # "Xi sent his top lawmaker, Li Zhanshu, to Russia": sending a named person is
            # sending an emissary (CONSULT), not material aid
            obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
            people = [a for a in index.of_phrase(obj) if a.kind == "person" and
                      a.role not in ("troops", "soldier", "force")] if obj is not None else []
            named = [a for a in people if a.name.split()[-1][:1].isupper() and " " in a.name]
            if named:  # a named individual ("Amina Bello"), not "Kenyan police officers"
                trig = Trigger(trig.lemma, trig.pos, "CONSULT", None, trig.particle,
                               trig.object, ("to",), False)
        actors, recipients = self._participants(tok, trig, index)
        if trig.event == "CONSULT" and tok.pos_ != "NOUN":
            # one's own envoy is the means, not the counterpart: "Nigeria sent its foreign
            # minister to Ghana" (a person of the actor's state as the direct object)
            obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
            own = {a.code for a in actors if a.code}
            if obj is not None:
                envoys = [a for a in index.of_phrase(obj) if a.kind == "person" and
                          a.code in own]
                recipients = [r for r in recipients if r not in envoys]
        if not actors:
            return None  # who did it is the point of an event: none found, no event
        mod = modality_of(tok)
        date, date_basis = _date(tok, art.published)
        modality = mod.value
        if modality == "asserted" and date_basis == "text" and is_historical(date,
                                                                              art.published):
            modality = "historical"
        sources = attribution_of(tok)
        attributed = None
        if sources:
            src = sources[0]
            named = index.of_phrase(doc[src.end - 1]) if src.end > src.start else []
            attributed = named[0].name if named else src.text
        sent = tok.sent
        sidx = sent_starts.index(sent.start_char) if sent.start_char in sent_starts else None
        confidence = 0.5 + 0.2 * bool(recipients) + 0.1 * (tok.pos_ == "VERB") + 0.1 * all(
            a.basis in ("dictionary", "context") for a in actors)
        ev = Event(
            id=f"{art.id}-e{n}", event=trig.event, mode=trig.mode, contexts=[],
            actor=[_ref(a) for a in actors], recipient=[_ref(a) for a in recipients],
            modality=modality, attributed_to=attributed, date=date,
            location=_location(tok), score=self.ontology.score(trig.event, trig.mode),
            confidence=round(min(confidence, 0.95), 2), sentence=sidx,
            start=tok.idx, end=tok.idx + len(tok.text), evidence=sent.text,
            date_basis=date_basis, modality_cue=mod.cue,
            reported_by=[s.text for s in sources])
        return ev


@register_stage("events", requires=("doc", "actors"), assigns=("events",), version="1")
def make_events(config: Config):
    """PLOVER events (actor, type, mode, recipient) with modality, attribution and evidence."""
    return EventCoder(config)

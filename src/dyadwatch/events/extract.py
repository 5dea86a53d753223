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

import datetime as _dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from spacy.tokens import Doc, Token

from ..config import Config
from ..datafiles import package_text, tsv_rows
from ..pipeline import register_stage
from ..schema import Actor, ActorRef, Article, Event
from .confidence import calibration, features
from .contexts import contexts_of
from .modality import attribution_of, is_historical, modality_of
from .when import resolve_date
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
    converse: bool = False  # the subject is the recipient ("received aid from Y")


@lru_cache(maxsize=1)
def triggers() -> dict[tuple[str, str], list[Trigger]]:
    out: dict[tuple[str, str], list[Trigger]] = {}
    for r in tsv_rows(package_text("events/data/triggers.tsv")):
        if not r.get("lemma") or not r.get("event"):
            continue
        t = Trigger(r["lemma"].lower(), r.get("pos", "VERB").upper(), r["event"].upper(),
                    r.get("mode") or None, r.get("particle") or None, r.get("object") or None,
                    tuple(p for p in r.get("recipient_preps", "").split("|") if p),
                    r.get("reciprocal", "no").lower() == "yes",
                    r.get("note", "").lower().startswith("converse"))
        out.setdefault((t.lemma, t.pos), []).append(t)
    return out


# heads a light verb's object may sit under: "held two days of talks", "launched dozens of
# drones", "approved USD 200 million in financing", "a round of talks", "a wave of arrests"
PARTITIVE = {"round", "series", "wave", "number", "set", "batch", "couple", "dozen", "dozens",
             "hundreds", "thousands", "lot", "lots", "day", "week", "month", "year", "hour",
             "million", "billion", "trillion", "worth", "amount", "package", "kind", "type",
             "flurry", "spate", "string", "volley", "barrage", "salvo", "host", "range"}


def through_partitive(tok: Token) -> Token:
    """The noun a quantity or partitive head stands for: "dozens of drones" -> drones."""
    for _ in range(3):
        if not (tok.lemma_.lower() in PARTITIVE or tok.like_num or tok.pos_ == "NUM" or
                tok.tag_ == "$"):
            break
        inner = next((g for c in tok.children if c.dep_ == "prep" and c.lower_ in ("of", "in")
                      for g in c.children if g.dep_ == "pobj"), None)
        if inner is None:
            break
        tok = inner
    return tok


def objects_of(tok: Token) -> list[Token]:
    """The object words a light verb's row may name: direct object (with its conjuncts and
    past a partitive head), attribute, passive subject, or the noun a participle modifies
    ("tariffs imposed by Mexico")."""
    out: list[Token] = []
    for c in tok.children:
        if c.dep_ in ("dobj", "attr", "nsubjpass"):
            for o in [c] + list(c.conjuncts):
                out.append(o)
                inner = through_partitive(o)
                if inner is not o:
                    out.append(inner)
    if tok.dep_ in ("acl", "amod") and tok.head.pos_ in ("NOUN", "PROPN") and tok.tag_ == "VBN":
        out.append(tok.head)
    return out


def match_trigger(tok: Token) -> Optional[Trigger]:
    """The lexicon row a word is a trigger of, in its context (particle, object)."""
    pos = "VERB" if tok.pos_ in ("VERB", "AUX") else "NOUN" if tok.pos_ == "NOUN" else None
    if pos is None:
        return None
    rows = triggers().get((tok.lemma_.lower(), pos))
    if not rows:
        return None
    preps = [c for c in tok.children if c.dep_ in ("prt", "prep")]
    particles = {c.lower_ for c in preps}
    objects = [o.lemma_.lower() for o in objects_of(tok)]  # the head object first
    prep_objects = {through_partitive(g).lemma_.lower() for c in preps for g in c.children
                    if g.dep_ == "pobj"}
    for row in rows:  # the most specific row first: particle and object, object, particle
        if row.particle and row.particle in particles and row.object and (
                row.object in objects or row.object in prep_objects):
            return row
    for obj in objects:  # "providing photographs and intelligence": the first object's row
        row = next((r for r in rows if r.object == obj and not r.particle), None)
        if row is not None:
            return row
    with_particle = [r for r in rows if r.particle and r.particle in particles and not r.object]
    if with_particle:
        return with_particle[0]
    plain = [r for r in rows if not r.particle and not r.object]
    return plain[0] if plain else None


def _names_own_parties(noun: Token) -> bool:
    """A nominal event with its own actor: a possessor ("Russia's attack") or a "by" or
    "between" phrase."""
    for c in noun.children:
        if c.dep_ == "poss" and c.pos_ in ("PROPN", "NOUN"):
            return True
        if c.dep_ == "prep" and c.lower_ in ("by", "between") and any(
                g.dep_ == "pobj" and g.pos_ in ("PROPN", "NOUN") for g in c.children):
            return True
    return False


def light_verb_of(noun: Token) -> Optional[Token]:
    """The verb whose lexicon row names this noun as its object ("held talks", "held a
    round of talks", "tariffs imposed by"): the noun is that verb's event, not one of its
    own."""
    cur = noun
    for _ in range(3):
        head = cur.head
        if head is cur:
            return None
        if cur.dep_ in ("dobj", "attr", "nsubjpass") and head.pos_ in ("VERB", "AUX"):
            # any trigger verb: "suspended sales to X" is one event (the verb's), and
            # "condemned the attack" codes the condemnation; but an object that names its
            # own parties is an event too ("mediating talks between A and B")
            if match_trigger(head) is None or (cur is noun and _names_own_parties(noun)):
                return None
            return head
        if cur.dep_ == "pobj" and head.dep_ == "prep" and head.head.lemma_.lower() in \
                PARTITIVE | {"dozen"} or (cur.dep_ == "pobj" and head.head.like_num):
            cur = head.head  # "a round of talks": climb to "round"
            continue
        if cur.dep_ == "pobj" and head.dep_ in ("prep", "prt"):
            verb = head.head
            row = match_trigger(verb) if verb.pos_ in ("VERB", "AUX") else None
            return verb if row is not None and row.object and row.particle else None
        if cur.dep_ == "conj":
            cur = head
            continue
        return None
    return None


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
    """The subject of a verb, or of the verb it hangs on: "agreed to supply", "is due to
    meet" (through the adjective), "A and B". Object control: "urged Moscow to withdraw",
    "helping Moscow to import" take the governing verb's object as the subject."""
    cur = tok
    for _ in range(4):
        subj = next((c for c in cur.children if c.dep_ in ("nsubj", "csubj")), None)
        if subj is not None:
            return subj
        if cur.dep_ in ("pcomp", "prep") and cur.head is not cur:
            # "refrained from condemning": up through the preposition; "accused India of
            # backing militants": the object of the verb does the act
            came_from_pcomp, cur = cur.dep_ == "pcomp", cur.head
            if not came_from_pcomp and cur.pos_ == "VERB":
                obj = next((c for c in cur.children if c.dep_ == "dobj" and c.i < tok.i and
                            c.pos_ in ("PROPN", "NOUN", "PRON")), None)
                if obj is not None:
                    return obj
            continue
        if cur.dep_ in ("xcomp", "conj", "advcl", "acomp") and cur.head is not cur:
            infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in cur.children)
            link, cur = cur.dep_, cur.head
            if link in ("xcomp", "advcl") and infinitive and cur.pos_ == "VERB" and \
                    cur.i < tok.i:
                obj = next((c for c in cur.children if c.dep_ == "dobj" and c.i < tok.i and
                            c.pos_ in ("PROPN", "NOUN", "PRON")), None)
                if obj is not None:
                    return obj
            continue
        break
    return None


# years between an event and the latest year an undated article mentions before the event
# counts as historical (with a publication date the margin is modality.is_historical's 2)
HISTORICAL_MARGIN = 10
PERSON_PRONOUNS = {"he", "she", "him", "her"}
# verbs that carry a nominal event whose actor is their subject: "X canceled cooperation with
# Y", "X stepped up its support for Y", "X boosted trade with Y"
SUPPORT_VERBS = {"cancel", "suspend", "halt", "end", "freeze", "resume", "continue", "expand",
                 "deepen", "strengthen", "boost", "increase", "step", "launch", "begin",
                 "start", "pursue", "offer", "provide", "extend", "pledge", "promise",
                 "reduce", "scale", "curtail", "intensify", "ramp", "lend", "give", "maintain"}


def is_named_person(a: Actor) -> bool:
    """A named individual ("Amina Bello"), not a group ("Kenyan police officers")."""
    return a.kind == "person" and " " in a.name and a.name.split()[-1][:1].isupper()


def _antecedent_of_possessive(poss: Token, index: "ActorIndex") -> list[Actor]:
    """"its", "his", "her" before a nominal event: the subject of the clause it sits in
    ("China seeks to balance its partnership with Russia")."""
    if poss.lower_ not in ("its", "his", "her"):
        return []
    cur = poss.head
    for _ in range(6):
        if cur.pos_ in ("VERB", "AUX"):
            subj = _subject(cur)
            if subj is not None and subj.i < poss.i:
                found = index.of_phrase(subj)
                want = ("person",) if poss.lower_ in ("his", "her") else (
                    "state", "organisation", "company")
                return [a for a in found if a.kind in want][:1]
        if cur.head is cur:
            break
        cur = cur.head
    return []


def _antecedent(pron: Token, index: "ActorIndex", exclude: list[Actor]) -> list[Actor]:
    """A subject pronoun's actor: "he"/"she" -> a person named before it in its sentence or
    the one before; "it" -> a state or organisation before it in its sentence. A subject is
    preferred to a nearer object (the subject is what the text is about: "Why does the US
    ask China to stop, while it sells arms to Taiwan?"). Nothing for "they" or "we" (too
    often a group the text never names)."""
    word = pron.lower_
    if word not in PERSON_PRONOUNS and word != "it":
        return []
    sent = pron.sent
    floor = sent.start
    if word in PERSON_PRONOUNS and sent.start > 0:
        floor = pron.doc[sent.start - 1].sent.start
    def fits(a: Actor) -> bool:
        if a in exclude:
            return False
        if word in PERSON_PRONOUNS:
            return is_named_person(a)
        return a.kind in ("state", "organisation", "company")

    # a subject before the pronoun first (the centre of attention), else the nearest mention
    for subjects_only in (True, False):
        for i in range(pron.i - 1, floor - 1, -1):
            t = pron.doc[i]
            if subjects_only and not (t.dep_ in ("nsubj", "nsubjpass") or
                                      t.head.dep_ in ("nsubj", "nsubjpass")):
                continue
            for a in index.by_token.get(i, []):
                if fits(a):
                    return [a]
    return []


def _date(tok: Token, published: Optional[str]) -> tuple[Optional[str], Optional[str], str]:
    """(date, precision, basis): a date phrase of the trigger's clause resolved against the
    publication date (``events.when``), else the publication date itself."""
    for child in tok.subtree:
        if child.ent_type_ == "DATE" and child.ent_iob_ == "B":
            ent = next(e for e in tok.doc.ents if e.start == child.i)
            if not any(a.i == tok.i for a in ent.root.ancestors) and ent.root.head.i != tok.i:
                continue
            found = resolve_date(ent.text, published)
            if found:
                return found[0], found[1], "text"
    return published, ("day" if published else None), "published"


def reference_year(art: Article) -> Optional[int]:
    """The year an article is written in: its publication year, else the latest year it
    mentions that is not in the future (for telling historical events without a date)."""
    if art.published:
        try:
            return int(art.published[:4])
        except ValueError:
            return None
    this_year = _dt.date.today().year
    years = [int(y) for y in re.findall(r"\b(1[89]\d\d|20\d\d)\b", art.text or "")]
    years = [y for y in years if y <= this_year]
    return max(years) if years else None


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
        c = config["events"]
        self.classifier = bool(c["classifier"])
        self.drop_above = float(c["drop_if_none_above"])
        self.model = str(c["classifier_model"])
        self.calibrate = bool(c["calibrated_confidence"])
        self.int8 = bool(c["classifier_int8"])

    def __call__(self, art: Article) -> Article:
        doc = art.doc
        index = ActorIndex(doc, art.actors)
        sent_starts = [s.start_char for s in doc.sents]
        events: list[Event] = []
        ev_tokens: dict[str, Token] = {}
        for tok in doc:
            trig = match_trigger(tok)
            if trig is None or trig.event == "NONE":
                continue
            # a light verb's object is not an event of its own ("held talks")
            if tok.pos_ == "NOUN" and light_verb_of(tok) is not None:
                continue
            if tok.pos_ == "NOUN" and tok.lemma_.lower() in RELATION_NOUNS and \
                    tok.dep_ in ("nsubj", "nsubjpass"):
                continue  # "the partnership serves both": a standing relation, no act
            if tok.pos_ == "VERB" and any(c.dep_ == "oprd" or (c.dep_ == "ccomp" and
                                                               c.pos_ == "ADJ")
                                          for c in tok.children):
                continue  # "calling the claim absurd", "named X a threat": naming, no act
            ev = self._event(art, doc, tok, trig, index, sent_starts, len(events))
            if ev is not None:
                ev_tokens[ev.id] = tok
                events.append(ev)
        events = _without_repeats(_without_purpose_repeats(events, ev_tokens), ev_tokens)
        if self.classifier and events:
            events = self._classify(art, events)
        art.events = events
        return art

    def _classify(self, art: Article, events: list[Event]) -> list[Event]:
        """Confidence from the sentence classifier (events/confidence.py); material events
        in sentences it judges eventless are dropped (``events.drop_if_none_above``)."""
        from .classify import probabilities

        sents = list(art.doc.sents)
        wanted = sorted({e.sentence for e in events if e.sentence is not None})
        probs = probabilities([sents[i].text.strip() for i in wanted], self.model,
                              whole_text=art.text, int8=self.int8)
        by_sentence = dict(zip(wanted, probs))
        known = {a.name: a.basis in ("dictionary", "context") for a in art.actors}
        kept = []
        for e in events:
            p = by_sentence.get(e.sentence)
            if p is None:
                kept.append(e)
                continue
            cls = self.ontology.cameo_class(e.event)
            dyad = all(a.code for a in e.actor + e.recipient) and (
                bool(e.recipient) or len(e.actor) > 1)
            if float(p[0]) >= self.drop_above and cls in (2, 4) and not dyad and \
                    e.modality in ("asserted", "historical"):
                # only material acts said to have happened, and not a fully coded dyad
                # (background acts in a statement: "the analysts point to ... amid
                # Russia's invasion of Ukraine"): CAMEO's class 0 is "statement or no
                # event", so it cannot tell a request, an allegation or an act merely asked
                # for from nothing
                continue
            x = features(float(p[self.ontology.cameo_class(e.event)]), float(p[0]),
                         bool(e.recipient) or len(e.actor) > 1,
                         all(known.get(a.name, False) for a in e.actor),
                         e.start is not None and art.doc.char_span(
                             e.start, e.end) is not None and
                         art.doc.char_span(e.start, e.end).root.pos_ == "VERB")
            e.confidence = round(calibration().probability(x) if self.calibrate
                                 else x[0], 3)
            kept.append(e)
        return kept

    def _participants(self, tok: Token, trig: Trigger, index: ActorIndex):
        actors: list[Actor] = []
        recipients: list[Actor] = []
        if tok.pos_ == "NOUN":
            for child in tok.children:
                if child.dep_ in ("poss", "compound", "amod") and child.i in index.by_token:
                    actors += [a for a in index.by_token[child.i] if a not in actors]
                if child.dep_ == "poss" and child.i not in index.by_token:
                    # "its partnership with Russia": the possessive pronoun's antecedent
                    actors += _antecedent_of_possessive(child, index)
                if child.dep_ == "prep" and child.lower_ == "by":
                    for obj in child.children:
                        if obj.dep_ == "pobj":
                            actors += index.of_phrase(obj)
            if not actors and tok.dep_ == "dobj" and tok.head.pos_ == "VERB" and \
                    tok.head.lemma_.lower() in SUPPORT_VERBS:
                # "X canceled cooperation with Y", "X stepped up support for Y": the
                # subject of the verb that carries the nominal event
                subj = _subject(tok.head)
                if subj is not None:
                    actors += index.of_phrase(subj)
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
            elif subj is not None and any(c.dep_ == "auxpass" for c in tok.children):
                # "keen to avoid being hit by sanctions": the climbed subject undergoes the act
                recipients += index.of_phrase(subj)
                actors += [a for c in tok.children if c.dep_ == "agent"
                           for g in c.children if g.dep_ == "pobj" for a in index.of_phrase(g)]
            elif subj is not None:
                actors += index.of_phrase(subj) or _antecedent(subj, index, [])
            objects = [c for c in tok.children if c.dep_ in ("dobj", "dative")]
            if not objects and not any(c.dep_ in ("xcomp", "ccomp", "prep", "advcl")
                                       for c in tok.children):
                # "aiding and abetting Russia's war": two verbs share one object
                objects = [c for conj in tok.conjuncts if tok.i < conj.i <= tok.i + 3 and
                           not any(g.dep_ in ("nsubj", "aux") for g in conj.children)
                           for c in conj.children if c.dep_ == "dobj"][:1]
            for child in objects:
                if child.dep_ in ("dobj", "dative"):
                    # a dative may be the preposition itself ("sell drones to X")
                    heads = [g for g in child.children if g.dep_ == "pobj"] \
                        if child.pos_ == "ADP" else [child]
                    for h in heads:
                        recipients += [a for a in index.of_phrase(h) if a not in recipients]
        preps = set(trig.recipient_preps) | ({"with"} if trig.reciprocal else set())
        if tok.pos_ != "NOUN" and trig.event in ("SANCTION", "RETREAT"):
            # "suspending electricity sales to X", "lifted the ban on imports from Y": an
            # act that stops or lifts another takes that act's recipient
            for obj in (c for c in tok.children if c.dep_ == "dobj"):
                inner = match_trigger(obj) if obj.pos_ == "NOUN" else None
                if inner is not None:
                    preps |= set(inner.recipient_preps)
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
        if trig.event == "ACCUSE" and not recipients:
            # "The US complained that X has supplied ...", "Russia's claims that the West
            # fuelled the conflict": the accused is the subject of the content clause (not
            # the speaker's own side: "a Chinese spokesman claimed that China has ...")
            for comp in (c for c in tok.children if c.dep_ in ("ccomp", "acl") and
                         any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
                         or c.dep_ == "ccomp"):
                inner = next((c for c in comp.children if c.dep_ in ("nsubj", "nsubjpass")),
                             None)
                if inner is not None:
                    own = {a.code for a in actors if a.code}
                    recipients += [a for a in index.of_phrase(inner) if a not in recipients
                                   and not (a.code and a.code in own)]
        if trig.converse:
            # "X received aid from Y", "Y hosted X": the giver or guest acts on the subject
            objects = [c for c in tok.children if c.dep_ == "dobj"]
            # "received $21.5 billion in arms from Russia": past the amount to the goods
            holders = [tok] + objects + [through_partitive(o) for o in objects
                                         if through_partitive(o) is not o]
            givers = [a for h in holders for c in h.children
                      if c.dep_ == "prep" and c.lower_ == "from"
                      for g in c.children if g.dep_ == "pobj" for a in index.of_phrase(g)]
            if trig.event == "CONSULT" and not givers:
                givers = [a for c in tok.children if c.dep_ == "dobj"
                          for a in index.of_phrase(c)]
            if not givers:  # "has yet to receive the doses promised by the EU"
                givers = [a for c in tok.children if c.dep_ == "dobj"
                          for x in c.subtree if x.dep_ == "agent" or (
                              x.dep_ == "prep" and x.lower_ == "by")
                          for g in x.children if g.dep_ == "pobj"
                          for a in index.of_phrase(g)]
            if givers:
                actors, recipients = givers, [a for a in actors if a not in givers]
            else:
                actors, recipients = [], actors  # the giver is not named: no actor
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
        if _intention_only(tok, trig):
            return None
        if tok.pos_ == "VERB" and trig.event == "AID" and not trig.object and \
                any(c.dep_ == "xcomp" for c in tok.children) and \
                not any(c.dep_ in ("dobj", "dative") for c in tok.children):
            return None  # "help mediate", "helping to offset losses": the act is the other verb
        holders = [tok] + ([tok.head] if tok.dep_ == "dobj" else [])
        if tok.pos_ == "NOUN" and trig.event == "ACCUSE" and any(
                c.dep_ == "prep" and c.lower_ in ("to", "over") for h in holders
                for c in h.children) and \
                not any(c.dep_ in ("acl", "ccomp", "relcl") for c in tok.children):
            return None  # "its claim to the island": a claim of ownership, no accusation
        if trig.event == "AID" and tok.pos_ != "NOUN":
            # "Xi sent his top lawmaker, Li Zhanshu, to Russia": sending a named person is
            # sending an emissary (CONSULT), not material aid
            obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
            people = [a for a in index.of_phrase(obj) if a.kind == "person" and
                      a.role not in ("troops", "soldier", "force")] if obj is not None else []
            named = [a for a in people if is_named_person(a)]
            if named:  # a named individual ("Amina Bello"), not "Kenyan police officers"
                trig = Trigger(trig.lemma, trig.pos, "CONSULT", None, trig.particle,
                               trig.object, ("to",), False)
        if trig.event == "MOBILIZE" and _is_joint(tok, index):
            # the joint rule (triggers.tsv header): joint drills are COOPERATE
            trig = Trigger(trig.lemma, trig.pos, "COOPERATE", None, trig.particle,
                           trig.object, ("with",), True)
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
        if tok.pos_ == "NOUN" and trig.event in ("REQUEST", "THREATEN") and \
                not recipients and not _names_own_parties(tok):
            return None  # "Western pressure", "the threat Russia poses": no one addressed
            # and no one making it ("Seoul's request for talks" stays)
        if trig.event == "ACCUSE" and trig.mode == "allege" and tok.pos_ == "VERB" and \
                any(c.dep_ == "ccomp" and _is_speech(c) for c in tok.children):
            return None  # "Russia claimed that Li said ...": a report of speech, no charge
        if trig.event == "ACCUSE" and trig.mode == "allege" and tok.pos_ == "VERB" and \
                not recipients and any(c.dep_ == "ccomp" for c in tok.children):
            return None  # "X claims it has always been neutral": an allegation accuses
            # someone; with no one else in its content clause it is a plain statement
        mod = modality_of(tok)
        date, precision, date_basis = _date(tok, art.published)
        modality = mod.value
        if modality == "asserted" and date_basis == "text" and date:
            if art.published:
                old = is_historical(date, art.published)
            else:  # no publication date: only a wide margin from the latest year mentioned
                ref = reference_year(art)
                old = ref is not None and is_historical(date, str(ref), years=HISTORICAL_MARGIN)
            if old:
                modality = "historical"
        sources = attribution_of(tok)
        attributed = None
        if sources:
            src = sources[0]
            head = doc[src.head] if src.head >= 0 else doc[src.end - 1]
            # the actor of the source's head word ("US officials", "the Pentagon report"),
            # or of its "from"/"of" complement ("the data from the Russian customs"); not
            # one named deeper inside ("a closer look at Li's trip" is no source)
            named = index.of_phrase(head) if src.end > src.start else []
            if not named:
                named = [a for c in head.children if c.dep_ == "prep" and
                         c.lower_ in ("from", "of") for g in c.children if g.dep_ == "pobj"
                         for a in index.of_phrase(g)]
            if named:
                attributed = named[0].name
            elif head.pos_ in ("PRON", "PROPN") or head.ent_type_ in ("PERSON", "ORG",
                                                                      "NORP", "GPE") or \
                    _role_noun(head):
                attributed = src.text  # "many", "some analysts", "diplomats"
        sent = tok.sent
        sidx = sent_starts.index(sent.start_char) if sent.start_char in sent_starts else None
        confidence = 0.5 + 0.2 * bool(recipients) + 0.1 * (tok.pos_ == "VERB") + 0.1 * all(
            a.basis in ("dictionary", "context") for a in actors)
        ev = Event(
            id=f"{art.id}-e{n}", event=trig.event, mode=trig.mode, contexts=contexts_of(tok),
            actor=[_ref(a) for a in actors], recipient=[_ref(a) for a in recipients],
            modality=modality, attributed_to=attributed, date=date,
            location=_location(tok), score=self.ontology.score(trig.event, trig.mode),
            confidence=round(min(confidence, 0.95), 2), sentence=sidx,
            start=tok.idx, end=tok.idx + len(tok.text), evidence=sent.text,
            date_basis=date_basis, date_precision=precision, modality_cue=mod.cue,
            actor_spans=[_mention_near(a, tok) for a in actors],
            recipient_spans=[_mention_near(a, tok) for a in recipients],
            reported_by=[s.text for s in sources])
        return ev


def _role_noun(tok: Token) -> bool:
    """A word for people or bodies that speak ("analysts", "officials", "media")."""
    from ..actors.lexicon import load_lexicon

    lex = load_lexicon()
    return tok.pos_ == "NOUN" and (lex.role(tok.lemma_) or lex.role(tok.lower_)) is not None


def _is_speech(verb: Token) -> bool:
    from ..actors.coref import reporting_verbs

    return verb.lemma_.lower() in reporting_verbs() and verb.lemma_.lower() not in (
        "claim", "allege", "accuse", "charge")


def _mention_near(actor: Actor, tok: Token) -> Optional[list[int]]:
    """The character span of the actor's mention in the trigger's sentence nearest the
    trigger, else None."""
    sent = tok.sent
    inside = [m for m in actor.mentions
              if sent.start_char <= m.start and m.end <= sent.end_char]
    if not inside:
        return None
    best = min(inside, key=lambda m: min(abs(m.start - tok.idx), abs(m.end - tok.idx)))
    return [best.start, best.end]


def _intention_only(tok: Token, trig: Trigger) -> bool:
    """"Beijing sought to maintain ties": a verb of wanting or trying with an infinitive and
    no object is a modality cue of the act it governs (modality.tsv), not a request."""
    from .modality import cues

    if tok.pos_ != "VERB" or trig.event != "REQUEST":
        return False
    governs = any(c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX") for c in tok.children)
    has_object = any(c.dep_ in ("dobj", "dative") for c in tok.children)
    return governs and not has_object and (tok.lemma_.lower(), "governor") in cues()


JOINT_WORDS = {"joint", "combined", "jointly", "together", "bilateral", "trilateral",
               "multinational"}


def _is_joint(tok: Token, index: "ActorIndex") -> bool:
    """A MOBILIZE act marked joint ("joint exercises", "drilled jointly") or shared "with"
    another actor ("held drills with Y")."""
    words = [tok] + [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    words += [through_partitive(w) for w in words]
    for w in words:
        for c in w.children:
            if c.dep_ in ("amod", "advmod", "compound") and c.lower_ in JOINT_WORDS:
                return True
            if c.dep_ == "prep" and c.lower_ == "with" and any(
                    g.dep_ == "pobj" and index.of_phrase(g) for g in c.children):
                return True
    return False


RELATION_NOUNS = {"partnership", "cooperation", "relationship", "relation", "tie", "alliance",
                  "friendship", "collaboration", "interdependence", "rapprochement"}


def _without_repeats(events: list[Event], tokens: dict[str, Token]) -> list[Event]:
    """Drop what refers back to an event already coded (ANNOTATION 3): a definite nominal
    event of the same type whose parties add nothing to an earlier sentence's event ("Li's
    visit" after "Xi sent Li to Moscow", "the war" again), and events of a sentence the
    article repeats word for word (a quote printed twice)."""
    out: list[Event] = []
    seen_sentences: set[str] = set()
    for e in events:
        tok = tokens[e.id]
        sent_text = " ".join(tok.sent.text.split())
        if sent_text in seen_sentences and not any(
                tokens[o.id].sent.start == tok.sent.start for o in out):
            continue
        if tok.pos_ == "NOUN" and _definite(tok):
            mine_a = {a.code for a in e.actor if a.code}
            mine_r = {a.code for a in e.recipient if a.code}
            # a definite noun ("Li's visit", "the war") for an act of an earlier sentence
            # with the same parties in the same direction; in its own sentence a noun
            # names a new act ("hosted talks between A and B")
            # (a noun with its own date names another act: "Putin's visit in February")
            if e.date_basis != "text" and any(
                   o.event == e.event and tokens[o.id].sent.start != tok.sent.start and
                   o.modality == e.modality and
                   mine_a <= {a.code for a in o.actor} and
                   mine_r <= ({a.code for a in o.recipient} | {a.code for a in o.actor})
                   for o in out):
                continue
        out.append(e)
        seen_sentences.add(sent_text)
    return out


def _definite(noun: Token) -> bool:
    """A noun phrase that points back: "the/this/that visit", "Li's trip", "its war"."""
    return any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in ("the", "this", "that",
                                                                      "these", "those"))
               for c in noun.children)


def _without_purpose_repeats(events: list[Event], tokens: dict[str, Token]) -> list[Event]:
    """Drop an event stated as the purpose of an event of the same type by the same actors
    ("sent doctors to help", "are due to meet to discuss"): one act, told twice."""
    by_index = {tokens[e.id].i: e for e in events}
    out = []
    for e in events:
        tok = tokens[e.id]
        head = tok.head
        purpose = tok.dep_ in ("advcl", "xcomp") and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
        outer = by_index.get(head.i) if purpose else None
        if outer is not None and outer.event == e.event:
            continue
        out.append(e)
    return out


@register_stage("events", requires=("doc", "actors"), assigns=("events",), version="2")
def make_events(config: Config):
    """PLOVER events (actor, type, mode, recipient) with modality, attribution and evidence."""
    return EventCoder(config)

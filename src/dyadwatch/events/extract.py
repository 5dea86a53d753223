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
from typing import Optional

from spacy.tokens import Token

from ..config import Config
from ..pipeline import register_stage
from ..schema import Actor, Article, Event
from .confidence import calibration, features
from .contexts import contexts_of
from .modality import Source, attribution_of, is_historical, modality_of
from .ontology import load_ontology
from .participants import ActorIndex, _ref, _subject, is_named_person, participants
from .triggers import (Trigger, _names_own_parties, in_context, light_verb_of,
                       match_trigger, through_partitive)
from .when import resolve_date


# years between an event and the latest year an undated article mentions before the event
# counts as historical (with a publication date the margin is modality.is_historical's 2)
HISTORICAL_MARGIN = 10
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
            if tok.pos_ == "NOUN" and tok.lemma_.lower() in RELATION_NOUNS and (
                    tok.dep_ in ("nsubj", "nsubjpass") or _moved_by_a_thing(tok, index)):
                continue  # "the partnership serves both", "the war has boosted cooperation
                # between A and B": a standing relation and its trend, no act
            if tok.pos_ == "VERB" and _done_by_a_nominal_event(tok):
                continue  # "hit by sanctions": the sanctions are the event
            if tok.pos_ == "VERB" and any(c.dep_ == "oprd" or (c.dep_ == "ccomp" and
                                                               c.pos_ == "ADJ")
                                          for c in tok.children):
                continue  # "calling the claim absurd", "named X a threat": naming, no act
            ev = self._event(art, doc, tok, trig, index, sent_starts, len(events))
            if ev is not None:
                ev_tokens[ev.id] = tok
                events.append(ev)
        events = _without_repeats(_without_purpose_repeats(events, ev_tokens), ev_tokens)
        _acts_referred_to(events, ev_tokens)
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
            # "Nigeria sent its envoy, Amina Bello, to Ghana": sending a named person is
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
        trig, modal_word = in_context(tok, trig)
        actors, recipients = participants(tok, trig, index)
        if trig.event == "SUPPORT" and trig.lemma in ("recognize", "recognise") and \
                not recipients:
            return None  # recognising a state or government, not "recognizing this shift"
        if trig.event in ("CONSULT", "MOBILIZE", "AID") and tok.pos_ != "NOUN":
            # one's own envoy or forces are the means, not the counterpart: "Nigeria sent its
            # foreign minister to Ghana", "Moscow is sending troops to the border" (people of
            # the actor's state as the direct object; forces by their military sector)
            obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
            own = {a.code for a in actors if a.code}
            if obj is not None:
                means = [a for a in index.of_phrase(obj) if a.code in own and (
                    (trig.event == "CONSULT" and a.kind == "person") or a.sector == "MIL")]
                recipients = [r for r in recipients if r not in means]
        if not actors and tok.pos_ != "NOUN":
            actors = _first_person_speaker(art, tok)
        if not actors:
            return None  # who did it is the point of an event: none found, no event
        if tok.pos_ == "NOUN" and trig.event in ("REQUEST", "THREATEN") and \
                not recipients and not _names_own_parties(tok):
            return None  # "Western pressure", "the threat Russia poses": no one addressed
            # and no one making it ("Seoul's request for talks" stays)
        if trig.event == "ACCUSE" and trig.mode == "allege" and tok.pos_ == "VERB" and \
                any(c.dep_ == "ccomp" and _is_speech(c) for c in tok.children):
            return None  # "Brazil claimed that the minister said ...": a report of speech, no charge
        if trig.event == "ACCUSE" and trig.mode == "allege" and tok.pos_ == "VERB" and \
                not recipients and any(c.dep_ == "ccomp" for c in tok.children):
            return None  # "X claims it has always been neutral": an allegation accuses
            # someone; with no one else in its content clause it is a plain statement
        mod = modality_of(modal_word)
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
            # one named deeper inside ("a closer look at the envoy's trip" is no source)
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
        quoted = _quote_around(art, tok.idx) if not sources else None
        if quoted is not None:
            # said inside a quote ("'We are providing help,' the minister said"): the
            # quote's speaker reports it
            attributed = quoted.speaker.name
            sources = [Source(-1, -1, quoted.speaker.name, quoted.cue or "", -1)]
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


def _first_person_speaker(art: Article, tok: Token) -> list[Actor]:
    """"'We are providing help,' the minister said": a first-person subject inside a quote
    is its speaker (the speaker's actor, whose code and sector stand for the side)."""
    subj = _subject(tok)
    if subj is None or subj.lower_ not in ("we", "i"):
        return []
    quote = _quote_around(art, subj.idx)
    if quote is None or not quote.speaker.actor_id:
        return []
    return [a for a in art.actors if a.id == quote.speaker.actor_id][:1]


TREND_WORDS = {"growing", "deepening", "expanding", "increasing", "strengthening",
               "burgeoning", "flourishing", "warming", "closer", "close", "longstanding",
               "long-standing", "decades-old", "ongoing", "existing", "traditional"}


def _moved_by_a_thing(noun: Token, index: ActorIndex) -> bool:
    """A standing relation or its trend, not an act of the parties: the noun is described
    as growing or lasting ("the growing cooperation between A and B"), or is the object of
    a verb whose subject names no actor ("the war has boosted cooperation")."""
    if any(c.dep_ == "amod" and c.lower_ in TREND_WORDS for c in noun.children):
        return True  # "the growing cooperation between A and B"
    if noun.dep_ != "dobj" or noun.head.pos_ not in ("VERB", "AUX"):
        return False
    subj = next((c for c in noun.head.children if c.dep_ == "nsubj"), None)
    return subj is not None and subj.pos_ in ("NOUN", "PROPN") and not index.of_phrase(subj)


def _done_by_a_nominal_event(verb: Token) -> bool:
    """A verb of impact whose subject or agent is itself an event noun ("hit by Western
    sanctions", "the strikes hurt the economy"): one event, the noun's."""
    doers = [c for c in verb.children if c.dep_ == "nsubj"] + [
        g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    return any(d.pos_ == "NOUN" and match_trigger(d) is not None and
               match_trigger(d).event != "NONE" for d in doers)


def _quote_around(art: Article, offset: int):
    """The quote (quotes stage, when it ran before this one) whose content holds the
    character offset and whose speaker is named, else None."""
    for q in getattr(art, "quotes", None) or []:
        if q.speaker is None or not q.speaker.name or q.start is None:
            continue
        pieces = q.parts or [[q.start, q.end]]
        if any(a <= offset < b for a, b in pieces):
            return q
    return None


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
    """Drop what refers back to an event already coded (ANNOTATION 3), when an earlier
    sentence's event has the same type, modality and actors, and recipients that include
    this one's, and this one names no other date ("the premier's visit in February" is
    another act):

    - a nominal event not introduced as new ("the envoy's visit" after "Rome sent an envoy
      to Cairo", "Western sanctions" or "its war" again; "a new round of sanctions" is new);
    - a planned or possible act told again by the same source ("are due to meet this week"
      twice, an analyst's forecast restated);
    - the events of a sentence the article repeats word for word or nearly (a quote printed
      twice)."""
    out: list[Event] = []
    seen: list[tuple[int, frozenset]] = []  # (sentence start, word set) of kept sentences
    for e in events:
        tok = tokens[e.id]
        words = frozenset(w.lower_ for w in tok.sent if w.is_alpha)
        if any(start != tok.sent.start and _near_same(words, other) for start, other in seen):
            continue
        told_again = (tok.pos_ == "NOUN" and not _indefinite(tok)) or (
            e.modality in ("future", "hypothetical"))
        if told_again and any(
                _same_act(o, e) and tokens[o.id].sent.start != tok.sent.start and
                (e.date_basis != "text" or o.date == e.date) and
                (tok.pos_ == "NOUN" or o.attributed_to == e.attributed_to) for o in out):
            continue
        out.append(e)
        seen.append((tok.sent.start, words))
    return out


def _same_act(earlier: Event, e: Event) -> bool:
    mine_a = {a.code for a in e.actor if a.code}
    mine_r = {a.code for a in e.recipient if a.code}
    return earlier.event == e.event and earlier.modality == e.modality and \
        mine_a <= {a.code for a in earlier.actor} and \
        mine_r <= ({a.code for a in earlier.recipient} | {a.code for a in earlier.actor})


def _near_same(a: frozenset, b: frozenset, threshold: float = 0.8) -> bool:
    """Two sentences with nearly the same words (Jaccard of their word sets), long enough
    to be a repeated passage rather than a formula."""
    if len(a) < 8 or len(b) < 8:
        return a == b and len(a) > 3
    return len(a & b) / len(a | b) >= threshold


def _indefinite(noun: Token) -> bool:
    """A noun phrase that introduces something new: "a visit", "another round", "new
    sanctions"."""
    return any((c.dep_ == "det" and c.lower_ in ("a", "an", "another")) or
               (c.dep_ == "amod" and c.lower_ in ("new", "fresh", "further", "additional",
                                                  "more", "latest"))
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


# Events that take a stance on another act: their recipient is that act's doer.
STANCE_EVENTS = {"ACCUSE", "SUPPORT", "REJECT", "PROTEST", "AGREE"}
ACT_PRONOUNS = {"it", "this", "that"}


def _acts_referred_to(events: list[Event], tokens: dict[str, Token]) -> None:
    """"Russia launched its invasion, and Beijing has since refrained from condemning it": a
    stance on an act named by a pronoun object takes the doer of the latest act before it
    in the same or the previous sentence as its recipient (in place)."""
    for e in events:
        tok = tokens[e.id]
        if e.event not in STANCE_EVENTS or e.recipient or tok.pos_ != "VERB":
            continue
        if not any(c.dep_ == "dobj" and c.lower_ in ACT_PRONOUNS for c in tok.children):
            continue
        own = {(a.code, a.name) for a in e.actor}
        earlier = [x for x in events if x is not e and x.event not in STANCE_EVENTS and
                   tokens[x.id].i < tok.i and x.sentence is not None and
                   e.sentence is not None and e.sentence - 1 <= x.sentence <= e.sentence]
        if earlier:
            act = max(earlier, key=lambda x: tokens[x.id].i)
            spans = act.actor_spans or [None] * len(act.actor)
            doers = [(a, sp) for a, sp in zip(act.actor, spans) if (a.code, a.name) not in own]
            if doers:
                e.recipient = [a for a, _ in doers]
                e.recipient_spans = [sp for _, sp in doers]


@register_stage("events", requires=("doc", "actors"), assigns=("events",), version="3")
def make_events(config: Config):
    """PLOVER events (actor, type, mode, recipient) with modality, attribution and evidence."""
    return EventCoder(config)

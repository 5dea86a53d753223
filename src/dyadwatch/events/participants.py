"""Who does an event and to whom: the actors and recipients of a trigger word, found in the
dependency parse among the article's resolved actors (the rules are listed in
``events.extract``'s module docstring), with pronoun and possessive antecedents."""

from __future__ import annotations

from functools import lru_cache
from typing import Optional

from spacy.tokens import Doc, Token

from ..schema import Actor, ActorRef
from .triggers import Trigger, match_trigger, through_partitive


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
    for _ in range(6):
        subj = next((c for c in cur.children if c.dep_ in ("nsubj", "csubj")), None)
        if subj is not None:
            return subj
        if tok.tag_ == "VBG" and cur.dep_ == "pobj" and cur.head.dep_ == "prep" and \
                cur is not tok:
            # "In the context of providing X with aid, Y seeks ...": a gerund in an
            # adjunct's noun phrase is done by the clause's subject
            cur = cur.head
            continue
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
    ("Turkey seeks to balance its partnership with Iran")."""
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


def participants(tok: Token, trig: Trigger, index: ActorIndex) -> tuple[list[Actor], list[Actor]]:
    """The actors and recipients of the event a trigger word names (module docstring)."""
    actors: list[Actor] = []
    recipients: list[Actor] = []
    if tok.pos_ == "NOUN":
        for child in tok.children:
            if child.dep_ in ("poss", "compound", "amod") and child.i in index.by_token:
                actors += [a for a in index.by_token[child.i] if a not in actors]
                # "the Russia-Ukraine war": both members of a hyphenated compound
                for g in child.children:
                    if g.dep_ in ("compound", "amod", "conj") and g.i in index.by_token and \
                            any(t.text in ("-", "–") for t in tok.doc[g.i:child.i]):
                        actors += [a for a in index.by_token[g.i] if a not in actors]
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
        if not actors:
            actors, recipients = _adjunct_nominal(tok, trig, index)
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
        elif tok.dep_ == "acl" and tok.tag_ == "VBN" and trig.object:
            # "sanctions imposed on X by Y": the agent of a light verb's participle on its
            # object noun (a plain participle, "crimes committed by", is no act of its own)
            actors += [a for c in tok.children if c.dep_ == "agent" or (
                c.dep_ == "prep" and c.lower_ == "by") for g in c.children
                if g.dep_ == "pobj" for a in index.of_phrase(g)]
        objects = [c for c in tok.children if c.dep_ in ("dobj", "dative")]
        if not objects and not any(c.dep_ in ("xcomp", "ccomp") or (
                c.dep_ in ("prep", "advcl") and c.i > tok.i) for c in tok.children):
            # "arming and funding the rebels' campaign": two verbs share one object
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
    if tok.pos_ == "NOUN" and tok.dep_ == "dobj" and is_verb(tok.head, SUPPORT_VERBS):
        heads.append(tok.head)  # "stepped up its warnings to Tokyo": on the carrying verb
    located: list[Actor] = []  # "drills around Taiwan": a target, never a partner
    for child in (c for h in heads for c in h.children):
        if child.dep_ == "prep" and child.lower_ in preps:
            for obj in child.children:
                if obj.dep_ == "pobj":
                    found = index.of_phrase(obj) or _host(obj, trig)
                    recipients += [a for a in found if a not in recipients]
                    if child.lower_ in PLACE_PREPS:
                        located += found
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
    if not recipients and actors:
        recipients = _implicit_recipients(tok, trig, actors, index)
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
    if tok.pos_ != "NOUN" and len(actors) > 1 and _reciprocal_object(tok):
        return actors, list(actors)  # "A and B supplied each other": each gives and gets
    recipients = [r for r in recipients if r not in actors]
    if trig.reciprocal:
        partners = [r for r in recipients if r not in located]
        if len(actors) > 1 or partners:
            return actors + partners, [r for r in recipients if r in located]
    return actors, recipients


def _host(obj: Token, trig: Trigger) -> list[Actor]:
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


# Prepositions of place a recipient may come through: the target of a show of force.
PLACE_PREPS = {"around", "near", "off"}
# Verbs whose subject gets or wants what their object (or its "for" phrase) names:
# "Russia sought Chinese help", "Moscow is hoping for Beijing's support".
BENEFICIARY_VERBS = {"receive", "get", "seek", "need", "want", "request", "ask", "win",
                     "secure", "obtain", "welcome", "accept", "count", "rely", "depend",
                     "hope", "look", "wait", "appeal", "call", "beg", "plead", "lobby",
                     "thank", "enjoy", "gain", "lose", "expect"}
# Verbs whose subject undergoes what their object names: "faces sanctions", "suffered
# attacks", "evaded the blockade".
EXPERIENCER_VERBS = {"face", "suffer", "take", "endure", "weather", "withstand", "evade",
                     "avoid", "survive", "feel", "absorb", "escape", "circumvent", "bypass",
                     "defy", "brave", "undergo", "shrug", "sustain", "incur"}
# Participles of getting that make their "by" agent the receiver: "chips imported by X".
RECEIVING_PARTICIPLES = {"import", "buy", "purchase", "receive", "acquire", "obtain",
                         "order", "use", "get"}
# Noun events that befall a target: their target may be the clause's other party.
IMPOSED = {"SANCTION", "ASSAULT", "COERCE", "THREATEN"}
RECIPROCAL_OBJECTS = {("each", "other"), ("one", "another")}


def _subject_actors(verb: Token, index: ActorIndex) -> list[Actor]:
    subj = _subject(verb)
    if subj is None:
        return []
    return index.of_phrase(subj) or _antecedent(subj, index, [])


def _implicit_recipients(tok: Token, trig: Trigger, actors: list[Actor],
                         index: ActorIndex) -> list[Actor]:
    """A recipient the trigger's own arguments do not name, from a general construction
    around it (each returns the first that applies):

    - a noun of help or backing that a verb's subject receives or asks for: "X sought
      Chinese help", "X is hoping for Y's support" -> X;
    - a noun of sanction, attack or threat that a verb's subject undergoes: "X faces
      Western sanctions", "keen to avoid being hit by sanctions" -> X; or that acts on the
      clause's object as subject of a verb: "sanctions have increased X's dependence" -> X;
    - an attack located in or aimed at a state through its complement: "its war in
      Ukraine", "a war of aggression against the Ukrainian people";
    - goods the object names that a "by" phrase receives: "supplied most of the chips
      imported by X" -> X;
    - the state goods are bought in: "firms in X bought goods in Y" -> Y;
    - for a participle on a noun, whoever the noun's clause makes its receiver or owner:
      "X has yet to receive the doses promised by Y" -> X, "X's dispute over tariffs
      imposed by Y" -> X.
    """
    own = set(map(id, actors))

    def others(found: list[Actor]) -> list[Actor]:
        return [a for a in found if id(a) not in own]

    if tok.pos_ == "NOUN":
        first = tok
        while first.dep_ == "conj" and first.head is not first:
            first = first.head  # "taking heavy casualties and punishing sanctions"
        host, via = first.head, first.dep_
        if via == "pobj" and host.dep_ in ("prep", "agent"):
            via, host = ("agent" if host.dep_ == "agent" or host.lower_ == "by" else
                         host.lower_), host.head
        if host.pos_ in ("VERB", "AUX"):
            if trig.event in ("AID", "SUPPORT", "COOPERATE") and \
                    is_verb(host, BENEFICIARY_VERBS) and via in ("dobj", "for", "on", "upon"):
                found = others(_subject_actors(host, index))
                if found:
                    return found
            if trig.event in IMPOSED:
                if (is_verb(host, EXPERIENCER_VERBS) and via == "dobj") or via == "agent":
                    found = others(_subject_actors(host, index))
                    if found:
                        return found
                if via == "nsubj":
                    found = others([a for c in host.children if c.dep_ == "dobj"
                                    for a in index.of_phrase(c)])
                    if found:
                        return found
    if tok.pos_ != "NOUN" and tok.dep_ == "acl":
        found = others(_owner_of_modified_noun(tok.head, index))
        if found:
            return found
    if trig.event == "ASSAULT":
        holders = [tok] + [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                           for g in c.children if g.dep_ == "pobj"]
        for h in holders:
            for c in h.children:
                if c.dep_ == "prep" and c.lower_ in ("in", "against", "on", "into"):
                    found = others([a for g in c.children if g.dep_ == "pobj"
                                    for a in index.of_phrase(g)
                                    if c.lower_ != "in" or a.kind == "state"])
                    if found:
                        return found
    if trig.event == "COOPERATE" and "from" in trig.recipient_preps and tok.pos_ != "NOUN":
        # "firms in X bought goods in Y": where goods are bought is the seller's state
        found = others([a for c in tok.children if c.dep_ == "prep" and c.lower_ == "in"
                        for g in c.children if g.dep_ == "pobj"
                        for a in index.of_phrase(g) if a.kind == "state"])
        if found:
            return found
    if trig.event in ("AID", "COOPERATE") and tok.pos_ != "NOUN":
        for obj in (c for c in tok.children if c.dep_ == "dobj"):
            for noun in {obj, through_partitive(obj)}:
                for acl in (c for c in noun.children if c.dep_ == "acl" and
                            is_verb(c, RECEIVING_PARTICIPLES)):
                    found = others([a for c in acl.children if c.dep_ == "agent" or (
                        c.dep_ == "prep" and c.lower_ == "by") for g in c.children
                        if g.dep_ == "pobj" for a in index.of_phrase(g)])
                    if found:
                        return found
    return []


def _reciprocal_object(verb: Token) -> bool:
    """The verb's object is "each other" or "one another"."""
    for obj in (c for c in verb.children if c.dep_ in ("dobj", "dative", "prep")):
        words = tuple(t.lower_ for t in obj.subtree)
        if words in RECIPROCAL_OBJECTS or words[-2:] in RECIPROCAL_OBJECTS:
            return True
    return False


def _inflections(lemma: str) -> set[str]:
    stem = lemma[:-1] if lemma.endswith("e") else lemma
    return {lemma, lemma + "s", lemma + "es", stem + "ed", stem + "ing", lemma + "d"}


@lru_cache(maxsize=64)
def _forms(words: frozenset) -> frozenset:
    return frozenset(f for w in words for f in _inflections(w))


def is_verb(tok: Token, lemmas: set[str]) -> bool:
    """The token is one of these verbs: by its lemma, or by a regular inflected form where
    the model's lemmatiser errs ("hoping" -> "hop")."""
    return tok.lemma_.lower() in lemmas or tok.lower_ in _forms(frozenset(lemmas))


def _owner_of_modified_noun(noun: Token, index: ActorIndex) -> list[Actor]:
    """Who receives or owns the noun a participle modifies: the subject of a verb of getting
    that takes it as object ("has yet to receive any of the doses"), or the possessor of the
    noun it complements ("its dispute over the tariffs")."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.dep_ == "dobj":
        noun = noun.head.head  # "any of the doses"
    host = noun.head
    if noun.dep_ == "dobj" and is_verb(host, BENEFICIARY_VERBS):
        return _subject_actors(host, index)
    if noun.dep_ == "pobj" and host.dep_ == "prep" and host.head.pos_ == "NOUN":
        for poss in (c for c in host.head.children if c.dep_ == "poss"):
            return index.of_phrase(poss) or _antecedent_of_possessive(poss, index)
    return []


# Prepositions that put a meeting or call as the setting of another act: "raised the issue
# with Xi in a phone call", "agreed during talks", "said at a summit".
SETTING_PREPS = {"in", "during", "at", "via", "over", "on"}
# Verbs whose "with" phrase is the act they answer with: "responded with exercises".
RESPONSE_VERBS = {"respond", "react", "retaliate", "answer", "reply", "counter", "hit"}


def _adjunct_nominal(noun: Token, trig: Trigger, index: ActorIndex
                     ) -> tuple[list[Actor], list[Actor]]:
    """The parties of a nominal event that sits in an adjunct of a verb and names none of its
    own: a meeting or call as the setting of an act ("Biden raised the issue with Xi in a
    phone call": the verb's subject and its "with" partner meet), and an act a subject
    answers with ("Beijing responded with military exercises around Taiwan")."""
    if noun.dep_ != "pobj" or noun.head.dep_ != "prep":
        return [], []
    prep, verb = noun.head, noun.head.head
    if verb.pos_ not in ("VERB", "AUX"):
        return [], []
    if trig.event == "CONSULT" and trig.reciprocal and prep.lower_ in SETTING_PREPS:
        actors = _subject_actors(verb, index)
        partners = [a for c in verb.children if c.dep_ == "prep" and c.lower_ == "with"
                    and c is not prep for g in c.children if g.dep_ == "pobj"
                    for a in index.of_phrase(g) if a not in actors]
        return (actors, partners) if actors else ([], [])
    if prep.lower_ == "with" and is_verb(verb, RESPONSE_VERBS):
        return _subject_actors(verb, index), []
    return [], []

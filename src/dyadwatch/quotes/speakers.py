"""Who speaks: the words at a quote's cue resolved to a speaker record.

The actors stage has already resolved every mention (names, surnames, "Dr X", "the
analyst", pronouns that are subjects of reporting verbs) to an actor with code, sector,
role and affiliation. A speaker is the actor whose mention covers the head of the source
words. What the actors stage leaves open is settled here:

- a pronoun it did not link ("he", "she") is the last person quoted within a few
  paragraphs, else the last person named before it; "they" the last group or body quoted
  in this sentence or the one before, else the nearest coordinated or plural subject there
  ("X and Y met ... They said"); "it" the last body or state quoted or named before it in
  the sentence;
- several speakers keep every name ("X and Y said", "the two presidents declared": the
  last people of that role named before; ``groups.py``);
- "the company", "the ministry" alone is the last body of that kind named just before; a
  role word with a name in apposition ("the ministry spokeswoman, Jane Doe,") is that
  person; "its chief executive" is anonymous, affiliated to the body "its" points to;
- speakers that are no actor keep their words: "a source familiar with the talks"
  (anonymous), "experts" (collective), "the report" (document); a body (organisation,
  state) has no role and no affiliation; a nameless speaker's affiliation is the body in
  its words ("foreign office spokeswoman"), else its state when it is a state's people
  ("officials in X"), not analysts'; non-speakers ("a quick glance", "the timing") give none;
- ``role`` and ``affiliation`` of a named person come from the words describing them where
  they are introduced: an appositive ("X, director of the Y program at the Z Institute":
  role "director of the Y program", affiliation "Z Institute"), an "of/at" phrase, or the
  title before the name ("Foreign Minister X"); a state official whose organisation is only
  the state gets the state's name as affiliation.

Kinds: person, organisation, state, anonymous, collective, document.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..actors.coref import REPORT_NOUNS
from ..actors.lexicon import load_lexicon
from ..schema import Actor, Speaker
from .cues import PRONOUNS, Candidate, phrase, tok_chars
from .groups import conjuncts, counted, joined
from .mentions import PARAGRAPHS, History, Index, named_person
from .roles import anonymous_words as _anonymous
from .roles import body_before_head, describe_at, norm_affiliation, strip_the
from .roles import phrase_text as _phrase_text
from .roles import sender as _sender

ANONYMOUS_HEADS = {"source", "insider", "person", "people", "official", "diplomat", "aide",
                   "spokesperson", "spokesman", "spokeswoman", "officer", "member"}
DOCUMENTS = set(REPORT_NOUNS) | {"poll", "data", "datum", "figures", "research", "filing", "memo", "summary", "transcript", "minutes",
                                 "letter", "study", "survey", "communique", "communiqué"}
STATE_SECTORS = {"GOV", "MIL", "LEG", "JUD", "COP", "SPY"}
PARAGRAPHS_BACK = PARAGRAPHS
GROUP_WORDS = {"some", "many", "others", "most", "few", "several", "all", "both", "critics",
               "supporters", "opponents", "observers"}


class SpeakerResolver:
    def __init__(self, doc: Doc, actors: list[Actor], published: str | None = None):
        self.doc = doc
        self.index = Index(actors)
        self.history = History()
        self.lex = load_lexicon(())
        self._described: dict[str, tuple[str | None, str | None]] = {}

    # -- public ----------------------------------------------------------------------
    def resolve(self, c: Candidate) -> Speaker | None:
        if c.source is None or c.source_head is None:
            return None
        doc = self.doc
        head = doc[c.source_head]
        sender = _sender(head)
        if sender is not None:  # "a message from X alleging ...": X speaks
            head, c.source = sender, phrase(sender)
        s, e = tok_chars(doc, *c.source)
        hs, he = tok_chars(doc, head.i, head.i + 1)
        actor = self.index.at(hs, he, (hs, he))
        if actor is None and head.pos_ == "PROPN":
            actor = self.index.at(s, e)
        named = self._named_appositive(head)
        group = self._counted(head) if counted(head) else None
        if group is not None:  # "the two presidents": the people named before
            sp = group
        elif named is not None:  # "the ministry's spokeswoman, Jane Doe, said"
            sp = named
        elif actor is not None and actor.name == head.text and head.pos_ == "NOUN":
            sp = self._unlisted(head, c.source)  # a bare common noun is no one's name
        elif head.lower_ in ("he", "she", "him", "her", "they", "it", "we", "i") and (
                actor is None or not self._mention_at(actor, hs, he)):
            sp = self._pronoun(head, c)
        elif actor is not None:
            sp = self._from_actor(actor, head, c.source)
        else:
            sp = self._unlisted(head, c.source)
        if sp is not None and head.lower_ not in PRONOUNS:
            sp = self._with_conjuncts(sp, head)
        if sp is not None:
            sp.mention = doc.text[s:e]
            self.history.items.append((c.start, c.paragraph, sp))
        return sp

    # -- helpers ---------------------------------------------------------------------
    def _member(self, tok: Token) -> Speaker | None:
        hs, he = tok_chars(self.doc, tok.i, tok.i + 1)
        a = self.index.at(hs, he, (hs, he))
        return self._from_actor(a, tok, phrase(tok)) if a is not None else None

    def _with_conjuncts(self, sp: Speaker, head: Token) -> Speaker:
        """ "X and Y said": both speak."""
        others = [m for m in (self._member(t) for t in conjuncts(head)) if m is not None]
        return joined([sp] + others) if others else sp

    def _counted(self, head: Token) -> Speaker | None:
        """ "the two presidents": the last people of that role named before (else the last
        people named), as many as counted."""
        n = counted(head) or 0
        word = head.lemma_.lower()
        seen: list[Actor] = []
        for _s, _e, a in reversed([x for x in self.index.items if x[0] < head.idx]):
            if named_person(a) and a not in seen:
                seen.append(a)
        fits = [a for a in seen if word in ((a.role or "") + " " + (a.office or "")).lower()]
        chosen = fits[:n] if len(fits) >= n else seen[:n]
        if len(chosen) < n:
            return None
        chosen.sort(key=lambda a: min(m.start for m in a.mentions))
        return joined([self._from_actor(a, None, None) for a in chosen])

    def _named_appositive(self, head: Token) -> Speaker | None:
        """A role word with a name in apposition ("the foreign office spokeswoman, Jane
        Doe,"): the named person, with the role word as role and the body before it as
        affiliation."""
        if self.lex.role(head.lemma_.lower()) is None or head.tag_ != "NN":
            return None
        app = next((t for t in head.children if t.dep_ == "appos" and t.pos_ == "PROPN"),
                   None)
        if app is None or app.ent_type_ in ("GPE", "NORP", "LOC", "FAC", "DATE") or not all(
                t.text[:1].isupper() for t in app.subtree if t.dep_ in ("compound", "flat")):
            return None
        toks = [t for t in app.subtree if t.dep_ in ("compound", "flat") or t is app]
        name = " ".join(t.text for t in toks)
        words = self.doc[head.left_edge.i:head.i + 1]
        body = body_before_head(words, self.lex.org_heads)
        hs, he = tok_chars(self.doc, head.i, head.i + 1)
        a = self.index.at(hs, he)
        code = a.code if a is not None else self._state_in(words)
        aff = body or (self.lex.states.get(code) if code else None)
        return Speaker(name=name, code=code, sector=a.sector if a is not None else None,
                       affiliation=aff, role=head.text, kind="person",
                       actor_id=a.id if a is not None else None)

    def _mention_at(self, actor: Actor, s: int, e: int) -> bool:
        return any(m.start < e and s < m.end for m in actor.mentions)

    def _pronoun(self, head: Token, c: Candidate) -> Speaker | None:
        low = head.lower_
        if low in ("he", "she", "him", "her", "i"):
            sp = self.history.last(c.start, c.paragraph, {"person"})
            if sp is not None:
                return _copy(sp)
            a = self.index.last_before(head.idx, named_person)
            return self._from_actor(a, None, None) if a else None
        near = self._sentence_before(head).start_char  # "they", "it": close by only
        if low in ("they", "we"):
            sp = self.history.last(c.start, c.paragraph, {"collective", "organisation",
                                                          "anonymous", "state"}, near)
            return _copy(sp) if sp else self._plural_before(head, near)
        sent_start = head.sent.start_char
        a = self.index.last_before(head.idx, lambda x: x.kind in (
            "state", "organisation", "company"))
        if a is not None and any(sent_start <= m.start < head.idx for m in a.mentions):
            return self._from_actor(a, None, None)
        sp = self.history.last(c.start, c.paragraph, {"organisation", "state", "document"},
                               near)
        return _copy(sp) if sp else None

    def _plural_before(self, head: Token, near: int) -> Speaker | None:
        """ "they" with no group quoted just before: the nearest coordinated subject ("X
        and Y met ... they said") or plural group named in this sentence or the one
        before."""
        for tok in reversed(self.doc[:head.i]):
            if tok.idx < near:
                break
            if tok.dep_ not in ("nsubj", "nsubjpass"):
                continue
            sp = self._member(tok)
            if sp is not None and conjuncts(tok):
                return self._with_conjuncts(sp, tok)
            if sp is not None and tok.tag_ in ("NNS", "NNPS") and sp.kind == "collective":
                return sp
        return None

    def _sentence_before(self, tok: Token):
        sent = tok.sent
        return self.doc[sent.start - 1].sent if sent.start > 0 else sent

    def _from_actor(self, a: Actor, head: Token | None, source) -> Speaker:
        if named_person(a):
            role, aff = self._describe(a)
            kind = "person"
            name = a.name
        else:
            kind = {"state": "state", "organisation": "organisation", "company":
                    "organisation"}.get(a.kind or "", "collective")
            role, aff = a.role, strip_the(a.affiliation)
            name = a.name
            if kind in ("state", "organisation"):
                role = aff = None  # a body speaks for itself: no role, no affiliation
            if kind == "collective":
                words = self.doc[source[0]:source[1]] if source else None
                if words is not None and _anonymous(words):
                    kind = "anonymous"
                if words is not None:
                    name = strip_the(_phrase_text(words)) or a.name
                aff = aff or self._affiliation_in(source, a)
        if kind == "person" and not aff and a.sector in STATE_SECTORS and a.code:
            aff = self.lex.states.get(a.code)
        if kind in ("state", "organisation"):
            return Speaker(name=name, code=a.code, sector=a.sector, kind=kind, actor_id=a.id)
        return Speaker(name=name, code=a.code, sector=a.sector, affiliation=aff,
                       role=role or a.office, kind=kind, actor_id=a.id)

    def _affiliation_in(self, source, a: Actor | None) -> str | None:
        """The body or state named inside a group's words ("Foreign Ministry spokesman",
        "officials in Tokyo"); a state only for a state's people (officials, diplomats),
        not for analysts or residents."""
        if not source:
            return None
        words = self.doc[source[0]:source[1]]
        s, e = tok_chars(self.doc, *source)
        for ms, me, other in self.index.items:
            if other is not a and s <= ms and me <= e and other.kind in ("organisation",
                                                                          "company"):
                return strip_the(other.name)
        body = body_before_head(words, self.lex.org_heads)
        if body:
            return body
        code = (a.code if a is not None else None) or self._state_in(words)
        role = self.lex.role(words.root.lemma_.lower()) or self.lex.role(words.root.lower_)
        if code and code in self.lex.states and self._state_in(words) == code and (
                role is None or role.sector in STATE_SECTORS):
            return self.lex.states[code]
        return None

    def _state_in(self, words) -> str | None:
        """The state a word or two of ``words`` name ("Israeli", "in Tokyo", "South
        Korean")."""
        toks = [t.text for t in words]
        for k in range(len(toks)):
            for n in (2, 1):
                if k + n <= len(toks):
                    hits = [x for x in self.lex.lookup(" ".join(toks[k:k + n]))
                            if x.kind == "state"]
                    if hits:
                        return hits[0].code
        return None

    def _unlisted(self, head: Token, source) -> Speaker | None:
        words = self.doc[source[0]:source[1]]
        name = strip_the(_phrase_text(words))
        lemma = head.lemma_.lower()
        person = self.lex.role(lemma) is not None or self.lex.role(head.lower_) is not None
        if lemma in DOCUMENTS:
            kind = "document"
        elif head.lower_ in GROUP_WORDS:
            kind = "collective"
        elif person and _anonymous(words) or lemma in ("source", "insider"):
            kind = "anonymous"
        elif person and head.tag_ in ("NNS", "NNPS"):
            kind = "collective"
        elif head.pos_ == "PROPN":
            kind = "person" if head.ent_type_ == "PERSON" else "organisation"
        elif lemma in self.lex.org_heads and self._body_meant(head, words) is not None:
            # "the company said": the body of that kind named just before
            return self._from_actor(self._body_meant(head, words), head, source)
        elif person:
            kind = "anonymous"  # "the spokesman", "its chief executive": a role, no name
        elif lemma in self.lex.org_heads:
            kind = "organisation"
        elif head.tag_ == "NNS" and self.index.at(*tok_chars(self.doc, *source)):
            kind = "collective"  # "the authors of the X report"
        else:
            return None  # "the timing", "a quick glance": no one speaks
        role = head.text if kind in ("anonymous", "collective") else None
        sp = Speaker(name=name, role=role, kind=kind)
        s, e = tok_chars(self.doc, *source)
        inner = self.index.at(s, e)  # "the data from X's customs", "a US readout"
        if inner is not None and inner.name == head.text:
            inner = None  # the bare noun itself ("analysts"): no body named
        owner = self._owner(words) if kind == "anonymous" else None
        if inner is None and owner is not None:  # "its chief executive": its = the body
            inner = owner
        if inner is not None:
            sp.code, sp.sector = inner.code, inner.sector
            sp.affiliation = strip_the(inner.name) if kind not in ("person", "organisation") \
                else None
            sp.actor_id = inner.id if kind == "document" else None
        if kind in ("anonymous", "collective") and (inner is None or inner is not owner):
            sp.affiliation = self._affiliation_in(source, inner) or (
                sp.affiliation if inner is not None and inner.kind != "state" else None)
            sp.code = sp.code or self._state_in(words)
        return sp

    def _owner(self, words) -> Actor | None:
        """The body a possessive pronoun points back to ("its chief executive"): the last
        organisation or company named before, in this sentence or the one before."""
        poss = next((t for t in words if t.dep_ == "poss" and t.lower_ in ("its", "their")),
                    None)
        if poss is None:
            return None
        near = self._sentence_before(poss).start_char
        a = self.index.last_before(poss.idx, lambda x: x.kind in ("organisation", "company"))
        return a if a is not None and any(near <= m.start < poss.idx for m in a.mentions) \
            else None

    def _body_meant(self, head: Token, words) -> Actor | None:
        """ "the company", "the ministry" with nothing else: the last body of that kind
        named before, in this sentence or the two before."""
        if len(words) > 2 or words[0].lower_ != "the":
            return None
        lemma = head.lemma_.lower()
        company = lemma in ("company", "firm", "group", "corporation", "maker", "producer")
        sent = self._sentence_before(head)
        near = self._sentence_before(sent[0]).start_char

        def ok(a: Actor) -> bool:
            if a.name == head.text:
                return False
            return a.kind in ("company", "organisation") if company else (
                a.kind == "organisation" and lemma in (a.name or "").lower())
        a = self.index.last_before(head.idx, ok)
        return a if a is not None and any(near <= m.start < head.idx for m in a.mentions) \
            else None

    def _describe(self, a: Actor) -> tuple[str | None, str | None]:
        """(role, affiliation) of a named person from the words that introduce them."""
        if a.id in self._described:
            return self._described[a.id]
        found: tuple[str | None, str | None] = (None, None)
        for m in a.mentions:
            found = describe_at(self.doc, m.start, m.end, a)
            if found[0] or found[1]:
                break
        role, aff = found
        if not role:
            role = a.office or a.role
        if not aff:
            aff = norm_affiliation(a.affiliation)
        self._described[a.id] = (role, aff)
        return role, aff


def _copy(sp: Speaker) -> Speaker:
    return Speaker(sp.name, sp.code, sp.sector, sp.affiliation, sp.role, kind=sp.kind,
                   actor_id=sp.actor_id)

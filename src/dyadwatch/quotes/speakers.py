"""Who speaks: the words at a quote's cue resolved to a speaker record.

The actors stage has already resolved every mention (names, surnames, "Dr X", "the
analyst", pronouns that are subjects of reporting verbs) to an actor with code, sector,
role and affiliation. A speaker is the actor whose mention covers the head of the source
words. What the actors stage leaves open is settled here:

- a pronoun it did not link ("he", "she") is the last person quoted within a few
  paragraphs, else the last person named before it; "they" the last group or body quoted;
  "it" the last body or state quoted or named before it in the sentence;
- speakers that are no actor keep their words: "a source familiar with the talks"
  (anonymous), "experts" (collective), "the report" (document);
- ``role`` and ``affiliation`` of a named person come from the words describing them where
  they are introduced: an appositive ("X, director of the Y program at the Z Institute":
  role "director of the Y program", affiliation "Z Institute"), an "of/at" phrase, or the
  title before the name ("Foreign Minister X"); a state official whose organisation is only
  the state gets the state's name as affiliation.

Kinds: person, organisation, state, anonymous, collective, document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from ..actors.coref import REPORT_NOUNS
from ..actors.lexicon import load_lexicon
from ..schema import Actor, Speaker
from .cues import Candidate, phrase, tok_chars

ANONYMOUS_HEADS = {"source", "insider", "person", "people", "official", "diplomat", "aide",
                   "spokesperson", "spokesman", "spokeswoman", "officer", "member"}
ANONYMOUS_SIGNS = {"familiar", "anonymity", "anonymously", "unnamed", "named", "identified"}
INDEFINITE = {"a", "an", "one", "another", "some", "several", "two", "three"}
DOCUMENTS = set(REPORT_NOUNS) | {"poll", "data", "datum", "figures", "research", "filing", "memo", "summary", "transcript", "minutes",
                                 "letter", "study", "survey", "communique", "communiqué"}
STATE_SECTORS = {"GOV", "MIL", "LEG", "JUD", "COP", "SPY"}
PARTICLES = {"de", "van", "von", "bin", "al", "der", "da", "di", "la", "le", "del", "du", "ibn"}
# a descriptor runs to a comma, colon, quotation mark or full stop (not an initial's: "S.")
DESC = r"(?:[^,.;:“”\"\n]|(?<=\b[A-Z])\.)+"
PARAGRAPHS_BACK = 6
SPEECH_NOUNS = {"message", "statement", "letter", "note", "warning", "announcement",
                "communique", "communiqué", "readout", "post", "tweet", "comment"}
GROUP_WORDS = {"some", "many", "others", "most", "few", "several", "all", "both", "critics",
               "supporters", "opponents", "observers"}


def _strip_the(text: str | None) -> str | None:
    if not text:
        return text
    return re.sub(r"^(?:the|The)\s+", "", text.strip(" ,"))


def named_person(a: Actor) -> bool:
    """A person known by name, not a group or a role phrase ("analysts", "US officials")."""
    if a.kind != "person" or not a.name:
        return False
    words = a.name.replace("-", " ").split()
    if not all(w[:1].isupper() or w.lower() in PARTICLES for w in words):
        return False
    if a.role and a.name.lower().rstrip("s").endswith(a.role.lower().rstrip("s")):
        return False
    return not (len(words) == 1 and a.name.lower().endswith("s") and a.role)


@dataclass
class Index:
    """Actor mentions by character offset."""

    actors: list[Actor]
    items: list[tuple[int, int, Actor]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.items = sorted(((m.start, m.end, a) for a in self.actors for m in a.mentions),
                            key=lambda x: (x[0], -x[1]))

    def at(self, start: int, end: int, head: tuple[int, int] | None = None) -> Actor | None:
        hits = [(s, e, a) for s, e, a in self.items if s < end and start < e]
        if not hits:
            return None
        if head is not None:
            on_head = [x for x in hits if x[0] < head[1] and head[0] < x[1]]
            hits = on_head or hits
        return max(hits, key=lambda x: (named_person(x[2]), x[1] - x[0]))[2]

    def last_before(self, pos: int, ok) -> Actor | None:
        best = None
        for s, _e, a in self.items:
            if s >= pos:
                break
            if ok(a):
                best = a
        return best

    def mentions_of(self, actor: Actor) -> list[tuple[int, int]]:
        return [(m.start, m.end) for m in actor.mentions]


@dataclass
class History:
    """Speakers already resolved, in text order, for pronouns."""

    items: list[tuple[int, int, Speaker]] = field(default_factory=list)  # (pos, para, sp)

    def last(self, pos: int, para: int, kinds: set[str], since: int = -1) -> Speaker | None:
        for p, par, sp in reversed(self.items):
            if p < pos and para - par <= PARAGRAPHS_BACK and sp.kind in kinds and p >= since:
                return sp
        return None


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
        if head.lower_ in ("he", "she", "him", "her", "they", "it", "we", "i") and (
                actor is None or not self._mention_at(actor, hs, he)):
            sp = self._pronoun(head, c)
        elif actor is not None:
            sp = self._from_actor(actor, head, c.source)
        else:
            sp = self._unlisted(head, c.source)
        if sp is not None:
            sp.mention = doc.text[s:e]
            self.history.items.append((c.start, c.paragraph, sp))
        return sp

    # -- helpers ---------------------------------------------------------------------
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
            return _copy(sp) if sp else None
        sent_start = head.sent.start_char
        a = self.index.last_before(head.idx, lambda x: x.kind in (
            "state", "organisation", "company"))
        if a is not None and any(sent_start <= m.start < head.idx for m in a.mentions):
            return self._from_actor(a, None, None)
        sp = self.history.last(c.start, c.paragraph, {"organisation", "state", "document"},
                               near)
        return _copy(sp) if sp else None

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
            role, aff = a.role, _strip_the(a.affiliation)
            name = a.name
            if kind == "collective":
                words = self.doc[source[0]:source[1]] if source else None
                if words is not None and _anonymous(words):
                    kind = "anonymous"
                if words is not None:
                    name = _strip_the(_phrase_text(words)) or a.name
                aff = aff or self._affiliation_in(source, a)
        if kind == "person" and not aff and a.sector in STATE_SECTORS and a.code:
            aff = self.lex.states.get(a.code)
        return Speaker(name=name, code=a.code, sector=a.sector, affiliation=aff,
                       role=role or a.office, kind=kind, actor_id=a.id)

    def _affiliation_in(self, source, a: Actor) -> str | None:
        """The body or state named inside a group's words ("Foreign Ministry spokesman")."""
        if not source:
            return None
        s, e = tok_chars(self.doc, *source)
        for ms, me, other in self.index.items:
            if other is not a and s <= ms and me <= e and other.kind in ("organisation",
                                                                          "company"):
                return _strip_the(other.name)
        if a.code and a.code in self.lex.states and any(
                self.lex.lookup(t.text) and self.lex.lookup(t.text)[0].kind == "state"
                for t in self.doc[source[0]:source[1]]):
            return self.lex.states[a.code]
        return None

    def _unlisted(self, head: Token, source) -> Speaker | None:
        words = self.doc[source[0]:source[1]]
        name = _strip_the(_phrase_text(words))
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
        elif person or lemma in self.lex.org_heads:
            kind = "organisation"
        elif head.tag_ == "NNS" and self.index.at(*tok_chars(self.doc, *source)):
            kind = "collective"  # "the authors of the X report"
        else:
            return None  # "the line", "a closer look": no one speaks
        role = head.text if kind in ("anonymous", "collective") else None
        sp = Speaker(name=name, role=role, kind=kind)
        s, e = tok_chars(self.doc, *source)
        inner = self.index.at(s, e)  # "the data from X's customs", "a US readout"
        if inner is not None:
            sp.code, sp.sector = inner.code, inner.sector
            sp.affiliation = _strip_the(inner.name) if kind != "person" else None
            sp.actor_id = inner.id if kind == "document" else None
        return sp

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


def _sender(head: Token) -> Token | None:
    """The sender of a message that speaks: "a message from X", "a statement by X"."""
    if head.lemma_.lower() not in SPEECH_NOUNS:
        return None
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ in ("from", "by"):
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if obj is not None:
                return obj
    return None


def norm_affiliation(aff: str | None) -> str | None:
    """ "the X Program at the Y School" -> "Y School"; "the Z-based W Institute" -> "W
    Institute"."""
    aff = _strip_the(aff)
    if aff and " at " in aff:
        aff = _strip_the(aff.rsplit(" at ", 1)[1])
    if aff:
        aff = re.sub(r"^.*?-based\s+", "", aff)
    return aff or None


def _copy(sp: Speaker) -> Speaker:
    return Speaker(sp.name, sp.code, sp.sector, sp.affiliation, sp.role, kind=sp.kind,
                   actor_id=sp.actor_id)


def _phrase_text(words) -> str:
    """The words naming a group, without an article, a relative clause or a trailing
    appositive ("a source familiar with the talks" -> "source familiar with the talks")."""
    toks = [t for t in words]
    for k, t in enumerate(toks):
        if k and (t.text == "," or t.dep_ in ("relcl",) or t.lower_ in ("who", "which")):
            toks = toks[:k]
            break
    if len(toks) > 1 and toks[0].lower_ in ("a", "an", "the"):
        toks = toks[1:]
    return " ".join(t.text for t in toks).replace(" ’s", "’s").replace(" 's", "'s")


def _anonymous(words) -> bool:
    if any(t.lower_ in ANONYMOUS_SIGNS for t in words):
        return True
    head = words.root
    if head.lemma_.lower() in ("source", "insider"):
        return True
    return head.tag_ == "NN" and any(t.lower_ in INDEFINITE for t in words[:2])


def describe_at(doc: Doc, start: int, end: int, a: Actor) -> tuple[str | None, str | None]:
    """Role and affiliation from the words at one mention of a person."""
    text = doc.text
    name_at = text.find(a.name.split()[-1], start, end)
    pre = text[start:name_at].strip() if name_at > start else ""
    pre = pre.replace(a.name.split()[0], "").strip() if pre.endswith(a.name.split()[0]) \
        else pre
    if a.name.split()[-1] not in text[start:end]:
        return None, None  # "the analyst", "he": no description here
    desc = None
    rest = text[end:end + 240]
    m = re.match(r"\s*,\s*(" + DESC + r")", rest)
    if m and not re.match(r"(?:who|which|said|says|told|added|and|but)\b", m.group(1)):
        desc = m.group(1)
    else:
        m = re.match(r"\s+((?:of|at|from)\s+" + DESC + ")", rest)
        if m:
            desc = m.group(1)
    if desc and (a.name.split()[-1] in desc or not _describes(doc, text.find(desc, end))):
        desc = None
    role, aff = (None, None)
    if desc:
        desc = _cut_verb(doc, end, desc)
        role, aff = split_descriptor(desc, a.affiliation)
    if not role and pre:
        role = re.sub(r"^(?:the|a|an)\s+", "", pre, flags=re.I) or None
    return role, aff


def _describes(doc: Doc, at: int) -> bool:
    """A descriptor starts with a noun phrase or "of/at/from" ("to Russia" is no title)."""
    span = doc.char_span(at, at + 1, alignment_mode="expand") if at >= 0 else None
    if span is None:
        return False
    first = span[0]
    return first.pos_ in ("DET", "ADJ", "NOUN", "PROPN", "NUM") or first.lower_ in (
        "of", "at", "from")


def _cut_verb(doc: Doc, offset: int, desc: str) -> str:
    """A descriptor ends before its clause's verb: "X, a fellow at Y says ..."."""
    at = doc.text.find(desc, offset)
    span = doc.char_span(at, at + len(desc), alignment_mode="expand") if at >= 0 else None
    if span is None:
        return desc
    for t in span[1:]:
        if t.tag_ in ("VBD", "VBZ", "VBP", "MD"):
            return doc.text[at:t.idx].strip(" ,")
    return desc


def split_descriptor(desc: str, affiliation: str | None) -> tuple[str | None, str | None]:
    """ "director of the Asia program at the Example Institute" -> ("director of the Asia
    program", "Example Institute")."""
    desc = re.sub(r"^(?:a|an|the)\s+", "", desc.strip(" ,"), flags=re.I)
    aff = norm_affiliation(affiliation)
    if aff and aff in desc:
        k = desc.find(aff)
        role = re.sub(r"\s*(?:,|\bat|\bof|\bfor|\bwith|\bfrom|\bin)?\s*(?:the)?\s*$", "",
                      desc[:k]).strip(" ,")
        return role or None, aff
    for prep in (" at ", " of ", " for ", " with ", " from "):
        k = desc.find(prep)
        while k >= 0:
            tail = desc[k + len(prep):]
            bare = re.sub(r"^the\s+", "", tail)
            if bare[:1].isupper() and prep == " at " or bare[:1].isupper() and \
                    " at " not in tail:
                role = desc[:k].strip(" ,") or None
                return role, re.sub(r"^.*?-based\s+", "", _cut_place(bare))
            k = desc.find(prep, k + 1)
    if desc[:1].isupper() and not desc.split()[0].lower() in ("senior", "former"):
        return None, _cut_place(desc)
    return desc or None, None


def _cut_place(org: str) -> str:
    """ "University of X in Sydney" -> "University of X"."""
    m = re.match(r"(.+?)\s+in\s+([A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)$", org)
    if m:
        return m.group(1)
    return org.strip(" ,")

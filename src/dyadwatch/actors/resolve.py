"""Find actor mentions in a parsed article and resolve each to code, sector, kind and name.

Sources of mentions, merged longest-first:
- the dictionaries (``Lexicon``: states, capitals, adjectives, seats of power,
  organisations, companies, people), matched on exact tokens;
- spaCy's named entities (PERSON, ORG, GPE, NORP, FAC);
- combining forms ("Sino-", "Indo-") inside hyphenated words;
- noun phrases headed by a role word ("senior US officials", "Russian customs", "analysts").

Resolution, in order of trust: a dictionary entry (people by the date of the article);
then context: for a person the title and modifiers before the name ("Chinese leader ..."),
an appositive ("..., a fellow at the X Institute"), "X of Y", or the noun the name is in
apposition to ("China's chief envoy, Foreign Minister ..."); for an organisation the words
of its name (a demonym, a country, a capital or a city; its last word for the sector) and
"based"/"in" phrases; for a government office with no stated country, the nearest state
named before it in the sentence. Conjuncts share a country ("A, B and C" companies).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from .lexicon import WEST, Entry, Lexicon

ACTOR_ENTS = {"PERSON", "ORG", "GPE", "NORP", "FAC"}
TITLES = {"mr", "mr.", "ms", "ms.", "mrs", "mrs.", "dr", "dr.", "prof", "prof.", "professor",
          "sir", "dame", "gen", "gen.", "general", "adm", "adm.", "admiral", "col", "col.",
          "colonel", "lt", "lt.", "sen", "sen.", "senator", "rep", "rep.", "president",
          "premier", "chairman", "minister", "ambassador", "king", "queen", "prince", "sheikh",
          "emir", "pope", "secretary", "chancellor", "governor", "mayor", "judge", "justice"}
PLACE_PREPS = {"in", "at", "near", "around", "outside", "across", "throughout", "inside",
               "within", "via", "through", "over"}
MOTION = {"travel", "visit", "trip", "journey", "flight", "fly", "arrive", "arrival", "return",
          "come", "go", "head", "move", "relocate", "land", "tour", "drive", "sail", "fled",
          "flee", "evacuate", "deploy", "station", "base", "live", "stay", "hold", "host",
          "meet", "meeting", "summit", "talks", "conference", "forum", "held"}
VENUE_VERBS = {"post", "tweet", "write", "publish", "share", "comment", "say", "upload",
               "broadcast", "appear", "announce", "stream", "air"}
QUANTIFIERS = {"the", "a", "an", "some", "many", "several", "most", "few", "other", "these",
               "those", "all", "both", "two", "three", "various", "numerous", "certain",
               "more", "any", "its", "their", "his", "her", "our", "this", "that"}
EAST_ASIAN_ORDER = {"CHN", "TWN", "HKG", "MAC", "KOR", "PRK", "VNM", "SGP"}


@dataclass
class Found:
    """One mention: where it is and which actor it names."""

    start: int  # token indexes
    end: int
    code: Optional[str]
    sector: Optional[str]
    kind: str
    name: str
    office: Optional[str] = None
    role: Optional[str] = None  # the role word ("analyst") for later "the analyst"
    affiliation: Optional[str] = None
    origin: str = "dict"
    char_span: Optional[tuple[int, int]] = None  # when not whole tokens ("Sino-")
    links: list["Found"] = field(default_factory=list)  # same actor (coref targets)
    basis: Optional[str] = None  # how the code was decided: dictionary, context, article
    name_start: Optional[int] = None  # first token of a person's name (after titles)

    def chars(self, doc: Doc) -> tuple[int, int]:
        """The mention's character span in the doc's text."""
        if self.char_span:
            return self.char_span
        return doc[self.start].idx, doc[self.end - 1].idx + len(doc[self.end - 1].text)

    @property
    def key(self) -> tuple:
        if self.kind == "state":
            return ("state", self.code)
        if self.kind == "person" and self.origin != "collective":
            return ("person", self.name.lower())
        return (self.kind, self.code, self.sector, self.name.lower())


# ----------------------------------------------------------------------------------------
# Dictionary matching

_MATCHERS: dict[int, PhraseMatcher] = {}


def _matcher(doc: Doc, lex: Lexicon) -> PhraseMatcher:
    key = id(doc.vocab) ^ id(lex)
    m = _MATCHERS.get(key)
    if m is None:
        m = PhraseMatcher(doc.vocab, attr="ORTH")
        tokenizer_doc = _make_doc(doc)
        patterns = [tokenizer_doc(s) for s in lex.surfaces]
        m.add("ACTOR", patterns)
        _MATCHERS[key] = m
    return m


def _make_doc(doc: Doc):
    from ..nlp.model import _CACHE

    for nlp in _CACHE.values():
        if nlp.vocab is doc.vocab:
            return nlp.make_doc
    import spacy

    blank = spacy.blank("en", vocab=doc.vocab)
    return blank.make_doc


def dictionary_spans(doc: Doc, lex: Lexicon) -> list[Span]:
    spans = [Span(doc, s, e, label="DICT") for _, s, e in _matcher(doc, lex)(doc)]
    return filter_spans(spans)


# ----------------------------------------------------------------------------------------
# Helpers over the parse

def _only_initials(span: Span, lex) -> bool:
    """True when an unknown name is, past state words, "the" and role words, only dotted
    initials ("Malaysian K.L.", "K.L. Coordinator"): no dictionary knows it and it names
    no one."""
    rest = [t for t in span if not t.is_punct and t.lower_ != "the" and
            not _states_in(span.doc, t.i, t.i + 1, lex)]
    initials = [t for t in rest if re.fullmatch(r"(?:[A-Z]\.)+", t.text)]
    return bool(initials) and all(t in initials or t.lower_ in TITLES or
                                  _role_of(t, lex) is not None for t in rest) and \
        not lex.lookup(span.text)


def _fragment_after(doc, stop: int):
    """The sentence after the full stop at `stop` when it is a short verbless fragment,
    else None."""
    if stop >= len(doc) - 1 or doc[stop].text != ".":
        return None
    sent = doc[stop + 1].sent
    if sent.start != stop + 1 or len(sent) > 15:
        return None
    if any(t.pos_ in ("VERB", "AUX") for t in sent):
        return None
    return sent


def _norm_text(text: str) -> str:
    return re.sub(r"['’]s$", "", text.replace("’", "'")).strip()


def _is_place_use(span: Span) -> bool:
    """A capital or city used as a place: 'in Beijing', 'a trip to Moscow', 'Beijing-based'."""
    root = span.root
    nxt = span.doc[span.end] if span.end < len(span.doc) else None
    if nxt is not None and nxt.text in ("-", "–") and span.end + 1 < len(span.doc) and \
            span.doc[span.end + 1].lower_ in ("based", "born", "headquartered"):
        return True
    if nxt is not None and nxt.lower_.endswith("-based"):
        return True
    head = root.head
    if root.dep_ == "pobj" and head.lower_ in PLACE_PREPS:
        return True
    if root.dep_ == "pobj" and head.lower_ in ("to", "from", "for"):
        gov = head.head
        if gov.lemma_.lower() in MOTION:
            return True
    if root.dep_ in ("compound", "nmod") and root.head.lemma_.lower() in MOTION | {"office",
                                                                                 "embassy"}:
        return True
    return False


def _np_left(head: Token) -> int:
    """Index of the first token of the noun phrase headed by ``head`` (left modifiers)."""
    start = head.i
    for child in head.lefts:
        if child.dep_ in ("amod", "compound", "nmod", "nummod", "poss", "det", "advmod",
                          "case", "quantmod", "npadvmod", "punct") or child.ent_type_:
            start = min(start, child.left_edge.i)
    return start


def _is_person_tok(tok: Token) -> bool:
    return tok.ent_type_ == "PERSON" or (tok.pos_ == "PROPN" and tok.is_title and
                                         tok.dep_ in ("nsubj", "appos", "pobj", "dobj"))


def _describes_person(tok: Token) -> bool:
    """``tok`` is a title or role word of a named person: "President" in "President X",
    "envoy" in "the envoy, Minister X", "leader" in "Chinese leader X"."""
    for _ in range(3):
        if tok.ent_type_ == "PERSON":
            return True
        if any(c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in tok.children):
            return True
        if tok.dep_ in ("compound", "amod", "nmod") and tok.head.i > tok.i:
            tok = tok.head
            continue
        break
    return tok.ent_type_ == "PERSON"


TOPICAL_HEADS = {"program", "programme", "project", "center", "centre", "initiative",
                 "studies", "desk", "forum"}


def _in_topical_name(tok: Token) -> bool:
    """A state word inside a research unit's name ("China Power Project", "Russia Program")."""
    for _ in range(4):
        if tok.dep_ not in ("compound", "amod", "nmod") or tok.head.i <= tok.i:
            return False
        tok = tok.head
        if tok.lower_ in TOPICAL_HEADS:
            return True
    return False


def _strip_det(doc: Doc, start: int, end: int) -> int:
    while start < end - 1 and doc[start].lower_ in QUANTIFIERS:
        start += 1
    return start


def _role_of(tok: Token, lex: Lexicon):
    return lex.role(tok.lemma_) or lex.role(tok.text)


def _compound_role(doc: Doc, start: int, end: int, lex: Lexicon):
    """The longest role phrase among tokens[start:end] ("foreign minister" over "minister")."""
    best = None
    for i in range(start, end):
        for j in range(end, i, -1):
            text = " ".join(t.text for t in doc[i:j])
            role = lex.role(text)
            # the longest role phrase; between equals the rightmost, the head of an English
            # noun phrase ("the ministry's chief negotiator" is a negotiator)
            if role and (best is None or j - i >= best[2] - best[1]):
                best = (role, i, j)
    return best


def _states_in(doc: Doc, start: int, end: int, lex: Lexicon) -> list[tuple[int, Entry]]:
    """(token index, entry) of every state word (name, adjective, capital, city) in a range."""
    out = []
    i = start
    while i < end:
        if doc[i].lower_ == "the":  # match "the Netherlands" at its name, not its article
            i += 1
            continue
        hit = None
        for j in range(min(end, i + 4), i, -1):
            text = _norm_text(doc[i:j].text)
            for e in lex.lookup(text):
                if e.kind == "state" and e.code:
                    hit = (j, e)
                    break
            if hit:
                break
            code = lex.places.get(text.lower())
            if code:
                hit = (j, Entry(code, "GOV", "state", lex.states.get(code, code), form="city"))
                break
        if hit is None and doc[i].lower_ == "based" and i >= 2 and doc[i - 1].text in ("-", "–"):
            for back in (2, 1):  # "Washington DC - based", "Tokyo - based"
                if i - 1 - back < 0:
                    continue
                place = doc[i - 1 - back:i - 1].text
                e = next((x for x in lex.lookup(place) if x.kind == "state"), None)
                code = e.code if e else lex.places.get(place.lower())
                if code:
                    hit = (i + 1, Entry(code, "GOV", "state", code, form="city"))
                    break
        if hit:
            out.append((i, hit[1]))
            i = hit[0]
        else:
            m = re.match(r"^([A-Za-z.]+)-based$", doc[i].text)
            if m:
                # "Tokyo-based", "Washington DC-based": the place may start tokens earlier
                for back in range(0, 3):
                    if i - back < start - 3 or i - back < 0:
                        break
                    place = " ".join([t.text for t in doc[i - back:i]] + [m.group(1)])
                    e = next((x for x in lex.lookup(place) if x.kind == "state"), None)
                    code = e.code if e else lex.places.get(place.lower())
                    if code:
                        out.append((i, Entry(code, "GOV", "state", code, form="city")))
                        break
            i += 1
    return out


# ----------------------------------------------------------------------------------------

class Resolver:
    def __init__(self, doc: Doc, lex: Lexicon, published: str | None = None):
        self.doc, self.lex, self.published = doc, lex, published
        self.found: list[Found] = []
        self.taken: set[int] = set()  # token indexes inside a mention

    # -- public ------------------------------------------------------------------------
    def run(self) -> list[Found]:
        doc = self.doc
        dict_spans = dictionary_spans(doc, self.lex)
        ents = [e for e in doc.ents if e.label_ in ACTOR_ENTS]
        # NER entities that contain a dictionary match stay whole (an ORG named after a
        # state); otherwise the dictionary wins on overlaps of equal length.
        spans = filter_spans(dict_spans + [e for e in ents if not any(
            d.start == e.start and d.end == e.end for d in dict_spans)])
        def is_person(span: Span) -> bool:
            entries = self.lex.lookup(span.text)
            return span.label_ == "PERSON" or bool(entries and entries[0].kind == "person")

        ordered = sorted(spans, key=lambda s: s.start)
        for span in [s for s in ordered if not is_person(s)]:
            self._candidate(span)
        for span in [s for s in ordered if is_person(s)]:
            self._candidate(span)
        self.found.sort(key=lambda f: (f.start, -f.end))
        self._combining_forms()
        self._conjunct_names()
        self._unlabelled_people()
        self._role_phrases()
        self._share_conjunct_codes()
        self._context_fallback()
        return self.found

    # -- candidates --------------------------------------------------------------------
    def _add(self, f: Found) -> Found:
        self.found.append(f)
        self.taken.update(range(f.start, f.end))
        return f

    def _candidate(self, span: Span) -> None:
        if any(i in self.taken for i in range(span.start, span.end)):
            return
        entries = self.lex.lookup(span.text)
        label = span.label_
        if label == "PERSON" and len(span) == 1 and (
                span.text.lower() in self.lex.places or
                (span.end < len(self.doc) and self.doc[span.end].text == ":")):
            return  # a city or a section label the NER took for a name
        if label == "PERSON" or (entries and entries[0].kind == "person"):
            self._person(span, entries)
            return
        states = [e for e in entries if e.kind == "state"]
        others = [e for e in entries if e.kind != "state"]
        if others:
            e = others[0]
            root = span.root
            if e.kind == "company" and root.dep_ == "pobj" and root.head.lower_ in (
                    "on", "to", "via") and root.head.head.lemma_.lower() in VENUE_VERBS:
                return  # "comments posted to Twitter": a venue, not an actor
            # a data row that groups many bodies ("US unified combatant commands ...") names
            # the one mentioned by its own words
            name = e.name if len(e.name.split()) <= 5 else re.sub(
                r"^the\s+", "", _norm_text(span.text), flags=re.I)
            self._add(Found(span.start, span.end, e.code, e.sector, e.kind, name,
                            origin="dict", basis="dictionary"))
            return
        if states:
            self._state(span, states[0])
            return
        if label in ("ORG", "FAC"):
            self._organisation(span)
        elif label == "GPE":
            code = self.lex.places.get(_norm_text(span.text).lower())
            if code and not _is_place_use(span) and span.root.dep_ in ("nsubj", "nsubjpass",
                                                                       "dobj", "poss"):
                self._add(Found(span.start, span.end, code, "CVL", "organisation",
                                _norm_text(span.text), origin="city"))
        elif label == "NORP" and span.text.lower().startswith("western"):
            self._add(Found(span.start, span.end, WEST, None, "state", "the West"))
        elif label == "NORP" and "-" in span.text:
            # "Sino-Japanese": the combining form is found apart; here the last part
            part = span.text.rsplit("-", 1)[1]
            states = [e for e in self.lex.lookup(part) if e.kind == "state"]
            if states:
                s = span.start_char + len(span.text) - len(part)
                self._add(Found(span.start, span.end, states[0].code, "GOV", "state",
                                states[0].name, origin="adjective",
                                char_span=(s, span.end_char)))

    def _state(self, span: Span, e: Entry) -> None:
        if e.form in ("capital",) and _is_place_use(span):
            return
        head = span.root.head
        mod = span.root.dep_ in ("amod", "compound", "nmod", "poss", "conj") and head.i >= span.end
        if mod and _describes_person(head):
            return  # "Brazilian President X", "Ghana's envoy, Minister X": part of the person
        role = _role_of(head, self.lex) if mod and head.pos_ in ("NOUN", "PROPN") else None
        if role and not head.ent_type_ and role.kind != "state" and head.i not in self.taken:
            self._role_phrase(head, role, code=e.code)
            return
        regional = e.code in (WEST, "EUR") and e.sector is None
        self._add(Found(span.start, span.end, e.code, None if regional else "GOV",
                        "state", e.name, origin=e.form, basis="dictionary"))

    def _role_phrase(self, head: Token, role, code: str | None = None) -> Found | None:
        """An actor named by a noun phrase headed by a role word: "senior US officials"."""
        doc = self.doc
        if head.dep_ in ("attr", "oprd", "acomp"):
            return None  # "... became China's top supplier": a description, not an actor
        start = _strip_det(doc, _np_left(head), head.i + 1)
        end = head.i + 1
        # "companies in the Russian Federation", "officials from Japan"
        if code is None:
            states = _states_in(doc, start, end, self.lex)
            code = states[0][1].code if states else None
        if code is None:
            for child in head.rights:
                if child.dep_ == "prep" and child.lower_ in ("in", "from", "of"):
                    for obj in child.children:
                        if obj.dep_ == "pobj":
                            hit = _states_in(doc, obj.left_edge.i, obj.i + 1, self.lex)
                            if hit:
                                code = hit[0][1].code
        sector = role.sector
        # "Pentagon officials", "the US Defence Department analysts": people of a body
        # belong to it: its country and sector
        left = _np_left(head)
        owner = next((f for f in self.found if f.kind in ("organisation", "company") and
                      left <= f.start and f.end <= head.i and not f.links), None)
        if owner is not None and role.kind == "person":
            code = owner.code or code
            sector = owner.sector or sector
        if any(i in self.taken for i in range(start, end)):
            start = max(i for i in range(start, end) if i in self.taken) + 1
            if start > head.i:
                return None
        kind = role.kind if role.kind in ("person", "organisation", "company") else "person"
        origin = "collective" if kind == "person" else "role"
        if kind == "person" and head.tag_ == "NN" and any(
                c.lower_ == "the" or c.dep_ == "poss" for c in head.lefts):
            origin = "definite"  # "the Russian leader": someone named before
        if code is None and role.sector == "JRN" and "state" in (t.lower_ for t in doc[
                _np_left(head):head.i + 1]):
            # "according to state media": the media of the state the sentence is about
            code = self._topic_state(doc[_np_left(head):head.i + 1])
        if owner is not None and owner.start < start:
            # the maximal phrase: "US Defence Department analysts"
            start = _strip_det(doc, owner.start, head.i + 1)
        name = _norm_text(doc[start:end].text)
        first = self._add(Found(start, end, code, sector, kind, name, office=role.office,
                                role=role.term, origin=origin,
                                basis="context" if code else None))
        # "Indian and Pakistani troops": each further state in the phrase is its own actor
        # over the same words
        seen = {code}
        for _, e in _states_in(doc, start, head.i, self.lex):
            if e.code not in seen:
                seen.add(e.code)
                self.found.append(Found(start, end, e.code, role.sector, kind, name,
                                        office=role.office, role=role.term, origin=origin,
                                        basis="context"))
        return first

    # -- people ------------------------------------------------------------------------
    def _person(self, span: Span, entries: list[Entry]) -> None:
        doc = self.doc
        start, end = self._descriptor_start(span), span.end
        name = _norm_text(doc[span.start:span.end].text)
        if doc[span.start].lower_ in TITLES:  # NER put the title inside the name
            k = span.start
            while k < span.end - 1 and doc[k].lower_ in TITLES:
                k += 1
            name = _norm_text(doc[k:span.end].text)
        if _only_initials(span, self.lex):
            return  # "K.L.": initials alone are no one's name
        entry = self.lex.person(name, self.published)
        f = Found(start, end, None, None, "person", name, origin="person",
                  name_start=end - len(name.split()) if name else span.start)
        if entry:
            f.code, f.sector, f.office, f.name = entry.code, entry.sector, entry.office, entry.name
            f.origin, f.basis = "dict", "dictionary"
        elif len(name.split()) == 1:
            from .coref import name_keys

            earlier = [x for x in self.found if x.kind == "person" and not x.links and
                       name in name_keys(x)]
            if earlier:  # "Xi" after "Xi Jinping": the same person
                t = earlier[-1]
                self._add(Found(start, end, t.code, t.sector, "person", t.name,
                                office=t.office, role=t.role, origin="coref-name", links=[t],
                                basis=t.basis))
                return
        ctx = self._person_context(span)
        near = [x for x in self.found if x.origin in ("collective", "definite") and
                x.kind == "person" and x.end <= start and start - x.end <= 3 and
                x.start >= span.sent.start and not any(
                    self.doc[k].pos_ in ("VERB", "AUX") or self.doc[k].text in (",", ";")
                    for k in range(x.end, start))]
        if near:
            x = near[-1]
            ctx.setdefault("code", x.code)
            ctx.setdefault("sector", x.sector)
            ctx.setdefault("role", x.role)
            if x.office:
                ctx.setdefault("office", x.office)
            x.links, x.origin = [f], "coref-appos"
        if f.code is None and ctx.get("code"):
            f.code, f.basis = ctx.get("code"), "context"
        if f.sector is None:
            f.sector = ctx.get("sector")
        f.office = f.office or ctx.get("office")
        f.role = ctx.get("role")
        f.affiliation = ctx.get("affiliation")
        if f.code is None and f.sector in ("GOV", "MIL", "LEG", "JUD", "COP", "SPY"):
            f.code = self._topic_state(span)
            f.basis = "context" if f.code else None
        self._add(f)
        root = span.root
        if root.dep_ == "appos" and root.head.pos_ == "NOUN" and _role_of(root.head, self.lex):
            h = root.head  # "Ghana's new envoy, Foreign Minister X": one actor, two mentions
            s0 = _strip_det(doc, _np_left(h), h.i + 1)
            if not any(i in self.taken for i in range(s0, h.i + 1)):
                self._add(Found(s0, h.i + 1, f.code, f.sector, "person", f.name,
                                office=f.office, origin="coref-appos", links=[f]))

    def _descriptor_start(self, span: Span) -> int:
        """Where a person's mention starts: over titles, role words and a state adjective
        before the name ("Japanese Prime Minister X"), but no determiner or clause."""
        doc, start = self.doc, span.start
        while start > 0:
            t = doc[start - 1]
            if t.i in self.taken or t.is_punct or t.lower_ in QUANTIFIERS:
                break
            ok = t.lower_ in TITLES or (t.is_title and t.dep_ in ("compound", "amod", "nmod")) \
                or _role_of(t, self.lex) is not None or (
                    t.pos_ == "ADJ" and t.dep_ == "amod" and start < span.start and
                    (doc[start].lower_ in TITLES or _role_of(doc[start], self.lex)))
            if not ok:
                break
            start -= 1
        return start

    def _person_context(self, span: Span) -> dict:
        doc, lex = self.doc, self.lex
        out: dict = {}
        root = span.root
        # 1. words before the name in its noun phrase: "Chinese leader", "Foreign Minister"
        left = _np_left(root)
        if left < span.start:
            self._read_descriptor(left, span.start, out)
        # 2. the noun this name is in apposition to: "China's chief envoy, Foreign Minister X"
        if root.dep_ == "appos" and root.head.pos_ in ("NOUN", "PROPN"):
            h = root.head
            self._read_descriptor(_np_left(h), h.i + 1, out, fill_only=True)
        # 3. appositives and "of"/"at" phrases after the name
        for child in root.rights:
            if child.dep_ == "appos" or (child.dep_ == "prep" and child.lower_ in ("of", "at",
                                                                                   "from")):
                self._read_descriptor(child.left_edge.i, child.right_edge.i + 1, out,
                                      fill_only=True, affiliation=True)
        # 4. "..., said Yun Sun, director of ..." where the parser attached the appositive
        #    to the verb: the phrase right after the name and a comma
        first = doc[span.end] if span.end < len(doc) else None
        if first is not None and first.lower_ in ("of", "at", "from") and "code" not in out:
            # "said Brian Hart of the X Project at the Y Center": the parser may hang the
            # "at" phrase on the verb; the description runs to the end of the clause
            stop = span.end
            while stop < len(doc) and stop < span.end + 25 and doc[stop].text not in (
                    ",", ".", ";", "“", "\"", "”"):
                stop += 1
            self._read_descriptor(span.end, stop, out, fill_only=True, affiliation=True)
        if "code" not in out and span.end + 1 < len(doc) and doc[span.end].text == ",":
            # "X, a fellow at ...", "X, Senior Advisor, ... at the Y Institute, commented":
            # the description runs to the next verb or the end of the sentence
            nxt = doc[span.end + 1]
            if nxt.lower_ in ("a", "an", "the") or _compound_role(
                    doc, span.end + 1, min(len(doc), span.end + 4), lex):
                stop = span.end + 1
                while stop < len(doc) and stop < span.end + 30 and doc[stop].text not in (
                        ".", ";", "“", "\"", "”") and doc[stop].tag_ not in ("VBD", "VBZ",
                                                                             "VBP", "MD"):
                    stop += 1  # to the clause's finite verb ("..., commented"), not a gerund
                self._read_descriptor(span.end + 1, stop, out, fill_only=True,
                                      affiliation=True)
                nxt_sent = _fragment_after(doc, stop)
                if "code" not in out and nxt_sent is not None:
                    # "X, an assistant professor. Y University in Z.": a full stop typed
                    # inside the appositive leaves its end as a verbless fragment
                    self._read_descriptor(nxt_sent.start, nxt_sent.end, out, fill_only=True,
                                          affiliation=True)
        return out

    def _read_descriptor(self, start: int, end: int, out: dict, fill_only: bool = False,
                         affiliation: bool = False) -> None:
        doc, lex = self.doc, self.lex
        role = _compound_role(doc, start, end, lex)
        if role and ("role" not in out or not fill_only):
            r = role[0]
            out.setdefault("role", r.term)
            if r.sector:
                out.setdefault("sector", r.sector)
            if r.office:
                out.setdefault("office", r.office)
        resolved = [f for f in self.found if f.kind in ("organisation", "company") and
                    start <= f.start and f.end <= end and not f.links]
        orgs = [e for e in doc.ents if e.start >= start and e.end <= end and e.label_ in
                ("ORG", "FAC") and not any(f.start <= e.start < f.end for f in resolved)]
        orgs += [Span(doc, f.start, f.end, label="ORG") for f in resolved]
        orgs.sort(key=lambda o: o.start)
        by_start = {f.start: f for f in resolved}
        org_codes = []
        for org in orgs:
            known = by_start.get(org.start)
            if known is not None:
                org_codes.append((1 if known.basis == "dictionary" else 0, known.code,
                                  known.sector, org.text))
                continue
            entries = [e for e in lex.lookup(org.text) if e.kind != "person"]
            if entries and entries[0].kind != "state":
                org_codes.append((1, entries[0].code, entries[0].sector, org.text))
            else:
                code, sector, _kind = self._infer_org(org)
                org_codes.append((0, code, sector, org.text))
        if orgs and affiliation:
            out.setdefault("affiliation", _norm_text(doc[orgs[0].start:orgs[-1].end].text))
        known = [o for o in org_codes if o[1]]
        if known:
            best = max(known, key=lambda o: (o[0], orgs.index(next(x for x in orgs if
                                                                     x.text == o[3]))))
            out.setdefault("code", best[1])
            if best[2] and "sector" not in out:
                out["sector"] = best[2]
        if "code" not in out:
            # the first state word wins ("Russian Ambassador to China"), but not one that
            # names the subject of a research unit ("a fellow at the China Power Project")
            states = [(i, e) for i, e in _states_in(doc, start, end, lex)
                      if not _in_topical_name(doc[i])]
            if states:
                out["code"] = states[0][1].code

    # -- organisations -----------------------------------------------------------------
    def _infer_org(self, span: Span) -> tuple[Optional[str], Optional[str], str]:
        doc, lex = self.doc, self.lex
        words = [t.lower_ for t in span if not t.is_punct]
        sector, kind = None, "organisation"
        if words:
            last = words[-1]
            head = lex.org_heads.get(last)
            if head:
                sector = head[0] if head[0] not in ("", "-") else None
                kind = head[1] or "organisation"
            else:
                for w in words:
                    h = lex.org_heads.get(w)
                    if h and h[2] == "anywhere":
                        sector, kind = h[0] or None, h[1] or "organisation"
                        break
        code = None
        states = _states_in(doc, span.start, span.end, lex)
        # "China Power Project", "Russia Program": a research unit named after its subject
        topical = sector == "EDU" and words and words[-1] in (
            "program", "programme", "project", "center", "centre", "initiative", "studies")
        states = [x for x in states if not (topical and x[1].form == "name")]
        # a region's adjective is no home ("European Voice"): only states give one
        states = [x for x in states if x[1].code not in (WEST, "EUR")]
        if states:
            code = states[0][1].code
        for child in span.root.children:
            if child.dep_ == "appos" and child.i >= span.end:
                # "Okafor Marine, a Lagos shipbuilder", "Kosi Urja, a Patna-based developer"
                hit = _states_in(doc, child.left_edge.i, child.right_edge.i + 1, lex)
                if hit and code is None:
                    code = hit[0][1].code
                role = _role_of(child, lex)
                if role and sector is None:
                    sector = role.sector
                    kind = "company" if role.sector == "BUS" else kind
        if code is None:
            # "the X Institute in Sydney", "a Tokyo-based think tank"
            for i in range(max(0, span.start - 3), span.start):
                hit = _states_in(doc, i, i + 1, lex)
                if hit and (doc[i].text.lower().endswith("-based") or doc[i].lower_ == "based"):
                    code = hit[0][1].code
            for child in span.root.rights:
                if child.dep_ == "prep" and child.lower_ in ("in", "of") and child.i >= span.end:
                    for obj in child.children:
                        if obj.dep_ == "pobj":
                            hit = _states_in(doc, obj.left_edge.i, obj.i + 1, lex)
                            if hit:
                                code = hit[0][1].code
        return code, sector, kind

    def _organisation(self, span: Span) -> None:
        code, sector, kind = self._infer_org(span)
        if kind == "event":
            return  # "Moscow Business Forum", "Munich Security Conference": not an actor
        first = span[1] if span[0].lower_ == "the" and len(span) > 1 else span[0]
        if first.tag_ == "VBG" and sector is None and code is None:
            return  # "Countering Foreign Influence": a programme or job title, no body
        if sector is None and _only_initials(span, self.lex):
            return  # "Malaysian K.L.": a state word and loose initials name no body
        start = span.start
        if self.doc[start].lower_ == "the":
            start += 1
        if start >= span.end:
            return
        self._add(Found(start, span.end, code, sector, kind,
                        _norm_text(self.doc[start:span.end].text), origin="inferred",
                        basis="context" if code else None))

    # -- the rest ----------------------------------------------------------------------
    def _combining_forms(self) -> None:
        """"Sino-Russian": a mention of China over "Sino" (Russian is matched already)."""
        doc = self.doc
        for m in re.finditer(r"\b([A-Z][a-z]+)-(?=[A-Z])", doc.text):
            code = self.lex.combining.get(m.group(1).lower())
            if not code:
                continue
            span = doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
            if span is None:
                continue
            self.found.append(Found(span.start, span.end, code, "GOV", "state",
                                    self.lex.states.get(code, code), origin="combining",
                                    char_span=(m.start(1), m.end(1))))

    def _conjunct_names(self) -> None:
        """A proper noun coordinated with organisations the NER found is one too:
        "A Technology, B Technology and Corvantis"."""
        doc = self.doc
        for f in list(self.found):
            if f.kind not in ("company", "organisation") or f.links:
                continue
            head = doc[f.end - 1]
            for conj in head.conjuncts:
                if conj.i in self.taken or conj.pos_ != "PROPN" or not conj.is_title:
                    continue
                start = conj.i
                while start > 0 and doc[start - 1].dep_ == "compound" and \
                        doc[start - 1].pos_ == "PROPN" and (start - 1) not in self.taken:
                    start -= 1
                self._add(Found(start, conj.i + 1, f.code, f.sector, f.kind,
                                _norm_text(doc[start:conj.i + 1].text), origin="inferred",
                                basis="context" if f.code else None))

    def _unlabelled_people(self) -> None:
        """Names the NER left unlabelled: two or three title-case proper nouns that are the
        subject of a reporting verb, carry an appositive role ("X, a fellow at ..."), or
        follow a title."""
        from .coref import reporting_verbs

        doc, verbs = self.doc, reporting_verbs()
        for tok in doc:
            if tok.i in self.taken or tok.pos_ != "PROPN" or not tok.is_title:
                continue
            if tok.dep_ == "compound" and tok.head.pos_ == "PROPN":
                continue  # not the head of the name
            start = tok.i
            while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].is_title \
                    and doc[start - 1].dep_ == "compound" and (start - 1) not in self.taken:
                start -= 1
            n = tok.i + 1 - start
            if not 2 <= n <= 3 or self.lex.lookup(doc[start:tok.i + 1].text):
                continue
            speaks = tok.dep_ in ("nsubj",) and tok.head.lemma_.lower() in verbs
            appos = any(c.dep_ == "appos" and _role_of(c, self.lex) for c in tok.children)
            titled = start > 0 and doc[start - 1].lower_ in TITLES
            if speaks or appos or titled:
                self._person(Span(doc, start, tok.i + 1, label="PERSON"), [])

    def _role_phrases(self) -> None:
        """Actors named only by a role word: "analysts say", "Russian customs"."""
        for tok in self.doc:
            if tok.i in self.taken or tok.pos_ not in ("NOUN", "PROPN"):
                continue
            if tok.dep_ in ("compound",) or tok.ent_type_:
                continue
            role = _role_of(tok, self.lex)
            if not role or role.kind == "state":
                continue
            if not role.strong and not any(  # a weak role word needs an owner: "Pentagon officials"
                    f.kind in ("organisation", "company") and f.end <= tok.i and
                    f.start >= _np_left(tok) for f in self.found):
                continue
            if any(c.lower_ in ("two", "both") for c in tok.lefts):
                continue  # "the two presidents": people named before (coreference)
            plural = tok.tag_ in ("NNS", "NNPS") or tok.lower_ in ("customs", "police",
                                                                  "military")
            definite = any(c.lower_ == "the" for c in tok.lefts)
            states = _states_in(self.doc, _np_left(tok), tok.i, self.lex)
            if plural or states or role.kind in ("organisation", "company"):
                self._role_phrase(tok, role)
            elif definite:
                self._add(Found(_np_left(tok), tok.i + 1, None, role.sector, "person",
                                _norm_text(self.doc[_np_left(tok):tok.i + 1].text),
                                role=role.term, origin="definite"))

    def _topic_state(self, span: Span) -> Optional[str]:
        """The state a sentence is about, for an office holder with no stated country: the
        first state named in the sentence before the person, else the first named in the
        previous sentence ("Kenya has agreed to buy ... from Morocco. Deputy Foreign
        Minister X said ..." -> Kenya)."""
        sent = span.sent
        here = [f for f in self.found if f.code and f.kind in ("state", "person") and
                sent.start <= f.start and f.end <= span.start]
        if here:
            return here[0].code
        prev_start = self.doc[sent.start - 1].sent.start if sent.start > 0 else None
        if prev_start is None:
            return None
        before = [f for f in self.found if f.code and f.kind in ("state", "person") and
                  prev_start <= f.start < sent.start]
        return before[0].code if before else None

    def _context_fallback(self) -> None:
        """Last resort for actors no word of their own places: the state most named in their
        sentence and the one before ("a shopkeeper in Uri" in a story about India). Research
        collectives ("analysts", "experts") keep no code: they are often foreign to the
        story. ``basis = "article"`` marks these guesses."""
        states = [f for f in self.found if f.code and f.code != WEST and (
            f.kind == "state" or f.basis in ("dictionary", "context"))]
        for f in self.found:
            if f.code is not None or f.links or f.sector in ("EDU", "JRN"):
                continue  # commentators and media are often foreign to the story
            if f.kind == "organisation" and f.sector not in ("GOV", "MIL", "LEG", "JUD", "COP",
                                                             "SPY", "BUS", "MED"):
                continue  # an unknown kind of body: no guess
            if f.kind not in ("person", "company", "organisation"):
                continue
            if f.origin in ("collective", "role", "definite") and f.sector not in (
                    "CVL", "AGR", "LAB", "REF", "GOV", "MIL", "COP", "JUD", "LEG"):
                continue  # "alternative suppliers": who they are is the story's question
            if any(t.lower_ in ("their", "its", "our", "both", "each") for t in
                   self.doc[max(0, f.start - 2):f.end]):
                continue  # "their militaries": the actors named before, not a new guess
            sent = self.doc[f.start].sent
            prev_start = self.doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
            window = [x for x in states if prev_start <= x.start < sent.end and x is not f]
            if not window:
                continue
            counts: dict[str, int] = {}
            for x in window:
                counts[x.code] = counts.get(x.code, 0) + 1
            ranked = sorted(counts.values(), reverse=True)
            if len(ranked) > 1 and ranked[0] == ranked[1]:
                continue  # no state dominates: no guess
            f.code = next(x.code for x in window if counts[x.code] == ranked[0])
            f.basis = "article"

    def _share_conjunct_codes(self) -> None:
        by_head = {}
        for f in self.found:
            by_head.setdefault(self.doc[f.end - 1].i, f)
        for f in self.found:
            if f.code or f.kind not in ("company", "organisation", "person") or (
                    f.kind == "person" and f.origin != "collective"):
                continue
            head = self.doc[f.end - 1]
            group = {head.i} | {t.i for t in head.conjuncts}
            sibs = [by_head[i] for i in group if i in by_head and by_head[i].code and
                    (by_head[i].kind == f.kind or {by_head[i].kind, f.kind} <= {
                        "company", "organisation"})]
            if sibs:
                codes = [x.code for x in sibs]
                f.code = max(set(codes), key=codes.count)
                f.basis = "context"
                if f.sector is None:  # an unnamed kind of body takes its conjuncts' kind
                    f.sector, f.kind = sibs[0].sector, sibs[0].kind

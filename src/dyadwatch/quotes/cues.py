"""Cue words of reported speech and small helpers over the parse that the quote finders share.

Verbs come from ``data/reporting_verbs.tsv`` (shared with the actors and events stages) and
``data/quote_cues.tsv`` (verbs, nouns and phrases only quotes need); both carry a ``kind``
(speech, written, thought, finding). Which kinds count is a setting (``[quotes] kinds``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from ..datafiles import package_text, tsv_rows

SUBJECTS = ("nsubj", "nsubjpass", "csubj")
PRONOUNS = {"he", "she", "they", "it", "we", "i", "you"}


@dataclass(frozen=True)
class Lexicon:
    verbs: dict[str, str]  # lemma -> kind
    nouns: dict[str, str]
    preps: dict[str, str]

    def verb_kind(self, tok: Token) -> str | None:
        if tok.pos_ not in ("VERB", "AUX") and tok.tag_[:2] != "VB":
            return None
        return self.verbs.get(tok.lemma_.lower()) or self.verbs.get(tok.lower_)

    def noun_kind(self, tok: Token) -> str | None:
        if tok.pos_ != "NOUN":
            return None
        return self.nouns.get(tok.lemma_.lower())


@lru_cache(maxsize=8)
def load_cues(kinds: tuple[str, ...] = ("speech", "written")) -> Lexicon:
    """The cue lexicon restricted to ``kinds``."""
    verbs: dict[str, str] = {}
    nouns: dict[str, str] = {}
    preps: dict[str, str] = {}
    for r in tsv_rows(package_text("data/reporting_verbs.tsv")):
        if r["kind"] in kinds:
            verbs[r["lemma"]] = r["kind"]
    for r in tsv_rows(package_text("data/quote_cues.tsv")):
        if r["kind"] not in kinds:
            continue
        table = {"verb": verbs, "noun": nouns, "prep": preps}.get(r["how"])
        if table is not None:
            table.setdefault(r["cue"], r["kind"])
    return Lexicon(verbs, nouns, preps)


def subject_of(verb: Token) -> Token | None:
    """The grammatical speaker of a cue verb: its subject, or that of the verb it hangs
    from ("..., adding that", "X said ... and warned"), or the agent of a passive."""
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.pos_ in ("NOUN", "PROPN"):
        return verb.head  # "officials alleging that ..."
    tok = verb
    for _ in range(3):
        subj = next((c for c in tok.children if c.dep_ in SUBJECTS), None)
        if subj is not None:
            if subj.dep_ == "nsubjpass" or subj.lower_ in ("there",):
                agent = next((c for c in tok.children if c.dep_ == "agent"), None)
                obj = next((g for g in agent.children if g.dep_ == "pobj"), None) if agent \
                    else None
                return obj
            return subj
        if tok.dep_ in ("conj", "advcl", "xcomp", "pcomp") and tok.head is not tok and \
                tok.head.pos_ in ("VERB", "AUX"):
            tok = tok.head
            continue
        if tok.dep_ == "pcomp" and tok.head.dep_ == "prep" and \
                tok.head.head.pos_ in ("VERB", "AUX"):
            tok = tok.head.head  # "X fueled it by calling for ...": X calls
            continue
        break
    return None


def phrase(tok: Token) -> tuple[int, int]:
    """Token range of the noun phrase headed by ``tok``, with its appositive and "of/at"
    phrases ("Jane Doe, director of X at Y"), without a relative clause or final comma."""
    doc = tok.doc
    left = tok.left_edge.i
    right = tok.i + 1
    for c in tok.rights:
        if c.dep_ in ("relcl", "acl"):
            break
        right = max(right, c.right_edge.i + 1)
    while right > left + 1 and (doc[right - 1].is_punct or doc[right - 1].is_space):
        right -= 1
    while left < right - 1 and (doc[left].is_punct or doc[left].is_space):
        left += 1
    return left, right


def char_span(doc: Doc, start: int, end: int) -> Span | None:
    """The tokens covering characters [start, end) (widened to whole tokens)."""
    if end <= start:
        return None
    return doc.char_span(start, end, alignment_mode="expand")


def tok_chars(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Character span of tokens [start, end)."""
    last = doc[end - 1]
    return doc[start].idx, last.idx + len(last.text)


@dataclass
class Candidate:
    """A quote before its speaker is resolved: content span, cue and source words."""

    start: int  # characters of the content
    end: int
    kind: str  # direct, indirect, mixed, partial
    cue: str | None = None  # the cue as written ("said", "according to", ":")
    cue_start: int | None = None
    cue_end: int | None = None
    cue_kind: str | None = None  # speech, written, thought, finding
    source: tuple[int, int] | None = None  # token range of the words naming the speaker
    source_head: int | None = None  # token index of their head word
    paragraph: int = 0
    closed: bool = True
    continues: bool = False
    continued: bool = False
    inherited: bool = False  # speaker and cue taken from the quote it continues
    parts: list[tuple[int, int]] = field(default_factory=list)  # pieces, if several

    def set_cue(self, doc: Doc, cue_tokens: list[Token], kind: str | None) -> None:
        toks = sorted(cue_tokens, key=lambda t: t.i)
        self.cue_start = toks[0].idx
        self.cue_end = toks[-1].idx + len(toks[-1].text)
        self.cue = doc.text[self.cue_start:self.cue_end]
        self.cue_kind = kind

    def set_source(self, tok: Token | None) -> None:
        if tok is None:
            return
        self.source = phrase(tok)
        self.source_head = tok.i

    def take_frame(self, src: Candidate, inherited: bool) -> None:
        """Take the cue and speaker words of ``src`` (a quote this one continues or a
        clause that frames it)."""
        self.cue, self.cue_start, self.cue_end, self.cue_kind = (
            src.cue, src.cue_start, src.cue_end, src.cue_kind)
        self.source, self.source_head, self.inherited = src.source, src.source_head, inherited

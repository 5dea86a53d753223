"""Direct quotes: each quoted span with the cue and the words naming its speaker.

The frame of a quote is the text around it up to a sentence end, a line break or another
quote. Patterns, each a convention of English news writing:

- after the quote: ``"...," X said`` / ``"...," said X`` / ``"...," X, a fellow at Y, said``
  (a cue verb within the first words after the closing mark);
- before the quote: ``X said: "..."`` / ``X told a reporter, "..."`` / ``X called the plan
  "..."`` (the nearest cue verb before the quote whose phrase reaches the quote, or that
  stands just before it);
- a colon with no verb: ``X: "..."``; a dash after the quote: ``"..." - X``;
- no frame: a quote that continues the previous one (the next paragraph of a quote over
  several paragraphs, the second half of a split quote ``"...," X said. "..."``, or another
  quote of the same paragraph) takes its speaker and cue; a frameless quote followed in its
  paragraph by a framed one takes that one's.
"""

from __future__ import annotations

import bisect
import logging

from spacy.tokens import Doc, Token

from .cues import Candidate, Lexicon, subject_of
from .marks import Quoted

log = logging.getLogger(__name__)

DASHES = {"—", "–", "―", "-", "--"}
FINAL = {".", "!", "?"}
NEAR = 4  # tokens between a cue verb (or its object) and the quote it introduces
AFTER = 7  # the cue of a quote comes within this many tokens after it
AFTER_LONG = 20  # ... or further when its subject starts right after the quote
BLOCKING = {"conj", "advcl", "relcl", "acl", "parataxis", "csubj"}


def _first_token_at(doc: Doc, char: int) -> int:
    starts = [t.idx for t in doc]
    return bisect.bisect_left(starts, char)


def _in_spans(char: int, spans: list[tuple[int, int]]) -> bool:
    return any(o <= char < c for o, c in spans)


def _after_frame(doc: Doc, q: Quoted, spans) -> list[Token]:
    out: list[Token] = []
    for tok in doc[_first_token_at(doc, q.close):]:
        if "\n" in tok.text or _in_spans(tok.idx, spans) or len(out) > 25:
            break
        if tok.is_space:
            continue
        out.append(tok)
        if tok.text in FINAL:
            break
    return out


def _before_frame(doc: Doc, q: Quoted, spans) -> list[Token]:
    out: list[Token] = []
    i = _first_token_at(doc, q.open) - 1
    while i >= 0 and len(out) < 40:
        tok = doc[i]
        if _in_spans(tok.idx, spans) or tok.text in FINAL:
            break
        if "\n" in tok.text or tok.is_space:
            # a paragraph that ends with a colon introduces the quote below it
            if out or not doc[:i].text.rstrip().endswith(":"):
                break
            i -= 1
            continue
        out.append(tok)
        i -= 1
    return list(reversed(out))


def _speaker_near(verb: Token, frame: list[Token]) -> Token | None:
    subj = subject_of(verb)
    if subj is not None:
        return subj
    # "said X" parsed as an object; a name just after or before the verb
    ids = {t.i for t in frame}
    for c in verb.children:
        if c.dep_ in ("dobj", "attr", "npadvmod", "nsubj") and c.i in ids and c.i > verb.i \
                and c.pos_ in ("PROPN", "NOUN", "PRON"):
            return c
    return None


def _name_after(frame: list[Token]) -> Token | None:
    """The head of the first name or noun phrase in a frame ("- Jane Doe, analyst")."""
    for k, tok in enumerate(frame):
        if tok.pos_ in ("PROPN", "NOUN", "PRON"):
            j = k
            while j + 1 < len(frame) and frame[j + 1].pos_ == "PROPN" and \
                    frame[j + 1].i == frame[j].i + 1:
                j += 1
            return frame[j]
    return None


def _reaches(verb: Token, q: Quoted) -> bool:
    """The quote is in the verb's complement or object: a word of the quote depends on the
    verb through complements only, not through a conjoined or adverbial clause ("X repeats
    Y and refrains from using the word "Z"" does not quote Z)."""
    doc = verb.doc
    inside = [t for t in doc if q.start <= t.idx < q.end]
    for t in inside:
        if q.start <= t.head.idx < q.end and t.head is not t:
            continue
        node = t
        for _ in range(12):
            if node is verb:
                return True
            if node.dep_ in BLOCKING or node.head is node:
                break
            node = node.head
    return False


def frame_quote(doc: Doc, q: Quoted, c: Candidate, lex: Lexicon, spans) -> None:
    """Fill the cue and source of candidate ``c`` from the frame of quote ``q``."""
    after = _after_frame(doc, q, spans)
    if after and after[0].text in DASHES and len(after) > 1:
        head = _name_after(after[1:])
        if head is not None:
            c.set_cue(doc, [after[0]], None)
            c.set_source(head)
            return
    for n, tok in enumerate(after[:AFTER_LONG]):
        kind = lex.verb_kind(tok)
        if kind:
            subj = _speaker_near(tok, after)
            if n >= AFTER and (subj is None or any(t.pos_ in ("VERB", "AUX")
                                                   for t in after[:n])):
                continue  # far from the quote: only "..., X's title, Name, said"
            if subj is not None and q.open <= subj.idx < q.close:
                continue  # the quote is this verb's subject, not its content
            if subj is None:
                subj = _name_after([t for t in after if t.i != tok.i])
            c.set_cue(doc, [tok], kind)
            c.set_source(subj)
            return
    before = _before_frame(doc, q, spans)
    for tok in reversed(before):
        kind = lex.verb_kind(tok)
        if not kind:
            continue
        gap = before[-1].i - tok.i
        if gap <= NEAR or _reaches(tok, q):
            c.set_cue(doc, [tok], kind)
            c.set_source(_speaker_near(tok, before))
            return
    if before and before[-1].text == ":" and len(before) > 1:
        head = before[-2]
        while head.head is not head and head.head.i < before[-1].i and \
                head.dep_ in ("compound", "flat", "amod") and head.head.i > head.i:
            head = head.head
        if head.pos_ in ("PROPN", "NOUN", "PRON"):
            c.set_cue(doc, [before[-1]], None)
            c.set_source(head)


def direct_quotes(doc: Doc, quoted: list[Quoted], lex: Lexicon,
                  paras: list[tuple[int, int]]) -> list[Candidate]:
    """A candidate for every quoted span, framed where the frame names a cue or speaker."""
    spans = [(q.open, q.close) for q in quoted]
    starts = [p[0] for p in paras]
    out: list[Candidate] = []
    for q in quoted:
        c = Candidate(q.start, q.end, "direct",
                      paragraph=max(0, bisect.bisect_right(starts, q.open) - 1),
                      closed=q.closed, continues=q.continues, continued=q.continued)
        try:
            frame_quote(doc, q, c, lex, spans)
        except Exception:  # one odd quote never stops the article
            log.warning("quote at %d: frame not read", q.start, exc_info=True)
        out.append(c)
    inherit(out, paras, doc.text)
    return out


def _opens_paragraph(c: Candidate, paras, text: str) -> bool:
    p_start = paras[c.paragraph][0] if c.paragraph < len(paras) else 0
    return not text[p_start:c.start].strip(" \t\"'“‘«„`")


def inherit(cands: list[Candidate], paras, text: str) -> None:
    """Frameless quotes take the speaker of the quote they continue."""
    for i, c in enumerate(cands):
        if c.source is not None or c.cue is not None or i == 0:
            continue
        prev = cands[i - 1]
        if c.continued or prev.paragraph == c.paragraph or (
                prev.paragraph == c.paragraph - 1 and _opens_paragraph(c, paras, text)):
            _copy(prev, c)
        elif prev.paragraph == c.paragraph - 1 and prev.kind == "direct" and \
                prev.source is not None and _no_other_speaker(c, paras, text):
            _copy(prev, c)  # a fragment going on with the last paragraph's quoted speaker
    for i in range(len(cands) - 2, -1, -1):
        c, nxt = cands[i], cands[i + 1]
        if c.source is None and c.cue is None and nxt.paragraph == c.paragraph and \
                nxt.source is not None and len(text[c.end:nxt.start].split()) <= 3:
            _copy(nxt, c)


def _no_other_speaker(c: Candidate, paras, text: str) -> bool:
    """The words of the fragment's paragraph before it name no one new: they open with a
    pronoun or a lower-case word ("He also warned of “…”", "and a “…”")."""
    p_start = paras[c.paragraph][0] if c.paragraph < len(paras) else 0
    before = text[p_start:c.start].split()
    return bool(before) and (before[0].lower() in ("he", "she", "they", "his", "her") or
                             before[0][:1].islower())


def _copy(src: Candidate, dst: Candidate) -> None:
    if src.source is not None or src.cue is not None:
        dst.take_frame(src, inherited=True)

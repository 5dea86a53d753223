"""The ``quotes`` stage: direct, indirect, mixed and partial quotes with resolved speakers.

1. quotation marks are paired into quoted spans (``marks.py``, from the text alone);
2. each quoted span is framed by its cue and speaker words (``direct.py``);
3. clauses of reported speech are found through their cues in the parse (``indirect.py``);
4. the two are merged: a reported clause that holds a quoted fragment and more words is
   one ``mixed`` quote; one that is only the quoted words adds its cue to the direct quote;
   a short quoted fragment inside a sentence with no cue of its own is ``partial``;
5. speakers are resolved against the actors stage's records (``speakers.py``).

One odd quote or sentence never stops an article: it is logged and skipped.
"""

from __future__ import annotations

import bisect
import logging
import re

from ..config import Config
from ..pipeline import register_stage
from ..schema import Article, Quote
from .cues import Candidate, Lexicon, load_cues
from .direct import direct_quotes, inherit
from .indirect import indirect_quotes
from .marks import pair_quotes, paragraphs
from .speakers import SpeakerResolver

log = logging.getLogger(__name__)

MARKS = "\"“”‘’'«»„`"
TRAILING = ",.;:"


def _words(text: str) -> int:
    return len(re.findall(r"\w+", text))


def _outside(text: str, c: Candidate, inner: list[Candidate]) -> str:
    """The words of ``c`` outside the quoted spans ``inner`` (and their marks)."""
    chars = list(text[c.start:c.end])
    for d in inner:
        for k in range(max(d.start - 1, c.start), min(d.end + 1, c.end)):
            chars[k - c.start] = " "
    rest = "".join(chars)
    return re.sub(r"^\W*that\b", "", rest.strip(" " + MARKS))


def merge(text: str, direct: list[Candidate], indirect: list[Candidate]) -> list[Candidate]:
    dropped: set[int] = set()
    kept_indirect: list[Candidate] = []
    seen: set[tuple[int, int]] = set()
    for ind in sorted(indirect, key=lambda c: (c.start, -c.end)):
        if (ind.start, ind.end) in seen:
            continue
        seen.add((ind.start, ind.end))
        host = next((d for d in direct if _mostly_inside(ind, d) and
                     ind.start >= d.start - 1), None)
        if host is not None:  # a cue whose clause is quoted: it frames that quote
            if host.cue is None or host.inherited:
                host.take_frame(ind, inherited=False)
            continue
        inner = [k for k, d in enumerate(direct) if _mostly_inside(d, ind) or (
            ind.start <= d.start < ind.end < d.end)]
        if not inner:
            kept_indirect.append(ind)
            continue
        ind.end = max([ind.end] + [direct[k].end for k in inner])  # runs to its quote's end
        if ind.parts:
            ind.parts[-1] = (ind.parts[-1][0], ind.end)
        if _words(_outside(text, ind, [direct[k] for k in inner])) >= 1:
            ind.kind = "mixed"
            kept_indirect.append(ind)
            for k in inner:  # a fragment with a cue of its own stays a quote of its own
                d = direct[k]
                if d.cue is None or d.inherited or d.cue_start == ind.cue_start or \
                        ind.start <= (d.cue_start or -1) < ind.end:
                    dropped.add(k)
            continue
        for k in inner:  # the clause is the quoted words: its cue frames the quote
            d = direct[k]
            if d.source is None or d.inherited:
                d.take_frame(ind, inherited=False)
    out = [d for k, d in enumerate(direct) if k not in dropped] + kept_indirect
    return sorted(out, key=lambda c: (c.start, c.end))


def _mostly_inside(d: Candidate, ind: Candidate) -> bool:
    inter = min(d.end, ind.end) - max(d.start, ind.start)
    return inter > 0 and inter >= 0.5 * (d.end - d.start)


def _is_title(text: str) -> bool:
    """ "Fox and Friends", "The Art of the Deal": a name or title in marks, not speech."""
    words = re.findall(r"[\w’'-]+", text)
    small = {"and", "of", "the", "a", "an", "in", "on", "for", "to", "at", "with", "or"}
    return 0 < len(words) <= 8 and words[0][:1].isupper() and all(
        w[:1].isupper() or w.lower() in small or w[:1].isdigit() for w in words) and \
        not text.rstrip().endswith((".", "!", "?", ","))


def classify(text: str, cands: list[Candidate], settings: dict) -> list[Candidate]:
    out = []
    limit = settings["partial_max_words"]
    for c in cands:
        if c.kind == "direct" and c.cue is None:
            if _is_title(text[c.start:c.end]):
                continue
            before = text[:c.start].rsplit("\n", 1)[-1]
            sentence_before = re.split(r"[.!?]\s", before)[-1]
            if _words(text[c.start:c.end]) <= limit and _words(sentence_before) > 0:
                if not settings["partial"]:
                    continue
                c.kind = "partial"
        out.append(c)
    return out


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and (text[end - 1] in TRAILING or text[end - 1].isspace()):
        end -= 1
    return end


def build(art: Article, cands: list[Candidate]) -> list[Quote]:
    doc, text = art.doc, art.text
    sent_starts = [s.start_char for s in doc.sents]
    resolver = SpeakerResolver(doc, art.actors, art.published)
    quotes: list[Quote] = []
    for c in cands:
        try:
            speaker = resolver.resolve(c)
        except Exception:
            log.warning("%s: speaker of the quote at %d not resolved", art.id, c.start,
                        exc_info=True)
            speaker = None
        end = _trim_end(text, c.start, c.end) if c.kind != "indirect" else c.end
        parts = [[s, e] for s, e in c.parts] if len(c.parts) > 1 else []
        body = " … ".join(text[s:e] for s, e in c.parts) if parts else text[c.start:end]
        src = c.source
        span = (doc[src[0]].idx, doc[src[1] - 1].idx + len(doc[src[1] - 1].text)) if src \
            else (None, None)
        quotes.append(Quote(
            text=body, kind=c.kind, speaker=speaker, cue=c.cue, start=c.start, end=end,
            parts=parts, cue_start=c.cue_start, cue_end=c.cue_end, cue_kind=c.cue_kind,
            speaker_start=span[0], speaker_end=span[1],
            sentence=max(0, bisect.bisect_right(sent_starts, c.start) - 1),
            continued=c.inherited))
    return quotes


def extract_quotes(art: Article, lex: Lexicon, settings: dict) -> list[Quote]:
    doc, text = art.doc, art.text
    paras = paragraphs(text)
    quoted = pair_quotes(text)
    direct = direct_quotes(doc, quoted, lex, paras)
    spans = [(q.open, q.close) for q in quoted]
    indirect = indirect_quotes(doc, lex, spans, according=settings["according_to"],
                               nouns=settings["cue_nouns"])
    starts = [p[0] for p in paras]
    for c in indirect:
        c.paragraph = max(0, bisect.bisect_right(starts, c.start) - 1)
    merged = merge(text, direct, indirect)
    inherit(merged, paras, text)  # a quote may continue a mixed or indirect one
    cands = classify(text, merged, settings)
    return build(art, cands)


@register_stage("quotes", requires=("doc", "actors"), assigns=("quotes",), version="1")
def make_quotes(config: Config):
    """Direct, indirect, mixed and partial quotes; speakers resolved to actors."""
    settings = dict(config["quotes"])
    lex = load_cues(tuple(settings["cue_kinds"]))

    def quotes(art: Article) -> Article:
        if art.doc is None:
            return art
        art.quotes = extract_quotes(art, lex, settings)
        return art

    return quotes

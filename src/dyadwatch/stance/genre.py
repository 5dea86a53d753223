"""An article's genre: news, analysis or opinion, with the signals that decided it.

Signals (each in ``Framing.signals``):

- ``heading_opinion`` / ``heading_analysis``: a section label in the title, the first
  lines, the URL path or the reader's metadata ("Opinion:", "Analysis |", /opinion/);
- ``byline_opinion`` / ``byline_analysis``: an author note ("The writer is ...", "is a
  fellow at ...");
- ``first_person``: I/me/my/we/our/us per 100 words outside quotes;
- ``should``: should/must/ought to/need to per 100 words outside quotes;
- ``evaluative``: evaluative lexicon words per 100 words outside quotes;
- ``questions``: questions per 10 sentences outside quotes;
- ``hedges``: hedge cues per 10 sentences; ``connectives``: explanatory connectives
  (because, however, therefore, this means ...) per 100 words;
- ``quote_share``: share of the text's characters inside quotes;
- ``attribution``: quotes per sentence.

Each genre gets a score from these (``score_genres``; weights below, documented in
docs/RECORDS.md), the highest wins; a heading decides on its own.
"""

from __future__ import annotations

import re
from typing import Sequence

from .lexicon import Lexicon

FIRST_PERSON = re.compile(r"\b(?:i|me|my|mine|we|our|ours|us)\b", re.IGNORECASE)
SHOULD = re.compile(r"\b(?:should|must|ought to|needs? to|has to|have to)\b", re.IGNORECASE)
CONNECTIVES = re.compile(r"\b(?:because|however|therefore|thus|hence|this means|which means|"
                         r"in other words|on the other hand|nevertheless|moreover|indeed|"
                         r"in turn|as a result)\b", re.IGNORECASE)
URL_OPINION = re.compile(r"/(?:opinion|opinions|comment|commentary|editorial|editorials|"
                         r"op-ed|oped|columns?|views?|blogs?)/", re.IGNORECASE)
URL_ANALYSIS = re.compile(r"/(?:analysis|explainer|explained|in-depth|insight)/", re.IGNORECASE)
GENRES = ("news", "analysis", "opinion")


def _outside(text: str, quotes: Sequence[tuple[int, int]]) -> str:
    chars = list(text)
    for s, e in quotes:
        for k in range(max(0, s), min(len(chars), e)):
            chars[k] = " "
    return "".join(chars)


def _any(cues, texts: Sequence[str]) -> float:
    return max([c.weight for c in cues for t in texts if t and c.regex.search(t)] or [0.0])


def signals(text: str, title: str | None, url: str | None, metadata: dict,
            quotes: Sequence[tuple[int, int]], n_sentences: int, n_evaluative: int,
            lex: Lexicon) -> dict[str, float]:
    own = _outside(text, quotes)
    words = max(1, len(re.findall(r"\w+", own)))
    sents = max(1, n_sentences)
    head_lines = [title or ""] + [ln for ln in text.splitlines() if ln.strip()][:2] + [
        str(v) for k, v in (metadata or {}).items()
        if k.lower() in ("section", "category", "genre", "kind", "type")]
    quoted = sum(max(0, e - s) for s, e in quotes)
    sig = {
        "heading_opinion": _any(lex.cues_of("heading-opinion"), head_lines) or
        (1.0 if url and URL_OPINION.search(url) else 0.0),
        "heading_analysis": _any(lex.cues_of("heading-analysis"), head_lines) or
        (1.0 if url and URL_ANALYSIS.search(url) else 0.0),
        "byline_opinion": _any(lex.cues_of("byline-opinion"), [text[-600:], text[:300]]),
        "byline_analysis": _any(lex.cues_of("byline-analysis"), [text[-600:], text[:300]]),
        "first_person": 100 * len(FIRST_PERSON.findall(own)) / words,
        "should": 100 * len(SHOULD.findall(own)) / words,
        "evaluative": 100 * n_evaluative / words,
        "questions": 10 * own.count("?") / sents,
        "hedges": 10 * sum(len(c.regex.findall(own)) for c in lex.cues_of("hedge")) / sents,
        "connectives": 100 * len(CONNECTIVES.findall(own)) / words,
        "quote_share": quoted / max(1, len(text)),
        "attribution": len(quotes) / sents,
    }
    return {k: round(float(v), 4) for k, v in sig.items()}


def score_genres(sig: dict[str, float]) -> dict[str, float]:
    opinion = (0.6 * min(sig["first_person"], 3) + 0.8 * min(sig["should"], 2) +
               0.3 * min(sig["evaluative"], 4) + 0.3 * min(sig["questions"], 3) +
               2.0 * sig["byline_opinion"])
    analysis = (0.8 + 0.3 * min(sig["hedges"], 4) + 0.5 * min(sig["connectives"], 2) +
                1.0 * sig["byline_analysis"] - 1.0 * sig["quote_share"])
    news = 1.0 + 2.0 * sig["quote_share"] + 1.0 * min(sig["attribution"], 1.0)
    return {"news": round(news, 3), "analysis": round(analysis, 3),
            "opinion": round(opinion, 3)}


def decide(sig: dict[str, float], scores: dict[str, float]) -> str:
    if sig["heading_opinion"] >= 1:
        return "opinion"
    if sig["heading_analysis"] >= 1:
        return "analysis"
    return max(GENRES, key=lambda g: (scores[g], -GENRES.index(g)))

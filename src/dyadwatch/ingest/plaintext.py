"""Heuristics for the furniture of plain-text articles: paragraphs, title, byline, dateline
and outlet lines.

They work on paragraphs (a list of strings). None of them knows a particular outlet; each
states a general convention of news text:

- a *title* is a first paragraph of at most 25 words that does not end like a sentence
  (no full stop), followed by at least one more paragraph;
- a *byline* is a short paragraph "By Firstname Lastname[, ...]";
- a *dateline* opens the first body paragraph: an upper-case place ("BEIJING:",
  "WASHINGTON (Reuters) -", "KYIV, Ukraine —") or a known place in title case followed by
  a colon ("Hong Kong:"); labels such as "Update:" or "Exclusive:" are not datelines;
- an *outlet line* is a bare web address among the last paragraphs (the site), and a short
  name line beside it whose letters spell the site's name ("Sentinel Assam" next to
  "www.sentinelassam.com").
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..datafiles import places
from .textio import words

_SENT_END = re.compile(r"[.;:,]\s*[\"'”’)]*$")
_BYLINE = re.compile(
    r"^(?i:by|written by|reporting by)\s+(?P<name>[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,3}"
    r"(?:\s*(?:,|and|&)\s*[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,3})*)"
    r"(?:\s*[,|/–—-]\s*.{0,60})?$")
_SITE = re.compile(r"^(?:https?://)?(?:www\d?\.)?(?P<name>[a-z0-9][a-z0-9-]*)"
                   r"(?:\.[a-z0-9-]+)*\.[a-z]{2,12}/?$", re.I)
_DATELINE_CAPS = re.compile(
    r"^(?P<place>[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+){0,3})"
    r"(?:\s*,\s*(?P<region>[A-Z][A-Za-z.'’-]+(?:\s+[A-Za-z][A-Za-z.'’-]+){0,2}))?"
    r"(?:\s*,\s*(?P<date>[A-Z][a-z]{2,8}\.?\s+\d{1,2}))?"
    r"(?:\s*\((?P<agency>[A-Za-z][\w .&'’-]{1,30})\))?"
    r"\s*(?:[:—–]|--?)\s+(?=\S)")
_DATELINE_TITLE = re.compile(
    r"^(?P<place>[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3})"
    r"(?:\s*,\s*(?P<date>[A-Z][a-z]{2,8}\.?\s+\d{1,2}))?"
    r"(?:\s*\((?P<agency>[A-Za-z][\w .&'’-]{1,30})\))?\s*:\s+(?=\S)")
_LABELS = {
    "update", "updated", "updates", "exclusive", "breaking", "breaking news", "watch",
    "live", "video", "photos", "analysis", "opinion", "comment", "editorial", "note",
    "editor's note", "details", "source", "sources", "background", "context", "summary",
    "correction", "disclaimer", "related", "read", "q", "a", "question", "answer",
    "transcript", "full text", "fact check", "explainer", "timeline", "urgent", "flash",
    "bulletin", "key points", "why it matters", "what happened", "the big picture",
    "bottom line", "tl;dr", "warning", "alert", "listen", "podcast", "interview", "report",
    "live updates", "live blog", "latest", "developing", "developing story", "just in",
    "special report", "fact sheet", "factbox", "explained", "quote of the day",
}


def _label_key(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("’", "'").lower().strip(" .:"))


def split_paragraphs(text: str) -> list[str]:
    """Paragraphs of a normalised text: each non-empty line, unless the text is hard-wrapped.

    Hard-wrapped text (most lines 40-80 characters, lines within blank-line-separated blocks)
    is joined back into one paragraph per block.
    """
    blocks = [b for b in re.split(r"\n\s*\n", text) if b.strip()]
    lines = [ln for ln in text.split("\n") if ln.strip()]
    multi_line_blocks = sum(1 for b in blocks if b.count("\n") >= 1)
    if lines and multi_line_blocks:
        wrapped = sum(1 for ln in lines if 40 <= len(ln) <= 80)
        if wrapped / len(lines) >= 0.6 and max(len(ln) for ln in lines) <= 100:
            return [" ".join(ln.strip() for ln in b.split("\n") if ln.strip()) for b in blocks]
    return [ln.strip() for ln in lines]


def is_title_like(par: str) -> bool:
    n = len(par.split())
    return 0 < n <= 25 and len(par) <= 220 and not _SENT_END.search(par) \
        and not par.startswith(("“", '"', "‘", "'"))


def byline(par: str) -> str | None:
    m = _BYLINE.match(par)
    if m and len(par.split()) <= 14:
        return m.group("name").strip()
    return None


@lru_cache(maxsize=1)
def known_places() -> frozenset[str]:
    return frozenset(places())


def dateline(par: str) -> tuple[str, int] | None:
    """(place, length of the dateline prefix) if ``par`` opens with a dateline."""
    m = _DATELINE_CAPS.match(par)
    if m:
        place = m.group("place").strip()
        letters = re.sub(r"[^A-Za-z]", "", place)
        if len(letters) >= 3 and _label_key(place) not in _LABELS \
                and not _parenthetical(par, m):
            region = m.group("region")
            if region and region.isupper():
                place = f"{place}, {region}"
            return _titlecase_place(place, region), m.end()
    m = _DATELINE_TITLE.match(par)
    if m:
        place = m.group("place").strip()
        if place.lower() in known_places() and _label_key(place) not in _LABELS:
            return place, m.end()
    return None


def _parenthetical(par: str, m: re.Match) -> bool:
    """An upper-case word and a dash that open a parenthetical, not a dateline:
    "NATO — whose members ... — said" (a second dash before the sentence ends), unless
    the word is a known place or the dateline names an agency or region."""
    if m.group("agency") or m.group("region") or ":" in par[m.start("place"):m.end()]:
        return False
    if m.group("place").strip().lower() in known_places():
        return False
    rest = par[m.end():]
    sentence = re.split(r"(?<=[.!?])\s", rest, maxsplit=1)[0]
    return bool(re.search(r"\s[—–-]{1,2}\s", sentence))


def _titlecase_place(place: str, region: str | None) -> str:
    name = place if not place.isupper() else " ".join(w.capitalize() for w in place.split())
    if region and not region.isupper():
        name = f"{name}, {region}"
    return name


def site_name(par: str) -> str | None:
    """The bare web address a paragraph consists of (lower case), if it is one."""
    m = _SITE.match(par.strip())
    return m.group(0).lower().rstrip("/") if m else None


def outlet_lines(paragraphs: list[str], tail: int = 6) -> tuple[str | None, set[int]]:
    """(outlet name, indexes of outlet lines) from the last ``tail`` paragraphs."""
    start = max(0, len(paragraphs) - tail)
    for i in range(len(paragraphs) - 1, start - 1, -1):
        site = site_name(paragraphs[i])
        if not site:
            continue
        m = _SITE.match(site)
        label = m.group("name").replace("-", "") if m else ""
        for j in (i - 1, i + 1):
            if 0 <= j < len(paragraphs) and j >= start:
                cand = paragraphs[j]
                squashed = "".join(words(cand))
                if cand and len(cand.split()) <= 6 and len(squashed) >= 3 \
                        and (squashed == label or (squashed in label and len(squashed) >= 5)):
                    return cand.strip(), {i, j}
        domain = re.sub(r"^https?://", "", site).split("/")[0]
        return re.sub(r"^www\d?\.", "", domain), {i}
    return None, set()

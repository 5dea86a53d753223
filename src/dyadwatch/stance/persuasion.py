"""Persuasion markers with character spans, named as in SemEval-2020 Task 11.

Two sources, both general rules (``stance/data/cues.tsv`` and the patterns here):

- the cue lexicon: one pattern list per technique (Loaded_Language,
  Name_Calling,Labeling, Appeal_to_fear-prejudice, Flag-Waving, Doubt, Straw_Men,
  Exaggeration,Minimisation, Whataboutism);
- whataboutism as a construction: a question that turns on the critic ("Why does X
  ... while it ...?", "How can X lecture ... when ...?"), or a contrast that pins the
  same act on the critic ("X itself ...").

A marker is kept once per technique and span; a span inside a longer one of the same
technique is dropped.
"""

from __future__ import annotations

import re
from typing import Optional, Sequence

from ..schema import Marker
from .lexicon import Lexicon

TECHNIQUES = ("Loaded_Language", "Name_Calling,Labeling", "Appeal_to_fear-prejudice",
              "Flag-Waving", "Doubt", "Straw_Men", "Exaggeration,Minimisation", "Whataboutism")
# Techniques that qualify a whole claim: the marker spans the cue's clause (the sentence,
# cut at ";" and ":"), as the SemEval annotators marked them; the others span the words.
CLAUSE_SCOPE = ("Appeal_to_fear-prejudice", "Flag-Waving", "Doubt", "Straw_Men",
                "Exaggeration,Minimisation")
# PTC (2020) joins three techniques under one label
PTC_LABEL = {"Whataboutism": "Whataboutism,Straw_Men,Red_Herring",
             "Straw_Men": "Whataboutism,Straw_Men,Red_Herring"}

_QUESTION_OPENERS = re.compile(
    r"^\W*(?:so\s+|and\s+|but\s+)?(?:why\s+(?:does|do|did|is|are|has|have|should|would|"
    r"doesn't|don't|didn't|isn't|aren't|hasn't|haven't|then)|how\s+(?:can|could|come|dare)|"
    r"isn't it|is it not|doesn't|don't|didn't|what gives|where (?:was|were|is|are))\b",
    re.IGNORECASE)
_CONTRAST = re.compile(r"\b(?:while|when|yet|even as|whereas|but|itself|themselves|its own|"
                       r"their own|at the same time)\b", re.IGNORECASE)
_ITSELF = re.compile(r"\b(?:\w+ )?(?:itself|themselves) (?:has|have|is|are|was|were|did|does|"
                     r"continues?|keeps?|sells?|sold|invaded|bombed)\b", re.IGNORECASE)


def _sentences(text: str, sentences: Optional[Sequence[Sequence[int]]]) -> list[tuple[int, int]]:
    if sentences:
        return [(int(s), int(e)) for s, e in sentences]
    out = []
    for m in re.finditer(r"[^.!?\n]+[.!?]*[\"”’']?", text):
        if m.group().strip():
            s = m.start() + len(m.group()) - len(m.group().lstrip())
            out.append((s, m.end()))
    return out


def _whatabout(text: str, sents: list[tuple[int, int]]) -> list[Marker]:
    out = []
    for k, (s, e) in enumerate(sents):
        sent = text[s:e].rstrip()
        if sent.endswith(("?", "?\"", "?”")) and _QUESTION_OPENERS.search(sent) and \
                _CONTRAST.search(sent):
            out.append(Marker("Whataboutism", s, s + len(sent), sent, "question-contrast", k))
            continue
        m = _ITSELF.search(sent)
        if m and re.search(r"\b(?:criticis|criticiz|accus|lectur|condemn|blam)", sent, re.I):
            out.append(Marker("Whataboutism", s, s + len(sent), sent, "itself-contrast", k))
    return out


def find_markers(text: str, lex: Lexicon,
                 sentences: Optional[Sequence[Sequence[int]]] = None,
                 techniques: Sequence[str] = TECHNIQUES) -> list[Marker]:
    """Persuasion markers in ``text`` (offsets into it), in text order."""
    sents = _sentences(text, sentences)
    starts = [s for s, _ in sents]

    def sentence_of(pos: int) -> Optional[int]:
        import bisect

        k = bisect.bisect_right(starts, pos) - 1
        return k if k >= 0 else None

    def clause(start: int, end: int) -> tuple[int, int]:
        k = sentence_of(start)
        if k is None:
            return start, end
        s, e = sents[k]
        cut_s = max([s] + [i + 1 for i in range(s, start) if text[i] in ";:"])
        cut_e = min([e] + [i for i in range(end, e) if text[i] in ";:"])
        while cut_s < start and text[cut_s].isspace():
            cut_s += 1
        return cut_s, max(end, cut_e)

    found: list[Marker] = []
    for tech in techniques:
        for cue in lex.cues_of(tech):
            for m in cue.regex.finditer(text):
                if m.end() <= m.start():
                    continue
                s, e = clause(m.start(), m.end()) if tech in CLAUSE_SCOPE else m.span()
                found.append(Marker(tech, s, e, text[s:e], m.group(), sentence_of(s)))
    if "Whataboutism" in techniques:
        found += _whatabout(text, sents)
    found.sort(key=lambda m: (m.start, -(m.end - m.start)))
    kept: list[Marker] = []
    for m in found:
        if any(k.technique == m.technique and k.start <= m.start and m.end <= k.end
               for k in kept):
            continue
        kept.append(m)
    return kept

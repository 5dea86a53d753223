"""What looks like a figure but is not one: dates, years, clock times, phone numbers,
ordinals, ages, and numbers that name something ("Resolution 2231", "F-16", "S&P 500",
"iPhone 14", "page 4", "No. 5").

These are general patterns of written English, not lists of names: a number right after
a noun is an identifier (quantities come before what they count), a number joined to
letters by a hyphen is a model or code, a number inside a multi-word name is part of the
name, a four-digit number between 1000 and 2100 without unit is a year.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from spacy.tokens import Doc

if TYPE_CHECKING:
    from .find import Quantity

_MONTHS = ("January|February|March|April|May|June|July|August|September|October|November|"
           "December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec")
NAME_LABELS = {"ORG", "PRODUCT", "WORK_OF_ART", "LAW", "EVENT", "FAC", "PERSON", "GPE", "LOC"}


@lru_cache(maxsize=1)
def _masks() -> list[re.Pattern]:
    mon = rf"(?:{_MONTHS})\.?"
    day = r"\d{1,2}(?:st|nd|rd|th)?"
    return [
        # clock times: 10.45pm, 5 a.m., 17:22
        re.compile(r"\b\d{1,2}(?:[:.]\d{2})?\s*(?i:a\.m\.|p\.m\.|am|pm)(?![A-Za-z])"),
        re.compile(r"\b\d{1,2}:\d{2}(?::\d{2})?\b"),
        # numeric dates and fiscal years: 2024-03-07, 7/3/2024, 7.3.2024, 2023/24
        re.compile(r"\b\d{4}-\d{1,2}-\d{1,2}\b"),
        re.compile(r"\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b"),
        re.compile(r"\b(?:1[89]|20)\d{2}/\d{2}\b"),
        re.compile(r"\b(?:1[89]|20)\d{2}[-–](?:\d{2}|(?:1[89]|20)\d{2})\b"),
        # a day with its month: March 7, 7 March, the 7th of March, March 7-9
        re.compile(rf"\b{mon}\s+{day}(?:\s*[-–]\s*{day})?\b"),
        re.compile(rf"\b{day}(?:\s*[-–]\s*{day})?\s+(?:of\s+)?{mon}(?![A-Za-z])"),
        # numbers that are labels: No. 5, #3, § 12
        re.compile(r"(?:\bNo\.?|\bno\.|\bNos\.|#|§)\s*\d+"),
        # phone numbers: +7 495 123-45-67, (202) 555-0143
        re.compile(r"(?:\+\d{1,3}[\s.-]?\(?\d{1,4}\)?|\(\d{2,4}\))(?:[\s.-]?\d{2,4}){2,4}\b"),
        re.compile(r"\b\d{3}[.-]\d{3}[.-]\d{4}\b"),
    ]


def masked_ranges(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Character ranges of the sentence where no figure starts."""
    out = []
    for pat in _masks():
        out += [(m.start(), m.end()) for m in pat.finditer(text, start, end)]
    return out


def not_a_figure(doc: Doc, q: "Quantity", m: re.Match) -> bool:
    """True when the number names or dates something instead of counting it."""
    text = doc.text
    before = text[max(0, q.start - 3):q.start]
    words = m.group("words")
    if words and q.value == 1 and q.factor == 1 and q.kind not in ("money", "percent") and \
            not re.match(r"\s*(?:to|-|–|or)\s*(?:\d|two|three|four|five|six|seven|eight|nine"
                         r"|ten)\b", text[m.end():m.end() + 12], re.I):
        return True  # "one of the", "one soldier": not a figure ("one to two years" is)
    # letters joined by a hyphen or directly: F-16, Su-35, COVID-19, MH17
    if re.search(r"[A-Za-z][-−]?$", before) and not (m.group("pre") or m.group("letters")):
        return True
    # an ordinal or decade in words that the regex cut: "22nd" is dropped in find
    # a hyphenated modifier: "a two-year programme", "44-year-old"
    if re.match(r"-[A-Za-z]", text[q.end:q.end + 2]) and not \
            re.match(r"-(?:plus|fold)\b", text[q.end:q.end + 6], re.I):
        return True
    span = doc.char_span(q.start, q.end, alignment_mode="expand")
    if span is None:
        return False
    first = span[0]
    prev = doc[first.i - 1] if first.i > 0 else None
    # an identifier after a noun: "Resolution 2231", "page 4", "S&P 500", "iPhone 14"
    if prev is not None and prev.pos_ in ("NOUN", "PROPN") and q.kind == "number" and \
            prev.whitespace_ != "" and prev.sent == first.sent and q.noun is None:
        return True
    if prev is not None and prev.pos_ in ("NOUN", "PROPN") and q.kind in ("number", "count") \
            and prev.tag_ in ("NNP",) and not m.group("pre"):
        return True
    # a model name: a number before a singular proper noun ("787 Dreamliner")
    if q.noun is not None and q.noun.tag_ == "NNP" and q.value != 1:
        return True
    # part of a multi-word name ("Group of 20" is a name, "22 Vietnamese firms" is not)
    for ent in doc.ents:
        if ent.start_char <= q.start and q.end <= ent.end_char and ent.label_ in NAME_LABELS:
            if ent.start_char < q.start and any(t.pos_ == "PROPN" for t in ent
                                                if t.idx < q.start):
                return True
    # an age after a name: "Li, 71, said"
    if re.search(r",\s*$", text[max(0, q.start - 2):q.start]) and \
            re.match(r"\s*,", text[q.end:q.end + 2]) and q.bare and q.value < 120 and \
            prev is not None and prev.i > 0 and doc[prev.i - 1].ent_type_ == "PERSON":
        return True
    if re.match(r"\s*(?:years?\s+old|-year-old)\b", text[q.end:q.end + 12]) or \
            re.search(r"\baged\s*$", text[max(0, q.start - 6):q.start]):
        return True
    return False


def year_like(doc: Doc, q: "Quantity") -> bool:
    """A four-digit number between 1000 and 2100 without unit, currency, scale or comma
    is a year ("in 2023", "the 1988 film"), unless it counts a plural noun outside a date
    ("1200 troops")."""
    if not q.bare or q.kind not in ("number", "count") or q.low is not None:
        return False
    if not (1000 <= q.value <= 2100 and q.value == int(q.value)):
        return False
    if q.noun is not None and q.noun.tag_ in ("NNS", "NNPS"):
        span = doc.char_span(q.start, q.end, alignment_mode="expand")
        return span is not None and span[0].ent_type_ == "DATE"
    return True

"""Finding figures in a sentence: the number, its scale, its unit or currency, and the
words that are not figures at all.

``find_quantities(doc, sent)`` scans the sentence's text with regular expressions built
from the lexicons (a currency before the figure, the number in digits or words, a scale
word, then a unit, a percent sign, a currency name or a counted noun from the parse) and
drops what only looks like a figure (``claims/filters.py``). Ranges ("5 to 10 km",
"between 2 and 3 million") become one quantity whose value is the lower bound.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from spacy.tokens import Doc, Span, Token

from . import numbers
from .filters import masked_ranges, not_a_figure, year_like
from .lexicon import lexicon
from .units import per_at, unit_at

TIME_UNITS = {"second", "minute", "hour", "day", "week", "fortnight", "month", "quarter",
              "year", "decade", "century"}


@dataclass
class Quantity:
    """A figure in the text, before its context (qualifier, change, measure) is read."""

    start: int  # character offsets of the figure with its unit, without qualifiers
    end: int
    value: float
    unit: Optional[str] = None
    kind: str = "number"  # money, percent, multiple, count, duration, measure, number
    unit_text: Optional[str] = None
    low: Optional[float] = None
    high: Optional[float] = None
    per: Optional[str] = None
    scaled: bool = False  # a scale word or a vague plural made the value
    bare: bool = True  # digits only: no currency, unit, scale, comma or decimals
    factor: float = 1.0  # the scale word's multiplier ("million" = 1e6)
    noun: Optional[Token] = None  # the counted noun ("22 exporters")
    tail: Optional[int] = None  # end of a rate's denominator ("per square metre")
    qualifier: Optional[str] = None
    qualifier_start: Optional[int] = None
    qualifier_end: Optional[int] = None


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    lex = lexicon()
    pre = "|".join(re.escape(s) for s in sorted(lex.symbols, key=len, reverse=True))
    codes = "|".join(sorted(lex.codes, key=len, reverse=True))
    scale = "|".join(sorted(lex.scales, key=len, reverse=True))
    letters = "|".join(sorted(lex.letters, key=len, reverse=True))
    number = re.compile(
        rf"(?<![A-Za-z0-9_.,$€£¥₹₽])(?:(?P<pre>{pre}|\b(?:{codes})(?=[ \t]?\d))[ \t]?"
        rf"|(?P<letters>\b(?:{letters}))(?=[-−]?\d))?"
        rf"(?P<neg>(?<!\d[ \t])[-−](?=\.?\d)|\b(?i:minus)[ \t]+)?"
        rf"(?:(?P<num>{numbers.DIGITS})|(?P<words>(?i:{numbers.VAGUE_RE}|{numbers.WORDS})))"
        rf"(?:(?P<sep>[ \t]?-?[ \t]?)(?P<scale>(?i:{scale}))(?![A-Za-z0-9]))?", re.UNICODE)
    names = "|".join(re.escape(n).replace(r"\ ", r"\s+")
                     for n in sorted(lex.names, key=len, reverse=True))
    currency = re.compile(rf"[ \t]*(?:(?i:of)\s+)?(?:(?P<name>(?i:{names}))(?:e?s)?|"
                          rf"(?P<code>\b(?:{codes})\b))(?![A-Za-z])")
    fraction = re.compile(rf"\b(?i:{numbers.FRACTION})")
    return number, currency, fraction


def _phrase_head(noun: Token, first: Token) -> Token:
    """The noun a figure counts when the parser gave a modifier of it: up a compound chain
    ("63000 Model 3 sedans" -> sedans), except a singular noun modifying a singular one
    right after the figure ("a 3 cylinder engine" counts cylinders)."""
    if first.pos_ == "NOUN" and first.tag_ == "NN" and first.dep_ == "compound" and \
            first.head.tag_ in ("NN", "NNP") and first.i < noun.i + 1:
        return first
    for _ in range(4):
        if noun.dep_ == "compound" and noun.head.pos_ in ("NOUN", "PROPN") and \
                noun.head.i > noun.i:
            noun = noun.head
        else:
            break
    return noun


def _counted_noun(doc: Doc, start: int, end: int, via_of: bool) -> Optional[Token]:
    """The noun a figure counts: its head to the right ("22 Vietnamese exporters"), or the
    object of "of" after a vague plural ("thousands of troops")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or span.end >= len(doc):
        return None
    last = span[-1]
    nxt = doc[span.end]
    if via_of and nxt.lower_ == "of":
        obj = next((c for c in nxt.children if c.dep_ == "pobj"), None)
        if obj is None:
            obj = next((t for t in doc[nxt.i + 1:nxt.i + 5] if t.pos_ in ("NOUN", "PROPN")
                        and t.dep_ != "compound"), None)
        return obj if obj is not None and obj.pos_ in ("NOUN", "PROPN") else None
    head = last.head
    if head.i > last.i and head.i - last.i <= 5 and head.pos_ in ("NOUN", "PROPN") and \
            last.dep_ in ("nummod", "compound", "amod", "quantmod", "nmod", "npadvmod"):
        return _phrase_head(head, nxt)
    # the parser missed the link: an adjective or compound run, then its head noun
    for t in doc[span.end:min(span.end + 4, len(doc))]:
        if t.sent != last.sent or t.is_punct:
            return None
        if t.pos_ in ("NOUN", "PROPN") and t.dep_ != "compound":
            return t
        if t.pos_ not in ("ADJ", "NOUN", "PROPN") and t.tag_ not in ("VBN", "VBG"):
            return None
    return None


def _read(doc: Doc, m: re.Match) -> Quantity | None:
    """One regular-expression match -> a Quantity with value, unit and kind."""
    text = doc.text
    lex = lexicon()
    pre = m.group("pre") or m.group("letters")
    currency = None
    if pre:
        currency = lex.symbols.get(pre) or lex.codes.get(pre) or lex.letters.get(pre)
    words = m.group("words")
    low = high = None
    if words:
        rng = numbers.vague_range(words)
        if rng:
            value, (low, high) = rng[0], rng
        else:
            value = numbers.words_value(words)
            if value is None:
                return None
        bare = False
    else:
        value = numbers.digits_value(m.group("num"))
        bare = re.fullmatch(r"\d+", m.group("num")) is not None
    num_end = m.end("words") if words else m.end("num")
    scaled = bool(words and (low is not None or value >= 100))
    end = num_end
    scale_word = m.group("scale")
    scale = lex.scales.get(scale_word.lower()) if scale_word else None
    if scale and scale.attached and m.group("sep"):
        scale = None
    _, cur_re, _ = _patterns()
    after_scale = m.end() if scale else num_end
    cm = cur_re.match(text, after_scale)
    if cm and " of" in cm.group(0).lower()[:6] and not (scale or low is not None):
        cm = None  # "of dollars" only after a scale word or a vague plural
    suffix_currency = None
    if cm and cm.group("name"):
        suffix_currency = lex.names.get(re.sub(r"\s+", " ", cm.group("name").lower()))
    elif cm and cm.group("code"):
        suffix_currency = lex.codes.get(cm.group("code"))
    if scale and scale.money_only and not (currency or suffix_currency):
        scale = None
        cm = cur_re.match(text, num_end)
        suffix_currency = None
    if scale:
        value *= scale.factor
        factor = scale.factor
        if low is not None:
            low, high = low * scale.factor, high * scale.factor
        end, scaled, bare = m.end(), True, False
    if m.group("neg"):
        value, bare = -value, False
    unc = re.match(r"[ \t]*(?:±|\+/-|\+-)[ \t]*(?:\d+(?:\.\d+)?(?:[eE][-+−]?\d+)?)", text[end:])
    if unc and not scale:
        end += unc.end()  # "2,000.45±0.01 pounds": the uncertainty is not a figure
    q = Quantity(m.start(), end, value, low=low, high=high, scaled=scaled, bare=bare,
                 factor=factor if scale else 1.0)
    after = _symbol_after(text, end) if not (currency or suffix_currency) else None
    if after:
        q.kind, q.unit, q.bare, q.end, q.unit_text = "money", after[0], False, after[1], \
            text[end:after[1]].strip()
    elif currency or suffix_currency:
        q.kind, q.unit, q.bare = "money", currency or suffix_currency, False
        if suffix_currency and not currency:
            q.end, q.unit_text = cm.end(), cm.group(0).strip()
        else:
            q.unit_text = pre
    else:
        pounds = re.match(r"[ \t]*(?:of\s+)?(pounds?)(\s+sterling)?\b", text[end:], re.I)
        unit = unit_at(text, end)
        if pounds:
            q.end = end + pounds.end()
            money = bool(pounds.group(2) or q.scaled)
            q.kind, q.unit = ("money", "GBP") if money else ("measure", "pound-mass")
            q.unit_text, q.bare = pounds.group(0).strip(), False
        elif unit:
            u, _, uend = unit
            q.kind, q.unit, q.unit_text, q.end, q.bare = u.kind, u.unit, text[unit[1]:uend], \
                uend, False
        elif words and re.match(r"fold\b", text[end:], re.I):  # "threefold"
            q.kind, q.unit, q.unit_text, q.end = "multiple", "times", "fold", end + 4
        elif text[end:end + 1].isalpha():
            return None  # "5G", "22nd", "1990s", "95MS": not a figure
        else:
            noun = _counted_noun(doc, m.start(), end, via_of=low is not None)
            if noun is not None:
                q.noun, q.kind = noun, "count"
                q.unit = noun.lemma_.lower() if noun.pos_ == "NOUN" else noun.text.lower()
                if q.unit in TIME_UNITS:
                    q.kind = "duration"
    if q.kind in ("money", "count", "measure", "duration", "multiple"):
        per = per_at(text, q.end)
        if per and per[0] != q.unit:
            q.per, q.tail = per[0], per[1]
    if m.group("num") and numbers.is_slash_fraction(m.group("num")) and \
            q.kind not in ("measure", "duration", "money", "percent"):
        if not re.match(r"[ \t]+of\b", text[end:]):
            return None  # "24/7", "9/11": no figure
        q.kind, q.unit, q.unit_text, q.value = "percent", "percent", m.group("num"), \
            round(value * 100, 2)  # "1/3 of the budget", as "a third of"
        q.noun = None
    return q


def _symbol_after(text: str, pos: int) -> tuple[str, int] | None:
    """A currency written after the figure: a symbol without letters ("15€", "15 €") or
    letters directly after the digits ("164p"): (code, end)."""
    lex = lexicon()
    m = re.match(r"[ \t]?([^\w\s])", text[pos:])
    if m and m.group(1) in lex.symbols:
        return lex.symbols[m.group(1)], pos + m.end()
    m = re.match(r"([A-Za-z]+)(?![A-Za-z0-9]|\.[A-Za-z])", text[pos:])
    if m and m.group(1) in lex.suffixes:
        return lex.suffixes[m.group(1)], pos + m.end()
    return None


def _fractions(doc: Doc, sent: Span) -> list[Quantity]:
    out = []
    _, _, frac = _patterns()
    for m in frac.finditer(doc.text, sent.start_char, sent.end_char):
        value = numbers.fraction_percent(m.group(0))
        if value is not None:
            out.append(Quantity(m.start(), m.end(), value, "percent", "percent",
                                m.group(0), bare=False))
    return out


def find_quantities(doc: Doc, sent: Span) -> list[Quantity]:
    """Every figure of one sentence, in text order, ranges merged."""
    number, _, _ = _patterns()
    masks = masked_ranges(doc.text, sent.start_char, sent.end_char)
    found: list[Quantity] = []
    fractions = _fractions(doc, sent)
    for m in number.finditer(doc.text, sent.start_char, sent.end_char):
        if any(a <= m.start() < b for a, b in masks) or any(
                f.start <= m.start() < f.end for f in fractions) or \
                (found and m.start() < max(found[-1].end, found[-1].tail or 0)):
            continue  # a date, a fraction, or the "3" of "km^3", "per m^2"
        q = _read(doc, m)
        if q is None or not_a_figure(doc, q, m):
            continue
        found.append(q)
    found += [f for f in fractions if not any(q.start <= f.start < q.end for q in found)]
    found.sort(key=lambda q: q.start)
    found = [q for q in found if not year_like(doc, q)]
    return merge_ranges(doc.text, found)


_RANGE_SEP = re.compile(r"\s*(?:-|–|—|to|and|or)\s*$", re.I)


def merge_ranges(text: str, qs: list[Quantity]) -> list[Quantity]:
    """"5 to 10 km", "5-10W", "between 2 and 3 million": one quantity, value = low. Not
    "from X to Y" (the two ends of a change, linked later)."""
    out: list[Quantity] = []
    i = 0
    while i < len(qs):
        a = qs[i]
        b = qs[i + 1] if i + 1 < len(qs) else None
        if b is not None and _RANGE_SEP.fullmatch(text[a.end:b.start] or "x"):
            sep = text[a.end:b.start].strip().lower()
            before = text[max(0, a.start - 12):a.start].lower()
            between = re.search(r"\bbetween\s*$", before)
            from_ = re.search(r"\bfrom\s*$", before)
            ok_sep = sep in ("-", "–", "—", "to") and not from_ or (sep == "and" and between)
            same = a.unit is None or a.unit == b.unit or a.kind == "number" or \
                (a.noun is not None and a.noun.idx >= b.start)  # "2 and 3 million dollars"
            if ok_sep and same and b.low is None and a.low is None and not a.qualifier:
                lo = a.value
                if b.factor > 1 and a.factor == 1 and a.value * b.factor <= b.value:
                    lo = a.value * b.factor  # "2 to 3 million"
                if lo <= b.value:
                    out.append(Quantity(a.start, b.end, lo, b.unit, b.kind, b.unit_text,
                                        lo, b.value, b.per or a.per, b.scaled, False,
                                        b.factor, b.noun or a.noun))
                    i += 2
                    continue
        if b is not None and a.kind in ("number", "count") and b.kind in (
                "percent", "measure", "duration") and re.fullmatch(
                r"\s*(?:,|or|and|,\s*and|,\s*or)\s*", text[a.end:b.start], re.I) and \
                (a.noun is None or a.noun.idx >= b.start):
            # "45 and 50 mg", "2 or 3 percent": the first figure shares the unit
            a.kind, a.unit, a.unit_text, a.per, a.noun = b.kind, b.unit, b.unit_text, \
                b.per, None
        out.append(a)
        i += 1
    return out

"""Reading a unit of measurement written after a figure: a row of ``claims/data/units.tsv``
(or its SI-prefixed form), a square or cube of a length ("sq mi", "km2", "m³", "cubic
metres", "km squared") and a rate ("per gram", "/kg", "l/km", "J/m^2 per year", "a day").
"""

from __future__ import annotations

import re

from .lexicon import Unit, lexicon, unit_named

_POWER_BEFORE = re.compile(r"(?P<w>square|sq\.?|cubic|cu\.?)[ \t]+", re.I)
_POWER_AFTER = re.compile(r"(?:\^?(?P<n>[23])|(?P<s>[²³])|[ \t]+(?P<w>squared|cubed))"
                          r"(?![A-Za-z0-9])")
_POWER_NAMES = {"2": "square", "3": "cubic", "²": "square", "³": "cubic",
                "squared": "square", "cubed": "cubic", "square": "square", "sq": "square",
                "sq.": "square", "cubic": "cubic", "cu": "cubic", "cu.": "cubic"}
_PER_WORDS = {"per annum": "year", "per capita": "person", "per head": "person"}
_TIMES = r"second|minute|hour|day|week|month|year"


def _plain_unit(text: str, j: int, gap: int) -> tuple[Unit, int] | None:
    """The longest units.tsv surface written at ``j`` (``gap`` spaces after the figure)."""
    for u in lexicon().units:
        s = u.surface
        seg = text[j:j + len(s)]
        if not ((seg == s) if u.exact_case else (seg.lower() == s.lower())):
            continue
        after = text[j + len(s):j + len(s) + 1]
        if s[-1].isalnum() and (after.isalnum() and not (after in "23²³" and u.kind ==
                                                              "measure")
                                or after == "-" and s[-1].isalpha()
                                and text[j + len(s) + 1:j + len(s) + 2].isalpha()):
            continue
        if gap and u.attached == "only":
            continue
        if u.surface[0].isalpha() and u.attached in ("yes", "only") and gap == 0 and \
                j > 0 and text[j - 1].isalpha():
            continue
        return u, j + len(s)
    return None


def unit_at(text: str, pos: int) -> tuple[Unit, int, int] | None:
    """The unit written at ``pos`` (after optional spaces): (unit, start, end). A length
    raised to a power is a unit of its own ("square kilometre", "cubic metre")."""
    gap = len(text[pos:]) - len(text[pos:].lstrip(" \t"))
    j = pos + gap
    before = _POWER_BEFORE.match(text, j)
    if before:
        got = _plain_unit(text, before.end(), 1)
        if got and got[0].kind == "measure" and _is_length(got[0]):
            name = _POWER_NAMES[before.group("w").lower()]
            u = got[0]
            return Unit(u.surface, f"{name} {u.unit}", u.kind, u.attached, u.exact_case), \
                j, got[1]
    got = _plain_unit(text, j, gap)
    if got is None and gap:  # "30 m³": a symbol written only attached, raised to a power
        got = _plain_unit(text, j, 0)
        if got is None or not _is_length(got[0]) or not _POWER_AFTER.match(text, got[1]):
            return None
    if got is None:
        return None
    u, end = got
    after = _POWER_AFTER.match(text, end)
    if after and _is_length(u) and not u.unit.startswith(("square ", "cubic ")):
        name = _POWER_NAMES[(after.group("n") or after.group("s") or
                             after.group("w")).lower()]
        return Unit(u.surface, f"{name} {u.unit}", u.kind, u.attached, u.exact_case), j, \
            after.end()
    if re.match(r"[23]", text[end:end + 1]):
        return None  # "4 m3x" or a code: not a unit
    return u, j, end


def _is_length(u: Unit) -> bool:
    return u.unit.endswith(("metre", "mile", "foot", "yard", "inch")) and " per " not in u.unit


def per_at(text: str, pos: int) -> tuple[str, int] | None:
    """"per gram", "/kg", "a year", "per square metre per year" after a figure and its
    unit: (normal name of the denominator(s), end)."""
    names: list[str] = []
    end = pos
    for _ in range(3):
        got = _one_per(text, end)
        if got is None:
            break
        names.append(got[0])
        end = got[1]
    return (" per ".join(names), end) if names else None


def _one_per(text: str, pos: int) -> tuple[str, int] | None:
    m = re.match(rf"[ \t]*(?:(?P<w>per[ \t]+(?:annum|capita|head))\b"
                 rf"|(?P<p>per|/)[ \t]*"
                 rf"|(?:a|an|each)[ \t]+(?P<t>{_TIMES})\b"
                 r"(?![ \t]+(?:earlier|ago|later|before|after|on|from)\b))", text[pos:], re.I)
    if not m:
        return None
    if m.group("w"):
        return _PER_WORDS[re.sub(r"\s+", " ", m.group("w").lower())], pos + m.end()
    if m.group("t"):
        return m.group("t").lower(), pos + m.end()
    start = pos + m.end()
    got = unit_at(text, start)
    if got is not None and got[1] == start:
        return got[0].unit, got[2]
    w = re.match(r"[A-Za-z]+(?:[ \t](?:foot|feet|metre|meter|mile|kilometre|kilometer)s?"
                 r"(?![A-Za-z]))?", text[start:])
    if not w:
        return None
    word = w.group(0)
    unit = unit_named(word)
    name = unit.unit if unit else re.sub(r"(?<=[a-z])s$", "", word.lower())
    return name, start + w.end()

"""Numbers as written in news: digits ("1,200", "12.75", ".5", "2½", "1/4", "2 1/2",
"4e14", "2.48×10^-5"), spelled-out numbers ("three", "twenty-five", "a hundred and two",
"a dozen", "two and a half"), vague plurals ("dozens", "tens of thousands") and fractions
("a quarter of", "two-thirds of").

Conventions (docs/RECORDS.md):

- a vague plural is a range of one order of magnitude, its value the lower bound:
  "thousands" = 1,000 to 10,000 (value 1000), "tens of thousands" = 10,000 to 100,000,
  "hundreds of millions" = 1e8 to 1e9, "dozens" = 24 to 100 (at least two dozen);
- a fraction of something is a percentage: "a quarter of" = 25 percent, "two-thirds of"
  = 66.67 percent, "half of" = 50 percent; so is a fraction as the amount of a change
  ("rose by a quarter");
- "a"/"an"/"one" alone is not a figure ("one of the officials", "a soldier"); it counts
  with a scale word ("one million", "a dozen") or a currency or percent sign.
"""

from __future__ import annotations

import re
import unicodedata

_UNITS = ("zero one two three four five six seven eight nine ten eleven twelve thirteen "
          "fourteen fifteen sixteen seventeen eighteen nineteen").split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
WORD_VALUES: dict[str, float] = {w: float(i) for i, w in enumerate(_UNITS)}
WORD_VALUES.update({w: float(20 + 10 * i) for i, w in enumerate(_TENS)})
BIG = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}

VAGUE: dict[str, tuple[float, float]] = {
    "dozens": (24.0, 100.0), "scores": (40.0, 100.0), "hundreds": (1e2, 1e3),
    "thousands": (1e3, 1e4), "millions": (1e6, 1e7), "billions": (1e9, 1e10)}
for _low, _lf in (("tens", 10.0), ("hundreds", 100.0)):
    for _big, _bf in (("thousands", 1e3), ("millions", 1e6), ("billions", 1e9)):
        VAGUE[f"{_low} of {_big}"] = (_lf * _bf, _lf * _bf * 10)

_DENOMINATORS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4,
                 "quarters": 4, "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6,
                 "eighth": 8, "eighths": 8, "tenth": 10, "tenths": 10}

# regular expressions the finder combines (words are matched case-insensitively there)
VULGAR = "½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞"
_PLAIN = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
SCIENTIFIC = r"\d+(?:\.\d+)?(?:[eE][-+−]?\d+|[ \t]?[×x][ \t]?10(?:\^[-−]?\d+|[-−]\d+))(?!\d)"
SLASH = r"(?:\d{1,2}[ \t])?\d{1,3}/[1-9]\d{0,2}(?![\d/])"
DIGITS = (rf"{SCIENTIFIC}|{SLASH}|(?:{_PLAIN})?[{VULGAR}]|(?:\d{{1,3}}(?:[\u00a0\u2009\u202f]\d{{3}})+"
          rf"(?![\d,])(?:\.\d+)?)|{_PLAIN}|\.\d+")
_W = "|".join(sorted(list(WORD_VALUES) + ["hundred"] + list(BIG), key=len, reverse=True))
_FIRST = "|".join(sorted(list(WORD_VALUES), key=len, reverse=True))
_MORE = rf"(?:(?:\s+and\s+|\s+|-)(?:{_W})\b)*"
_HALF = r"(?:\s+and\s+a\s+(?:half|quarter)\b(?:\s+(?:million|billion|trillion)\b)?)?"
WORDS = (rf"(?:(?:a|an)\s+(?:dozen|hundred|thousand|million|billion|trillion)\b{_MORE}"
         rf"|half\s+a\s+(?:dozen|million|billion|trillion)\b"
         rf"|(?:{_FIRST})(?=fold\b)"
         rf"|(?:{_FIRST})\b{_MORE}{_HALF}(?:\s+dozen\b)?)")
VAGUE_RE = "|".join(sorted((re.escape(k).replace(r"\ ", r"\s+") for k in VAGUE),
                           key=len, reverse=True))
_FRACTION_WORDS = (r"(?:(?:a|one)[\s-](?:half|third|quarter|fifth|sixth|eighth|tenth)"
                   r"|(?:two|three|four|five|seven|nine)[\s-]"
                   r"(?:thirds|quarters|fifths|sixths|eighths|tenths)|half)")
# a fraction of something ("a quarter of imports", "half the budget"), or the amount of a
# change ("rose by a quarter")
FRACTION = (rf"(?:{_FRACTION_WORDS}(?=\s+(?:of|the)\b)|(?<=\bby\s){_FRACTION_WORDS}"
            r"(?![\s-]+(?:of|a|an|the|hour|mile|century|dozen)\b))")


def digits_value(text: str) -> float:
    """"1,200" -> 1200, "2½" -> 2.5, "2 1/2" -> 2.5, "4e14", "2.48×10^-5", "1 000"."""
    text = re.sub(r"[,\u00a0\u2009\u202f]", "", text).replace("−", "-")
    m = re.fullmatch(r"([\d.]+)\s?[×x]\s?10\^?(-?\d+)", text)
    if m:
        return float(m.group(1)) * 10 ** int(m.group(2))
    if text and text[-1] in VULGAR:
        return float(text[:-1] or 0) + unicodedata.numeric(text[-1])
    m = re.fullmatch(r"(?:(\d+)\s)?(\d+)/(\d+)", text)
    if m:
        return float(m.group(1) or 0) + int(m.group(2)) / int(m.group(3))
    return float(text)


def is_slash_fraction(text: str) -> bool:
    return "/" in text or text[-1:] in VULGAR


def words_value(text: str) -> float | None:
    """"twenty-five" -> 25, "one hundred and two" -> 102, "a dozen" -> 12, "two million"
    -> 2e6, "half a million" -> 5e5; None when the words are not a number."""
    words = [w for w in re.split(r"[\s-]+", text.lower()) if w and w != "and"]
    if not words:
        return None
    half = words[0] == "half"
    if half:
        words = words[1:]
    total = current = 0.0
    seen = False
    for i, w in enumerate(words):
        if w in ("half", "quarter") and i > 1 and words[i - 1] == "a":
            current += 0.5 if w == "half" else 0.25  # "two and a half"
        elif w in ("a", "an") and i > 0 and words[i + 1:i + 2] in (["half"], ["quarter"]):
            continue
        elif w in ("a", "an"):
            current = max(current, 1.0)
        elif w in WORD_VALUES:
            current += WORD_VALUES[w]
        elif w == "hundred":
            current = max(current, 1.0) * 100
        elif w == "dozen":
            current = max(current, 1.0) * 12
        elif w in BIG:
            total += max(current, 1.0) * BIG[w]
            current = 0.0
        else:
            return None
        seen = True
    if not seen:
        return None
    value = total + current
    return value / 2 if half else value


def vague_range(text: str) -> tuple[float, float] | None:
    return VAGUE.get(re.sub(r"\s+", " ", text.lower()))


def fraction_percent(text: str) -> float | None:
    """"a quarter" -> 25.0, "two-thirds" -> 66.67, "half" -> 50.0, "1/3" -> 33.33
    (percent)."""
    if re.fullmatch(SLASH, text):
        return round(100.0 * digits_value(text), 2)
    words = re.split(r"[\s-]+", text.lower())
    if words == ["half"]:
        return 50.0
    if len(words) != 2 or words[1] not in _DENOMINATORS:
        return None
    top = 1.0 if words[0] in ("a", "one") else WORD_VALUES.get(words[0])
    if top is None:
        return None
    return round(100.0 * top / _DENOMINATORS[words[1]], 2)


def number_value(text: str) -> float | None:
    """The value of a number as written (digits or words), without scale or unit."""
    text = text.strip()
    if re.fullmatch(DIGITS, text):
        return digits_value(text)
    return words_value(text)

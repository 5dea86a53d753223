"""Event dates: resolve a date phrase against the article's publication date.

``resolve_date(phrase, published)`` turns the text of a DATE entity or a phrase such as
"on March 7", "last week", "the fourth quarter" or "two years ago" into
``(value, precision)``, or None when the phrase names no date it can place:

=========  ============  ======================================================
precision  value         meaning
=========  ============  ======================================================
day        2023-03-07    that calendar day
week       2023-03-06    the week, Monday to Sunday, that starts on that Monday
month      2023-03       that calendar month
quarter    2023-Q4       Q1 = January-March ... Q4 = October-December
half       2022-H1       H1 = January-June, H2 = July-December
year       2023          that calendar year
decade     1990s         the years 1990-1999 ("the '80s" is 1980s, "'00s"/"'10s" 2000s/2010s)
=========  ============  ======================================================

Conventions:

- ``published`` is "YYYY-MM-DD", possibly followed by a time, which is ignored. Relative
  phrases ("yesterday", "last month", "on Tuesday", "March 7") give None without it.
- Year guess: a day, month, quarter or half without a year ("on March 7", "February",
  "the fourth quarter") takes the latest of the publication year +1, 0 and -1 that puts
  its start at most GUESS_DAYS (62) days after publication. Published 2024-01-10,
  "December 28" is 2023-12-28 and "March 7" 2024-03-07; published 2023-12-20, "January 5"
  is 2024-01-05. A February 29 that falls in none of those years gives None.
- "last <Month>" is the latest such month before the publication month, "next <Month>" the
  first after it, "this <Month>" the one in the publication year.
- A weekday ("on Tuesday", "last Tuesday") is the latest one strictly before publication,
  or with "next"/"coming" the first one strictly after.
- "last/this/next week|month|quarter|year|decade" are calendar periods around publication;
  "N days/weeks/months/years ago" and "in N ..." count from it at the unit's precision.
- Vague parts keep the period's precision: "early 2022", "mid-2020", "late March 2023",
  "earlier this year", "the end of the month", "the summer of 2021".
- Ranges give their start ("between 1992 and 2005", "since 2014", "March 7-9, 2023"); a
  start without a year borrows the end's ("from May 3 to June 1, 2022").
- None for durations ("for three years", "the past decade", "the last year", "decades"),
  ages ("50 years old"), bounds ("before 2020", "by March"), seasons without a year
  ("last summer"), vague counts ("a few years ago", "in the coming weeks"), numeric dates
  other than ISO ("3/7/2023"), centuries, fiscal years and anything else unrecognised.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

_MONTH_NAMES = ("jan january", "feb february", "mar march", "apr april", "may", "jun june",
                "jul july", "aug august", "sep sept september", "oct october",
                "nov november", "dec december")
MONTHS = {n: i for i, names in enumerate(_MONTH_NAMES, 1) for n in names.split()}
WEEKDAYS = {n: i for i, n in enumerate(
    "monday tuesday wednesday thursday friday saturday sunday".split())}
_WORDS = ("one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
          "fifteen sixteen seventeen eighteen nineteen twenty").split()
NUMBERS = {"a": 1, "an": 1, "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100,
           **{w: i for i, w in enumerate(_WORDS, 1)}}
GUESS_DAYS = 62  # how far after publication a date without a year may lie
_STEP = {"last": -1, "previous": -1, "this": 0, "current": 0, "next": 1, "coming": 1}
_REL_DAYS = {"today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0,
             "this evening": 0, "yesterday": -1, "last night": -1, "tomorrow": 1,
             "the day before yesterday": -2, "the day after tomorrow": 2}

_Y = r"(?:1\d|20|21)\d\d"
_MON = r"(?P<mon>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\b\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?:\s*-\s*[0-3]?\d(?:st|nd|rd|th)?)?(?!\d)"
_YEAR = rf"(?P<year>{_Y})"
_NUM = r"(?P<n>\d+|" + "|".join(NUMBERS) + r")"
_UNIT1 = r"(?P<unit>day|week|month|quarter|year|decade)"
_UNIT = _UNIT1 + "s?"
_YREF = rf"(?P<year>{_Y}|(?:this|last|next|the) year)"
_ORD = r"(?P<ord>first|second|third|fourth|final|last|1st|2nd|3rd|4th)"
_ORDINAL = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4,
            "4th": 4, "final": 4, "last": 4}

_FULL_DAY = [re.compile(rf"\b{_YEAR}-(?P<mon>[01]?\d)-(?P<day>[0-3]?\d)(?!\d)"),
             re.compile(rf"\b(?:the\s+)?{_DAY}\s+(?:of\s+)?{_MON},?\s+{_YEAR}\b"),
             re.compile(rf"\b{_MON}\s+(?:the\s+)?{_DAY},?\s+{_YEAR}\b")]
_PART_DAY = [re.compile(rf"\b(?:the\s+)?{_DAY}\s+(?:of\s+)?{_MON}"),
             re.compile(rf"\b{_MON}\s+(?:the\s+)?{_DAY}")]
_MONTH_YEAR = [re.compile(rf"{_MON},?\s+(?:of\s+)?{_YEAR}"),
               re.compile(rf"{_YEAR}-(?P<mon>[01]\d)")]
_QUARTER = [re.compile(rf"(?:the\s+)?{_ORD}\s+(?:fiscal\s+)?quarter(?:\s+of)?(?:\s+{_YREF})?"),
            re.compile(rf"(?:the\s+)?q(?P<ord>[1-4])(?:\s*(?:of\s+)?{_YREF})?"),
            re.compile(rf"{_YEAR}\s*-?\s*q(?P<ord>[1-4])")]
_HALF = [re.compile(rf"(?:the\s+)?(?P<ord>first|second|1st|2nd)\s+half(?:\s+of)?(?:\s+{_YREF})?"),
         re.compile(rf"h(?P<ord>[12])(?:\s*{_YREF})?"),
         re.compile(rf"{_YEAR}\s*-?\s*h(?P<ord>[12])")]
_DECADE = re.compile(r"(?:the\s+)?(?P<dec>(?:1\d|20|21)\d0)'?s|(?:the\s+)?'?(?P<two>\d)0s")
_YEAR_ONLY = re.compile(rf"(?:the\s+)?(?:(?:calendar\s+)?year\s+)?{_YEAR}")
_IN = [re.compile(rf"in\s+{_NUM}\s+{_UNIT}(?:'s?\s+time)?"),
       re.compile(rf"{_NUM}\s+{_UNIT}\s+from\s+now")]
_AGO = re.compile(rf"{_NUM}\s+{_UNIT}\s+ago")
_REL_UNIT = re.compile(r"(?P<rel>last|previous|this|current|next|coming)\s+" + _UNIT1)
_REL_MONTH = re.compile(rf"(?:(?P<rel>last|this|next|coming)\s+)?{_MON}")
_REL_WD = re.compile(r"(?:(?P<rel>last|this|next|coming)\s+)?(?P<wd>" + "|".join(WEEKDAYS) + ")")
_AGE = re.compile(r"\bold\b|-year-old|\baged?\b")
_BOUND = re.compile(r"^(?:before|after|until|till|by|up to|prior to|within|over|throughout"
                    r"|no later than|all)\b")
_LEAD = re.compile(r"^(?:on|in|at|during|since|from|between|for|of|as of|as early as|around"
                   r"|about|sometime in|some time in|some|roughly|nearly|almost|approximately"
                   r"|just|more than|less than|starting|beginning in|circa|c\.)\s+")
_MODIFIER = re.compile(r"^(?:the\s+)?(?:very\s+)?(?:early|earlier|late|later|mid|middle|end|start"
                       r"|beginning|close|spring|summer|autumn|fall|winter)\b(?:\s+of\b)?"
                       r"(?:\s+the\b)?\s*-?\s*")
_RANGE = re.compile(rf"\s+(?:and|to|until|till|through|or)\s+|(?<=\d)\s*-\s*(?={_Y}\b)")


def _date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _month(y: int, m: int) -> tuple[str, str]:
    k = y * 12 + m - 1
    return f"{k // 12:04d}-{k % 12 + 1:02d}", "month"


def _quarter(y: int, q: int) -> tuple[str, str]:
    k = y * 4 + q - 1
    return f"{k // 4:04d}-Q{k % 4 + 1}", "quarter"


def _shift(pub: dt.date, unit: str, n: int) -> tuple[str, str]:
    """The period ``n`` units away from the one the publication date is in."""
    if unit == "day":
        return (pub + dt.timedelta(days=n)).isoformat(), "day"
    if unit == "week":
        return (pub + dt.timedelta(days=7 * n - pub.weekday())).isoformat(), "week"
    if unit == "month":
        return _month(pub.year, pub.month + n)
    if unit == "quarter":
        return _quarter(pub.year, (pub.month - 1) // 3 + 1 + n)
    if unit == "year":
        return str(pub.year + n), "year"
    return f"{(pub.year + 10 * n) // 10 * 10}s", "decade"


def _guess(pub: dt.date | None, start: Callable[[int], dt.date | None]) -> int | None:
    """The latest year that puts ``start(year)`` at most GUESS_DAYS after publication."""
    if pub is None:
        return None
    limit = pub + dt.timedelta(days=GUESS_DAYS)
    for y in (pub.year + 1, pub.year, pub.year - 1):
        d = start(y)
        if d is not None and d <= limit:
            return y
    return None


def _year_ref(m: re.Match[str], pub: dt.date | None,
              start: Callable[[int], dt.date]) -> int | None:
    """The year of a quarter or half: written, relative ("last year") or guessed."""
    ref = m.group("year")
    if ref is None:
        return _guess(pub, start)
    if ref[0].isdigit():
        return int(ref)
    return None if pub is None else pub.year + _STEP.get(ref.split()[0], 0)


def _int(m: re.Match[str], group: str) -> int:
    v = m.group(group)
    return int(v) if v.isdigit() else {**MONTHS, **NUMBERS, **_ORDINAL}[v]


def _normalise(phrase: str) -> str:
    s = phrase.lower().replace("\u2019", "'").replace("\u2013", "-").replace("\u2014", "-")
    s = re.sub(r"'s?$", "", re.sub(r"\s+", " ", s).strip(" .,;:"))  # "last year's"
    s = re.sub(r"\b(?:this|the) coming\b", "next", re.sub(r"\bthis past\b", "last", s))
    s = re.sub(r"(?<!this)(?<!last) (?:morning|afternoon|evening|night)$", "", s)
    return re.sub(r",? at \d.*$", "", s)


def resolve_date(phrase: str, published: str | None) -> tuple[str, str] | None:
    """(value, precision) or None when the phrase names no resolvable date."""
    try:
        pub = dt.date.fromisoformat(published.strip()[:10]) if published else None
    except ValueError:
        pub = None
    s = _normalise(phrase)
    if not s or _AGE.search(s) or _BOUND.search(s):
        return None
    for rx in _IN:
        if m := rx.fullmatch(s):
            return None if pub is None else _shift(pub, m.group("unit"), _int(m, "n"))
    modified = False
    while True:  # leading prepositions and vague parts: "in early 2022", "since mid-2020"
        t = _LEAD.sub("", s, count=1)
        u = _MODIFIER.sub("", t, count=1)
        modified |= u != t
        if u == s:
            break
        s = u
    s, *end = _RANGE.split(s, maxsplit=1)
    if end and not re.search(r"\d{4}", s) and (y := re.search(rf"\b{_Y}\b", end[0])):
        s = f"{s} {y.group()}"  # "from May 3 to June 1, 2022"
    if modified and s in ("week", "month", "quarter", "year"):
        s = "this " + s  # "the end of the month"
    return _resolve(s, pub)


def _resolve(s: str, pub: dt.date | None) -> tuple[str, str] | None:
    for rx in _FULL_DAY:
        if m := rx.search(s):
            d = _date(int(m.group("year")), _int(m, "mon"), int(m.group("day")))
            return None if d is None else (d.isoformat(), "day")
    for rx in _PART_DAY:
        if m := rx.search(s):
            mon, day = _int(m, "mon"), int(m.group("day"))
            y = _guess(pub, lambda y: _date(y, mon, day))
            return None if y is None else (dt.date(y, mon, day).isoformat(), "day")
    for rx in _MONTH_YEAR:
        if m := rx.fullmatch(s):
            return _month(int(m.group("year")), _int(m, "mon"))
    for rx in _QUARTER:
        if m := rx.fullmatch(s):
            if m.group("ord") == "last" and m.group("year") is None:
                return None if pub is None else _shift(pub, "quarter", -1)  # "the last quarter"
            q = _int(m, "ord")
            y = _year_ref(m, pub, lambda y: dt.date(y, 3 * q - 2, 1))
            return None if y is None else _quarter(y, q)
    for rx in _HALF:
        if m := rx.fullmatch(s):
            h = _int(m, "ord")
            y = _year_ref(m, pub, lambda y: dt.date(y, 6 * h - 5, 1))
            return None if y is None else (f"{y:04d}-H{h}", "half")
    if m := _DECADE.fullmatch(s):  # "the '80s": 1980s, "the '00s" and "'10s": 2000s, 2010s
        two = m.group("two")
        return (m.group("dec") or f"{'20' if two in '01' else '19'}{two}0") + "s", "decade"
    if m := _YEAR_ONLY.fullmatch(s):
        return m.group("year"), "year"
    if m := _REL_MONTH.fullmatch(s):
        mon, rel = _int(m, "mon"), m.group("rel")
        if rel is None:
            y = _guess(pub, lambda y: dt.date(y, mon, 1))
            return None if y is None else _month(y, mon)
        if pub is None:
            return None
        step = _STEP[rel]  # last: before the publication month; next: after it
        return _month(pub.year + (step if (mon - pub.month) * step <= 0 else 0), mon)
    if pub is None:
        return None
    if s in _REL_DAYS:
        return _shift(pub, "day", _REL_DAYS[s])
    if m := _AGO.fullmatch(s):
        return _shift(pub, m.group("unit"), -_int(m, "n"))
    if m := _REL_UNIT.fullmatch(s):
        return _shift(pub, m.group("unit"), _STEP[m.group("rel")])
    if m := _REL_WD.fullmatch(s):
        wd = WEEKDAYS[m.group("wd")]
        if m.group("rel") in ("next", "coming"):
            return _shift(pub, "day", (wd - pub.weekday() - 1) % 7 + 1)
        return _shift(pub, "day", -((pub.weekday() - wd - 1) % 7 + 1))
    return None

"""Publication dates: parse a metadata value, and recognise a line that only states a date.

A *date line* is a short line whose words, once the date itself, times, weekdays, time
zones and publishing words ("Published", "Updated on", "Posted at") are taken away, leave at
most a byline ("By Jane Doe") behind. Examples: "Thursday, 19 October 2023, 21:36",
"Published: March 7, 2023 10:02 am EST", "Updated 2023-10-19T21:36:00Z",
"By Jane Doe | 12 Jan. 2024". A sentence that mentions a date is not a date line.
"""

from __future__ import annotations

import datetime as dt
import re

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MONTH = r"(?P<mon>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"

_PATTERNS = [
    re.compile(r"\b(?P<year>(?:19|20)\d\d)[-/.](?P<mon>[01]?\d)[-/.](?P<day>[0-3]?\d)(?!\d)"),
    re.compile(_DAY + r"\s+(?:of\s+)?" + _MONTH + r",?\s+" + _YEAR + r"\b", re.I),
    re.compile(r"\b" + _MONTH + r"\s+" + _DAY + r",?\s+" + _YEAR + r"\b", re.I),
]

_TIME = re.compile(r"\b\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:\s*[ap]\.?\s?m\.?)?|\b\d{1,2}\s*[ap]\.?m\.?",
                   re.I)
_ISO_REST = re.compile(r"T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?")
_WEEKDAY = re.compile(r"\b(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?\b",
                      re.I)
_ZONE = re.compile(r"\b(?:GMT|UTC|UT|[ECMP][SD]?T|BST|CET|CEST|EET|EEST|MSK|IST|JST|KST|HKT|SGT|"
                   r"AEST|AEDT|WIB|PKT)(?:\s*[+-]\s*\d{1,2}(?::?\d{2})?)?(?![A-Za-z])|"
                   r"(?<![\w:])[+-]\d{2}:?\d{2}\b")
_PUBLISH = re.compile(r"\b(?:first\s+)?(?:last\s+)?(?:published|updated|posted|modified|"
                      r"created|date|dated|on|at|am|pm)\b", re.I)
_BYLINE = re.compile(r"^by\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}", re.I)
_PUNCT = re.compile(r"[\s|,:;/()\[\]–—\-·•.]+")


def _build(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def find_date(text: str) -> tuple[dt.date, re.Match] | None:
    """The first calendar date written in ``text`` (day precision), with its match."""
    best: tuple[dt.date, re.Match] | None = None
    for pat in _PATTERNS:
        for m in pat.finditer(text):
            mon = m.group("mon")
            month = int(mon) if mon.isdigit() else MONTHS[mon.lower().rstrip(".")]
            d = _build(int(m.group("year")), month, int(m.group("day")))
            if d and (best is None or m.start() < best[1].start()):
                best = (d, m)
            if d:
                break
    return best


def date_line(line: str, max_words: int = 16) -> dt.date | None:
    """The date a line states, if the line does nothing but state a date (see module doc)."""
    if len(line) > 160 or len(line.split()) > max_words:
        return None
    found = find_date(line)
    if not found:
        return None
    date, m = found
    rest = line[:m.start()] + " " + line[m.end():]
    rest = _ISO_REST.sub(" ", rest)
    for pat in (_ZONE, _TIME, _WEEKDAY, _PUBLISH):  # zones first: "+05:30" is no time
        rest = pat.sub(" ", rest)
    rest = _PUNCT.sub(" ", rest).strip()
    rest = _BYLINE.sub("", rest).strip()
    return date if len(rest.split()) == 0 else None


def parse_date_value(value: object) -> str | None:
    """Normalise a metadata date (ISO, RFC 2822, '19 October 2023', epoch seconds) to YYYY-MM-DD."""
    if value is None or value == "":
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        try:
            return dt.datetime.fromtimestamp(float(value), tz=dt.timezone.utc).date().isoformat()
        except (OverflowError, OSError, ValueError):
            return None
    if isinstance(value, (dt.date, dt.datetime)):
        return (value.date() if isinstance(value, dt.datetime) else value).isoformat()
    text = str(value).strip()
    if re.fullmatch(r"\d{9,10}(\.\d+)?", text):  # epoch seconds written as a string
        return parse_date_value(float(text))
    found = find_date(text)
    if found:
        return found[0].isoformat()
    try:
        from email.utils import parsedate_to_datetime

        return parsedate_to_datetime(text).date().isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    try:
        from dateutil import parser as du

        # dateutil fills missing parts from a default date: parse against two different
        # defaults and accept only a date the text fixes completely.
        a = du.parse(text, fuzzy=False, default=dt.datetime(2000, 1, 1))
        b = du.parse(text, fuzzy=False, default=dt.datetime(2001, 2, 2))
        return a.date().isoformat() if a.date() == b.date() else None
    except (ValueError, OverflowError, TypeError):
        return None

"""Dates: ``find_date``, ``date_line`` and ``parse_date_value``."""

from __future__ import annotations

import datetime as dt

import pytest

from dyadwatch.ingest.dates import date_line, find_date, parse_date_value

D = dt.date

_ISO_T = ("no word boundary between the day and the 'T' of an ISO datetime, so the "
          "first pattern's trailing \\b fails and no date is found")


# --------------------------------------------------------------------------------------
# find_date

@pytest.mark.parametrize("text, expected, matched", [
    ("2024-03-05", D(2024, 3, 5), "2024-03-05"),
    ("2024/3/5", D(2024, 3, 5), "2024/3/5"),
    ("2024.03.05", D(2024, 3, 5), "2024.03.05"),
    ("5 March 2024", D(2024, 3, 5), "5 March 2024"),
    ("05 MARCH 2024", D(2024, 3, 5), "05 MARCH 2024"),
    ("5th of March, 2024", D(2024, 3, 5), "5th of March, 2024"),
    ("21st Jan 2020", D(2020, 1, 21), "21st Jan 2020"),
    ("12 Jun. 2024", D(2024, 6, 12), "12 Jun. 2024"),
    ("March 5, 2024", D(2024, 3, 5), "March 5, 2024"),
    ("Mar. 5 2024", D(2024, 3, 5), "Mar. 5 2024"),
    ("Sept 9, 2023", D(2023, 9, 9), "Sept 9, 2023"),
    ("October 19th, 2023", D(2023, 10, 19), "October 19th, 2023"),
    ("29 February 2024", D(2024, 2, 29), "29 February 2024"),
    ("The envoys met in Ankara on 12 June 2024 and again in July.", D(2024, 6, 12),
     "12 June 2024"),
])
def test_find_date_formats(text, expected, matched):
    found = find_date(text)
    assert found is not None
    date, m = found
    assert date == expected
    assert m.group(0) == matched


def test_find_date_returns_earliest_in_text():
    # The ISO date comes later in the text than the written one, although its pattern
    # is tried first.
    text = "Talks on 12 June 2024 followed the summit of 2024-01-03 in Seoul."
    date, m = find_date(text)
    assert date == D(2024, 6, 12)
    assert m.start() == text.index("12 June")


def test_find_date_skips_an_invalid_date_for_a_later_valid_one():
    date, m = find_date("Not 31 February 2024 but 1 March 2024.")
    assert date == D(2024, 3, 1)
    assert m.group(0) == "1 March 2024"


@pytest.mark.parametrize("text", [
    "31 February 2024",
    "2024-02-30",
    "29 February 2023",
    "2023-13-01",
    "April 31, 2024",
    "The deal was signed in 2024.",
    "May 2024",
    "March 5",
    "5 March 1899",
    "Negotiators will meet again next Tuesday in New Delhi.",
    "",
])
def test_find_date_none(text):
    assert find_date(text) is None


def test_find_date_in_iso_datetime():
    found = find_date("2024-03-05T09:15:00Z")
    assert found is not None and found[0] == D(2024, 3, 5)


# --------------------------------------------------------------------------------------
# date_line

@pytest.mark.parametrize("line, expected", [
    ("Tuesday, 5 March 2024, 09:15", D(2024, 3, 5)),
    ("Published: March 5, 2024 10:02 am EST", D(2024, 3, 5)),
    ("Published: March 5, 2024 10:02 a.m. ET", D(2024, 3, 5)),
    ("By Jane Doe | 5 Mar. 2024", D(2024, 3, 5)),
    ("5 March 2024", D(2024, 3, 5)),
    ("(2024-03-05)", D(2024, 3, 5)),
    ("Date: 2024-03-05", D(2024, 3, 5)),
    ("Posted on 19th October 2023 at 21:36 IST", D(2023, 10, 19)),
    ("First published on Thu 19 Oct 2023 21.36 BST", D(2023, 10, 19)),
    ("Updated: 05 March 2024 | 9:15 AM KST", D(2024, 3, 5)),
    ("Wed, 06 Mar 2024 14:03:00 +0900", D(2024, 3, 6)),
    ("5 March 2024 at 9am", D(2024, 3, 5)),
    ("Mon. 4 Mar. 2024 - 18:00 CET", D(2024, 3, 4)),
    ("March 5, 2024 — 10:02 PM PST", D(2024, 3, 5)),
    ("Last updated 2023/10/19 21:36 GMT", D(2023, 10, 19)),
    ("  Sunday 31 December 2023  ", D(2023, 12, 31)),
    pytest.param("Updated 2024-03-05T09:15:00Z", D(2024, 3, 5)),
    pytest.param("2023-10-19T21:36:00+05:30", D(2023, 10, 19)),
    pytest.param("Last updated: 2023/10/19 21:36 GMT+09:00", D(2023, 10, 19)),
    pytest.param("Updated 5 March 2024 14:20 +05:30", D(2024, 3, 5)),
])
def test_date_line(line, expected):
    assert date_line(line) == expected


@pytest.mark.parametrize("line", [
    "On 5 March 2024 the foreign ministers of Japan and South Korea met in Seoul.",
    "Talks resume on 12 June 2024.",
    "The deadline is 30 June 2024.",
    "Deadline: 30 June 2024",
    "Kyiv, 5 March 2024, was the first day of the new offensive",
    "EU sanctions take effect 1 July 2024",
    "31 February 2024",
    "Published: 2024-02-30 10:00",
    "Tuesday",
    "Published 09:15 GMT",
    "Posted 2 hours ago",
    "By Jane Doe",
    "",
])
def test_not_a_date_line(line):
    assert date_line(line) is None


def test_date_line_word_and_length_limits():
    assert date_line("Published on Tuesday 5 March 2024", max_words=6) == D(2024, 3, 5)
    assert date_line("Published on Tuesday 5 March 2024", max_words=5) is None
    long_line = "Published: 5 March 2024 " + "|" * 150
    assert len(long_line) > 160
    assert date_line(long_line) is None
    # 17 words of nothing but a date and publishing words: over the default limit.
    wordy = "Published on " + "on " * 12 + "5 March 2024"
    assert len(wordy.split()) == 17
    assert date_line(wordy) is None
    assert date_line(wordy, max_words=17) == D(2024, 3, 5)


# --------------------------------------------------------------------------------------
# parse_date_value

@pytest.mark.parametrize("value, expected", [
    ("2024-03-05", "2024-03-05"),
    ("  19 October 2023 ", "2023-10-19"),
    ("March 5, 2024", "2024-03-05"),
    ("2024-03-05T09:15:00Z", "2024-03-05"),
    ("2024-03-05T23:30:00-05:00", "2024-03-05"),
    ("20240305", "2024-03-05"),
    # RFC 2822 (RSS pubDate, e-mail headers)
    ("Tue, 05 Mar 2024 09:15:00 +0000", "2024-03-05"),
    ("Tue, 5 Mar 2024 23:30:00 -0500", "2024-03-05"),
    ("Sun, 31 Dec 2023 23:59:59 GMT", "2023-12-31"),
    # epoch seconds
    (0, "1970-01-01"),
    (1709630100, "2024-03-05"),
    (1709630100.5, "2024-03-05"),
    (1709596799, "2024-03-04"),  # 23:59:59 UTC the day before
    (-86400, "1969-12-31"),
    # date objects
    (dt.date(2024, 3, 5), "2024-03-05"),
    (dt.datetime(2024, 3, 5, 23, 59), "2024-03-05"),
])
def test_parse_date_value(value, expected):
    assert parse_date_value(value) == expected


@pytest.mark.parametrize("value", [
    None, "", "n/a", "31 February 2024", "2024-02-30", True, False, 1e20, float("nan"),
])
def test_parse_date_value_invalid(value):
    assert parse_date_value(value) is None


def test_parse_date_value_epoch_string():
    assert parse_date_value("1709630100") == "2024-03-05"


@pytest.mark.parametrize("value", ["March 2024", "Tuesday", "10:30"])
def test_parse_date_value_without_full_date_is_none(value):
    assert parse_date_value(value) is None

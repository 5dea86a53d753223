"""Event dates from date phrases, resolved against a publication date (constructed phrases)."""

import pytest

from dyadwatch.events.when import resolve_date

WED = "2023-03-08"  # a Wednesday
JAN = "2024-01-10"  # a Wednesday, early in the year: rollovers to 2023

CASES = [
    # absolute days
    ("March 7, 2023", None, ("2023-03-07", "day")),
    ("7 March 2023", None, ("2023-03-07", "day")),
    ("the 7th of March, 2023", None, ("2023-03-07", "day")),
    ("2023-03-07", None, ("2023-03-07", "day")),
    ("2023-03-07T10:00", None, ("2023-03-07", "day")),
    ("Tuesday, March 7, 2023", WED, ("2023-03-07", "day")),
    ("Sept. 12, 2021", WED, ("2021-09-12", "day")),
    ("March 7-9, 2023", None, ("2023-03-07", "day")),
    ("March 32, 2023", WED, None),
    # days without a year: the year guess
    ("on March 7", WED, ("2023-03-07", "day")),
    ("on March 7", None, None),
    ("7 March", WED, ("2023-03-07", "day")),
    ("on May 2", WED, ("2023-05-02", "day")),  # 55 days ahead: same year
    ("on June 20", WED, ("2022-06-20", "day")),  # too far ahead: the year before
    ("on December 28", JAN, ("2023-12-28", "day")),
    ("on March 7", JAN, ("2024-03-07", "day")),
    ("on January 5", "2023-12-20", ("2024-01-05", "day")),
    ("Tuesday morning, March 7", WED, ("2023-03-07", "day")),
    # leap years
    ("February 29, 2024", None, ("2024-02-29", "day")),
    ("February 29, 2023", None, None),
    ("on February 29", "2024-03-05", ("2024-02-29", "day")),
    ("on February 29", "2025-03-01", ("2024-02-29", "day")),
    ("on February 29", "2026-03-01", None),  # no leap year within a year either side
    ("yesterday", "2024-03-01", ("2024-02-29", "day")),
    ("three days ago", "2024-03-02", ("2024-02-28", "day")),
    ("tomorrow", "2024-02-28", ("2024-02-29", "day")),
    # months
    ("in February 2022", None, ("2022-02", "month")),
    ("February of 2022", None, ("2022-02", "month")),
    ("late March 2023", None, ("2023-03", "month")),
    ("2023-03", None, ("2023-03", "month")),
    ("February", WED, ("2023-02", "month")),
    ("in December", JAN, ("2023-12", "month")),
    ("in February", JAN, ("2024-02", "month")),
    ("February", None, None),
    ("last February", WED, ("2023-02", "month")),
    ("last March", WED, ("2022-03", "month")),
    ("this March", WED, ("2023-03", "month")),
    ("next March", WED, ("2024-03", "month")),
    ("next April", WED, ("2023-04", "month")),
    ("last December", JAN, ("2023-12", "month")),
    ("mid-March", WED, ("2023-03", "month")),
    ("last month", WED, ("2023-02", "month")),
    ("this month", WED, ("2023-03", "month")),
    ("next month", WED, ("2023-04", "month")),
    ("earlier this month", WED, ("2023-03", "month")),
    ("the end of the month", WED, ("2023-03", "month")),
    ("last month", JAN, ("2023-12", "month")),
    ("next month", "2023-12-15", ("2024-01", "month")),
    ("two months ago", JAN, ("2023-11", "month")),
    # years and decades
    ("2019", None, ("2019", "year")),
    ("in 2019", WED, ("2019", "year")),
    ("the year 2019", None, ("2019", "year")),
    ("late 2021", None, ("2021", "year")),
    ("early 2022", None, ("2022", "year")),
    ("mid-2020", None, ("2020", "year")),
    ("in the summer of 2021", None, ("2021", "year")),
    ("last year", WED, ("2022", "year")),
    ("last year's", WED, ("2022", "year")),
    ("this year", WED, ("2023", "year")),
    ("next year", WED, ("2024", "year")),
    ("earlier this year", WED, ("2023", "year")),
    ("late last year", JAN, ("2023", "year")),
    ("a year ago", WED, ("2022", "year")),
    ("20 years ago", WED, ("2003", "year")),
    ("in the 1990s", None, ("1990s", "decade")),
    ("the late 1990s", None, ("1990s", "decade")),
    ("the '80s", None, ("1980s", "decade")),
    ("the 70s", None, ("1970s", "decade")),
    ("the '10s", None, ("2010s", "decade")),
    ("this decade", WED, ("2020s", "decade")),
    ("two decades ago", WED, ("2000s", "decade")),
    # ranges resolve to their start
    ("between 1992 and 2005", None, ("1992", "year")),
    ("1992-2005", None, ("1992", "year")),
    ("since 2014", None, ("2014", "year")),
    ("since March 2020", None, ("2020-03", "month")),
    ("from May 3 to June 1, 2022", None, ("2022-05-03", "day")),
    ("from Monday to Wednesday", WED, ("2023-03-06", "day")),
    # quarters and halves
    ("the last quarter of 2023", None, ("2023-Q4", "quarter")),
    ("the fourth quarter", WED, ("2022-Q4", "quarter")),
    ("the fourth quarter", JAN, ("2023-Q4", "quarter")),
    ("the first quarter", JAN, ("2024-Q1", "quarter")),
    ("the second quarter", JAN, ("2023-Q2", "quarter")),  # starts 82 days later: too far
    ("the fourth quarter", None, None),
    ("the third quarter of last year", WED, ("2022-Q3", "quarter")),
    ("the first quarter of this year", WED, ("2023-Q1", "quarter")),
    ("Q3 2024", None, ("2024-Q3", "quarter")),
    ("2024 Q3", None, ("2024-Q3", "quarter")),
    ("last quarter", JAN, ("2023-Q4", "quarter")),
    ("the last quarter", WED, ("2022-Q4", "quarter")),
    ("this quarter", WED, ("2023-Q1", "quarter")),
    ("next quarter", "2023-11-30", ("2024-Q1", "quarter")),
    ("the fourth quarter of last year", JAN, ("2023-Q4", "quarter")),
    ("the first half of 2022", None, ("2022-H1", "half")),
    ("the second half of the year", WED, ("2023-H2", "half")),
    ("H2 2021", None, ("2021-H2", "half")),
    # weeks resolve to their Monday
    ("this week", WED, ("2023-03-06", "week")),
    ("last week", WED, ("2023-02-27", "week")),
    ("next week", WED, ("2023-03-13", "week")),
    ("earlier this week", WED, ("2023-03-06", "week")),
    ("last week", "2024-01-03", ("2023-12-25", "week")),
    ("two weeks ago", WED, ("2023-02-20", "week")),
    ("in two weeks", WED, ("2023-03-20", "week")),
    # days relative to publication
    ("today", WED, ("2023-03-08", "day")),
    ("this morning", WED, ("2023-03-08", "day")),
    ("yesterday", WED, ("2023-03-07", "day")),
    ("yesterday evening", WED, ("2023-03-07", "day")),
    ("last night", WED, ("2023-03-07", "day")),
    ("tomorrow", WED, ("2023-03-09", "day")),
    ("the day before yesterday", WED, ("2023-03-06", "day")),
    ("three days ago", WED, ("2023-03-05", "day")),
    ("in 10 days", WED, ("2023-03-18", "day")),
    ("in ten days' time", WED, ("2023-03-18", "day")),
    ("yesterday", "2024-01-01", ("2023-12-31", "day")),
    # weekdays: the latest one strictly before publication, unless "next"/"coming"
    ("on Tuesday", WED, ("2023-03-07", "day")),
    ("on Wednesday", WED, ("2023-03-01", "day")),
    ("on Thursday", WED, ("2023-03-02", "day")),
    ("last Friday", WED, ("2023-03-03", "day")),
    ("Tuesday night", WED, ("2023-03-07", "day")),
    ("next Tuesday", WED, ("2023-03-14", "day")),
    ("on Thursday", "2023-03-08T09:30:00Z", ("2023-03-02", "day")),
    ("this coming Friday", WED, ("2023-03-10", "day")),
    ("next Wednesday", WED, ("2023-03-15", "day")),
    ("on Monday", "2024-01-01", ("2023-12-25", "day")),
    # relative phrases need a publication date
    ("yesterday", None, None),
    ("last week", None, None),
    ("last year", None, None),
    ("on Tuesday", None, None),
    ("two weeks ago", None, None),
    ("in 10 days", None, None),
    ("last February", None, None),
    ("yesterday", "not a date", None),
    # durations, ages, counts, bounds and the unrecognised
    ("for three years", WED, None),
    ("three decades", WED, None),
    ("decades", WED, None),
    ("the past decade", WED, None),
    ("the past 10 years", WED, None),
    ("the last year", WED, None),
    ("50 years old", WED, None),
    ("a 50-year-old", WED, None),
    ("a few years ago", WED, None),
    ("in the coming weeks", WED, None),
    ("the coming days", WED, None),
    ("3/7/2023", WED, None),
    ("last summer", WED, None),
    ("before 2020", WED, None),
    ("within two weeks", WED, None),
    ("the same day", WED, None),
    ("", WED, None),
]


@pytest.mark.parametrize("phrase, published, expected", CASES)
def test_resolve_date(phrase, published, expected):
    assert resolve_date(phrase, published) == expected


def test_published_time_is_ignored():
    assert resolve_date("today", "2023-03-08T23:59:00+05:00") == ("2023-03-08", "day")

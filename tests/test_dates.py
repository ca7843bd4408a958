from datetime import date

import pytest

from factions.dates import normalize, parse_date_line

ANCHOR = date(2017, 5, 1)  # a Monday


@pytest.mark.parametrize(
    "text,start,end,precision",
    [
        ("April 17", "2017-04-17", "2017-04-17", "day"),
        ("on April 17", "2017-04-17", "2017-04-17", "day"),
        ("in February", "2017-02", "2017-02", "month"),
        ("in May 2013", "2013-05", "2013-05", "month"),
        ("2013", "2013", "2013", "year"),
        ("since 2014", "2014", None, "year"),
        ("last week", "2017-04-24", "2017-04-30", "week"),
        ("the 1990s", "1990", "1999", "range"),
        ("Tuesday", "2017-04-25", "2017-04-25", "day"),
    ],
)
def test_normalize_against_the_publication_date(text, start, end, precision):
    when = normalize(text, ANCHOR)
    assert (when.start, when.end, when.precision) == (start, end, precision)


def test_relative_dates_need_an_anchor():
    assert normalize("last week", None) is None
    assert normalize("May 3, 2012", None).start == "2012-05-03"


@pytest.mark.parametrize("text", ["years", "recently", "three days", "the past"])
def test_vague_expressions_are_not_dates(text):
    assert normalize(text, ANCHOR) is None


def test_date_lines():
    assert parse_date_line("May 1, 2017") == date(2017, 5, 1)
    assert parse_date_line("1 May 2017") == date(2017, 5, 1)
    assert parse_date_line("2017-05-01") == date(2017, 5, 1)
    assert parse_date_line("May 1, 2017 was a Monday") is None


def test_the_direct_parser_agrees_with_dateparser():
    """Common shapes are parsed without dateparser (for speed); on them both must agree."""
    from datetime import date, timedelta

    from factions import dates

    phrases = ["Monday", "Sunday", "yesterday", "April 17", "17 April", "Sept. 3", "3rd March",
               "April 17, 2017", "17 April 2017", "May 2013", "Dec 2024", "February 29", "31 June", "March", "November"]
    for offset in range(0, 700, 37):
        anchor = date(2016, 1, 3) + timedelta(days=offset)
        for phrase in phrases:
            plain = dates._plain(phrase, anchor)
            data = dates._parser(anchor).get_date_data(phrase)
            expected = (dates._format(data.date_obj, data.period), data.period) if data and data.date_obj else None
            got = (dates._format(*plain), plain[1]) if plain else None
            assert got is None or got == expected, (phrase, anchor, got, expected)

from datetime import date

import pytest

from factions.dates import names_no_time, normalize, parse_date_line
from factions.model import Document

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
        # ranges of days and the framings coded event notes use
        ("Between 10 and 12 July 2024", "2024-07-10", "2024-07-12", "day"),
        ("31 January to 1 February 2023", "2023-01-31", "2023-02-01", "day"),
        ("Between 27 October and 3 November 2023", "2023-10-27", "2023-11-03", "day"),
        ("30 December to 2 January 2024", "2023-12-30", "2024-01-02", "day"),
        ("July 10-12, 2024", "2024-07-10", "2024-07-12", "day"),
        # a list of days, read from the first to the last
        ("29, 30 and 31 May 2021", "2021-05-29", "2021-05-31", "day"),
        ("the night of 4-5 June 2023", "2023-06-04", "2023-06-05", "day"),
        ("in the early hours of 22 September 2023", "2023-09-22", "2023-09-22", "day"),
        ("on or around 8 April 2022", "2022-04-08", "2022-04-08", "day"),
        # "mid-" joined by its hyphen, and the week a coder can only place a date within
        ("mid-October 2019", "2019-10", "2019-10", "month"),
        ("the week of 9 March 2020", "2020-03-09", "2020-03-09", "day"),
        # a range told without its year: the last such days up to the anchor (dateparser read
        # "26–27 June" as 26 June 1927)
        ("on 26–27 June", "2016-06-26", "2016-06-27", "day"),
        ("April 10-12", "2017-04-10", "2017-04-12", "day"),
        ("3 to 5 March", "2017-03-03", "2017-03-05", "day"),
        # a part of the day before each end of a range, and a range after "from" (its own end)
        ("Between the night of 3 July and the early morning of 5 July 2016", "2016-07-03", "2016-07-05", "day"),
        ("from the evening of 30 December to the morning of 2 January 2017", "2016-12-30", "2017-01-02", "day"),
        ("from 3 to 5 July 2016", "2016-07-03", "2016-07-05", "day"),
    ],
)
def test_normalize_against_the_publication_date(text, start, end, precision):
    when = normalize(text, ANCHOR)
    assert (when.start, when.end, when.precision) == (start, end, precision)


def test_a_range_that_runs_backwards_is_no_date():
    assert normalize("12 to 10 July 2024", ANCHOR) is None


def test_whole_calendar_dates_are_date_entities(extractor):
    """The model tags "Around 20 June 2022" as "June 2022" and cuts "Between 27 October
    and 3 November 2023" in two; factions_date_spans makes each one DATE entity, and
    leaves a date inside a name alone."""
    nlp = extractor.nlp
    doc = nlp("Around 20 June 2022, fighters clashed near Menaka. Between 27 October and 3 November 2023, the alliance overran posts.")
    dates = [e.text for e in doc.ents if e.label_ == "DATE"]
    assert "20 June 2022" in dates
    assert "Between 27 October and 3 November 2023" in dates
    doc = nlp("The March 23 Movement said on 5 May 2024 that it would withdraw.")
    assert "5 May 2024" in [e.text for e in doc.ents if e.label_ == "DATE"]


def test_a_range_with_parts_of_days_is_one_date(extractor):
    """"Between the night of 9 May and the late morning of 11 May 2021": the model tags
    pieces; the range is one DATE and the act's time runs from the first day to the last."""
    text = "Between the night of 9 May and the late morning of 11 May 2021, gunmen besieged a police post near Tillaberi."
    extraction = extractor.extract(Document(source="parts.txt", text=text, published=date(2021, 5, 14)))
    when = next(e.when for e in extraction.events if e.trigger == "besieged")
    assert (when.start, when.end) == ("2021-05-09", "2021-05-11")
    # (a single day after a part of it stays one day)
    extraction = extractor.extract(Document(source="part.txt", text="On the night of 9 May 2021, gunmen besieged a police post.",
                                            published=date(2021, 5, 14)))
    when = next(e.when for e in extraction.events if e.trigger == "besieged")
    assert (when.start, when.end) == ("2021-05-09", "2021-05-09")


def test_a_range_across_two_months_is_one_date(extractor):
    """"On the night of 2 March–3 April": the tokenizer keeps "March–3" whole, so the two
    dates the pattern finds share a token. They were two overlapping entities and the Doc
    could not be made (spaCy E1010); they are one DATE, the range."""
    doc = extractor.nlp("On the night of 28 February–1 March, gunmen raided a checkpoint near Gao.")
    assert [e.text for e in doc.ents if e.label_ == "DATE"] == ["28 February–1 March"]
    extraction = extractor.extract(Document(source="range.txt", text=doc.text, published=date(2024, 3, 4)))
    when = next(e.when for e in extraction.events if e.trigger == "raided")
    assert (when.start, when.end) == ("2024-02-28", "2024-03-01")


def test_a_date_the_model_took_for_a_name_is_a_date(extractor):
    """The model may tag a recent full date as a work of art or an event ("In the early
    hours of 9 June 2025" as WORK_OF_ART); a date it saw alone is a date."""
    nlp = extractor.nlp
    for text, day in (("In the early hours of 9 June 2025, naval forces detained twelve activists.", "9 June 2025"),
                      ("Crowds set fire to the parliament building on 9 September 2025.", "9 September 2025")):
        doc = nlp(text)
        assert day in [e.text for e in doc.ents if e.label_ == "DATE"], [(e.text, e.label_) for e in doc.ents]


@pytest.mark.parametrize("text, expected", [("four days", True), ("months", True), ("recently", True), ("two-week", True), ("hours", True),
                                            ("10 August 2019", False), ("Tuesday", False), ("the 1990s", False)])
def test_spans_of_time_name_no_time(text, expected):
    assert names_no_time(text) is expected


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


@pytest.mark.parametrize("text,trigger,day", [
    # events.time _bounds_another: a comparison's "since" and another verb's deadline date nothing
    ("On 5 March 2019 the rebels captured Kidal, their largest gain since 2012.", "captured", ("2019-03-05", "2019-03-05")),
    ("On 2 May 2020 the ministers imposed an oil embargo, phasing out existing contracts by 1 July.", "embargo", ("2020-05-02", "2020-05-02")),
    # "since" on the act's own verb is its start
    ("The militia has besieged the town since May 2024.", "besieged", ("2024-05", "2024-05")),
])
def test_a_bound_beside_the_act_is_not_its_date(extractor, text, trigger, day):
    x = extractor.extract(Document(source="since.txt", text=text, published=date(2025, 1, 10)))
    when = next(e.when for e in x.events if e.trigger == trigger)
    assert (when.start, when.end) == day, x.events


@pytest.mark.parametrize("text", [
    # events.time _day_given_beside: the bracketed date says the day, not the weekday counted back
    "KABUL, 22 April: Ten fighters attacked the base of the 209th Corps on Friday (21 April).",
    # a label whose place the tokenizer cuts at its hyphens is a label still (label_lead_end counts words)
    "MAZAR-I-SHARIF, 22 April: Ten fighters attacked the base on Friday (21 April).",
])
def test_a_weekday_with_its_date_beside_it_is_that_date(extractor, text):
    x = extractor.extract(Document(source="weekday.txt", text=text, published=date(2017, 4, 22)))
    when = next(e.when for e in x.events if e.trigger == "attacked")
    assert (when.start, when.end) == ("2017-04-21", "2017-04-21"), x.events


def test_a_date_in_the_phrase_of_an_act_on_a_noun_is_that_acts(extractor):
    # events.time _names_another_act: "suspects in the killing … three days earlier"
    text = ("BAMAKO, 24 July 2012: Government troops clashed with armed men in Gao after launching an operation "
            "to detain suspects in the killing of a regional police chief three days earlier.")
    x = extractor.extract(Document(source="killing.txt", text=text, published=date(2012, 7, 25)))
    clashed = next(e.when for e in x.events if e.trigger == "clashed")
    assert (clashed.start, clashed.end) == ("2012-07-24", "2012-07-24"), x.events


@pytest.mark.parametrize("phrase, day", [
    # dates._WEEKDAY_PART: a weekday with its part of the day is that weekday
    ("Wednesday morning", "2012-02-22"),  # the anchor's own weekday: that day, as "Wednesday" is
    ("on Wednesday night", "2012-02-22"),
    ("Tuesday evening", "2012-02-21"),
    ("Friday afternoon", "2012-02-17"),
])
def test_a_weekday_with_a_part_of_the_day_is_that_weekday(phrase, day):
    when = normalize(phrase, date(2012, 2, 22))
    assert (when.start, when.end) == (day, day)

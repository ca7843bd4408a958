"""Normalising time expressions against an anchor (the publication date).

Shared by the reader (date lines in page dumps) and by the claim and event stages
(said-on and event times). dateparser does the parsing; this module adds precision
and the few framings it does not handle ("since 2014", "in May 2013").
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from functools import lru_cache

from dateparser.date import DateDataParser

from factions.model import When

# ("mid-February 2021": the hyphen ends the word as a space would)
_LEADING = re.compile(r"^(?:(?:in|on|or|during|by|from|around|about|between|of|at|the|early|late|mid)\s+|mid-)", re.I)
# "the night of 4-5 June", "in the early hours of 22 September", "the week of 14
# February" (as coders write a date they can only place within a week): the day is the date
_PART_OF_DAY = re.compile(r"^(?:the\s+)?(?:night|morning|evening|afternoon|early\s+hours|small\s+hours|early\s+morning|week)\s+of\s+", re.I)
# ... and before the second day of a range: "the night of 3 July and the early morning of 5 July"
_PART_OF_SECOND_DAY = re.compile(r"(\s(?:and|to|until|till)\s+)(?:the\s+)?(?:(?:early|late)\s+)?"
                                 r"(?:night|morning|evening|afternoon|hours|small\s+hours)\s+of\s+(?=\d)", re.I)
_SINCE = re.compile(r"^(?:since|from)\s+", re.I)
_UNTIL = re.compile(r"^(?:until|till|before|by)\s+", re.I)
_YEAR = re.compile(r"^(1[89]\d\d|20\d\d)$")
# A time of day is no date: "0715 hrs", "07:15", "1430 GMT" (incident logs write them so).
_TIME_OF_DAY = re.compile(r"^(?:[01]\d|2[0-3]):?[0-5]\d(?:\s*(?:hrs|hours|h|gmt|utc|local(?: time)?))?$", re.I)
# ... and "1900 hrs" is seven in the evening, not a year, though the model tags "1900" a date
_CLOCK_WORD = re.compile(r"^(?:hrs|hours|h|gmt|utc)$", re.I)


def is_clock_time(number: str, words_after: list[str]) -> bool:
    """Whether a four-digit number is a time of day by the words after it ("1900 hrs",
    "0300 GMT", "0630 local time"; not "the 2024 local elections")."""
    if not words_after or not _TIME_OF_DAY.match(number):
        return False
    first = words_after[0].lower()
    return bool(_CLOCK_WORD.match(first)) or (first == "local" and words_after[1:2] == ["time"])


_DECADE = re.compile(r"^(?:the\s+)?(1[89]\d0|20\d0)s$", re.I)
_NOT_A_DATE = re.compile(
    r"^(?:today|now|recently|currently|years?|months?|weeks?|days?|hours?|minutes?|decades?|time|"
    r"the past|the future|daily|weekly|monthly|annual|"
    r"(?:recent|coming|past|last few|next few|the coming|the past) (?:days|weeks|months|years)|"
    r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|a few|few|many)[ -]"
    r"(?:minutes?|hours?|nights?|days?|weeks?|months?|years?|decades?)(?:[ -]long)?)$",
    re.I,
)


def names_no_time(text: str) -> bool:
    """Whether a time expression names no point or stretch of the calendar: a span of
    time ("four days", "months"), "now", "recently"."""
    return bool(_NOT_A_DATE.match(" ".join(text.split()).strip(" ,.;:()[]")))


_OTHER_ANCHOR = date(2001, 2, 3)
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
# "on Wednesday morning", "late on Sunday night": the weekday is the day
_WEEKDAY_PART = re.compile(rf"^({'|'.join(_WEEKDAYS)})\s+(?:morning|night|evening|afternoon)$", re.I)


@lru_cache(maxsize=256)
def _parser(anchor: date | None) -> DateDataParser:
    """One parser per anchor: building one costs more than most parses."""
    settings = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
    if anchor is not None:
        settings["RELATIVE_BASE"] = datetime(anchor.year, anchor.month, anchor.day)
    return DateDataParser(languages=["en"], settings=settings)


MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
               "december")
_MONTHS = {m: i for i, m in enumerate(MONTH_NAMES, 1)}
_MONTHS.update({m[:3]: i for m, i in list(_MONTHS.items())} | {"sept": 9})
_MONTH_DAY = re.compile(r"^([A-Za-z]+)\.? (\d{1,2})(?:st|nd|rd|th)?(?:,? (\d{4}))?$")
_DAY_MONTH = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)? ([A-Za-z]+)\.?(?:,? (\d{4}))?$")
_MONTH_YEAR = re.compile(r"^([A-Za-z]+)\.?,? (\d{4})$")
# Ranges of days: "10 and 12 July 2024", "31 January to 1 February 2023", "July 10-12, 2024";
# without the year ("on 26–27 June"), the last such days up to the anchor
_DASH = r"\s*(?:and|to|until|till|-|–|—)\s*"
# (and a list of days, read from the first to the last: "29, 30 and 31 May 2021")
_RANGE_DAY_MONTH = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?(?:,\s*\d{1,2}(?:st|nd|rd|th)?)*(?:\s+([A-Za-z]+)\.?)?" + _DASH
                              + r"(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]+)\.?(?:,?\s+(\d{4}))?$", re.I)
_RANGE_MONTH_DAY = re.compile(r"^([A-Za-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?" + _DASH
                              + r"(?:([A-Za-z]+)\.?\s+)?(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?$", re.I)


def _day_range(text: str, anchor: date | None) -> When | None:
    """A range of days with its year told once: start and end at day precision (a
    first month later than the second is the year before: "30 December to 2 January
    2024"). Told without a year, the range ends on or before `anchor` (past preferred, as
    a single day is read): dateparser took "26–27 June" for 26 June 1927."""
    m = _RANGE_DAY_MONTH.match(text)
    if m:
        day1, month1, day2, month2, year = m.groups()
    else:
        m = _RANGE_MONTH_DAY.match(text)
        if not m:
            return None
        month1, day1, month2, day2, year = m.groups()
    m2 = _MONTHS.get(month2.lower()) if month2 else None
    m1 = _MONTHS.get(month1.lower()) if month1 else m2
    if m2 is None and m.re is _RANGE_MONTH_DAY:
        m2 = m1
    if m1 is None or m2 is None:
        return None
    if year is None:
        if anchor is None:
            return None
        year = anchor.year if (m2, int(day2)) <= (anchor.month, anchor.day) else anchor.year - 1
    y2 = int(year)
    y1 = y2 - 1 if m1 > m2 else y2
    try:
        start, end = date(y1, m1, int(day1)), date(y2, m2, int(day2))
    except ValueError:
        return None
    if end < start:
        return None
    return When(start.isoformat(), end.isoformat(), "day", text=text)


@lru_cache(maxsize=1)
def _fixed_holidays() -> dict[str, tuple[int, int]]:
    """Days named for what falls on them, lower case, with their month and day (time.toml
    [fixed_holidays])."""
    from factions.lexicons import lexicon

    return {name.lower().replace("’", "'"): (int(md[:2]), int(md[3:])) for name, md in lexicon("time")["fixed_holidays"].items()}


_HOLIDAY_YEAR = re.compile(r"^(.*?)(?:,?\s+(1[89]\d\d|20\d\d))?$")


def _holiday(text: str, anchor: date | None) -> tuple[datetime, str] | None:
    """A day named for what falls on it, with its year or the last one up to the anchor:
    "New Year's Day 2024", "Christmas Eve"."""
    m = _HOLIDAY_YEAR.match(text.replace("’", "'"))
    day = _fixed_holidays().get(m.group(1).lower()) if m else None
    if day is None or (m.group(2) is None and anchor is None):
        return None
    year = int(m.group(2)) if m.group(2) else (anchor.year if day <= (anchor.month, anchor.day) else anchor.year - 1)
    return datetime(year, *day), "day"


def _plain(text: str, anchor: date | None) -> tuple[datetime, str] | None:
    """The common shapes parsed directly, as dateparser would (past preferred): a
    weekday, "yesterday", "17 April 2017", "April 17", "April 2017", a fixed holiday.
    Parsing them here saves dateparser's few milliseconds each, the larger part of date time."""
    holiday = _holiday(text, anchor)
    if holiday is not None:
        return holiday
    low = text.lower()
    if anchor is not None and low in _WEEKDAYS:
        back = (anchor.weekday() - _WEEKDAYS.index(low)) % 7 or 7
        return datetime.combine(anchor - timedelta(days=back), datetime.min.time()), "day"
    if anchor is not None and low == "yesterday":
        return datetime.combine(anchor - timedelta(days=1), datetime.min.time()), "day"
    if anchor is not None and low == "last week":
        return datetime.combine(anchor - timedelta(days=7), datetime.min.time()), "week"
    if anchor is not None and low in _MONTHS and len(low) > 3:  # "in March": the last March up to now
        month = _MONTHS[low]
        return datetime(anchor.year if month <= anchor.month else anchor.year - 1, month, 1), "month"
    m = _MONTH_YEAR.match(text)
    if m and m.group(1).lower() in _MONTHS:
        return datetime(int(m.group(2)), _MONTHS[m.group(1).lower()], 1), "month"
    m = _MONTH_DAY.match(text) or _DAY_MONTH.match(text)
    if not m:
        return None
    month_word, day = (m.group(1), m.group(2)) if m.re is _MONTH_DAY else (m.group(2), m.group(1))
    month = _MONTHS.get(month_word.lower())
    if month is None:
        return None
    if m.group(3):
        year = int(m.group(3))
    elif anchor is not None:
        year = anchor.year if (month, int(day)) <= (anchor.month, anchor.day) else anchor.year - 1
    else:
        return None
    try:
        return datetime(year, month, int(day)), "day"
    except ValueError:
        return None


@lru_cache(maxsize=8192)
def _parse(text: str, anchor: date | None) -> tuple[datetime, str] | None:
    plain = _plain(text, anchor)
    if plain is not None:
        return plain
    parser = _parser(anchor)
    try:
        data = parser.get_date_data(text)
    except (ValueError, OverflowError):
        return None
    if data is None or data.date_obj is None:
        return None
    return data.date_obj, data.period or "day"


def _format(dt: datetime, precision: str) -> str:
    if precision == "year":
        return f"{dt.year:04d}"
    if precision == "month":
        return f"{dt.year:04d}-{dt.month:02d}"
    return dt.date().isoformat()


def weekday_ahead(text: str, anchor: date | None) -> When | None:
    """A bare weekday told of what is yet to come ("would release the pilot on Friday",
    said on Thursday 28 February): the next such day after `anchor`, else None."""
    phrase = _LEADING.sub("", " ".join(text.split()).strip(" ,.;:()[]"), count=1).lower()
    if anchor is None or phrase not in _WEEKDAYS:
        return None
    day = anchor + timedelta(days=(_WEEKDAYS.index(phrase) - anchor.weekday()) % 7 or 7)
    return When(day.isoformat(), day.isoformat(), "day", text=text)


def normalize(text: str, anchor: date | None) -> When | None:
    """Turn a time expression into a `When`, or None when it names no time."""
    raw = " ".join(text.split())
    phrase = raw.strip(" ,.;:()[]")
    open_end = open_start = False
    if _SINCE.match(phrase):
        phrase, open_end = _SINCE.sub("", phrase), True
    elif _UNTIL.match(phrase):
        phrase, open_start = _UNTIL.sub("", phrase), True
    while _LEADING.match(phrase) or _PART_OF_DAY.match(phrase):
        phrase = _PART_OF_DAY.sub("", _LEADING.sub("", phrase, count=1), count=1)
    if not phrase or _NOT_A_DATE.match(phrase) or (_TIME_OF_DAY.match(phrase) and not _YEAR.match(phrase)):
        return None
    phrase = _WEEKDAY_PART.sub(r"\1", phrase)
    days = _day_range(_PART_OF_SECOND_DAY.sub(r"\1", phrase), anchor)
    if days is not None:
        days.text = raw
        # ("from 3 to 5 July": a range tells its own end; "from" opens only a single time)
        return _bounded(days, open_start, False)
    decade = _DECADE.match(phrase)
    if decade:
        start = int(decade.group(1))
        return When(str(start), str(start + 9), "range", text=raw)
    if _YEAR.match(phrase):
        year = phrase
        return _bounded(When(year, year, "year", text=raw), open_start, open_end)
    if anchor is not None and phrase.lower() in _WEEKDAYS and _WEEKDAYS.index(phrase.lower()) == anchor.weekday():
        # A wire dated Saturday reporting what was "said on Saturday" means that day;
        # dateparser's "past" preference would go back a week.
        day = anchor.isoformat()
        return When(day, day, "day", text=raw)
    parsed = _parse(phrase, anchor)
    if parsed is None:
        return None
    if anchor is None and _parse(phrase, _OTHER_ANCHOR) != parsed:
        return None  # relative ("last week") and nothing to anchor it to
    dt, period = parsed
    if period == "week":
        monday = dt - timedelta(days=dt.weekday())
        when = When(monday.date().isoformat(), (monday + timedelta(days=6)).date().isoformat(), "week", text=raw)
    else:
        precision = period if period in ("day", "month", "year") else "day"
        value = _format(dt, precision)
        when = When(value, value, precision, text=raw)
    return _bounded(when, open_start, open_end)


def _bounded(when: When, open_start: bool, open_end: bool) -> When:
    if open_end:
        when.end = None
    if open_start:
        when.start = None
    return when


_DATE_LINE = re.compile(
    r"^(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+)?(?:"
    r"[a-z]{3,9}\.?\s+\d{1,2},?\s+\d{4}"  # May 1, 2017
    r"|\d{1,2}\s+[a-z]{3,9}\.?,?\s+\d{4}"  # 1 May 2017
    r"|\d{4}-\d{2}-\d{2}"  # 2017-05-01
    r"|\d{1,2}[./]\d{1,2}[./]\d{4}"  # 01.05.2017
    r")$",
    re.I,
)


def parse_date_line(line: str) -> date | None:
    """A line that is a calendar date and nothing else, as a `date`."""
    line = line.strip()
    if not _DATE_LINE.match(line):
        return None
    return parse_calendar_date(line)


def parse_calendar_date(text: str) -> date | None:
    parsed = _parse(text.strip(), None)
    if parsed is None or parsed[1] != "day":
        return None
    return parsed[0].date()


def parse_iso_or_text(value: str | None) -> date | None:
    """Dates in metadata: ISO first, then anything dateparser reads as a day."""
    if not value:
        return None
    value = str(value).strip()
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return parse_calendar_date(value)


def story_offset(text: str) -> int | None:
    """The days "the following day", "that evening", "two weeks later" … lie after the day
    the story last told (data/lexicons/time.toml [narrative_offsets], or a number of days or
    weeks); None for any other expression."""
    from factions.lexicons import lexicon

    time = lexicon("time")
    said = " ".join(text.lower().split()).removeprefix("on ").removeprefix("by ")
    found = time["narrative_offsets"].get(said)
    if found is not None:
        return found
    # "two weeks later", "10 days after", "a week earlier": a number of days or weeks from it
    # (time.toml number_words, interval_units; months and years say no day)
    words = said.split()
    if len(words) != 3 or words[2] not in ("later", "after", "earlier", "before"):
        return None
    number = int(words[0]) if words[0].isdigit() else time["number_words"].get(words[0])
    unit = time["interval_units"].get(words[1])
    if not number or unit not in ("day", "week"):
        return None
    return number * (7 if unit == "week" else 1) * (1 if words[2] in ("later", "after") else -1)


def from_story(text: str, story_day: When | None) -> When | None:
    """"the following day", "later that day", "the same day": counted from the day the
    story last told (`story_day`, when it is a day; offsets in data/lexicons/time.toml
    [narrative_offsets]); None for any other expression."""
    if story_day is None or story_day.precision != "day" or story_day.start is None:
        return None
    offset = story_offset(text)
    if offset is None:
        return None
    day = (date.fromisoformat(story_day.start) + timedelta(days=offset)).isoformat()
    return When(day, day, "day", text)

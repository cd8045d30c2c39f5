"""Resolve an English time expression to an ISO value, a precision and an optional end.

Pure functions with no spaCy import, so the query layer can resolve time words in
questions ("since 2023", "last year") with the same rules the NLP stage uses.

``resolve(text, anchor, reference=None)`` returns ``(value, precision, end_value)`` or
None. ``anchor`` is the ISO date the text was written on (the article date); without it
only absolute expressions resolve. ``reference`` is an earlier resolved value that
"a decade later" / "weeks before" counts from. Values are ``YYYY``, ``YYYY-MM`` or
``YYYY-MM-DD``; ``end_value`` closes a range ("from 1950 to 1953") or is ``OPEN``
("since 2023").

Structured shapes (ranges, seasons, parts of a year, decades, offsets, weekdays, weeks)
are handled here; single points ("March 2021", "two days ago") go to dateparser.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from functools import lru_cache
from typing import Literal

from dateutil.relativedelta import relativedelta

from dyad.models import Precision

OPEN = ".."  # ISO 8601-2 / EDTF notation for an open end ("since 2023")

Resolved = tuple[str, Precision, "str | None"]

_MONTHS = "|".join(m.lower() for m in calendar.month_name[1:])
_MONTH_ABBR = "|".join(m.lower() for m in calendar.month_abbr[1:])
_WEEKDAYS = tuple(d.lower() for d in calendar.day_name)
_NUMBER_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
                 "nine", "ten", "eleven", "twelve")
_ORDINALS = ("", "first", "second", "third", "fourth")
_SEASON_MONTHS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 2)}
_RELATIVE_WORDS = re.compile(
    r"\b(ago|later|earlier|before|after|last|next|this|yesterday|today|tomorrow|tonight|"
    r"current|previous|past|coming|recent(ly)?|now)\b")
_DATEISH = re.compile(rf"\d|\b({_MONTHS}|{_MONTH_ABBR}|{'|'.join(_WEEKDAYS)})\b|{_RELATIVE_WORDS.pattern}")
_DURATION_ONLY = re.compile(
    r"^(the |about |nearly |almost |more than |over |some |at least |up to )?"
    r"(\d+(-\d+)?|a|an|a few|few|several|many|" + "|".join(_NUMBER_WORDS) + r")[- ]"
    r"(years?|months?|weeks?|days?|decades?|hours?|minutes?|seconds?)( long| old)?$")
# a bare number ("51", "the 30", "'11"): spaCy tags ages and counts as DATE; alone it names no time
_BARE_NUMBER = re.compile(r"^(the )?\d{1,3}$")


# --------------------------------------------------------------------------- helpers


Tense = Literal["past", "present", "future"]
_NEAR_FUTURE = dt.timedelta(days=31)


class _Anchor(dt.date):
    """The article date, plus the tense of the sentence, which decides where a day named
    without its year lies: "June 3" in a May article is next month in "will meet on June 3"
    and in "has a June 3 deadline", last year in "met on June 3"."""

    tense: Tense = "past"


def _parse_anchor(anchor: str | None, tense: Tense = "past") -> dt.date | None:
    if not anchor:
        return None
    try:
        day = dt.date.fromisoformat(anchor[:10])
    except ValueError:
        return None
    out = _Anchor(day.year, day.month, day.day)
    out.tense = tense
    return out


def _tense(anchor: dt.date | None) -> Tense:
    return getattr(anchor, "tense", "past")


def _future(anchor: dt.date | None) -> bool:
    return _tense(anchor) == "future"


def _fmt(d: dt.date, precision: Precision) -> str:
    if precision == "year":
        return f"{d.year:04d}"
    if precision == "month":
        return f"{d.year:04d}-{d.month:02d}"
    return d.isoformat()


def _value_start(value: str) -> dt.date:
    """First day covered by an ISO value of any precision."""
    parts = [int(p) for p in value.split("-")]
    return dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


def _value_end(value: str) -> dt.date:
    """Last day covered by an ISO value of any precision."""
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 1:
        return dt.date(parts[0], 12, 31)
    if len(parts) == 2:
        return dt.date(parts[0], parts[1], calendar.monthrange(parts[0], parts[1])[1])
    return dt.date(*parts)


def _number(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    if word in ("a", "an", "one"):
        return 1
    return _NUMBER_WORDS.index(word) if word in _NUMBER_WORDS else None


def _normalise(text: str) -> str:
    text = text.lower().replace("\u2013", "-").replace("\u2014", "-").replace("’", "'")
    text = re.sub(r"\s+", " ", text).strip(" ,.;:()'\"")
    text = re.sub(r"^(in|on|at|during|for|of|around|about|by|throughout)\s+", "", text)
    text = re.sub(r"^(only|just|some|roughly|approximately)\s+", "", text)
    return text


# --------------------------------------------------------------------------- rules


def _rule_open_range(text: str, anchor: dt.date | None, ref: str | None) -> Resolved | None:
    m = re.match(r"^(since|from|starting(?: in| from)?|beginning(?: in)?)\s+(.+?)(?:\s+on(?:wards?)?)?$", text)
    if not m or (m.group(1) == "from" and not re.search(r"\bon(wards?)?$", text)):
        return None
    inner = _resolve_point(m.group(2), anchor, ref)
    return (inner[0], inner[1], OPEN) if inner else None


def _rule_closed_range(text: str, anchor: dt.date | None, ref: str | None) -> Resolved | None:
    m = (re.match(r"^(?:from\s+)?(.+?)\s+(?:to|until|till|through|thru|-)\s+(.+)$", text)
         or re.match(r"^between\s+(.+?)\s+and\s+(.+)$", text)
         or re.match(r"^(\d{4})\s*-\s*(\d{2,4})$", text))
    if not m:
        return None
    left, right = m.group(1), m.group(2)
    if re.fullmatch(r"\d{2}", right) and re.fullmatch(r"\d{4}", left):
        right = left[:2] + right  # "2014-16"
    end = _resolve_point(right, anchor, ref)
    if end is None:
        return None
    # "June 3 to 5", "March to May 2022": the left side borrows the right side's year
    start = _resolve_point(left, anchor, ref) or _resolve_point(f"{left} {end[0][:4]}", None, ref)
    if start is None or start[0] > end[0]:
        return None
    return start[0], start[1], end[0]


def _rule_part_of_year(text: str, anchor: dt.date | None, ref: str | None) -> Resolved | None:
    m = re.match(r"^(?:the\s+)?(first|last|second|third|fourth)\s+(?:(\w+)\s+)?(half|quarter|months?)\s+of\s+(.+)$", text)
    if not m:
        return None
    year = _year_of(m.group(4), anchor)
    if year is None:
        return None
    which, count, unit = m.group(1), m.group(2), m.group(3)
    if unit.startswith("month"):
        n = _number(count or "one")
        if not n or n > 12 or which not in ("first", "last"):
            return None
        lo, hi = (1, n) if which == "first" else (13 - n, 12)
    else:
        size = 6 if unit == "half" else 3
        index = 1 if which == "first" else (12 // size if which == "last" else _ORDINALS.index(which))
        if index > 12 // size:
            return None
        lo, hi = (index - 1) * size + 1, index * size
    return f"{year:04d}-{lo:02d}", "month", f"{year:04d}-{hi:02d}"


def _year_of(text: str, anchor: dt.date | None) -> int | None:
    text = _normalise(text)
    if re.fullmatch(r"\d{4}", text):
        return int(text)
    if anchor and text in ("the year", "this year", "the current year"):
        return anchor.year
    if anchor and text in ("last year", "the previous year", "the past year"):
        return anchor.year - 1
    return None


def _rule_season(text: str, anchor: dt.date | None, ref: str | None) -> Resolved | None:
    m = re.match(r"^(?:the\s+)?(?:(early|mid|late)[- ])?(spring|summer|autumn|fall|winter)\s*(?:of\s+)?(.*)$", text)
    if not m:
        return None
    year = _season_year(m.group(3), anchor)
    if year is None:
        return None
    lo, hi = _SEASON_MONTHS[m.group(2)]
    end_year = year + 1 if hi < lo else year  # northern-hemisphere winter spans the new year
    return f"{year:04d}-{lo:02d}", "month", f"{end_year:04d}-{hi:02d}"


def _season_year(rest: str, anchor: dt.date | None) -> int | None:
    rest = rest.strip()
    if re.fullmatch(r"\d{4}", rest):
        return int(rest)
    if anchor is None:
        return None
    if rest in ("", "this year"):
        return anchor.year
    if rest == "last year":
        return anchor.year - 1
    return None


def _rule_season_relative(text: str, anchor: dt.date | None, ref: str | None) -> Resolved | None:
    m = re.match(r"^(last|this|next|the coming|the past)\s+(spring|summer|autumn|fall|winter)$", text)
    if not m or anchor is None:
        return None
    lo, hi = _SEASON_MONTHS[m.group(2)]
    year = anchor.year
    if m.group(1) in ("last", "the past") and (anchor.month <= hi or lo > hi):
        year -= 1  # the season has not ended yet this year, so "last" is the year before
    elif m.group(1) in ("next", "the coming") and anchor.month >= lo:
        year += 1
    return _rule_season(f"{m.group(2)} {year}", anchor, ref)


def _rule_decade(text: str, anchor: dt.date | None, ref: str | None) -> Resolved | None:
    m = re.match(r"^(?:the\s+)?(?:(early|mid|late)[- ])?(\d{3}0)'?s$", text)
    if not m:
        return None
    start = int(m.group(2))
    lo, hi = {None: (0, 9), "early": (0, 3), "mid": (3, 6), "late": (6, 9)}[m.group(1)]
    return f"{start + lo:04d}", "year", f"{start + hi:04d}"


def _rule_modifier(text: str, anchor: dt.date | None, ref: str | None) -> Resolved | None:
    """"late April 2022", "mid-2021", "the end of 2022": the modifier narrows within the
    period; keep the period's precision rather than invent a finer one."""
    m = re.match(r"^(?:(?:early|mid|late)[- ]|(?:the\s+)?(?:end|beginning|start|middle|turn)\s+of\s+)(.+)$", text)
    return _resolve_point(m.group(1), anchor, ref) if m else None


_UNITS = {"day": "days", "week": "weeks", "month": "months", "year": "years", "decade": "years"}


def _rule_offset(text: str, anchor: dt.date | None, ref: str | None) -> Resolved | None:
    """"more than a decade later", "weeks before", "two years after": counted from
    ``reference`` (the time the text is relative to), never from the article date."""
    m = re.match(r"^(more than |less than |nearly |almost |about |over |a few |several |some )?"
                 r"(?:(\w+)\s+)?(days?|weeks?|months?|years?|decades?)\s+(later|after|earlier|before)$", text)
    if not m or ref is None:
        return None
    hedge, count, unit, direction = m.group(1) or "", m.group(2), m.group(3).rstrip("s"), m.group(4)
    n = _number(count) if count else None
    vague = n is None or hedge.strip() in ("a few", "several", "some")
    if count and n is None and count not in ("a", "an"):
        return None
    later = direction in ("later", "after")
    if vague:
        return _vague_offset(unit, later, ref)
    amount = relativedelta(**{_UNITS[unit]: n * (10 if unit == "decade" else 1)})
    base = _value_end(ref) if later else _value_start(ref)
    point = base + amount if later else base - amount
    precision: Precision = "year" if unit in ("year", "decade") else ("month" if unit == "month" else "day")
    precision = _coarser(precision, _precision_of(ref))
    end = OPEN if hedge.strip() in ("more than", "over") and later else None
    return _fmt(point, precision), precision, end


def _vague_offset(unit: str, later: bool, ref: str) -> Resolved:
    """"weeks before February 2022": somewhere within a few units of the reference; a
    range is honest where a point would be invented."""
    span = relativedelta(**{_UNITS[unit]: (10 if unit == "decade" else 1) * 9})
    if unit == "week":
        span = relativedelta(weeks=8)
    precision: Precision = "year" if unit in ("year", "decade") else "month"
    if later:
        lo, hi = _value_start(ref), _value_end(ref) + span
    else:
        lo, hi = _value_start(ref) - span, _value_end(ref)
    return _fmt(lo, precision), precision, _fmt(hi, precision)


_PRECISION_ORDER = ("year", "month", "day", "hour", "minute", "second")


def _coarser(a: Precision, b: Precision) -> Precision:
    return a if _PRECISION_ORDER.index(a) <= _PRECISION_ORDER.index(b) else b


def _precision_of(value: str) -> Precision:
    return ("year", "month", "day")[min(value.count("-"), 2)]


def _rule_weekday(text: str, anchor: dt.date | None, ref: str | None) -> Resolved | None:
    m = re.match(rf"^(last |this |next |this past |this coming )?({'|'.join(_WEEKDAYS)})"
                 r"(?: (?:morning|afternoon|evening|night))?$", text)
    if not m or anchor is None:
        return None
    target = _WEEKDAYS.index(m.group(2))
    back = (anchor.weekday() - target) % 7
    which = (m.group(1) or "").strip()
    if which in ("next", "this coming") or (not which and _future(anchor)):
        day = anchor + dt.timedelta(days=(target - anchor.weekday()) % 7 or 7)
    else:
        # news writes "on Sunday" for the most recent Sunday, which may be the day itself
        day = anchor - dt.timedelta(days=back or (7 if which in ("last", "this past") else 0))
    return day.isoformat(), "day", None


def _rule_weekday_date(text: str, anchor: dt.date | None, ref: str | None) -> Resolved | None:
    """"Sunday, July 6": without a year, the weekday picks the year (nearest to the anchor)."""
    m = re.match(rf"^({'|'.join(_WEEKDAYS)}),?\s+(.+)$", text)
    if not m:
        return None
    rest = m.group(2)
    if re.search(r"\b\d{4}\b", rest) or anchor is None:
        return _resolve_point(rest, anchor, ref)
    target = _WEEKDAYS.index(m.group(1))
    for year in (anchor.year, anchor.year - 1, anchor.year + 1):
        hit = _resolve_point(f"{rest} {year}", None, ref)
        if hit and hit[1] == "day" and dt.date.fromisoformat(hit[0]).weekday() == target:
            return hit
    return _resolve_point(rest, anchor, ref)


def _rule_week(text: str, anchor: dt.date | None, ref: str | None) -> Resolved | None:
    m = re.match(r"^(this|last|next|the past|the previous|the coming) week$", text)
    if not m or anchor is None:
        return None
    shift = {"this": 0, "last": -1, "the past": -1, "the previous": -1, "next": 1, "the coming": 1}[m.group(1)]
    monday = anchor - dt.timedelta(days=anchor.weekday()) + dt.timedelta(weeks=shift)
    return monday.isoformat(), "day", (monday + dt.timedelta(days=6)).isoformat()


def _rule_same_period(text: str, anchor: dt.date | None, ref: str | None) -> Resolved | None:
    m = re.match(r"^the same (?:period|time|month|quarter) (last|the previous|a) year$", text)
    if not m or anchor is None:
        return None
    return f"{anchor.year - 1:04d}", "year", None


def _rule_today(text: str, anchor: dt.date | None, ref: str | None) -> Resolved | None:
    """"earlier today", "later today", "this morning": the article's own day."""
    if anchor is None or not re.fullmatch(
            r"(earlier |later )?(today|tonight)|this (morning|afternoon|evening)|(earlier|later) in the day", text):
        return None
    return anchor.isoformat(), "day", None


def _rule_month_relative(text: str, anchor: dt.date | None, ref: str | None) -> Resolved | None:
    """"last September", "next March", "this October"."""
    m = re.fullmatch(rf"(last|next|this|this past|this coming) ({_MONTHS})", text)
    if not m or anchor is None:
        return None
    month = [x.lower() for x in calendar.month_name].index(m.group(2))
    year = anchor.year
    if m.group(1) in ("last", "this past") and month >= anchor.month:
        year -= 1
    elif m.group(1) in ("next", "this coming") and month <= anchor.month:
        year += 1
    return f"{year:04d}-{month:02d}", "month", None


def _rule_named_year(text: str, anchor: dt.date | None, ref: str | None) -> Resolved | None:
    """"the year", "the previous year": the article's year, or the one before."""
    m = re.fullmatch(r"(the|this|the current|the previous|the past|the prior) year|the year (before|previous)", text)
    if not m or anchor is None:
        return None
    back = 1 if re.search(r"previous|past|prior|before", text) else 0
    return f"{anchor.year - back:04d}", "year", None


def _year_abbreviation(text: str, anchor: dt.date | None) -> Resolved | None:
    """"'82", "’11" (read before normalising, which drops the apostrophe): the year of the
    century that puts it at most ten years after the article."""
    m = re.fullmatch(r"['’](\d{2})", text.strip())
    if not m or anchor is None:
        return None
    year = 2000 + int(m.group(1))
    return f"{year if year <= anchor.year + 10 else year - 100:04d}", "year", None


def _rule_year(text: str, anchor: dt.date | None, ref: str | None) -> Resolved | None:
    m = re.match(r"^(?:the year\s+)?(\d{4})$", text)
    return (m.group(1), "year", None) if m and 1000 <= int(m.group(1)) <= 2999 else None


_RULES = (_rule_today, _rule_month_relative, _rule_named_year, _rule_open_range, _rule_part_of_year,
          _rule_season, _rule_season_relative, _rule_decade, _rule_offset, _rule_week, _rule_same_period, _rule_weekday, _rule_weekday_date,
          _rule_closed_range, _rule_modifier, _rule_year)


# --------------------------------------------------------------------------- dateparser


@lru_cache(maxsize=64)
def _date_parser(base: dt.datetime, future: bool = False):
    """One parser per anchor date: dateparser takes its settings at construction."""
    from dateparser.date import DateDataParser  # slow import; only when first needed

    # past by default: "November 24" in a November 28 article is the one just gone
    prefer = "future" if future else "past"
    return DateDataParser(languages=["en"], settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": prefer,
                                                      "RETURN_TIME_AS_PERIOD": True})


_PERIOD_PRECISION = {"year": "year", "month": "month", "day": "day", "week": "day"}


def _dateparser_point(text: str, anchor: dt.date | None) -> Resolved | None:
    plain = dt.date(anchor.year, anchor.month, anchor.day) if anchor else None
    past = _dateparser_cached(text, plain, _future(anchor))
    if _tense(anchor) != "present" or past is None or plain is None or re.search(r"\b\d{4}\b", text):
        return past
    # present tense ("has a June 1 deadline"): a date just ahead is meant, not one a year back
    ahead = _dateparser_cached(text, plain, True)
    if ahead and plain < _value_start(ahead[0]) <= plain + _NEAR_FUTURE:
        return ahead
    return past


@lru_cache(maxsize=4096)
def _dateparser_cached(text: str, anchor: dt.date | None, future: bool) -> Resolved | None:
    if anchor is None and (not re.search(r"\b\d{4}\b", text) or _RELATIVE_WORDS.search(text)):
        return None  # without an article date only expressions that name their year resolve
    if not _DATEISH.search(text) or _DURATION_ONLY.match(text) or _BARE_NUMBER.match(text):
        return None
    if re.search(r"\b(later|earlier|before|after)\b", text):
        return None  # counted from another time, not from the article date: see _rule_offset
    return _common_point(text, anchor, future) or _dateparser_parse(text, anchor, future)


def _dateparser_parse(text: str, anchor: dt.date | None, future: bool) -> Resolved | None:
    base = dt.datetime.combine(anchor or dt.date(2000, 1, 1), dt.time())
    try:
        data = _date_parser(base, future).get_date_data(text)
    except (ValueError, OverflowError, TypeError):
        return None
    precision = _PERIOD_PRECISION.get(data.period or "")
    if data.date_obj is None or precision is None or data.date_obj.year < 1000:
        return None  # a year before 1000 is a clock time or a code read as one ("0800")
    return _fmt(data.date_obj.date(), precision), precision, None


# --------------------------------------------------------------------------- common shapes, fast
#
# Most time expressions in news are a few shapes ("March", "March 3", "March 2021", "March 3,
# 2021", "yesterday", "last year"). dateparser costs about a millisecond a call; these give
# exactly its answer (same settings: RELATIVE_BASE = anchor at midnight, PREFER_DATES_FROM,
# RETURN_TIME_AS_PERIOD) and are checked against it in tests/test_timeparse_fast.py.
# Anything else, and any invalid or 29 February day, still goes to dateparser.

_MONTH_NUMBER = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
_FAST_MONTH_DAY = re.compile(rf"^({_MONTHS})\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(\d{{4}}))?$")
_FAST_DAY_MONTH = re.compile(rf"^(\d{{1,2}})\s+({_MONTHS})(?:,?\s+(\d{{4}}))?$")
_FAST_MONTH_YEAR = re.compile(rf"^({_MONTHS})(?:,?\s+(?:of\s+)?(\d{{4}}))?$")
_FAST_RELATIVE = {"yesterday": ("day", -1), "tomorrow": ("day", 1), "last year": ("year", -1),
                  "last month": ("month", -1), "this month": ("month", 0), "next month": ("month", 1)}


def _common_point(text: str, anchor: dt.date | None, future: bool) -> Resolved | None:
    """dateparser's answer for the common shapes, or None to ask dateparser."""
    if text in _FAST_RELATIVE:
        return _fast_relative(text, anchor)
    m = _FAST_MONTH_DAY.match(text) or _FAST_DAY_MONTH.match(text)
    if m:
        month_first = m.re is _FAST_MONTH_DAY
        month, day = (m.group(1), m.group(2)) if month_first else (m.group(2), m.group(1))
        return _fast_day(_MONTH_NUMBER[month], int(day), m.group(3), anchor, future)
    m = _FAST_MONTH_YEAR.match(text)
    if m:
        return _fast_month(_MONTH_NUMBER[m.group(1)], m.group(2), anchor, future)
    return None


def _fast_relative(text: str, anchor: dt.date | None) -> Resolved | None:
    if anchor is None:
        return None
    precision, shift = _FAST_RELATIVE[text]
    if precision == "day":
        return (anchor + dt.timedelta(days=shift)).isoformat(), "day", None
    if precision == "year":
        return f"{anchor.year + shift:04d}", "year", None
    return _fmt(dt.date(anchor.year, anchor.month, 1) + relativedelta(months=shift), "month"), "month", None


def _fast_day(month: int, day: int, year: str | None, anchor: dt.date | None,
              future: bool) -> Resolved | None:
    if (month, day) == (2, 29) or not 1 <= day <= 31:
        return None  # dateparser moves to a leap year or reads the number otherwise
    if year is not None:
        if not 1900 <= int(year) <= 2099:
            return None
        try:
            return dt.date(int(year), month, day).isoformat(), "day", None
        except ValueError:
            return None
    if anchor is None:
        return None
    try:
        point = dt.date(anchor.year, month, day)
    except ValueError:
        return None
    # dateparser: a later day is last year's when dates from the past are preferred; the same
    # day or an earlier one is next year's when the future is
    if anchor < point and not future:
        point = point.replace(year=anchor.year - 1)
    elif anchor >= point and future:
        point = point.replace(year=anchor.year + 1)
    return point.isoformat(), "day", None


def _fast_month(month: int, year: str | None, anchor: dt.date | None, future: bool) -> Resolved | None:
    if year is not None:
        return (f"{int(year):04d}-{month:02d}", "month", None) if 1900 <= int(year) <= 2099 else None
    if anchor is None:
        return None
    # dateparser fills the anchor's day (clipped to the month), then places it as for a day
    point = dt.date(anchor.year, month, min(anchor.day, calendar.monthrange(anchor.year, month)[1]))
    if (point.month, point.day) == (2, 29):
        return None  # moving 29 February by a year: dateparser jumps to another leap year
    if anchor < point and not future:
        point = dt.date(anchor.year - 1, month, 1)
    elif anchor >= point and future:
        point = dt.date(anchor.year + 1, month, 1)
    return _fmt(point, "month"), "month", None


def _resolve_point(text: str, anchor: dt.date | None, ref: str | None) -> Resolved | None:
    text = _normalise(text)
    for rule in (_rule_today, _rule_month_relative, _rule_named_year, _rule_season, _rule_decade,
                 _rule_weekday, _rule_weekday_date, _rule_week, _rule_modifier, _rule_year):
        hit = rule(text, anchor, ref)
        if hit:
            return hit
    return _dateparser_point(text, anchor)


# --------------------------------------------------------------------------- API


def warm_up() -> None:
    """Import dateparser and build the tables it compiles on first use (timezones, locale
    simplifications: about a second) now, not inside the first document that needs them."""
    for text in ("the 24th", "a week ago", "last week's", "9:30 pm", "march 3rd"):
        _dateparser_parse(text, dt.date(2020, 1, 15), False)



def resolve(text: str, anchor: str | None = None, reference: str | None = None,
            tense: Tense = "past") -> Resolved | None:
    """Resolve ``text`` ("in March 2021", "since 2023", "two days ago") against the
    ``anchor`` date; None when it does not name a time or cannot be placed. ``tense`` of
    the sentence places days named without a year: "past" (default: "November 24" is the
    last one), "future" ("Friday", "June 3" lie ahead), "present" (ahead only when within
    a month)."""
    norm = _normalise(text)
    if not norm or len(norm) > 80:
        return None
    anchor_date = _parse_anchor(anchor, tense)
    abbreviated = _year_abbreviation(text, anchor_date)
    if abbreviated:
        return abbreviated
    ref = reference if reference and re.fullmatch(r"\d{4}(-\d{2}){0,2}", reference) else None
    for rule in _RULES:
        hit = rule(norm, anchor_date, ref)
        if hit:
            return hit
    return _dateparser_point(norm, anchor_date)

"""Dates as pages print them: absolute ("January 17, 2026", "11/29/2022") and relative
("19 minutes ago", "yesterday"), each with the precision the words actually give."""

from __future__ import annotations

import re
import warnings
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from functools import lru_cache
from importlib import resources
from types import MappingProxyType

import yaml
from dateutil import parser as dateutil_parser
from dateutil.relativedelta import relativedelta

from dyad.models import Precision


@dataclass(frozen=True)
class Stamp:
    # Always parseable by datetime.fromisoformat: "2026-01-17" at day precision and coarser
    # (a month-precise date is the 1st of that month), "2026-01-17T10:42:00Z" finer.
    iso: str
    precision: Precision


@dataclass(frozen=True)
class RelativeRules:
    units: Mapping[str, tuple[str, Precision]]  # unit word → (relativedelta keyword, precision)
    one_words: frozenset[str]
    named: Mapping[str, tuple[int, Precision]]  # phrase → (day offset, precision)
    pattern: re.Pattern


@lru_cache(maxsize=1)
def relative_rules() -> RelativeRules:
    raw = yaml.safe_load(resources.files("dyad.ingest").joinpath("data/dates.yaml").read_text("utf-8"))
    units = {w: (v["unit"], v["precision"]) for w, v in raw["units"].items()}
    named = {w: (v["days"], v["precision"]) for w, v in raw["named"].items()}
    words = sorted(units, key=len, reverse=True)
    count = r"(?P<n>\d+|" + "|".join(map(re.escape, raw["one"])) + ")"
    unit = r"(?P<unit>" + "|".join(map(re.escape, words)) + r")s?"
    names = "|".join(map(re.escape, sorted(named, key=len, reverse=True)))
    clock = r"(?:\s*(?:,|at)?\s*\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?)?"  # "yesterday at 18:30": no zone, so day
    pattern = re.compile(rf"^(?:{count}\s*{unit}\.?\s+ago|(?P<named>{names}){clock})\W*$", re.I)
    return RelativeRules(MappingProxyType(units), frozenset(raw["one"]), MappingProxyType(named), pattern)


def utc(moment: datetime) -> datetime:
    return moment.replace(tzinfo=timezone.utc) if moment.tzinfo is None else moment.astimezone(timezone.utc)


def stamp_of(moment: datetime, precision: Precision) -> Stamp:
    if precision in ("day", "month", "year"):
        return Stamp(moment.date().isoformat(), precision)
    return Stamp(utc(moment).replace(second=0, microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ"), precision)


def is_relative(text: str) -> bool:
    return relative_rules().pattern.match(text.strip()) is not None


def resolve_relative(text: str, now: datetime) -> Stamp | None:
    """"19 minutes ago" → now − 19 min at minute precision; None when not a relative time."""
    rules = relative_rules()
    match = rules.pattern.match(text.strip())
    if match is None:
        return None
    now = utc(now)
    if match.group("named"):
        days, precision = rules.named[match.group("named").lower()]
        return stamp_of(now + timedelta(days=days), precision)
    n = match.group("n").lower()
    count = 1 if n in rules.one_words else int(n)
    unit, precision = rules.units[match.group("unit").lower()]
    try:
        return stamp_of(now - relativedelta(**{unit: count}), precision)
    except (OverflowError, ValueError):
        return None


_HAS_YEAR = re.compile(r"\b(1[89]\d\d|2\d\d\d)\b")
_NUMERIC = re.compile(r"^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$")


def parse_date(text: str) -> Stamp | None:
    """An absolute date with a year; precision from which parts the text names."""
    text = text.strip().rstrip(".,")
    if not _HAS_YEAR.search(text) or len(text) > 60:
        return None
    try:
        with warnings.catch_warnings():  # "EST" and friends: the day is still right
            warnings.simplefilter("ignore", dateutil_parser.UnknownTimezoneWarning)
            first = dateutil_parser.parse(text, default=datetime(2000, 1, 1))
            second = dateutil_parser.parse(text, default=datetime(2001, 2, 2))
    except (ValueError, OverflowError, TypeError):
        return None
    if first.year != second.year:
        return None
    if first.month != second.month:
        return Stamp(f"{first.year:04d}-01-01", "year")
    if first.day != second.day:
        return Stamp(f"{first.year:04d}-{first.month:02d}-01", "month")
    has_time = first.hour or first.minute or re.search(r"\d:\d\d", text)
    if has_time and first.tzinfo is not None:
        return stamp_of(first, "minute")
    return Stamp(first.date().isoformat(), "day")

"""The fast path for common date shapes gives exactly dateparser's answer (same settings)."""

from __future__ import annotations

import calendar
import datetime as dt

import pytest

from dyad import timeparse as tp
from dyad.timeparse import resolve

pytest.importorskip("dateparser")

MONTHS = [m.lower() for m in calendar.month_name[1:]]
# month ends, leap days, the turn of the year: where "the last March 31" is easy to get wrong
ANCHORS = [dt.date(2020, 2, 29), dt.date(2021, 1, 31), dt.date(2022, 11, 30), dt.date(2023, 12, 31),
           dt.date(2024, 1, 1), dt.date(2022, 3, 1), dt.date(2019, 6, 15), dt.date(2024, 3, 31)]


def _texts() -> list[str]:
    texts = list(tp._FAST_RELATIVE)
    for m in MONTHS:
        texts += [m, f"{m} 2021", f"{m}, 1999", f"{m} of 2024"]
        for d in (1, 2, 3, 14, 28, 29, 30, 31, 32):
            texts += [f"{m} {d}", f"{d} {m}", f"{m} {d}, 2021", f"{d} {m} 2020"]
        texts += [f"{m} 1st", f"{m} 22nd", f"{m} 23rd", f"{m} 30th, 2022"]
    return texts


@pytest.mark.slow
@pytest.mark.parametrize("anchor", ANCHORS, ids=str)
def test_timeparse_fast_path_equals_dateparser(anchor):
    checked = 0
    for future in (False, True):
        for text in _texts():
            fast = tp._common_point(text, anchor, future)
            if fast is None:
                continue  # not a common shape (or an edge case): dateparser answers it
            checked += 1
            assert fast == tp._dateparser_parse(text, anchor, future), (text, anchor, future)
    assert checked > 500


def test_timeparse_fast_path_shapes():
    anchor = dt.date(2022, 11, 30)
    assert tp._common_point("march", anchor, False) == ("2022-03", "month", None)
    assert tp._common_point("march", anchor, True) == ("2023-03", "month", None)
    assert tp._common_point("november", anchor, True) == ("2023-11", "month", None)  # today is not ahead
    assert tp._common_point("december 3", anchor, False) == ("2021-12-03", "day", None)
    assert tp._common_point("3 march 2021", anchor, False) == ("2021-03-03", "day", None)
    assert tp._common_point("yesterday", anchor, False) == ("2022-11-29", "day", None)
    assert tp._common_point("last month", anchor, False) == ("2022-10", "month", None)
    assert tp._common_point("next month", dt.date(2022, 12, 31), False) == ("2023-01", "month", None)


def test_timeparse_fast_path_leaves_edge_cases_to_dateparser():
    anchor = dt.date(2022, 11, 30)
    assert tp._common_point("february 29", anchor, False) is None  # dateparser moves to a leap year
    assert tp._common_point("february", dt.date(2020, 2, 29), True) is None
    assert tp._common_point("february 30, 2021", anchor, False) is None  # no such day
    assert tp._common_point("march 3, 1850", anchor, False) is None
    assert tp._common_point("the 24th", anchor, False) is None
    assert tp._common_point("march", None, False) is None


@pytest.mark.slow
def test_timeparse_resolve_unchanged_through_the_fast_path():
    assert resolve("in March 2021", "2022-11-30") == ("2021-03", "month", None)
    assert resolve("on November 24", "2022-11-28") == ("2022-11-24", "day", None)
    assert resolve("June 3", "2022-05-20", tense="future") == ("2022-06-03", "day", None)
    assert resolve("June 3", "2022-05-20", tense="present") == ("2022-06-03", "day", None)
    assert resolve("June 3", "2022-05-20") == ("2021-06-03", "day", None)
    assert resolve("yesterday", "2024-03-01") == ("2024-02-29", "day", None)


def test_timeparse_warm_up_runs():
    tp.warm_up()

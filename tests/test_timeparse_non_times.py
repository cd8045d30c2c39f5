"""dyad.timeparse: what spaCy tags DATE but names no time (ages, counts, lengths, clock codes)
resolves to nothing; a year written with an apostrophe resolves to its year."""

import pytest

from dyad.timeparse import resolve

ANCHOR = "2008-09-17"


@pytest.mark.parametrize("text", ["51", "the 30", "14", "42 ", "20-minute", "8–10 years", "the 12 year",
                                  "the 6 weeks", "three days", "0800", "90-second"])
def test_timeparse_non_times_resolve_to_nothing(text):
    assert resolve(text, ANCHOR) is None


@pytest.mark.parametrize("text, value", [("'82", "1982"), ("’11", "2011"), ("'18", "2018"), ("'19", "1919"), ("'99", "1999")])
def test_timeparse_apostrophe_year_is_the_nearest_fitting_century(text, value):
    assert resolve(text, ANCHOR) == (value, "year", None)


@pytest.mark.parametrize("text, value", [("the 14th", "2008-09-14"), ("14 March", "2008-03-14"), ("2012", "2012"),
                                         ("two years ago", "2006"), ("in 1709", "1709")])
def test_timeparse_real_times_still_resolve(text, value):
    assert resolve(text, ANCHOR)[0] == value

"""Bylines, dates, republication notes, bios, headlines, domains and chrome, one by one."""

from datetime import datetime, timezone

import pytest

from dyad.ingest.clean import clean_lines, is_chrome, strip_prefixes
from dyad.ingest.dates import parse_date, resolve_relative
from dyad.ingest.meta import (
    domain_of, outlet_from_domain, parse_bio, parse_byline, parse_republication, split_headline,
)

NOW = datetime(2025, 1, 1, 0, 30, tzinfo=timezone.utc)


@pytest.mark.parametrize("text, iso, precision", [
    ("19 minutes ago", "2025-01-01T00:11:00Z", "minute"),
    ("5 mins ago", "2025-01-01T00:25:00Z", "minute"),
    ("an hour ago", "2024-12-31T23:30:00Z", "hour"),
    ("2h ago", "2024-12-31T22:30:00Z", "hour"),
    ("yesterday", "2024-12-31", "day"),
    ("3 days ago", "2024-12-29", "day"),
    ("1 week ago", "2024-12-25", "day"),
    ("2 months ago", "2024-11-01", "month"),
])
def test_ingest_meta_relative_times_resolve_with_precision(text, iso, precision):
    stamp = resolve_relative(text, NOW)
    assert (stamp.iso, stamp.precision) == (iso, precision)


@pytest.mark.parametrize("text", ["in 3 days", "ago", "19 minutes", "the day before yesterday's vote"])
def test_ingest_meta_non_relative_phrases_are_ignored(text):
    assert resolve_relative(text, NOW) is None


@pytest.mark.parametrize("text, iso, precision", [
    ("March 4, 2025", "2025-03-04", "day"),
    ("4 March 2025", "2025-03-04", "day"),
    ("11/29/2022", "2022-11-29", "day"),
    ("Nov 2022", "2022-11-01", "month"),
    ("2019", "2019-01-01", "year"),
    ("2024-05-02T11:15:00Z", "2024-05-02T11:15:00Z", "minute"),
])
def test_ingest_meta_absolute_dates_with_precision(text, iso, precision):
    stamp = parse_date(text)
    assert (stamp.iso, stamp.precision) == (iso, precision)


@pytest.mark.parametrize("line, author, date", [
    ("By Priya Raman March 4, 2025", "Priya Raman", "2025-03-04"),
    ("By Jane Doe and John Smith | March 3, 2024", "Jane Doe and John Smith", "2024-03-03"),
    ("By Anna-Lena van der Berg, 12 May 2025", "Anna-Lena van der Berg", "2025-05-12"),
    ("BY KOFI MENSAH", "KOFI MENSAH", None),
])
def test_ingest_meta_bylines(line, author, date):
    byline = parse_byline(line)
    assert byline.author == author
    assert (byline.date.iso if byline.date else None) == date


@pytest.mark.parametrize("line", ["By contrast, the ministry said nothing.", "by the way", "Bye Felicia"])
def test_ingest_meta_not_bylines(line):
    assert parse_byline(line) is None


@pytest.mark.parametrize("line, outlet, date", [
    ("This article first appeared in The Diplomat on 11/29/2022.", "The Diplomat", "2022-11-29"),
    ("This article was first published in Foreign Policy.", "Foreign Policy", None),
    ("This story was originally published by ProPublica on June 2, 2023.", "ProPublica", "2023-06-02"),
    ("Originally published by Nikkei Asia", "Nikkei Asia", None),
    ("Republished with permission from Asia Times.", "Asia Times", None),
    ("This article is republished from The Conversation under a Creative Commons license.", "The Conversation", None),
    ("A version of this article appeared in Le Monde on 5 July 2025.", "Le Monde", "2025-07-05"),
    ("This piece was first published by Rappler. Read the original here.", "Rappler", None),
])
def test_ingest_meta_republication_notes(line, outlet, date):
    note = parse_republication(line)
    assert note.outlet == outlet
    assert (note.date.iso if note.date else None) == date


def test_ingest_meta_ordinary_sentence_is_no_republication_note():
    assert parse_republication("The report was first published in Tehran last year and caused a stir in "
                               "parliament, where deputies demanded an inquiry into the ministry.") is None


@pytest.mark.parametrize("line, name", [
    ("Maria Costa, a Brazilian journalist, is editor of the Lusophone Monitor.", "Maria Costa"),
    ("Kwame Boateng is a senior lecturer at the University of Ghana.", "Kwame Boateng"),
    ("Li Wei (@liwei) is a research fellow at the Institute of Asian Studies.", "Li Wei"),
])
def test_ingest_meta_author_bios(line, name):
    assert parse_bio(line) == name


@pytest.mark.parametrize("line", ["Xi Jinping is expected to visit Moscow.", "Putin is a cynical actor."])
def test_ingest_meta_statements_about_people_are_no_bios(line):
    assert parse_bio(line) is None


def test_ingest_meta_headline_and_deck_on_one_line():
    title, deck = split_headline("Why Seoul Is Rethinking Its Gas Deals With Qatar Korea imports a third of "
                                 "its gas from the Gulf. That may change.")
    assert title == "Why Seoul Is Rethinking Its Gas Deals With Qatar"
    assert deck.startswith("Korea imports a third")
    assert split_headline("Short headline only") == ("Short headline only", None)


@pytest.mark.parametrize("line, host, outlet", [
    ("thediplomat.com.", "thediplomat.com", "The Diplomat"),
    ("www.eurasiareview.com", "eurasiareview.com", "Eurasiareview"),
    ("https://news.bbc.co.uk/", "news.bbc.co.uk", "BBC"),
    ("koreatimes.co.kr", "koreatimes.co.kr", "Koreatimes"),
])
def test_ingest_meta_domains_and_outlets(line, host, outlet):
    assert domain_of(line) == host
    assert outlet_from_domain(host) == outlet


def test_ingest_meta_sentence_is_no_domain():
    assert domain_of("The talks ended.") is None and domain_of("Visit example.com for more") is None


@pytest.mark.parametrize("line", [
    "Subscribe", "Try Our AI Features", "Explore what Newsbot AI can do for you:", "Comments",
    "No comments yet...", "Hashtags", "#Iran #Gaza", "Image", "Credit: AP/ John Doe",
    "© 2024 Example Media Ltd. All Rights Reserved.", "Share this article", "Related Articles",
    "Copyright 2023 The Post", "Photo by Jane Roe/Getty Images", "5 min read", "Advertisement",
])
def test_ingest_meta_chrome_lines(line):
    assert is_chrome(line) or line == "Related Articles"


def test_ingest_meta_chrome_prefix_glued_to_text_and_caption_before_credit():
    assert strip_prefixes("Subscribe for ads-free readingThe talks began.") == "The talks began."
    lines = ["Headline here", "Soldiers at a checkpoint, May 2, 2024.", "Credit: AFP", "", "The body."]
    assert clean_lines(lines) == ["Headline here", "", "The body."]


def test_ingest_meta_long_article_lines_are_never_chrome():
    line = "Comments by the foreign minister " + "were widely reported " * 20
    assert not is_chrome(line)


def test_ingest_meta_data_files_load_as_strings_and_patterns():
    """YAML turns bare on/off/yes/no into booleans; every entry must stay a string."""
    from dyad.ingest.clean import chrome_rules
    from dyad.ingest.dates import relative_rules
    from dyad.ingest.meta import byline_rules, outlet_table, republication_patterns

    rules = chrome_rules()
    assert rules.lines and rules.prefixes and rules.related and rules.credits
    assert all(isinstance(k, str) for k in relative_rules().units)
    assert all(isinstance(k, str) and isinstance(v, str) for k, v in outlet_table().items())
    assert republication_patterns() and byline_rules().update_words == {"updated", "last updated", "modified"}


@pytest.mark.parametrize("line, expected", [
    ("The post went viral. Image Screenshot of the post taken on May 2, 2024, marked by Reuters The claim "
     "spread quickly.", "The post went viral. The claim spread quickly."),
    ("Image Screenshot comparison of two clips (L) and a report on a rally in Lagos Additionally, the voice "
     "does not match.", "Additionally, the voice does not match."),
    # no sentence starter after the caption: left alone rather than guessed
    ("Image Screenshot of the false post AFP has debunked many such posts.",
     "Image Screenshot of the false post AFP has debunked many such posts."),
    ("Image Comics announced on Monday that The Walking Dead would return.",
     "Image Comics announced on Monday that The Walking Dead would return."),
    ("Photo opportunities were rare at the summit. The talks ended.",
     "Photo opportunities were rare at the summit. The talks ended."),
])
def test_ingest_meta_inline_image_captions(line, expected):
    from dyad.ingest.clean import strip_inline_captions

    assert strip_inline_captions(line) == expected


@pytest.mark.parametrize("text, iso", [("Yesterday at 18:30", "2024-12-31"), ("Today, 9:05 am", "2025-01-01")])
def test_ingest_meta_named_days_with_a_clock_time_keep_day_precision(text, iso):
    stamp = resolve_relative(text, NOW)
    assert (stamp.iso, stamp.precision) == (iso, "day")


@pytest.mark.parametrize("line, names", [
    ("(Reporting by Ana Silva and Tom Berg; Editing by Joe Roe)", "Ana Silva and Tom Berg"),
    ("Reporting by Lucy Moreau in Nouméa; Editing by Sam Holt", "Lucy Moreau"),
    ("Story by Maria Gonzalez.", "Maria Gonzalez"),
])
def test_ingest_meta_wire_credit_lines(line, names):
    from dyad.ingest.meta import parse_credit

    assert parse_credit(line) == names


def test_ingest_meta_sentence_about_reporting_is_no_credit():
    from dyad.ingest.meta import parse_credit

    assert parse_credit("Reporting by the state media was delayed by the storm.") is None

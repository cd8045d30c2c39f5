"""extract_html on hand-built pages: decoding, robustness, main text, metadata fallbacks."""

from __future__ import annotations

import json

import pytest

from dyad.errors import DecodeError, InputError, UnsupportedInput
from dyad.ingest.html import ExtractedPage, decode_html, drop_headline, extract_html, page_meta, strip_site_suffix

BODY = " ".join(
    f"<p>Paragraph {i}: the foreign ministers of both countries met in the capital to discuss the ceasefire, "
    f"trade routes and the release of detained journalists, officials said on condition of anonymity.</p>"
    for i in range(6)
)


def _page(head: str = "", body: str = BODY, lang: str = "en") -> str:
    nav = "<nav><ul><li><a href='/'>Home</a></li><li><a href='/world'>World</a></li></ul></nav>"
    foot = "<footer><p>Copyright 2024 Example Media. All rights reserved.</p></footer>"
    return (f"<!DOCTYPE html><html lang='{lang}'><head>{head}</head><body>{nav}"
            f"<article><h1>Ministers meet</h1>{body}</article>{foot}</body></html>")


def test_ingest_html_main_text_without_chrome():
    page = extract_html(_page("<title>Ministers meet</title>").encode())
    assert isinstance(page, ExtractedPage)
    assert "release of detained journalists" in page.text
    assert "All rights reserved" not in page.text and "Home" not in page.text.split()


def test_ingest_html_metadata_from_meta_tags_and_json_ld():
    ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Ministers meet in the capital",
          "author": [{"@type": "Person", "name": "Dana Example"}], "publisher": {"@type": "Organization", "name": "Example Post"},
          "datePublished": "2024-03-05T10:00:00Z"}
    head = ("<title>Ministers meet in the capital | Example Post</title>"
            "<link rel='canonical' href='https://news.example.org/world/ministers-meet'>"
            "<meta name='description' content='Talks on a ceasefire.'>"
            f"<script type='application/ld+json'>{json.dumps(ld)}</script>")
    page = extract_html(_page(head).encode(), url="https://news.example.org/world/ministers-meet?utm=x")
    assert page.title == "Ministers meet in the capital"
    assert page.author == "Dana Example"
    assert page.outlet == "Example Post"
    assert page.url == "https://news.example.org/world/ministers-meet"
    assert page.published_at == "2024-03-05" and page.date_precision == "day"
    assert page.language == "en" and page.description == "Talks on a ceasefire."


def test_ingest_html_page_meta_reads_open_graph():
    from lxml import html

    tree = html.fromstring(_page("<meta property='og:title' content='OG headline'>"
                                 "<meta property='og:site_name' content='OG Outlet'>"
                                 "<meta name='author' content='Sam Writer'>"
                                 "<meta property='og:url' content='https://og.example.com/a'>", lang="fr-FR"))
    meta = page_meta(tree)
    assert (meta.title, meta.sitename, meta.author, meta.canonical, meta.language) == (
        "OG headline", "OG Outlet", "Sam Writer", "https://og.example.com/a", "fr")


def _dated(day: str) -> bytes:
    return _page(f"<meta property='article:published_time' content='{day}T10:00:00Z'>").encode()


def test_ingest_html_date_after_retrieval_is_dropped_not_clamped():
    page = extract_html(_dated("2031-05-06"), retrieved_at="2020-01-01T00:00:00Z")
    assert page.published_at is None and page.date_precision is None


def test_ingest_html_date_on_or_just_after_retrieval_day_is_kept():
    assert extract_html(_dated("2020-03-04"), retrieved_at="2020-03-04T08:00:00Z").published_at == "2020-03-04"
    # local date one day ahead of the UTC retrieval time
    assert extract_html(_dated("2020-03-05"), retrieved_at="2020-03-04T23:00:00Z").published_at == "2020-03-05"


def test_ingest_html_bare_year_is_year_precision():
    html = _page(body=BODY + "<p>Archive 2019</p>").replace("Copyright 2024", "Copyright 2019")
    page = extract_html(html.encode())
    assert page.published_at is None or page.published_at.startswith("2019") and page.date_precision == "year"
    explicit = extract_html(_dated("2019-01-01"))
    assert (explicit.published_at, explicit.date_precision) == ("2019-01-01", "day")


def test_ingest_html_headline_is_title_not_first_text_line():
    assert drop_headline("Ministers meet!\nThe ministers met.", "Ministers Meet") == "The ministers met."
    assert drop_headline("The ministers met.", "Ministers meet") == "The ministers met."
    assert drop_headline("Ministers meet", "Ministers meet") == "Ministers meet"  # never empties the text


def test_ingest_html_strip_site_suffix():
    assert strip_site_suffix("Talks resume | The Daily Example", "The Daily Example", None) == "Talks resume"
    assert strip_site_suffix("Talks resume - dailyexample.com", None, "https://www.dailyexample.com/a") == "Talks resume"
    assert strip_site_suffix("Daily Example :: Talks resume", "Daily Example", None) == "Talks resume"
    assert strip_site_suffix("Talks resume - part two - Daily Example", "Daily Example", None) == "Talks resume - part two"
    # a separator that is part of the headline stays
    assert strip_site_suffix("Russia - Ukraine talks resume", "Daily Example", None) == "Russia - Ukraine talks resume"


def test_ingest_html_decodes_declared_legacy_charset():
    html = _page("<meta charset='iso-8859-1'><title>Café</title>", body=BODY + "<p>Le ministre a déclaré à Genève.</p>")
    page = extract_html(html.encode("cp1252"))
    assert "déclaré à Genève" in page.text


def test_ingest_html_prefers_valid_utf8_over_wrong_declaration():
    html = _page("<meta charset='iso-8859-1'>", body=BODY + "<p>Zürich und Köln verhandeln über Gebühren.</p>")
    assert "Zürich und Köln" in decode_html(html.encode("utf-8"))


def test_ingest_html_decodes_header_charset_and_bom():
    text = "<html><body><p>Привет, мир</p></body></html>"
    assert "Привет" in decode_html(text.encode("koi8-r"), content_type="text/html; charset=koi8-r")
    assert "Привет" in decode_html(text.encode("utf-16"))  # BOM


def test_ingest_html_undecodable_bytes_do_not_crash():
    data = _page().encode() + bytes(range(128, 256)) * 4
    assert "detained journalists" in extract_html(data).text


def test_ingest_html_broken_markup_does_not_raise():
    broken = "<html><body><div><p>Unclosed <b>bold <table><tr><td>cell</div></p></i>" + BODY + "<p"
    page = extract_html(broken.encode())
    assert "foreign ministers" in page.text


@pytest.mark.parametrize("data", [b"", b"   \n ", b"\x00\x01\x02binary\x00" * 10])
def test_ingest_html_empty_or_binary_is_unsupported(data):
    with pytest.raises(UnsupportedInput):
        extract_html(data)


def test_ingest_html_errors_are_input_errors_with_subject():
    with pytest.raises(InputError) as info:
        extract_html(b"", url="https://example.com/a")
    assert "example.com" in str(info.value) and "\n" not in str(info.value)


def test_ingest_html_no_markup_text_is_decode_error_or_text():
    # a page with no element at all: either a one-line DecodeError or a page, never a crash
    try:
        page = extract_html(b"<<<>>>")
    except DecodeError as err:
        assert "\n" not in str(err)
    else:
        assert isinstance(page.text, str)


def test_ingest_html_page_without_article_returns_empty_or_short_text():
    page = extract_html(b"<html><head><title>Index</title></head><body><nav><a href='/'>Home</a></nav></body></html>")
    assert page.title == "Index"
    assert len(page.text) < 40


def test_ingest_html_random_bytes_raise_only_input_errors():
    from hypothesis import given, settings
    from hypothesis import strategies as st

    @settings(max_examples=40, deadline=None, database=None)
    @given(st.binary(max_size=600), st.sampled_from([b"", b"<html><body><p>", b"<meta charset='utf-8'><p>"]))
    def run(data, prefix):
        try:
            page = extract_html(prefix + data)
        except InputError:
            return
        assert isinstance(page.text, str)

    run()

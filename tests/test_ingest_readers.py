"""Inputs of every kind end as Pages or as Failed naming the input and the reason."""

import gzip
import io
from datetime import datetime, timezone
from pathlib import Path

import pytest

from dyad.ingest import IngestOptions, read_inputs, readers
from dyad.models import Failed, Page

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
OPTS = IngestOptions(now=datetime(2025, 6, 10, 12, 0, tzinfo=timezone.utc), max_bytes=100_000)
ARTICLE = "Brazil and Argentina signed a trade deal on Monday.\nThe deal cuts tariffs on cars.\n"


def run(*inputs, stdin=None, options=OPTS):
    return list(read_inputs(list(inputs), options, stdin=stdin))


def only_failed(outcomes) -> Failed:
    assert len(outcomes) == 1 and isinstance(outcomes[0], Failed), outcomes
    return outcomes[0]


def test_ingest_readers_directory_is_recursive_sorted_and_skips_hidden(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / "b" / "two.txt").write_text(ARTICLE.replace("Monday", "Tuesday"))
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / ".hidden.txt").write_text(ARTICLE)
    (tmp_path / ".git" / "x.txt").write_text(ARTICLE)
    outcomes = run(str(tmp_path))
    assert [Path(o.source).relative_to(tmp_path).as_posix() for o in outcomes] == ["a.txt", "b/two.txt"]
    assert all(isinstance(o, Page) for o in outcomes)


def test_ingest_readers_glob_and_missing_inputs(tmp_path):
    (tmp_path / "one.txt").write_text(ARTICLE)
    (tmp_path / "two.md").write_text(ARTICLE)
    assert [o.source for o in run(str(tmp_path / "*.txt"))] == [str(tmp_path / "one.txt")]
    assert "no files match" in only_failed(run(str(tmp_path / "*.pdf"))).reason
    assert "no such file" in only_failed(run(str(tmp_path / "absent.txt"))).reason


def test_ingest_readers_stdin():
    (page,) = run("-", stdin=io.BytesIO(ARTICLE.encode()))
    assert page.source == "-" and page.documents[0].text == ARTICLE.strip()
    assert page.documents[0].retrieved_at == "2025-06-10T12:00:00Z"


@pytest.mark.parametrize("data, reason", [
    (b"", "empty"),
    (b"  \n\t\n", "empty"),
    (b"%PDF-1.7\n...", "PDF"),
    (b"\x89PNG\r\n\x1a\n\x00\x00", "PNG"),
    (b"abc\x00def" * 10, "NUL"),
    (bytes(range(1, 32)) * 40, "control characters"),
])
def test_ingest_readers_bad_files_fail_with_a_reason(tmp_path, data, reason):
    path = tmp_path / "input.txt"
    path.write_bytes(data)
    failed = only_failed(run(str(path)))
    assert failed.source == str(path) and reason in failed.reason


def test_ingest_readers_size_limit_applies_to_files_stdin_and_gzip(tmp_path):
    small = IngestOptions(max_bytes=50, now=OPTS.now)
    path = tmp_path / "big.txt"
    path.write_text(ARTICLE * 5)
    assert "over the 50-byte limit" in only_failed(run(str(path), options=small)).reason
    assert "over the 50-byte limit" in only_failed(run("-", stdin=io.BytesIO(b"x" * 80), options=small)).reason
    bomb = tmp_path / "bomb.txt.gz"
    bomb.write_bytes(gzip.compress(b"a" * 10_000))
    assert "decompressed" in only_failed(run(str(bomb), options=small)).reason


@pytest.mark.parametrize("encoding", ["latin-1", "utf-16", "cp1251", "utf-8-sig"])
def test_ingest_readers_decode_other_encodings(tmp_path, encoding):
    text = {"cp1251": "Москва и Пекин подписали соглашение о торговле в понедельник вечером.\n"}.get(
        encoding, "São Paulo: ministers from Perú and Côte d'Ivoire signed the accord.\n")
    path = tmp_path / "page.txt"
    path.write_bytes(text.encode(encoding))
    (page,) = run(str(path))
    assert page.documents[0].text == text.strip()


def test_ingest_readers_gzipped_text(tmp_path):
    path = tmp_path / "story.txt.gz"
    path.write_bytes(gzip.compress(ARTICLE.encode()))
    (page,) = run(str(path))
    assert page.documents[0].text == ARTICLE.strip()


def test_ingest_readers_jsonl_bad_lines_fail_alone():
    outcomes = run(str(FIXTURES / "records.jsonl"))
    by_source = {o.source.rsplit(":", 1)[1]: o for o in outcomes}
    assert sorted(by_source) == ["1", "2", "4", "5", "6"]  # line 3 is blank
    first = by_source["1"].documents[0]
    assert (first.title, first.outlet, first.published_at, first.url) == (
        "Chile and Argentina agree on border patrols", "Andes Wire", "2023-08-14", "https://andes.example.com/a1")
    assert first.meta == {"id": "a1", "license": "CC-BY-4.0"}
    assert first.source.endswith("records.jsonl:1")
    assert "malformed JSON" in by_source["2"].reason
    assert "JSON object" in by_source["4"].reason and "no text" in by_source["5"].reason
    assert by_source["6"].documents[0].date_precision == "month"


def test_ingest_readers_jsonl_text_is_kept_exactly(tmp_path):
    """Gold annotations point into the text: no cleaning, no stripping."""
    text = "Headline\n\nSubscribe\nBody text with  two spaces. "
    path = tmp_path / "r.jsonl"
    path.write_text('{"text": %s}\n' % __import__("json").dumps(text))
    (page,) = run(str(path))
    assert page.documents[0].text == text


def test_ingest_readers_json_array_file(tmp_path):
    path = tmp_path / "r.json"
    path.write_text('[{"text": "Kenya and Uganda agreed on a pipeline."}, {"title": "x"}]')
    page, failed = run(str(path))
    assert isinstance(page, Page) and failed.source.endswith("r.json:2")


def test_ingest_readers_rss_entries_each_a_page_and_bad_entry_fails():
    outcomes = run(str(FIXTURES / "feed.xml"))
    assert [type(o).__name__ for o in outcomes] == ["Page", "Failed", "Page"]
    doc = outcomes[0].documents[0]
    assert (doc.title, doc.outlet, doc.author, doc.url) == (
        "Fiji and New Zealand sign defence cooperation deal", "Pacific Desk", "Ana Vuli",
        "https://pacific.example.org/fiji-nz")
    assert doc.published_at == "2024-06-17T09:30:00Z"
    assert "The deal covers maritime patrols." in doc.text and "<p>" not in doc.text
    assert outcomes[1].source.endswith("feed.xml:2")


def test_ingest_readers_atom_feed():
    (page,) = run(str(FIXTURES / "atom.xml"))
    doc = page.documents[0]
    assert (doc.outlet, doc.author, doc.published_at) == ("Baltic Monitor", "Mari Tamm", "2024-05-02T11:15:00Z")


def test_ingest_readers_broken_feed_fails(tmp_path):
    path = tmp_path / "broken.xml"
    path.write_text('<?xml version="1.0"?><rss><channel><title>x</title><item><title>unclosed')
    outcomes = run(str(path))
    assert all(isinstance(o, (Page, Failed)) for o in outcomes) and outcomes


def test_ingest_readers_feed_bytes_never_open_a_local_file(tmp_path):
    """feedparser opens a *file name* given as bytes; the reader must hand it a stream."""
    secret = tmp_path / "secret.xml"
    secret.write_text('<rss><channel><item><title>secret</title><description>leak</description></item></channel></rss>')
    path = tmp_path / "name.rss"
    path.write_text(f"<rss {secret}")
    assert all("leak" not in d.text for o in run(str(path)) if isinstance(o, Page) for d in o.documents)


def test_ingest_readers_html_goes_through_the_html_seam(monkeypatch, tmp_path):
    calls = []

    def fake(data, url, retrieved_at, **kw):
        calls.append((url, retrieved_at))
        return {"text": "Main text of the page.\n\nThis article was first published in Le Temps.",
                "title": "T", "outlet": None}

    monkeypatch.setattr(readers, "html_extractor", lambda: fake)
    path = tmp_path / "p.html"
    path.write_text("<html><body><p>x</p></body></html>")
    (page,) = run(str(path))
    doc = page.documents[0]
    assert calls == [(None, "2025-06-10T12:00:00Z")]
    assert (doc.text, doc.republished_from, doc.outlet) == ("Main text of the page.", "Le Temps", "Le Temps")


def test_ingest_readers_html_failures_become_failed(monkeypatch, tmp_path):
    monkeypatch.setattr(readers, "html_extractor", lambda: lambda *a, **k: {"text": ""})
    path = tmp_path / "p.html"
    path.write_text("<html><body></body></html>")
    assert "no main text" in only_failed(run(str(path))).reason


@pytest.mark.slow
def test_ingest_readers_real_html_extraction():
    (page,) = run(str(FIXTURES / "page.html"))
    doc = page.documents[0]
    assert doc.title == "Kenya and Ethiopia open border crossing" and doc.outlet == "Horn Daily"
    assert doc.republished_from == "The East African" and "first appeared" not in doc.text
    assert "Moyale" in doc.text and "Home" not in doc.text


def test_ingest_readers_text_with_html_suffix_is_text(tmp_path):
    path = tmp_path / "saved.html"
    path.write_text(ARTICLE)
    (page,) = run(str(path))
    assert page.documents[0].text == ARTICLE.strip()


def test_ingest_readers_only_chrome_fails_as_empty_after_cleaning(tmp_path):
    path = tmp_path / "chrome.txt"
    path.write_text("Subscribe\nComments\nNo comments yet...\n© 2024 Example Ltd.\n")
    assert "no article text" in only_failed(run(str(path))).reason


def test_ingest_readers_one_bad_input_does_not_stop_the_others(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE)
    outcomes = run(str(tmp_path / "missing.txt"), str(good), "ftp://example.org/x")
    assert [type(o).__name__ for o in outcomes] == ["Failed", "Page", "Failed"]


def test_ingest_readers_pretty_printed_json_object(tmp_path):
    path = tmp_path / "one.json"
    path.write_text('{\n  "title": "Laos opens railway",\n  "text": "Laos opened a railway to China."\n}\n')
    (page,) = run(str(path))
    assert page.documents[0].title == "Laos opens railway" and page.source.endswith("one.json:1")


def test_ingest_readers_a_single_string_is_one_input(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE)
    (page,) = list(read_inputs(str(path), OPTS))
    assert page.source == str(path)


def test_ingest_readers_jsonl_with_a_broken_first_line_keeps_the_rest(tmp_path):
    path = tmp_path / "r.jsonl"
    path.write_text('{"text": "broken\n{"text": "Oman mediates between Iran and the US."}\n')
    failed, page = run(str(path))
    assert failed.source.endswith("r.jsonl:1") and page.documents[0].text.startswith("Oman")


def test_ingest_readers_endless_device_is_capped():
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero on this system")
    assert "limit" in only_failed(run("/dev/zero", options=IngestOptions(max_bytes=1000))).reason


@pytest.mark.slow
@pytest.mark.parametrize("markup", [
    b"<html><body><p>unclosed <div><<<>>> <p>Mongolia and Japan signed an accord",
    b"<!DOCTYPE html><html><head><title>x</title></head><body></body></html>",
    b"<html>" + b"<div>" * 5000 + b"deep text" + b"</div>" * 10,
])
def test_ingest_readers_broken_html_ends_as_page_or_failed(tmp_path, markup):
    path = tmp_path / "broken.html"
    path.write_bytes(markup)
    (outcome,) = run(str(path))
    assert isinstance(outcome, (Page, Failed))

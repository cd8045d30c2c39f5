"""Arbitrary bytes and text through read_inputs never raise and always end as Page or Failed."""

import io
from datetime import datetime, timezone

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dyad.ingest import IngestOptions, read_inputs
from dyad.models import Failed, Page

OPTS = IngestOptions(max_bytes=50_000, now=datetime(2025, 1, 1, tzinfo=timezone.utc))
LINES = st.sampled_from([
    "Subscribe for ads-free reading", "By Jane Roe March 3, 2024", "example.com", "Related Articles", "Reuters",
    "2 hours ago", "- Reuters", "Credit: AP", "This article first appeared in X on 1/2/2023.", "", "Comments",
    "<html>", "{\"text\": \"x\"}", "<rss>", "yesterday", "Jane Roe is a fellow at the Institute.",
    "Image Screenshot of a post by AFP The talks. " * 3, "Trending", "Skip to main content",
])


def _check(outcomes):
    assert outcomes
    for outcome in outcomes:
        assert isinstance(outcome, (Page, Failed))
        if isinstance(outcome, Failed):
            assert outcome.reason and "\n" not in outcome.reason
        else:
            assert outcome.documents and all(d.text.strip() and d.page_id for d in outcome.documents)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=3000))
def test_ingest_fuzz_arbitrary_bytes(data):
    _check(list(read_inputs(["-"], OPTS, stdin=io.BytesIO(data))))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=2000))
def test_ingest_fuzz_arbitrary_text(text):
    _check(list(read_inputs(["-"], OPTS, stdin=io.BytesIO(text.encode("utf-8", "surrogatepass")))))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(LINES, st.text(max_size=80)), max_size=40))
def test_ingest_fuzz_page_shaped_text(lines):
    _check(list(read_inputs(["-"], OPTS, stdin=io.BytesIO("\n".join(lines).encode("utf-8", "surrogatepass")))))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=2000), st.sampled_from([".txt", ".html", ".jsonl", ".xml", ".json", ".gz", ""]))
def test_ingest_fuzz_files_with_any_suffix(tmp_path, data, suffix):
    path = tmp_path / f"input{suffix}"
    path.write_bytes(data)
    _check(list(read_inputs([str(path)], OPTS)))

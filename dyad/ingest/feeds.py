"""RSS/Atom feeds (feedparser): each entry becomes its own Page, so one malformed
entry fails alone. With ``follow`` the entry's link is fetched and extracted instead."""

from __future__ import annotations

import io
import re
from dataclasses import replace
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Callable, Iterator

import feedparser
import lxml.html

from dyad.ingest.dates import Stamp, parse_date, stamp_of
from dyad.ingest.ids import content_id
from dyad.ingest.pasted import iso_utc
from dyad.models import Document, Failed, Page

if TYPE_CHECKING:
    from dyad.ingest.readers import Content

_BLOCK = {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "section", "article"}
_TAGS = re.compile(r"<[^>]+>")


def read_feed(content: "Content", follow: Callable[[str], Iterator[Page | Failed]] | None = None
              ) -> Iterator[Page | Failed]:
    try:
        # A stream, never bytes or str: feedparser opens a str that looks like a URL and
        # bytes that name a file, which would read whatever the input points at.
        parsed = feedparser.parse(io.BytesIO(content.data), sanitize_html=True, resolve_relative_uris=False)
    except Exception as err:  # feedparser wraps most errors in `bozo`, but not all of them
        yield Failed(content.source, f"unreadable feed ({type(err).__name__})")
        return
    if not parsed.entries:
        why = f"malformed feed ({parsed.get('bozo_exception')})" if parsed.get("bozo") else "feed has no entries"
        yield Failed(content.source, why)
        return
    outlet = _clean(parsed.feed.get("title")) if hasattr(parsed, "feed") else None
    for number, entry in enumerate(parsed.entries, start=1):
        source = f"{content.source}:{number}"
        try:
            yield from _entry_pages(entry, source, outlet, content, follow)
        except Exception as err:  # a hostile entry must not lose the others
            yield Failed(source, f"malformed feed entry ({type(err).__name__})")


def _entry_pages(entry, source: str, outlet: str | None, content: "Content",
                 follow: Callable[[str], Iterator[Page | Failed]] | None) -> Iterator[Page | Failed]:
    link = _clean(entry.get("link"))
    stamp = entry_date(entry)
    if follow is not None and link:
        for outcome in follow(link):
            yield _fill_followed(outcome, entry, outlet, stamp) if isinstance(outcome, Page) else outcome
        return
    text = entry_text(entry)
    title = _clean(entry.get("title"))
    if not text and not title:
        yield Failed(source, "feed entry has neither text nor title")
        return
    if not text:
        yield Failed(source, "feed entry has a title but no text; use --follow to fetch its page")
        return
    body = f"{title}\n\n{text}" if title and not text.startswith(title) else text
    doc = Document(
        id=content_id(body), text=body, source=source, title=title, outlet=outlet, url=link,
        author=entry_author(entry), published_at=stamp.iso if stamp else None,
        date_precision=stamp.precision if stamp else None, retrieved_at=iso_utc(content.retrieved),
        page_id=content_id(body), meta=_entry_meta(entry),
    )
    yield Page(source, doc.page_id, (doc,))


def entry_text(entry) -> str:
    """The fullest text the entry carries: content, else summary; HTML → plain text."""
    candidates = [c.get("value") for c in entry.get("content") or [] if isinstance(c, dict)]
    candidates.append(entry.get("summary"))
    for raw in candidates:
        if isinstance(raw, str) and (text := html_to_text(raw)):
            return text
    return ""


def entry_author(entry) -> str | None:
    """RSS writes "email (Name)"; feedparser's author_detail has the name alone."""
    detail = entry.get("author_detail")
    name = detail.get("name") if isinstance(detail, dict) else None
    return _clean(name) or _clean(entry.get("author"))


def entry_date(entry) -> Stamp | None:
    for key in ("published", "updated", "created"):
        if isinstance(entry.get(key), str) and (stamp := parse_date(entry[key])):
            return stamp
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if parsed:
        return stamp_of(datetime(*parsed[:6], tzinfo=timezone.utc), "day")
    return None


def html_to_text(fragment: str) -> str:
    """Feed HTML → text with one line per block element."""
    if "<" not in fragment:
        return fragment.strip()
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
        for el in root.iter():
            if el.tag == "br" or el.tag in _BLOCK:
                el.tail = "\n" + (el.tail or "")
        text = root.text_content()
    except Exception:  # lxml raises several types on broken markup; tags off is good enough
        text = _TAGS.sub(" ", fragment)
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def _fill_followed(page: Page, entry, outlet: str | None, stamp: Stamp | None) -> Page:
    """The followed page's own metadata wins; the entry fills gaps."""
    docs = tuple(replace(
        d, title=d.title or _clean(entry.get("title")), author=d.author or entry_author(entry),
        outlet=d.outlet or outlet, published_at=d.published_at or (stamp.iso if stamp else None),
        date_precision=d.date_precision if d.published_at else (stamp.precision if stamp else None),
    ) for d in page.documents)
    return replace(page, documents=docs)


def _entry_meta(entry) -> dict:
    meta = {}
    if isinstance(entry.get("id"), str):
        meta["entry_id"] = entry["id"]
    tags = [t.get("term") for t in entry.get("tags") or [] if isinstance(t, dict) and t.get("term")]
    if tags:
        meta["tags"] = tags
    return meta


def _clean(value: object) -> str | None:
    return " ".join(value.split()) or None if isinstance(value, str) else None

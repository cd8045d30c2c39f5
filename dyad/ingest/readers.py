"""One input's decoded content → Pages, per format (plain text, HTML, feed, JSONL).

Every function here yields ``Page`` or ``Failed``; a bad line or entry fails alone.
"""

from __future__ import annotations

import inspect
import json
from dataclasses import dataclass
from datetime import datetime
from typing import Callable, Iterator

from dyad.errors import DyadError, InputError
from dyad.ingest.dates import parse_date
from dyad.ingest.feeds import read_feed
from dyad.ingest.ids import content_id
from dyad.ingest.pasted import documents_from_text, finish_extracted, iso_utc
from dyad.ingest.sniff import Kind
from dyad.models import Document, Failed, Page

JSONL_FIELDS = ("title", "date", "source", "url", "text")


@dataclass(frozen=True)
class Content:
    """One input after reading: where it came from and what it holds."""

    source: str
    data: bytes
    text: str  # decoded
    kind: Kind
    retrieved: datetime
    url: str | None = None
    content_type: str | None = None


def read_content(content: Content, follow: Callable[[str], Iterator[Page | Failed]] | None = None
                 ) -> Iterator[Page | Failed]:
    if content.kind == "jsonl":
        yield from read_jsonl(content)
    elif content.kind == "feed":
        yield from read_feed(content, follow)
    elif content.kind == "html":
        yield read_html(content)
    else:
        yield page_of(content.source, content.text, documents_from_text(
            content.text, content.source, content.retrieved, content.url))


def page_of(source: str, whole: str, docs: list[Document]) -> Page | Failed:
    if not docs:
        return Failed(source, "no article text left after removing site chrome")
    return Page(source, content_id(whole), tuple(docs))


# --------------------------------------------------------------------------- HTML


def html_extractor() -> Callable:
    """The seam to ``dyad.ingest.html`` (written separately); tests replace it."""
    from dyad.ingest.html import extract_html

    return extract_html


def _takes(func: Callable, name: str) -> bool:
    try:
        params = inspect.signature(func).parameters
    except (TypeError, ValueError):
        return False
    return name in params or any(p.kind is p.VAR_KEYWORD for p in params.values())


def read_html(content: Content) -> Page | Failed:
    try:
        extract = html_extractor()
        # The HTTP content type helps decoding; pass it when the extractor takes it.
        extra = {"content_type": content.content_type} if _takes(extract, "content_type") else {}
        extracted = extract(content.data, content.url, iso_utc(content.retrieved), **extra)
    except DyadError as err:
        return Failed(content.source, f"HTML: {err.message}")
    except ImportError:
        return Failed(content.source, "HTML extraction is not installed (dyad.ingest.html)")
    page_id = content_id(content.text)
    items = extracted if isinstance(extracted, (list, tuple)) else [extracted]
    docs = [d for d in (_html_document(x, content, page_id) for x in items) if d.text.strip()]
    if not docs:
        return Failed(content.source, "HTML: no main text found in the page")
    return Page(content.source, page_id, tuple(docs))


def _html_document(extracted, content: Content, page_id: str) -> Document:
    """Copy the fields an extractor returned (any object with those attributes)."""
    get = extracted.get if isinstance(extracted, dict) else (lambda name: getattr(extracted, name, None))
    text = (get("text") or "").strip()
    meta = {"description": get("description")} if get("description") else {}
    doc = Document(
        id=content_id(text), text=text, source=content.source, title=get("title"), outlet=get("outlet"),
        author=get("author"), url=get("url") or content.url, published_at=get("published_at"),
        date_precision=get("date_precision"), retrieved_at=iso_utc(content.retrieved), language=get("language"),
        page_id=page_id, meta=meta,
    )
    return finish_extracted(doc)


# --------------------------------------------------------------------------- JSONL


def read_jsonl(content: Content) -> Iterator[Page | Failed]:
    """One Page per record; a JSON array or a pretty-printed object is read as records too."""
    stripped = content.text.lstrip()
    first = stripped.split("\n", 1)[0]
    if stripped.startswith("[") or (stripped.startswith("{") and not _parses(first)):
        try:
            records = json.loads(content.text)
        except ValueError as err:
            if stripped.startswith("["):
                yield Failed(content.source, f"malformed JSON ({err.msg} at line {err.lineno})")
                return
        else:  # one whole JSON document
            for number, record in enumerate(records if isinstance(records, list) else [records], start=1):
                yield _record_page(f"{content.source}:{number}", record, content)
            return
    for number, line in enumerate(content.text.splitlines(), start=1):
        if line.strip():
            yield _record_page(f"{content.source}:{number}", line, content)


def _parses(line: str) -> bool:
    try:
        json.loads(line)
    except ValueError:
        return False
    return True


def _record_page(source: str, raw: str | object, content: Content) -> Page | Failed:
    try:
        record = json.loads(raw) if isinstance(raw, str) else raw
        doc = record_document(record, source, content)
    except ValueError as err:
        return Failed(source, f"malformed JSON line ({getattr(err, 'msg', err)})")
    except InputError as err:
        return Failed(source, err.message)
    return Page(source, doc.id, (doc,))


def record_document(record: object, source: str, content: Content) -> Document:
    """``id, title, date, source, url, text`` → Document; the text is kept exactly as given
    (gold annotations point into it), other fields go to ``meta``."""
    if not isinstance(record, dict):
        raise InputError(f"expected a JSON object, got {type(record).__name__}")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError("record has no text")
    stamp = parse_date(record["date"]) if isinstance(record.get("date"), str) else None
    meta = {k: v for k, v in record.items() if k not in JSONL_FIELDS}
    if record.get("date") and stamp is None:
        meta["date"] = record["date"]
    return Document(
        id=content_id(text), text=text, source=source, title=_str(record.get("title")),
        outlet=_str(record.get("source")), url=_str(record.get("url")),
        published_at=stamp.iso if stamp else None, date_precision=stamp.precision if stamp else None,
        retrieved_at=iso_utc(content.retrieved), page_id=content_id(text), meta=meta,
    )


def _str(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


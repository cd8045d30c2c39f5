"""A page as people paste it from the web → one or more Documents.

Order matters: split the page into its articles first (so chrome between teasers does
not glue them together), then drop chrome, then read the metadata that the head
(shared comment, domain, headline, byline) and the tail (republication note, bio)
carry, removing those lines from the text.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime

from dyad.ingest.clean import clean_lines, collapse_blank_lines
from dyad.ingest.dates import Stamp, parse_date, resolve_relative, utc
from dyad.ingest.ids import content_id
from dyad.ingest.meta import (
    address_of, is_headline, outlet_from_domain, parse_bio, parse_byline, parse_credit, parse_date_line,
    parse_republication, split_headline,
)
from dyad.ingest.split import Item, split_page
from dyad.models import Document

MAX_COMMENT_LINES = 4
MAX_COMMENT_WORDS = 80
HEAD_WINDOW = 6  # a shared page's domain line sits within the first few lines


@dataclass
class Fields:
    """Metadata gathered while reading one article (mutable only inside this module)."""

    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    date: Stamp | None = None
    shared_comment: str | None = None
    republished_from: str | None = None
    url: str | None = None
    meta: dict = field(default_factory=dict)


def documents_from_text(text: str, source: str, now: datetime, url: str | None = None) -> list[Document]:
    """Every article on the page, all carrying the page's id."""
    page_id = content_id(text)
    split = split_page(text.splitlines())
    fields, body = read_article(list(split.main), now)
    if split.items:
        fields.meta["related"] = len(split.items)
    if split.leftover:
        fields.meta["dropped_related_lines"] = len(split.leftover)
    docs = [_document(fields, body, source, now, page_id, url)]
    docs += [_document(*read_item(item, now), source, now, page_id, None) for item in split.items]
    return [d for d in docs if d.text.strip()]


def read_article(lines: list[str], now: datetime) -> tuple[Fields, list[str]]:
    fields = Fields()
    lines = clean_lines(lines)
    lines = _read_head(lines, fields, now)
    lines = _read_tail(lines, fields)
    if fields.title is None and len(lines) > 1 and is_headline(lines[0]):
        fields.title = lines[0].strip()
    return fields, collapse_blank_lines(lines)


def read_item(item: Item, now: datetime) -> tuple[Fields, list[str]]:
    fields, body = read_article(list(item.body), now)
    fields.title = item.title
    fields.outlet = fields.outlet or item.outlet
    fields.date = fields.date or resolve_relative(item.when, now) or parse_date(item.when)
    fields.meta["printed_time"] = item.when
    return fields, [item.title, *body]


def _read_head(lines: list[str], fields: Fields, now: datetime) -> list[str]:
    """Shared comment → bare domain or URL → headline (+ deck) → byline, when the page starts so."""
    nonblank = [i for i, line in enumerate(lines) if line.strip()][:HEAD_WINDOW]
    at = next((i for i in nonblank if address_of(lines[i])), None)
    if at is not None and at + 1 < len(lines):
        comment = [line.strip() for line in lines[:at] if line.strip()]
        if len(comment) <= MAX_COMMENT_LINES and sum(len(c.split()) for c in comment) <= MAX_COMMENT_WORDS:
            host, url = address_of(lines[at])
            fields.shared_comment = "\n".join(comment) or None
            fields.outlet, fields.url = outlet_from_domain(host), url
            fields.meta["domain"] = host
            return _read_headline(lines[at + 1 :], fields, now)
    return _read_byline(lines, fields, now, window=4)


def _read_headline(lines: list[str], fields: Fields, now: datetime) -> list[str]:
    lines = collapse_blank_lines(lines)
    if not lines:
        return lines
    title, deck = split_headline(lines[0])
    if deck is not None or is_headline(title):
        fields.title = title
        lines = [title, *([deck] if deck else []), *lines[1:]]
    return _read_byline(lines, fields, now, window=3)


def _read_byline(lines: list[str], fields: Fields, now: datetime, window: int) -> list[str]:
    """A byline and a date line near the top (either order) become metadata."""
    lines = list(lines)
    i, seen = 0, 0
    while i < len(lines) and seen < window + 1:
        line = lines[i]
        seen += bool(line.strip())
        byline = parse_byline(line) if fields.author is None else None
        dated = parse_date_line(line, now) if line.strip() else None
        if byline is not None:
            fields.author = byline.author
            fields.date = fields.date or byline.date
        elif dated is not None and i > 0:
            _take_date(fields, *dated)
        else:
            i += 1
            continue
        del lines[i]
    return lines


def _take_date(fields: Fields, stamp: Stamp, is_update: bool) -> None:
    if is_update:
        fields.meta["updated_at"] = stamp.iso
    elif fields.date is None:
        fields.date = stamp


def _read_tail(lines: list[str], fields: Fields) -> list[str]:
    """Republication note, author bio or a closing "By NAME", in any order, at the end."""
    lines = collapse_blank_lines(lines)
    for _ in range(3):
        if len(lines) < 2:
            break
        last = lines[-1].strip()
        if (note := parse_republication(last)) is not None:
            fields.republished_from = note.outlet
            fields.outlet = fields.outlet or note.outlet
            fields.date = fields.date or note.date
        elif (author := _tail_author(last, lines[:-1])) is not None:
            fields.author = fields.author or author
        else:
            break
        lines = collapse_blank_lines(lines[:-1])
    return lines


def _tail_author(line: str, before: list[str]) -> str | None:
    byline = parse_byline(line)
    if byline is not None and byline.date is None and len(line.split()) <= 8:
        return byline.author
    if credit := parse_credit(line):
        return credit
    name = parse_bio(line)
    # A person named earlier in the article is its subject, not its author.
    if name and not any(name in other for other in before):
        return name
    return None


def _document(fields: Fields, body: list[str], source: str, now: datetime, page_id: str,
              url: str | None) -> Document:
    text = "\n".join(body).strip()
    return Document(
        id=content_id(text), text=text, source=source, title=fields.title, outlet=fields.outlet,
        author=fields.author, url=url or fields.url,
        published_at=fields.date.iso if fields.date else None,
        date_precision=fields.date.precision if fields.date else None,
        retrieved_at=iso_utc(now), shared_comment=fields.shared_comment,
        republished_from=fields.republished_from, page_id=page_id, meta=dict(fields.meta),
    )


def iso_utc(moment: datetime) -> str:
    return utc(moment).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")


def finish_extracted(doc: Document) -> Document:
    """Fill what an HTML extractor left open from the text's tail (republication note, bio)."""
    fields = Fields()
    lines = _read_tail(doc.text.splitlines(), fields)
    if not (fields.republished_from or fields.author):
        return doc
    text = "\n".join(lines).strip()
    return replace(
        doc, id=content_id(text), text=text, author=doc.author or fields.author,
        outlet=doc.outlet or fields.outlet, republished_from=doc.republished_from or fields.republished_from,
        published_at=doc.published_at or (fields.date.iso if fields.date else None),
        date_precision=doc.date_precision if doc.published_at else (fields.date.precision if fields.date else None),
    )

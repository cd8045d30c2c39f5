"""Split one pasted page into its articles: the main article, and the teasers that a
"Related Articles" section lists after it, each shaped

    Outlet
    19 minutes ago
    - Outlet
    Title
    body …
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dyad.ingest.clean import is_chrome, is_related_heading
from dyad.ingest.dates import is_relative, parse_date
from dyad.ingest.meta import parse_byline

_DASH_OUTLET = re.compile(r"^[-–—•·]\s*(?P<outlet>\S.{0,60})$")
_ONE_LINE_HEADER = re.compile(r"^(?P<outlet>[^\s·•|].{0,50}?)\s+[·•|–—-]\s+(?P<when>.{2,40})$")
MAX_OUTLET_WORDS = 6
MIN_TITLE_WORDS = 3
MIN_PROSE_WORDS = 15  # a related list follows an article; above any prose it is a menu
_NAME_LINKS = {"of", "the", "and", "de", "la", "le", "du", "el", "al", "der", "des", "di", "&", "-", "–"}
_PROSE_END = ('.', '!', '?', '"', '”', "'", "’", ")")


@dataclass(frozen=True)
class Item:
    """One teaser in a related-articles list."""

    outlet: str
    when: str  # the time as printed ("2 hours ago", "July 3, 2025")
    title: str
    body: tuple[str, ...]


@dataclass(frozen=True)
class Split:
    main: tuple[str, ...]
    items: tuple[Item, ...]
    leftover: tuple[str, ...]  # non-blank lines of a related section that formed no item


def is_time(text: str) -> bool:
    """A teaser's time: relative, or a date precise to the day (a bare year is a menu entry)."""
    text = text.strip()
    if not text or len(text) > 40:
        return False
    stamp = parse_date(text)
    return is_relative(text) or (stamp is not None and stamp.precision not in ("year", "month"))


def _outlet_like(line: str) -> bool:
    text = line.strip()
    words = text.split()
    return (0 < len(words) <= MAX_OUTLET_WORDS and not text.endswith((".", "?", "!", ":", ","))
            and all(w[:1].isupper() or w[:1].isdigit() or w.lower() in _NAME_LINKS for w in words)
            and not is_time(text) and not is_chrome(text) and parse_byline(text) is None)


def _title_like(line: str) -> bool:
    text = line.strip()
    return len(text.split()) >= MIN_TITLE_WORDS and not is_chrome(text) and parse_byline(text) is None


def header_at(lines: list[str], i: int) -> tuple[str, str, int] | None:
    """(outlet, time, index after the header) when an item starts at line i."""
    line = lines[i].strip()
    one = _ONE_LINE_HEADER.match(line)
    if one and _outlet_like(one.group("outlet")) and is_time(one.group("when")):
        return one.group("outlet").strip(), one.group("when").strip(), _skip_dash_outlet(lines, i + 1)
    if i + 1 < len(lines) and _outlet_like(line) and is_time(lines[i + 1]):
        return line, lines[i + 1].strip(), _skip_dash_outlet(lines, i + 2)
    return None


def _skip_dash_outlet(lines: list[str], i: int) -> int:
    """Feeds print the outlet again as "- Outlet" under the time; it adds nothing."""
    return i + 1 if i < len(lines) and _DASH_OUTLET.match(lines[i].strip()) else i


def split_page(lines: list[str]) -> Split:
    """The first related-articles heading followed by items splits the page; a heading
    with no items after it ("Read more" inside an article) splits nothing."""
    prose = False
    for heading, line in enumerate(lines):
        if prose and is_related_heading(line):
            items, leftover = parse_items(lines[heading + 1 :])
            if items:
                return Split(tuple(lines[:heading]), items, leftover)
        prose = prose or _is_prose(line)
    return Split(tuple(lines), (), ())


def _is_prose(line: str) -> bool:
    text = line.strip()
    return len(text.split()) >= MIN_PROSE_WORDS and text.endswith(_PROSE_END)


def parse_items(lines: list[str]) -> tuple[tuple[Item, ...], tuple[str, ...]]:
    items: list[Item] = []
    leftover: list[str] = []
    i = 0
    while i < len(lines):
        header = header_at(lines, i) if lines[i].strip() else None
        if header is None:
            if lines[i].strip() and not is_chrome(lines[i]):
                leftover.append(lines[i].strip())
            i += 1
            continue
        item, i = _read_item(lines, header)
        if item is not None:
            items.append(item)
    return tuple(items), tuple(leftover)


def _read_item(lines: list[str], header: tuple[str, str, int]) -> tuple[Item | None, int]:
    outlet, when, i = header
    while i < len(lines) and not lines[i].strip():
        i += 1
    if i >= len(lines):
        return None, i
    title, body = lines[i].strip(), []
    if not _title_like(title):
        return None, i
    i += 1
    while i < len(lines) and not (lines[i].strip() and header_at(lines, i)):
        body.append(lines[i])
        i += 1
    return Item(outlet, when, title, tuple(body)), i

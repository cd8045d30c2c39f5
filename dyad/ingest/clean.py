"""Drop the site chrome people paste along with an article (subscribe prompts,
comment boxes, share buttons, photo credits, copyright footers).

The patterns are data (``data/chrome.yaml``) and general: they describe what chrome
looks like on any site, never one site's wording of an article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

MAX_CHROME_CHARS = 200  # chrome is short; a long line is article text even if it starts alike
MAX_CAPTION_WORDS = 45
MAX_NAV_WORDS = 3
MAX_NAV_CHARS = 30
MIN_NAV_RUN = 3


@dataclass(frozen=True)
class ChromeRules:
    lines: tuple[re.Pattern, ...]
    prefixes: tuple[re.Pattern, ...]
    related: tuple[re.Pattern, ...]
    credits: tuple[re.Pattern, ...]
    inline_caption: re.Pattern


@lru_cache(maxsize=1)
def chrome_rules() -> ChromeRules:
    raw = yaml.safe_load(resources.files("dyad.ingest").joinpath("data/chrome.yaml").read_text("utf-8"))

    def full(key: str) -> tuple[re.Pattern, ...]:
        return tuple(re.compile(rf"^(?:{p})$", re.I) for p in raw[key])

    prefixes = tuple(re.compile(rf"^\s*(?:{p})\s*(?=\S)", re.I) for p in raw["prefixes"])
    credits = tuple(re.compile(rf"^(?:{p})", re.I) for p in raw["credit_markers"])
    return ChromeRules(full("lines"), prefixes, full("related_headings"), credits, _inline_caption(raw))


def _inline_caption(raw: dict) -> re.Pattern:
    markers = "|".join(map(re.escape, raw["inline_caption_markers"]))
    starters = "|".join(map(re.escape, raw["sentence_starters"]))
    # marker after a sentence end · caption of at most 40 words · its last word capitalised
    return re.compile(
        rf"(?:(?<=^)|(?<=[.!?\"”’)]\s))(?:{markers}) [A-Z](?:\S*\s){{0,40}}?[A-Z][\w.)-]*\s(?=(?:{starters})[\s,])")


def is_chrome(line: str) -> bool:
    """A chrome line, or a related-articles heading left over after splitting."""
    text = line.strip()
    if not text or len(text) > MAX_CHROME_CHARS:
        return False
    return any(p.match(text) for p in chrome_rules().lines) or is_related_heading(text)


def is_related_heading(line: str) -> bool:
    text = line.strip().rstrip(":")
    return bool(text) and len(text) <= 60 and any(p.match(text) for p in chrome_rules().related)


def is_credit(line: str) -> bool:
    text = line.strip()
    return len(text) <= MAX_CHROME_CHARS and any(p.match(text) for p in chrome_rules().credits)


def strip_prefixes(line: str) -> str:
    """"Subscribe for ads-free readingThe outbreak …" → "The outbreak …"."""
    for pattern in chrome_rules().prefixes:
        line = pattern.sub("", line, count=1)
    return line


def strip_inline_captions(line: str) -> str:
    if not any(m in line for m in ("Image ", "Photo ", "Picture ")):
        return line  # cheap exit: the regex is costly on long paragraphs
    return chrome_rules().inline_caption.sub("", line)


def clean_lines(lines: list[str]) -> list[str]:
    """The lines without chrome; a short line right before a photo credit is its caption."""
    out: list[str] = []
    for line in lines:
        if is_credit(line):
            if out and out[-1].strip() and len(out[-1].split()) <= MAX_CAPTION_WORDS:
                out.pop()
            continue
        if is_chrome(line):
            continue
        out.append(strip_inline_captions(strip_prefixes(line)).rstrip())
    return drop_navigation(collapse_blank_lines(out))


def _nav_like(line: str) -> bool:
    """A menu entry: one to three words, no sentence punctuation, no digits (dates)."""
    text = line.strip()
    return (0 < len(text.split()) <= MAX_NAV_WORDS and len(text) <= MAX_NAV_CHARS
            and not re.search(r"[.,:;!?\d@/。、「」！？：；]", text))


def drop_navigation(lines: list[str]) -> list[str]:
    """Menus pasted above or below an article: a run of at least three menu-like lines
    at either end of the page. Inside the article such runs are left alone."""
    nonblank = [i for i, line in enumerate(lines) if line.strip()]
    head = 0
    while head < len(nonblank) and _nav_like(lines[nonblank[head]]):
        head += 1
    tail = 0
    while tail < len(nonblank) - head and _nav_like(lines[nonblank[-1 - tail]]):
        tail += 1
    start = nonblank[head] if MIN_NAV_RUN <= head < len(nonblank) else 0
    end = nonblank[-1 - tail] + 1 if tail >= MIN_NAV_RUN and head < len(nonblank) - tail else len(lines)
    return collapse_blank_lines(lines[start:end]) if (start, end) != (0, len(lines)) else lines


def collapse_blank_lines(lines: list[str]) -> list[str]:
    """At most one blank line in a row, none at either end."""
    out: list[str] = []
    for line in lines:
        if line.strip() or (out and out[-1].strip()):
            out.append(line if line.strip() else "")
    while out and not out[-1].strip():
        out.pop()
    return out

"""Quotation marks on the characters of a text: where direct quotes open and close.

Straight, curly and mixed pairs ('...", a single mark closed by a double one), curly quotations
nested in curly ones, quotations that run over several paragraphs (each reopened with a mark),
an apostrophe inside a word ("don't", "Iran's") closing nothing. ``find_direct_spans(text)``
returns the outermost quoted runs in order; ``dyad.nlp.quotes`` attributes them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

DOUBLE_OPEN, DOUBLE_CLOSE = "“\"", "”\""
SINGLE_OPEN, SINGLE_CLOSE = "‘'", "’'"
ALL_MARKS = DOUBLE_OPEN + DOUBLE_CLOSE + SINGLE_OPEN + SINGLE_CLOSE
# Characters trimmed from both ends of a content span (quote marks, separators, dashes).
EDGE_CHARS = " \t\r\n" + ALL_MARKS + ",.;:—–-―…()[]"
OPEN_AFTER = "([{—–-―/:" + ALL_MARKS
_MAY_OPEN = re.compile("[" + re.escape(DOUBLE_OPEN + SINGLE_OPEN + "”") + "]")


@dataclass(frozen=True)
class DirectSpan:
    """A run of quoted words: ``start``/``end`` bound the words inside the marks."""

    open: int  # offset of the opening mark
    start: int
    end: int
    close: int  # offset just after the closing mark (== end when the paragraph closed it)


def can_open(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else "\n"
    after = text[i + 1] if i + 1 < len(text) else " "
    if text[i] in "“‘":
        return not after.isspace() or text[i] == "“"
    return (before.isspace() or before in OPEN_AFTER) and not after.isspace()


def _can_close(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if before.isspace():
        return False
    # an apostrophe inside a word ("don't", "Iran's") closes nothing
    return not after.isalnum()


def _find_close(text: str, i: int, closers: str, limit: int) -> int | None:
    for k in range(i + 1, limit):
        if text[k] in closers and _can_close(text, k):
            return k
    return None


def para_end(text: str, i: int) -> int:
    end = text.find("\n", i)
    return len(text) if end < 0 else end


def _next_para_opens(text: str, end: int, opener: str) -> int | None:
    """Offset of the opening mark that starts the next paragraph (a quote running on), else None."""
    m = re.compile(r"\n\s*").match(text, end)
    k = m.end() if m else end
    return k if k < len(text) and text[k] in opener and can_open(text, k) else None


def _find_nested_close(text: str, i: int, limit: int) -> int | None:
    """The curly mark closing the curly one at ``i`` past quotations nested in it ('“I'd rather
    live in what he calls “hell” than ...”'); None when the nesting does not close in the paragraph."""
    depth = 0
    for k in range(i + 1, limit):
        if text[k] == "“" and can_open(text, k):
            depth += 1
        elif text[k] == "”" and _can_close(text, k):
            if depth == 0:
                return k
            depth -= 1
    return None


def _scan_double(text: str, i: int) -> DirectSpan | None:
    start, limit = i + 1, para_end(text, i)
    while True:
        k = (_find_nested_close(text, i, limit) if text[i] == "“" else None) or _find_close(
            text, i, DOUBLE_CLOSE, limit)
        if k is not None:
            return DirectSpan(start - 1, start, k, k + 1) if k > start else None
        nxt = _next_para_opens(text, limit, DOUBLE_OPEN)
        if nxt is None:  # unclosed at the paragraph end: transcripts and sloppy pages do this
            return DirectSpan(start - 1, start, limit, limit) if limit > start else None
        i, limit = nxt, para_end(text, nxt)


def _scan_single(text: str, i: int) -> DirectSpan | None:
    # a single mark may be closed by a double one ('Each ... other.") but never crosses a paragraph
    k = _find_close(text, i, SINGLE_CLOSE + DOUBLE_CLOSE, para_end(text, i))
    return DirectSpan(i, i + 1, k, k + 1) if k is not None and k > i + 1 else None


def _misturned_opener(text: str, i: int) -> bool:
    """A closing mark that opens a paragraph ('\n”Mr. Trump embodies ...” ― X') opens a quote:
    sloppy pages turn the mark the wrong way."""
    return (text[i] == "”" and (i == 0 or text[i - 1] == "\n") and i + 1 < len(text)
            and not text[i + 1].isspace())


def find_direct_spans(text: str) -> list[DirectSpan]:
    """Quoted runs in ``text``, outermost only, in order."""
    spans: list[DirectSpan] = []
    i = 0
    while (m := _MAY_OPEN.search(text, i)) is not None:  # only these marks can open a quote
        i = m.start()
        ch = text[i]
        span = None
        if (ch in DOUBLE_OPEN and can_open(text, i)) or _misturned_opener(text, i):
            span = _scan_double(text, i)
        elif ch in SINGLE_OPEN and can_open(text, i):
            span = _scan_single(text, i)
        if span is not None:
            spans.append(span)
            i = max(span.close, i + 1)
        else:
            i += 1
    return spans


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in EDGE_CHARS:
        start += 1
    while end > start and text[end - 1] in EDGE_CHARS:
        end -= 1
    return start, end


def paragraph(text: str, char: int) -> int:
    return text.count("\n\n", 0, char) if "\n\n" in text else text.count("\n", 0, char)

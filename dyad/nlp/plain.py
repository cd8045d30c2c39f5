"""Sentences without the English pipeline, for documents Dyad does not analyse (another
language): stored as sentences, they are searchable and citable, with no actors or events.

The split is deliberately simple — after ., !, ?, the CJK full stops, or a line break — since
nothing is coded from these sentences; it never imports spaCy.
"""

from __future__ import annotations

import re

from dyad.models import Analysis, Sentence

_SENTENCE = re.compile(r"[^\n.!?。！？]*(?:[.!?。！？]+[\"'”’»)]*|\n|$)")


def plain_sentences(text: str) -> tuple[Sentence, ...]:
    out = []
    for m in _SENTENCE.finditer(text):
        raw = m.group()
        stripped = raw.strip()
        if not stripped:
            continue
        start = m.start() + (len(raw) - len(raw.lstrip()))
        out.append(Sentence(len(out), start, start + len(stripped), stripped))
    return tuple(out)


def plain_analysis(text: str) -> Analysis:
    return Analysis(sentences=plain_sentences(text))

"""Attributions found by the layout of the text rather than its parse.

Transcript lines ("PENCE: ..."), short headlines with a colon ("Pence: Flowers Won't Be at
Debate", "Poll: ..."), quotes signed with a dash ('"..." ― Sonya Herridge'), and Title Case
headlines with a cue verb ("Sanders Vows To Eliminate Tax Breaks"), which the parser reads badly.
``label_frames`` and ``title_frames`` return ``Frame``s for ``dyad.nlp.quotes``.
"""

from __future__ import annotations

import re
from itertools import takewhile

from spacy.tokens import Doc

from dyad.nlp.quote_frames import Frame, token_at
from dyad.nlp.quote_marks import ALL_MARKS, DirectSpan, trim
from dyad.nlp.types import doc_text
from dyad.ontology.cues import CueLexicon

TRANSCRIPT = re.compile(r"^[ \t]*[\"“]?([A-Z][A-Z.'\- ]{1,40}[A-Z.]):[ \t]+(\S[^\n]*)$", re.MULTILINE)
# a short headline-like line "Name: what they said" (speakers checked against entities and a word list)
# or "Name on Topic: what they said" ("Obama on Climate Change: The Trends Are 'Terrifying'")
HEADLINE = re.compile(r"^([A-Z][\w.'’\-]*(?:[ \t][A-Z][\w.'’\-]*){0,4})(?:[ \t]on[ \t][^:\n]{1,60})?"
                      r":[ \t]+(\S[^\n]*)$", re.MULTILINE)
# an inverted cue opening a sentence before a quotation: 'Said Ellis: "..."', 'Says Mr. Park, "..."'
INVERTED = re.compile(r"(?:^|(?<=[.!?\n]))[ \t]*((?:Said|Says|Added|Adds|Wrote|Writes|Asked|Asks)"
                      r")[ \t]+([A-Z][\w.'’\-]*(?:[ \t]+[A-Z][\w.'’\-]*){0,4})[ \t]*[:,][ \t]*", re.MULTILINE)
# a quote signed with a dash: '"..." ― Sonya Herridge'
SIGNED = re.compile(r"\s*([―—–]|--)\s*([A-Z][\w.'\-]*(?:[ \t]+[A-Z][\w.'\-]*){0,3})")


def _headline_frames(doc: Doc, lex: CueLexicon) -> list[Frame]:
    """Headline attribution: "Pence: Flowers Won't Be at Debate", "Poll: Clinton and Trump Tied"."""
    frames = []
    for m in HEADLINE.finditer(doc_text(doc)):
        if len(m.group(0)) > 200 or len(m.group(2).split()) < 3 or m.group(1).isupper():
            continue
        last = doc[token_at(doc, m.end(1) - 1)]
        if not (last.ent_type_ in ("PERSON", "ORG") or m.group(1).lower() in lex.headline_sources):
            continue
        start, end = trim(doc_text(doc), m.start(2), m.end(2))
        colon = doc_text(doc).rfind(":", m.end(1), m.start(2))
        frames.append(Frame(start, end, ":", colon, colon + 1, m.start(1), m.end(1), last.i,
                             kind="direct" if doc_text(doc)[m.start(2)] in ALL_MARKS else "indirect", layout=True))
    return frames


def label_frames(doc: Doc, directs: list[DirectSpan], lex: CueLexicon) -> list[Frame]:
    """Speakers named by layout: transcript lines ("PENCE: ..."), inverted cues ('Said Ellis: "..."')
    and signed quotes ("..." ― Name)."""
    frames = []
    for m in TRANSCRIPT.finditer(doc_text(doc)):
        start, end = trim(doc_text(doc), m.start(2), m.end(2))
        if end > start:
            head = token_at(doc, m.start(1))
            frames.append(Frame(start, end, ":", m.end(1), m.end(1) + 1, m.start(1), m.end(1), head, kind="direct",
                                 layout=True))
    frames.extend(_headline_frames(doc, lex))
    opens = {span.open: span for span in directs}
    for m in INVERTED.finditer(doc_text(doc)):
        span = opens.get(m.end())
        if span is not None:
            head = token_at(doc, m.end(2) - 1)
            frames.append(Frame(span.start, span.end, m.group(1), m.start(1), m.end(1), m.start(2), m.end(2), head,
                                 kind="direct", layout=True))
    closes = {span.close: span for span in directs}
    for m in SIGNED.finditer(doc_text(doc)):
        span = closes.get(m.start())
        if span is not None:
            head = token_at(doc, m.end(2) - 1)
            frames.append(Frame(span.start, span.end, m.group(1), m.start(1), m.end(1), m.start(2), m.end(2), head,
                                 kind="direct", layout=True))
    return frames


def title_frames(doc: Doc, lex: CueLexicon) -> list[Frame]:
    """A headline in Title Case, which the parser reads badly: "Obama Sees 'Personal Insult' if ...",
    "Sanders Vows To Eliminate Tax Breaks". The first capitalised cue verb after a named speaker
    splits the line into speaker and content."""
    text = doc_text(doc)
    end = text.find("\n")
    end = len(text) if end < 0 else end
    line = [t for t in takewhile(lambda t: t.idx < end, doc) if not t.is_space]  # the first line only
    words = [t for t in line if t.is_alpha]
    if len(words) < 4 or sum(t.text[0].isupper() for t in words) < 0.75 * len(words):
        return []
    for k, tok in enumerate(line[1:7], start=1):
        # Title Case is tagged NNP throughout: a plural speaker shows only in its form ("Lawmakers")
        plural = line[k - 1].lower_.endswith("s") and not line[k - 1].lower_.endswith(("ss", "us", "is"))
        if tok.is_alpha and tok.text[0].isupper() and _title_cue(tok.lower_, lex, plural):
            speaker = line[:k]
            if not any(t.pos_ == "PROPN" or t.ent_type_ for t in speaker):
                return []
            start, stop = trim(text, tok.idx + len(tok), end)
            if len(text[start:stop].split()) < 2:
                return []
            frame = Frame(start, stop, tok.text, tok.idx, tok.idx + len(tok), speaker[0].idx,
                          speaker[-1].idx + len(speaker[-1]), speaker[-1].i, cue_token=tok.i, layout=True)
            return [frame]
    return []


def _title_cue(word: str, lex: CueLexicon, plural: bool = False) -> bool:
    """A headline verb ("Vows", "Sees", "Slams"): its third-person form names a cue; after a
    plural speaker its bare form does ("Lawmakers Rip", "Parents Demand")."""
    stems = (word[:-1], word[:-2]) if word.endswith("s") else ()
    if plural:
        stems = (*stems, word)
    return any(len(s) > 2 and s in lex.headline_verbs for s in stems)

"""What flows between Dyad's spaCy components: Doc extension attributes.

The runner sets ``doc._.doc_date`` (the article's date, ISO) and ``doc._.doc_id``
before the components run. Each component reads and assigns only the attributes it
declares in its ``@Language.factory(requires=..., assigns=...)``:

=====================  =======================================  ==================
attribute              value                                    assigned by
=====================  =======================================  ==================
``doc._.doc_id``       str                                      runner
``doc._.doc_date``     ISO date str or None                     runner
``doc._.mentions``     list[MentionSpan] (actors + coreference) dyad_actors, dyad_coref, dyad_quote_speakers
``doc._.timexes``      list[Timex]                              dyad_timex
``doc._.events``       list[dyad.models.Event]                  dyad_events
``doc._.statements``   list[dyad.models.Statement]              dyad_relations
``doc._.quotes``       list[dyad.models.Quote]                  dyad_quotes
=====================  =======================================  ==================

Sentence numbers in records are the index of the sentence in ``list(doc.sents)``;
``sentence_index(doc)`` maps a token index to it.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.attrs import IDX, LENGTH
from spacy.tokens import Doc, Span

from dyad.models import ActorRef, Precision


@dataclass(frozen=True)
class MentionSpan:
    span: Span
    actor: ActorRef | None
    via: str  # "registry", "sector_lexicon", "coref", "ner"


@dataclass(frozen=True)
class Timex:
    span: Span
    value: str  # ISO date (YYYY, YYYY-MM or YYYY-MM-DD), resolved against doc_date
    precision: Precision
    end_value: str | None = None  # for ranges ("from 1950 to 1953", "since 2023")


_EXTENSIONS = {
    "doc_id": None,
    "doc_date": None,
    "mentions": None,
    "timexes": None,
    "events": None,
    "statements": None,
    "quotes": None,
}


def register_extensions() -> None:
    """Idempotent; call before building a pipeline. Values default to None (a list is
    set by the component that owns the attribute, so a missing stage is visible)."""
    for name, default in _EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once: spaCy joins every token on each access, which turned loops
    over mentions or quotes into O(n²) work."""
    cached = doc.user_data.get("dyad_text")
    if cached is None:
        cached = doc.text
        doc.user_data["dyad_text"] = cached
    return cached


def sentence_starts(doc: Doc) -> list[int]:
    """Token index of each sentence start, in order (cached in doc.user_data)."""
    cached = doc.user_data.get("dyad_sent_starts")
    if cached is None:
        cached = [s.start for s in doc.sents]
        doc.user_data["dyad_sent_starts"] = cached
    return cached


def sentence_index(doc: Doc, token_i: int) -> int:
    """Index (in list(doc.sents)) of the sentence holding token ``token_i``."""
    from bisect import bisect_right

    return bisect_right(sentence_starts(doc), token_i) - 1


def token_starts(doc: Doc) -> list[int]:
    """Character offset of every token (cached in doc.user_data under the key quotes uses)."""
    cached = doc.user_data.get("dyad_tok_starts")
    if cached is None:
        cached = doc.to_array(IDX).tolist() if len(doc) else []
        doc.user_data["dyad_tok_starts"] = cached
    return cached


def token_ends(doc: Doc) -> list[int]:
    """Character offset just past every token's text (cached in doc.user_data)."""
    cached = doc.user_data.get("dyad_tok_ends")
    if cached is None:
        cached = (doc.to_array([IDX, LENGTH]).sum(axis=1).tolist()) if len(doc) else []
        doc.user_data["dyad_tok_ends"] = cached
    return cached


def span_text(doc: Doc, start: int, end: int) -> str:
    """``doc[start:end].text`` without building the Span: a slice of the cached text."""
    if end <= start:
        return ""
    return doc_text(doc)[token_starts(doc)[start]:token_ends(doc)[end - 1]]

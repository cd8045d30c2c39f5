"""Typed records that cross package boundaries (ingest → nlp → store → query).

Plain frozen dataclasses: no behaviour beyond small derived properties, no imports of
spaCy or SQLAlchemy, so every package can depend on this module.
Offsets are 0-based character offsets into ``Document.text``, end-exclusive.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, Union

Precision = Literal["year", "month", "day", "hour", "minute", "second"]
Modality = Literal["asserted", "reported", "hypothetical", "future", "denied"]


def is_negated(negated: bool | int | None, modality: str | None) -> bool:
    """Whether a coded event or relation says the thing did *not* happen.

    A denial ("No, X hasn't threatened Y") is a negation by another speaker, so every reader of
    events — counts, relations, answers, evals — treats ``modality == "denied"`` as negated.
    """
    return bool(negated) or modality == "denied"


# --------------------------------------------------------------------------- ingest


@dataclass(frozen=True)
class Document:
    """One article, cleaned, with the metadata a careful reader would note."""

    id: str  # content id: see dyad.ingest.ids.content_id
    text: str
    source: str  # the input it came from (path, URL, "path#line", "-")
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    url: str | None = None
    published_at: str | None = None  # ISO 8601 date or datetime, UTC when a time is known
    date_precision: Precision | None = None
    retrieved_at: str | None = None  # ISO 8601 datetime (UTC)
    language: str | None = None
    shared_comment: str | None = None  # a reader's words above a shared article
    republished_from: str | None = None  # "first appeared in X on DATE" → X
    page_id: str | None = None  # the page this document was split from
    meta: dict = field(default_factory=dict, compare=False, hash=False)  # other fields (JSONL extras, feed data)


@dataclass(frozen=True)
class Page:
    """What one input yielded: one or more documents split from the same page."""

    source: str
    page_id: str
    documents: tuple[Document, ...]


@dataclass(frozen=True)
class Stored:
    source: str
    document_id: str
    title: str | None = None
    duplicate_of: str | None = None  # near-duplicate of an earlier document
    not_analysed: str | None = None  # why the NLP stage was not run ("language de"): stored, searchable
    kind: Literal["stored"] = "stored"

    @property
    def reason(self) -> str:
        if self.not_analysed:
            return "stored_not_analysed"
        return "near_duplicate" if self.duplicate_of else "stored"


@dataclass(frozen=True)
class Skipped:
    source: str
    reason: str  # "duplicate", "empty_after_cleaning", ...
    of: str | None = None  # the document it duplicates
    kind: Literal["skipped"] = "skipped"


@dataclass(frozen=True)
class Failed:
    source: str
    reason: str  # one line, names the problem and what to do
    kind: Literal["failed"] = "failed"


Outcome = Union[Stored, Skipped, Failed]


# --------------------------------------------------------------------------- actors


@dataclass(frozen=True)
class ActorRef:
    """An actor as it took part in one event or mention: the resolved id plus the
    country and sector that applied *at that time* (a leader is CHN/GOV only in office)."""

    id: str | None  # registry id ("CHN", "person:wang-yi", "org:tiandy"), None if unresolved
    name: str  # registry name, or the mention text when unresolved
    country: str | None = None  # ISO 3166 alpha-3, "IGO", or None
    sector: str | None = None  # PLOVER/CAMEO agent code: GOV, MIL, COP, BUS, CVL, OPP, ...
    text: str | None = None  # the words in the sentence


@dataclass(frozen=True)
class ActorRecord:
    """A registry actor as the store keeps it (for joins and listings)."""

    id: str
    name: str
    kind: str | None = None
    country: str | None = None
    sector: str | None = None
    aliases: tuple[str, ...] = ()
    origin: str = "registry"  # registry | user


# --------------------------------------------------------------------------- analysis


@dataclass(frozen=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Mention:
    sentence: int
    start: int
    end: int
    text: str
    label: str  # NER label (GPE, ORG, PERSON, NORP ...) or "NOUN_PHRASE"/"PRONOUN"
    actor: ActorRef | None = None
    via: str | None = None  # how it was resolved: "registry", "coref", "sector_lexicon", ...


@dataclass(frozen=True)
class Evidence:
    document_id: str
    sentence: int
    start: int
    end: int


@dataclass(frozen=True)
class Event:
    """One report of an event in one sentence (the store merges reports into events)."""

    category: str  # PLOVER category (AGREE, AID, ...)
    source: tuple[ActorRef, ...]
    target: tuple[ActorRef, ...]
    sentence: int
    start: int  # span of the evidence (the clause) in the document text
    end: int
    trigger: str  # the words that signal the event
    mode: str | None = None
    context: tuple[str, ...] = ()
    cameo_root: str | None = None  # "01".."20"
    cameo_code: str | None = None  # full CAMEO code when the cue is specific ("0311", "1723"); else the root
    negated: bool = False
    modality: Modality = "asserted"
    date: str | None = None  # ISO date of the event (not of the article)
    date_precision: Precision | None = None
    location: str | None = None
    attributed_to: str | None = None  # who says so (a quoted speaker); None = the outlet
    confidence: float = 0.5
    item: str | None = None  # what is supplied/agreed, e.g. "surveillance technology"


@dataclass(frozen=True)
class Quote:
    sentence: int
    start: int  # span of the quoted content
    end: int
    text: str
    kind: Literal["direct", "indirect"]
    speaker: ActorRef | None  # resolved speaker; its text is the mention
    speaker_start: int | None = None
    speaker_end: int | None = None
    speaker_role: str | None = None  # "Director of the Carnegie Centre ..."
    # actor | person | group | source | other (dyad.nlp.quote_kinds); None: no speaker
    speaker_kind: str | None = None
    cue: str | None = None  # "told", "said", "believes"
    venue: str | None = None  # "the New York Times", "a statement"
    cue_start: int | None = None  # character offsets of the cue in the document text
    cue_end: int | None = None


@dataclass(frozen=True)
class Statement:
    """A standing tie stated in a sentence: the raw material of relations."""

    kind: str  # defence_pact, member_of, trade_partner, supplier_of, voted_against, voted_for, mediated, ally_of
    source: ActorRef
    target: ActorRef | None
    sentence: int
    start: int
    end: int
    negated: bool = False
    item: str | None = None  # "surveillance technology", "oil"
    amount: str | None = None  # "$9.66 billion"
    date: str | None = None
    date_precision: Precision | None = None
    attributed_to: str | None = None
    modality: Modality = "asserted"  # as for events: "would sign a pact" is hypothetical, not a pact


@dataclass(frozen=True)
class Analysis:
    """Everything the NLP stage found in one document; written in one transaction."""

    sentences: tuple[Sentence, ...] = ()
    mentions: tuple[Mention, ...] = ()
    events: tuple[Event, ...] = ()
    quotes: tuple[Quote, ...] = ()
    statements: tuple[Statement, ...] = ()
    embeddings: tuple[bytes, ...] = ()  # one float32 vector per sentence, or empty

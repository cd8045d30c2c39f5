"""Typed records returned by the query layer (the API's ``XxxPublic`` response models).

Pydantic models, frozen, built from SQL rows by ``dyad.query`` functions; they never
expose table rows. Field names are the API contract shared with ``dyad.web`` and the
``--json`` output of the CLI: add fields, never rename them.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class _Public(BaseModel):
    model_config = ConfigDict(frozen=True)


class ActorRefPublic(_Public):
    """One actor as it took part in an event (country and sector that applied then)."""

    id: str | None  # registry id, None when the text did not resolve
    name: str
    country: str | None = None
    sector: str | None = None


class EvidencePublic(_Public):
    """The sentence a fact was read from, with its document's metadata."""

    document_id: str
    title: str | None = None
    outlet: str | None = None
    published_at: str | None = None
    url: str | None = None
    sentence: str | None = None  # the sentence text
    sentence_index: int
    start: int  # span of the evidence in the document text (end-exclusive)
    end: int
    trigger: str | None = None  # the words that signal the event (event reports only)


class EventPublic(_Public):
    id: int
    category: str
    mode: str | None = None
    context: list[str] = []
    cameo_root: str | None = None
    cameo_code: str | None = None  # full CAMEO code when the cue was specific ("0311"), else None or the root
    quad: str | None = None  # verbal_cooperation | material_cooperation | verbal_conflict | material_conflict
    score: float | None = None  # PLOVER (Goldstein-like) score of the category, -10..+10
    source: list[ActorRefPublic] = []
    target: list[ActorRefPublic] = []
    negated: bool = False
    modality: str = "asserted"
    date: str | None = None
    date_precision: str | None = None
    location: str | None = None
    item: str | None = None
    attributed_to: str | None = None  # of the first report; None = the outlet itself
    confidence: float | None = None
    reports: int = 0
    evidence: list[EvidencePublic] = []


class ActorSummaryPublic(_Public):
    """An actor seen in the store, with how often."""

    id: str
    name: str
    kind: str | None = None
    country: str | None = None
    sector: str | None = None
    origin: str | None = None  # registry | user | None (seen in text, not in the registry mirror)
    mentions: int = 0
    events: int = 0


class UnresolvedPublic(_Public):
    """A mention text that resolved to no actor: a candidate for a user registry entry."""

    text: str
    label: str | None = None
    mentions: int = 0


class ActorListPublic(_Public):
    actors: list[ActorSummaryPublic] = []
    unresolved: list[UnresolvedPublic] = []


class RolePublic(_Public):
    office: str
    country: str | None = None
    sector: str | None = None
    start: str | None = None
    end: str | None = None  # None = still in office


class CounterpartPublic(_Public):
    """An actor on the other side of an actor's events, with event counts by quad class."""

    actor: ActorRefPublic
    events: int = 0
    verbal: int = 0
    material: int = 0


class QuotePublic(_Public):
    id: int
    text: str
    kind: str  # direct | indirect
    speaker: ActorRefPublic | None = None
    speaker_text: str | None = None  # the speaker's words in the document, when marked
    speaker_role: str | None = None
    speaker_kind: str | None = None  # actor | person | group | source | other; None: stored before schema v4
    cue: str | None = None
    venue: str | None = None
    cue_start: int | None = None  # span of the cue in the document text (end-exclusive), when known
    cue_end: int | None = None
    evidence: EvidencePublic


class RelationPublic(_Public):
    """A standing tie aggregated from statements (and supporting events); negated ties stay apart."""

    kind: str  # defence_pact, member_of, trade_partner, supplier_of, ...
    source: ActorRefPublic
    target: ActorRefPublic | None = None
    negated: bool = False
    # asserted, or the modality of statements that were not (yet) facts: "would sign a pact" is
    # "hypothetical" and never merges into a signed pact
    modality: str = "asserted"
    items: list[str] = []
    amounts: list[str] = []
    first_seen: str | None = None
    last_seen: str | None = None
    n_statements: int = 0
    n_events: int = 0
    attributed_to: list[str] = []
    evidence: list[EvidencePublic] = []


class ActorProfilePublic(_Public):
    id: str
    name: str
    kind: str | None = None
    country: str | None = None
    sector: str | None = None
    aliases: list[str] = []
    roles: list[RolePublic] = []
    mentions: int = 0
    events: int = 0
    partners: list[CounterpartPublic] = []  # counterparts in cooperation events
    adversaries: list[CounterpartPublic] = []  # counterparts in conflict events
    counterpart_events: int = 0  # partners/adversaries are counted over the actor's latest N events
    recent_events: list[EventPublic] = []
    quotes: list[QuotePublic] = []
    relations: list[RelationPublic] = []


class QuadCountsPublic(_Public):
    verbal_cooperation: int = 0
    material_cooperation: int = 0
    verbal_conflict: int = 0
    material_conflict: int = 0
    other: int = 0  # events whose category has no quad class

    @property
    def total(self) -> int:
        return (self.verbal_cooperation + self.material_cooperation + self.verbal_conflict
                + self.material_conflict + self.other)


class DyadMonthPublic(_Public):
    """One month of one direction of a dyad: counts of asserted events and their summed score."""

    month: str  # YYYY-MM; "YYYY" for events known only to the year; "undated"
    counts: QuadCountsPublic
    score: float = 0.0  # sum of PLOVER scores of the counted events
    n_events: int = 0
    events: list[EventPublic] = []  # the events behind the month (at most the caller's cap)


class DyadPublic(_Public):
    a: str  # the two sides as the caller named them
    b: str
    a_actors: list[ActorRefPublic] = []  # the actors that matched each side
    b_actors: list[ActorRefPublic] = []
    a_to_b: list[DyadMonthPublic] = []
    b_to_a: list[DyadMonthPublic] = []
    excluded: list[EventPublic] = []  # negated or denied events, kept out of the counts
    n_excluded: int = 0


class SearchHitPublic(_Public):
    sentence_id: int
    score: float
    document_id: str
    title: str | None = None
    outlet: str | None = None
    published_at: str | None = None
    url: str | None = None
    sentence: str
    sentence_index: int
    start: int
    end: int

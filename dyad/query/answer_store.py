"""Read what the NLP stages recorded (events, relation statements, mentions, quotes) for answering.

Read-only SQL over ``dyad.store.schema``; returns frozen records. Actors are matched by
registry id or, for a state, by country (``CHN`` matches ``CHN.GOV`` and a Chinese minister).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import or_, select

from dyad.models import is_negated
from dyad.store import Store
from dyad.store import schema as t


@dataclass(frozen=True)
class Party:
    actor_id: str | None
    name: str
    country: str | None

    def matches(self, key: str, is_state: bool) -> bool:
        if self.actor_id == key:
            return True
        return is_state and (self.country == key or (self.actor_id or "").split(".")[0] == key)


@dataclass(frozen=True)
class Report:
    document_id: str
    sentence: int
    start: int
    end: int
    trigger: str | None = None
    attributed_to: str | None = None


@dataclass(frozen=True)
class StoredEvent:
    id: int
    category: str
    mode: str | None
    context: tuple[str, ...]
    negated: bool
    modality: str
    date: str | None
    item: str | None
    confidence: float | None
    sources: tuple[Party, ...]
    targets: tuple[Party, ...]
    reports: tuple[Report, ...]

    @property
    def denied(self) -> bool:
        return is_negated(self.negated, self.modality)


@dataclass(frozen=True)
class StoredStatement:
    id: int
    kind: str
    source: Party
    target: Party | None
    negated: bool
    item: str | None
    amount: str | None
    date: str | None
    report: Report
    modality: str = "asserted"


# Statements of ties that are not (yet) facts: "Iran would sign a pact" answers no "who" or "yes".
UNREALISED = ("hypothetical", "future")


def _actor_filter(column_id, column_country, keys: list[str]):
    return or_(column_id.in_(keys), column_country.in_(keys), *[column_id.like(f"{k}.%") for k in keys])


def events(store: Store, categories: tuple[str, ...], actor_keys: list[str], limit: int = 200) -> list[StoredEvent]:
    """Events of these categories in which any of the actors takes part (either role)."""
    if not categories:
        return []
    ea, e = t.event_actors, t.events
    query = select(e).where(e.c.category.in_(categories)).order_by(e.c.confidence.desc(), e.c.id).limit(limit)
    if actor_keys:
        ids = select(ea.c.event_id).where(_actor_filter(ea.c.actor_id, ea.c.country, actor_keys))
        query = query.where(e.c.id.in_(ids))
    with store.engine.connect() as conn:
        rows = conn.execute(query).all()
        return [_event(conn, r._mapping) for r in rows]


def _event(conn, m) -> StoredEvent:
    ea, er = t.event_actors, t.event_reports
    parties = conn.execute(select(ea.c.role, ea.c.actor_id, ea.c.name, ea.c.country)
                           .where(ea.c.event_id == m["id"])).all()
    reports = conn.execute(select(er.c.document_id, er.c.sentence, er.c.start, er.c.end, er.c.trigger,
                                  er.c.attributed_to).where(er.c.event_id == m["id"]).order_by(er.c.id)).all()
    return StoredEvent(
        id=m["id"], category=m["category"], mode=m["mode"], context=tuple((m["context"] or "").split(",")) if m["context"] else (),
        negated=bool(m["negated"]), modality=m["modality"], date=m["date"], item=m["item"], confidence=m["confidence"],
        sources=tuple(Party(p[1], p[2], p[3]) for p in parties if p[0] == "source"),
        targets=tuple(Party(p[1], p[2], p[3]) for p in parties if p[0] == "target"),
        reports=tuple(Report(*r) for r in reports))


def statements(store: Store, kinds: tuple[str, ...], actor_keys: list[str] | None = None,
               limit: int = 500) -> list[StoredStatement]:
    """Relation statements of these kinds (optionally only those naming one of the actors)."""
    if not kinds:
        return []
    s = t.statements
    query = select(s).where(s.c.kind.in_(kinds), s.c.modality.not_in(UNREALISED)).order_by(s.c.id).limit(limit)
    if actor_keys:
        query = query.where(or_(_actor_filter(s.c.source_id, s.c.source_country, actor_keys),
                                _actor_filter(s.c.target_id, s.c.target_country, actor_keys)))
    with store.engine.connect() as conn:
        return [_statement(r._mapping) for r in conn.execute(query)]


def _statement(m) -> StoredStatement:
    target = Party(m["target_id"], m["target_name"], m["target_country"]) if m["target_name"] else None
    return StoredStatement(id=m["id"], kind=m["kind"], source=Party(m["source_id"], m["source_name"], m["source_country"]),
                           target=target, negated=is_negated(m["negated"], m["modality"]), item=m["item"],
                           amount=m["amount"], date=m["date"], modality=m["modality"],
                           report=Report(m["document_id"], m["sentence"], m["start"], m["end"],
                                         attributed_to=m["attributed_to"]))


@dataclass(frozen=True)
class StoredMention:
    actor_id: str
    name: str
    country: str | None
    start: int  # document offsets
    end: int
    text: str


UNRESOLVED_LABELS = ("ORG", "PERSON", "NOUN_PHRASE")  # names the registry lacks still answer "who"
QUOTE_SPEAKER = "quote_speaker"  # how dyad_quote_speakers marks "I"/"we" inside a direct quote
_SMALL = {"of", "the", "and", "for", "de", "al", "bin", "van", "von", "la", "le", "du"}


def _proper(text: str) -> bool:
    """A name, not a description: every word capitalised except small joining words."""
    words = [w for w in text.replace("’", "'").split() if w.lower() not in _SMALL]
    return bool(words) and all(w[0].isupper() for w in words) and words[0].lower() not in ("he", "she", "it", "they")


def mentions_in(store: Store, document_id: str, sentence: int) -> list[StoredMention]:
    """Actor mentions of one sentence (coreference included), in text order. Unresolved person
    and organisation names come with the id ``text:<name>`` and no country."""
    m = t.mentions
    query = (select(m.c.actor_id, m.c.actor_name, m.c.country, m.c.start, m.c.end, m.c.text, m.c.label, m.c.via)
             .where(m.c.document_id == document_id, m.c.sentence == sentence,
                    or_(m.c.actor_id.is_not(None), m.c.label.in_(UNRESOLVED_LABELS), m.c.via == QUOTE_SPEAKER))
             .order_by(m.c.start))
    with store.engine.connect() as conn:
        rows = conn.execute(query).all()
    out = []
    for actor_id, name, country, start, end, text, _label, via in rows:
        # "I strongly reject ...": the quote's speaker, named or not, stands where "I" stands
        named = name if via == QUOTE_SPEAKER and name else text
        if actor_id or _proper(named):
            out.append(StoredMention(actor_id or "text:" + " ".join(named.split()), name or text, country, start,
                                     end, text))
    return out


@dataclass(frozen=True)
class StoredQuote:
    text: str
    kind: str
    speaker_id: str | None
    speaker_name: str | None
    cue: str | None
    report: Report


def quotes_by(store: Store, actor_keys: list[str], limit: int = 50) -> list[StoredQuote]:
    q = t.quotes
    query = (select(q.c.text, q.c.kind, q.c.speaker_id, q.c.speaker_name, q.c.cue, q.c.document_id, q.c.sentence,
                    q.c.start, q.c.end).where(_actor_filter(q.c.speaker_id, q.c.speaker_country, actor_keys))
             .order_by(q.c.id).limit(limit))
    with store.engine.connect() as conn:
        return [StoredQuote(r[0], r[1], r[2], r[3], r[4], Report(r[5], r[6], r[7], r[8])) for r in conn.execute(query)]

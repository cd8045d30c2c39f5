"""Writing one document's analysis rows (inside the caller's transaction).

Event reports are merged into events here: the same category, negation, modality and
actors within a date window is one event told by several reports, so counts mean events,
not articles.
"""

from __future__ import annotations

import hashlib
from datetime import date

from sqlalchemy import Integer, Text, cast, delete, func, select
from sqlalchemy.engine import Connection

from dyad.models import ActorRef, Analysis, Document, Event
from dyad.store import rollup
from dyad.store import schema as t

# Reports of the same event may carry dates a few days apart (the article date stands in
# for the event date when the sentence gives none).
DAY_WINDOW = 7


def actor_key(actor: ActorRef) -> str:
    return actor.id or "text:" + " ".join(actor.name.lower().split())


def event_key(event: Event) -> str:
    sources = ",".join(sorted({actor_key(a) for a in event.source}))
    targets = ",".join(sorted({actor_key(a) for a in event.target}))
    raw = f"{event.category}|{int(event.negated)}|{event.modality}|{sources}|{targets}"
    return hashlib.sha1(raw.encode()).hexdigest()


def _as_date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value and len(value) >= 10 else None
    except ValueError:
        return None


def dates_compatible(a: str | None, b: str | None) -> bool:
    """Same event window: within DAY_WINDOW days at day precision, else one date contains the other."""
    if not a or not b:
        return True
    da, db = _as_date(a), _as_date(b)
    if da and db:
        return abs((da - db).days) <= DAY_WINDOW
    shorter, longer = sorted((a, b), key=len)
    return longer.startswith(shorter)


def write_analysis(conn: Connection, doc: Document, analysis: Analysis, quad_score=None) -> None:
    """Insert sentences, mentions, events, quotes and statements of one document."""
    _write_sentences(conn, doc, analysis)
    _write_mentions(conn, doc, analysis)
    for event in analysis.events:
        _write_event(conn, doc, event, quad_score)
    _write_quotes(conn, doc, analysis)
    _write_statements(conn, doc, analysis)
    bump_generation(conn)  # last: on PostgreSQL its row lock is held only until the commit


def remove_analysis(conn: Connection, document_id: str) -> None:
    """Delete a document's analysis rows; events left without reports go too."""
    touched = [r[0] for r in conn.execute(
        select(t.event_reports.c.event_id).where(t.event_reports.c.document_id == document_id).distinct())]
    for table in t.ANALYSIS_TABLES:
        conn.execute(delete(table).where(table.c.document_id == document_id))
    for event_id in touched:
        _refresh_event(conn, event_id)
    bump_generation(conn)


GENERATION = "generation"


def bump_generation(conn: Connection) -> None:
    """Count a change of the analysis rows, so caches of them (sentence vectors) know to reload.

    One atomic UPDATE: concurrent writers on PostgreSQL each add one, none is lost."""
    m = t.meta
    bumped = conn.execute(m.update().where(m.c.key == GENERATION)
                          .values(value=cast(cast(m.c.value, Integer) + 1, Text))).rowcount
    if not bumped:
        conn.execute(m.insert().values(key=GENERATION, value="1"))


def generation(conn: Connection) -> int:
    found = conn.execute(select(t.meta.c.value).where(t.meta.c.key == GENERATION)).scalar()
    return int(found or 0)


def _write_sentences(conn: Connection, doc: Document, analysis: Analysis) -> None:
    if not analysis.sentences:
        return
    vectors = analysis.embeddings if len(analysis.embeddings) == len(analysis.sentences) else ()
    conn.execute(t.sentences.insert(), [
        {"document_id": doc.id, "idx": s.index, "start": s.start, "end": s.end, "text": s.text,
         "embedding": vectors[i] if vectors else None}
        for i, s in enumerate(analysis.sentences)])


def _write_mentions(conn: Connection, doc: Document, analysis: Analysis) -> None:
    if not analysis.mentions:
        return
    conn.execute(t.mentions.insert(), [
        {"document_id": doc.id, "sentence": m.sentence, "start": m.start, "end": m.end, "text": m.text,
         "label": m.label, "actor_id": m.actor.id if m.actor else None,
         "actor_name": m.actor.name if m.actor else None, "country": m.actor.country if m.actor else None,
         "sector": m.actor.sector if m.actor else None, "via": m.via}
        for m in analysis.mentions])


def _find_event(conn: Connection, key: str, when: str | None) -> int | None:
    rows = conn.execute(select(t.events.c.id, t.events.c.date).where(t.events.c.key == key)
                        .order_by(t.events.c.id)).all()
    for event_id, existing in rows:
        if dates_compatible(existing, when):
            return event_id
    return None


def _write_event(conn: Connection, doc: Document, event: Event, quad_score) -> None:
    key = event_key(event)
    when, precision = (event.date, event.date_precision) if event.date else (
        (doc.published_at or "")[:10] or None, "day" if doc.published_at else None)
    event_id = _find_event(conn, key, when)
    if event_id is None:
        quad, score = quad_score(event.category) if quad_score else (None, None)
        event_id = conn.execute(t.events.insert().values(
            key=key, category=event.category, mode=event.mode, context=",".join(event.context) or None,
            cameo_root=event.cameo_root, cameo_code=event.cameo_code, quad=quad, score=score, negated=event.negated,
            modality=event.modality, date=when, date_precision=precision, location=event.location,
            item=event.item, confidence=event.confidence, n_reports=0)).inserted_primary_key[0]
        conn.execute(t.event_actors.insert(), [
            {"event_id": event_id, "role": role, "actor_id": a.id, "name": a.name, "country": a.country,
             "sector": a.sector}
            for role, group in (("source", event.source), ("target", event.target)) for a in group])
        rollup.add_event(conn, event_id)
    conn.execute(t.event_reports.insert().values(
        event_id=event_id, document_id=doc.id, sentence=event.sentence, start=event.start, end=event.end,
        trigger=event.trigger, attributed_to=event.attributed_to, confidence=event.confidence))
    _refresh_event(conn, event_id)


def _refresh_event(conn: Connection, event_id: int) -> None:
    n, best = conn.execute(select(func.count(), func.max(t.event_reports.c.confidence))
                           .where(t.event_reports.c.event_id == event_id)).one()
    if n == 0:
        rollup.drop_event(conn, event_id)
        conn.execute(delete(t.event_actors).where(t.event_actors.c.event_id == event_id))
        conn.execute(delete(t.events).where(t.events.c.id == event_id))
        return
    # More independent reports make an event more certain, never less.
    confidence = min(0.99, (best or 0.5) + 0.05 * (n - 1))
    conn.execute(t.events.update().where(t.events.c.id == event_id).values(n_reports=n, confidence=confidence))


def _write_quotes(conn: Connection, doc: Document, analysis: Analysis) -> None:
    if not analysis.quotes:
        return
    conn.execute(t.quotes.insert(), [
        {"document_id": doc.id, "sentence": q.sentence, "start": q.start, "end": q.end, "text": q.text,
         "kind": q.kind, "speaker_id": q.speaker.id if q.speaker else None,
         "speaker_name": q.speaker.name if q.speaker else None,
         "speaker_country": q.speaker.country if q.speaker else None,
         "speaker_sector": q.speaker.sector if q.speaker else None,
         "speaker_start": q.speaker_start, "speaker_end": q.speaker_end, "speaker_role": q.speaker_role,
         "speaker_kind": q.speaker_kind, "cue": q.cue, "venue": q.venue, "cue_start": q.cue_start, "cue_end": q.cue_end}
        for q in analysis.quotes])


def _write_statements(conn: Connection, doc: Document, analysis: Analysis) -> None:
    if not analysis.statements:
        return
    conn.execute(t.statements.insert(), [
        {"document_id": doc.id, "sentence": s.sentence, "start": s.start, "end": s.end, "kind": s.kind,
         "source_id": s.source.id, "source_name": s.source.name, "source_country": s.source.country,
         "target_id": s.target.id if s.target else None, "target_name": s.target.name if s.target else None,
         "target_country": s.target.country if s.target else None, "negated": s.negated, "item": s.item,
         "amount": s.amount, "date": s.date or ((doc.published_at or "")[:10] or None),
         "date_precision": s.date_precision or ("day" if doc.published_at and not s.date else None),
         "attributed_to": s.attributed_to, "modality": s.modality}
        for s in analysis.statements])

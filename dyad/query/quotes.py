"""Quotes: who said what, where, with the sentence it was read from."""

from __future__ import annotations

from sqlalchemy import or_, select

from dyad.errors import InputError
from dyad.query.events import evidence_of, evidence_select, resolve_actor_conn
from dyad.query.records import ActorRefPublic, QuotePublic
from dyad.store import schema as t


def find_quotes(store, speaker: str | None = None, q: str | None = None, document: str | None = None,
                limit: int = 50, offset: int = 0, every_speaker: bool = False) -> list[QuotePublic]:
    """Quotes, newest document first; ``speaker`` is an actor argument, ``q`` words in the quote.
    Findings and stances of things ("the unrest questions ...", speaker kind "other") only with
    ``every_speaker``."""
    if limit < 1 or offset < 0:
        raise InputError("limit must be at least 1 and offset at least 0", subject=f"{limit}/{offset}")
    qt = t.quotes
    cols, joined = evidence_select(qt)
    query = select(qt, *cols).select_from(joined)
    with store.engine.connect() as conn:
        if speaker:
            selector = resolve_actor_conn(conn, speaker.strip())
            query = query.where(selector.clause(qt.c.speaker_id, qt.c.speaker_country, qt.c.speaker_name))
        if q and q.strip():
            # Plain substring match, case-insensitive, so phrases and names both work.
            query = query.where(qt.c.text.ilike(f"%{_escape(q.strip())}%", escape="\\"))
        if document:
            query = query.where(qt.c.document_id.startswith(document.strip()))
        if not every_speaker:
            query = query.where(or_(qt.c.speaker_kind.is_(None), qt.c.speaker_kind != "other"))
        query = query.order_by(t.documents.c.published_at.desc().nulls_last(), qt.c.id).limit(limit).offset(offset)
        return [_quote(r) for r in conn.execute(query)]


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _quote(r) -> QuotePublic:
    speaker = None
    if r.speaker_name or r.speaker_id:
        speaker = ActorRefPublic(id=r.speaker_id, name=r.speaker_name or r.speaker_id,
                                 country=r.speaker_country, sector=r.speaker_sector)
    return QuotePublic(id=r.id, text=r.text, kind=r.kind, speaker=speaker, speaker_text=_speaker_text(r),
                       speaker_role=r.speaker_role, speaker_kind=r.speaker_kind, cue=r.cue, venue=r.venue,
                       cue_start=r.cue_start, cue_end=r.cue_end, evidence=evidence_of(r))


def _speaker_text(r) -> str | None:
    """The speaker's words, cut from the sentence when the span falls inside it."""
    if r.speaker_start is None or r.speaker_end is None or not r.sentence_text or r.sentence_start is None:
        return None
    start, end = r.speaker_start - r.sentence_start, r.speaker_end - r.sentence_start
    if 0 <= start < end <= len(r.sentence_text):
        return r.sentence_text[start:end]
    return None

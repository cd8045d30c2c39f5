"""Full-text sentence search (the store's FTS5/tsvector index), with document metadata."""

from __future__ import annotations

from typing import Sequence

from sqlalchemy import select
from sqlalchemy.engine import Connection

from dyad.errors import InputError
from dyad.query.events import chunks
from dyad.query.records import SearchHitPublic
from dyad.store import schema as t


def search_sentences(store, text: str, limit: int = 20) -> list[SearchHitPublic]:
    """Sentences ranked by full-text relevance (any word may match), best first."""
    if not text or not text.strip():
        raise InputError("empty search; give some words to look for")
    if limit < 1:
        raise InputError("limit must be at least 1", subject=str(limit))
    ranked = store.search_sentences(text, limit)
    with store.engine.connect() as conn:
        return sentence_hits(conn, ranked)


def sentence_hits(conn: Connection, ranked: Sequence[tuple[int, float]]) -> list[SearchHitPublic]:
    """SearchHitPublic records for (sentence id, score) pairs, in the order given."""
    s, d = t.sentences, t.documents
    rows = {}
    for chunk in chunks([sid for sid, _ in ranked]):
        query = (select(s.c.id, s.c.document_id, s.c.idx, s.c.start, s.c.end, s.c.text, d.c.title, d.c.outlet,
                        d.c.published_at, d.c.url)
                 .select_from(s.join(d, d.c.id == s.c.document_id)).where(s.c.id.in_(chunk)))
        rows.update({r.id: r for r in conn.execute(query)})
    return [SearchHitPublic(sentence_id=sid, score=score, document_id=r.document_id, title=r.title,
                            outlet=r.outlet, published_at=r.published_at, url=r.url, sentence=r.text,
                            sentence_index=r.idx, start=r.start, end=r.end)
            for sid, score in ranked if (r := rows.get(sid)) is not None]

"""Sentence retrieval for questions: BM25 (the store's full-text index) fused with cosine
similarity over the stored sentence embeddings by reciprocal rank fusion.

Read-only. The question vector comes from ``dyad.embed`` (a local model); when the store
holds no vectors or the model is missing, BM25 alone ranks.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

import numpy as np
from sqlalchemy import func, select

from dyad.store import Store, writer
from dyad.store import schema as t

log = logging.getLogger(__name__)

RRF_K = 60  # the constant of Cormack et al. (2009); damps the weight of the very first ranks
POOL = 60  # candidates taken from each ranking before fusion


@dataclass(frozen=True)
class SentenceHit:
    sentence_id: int
    document_id: str
    index: int
    start: int
    end: int
    text: str
    title: str | None
    outlet: str | None
    published_at: str | None
    score: float


def rrf(rankings: list[list[int]], k: int = RRF_K) -> dict[int, float]:
    """Reciprocal rank fusion: sum of 1/(k + rank) over the rankings an item appears in."""
    fused: dict[int, float] = {}
    for ranking in rankings:
        for rank, item in enumerate(ranking, start=1):
            fused[item] = fused.get(item, 0.0) + 1.0 / (k + rank)
    return fused


class VectorIndex:
    """All stored sentence vectors as one matrix (built once per store state)."""

    def __init__(self, ids: np.ndarray, matrix: np.ndarray):
        self.ids, self.matrix = ids, matrix

    @classmethod
    def load(cls, store: Store) -> "VectorIndex":
        with store.engine.connect() as conn:
            rows = conn.execute(select(t.sentences.c.id, t.sentences.c.embedding)
                                .where(t.sentences.c.embedding.is_not(None))).all()
        if not rows:
            return cls(np.zeros(0, dtype=np.int64), np.zeros((0, 0), dtype=np.float32))
        ids = np.array([r[0] for r in rows], dtype=np.int64)
        matrix = np.vstack([np.frombuffer(r[1], dtype="<f4") for r in rows])
        return cls(ids, matrix)

    def top(self, vector: np.ndarray, k: int) -> list[int]:
        if not len(self.ids) or vector.shape[0] != self.matrix.shape[1]:
            return []
        scores = self.matrix @ vector
        order = np.argsort(-scores)[:k]
        return [int(self.ids[i]) for i in order]


_INDEX_CACHE: dict[tuple[str, int, int], VectorIndex] = {}


def vector_index(store: Store) -> VectorIndex:
    """The store's vectors, loaded once per store state: the writer's generation counter moves on
    every analysis written or removed (the newest sentence id guards writes that bypass it)."""
    with store.engine.connect() as conn:
        last = conn.execute(select(func.max(t.sentences.c.id))).scalar()
        key = (store.target, writer.generation(conn), int(last or 0))
    if key not in _INDEX_CACHE:
        _INDEX_CACHE.clear()  # one store at a time is the common case; keep memory flat
        _INDEX_CACHE[key] = VectorIndex.load(store)
    return _INDEX_CACHE[key]


def embed_question(text: str) -> np.ndarray | None:
    try:
        from dyad.embed import get_embedder

        return get_embedder().embed([text])[0]
    except Exception as exc:  # model package missing or broken: BM25 alone still answers
        log.warning("question embedding unavailable: %s", exc)
        return None


def semantic_ranking(store: Store, question: str, k: int = POOL) -> list[int]:
    index = vector_index(store)
    if not len(index.ids):
        return []
    vector = embed_question(question)
    return index.top(vector, k) if vector is not None else []


def retrieve(store: Store, keywords: str, question: str, *, limit: int = 30, semantic: bool = True,
             extra: list[list[int]] | None = None) -> list[SentenceHit]:
    """The best sentences for a question: BM25 over ``keywords`` fused with cosine over ``question``."""
    rankings = [[sid for sid, _ in store.search_sentences(keywords, limit=POOL)]] if keywords.strip() else []
    if semantic:
        rankings.append(semantic_ranking(store, question))
    rankings += extra or []
    fused = rrf([r for r in rankings if r])
    best = sorted(fused, key=lambda sid: -fused[sid])[:limit]
    return sentences_by_id(store, best, fused)


def sentences_by_id(store: Store, ids: list[int], scores: dict[int, float] | None = None) -> list[SentenceHit]:
    if not ids:
        return []
    s, d = t.sentences, t.documents
    query = (select(s.c.id, s.c.document_id, s.c.idx, s.c.start, s.c.end, s.c.text, d.c.title, d.c.outlet,
                    d.c.published_at).join(d, d.c.id == s.c.document_id).where(s.c.id.in_(ids)))
    with store.engine.connect() as conn:
        rows = {r[0]: r for r in conn.execute(query)}
    scores = scores or {}
    return [SentenceHit(sentence_id=r[0], document_id=r[1], index=r[2], start=r[3], end=r[4], text=r[5],
                        title=r[6], outlet=r[7], published_at=r[8], score=scores.get(r[0], 0.0))
            for r in (rows.get(i) for i in ids) if r is not None]


def sentence_at(store: Store, document_id: str, index: int) -> SentenceHit | None:
    s = t.sentences
    with store.engine.connect() as conn:
        row = conn.execute(select(s.c.id).where(s.c.document_id == document_id, s.c.idx == index)).first()
    found = sentences_by_id(store, [row[0]]) if row else []
    return found[0] if found else None


def previous_texts(store: Store, hits: list[SentenceHit]) -> dict[int, str]:
    """The sentence before each hit (a "the resolution" often names its resolution one sentence back)."""
    s = t.sentences
    out = {}
    with store.engine.connect() as conn:
        for hit in hits:
            row = conn.execute(select(s.c.text).where(s.c.document_id == hit.document_id,
                                                      s.c.idx == hit.index - 1)).first()
            out[hit.sentence_id] = row[0] if row else ""
    return out


def document_texts(store: Store, document_ids: set[str]) -> dict[str, str]:
    d = t.documents
    if not document_ids:
        return {}
    with store.engine.connect() as conn:
        return {r[0]: r[1] for r in conn.execute(select(d.c.id, d.c.text).where(d.c.id.in_(list(document_ids))))}

"""Everything that differs between SQLite and PostgreSQL lives here.

SQLite: WAL journal, foreign keys on, FTS5 (BM25) over sentences kept in step by triggers.
PostgreSQL: a generated ``tsvector`` column with a GIN index over sentences.
"""

from __future__ import annotations

import re

from sqlalchemy import event, text
from sqlalchemy.engine import Connection, Engine

SQLITE_FTS = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS sentences_fts USING fts5("
    "text, content='sentences', content_rowid='id', tokenize='porter unicode61')",
    "CREATE TRIGGER IF NOT EXISTS sentences_fts_ai AFTER INSERT ON sentences BEGIN "
    "INSERT INTO sentences_fts(rowid, text) VALUES (new.id, new.text); END",
    "CREATE TRIGGER IF NOT EXISTS sentences_fts_ad AFTER DELETE ON sentences BEGIN "
    "INSERT INTO sentences_fts(sentences_fts, rowid, text) VALUES ('delete', old.id, old.text); END",
)

# A search leaves out words found in more than this share of sentences: their BM25 weight is near
# zero, yet matching them makes SQLite score every row (the cost grew linearly with the store).
COMMON_SHARE = 0.2

POSTGRES_FTS = (
    "ALTER TABLE sentences ADD COLUMN IF NOT EXISTS tsv tsvector "
    "GENERATED ALWAYS AS (to_tsvector('english', text)) STORED",
    "CREATE INDEX IF NOT EXISTS ix_sentences_tsv ON sentences USING GIN (tsv)",
)

_WORD = re.compile(r"[\w][\w'-]*", re.UNICODE)


def _phrase(word: str) -> str:
    """A word as an FTS5 string: quoted, so FTS5 syntax characters are never read as operators."""
    return '"' + word.replace('"', '""') + '"'


def is_sqlite(engine_or_conn: Engine | Connection) -> bool:
    return engine_or_conn.dialect.name == "sqlite"


def configure(engine: Engine) -> None:
    """Per-connection settings the store relies on."""
    if not is_sqlite(engine):
        return

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record):  # pragma: no cover - exercised by every sqlite test
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.execute("PRAGMA busy_timeout=10000")
        cur.close()


def create_fulltext(conn: Connection) -> None:
    for statement in (SQLITE_FTS if is_sqlite(conn) else POSTGRES_FTS):
        conn.execute(text(statement))


def _selective(conn: Connection, words: list[str]) -> list[str]:
    """The query words that occur in at most COMMON_SHARE of sentences (all of them when every
    word is common, so a search never comes back empty only because its words are frequent)."""
    total = conn.execute(text("SELECT count(*) FROM sentences")).scalar() or 0
    if total < 50:
        return words
    cap = int(total * COMMON_SHARE) + 1
    frequent = set()
    for word in words:  # counting stops at the cap: cheap even for a word in every sentence
        found = conn.execute(text("SELECT count(*) FROM (SELECT rowid FROM sentences_fts WHERE sentences_fts "
                                  "MATCH :q LIMIT :cap)"), {"q": _phrase(word), "cap": cap}).scalar()
        if found >= cap:
            frequent.add(word)
    kept = [w for w in words if w not in frequent]
    return kept or words


def query_words(query: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(query)]


def search_sentences(conn: Connection, query: str, limit: int) -> list[tuple[int, float]]:
    """Sentence ids ranked by full-text relevance (higher score = better), any word may match."""
    words = query_words(query)
    if not words:
        return []
    if is_sqlite(conn):
        words = _selective(conn, words)
        match = " OR ".join(_phrase(w) for w in words)
        rows = conn.execute(text(
            "SELECT rowid, bm25(sentences_fts) FROM sentences_fts WHERE sentences_fts MATCH :q "
            "ORDER BY bm25(sentences_fts) LIMIT :k"), {"q": match, "k": limit})
        return [(int(r[0]), -float(r[1])) for r in rows]
    tsquery = " | ".join(re.sub(r"[^\w]", "", w) for w in words if re.sub(r"[^\w]", "", w))
    rows = conn.execute(text(
        "SELECT id, ts_rank(tsv, to_tsquery('english', :q)) AS r FROM sentences "
        "WHERE tsv @@ to_tsquery('english', :q) ORDER BY r DESC LIMIT :k"), {"q": tsquery, "k": limit})
    return [(int(r[0]), float(r[1])) for r in rows]

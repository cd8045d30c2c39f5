"""Everything that differs between SQLite and PostgreSQL lives here.

SQLite: WAL journal, foreign keys on, FTS5 (BM25) over sentences kept in step by triggers.
PostgreSQL: a generated ``tsvector`` column with a GIN index over sentences.
"""

from __future__ import annotations

import math
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
SAMPLE = 20_000  # newest sentences the share of a word is measured on
# Ranking scores every matching sentence, so a search whose words are all frequent would score a
# share of the whole store: past this many matches only the newest ones are ranked.
CANDIDATES = 2_000

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
        # A view of a large store reads events scattered over the file (an actor's newest 500, a
        # pair's months): with SQLite's default 2 MB page cache each of those is a read system call.
        cur.execute("PRAGMA cache_size=-65536")  # KiB: 64 MB per connection, filled only as pages are read
        cur.execute("PRAGMA mmap_size=268435456")
        cur.close()


def add_counts(conn: Connection, table, rows: list[dict], key: tuple[str, ...], counts: tuple[str, ...]) -> None:
    """Add each row's counts to the row with the same key, inserting it when missing (one upsert)."""
    if not rows:
        return
    if is_sqlite(conn):
        from sqlalchemy.dialects.sqlite import insert
    else:
        from sqlalchemy.dialects.postgresql import insert
    stmt = insert(table)
    stmt = stmt.on_conflict_do_update(index_elements=list(key),
                                      set_={c: table.c[c] + getattr(stmt.excluded, c) for c in counts})
    conn.execute(stmt, rows)


def is_country_code(conn: Connection, column):
    """SQL test that a column holds a country code: three capital letters (``rollup.COUNTRY_CODE``)."""
    if is_sqlite(conn):
        return column.op("GLOB")("[A-Z][A-Z][A-Z]")
    return column.op("~")("^[A-Z]{3}$")


def create_fulltext(conn: Connection) -> None:
    for statement in (SQLITE_FTS if is_sqlite(conn) else POSTGRES_FTS):
        conn.execute(text(statement))


def _selective(conn: Connection, words: list[str]) -> list[str]:
    """The query words that occur in at most COMMON_SHARE of sentences (all of them when every
    word is common, so a search never comes back empty only because its words are frequent).

    Shares are taken over the newest SAMPLE sentences (all of them in a smaller store), so the
    test costs the same in a store of any size."""
    total = conn.execute(text("SELECT count(*) FROM (SELECT id FROM sentences ORDER BY id DESC LIMIT :n)"),
                         {"n": SAMPLE}).scalar() or 0
    if total < 50:
        return words
    floor = conn.execute(text("SELECT id FROM sentences ORDER BY id DESC LIMIT 1 OFFSET :n"), {"n": total - 1}).scalar()
    cap = int(total * COMMON_SHARE) + 1
    frequent = set()
    for word in words:  # counting stops at the cap: cheap even for a word in every sentence
        found = conn.execute(text("SELECT count(*) FROM (SELECT rowid FROM sentences_fts WHERE sentences_fts "
                                  "MATCH :q AND rowid >= :floor LIMIT :cap)"),
                             {"q": _phrase(word), "floor": floor, "cap": cap}).scalar()
        if found >= cap:
            frequent.add(word)
    kept = [w for w in words if w not in frequent]
    return kept or words


def _candidate_floor(conn: Connection, match: str) -> int:
    """The rowid from which the newest CANDIDATES matching sentences start (0 when fewer match)."""
    found = conn.execute(text("SELECT rowid FROM sentences_fts WHERE sentences_fts MATCH :q "
                              "ORDER BY rowid DESC LIMIT 1 OFFSET :n"), {"q": match, "n": CANDIDATES - 1}).scalar()
    return int(found or 0)


def _rank_newest(conn: Connection, words: list[str], floor: int, limit: int) -> list[tuple[int, float]]:
    """The newest CANDIDATES matches (rowid >= floor) ranked by the summed rarity of the words they hold.

    FTS5's bm25() counts, on its first row, every sentence holding each query word: a cost that
    grows with the store for the frequent words that make a match set this large. Here the word
    rarity (BM25's idf) is taken within the candidates, and newer sentences win ties.
    """
    found = {w: [int(r[0]) for r in conn.execute(text(
        "SELECT rowid FROM sentences_fts WHERE sentences_fts MATCH :q AND rowid >= :floor"),
        {"q": _phrase(w), "floor": floor})] for w in dict.fromkeys(words)}
    n = len({rowid for rows in found.values() for rowid in rows})
    scores: dict[int, float] = {}
    for rows in found.values():
        idf = math.log((n - len(rows) + 0.5) / (len(rows) + 0.5) + 1.0)
        for rowid in rows:
            scores[rowid] = scores.get(rowid, 0.0) + idf
    ranked = sorted(scores.items(), key=lambda kv: (-kv[1], -kv[0]))[:limit]
    return [(rowid, round(score, 6)) for rowid, score in ranked]


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
        floor = _candidate_floor(conn, match)
        if floor:
            return _rank_newest(conn, words, floor, limit)
        rows = conn.execute(text(
            "SELECT rowid, bm25(sentences_fts) FROM sentences_fts WHERE sentences_fts MATCH :q "
            "ORDER BY bm25(sentences_fts) LIMIT :k"), {"q": match, "k": limit})
        return [(int(r[0]), -float(r[1])) for r in rows]
    tsquery = " | ".join(re.sub(r"[^\w]", "", w) for w in words if re.sub(r"[^\w]", "", w))
    rows = conn.execute(text(
        "SELECT id, ts_rank(tsv, to_tsquery('english', :q)) AS r FROM (SELECT id, tsv FROM sentences "
        "WHERE tsv @@ to_tsquery('english', :q) ORDER BY id DESC LIMIT :cap) AS newest ORDER BY r DESC LIMIT :k"),
        {"q": tsquery, "cap": CANDIDATES, "k": limit})
    return [(int(r[0]), float(r[1])) for r in rows]

"""Schema v3: quotes keep the offsets of their attribution cue. A store written under v2 gains the two
nullable columns (its quotes read NULL); quotes written from v3 on keep their offsets, on SQLite and
PostgreSQL alike."""

from __future__ import annotations

from sqlalchemy import create_engine, inspect, text

from dyad.models import ActorRef, Analysis, Document, Quote, Sentence
from dyad.query import find_quotes
from dyad.store import Store, database_url, dialect, migrations
from tests.pg import pg_url  # noqa: F401  (a fixture)

OLD_TEXT = "The mayor said the bridge was safe."
NEW_TEXT = "Officials told reporters that the port would reopen, according to the ministry."
MINISTRY = ActorRef(None, "the ministry")


def _v2_store(target: str) -> None:
    """A store as Dyad wrote it under schema v2 (no cue columns), holding one quote."""
    engine = create_engine(database_url(target))
    dialect.configure(engine)
    with engine.begin() as conn:
        migrations._v1_initial(conn)
        migrations._v2_rollups(conn)
        # v1 runs create_all with today's tables; a store written by v2 had no cue columns.
        conn.execute(text("ALTER TABLE quotes DROP COLUMN cue_start"))
        conn.execute(text("ALTER TABLE quotes DROP COLUMN cue_end"))
        migrations._set(conn, "schema_version", "2")
        conn.execute(text("INSERT INTO documents (id, source, published_at, text) "
                          "VALUES ('old', 'old.txt', '2024-05-01', :x)"), {"x": OLD_TEXT})
        conn.execute(text("INSERT INTO quotes (document_id, sentence, start, \"end\", text, kind, speaker_name, cue) "
                          "VALUES ('old', 0, 15, 34, 'the bridge was safe', 'indirect', 'The mayor', 'said')"))
    engine.dispose()


def _new_document(store: Store) -> None:
    said = NEW_TEXT.index("told")
    according = NEW_TEXT.index("according to")
    content = NEW_TEXT.index("the port")
    quotes = (Quote(0, content, content + 21, "the port would reopen", "indirect", ActorRef(None, "Officials"),
                    cue="told", cue_start=said, cue_end=said + 4),
              Quote(0, content, content + 21, "the port would reopen", "indirect", MINISTRY,
                    cue="according to", cue_start=according, cue_end=according + 12),
              Quote(0, content, content + 21, "the port would reopen", "indirect", None))
    doc = Document(id="new", text=NEW_TEXT, source="new.txt", published_at="2024-06-01")
    store.add_document(doc, Analysis(sentences=(Sentence(0, 0, len(NEW_TEXT), NEW_TEXT),), quotes=quotes))


def check_v2_upgrade(target: str) -> None:
    """Write a v2 store at target (a path or a URL), open it with today's Dyad, check what v3 brought."""
    _v2_store(target)
    with Store(target) as store:
        with store.engine.connect() as conn:
            columns = {c["name"]: c for c in inspect(conn).get_columns("quotes")}
            assert migrations.current_version(conn) == migrations.SCHEMA_VERSION >= 3
        assert columns["cue_start"]["nullable"] and columns["cue_end"]["nullable"]
        old = find_quotes(store, document="old")
        assert [(q.text, q.cue, q.cue_start, q.cue_end) for q in old] == [("the bridge was safe", "said", None, None)]
        _new_document(store)
        new = find_quotes(store, document="new")
        assert [(q.cue, q.cue_start is None) for q in new] == [("told", False), ("according to", False), (None, True)]
        for q in new[:2]:
            assert NEW_TEXT[q.cue_start:q.cue_end] == q.cue
    with Store(target) as again:  # opening again migrates nothing and loses nothing
        assert [q.cue_start for q in find_quotes(again, document="new")][:2] == [NEW_TEXT.index("told"),
                                                                              NEW_TEXT.index("according to")]


def test_store_quote_cues_v2_store_is_upgraded(tmp_path):
    check_v2_upgrade(str(tmp_path / "v2.db"))


def test_store_quote_cues_fresh_store_writes_and_reads_offsets(tmp_path):
    with Store(str(tmp_path / "fresh.db")) as store:
        _new_document(store)
        with store.engine.connect() as conn:
            rows = conn.execute(text("SELECT cue, cue_start, cue_end FROM quotes ORDER BY id")).all()
        assert [tuple(r) for r in rows] == [("told", 10, 14), ("according to", 53, 65), (None, None, None)]
        assert [NEW_TEXT[s:e] for _c, s, e in rows[:2]] == ["told", "according to"]


def test_store_quote_cues_reanalysis_replaces_offsets(tmp_path):
    with Store(str(tmp_path / "re.db")) as store:
        _new_document(store)
        according = NEW_TEXT.index("according to")
        store.replace_analysis("new", Analysis(sentences=(Sentence(0, 0, len(NEW_TEXT), NEW_TEXT),), quotes=(
            Quote(0, 30, 51, "the port would reopen", "indirect", MINISTRY, cue="according to",
                  cue_start=according, cue_end=according + 12),)))
        assert [(q.cue_start, q.cue_end) for q in find_quotes(store, document="new")] == [(53, 65)]


def test_store_quote_cues_postgres_upgrade_and_fresh(pg_url):
    check_v2_upgrade(pg_url)
    engine = create_engine(pg_url, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text("CREATE DATABASE fresh"))
    engine.dispose()
    fresh = pg_url.replace("/postgres?", "/fresh?")
    with Store(fresh) as store:
        _new_document(store)
        assert [(q.cue_start, q.cue_end) for q in find_quotes(store)][:2] == [(10, 14), (53, 65)]

"""Schema v4: each quote keeps what kind of speaker it has. A store written under v3 gains the
nullable column (its quotes read NULL and are shown as before); quotes whose "speaker" is a thing
("The smooth skin suggests ...") are left out of the quote views unless asked for, on SQLite
and PostgreSQL alike."""

from __future__ import annotations

from sqlalchemy import create_engine, inspect, text

from dyad.models import ActorRef, Analysis, Document, Quote, Sentence
from dyad.query import find_quotes
from dyad.store import Store, database_url, dialect, migrations
from tests.pg import pg_url  # noqa: F401  (a fixture)

TEXT = "The minister said the port would reopen. The smooth skin suggests the clip was made by a machine."


def _v3_store(target: str) -> None:
    """A store as Dyad wrote it under schema v3 (no speaker_kind column), holding one quote."""
    engine = create_engine(database_url(target))
    dialect.configure(engine)
    with engine.begin() as conn:
        for migration in migrations.MIGRATIONS[:3]:
            migration(conn)
        # v1 runs create_all with today's tables; a store written by v3 had no speaker_kind column
        conn.execute(text("ALTER TABLE quotes DROP COLUMN speaker_kind"))
        migrations._set(conn, "schema_version", "3")
        conn.execute(text("INSERT INTO documents (id, source, published_at, text) "
                          "VALUES ('old', 'old.txt', '2024-05-01', 'The mayor said the bridge was safe.')"))
        conn.execute(text("INSERT INTO quotes (document_id, sentence, start, \"end\", text, kind, speaker_name, cue) "
                          "VALUES ('old', 0, 15, 34, 'the bridge was safe', 'indirect', 'The mayor', 'said')"))
    engine.dispose()


def _new_document(store: Store) -> None:
    port, clip = TEXT.index("the port"), TEXT.index("the clip")
    quotes = (Quote(0, port, port + 22, "the port would reopen", "indirect", ActorRef(None, "The minister"),
                    speaker_kind="person", cue="said"),
              Quote(1, clip, clip + 30, "the clip was made by a machine", "indirect", ActorRef(None, "The smooth skin"),
                    speaker_kind="other", cue="suggests"))
    split = TEXT.index("The smooth")
    sentences = (Sentence(0, 0, split - 1, TEXT[:split - 1]), Sentence(1, split, len(TEXT), TEXT[split:]))
    store.add_document(Document(id="new", text=TEXT, source="new.txt", published_at="2024-06-01"),
                       Analysis(sentences=sentences, quotes=quotes))


def check_v3_upgrade(target: str) -> None:
    _v3_store(target)
    with Store(target) as store:
        with store.engine.connect() as conn:
            columns = {c["name"]: c for c in inspect(conn).get_columns("quotes")}
            assert migrations.current_version(conn) == migrations.SCHEMA_VERSION == 4
        assert columns["speaker_kind"]["nullable"]
        assert [(q.text, q.speaker_kind) for q in find_quotes(store, document="old")] == [
            ("the bridge was safe", None)]
        _new_document(store)
        assert [(q.speaker.name, q.speaker_kind) for q in find_quotes(store, document="new")] == [
            ("The minister", "person")]
        every = find_quotes(store, document="new", every_speaker=True)
        assert [q.speaker_kind for q in every] == ["person", "other"]


def test_store_speaker_kinds_v3_store_is_upgraded(tmp_path):
    check_v3_upgrade(str(tmp_path / "v3.db"))


def test_store_speaker_kinds_postgres_upgrade(pg_url):
    check_v3_upgrade(pg_url)


def test_store_speaker_kinds_api_hides_things_unless_all(tmp_path):
    from fastapi.testclient import TestClient

    from dyad.settings import Settings
    from dyad.web.app import create_app

    with Store(str(tmp_path / "api.db")) as store:
        _new_document(store)
        client = TestClient(create_app(Settings(embeddings=False), store=store))
        shown = client.get("/api/quotes").json()
        every = client.get("/api/quotes", params={"all": "true"}).json()
    assert shown["ok"] and [q["speaker_kind"] for q in shown["quotes"]] == ["person"] and shown["total"] == 1
    assert every["total"] == 2 and {q["speaker_kind"] for q in every["quotes"]} == {"person", "other"}

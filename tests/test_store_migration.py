"""Schema v2: a store written by v1 gains events.cameo_code, statements.modality and the event
rollups (backfilled from its events); the new fields are written, read and exported."""

from __future__ import annotations

import csv

from sqlalchemy import create_engine, inspect, text

from dyad.models import ActorRef, Analysis, Document, Event, Sentence, Statement
from dyad.query import EventFilter, actor_profile, dyad_timeline, export_events, find_events, find_relations
from dyad.store import Store, database_url, dialect, migrations
from dyad.store import schema as t
from tests.test_store_rollup import assert_rollups_exact

NLD, BEL = ActorRef("NLD", "Netherlands", "NLD"), ActorRef("BEL", "Belgium", "BEL")
NLD_GOV = ActorRef("NLD.GOV", "Dutch government", "NLD", "GOV")
TEXT = "The Dutch government praised Belgium. Belgium criticised the Netherlands."


def _v1_store(path) -> None:
    """A store as Dyad wrote it under schema v1: the v1 migration, without what v2 adds, then rows."""
    engine = create_engine(database_url(str(path)))
    dialect.configure(engine)
    with engine.begin() as conn:
        migrations._v1_initial(conn)
        # v1 runs create_all with today's tables; a store written by v1 had none of v2's additions.
        for table in reversed(t.ROLLUP_TABLES):
            table.drop(conn)
        t.ix_events_item.drop(conn)
        conn.execute(text("ALTER TABLE events DROP COLUMN cameo_code"))
        conn.execute(text("ALTER TABLE statements DROP COLUMN modality"))
        migrations._set(conn, "schema_version", "1")
        _v1_rows(conn)
    engine.dispose()


def _v1_rows(conn) -> None:
    conn.execute(text("INSERT INTO documents (id, source, published_at, text) "
                      "VALUES ('v1', 'v1.txt', '2024-05-02', :x)"), {"x": TEXT})
    rows = ((1, "PRAISE", "verbal_cooperation", 3.5, False, "asserted", "2024-05-01", NLD_GOV, BEL),
            (2, "ACCUSE", "verbal_conflict", -2.0, False, "asserted", "2024-06-03", BEL, NLD),
            (3, "ACCUSE", "verbal_conflict", -2.0, True, "asserted", "2024-06-04", BEL, NLD))
    for event_id, cat, quad, score, negated, modality, date, source, target in rows:
        conn.execute(text("INSERT INTO events (id, key, category, quad, score, negated, modality, date, n_reports) "
                          "VALUES (:i, :k, :c, :q, :s, :n, :m, :d, 1)"),
                     {"i": event_id, "k": f"k{event_id}", "c": cat, "q": quad, "s": score, "n": negated, "m": modality,
                      "d": date})
        for role, a in (("source", source), ("target", target)):
            conn.execute(text("INSERT INTO event_actors (event_id, role, actor_id, name, country, sector) "
                              "VALUES (:e, :r, :i, :n, :c, :s)"),
                         {"e": event_id, "r": role, "i": a.id, "n": a.name, "c": a.country, "s": a.sector})
        conn.execute(text("INSERT INTO event_reports (event_id, document_id, sentence, start, \"end\") "
                          "VALUES (:e, 'v1', 0, 0, 37)"), {"e": event_id})
    conn.execute(text("INSERT INTO statements (document_id, sentence, start, \"end\", kind, source_id, source_name, "
                      "target_id, target_name, negated) "
                      "VALUES ('v1', 0, 0, 37, 'ally_of', 'NLD', 'Netherlands', 'BEL', 'Belgium', :no)"), {"no": False})


def test_store_migration_v1_to_v2_adds_columns_and_backfills_rollups(tmp_path):
    check_v1_upgrade(tmp_path / "old.db")


def check_v1_upgrade(path) -> None:
    """Write a v1 store at path (a file or a URL), open it with today's Dyad, check what v2 brought."""
    _v1_store(path)
    with Store(str(path)) as store:
        with store.engine.connect() as conn:
            columns = {table: {c["name"] for c in inspect(conn).get_columns(table)}
                       for table in ("events", "statements")}
            version = conn.execute(text("SELECT value FROM dyad_meta WHERE key='schema_version'")).scalar()
            modality = conn.execute(text("SELECT modality FROM statements")).scalar()
        assert "cameo_code" in columns["events"] and "modality" in columns["statements"]
        assert version == str(migrations.SCHEMA_VERSION) and modality == "asserted"
        assert_rollups_exact(store)
        dyad = dyad_timeline(store, "NLD", "BEL")
        assert [(m.month, m.n_events, m.score) for m in dyad.a_to_b] == [("2024-05", 1, 3.5)]
        assert [(m.month, m.counts.verbal_conflict) for m in dyad.b_to_a] == [("2024-06", 1)]
        assert dyad.n_excluded == 1
        assert actor_profile(store, "NLD", recent=0).events == 3
        assert [e.id for e in find_events(store, EventFilter(target="NLD"))] == [3, 2]
        assert find_events(store, EventFilter(source="NLD.GOV"))[0].cameo_code is None
    with Store(str(path)) as again:  # opening again migrates nothing
        assert actor_profile(again, "BEL", recent=0).events == 3


def test_store_migration_fresh_store_is_current(tmp_path):
    with Store(str(tmp_path / "new.db")) as store, store.engine.connect() as conn:
        assert inspect(conn).has_table("dyad_rollup") and inspect(conn).has_table("event_keys")
        assert migrations.current_version(conn) == migrations.SCHEMA_VERSION


def _new_fields_store(path) -> Store:
    s = (Sentence(0, 0, 37, TEXT[:37]), Sentence(1, 38, len(TEXT), TEXT[38:]))
    praise = Event("PRAISE", (NLD_GOV,), (BEL,), 0, 0, 37, "praised", cameo_root="05", cameo_code="051",
                   date="2024-05-01")
    blame = Event("ACCUSE", (BEL,), (NLD,), 1, 38, len(TEXT), "criticised", cameo_root="11", date="2024-05-02")
    ties = (Statement("ally_of", NLD, BEL, 0, 0, 37),
            Statement("ally_of", NLD, BEL, 1, 38, len(TEXT), modality="hypothetical"))
    store = Store(str(path))
    doc = Document(id="n1", text=TEXT, source="n1.txt", published_at="2024-05-02", date_precision="day")
    scores = {"PRAISE": ("verbal_cooperation", 3.5), "ACCUSE": ("verbal_conflict", -2.0)}
    store.add_document(doc, Analysis(sentences=s, events=(praise, blame), statements=ties),
                       quad_score=lambda c: scores[c])
    return store


def test_store_migration_new_fields_are_written_read_and_exported(tmp_path):
    with _new_fields_store(tmp_path / "n.db") as store:
        with store.engine.connect() as conn:
            assert conn.execute(text("SELECT modality FROM statements ORDER BY id")).scalars().all() == [
                "asserted", "hypothetical"]
        events = {e.category: e for e in find_events(store)}
        assert (events["PRAISE"].cameo_code, events["ACCUSE"].cameo_code) == ("051", None)
        ties = {r.modality: r for r in find_relations(store, actor="NLD")}
        assert set(ties) == {"asserted", "hypothetical"}  # "would be allies" stays apart from allies
        assert ties["asserted"].n_statements == 1
        out = tmp_path / "e.csv"
        export_events(store, None, "csv", "cameo", out)
        codes = {r["PloverCategory"]: (r["EventCode"], r["EventBaseCode"], r["EventRootCode"])
                 for r in csv.DictReader(out.open())}
        assert codes == {"PRAISE": ("051", "051", "05"), "ACCUSE": ("11", "11", "11")}
        plover = tmp_path / "p.csv"
        export_events(store, None, "csv", "plover", plover)
        assert {r["event_type"]: r["cameo_code"] for r in csv.DictReader(plover.open())} == {"PRAISE": "051",
                                                                                               "ACCUSE": ""}

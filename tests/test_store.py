import sqlite3
import subprocess
import sys

import pytest
from sqlalchemy import text

from dyad.errors import NotFound, SchemaVersionError
from dyad.models import ActorRef, Analysis, Document, Event, Quote, Sentence, Statement
from dyad.store import open_store
from dyad.store.migrations import SCHEMA_VERSION
from dyad.store.writer import dates_compatible

CHN = ActorRef("CHN", "China", "CHN", None)
IRN = ActorRef("IRN", "Iran", "IRN", None)
RUS = ActorRef("RUS", "Russia", "RUS", None)


def _doc(doc_id="d1", text="China sold drones to Iran. Russia did not help Iran.", date="2026-01-17"):
    return Document(id=doc_id, text=text, source=f"{doc_id}.txt", title=f"T {doc_id}", outlet="Outlet",
                    published_at=date, date_precision="day")


def _analysis(*events, statements=(), quotes=()):
    return Analysis(sentences=(Sentence(0, 0, 26, "China sold drones to Iran."),
                               Sentence(1, 27, 51, "Russia did not help Iran.")),
                    events=tuple(events), statements=tuple(statements), quotes=tuple(quotes))


AID = Event("AID", (CHN,), (IRN,), 0, 0, 26, "sold", item="drones", confidence=0.6)
NEG_AID = Event("AID", (RUS,), (IRN,), 1, 27, 51, "help", negated=True)


@pytest.fixture
def store(tmp_path):
    with open_store(str(tmp_path / "t.db")) as s:
        yield s


def test_store_file_is_plain_sqlite_readable_without_dyad(store, tmp_path):
    store.add_document(_doc(), _analysis(AID))
    con = sqlite3.connect(tmp_path / "t.db")
    assert con.execute("select title, outlet from documents").fetchall() == [("T d1", "Outlet")]
    assert con.execute("pragma journal_mode").fetchone()[0] == "wal"
    assert con.execute("select value from dyad_meta where key='schema_version'").fetchone()[0] == str(SCHEMA_VERSION)


def test_store_reports_of_one_event_merge_within_window(store):
    store.add_document(_doc("d1"), _analysis(AID))
    store.add_document(_doc("d2", date="2026-01-20"), _analysis(AID))
    store.add_document(_doc("d3", date="2026-03-01"), _analysis(AID))  # outside the window: a new event
    with store.engine.connect() as conn:
        rows = conn.execute(text("select n_reports from events order by id")).scalars().all()
    assert rows == [2, 1]


def test_store_negated_event_is_never_merged_with_positive(store):
    pos = Event("AID", (RUS,), (IRN,), 0, 0, 26, "helped")
    store.add_document(_doc("d1"), _analysis(pos, NEG_AID))
    with store.engine.connect() as conn:
        assert conn.execute(text("select negated from events order by negated")).scalars().all() == [0, 1]


def test_store_write_is_atomic_when_analysis_fails(store):
    bad = Analysis(sentences=(Sentence(0, 0, 5, "x"), Sentence(0, 0, 5, "duplicate index")))
    with pytest.raises(Exception):
        store.add_document(_doc("d1"), bad)
    assert not store.has_document("d1")
    with store.engine.connect() as conn:
        assert conn.execute(text("select count(*) from sentences")).scalar() == 0


def test_store_replace_analysis_drops_orphan_events(store):
    store.add_document(_doc("d1"), _analysis(AID, NEG_AID))
    store.replace_analysis("d1", _analysis(NEG_AID))
    with store.engine.connect() as conn:
        assert conn.execute(text("select category, negated from events")).all() == [("AID", 1)]
        assert conn.execute(text("select count(*) from event_actors")).scalar() == 2


def test_store_full_text_search_ranks_sentences(store):
    store.add_document(_doc("d1"), _analysis())
    hits = store.search_sentences("drones", 5)
    assert len(hits) == 1
    assert store.search_sentences("'\"*)(", 5) == []  # FTS syntax characters never reach FTS5 raw


def test_store_writes_quotes_and_statements(store):
    q = Quote(0, 0, 26, "China sold drones to Iran.", "direct", CHN, cue="said")
    st = Statement("supplier_of", CHN, IRN, 0, 0, 26, item="drones")
    store.add_document(_doc("d1"), _analysis(quotes=[q], statements=[st]))
    summary = store.summary()
    assert (summary.quotes, summary.statements, summary.documents) == (1, 1, 1)


def test_store_document_lookup_by_prefix_and_not_found(store):
    store.add_document(_doc("abcdef"))
    assert store.document("abc").id == "abcdef"
    with pytest.raises(NotFound, match="dyad documents"):
        store.document("zzz")


def test_store_refuses_newer_schema(tmp_path):
    path = tmp_path / "t.db"
    open_store(str(path)).close()
    con = sqlite3.connect(path)
    con.execute("update dyad_meta set value='999' where key='schema_version'")
    con.commit()
    con.close()
    with pytest.raises(SchemaVersionError, match="newer Dyad"):
        open_store(str(path))


def test_store_killed_writer_leaves_no_half_document(tmp_path):
    """A process killed inside the transaction leaves nothing behind."""
    path = tmp_path / "t.db"
    open_store(str(path)).close()
    code = f"""
import os, signal
from dyad.store import open_store, writer
from dyad.models import Document, Analysis, Sentence
s = open_store({str(path)!r})
real = writer.write_analysis
def die(*a, **k):
    real(*a, **k)
    os.kill(os.getpid(), signal.SIGKILL)
writer.write_analysis = die
s.add_document(Document(id='k1', text='x y', source='k'), Analysis(sentences=(Sentence(0, 0, 3, 'x y'),)))
"""
    proc = subprocess.run([sys.executable, "-c", code])
    assert proc.returncode != 0
    with open_store(str(path)) as s:
        assert not s.has_document("k1")
        assert s.summary().sentences == 0


def test_store_date_window_rules():
    assert dates_compatible("2026-01-01", "2026-01-05")
    assert not dates_compatible("2026-01-01", "2026-02-05")
    assert dates_compatible("2026-01", "2026-01-20")
    assert not dates_compatible("2025", "2026-01-20")
    assert dates_compatible(None, "2026-01-20")


def test_store_search_ignores_words_found_in_most_sentences(store):
    sentences = tuple(Sentence(i, 0, 10, f"the state of affairs number {i}") for i in range(99)) + (
        Sentence(99, 0, 10, "the state of Zorbia imposed sanctions"),)
    store.add_document(_doc("big", text="x" * 10), Analysis(sentences=sentences))
    hits = store.search_sentences("What did the state of Zorbia do?", 5)
    assert len(hits) == 1  # "the", "state", "of" select nothing; "zorbia" does
    assert store.search_sentences("the state", 5)  # all-common queries still answer

"""The same store on PostgreSQL: schema, one-transaction writes, event merging, full-text search."""

import pytest
from sqlalchemy import text

from dyad.models import ActorRef, Analysis, Document, Event, Sentence
from dyad.store import open_store

from .pg import pg_bin, throwaway_cluster

pytestmark = pytest.mark.skipif(pg_bin() is None, reason="PostgreSQL server binaries not installed")

CHN, IRN = ActorRef("CHN", "China", "CHN"), ActorRef("IRN", "Iran", "IRN")


@pytest.fixture(scope="module")
def pg_url():
    with throwaway_cluster() as url:
        yield url


def test_store_postgres_roundtrip(pg_url):
    with open_store(pg_url) as store:
        doc = Document(id="p1", text="China sold drones to Iran.", source="p1.txt", published_at="2026-01-17")
        aid = Event("AID", (CHN,), (IRN,), 0, 0, 26, "sold")
        store.add_document(doc, Analysis(sentences=(Sentence(0, 0, 26, doc.text),), events=(aid,)))
        doc2 = Document(id="p2", text="China sold more drones to Iran.", source="p2.txt", published_at="2026-01-18")
        store.add_document(doc2, Analysis(sentences=(Sentence(0, 0, 31, doc2.text),), events=(aid,)))
        assert store.has_document("p1")
        assert [h[0] for h in store.search_sentences("drones", 5)]
        with store.engine.connect() as conn:
            assert conn.execute(text("select n_reports from events")).scalars().all() == [2]
        store.replace_analysis("p1", Analysis())
        assert store.summary().events == 1
    with open_store(pg_url) as again:  # migrations are idempotent
        assert again.summary().documents == 2

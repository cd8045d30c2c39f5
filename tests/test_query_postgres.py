"""The read side gives the same answers on PostgreSQL as on SQLite (same hand-built store)."""

from __future__ import annotations

import pytest

from dyad import query as q
from tests.pg import pg_bin, throwaway_cluster
from tests.test_query_store import build_store

pytestmark = pytest.mark.skipif(pg_bin() is None, reason="PostgreSQL server binaries not installed")


def _answers(store) -> dict:
    return {
        "events": q.find_events(store),
        "events_filtered": q.find_events(store, q.EventFilter(target="Tehran", date_from="2024-04-15")),
        "events_context_negated": q.find_events(store, q.EventFilter(category="AID", negated=True)),
        "count": q.count_events(store, q.EventFilter(actor="USA")),
        "actors": q.list_actors(store),
        "profile": q.actor_profile(store, "IRN", registry=None).model_copy(update={"roles": []}),
        "relations": q.find_relations(store),
        "quotes": q.find_quotes(store, speaker="Wang Yi", q="cooperation"),
        "dyad": q.dyad_timeline(store, "USA", "Iran"),
        "search": [(h.document_id, h.sentence_index) for h in q.search_sentences(store, "drones")],
        "network": sorted(q.network_graph(store).edges(keys=True)),
    }


def test_query_postgres_matches_sqlite(tmp_path):
    with throwaway_cluster() as url:
        pg = build_store(url)
        try:
            on_pg = _answers(pg)
        finally:
            pg.close()
    with build_store(tmp_path / "same.db") as lite:
        on_sqlite = _answers(lite)
    for key in on_sqlite:
        if key == "search":  # ts_rank and bm25 may order ties differently
            assert sorted(on_pg[key]) == sorted(on_sqlite[key]), key
        else:
            assert on_pg[key] == on_sqlite[key], key

"""The latency bench's synthetic store is a valid store (rollups included) and every timed query runs on it."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from tests.test_store_rollup import assert_rollups_exact

BENCH = Path(__file__).resolve().parents[1] / "bench" / "query_latency.py"


def _bench():
    spec = importlib.util.spec_from_file_location("query_latency", BENCH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_query_latency_bench_store_has_exact_rollups_and_answers(tmp_path):
    bench = _bench()
    with bench.generate(tmp_path / "b.db", 400) as store:
        assert_rollups_exact(store)
        queries = bench._queries(store, bench._states())
        results = {name: fn() for name, fn in queries.items()}
    assert results["find_events(no filter)"]
    top = bench._states()[0]
    assert results[f"actor_profile({top}, top actor)"].events > 0


def test_query_latency_vector_index_is_cached_until_the_store_changes(tmp_path):
    import numpy as np

    from dyad.models import Analysis, Document, Sentence
    from dyad.query import retrieve
    from dyad.store import Store

    text = "Ships left port. Planes landed."
    sentences = (Sentence(0, 0, 16, text[:16]), Sentence(1, 17, len(text), text[17:]))
    vectors = tuple(np.eye(2, 4, k, dtype="<f4")[0].tobytes() for k in (0, 1))
    with Store(str(tmp_path / "v.db")) as store:
        first = retrieve.vector_index(store)
        assert retrieve.vector_index(store) is first and len(first.ids) == 0  # loaded once per store state
        store.add_document(Document(id="v1", text=text, source="v1"),
                           Analysis(sentences=sentences, embeddings=vectors))
        loaded = retrieve.vector_index(store)
        assert len(loaded.ids) == 2 and retrieve.vector_index(store) is loaded
        store.replace_analysis("v1", Analysis(sentences=sentences[:1], embeddings=vectors[:1]))
        assert len(retrieve.vector_index(store).ids) == 1  # a re-analysis is a new state

"""The event rollups stay exact under any sequence of ingests, merges and re-analyses.

Random documents (actors, sides, dates, negation, modality drawn from small pools so that reports
merge into events and events share pairs) are added, re-analysed and emptied; after each sequence
the rollups kept row by row by the writer must equal a recomputation from the events table
(``rollup.rebuild``, in SQL), and the views must read from them what a scan of the events gives.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import distinct, func, select

from dyad.models import ActorRef, Analysis, Document, Event, Sentence
from dyad.query import actor_profile, dyad_timeline
from dyad.query import dyads as dyad_view
from dyad.query.events import EventFilter, _keyed_ids, _newest_first, conditions, resolve_actor_conn
from dyad.store import Store, rollup
from dyad.store import schema as t

ACTORS = (ActorRef("FRA", "France", "FRA"), ActorRef("DEU", "Germany", "DEU"),
          ActorRef("FRA.GOV", "French government", "FRA", "GOV"), ActorRef("person:ana", "Ana Ruiz", "ESP", "GOV"),
          ActorRef("ESP", "Spain", "ESP"), ActorRef(None, "Blue Brigade", None))
SCORES = {"AID": ("material_cooperation", 7.4), "CONSULT": ("verbal_cooperation", 2.1),
          "ACCUSE": ("verbal_conflict", -2.0), "ASSAULT": ("material_conflict", -9.0), "OTHER": (None, None)}
DATES = (None, "2025", "2025-02", "2025-02-03", "2025-02-06", "2025-03-20", "2025-07-01")
SELECTORS = ("FRA", "DEU", "ESP", "FRA.GOV", "person:ana")
TEXT = "One thing happened."


def quad_score(category: str):
    return SCORES[category]


sides = st.lists(st.sampled_from(ACTORS), min_size=1, max_size=2, unique=True)
events = st.builds(
    lambda cat, src, tgt, date, neg, mod: Event(cat, tuple(src), tuple(tgt), 0, 0, len(TEXT), "did",
                                                date=date, negated=neg, modality=mod),
    st.sampled_from(sorted(SCORES)), sides, sides, st.sampled_from(DATES), st.booleans(),
    st.sampled_from(("asserted", "reported", "denied", "hypothetical")))
# (document number, its events): a number seen before re-analyses that document (empty = removal).
steps = st.lists(st.tuples(st.integers(0, 5), st.lists(events, max_size=4)), min_size=1, max_size=12)


def _apply(store: Store, plan) -> None:
    for number, found in plan:
        doc_id = f"doc{number}"
        analysis = Analysis(sentences=(Sentence(0, 0, len(TEXT), TEXT),), events=tuple(found))
        if store.has_document(doc_id):
            store.replace_analysis(doc_id, analysis, quad_score=quad_score)
        else:
            doc = Document(id=doc_id, text=TEXT, source=doc_id, published_at=f"2025-02-0{number + 1}")
            store.add_document(doc, analysis, quad_score=quad_score)


def snapshot(conn) -> dict[str, list[tuple]]:
    """Every rollup table's rows, sorted, floats rounded (sums of scores in another order differ by ulps)."""
    out = {}
    for table in t.ROLLUP_TABLES:
        rows = [tuple(round(v, 6) if isinstance(v, float) else v for v in r) for r in conn.execute(select(table))]
        out[table.name] = sorted(rows, key=repr)
    return out


def assert_rollups_exact(store: Store) -> None:
    """Rollups kept by the writer == recomputed from the events; views agree with a scan of the events."""
    with store.engine.connect() as conn:
        kept = snapshot(conn)
        _assert_views_agree(conn)
    with store.engine.connect() as conn:
        tx = conn.begin()
        rollup.rebuild(conn)
        rebuilt = snapshot(conn)
        tx.rollback()
    assert kept == rebuilt


def _assert_views_agree(conn) -> None:
    ea = t.event_actors
    dates = EventFilter()
    for a in SELECTORS:
        sa = resolve_actor_conn(conn, a) if _seen(conn, a) else None
        if sa is None:
            continue
        n = conn.execute(select(func.count(distinct(ea.c.event_id)))
                         .where(sa.clause(ea.c.actor_id, ea.c.country, ea.c.name))).scalar()
        rolled = conn.execute(select(t.actor_rollup.c.n).where(t.actor_rollup.c.key == dyad_view.rollup_key(sa)))
        assert (rolled.scalar() or 0) == n
        for role in ("source", "target", "actor"):
            for extra in ({}, {"category": "AID"}, {"date_from": "2025-02-05"}, {"date_to": "2025-02"}):
                filt = EventFilter(**{role: a}, **extra)
                general = conn.execute(select(t.events.c.id).where(*conditions(conn, filt))
                                       .order_by(*_newest_first())).scalars().all()
                assert _keyed_ids(conn, filt, 1000, 0) == general
        for b in SELECTORS:
            sb = resolve_actor_conn(conn, b) if _seen(conn, b) else None
            if sb is None or set(sa.ids) & set(sb.ids) or set(sa.countries) & set(sb.countries):
                continue
            keys = dyad_view.rollup_key(sa), dyad_view.rollup_key(sb)
            for df, dt in ((None, None), ("2025-02", None), (None, "2025-02"), ("2025", "2025")):
                dates = EventFilter(date_from=df, date_to=dt)
                assert _norm(dyad_view._from_rollup(conn, keys, dates, 1)) == \
                    _norm(dyad_view._from_events(conn, sa, sb, dates, 1))


def _seen(conn, text: str) -> bool:
    ea = t.event_actors
    return bool(conn.execute(select(func.count()).where((ea.c.actor_id == text) | (ea.c.country == text))).scalar())


def _norm(found):
    tallies, shown, excluded, n_excluded = found
    rounded = [{m: {k: round(v, 6) if isinstance(v, float) else v for k, v in e.items()} for m, e in d.items()}
               for d in tallies]
    return rounded, shown, excluded, n_excluded


@settings(max_examples=20, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(plan=steps, few=st.sampled_from((0, dyad_view.FEW)))
def test_store_rollup_exact_after_random_ingest_and_reanalysis(plan, few, monkeypatch):
    monkeypatch.setattr(dyad_view, "FEW", few)  # 0: every month read on its own, as for a dense pair
    with tempfile.TemporaryDirectory() as folder, Store(str(Path(folder) / "r.db")) as store:
        _apply(store, plan)
        assert_rollups_exact(store)


def test_store_rollup_merged_reports_count_one_event(tmp_path):
    aid = Event("AID", (ACTORS[0],), (ACTORS[1],), 0, 0, len(TEXT), "sent", date="2025-02-03")
    with Store(str(tmp_path / "m.db")) as store:
        _apply(store, [(0, [aid]), (1, [aid]), (2, [aid])])  # three reports, one event
        with store.engine.connect() as conn:
            rows = conn.execute(select(t.dyad_rollup.c.source_key, t.dyad_rollup.c.target_key, t.dyad_rollup.c.n)
                                .where(t.dyad_rollup.c.source_key == "c:FRA")).all()
        assert sorted(rows) == [("c:FRA", "a:DEU", 1), ("c:FRA", "c:DEU", 1)]
        _apply(store, [(0, []), (1, [])])  # two reports gone: the event stays
        assert dyad_timeline(store, "FRA", "DEU").a_to_b[0].n_events == 1
        _apply(store, [(2, [])])  # the last report gone: so is the event
        assert dyad_timeline(store, "FRA", "DEU").a_to_b == []
        assert actor_profile(store, "FRA", recent=0).events == 0
        assert_rollups_exact(store)


def test_store_rollup_keys_of_an_actor():
    assert rollup.actor_keys("FRA", "FRA") == {"a:FRA", "c:FRA"}
    assert rollup.actor_keys("FRA.GOV", "FRA") == {"a:FRA.GOV", "c:FRA"}
    assert rollup.actor_keys("person:ana", None) == {"a:person:ana"}
    assert rollup.actor_keys(None, None) == set()
    assert [rollup.month_of(d) for d in (None, "", "2025", "2025-02-03")] == ["undated", "undated", "2025", "2025-02"]


@pytest.mark.parametrize("first, second", [("FRA", "Blue Brigade"), ("FRA", "DEU")])
def test_store_rollup_view_paths_agree_on_names_and_codes(tmp_path, first, second):
    """A stored name has no rollup key: the dyad view scans for it and still counts the same."""
    brigade = Event("ASSAULT", (ACTORS[5],), (ACTORS[0],), 0, 0, len(TEXT), "shelled", date="2025-03-20")
    consult = Event("CONSULT", (ACTORS[1],), (ACTORS[0], ACTORS[2]), 0, 0, len(TEXT), "met", date="2025-03-20")
    with Store(str(tmp_path / "n.db")) as store:
        _apply(store, [(0, [brigade, consult])])
        dyad = dyad_timeline(store, second, first)
        assert sum(m.n_events for m in dyad.a_to_b) == 1

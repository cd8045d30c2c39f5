"""Query latency at ~10k and ~100k events, measured in one run; prints the 100k/10k ratio per query.

Synthetic stores are written with Core bulk inserts into the store's own schema (the same
tables, indexes and FTS triggers ``Store`` creates; the event rollups are then rebuilt as the v2
migration does), then the read side is timed:
``actor_profile``, ``dyad_timeline``, ``find_events`` (and ``ask.answer`` when present).

Both stores have the same shape: the same actors with Zipf-like popularity over the same
three years, so the 100k store is ten times denser (the hard case for a query's scans).

    .venv/bin/python bench/query_latency.py [--sizes 10000 100000] [--repeat 5] [--clock cpu|wall] [--keep DIR]
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from dyad.models import ActorRecord  # noqa: E402
from dyad.store import Store, rollup  # noqa: E402
from dyad.store import schema as t  # noqa: E402

CATEGORIES = (("AGREE", "verbal_cooperation", 4.2, "03"), ("CONSULT", "verbal_cooperation", 2.1, "04"),
              ("SUPPORT", "verbal_cooperation", 4.6, "05"), ("COOPERATE", "material_cooperation", 6.8, "06"),
              ("AID", "material_cooperation", 7.4, "07"), ("REQUEST", "verbal_cooperation", -5.0, "02"),
              ("ACCUSE", "verbal_conflict", -2.0, "11"), ("REJECT", "verbal_conflict", -4.0, "12"),
              ("THREATEN", "verbal_conflict", -4.4, "13"), ("PROTEST", "verbal_conflict", -6.5, "14"),
              ("SANCTION", "material_conflict", -5.6, "16"), ("ASSAULT", "material_conflict", -9.0, "19"))
SECTORS = (None, "GOV", "MIL", "BUS", "CVL")
N_STATES = 200
EVENTS_PER_DOC = 5
START = date(2022, 1, 1)
SPAN_DAYS = 3 * 365
BATCH = 20_000
# Covering versions of the event_actors indexes, proposed for dyad/store/schema.py: actor lookups
# then read event ids from the index alone (--proposed-indexes measures them on the bench stores).
PROPOSED_INDEXES = (
    "CREATE INDEX ix_event_actors_actor_cover ON event_actors (actor_id, role, event_id)",
    "CREATE INDEX ix_event_actors_country_cover ON event_actors (country, role, event_id)",
    "DROP INDEX ix_event_actors_actor",
    "DROP INDEX ix_event_actors_country",
)


def _states() -> list[str]:
    import pycountry

    return sorted(c.alpha_3 for c in pycountry.countries)[:N_STATES]


def _registry_records(states: list[str]) -> list[ActorRecord]:
    return [ActorRecord(id=s, name=f"State {s}", kind="state", country=s, aliases=(f"{s} capital",))
            for s in states]


def _zipf_picks(rng, n: int, k: int) -> np.ndarray:
    weights = 1.0 / np.arange(1, k + 1) ** 1.1
    return rng.choice(k, size=n, p=weights / weights.sum())


class _Batches:
    """Rows per table, flushed in large executemany inserts."""

    def __init__(self, conn):
        self.conn, self.rows = conn, {}

    def add(self, table, row: dict) -> None:
        self.rows.setdefault(table, []).append(row)
        if len(self.rows[table]) >= BATCH:
            self.flush()

    def flush(self) -> None:
        # Parents before children: the foreign keys are checked on every insert.
        for tab in (t.documents, t.sentences, t.mentions, t.events, t.event_actors, t.event_reports, t.quotes):
            if self.rows.get(tab):
                self.conn.execute(tab.insert(), self.rows[tab])
                self.rows[tab] = []


def generate(path: Path, n_events: int, seed: int = 7) -> Store:
    """A store with n_events synthetic events (EVENTS_PER_DOC per document) and their evidence."""
    rng = np.random.default_rng(seed)
    states = _states()
    store = Store(str(path))
    store.sync_actors(_registry_records(states), "bench")
    src, tgt = _zipf_picks(rng, n_events, len(states)), _zipf_picks(rng, n_events, len(states))
    tgt = np.where(tgt == src, (tgt + 1) % len(states), tgt)
    cats, days = rng.integers(0, len(CATEGORIES), n_events), rng.integers(0, SPAN_DAYS, n_events)
    sectors, negated = rng.integers(0, len(SECTORS), n_events), rng.random(n_events) < 0.05
    with store.engine.begin() as conn:
        rows = _Batches(conn)
        for i in range(n_events):
            _add_event(rows, i, states[src[i]], states[tgt[i]], CATEGORIES[cats[i]], START + timedelta(int(days[i])),
                       SECTORS[sectors[i]], bool(negated[i]))
        rows.flush()
        rollup.rebuild(conn)  # what the store's writer keeps row by row, computed once for the bulk insert
    return store


def _add_event(rows: _Batches, i: int, s: str, g: str, cat: tuple, day: date, sector: str | None,
               negated: bool) -> None:
    doc_id, idx = f"doc{i // EVENTS_PER_DOC:08d}", i % EVENTS_PER_DOC
    name, quad, score, root = cat
    text = f"State {s} {'did not ' if negated else ''}{name.lower()} State {g} on {day.isoformat()}."
    if idx == 0:
        rows.add(t.documents, {"id": doc_id, "title": f"Report {doc_id}", "outlet": f"Outlet {i % 37}",
                               "url": f"https://example.org/{doc_id}", "published_at": day.isoformat(),
                               "date_precision": "day", "source": "bench", "text": text})
    rows.add(t.sentences, {"document_id": doc_id, "idx": idx, "start": 0, "end": len(text), "text": text})
    for actor, role in ((s, "source"), (g, "target")):
        rows.add(t.mentions, {"document_id": doc_id, "sentence": idx, "start": 0, "end": 5, "text": f"State {actor}",
                              "label": "GPE", "actor_id": actor, "actor_name": f"State {actor}", "country": actor})
    rows.add(t.events, {"id": i + 1, "key": str(i), "category": name, "quad": quad, "score": score,
                        "cameo_root": root, "negated": negated, "modality": "asserted", "date": day.isoformat(),
                        "date_precision": "day", "confidence": 0.6, "n_reports": 1})
    rows.add(t.event_actors, {"event_id": i + 1, "role": "source", "actor_id": s, "name": f"State {s}",
                              "country": s, "sector": sector})
    rows.add(t.event_actors, {"event_id": i + 1, "role": "target", "actor_id": g, "name": f"State {g}",
                              "country": g, "sector": None})
    rows.add(t.event_reports, {"event_id": i + 1, "document_id": doc_id, "sentence": idx, "start": 0,
                               "end": len(text), "trigger": name.lower(), "confidence": 0.6})
    if i % 10 == 0:
        rows.add(t.quotes, {"document_id": doc_id, "sentence": idx, "start": 0, "end": len(text), "text": text,
                            "kind": "direct", "speaker_id": s, "speaker_name": f"State {s}", "speaker_country": s})


CLOCKS = {"cpu": time.process_time, "wall": time.perf_counter}


def _time_pair(small, large, repeat: int, clock=time.process_time) -> tuple[float, float]:
    """Best-of-repeat milliseconds for the same query on both stores, timed alternately so that
    other load on the machine falls on both sizes alike.

    The default clock is the process's CPU time: the queries run in-process (SQLite) and never wait
    on the network, so CPU time is their cost, while wall time on a shared machine also counts the
    time the scheduler gives other processes (a 10 ms slice swamps a 2 ms query)."""
    small(), large()  # warm caches (registry mirror, SQLite pages): the figure is the steady state
    best = [float("inf"), float("inf")]
    for _ in range(repeat):
        for i, fn in enumerate((small, large)):
            start = clock()
            fn()
            best[i] = min(best[i], clock() - start)
    return best[0] * 1000, best[1] * 1000


def _queries(store: Store, states: list[str]) -> dict:
    from dyad import query as q

    top, mid = states[0], states[40]
    out = {
        f"actor_profile({top}, top actor)": lambda: q.actor_profile(store, top),
        f"actor_profile({mid}, mid actor)": lambda: q.actor_profile(store, mid),
        f"dyad_timeline({top}, {states[1]})": lambda: q.dyad_timeline(store, top, states[1]),
        f"dyad_timeline({mid}, {states[41]})": lambda: q.dyad_timeline(store, mid, states[41]),
        "find_events(no filter)": lambda: q.find_events(store),
        f"find_events(source={top}, AID)": lambda: q.find_events(store, q.EventFilter(source=top, category="AID")),
        f"find_events(actor={mid}, 2023-06)": lambda: q.find_events(
            store, q.EventFilter(actor=mid, date_from="2023-06", date_to="2023-06")),
    }
    try:
        from dyad.query.ask import answer
    except ImportError:
        return out
    question = f"What did State {top} do to State {states[1]}?"
    out["ask.answer(question)"] = lambda: answer(store, question)
    return out


def _add_indexes(store: Store) -> None:
    from sqlalchemy import text

    with store.engine.begin() as conn:
        for statement in PROPOSED_INDEXES:
            conn.execute(text(statement))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs=2, default=(10_000, 100_000))
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--clock", choices=sorted(CLOCKS), default="cpu",
                        help="cpu: process CPU time (default; robust on a shared machine); wall: elapsed time")
    parser.add_argument("--keep", type=Path, help="Write the stores here and keep them.")
    parser.add_argument("--proposed-indexes", action="store_true",
                        help="Add PROPOSED_INDEXES to the bench stores before timing.")
    args = parser.parse_args(argv)
    folder = args.keep or Path(tempfile.mkdtemp(prefix="dyad-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    stores = []
    for size in args.sizes:
        start = time.perf_counter()
        path = folder / f"bench-{size}.db"
        path.unlink(missing_ok=True)
        stores.append(generate(path, size))
        if args.proposed_indexes:
            _add_indexes(stores[-1])
        print(f"generated {size} events in {time.perf_counter() - start:.1f} s → {path}", file=sys.stderr)
    states = _states()
    pairs = zip(_queries(stores[0], states).items(), _queries(stores[1], states).values())
    results = {name: _time_pair(small_fn, large_fn, args.repeat, CLOCKS[args.clock])
               for (name, small_fn), large_fn in pairs}
    for store in stores:
        store.close()
    if not args.keep:
        shutil.rmtree(folder, ignore_errors=True)
    print(f"load average during the run: {os.getloadavg()[0]:.1f} (on {os.cpu_count()} CPUs)", file=sys.stderr)
    small, large = args.sizes
    print(f"{'query (' + args.clock + ' time)':48} {small:>10} ms {large:>10} ms {'ratio':>7}")
    for name, (a, b) in results.items():
        print(f"{name:48} {a:13.1f} {b:13.1f} {b / a:7.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

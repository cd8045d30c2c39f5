"""Event rollups by actor key and by actor pair, kept in the transaction that writes the events.

The query layer reads an actor's event count, a dyad's monthly counts and score sums, and the
newest events of an actor or a pair from these tables instead of scanning every event of a
frequent actor, so a view's cost stays flat as the store grows.

An event enters the rollups once, when it is created, and leaves them when its last report
goes (re-analysis, ``writer.remove_analysis``). Merging another report into an event changes
none of the fields rolled up (actors, date, category, negation, modality), so the rollups count
events, not reports. ``rebuild`` recomputes everything from the events table (the v2 migration
backfills stores written by schema v1 with it; bulk loaders call it after their inserts).
"""

from __future__ import annotations

import re
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Sequence

from sqlalchemy import and_, case, delete, exists, func, literal, or_, select, union
from sqlalchemy.engine import Connection

from dyad.store import dialect
from dyad.store import schema as t

# Modalities under which an event did not happen as told: kept out of counts and ties.
NOT_HAPPENED = ("denied", "hypothetical")
# An actor argument that is a country code covers every actor of that country (dyad.query.events).
COUNTRY_CODE = re.compile(r"[A-Z]{3}")  # full match; IGO is one too
UNDATED = "undated"
_CHUNK = 900  # ids per IN (...) list; well under SQLite's bound-parameter limit
_DYAD_KEY = ("source_key", "target_key", "month", "quad", "happened")


def month_of(date: str | None) -> str:
    """The month key of an ISO date: "YYYY-MM", "YYYY" for a year-only date, "undated"."""
    if not date:
        return UNDATED
    return date[:7] if len(date) >= 7 else date[:4]


def month_sql(date):
    """``month_of`` in SQL, over a date column."""
    return case((or_(date.is_(None), date == ""), UNDATED), (func.length(date) >= 7, func.substr(date, 1, 7)),
                else_=func.substr(date, 1, 4))


def actor_keys(actor_id: str | None, country: str | None) -> set[str]:
    """The rollup keys of one event actor: its id, its country, and its id as a country code."""
    keys = set()
    if actor_id:
        keys.add("a:" + actor_id)
        if COUNTRY_CODE.fullmatch(actor_id):
            keys.add("c:" + actor_id)
    if country:
        keys.add("c:" + country)
    return keys


def happened(negated: bool, modality: str | None) -> bool:
    return not negated and modality not in NOT_HAPPENED


@dataclass(frozen=True)
class EventFacts:
    """What the rollups need of one event."""

    event_id: int
    date: str
    month: str
    quad: str
    score: float
    happened: bool
    sources: frozenset[str]
    targets: frozenset[str]

    def pairs(self) -> set[tuple[str, str]]:
        return {(s, g) for s in self.sources for g in self.targets}


def event_facts(conn: Connection, event_ids: Sequence[int]) -> list[EventFacts]:
    """Facts of the given events (those that exist), read from events and event_actors."""
    e, ea = t.events, t.event_actors
    out = []
    for start in range(0, len(event_ids), _CHUNK):
        chunk = list(event_ids[start:start + _CHUNK])
        sides: dict[int, dict[str, set[str]]] = {}
        for event_id, role, actor_id, country in conn.execute(
                select(ea.c.event_id, ea.c.role, ea.c.actor_id, ea.c.country).where(ea.c.event_id.in_(chunk))):
            sides.setdefault(event_id, {}).setdefault(role, set()).update(actor_keys(actor_id, country))
        rows = conn.execute(select(e.c.id, e.c.date, e.c.quad, e.c.score, e.c.negated, e.c.modality)
                            .where(e.c.id.in_(chunk)))
        out.extend(_facts(row, sides.get(row[0], {})) for row in rows)
    return out


def _facts(row, sides: dict[str, set[str]]) -> EventFacts:
    event_id, date, quad, score, negated, modality = row
    return EventFacts(event_id=event_id, date=date or "", month=month_of(date), quad=quad or "",
                      score=float(score or 0.0), happened=happened(bool(negated), modality),
                      sources=frozenset(sides.get("source", ())), targets=frozenset(sides.get("target", ())))


def key_rows(f: EventFacts) -> list[dict]:
    rows = [{"event_id": f.event_id, "key": k, "role": role, "date": f.date}
            for role, keys in (("source", f.sources), ("target", f.targets)) for k in sorted(keys)]
    rows += [{"event_id": f.event_id, "key": k, "role": "any", "date": f.date} for k in sorted(f.sources | f.targets)]
    return rows


def pair_rows(f: EventFacts) -> list[dict]:
    return [{"event_id": f.event_id, "source_key": s, "target_key": g, "happened": f.happened, "month": f.month,
             "date": f.date} for s, g in sorted(f.pairs())]


def dyad_deltas(f: EventFacts) -> list[dict]:
    """One dyad_rollup row per ordered key pair of the event (n=1)."""
    pairs = f.pairs()
    return [{"source_key": s, "target_key": g, "month": f.month, "quad": f.quad, "happened": f.happened, "n": 1,
             "n_both": int((g, s) in pairs), "score": f.score} for s, g in sorted(pairs)]


def add_event(conn: Connection, event_id: int) -> None:
    """Count a new event (its actors already written) in every rollup."""
    for f in event_facts(conn, [event_id]):
        _insert(conn, t.event_keys, key_rows(f))
        _insert(conn, t.event_pairs, pair_rows(f))
        dialect.add_counts(conn, t.dyad_rollup, dyad_deltas(f), _DYAD_KEY, ("n", "n_both", "score"))
        dialect.add_counts(conn, t.actor_rollup, [{"key": k, "n": 1} for k in sorted(f.sources | f.targets)],
                           ("key",), ("n",))


def drop_event(conn: Connection, event_id: int) -> None:
    """Take an event out of every rollup (before its actors are deleted)."""
    for f in event_facts(conn, [event_id]):
        conn.execute(delete(t.event_keys).where(t.event_keys.c.event_id == event_id))
        conn.execute(delete(t.event_pairs).where(t.event_pairs.c.event_id == event_id))
        deltas = [{**d, "n": -d["n"], "n_both": -d["n_both"], "score": -d["score"]} for d in dyad_deltas(f)]
        dialect.add_counts(conn, t.dyad_rollup, deltas, _DYAD_KEY, ("n", "n_both", "score"))
        keys = sorted(f.sources | f.targets)
        dialect.add_counts(conn, t.actor_rollup, [{"key": k, "n": -1} for k in keys], ("key",), ("n",))
        _drop_empty(conn, deltas, keys)


def _drop_empty(conn: Connection, deltas: list[dict], keys: list[str]) -> None:
    dr, ar = t.dyad_rollup, t.actor_rollup
    for d in deltas:
        conn.execute(delete(dr).where(and_(*(dr.c[c] == d[c] for c in _DYAD_KEY)), dr.c.n <= 0))
    if keys:
        conn.execute(delete(ar).where(ar.c.key.in_(keys), ar.c.n <= 0))


def _insert(conn: Connection, table, rows: list[dict]) -> None:
    if rows:
        conn.execute(table.insert(), rows)


def rebuild(conn: Connection) -> int:
    """Recompute every rollup from the events and their actors in SQL; returns the number of events.

    The same keys as ``actor_keys`` and ``event_facts`` (a test holds the two to each other), as
    set operations: a v1 store of 100k events is backfilled in seconds, not row by row.
    """
    for table in t.ROLLUP_TABLES:
        conn.execute(delete(table))
    k, p = t.event_keys, t.event_pairs
    cols = ["event_id", "key", "role", "date"]
    with _indexed_after(conn, k):
        conn.execute(k.insert().from_select(cols, _role_keys(conn)))
        anyside = select(k.c.event_id, k.c.key, literal("any"), k.c.date).where(k.c.role != "any").distinct()
        conn.execute(k.insert().from_select(cols, anyside))
    with _indexed_after(conn, p):
        conn.execute(p.insert().from_select(["event_id", "source_key", "target_key", "happened", "month", "date"],
                                            _pairs()))
    conn.execute(t.dyad_rollup.insert().from_select(
        ["source_key", "target_key", "month", "quad", "happened", "n", "n_both", "score"], _dyad_sums()))
    conn.execute(t.actor_rollup.insert().from_select(
        ["key", "n"], select(k.c.key, func.count()).where(k.c.role == "any").group_by(k.c.key)))
    return conn.execute(select(func.count()).select_from(t.events)).scalar() or 0


@contextmanager
def _indexed_after(conn: Connection, table):
    """Fill a table without its indexes and index it after: several times faster than index upkeep per row."""
    for ix in table.indexes:
        ix.drop(conn)
    yield
    for ix in table.indexes:
        ix.create(conn)


def _role_keys(conn: Connection):
    """(event_id, key, role, date) for every actor key of every event side, once each."""
    ea, e = t.event_actors, t.events
    date = func.coalesce(e.c.date, "")
    joined = ea.join(e, e.c.id == ea.c.event_id)
    parts = [select(ea.c.event_id, literal(prefix) + column, ea.c.role, date).select_from(joined).where(where)
             for prefix, column, where in (("a:", ea.c.actor_id, ea.c.actor_id.is_not(None)),
                                           ("c:", ea.c.country, ea.c.country.is_not(None)),
                                           ("c:", ea.c.actor_id, dialect.is_country_code(conn, ea.c.actor_id)))]
    return union(*parts)  # UNION, not UNION ALL: an actor's id and country may give the same key


def _pairs():
    s, g, e = t.event_keys.alias("s"), t.event_keys.alias("g"), t.events
    done = and_(e.c.negated.is_(False), e.c.modality.not_in(NOT_HAPPENED))
    return (select(s.c.event_id, s.c.key, g.c.key, done, month_sql(e.c.date), s.c.date)
            .select_from(s.join(g, and_(g.c.event_id == s.c.event_id, g.c.role == "target"))
                         .join(e, e.c.id == s.c.event_id))
            .where(s.c.role == "source"))


def _dyad_sums():
    p, r, e = t.event_pairs, t.event_pairs.alias("r"), t.events
    # Every column of the pair index is given, so the probe is one index lookup.
    reverse = exists().where(r.c.source_key == p.c.target_key, r.c.target_key == p.c.source_key,
                             r.c.happened == p.c.happened, r.c.month == p.c.month, r.c.date == p.c.date,
                             r.c.event_id == p.c.event_id)
    quad = func.coalesce(e.c.quad, "")
    return (select(p.c.source_key, p.c.target_key, p.c.month, quad, p.c.happened, func.count(),
                   func.sum(case((reverse, 1), else_=0)), func.sum(func.coalesce(e.c.score, 0.0)))
            .select_from(p.join(e, e.c.id == p.c.event_id))
            .group_by(p.c.source_key, p.c.target_key, p.c.month, quad, p.c.happened))

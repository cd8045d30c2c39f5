"""A pair of actors through time: monthly counts per quad class and score, both directions.

Negated, denied and hypothetical events are kept out of the counts and listed apart: "Russia
stopped short of providing military assistance" must not raise the cooperation line.
"""

from __future__ import annotations

from sqlalchemy import case, func, not_, select
from sqlalchemy.engine import Connection

from dyad.errors import InputError
from dyad.query.events import (QUADS, ActorSelector, EventFilter, conditions, happened, hydrate,
                               resolve_actor_conn, side_clause)
from dyad.query.records import ActorRefPublic, DyadMonthPublic, DyadPublic, EventPublic, QuadCountsPublic
from dyad.store import schema as t

EXCLUDED_SHOWN = 50  # negated/denied events listed in full; the rest are counted


def month_of(date: str | None) -> str:
    """The month key of an ISO date in Python (the SQL twin is ``_month_sql``)."""
    if not date:
        return "undated"
    return date[:7] if len(date) >= 7 else date[:4]


def _month_sql():
    d = t.events.c.date
    return case((d.is_(None), "undated"), (func.length(d) >= 7, func.substr(d, 1, 7)), else_=func.substr(d, 1, 4))


def dyad_timeline(store, a: str, b: str, date_from: str | None = None, date_to: str | None = None,
                  events_per_month: int = 10) -> DyadPublic:
    """Both directions of the pair a–b, month by month (oldest first).

    Counts and scores cover every event of the pair (one light query per direction); only the
    best-reported ``events_per_month`` events of each month and the newest EXCLUDED_SHOWN
    excluded ones are returned in full.
    """
    if events_per_month < 0:
        raise InputError("events_per_month must be 0 or more", subject=str(events_per_month))
    dates = EventFilter(date_from=date_from, date_to=date_to)
    with store.engine.connect() as conn:
        sa, sb = resolve_actor_conn(conn, a.strip()), resolve_actor_conn(conn, b.strip())
        if set(sa.ids) & set(sb.ids) or set(sa.countries) & set(sb.countries):
            raise InputError("the two sides of a dyad must be different actors", subject=f"{a} / {b}")
        forward, backward = (_rows(conn, x, y, dates) for x, y in ((sa, sb), (sb, sa)))
        excluded = _newest_excluded(forward + backward)
        shown = [_shown(rows, events_per_month) for rows in (forward, backward)]
        wanted = [i for by_month in shown for ids in by_month.values() for i in ids] + excluded
        events = {e.id: e for e in hydrate(conn, list(dict.fromkeys(wanted)))}
    return DyadPublic(
        a=a, b=b, a_actors=_side_actors(events.values(), sa), b_actors=_side_actors(events.values(), sb),
        a_to_b=_months(forward, shown[0], events), b_to_a=_months(backward, shown[1], events),
        excluded=[events[i] for i in excluded if i in events],
        n_excluded=len({r[0] for r in forward + backward if r[5]}))


def _rows(conn: Connection, source: ActorSelector, target: ActorSelector, dates: EventFilter) -> list[tuple]:
    """(id, month, quad, score, reports, excluded, date) for every event of one direction."""
    e = t.events
    excluded = case((not_(happened()), 1), else_=0)
    query = (select(e.c.id, _month_sql(), e.c.quad, e.c.score, e.c.n_reports, excluded, e.c.date)
             .where(side_clause(source, "source"), side_clause(target, "target"), *conditions(conn, dates)))
    return [tuple(r) for r in conn.execute(query)]


def _shown(rows: list[tuple], cap: int) -> dict[str, list[int]]:
    """month → its best-reported counted events (at most cap)."""
    by_month: dict[str, list[tuple]] = {}
    for row in rows:
        if not row[5]:
            by_month.setdefault(row[1], []).append(row)
    return {month: [r[0] for r in sorted(group, key=lambda r: (-(r[4] or 0), r[0]))[:cap]]
            for month, group in by_month.items()}


def _newest_excluded(rows: list[tuple]) -> list[int]:
    excluded = sorted((r for r in rows if r[5]), key=lambda r: (r[6] or "", r[0]), reverse=True)
    return list(dict.fromkeys(r[0] for r in excluded))[:EXCLUDED_SHOWN]


def _months(rows: list[tuple], shown: dict[str, list[int]], events: dict[int, EventPublic]) -> list[DyadMonthPublic]:
    tallies: dict[str, dict] = {}
    for _id, month, quad, score, _reports, excluded, _date in rows:
        if excluded:
            continue
        entry = tallies.setdefault(month, {"n": 0, "score": 0.0, "other": 0, **{q: 0 for q in QUADS}})
        entry["n"] += 1
        entry["score"] += score or 0.0
        entry[quad if quad in QUADS else "other"] += 1
    return [DyadMonthPublic(
        month=month, counts=QuadCountsPublic(**{q: entry[q] for q in QUADS}, other=entry["other"]),
        score=round(entry["score"], 3), n_events=entry["n"],
        events=[events[i] for i in shown.get(month, []) if i in events])
        for month, entry in sorted(tallies.items(), key=lambda kv: (kv[0] == "undated", kv[0]))]


def _side_actors(events, selector: ActorSelector) -> list[ActorRefPublic]:
    found: dict[tuple, ActorRefPublic] = {}
    for event in events:
        for actor in event.source + event.target:
            if selector.matches(actor.id, actor.country, actor.name):
                found.setdefault((actor.id, actor.name), actor)
    return sorted(found.values(), key=lambda x: (x.id or "~", x.name))

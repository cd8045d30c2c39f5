"""A pair of actors through time: monthly counts per quad class and score, both directions.

Negated, denied and hypothetical events are kept out of the counts and listed apart: "Russia
stopped short of providing military assistance" must not raise the cooperation line.

Counts and scores come from the store's pair rollup (``dyad_rollup``) and the events shown from
its pair index (``event_pairs``), so a dense pair costs about what a rare one does. Sides that
have no single rollup key (stored names, several ids) and day-precision bounds scan the events.
"""

from __future__ import annotations

from sqlalchemy import bindparam, case, func, not_, select
from sqlalchemy.engine import Connection

from dyad.errors import InputError
from dyad.query.events import (QUADS, ActorSelector, EventFilter, conditions, date_conditions, happened, hydrate,
                               resolve_actor_conn, rollup_key, side_clause)
from dyad.query.records import ActorRefPublic, DyadMonthPublic, DyadPublic, EventPublic, QuadCountsPublic
from dyad.store import rollup
from dyad.store import schema as t

EXCLUDED_SHOWN = 50  # negated/denied events listed in full; the rest are counted
FEW = 200  # a direction with at most this many events (counted or not) is read in one query


month_of = rollup.month_of  # the month key of an ISO date (SQL twin: rollup.month_sql)


def dyad_timeline(store, a: str, b: str, date_from: str | None = None, date_to: str | None = None,
                  events_per_month: int = 10) -> DyadPublic:
    """Both directions of the pair a–b, month by month (oldest first).

    Counts and scores cover every event of the pair; only the newest ``events_per_month``
    events of each month and the newest EXCLUDED_SHOWN excluded ones are returned in full.
    """
    if events_per_month < 0:
        raise InputError("events_per_month must be 0 or more", subject=str(events_per_month))
    dates = EventFilter(date_from=date_from, date_to=date_to)
    with store.engine.connect() as conn:
        sa, sb = resolve_actor_conn(conn, a.strip()), resolve_actor_conn(conn, b.strip())
        if set(sa.ids) & set(sb.ids) or set(sa.countries) & set(sb.countries):
            raise InputError("the two sides of a dyad must be different actors", subject=f"{a} / {b}")
        keys = rollup_key(sa), rollup_key(sb)
        if keys[0] and keys[1] and all(len(d or "") <= 7 for d in (dates.date_from, dates.date_to)):
            tallies, shown, excluded, n_excluded = _from_rollup(conn, keys, dates, events_per_month)
        else:
            tallies, shown, excluded, n_excluded = _from_events(conn, sa, sb, dates, events_per_month)
        wanted = [i for by_month in shown for ids in by_month.values() for i in ids] + excluded
        events = {e.id: e for e in hydrate(conn, list(dict.fromkeys(wanted)))}
    return DyadPublic(
        a=a, b=b, a_actors=_side_actors(events.values(), sa), b_actors=_side_actors(events.values(), sb),
        a_to_b=_months(tallies[0], shown[0], events), b_to_a=_months(tallies[1], shown[1], events),
        excluded=[events[i] for i in excluded if i in events], n_excluded=n_excluded)


# --------------------------------------------------------------------------- from the rollups


def _month_conditions(month, dates: EventFilter) -> list:
    """The date filter on a month key: exact for month and year bounds (see ``events.conditions``)."""
    undated = [month != rollup.UNDATED] if dates.date_from or dates.date_to else []
    return undated + date_conditions(month, dates)


def _from_rollup(conn: Connection, keys: tuple[str, str], dates: EventFilter, cap: int):
    tallies, shown, excluded, n_excluded = [], [], [], 0
    for source, target in (keys, keys[::-1]):
        counted, n_out, both = _rollup_tallies(conn, source, target, dates)
        tallies.append(counted)
        n_excluded += n_out
        if sum(e["n"] for e in counted.values()) + n_out <= FEW:
            by_month, newest_out = _small_direction(conn, source, target, dates, cap)
        else:
            by_month = _newest_per_month(conn, source, target, list(counted), cap)
            newest_out = _newest_excluded_pairs(conn, source, target, dates)
        shown.append(by_month)
        excluded += newest_out
    n_excluded -= both  # an event told both ways is one excluded event
    newest = list(dict.fromkeys(event_id for _date, event_id in sorted(excluded, reverse=True)))
    return tallies, shown, newest[:EXCLUDED_SHOWN], n_excluded


def _rollup_tallies(conn: Connection, source: str, target: str, dates: EventFilter) -> tuple[dict, int, int]:
    """(month → tally of counted events, excluded events, excluded events also told the other way)."""
    r = t.dyad_rollup
    query = (select(r.c.month, r.c.quad, r.c.happened, func.sum(r.c.n), func.sum(r.c.n_both), func.sum(r.c.score))
             .where(r.c.source_key == source, r.c.target_key == target, *_month_conditions(r.c.month, dates))
             .group_by(r.c.month, r.c.quad, r.c.happened))
    tallies: dict[str, dict] = {}
    excluded = both = 0
    for month, quad, done, n, n_both, score in conn.execute(query):
        if not done:
            excluded, both = excluded + int(n), both + int(n_both)
            continue
        entry = tallies.setdefault(month, _empty_tally())
        entry["n"] += int(n)
        entry["score"] += float(score or 0.0)
        entry[quad if quad in QUADS else "other"] += int(n)
    return tallies, excluded, both


def _pair_rows(source: str, target: str, dates: EventFilter):
    p = t.event_pairs
    return (select(p.c.event_id, p.c.month, p.c.happened, p.c.date)
            .where(p.c.source_key == source, p.c.target_key == target, *_month_conditions(p.c.month, dates))
            .order_by(p.c.date.desc(), p.c.event_id.desc()))


def _small_direction(conn: Connection, source: str, target: str, dates: EventFilter, cap: int):
    """A direction with at most FEW events, read in one query: (month → newest counted events,
    newest excluded (date, id))."""
    by_month: dict[str, list[int]] = {}
    excluded: list[tuple] = []
    for event_id, month, done, date in conn.execute(_pair_rows(source, target, dates)):
        if not done:
            excluded.append((date, event_id))
        elif len(by_month.setdefault(month, [])) < cap:
            by_month[month].append(event_id)
    return {m: ids for m, ids in by_month.items() if ids}, excluded[:EXCLUDED_SHOWN]


def _newest_per_month(conn: Connection, source: str, target: str, months: list[str],
                      cap: int) -> dict[str, list[int]]:
    """month → its newest counted events (at most cap): one short range of the pair index per month."""
    if cap == 0:
        return {}
    p = t.event_pairs
    query = (select(p.c.event_id)
             .where(p.c.source_key == source, p.c.target_key == target, p.c.happened == True,  # noqa: E712
                    p.c.month == bindparam("month"))
             .order_by(p.c.date.desc(), p.c.event_id.desc()).limit(cap))
    return {month: list(conn.execute(query, {"month": month}).scalars()) for month in months}


def _newest_excluded_pairs(conn: Connection, source: str, target: str, dates: EventFilter) -> list[tuple]:
    p = t.event_pairs
    query = _pair_rows(source, target, dates).where(p.c.happened == False).limit(EXCLUDED_SHOWN)  # noqa: E712
    return [(date, event_id) for event_id, _month, _done, date in conn.execute(query)]


# --------------------------------------------------------------------------- from the events


def _from_events(conn: Connection, sa: ActorSelector, sb: ActorSelector, dates: EventFilter, cap: int):
    forward, backward = (_rows(conn, x, y, dates) for x, y in ((sa, sb), (sb, sa)))
    tallies = [_tallies(rows) for rows in (forward, backward)]
    shown = [_shown(rows, cap) for rows in (forward, backward)]
    n_excluded = len({r[0] for r in forward + backward if r[5]})
    return tallies, shown, _newest_excluded(forward + backward), n_excluded


def _rows(conn: Connection, source: ActorSelector, target: ActorSelector, dates: EventFilter) -> list[tuple]:
    """(id, month, quad, score, reports, excluded, date) for every event of one direction."""
    e = t.events
    excluded = case((not_(happened()), 1), else_=0)
    query = (select(e.c.id, rollup.month_sql(e.c.date), e.c.quad, e.c.score, e.c.n_reports, excluded, e.c.date)
             .where(side_clause(source, "source"), side_clause(target, "target"), *conditions(conn, dates)))
    return [tuple(r) for r in conn.execute(query)]


def _shown(rows: list[tuple], cap: int) -> dict[str, list[int]]:
    """month → its newest counted events (at most cap)."""
    by_month: dict[str, list[tuple]] = {}
    for row in rows:
        if not row[5]:
            by_month.setdefault(row[1], []).append(row)
    return {month: [r[0] for r in sorted(group, key=lambda r: (r[6] or "", r[0]), reverse=True)[:cap]]
            for month, group in by_month.items()}


def _newest_excluded(rows: list[tuple]) -> list[int]:
    excluded = sorted((r for r in rows if r[5]), key=lambda r: (r[6] or "", r[0]), reverse=True)
    return list(dict.fromkeys(r[0] for r in excluded))[:EXCLUDED_SHOWN]


def _empty_tally() -> dict:
    return {"n": 0, "score": 0.0, "other": 0, **{q: 0 for q in QUADS}}


def _tallies(rows: list[tuple]) -> dict[str, dict]:
    tallies: dict[str, dict] = {}
    for _id, month, quad, score, _reports, excluded, _date in rows:
        if excluded:
            continue
        entry = tallies.setdefault(month, _empty_tally())
        entry["n"] += 1
        entry["score"] += score or 0.0
        entry[quad if quad in QUADS else "other"] += 1
    return tallies


def _months(tallies: dict[str, dict], shown: dict[str, list[int]],
            events: dict[int, EventPublic]) -> list[DyadMonthPublic]:
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

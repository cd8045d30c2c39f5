"""Actors seen in the store (with counts and unresolved names) and one actor's profile."""

from __future__ import annotations

from typing import Iterable

from sqlalchemy import case, distinct, exists, func, literal, select
from sqlalchemy.engine import Connection

from dyad.errors import DyadError, InputError
from dyad.query.events import (ActorSelector, EventFilter, _ordered_ids, _registry, chunks, happened, hydrate,
                               resolve_actor_conn, rollup_key)
from dyad.query.quotes import find_quotes
from dyad.query.records import (ActorListPublic, ActorProfilePublic, ActorRefPublic, ActorSummaryPublic,
                                CounterpartPublic, RolePublic, UnresolvedPublic)
from dyad.query.relations import find_relations
from dyad.store import schema as t

# Named-entity labels worth offering as registry candidates when they resolved to nothing.
CANDIDATE_LABELS = ("GPE", "ORG", "PERSON", "NORP", "FAC", "LOC")
COUNTERPARTS = 10
# Partners and adversaries are drawn from the actor's latest events: a profile of a great power
# stays fast as the store grows, and recent ties are what a profile reader asks about.
COUNTERPART_WINDOW = 500
UNRESOLVED_SHOWN = 100


# --------------------------------------------------------------------------- listing


def list_actors(store, kind: str | None = None, country: str | None = None, q: str | None = None,
                with_counts: bool = True, limit: int = 500) -> ActorListPublic:
    """Actors with at least one mention or event, most active first, and unresolved mention texts."""
    if limit < 1:
        raise InputError("limit must be at least 1", subject=str(limit))
    with store.engine.connect() as conn:
        seen = _seen(conn, with_counts)
        mirror = _mirror(conn, list(seen))
        unresolved = _unresolved(conn, q)
    actors = [_summary(actor_id, found, mirror.get(actor_id)) for actor_id, found in seen.items()]
    actors = [a for a in actors if _keep(a, kind, country, q)]
    actors.sort(key=lambda a: (-(a.events + a.mentions), a.id))
    return ActorListPublic(actors=actors[:limit], unresolved=unresolved)


def _seen(conn: Connection, with_counts: bool) -> dict[str, dict]:
    """actor id → {name, country, sector, mentions, events} from mentions and event actors."""
    m, ea = t.mentions, t.event_actors
    seen: dict[str, dict] = {}
    sources = (
        ("mentions", select(m.c.actor_id, func.max(m.c.actor_name), func.max(m.c.country), func.max(m.c.sector),
                            func.count() if with_counts else func.min(0))
         .where(m.c.actor_id.is_not(None)).group_by(m.c.actor_id)),
        ("events", select(ea.c.actor_id, func.max(ea.c.name), func.max(ea.c.country), func.max(ea.c.sector),
                          func.count(distinct(ea.c.event_id)) if with_counts else func.min(0))
         .where(ea.c.actor_id.is_not(None)).group_by(ea.c.actor_id)),
    )
    for field, query in sources:
        for actor_id, name, ctry, sector, n in conn.execute(query):
            entry = seen.setdefault(actor_id, {"name": name, "country": ctry, "sector": sector,
                                               "mentions": 0, "events": 0})
            entry[field] = n or 0
    return seen


def _mirror(conn: Connection, ids: list[str]) -> dict[str, object]:
    out = {}
    for chunk in chunks(ids):
        out.update({r.id: r for r in conn.execute(select(t.actors).where(t.actors.c.id.in_(chunk)))})
    return out


def _summary(actor_id: str, found: dict, row) -> ActorSummaryPublic:
    return ActorSummaryPublic(
        id=actor_id, name=(row.name if row else None) or found["name"] or actor_id,
        kind=row.kind if row else None, country=(row.country if row else None) or found["country"],
        sector=(row.sector if row else None) or found["sector"], origin=row.origin if row else None,
        mentions=found["mentions"], events=found["events"])


def _keep(actor: ActorSummaryPublic, kind: str | None, country: str | None, q: str | None) -> bool:
    if kind and (actor.kind or "").lower() != kind.lower():
        return False
    if country and (actor.country or "").upper() != country.upper():
        return False
    return not q or q.lower() in actor.name.lower() or q.lower() in actor.id.lower()


def _unresolved(conn: Connection, q: str | None) -> list[UnresolvedPublic]:
    m = t.mentions
    low = func.lower(m.c.text)
    query = (select(func.max(m.c.text), func.max(m.c.label), func.count())
             .where(m.c.actor_id.is_(None), m.c.label.in_(CANDIDATE_LABELS))
             .group_by(low).order_by(func.count().desc(), low).limit(UNRESOLVED_SHOWN))
    if q:
        query = query.where(low.contains(q.lower()))
    return [UnresolvedPublic(text=text, label=label, mentions=n) for text, label, n in conn.execute(query)]


# --------------------------------------------------------------------------- profile


def actor_profile(store, actor: str, recent: int = 10, registry=None) -> ActorProfilePublic:
    """Who an actor is (registry), whom it works with or against, what it did and said, its ties.

    A country code covers every actor of that country (government, military, leaders ...).
    ``registry`` (anything with ``.get(id)``) supplies roles; by default the actor registry is
    loaded (once per process) for people and for actors missing from the store's mirror.
    """
    if recent < 0:
        raise InputError("recent must be 0 or more", subject=str(recent))
    actor = (actor or "").strip()
    if not actor:
        raise InputError("empty actor; give an id (CHN, person:wang-yi), a country code or a name")
    with store.engine.connect() as conn:
        sel = resolve_actor_conn(conn, actor)
        head = _identity(conn, sel, registry)
        mentions, events = _counts(conn, sel)
        # The actor's newest events, newest first: the recent list is their head.
        window = _ordered_ids(conn, EventFilter(actor=actor), max(COUNTERPART_WINDOW, recent), 0)
        partners, adversaries = _counterparts(conn, sel, window[:COUNTERPART_WINDOW])
        recent_events = hydrate(conn, window[:recent], evidence_limit=5)
    return ActorProfilePublic(
        **head, mentions=mentions, events=events, partners=partners, adversaries=adversaries,
        counterpart_events=min(len(window), COUNTERPART_WINDOW), recent_events=recent_events,
        quotes=find_quotes(store, speaker=actor, limit=recent) if recent else [],
        relations=find_relations(store, actor=actor, evidence_limit=5))


def _identity(conn: Connection, sel: ActorSelector, registry) -> dict:
    """id, name, kind, country, sector, aliases, roles: mirror row, registry record, stored names."""
    actor_id = sel.ids[0] if sel.ids else None
    row = conn.execute(select(t.actors).where(t.actors.c.id == actor_id)).first() if actor_id else None
    record = None
    # Only people have dated roles; states and bodies are described fully by the mirror row.
    if actor_id and (row is None or row.kind == "person"):
        record = _registry_record(actor_id, registry)
    name = (row.name if row else None) or getattr(record, "name", None) or _stored_name(conn, sel)
    aliases = [a.text for a in getattr(record, "aliases", ())] or (_json_list(row.aliases) if row else [])
    return {
        "id": actor_id or sel.text, "name": name or sel.text,
        "kind": (row.kind if row else None) or getattr(record, "kind", None),
        "country": (row.country if row else None) or getattr(record, "country", None),
        "sector": (row.sector if row else None) or _sector_today(record),
        "aliases": list(dict.fromkeys(aliases)),
        "roles": [RolePublic(office=r.office, country=r.country, sector=r.sector, start=r.start, end=r.end)
                  for r in getattr(record, "roles", ())]}


def _sector_today(record) -> str | None:
    """A person's sector comes from the office held today (GOV in office, ELI after)."""
    if record is None:
        return None
    ref_at = getattr(record, "ref_at", None)
    return ref_at(None).sector if callable(ref_at) else getattr(record, "sector", None)


def _registry_record(actor_id: str, registry):
    """The registry's record (for roles and aliases); None when the registry cannot be loaded here."""
    try:
        if registry is None:
            from dyad.settings import get_settings

            registry = _registry(get_settings().registry_paths)
        return registry.get(actor_id)
    except (ImportError, AttributeError, KeyError, DyadError):
        return None


def _json_list(raw: str | None) -> list[str]:
    import json

    return list(json.loads(raw)) if raw else []


def _stored_name(conn: Connection, sel: ActorSelector) -> str | None:
    ea = t.event_actors
    return conn.execute(select(ea.c.name).where(sel.clause(ea.c.actor_id, None, ea.c.name)).limit(1)).scalar()


def _counts(conn: Connection, sel: ActorSelector) -> tuple[int, int]:
    m, ea = t.mentions, t.event_actors
    # Mentions name the actor itself (ids, or the text of an unresolved one); a country's agents
    # are mentioned under their own ids, and mentions.country has no index.
    mentions = conn.execute(select(func.count()).where(sel.clause(m.c.actor_id, None, m.c.text))).scalar()
    key = rollup_key(sel)
    if key is not None:  # the store's actor rollup counts each event once per key
        events = conn.execute(select(t.actor_rollup.c.n).where(t.actor_rollup.c.key == key)).scalar()
    else:
        events = conn.execute(select(func.count(distinct(ea.c.event_id)))
                              .where(sel.clause(ea.c.actor_id, ea.c.country, ea.c.name))).scalar()
    return mentions or 0, events or 0


def _counterparts(conn: Connection, sel: ActorSelector,
                  window: list[int]) -> tuple[list[CounterpartPublic], list[CounterpartPublic]]:
    """Actors on the other side of the actor's events (among ``window``) that happened, by cooperation/conflict.

    Counted in SQL, one row per counterpart and quad class (the window's rows never reach Python):
    the actor's own agents (CHN.GOV in a CHN profile) and whoever shares the actor's side of an
    event are never its partners; a counterpart counts once per event.
    """
    ea, e, own = t.event_actors, t.events, t.event_actors.alias("own")
    key = func.coalesce(ea.c.actor_id, literal("text:") + func.lower(ea.c.name))
    is_self = case((sel.clause(ea.c.actor_id, ea.c.country, ea.c.name), 1), else_=0)
    own_side = exists().where(own.c.event_id == ea.c.event_id, own.c.role == ea.c.role,
                              sel.clause(own.c.actor_id, own.c.country, own.c.name))
    tallies: dict[str, dict] = {}
    for chunk in chunks(window):
        query = (select(key, e.c.quad, func.count(distinct(ea.c.event_id)), func.max(ea.c.actor_id),
                        func.max(ea.c.name), func.max(ea.c.country), func.max(ea.c.sector))
                 .select_from(ea.join(e, e.c.id == ea.c.event_id))
                 .where(ea.c.event_id.in_(chunk), happened(), e.c.quad.is_not(None), is_self == 0, ~own_side)
                 .group_by(key, e.c.quad))
        for actor_key, quad, n, actor_id, name, country, sector in conn.execute(query):
            entry = tallies.get(actor_key)
            if entry is None:
                entry = tallies[actor_key] = {"actor": ActorRefPublic(id=actor_id, name=name, country=country,
                                                                      sector=sector)}
            entry[quad] = entry.get(quad, 0) + n
    return _top(tallies.values(), "cooperation"), _top(tallies.values(), "conflict")


def _top(tallies: Iterable[dict], side: str) -> list[CounterpartPublic]:
    out = []
    for entry in tallies:
        verbal, material = entry.get(f"verbal_{side}", 0), entry.get(f"material_{side}", 0)
        if verbal + material:
            out.append(CounterpartPublic(actor=entry["actor"], events=verbal + material, verbal=verbal,
                                         material=material))
    out.sort(key=lambda c: (-c.events, c.actor.id or "~", c.actor.name))
    return out[:COUNTERPARTS]

"""Event filters, actor selectors and the event list (``find_events``).

Pages are fetched in three queries whatever their size: the events, their actors, and
their reports with document metadata and sentence text (no query per event).
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, fields
from functools import lru_cache
from typing import Iterable, Sequence

from sqlalchemy import and_, bindparam, exists, func, literal, or_, select
from sqlalchemy.engine import Connection
from sqlalchemy.sql.elements import ColumnElement

from dyad.errors import DyadError, InputError, NotFound
from dyad.ontology.plover import QUADS
from dyad.query.records import ActorRefPublic, EventPublic, EvidencePublic
from dyad.store import rollup
from dyad.store import schema as t

MODALITIES = ("asserted", "reported", "hypothetical", "future", "denied")
# Modalities under which an event did not happen as told: kept out of counts and ties.
# Hypothetical events ("if X attacked ...") did not happen either.
NOT_HAPPENED = rollup.NOT_HAPPENED
_CODE = re.compile(r"^(?:[A-Z]{3}|IGO)$")
_DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
WINDOW = 10_000  # newest events probed for a page before collecting every match of an actor
DENSE = 5_000  # an actor in this many events is cheaper to probe per row than to collect
_CHUNK = 900  # ids per IN (...) list; well under SQLite's bound-parameter limit


# --------------------------------------------------------------------------- actor selectors


@dataclass(frozen=True)
class ActorSelector:
    """What an actor argument matched: registry ids, country codes, or stored names (unresolved)."""

    text: str
    ids: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    names: tuple[str, ...] = ()  # lower-cased names of actors stored without an id

    def clause(self, id_col, country_col, name_col) -> ColumnElement:
        parts = []
        if self.ids:
            parts.append(id_col.in_(self.ids))
        if self.countries and country_col is not None:
            parts.append(country_col.in_(self.countries))
        if self.names:
            parts.append(and_(id_col.is_(None), func.lower(name_col).in_(self.names)))
        return or_(*parts) if parts else literal(False)

    def matches(self, actor_id: str | None, country: str | None, name: str | None) -> bool:
        """The same test in Python (to tell which side of an event a row is on)."""
        return bool((actor_id and actor_id in self.ids) or (country and country in self.countries)
                    or (not actor_id and name and name.lower() in self.names))


def rollup_key(selector: ActorSelector) -> str | None:
    """The key under which the store's rollups count exactly the events this selector matches, if one does.

    A country code matches actors with that id or that country ("c:"); a single registry id matches
    that id ("a:"). Stored names and several ids at once have no single key: the caller scans.
    """
    if selector.names or len(selector.ids) != 1:
        return None
    if selector.countries == selector.ids and rollup.COUNTRY_CODE.fullmatch(selector.ids[0]):
        return "c:" + selector.ids[0]
    return None if selector.countries else "a:" + selector.ids[0]


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold().replace(".", "")
    return " ".join(re.sub(r"[^\w'\s-]", " ", text).split())


def resolve_actor(store, text: str) -> ActorSelector:
    """An actor argument → selector: country code, registry id, mirrored name/alias, registry, stored text."""
    text = (text or "").strip()
    if not text:
        raise InputError("empty actor; give an id (CHN, person:wang-yi), a country code or a name")
    with store.engine.connect() as conn:
        return resolve_actor_conn(conn, text)


def resolve_actor_conn(conn: Connection, text: str) -> ActorSelector:
    if _CODE.match(text):
        # A state's code covers every actor of that country (its government, military, leaders ...).
        return ActorSelector(text, ids=(text,), countries=(text,))
    if _known_id(conn, text):
        return ActorSelector(text, ids=(text,))
    ids = _mirror_ids(conn, text) or _registry_ids(text)
    if ids:
        return ActorSelector(text, ids=ids)
    if _known_name(conn, text):
        return ActorSelector(text, names=(text.lower(),))
    raise NotFound("no actor matches this id, code or name; `dyad actors` lists the actors seen", subject=text)


def _known_id(conn: Connection, text: str) -> bool:
    return bool(conn.execute(select(or_(
        exists().where(t.actors.c.id == text), exists().where(t.event_actors.c.actor_id == text),
        exists().where(t.mentions.c.actor_id == text), exists().where(t.quotes.c.speaker_id == text),
        exists().where(t.statements.c.source_id == text)))).scalar())


def _mirror_ids(conn: Connection, text: str) -> tuple[str, ...]:
    """Ids whose name or alias in the store's registry mirror equals the text (folded)."""
    key = _fold(text)
    found = []
    for actor_id, name, aliases in conn.execute(select(t.actors.c.id, t.actors.c.name, t.actors.c.aliases)):
        names = [name, *(json.loads(aliases) if aliases else [])]
        if any(_fold(n) == key for n in names):
            found.append(actor_id)
    return tuple(sorted(found, key=lambda i: (i.count(":") + i.count("."), i)))[:5]


@lru_cache(maxsize=4)
def _registry(paths: tuple[str, ...]):
    from dyad.ontology.actors import load_registry

    return load_registry(paths)


def _registry_ids(text: str) -> tuple[str, ...]:
    """Fallback for stores whose registry mirror is empty (documents stored without analysis)."""
    try:
        from dyad.settings import get_settings

        ref = _registry(get_settings().registry_paths).resolve(text, None, None)
    except (ImportError, AttributeError, DyadError):
        # No usable registry here (not built, or a user file that `dyad actors import` would reject):
        # the stored names below still resolve.
        return ()
    return (ref.id,) if ref is not None and ref.id else ()


def _known_name(conn: Connection, text: str) -> bool:
    low = text.lower()
    return bool(conn.execute(select(or_(
        exists().where(func.lower(t.event_actors.c.name) == low),
        exists().where(func.lower(t.quotes.c.speaker_name) == low),
        exists().where(func.lower(t.statements.c.source_name) == low),
        exists().where(func.lower(t.statements.c.target_name) == low)))).scalar())


# --------------------------------------------------------------------------- the filter


def _as_tuple(value, *, upper: bool = False, lower: bool = False) -> tuple[str, ...]:
    if value is None or value == "" or value == ():
        return ()
    items = value.split(",") if isinstance(value, str) else list(value)
    out = [str(v).strip() for v in items if str(v).strip()]
    return tuple(v.upper() if upper else v.lower() if lower else v for v in out)


def _check_date(value: str | None, name: str) -> str | None:
    if value is None or value == "":
        return None
    value = str(value).strip()
    if not _DATE.match(value):
        raise InputError(f"a {name} date must be YYYY, YYYY-MM or YYYY-MM-DD", subject=value)
    return value


def _plover_names() -> tuple[frozenset[str], frozenset[str]]:
    """(categories, contexts) of the PLOVER ontology; empty when it cannot be loaded (no check then)."""
    try:
        from dyad.ontology.plover import load_plover

        plover = load_plover()
        return frozenset(plover.names), frozenset(plover.contexts)
    except (ImportError, DyadError):
        return frozenset(), frozenset()


@dataclass(frozen=True)
class EventFilter:
    """Which events to return. String values may be comma lists ("AID,COOPERATE"); all are ANDed.

    ``source``/``target``/``actor`` (either side) take an actor argument (see ``resolve_actor``);
    dates compare by period overlap, so an event dated "2024-03" matches date_from "2024-03-15";
    ``negated=None`` returns both; ``document`` is a document id or unique prefix;
    ``min_confidence`` trades recall for precision: confidence is a calibrated probability that a
    careful coder codes the same event (dyad/nlp/event_confidence.py); on unseen news 0.2 about
    doubles precision at little recall cost, 0.3 is strict.
    """

    source: str | None = None
    target: str | None = None
    actor: str | None = None
    category: tuple[str, ...] | str | None = None
    context: tuple[str, ...] | str | None = None
    date_from: str | None = None
    date_to: str | None = None
    negated: bool | None = None
    modality: tuple[str, ...] | str | None = None
    document: str | None = None
    quad: tuple[str, ...] | str | None = None
    min_confidence: float | None = None  # events coded with at least this confidence (0..1)

    def __post_init__(self) -> None:
        norm = object.__setattr__
        norm(self, "category", _as_tuple(self.category, upper=True))
        norm(self, "context", _as_tuple(self.context, lower=True))
        norm(self, "modality", _as_tuple(self.modality, lower=True))
        norm(self, "quad", _as_tuple(self.quad, lower=True))
        norm(self, "date_from", _check_date(self.date_from, "from"))
        norm(self, "date_to", _check_date(self.date_to, "to"))
        for name in ("source", "target", "actor", "document"):
            value = getattr(self, name)
            norm(self, name, value.strip() if isinstance(value, str) and value.strip() else None)
        self._validate()

    def _validate(self) -> None:
        for value in self.quad:
            if value not in QUADS:
                raise InputError(f"unknown quad class; use one of {', '.join(QUADS)}", subject=value)
        for value in self.modality:
            if value not in MODALITIES:
                raise InputError(f"unknown modality; use one of {', '.join(MODALITIES)}", subject=value)
        categories, contexts = _plover_names()
        for value in self.category:
            if categories and value not in categories:
                raise InputError(f"unknown PLOVER category; use one of {', '.join(sorted(categories))}", subject=value)
        for value in self.context:
            if contexts and value not in contexts:
                raise InputError(f"unknown PLOVER context; use one of {', '.join(sorted(contexts))}", subject=value)
        if self.min_confidence is not None and not 0.0 <= self.min_confidence <= 1.0:
            raise InputError("the minimum confidence must be between 0 and 1", subject=str(self.min_confidence))
        if self.date_from and self.date_to and self.date_from[:len(self.date_to)] > self.date_to:
            raise InputError("the from date is after the to date", subject=f"{self.date_from}..{self.date_to}")

    def replace(self, **changes) -> "EventFilter":
        values = {f.name: getattr(self, f.name) for f in fields(self)}
        values.update(changes)
        return EventFilter(**values)


def _pad_high(value: str) -> str:
    # "2024-03" as an upper bound covers the whole month: compare against "2024-03-99".
    return value + {4: "-99-99", 7: "-99"}.get(len(value), "T99")


def _side(conn: Connection, text: str, role: str | None, probe: bool | None = False) -> ColumnElement:
    selector = resolve_actor_conn(conn, text)
    return side_clause(selector, role, dense(conn, selector) if probe is None else probe)


def dense(conn: Connection, selector: ActorSelector, threshold: int = 0) -> bool:
    """True when the actor takes part in at least ``threshold`` (default DENSE) events; counts no further."""
    threshold = threshold or DENSE
    ea = t.event_actors
    capped = select(ea.c.event_id).where(selector.clause(ea.c.actor_id, ea.c.country, ea.c.name)).limit(threshold)
    return conn.execute(select(func.count()).select_from(capped.subquery())).scalar() >= threshold


def side_clause(selector: ActorSelector, role: str | None, probe: bool = False) -> ColumnElement:
    """Events where an actor matching the selector plays role (None = either side).

    ``probe=False``: ``id IN (all such events)``, best when the actor is rare or every match is needed.
    ``probe=True``: a correlated EXISTS checked row by row, best when scanning a bounded set of
    recent events for a frequent actor (no need to collect all of its events first).
    """
    ea = t.event_actors
    where = [selector.clause(ea.c.actor_id, ea.c.country, ea.c.name)]
    if role:
        where.append(ea.c.role == role)
    if probe:
        return exists().where(ea.c.event_id == t.events.c.id, *where)
    return t.events.c.id.in_(select(ea.c.event_id).where(*where))


def conditions(conn: Connection, filt: EventFilter | None, probe: bool | None = False) -> list[ColumnElement]:
    """The WHERE clauses on ``events`` for a filter (actor arguments resolved on this connection).

    ``probe``: actor sides as correlated EXISTS (True), as ``IN (all the actor's events)`` (False), or
    chosen per actor (None): EXISTS for an actor in DENSE events or more, whose full list would cost
    more to collect than checking the rows the other clauses select.
    """
    if filt is None:
        return []
    e = t.events
    out = [_side(conn, text, role, probe) for text, role in
           ((filt.source, "source"), (filt.target, "target"), (filt.actor, None)) if text]
    if filt.category:
        out.append(e.c.category.in_(filt.category))
    if filt.quad:
        out.append(e.c.quad.in_(filt.quad))
    if filt.modality:
        out.append(e.c.modality.in_(filt.modality))
    if filt.negated is not None:
        out.append(e.c.negated.is_(filt.negated))
    if filt.min_confidence is not None:
        out.append(e.c.confidence >= filt.min_confidence)
    for ctx in filt.context:
        out.append(("," + func.coalesce(e.c.context, "") + ",").like(f"%,{ctx},%"))
    out += date_conditions(e.c.date, filt)
    if filt.document:
        er = t.event_reports
        out.append(e.c.id.in_(select(er.c.event_id).where(er.c.document_id.startswith(filt.document))))
    return out


def date_conditions(date, filt: EventFilter) -> list[ColumnElement]:
    """The filter's period on a date column (ISO text; NULL or "" = undated, never inside a period)."""
    out = []
    if filt.date_from:
        # An event's period overlaps [date_from, ...) when it ends on or after date_from.
        # The year bound is implied by the overlap test and lets the date index bound the scan.
        out.append(date >= filt.date_from[:4])
        out.append(or_(date >= filt.date_from, literal(filt.date_from).startswith(date)))
    if filt.date_to:
        out.append(date <= _pad_high(filt.date_to))
        out.append(date != "")  # "" sorts below any bound; NULL fails the comparison by itself
    return out


# --------------------------------------------------------------------------- queries


def _newest_first():
    return t.events.c.date.desc().nulls_last(), t.events.c.id.desc()


def _ordered_ids(conn: Connection, filt: EventFilter | None, limit: int | None, offset: int) -> list[int]:
    if limit is not None and filt is not None:
        keyed = _keyed_ids(conn, filt, limit, offset)
        if keyed is not None:
            return keyed
    if limit is not None and filt is not None and _worth_windowing(conn, filt, limit + offset):
        found = _windowed_ids(conn, filt, limit + offset)
        if found is not None:
            return found[offset:offset + limit]
    query = select(t.events.c.id).where(*conditions(conn, filt)).order_by(*_newest_first())
    if limit is not None:
        query = query.limit(limit).offset(offset)
    return [r[0] for r in conn.execute(query)]


def _keyed_ids(conn: Connection, filt: EventFilter, limit: int, offset: int) -> list[int] | None:
    """A page of a one-actor filter read newest first from the store's actor-key index, else None.

    The scan stops when the page is full, so a great power's page costs what a rare actor's does
    (when the other clauses keep a fair share of its events). Filters naming two actors, or an
    actor without a single rollup key, return None and take the general query.
    """
    sides = [(text, role) for text, role in ((filt.source, "source"), (filt.target, "target"), (filt.actor, "any"))
             if text]
    if len(sides) != 1:
        return None
    text, role = sides[0]
    key = rollup_key(resolve_actor_conn(conn, text))
    if key is None:
        return None
    k, e = t.event_keys, t.events
    # The period bounds the index range of the key's dates; the rest is checked on the events.
    rest = conditions(conn, filt.replace(source=None, target=None, actor=None, date_from=None, date_to=None))
    query = select(k.c.event_id).where(k.c.key == key, k.c.role == role, *date_conditions(k.c.date, filt))
    if rest:
        query = query.select_from(k.join(e, e.c.id == k.c.event_id)).where(*rest)
    query = query.order_by(k.c.date.desc(), k.c.event_id.desc()).limit(limit).offset(offset)
    return [r[0] for r in conn.execute(query)]


def _worth_windowing(conn: Connection, filt: EventFilter, needed: int) -> bool:
    """Whether each actor of the filter is frequent enough to fill the page from the newest WINDOW events.

    The threshold is twice the events an actor needs to expect ``needed`` matches in the window;
    a rarer actor is collected directly, which then costs less than counting up to the threshold.
    """
    sides = [text for text in (filt.source, filt.target, filt.actor) if text]
    total = conn.execute(select(func.max(t.events.c.id))).scalar() or 0  # rowid: no scan
    if not sides or total <= WINDOW:
        return False
    threshold = 2 * needed * total // WINDOW + 1
    return all(dense(conn, resolve_actor_conn(conn, text), threshold) for text in sides)


def _windowed_ids(conn: Connection, filt: EventFilter, n: int) -> list[int] | None:
    """The newest n matches if the newest WINDOW events hold them, else None.

    A frequent actor (a great power) has a share of all events, so its newest page is found
    in a bounded number of recent rows; collecting all of its events first would grow with the
    store. A rare actor misses the window and takes the full query, which is cheap for it.
    """
    e = t.events
    cutoff = conn.execute(select(e.c.date).where(e.c.date.is_not(None)).order_by(e.c.date.desc())
                          .offset(WINDOW - 1).limit(1)).scalar()
    if cutoff is None:
        return None  # the whole store is smaller than the window: the full query is as cheap
    query = (select(e.c.id).where(e.c.date >= cutoff, *conditions(conn, filt, probe=True))
             .order_by(*_newest_first()).limit(n))
    found = [r[0] for r in conn.execute(query)]
    return found if len(found) >= n else None


def find_events(store, filt: EventFilter | None = None, limit: int = 50, offset: int = 0) -> list[EventPublic]:
    """Events matching the filter, newest first, each with its actors and evidence."""
    if limit < 1 or offset < 0:
        raise InputError("limit must be at least 1 and offset at least 0", subject=f"{limit}/{offset}")
    with store.engine.connect() as conn:
        return hydrate(conn, _ordered_ids(conn, filt, limit, offset))


def count_events(store, filt: EventFilter | None = None) -> int:
    with store.engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(t.events).where(*conditions(conn, filt))).scalar()


def event_ids(store, filt: EventFilter | None = None) -> list[int]:
    """Every matching event id, newest first (for exports and graphs)."""
    with store.engine.connect() as conn:
        return _ordered_ids(conn, filt, None, 0)


def get_event(store, event_id: int) -> EventPublic:
    found = events_by_ids(store, [event_id])
    if not found:
        raise NotFound("no such event; `dyad events` lists them", subject=str(event_id))
    return found[0]


def events_by_ids(store, ids: Sequence[int]) -> list[EventPublic]:
    with store.engine.connect() as conn:
        return hydrate(conn, list(ids))


def chunks(ids: Sequence, size: int = _CHUNK) -> Iterable[Sequence]:
    for start in range(0, len(ids), size):
        yield ids[start:start + size]


@lru_cache(maxsize=1)
def _hydrate_statements() -> tuple:
    """The three statements of ``hydrate`` (events, their actors, their reports), built once: building a
    statement costs about as much as running it on a small page of events."""
    e, ea, er = t.events, t.event_actors, t.event_reports
    ids = bindparam("ids", expanding=True)
    cols, joined = evidence_select(er)
    return (select(e).where(e.c.id.in_(ids)),
            select(ea).where(ea.c.event_id.in_(ids)).order_by(ea.c.event_id, ea.c.role),
            select(er, *cols).select_from(joined).where(er.c.event_id.in_(ids)).order_by(er.c.event_id, er.c.id))


def hydrate(conn: Connection, ids: list[int], evidence_limit: int | None = None) -> list[EventPublic]:
    """EventPublic records for ids, in the order given (three queries per chunk of ids)."""
    out: dict[int, EventPublic] = {}
    for chunk in chunks(ids):
        actors = _actors_of(conn, chunk)
        reports = _reports_of(conn, chunk)
        for row in conn.execute(_hydrate_statements()[0], {"ids": list(chunk)}):
            out[row.id] = _event(row, actors.get(row.id, {}), reports.get(row.id, []), evidence_limit)
    return [out[i] for i in ids if i in out]


def _actors_of(conn: Connection, ids: Sequence[int]) -> dict[int, dict[str, list[ActorRefPublic]]]:
    out: dict[int, dict[str, list[ActorRefPublic]]] = {}
    rows = conn.execute(_hydrate_statements()[1], {"ids": list(ids)})
    for r in rows:
        ref = ActorRefPublic(id=r.actor_id, name=r.name, country=r.country, sector=r.sector)
        out.setdefault(r.event_id, {}).setdefault(r.role, []).append(ref)
    return out


def evidence_select(table):
    """Columns of an evidence record for rows of ``table`` (which has document_id/sentence/start/end)."""
    d, s = t.documents, t.sentences
    joined = table.join(d, d.c.id == table.c.document_id).outerjoin(
        s, and_(s.c.document_id == table.c.document_id, s.c.idx == table.c.sentence))
    cols = [d.c.title, d.c.outlet, d.c.published_at, d.c.url, s.c.text.label("sentence_text"),
            s.c.start.label("sentence_start")]
    return cols, joined


def evidence_of(row, trigger: str | None = None) -> EvidencePublic:
    return EvidencePublic(document_id=row.document_id, title=row.title, outlet=row.outlet,
                          published_at=row.published_at, url=row.url, sentence=row.sentence_text,
                          sentence_index=row.sentence, start=row.start, end=row.end, trigger=trigger)


def _reports_of(conn: Connection, ids: Sequence[int]) -> dict[int, list]:
    out: dict[int, list] = {}
    for r in conn.execute(_hydrate_statements()[2], {"ids": list(ids)}):
        out.setdefault(r.event_id, []).append(r)
    return out


def _event(row, actors: dict[str, list[ActorRefPublic]], reports: list, evidence_limit: int | None) -> EventPublic:
    shown = reports if evidence_limit is None else reports[:evidence_limit]
    return EventPublic(
        id=row.id, category=row.category, mode=row.mode,
        context=[c for c in (row.context or "").split(",") if c], cameo_root=row.cameo_root,
        cameo_code=row.cameo_code, quad=row.quad,
        score=row.score, source=actors.get("source", []), target=actors.get("target", []),
        negated=bool(row.negated), modality=row.modality, date=row.date, date_precision=row.date_precision,
        location=row.location, item=row.item, attributed_to=reports[0].attributed_to if reports else None,
        confidence=row.confidence, reports=row.n_reports or len(reports),
        evidence=[evidence_of(r, r.trigger) for r in shown])


def happened() -> ColumnElement:
    """Events told as having happened: not negated, not denied, not hypothetical."""
    return and_(t.events.c.negated.is_(False), t.events.c.modality.not_in(NOT_HAPPENED))

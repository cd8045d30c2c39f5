"""The read side: events, actors, relations, quotes, dyads, search, network and export.

Reads only, through SQLAlchemy Core on ``dyad.store.schema`` via ``store.engine``; never
writes, never parses articles, never imports spaCy or ``dyad.nlp``. Every function returns
typed records from ``dyad.query.records`` (pydantic ``XxxPublic`` models). Bad input raises
``dyad.errors.InputError`` (HTTP 400); an actor or id that is not in the store raises
``dyad.errors.NotFound`` (404).

Actor arguments (``source``, ``target``, ``actor``, ``speaker``, ``a``, ``b``) accept a
registry id (``CHN``, ``person:wang-yi``, ``org:tiandy``), a country code (``CHN``, ``IGO``:
matches every actor of that country), or a name resolved with the store's actor mirror and
then the registry ("China", "Wang Yi", "Beijing"); unresolved names match the text actors
were stored under. See ``resolve_actor``.

Public API (stable signatures)::

    EventFilter(source=None, target=None, actor=None, category=None, context=None,
                date_from=None, date_to=None, negated=None, modality=None,
                document=None, quad=None)                     # frozen; str or tuple values
    find_events(store, filt=None, limit=50, offset=0) -> list[EventPublic]
    count_events(store, filt=None) -> int
    get_event(store, event_id) -> EventPublic                 # NotFound
    events_by_ids(store, ids) -> list[EventPublic]            # in the order given
    resolve_actor(store, text) -> ActorSelector               # NotFound when nothing matches

    list_actors(store, kind=None, country=None, q=None, with_counts=True, limit=500)
        -> ActorListPublic                                    # .actors, .unresolved
    actor_profile(store, actor, recent=10, registry=None) -> ActorProfilePublic   # NotFound

    find_relations(store, kind=None, actor=None, negated=None, evidence_limit=20)
        -> list[RelationPublic]
    find_quotes(store, speaker=None, q=None, document=None, limit=50, offset=0, every_speaker=False)
        -> list[QuotePublic]
    dyad_timeline(store, a, b, date_from=None, date_to=None, events_per_month=10)
        -> DyadPublic
    search_sentences(store, text, limit=20) -> list[SearchHitPublic]
    network_graph(store, filt=None, include_negated=False) -> networkx.MultiDiGraph
    write_network(graph, path, fmt)  # fmt: gexf | graphml | json (node-link)
    export_events(store, filt, fmt, style, path) -> int      # fmt: csv | parquet; style: plover | cameo

Cost: the writer keeps rollups in the document's transaction (``dyad.store.rollup``): events per
month, actor pair and quad class, and events per actor. ``dyad_timeline`` and ``actor_profile``
read their counts from them and fetch only the events they show; ``find_events`` with one actor
walks that actor's events newest first and stops when the page is full. Still linear in the
actor's events: filters naming two actors, ``count_events``, quotes of a speaker.
"""

from __future__ import annotations

from dyad.query.actors import actor_profile, list_actors
from dyad.query.dyads import dyad_timeline
from dyad.query.events import (ActorSelector, EventFilter, count_events, events_by_ids, find_events, get_event,
                               resolve_actor)
from dyad.query.export import export_events
from dyad.query.network import network_graph, write_network
from dyad.query.quotes import find_quotes
from dyad.query.records import (ActorListPublic, ActorProfilePublic, ActorRefPublic, ActorSummaryPublic,
                                CounterpartPublic, DyadMonthPublic, DyadPublic, EventPublic, EvidencePublic,
                                QuadCountsPublic, QuotePublic, RelationPublic, RolePublic, SearchHitPublic,
                                UnresolvedPublic)
from dyad.query.relations import find_relations
from dyad.query.search import search_sentences

__all__ = [
    "ActorSelector", "EventFilter", "actor_profile", "count_events", "dyad_timeline", "events_by_ids",
    "export_events", "find_events", "find_quotes", "find_relations", "get_event", "list_actors",
    "network_graph", "resolve_actor", "search_sentences", "write_network",
    "ActorListPublic", "ActorProfilePublic", "ActorRefPublic", "ActorSummaryPublic", "CounterpartPublic",
    "DyadMonthPublic", "DyadPublic", "EventPublic", "EvidencePublic", "QuadCountsPublic", "QuotePublic",
    "RelationPublic", "RolePublic", "SearchHitPublic", "UnresolvedPublic",
]

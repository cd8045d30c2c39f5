"""The ``/api`` routes: thin wrappers over ``dyad.query`` and ``dyad.store`` reads.

Each returns the success envelope; errors raised by the library (``InputError`` → 400,
``NotFound`` → 404) become the error envelope in ``dyad.web.app``.
"""

from __future__ import annotations

from typing import Optional

from fastapi import APIRouter, Body, Query, Request
from pydantic import BaseModel, Field

from dyad.envelope import ok, ok_record

router = APIRouter()

Limit = Query(50, ge=1, le=1000, description="Items per page.")
Offset = Query(0, ge=0, description="Items to skip.")
MAX_TOTAL = 1_000_000  # upper bound used to count lists the library returns whole


def _store(request: Request):
    return request.app.state.store


def _page(items: list, limit: int, offset: int) -> list:
    return items[offset:offset + limit]


# --------------------------------------------------------------------------- ask


class AskBody(BaseModel):
    question: str = Field(..., min_length=1, max_length=1000)


@router.get("/ask", summary="Answer a question, citing the sentences the answer rests on")
def ask_get(request: Request, q: str = Query(..., min_length=1, max_length=1000, description="The question.")):
    from dyad.query.ask import answer

    return ok_record(answer(_store(request), q, request.app.state.settings))


@router.post("/ask", summary="Answer a question (JSON body {\"question\": ...})")
def ask_post(request: Request, body: AskBody = Body(...)):
    from dyad.query.ask import answer

    return ok_record(answer(_store(request), body.question, request.app.state.settings))


# --------------------------------------------------------------------------- events


def _event_filter(source, target, actor, category, context, date_from, date_to, negated, modality, document, quad,
                  min_confidence=None):
    from dyad.query import EventFilter

    return EventFilter(source=source, target=target, actor=actor, category=category, context=context,
                       date_from=date_from, date_to=date_to, negated=negated, modality=modality, document=document,
                       quad=quad, min_confidence=min_confidence)


@router.get("/events", summary="Events matching the filters, newest first")
def events(request: Request, source: Optional[str] = None, target: Optional[str] = None, actor: Optional[str] = None,
           category: Optional[str] = Query(None, description="PLOVER categories, comma-separated."),
           context: Optional[str] = None, date_from: Optional[str] = Query(None, alias="from"),
           date_to: Optional[str] = Query(None, alias="to"), negated: Optional[bool] = None,
           modality: Optional[str] = None, document: Optional[str] = None, quad: Optional[str] = None,
           min_confidence: Optional[float] = Query(None, ge=0, le=1, description="Events coded with at least this "
                                                                                 "confidence (0-1)."),
           limit: int = Limit, offset: int = Offset):
    from dyad.query import count_events, find_events

    filt = _event_filter(source, target, actor, category, context, date_from, date_to, negated, modality, document,
                         quad, min_confidence)
    store = _store(request)
    return ok(events=find_events(store, filt, limit=limit, offset=offset), total=count_events(store, filt),
              limit=limit, offset=offset)


@router.get("/events/{event_id}", summary="One event with its reports")
def event(request: Request, event_id: int):
    from dyad.query import get_event

    return ok(event=get_event(_store(request), event_id))


# --------------------------------------------------------------------------- actors and dyads


@router.get("/actors", summary="Actors seen in the record, most active first")
def actors(request: Request, kind: Optional[str] = None, country: Optional[str] = None,
           q: Optional[str] = Query(None, description="Words in the name."), limit: int = Limit, offset: int = Offset):
    from dyad.query import list_actors

    found = list_actors(_store(request), kind=kind, country=country, q=q, limit=MAX_TOTAL)
    return ok(actors=_page(found.actors, limit, offset), unresolved=found.unresolved[:limit],
              total=len(found.actors), limit=limit, offset=offset)


@router.get("/actor/{actor}", summary="One actor: identity, partners, adversaries, recent events, quotes, ties")
def actor(request: Request, actor: str, recent: int = Query(10, ge=0, le=200)):
    from dyad.query import actor_profile

    return ok(actor=actor_profile(_store(request), actor, recent=recent))


@router.get("/dyad/{a}/{b}", summary="Both directions of a pair of actors, month by month")
def dyad(request: Request, a: str, b: str, date_from: Optional[str] = Query(None, alias="from"),
         date_to: Optional[str] = Query(None, alias="to"), events_per_month: int = Query(20, ge=0, le=500)):
    from dyad.query import dyad_timeline

    return ok(dyad=dyad_timeline(_store(request), a, b, date_from=date_from, date_to=date_to,
                                 events_per_month=events_per_month))


@router.get("/relations", summary="Standing ties (defence pacts, supply, membership, votes ...)")
def relations(request: Request, kind: Optional[str] = None, actor: Optional[str] = None,
              negated: Optional[bool] = None, limit: int = Limit, offset: int = Offset):
    from dyad.query import find_relations

    found = find_relations(_store(request), kind=kind, actor=actor, negated=negated)
    return ok(relations=_page(found, limit, offset), total=len(found), limit=limit, offset=offset)


@router.get("/quotes", summary="Quotes with their speakers")
def quotes(request: Request, speaker: Optional[str] = None, q: Optional[str] = None, document: Optional[str] = None,
           every_speaker: bool = Query(False, alias="all", description="Also findings and stances of things "
                                       "(speaker kind 'other': \"the unrest questions ...\")."),
           limit: int = Limit, offset: int = Offset):
    from dyad.query import find_quotes

    store = _store(request)
    args = {"speaker": speaker, "q": q, "document": document, "every_speaker": every_speaker}
    total = len(find_quotes(store, **args, limit=MAX_TOTAL))
    return ok(quotes=find_quotes(store, **args, limit=limit, offset=offset), total=total, limit=limit, offset=offset)


@router.get("/search", summary="Full-text search over sentences")
def search(request: Request, q: str = Query(..., min_length=1, max_length=500), limit: int = Query(20, ge=1, le=200)):
    from dyad.query import search_sentences

    hits = search_sentences(_store(request), q, limit=limit)
    return ok(hits=hits, total=len(hits), limit=limit, offset=0)


@router.get("/network", summary="The actor network of the matching events (node-link JSON)")
def network(request: Request, source: Optional[str] = None, target: Optional[str] = None,
            actor: Optional[str] = None, category: Optional[str] = None, context: Optional[str] = None,
            date_from: Optional[str] = Query(None, alias="from"), date_to: Optional[str] = Query(None, alias="to"),
            include_negated: bool = False):
    import networkx as nx

    from dyad.query import network_graph

    filt = _event_filter(source, target, actor, category, context, date_from, date_to, None, None, None, None)
    graph = network_graph(_store(request), filt, include_negated=include_negated)
    return ok(network=nx.node_link_data(graph, edges="links"), nodes=graph.number_of_nodes(),
              edges=graph.number_of_edges())


# --------------------------------------------------------------------------- documents


@router.get("/documents", summary="Stored documents, newest first (without their text)")
def documents(request: Request, limit: int = Limit, offset: int = Offset):
    store = _store(request)
    return ok(documents=store.documents(limit=limit, offset=offset), total=len(store.document_ids()),
              limit=limit, offset=offset)


@router.get("/documents/{document_id}", summary="One document with its text (a unique id prefix is enough)")
def document(request: Request, document_id: str):
    return ok(document=_store(request).document(document_id))

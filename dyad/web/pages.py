"""Dyad's HTML pages: ask, actors, one actor, a dyad, events, search, one document.

The pages read through the same ``dyad.query`` functions as the API and are rendered on the
server with Jinja2. They load nothing from the network — no CDN, no web fonts, no scripts —
so a laptop with sensitive material makes no call the user did not ask for; the dyad chart is
inline SVG. Every cited sentence links to its document with the span highlighted. A bad
parameter or an unknown actor gives a page with the one-line message and the HTTP status.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Callable, Optional
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from dyad.errors import DyadError
from dyad.ontology.plover import QUADS

TEMPLATES = Path(__file__).parent / "templates"
PAGE_SIZE = 50

router = APIRouter(include_in_schema=False)


@lru_cache(maxsize=1)
def templates():
    from jinja2 import Environment, FileSystemLoader, select_autoescape

    env = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=select_autoescape(["html"]))
    env.globals.update(actor_url=actor_url, document_url=document_url, query_url=query_url,
                       chart_scale=chart_scale, QUADS=QUADS)
    return env


def render(name: str, status: int = 200, **context) -> HTMLResponse:
    return HTMLResponse(templates().get_template(name).render(**context), status_code=status)


def page(name: str, build: Callable[[], dict], **context) -> HTMLResponse:
    """Render ``name`` with what ``build`` returns; a DyadError becomes the error page."""
    try:
        return render(name, **context, **build())
    except DyadError as err:
        return render("error.html", status=err.status, message=str(err), **context)


# --------------------------------------------------------------------------- links


def actor_url(actor) -> str | None:
    """The page of an actor reference (registry id, else its name); None when it has neither."""
    key = getattr(actor, "id", None) or getattr(actor, "name", None)
    return f"/actor/{_quote(key)}" if key else None


def document_url(evidence) -> str:
    query = urlencode({"start": evidence.start, "end": evidence.end})
    return f"/document/{_quote(evidence.document_id)}?{query}#cited"


def query_url(path: str, **params) -> str:
    kept = {k: v for k, v in params.items() if v not in (None, "", False)}
    return f"{path}?{urlencode(kept)}" if kept else path


def _quote(text: str) -> str:
    from urllib.parse import quote

    return quote(str(text), safe=":")


# --------------------------------------------------------------------------- pages


@router.get("/", response_class=HTMLResponse)
def ask_page(request: Request, q: Optional[str] = Query(None, max_length=1000)):
    from dyad.query.ask import answer

    def build() -> dict:
        question = (q or "").strip()
        result = answer(_store(request), question, request.app.state.settings) if question else None
        return {"result": result}

    return page("index.html", build, q=q or "", nav="ask")


@router.get("/actors", response_class=HTMLResponse)
def actors_page(request: Request, q: Optional[str] = Query(None, max_length=200),
                kind: Optional[str] = Query(None, max_length=40)):
    from dyad.query import list_actors

    def build() -> dict:
        found = list_actors(_store(request), kind=kind, q=q or None, limit=PAGE_SIZE * 4)
        return {"actors": found.actors, "unresolved": found.unresolved[:PAGE_SIZE]}

    return page("actors.html", build, q=q or "", kind=kind or "", nav="actors")


@router.get("/actor/{actor:path}", response_class=HTMLResponse)
def actor_page(request: Request, actor: str):
    from dyad.query import actor_profile, find_relations

    def build() -> dict:
        store = _store(request)
        profile = actor_profile(store, actor, recent=20)
        return {"profile": profile, "relations": find_relations(store, actor=actor, evidence_limit=3)[:30]}

    return page("actor.html", build, nav="actors", title=actor)


@router.get("/dyad", response_class=HTMLResponse)
def dyad_page(request: Request, a: Optional[str] = Query(None, max_length=200),
              b: Optional[str] = Query(None, max_length=200),
              date_from: Optional[str] = Query(None, alias="from", max_length=10),
              date_to: Optional[str] = Query(None, alias="to", max_length=10)):
    from dyad.query import dyad_timeline

    def build() -> dict:
        if not (a and b):
            return {"dyad": None}
        found = dyad_timeline(_store(request), a, b, date_from=date_from or None, date_to=date_to or None)
        return {"dyad": found, "months": month_rows(found)}

    return page("dyad.html", build, a=a or "", b=b or "", date_from=date_from or "", date_to=date_to or "",
                nav="dyad")


@router.get("/events", response_class=HTMLResponse)
def events_page(request: Request, actor: Optional[str] = Query(None, max_length=200),
                source: Optional[str] = Query(None, max_length=200),
                target: Optional[str] = Query(None, max_length=200),
                category: Optional[str] = Query(None, max_length=200),
                date_from: Optional[str] = Query(None, alias="from", max_length=10),
                date_to: Optional[str] = Query(None, alias="to", max_length=10),
                negated: Optional[str] = Query(None, pattern="^(|yes|no)$"),
                document: Optional[str] = Query(None, max_length=64),
                min_confidence: Optional[str] = Query(None, pattern=r"^(|0(\.\d+)?|1(\.0+)?)$"),
                page_number: int = Query(1, alias="page", ge=1, le=10_000)):
    from dyad.query import EventFilter, count_events, find_events

    form = {"actor": actor or "", "source": source or "", "target": target or "", "category": category or "",
            "from": date_from or "", "to": date_to or "", "negated": negated or "", "document": document or "",
            "min_confidence": min_confidence or ""}

    def build() -> dict:
        filt = EventFilter(actor=actor or None, source=source or None, target=target or None,
                           category=category or None, date_from=date_from or None, date_to=date_to or None,
                           negated={"yes": True, "no": False}.get(negated or ""), document=document or None,
                           min_confidence=float(min_confidence) if min_confidence else None)
        store = _store(request)
        total = count_events(store, filt)
        found = find_events(store, filt, limit=PAGE_SIZE, offset=(page_number - 1) * PAGE_SIZE)
        return {"events": found, "total": total, "pager": pager("/events", form, page_number, total)}

    return page("events.html", build, form=form, nav="events")


@router.get("/search", response_class=HTMLResponse)
def search_page(request: Request, q: Optional[str] = Query(None, max_length=500)):
    from dyad.query import search_sentences

    def build() -> dict:
        return {"hits": search_sentences(_store(request), q, limit=PAGE_SIZE) if q and q.strip() else None}

    return page("search.html", build, q=q or "", nav="search")


@router.get("/document/{document_id}", response_class=HTMLResponse)
def document_page(request: Request, document_id: str, start: Optional[int] = Query(None, ge=0),
                  end: Optional[int] = Query(None, ge=0)):
    def build() -> dict:
        doc = _store(request).document(document_id)
        return {"doc": doc, "parts": highlight(doc.text, start, end)}

    return page("document.html", build, nav="")


# --------------------------------------------------------------------------- view models


@dataclass(frozen=True)
class MonthRow:
    """One month of a dyad, both directions, with bar heights for the chart (0..1)."""

    month: str
    a_to_b: object | None  # DyadMonthPublic
    b_to_a: object | None


def month_rows(found) -> list[MonthRow]:
    a_to_b = {m.month: m for m in found.a_to_b}
    b_to_a = {m.month: m for m in found.b_to_a}
    return [MonthRow(month, a_to_b.get(month), b_to_a.get(month))
            for month in sorted(set(a_to_b) | set(b_to_a))]


def chart_scale(rows: list[MonthRow]) -> int:
    """The largest cooperation or conflict count of any month and direction (for bar heights)."""
    peak = 1
    for row in rows:
        for side in (row.a_to_b, row.b_to_a):
            if side is not None:
                c = side.counts
                peak = max(peak, c.verbal_cooperation + c.material_cooperation, c.verbal_conflict + c.material_conflict)
    return peak


def highlight(text: str, start: int | None, end: int | None) -> tuple[str, str, str]:
    """The text before, inside and after the cited span (the whole text first when none is valid)."""
    if start is None or end is None or not 0 <= start < end <= len(text):
        return text, "", ""
    return text[:start], text[start:end], text[end:]


@dataclass(frozen=True)
class Pager:
    previous: str | None
    next: str | None
    first: int
    last: int
    total: int


def pager(path: str, form: dict, number: int, total: int) -> Pager:
    first = (number - 1) * PAGE_SIZE + 1
    last = min(total, number * PAGE_SIZE)
    previous = query_url(path, **form, page=number - 1) if number > 1 else None
    following = query_url(path, **form, page=number + 1) if last < total else None
    return Pager(previous, following, min(first, total), last, total)


def _store(request: Request):
    return request.app.state.store


def install(app) -> None:
    app.include_router(router)


__all__ = ["install", "router", "actor_url", "document_url", "highlight", "month_rows", "pager"]

"""The event network: actors as nodes, one edge per event and (source, target) pair.

Built with networkx (imported when used, so ``import dyad.query`` stays light) and written as
GEXF (Gephi), GraphML or node-link JSON (d3, networkx). By default only events told as having
happened are edges; negated, denied and hypothetical events would draw ties that do not exist.
"""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import and_, select

from dyad.errors import InputError
from dyad.query.events import EventFilter, chunks, conditions, happened
from dyad.store import schema as t

FORMATS = ("gexf", "graphml", "json")


def node_key(actor_id: str | None, name: str) -> str:
    return actor_id or "text:" + " ".join(name.lower().split())


def network_graph(store, filt: EventFilter | None = None, include_negated: bool = False):
    """A ``networkx.MultiDiGraph`` of the matching events (edge key = event id)."""
    import networkx as nx

    e, src, tgt = t.events, t.event_actors.alias("src"), t.event_actors.alias("tgt")
    graph = nx.MultiDiGraph(name="dyad events")
    with store.engine.connect() as conn:
        where = conditions(conn, filt) + ([] if include_negated else [happened()])
        query = (select(e.c.id, e.c.category, e.c.quad, e.c.score, e.c.date, e.c.negated, e.c.modality,
                        e.c.n_reports, e.c.cameo_root, e.c.item,
                        src.c.actor_id.label("s_id"), src.c.name.label("s_name"), src.c.country.label("s_country"),
                        src.c.sector.label("s_sector"), tgt.c.actor_id.label("t_id"), tgt.c.name.label("t_name"),
                        tgt.c.country.label("t_country"), tgt.c.sector.label("t_sector"))
                 .select_from(e.join(src, and_(src.c.event_id == e.c.id, src.c.role == "source"))
                              .join(tgt, and_(tgt.c.event_id == e.c.id, tgt.c.role == "target")))
                 .where(*where).order_by(e.c.date, e.c.id))
        for row in conn.execute(query):
            _add(graph, row)
        _add_kinds(conn, graph)
    return graph


def _clean(**attrs) -> dict:
    # GEXF and GraphML cannot hold None: an unknown value is an absent attribute.
    return {k: v for k, v in attrs.items() if v is not None}


def _add(graph, row) -> None:
    s, g = node_key(row.s_id, row.s_name), node_key(row.t_id, row.t_name)
    for key, actor_id, name, country, sector in ((s, row.s_id, row.s_name, row.s_country, row.s_sector),
                                                 (g, row.t_id, row.t_name, row.t_country, row.t_sector)):
        if key not in graph:
            graph.add_node(key, **_clean(label=name, actor_id=actor_id, country=country, sector=sector))
    graph.add_edge(s, g, key=row.id, **_clean(
        event_id=row.id, category=row.category, quad=row.quad, score=row.score, date=row.date,
        negated=bool(row.negated), modality=row.modality, reports=row.n_reports, cameo_root=row.cameo_root,
        item=row.item))


def _add_kinds(conn, graph) -> None:
    ids = [n for n in graph.nodes if not n.startswith("text:")]
    for chunk in chunks(ids):
        for actor_id, kind in conn.execute(select(t.actors.c.id, t.actors.c.kind).where(t.actors.c.id.in_(chunk))):
            if kind:
                graph.nodes[actor_id]["kind"] = kind


def write_network(graph, path: str | Path, fmt: str) -> None:
    """Write the graph as gexf, graphml or node-link json."""
    import networkx as nx

    fmt = (fmt or "").lower()
    if fmt not in FORMATS:
        raise InputError(f"unknown network format; use one of {', '.join(FORMATS)}", subject=fmt)
    path = Path(path)
    try:
        if fmt == "gexf":
            nx.write_gexf(graph, path)
        elif fmt == "graphml":
            nx.write_graphml(graph, path)
        else:
            path.write_text(json.dumps(nx.node_link_data(graph, edges="edges"), ensure_ascii=False, indent=1),
                            encoding="utf-8")
    except OSError as exc:
        raise InputError(f"cannot write the network file: {exc.strerror or exc}", subject=str(path)) from exc

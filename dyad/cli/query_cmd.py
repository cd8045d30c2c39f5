"""`dyad actor`, `dyad dyad`, `dyad search`, `dyad network`, `dyad export`: thin views over dyad.query."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer
from rich.table import Table

from dyad.cli import DbOption, JsonOption, app, edge, emit, settings_for
from dyad.cli.analysis_cmd import (ActorOption, CategoryOption, ContextOption, DocumentOption, FromOption,
                                   MinConfidenceOption, ModalityOption, NegatedOption, QuadOption, SourceOption,
                                   TargetOption, ToOption, _actors, _event_flags, _print, event_filter)
from dyad.store import open_store


@app.command()
def actor(name: str = typer.Argument(..., help="An actor id (CHN, person:wang-yi), a country code or a name."),
          db: Optional[str] = DbOption,
          recent: int = typer.Option(10, "--recent", min=0, help="Recent events and quotes to show."),
          as_json: bool = JsonOption) -> None:
    """One actor: who it is, its partners and adversaries, recent events, quotes and ties."""
    from dyad.query import actor_profile

    settings = settings_for(db)
    with edge(as_json), open_store(settings.db) as store:
        profile = actor_profile(store, name, recent=recent)
    if as_json:
        emit(True, actor=profile)
        return
    _print_profile(profile)


def _print_profile(p) -> None:
    print(f"{p.name} [{p.id}]  kind: {p.kind or '-'}  country: {p.country or '-'}  sector: {p.sector or '-'}")
    if p.aliases:
        print("aliases: " + ", ".join(p.aliases[:12]))
    for r in p.roles:
        print(f"role: {r.office} ({r.country or '-'}/{r.sector or '-'}) {r.start or '?'} – {r.end or 'now'}")
    print(f"mentions: {p.mentions}  events: {p.events}")
    for label, group in (("partners", p.partners), ("adversaries", p.adversaries)):
        if group:
            print(f"{label}: " + ", ".join(f"{c.actor.id or c.actor.name} ({c.events})" for c in group))
    if p.recent_events:
        print("\nrecent events:")
        for e in p.recent_events:
            print(f"  {e.date or '-'} {e.category} {_actors(e.source)} → {_actors(e.target)} {_event_flags(e)}")
    if p.quotes:
        print("\nquotes:")
        for q in p.quotes:
            print(f"  {q.evidence.published_at or '-'} “{q.text[:100]}”")
    if p.relations:
        print("\nrelations:")
        for r in p.relations:
            target = (r.target.id or r.target.name) if r.target else "-"
            print(f"  {'NOT ' if r.negated else ''}{r.kind} {r.source.id or r.source.name} → {target} "
                  f"({r.n_statements + r.n_events})")


@app.command("dyad")
def dyad_cmd(a: str = typer.Argument(..., help="First actor (id, country code or name)."),
             b: str = typer.Argument(..., help="Second actor."),
             db: Optional[str] = DbOption, date_from: Optional[str] = FromOption, date_to: Optional[str] = ToOption,
             per_month: int = typer.Option(10, "--per-month", min=0, help="Events shown per month."),
             as_json: bool = JsonOption) -> None:
    """A pair of actors through time: monthly counts per quad class and score, both directions."""
    from dyad.query import dyad_timeline

    settings = settings_for(db)
    with edge(as_json), open_store(settings.db) as store:
        found = dyad_timeline(store, a, b, date_from=date_from, date_to=date_to, events_per_month=per_month)
    if as_json:
        emit(True, dyad=found)
        return
    table = Table("direction", "month", "verbal coop", "material coop", "verbal conflict", "material conflict",
                  "score", box=None)
    for label, months in ((f"{a} → {b}", found.a_to_b), (f"{b} → {a}", found.b_to_a)):
        for m in months:
            c = m.counts
            table.add_row(label, m.month, str(c.verbal_cooperation), str(c.material_cooperation),
                          str(c.verbal_conflict), str(c.material_conflict), f"{m.score:+.1f}")
    _print(table)
    if found.n_excluded:
        print(f"not counted (negated, denied or hypothetical): {found.n_excluded} events")
        for e in found.excluded[:10]:
            print(f"  {e.date or '-'} {e.category} {_actors(e.source)} → {_actors(e.target)} {_event_flags(e)}")


@app.command()
def search(text: str = typer.Argument(..., help="Words to look for in sentences."),
           db: Optional[str] = DbOption, limit: int = typer.Option(20, "--limit", min=1),
           as_json: bool = JsonOption) -> None:
    """Full-text search over stored sentences, with each hit's document."""
    from dyad.query import search_sentences

    settings = settings_for(db)
    with edge(as_json), open_store(settings.db) as store:
        hits = search_sentences(store, text, limit)
    if as_json:
        emit(True, hits=hits)
        return
    for h in hits:
        print(f"{h.published_at or '-'}  {h.outlet or '-'}  {h.title or h.document_id}\n    {h.sentence}")
    if not hits:
        print("no sentences match")


def _out_option(help_text: str):
    return typer.Option(..., "--out", help=help_text, dir_okay=False, writable=True)


@app.command()
def network(out: Path = _out_option("File to write."),
            fmt: str = typer.Option("gexf", "--format", help="gexf (Gephi), graphml or json (node-link)."),
            db: Optional[str] = DbOption, source: Optional[str] = SourceOption,
            target: Optional[str] = TargetOption, actor: Optional[str] = ActorOption,
            category: Optional[str] = CategoryOption, context: Optional[str] = ContextOption,
            date_from: Optional[str] = FromOption, date_to: Optional[str] = ToOption,
            quad: Optional[str] = QuadOption, document: Optional[str] = DocumentOption,
            min_confidence: Optional[float] = MinConfidenceOption,
            include_negated: bool = typer.Option(False, "--include-negated",
                                                 help="Also draw negated, denied and hypothetical events."),
            as_json: bool = JsonOption) -> None:
    """Write the actor network (one edge per event) as GEXF, GraphML or node-link JSON."""
    from dyad.query import network_graph, write_network

    settings = settings_for(db)
    with edge(as_json):
        filt = event_filter(source, target, actor, category, context, date_from, date_to, None, None, document, quad,
                            min_confidence)
        with open_store(settings.db) as store:
            graph = network_graph(store, filt, include_negated=include_negated)
        write_network(graph, out, fmt)
    if as_json:
        emit(True, path=str(out), nodes=graph.number_of_nodes(), edges=graph.number_of_edges())
    else:
        print(f"network: {graph.number_of_nodes()} actors, {graph.number_of_edges()} events → {out}")


@app.command()
def export(out: Path = _out_option("File to write."),
           style: str = typer.Option("plover", "--style", help="plover (POLECAT-like) or cameo (GDELT-like)."),
           fmt: str = typer.Option("csv", "--format", help="csv or parquet."),
           db: Optional[str] = DbOption, source: Optional[str] = SourceOption,
           target: Optional[str] = TargetOption, actor: Optional[str] = ActorOption,
           category: Optional[str] = CategoryOption, context: Optional[str] = ContextOption,
           date_from: Optional[str] = FromOption, date_to: Optional[str] = ToOption,
           negated: Optional[bool] = NegatedOption, modality: Optional[str] = ModalityOption,
           quad: Optional[str] = QuadOption, document: Optional[str] = DocumentOption,
           min_confidence: Optional[float] = MinConfidenceOption,
           as_json: bool = JsonOption) -> None:
    """Export events as a table (CSV or Parquet) in a PLOVER/POLECAT-like or CAMEO/GDELT-like layout."""
    from dyad.query import export_events

    settings = settings_for(db)
    with edge(as_json):
        filt = event_filter(source, target, actor, category, context, date_from, date_to, negated, modality,
                            document, quad, min_confidence)
        with open_store(settings.db) as store:
            rows = export_events(store, filt, fmt, style, out)
    if as_json:
        emit(True, path=str(out), rows=rows, style=style, format=fmt)
    else:
        print(f"export: {rows} rows ({style}, {fmt}) → {out}")

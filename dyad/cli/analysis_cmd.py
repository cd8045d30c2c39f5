"""`dyad events`, `dyad actors` (list, import), `dyad relations`, `dyad quotes`: thin views over dyad.query."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.table import Table

from dyad.cli import DbOption, JsonOption, app, edge, emit, settings_for
from dyad.errors import InputError
from dyad.settings import USER_REGISTRY_DIR
from dyad.store import open_store

# Event filter options, shared with `dyad network` and `dyad export` (dyad/cli/query_cmd.py).
SourceOption = typer.Option(None, "--source", help="Source actor: id (CHN, person:wang-yi), country code or name.")
TargetOption = typer.Option(None, "--target", help="Target actor: id, country code or name.")
ActorOption = typer.Option(None, "--actor", help="An actor on either side: id, country code or name.")
CategoryOption = typer.Option(None, "--category", help="PLOVER categories, comma-separated (AID,COOPERATE).")
ContextOption = typer.Option(None, "--context", help="PLOVER contexts, comma-separated.")
FromOption = typer.Option(None, "--from", help="Events on or after this date (YYYY, YYYY-MM or YYYY-MM-DD).")
ToOption = typer.Option(None, "--to", help="Events on or before this date (YYYY, YYYY-MM or YYYY-MM-DD).")
NegatedOption = typer.Option(None, "--negated/--not-negated",
                             help="Only negated events, or only events not negated (default: both).")
ModalityOption = typer.Option(None, "--modality",
                              help="Modalities, comma-separated: asserted, reported, hypothetical, future, denied.")
DocumentOption = typer.Option(None, "--document", help="Only rows from this document (id or prefix).")
QuadOption = typer.Option(None, "--quad", help="Quad classes, comma-separated: verbal_cooperation, "
                                               "material_cooperation, verbal_conflict, material_conflict.")
MinConfidenceOption = typer.Option(None, "--min-confidence", min=0.0, max=1.0,
                                   help="Only events coded with at least this confidence (0-1, a calibrated probability; 0.2 = surer, 0.3 = strict).")
LimitOption = typer.Option(50, "--limit", min=1, help="Most rows to return.")
OffsetOption = typer.Option(0, "--offset", min=0, help="Rows to skip (paging).")


def event_filter(source=None, target=None, actor=None, category=None, context=None, date_from=None, date_to=None,
                 negated=None, modality=None, document=None, quad=None, min_confidence=None):
    from dyad.query import EventFilter

    return EventFilter(source=source, target=target, actor=actor, category=category, context=context,
                       date_from=date_from, date_to=date_to, negated=negated, modality=modality,
                       document=document, quad=quad, min_confidence=min_confidence)


def _print(table: Table) -> None:
    Console(width=160).print(table)


def _actors(refs) -> str:
    return ", ".join(r.id or f"\"{r.name}\"" for r in refs) or "-"


def _event_flags(event) -> str:
    flags = (["NEGATED"] if event.negated else []) + ([event.modality] if event.modality != "asserted" else [])
    return " ".join(flags)


@app.command()
def events(
    db: Optional[str] = DbOption, source: Optional[str] = SourceOption, target: Optional[str] = TargetOption,
    actor: Optional[str] = ActorOption, category: Optional[str] = CategoryOption,
    context: Optional[str] = ContextOption, date_from: Optional[str] = FromOption,
    date_to: Optional[str] = ToOption, negated: Optional[bool] = NegatedOption,
    modality: Optional[str] = ModalityOption, document: Optional[str] = DocumentOption,
    quad: Optional[str] = QuadOption, min_confidence: Optional[float] = MinConfidenceOption,
    limit: int = LimitOption, offset: int = OffsetOption, as_json: bool = JsonOption,
) -> None:
    """Events (who did what to whom), newest first, with the sentence each was read from."""
    from dyad.query import find_events

    settings = settings_for(db)
    with edge(as_json):
        filt = event_filter(source, target, actor, category, context, date_from, date_to, negated, modality,
                            document, quad, min_confidence)
        with open_store(settings.db) as store:
            found = find_events(store, filt, limit=limit, offset=offset)
    if as_json:
        emit(True, events=found)
        return
    table = Table("id", "date", "category", "source", "target", "flags", "reports", "evidence", box=None)
    for e in found:
        sentence = e.evidence[0].sentence if e.evidence else ""
        table.add_row(str(e.id), e.date or "-", e.category, _actors(e.source), _actors(e.target), _event_flags(e),
                      str(e.reports), (sentence or "")[:70])
    _print(table)
    if not found:
        print("no events match")


# --------------------------------------------------------------------------- actors

actors_app = typer.Typer(no_args_is_help=False, invoke_without_command=True, rich_markup_mode=None,
                         help="Actors seen in the store (default: list), and importing a user registry file.")
app.add_typer(actors_app, name="actors")

KindOption = typer.Option(None, "--kind", help="Only this kind: state, person, igo, organisation, company ...")
CountryOption = typer.Option(None, "--country", help="Only actors of this country (ISO alpha-3).")
QueryOption = typer.Option(None, "--q", help="Only names or ids containing this text.")
ActorLimitOption = typer.Option(500, "--limit", min=1, help="Most actors to list.")


@actors_app.callback()
def actors_default(ctx: typer.Context, db: Optional[str] = DbOption, kind: Optional[str] = KindOption,
                   country: Optional[str] = CountryOption, q: Optional[str] = QueryOption,
                   limit: int = ActorLimitOption, as_json: bool = JsonOption) -> None:
    """Actors seen in the store (same as `dyad actors list`)."""
    if ctx.invoked_subcommand is None:
        _list_actors(db, kind, country, q, limit, as_json)


@actors_app.command("list")
def actors_list(db: Optional[str] = DbOption, kind: Optional[str] = KindOption,
                country: Optional[str] = CountryOption, q: Optional[str] = QueryOption,
                limit: int = ActorLimitOption, as_json: bool = JsonOption) -> None:
    """Actors with their mention and event counts, and mention texts that resolved to no actor."""
    _list_actors(db, kind, country, q, limit, as_json)


def _list_actors(db, kind, country, q, limit, as_json) -> None:
    from dyad.query import list_actors

    settings = settings_for(db)
    with edge(as_json), open_store(settings.db) as store:
        found = list_actors(store, kind=kind, country=country, q=q, limit=limit)
    if as_json:
        emit(True, actors=found.actors, unresolved=found.unresolved)
        return
    table = Table("id", "name", "kind", "country", "sector", "mentions", "events", box=None)
    for a in found.actors:
        table.add_row(a.id, a.name, a.kind or "-", a.country or "-", a.sector or "-", str(a.mentions), str(a.events))
    _print(table)
    if found.unresolved:
        print("\nunresolved names (add them with `dyad actors import FILE`): " +
              ", ".join(f"{u.text} ({u.mentions})" for u in found.unresolved[:30]))


def user_registry_dir(settings) -> Path:
    """Where imported registry files go: the first user_registry path if it is a folder, else the default."""
    named = [p for p in settings.user_registry.split(":") if p]
    if named and (Path(named[0]).expanduser().is_dir() or not Path(named[0]).suffix):
        return Path(named[0]).expanduser()
    return USER_REGISTRY_DIR.expanduser()


@actors_app.command("import")
def actors_import(file: Path = typer.Argument(..., help="A registry file: actor records (YAML/JSON) or a sector "
                                                        "lexicon (CSV), in the shipped registry's schema."),
                  force: bool = typer.Option(False, "--force", help="Replace a file of the same name."),
                  as_json: bool = JsonOption) -> None:
    """Check a user registry file against the registry schema and copy it into the user registry folder."""
    settings = settings_for(None)
    with edge(as_json):
        dest = _import_registry_file(file, user_registry_dir(settings), force)
    hint = "run `dyad reanalyse` so stored documents use it"
    if as_json:
        emit(True, imported=str(dest), next=hint)
    else:
        print(f"imported {file} → {dest}; {hint}")


def _import_registry_file(file: Path, folder: Path, force: bool) -> Path:
    from dyad.ontology.actors import load_registry

    if not file.is_file():
        raise InputError("no such file", subject=str(file))
    if file.suffix.lower() not in (".yaml", ".yml", ".json", ".csv"):
        raise InputError("a registry file must be .yaml, .yml, .json or .csv", subject=str(file))
    load_registry((str(file),))  # raises OntologyError naming the file and line
    dest = folder / file.name
    if dest.exists() and not force:
        raise InputError("a registry file of this name exists; use --force to replace it", subject=str(dest))
    try:
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(file, dest)
    except OSError as exc:
        raise InputError(f"cannot copy into the user registry: {exc.strerror or exc}", subject=str(dest)) from exc
    return dest


# --------------------------------------------------------------------------- relations and quotes


@app.command()
def relations(db: Optional[str] = DbOption,
              kind: Optional[str] = typer.Option(None, "--kind", help="Tie kinds, comma-separated "
                                                 "(defence_pact, supplier_of, member_of, trade_partner ...)."),
              actor: Optional[str] = ActorOption,
              negated: Optional[bool] = typer.Option(None, "--negated/--not-negated",
                                                     help="Only denied ties, or only affirmed ties."),
              as_json: bool = JsonOption) -> None:
    """Standing ties (pacts, supply, membership ...) with first/last seen and their evidence."""
    from dyad.query import find_relations

    settings = settings_for(db)
    with edge(as_json), open_store(settings.db) as store:
        found = find_relations(store, kind=kind, actor=actor, negated=negated)
    if as_json:
        emit(True, relations=found)
        return
    table = Table("kind", "source", "target", "negated", "items", "first", "last", "statements", "events", box=None)
    for r in found:
        table.add_row(r.kind, r.source.id or r.source.name, (r.target.id or r.target.name) if r.target else "-",
                      "NO" if r.negated else "", "; ".join(r.items + r.amounts) or "-", r.first_seen or "-",
                      r.last_seen or "-", str(r.n_statements), str(r.n_events))
    _print(table)
    if not found:
        print("no relations match")


@app.command()
def quotes(db: Optional[str] = DbOption,
           speaker: Optional[str] = typer.Option(None, "--speaker", help="Speaker: id, country code or name."),
           q: Optional[str] = typer.Option(None, "--q", help="Only quotes containing this text."),
           document: Optional[str] = DocumentOption, limit: int = LimitOption, offset: int = OffsetOption,
           every_speaker: bool = typer.Option(False, "--all", help="Also findings and stances of things "
                                              "(speaker kind 'other': \"the unrest questions ...\")."),
           as_json: bool = JsonOption) -> None:
    """Quotes: who said what, where, and in which document (people, bodies and documents; --all
    adds what things are said to show)."""
    from dyad.query import find_quotes

    settings = settings_for(db)
    with edge(as_json), open_store(settings.db) as store:
        found = find_quotes(store, speaker=speaker, q=q, document=document, limit=limit, offset=offset,
                            every_speaker=every_speaker)
    if as_json:
        emit(True, quotes=found)
        return
    table = Table("speaker", "kind", "quote", "venue", "date", "document", box=None)
    for x in found:
        who = (x.speaker.id or x.speaker.name) if x.speaker else "?"
        table.add_row(who, x.kind, x.text[:80], x.venue or "-", x.evidence.published_at or "-",
                      x.evidence.document_id[:12])
    _print(table)
    if not found:
        print("no quotes match")

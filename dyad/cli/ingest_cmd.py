"""`dyad ingest`, `dyad documents`, `dyad show`, `dyad reanalyse`."""

from __future__ import annotations

import sys
from typing import List, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from dyad import runner
from dyad.cli import DbOption, JsonOption, app, edge, emit, settings_for
from dyad.envelope import to_jsonable
from dyad.models import Failed
from dyad.store import open_store

console = Console(stderr=True)


def _progress(enabled: bool) -> Progress:
    return Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                    TimeElapsedColumn(), console=console, disable=not enabled, transient=True)


@app.command()
def ingest(
    inputs: List[str] = typer.Argument(..., help="Files, directories, globs, URLs, feeds, or - for stdin."),
    db: Optional[str] = DbOption,
    follow: bool = typer.Option(False, "--follow", help="For feeds: fetch each entry's page."),
    allow_private: bool = typer.Option(False, "--allow-private",
                                       help="Allow URLs that resolve to private, loopback or link-local addresses."),
    workers: Optional[int] = typer.Option(None, "--workers", help="Processes for the analysis stage."),
    no_analyse: bool = typer.Option(False, "--no-analyse", help="Store documents without running the NLP stage."),
    as_json: bool = JsonOption,
) -> None:
    """Read news into the store: clean, split, date, deduplicate, analyse, write one document per transaction."""
    settings = settings_for(db, allow_private=allow_private or None, workers=workers)
    totals = runner.Totals()
    outcomes = []
    with edge(as_json), open_store(settings.db) as store:
        with _progress(sys.stderr.isatty() and not as_json) as progress:
            task = progress.add_task("ingesting", total=None)
            for outcome in runner.ingest(inputs, store, settings, follow=follow, stdin=sys.stdin.buffer,
                                         analyse=not no_analyse):
                totals.add(outcome)
                outcomes.append(outcome)
                progress.advance(task)
                if isinstance(outcome, Failed) and not as_json:
                    console.print(f"[red]failed[/red] {outcome.source}: {outcome.reason}", highlight=False)
    if as_json:
        emit(True, totals=totals.counts, failure_reasons=totals.failure_reasons, outcomes=outcomes)
    else:
        _print_totals(totals)
    if totals.failed:
        raise typer.Exit(1)


def _print_totals(totals: runner.Totals) -> None:
    parts = [f"{n} {reason.replace('_', ' ')}" for reason, n in sorted(totals.counts.items())]
    print("ingest: " + (", ".join(parts) if parts else "nothing to do"))
    for reason, n in sorted(totals.failure_reasons.items(), key=lambda kv: -kv[1]):
        print(f"  failed ({n}): {reason}")


@app.command()
def documents(
    db: Optional[str] = DbOption,
    limit: Optional[int] = typer.Option(None, "--limit", min=1),
    offset: int = typer.Option(0, "--offset", min=0),
    summary: bool = typer.Option(False, "--summary", help="Totals: documents, outlets, date range."),
    as_json: bool = JsonOption,
) -> None:
    """List stored documents (or a summary of the store)."""
    settings = settings_for(db)
    with edge(as_json), open_store(settings.db) as store:
        if summary:
            info = store.summary()
            if as_json:
                emit(True, summary=info)
            else:
                _print_summary(info)
            return
        rows = store.documents(limit=limit, offset=offset)
    if as_json:
        emit(True, documents=rows)
        return
    table = Table("id", "published", "outlet", "author", "title", "page", "duplicate of", box=None)
    for d in rows:
        date = f"{d.published_at or '-'}" + (f" ({d.date_precision})" if d.date_precision else "")
        table.add_row(d.id[:12], date, d.outlet or "-", d.author or "-", (d.title or "-")[:60],
                      (d.page_id or "-")[:8], (d.duplicate_of or "")[:12])
    Console(width=None if sys.stdout.isatty() else 200).print(table)


def _print_summary(info) -> None:
    print(f"documents stored: {info.documents} ({info.duplicates} near-duplicates linked to a first copy)")
    print(f"date range: {info.first_date or '-'} … {info.last_date or '-'}")
    print(f"sentences: {info.sentences}, events: {info.events}, quotes: {info.quotes}, "
          f"relation statements: {info.statements}")
    print("outlets: " + ", ".join(f"{name} ({n})" for name, n in list(info.outlets.items())[:15]))


@app.command()
def show(document_id: str = typer.Argument(..., help="A document id (a unique prefix is enough)."),
         db: Optional[str] = DbOption, as_json: bool = JsonOption) -> None:
    """Print one stored document with its metadata and text."""
    settings = settings_for(db)
    with edge(as_json), open_store(settings.db) as store:
        doc = store.document(document_id)
    if as_json:
        emit(True, document=doc)
        return
    for key, value in to_jsonable(doc).items():
        if key not in {"text", "meta"} and value:
            print(f"{key}: {value}")
    print()
    print(doc.text)


@app.command()
def reanalyse(db: Optional[str] = DbOption,
              document: Optional[List[str]] = typer.Option(None, "--document", help="Only these document ids."),
              workers: Optional[int] = typer.Option(None, "--workers"),
              as_json: bool = JsonOption) -> None:
    """Re-run the analysis over stored documents (after a registry or lexicon change); fetches nothing."""
    settings = settings_for(db, workers=workers)
    totals = runner.Totals()
    with edge(as_json), open_store(settings.db) as store:
        ids = [store.document(i).id for i in document] if document else None
        for outcome in runner.reanalyse(store, settings, ids):
            totals.add(outcome)
    if as_json:
        emit(True, totals=totals.counts, failures=totals.failures)
    else:
        print("reanalyse: " + ", ".join(f"{n} {'reanalysed' if r == 'stored' else r}"
                                        for r, n in totals.counts.items()))
    if totals.failed:
        raise typer.Exit(1)


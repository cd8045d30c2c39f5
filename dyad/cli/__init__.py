"""Dyad's command line: thin Typer commands over the library (``dyad --help``).

Commands translate errors at the edge: a ``DyadError`` becomes a one-line message (or the
JSON error envelope with ``--json``) and a non-zero exit code.
"""

from __future__ import annotations

import sys
from contextlib import contextmanager
from typing import Optional

import typer

from dyad.envelope import dumps, error_body, ok
from dyad.errors import DyadError
from dyad.settings import Settings, get_settings

app = typer.Typer(add_completion=False, no_args_is_help=True, rich_markup_mode=None,
                  help="Dyad: an evidence-backed record of who did what to whom, from news.")

DbOption = typer.Option(None, "--db", help="Store: SQLite path or postgresql:// URL (else $DYAD_DB, else ./dyad.db).")
JsonOption = typer.Option(False, "--json", help="Print the result as JSON in the {\"ok\": ...} envelope.")


def settings_for(db: Optional[str], **overrides) -> Settings:
    return get_settings().with_(db=db, **overrides)


@contextmanager
def edge(as_json: bool):
    """Map errors to a one-line message (or the JSON error envelope) and exit code 1."""
    try:
        yield
    except DyadError as exc:
        if as_json:
            print(dumps(error_body(exc)))
        else:
            print(f"error: {exc}", file=sys.stderr)
        raise typer.Exit(1)
    except KeyboardInterrupt:
        print("interrupted: every document written so far is complete; run the same command again to finish",
              file=sys.stderr)
        raise typer.Exit(130)


def emit(as_json: bool, **payload) -> None:
    if as_json:
        print(dumps(ok(**payload)))


def _register() -> None:
    # Commands register on import; the order here is the order in `dyad --help`.
    from dyad.cli import analysis_cmd, ask_cmd, eval_cmd, ingest_cmd, query_cmd, serve_cmd  # noqa: F401


def main() -> None:
    _register()
    app()

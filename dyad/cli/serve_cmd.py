"""`dyad serve`: the read-only HTTP API (and a small ask page) with uvicorn."""

from __future__ import annotations

import ipaddress
from typing import Optional

import typer

from dyad.cli import DbOption, app, edge, settings_for
from dyad.errors import ConfigError

LOOPBACK_NAMES = frozenset({"localhost", "localhost.localdomain"})


def is_loopback(host: str) -> bool:
    if host in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_bind(host: str, token: str) -> None:
    """Binding beyond this machine exposes the record: refuse without a token."""
    if not is_loopback(host) and not token:
        raise ConfigError(f"binding {host} needs a token: set DYAD_TOKEN (or --token); clients send "
                          "'Authorization: Bearer <token>'", subject="serve")


@app.command()
def serve(db: Optional[str] = DbOption,
          host: str = typer.Option("127.0.0.1", "--host", help="Address to bind; non-loopback needs a token."),
          port: int = typer.Option(8000, "--port", min=1, max=65535),
          token: Optional[str] = typer.Option(None, "--token", help="API token (else $DYAD_TOKEN).")) -> None:
    """Serve the read-only HTTP API under /api (OpenAPI at /api/docs) and an ask page at /."""
    import uvicorn

    from dyad.web.app import create_app

    settings = settings_for(db, token=token)
    with edge(False):
        check_bind(host, settings.token)
        application = create_app(settings)
    uvicorn.run(application, host=host, port=port, log_level="info")

"""Dyad's HTTP API: ``create_app(settings) -> FastAPI``, read-only, under ``/api``.

Every response is the one JSON envelope of ``dyad.envelope``: ``{"ok": true, ...}`` or
``{"ok": false, "error": MESSAGE, "status": HTTP_STATUS}`` (validation errors included, as
422 with a message naming the parameter). Lists carry ``limit``, ``offset`` and ``total``.
When ``settings.token`` is set every request needs ``Authorization: Bearer TOKEN``.

Routes call only ``dyad.query`` and ``dyad.store`` read functions; this package must not
import ``dyad.nlp`` (a test checks it).
"""

from __future__ import annotations

import hmac

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from dyad.envelope import error_body, ok
from dyad.errors import DyadError
from dyad.settings import Settings, get_settings
from dyad.store import Store, open_store

OPEN_PATHS = frozenset()  # every path needs the token when one is set (the docs too)


def envelope(status: int, message: str) -> JSONResponse:
    return JSONResponse({"ok": False, "error": message, "status": status}, status_code=status)


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for err in exc.errors():
        loc = [str(x) for x in err.get("loc", ()) if x not in ("query", "path", "body")]
        parts.append(f"invalid {'.'.join(loc) or 'request'}: {err.get('msg', 'invalid value')}")
    return "; ".join(parts) or "invalid request"


def _install_errors(app: FastAPI) -> None:
    @app.exception_handler(DyadError)
    async def dyad_error(_request: Request, exc: DyadError):
        body = error_body(exc)
        return JSONResponse(body, status_code=body["status"])

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError):
        if not request.url.path.startswith("/api"):  # a page: the message on a page, not JSON
            from dyad.web import pages

            return pages.render("error.html", status=422, message=_validation_message(exc), nav="")
        return envelope(422, _validation_message(exc))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_request: Request, exc: StarletteHTTPException):
        message = exc.detail if isinstance(exc.detail, str) else "request failed"
        return envelope(exc.status_code, message)

    @app.exception_handler(Exception)
    async def internal_error(_request: Request, exc: Exception):
        body = error_body(exc)
        return JSONResponse(body, status_code=500)


def _install_auth(app: FastAPI, token: str) -> None:
    if not token:
        return

    @app.middleware("http")
    async def require_token(request: Request, call_next):
        given = request.headers.get("authorization", "")
        scheme, _, value = given.partition(" ")
        if scheme.lower() != "bearer" or not hmac.compare_digest(value.strip().encode(), token.encode()):
            return envelope(401, "missing or wrong token: send 'Authorization: Bearer <DYAD_TOKEN>'")
        return await call_next(request)


def _install_read_only(app: FastAPI) -> None:
    @app.middleware("http")
    async def read_only(request: Request, call_next):
        # The API never writes; POST is allowed only for asking (a question may be long).
        if request.method not in ("GET", "HEAD", "OPTIONS") and request.url.path != "/api/ask":
            return envelope(405, f"method {request.method} not allowed: the API is read-only")
        return await call_next(request)


def create_app(settings: Settings | None = None, store: Store | None = None) -> FastAPI:
    """The API over ``settings.db`` (or an already open ``store``, for tests)."""
    settings = settings or get_settings()
    # FastAPI's Swagger page loads its scripts from a CDN: Dyad makes no network call the user did not
    # ask for, so /api/docs is a self-contained page rendered from the same OpenAPI schema.
    app = FastAPI(title="Dyad API", version="0.1.0", docs_url=None, redoc_url=None,
                  openapi_url="/api/openapi.json",
                  description="Read-only access to Dyad's record: who did what to whom, with evidence.")
    app.state.settings = settings
    app.state.store = store or open_store(settings.db)
    _install_errors(app)
    _install_read_only(app)
    _install_auth(app, settings.token)  # added last, so it runs first
    from dyad.web import routes

    app.include_router(routes.router, prefix="/api")
    _install_page(app)
    return app


def _install_page(app: FastAPI) -> None:
    from dyad.web import pages

    pages.install(app)

    @app.get("/api/docs", response_class=HTMLResponse, include_in_schema=False)
    def api_docs(request: Request):
        schema = request.app.openapi()
        operations = [(path, method.upper(), op) for path, methods in schema["paths"].items()
                      for method, op in methods.items()]
        return pages.render("api_docs.html", schema=schema, operations=operations)


__all__ = ["create_app", "ok"]

"""The one JSON envelope shared by ``--json`` output and the HTTP API.

Success: ``{"ok": true, ...payload}``. Failure: ``{"ok": false, "error": MESSAGE, "status": HTTP_STATUS}``.
"""

from __future__ import annotations

import dataclasses
import json
from typing import Any

from dyad.errors import DyadError


def to_jsonable(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if hasattr(value, "model_dump"):
        return value.model_dump()
    if isinstance(value, dict):
        return {str(k): to_jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set)):
        return [to_jsonable(v) for v in value]
    if isinstance(value, bytes):
        return None
    return value


def ok(**payload: Any) -> dict:
    return {"ok": True, **{k: to_jsonable(v) for k, v in payload.items()}}


def ok_record(record: Any) -> dict:
    """A record's fields at the top level of the envelope: ``{"ok": true, "question": ..., ...}``."""
    return {"ok": True, **to_jsonable(record)}


def error_body(error: Exception) -> dict:
    if isinstance(error, DyadError):
        return {"ok": False, "error": str(error), "status": error.status}
    return {"ok": False, "error": f"internal error: {error.__class__.__name__}", "status": 500}


def dumps(body: dict) -> str:
    return json.dumps(body, ensure_ascii=False, indent=2)

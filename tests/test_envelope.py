from dataclasses import dataclass

from dyad.envelope import error_body, ok
from dyad.errors import DyadError, NotFound


@dataclass(frozen=True)
class _Row:
    a: int
    b: tuple


def test_envelope_success_shape_is_pinned():
    assert ok(items=[_Row(1, (2,))], total=1) == {"ok": True, "items": [{"a": 1, "b": [2]}], "total": 1}


def test_envelope_error_shape_is_pinned():
    assert error_body(NotFound("no such document", subject="abc")) == {
        "ok": False, "error": "abc: no such document", "status": 404}
    assert error_body(DyadError("boom"))["status"] == 500


def test_envelope_hides_foreign_exception_text():
    body = error_body(RuntimeError("secret path /home/x"))
    assert body == {"ok": False, "error": "internal error: RuntimeError", "status": 500}

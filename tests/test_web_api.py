"""The HTTP API: one envelope for success and every error, pagination, read-only, token,
the ask page, no NLP import, and one run through a real uvicorn server."""

from __future__ import annotations

import socket
import subprocess
import sys
import threading
import time

import httpx
import pytest
from fastapi.testclient import TestClient

from dyad.errors import ConfigError
from dyad.settings import Settings
from dyad.web.app import create_app
from tests.test_query_ask import build_store

SETTINGS = Settings(embeddings=False)


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    s = build_store(tmp_path_factory.mktemp("web") / "web.db")
    yield s
    s.close()


@pytest.fixture(scope="module")
def client(store):
    return TestClient(create_app(SETTINGS, store=store))


LIST_ROUTES = ("/api/events", "/api/actors", "/api/relations", "/api/quotes", "/api/documents")


@pytest.mark.parametrize("url", LIST_ROUTES)
def test_web_api_lists_are_paginated_envelopes(client, url):
    r = client.get(url, params={"limit": 2, "offset": 0})
    body = r.json()
    assert r.status_code == 200 and body["ok"] is True
    assert body["limit"] == 2 and body["offset"] == 0 and isinstance(body["total"], int)


def test_web_api_documents_page_through(client):
    first = client.get("/api/documents", params={"limit": 2}).json()
    rest = client.get("/api/documents", params={"limit": 2, "offset": 2}).json()
    assert first["total"] == 3 and len(first["documents"]) == 2 and len(rest["documents"]) == 1
    one = client.get(f"/api/documents/{first['documents'][0]['id'][:8]}").json()
    assert one["ok"] and one["document"]["text"]


def test_web_api_ask_get_and_post(client):
    r = client.get("/api/ask", params={"q": "Who supplies Azerbaijan with combat drones?"})
    body = r.json()
    assert r.status_code == 200 and body["ok"] and body["answer"] == "Turkey"
    assert body["evidence"][0]["outlet"] == "Test Wire"
    r = client.post("/api/ask", json={"question": "Did Brazil send weapons to Ukraine?"})
    assert r.json()["answer"] == "No"


def test_web_api_other_reads(client):
    assert client.get("/api/search", params={"q": "drones"}).json()["hits"]
    assert client.get("/api/actor/CHN").json()["ok"]
    assert client.get("/api/dyad/USA/JPN").json()["ok"]
    net = client.get("/api/network").json()
    assert net["ok"] and "nodes" in net["network"]
    events = client.get("/api/events", params={"source": "RUS"}).json()
    assert events["total"] == 1 and events["events"][0]["negated"] is True


@pytest.mark.parametrize("url,status,words", [
    ("/api/events?limit=0", 422, "limit"),
    ("/api/events?limit=abc", 422, "limit"),
    ("/api/ask", 422, "q"),
    ("/api/events?from=yesterday-ish", 400, "date"),
    ("/api/documents/nosuchdocument", 404, "no such document"),
    ("/api/no-such-route", 404, "not found"),
])
def test_web_api_errors_use_the_envelope(client, url, status, words):
    r = client.get(url)
    body = r.json()
    assert r.status_code == status and body == {"ok": False, "error": body["error"], "status": status}
    assert words.lower() in body["error"].lower()


def test_web_api_is_read_only(client):
    for method in ("post", "put", "delete", "patch"):
        r = getattr(client, method)("/api/events")
        assert r.status_code == 405 and r.json()["ok"] is False
    assert client.post("/api/ask", json={}).status_code == 422


def test_web_api_token_checked_on_every_request(store):
    secured = TestClient(create_app(Settings(embeddings=False, token="s3cret"), store=store))
    for url in ("/api/documents", "/api/docs", "/"):
        r = secured.get(url)
        assert r.status_code == 401 and r.json()["ok"] is False
    assert secured.get("/api/documents", headers={"Authorization": "Bearer wrong"}).status_code == 401
    assert secured.get("/api/documents", headers={"Authorization": "Bearer s3cret"}).status_code == 200


def test_web_api_bind_needs_a_token_beyond_loopback():
    from dyad.cli.serve_cmd import check_bind, is_loopback

    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.4")
    check_bind("127.0.0.1", "")
    check_bind("0.0.0.0", "s3cret")
    with pytest.raises(ConfigError):
        check_bind("0.0.0.0", "")


def test_web_api_openapi_and_page(client):
    spec = client.get("/api/openapi.json").json()
    assert "/api/ask" in spec["paths"] and "/api/dyad/{a}/{b}" in spec["paths"]
    page = client.get("/", params={"q": "Did Canada threaten to invade Denmark?"})
    assert page.status_code == 200 and "<form" in page.text and "Check Desk" in page.text
    assert "http://" not in page.text.split("<body>")[0] and "https://" not in page.text


def test_web_does_not_import_nlp():
    code = ("import sys, dyad.web.app, dyad.web.routes, dyad.query.ask; "
            "print(sorted(m for m in sys.modules if m.startswith('dyad.nlp') or m == 'spacy'))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_web_api_through_uvicorn(store):
    import uvicorn

    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(SETTINGS, store=store), host="127.0.0.1", port=port,
                                           log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        deadline = time.time() + 10
        while not server.started and time.time() < deadline:
            time.sleep(0.05)
        assert server.started
        r = httpx.get(f"http://127.0.0.1:{port}/api/ask", params={"q": "How much was bilateral trade between Kenya "
                                                                      "and Uganda?"}, timeout=30)
        assert r.status_code == 200 and r.json()["answer"] == "$1.2 billion"
        bad = httpx.get(f"http://127.0.0.1:{port}/api/quotes", params={"offset": -1}, timeout=10)
        assert bad.status_code == 422 and bad.json()["ok"] is False
    finally:
        server.should_exit = True
        thread.join(timeout=10)
    assert not thread.is_alive()


def test_web_api_blank_question_is_a_400(client):
    r = client.get("/api/ask", params={"q": "   "})
    assert r.status_code == 400 and r.json()["ok"] is False and "empty" in r.json()["error"]


def test_web_api_docs_page_is_self_contained(store):
    client = TestClient(create_app(Settings(embeddings=False), store=store))
    page = client.get("/api/docs")
    assert page.status_code == 200 and "/api/events" in page.text
    # local-first: no script, stylesheet or image from another host
    assert "http://" not in page.text.replace("http://testserver", "") and "https://" not in page.text
    assert client.get("/api/openapi.json").json()["paths"]

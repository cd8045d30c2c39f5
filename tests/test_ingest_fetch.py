"""URL fetching: canned HTTP (httpx.MockTransport) for the logic, a real local server for
the wiring, and the address guard on every hop and at connect time."""

import ipaddress
import socket
import threading
import time
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx
import pytest

from dyad.errors import BlockedAddress, FetchError
from dyad.ingest import IngestOptions, read_inputs
from dyad.ingest.fetch import FetchPolicy, blocked_reason, fetch
from dyad.models import Failed, Page

POLICY = FetchPolicy(max_bytes=1000, timeout=2.0, user_agent="Dyad-test/1")
PUBLIC = {"news.example": "93.184.216.34", "cdn.example": "2606:4700::6810:84e5", "internal.example": "10.0.0.5",
          "meta.example": "169.254.169.254", "mapped.example": "::ffff:127.0.0.1"}
HTML = b"<html><body><p>The ministers met.</p></body></html>"


def resolver(host, port, *args, **kwargs):
    address = PUBLIC.get(host, host)
    try:
        ipaddress.ip_address(address)
    except ValueError:
        raise socket.gaierror(f"unknown host {host}") from None
    family = socket.AF_INET6 if ":" in address else socket.AF_INET
    return [(family, socket.SOCK_STREAM, 6, "", (address, port))]


def mock(handler, **policy) -> tuple:
    return FetchPolicy(**{**POLICY.__dict__, **policy}), httpx.MockTransport(handler)


def get(url, handler, **policy):
    policy, transport = mock(handler, **policy)
    return fetch(url, policy, transport=transport, resolver=resolver)


def test_ingest_fetch_returns_body_type_and_sends_user_agent():
    seen = {}

    def handler(request):
        seen["ua"] = request.headers["user-agent"]
        return httpx.Response(200, content=HTML, headers={"content-type": "text/html; charset=utf-8"})

    fetched = get("https://news.example/a", handler)
    assert fetched.data == HTML and fetched.content_type.startswith("text/html")
    assert seen["ua"] == "Dyad-test/1"


@pytest.mark.parametrize("exc", [httpx.ReadTimeout("slow"), httpx.ConnectTimeout("slow")])
def test_ingest_fetch_timeouts(exc):
    def handler(request):
        raise exc

    with pytest.raises(FetchError, match="timed out after 2s"):
        get("https://news.example/a", handler)


def test_ingest_fetch_http_errors_and_connection_errors():
    with pytest.raises(FetchError, match="HTTP 404"):
        get("https://news.example/a", lambda r: httpx.Response(404))
    with pytest.raises(FetchError, match="ConnectError"):
        get("https://news.example/a", lambda r: (_ for _ in ()).throw(httpx.ConnectError("refused")))


def test_ingest_fetch_size_cap_declared_and_streamed():
    with pytest.raises(FetchError, match="over the 1000-byte limit"):
        get("https://news.example/a", lambda r: httpx.Response(200, content=b"x" * 5000,
                                                               headers={"content-type": "text/plain"}))

    def streamed(request):  # no Content-Length: the cap must hold while reading
        return httpx.Response(200, content=(b"x" * 400 for _ in range(10)), headers={"content-type": "text/plain"})

    with pytest.raises(FetchError, match="over the 1000-byte limit"):
        get("https://news.example/a", streamed)


def test_ingest_fetch_slow_drip_hits_the_total_deadline():
    def dripping(request):
        def body():
            for _ in range(5):
                time.sleep(0.05)
                yield b"x"
        return httpx.Response(200, content=body(), headers={"content-type": "text/plain"})

    with pytest.raises(FetchError, match="longer than"):
        get("https://news.example/a", dripping, timeout=0.03)


@pytest.mark.parametrize("ctype, ok", [("text/html", True), ("application/rss+xml", True),
                                       ("application/json", True), ("image/png", False),
                                       ("application/pdf", False), ("application/octet-stream", False)])
def test_ingest_fetch_content_type_check(ctype, ok):
    handler = lambda r: httpx.Response(200, content=b"data", headers={"content-type": ctype})  # noqa: E731
    if ok:
        assert get("https://news.example/a", handler).data == b"data"
    else:
        with pytest.raises(FetchError, match="unsupported content type"):
            get("https://news.example/a", handler)


def test_ingest_fetch_follows_redirects_and_rechecks_each_hop():
    hops = []

    def handler(request):
        hops.append(str(request.url))
        if request.url.path == "/start":
            return httpx.Response(302, headers={"location": "/next"})
        if request.url.path == "/next":
            return httpx.Response(301, headers={"location": "https://cdn.example/final"})
        return httpx.Response(200, content=HTML, headers={"content-type": "text/html"})

    fetched = get("https://news.example/start", handler)
    assert fetched.url == "https://cdn.example/final"
    assert hops == ["https://news.example/start", "https://news.example/next", "https://cdn.example/final"]


@pytest.mark.parametrize("target", ["http://internal.example/admin", "http://meta.example/latest/meta-data",
                                    "http://127.0.0.1:8080/", "http://[::1]/", "http://mapped.example/",
                                    "http://0.0.0.0/"])
def test_ingest_fetch_redirect_to_private_address_is_blocked(target):
    def handler(request):
        return httpx.Response(302, headers={"location": target})

    with pytest.raises(BlockedAddress):
        get("https://news.example/a", handler)


def test_ingest_fetch_redirect_limits():
    loop = lambda r: httpx.Response(302, headers={"location": "/again"})  # noqa: E731
    with pytest.raises(FetchError, match="more than 5 redirects"):
        get("https://news.example/a", loop)
    with pytest.raises(FetchError, match="only http"):
        get("https://news.example/a", lambda r: httpx.Response(302, headers={"location": "file:///etc/passwd"}))
    with pytest.raises(FetchError, match="without a Location"):
        get("https://news.example/a", lambda r: httpx.Response(302))


def test_ingest_fetch_unknown_host():
    with pytest.raises(FetchError, match="cannot resolve"):
        get("https://nowhere.invalid/", lambda r: httpx.Response(200))


@pytest.mark.parametrize("address, blocked", [
    ("127.0.0.1", True), ("10.1.2.3", True), ("172.16.0.1", True), ("192.168.1.1", True),
    ("169.254.169.254", True), ("224.0.0.1", True), ("0.0.0.0", True), ("240.0.0.1", True),
    ("100.64.0.1", True), ("::1", True), ("fe80::1", True), ("fc00::1", True), ("ff02::1", True), ("::", True),
    ("::ffff:10.0.0.1", True), ("::ffff:8.8.8.8", False), ("8.8.8.8", False), ("2606:4700::6810:84e5", False),
])
def test_ingest_fetch_address_classes(address, blocked):
    assert (blocked_reason(ipaddress.ip_address(address)) is not None) == blocked


def test_ingest_fetch_dns_rebinding_is_caught_at_connect_time():
    """The name is public when checked, private when the connection is made: the
    connect-time guard sees the second answer and refuses it."""
    answers = iter(["93.184.216.34", "127.0.0.1"])

    def rebinding(host, port, *a, **k):
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (next(answers), port))]

    with pytest.raises(BlockedAddress, match="loopback"):
        fetch("http://rebind.example/", POLICY, resolver=rebinding)


# --------------------------------------------------------------------------- a real local server

PAGES = {
    "/article.txt": ("text/plain; charset=utf-8", b"Chile and Peru signed a fisheries accord on Tuesday.\n"),
    "/moved": ("redirect", b"/article.txt"),
    "/image.png": ("image/png", b"\x89PNG\r\n\x1a\n"),
    "/feed.xml": ("application/rss+xml", b"""<?xml version="1.0"?><rss version="2.0"><channel><title>Local Desk</title>
<item><title>Entry one</title><link>http://127.0.0.1:PORT/article.txt</link><description>Short summary.</description>
<pubDate>Mon, 17 Jun 2024 09:30:00 +0000</pubDate></item>
<item><title>Entry two</title><link>http://127.0.0.1:PORT/missing</link><description>Other.</description></item>
</channel></rss>"""),
}


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 — http.server's naming
        ctype, body = PAGES.get(self.path, ("text/plain", None))
        if body is None:
            self.send_error(404)
            return
        if ctype == "redirect":
            self.send_response(302)
            self.send_header("Location", body.decode())
            self.end_headers()
            return
        body = body.replace(b"PORT", str(self.server.server_port).encode())
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_port}"
    httpd.shutdown()
    httpd.server_close()


LOCAL = IngestOptions(max_bytes=10_000, fetch_timeout=5.0, user_agent="Dyad-test/1", allow_private=True,
                      now=datetime(2024, 6, 20, tzinfo=timezone.utc))


def test_ingest_fetch_local_server_with_allow_private(server):
    (page,) = read_inputs([f"{server}/moved"], LOCAL)
    assert isinstance(page, Page) and page.source == f"{server}/moved"
    doc = page.documents[0]
    assert doc.text.startswith("Chile and Peru") and doc.url == f"{server}/article.txt"


def test_ingest_fetch_local_server_refused_without_allow_private(server):
    options = IngestOptions(max_bytes=10_000, fetch_timeout=5.0, user_agent="Dyad-test/1")
    (failed,) = read_inputs([f"{server}/article.txt"], options)
    assert isinstance(failed, Failed) and "loopback address 127.0.0.1" in failed.reason
    assert failed.source == f"{server}/article.txt"


def test_ingest_fetch_local_server_failures_name_the_url(server):
    outcomes = list(read_inputs([f"{server}/image.png", f"{server}/nothing"], LOCAL))
    assert [o.reason.split(" ")[0:2] for o in outcomes] == [["unsupported", "content"], ["HTTP", "404"]]


def test_ingest_fetch_feed_entries_and_follow(server):
    summaries = list(read_inputs([f"{server}/feed.xml"], LOCAL))
    assert [d.text for p in summaries for d in p.documents] == ["Entry one\n\nShort summary.", "Entry two\n\nOther."]
    followed = list(read_inputs([f"{server}/feed.xml"], IngestOptions(**{**LOCAL.__dict__, "follow": True})))
    page, failed = followed
    doc = page.documents[0]
    assert doc.text.startswith("Chile and Peru") and doc.title == "Entry one" and doc.outlet == "Local Desk"
    assert doc.published_at == "2024-06-17T09:30:00Z"
    assert isinstance(failed, Failed) and "HTTP 404" in failed.reason and failed.source.endswith("/missing")


@pytest.fixture(scope="module")
def tls_server(tmp_path_factory):
    """A local HTTPS server with a self-signed certificate for the name "localhost"."""
    import shutil
    import ssl
    import subprocess

    if shutil.which("openssl") is None:
        pytest.skip("openssl is needed to make a test certificate")
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj",
                    "/CN=localhost", "-addext", "subjectAltName=DNS:localhost", "-keyout", str(key),
                    "-out", str(cert)], check=True, capture_output=True)
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    httpd.socket = context.wrap_socket(httpd.socket, server_side=True)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd.server_port, cert
    httpd.shutdown()
    httpd.server_close()


def test_ingest_fetch_pinned_tls_still_verifies_the_host_name(tls_server):
    import ssl

    from dyad.ingest.fetch import GuardedTransport

    port, cert = tls_server
    trusting = ssl.create_default_context(cafile=str(cert))
    local = lambda host, p, *a, **k: [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("127.0.0.1", p))]  # noqa: E731
    policy = FetchPolicy(max_bytes=10_000, timeout=5.0, user_agent="t", allow_private=True)
    fetched = fetch(f"https://localhost:{port}/article.txt", policy, resolver=local,
                    transport=GuardedTransport(True, local, ssl_context=trusting))
    assert fetched.data.startswith(b"Chile and Peru")
    with pytest.raises(FetchError, match="(?i)certificate"):  # the name 127.0.0.1 is not on the certificate
        fetch(f"https://127.0.0.1:{port}/article.txt", policy, resolver=local,
              transport=GuardedTransport(True, local, ssl_context=trusting))
    with pytest.raises(FetchError, match="(?i)certificate"):  # default trust store: self-signed refused
        fetch(f"https://localhost:{port}/article.txt", policy, resolver=local)


def test_ingest_fetch_unreachable_port_fails_with_a_reason():
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()  # nothing listens there now
    (failed,) = read_inputs([f"http://127.0.0.1:{port}/x"], LOCAL)
    assert isinstance(failed, Failed) and "ConnectError" in failed.reason

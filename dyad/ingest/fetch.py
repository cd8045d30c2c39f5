"""Fetch one URL safely: address checks on every hop, the connection pinned to the
checked address, timeouts, a size cap enforced while streaming, a content-type check.

Why the pinning: checking a host name and then letting the HTTP client resolve it again
leaves a window in which DNS can answer differently (DNS rebinding). ``GuardedBackend``
does the check inside the connect call, on the very address it connects to; TLS still
verifies the certificate against the host name.
"""

from __future__ import annotations

import ipaddress
import socket
import ssl
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Callable
from urllib.parse import urljoin, urlsplit

import httpcore
import httpx

from dyad.errors import BlockedAddress, FetchError

MAX_REDIRECTS = 5
ALLOWED_TYPES = (
    "text/html", "application/xhtml+xml", "application/rss+xml", "application/atom+xml", "application/rdf+xml",
    "application/xml", "text/xml", "text/plain", "application/json", "application/x-ndjson",
    "application/jsonl", "application/ld+json", "application/feed+json",
)
ACCEPT = ("text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, "
          "application/xml;q=0.9, text/plain;q=0.8, application/json;q=0.8, */*;q=0.1")
REDIRECTS = {301, 302, 303, 307, 308}
Resolver = Callable[..., list]


@dataclass(frozen=True)
class FetchPolicy:
    max_bytes: int
    timeout: float
    user_agent: str
    allow_private: bool = False


@dataclass(frozen=True)
class Fetched:
    url: str  # after redirects
    data: bytes
    content_type: str | None
    retrieved_at: datetime


# --------------------------------------------------------------------------- addresses


def blocked_reason(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> str | None:
    """Why an address is not public, or None. IPv4-mapped/6to4 IPv6 is judged as its IPv4."""
    if isinstance(ip, ipaddress.IPv6Address):
        inner = ip.ipv4_mapped or ip.sixtofour
        if inner is not None:
            return blocked_reason(inner)
    for attr in ("is_loopback", "is_private", "is_link_local", "is_multicast", "is_reserved", "is_unspecified"):
        if getattr(ip, attr):
            return attr.removeprefix("is_").replace("_", "-")
    if not ip.is_global:  # shared address space (100.64/10), benchmarking nets, ...
        return "non-global"
    return None


def resolve(host: str, port: int, resolver: Resolver = socket.getaddrinfo) -> list[str]:
    try:
        infos = resolver(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError, OSError) as err:
        raise FetchError(f"cannot resolve host {host!r} ({err})") from None
    return list(dict.fromkeys(info[4][0] for info in infos))


def checked_addresses(host: str, port: int, allow_private: bool, resolver: Resolver = socket.getaddrinfo
                      ) -> list[str]:
    """The host's addresses; BlockedAddress if any is not public (unless allowed)."""
    addresses = resolve(host.strip("[]"), port, resolver)
    if not addresses:
        raise FetchError(f"host {host!r} has no address")
    if allow_private:
        return addresses
    for address in addresses:
        reason = blocked_reason(ipaddress.ip_address(address.split("%")[0]))
        if reason:
            raise BlockedAddress(f"{host} resolves to {reason} address {address}; "
                                 "pass --allow-private to fetch it")
    return addresses


class GuardedBackend(httpcore.NetworkBackend):
    """Connects only to addresses that passed the check, resolving exactly once."""

    def __init__(self, allow_private: bool, resolver: Resolver = socket.getaddrinfo):
        self._inner = httpcore.SyncBackend()
        self._allow_private = allow_private
        self._resolver = resolver

    def connect_tcp(self, host, port, timeout=None, local_address=None, socket_options=None):
        last: Exception | None = None
        for address in checked_addresses(host, port, self._allow_private, self._resolver):
            try:
                return self._inner.connect_tcp(address, port, timeout, local_address, socket_options)
            except httpcore.ConnectError as err:
                last = err
        raise last or httpcore.ConnectError(f"cannot connect to {host}")

    def connect_unix_socket(self, path, timeout=None, socket_options=None):
        raise BlockedAddress("unix sockets are not fetched")

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)


class GuardedTransport(httpx.HTTPTransport):
    """httpx's transport with its connection pool built on the guarded backend."""

    def __init__(self, allow_private: bool, resolver: Resolver = socket.getaddrinfo,
                 ssl_context: ssl.SSLContext | None = None):
        super().__init__()
        # httpx has no public hook for a network backend; the pool is rebuilt the way
        # HTTPTransport builds it, with ours. TLS still verifies against the host name.
        self._pool = httpcore.ConnectionPool(
            ssl_context=ssl_context or httpx.create_ssl_context(),
            network_backend=GuardedBackend(allow_private, resolver))


# --------------------------------------------------------------------------- fetching


def fetch(url: str, policy: FetchPolicy, *, transport: httpx.BaseTransport | None = None,
          resolver: Resolver = socket.getaddrinfo, clock: Callable[[], datetime] | None = None) -> Fetched:
    """GET a URL following at most five redirects, checking every hop. Raises FetchError."""
    transport = transport or GuardedTransport(policy.allow_private, resolver)
    timeout = httpx.Timeout(policy.timeout)
    headers = {"User-Agent": policy.user_agent, "Accept": ACCEPT}
    with httpx.Client(transport=transport, timeout=timeout, headers=headers, follow_redirects=False,
                      trust_env=False) as client:
        for _ in range(MAX_REDIRECTS + 1):
            _check_url(url, policy, resolver)
            location, fetched = _one_hop(client, url, policy, clock)
            if fetched is not None:
                return fetched
            url = location
    raise FetchError(f"more than {MAX_REDIRECTS} redirects")


def _check_url(url: str, policy: FetchPolicy, resolver: Resolver) -> None:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise FetchError(f"only http(s) URLs are fetched, not {parts.scheme or 'no scheme'!r}")
    if not parts.hostname:
        raise FetchError("URL has no host")
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError:
        raise FetchError("URL has an invalid port") from None
    checked_addresses(parts.hostname, port, policy.allow_private, resolver)


def _one_hop(client: httpx.Client, url: str, policy: FetchPolicy, clock) -> tuple[str, Fetched | None]:
    try:
        with client.stream("GET", url) as response:
            if response.status_code in REDIRECTS:
                location = response.headers.get("location")
                if not location:
                    raise FetchError(f"HTTP {response.status_code} redirect without a Location")
                return urljoin(url, location), None
            if response.status_code >= 400:
                raise FetchError(f"HTTP {response.status_code} {response.reason_phrase}".strip())
            content_type = _check_type(response.headers.get("content-type"))
            data = _read_capped(response, policy)
    except httpx.TimeoutException:
        raise FetchError(f"timed out after {policy.timeout:g}s") from None
    except httpx.HTTPError as err:
        raise FetchError(f"{type(err).__name__}: {err}" if str(err) else type(err).__name__) from None
    now = clock() if clock else datetime.now(timezone.utc)
    return url, Fetched(str(url), data, content_type, now)


def _check_type(header: str | None) -> str | None:
    if not header:
        return None  # no declared type: the reader sniffs the content
    mime = header.split(";")[0].strip().lower()
    if mime in ALLOWED_TYPES or mime.endswith(("+xml", "+json")):
        return header
    raise FetchError(f"unsupported content type {mime!r} (expected HTML, a feed, text or JSON)")


def _read_capped(response: httpx.Response, policy: FetchPolicy) -> bytes:
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > policy.max_bytes:
        raise FetchError(f"response of {declared} bytes is over the {policy.max_bytes}-byte limit")
    # A server that drips bytes just inside the read timeout must not hold us forever.
    deadline = time.monotonic() + 3 * policy.timeout
    chunks, size = [], 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > policy.max_bytes:
            raise FetchError(f"response is over the {policy.max_bytes}-byte limit")
        if time.monotonic() > deadline:
            raise FetchError(f"download took longer than {3 * policy.timeout:g}s")
        chunks.append(chunk)
    return b"".join(chunks)

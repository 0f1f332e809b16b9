"""Fetching one article from the open web without letting a URL reach inside the network.

A URL typed or pasted by an analyst, or found in a feed, is written by anyone. Before a
single byte is sent, the host name is resolved here, every address it resolves to is
checked (loopback, private, link-local, multicast, reserved and unspecified ranges are
refused, including IPv4 addresses hidden inside IPv6 ones), and the connection is made
to the checked address itself, with the name only in the Host header and TLS SNI. A
second lookup by the HTTP library could answer differently (DNS rebinding); there is
none. Redirects are followed here, one hop at a time, each hop checked like the first.
The body is streamed and cut off past ``max_bytes``; a watchdog closes the socket when
the whole fetch, redirects included, outlasts ``timeout_s``.

Name resolution itself runs through ``resolver`` (``socket.getaddrinfo`` by default) and
is bounded by the system resolver's own timeout, not by ``timeout_s``.
"""

from __future__ import annotations

import codecs
import http.client
import ipaddress
import socket
import ssl
import threading
import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any
from urllib.parse import quote, urljoin, urlsplit

from geo.errors import FetchError
from geo.records import Article

Resolver = Callable[..., list[tuple[Any, ...]]]
IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

DEFAULT_PORTS = {"http": 80, "https": 443}
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
OK_STATUSES = frozenset({200, 203})
CHUNK_BYTES = 64 * 1024
USER_AGENT = "conflictmap/0.1 (news geoparser)"

DEFAULT_ALLOWED_TYPES = frozenset(
    {
        "text/html",
        "application/xhtml+xml",
        "text/plain",
        "application/rss+xml",
        "application/atom+xml",
        "application/xml",
        "text/xml",
        "application/json",
    }
)

BYTE_ORDER_MARKS = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)

#: zlib window sizes: 16 + 15 reads a gzip member, 15 a zlib stream (HTTP's "deflate").
DECODER_WBITS = {"gzip": 31, "x-gzip": 31, "deflate": 15}

#: Characters left as they are when a path or query is percent-encoded for the request line.
PATH_SAFE = "/%:@!$&'()*+,;=-._~"
QUERY_SAFE = PATH_SAFE + "?"

#: The address checks, in the order their names are reported: the first that holds names
#: the refusal. ``is_global`` last catches what the others miss (shared 100.64/10,
#: documentation and benchmarking ranges).
ADDRESS_CHECKS: tuple[tuple[str, Callable[[IPAddress], bool]], ...] = (
    ("unspecified", lambda ip: ip.is_unspecified),
    ("loopback", lambda ip: ip.is_loopback),
    ("link-local", lambda ip: ip.is_link_local),
    ("multicast", lambda ip: ip.is_multicast),
    ("site-local", lambda ip: getattr(ip, "is_site_local", False)),  # fec0::/10, IPv6 only
    ("private", lambda ip: ip.is_private),
    ("reserved", lambda ip: ip.is_reserved),
    ("not publicly routable", lambda ip: not ip.is_global),
)

#: NAT64 (RFC 6052) carries an IPv4 address in its last 32 bits.
NAT64_PREFIX = ipaddress.IPv6Network("64:ff9b::/96")


@dataclass(frozen=True, slots=True)
class FetchPolicy:
    """What a fetch may do. The defaults suit one news article from the public web."""

    allow_private: bool = False
    max_bytes: int = 10_000_000
    timeout_s: float = 20.0
    max_redirects: int = 5
    allowed_types: frozenset[str] = DEFAULT_ALLOWED_TYPES

    def __post_init__(self) -> None:
        if self.max_bytes <= 0:
            raise ValueError(f"max_bytes must be positive, got {self.max_bytes!r}")
        if not self.timeout_s > 0:
            raise ValueError(f"timeout_s must be positive, got {self.timeout_s!r}")
        if self.max_redirects < 0:
            raise ValueError(f"max_redirects must be 0 or more, got {self.max_redirects!r}")


@dataclass(frozen=True, slots=True)
class FetchedPage:
    """One fetched document: where it was asked for, where it ended up, and its bytes.

    ``content_type`` is the media type alone, lower-cased (``text/html``); ``charset``
    is the header's charset parameter when the server sent one.
    """

    url: str
    final_url: str
    content_type: str
    body: bytes = field(repr=False)
    charset: str = ""


@dataclass(frozen=True, slots=True)
class _Target:
    url: str
    scheme: str
    host: str  # ASCII (IDNA) host name or address literal, without brackets
    port: int
    request_path: str


@dataclass(frozen=True, slots=True)
class _Address:
    family: int
    sockaddr: tuple[Any, ...]


# ---------------------------------------------------------------------------
# public API


def fetch_url(url: str, *, policy: FetchPolicy = FetchPolicy(), resolver: Resolver = socket.getaddrinfo) -> FetchedPage:
    """Fetch ``url`` under ``policy``; raise ``FetchError`` with one sentence on any refusal."""
    if not isinstance(url, str):
        raise FetchError(f"expected a URL as a string, got {url!r}")
    deadline = time.monotonic() + policy.timeout_s
    current = url.strip()
    for _hop in range(policy.max_redirects + 1):
        target = _parse_target(current)
        address = _checked_address(target, policy, resolver)
        outcome = _exchange(target, address, policy, deadline)
        if isinstance(outcome, FetchedPage):
            return FetchedPage(url, outcome.final_url, outcome.content_type, outcome.body, outcome.charset)
        current = outcome
    raise FetchError(f"{url!r} redirected more than {policy.max_redirects} times; refused")


def fetch_article(url: str, *, allow_private: bool = False, published: date | None = None) -> tuple[Article, ...]:
    """The articles at ``url`` (one for a page or text, several for a feed), read offline.

    ``published`` is used for articles that carry no date of their own.
    """
    page = fetch_url(url, policy=FetchPolicy(allow_private=allow_private))
    return articles_from_page(page, published=published)


def articles_from_page(page: FetchedPage, *, published: date | None = None) -> tuple[Article, ...]:
    """Hand a fetched page to the readers; articles without a URL get the page's final URL."""
    from geo.read.readers import articles_from_bytes

    articles = articles_from_bytes(
        _utf8_body(page), name=page.final_url, content_type=page.content_type, published=published
    )
    return tuple(_with_url(article, page.final_url) for article in articles)


def _utf8_body(page: FetchedPage) -> bytes:
    """The body re-encoded as UTF-8 when the server named its charset: the HTTP header
    comes before a page's own declaration, and the readers only see the bytes. A body
    with a byte-order mark, or one the named charset cannot decode, is left as it is."""
    if not page.charset or page.body.startswith(BYTE_ORDER_MARKS):
        return page.body
    try:
        return page.body.decode(codecs.lookup(page.charset).name).encode("utf-8")
    except (LookupError, UnicodeDecodeError):
        return page.body


def address_refusal(address: str | IPAddress) -> str | None:
    """Why a connection to ``address`` is refused (``"loopback"``, ``"private"``, ...), or None.

    IPv4 addresses carried inside IPv6 ones (mapped ``::ffff:a.b.c.d``, 6to4, Teredo,
    NAT64) are checked as the IPv4 address they reach.
    """
    ip = ipaddress.ip_address(address) if isinstance(address, str) else address
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped  # ::ffff:a.b.c.d is a.b.c.d on the wire, nothing more
    for candidate in (*_embedded_ipv4(ip), ip):  # the IPv4 inside names the refusal best
        for name, holds in ADDRESS_CHECKS:
            if holds(candidate):
                return name
    return None


# ---------------------------------------------------------------------------
# URL and address checks


def _parse_target(url: str) -> _Target:
    if any(ch.isspace() or ord(ch) < 0x20 or ord(ch) == 0x7F for ch in url):
        raise FetchError(f"URL contains spaces or control characters: {url!r}")
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as err:
        raise FetchError(f"not a valid URL: {url!r} ({err})") from err
    scheme = parts.scheme.lower()
    if scheme not in DEFAULT_PORTS:
        shown = f"{scheme}:" if scheme else "no scheme"
        raise FetchError(f"only http and https URLs can be fetched, got {shown} in {url!r}")
    if parts.username is not None or parts.password is not None:
        raise FetchError(f"URLs carrying a user name or password are refused: {url!r}")
    if not parts.hostname:
        raise FetchError(f"URL has no host name: {url!r}")
    try:
        host = parts.hostname.encode("idna").decode("ascii")
    except UnicodeError as err:
        raise FetchError(f"URL has an invalid host name: {url!r}") from err
    path = quote(parts.path or "/", safe=PATH_SAFE)
    query = f"?{quote(parts.query, safe=QUERY_SAFE)}" if parts.query else ""
    return _Target(url, scheme, host, port or DEFAULT_PORTS[scheme], path + query)


def _checked_address(target: _Target, policy: FetchPolicy, resolver: Resolver) -> _Address:
    """Resolve once and check every answer; the first answer is the one connected to."""
    try:
        answers = resolver(target.host, target.port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError) as err:
        raise FetchError(f"cannot resolve host {target.host!r} of {target.url!r}: {err}") from err
    addresses = [_Address(family, tuple(sockaddr)) for family, _t, _p, _c, sockaddr in answers]
    if not addresses:
        raise FetchError(f"host {target.host!r} of {target.url!r} resolves to no address")
    if not policy.allow_private:
        for address in addresses:
            _refuse_if_internal(target, address)
    return addresses[0]


def _refuse_if_internal(target: _Target, address: _Address) -> None:
    text = str(address.sockaddr[0]).split("%", 1)[0]  # drop an IPv6 zone such as %eth0
    try:
        reason = address_refusal(text)
    except ValueError as err:
        raise FetchError(f"host {target.host!r} resolved to something not an address: {text!r}") from err
    if reason is not None:
        raise FetchError(
            f"{target.url!r} resolves to {text}, a {reason} address; refused "
            "(allow private addresses to fetch from the local network)"
        )


def _embedded_ipv4(ip: IPAddress) -> tuple[ipaddress.IPv4Address, ...]:
    if not isinstance(ip, ipaddress.IPv6Address):
        return ()
    found = [ip.sixtofour, ip.teredo[1] if ip.teredo else None]
    if ip in NAT64_PREFIX:
        found.append(ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF))
    return tuple(v4 for v4 in found if v4 is not None)


# ---------------------------------------------------------------------------
# one request/response exchange


class _PinnedHTTPConnection(http.client.HTTPConnection):
    """An HTTP connection to an address already checked; ``host`` only names it."""

    def __init__(self, target: _Target, address: _Address, timeout: float) -> None:
        super().__init__(target.host, target.port, timeout=timeout)
        self._address = address
        self._timeout_s = timeout

    def connect(self) -> None:
        self.sock = _open_socket(self._address, self._timeout_s)


class _PinnedHTTPSConnection(_PinnedHTTPConnection):
    """The same over TLS: certificate and SNI checked against the name, not the address."""

    default_port = 443  # so the Host header omits ":443"

    def __init__(self, target: _Target, address: _Address, timeout: float) -> None:
        super().__init__(target, address, timeout)
        self._tls = _tls_context()

    def connect(self) -> None:
        super().connect()
        self.sock = self._tls.wrap_socket(self.sock, server_hostname=self.host)


def _tls_context() -> ssl.SSLContext:
    """The system's trusted certificates, hostname checking on (the library default)."""
    return ssl.create_default_context()


CONNECTIONS = {"http": _PinnedHTTPConnection, "https": _PinnedHTTPSConnection}


def _open_socket(address: _Address, timeout: float) -> socket.socket:
    sock = socket.socket(address.family, socket.SOCK_STREAM)
    try:
        sock.settimeout(timeout)
        sock.connect(address.sockaddr)
    except BaseException:
        sock.close()
        raise
    return sock


def _exchange(target: _Target, address: _Address, policy: FetchPolicy, deadline: float) -> FetchedPage | str:
    """One GET: the page, or the next URL when the answer is a redirect."""
    remaining = _remaining(target, policy, deadline)
    conn = CONNECTIONS[target.scheme](target, address, remaining)
    watchdog = threading.Timer(remaining, _abort, args=(conn,))
    watchdog.daemon = True
    watchdog.start()
    try:
        return _request(conn, target, policy, deadline)
    except FetchError:
        raise
    except (OSError, http.client.HTTPException) as err:
        if time.monotonic() >= deadline:
            raise FetchError(_too_slow(target, policy)) from err
        raise FetchError(f"cannot fetch {target.url!r}: {_describe(err)}") from err
    finally:
        watchdog.cancel()
        conn.close()


def _request(
    conn: http.client.HTTPConnection, target: _Target, policy: FetchPolicy, deadline: float
) -> FetchedPage | str:
    conn.request(
        "GET",
        target.request_path,
        headers={
            "User-Agent": USER_AGENT,
            "Accept": ", ".join(sorted(policy.allowed_types)),
            "Accept-Encoding": "identity, gzip;q=0.5",
            "Connection": "close",
        },
    )
    response = conn.getresponse()
    if response.status in REDIRECT_STATUSES:
        return _redirect_location(target, response)
    if response.status not in OK_STATUSES:
        raise FetchError(f"{target.url!r} answered HTTP {response.status} {response.reason}".rstrip())
    media_type, charset = _checked_content_type(target, response, policy)
    body = _read_body(target, response, policy, deadline)
    return FetchedPage(target.url, target.url, media_type, body, charset)


def _redirect_location(target: _Target, response: http.client.HTTPResponse) -> str:
    location = response.getheader("Location")
    if not location:
        raise FetchError(f"{target.url!r} answered a redirect ({response.status}) without a Location")
    return urljoin(target.url, location.strip())


def _checked_content_type(target: _Target, response: http.client.HTTPResponse, policy: FetchPolicy) -> tuple[str, str]:
    header = response.getheader("Content-Type")
    if not header:
        raise FetchError(f"{target.url!r} sent no content type; refused")
    media_type = header.split(";", 1)[0].strip().lower()
    if media_type not in policy.allowed_types:
        expected = ", ".join(sorted(policy.allowed_types))
        raise FetchError(f"{target.url!r} is {media_type!r}, not a text, HTML or feed type ({expected}); refused")
    charset = response.headers.get_content_charset() or ""
    return media_type, charset


def _read_body(target: _Target, response: http.client.HTTPResponse, policy: FetchPolicy, deadline: float) -> bytes:
    declared = response.getheader("Content-Length", "")
    if declared.strip().isdigit() and int(declared) > policy.max_bytes:
        raise FetchError(_too_large(target, policy, f"declares {int(declared):,} bytes"))
    decoder = _body_decoder(target, response)
    chunks: list[bytes] = []
    size = 0
    while True:
        _remaining(target, policy, deadline)
        raw = response.read1(CHUNK_BYTES)  # returns after one read: the deadline is checked often
        if not raw:
            break
        try:
            chunk = decoder.decompress(raw, policy.max_bytes + 1 - size) if decoder else raw
        except zlib.error as err:
            raise FetchError(f"{target.url!r} sent a damaged compressed body ({err})") from err
        size += len(chunk)
        if size > policy.max_bytes or (decoder is not None and decoder.unconsumed_tail):
            raise FetchError(_too_large(target, policy, "is larger"))
        chunks.append(chunk)
    return b"".join(chunks)


def _body_decoder(target: _Target, response: http.client.HTTPResponse) -> Any:
    encoding = (response.getheader("Content-Encoding") or "identity").strip().lower()
    if encoding == "identity":
        return None
    if encoding not in DECODER_WBITS:
        raise FetchError(f"{target.url!r} is encoded as {encoding!r}, which is not read here; refused")
    return zlib.decompressobj(DECODER_WBITS[encoding])


def _too_large(target: _Target, policy: FetchPolicy, what: str) -> str:
    return f"{target.url!r} {what} than the limit of {policy.max_bytes:,} bytes; refused"


def _remaining(target: _Target, policy: FetchPolicy, deadline: float) -> float:
    """Seconds left for the whole fetch; past the deadline, the refusal."""
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        raise FetchError(_too_slow(target, policy))
    return remaining


def _too_slow(target: _Target, policy: FetchPolicy) -> str:
    return f"{target.url!r} took longer than {policy.timeout_s:g} s to fetch; stopped"


def _abort(conn: http.client.HTTPConnection) -> None:
    """Unblock a read stuck past the deadline: shut the socket down from the watchdog thread."""
    sock = conn.sock
    if sock is None:
        return
    try:
        # The plain socket's shutdown, also for TLS sockets: it acts on the descriptor and
        # leaves the TLS object, which the reading thread is using, alone.
        socket.socket.shutdown(sock, socket.SHUT_RDWR)
    except OSError:
        pass  # already closed: nothing left to unblock


def _describe(err: BaseException) -> str:
    return str(err) or type(err).__name__


def _with_url(article: Article, url: str) -> Article:
    return article if article.url else replace(article, url=url)

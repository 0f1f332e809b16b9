"""URL fetching refuses what could reach inside the network, and caps size, time and type.

Every request goes to a local http.server on 127.0.0.1; nothing touches the internet.
"""

from __future__ import annotations

import gzip
import http.server
import socket
import threading
import time
from collections.abc import Iterator
from urllib.parse import parse_qs, urlsplit

import pytest

import geo.read.fetch as fetch
from geo.cli.main import run
from geo.errors import ConflictmapError, FetchError
from geo.read.fetch import FetchPolicy, address_refusal, fetch_article, fetch_url

ARTICLE_HTML = (
    b"<html><head><title>Shelling near Kramatorsk</title></head>"
    b"<body><p>Shelling hit Kramatorsk on Tuesday.</p></body></html>"
)
LOCAL = FetchPolicy(allow_private=True, timeout_s=5.0)

#: A global unicast address standing in for a public web server; the tests that use it
#: route its connections to the local server, so nothing leaves the machine.
PUBLIC_LOOKING = "93.184.215.14"


class _Handler(http.server.BaseHTTPRequestHandler):
    seen_hosts: list[str] = []

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - silence the server log
        pass

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        _Handler.seen_hosts.append(self.headers.get("Host", ""))
        parts = urlsplit(self.path)
        query = {k: v[0] for k, v in parse_qs(parts.query).items()}
        route = ROUTES.get(parts.path)
        if route is None:
            self._send(404, "text/plain", b"no such page")
        else:
            route(self, query)

    def _send(self, status: int, content_type: str | None, body: bytes, **headers: str) -> None:
        self.send_response(status)
        if content_type is not None:
            self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), value)
        self.end_headers()
        self.wfile.write(body)


def _article(h: _Handler, q: dict[str, str]) -> None:
    h._send(200, "text/html; charset=utf-8", ARTICLE_HTML)


def _redirect(h: _Handler, q: dict[str, str]) -> None:
    h._send(int(q.get("status", "302")), "text/plain", b"", Location=q["to"])


def _loop(h: _Handler, q: dict[str, str]) -> None:
    h._send(302, "text/plain", b"", Location="/loop")


def _big(h: _Handler, q: dict[str, str]) -> None:
    h._send(200, "text/plain", b"x" * int(q["n"]))


def _big_unannounced(h: _Handler, q: dict[str, str]) -> None:
    # HTTP/1.0 without Content-Length: the body runs until the server closes.
    h.send_response(200)
    h.send_header("Content-Type", "text/plain")
    h.end_headers()
    for _ in range(int(q["n"]) // 1000):
        h.wfile.write(b"y" * 1000)


def _gzip_bomb(h: _Handler, q: dict[str, str]) -> None:
    h._send(200, "text/plain", gzip.compress(b"\0" * int(q["n"])), Content_Encoding="gzip")


def _gzip_article(h: _Handler, q: dict[str, str]) -> None:
    h._send(200, "text/html", gzip.compress(ARTICLE_HTML), Content_Encoding="gzip")


def _image(h: _Handler, q: dict[str, str]) -> None:
    h._send(200, "image/png", b"\x89PNG\r\n\x1a\n")


def _untyped(h: _Handler, q: dict[str, str]) -> None:
    h._send(200, None, b"what am I")


def _drip(h: _Handler, q: dict[str, str]) -> None:
    h.send_response(200)
    h.send_header("Content-Type", "text/plain")
    h.end_headers()
    try:
        for _ in range(100):
            h.wfile.write(b"z")
            h.wfile.flush()
            time.sleep(0.1)
    except OSError:
        pass  # the client gave up, as it should


FEED = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Frontline Wire</title>
<item><title>Clashes near Aleppo</title><link>https://wire.example/1</link>
<description>Forces fought near Aleppo on Monday.</description></item>
<item><title>Talks in Geneva</title><link>https://wire.example/2</link>
<description>Talks resumed in Geneva.</description></item>
</channel></rss>"""


def _feed(h: _Handler, q: dict[str, str]) -> None:
    h._send(200, "application/rss+xml", FEED)


CYRILLIC = "Обстрел Харькова продолжался всю ночь, сообщили власти."


def _cyrillic(h: _Handler, q: dict[str, str]) -> None:
    h._send(200, "text/plain; charset=windows-1251", CYRILLIC.encode("cp1251"))


def _broken_gzip(h: _Handler, q: dict[str, str]) -> None:
    h._send(200, "text/plain", b"\x1f\x8b\x08\x00 certainly not deflate data", Content_Encoding="gzip")


def _server_error(h: _Handler, q: dict[str, str]) -> None:
    h._send(500, "text/plain", b"oops")


ROUTES = {
    "/article.html": _article,
    "/redirect": _redirect,
    "/loop": _loop,
    "/big": _big,
    "/big-unannounced": _big_unannounced,
    "/gzip-bomb": _gzip_bomb,
    "/gzip-article": _gzip_article,
    "/image": _image,
    "/untyped": _untyped,
    "/drip": _drip,
    "/error": _server_error,
    "/feed.xml": _feed,
    "/cyrillic.txt": _cyrillic,
    "/broken-gzip": _broken_gzip,
}


class _QuietServer(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # a client hanging up on purpose (refusals, time limit) is expected here


@pytest.fixture(scope="session")  # built once however the shuffle interleaves modules
def server() -> Iterator[str]:
    httpd = _QuietServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def _fake_resolver(table: dict[str, str]):
    """A resolver answering from ``table`` (name -> IPv4), counting its calls."""
    calls: list[str] = []

    def resolve(host: str, port: int, *args: object, **kwargs: object) -> list[tuple]:
        calls.append(host)
        if host not in table:
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (table[host], port))]

    resolve.calls = calls  # type: ignore[attr-defined]
    return resolve


@pytest.fixture
def public_route(server: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Connections to PUBLIC_LOOKING land on the local server instead of the internet."""
    real_open = fetch._open_socket
    local_port = int(server.rsplit(":", 1)[1])

    def open_socket(address: fetch._Address, timeout: float) -> socket.socket:
        if address.sockaddr[0] == PUBLIC_LOOKING:
            address = fetch._Address(socket.AF_INET, ("127.0.0.1", local_port))
        return real_open(address, timeout)

    monkeypatch.setattr(fetch, "_open_socket", open_socket)


# ---------------------------------------------------------------------------
# what gets through


def test_local_page_is_fetched_when_private_addresses_are_allowed(server: str) -> None:
    page = fetch_url(f"http://{server}/article.html", policy=LOCAL)
    assert page.body == ARTICLE_HTML
    assert page.content_type == "text/html"
    assert page.charset == "utf-8"
    assert page.final_url == page.url == f"http://{server}/article.html"


def test_gzip_body_is_decoded(server: str) -> None:
    page = fetch_url(f"http://{server}/gzip-article", policy=LOCAL)
    assert page.body == ARTICLE_HTML


def test_redirects_are_followed_and_final_url_reported(server: str) -> None:
    start = f"http://{server}/redirect?to=/article.html&status=301"
    page = fetch_url(start, policy=LOCAL)
    assert page.body == ARTICLE_HTML
    assert page.url == start
    assert page.final_url == f"http://{server}/article.html"


def test_connection_goes_to_the_checked_address_with_the_name_in_the_host_header(server: str) -> None:
    port = server.rsplit(":", 1)[1]
    resolver = _fake_resolver({"news.example.com": "127.0.0.1"})
    _Handler.seen_hosts.clear()
    page = fetch_url(f"http://news.example.com:{port}/article.html", policy=LOCAL, resolver=resolver)
    assert page.body == ARTICLE_HTML
    assert _Handler.seen_hosts == [f"news.example.com:{port}"]
    assert resolver.calls == ["news.example.com"]  # resolved once: no second lookup to rebind


# ---------------------------------------------------------------------------
# addresses


def test_local_server_is_refused_by_default(server: str) -> None:
    with pytest.raises(FetchError, match="loopback"):
        fetch_url(f"http://{server}/article.html")


def test_public_looking_name_resolving_to_loopback_is_refused(server: str) -> None:
    port = server.rsplit(":", 1)[1]
    resolver = _fake_resolver({"news.example.com": "127.0.0.1"})
    _Handler.seen_hosts.clear()
    with pytest.raises(FetchError, match=r"resolves to 127\.0\.0\.1, a loopback address"):
        fetch_url(f"http://news.example.com:{port}/article.html", resolver=resolver)
    assert _Handler.seen_hosts == []  # refused before connecting


def test_name_with_any_internal_answer_is_refused() -> None:
    def resolver(host: str, port: int, *args: object, **kwargs: object) -> list[tuple]:
        return [
            (socket.AF_INET, socket.SOCK_STREAM, 6, "", (PUBLIC_LOOKING, port)),
            (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("10.0.0.7", port)),
        ]

    with pytest.raises(FetchError, match="private"):
        fetch_url("http://news.example.com/", resolver=resolver)


@pytest.mark.parametrize(
    "url",
    [
        "http://localhost:9/",
        "http://2130706433:9/",  # 127.0.0.1 as one integer
        "http://0x7f.1:9/",
        "http://[::1]:9/",
        "http://[::ffff:127.0.0.1]:9/",
        "http://0.0.0.0:9/",
        "http://169.254.169.254/latest/meta-data/",
    ],
)
def test_disguised_local_addresses_are_refused_after_resolution(url: str) -> None:
    with pytest.raises(FetchError, match="address; refused"):
        fetch_url(url)


@pytest.mark.parametrize(
    ("address", "reason"),
    [
        ("127.0.0.1", "loopback"),
        ("10.1.2.3", "private"),
        ("172.16.0.1", "private"),
        ("192.168.1.1", "private"),
        ("169.254.169.254", "link-local"),
        ("0.0.0.0", "unspecified"),
        ("224.0.0.1", "multicast"),
        ("100.64.0.1", "not publicly routable"),
        ("::1", "loopback"),
        ("::", "unspecified"),
        ("fe80::1", "link-local"),
        ("fc00::1", "private"),
        ("ff02::1", "multicast"),
        ("fec0::1", "site-local"),
        ("::ffff:127.0.0.1", "loopback"),
        ("::ffff:169.254.169.254", "link-local"),
        ("2002:7f00:1::", "loopback"),  # 6to4 wrapping 127.0.0.1
        ("64:ff9b::a00:1", "private"),  # NAT64 wrapping 10.0.0.1
    ],
)
def test_internal_addresses_are_named_in_the_refusal(address: str, reason: str) -> None:
    assert address_refusal(address) == reason


@pytest.mark.parametrize("address", [PUBLIC_LOOKING, "8.8.8.8", "2606:4700::1111", "::ffff:8.8.8.8"])
def test_public_addresses_are_not_refused(address: str) -> None:
    assert address_refusal(address) is None


# ---------------------------------------------------------------------------
# redirects


def test_redirect_from_a_public_host_to_loopback_is_refused(server: str, public_route: None) -> None:
    resolver = _fake_resolver({"news.example.com": PUBLIC_LOOKING, "127.0.0.1": "127.0.0.1"})
    url = f"http://news.example.com/redirect?to=http://{server}/article.html"
    with pytest.raises(FetchError, match="loopback address"):
        fetch_url(url, resolver=resolver)
    assert resolver.calls == ["news.example.com", "127.0.0.1"]  # the first hop was let through


def test_redirect_to_a_private_name_is_refused(server: str, public_route: None) -> None:
    resolver = _fake_resolver({"news.example.com": PUBLIC_LOOKING, "intranet.example": "10.0.0.5"})
    url = "http://news.example.com/redirect?to=http://intranet.example/admin&status=307"
    with pytest.raises(FetchError, match=r"10\.0\.0\.5, a private address"):
        fetch_url(url, resolver=resolver)


def test_public_host_fetch_works_through_the_same_checks(server: str, public_route: None) -> None:
    resolver = _fake_resolver({"news.example.com": PUBLIC_LOOKING})
    page = fetch_url("http://news.example.com/article.html", resolver=resolver)
    assert page.body == ARTICLE_HTML


def test_redirect_to_a_file_url_is_refused(server: str) -> None:
    with pytest.raises(FetchError, match="only http and https"):
        fetch_url(f"http://{server}/redirect?to=file:///etc/passwd", policy=LOCAL)


def test_redirect_loop_stops_at_the_limit(server: str) -> None:
    policy = FetchPolicy(allow_private=True, max_redirects=3)
    with pytest.raises(FetchError, match="redirected more than 3 times"):
        fetch_url(f"http://{server}/loop", policy=policy)


# ---------------------------------------------------------------------------
# schemes and malformed URLs


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "ftp://example.org/article.txt",
        "javascript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "gopher://127.0.0.1:25/",
        "example.org/article",
    ],
)
def test_non_http_schemes_are_refused(url: str) -> None:
    with pytest.raises(FetchError, match="only http and https"):
        fetch_url(url, policy=LOCAL)


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("http://", "no host name"),
        ("http://user:secret@example.org/", "user name or password"),
        ("http://example.org:99999/", "not a valid URL"),
        ("http://exa mple.org/", "spaces or control characters"),
        ("http://example.org/\r\nX-Injected: 1", "spaces or control characters"),
    ],
)
def test_malformed_urls_are_refused_with_a_reason(url: str, message: str) -> None:
    with pytest.raises(FetchError, match=message):
        fetch_url(url, policy=LOCAL)


def test_unresolvable_host_is_one_fetch_error() -> None:
    with pytest.raises(FetchError, match="cannot resolve host"):
        fetch_url("http://nowhere.example/", resolver=_fake_resolver({}))


def test_fetch_errors_are_conflictmap_and_os_errors() -> None:
    assert issubclass(FetchError, ConflictmapError) and issubclass(FetchError, OSError)


# ---------------------------------------------------------------------------
# size, type, time, status


def test_body_over_the_declared_limit_is_refused(server: str) -> None:
    policy = FetchPolicy(allow_private=True, max_bytes=1000)
    with pytest.raises(FetchError, match="declares 2,000 bytes"):
        fetch_url(f"http://{server}/big?n=2000", policy=policy)


def test_body_exactly_at_the_limit_is_accepted(server: str) -> None:
    policy = FetchPolicy(allow_private=True, max_bytes=1000)
    assert len(fetch_url(f"http://{server}/big?n=1000", policy=policy).body) == 1000


def test_unannounced_oversize_body_is_cut_off_while_streaming(server: str) -> None:
    policy = FetchPolicy(allow_private=True, max_bytes=50_000)
    with pytest.raises(FetchError, match="larger than the limit of 50,000 bytes"):
        fetch_url(f"http://{server}/big-unannounced?n=2000000", policy=policy)


def test_gzip_bomb_is_stopped_at_the_decoded_limit(server: str) -> None:
    policy = FetchPolicy(allow_private=True, max_bytes=100_000)
    with pytest.raises(FetchError, match="larger than the limit"):
        fetch_url(f"http://{server}/gzip-bomb?n=5000000", policy=policy)


def test_damaged_compressed_body_is_one_fetch_error(server: str) -> None:
    with pytest.raises(FetchError, match="damaged compressed body"):
        fetch_url(f"http://{server}/broken-gzip", policy=LOCAL)


def test_wrong_content_type_is_refused(server: str) -> None:
    with pytest.raises(FetchError, match="'image/png', not a text, HTML or feed type"):
        fetch_url(f"http://{server}/image", policy=LOCAL)


def test_missing_content_type_is_refused(server: str) -> None:
    with pytest.raises(FetchError, match="no content type"):
        fetch_url(f"http://{server}/untyped", policy=LOCAL)


def test_slow_body_is_stopped_at_the_total_time_limit(server: str) -> None:
    policy = FetchPolicy(allow_private=True, timeout_s=0.5)
    started = time.monotonic()
    with pytest.raises(FetchError, match="took longer than 0.5 s"):
        fetch_url(f"http://{server}/drip", policy=policy)
    assert time.monotonic() - started < 2.0


def test_server_error_status_is_reported(server: str) -> None:
    with pytest.raises(FetchError, match="HTTP 500"):
        fetch_url(f"http://{server}/error", policy=LOCAL)


def test_closed_port_is_one_fetch_error() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(FetchError, match="cannot fetch"):
        fetch_url(f"http://127.0.0.1:{port}/", policy=LOCAL)


@pytest.mark.parametrize("kwargs", [{"max_bytes": 0}, {"timeout_s": 0}, {"max_redirects": -1}])
def test_nonsensical_policy_is_rejected(kwargs: dict[str, float]) -> None:
    with pytest.raises(ValueError):
        FetchPolicy(**kwargs)


# ---------------------------------------------------------------------------
# TLS: the certificate is checked against the name, while the socket goes to the address


@pytest.fixture(scope="session")  # built once however the shuffle interleaves modules
def tls_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str, list[str]]]:
    """An HTTPS server on 127.0.0.1 whose self-signed certificate names news.example.com only."""
    import shutil
    import ssl
    import subprocess

    openssl = shutil.which("openssl")
    if openssl is None:
        pytest.skip("openssl is not installed, no certificate can be made")
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        [
            openssl,
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "1",
            "-keyout",
            str(key),
            "-out",
            str(cert),
            "-subj",
            "/CN=news.example.com",
            "-addext",
            "subjectAltName=DNS:news.example.com",
        ],
        check=True,
        capture_output=True,
    )
    server_names: list[str] = []
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    context.sni_callback = lambda _sock, name, _ctx: server_names.append(name)
    httpd = _QuietServer(("127.0.0.1", 0), _Handler)
    httpd.socket = context.wrap_socket(httpd.socket, server_side=True)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield str(httpd.server_address[1]), str(cert), server_names
    httpd.shutdown()
    httpd.server_close()


def test_untrusted_certificate_is_refused(tls_server: tuple[str, str, list[str]]) -> None:
    port, _cert, _names = tls_server
    resolver = _fake_resolver({"news.example.com": "127.0.0.1"})
    with pytest.raises(FetchError, match="certificate verify failed"):
        fetch_url(f"https://news.example.com:{port}/article.html", policy=LOCAL, resolver=resolver)


def test_tls_uses_the_name_for_sni_and_certificate_check(
    tls_server: tuple[str, str, list[str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    import ssl

    port, cert, server_names = tls_server
    monkeypatch.setattr(fetch, "_tls_context", lambda: ssl.create_default_context(cafile=cert))
    resolver = _fake_resolver({"news.example.com": "127.0.0.1", "other.example.com": "127.0.0.1"})
    server_names.clear()
    page = fetch_url(f"https://news.example.com:{port}/article.html", policy=LOCAL, resolver=resolver)
    assert page.body == ARTICLE_HTML
    assert server_names == ["news.example.com"]
    # Same address, a name the certificate does not carry: refused.
    with pytest.raises(FetchError, match="certificate verify failed"):
        fetch_url(f"https://other.example.com:{port}/article.html", policy=LOCAL, resolver=resolver)


# ---------------------------------------------------------------------------
# articles, and the command line


def test_fetched_page_becomes_an_article_carrying_its_final_url(server: str) -> None:
    (article,) = fetch_article(f"http://{server}/redirect?to=/article.html", allow_private=True)
    assert article.title == "Shelling near Kramatorsk"
    assert "Shelling hit Kramatorsk on Tuesday." in article.text
    assert article.url == f"http://{server}/article.html"


def test_fetched_feed_gives_one_article_per_entry_with_its_own_link(server: str) -> None:
    articles = fetch_article(f"http://{server}/feed.xml", allow_private=True)
    assert [(a.title, a.url, a.source) for a in articles] == [
        ("Clashes near Aleppo", "https://wire.example/1", "Frontline Wire"),
        ("Talks in Geneva", "https://wire.example/2", "Frontline Wire"),
    ]


def test_fetch_article_refuses_the_local_network_by_default(server: str) -> None:
    with pytest.raises(FetchError, match="loopback"):
        fetch_article(f"http://{server}/article.html")


def test_ingest_command_fetches_a_local_url_only_with_allow_private(
    server: str, tmp_path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
) -> None:
    from geo.store.store import EventStore

    monkeypatch.setenv("CONFLICTMAP_PIPELINE", "fake")
    db = tmp_path / "events.sqlite"
    url = f"http://{server}/feed.xml"
    assert run(["ingest", url, "--db", str(db), "--workers", "1"]) == 1
    assert "loopback address; refused" in capsys.readouterr().err
    assert run(["ingest", url, "--db", str(db), "--workers", "1", "--allow-private"]) == 0
    with EventStore.open(db, readonly=True) as store:
        assert store.article_count() == 2
        assert {e.place for e in store.query()} == {"Aleppo", "Geneva"}


def test_charset_named_only_by_the_server_decodes_the_article(server: str) -> None:
    (article,) = fetch_article(f"http://{server}/cyrillic.txt", allow_private=True)
    assert CYRILLIC in article.title + " " + article.text

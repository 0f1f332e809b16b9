"""What the safety checks cost: checked uploads and fetches against the plain library calls.

* Uploads: a zip of many small articles unpacked by ``geo.read.uploads.unpack_upload`` (names,
  sizes and ratios checked while reading in chunks) against reading every member with
  ``zipfile`` directly; and how long a zip bomb takes to be refused.
* Fetching: one page from a local server through ``geo.read.fetch.fetch_url`` (resolved once,
  checked, pinned connection, streamed with caps) against ``urllib.request.urlopen``.

Baselines are measured in the same run; ratios are checked / plain.

    python3 bench/bench_hardening.py [--files 500] [--page-kb 2000] [--repeat 5]
"""

from __future__ import annotations

import argparse
import http.server
import io
import sys
import threading
import time
import urllib.request
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from timing import best_of  # noqa: E402

from geo.read.fetch import FetchPolicy, fetch_url  # noqa: E402
from geo.read.uploads import UploadPolicy, unpack_upload  # noqa: E402

ARTICLE = (
    "Shelling hit the northern districts of Kharkiv overnight, the regional governor said. "
    "Talks on a local ceasefire resumed in Geneva on Thursday.\n"
)


def article_zip(files: int) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for n in range(files):
            archive.writestr(f"articles/{n:04d}.txt", f"Report {n}. " + ARTICLE * 40)
    return buffer.getvalue()


def zip_bomb(megabytes: int) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        with archive.open("report.txt", "w", force_zip64=True) as member:
            zeros = bytes(1_000_000)
            for _ in range(megabytes):
                member.write(zeros)
    return buffer.getvalue()


def plain_unzip(data: bytes) -> int:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return sum(len(archive.read(info)) for info in archive.infolist())


def bench_uploads(files: int, repeat: int) -> None:
    data = article_zip(files)
    unpacked = sum(len(f.data) for f in unpack_upload("news.zip", data, policy=UploadPolicy(max_files=files)))
    checked = best_of(repeat, lambda: unpack_upload("news.zip", data, policy=UploadPolicy(max_files=files)))
    plain = best_of(repeat, lambda: plain_unzip(data))
    print(f"upload: {files} files, {len(data) / 1e6:.1f} MB packed, {unpacked / 1e6:.1f} MB unpacked")
    print(f"  zipfile read:      {plain * 1000:8.1f} ms")
    print(f"  unpack_upload:     {checked * 1000:8.1f} ms   ratio {checked / plain:.2f}")
    bomb = zip_bomb(200)
    started = time.perf_counter()
    try:
        unpack_upload("bomb.zip", bomb)
    except ValueError as err:
        refused = time.perf_counter() - started
        print(f"  zip bomb, 200 MB of zeros in {len(bomb) / 1e3:.0f} kB: refused in {refused * 1000:.1f} ms ({err})")


class _Page(http.server.BaseHTTPRequestHandler):
    body = b""

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass

    def do_GET(self) -> None:  # noqa: N802
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(self.body)))
        self.end_headers()
        self.wfile.write(self.body)


def bench_fetch(page_kb: int, repeat: int) -> None:
    _Page.body = (
        b"<html><body>" + b"<p>" + ARTICLE.encode() * (page_kb * 1024 // len(ARTICLE)) + b"</p>" + b"</body></html>"
    )
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Page)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/page.html"
    policy = FetchPolicy(allow_private=True)
    try:
        checked = best_of(repeat, lambda: fetch_url(url, policy=policy))
        plain = best_of(repeat, lambda: urllib.request.urlopen(url, timeout=20).read())
    finally:
        server.shutdown()
        server.server_close()
    print(f"fetch: one {len(_Page.body) / 1e6:.1f} MB page from a local server")
    print(f"  urllib.request:    {plain * 1000:8.1f} ms")
    print(f"  fetch_url:         {checked * 1000:8.1f} ms   ratio {checked / plain:.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--files", type=int, default=500)
    parser.add_argument("--page-kb", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    bench_uploads(args.files, args.repeat)
    bench_fetch(args.page_kb, args.repeat)


if __name__ == "__main__":
    main()

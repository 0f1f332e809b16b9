"""Watching feeds: a local feed server on 127.0.0.1 whose feed changes between polls,
fails and comes back; every new item is stored once, none twice, a restart resumes."""

from __future__ import annotations

import http.server
import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pytest
from fake_pipeline import FakePipeline, load_fake_pipeline

from geo.errors import InputError
from geo.read.feeds import FeedItem, feed_items
from geo.records import Article
from geo.store.store import EventStore
from geo.store.watching import (
    PollReport,
    SeenSet,
    WatchOptions,
    backoff_delay,
    content_key,
    format_duration,
    parse_duration,
    watch,
)

REPO = Path(__file__).resolve().parents[1]

# ---------------------------------------------------------------------------
# a feed site whose answers change from one request to the next


@dataclass
class Answer:
    status: int = 200
    content_type: str = "application/rss+xml"
    body: str = ""
    hang_s: float = 0.0  # wait this long before answering (past the fetch's time limit)


@dataclass
class Site:
    """Each path answers from its script, one answer per request; the last one repeats."""

    scripts: dict[str, list[Answer]] = field(default_factory=dict)
    requests: dict[str, int] = field(default_factory=dict)

    def answer(self, path: str) -> Answer:
        count = self.requests.get(path, 0)
        self.requests[path] = count + 1
        script = self.scripts.get(path)
        if not script:
            return Answer(404, "text/plain", "not here")
        return script[min(count, len(script) - 1)]


class _Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        answer = self.server.site.answer(self.path)  # type: ignore[attr-defined]
        if answer.hang_s:
            time.sleep(answer.hang_s)
        body = answer.body.encode("utf-8")
        self.send_response(answer.status)
        self.send_header("Content-Type", f"{answer.content_type}; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


class _QuietServer(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # the fetcher hanging up on a slow answer is expected


@pytest.fixture
def site() -> Iterator[tuple[Site, str]]:
    httpd = _QuietServer(("127.0.0.1", 0), _Handler)
    httpd.site = Site()  # type: ignore[attr-defined]
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd.site, f"http://127.0.0.1:{httpd.server_address[1]}"  # type: ignore[attr-defined]
    httpd.shutdown()
    httpd.server_close()


def rss(*items: tuple[str, str, str]) -> Answer:
    """An RSS 2.0 feed of (link, title, description) items."""
    entries = "".join(
        f"<item><title>{title}</title><link>{link}</link><description>{text}</description>"
        "<pubDate>Mon, 04 Apr 2016 09:00:00 GMT</pubDate></item>"
        for link, title, text in items
    )
    return Answer(
        body=f'<?xml version="1.0"?><rss version="2.0"><channel><title>Front Wire</title>{entries}</channel></rss>'
    )


def long_text(sentence: str) -> str:
    """A feed entry long enough to be read as the article itself."""
    return " ".join([sentence] + [f"Residents described the night, account {n}." for n in range(40)])


STRIKE_ALEPPO = long_text("An air strike hit Aleppo overnight.")
SHELLING_RAQQA = long_text("Artillery shelled Raqqa on Sunday.")
CLASH_PALMYRA = long_text("Government troops fought rebels near Palmyra.")
AID_DAMASCUS = long_text("An aid convoy reached Damascus on Monday.")

TEASER_PAGE = (
    "<html><head><title>Talks in Geneva</title></head><body><article><h1>Talks in Geneva</h1>"
    "<p>Delegations met for talks in Geneva on Monday to discuss a ceasefire across the north.</p>"
    "<p>The envoy said the talks would continue through the week with both sides present.</p>"
    "</article></body></html>"
)


def options(**changes: object) -> WatchOptions:
    settings: dict[str, object] = {
        "pipeline_factory": load_fake_pipeline,
        "every_s": 0.05,
        "max_backoff_s": 0.2,
        "allow_private": True,
        "timeout_s": 1.0,
    }
    settings.update(changes)
    return WatchOptions(**settings)  # type: ignore[arg-type]


def stored_urls(db: Path) -> list[str]:
    with EventStore.open(db, readonly=True) as store:
        return sorted(e.url for e in store.query())


def article_count(db: Path) -> int:
    with EventStore.open(db, readonly=True) as store:
        return store.article_count()


# ---------------------------------------------------------------------------
# durations and backoff


@pytest.mark.parametrize(("text", "seconds"), [("15m", 900), ("30s", 30), ("1h", 3600), ("1h30m", 5400), ("2", 2)])
def test_durations_read_as_a_person_writes_them(text: str, seconds: float) -> None:
    assert parse_duration(text) == seconds


@pytest.mark.parametrize("text", ["", "0s", "-5m", "m", "15 minutes", "1h 30x", "inf"])
def test_durations_that_say_no_time_are_refused(text: str) -> None:
    with pytest.raises(InputError, match="duration"):
        parse_duration(text)


def test_durations_print_back_in_the_same_words() -> None:
    assert [format_duration(s) for s in (900, 5400, 3600, 0.5, 45)] == ["15m", "1h30m", "1h", "0.5s", "45s"]


def test_a_failing_source_waits_twice_as_long_each_time_up_to_the_cap() -> None:
    delays = [backoff_delay(60, failures, 600) for failures in range(6)]
    assert delays == [60, 120, 240, 480, 600, 600]
    # an interval longer than the cap is never shortened by a failure
    assert backoff_delay(7200, 3, 600) == 7200


# ---------------------------------------------------------------------------
# reading feeds


def test_rss_atom_json_feed_and_link_lists_give_their_items() -> None:
    atom = (
        b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Desk</title>'
        b'<entry><title>Clash</title><link href="/a/1"/><updated>2016-04-04T10:00:00Z</updated>'
        b"<summary>Fighting in Palmyra.</summary></entry></feed>"
    )
    assert feed_items(atom, content_type="application/atom+xml", base_url="http://news.example/feed") == (
        FeedItem("http://news.example/a/1", "Clash", "Fighting in Palmyra.", date(2016, 4, 4), "Desk"),
    )
    jsonfeed = json.dumps(
        {
            "version": "https://jsonfeed.org/version/1.1",
            "title": "Desk",
            "items": [{"id": "1", "url": "https://news.example/b", "content_html": "<p>Aid reached Aleppo.</p>"}],
        }
    ).encode()
    (item,) = feed_items(jsonfeed, content_type="application/feed+json") or ()
    assert (item.url, item.text, item.source) == ("https://news.example/b", "Aid reached Aleppo.", "Desk")
    links = b"# today's stories\nhttps://news.example/c\n\nhttps://news.example/d\nhttps://news.example/c\n"
    assert [i.url for i in feed_items(links, content_type="text/plain") or ()] == [
        "https://news.example/c",
        "https://news.example/d",
    ]


def test_an_ordinary_page_or_text_is_no_feed() -> None:
    assert feed_items(TEASER_PAGE.encode(), content_type="text/html") is None
    assert feed_items(b"Shelling hit Raqqa overnight.", content_type="text/plain") is None
    assert feed_items(b'{"text": "not a feed"}', content_type="application/json") is None


# ---------------------------------------------------------------------------
# the watch against a local feed server


def test_every_new_item_is_stored_once_through_changes_failures_and_recovery(
    site: tuple[Site, str], tmp_path: Path
) -> None:
    server, base = site
    first = rss((f"{base}/a/strike", "Strike", STRIKE_ALEPPO), (f"{base}/a/talks", "Talks", "Talks opened."))
    second = rss(
        (f"{base}/a/shelling", "Shelling", SHELLING_RAQQA),
        (f"{base}/a/strike", "Strike", STRIKE_ALEPPO),
        (f"{base}/a/talks", "Talks", "Talks opened."),
    )
    returned = rss(
        (f"{base}/a/clash", "Clash", CLASH_PALMYRA),
        # the same story as the strike under another link (a tracking parameter): seen by its text
        (f"{base}/a/strike?utm=feed", "Strike", STRIKE_ALEPPO),
        (f"{base}/a/shelling", "Shelling", SHELLING_RAQQA),
    )
    server.scripts["/feed"] = [
        first,
        second,
        Answer(500, "text/plain", "server error"),
        Answer(hang_s=3.0),  # past the fetch's time limit
        returned,
    ]
    server.scripts["/a/talks"] = [Answer(content_type="text/html", body=TEASER_PAGE)]
    db = tmp_path / "events.sqlite"
    polls: list[PollReport] = []
    problems: list[str] = []
    with EventStore.open(db) as store:
        summary = watch(
            [f"{base}/feed"],
            store,
            options(),
            polls=6,
            on_poll=polls.append,
            on_problem=lambda p: problems.append(str(p)),
        )
    assert [(p.new, p.seen, p.failed) for p in polls] == [
        (2, 0, 0),
        (1, 2, 0),
        (0, 0, 1),
        (0, 0, 1),
        (1, 2, 0),
        (0, 3, 0),
    ]
    assert summary.new == 4 and summary.failed == 2 and not summary.interrupted
    assert article_count(db) == 4
    urls = stored_urls(db)
    assert sorted(set(urls)) == [f"{base}/a/{name}" for name in ("clash", "shelling", "strike", "talks")]
    assert any("HTTP 500" in p for p in problems) and any("longer than" in p for p in problems)
    # the teaser's page was read once, when its item was new
    assert server.requests["/a/talks"] == 1


def test_a_restarted_watch_resumes_without_storing_or_fetching_again(site: tuple[Site, str], tmp_path: Path) -> None:
    server, base = site
    server.scripts["/feed"] = [
        rss((f"{base}/a/strike", "Strike", STRIKE_ALEPPO), (f"{base}/a/talks", "Talks", "Talks opened."))
    ]
    server.scripts["/a/talks"] = [Answer(content_type="text/html", body=TEASER_PAGE)]
    db = tmp_path / "events.sqlite"
    with EventStore.open(db) as store:
        assert watch([f"{base}/feed"], store, options(), polls=1).new == 2
    server.scripts["/feed"].append(
        rss(
            (f"{base}/a/aid", "Aid", AID_DAMASCUS),
            (f"{base}/a/strike", "Strike", STRIKE_ALEPPO),
            (f"{base}/a/talks", "Talks", "Talks opened."),
        )
    )
    with EventStore.open(db) as store:
        again = watch([f"{base}/feed"], store, options(), polls=1)
    assert (again.new, again.seen, again.failed) == (1, 2, 0)
    assert article_count(db) == 3
    assert server.requests["/a/talks"] == 1


def test_an_article_stored_but_not_yet_marked_is_skipped_after_a_restart(
    site: tuple[Site, str], tmp_path: Path
) -> None:
    server, base = site
    server.scripts["/feed"] = [rss((f"{base}/a/strike", "Strike", STRIKE_ALEPPO))]
    db = tmp_path / "events.sqlite"
    with EventStore.open(db) as store:
        assert watch([f"{base}/feed"], store, options(), polls=1).new == 1
    # as if the watch had stopped between storing the article and marking it seen
    import sqlite3

    with sqlite3.connect(db) as conn:
        conn.execute("DELETE FROM watch_seen")
    with EventStore.open(db) as store:
        again = watch([f"{base}/feed"], store, options(), polls=1)
    assert (again.new, again.seen) == (0, 1)
    assert article_count(db) == 1


def test_ctrl_c_during_an_article_rolls_it_back_and_a_restart_stores_it_once(
    site: tuple[Site, str], tmp_path: Path
) -> None:
    server, base = site
    server.scripts["/feed"] = [
        rss((f"{base}/a/strike", "Strike", STRIKE_ALEPPO), (f"{base}/a/shelling", "Shelling", SHELLING_RAQQA))
    ]

    class InterruptedPipeline(FakePipeline):
        def events(self, article: Article, **kwargs: object):  # type: ignore[override]
            if "Raqqa" in article.text:
                raise KeyboardInterrupt
            return super().events(article, **kwargs)  # type: ignore[arg-type]

    db = tmp_path / "events.sqlite"
    with EventStore.open(db) as store:
        stopped = watch([f"{base}/feed"], store, options(pipeline_factory=lambda _g: InterruptedPipeline()))
    assert stopped.interrupted and stopped.new == 1
    assert article_count(db) == 1
    with EventStore.open(db) as store:
        resumed = watch([f"{base}/feed"], store, options(), polls=1)
    assert (resumed.new, resumed.seen) == (1, 1)
    assert article_count(db) == 2


def test_a_failing_source_is_tried_less_often_while_the_others_keep_their_rhythm(
    site: tuple[Site, str], tmp_path: Path
) -> None:
    server, base = site
    server.scripts["/feed"] = [rss((f"{base}/a/strike", "Strike", STRIKE_ALEPPO))]
    server.scripts["/down"] = [Answer(503, "text/plain", "down")]
    with EventStore.open(tmp_path / "events.sqlite") as store:
        summary = watch([f"{base}/feed", f"{base}/down"], store, options(every_s=0.02, max_backoff_s=0.16), polls=12)
    assert summary.new == 1
    assert server.requests["/feed"] >= 8
    assert 2 <= server.requests["/down"] <= server.requests["/feed"] // 2


def test_a_dead_link_gives_way_to_the_feeds_own_text_after_a_few_polls(site: tuple[Site, str], tmp_path: Path) -> None:
    server, base = site
    server.scripts["/feed"] = [
        rss(
            (f"{base}/a/gone", "Shelling", "Artillery shelled Raqqa on Sunday."),
            (f"{base}/a/nothing", "", ""),
        )
    ]
    polls: list[PollReport] = []
    problems: list[str] = []
    db = tmp_path / "events.sqlite"
    with EventStore.open(db) as store:
        watch(
            [f"{base}/feed"],
            store,
            options(),
            polls=4,
            on_poll=polls.append,
            on_problem=lambda p: problems.append(str(p)),
        )
    # two polls of failures for both links, then the teaser is stored and the empty item given up
    assert [(p.new, p.seen, p.failed) for p in polls] == [(0, 0, 2), (0, 0, 2), (1, 0, 2), (0, 2, 0)]
    assert server.requests["/a/gone"] == 3
    assert stored_urls(db) == [f"{base}/a/gone"]
    assert any("own text is stored instead" in p for p in problems) and any("given up" in p for p in problems)


def test_a_page_is_stored_again_only_when_its_text_changes(site: tuple[Site, str], tmp_path: Path) -> None:
    server, base = site
    updated = TEASER_PAGE.replace("through the week", "until Friday")
    server.scripts["/live"] = [Answer(content_type="text/html", body=TEASER_PAGE)] * 2 + [
        Answer(content_type="text/html", body=updated)
    ]
    polls: list[PollReport] = []
    db = tmp_path / "events.sqlite"
    with EventStore.open(db) as store:
        watch([f"{base}/live"], store, options(), polls=3, on_poll=polls.append)
    assert [(p.new, p.seen) for p in polls] == [(1, 0), (0, 1), (1, 0)]
    assert article_count(db) == 2


def test_a_list_of_links_and_a_json_feed_are_followed(site: tuple[Site, str], tmp_path: Path) -> None:
    server, base = site
    server.scripts["/links.txt"] = [Answer(content_type="text/plain", body=f"# desk\n{base}/a/talks\n")]
    server.scripts["/a/talks"] = [Answer(content_type="text/html", body=TEASER_PAGE)]
    jsonfeed = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": "River Desk",
        "items": [{"id": "s", "url": f"{base}/a/shelling", "content_text": SHELLING_RAQQA}],
    }
    server.scripts["/feed.json"] = [Answer(content_type="application/feed+json", body=json.dumps(jsonfeed))]
    db = tmp_path / "events.sqlite"
    with EventStore.open(db) as store:
        summary = watch([f"{base}/links.txt", f"{base}/feed.json"], store, options(), polls=2)
    assert (summary.new, summary.seen, summary.failed) == (2, 2, 0)
    assert sorted(set(stored_urls(db))) == [f"{base}/a/shelling", f"{base}/a/talks"]
    with EventStore.open(db, readonly=True) as store:
        assert {e.source for e in store.query()} == {"River Desk", ""}


def test_local_addresses_are_refused_unless_allowed(site: tuple[Site, str], tmp_path: Path) -> None:
    server, base = site
    server.scripts["/feed"] = [rss((f"{base}/a/strike", "Strike", STRIKE_ALEPPO))]
    problems: list[str] = []
    with EventStore.open(tmp_path / "events.sqlite") as store:
        summary = watch(
            [f"{base}/feed"],
            store,
            options(allow_private=False),
            polls=1,
            on_problem=lambda p: problems.append(str(p)),
        )
    assert (summary.new, summary.failed) == (0, 1)
    assert "loopback" in problems[0]
    assert "/feed" not in server.requests


def test_the_seen_set_lives_in_the_stores_file(tmp_path: Path) -> None:
    db = tmp_path / "events.sqlite"
    with EventStore.open(db):
        pass
    with SeenSet.open(db) as seen:
        seen.add(["url:https://news.example/a", content_key("Shelling  hit\nRaqqa.")])
    with SeenSet.open(db) as seen:
        assert seen.has("url:https://news.example/a")
        assert seen.has(content_key("Shelling hit Raqqa."))
        assert len(seen) == 2
    with EventStore.open(db, readonly=True) as store:
        assert store.article_count() == 0  # the store still opens as itself


# ---------------------------------------------------------------------------
# the command


def _command_env(tmp_path: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(REPO), str(REPO / "tests")])
    env["CONFLICTMAP_PIPELINE"] = "fake"
    env["CONFLICTMAP_DB"] = str(tmp_path / "events.sqlite")
    return env


def test_a_duration_the_command_cannot_read_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    from geo.cli.main import run

    with pytest.raises(SystemExit) as stopped:
        run(["watch", "https://news.example/feed", "--every", "15 minutes"])
    assert stopped.value.code == 2
    assert "expected a duration such as 30s, 15m" in capsys.readouterr().err


def test_watch_once_logs_one_line_and_a_summary(site: tuple[Site, str], tmp_path: Path) -> None:
    server, base = site
    server.scripts["/feed"] = [rss((f"{base}/a/strike", "Strike", STRIKE_ALEPPO))]
    done = subprocess.run(
        [sys.executable, "-m", "geo.cli", "watch", f"{base}/feed", "--once", "--allow-private"],
        env=_command_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert len(lines) == 2
    assert "poll 1 (1 source): 1 new" in lines[0] and "0 seen, 0 failed" in lines[0]
    assert lines[1].startswith("watch done after 1 poll: 1 new articles")


def _ctrl_c_as_at_a_terminal() -> None:
    """In the child before it runs: SIGINT as a shell's foreground command gets it. Ignored or
    blocked signals are inherited through exec, and a test process that has run many others
    (thread pools, browsers, spawned workers) may hold SIGINT so; Python then installs no
    KeyboardInterrupt handler and the command would never see the Ctrl-C under test."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


def test_ctrl_c_stops_the_command_cleanly_with_a_summary(site: tuple[Site, str], tmp_path: Path) -> None:
    server, base = site
    server.scripts["/feed"] = [rss((f"{base}/a/strike", "Strike", STRIKE_ALEPPO))]
    process = subprocess.Popen(
        [sys.executable, "-m", "geo.cli", "watch", f"{base}/feed", "--every", "30s", "--allow-private"],
        env=_command_env(tmp_path),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=_ctrl_c_as_at_a_terminal,
    )
    try:
        assert process.stdout is not None
        first = process.stdout.readline()  # the first poll's line: the watch is waiting now
        assert "poll 1" in first and "1 new" in first
        process.send_signal(signal.SIGINT)
        rest, errors = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 0, errors
    assert "watch stopped after 1 poll: 1 new articles" in rest
    assert article_count(tmp_path / "events.sqlite") == 1

"""Real processes against one store and one gazetteer cache: concurrent ingests with a
reader, and ``kill -9`` in the middle of an ingest or a gazetteer build.

The ingests use the suite's stand-in pipeline (``fake_pipeline``, selected through
``$CONFLICTMAP_PIPELINE``) so that the processes spend their time in reading, batching
and writing, which is what these tests are about.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest
from fake_pipeline import PLACES, FakePipeline

from geo.records import Article

TESTS = Path(__file__).resolve().parent
REPO = TESTS.parent

pytestmark = pytest.mark.slow


def brief(n: int) -> dict[str, str]:
    names = list(PLACES)
    a, b = names[n % len(names)], names[(5 * n + 2) % len(names)]
    return {
        "title": f"Report {n}",
        "published": "2016-04-02",
        "text": f"Report {n}. Forces fought near {a} at dawn. Aid reached {b} by night.",
    }


def write_corpus(path: Path, numbers: range) -> Path:
    path.write_text("".join(json.dumps(brief(n)) + "\n" for n in numbers), encoding="utf-8")
    return path


def expected_events(numbers: set[int]) -> int:
    pipeline = FakePipeline()
    return sum(len(pipeline.events(Article(**{**brief(n), "published": date(2016, 4, 2)}))) for n in numbers)


def environment(pipeline: str = "slow", **extra: str) -> dict[str, str]:
    path = os.pathsep.join(filter(None, [str(TESTS), str(REPO), os.environ.get("PYTHONPATH", "")]))
    return {**os.environ, "CONFLICTMAP_PIPELINE": pipeline, "PYTHONPATH": path, **extra}


def ingest_command(corpus: Path, db: Path) -> list[str]:
    return [sys.executable, "-m", "geo.cli.main", "ingest", str(corpus), "--db", str(db), "--workers", "1"]


def store_state(db: Path) -> dict[str, object]:
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        (integrity,) = conn.execute("PRAGMA integrity_check").fetchone()
        articles, distinct_articles = conn.execute(
            "SELECT count(*), count(DISTINCT article_id) FROM articles"
        ).fetchone()
        events, distinct_events = conn.execute("SELECT count(*), count(DISTINCT event_id) FROM events").fetchone()
        orphans = conn.execute(
            "SELECT count(*) FROM events WHERE origin = 'conflictmap' "
            "AND article_id NOT IN (SELECT article_id FROM articles)"
        ).fetchone()[0]
        titles = {row[0] for row in conn.execute("SELECT title FROM articles")}
    return {
        "integrity": integrity,
        "articles": articles,
        "distinct_articles": distinct_articles,
        "events": events,
        "distinct_events": distinct_events,
        "orphans": orphans,
        "titles": titles,
    }


# ---------------------------------------------------------------------------
# two writers and a reader


#: The third process: reads the store through the library while the writers run, and
#: checks every snapshot (no event without its article, counts never go down).
READER = r"""
import json, sys, time
from geo.errors import StoreError
from geo.store.store import EventStore

db, stop = sys.argv[1], sys.argv[2]
snapshots, problems, last = 0, [], (0, 0)
deadline = time.monotonic() + 120
store = None
while store is None and time.monotonic() < deadline:
    try:
        store = EventStore.open(db, readonly=True)
    except StoreError:  # not created, or its schema not yet written, by the writers
        time.sleep(0.02)
while time.monotonic() < deadline:
    finished = __import__("os").path.exists(stop)
    try:
        events = store.query()
        articles = store.article_count()
        ids = {e.article_id for e in events}
        if len(ids) > articles or store.has_articles(ids) != ids:
            problems.append(f"events of {len(ids - store.has_articles(ids))} unstored articles")
        if (articles, len(events)) < last:
            problems.append(f"counts went down: {last} -> {(articles, len(events))}")
        last = (articles, len(events))
        snapshots += 1
    except Exception as err:
        problems.append(f"{type(err).__name__}: {err}")
    if finished:
        break
    time.sleep(0.01)
print(json.dumps({"snapshots": snapshots, "problems": problems[:5], "last": last}))
"""


def test_two_ingests_and_a_reader_at_once_lose_and_duplicate_nothing(tmp_path: Path) -> None:
    db = tmp_path / "events.sqlite"
    first = write_corpus(tmp_path / "first.jsonl", range(0, 300))
    second = write_corpus(tmp_path / "second.jsonl", range(150, 450))  # 150 articles in both
    stop = tmp_path / "writers-done"
    env = environment()
    reader = subprocess.Popen(
        [sys.executable, "-c", READER, str(db), str(stop)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    writers = [
        subprocess.Popen(ingest_command(corpus, db), env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for corpus in (first, second)
    ]
    outputs = [w.communicate(timeout=300) for w in writers]
    stop.touch()
    read_out, read_err = reader.communicate(timeout=120)

    for writer, (_out, err) in zip(writers, outputs):
        assert writer.returncode == 0, err
    seen = json.loads(read_out)
    assert seen["problems"] == [], seen
    assert seen["snapshots"] > 5  # the reader really read while the writers wrote
    news = [int(out.split(" new,")[0].rsplit(" ", 1)[1]) for out, _ in outputs]
    assert sum(news) == 450  # each shared article was added by exactly one of them
    state = store_state(db)
    assert state["integrity"] == "ok"
    assert state["articles"] == state["distinct_articles"] == 450
    assert state["titles"] == {f"Report {n}" for n in range(450)}
    assert state["events"] == state["distinct_events"] == expected_events(set(range(450)))
    assert state["orphans"] == 0
    assert tuple(seen["last"]) == (450, state["events"])


# ---------------------------------------------------------------------------
# kill -9 during an ingest


def wait_for_rows(db: Path, table: str, at_least: int, process: subprocess.Popen, timeout: float = 120) -> int:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and process.poll() is None:
        if db.exists():
            try:
                with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
                    (count,) = conn.execute(f"SELECT count(*) FROM {table}").fetchone()
            except sqlite3.OperationalError:  # the schema is not written yet
                count = 0
            if count >= at_least:
                return count
        time.sleep(0.02)
    return -1


def test_kill_during_two_concurrent_ingests_then_rerun_completes_everything(tmp_path: Path) -> None:
    db = tmp_path / "events.sqlite"
    first = write_corpus(tmp_path / "first.jsonl", range(0, 800))
    second = write_corpus(tmp_path / "second.jsonl", range(400, 1200))
    env = environment()
    victim = subprocess.Popen(ingest_command(first, db), env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    survivor = subprocess.Popen(
        ingest_command(second, db), env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    assert wait_for_rows(db, "articles", 300, victim) >= 300, "the ingest ended before it could be killed"
    victim.send_signal(signal.SIGKILL)  # mid-transaction, most likely: batches are written all the time
    victim.wait(timeout=30)
    out, err = survivor.communicate(timeout=300)
    assert survivor.returncode == 0, err
    assert victim.returncode == -signal.SIGKILL

    half_done = store_state(db)
    assert half_done["integrity"] == "ok" and half_done["orphans"] == 0
    assert half_done["articles"] == half_done["distinct_articles"] < 1200

    rerun = subprocess.run(ingest_command(first, db), env=env, capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    final = store_state(db)
    assert final["integrity"] == "ok"
    assert final["articles"] == final["distinct_articles"] == 1200
    assert final["events"] == final["distinct_events"] == expected_events(set(range(1200)))
    assert final["orphans"] == 0


# kill -9 of an ingest with worker processes: its workers and the resource tracker end too

#: An environment variable only the processes of one test carry (children inherit it).
TAG_VARIABLE = "CONFLICTMAP_TEST_PROCESS_TAG"


def tagged_processes(tag: str) -> dict[int, str]:
    """pid -> command line of every live (not zombie) process whose environment holds ``tag``."""
    wanted = f"{TAG_VARIABLE}={tag}".encode()
    found: dict[int, str] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            if wanted not in (entry / "environ").read_bytes().split(b"\0"):
                continue
            state = (entry / "stat").read_text().rpartition(")")[2].split()[0]
            command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:  # ended meanwhile, or not ours to read
            continue
        if state != "Z":
            found[int(entry.name)] = command
    return found


@pytest.mark.skipif(not Path("/proc/self/environ").exists(), reason="lists processes through /proc")
def test_kill_9_of_an_ingest_with_workers_leaves_no_process_behind(tmp_path: Path) -> None:
    db = tmp_path / "events.sqlite"
    corpus = write_corpus(tmp_path / "corpus.jsonl", range(4000))  # some 8 s of work for two workers
    tag = f"{os.getpid()}-{time.monotonic_ns()}"
    command = [sys.executable, "-m", "geo.cli.main", "ingest", str(corpus), "--db", str(db), "--workers", "2"]
    with open(tmp_path / "stderr.txt", "wb") as stderr:
        parent = subprocess.Popen(
            command, env=environment(**{TAG_VARIABLE: tag}), stdout=subprocess.DEVNULL, stderr=stderr
        )
        try:
            assert wait_for_rows(db, "articles", 200, parent) >= 200, "the ingest ended before it could be killed"
            children = set(tagged_processes(tag)) - {parent.pid}
            assert len(children) >= 3, tagged_processes(tag)  # two workers and the resource tracker
        finally:
            parent.send_signal(signal.SIGKILL)
            parent.wait(timeout=30)
    deadline = time.monotonic() + 5
    while (left := tagged_processes(tag)) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert left == {}, f"still running 5 s after kill -9 of the ingest: {left}"


# ---------------------------------------------------------------------------
# several processes creating the same new store


OPEN_AT = r"""
import sys, time
from geo.store.store import EventStore
db, start = sys.argv[1], float(sys.argv[2])
while time.time() < start:
    pass
EventStore.open(db).close()
"""


def test_processes_creating_the_same_new_store_at_once_all_succeed(tmp_path: Path) -> None:
    for attempt in range(3):  # the race is in the first milliseconds: try it a few times
        db = tmp_path / f"events-{attempt}.sqlite"
        start = time.time() + 2.0  # every process imported and waiting before the start
        processes = [
            subprocess.Popen(
                [sys.executable, "-c", OPEN_AT, str(db), str(start)],
                env=environment(),
                stderr=subprocess.PIPE,
                text=True,
            )
            for _ in range(4)
        ]
        errors = [p.communicate(timeout=60)[1] for p in processes]
        assert [p.returncode for p in processes] == [0, 0, 0, 0], errors
        assert store_state(db)["integrity"] == "ok"


# ---------------------------------------------------------------------------
# the gazetteer cache: kill -9 at every stage of a build, then a damaged cache
#
# With the suite's miniature sources (a build takes well under a second) so that the
# build can be killed at each of its steps; the full data take minutes to build.


BUILD = r"""
import sys
from pathlib import Path
from gazetteer_tiny import tiny_sources
from gazetteer.database import open_gazetteer

def progress(message):
    print(message, file=sys.stderr, flush=True)

with open_gazetteer(Path(sys.argv[1]), sources=tiny_sources(), progress=progress) as g:
    print("|".join(f"{e.name},{e.country_code},{e.lat:.3f},{e.lon:.3f}" for name in sys.argv[2:]
                   for e in g.lookup(name)))
"""
NAMES = ("Palmyra", "Kyiv", "Raqqa", "Geneva", "USA")


def open_in_a_process(cache: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", BUILD, str(cache), *NAMES],
        env=environment(),
        capture_output=True,
        text=True,
        timeout=120,
    )


def kill_at(cache: Path, step: str) -> None:
    """Start a build and kill it as soon as it reports ``step`` (or at its end)."""
    process = subprocess.Popen(
        [sys.executable, "-c", BUILD, str(cache), *NAMES],
        env=environment(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    for line in process.stderr:
        if line.startswith(step):
            break
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)


@pytest.fixture(scope="session")
def reference(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """A cache built whole in a process of its own, and what that process looked up in it
    (built once: every build from the same sources gives the same cache)."""
    cache = tmp_path_factory.mktemp("reference") / "reference.sqlite"
    built = open_in_a_process(cache)
    assert built.returncode == 0 and built.stdout.strip(), built.stderr
    return cache, built.stdout


@pytest.mark.parametrize("step", ["reading", "assembling", "writing", "indexing", "gazetteer built"])
def test_a_build_killed_at_any_step_leaves_the_next_open_complete(
    tmp_path: Path, step: str, reference: tuple[Path, str]
) -> None:
    from gazetteer.database import cache_problem

    _, looked_up = reference
    cache = tmp_path / "gazetteer.sqlite"
    kill_at(cache, step)
    # Whatever the moment, the cache's name holds nothing or a whole, valid cache.
    assert not cache.exists() or cache_problem(cache) is None
    after = open_in_a_process(cache)
    assert after.returncode == 0, after.stderr
    assert after.stdout == looked_up
    assert cache_problem(cache) is None


def test_a_half_written_cache_is_rebuilt_with_a_message(tmp_path: Path, reference: tuple[Path, str]) -> None:
    cache = tmp_path / "gazetteer.sqlite"
    reference_cache, looked_up = reference
    whole = reference_cache.read_bytes()
    for damaged in (whole[: len(whole) // 2], whole[:100] + bytes(len(whole) - 100), b"not a database"):
        cache.write_bytes(damaged)
        rebuilt = open_in_a_process(cache)
        assert rebuilt.returncode == 0, rebuilt.stderr
        assert f"rebuilding the gazetteer cache {str(cache)!r}: " in rebuilt.stderr
        assert rebuilt.stdout == looked_up
        quiet = open_in_a_process(cache)
        assert "rebuilding" not in quiet.stderr and quiet.stdout == looked_up

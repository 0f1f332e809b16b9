"""The page servers (``streamlit run app.py``) the browser modules share, one of each per
pytest process: starting one and drawing its first page costs 10-30 s on a small machine,
and the browser modules started some fifteen of them a run.

``demo_server``: a store that held nothing, whose first visit reads the demo corpus (the
page's first start); the tests that only read share it, none writes to its store.

``swapped_server``: one server whose store each test fills with what it needs (``holding``):
the demo corpus as a first start leaves it, or a store the test wrote. The content is
copied into the served file with SQLite's backup (the server's open connections see it as
any other writer's commit), and the store's version is set to one no earlier content had:
the page caches what it read under (store, version), so nothing read from an earlier
test's content is ever shown for this one's.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing
from dataclasses import dataclass
from itertools import count
from pathlib import Path

import pytest

#: Versions given to swapped-in content: far above any a test's writes reach from a new store,
#: and this far apart, so the writes of one test never reach the next one's version.
SWAPPED_VERSIONS_FROM = 1_000_000_000
SWAPPED_VERSIONS_APART = 100_000


def copy_store(source: Path, target: Path, version: int) -> None:
    """``target`` holds what ``source`` holds, at ``version``, in one transaction of its own."""
    with closing(sqlite3.connect(source)) as reading, closing(sqlite3.connect(target)) as writing:
        reading.backup(writing)
        writing.execute(f"PRAGMA user_version = {int(version)}")
        writing.commit()


def demo_store(path: Path) -> Path:
    """A store at ``path`` holding the demo corpus as the page's first start reads it (through
    the suite's stand-in pipeline, as the servers here parse)."""
    from fake_pipeline import FakePipeline

    from geo.store.store import EventStore
    from geo.web.appactions import load_demo

    with EventStore.open(path) as store:
        load_demo(store, pipeline=FakePipeline)
    return path


@dataclass
class SwappedServer:
    url: str
    db: Path
    versions: Iterator[int]

    def holding(self, source: Path) -> tuple[str, Path]:
        """The server's URL and store once the store holds what ``source`` holds."""
        copy_store(source, self.db, next(self.versions))
        return self.url, self.db


@pytest.fixture(scope="session")
def demo_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    from test_app_browser import running_server

    with running_server(tmp_path_factory.mktemp("demo-server")) as running:
        yield running


@pytest.fixture(scope="session")
def swapped_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SwappedServer]:
    from test_app_browser import running_server

    folder = tmp_path_factory.mktemp("swapped-server")
    db = demo_store(folder / "events.sqlite")
    versions = count(SWAPPED_VERSIONS_FROM, SWAPPED_VERSIONS_APART)
    with running_server(folder, db) as (url, _):
        yield SwappedServer(url, db, versions)


@pytest.fixture(scope="session")
def demo_snapshot(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo corpus as a first start leaves it, to swap in (never served itself)."""
    return demo_store(tmp_path_factory.mktemp("demo-snapshot") / "events.sqlite")


@pytest.fixture
def demo_writable(swapped_server: SwappedServer, demo_snapshot: Path) -> tuple[str, Path]:
    """A server whose store holds the demo corpus as a first start leaves it, this test's
    to change: the next test that asks finds the demo corpus again."""
    return swapped_server.holding(demo_snapshot)

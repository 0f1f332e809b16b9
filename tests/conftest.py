"""Fixtures shared across the suite.

No test reads or writes the user's own folders. Every test runs with its own data,
cache, config and state folders (``XDG_*_HOME``) in a temporary folder, so the default
event store (``$XDG_DATA_HOME/conflictmap/events.sqlite``) is new for each test, and
``$CONFLICTMAP_DB``, ``$CONFLICTMAP_PIPELINE`` and ``$CONFLICTMAP_BROWSER`` from the
user's shell are dropped. Processes the tests start inherit the same folders.

The one exception is the real gazetteer: building it takes half a minute, and it is
a cache derived from packaged data alone (nothing a user wrote), so the suite shares
the cache the user already has. Its path is resolved once, before the folders are
redirected ($CONFLICTMAP_GAZETTEER, else the user cache folder), and handed to every
test and child process as ``$CONFLICTMAP_GAZETTEER``; the suite only opens it
read-only, and builds it there (atomically, under its lock) when it is missing, as
the product's first start would.

The detailed basemap is shared the same way (``$CONFLICTMAP_BASEMAP``, through a link in
a session folder, so the tiles drawn from it stay out of the user's cache): otherwise
every page server a test starts builds its own, a minute or two of CPU each.

After a Streamlit ``AppTest`` run, ``sys.modules["__main__"]`` is the page's module;
each test gets the process's own ``__main__`` back, so worker processes started with
"spawn" in a later test do not import the page.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

#: A test that hangs ends its xdist worker, not the run (see hung_tests.py).
pytest_plugins = ["hung_tests"]

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"

#: Folders platformdirs (and so conflictmap) derives the user's paths from.
XDG_FOLDERS = {
    "XDG_DATA_HOME": "data",
    "XDG_CACHE_HOME": "cache",
    "XDG_CONFIG_HOME": "config",
    "XDG_STATE_HOME": "state",
    "XDG_RUNTIME_DIR": "runtime",
}
#: Settings from the user's shell that would point a test at the user's files or programs.
USER_SETTINGS = ("CONFLICTMAP_DB", "CONFLICTMAP_PIPELINE", "CONFLICTMAP_BROWSER")


@pytest.fixture(scope="session", autouse=True)
def shared_gazetteer_path(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The real gazetteer cache, named explicitly for the whole session.

    matplotlib's font cache is kept for the session too (in a temporary folder), so
    child processes do not rebuild it in every test's empty cache folder."""
    from gazetteer.database import ENV_CACHE_PATH, default_cache_path

    path = default_cache_path().resolve()
    with pytest.MonkeyPatch.context() as session_env:
        session_env.setenv(ENV_CACHE_PATH, str(path))
        session_env.setenv("MPLCONFIGDIR", str(tmp_path_factory.mktemp("matplotlib")))
        yield path


@pytest.fixture(scope="session", autouse=True)
def shared_basemap_path(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path | None]:
    """The detailed basemap the user already has, named for the whole session as the gazetteer is.

    Without it every ``streamlit run`` a test starts, and the in-process tile server of each
    worker, found no basemap in its test's empty cache folder and built one in a background
    thread (a minute or two of CPU each, its tiles answered only after), while the test went
    on. The basemap is a cache derived from installed packages alone; it is built there
    (under a lock, as install.sh does) when missing or stale. The tests see it through a link
    in a folder of the session, so the tiles drawn from it are kept there, not in the user's
    cache. None (and nothing set) where the basemap's packages are not installed."""
    from gazetteer.basemap_detail import default_cache_path, detail_basemap_available

    user_path = default_cache_path().resolve()
    if not detail_basemap_available(user_path):
        yield None
        return
    _built_under_lock(user_path)
    link = tmp_path_factory.mktemp("basemap") / user_path.name
    link.symlink_to(user_path)
    with pytest.MonkeyPatch.context() as session_env:
        session_env.setenv("CONFLICTMAP_BASEMAP", str(link))
        yield link


def _built_under_lock(path: Path) -> None:
    """``path``'s basemap built and current; one process of the run builds it, the others wait."""
    import fcntl

    from gazetteer.basemap_detail import ensure_detail_cache, fingerprint, stored_fingerprint

    if stored_fingerprint(path) == fingerprint():
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path.with_name(path.name + ".lock"), "w") as lock:
        fcntl.flock(lock.fileno(), fcntl.LOCK_EX)
        ensure_detail_cache(path)


@pytest.fixture(autouse=True)
def private_user_folders(
    shared_gazetteer_path: Path, tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Path]:
    """This test's own user folders; the process's ``__main__`` restored after it."""
    home = tmp_path_factory.mktemp("user", numbered=True)
    for variable, name in XDG_FOLDERS.items():
        (home / name).mkdir(mode=0o700)
        monkeypatch.setenv(variable, str(home / name))
    for variable in USER_SETTINGS:
        monkeypatch.delenv(variable, raising=False)
    main = sys.modules.get("__main__")
    yield home
    if main is not None:
        sys.modules["__main__"] = main


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is not present beside the repository")
    return SHARED


@pytest.fixture(scope="session")
def tiny(tmp_path_factory):
    """A miniature gazetteer built from the hand-made sources in gazetteer_tiny.py."""
    from gazetteer_tiny import tiny_sources

    from gazetteer.build import build_cache
    from gazetteer.database import Gazetteer

    path = tmp_path_factory.mktemp("gazetteer") / "tiny.sqlite"
    build_cache(path, sources=tiny_sources())
    with Gazetteer(path) as g:
        yield g


@pytest.fixture(scope="session")
def real_gazetteer():
    from gazetteer.database import open_gazetteer

    gazetteer = open_gazetteer()
    yield gazetteer
    gazetteer.close()


@pytest.fixture(scope="session")
def nlp():
    from geo.parse.nlp import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def geoparser(nlp, real_gazetteer):
    from geo.parse.geoparser import Geoparser
    from geo.parse.nlp import MODEL_NAME

    return Geoparser(nlp, real_gazetteer, model_name=MODEL_NAME)


@pytest.fixture(scope="session")
def pipeline(geoparser):
    from geo.parse.pipeline import Pipeline

    return Pipeline(geoparser)


@pytest.fixture(scope="session")
def demo_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """A page server (``streamlit run``) on a store that held nothing, whose first visit reads
    the demo corpus (the page's first start): its URL and store path, one server per process.

    Shared by every browser module whose tests only read the demo as a first start leaves it
    (``test_app_browser``, ``test_app_layout_browser``, ``test_app_density_browser``): starting a
    server and drawing its first map costs 10-30 s on a small machine. No test that uses it may
    write to its store (paste, correct, delete, ingest) or need a store of its own; those start
    their own servers. Each waits for the map before it reads, so whichever comes first in the
    shuffle makes the first start; a write is told when the session ends (``writes_beyond_the_demo``)."""
    from browser_pages import writes_beyond_the_demo
    from test_app_browser import running_server

    with running_server(tmp_path_factory.mktemp("demo-server")) as running:
        yield running
    wrote = writes_beyond_the_demo(running[1])
    if wrote:
        pytest.fail(f"a test wrote to the shared demo store: {', '.join(wrote)}")


@pytest.fixture(scope="session")
def chromium_path() -> Path:
    """The chromium the briefing draws PNGs with (skips where there is none)."""
    from geo.map.briefing import find_browser

    executable = find_browser()
    if executable is None:
        pytest.skip("no chromium on this machine")
    return executable


@pytest.fixture
def maps_built(monkeypatch: pytest.MonkeyPatch) -> list:
    """The events of every map the page's cache builds, in order."""
    from geo.web import mapcache

    built: list = []
    build = mapcache.build_map

    def noting(events, **options):
        built.append(events)
        return build(events, **options)

    monkeypatch.setattr(mapcache, "build_map", noting)
    return built


@pytest.hookimpl(trylast=True)  # after pytest-random-order has shuffled the items
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The slow tests first, those of one module together, the shuffled order kept otherwise
    (``suite_order.slow_first``)."""
    from suite_order import slow_first

    items[:] = slow_first(items)

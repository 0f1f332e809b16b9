"""``conflictmap app``: the map in the browser, from an installed package or a source tree.

The page is the top-level ``app.py`` of the source tree; a wheel carries the same file as
``geo/web/app.py`` (setup.py puts it there). The command runs ``streamlit run`` on it with
this interpreter (in place of its own process on POSIX), so the command line itself never
imports Streamlit, through ``geo.web.serve``: the same command, which also starts working
out the page's first view as the server starts, so the first visitor need not wait for it.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Mapping
from importlib import resources
from pathlib import Path

from gazetteer.database import ENV_CACHE_PATH
from geo.errors import ConflictmapError
from geo.store.store import DB_ENV

#: The page's name in a source tree (its top folder) and in an installed package (geo.web).
PAGE_NAME = "app.py"
#: The module that runs ``streamlit run`` with the first page prepared as the server starts.
SERVE_MODULE = "geo.web.serve"
#: What the source tree's .streamlit/config.toml says, as flags: an installed package runs
#: from any folder, where that file is not read.
STREAMLIT_SETTINGS = (
    "--server.headless=true",
    "--server.runOnSave=false",
    "--runner.magicEnabled=false",
    "--browser.gatherUsageStats=false",
    "--client.toolbarMode=minimal",
)


class PageNotFoundError(ConflictmapError, FileNotFoundError):
    """Neither the installed package nor a source tree holds the map page."""


def page_path() -> Path:
    """The map page: the installed package's copy, else the source tree's ``app.py``."""
    packaged = resources.files("geo.web").joinpath(PAGE_NAME)
    if packaged.is_file():
        return Path(str(packaged))
    source_tree_page = Path(__file__).resolve().parents[2] / PAGE_NAME
    if source_tree_page.is_file():
        return source_tree_page
    raise PageNotFoundError(
        f"the map page is missing: neither {packaged} nor {source_tree_page} exists; reinstall conflictmap"
    )


def streamlit_command(page: Path, *, port: int, address: str | None) -> list[str]:
    """The ``streamlit run`` command line for ``page`` with this interpreter (through
    ``SERVE_MODULE``, which takes the same arguments)."""
    command = [sys.executable, "-m", SERVE_MODULE, "run", str(page), *STREAMLIT_SETTINGS, f"--server.port={port}"]
    if address:
        command.append(f"--server.address={address}")
    return command


def app_environment(base: Mapping[str, str], *, db: Path | None, gazetteer: Path | None) -> dict[str, str]:
    """``base`` with the event store and gazetteer cache named, when given, as the page reads them."""
    environment = dict(base)
    if db is not None:
        environment[DB_ENV] = str(db)
    if gazetteer is not None:
        environment[ENV_CACHE_PATH] = str(gazetteer)
    return environment


def run_app(*, port: int, address: str | None = None, db: Path | None = None, gazetteer: Path | None = None) -> int:
    """Serves the map until Streamlit stops; returns Streamlit's exit status.

    On POSIX this process becomes Streamlit (exec), so Ctrl-C, a SIGTERM from a service
    manager or ``kill`` reach the server itself and nothing is left running behind it."""
    command = streamlit_command(page_path(), port=port, address=address)
    environment = app_environment(os.environ, db=db, gazetteer=gazetteer)
    if os.name == "posix":
        sys.stdout.flush()
        sys.stderr.flush()
        os.execve(command[0], command, environment)
    with subprocess.Popen(command, env=environment) as server:
        try:
            return server.wait()
        except KeyboardInterrupt:
            # The console sent Ctrl-C to Streamlit too; it shuts down by itself.
            return server.wait()


def free_port() -> int:
    """A TCP port on this machine that nothing listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_until_serving(url: str, server: subprocess.Popen, seconds: float) -> str | None:
    """Waits for the page at ``url`` to answer Streamlit's health check; None once it does,
    else why not (the server ended, or ``seconds`` passed)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            return f"streamlit exited with {server.returncode}"
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as answer:
                if answer.status == 200:
                    return None
        except OSError:
            time.sleep(0.5)
    return f"streamlit did not answer within {seconds:g} s"

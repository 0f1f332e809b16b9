"""The suite keeps to its own folders, and the page does not run where it is only imported.

A Streamlit test leaves the page's module as ``sys.modules["__main__"]``; a worker
process started with "spawn" imports the main module of its parent, so a later
two-worker ingest once laid out the page in each worker, which loaded the demo corpus
into the default event store.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent
REPO = TESTS.parent


def test_each_test_has_its_own_default_store(private_user_folders: Path) -> None:
    from geo.store.store import default_db_path

    assert default_db_path().is_relative_to(private_user_folders)
    assert "CONFLICTMAP_DB" not in os.environ


def test_the_gazetteer_is_named_explicitly_for_child_processes(shared_gazetteer_path: Path) -> None:
    assert os.environ["CONFLICTMAP_GAZETTEER"] == str(shared_gazetteer_path)


def test_the_page_imported_as_a_worker_main_module_lays_out_nothing(tmp_path: Path) -> None:
    # What multiprocessing's "spawn" does with a main module that has no import name.
    data = tmp_path / "data"
    data.mkdir()
    env = {
        **os.environ,
        "XDG_DATA_HOME": str(data),
        "PYTHONPATH": os.pathsep.join([str(REPO), str(TESTS)]),
        "CONFLICTMAP_PIPELINE": "fake",
    }
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            "import runpy, sys; runpy.run_path(sys.argv[1], run_name='__mp_main__')",
            str(REPO / "app.py"),
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert list(data.rglob("*")) == []


@pytest.mark.slow
def test_page_tests_then_worker_ingest_leave_the_user_data_folder_untouched(tmp_path: Path) -> None:
    user_data = tmp_path / "user-data"
    user_data.mkdir()
    basetemp = tmp_path / "inner"
    env = {
        **os.environ,
        "XDG_DATA_HOME": str(user_data),
        "CONFLICTMAP_DB": str(user_data / "events.sqlite"),
        "PYTHONPATH": str(REPO),
    }
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "-p",
            "no:random_order",
            f"--basetemp={basetemp}",
            # A page test (the page under AppTest), then an ingest on worker processes: the
            # file's browser and export tests start no page and no worker, and cost minutes.
            "tests/test_hostile_text.py::test_app_shows_hostile_event_text_as_text",
            "tests/test_ingest.py::test_worker_processes_store_the_same_events_as_one_process",
        ],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    assert list(user_data.rglob("*")) == []
    # Nor did any worker lay out the page on a test's own default store.
    assert list(basetemp.rglob("conflictmap/events.sqlite")) == []

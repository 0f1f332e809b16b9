"""The server's warm-up fills the page's caches with its opening view: the first visitor's
page reads no events and builds no map of its own."""

from __future__ import annotations

import gc
from pathlib import Path
from typing import Any

import pytest
from app_harness import APP, RUN_TIMEOUT_S, point_app_at
from palmyra import palmyra_event

from geo.cli.app import streamlit_command
from geo.records import Event
from geo.store.store import EventStore
from geo.web import warmup


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """One entry per time the store's coded events are read."""
    noted: list[str] = []
    read = EventStore.coded_events

    def noting(self: EventStore, *args: Any, **kwargs: Any) -> list[Event]:
        noted.append(str(self.path))
        return read(self, *args, **kwargs)

    monkeypatch.setattr(EventStore, "coded_events", noting)
    return noted


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    path = tmp_path / "events.sqlite"
    with EventStore.open(path) as store:
        store.add_events(
            [
                palmyra_event(),
                palmyra_event(event_id="e1", lat=33.51, lon=36.29, place="Damascus", mention="Damascus"),
            ]
        )
    return path


def test_the_first_page_after_the_warm_up_reads_and_builds_nothing_itself(
    store_path: Path, monkeypatch: pytest.MonkeyPatch, maps_built: list, reads: list
) -> None:
    from streamlit.testing.v1 import AppTest

    from geo.web import appstate

    fitted: list[int] = []
    fit = appstate.map_bounds
    monkeypatch.setattr(
        appstate, "map_bounds", lambda events, **options: fitted.append(len(events)) or fit(events, **options)
    )
    counted: list[int] = []
    count = appstate.daily_counts
    monkeypatch.setattr(
        appstate, "daily_counts", lambda events, **options: counted.append(len(events)) or count(events, **options)
    )
    spans: list[int] = []
    span = EventStore.date_range
    monkeypatch.setattr(EventStore, "date_range", lambda self: spans.append(1) or span(self))
    kinds: list[int] = []
    kind_counts = appstate.counts_by_type
    monkeypatch.setattr(appstate, "counts_by_type", lambda events: kinds.append(1) or kind_counts(events))
    point_app_at(store_path, monkeypatch)
    done = warmup.warm_up(str(store_path))
    assert done is not None and done.events == 2
    assert len(maps_built) == 1 and len(reads) == 1 and fitted == [2] and counted == [2]
    assert len(spans) == 1 and len(kinds) == 1

    at = AppTest.from_file(APP, default_timeout=RUN_TIMEOUT_S)
    at.run()
    assert not at.exception, at.exception
    # The page found the events, their dates, frame, map, counts by type and the timeline's counts in the caches.
    assert len(maps_built) == 1 and len(reads) == 1 and fitted == [2] and counted == [2]
    assert len(spans) == 1 and len(kinds) == 1
    # The one-line header over the map.
    assert any("2 of 2 events" in element.proto.body for element in at.get("html"))


def test_no_warm_up_for_a_missing_or_empty_store(tmp_path: Path, maps_built: list, reads: list) -> None:
    assert warmup.warm_up(str(tmp_path / "none.sqlite")) is None
    assert not (tmp_path / "none.sqlite").exists()  # never created: the page decides where the store goes
    EventStore.open(tmp_path / "empty.sqlite").close()
    assert warmup.warm_up(str(tmp_path / "empty.sqlite")) is None  # the page loads the demo into it first
    assert maps_built == [] and reads == []


def test_the_app_command_runs_streamlit_through_the_warm_up() -> None:
    command = streamlit_command(Path("app.py"), port=8601, address=None)
    assert command[1:5] == ["-m", "geo.web.serve", "run", "app.py"]
    assert "--server.port=8601" in command


def test_the_server_prepares_the_first_view_before_it_starts(
    store_path: Path, monkeypatch: pytest.MonkeyPatch, maps_built: list, reads: list
) -> None:
    from streamlit.web import cli

    from geo.web import serve

    started: list[tuple[list[str], int, int]] = []
    monkeypatch.setenv("CONFLICTMAP_DB", str(store_path))
    monkeypatch.setattr(cli, "main", lambda args, prog_name: started.append((list(args), len(reads), len(maps_built))))
    frozen = gc.get_freeze_count()
    try:
        serve.main(["run", "app.py", "--server.port=8601"])
        # What the warm-up made is left out of the collections Streamlit runs after every run of the page.
        assert gc.get_freeze_count() > frozen
    finally:
        gc.unfreeze()
    # Streamlit got the arguments unchanged, after the events were read and their map built.
    assert started == [(["run", "app.py", "--server.port=8601"], 1, 1)]

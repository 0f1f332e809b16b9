"""The Streamlit page under AppTest, on a given event store and the fake pipeline."""

from __future__ import annotations

from pathlib import Path

import pytest

APP = str(Path(__file__).resolve().parents[1] / "app.py")
RUN_TIMEOUT_S = 120


def point_app_at(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The page's next run reads ``db`` and parses with the fake pipeline."""
    import streamlit as st

    monkeypatch.setenv("CONFLICTMAP_DB", str(db))
    monkeypatch.setenv("CONFLICTMAP_PIPELINE", "fake")
    # Cached resources outlive a test (the pipeline above all): start clean.
    st.cache_resource.clear()
    st.cache_data.clear()


def started_app(db: Path, monkeypatch: pytest.MonkeyPatch, *, timeout: float = RUN_TIMEOUT_S):
    """The page after its first run on ``db``."""
    from streamlit.testing.v1 import AppTest

    point_app_at(db, monkeypatch)
    at = AppTest.from_file(APP, default_timeout=timeout)
    at.run()
    return at


#: The tab below the map that holds the events table; its rows are sent only while it is open.
TABLE_TAB = "Events table"


def table_rows(at):
    """The events table's rows as the page shows them, its tab opened first (and the page run) when closed."""
    if at.session_state["below_tab"] != TABLE_TAB or not at.dataframe:
        at.session_state["below_tab"] = TABLE_TAB
        at.run()
    return at.dataframe[0].value

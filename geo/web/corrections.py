"""The article panel's corrections beyond the place: an event's type, sub-type and date,
deleting an event, putting a corrected event back as parsed, and placing the names the
parser could not place. ``render`` draws them; the callbacks below hand the work to
``geo.web.appactions`` and leave a notice for the page's next run.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

import streamlit as st

from gazetteer.errors import GazetteerError
from geo.errors import ConflictmapError
from geo.parse.eventtypes import TRIGGERS
from geo.records import EVENT_TYPES, Article, Event, EventCorrection
from geo.safetext import markdown_literal
from geo.store.store import EventStore
from geo.web import appactions as actions
from geo.web import appstate as view

#: The earliest and latest day the date correction offers.
FIRST_DAY, LAST_DAY = date(1900, 1, 1), date(2100, 12, 31)

GazetteerLoader = Callable[[], Any]


def sub_type_options(event_type: str, current: str = "") -> list[str]:
    """The sub-types the event model knows for ``event_type``, in the trigger table's
    order; the event's own sub-type first when it is another one."""
    known = list(dict.fromkeys(t.sub_event_type for t in TRIGGERS if t.event_type == event_type)) or ["other"]
    if current and current not in known:
        known.insert(0, current)
    return known


def correction_label(correction: EventCorrection) -> str:
    """A stored correction as a user picks it to undo: the name, what changed, the sentence."""
    if correction.deleted:
        what = "deleted"
    else:
        parts = [
            f"{name} \u2192 {value}"
            for name, value in (
                ("type", correction.event_type),
                ("sub-type", correction.sub_event_type),
                ("date", correction.event_date.isoformat() if correction.event_date else None),
            )
            if value is not None
        ]
        what = ", ".join(parts) or "unchanged"
    quote = " ".join(correction.quote.split())
    short = quote if len(quote) <= 70 else quote[:69] + "\u2026"
    return f"\u201c{correction.mention or correction.event_id}\u201d ({what}): {short}"


def render(
    store: EventStore,
    event: Event,
    article: Article | None,
    *,
    pipeline: actions.PipelineFactory,
    gazetteer: GazetteerLoader,
) -> None:
    """The corrections of ``event`` and of its article, below the article."""
    _event_fix(event)
    if event.article_id:
        _undo(store.corrections(event.article_id))
    if article is not None:
        _unplaced(article, pipeline=pipeline, gazetteer=gazetteer)


# ---------------------------------------------------------------------------
# page parts


def _event_fix(event: Event) -> None:
    state = st.session_state
    if state.fix_for != event.event_id:
        # Filled from the event shown, before the widgets are made in this run.
        state.fix_for = event.event_id
        state.fix_type = event.event_type
        state.fix_sub = event.sub_event_type
        state.fix_date = event.event_date
    options = sub_type_options(state.fix_type, event.sub_event_type if state.fix_type == event.event_type else "")
    if state.fix_sub not in options:
        state.fix_sub = options[0]
    with st.expander("Wrong type or date? Correct this event"):
        left, right = st.columns(2)
        left.selectbox("Type", EVENT_TYPES, key="fix_type")
        right.selectbox("Sub-type", options, key="fix_sub", format_func=lambda s: s.replace("_", " "))
        st.date_input("Date", key="fix_date", min_value=FIRST_DAY, max_value=LAST_DAY)
        save, delete = st.columns(2)
        save.button("Save the correction", key="fix_save", type="primary", on_click=_on_save, args=(event,))
        delete.button("Delete this event", key="fix_delete", on_click=_on_delete, args=(event,))


def _undo(corrections: Sequence[EventCorrection]) -> None:
    if not corrections:
        return
    state = st.session_state
    labels = {c.event_id: correction_label(c) for c in corrections}
    if state.fix_undo_choice not in labels:
        state.fix_undo_choice = corrections[-1].event_id
    with st.expander(f"Corrections of events in this article ({len(corrections)})"):
        st.selectbox("Corrected event", list(labels), key="fix_undo_choice", format_func=labels.__getitem__)
        st.button("Undo: back as parsed", key="fix_undo", on_click=_on_undo)


def _unplaced(article: Article, *, pipeline: actions.PipelineFactory, gazetteer: GazetteerLoader) -> None:
    state = st.session_state
    listed = state.unplaced_for == article.article_id
    title = f"Names we could not place ({len(state.unplaced)})" if listed else "Names we could not place"
    with st.expander(title, expanded=listed and bool(state.unplaced)):
        if not listed:
            st.button(
                "List them", key="unplaced_list", on_click=_on_list_unplaced, args=(article, pipeline), width="stretch"
            )
            return
        if not state.unplaced:
            st.caption("The parser placed every place name it found in this article.")
            return
        if state.unplaced_choice not in state.unplaced:
            state.unplaced_choice = state.unplaced[0]
            state.unplaced_query = state.unplaced[0]
            state.unplaced_candidates = ()
        st.radio(
            "Name as written",
            state.unplaced,
            key="unplaced_choice",
            format_func=markdown_literal,
            on_change=_on_pick_unplaced,
        )
        st.text_input("Look up the place as", key="unplaced_query")
        st.button("Look up", key="unplaced_look_up", on_click=_on_look_up, args=(gazetteer,))
        candidates = state.unplaced_candidates
        if candidates:
            if state.unplaced_pick not in range(len(candidates)):
                state.unplaced_pick = 0
            st.radio(
                "It is",
                range(len(candidates)),
                key="unplaced_pick",
                format_func=lambda i: markdown_literal(view.entry_label(candidates[i])),
            )
            st.button(
                "Place it",
                key="place_unplaced",
                type="primary",
                on_click=_on_place,
                args=(article.article_id, pipeline),
            )


# ---------------------------------------------------------------------------
# callbacks


def _notify(kind: str, message: str) -> None:
    st.session_state.notice = (kind, message)


def _on_save(event: Event) -> None:
    state = st.session_state
    sub_type = state.fix_sub
    try:
        fixed = actions.correct_event(
            event,
            store=state.store,
            event_type=state.fix_type if state.fix_type != event.event_type else None,
            sub_event_type=sub_type if sub_type != event.sub_event_type else None,
            event_date=state.fix_date if state.fix_date != event.event_date else None,
        )
    except ConflictmapError as err:
        _notify("error", markdown_literal(str(err)))
        return
    if fixed is not None:
        state.selected_id = fixed.event_id
    state.fix_for = None  # filled again from the event as stored
    _notify("success", f"Corrected the event at \u201c{markdown_literal(event.mention)}\u201d.")


def _on_delete(event: Event) -> None:
    state = st.session_state
    try:
        actions.delete_event(event, store=state.store)
    except ConflictmapError as err:
        _notify("error", markdown_literal(str(err)))
        return
    # The article stays open on another of its events, whose panel offers the undo.
    siblings = state.store.article_events(event.article_id) if event.article_id else []
    state.selected_id = siblings[0].event_id if siblings else None
    if siblings:
        state.click = None
    state.fix_for = None
    undo = "undo it below" if siblings else "it was the article's only event"
    _notify("success", f"Deleted the event at \u201c{markdown_literal(event.mention)}\u201d ({undo}).")


def _on_undo() -> None:
    state = st.session_state
    try:
        restored = actions.undo_correction(state.fix_undo_choice, store=state.store)
    except ConflictmapError as err:
        _notify("error", markdown_literal(str(err)))
        return
    state.fix_undo_choice = None
    state.fix_for = None
    if restored is not None:
        state.selected_id = restored.event_id
        state.click = None
    _notify("success", "The event is back as parsed.")


def _on_list_unplaced(article: Article, pipeline: actions.PipelineFactory) -> None:
    state = st.session_state
    try:
        with st.spinner("Reading the article again for the names we could not place\u2026"):
            names = actions.unplaced_names(article, store=state.store, pipeline=pipeline)
    except (ConflictmapError, GazetteerError, OSError) as err:
        _notify("error", markdown_literal(str(err)))
        return
    state.unplaced, state.unplaced_for = names, article.article_id
    state.unplaced_choice = None


def _on_pick_unplaced() -> None:
    state = st.session_state
    state.unplaced_query = state.unplaced_choice or ""
    state.unplaced_candidates = ()


def _on_look_up(gazetteer: GazetteerLoader) -> None:
    state = st.session_state
    try:
        state.unplaced_candidates = actions.place_candidates(gazetteer(), state.unplaced_query)
    except (ConflictmapError, GazetteerError) as err:
        _notify("error", f"The gazetteer is not available: {markdown_literal(str(err))}")
        return
    state.unplaced_pick = 0
    if not state.unplaced_candidates:
        _notify("warning", f"The gazetteer knows no place named {markdown_literal(repr(state.unplaced_query))}.")


def _on_place(article_id: str, pipeline: actions.PipelineFactory) -> None:
    state = st.session_state
    candidates, pick, name = state.unplaced_candidates, state.unplaced_pick, state.unplaced_choice
    if not name or pick is None or not 0 <= pick < len(candidates):
        _notify("warning", "Look up the place and pick it first.")
        return
    try:
        with st.spinner(f"Placing \u201c{markdown_literal(name)}\u201d and reading the article again\u2026"):
            report = actions.place_name(article_id, name, candidates[pick], store=state.store, pipeline=pipeline)
    except (ConflictmapError, GazetteerError, OSError) as err:
        _notify("error", markdown_literal(str(err)))
        return
    state.unplaced = tuple(n for n in state.unplaced if n != name)
    state.unplaced_choice = None
    state.unplaced_candidates = ()
    if report.moved:
        state.selected_id = report.moved[0].event_id
        state.click = None
        _notify(
            "success",
            f"\u201c{markdown_literal(name)}\u201d is now {markdown_literal(report.place)}: "
            f"{actions.counted(len(report.moved), 'event')} there.",
        )
    else:
        _notify(
            "warning",
            f"\u201c{markdown_literal(name)}\u201d is now {markdown_literal(report.place)}, but no sentence "
            "naming it tells an event there.",
        )

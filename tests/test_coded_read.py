"""The store's fast read of coded events gives exactly the events of the plain rule.

``EventStore.coded_events`` reads a happening's reports without making each an ``Event``;
the reference here makes every stored report an event (``query``) and codes each happening
from them by the rule in ``geo.store.happenings``' docstring, step by step. On a store with
merged reports, corrected events, a split, imported events with codes, a report without a
source and a damaged row, both give the same events in the same order.
"""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from palmyra import palmyra_event

from geo.filters import EventFilter
from geo.records import Article, Event, EventCorrection, EventReport
from geo.store.merge import coded_fields
from geo.store.store import EventStore

DAY = date(2024, 5, 14)


def report(outlet: str, text: str, *, day: date = DAY, lat: float = 48.59, **changes) -> tuple[Article, list[Event]]:
    """One outlet's article on a strike near Bakhmut and the one event parsed from it."""
    article = Article(text, title=f"{outlet or 'Wire'}: Bakhmut", published=day, source=outlet)
    event = palmyra_event(
        event_id=f"ev-{article.article_id}",
        article_id=article.article_id,
        sub_event_type="shelling",
        event_date=day - timedelta(days=1),  # the day before the article
        published=day,
        place="Bakhmut",
        mention="Bakhmut",
        lat=lat,
        lon=38.0,
        geonameid=712165,
        country_code="UA",
        quote=text,
        title=article.title,
        source=outlet,
        url=f"https://news.example.org/{article.article_id}",
        confidence=0.6,
    )
    return article, [replace(event, **changes)]


def reference_coded(store: EventStore, flt: EventFilter = EventFilter()) -> list[Event]:
    """Every happening with a report ``flt`` lets through, coded from its reports made events."""
    readable = {e.event_id: e for e in store.query()}
    wanted = {e.event_id for e in store.query(flt)}
    with sqlite3.connect(store.path) as conn:
        rowid = dict(conn.execute("SELECT event_id, id FROM events"))
        happening_of = {e: h or e for e, h in conn.execute("SELECT event_id, happening_id FROM events")}
        stored_dates = {
            h: (d, p) for h, d, p in conn.execute("SELECT happening_id, event_date, date_precision FROM happenings")
        }
    members: dict[str, list[Event]] = {}
    counts: dict[str, int] = {}
    for event_id in sorted(rowid, key=rowid.__getitem__):
        counts[happening_of[event_id]] = counts.get(happening_of[event_id], 0) + 1
        if event_id in readable:
            members.setdefault(happening_of[event_id], []).append(readable[event_id])
    coded: list[tuple[str, int, Event]] = []
    for happening, reports in members.items():
        if not any(r.event_id in wanted for r in reports):
            continue
        if counts[happening] == 1:
            (event,) = reports
            event = replace(event, event_id=happening)
        else:
            stored_day, precision = stored_dates[happening]
            day = date.fromisoformat(stored_day) if stored_day else None
            best = min(reports, key=lambda r: (not r.actor1, -r.confidence, reports.index(r)))
            ranked = [best, *(r for r in reports if r is not best)]
            by_source: dict[str, float] = {}
            for n, r in enumerate(reports):
                key = r.source.strip().casefold() or f"\x00{n}"
                by_source[key] = max(by_source.get(key, 0.0), r.confidence)
            doubt = 1.0
            for confidence in by_source.values():
                doubt *= 1.0 - confidence
            event = replace(
                coded_fields(reports).applied(best),
                event_id=happening,
                event_date=day,
                date_precision=precision,
                sources=len(by_source),
                reports=tuple(
                    EventReport(r.article_id, r.source, r.quote, url=r.url, title=r.title, published=r.published)
                    for r in ranked
                ),
                confidence=round(min(max(1.0 - doubt, 0.0), 1.0), 6),
            )
        day_text = event.event_date.isoformat() if event.event_date else ""
        coded.append((day_text, rowid[reports[0].event_id], event))
    return [event for _, _, event in sorted(coded, key=lambda item: (item[0], item[1]))]


@pytest.fixture()
def busy_store(tmp_path: Path):
    """Reports that merge (actors, tolls, an unsourced one), a split, corrections, imports, a damaged row."""
    with EventStore.open(tmp_path / "events.sqlite") as store:
        store.add_articles(
            [
                report("Kyiv Post", "Russian artillery shelled Bakhmut, killing four people.", fatalities=4),
                report(
                    "Ukrinform",
                    "Bakhmut was shelled by Russian forces; six were killed.",
                    fatalities=6,
                    actor1="Military Forces of Russia",
                    actor2="Civilians",
                    inter1=8,
                    inter2=7,
                    confidence=0.5,
                ),
                report("", "Shelling hit Bakhmut's market.", lat=48.6),
                report("Suspilne", "Russian shelling hit the Bakhmut market again.", confidence=0.9, lat=48.61),
                report("Kyiv Post", "Artillery struck Bakhmut at dawn.", day=date(2024, 5, 16)),
                report("Ukrinform", "Bakhmut came under artillery fire at dawn.", day=date(2024, 5, 16)),
                report("Suspilne", "Dawn shelling in Bakhmut.", day=date(2024, 5, 16), lat=48.6),
                report("Kyiv Post", "Talks on Bakhmut's evacuation.", day=date(2024, 5, 20), event_type="diplomacy"),
                report("AFP", "A strike with an undated claim on Bakhmut.", day=date(2024, 5, 18), event_date=None),
            ]
        )
        store.add_events(
            [
                palmyra_event(event_id="acled-1", origin="acled", article_id="", extra=(("iso", "760"),)),
                palmyra_event(
                    event_id="acled-2",
                    origin="acled",
                    article_id="",
                    sources=2,
                    reports=(
                        EventReport("x1", "SANA", "Palmyra retaken."),
                        EventReport("x2", "AFP", "Army in Palmyra."),
                    ),
                ),
            ]
        )
        merged = [e for e in store.coded_events() if len(e.reports) > 2]
        assert merged, "the fixture should merge reports"
        store.correct_event(EventCorrection.of(merged[0], event_type="other", sub_event_type=""))
        dawn = next(e for e in store.coded_events() if e.event_date == date(2024, 5, 15))
        store.split_report(_event_of(store, dawn.reports[-1].article_id))
        yield store


def _event_of(store: EventStore, article_id: str) -> str:
    (event,) = store.article_events(article_id)
    return event.event_id


def test_the_fast_read_gives_the_events_of_the_plain_rule(busy_store: EventStore) -> None:
    fast = busy_store.coded_events()
    assert fast == reference_coded(busy_store)
    assert any(len(e.reports) >= 3 for e in fast) and any(e.origin == "acled" for e in fast)


def test_the_fast_read_agrees_under_a_filter(busy_store: EventStore) -> None:
    for flt in (EventFilter(sources=frozenset({"Suspilne"})), EventFilter(event_types=frozenset({"diplomacy"}))):
        assert busy_store.coded_events(flt) == reference_coded(busy_store, flt)


def test_a_damaged_report_is_left_out_of_its_happening_as_before(busy_store: EventStore) -> None:
    merged = next(e for e in busy_store.coded_events() if len(e.reports) >= 3)
    damaged_id = _event_of(busy_store, merged.reports[-1].article_id)
    with sqlite3.connect(busy_store.path) as conn:
        conn.execute("UPDATE events SET published = '2024-02-30' WHERE event_id = ?", (damaged_id,))
    fast = busy_store.coded_events()
    assert fast == reference_coded(busy_store)
    again = next(e for e in fast if e.event_id == merged.event_id)
    assert len(again.reports) == len(merged.reports) - 1

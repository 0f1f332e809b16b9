"""Where the page's map opens, and the buttons that take it to the war's other theatres.

Framing every event at once shows a war as a few specks in a map of empty desert and
sea (the fighting in one country, a second front a thousand kilometres away, talks in
Europe). So the map opens on the main frame of a briefing picture's layout
(``geo.map.theatres``: the busiest theatre, and those near enough to share its frame),
and a row of buttons on the map names every theatre with its events ("Syria 78",
"Yemen 12", "Geneva, Munich 11") and flies there in one click, "All" to every event.
A map whose events make one theatre has no such row: there is nowhere else to go.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from geo.countries import country_name
from geo.map.names import PlaceKey
from geo.map.theatres import Bounds, Theatre, find_theatres, theatre_layout, with_margin
from geo.records import Event

#: The page's map is about this many times as wide as it is tall (beside the feed, on a
#: laptop's or a desktop's window): the shape its opening frame is chosen for.
PAGE_MAP_ASPECT = 1.35
#: Buttons for the heaviest theatres at most; "All" reaches the rest.
MAX_JUMPS = 4
#: A theatre with a smaller share of the events than this has no button of its own (a lone
#: statement in a far capital): "All" reaches it.
MIN_JUMP_SHARE = 0.03
#: A theatre is named after the country that holds this share of its events (a front that
#: strays over a border is still "Syria"); else after its two busiest places.
COUNTRY_NAME_SHARE = 0.75


@dataclass(frozen=True, slots=True)
class Jump:
    """A button on the map: its caption, the events it stands for, and the frame it flies to."""

    caption: str
    events: int
    bounds: Bounds


@dataclass(frozen=True, slots=True)
class Opening:
    """The frame the map opens on (None: leave it to the map) and the buttons to each theatre
    (none when the events make a single theatre). ``opened`` is the button of the frame shown first."""

    frame: Bounds | None
    jumps: tuple[Jump, ...] = ()
    everything: Bounds | None = None
    opened: int = 0


def opening_view(
    events: Sequence[Event], *, aspect: float = PAGE_MAP_ASPECT, names: Mapping[PlaceKey, str] | None = None
) -> Opening:
    """The opening of a map of ``events``: one theatre (or none placed at a town) gives no
    frame here (the map keeps its own fit) and no buttons."""
    theatres = find_theatres(events, names=names)
    if len(theatres) < 2:
        return Opening(frame=None)
    layout = theatre_layout(theatres, aspect=aspect)
    total = sum(t.events for t in theatres)
    # The busiest theatre always has its button (the frame the map opens on); the others need their share.
    shown = [theatres[0], *(t for t in theatres[1:] if t.events >= MIN_JUMP_SHARE * total)][:MAX_JUMPS]
    jumps = tuple(_jump(t) for t in shown)
    return Opening(frame=layout.frame, jumps=jumps, everything=with_margin(_box(events)), opened=0)


def opening_json(opening: Opening, *, shown: Bounds | None = None) -> dict[str, Any] | None:
    """What the page script needs to draw the buttons (None: no buttons), boxes in Leaflet's
    ``[[south, west], [north, east]]``. The button of the opening frame is marked, unless the
    map is ``shown`` on another frame (one the user keeps, or events just added)."""
    if not opening.jumps or opening.everything is None:
        return None
    opened = opening.opened if shown is None or _same(shown, opening.frame) else -1
    return {
        "jumps": [{"caption": j.caption, "events": j.events, "bounds": _leaflet(j.bounds)} for j in opening.jumps],
        "all": _leaflet(opening.everything),
        "opened": opened,
    }


def _same(a: Bounds, b: Bounds | None) -> bool:
    return b is not None and all(abs(x - y) < 1e-6 for x, y in zip(a, b))


def _jump(theatre: Theatre) -> Jump:
    return Jump(caption=caption(theatre), events=theatre.events, bounds=with_margin(theatre.bounds))


def caption(theatre: Theatre) -> str:
    """A button's name: the country that holds most of the theatre's events, else its busiest places."""
    if theatre.countries and theatre.country_events and theatre.events:
        name = country_name(theatre.countries[0])
        if name and theatre.country_events[0] >= COUNTRY_NAME_SHARE * theatre.events:
            return name
    return theatre.name


def _box(events: Sequence[Event]) -> Bounds:
    return (
        min(e.lon for e in events),
        min(e.lat for e in events),
        max(e.lon for e in events),
        max(e.lat for e in events),
    )


def _leaflet(bounds: Bounds) -> list[list[float]]:
    return [[round(bounds[1], 4), round(bounds[0], 4)], [round(bounds[3], 4), round(bounds[2], 4)]]

"""Density at any scale: the switches of the map's layer control that
``static/conflictmap/density.js`` draws.

- *Markers*: every marker and cluster; off, the hexagons alone show the events
  of the types ticked above it.
- *Group nearby markers*: markers closer than a few dozen pixels merge into a
  cluster showing their event count, ringed by type; zooming in splits them,
  and from town level on every marker stands alone. On by default.
- *Density (hexagons)*: hexagons shaded by how many events of the time window
  and the types shown fall in them. On by default above ``DENSITY_SHOWN_OVER``
  events, where markers alone cannot tell where and how much.

Clusters and hexagons follow the map's time control and its type and source
switches, and are worked out once per zoom or time window from the page's
markers (one per place and type), never per event. A still picture (the
briefing slide) has no switches: it shows every marker, as a briefing reads them.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

import folium

#: The layer control's names of the switches.
MARKERS_LAYER_NAME = "Markers"
CLUSTER_LAYER_NAME = "Group nearby markers"
DENSITY_LAYER_NAME = "Density (hexagons)"
#: With more events than this, the hexagons start shown.
DENSITY_SHOWN_OVER = 5000


@dataclass(frozen=True, slots=True)
class DensityChoice:
    """Which of the density switches a map offers, and which start on."""

    offered: bool
    clusters_shown: bool
    density_shown: bool


def density_choice(event_count: int, *, slide: bool) -> DensityChoice:
    """The switches for a map of ``event_count`` events: none on a still picture
    or an empty map (an empty checkbox says nothing), else clusters on and the
    hexagons on when there are more than DENSITY_SHOWN_OVER events."""
    if slide or event_count <= 0:
        return DensityChoice(offered=False, clusters_shown=False, density_shown=False)
    return DensityChoice(offered=True, clusters_shown=True, density_shown=event_count > DENSITY_SHOWN_OVER)


def density_layers(choice: DensityChoice) -> dict[str, folium.FeatureGroup]:
    """The layer control's entries for ``choice``, by the name the page script
    knows them by (``markers``, ``clusters``, ``density``); none when nothing is offered."""
    if not choice.offered:
        return {}
    return {
        "markers": folium.FeatureGroup(name=html.escape(MARKERS_LAYER_NAME), show=True),
        "clusters": folium.FeatureGroup(name=html.escape(CLUSTER_LAYER_NAME), show=choice.clusters_shown),
        "density": folium.FeatureGroup(name=html.escape(DENSITY_LAYER_NAME), show=choice.density_shown),
    }

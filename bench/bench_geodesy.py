"""Great-circle distance: the project's haversine against geopy's ``great_circle``.

    python3 bench/bench_geodesy.py [--pairs 200000]

The resolver measures each candidate against every other place of an article, so the
distance runs hundreds of thousands of times on a long article. Prints microseconds per
call of each and the largest difference between them in metres.
"""

from __future__ import annotations

import argparse
import random
import time

from geopy.distance import great_circle

from gazetteer.geodesy import great_circle_km


def random_pairs(count: int, seed: int = 7) -> list[tuple[float, float, float, float]]:
    rng = random.Random(seed)
    return [
        (rng.uniform(-90, 90), rng.uniform(-180, 180), rng.uniform(-90, 90), rng.uniform(-180, 180))
        for _ in range(count)
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=200_000)
    pairs = random_pairs(parser.parse_args().pairs)

    started = time.perf_counter()
    ours = [great_circle_km(*pair) for pair in pairs]
    ours_s = time.perf_counter() - started

    started = time.perf_counter()
    theirs = [great_circle((a, b), (c, d)).km for a, b, c, d in pairs]
    theirs_s = time.perf_counter() - started

    worst_m = max(abs(x - y) for x, y in zip(ours, theirs)) * 1000
    print(f"{len(pairs):,} pairs")
    print(f"  gazetteer.geodesy.great_circle_km  {ours_s / len(pairs) * 1e6:6.2f} us per call")
    print(f"  geopy.distance.great_circle        {theirs_s / len(pairs) * 1e6:6.2f} us per call")
    print(f"  geopy / ours: {theirs_s / ours_s:.1f}x; largest difference {worst_m:.3f} m")


if __name__ == "__main__":
    main()

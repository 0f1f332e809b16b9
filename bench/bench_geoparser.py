"""Geoparser throughput against bare spaCy, one and two processes, the recogniser's and
the resolver's share of the time, and parse's peak memory.

    python3 bench/bench_geoparser.py [CORPUS.jsonl ...] [--articles N]

Without a corpus it geoparses real-length news: the LGL and GeoVirus articles of
../shared/eval when that folder is there, else the demo briefs (geo/web/demo/briefs.jsonl),
repeated to N articles. Every figure is measured in this one run, so the ratios
compare like with like on a busy machine.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))


SHARED_CORPORA = (REPO.parent / "shared" / "eval" / "lgl.jsonl", REPO.parent / "shared" / "eval" / "geovirus.jsonl")


def default_corpora() -> list[Path]:
    found = [p for p in SHARED_CORPORA if p.exists()]
    return found or [REPO / "geo" / "web" / "demo" / "briefs.jsonl"]


def load_texts(corpora: list[Path], n: int) -> list[str]:
    """``n`` texts taken in turn from each corpus (so every corpus is represented)."""
    per_corpus = [
        [json.loads(line)["text"] for line in path.open(encoding="utf-8") if line.strip()] for path in corpora
    ]
    texts: list[str] = []
    for i in range(max(len(c) for c in per_corpus)):
        texts.extend(c[i] for c in per_corpus if i < len(c))
        if len(texts) >= n:
            break
    while len(texts) < n:
        texts += texts
    return texts[:n]


def stage_shares(geoparser, texts: list[str]) -> tuple[float, float, float]:
    """Seconds spaCy, the recogniser and the resolver take over ``texts`` (one process)."""
    from geo.parse.mentions import recognise
    from geo.parse.resolve import resolve

    nlp = geoparser.nlp
    start = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=32))
    spacy_s = time.perf_counter() - start
    recognise_s = resolve_s = 0.0
    for text, doc in zip(texts, docs):
        # As ``places_many`` does: the text spaCy was given is the document's text.
        doc.user_data.setdefault("conflictmap_text", text)
        start = time.perf_counter()
        found = recognise(doc, geoparser.gazetteer, geoparser.model)
        middle = time.perf_counter()
        resolve(
            text,
            found.mentions,
            geoparser.gazetteer,
            **found.hints(),
            weights=geoparser.weights,
        )
        resolve_s += time.perf_counter() - middle
        recognise_s += middle - start
    return spacy_s, recognise_s, resolve_s


def typical_article(texts: list[str]) -> str:
    """The article of median length: what one `parse` of real news costs."""
    return sorted(texts, key=len)[len(texts) // 2]


def words(texts: list[str]) -> int:
    return sum(len(t.split()) for t in texts)


def timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def timed_both(fn) -> tuple[float, float]:
    """Wall-clock and CPU seconds of ``fn()``: on a shared machine the CPU time is the
    steadier of the two (waiting for a core counts in the wall clock only)."""
    wall, cpu = time.perf_counter(), time.process_time()
    fn()
    return time.perf_counter() - wall, time.process_time() - cpu


def sandwiched_ratios(
    spacy_runs: list[tuple[float, float]], ours_runs: list[tuple[float, float]]
) -> tuple[float, float]:
    """Median over our runs of spaCy's time, the mean of the spaCy runs just before and
    just after, over ours: in wall-clock and in CPU seconds. ``spacy_runs`` has one run
    more than ``ours_runs``, the two taken in turn. A machine whose speed drifts between
    runs moves both sides of each ratio alike, which the best of each side alone does not."""
    walls, cpus = [], []
    for i, (wall, cpu) in enumerate(ours_runs):
        (wall_before, cpu_before), (wall_after, cpu_after) = spacy_runs[i], spacy_runs[i + 1]
        walls.append((wall_before + wall_after) / 2 / wall)
        cpus.append((cpu_before + cpu_after) / 2 / cpu)
    return statistics.median(walls), statistics.median(cpus)


def children_cpu() -> float:
    """CPU seconds of this process's ended children (the pools' workers, once shut down)."""
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def timed_workers(fn) -> tuple[float, float]:
    """Wall-clock seconds of ``fn()`` and the CPU seconds this process and its worker
    processes used: on a loaded machine the wall clock of two processes says little,
    their CPU still says how much more work they do than one process. This process
    counts too: it hands texts out and takes results back, and may work on texts itself."""
    cpu = children_cpu() + time.process_time()
    wall = timed(fn)
    return wall, children_cpu() + time.process_time() - cpu


def peak_parse_memory_mb(article: Path) -> float:
    """Peak resident memory of one `conflictmap parse` process, in MB."""
    # VmHWM, not ru_maxrss: Linux carries ru_maxrss across exec, so a child started by a
    # large parent reports the parent's peak instead of its own.
    code = (
        "import sys; from geo.cli.main import run; "
        f"rc = run(['parse', {str(article)!r}, '--published', '2016-03-24']); "
        "hwm = [r for r in open('/proc/self/status') if r.startswith('VmHWM')][0].split()[1]; "
        "sys.stderr.write('PEAK %s\\n' % hwm)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO)
    line = [row for row in done.stderr.splitlines() if row.startswith("PEAK")][-1]
    return int(line.split()[1]) / 1024


#: One fresh process: load the geoparser, then time ``places_many`` over the texts of a
#: JSON file with ``n_process`` processes; prints the seconds.
FRESH_RUN = (
    "import json, sys, time; sys.path.insert(0, {repo!r}); "
    "from geo.parse.geoparser import load_geoparser; "
    "texts = json.load(open({texts!r}, encoding='utf-8')); geoparser = load_geoparser(); geoparser.nlp; "
    "start = time.perf_counter(); list(geoparser.places_many(texts, n_process={n_process}, batch_size=32)); "
    "print(time.perf_counter() - start)"
)


def fresh_process_seconds(texts_file: Path, n_process: int) -> float:
    """Seconds a new process takes over the texts once its model is loaded, its
    gazetteer caches empty: what `conflictmap geoparse CORPUS.jsonl` gives a user, whose
    process starts cold and shares the texts with workers started then (forked from it,
    as it runs no other thread). The in-process figures compare a warm process with
    workers that inherit its warm caches. `conflictmap ingest --workers N` spawns its N
    workers instead, each loading its own model while the parent only hands out articles."""
    code = FRESH_RUN.format(repo=str(REPO), texts=str(texts_file), n_process=n_process)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=True)
    return float(done.stdout.strip().splitlines()[-1])


def fresh_process_runs(texts: list[str], cores: int, repeats: int) -> tuple[float, float]:
    """Best seconds of fresh one-process and ``cores``-process runs, alternated."""
    with tempfile.TemporaryDirectory() as folder:
        texts_file = Path(folder) / "texts.json"
        texts_file.write_text(json.dumps(texts), encoding="utf-8")
        one, many = [], []
        for _ in range(repeats):
            one.append(fresh_process_seconds(texts_file, 1))
            many.append(fresh_process_seconds(texts_file, cores))
    return min(one), min(many)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpora", type=Path, nargs="*")
    parser.add_argument("--articles", type=int, default=400)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()

    from geo.parse.geoparser import load_geoparser

    corpora = args.corpora or default_corpora()
    texts = load_texts(corpora, args.articles)
    n_words = words(texts)
    geoparser = load_geoparser()
    nlp = geoparser.nlp
    list(geoparser.places_many(texts[:8]))  # load the model
    # A first run over every text fills spaCy's vocabulary and the gazetteer's name
    # caches, so the runs compared below are all warm; a worker, like a single
    # `conflictmap parse`, starts with the caches empty, as this run does.
    first_cpu = timed_both(lambda: list(geoparser.places_many(texts, batch_size=32)))[1]

    # Alternate the two single-process runs, spaCy first and last, so each of our runs
    # sits between two of spaCy's: the machine is shared and its speed drifts.
    spacy_runs, ours_runs = [timed_both(lambda: list(nlp.pipe(texts, batch_size=32)))], []
    for _ in range(args.repeats):
        ours_runs.append(timed_both(lambda: list(geoparser.places_many(texts, batch_size=32))))
        spacy_runs.append(timed_both(lambda: list(nlp.pipe(texts, batch_size=32))))
    spacy_s, ours_s = min(w for w, _ in spacy_runs), min(w for w, _ in ours_runs)
    spacy_cpu, ours_cpu = min(c for _, c in spacy_runs), min(c for _, c in ours_runs)
    paired_wall, paired_cpu = sandwiched_ratios(spacy_runs, ours_runs)
    cores = os.cpu_count() or 1
    # Starting workers (each forked from this process, or spawned to load the model and
    # open the gazetteer when another thread runs here) is a fixed cost,
    # measured on two tiny texts (both go to the workers) and reported apart. Less it, the
    # rate is an upper bound: this process works on texts while the workers start.
    startup_s, startup_cpu = timed_workers(
        lambda: list(geoparser.places_many(["Aleppo.", "Homs."], n_process=cores, batch_size=1))
    )
    multi_s, multi_cpu = timed_workers(lambda: list(geoparser.places_many(texts, n_process=cores, batch_size=32)))
    # What the machine gives spaCy itself over the same cores: the ceiling for us.
    spacy_multi_s, spacy_multi_cpu = timed_workers(lambda: list(nlp.pipe(texts, batch_size=32, n_process=cores)))
    steady_s = max(1e-9, multi_s - startup_s)
    # The processes' CPU for the articles alone (less what starting the workers costs),
    # against one warm process's: what each worker's cold start and the hand-over of
    # texts add.
    workers_cpu = max(1e-9, multi_cpu - startup_cpu)

    fresh_one_s, fresh_many_s = fresh_process_runs(texts, cores, args.repeats)

    spacy_part, recognise_part, resolve_part = stage_shares(geoparser, texts)
    total_part = spacy_part + recognise_part + resolve_part

    print(f"corpora: {', '.join(p.name for p in corpora)}")
    print(f"articles: {len(texts)}, words: {n_words} ({n_words / len(texts):.0f} a article), cores: {cores}")
    print(f"bare spaCy nlp.pipe (same components): {n_words / spacy_s:,.0f} words/s")
    print(
        f"geoparser, one process:                {n_words / ours_s:,.0f} words/s"
        f"  ratio to spaCy, best runs {spacy_s / ours_s:.2f}; in CPU time {spacy_cpu / ours_cpu:.2f}"
    )
    print(
        f"  each run against the spaCy runs either side of it (median of {len(ours_runs)}):"
        f" {paired_wall:.2f} wall-clock, {paired_cpu:.2f} CPU (target >= 0.9)"
    )
    print(
        f"  its first run, gazetteer caches cold:  CPU {first_cpu:.1f} s against {ours_cpu:.1f} s at best"
        f" ({first_cpu / ours_cpu:.2f}x)"
    )
    print(
        f"geoparser, {cores} processes:              {n_words / multi_s:,.0f} words/s with worker start-up"
        f" ({ours_s / multi_s:.2f}x one process; target >= 1.6x); {n_words / steady_s:,.0f} words/s less"
        f" the {startup_s:.1f} s start-up ({ours_s / steady_s:.2f}x, at most)"
    )
    print(
        f"  from fresh processes, caches cold in each: one {fresh_one_s:.1f} s, {cores} {fresh_many_s:.1f} s"
        f" ({fresh_one_s / fresh_many_s:.2f}x, worker start-up included)"
    )
    spacy_workers_cpu = max(1e-9, spacy_multi_cpu - startup_cpu)
    print(
        f"  CPU of the {cores} processes for the articles: {workers_cpu:.1f} s against {ours_cpu:.1f} s in one"
        f" process ({workers_cpu / ours_cpu:.2f}x); bare spaCy's {cores} processes"
        f" {spacy_workers_cpu:.1f} s against {spacy_cpu:.1f} s"
        f" ({spacy_workers_cpu / spacy_cpu:.2f}x, with their start-up counted as ours)"
    )
    print(
        f"bare spaCy, {cores} processes:             {n_words / spacy_multi_s:,.0f} words/s"
        f"  ({spacy_s / spacy_multi_s:.2f}x bare spaCy in one process: this machine's ceiling)"
    )
    print(
        f"share of the time (one process): spaCy {spacy_part / total_part:.1%}, recogniser"
        f" {recognise_part / total_part:.1%} ({1000 * recognise_part / len(texts):.1f} ms an article),"
        f" resolver {resolve_part / total_part:.1%} ({1000 * resolve_part / len(texts):.1f} ms an article)"
    )
    with tempfile.TemporaryDirectory() as folder:
        article = Path(folder) / "article.txt"
        one = typical_article(texts)
        article.write_text(one, encoding="utf-8")
        print(
            f"peak memory of `conflictmap parse` on one article ({len(one.split())} words):"
            f" {peak_parse_memory_mb(article):.0f} MB (target <= 600 MB)"
        )
    print(f"(this process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB peak)")


if __name__ == "__main__":
    main()

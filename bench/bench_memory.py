"""Peak memory and time of ``parse`` and ``ingest`` on long texts, and of ``import`` of
zip bombs, each command run as a child process of its own.

Texts of 1, 5 and 20 MB are made in a temporary folder from the demo briefs (paragraphs
of real news prose, repeated); the bombs are zips of 1 GiB and 4 GiB of zeros (about 1
and 4 MB on disk). Peak memory is the child's own maximum resident set size, read
from ``os.wait4``; time is wall-clock. Targets: each text <= 1 GB with time growing
no faster than the length; each bomb refused under 300 MB.

    python3 bench/bench_memory.py [--sizes 1,5,20] [--bombs 1,4] [--gazetteer PATH]

Nothing is kept: the texts, bombs and stores are deleted at the end.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEMO = REPO / "geo" / "web" / "demo" / "briefs.jsonl"
MB = 1_000_000


def long_text(megabytes: float) -> str:
    """About ``megabytes`` million characters of news paragraphs."""
    briefs = [json.loads(line)["text"] for line in DEMO.read_text(encoding="utf-8").splitlines() if line.strip()]
    size = int(megabytes * MB)
    parts, total, n = ["A long report"], 0, 0
    while total < size:
        brief = briefs[n % len(briefs)]
        parts.append(brief)
        total += len(brief) + 2
        n += 1
    return "\n\n".join(parts)[:size]


def zip_of_zeros(path: Path, gibibytes: int) -> Path:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        with archive.open("20160324.export.CSV", "w", force_zip64=True) as member:
            zeros = bytes(1024**2)
            for _ in range(gibibytes * 1024):
                member.write(zeros)
    return path


def measured(argv: list[str]) -> tuple[float, float, float, int, str]:
    """(peak MB, wall seconds, CPU seconds, exit code, last line of stderr) of one child
    process. CPU time is the figure to compare on a machine shared with other jobs."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    started = time.perf_counter()
    with tempfile.TemporaryFile() as err:
        child = subprocess.Popen(
            [sys.executable, "-m", "geo.cli.main", *argv], cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=err
        )
        _, status, usage = os.wait4(child.pid, 0)
        child.returncode = os.waitstatus_to_exitcode(status)
        seconds = time.perf_counter() - started
        err.seek(0)
        lines = err.read().decode("utf-8", "replace").strip().splitlines()
    cpu = usage.ru_utime + usage.ru_stime
    return usage.ru_maxrss / 1024, seconds, cpu, child.returncode, lines[-1] if lines else ""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,5,20", help="text sizes in MB, comma-separated")
    parser.add_argument("--bombs", default="1,4", help="zip bomb sizes in GiB of zeros, comma-separated")
    parser.add_argument("--commands", default="parse,ingest", help="which of parse,ingest to run on each text")
    parser.add_argument("--gazetteer", type=Path, help="gazetteer cache (default: the usual one)")
    args = parser.parse_args()
    extra = ["--gazetteer", str(args.gazetteer)] if args.gazetteer else []
    sizes = [float(s) for s in args.sizes.split(",") if s]
    bombs = [int(s) for s in args.bombs.split(",") if s]
    commands = [c for c in args.commands.split(",") if c]
    print(f"{'what':<44} {'peak MB':>8} {'wall s':>8} {'CPU s':>8} {'CPU s/MB':>9}  exit  last message")
    with tempfile.TemporaryDirectory(prefix="conflictmap-bench-memory-") as folder:
        work = Path(folder)
        for gib in bombs:
            bomb = zip_of_zeros(work / f"bomb-{gib}.zip", gib)
            peak, seconds, cpu, code, message = measured(
                ["import", "gdelt", str(bomb), "--db", str(work / "bomb.sqlite")]
            )
            label = f"import gdelt, zip of {gib} GiB zeros ({bomb.stat().st_size / MB:.1f} MB)"
            print(f"{label:<44} {peak:8.0f} {seconds:8.1f} {cpu:8.1f} {'':>9}  {code:>4}  {message[:60]}", flush=True)
            bomb.unlink()
        for size in sizes:
            text = work / f"text-{size:g}MB.txt"
            text.write_text(long_text(size), encoding="utf-8")
            runs = {
                "parse": ["parse", str(text), "--published", "2016-03-24", *extra],
                "ingest": [
                    "ingest",
                    str(text),
                    "--published",
                    "2016-03-24",
                    "--workers",
                    "1",
                    "--db",
                    str(work / f"ingest-{size:g}.sqlite"),
                    *extra,
                ],
            }
            for name in commands:
                peak, seconds, cpu, code, message = measured(runs[name])
                label = f"{name} of a {size:g} MB text"
                print(
                    f"{label:<44} {peak:8.0f} {seconds:8.1f} {cpu:8.1f} {cpu / size:9.1f}  {code:>4}  {message[:60]}",
                    flush=True,
                )
            text.unlink()


if __name__ == "__main__":
    main()

"""Build the annotated evaluation corpora from their marked-up sources.

    python3 scripts/build_warnews.py            # rebuild data/eval/warnews.jsonl, demo.jsonl and data/train/warnews.jsonl
    python3 scripts/build_warnews.py --check    # exit 1 if a committed file is out of date
    python3 scripts/build_warnews.py SRC_DIR OUT.jsonl
    python3 scripts/build_warnews.py --counts   # the war-news counts table of data/eval/README.md

Each source is one article, ``<id>.txt``: a header of ``key: value`` lines (``id``,
``published``, ``title``, ``source``, ``url``, ``conflict``), a line ``---``, then the body
with every place written as ``[[surface|lat,lon|type|date]]`` (``type`` one of
frontline, diplomacy, humanitarian, other or ``-``; ``date`` optional, YYYY-MM-DD or
YYYY-MM). The output is the evaluation schema (``docs/evaluation.md``), one article a
line sorted by id, with the header fields and, per toponym, ``event_type`` and
``event_date``. The same sources always give the same bytes.

``train`` is the training-only corpus (``data/train/warnews/``, ``geo.eval.trainingonly``): the
learned models train on all of it and it is never scored. Its folder may be absent (nothing
is built, and its JSONL must then be absent too) or empty.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
EVAL_DIR = REPO / "data" / "eval"
TRAIN_DIR = REPO / "data" / "train"
#: corpus name -> (folder of sources, the JSONL built from them)
CORPORA: dict[str, tuple[Path, Path]] = {
    "warnews": (EVAL_DIR / "warnews", EVAL_DIR / "warnews.jsonl"),
    "demo": (EVAL_DIR / "demo", EVAL_DIR / "demo.jsonl"),
    "train": (TRAIN_DIR / "warnews", TRAIN_DIR / "warnews.jsonl"),
}
#: Corpora whose folder of sources may be absent: then nothing is built.
OPTIONAL_CORPORA = frozenset({"train"})
HEADER_FIELDS = ("id", "published", "title", "source", "url", "conflict")
HEADER_END = "---"
#: What the type slot may hold; "-" means a place named with no event at it.
MARKUP_TYPES = ("frontline", "diplomacy", "humanitarian", "other", "-")
NO_EVENT = "-"
#: The conflict slug of a war-news id (``war-<conflict>-<nn>``) -> its continent, for the
#: counts table; a slug missing here is counted under "unassigned".
CONTINENTS: dict[str, str] = {
    **dict.fromkeys(
        ("bosnia", "croatia", "donbas", "georgia", "kosovo", "macedonia", "transnistria", "ukraine", "ulster"), "Europe"
    ),
    **dict.fromkeys(("abkhazia", "armenia", "artsakh", "chechnya", "dagestan", "karabakh"), "Europe/Asia (Caucasus)"),
    **dict.fromkeys(
        (
            "aceh",
            "afghanistan",
            "assad",
            "gaza",
            "indopak",
            "iran",
            "iraq",
            "kashmir",
            "kyrgyzstan",
            "lebanon",
            "myanmar",
            "nepal",
            "philippines",
            "pkk",
            "srilanka",
            "syria",
            "tajikistan",
            "thailand",
            "timor",
            "yemen",
        ),
        "Asia",
    ),
    **dict.fromkeys(
        (
            "algeria",
            "burundi",
            "cameroon",
            "car",
            "chad",
            "congo",
            "eritrea",
            "libya",
            "mozambique",
            "nigeria",
            "rwanda",
            "sahel",
            "sierraleone",
            "somalia",
            "southsudan",
            "sudan",
            "tigray",
            "uganda",
        ),
        "Africa",
    ),
    **dict.fromkeys(("chiapas", "colombia", "ecuador", "haiti", "mexico", "peru", "rio"), "Americas"),
    **dict.fromkeys(("bougainville",), "Oceania"),
}
MARK = re.compile(r"\[\[(?P<inside>[^\[\]]*)\]\]")
MONTH = re.compile(r"\d{4}-\d{2}")
DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


class MarkupError(ValueError):
    """A source file breaks the markup format; the message names the file and line."""


@dataclass(frozen=True, slots=True)
class Toponym:
    start: int
    end: int
    name: str
    lat: float
    lon: float
    event_type: str | None
    event_date: str | None

    def as_json(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "name": self.name,
            "lat": self.lat,
            "lon": self.lon,
            "geonameid": None,
            "type": None,
            "event_type": self.event_type,
            "event_date": self.event_date,
        }


@dataclass(frozen=True, slots=True)
class SourceArticle:
    id: str
    published: str
    title: str
    source: str
    url: str
    conflict: str
    text: str
    toponyms: tuple[Toponym, ...]

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "published": self.published,
            "source": self.source,
            "url": self.url,
            "conflict": self.conflict,
            "text": self.text,
            "toponyms": [t.as_json() for t in self.toponyms],
        }


# ---------------------------------------------------------------------------
# parsing one source


def parse_source(raw: str, *, name: str) -> SourceArticle:
    """One source file's text as an article; ``name`` (the file) prefixes every error."""
    lines = raw.replace("\r\n", "\n").split("\n")
    try:
        end_of_header = lines.index(HEADER_END)
    except ValueError as err:
        raise MarkupError(f"{name}: expected a line {HEADER_END!r} ending the header, found none") from err
    header = _header(lines[:end_of_header], name)
    body_first_line = end_of_header + 2  # 1-based number of the line after "---"
    body = "\n".join(lines[end_of_header + 1 :])
    leading = len(body) - len(body.lstrip("\n"))
    body = body.strip("\n")
    text, toponyms = _unmark(body, name=name, first_line=body_first_line + leading)
    return SourceArticle(**header, text=text, toponyms=toponyms)


def _header(lines: Sequence[str], name: str) -> dict[str, str]:
    fields: dict[str, str] = {}
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        key, colon, value = line.partition(":")
        where = f"{name}, line {number}"
        if not colon:
            raise MarkupError(f"{where}: expected 'key: value' in the header, got {line!r}")
        if "[[" in line or "]]" in line:
            raise MarkupError(f"{where}: expected no place markup in the header, got {line!r}")
        key = key.strip()
        if key not in HEADER_FIELDS:
            raise MarkupError(f"{where}: expected a header field among {', '.join(HEADER_FIELDS)}, got {key!r}")
        if key in fields:
            raise MarkupError(f"{where}: header field {key!r} given twice")
        fields[key] = value.strip()
    missing = [key for key in HEADER_FIELDS if not fields.get(key)]
    if missing:
        raise MarkupError(f"{name}: header field {missing[0]!r} is missing or empty")
    try:
        date.fromisoformat(fields["published"])
    except ValueError as err:
        raise MarkupError(f"{name}: expected 'published' as YYYY-MM-DD, got {fields['published']!r}") from err
    stem = Path(name).stem
    if Path(name).suffix == ".txt" and fields["id"] != stem:
        raise MarkupError(f"{name}: expected id {stem!r} (the file name), got {fields['id']!r}")
    return fields


def _unmark(body: str, *, name: str, first_line: int) -> tuple[str, tuple[Toponym, ...]]:
    pieces: list[str] = []
    toponyms: list[Toponym] = []
    length = 0
    position = 0
    for match in MARK.finditer(body):
        where = f"{name}, line {first_line + body.count(chr(10), 0, match.start())}"
        plain = body[position : match.start()]
        _no_stray_brackets(plain, where)
        pieces.append(plain)
        length += len(plain)
        toponym = _toponym(match.group("inside"), length, where)
        pieces.append(toponym.name)
        length += len(toponym.name)
        toponyms.append(toponym)
        position = match.end()
    tail = body[position:]
    _no_stray_brackets(tail, f"{name}, line {first_line + body.count(chr(10), 0, position)}")
    pieces.append(tail)
    return "".join(pieces), tuple(toponyms)


def _no_stray_brackets(plain: str, where: str) -> None:
    for token in ("[[", "]]"):
        if token in plain:
            context = plain[max(0, plain.find(token) - 20) : plain.find(token) + 30]
            raise MarkupError(f"{where}: unbalanced or malformed place markup near {context!r}")


def _toponym(inside: str, start: int, where: str) -> Toponym:
    parts = inside.split("|")
    if len(parts) not in (3, 4):
        raise MarkupError(
            f"{where}: expected [[surface|lat,lon|type]] or [[surface|lat,lon|type|date]], got [[{inside}]]"
        )
    surface, coordinates, kind = parts[0], parts[1].strip(), parts[2].strip()
    when = parts[3].strip() if len(parts) == 4 else ""
    if not surface or surface != surface.strip():
        raise MarkupError(f"{where}: expected a surface with no outer spaces, got {surface!r}")
    lat, lon = _coordinates(coordinates, surface, where)
    if kind not in MARKUP_TYPES:
        raise MarkupError(f"{where}: {surface!r}: expected type among {', '.join(MARKUP_TYPES)}, got {kind!r}")
    return Toponym(
        start=start,
        end=start + len(surface),
        name=surface,
        lat=lat,
        lon=lon,
        event_type=None if kind == NO_EVENT else kind,
        event_date=_event_date(when, surface, where),
    )


def _coordinates(text: str, surface: str, where: str) -> tuple[float, float]:
    try:
        lat_text, lon_text = text.split(",")
        lat, lon = float(lat_text), float(lon_text)
    except ValueError as err:
        raise MarkupError(f"{where}: {surface!r}: expected coordinates as 'lat,lon', got {text!r}") from err
    if not (-90.0 <= lat <= 90.0 and -180.0 <= lon <= 180.0):
        raise MarkupError(f"{where}: {surface!r}: expected lat in -90..90 and lon in -180..180, got {text!r}")
    return lat, lon


def _event_date(text: str, surface: str, where: str) -> str | None:
    if not text:
        return None
    try:
        if DAY.fullmatch(text):
            date.fromisoformat(text)
        elif MONTH.fullmatch(text):
            date.fromisoformat(text + "-01")
        else:
            raise ValueError(text)
    except ValueError as err:
        raise MarkupError(f"{where}: {surface!r}: expected a date as YYYY-MM-DD or YYYY-MM, got {text!r}") from err
    return text


# ---------------------------------------------------------------------------
# a folder of sources


def read_sources(folder: Path) -> list[SourceArticle]:
    """Every ``*.txt`` in ``folder``, parsed, sorted by id; ids must be unique."""
    articles: list[SourceArticle] = []
    for path in sorted(folder.glob("*.txt")):
        try:
            raw = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as err:
            raise MarkupError(f"{path}: cannot be read as UTF-8 text ({err})") from err
        articles.append(parse_source(raw, name=str(path)))
    articles.sort(key=lambda a: a.id)
    ids = [a.id for a in articles]
    repeated = sorted({i for i in ids if ids.count(i) > 1})
    if repeated:
        raise MarkupError(f"{folder}: expected each id once, got {repeated[0]!r} more than once")
    return articles


def corpus_jsonl(articles: Iterable[SourceArticle]) -> str:
    """The corpus file's exact text: one JSON object a line, in the order given."""
    return "".join(json.dumps(a.as_json(), ensure_ascii=False) + "\n" for a in articles)


def counts_table(articles: Sequence[SourceArticle]) -> str:
    """A Markdown table of articles, toponyms, event places and dated events per conflict
    (the slug of the id) with its continent, then the totals."""
    rows: dict[str, list[int]] = {}
    for article in articles:
        slug = article.id.split("-")[1] if article.id.count("-") >= 2 else article.id
        row = rows.setdefault(slug, [0, 0, 0, 0])
        row[0] += 1
        row[1] += len(article.toponyms)
        row[2] += sum(t.event_type is not None for t in article.toponyms)
        row[3] += sum(t.event_date is not None for t in article.toponyms)
    order = sorted(rows, key=lambda slug: (CONTINENTS.get(slug, "unassigned"), slug))
    lines = ["| continent | conflict | articles | toponyms | event places | dated |", "|---|---|--:|--:|--:|--:|"]
    lines += [
        f"| {CONTINENTS.get(slug, 'unassigned')} | {slug} | " + " | ".join(map(str, rows[slug])) + " |"
        for slug in order
    ]
    totals = [sum(row[i] for row in rows.values()) for i in range(4)]
    lines.append(f"| **all** | {len(rows)} conflicts | " + " | ".join(map(str, totals)) + " |")
    return "\n".join(lines) + "\n"


def build(folder: Path) -> str:
    return corpus_jsonl(read_sources(folder))


def _write(path: Path, content: str) -> None:
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_text(content, encoding="utf-8")
    temporary.replace(path)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build the annotated evaluation corpora from their sources.")
    parser.add_argument("source", nargs="?", type=Path, help="a folder of <id>.txt sources")
    parser.add_argument("output", nargs="?", type=Path, help="the JSONL to write")
    parser.add_argument("--check", action="store_true", help="write nothing; fail if an output is out of date")
    parser.add_argument("--counts", action="store_true", help="print the war-news counts per conflict as Markdown")
    args = parser.parse_args(argv)
    if args.counts:
        try:
            sys.stdout.write(counts_table(read_sources(args.source or CORPORA["warnews"][0])))
        except MarkupError as err:
            print(f"build_warnews: {err}", file=sys.stderr)
            return 1
        return 0
    if (args.source is None) != (args.output is None):
        parser.error("give both SRC_DIR and OUT.jsonl, or neither")
    jobs = (
        [(args.source, args.output)]
        if args.source
        else [paths for name, paths in CORPORA.items() if name not in OPTIONAL_CORPORA or paths[0].is_dir()]
    )
    stale = []
    try:
        for folder, output in jobs:
            content = build(folder)
            if args.check:
                if not output.exists() or output.read_text(encoding="utf-8") != content:
                    stale.append(output)
            else:
                _write(output, content)
                print(f"{output}: {content.count(chr(10))} articles", file=sys.stderr)
    except MarkupError as err:
        print(f"build_warnews: {err}", file=sys.stderr)
        return 1
    for output in stale:
        print(f"build_warnews: {output} is out of date; run scripts/build_warnews.py", file=sys.stderr)
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())

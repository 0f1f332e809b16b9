"""The ``parse`` and ``geoparse`` commands: read, run the library, print JSON.

``geoparse`` writes demonyms read as their country ("Syrian": Syria) beside the places
named, each mention's ``kind`` telling them apart ("place" or "demonym"): a reader sees
which countries an article speaks of, and ``eval --predictions`` scores the file under
each corpus's own convention, as it scores the geoparser. ``--no-demonyms`` leaves them out.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, TextIO

from geo.errors import InputError
from geo.read.readers import check_article_length
from geo.records import Article, Place
from geo.safetext import unencodable

EXIT_OK = 0


def _checked(articles: Sequence[Article], path: Path) -> Sequence[Article]:
    for article in articles:
        check_article_length(article, where=str(path))
    return articles


def parse_command(args: argparse.Namespace) -> int:
    from geo.formats import geojson
    from geo.parse.pipeline import load_pipeline
    from geo.read.readers import read_articles

    articles = _checked(read_articles(args.file, published=args.published), args.file)
    pipeline = load_pipeline(args.gazetteer)
    events = (e for article in articles for e in pipeline.events(article))
    geojson.dump(events, sys.stdout, indent=2)
    sys.stdout.write("\n")
    return EXIT_OK


def geoparse_command(args: argparse.Namespace) -> int:
    from geo.parse.geoparser import load_geoparser

    if (args.file is None) == (args.jsonl is None):
        raise InputError("geoparse takes either a FILE or --jsonl CORPUS, not both or neither")
    if args.jsonl is not None:
        return _geoparse_jsonl(args.jsonl, args.gazetteer, sys.stdout, demonyms=args.demonyms)
    from geo.read.readers import read_articles

    articles = _checked(read_articles(args.file), args.file)
    geoparser = load_geoparser(args.gazetteer)
    out = [
        {"id": a.article_id, "mentions": [mention_json(p) for p in geoparser.places(a.text, demonyms=args.demonyms)]}
        for a in articles
    ]
    json.dump(out[0] if len(out) == 1 else out, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return EXIT_OK


def mention_json(place: Place) -> dict[str, Any]:
    m, e = place.mention, place.entry
    return {
        "start": m.start,
        "end": m.end,
        "text": m.text,
        "kind": m.kind,
        "lat": e.lat,
        "lon": e.lon,
        "geonameid": e.geonameid,
        "name": e.name,
        "country_code": e.country_code,
        "feature_code": e.feature_code,
        "confidence": place.confidence,
    }


def iter_corpus_lines(path: Path) -> Iterator[tuple[str, str]]:
    """(id, text) for each line of a JSONL corpus; a bad line is an error naming it."""
    try:
        handle = path.open(encoding="utf-8")
    except FileNotFoundError as err:
        raise InputError(f"{path}: no such file") from err
    with handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                article_id, text = str(record["id"]), str(record["text"])
                fault = unencodable(article_id) or unencodable(text)
                if fault:
                    raise InputError(f"{path}, line {number}: the line holds {fault}")
                yield article_id, text
            except (json.JSONDecodeError, KeyError, TypeError) as err:
                raise InputError(f"{path}, line {number}: expected a JSON object with 'id' and 'text' ({err})") from err


def _geoparse_jsonl(path: Path, gazetteer: Path | None, out: TextIO, *, demonyms: bool = True) -> int:
    from geo.parse.geoparser import load_geoparser

    geoparser = load_geoparser(gazetteer)
    lines = list(iter_corpus_lines(path))
    workers = min(os.cpu_count() or 1, max(1, len(lines) // 50))
    results = geoparser.places_many((text for _, text in lines), n_process=workers, demonyms=demonyms)
    for (article_id, _), places in zip(lines, results):
        out.write(
            json.dumps({"id": article_id, "mentions": [mention_json(p) for p in places]}, ensure_ascii=False) + "\n"
        )
    return EXIT_OK

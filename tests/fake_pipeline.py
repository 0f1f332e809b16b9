"""A fast stand-in for the real pipeline, with the same shape (``events``/``events_many``).

It finds a few known place names by exact word, one event per sentence and place,
typed by keywords. Tests of the store, ingest and exports use it so that they do
not need the language model. This folder registers its loaders as the pipelines
``fake`` and ``slow`` (``conflictmap_test_pipelines-0.dist-info/entry_points.txt``),
so ``CONFLICTMAP_PIPELINE=fake`` selects it wherever this folder is on the import
path: in the suite and in the processes it starts with this folder on PYTHONPATH.
"""

from __future__ import annotations

import re
import time
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from geo.records import Article, Event, PlaceOverride, event_id_for

#: name -> (lat, lon, geonameid, country_code, admin1, feature_code)
PLACES: dict[str, tuple[float, float, int, str, str, str]] = {
    "Palmyra": (34.56, 38.28, 170575, "SY", "Homs", "PPL"),
    "Raqqa": (35.95, 39.01, 172955, "SY", "Ar-Raqqah", "PPLA"),
    "Aleppo": (36.20, 37.16, 170063, "SY", "Aleppo", "PPLA"),
    "Damascus": (33.51, 36.29, 170654, "SY", "Damascus", "PPLC"),
    "Geneva": (46.20, 6.15, 2660646, "CH", "Geneva", "PPLA"),
    "Moscow": (55.75, 37.62, 524901, "RU", "Moscow", "PPLC"),
    "Kyiv": (50.45, 30.52, 703448, "UA", "Kyiv City", "PPLC"),
    "Mariupol": (47.10, 37.55, 701822, "UA", "Donetsk", "PPL"),
}
#: keyword -> (event_type, sub_event_type), the first match in a sentence wins
KEYWORDS: tuple[tuple[str, tuple[str, str]], ...] = (
    ("shell", ("frontline", "shelling")),
    ("strike", ("frontline", "air_strike")),
    ("fought", ("frontline", "armed_clash")),
    ("clash", ("frontline", "armed_clash")),
    ("talks", ("diplomacy", "talks")),
    ("visit", ("diplomacy", "visit")),
    ("aid", ("humanitarian", "aid")),
    ("fled", ("humanitarian", "displacement")),
)
#: An article containing this word makes the pipeline raise, like a parser bug would.
POISON = "UNPARSEABLE"

_SENTENCE = re.compile(r"[^.!?]+[.!?]?")


class FakePipeline:
    def __init__(self, delay: float = 0.0, *, slow_titles: frozenset[str] = frozenset()) -> None:
        self.delay = delay
        self.slow_titles = slow_titles

    def events(self, article: Article, *, overrides: Sequence[PlaceOverride] = ()) -> tuple[Event, ...]:
        if self.delay:
            time.sleep(self.delay)
        if article.title in self.slow_titles:
            time.sleep(0.5)
        if POISON in article.text:
            raise RuntimeError(f"cannot parse article {article.article_id}")
        corrections = {_key(o.mention): o for o in overrides if o.article_id in ("", article.article_id)}
        events = []
        for index, match in enumerate(_SENTENCE.finditer(article.text)):
            sentence = " ".join(match.group().split())
            kind = next((k for word, k in KEYWORDS if word in sentence.lower()), ("other", ""))
            for word in re.findall(r"[A-Z][\w'-]+", sentence):
                place = _place(word, corrections)
                if place is not None:
                    events.append(_event(article, index, sentence, word, kind, place))
        return tuple(events)

    def unplaced_names(self, article: Article, *, overrides: Sequence[PlaceOverride] = ()) -> tuple[str, ...]:
        """Names written after "village of" that neither PLACES nor a correction places."""
        corrections = {_key(o.mention): o for o in overrides if o.article_id in ("", article.article_id)}
        names = re.findall(r"village of ([A-Z][\w'-]+)", article.text)
        return tuple(dict.fromkeys(n for n in names if _place(n, corrections) is None))

    def events_many(
        self, articles: Iterable[Article], *, overrides: Sequence[PlaceOverride] = (), n_process: int = 1
    ) -> Iterator[tuple[Article, tuple[Event, ...]]]:
        for article in articles:
            yield article, self.events(article, overrides=overrides)


def load_fake_pipeline(gazetteer_path: Path | None = None) -> FakePipeline:
    return FakePipeline()


def load_slow_pipeline(gazetteer_path: Path | None = None) -> FakePipeline:
    """About 4 ms per article: slow enough to interrupt an ingest halfway."""
    return FakePipeline(delay=0.004)


def load_first_brief_slow_pipeline(gazetteer_path: Path | None = None) -> FakePipeline:
    """Half a second on "Brief 0" alone: the batch that holds it ends after later batches."""
    return FakePipeline(slow_titles=frozenset({"Brief 0"}))


def _key(text: str) -> str:
    bare = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return bare.casefold()


def _place(word: str, corrections: dict[str, PlaceOverride]):
    override = corrections.get(_key(word))
    if override is not None:
        return (
            override.lat,
            override.lon,
            override.geonameid,
            override.country_code,
            override.admin1,
            override.feature_code or "PPL",
            override.name,
        )
    if word in PLACES:
        return (*PLACES[word], word)
    return None


def _event(article: Article, index: int, sentence: str, word: str, kind: tuple[str, str], place) -> Event:
    lat, lon, geonameid, country_code, admin1, feature_code, name = place
    return Event(
        event_id=event_id_for(article.article_id, index, geonameid, word),
        event_type=kind[0],
        sub_event_type=kind[1],
        event_date=article.published,
        date_precision=1,
        place=name,
        mention=word,
        lat=lat,
        lon=lon,
        geonameid=geonameid,
        country_code=country_code,
        admin1=admin1,
        feature_code=feature_code,
        geo_precision=1,
        quote=sentence,
        article_id=article.article_id,
        title=article.title,
        published=article.published,
        source=article.source,
        url=article.url,
        confidence=0.9,
    )

"""Article in, events out: geoparse, then one event per sentence and place where it happened.

Whether a place is where the sentence's event happened, and what kind of event, is
the learned event model's answer (``geo.parse.eventmodel``), which reads the trigger table and
the role rules ("the Britain-based Observatory" names a base, not a location) among its
features. Two rules stand before it: a country or region yields to a place inside it
that the same sentence names (the event is at Palmyra, not at Syria's centre), and a
river, sea, range, valley or named region (feature class H, T or L) is where an event
happened only when a preposition of place comes before its name ("along the Dnieper"),
not when it names something else ("the Black Sea Fleet"). Places in page furniture
(footers of other headlines, "Read more:" lines) make no events, and a dateline's place
none when its sentence tells of another town and does not point back at it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from gazetteer.entry import Entry
from gazetteer.normalize import normalize
from geo.parse.clauses import SentenceSyntax
from geo.parse.clausetree import ClauseTree
from geo.parse.coding import coded
from geo.parse.datechoice import event_date, load_date_model
from geo.parse.datelines import dateline_name, header_end, story_points_back
from geo.parse.dates import DateContext, act_clause_span, date_contexts
from geo.parse.eventmodel import EventSite, decide, load_event_model
from geo.parse.eventtypes import EventKind, trigger_spans
from geo.parse.geoparser import Geoparser, ParsedText, Section, chunked, in_forked_worker, load_geoparser
from geo.parse.speakers import settlements_spoken_of
from geo.parse.whereabouts import capital_references, namesakes_abroad, placed_by_context
from geo.read.boilerplate import furniture_ranges
from geo.records import GEO_PRECISION_REGION, Article, Event, Mention, Place, event_id_for
from geo.workers import map_sharing_work, worker_state

if TYPE_CHECKING:
    from geo.records import PlaceOverride


@dataclass(frozen=True, slots=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str


class Pipeline:
    """Holds a Geoparser; turns articles into events."""

    def __init__(self, geoparser: Geoparser) -> None:
        self.geoparser = geoparser

    @property
    def gazetteer(self):
        return self.geoparser.gazetteer

    def events(self, article: Article, *, overrides: Sequence[PlaceOverride] = ()) -> tuple[Event, ...]:
        """The article's events, read section by section (``Geoparser.sections``), so a
        long article costs memory of one section and time in step with its length."""
        chosen = override_entries(overrides, article.article_id)
        furniture = furniture_ranges(article.text)  # once: a long article has many sections
        events: list[Event] = []
        context = DateContext()  # what the article said about when, carried from section to section
        for section in self.geoparser.sections(article.text, overrides=chosen):
            texts = [article.text[start:end] for start, end in section.sentences]
            contexts, context = date_contexts(texts, published=article.published, before=context)
            placed = placed_by_context(article.text, section.places, section.unplaced, self.gazetteer)
            # "the Qatari capital", "Qatar's capital": a capital told without its name is a place
            # of the story too, the capital of the story's day.
            placed += capital_references(
                article.text, placed, section.sentences, self.gazetteer, section.first_sentence, article.published
            )
            # "Troops took the town, officials in X said": the town is the one the story named last;
            # X is only where they spoke.
            placed += settlements_spoken_of(
                article.text,
                placed,
                section.sentences,
                [s.tree for s in section.syntax],
                section.first_sentence,
            )
            abroad = namesakes_abroad(placed, section.demonym_countries)
            found = events_from_places(
                article,
                sorted(placed, key=lambda p: (not p.unlisted, p.mention.start)),
                _SectionSentences(article.text, section),
                furniture=furniture,
                dates={section.first_sentence + i: c for i, c in enumerate(contexts)},
                trees={section.first_sentence + i: s.tree for i, s in enumerate(section.syntax)},
                abroad=abroad,
            )
            named: list[set[int]] = [set() for _ in texts]
            # A namesake's stand-in is named where its name is, so that the toll told after
            # it is read as its own.
            for place in section.places:
                at = place.mention.sentence - section.first_sentence
                if place.mention.start - section.sentences[at][0] < header_end(texts[at]):
                    continue  # the dateline: where the report was filed, not a place it tells of
                if names_a_countrys_force(article.text, place):
                    continue  # "Iran's Revolutionary Guards fired missiles ...": an actor, not a place
                if any(
                    _contains(place.entry, q.entry) and q.mention.start > place.mention.start for q in section.places
                ):
                    # "14 were killed in Sudan's North Kordofan. Gunmen attacked Bara.": the area a
                    # lede names before the story names its town is that town's, not another place;
                    # named after the town ("In Kharkiv, ..."), it may be the story moving on.
                    continue
                stand_in = abroad.get(place.mention)
                for entry in (place.entry, stand_in.entry if stand_in else None):
                    if entry is not None and entry.geonameid is not None:
                        named[place.mention.sentence - section.first_sentence].add(entry.geonameid)
            events.extend(coded_events(found, texts, section.syntax, [frozenset(n) for n in named]))
        return tuple(events)

    def unplaced_names(self, article: Article, *, overrides: Sequence[PlaceOverride] = ()) -> tuple[str, ...]:
        """The names the article uses for places the gazetteer could not give, each once
        (as first written), in text order; names in page furniture are left out."""
        chosen = override_entries(overrides, article.article_id)
        furniture = furniture_ranges(article.text)
        names: dict[str, str] = {}
        for mention in self.geoparser.unplaced(article.text, overrides=chosen):
            if not any(start <= mention.start < end for start, end in furniture):
                names.setdefault(normalize(mention.text), mention.text)
        return tuple(names.values())

    def events_many(
        self,
        articles: Iterable[Article],
        *,
        overrides: Sequence[PlaceOverride] = (),
        n_process: int = 1,
        batch_size: int = 16,
    ) -> Iterator[tuple[Article, tuple[Event, ...]]]:
        """(article, events) for each article, in order; ``n_process > 1`` shares the
        articles between this process and ``n_process - 1`` worker processes."""
        if n_process <= 1:
            for article in articles:
                yield article, self.events(article, overrides=overrides)
            return
        chosen = tuple(overrides)
        chunks = list(chunked(articles, batch_size))
        results = map_sharing_work(
            partial(_events_of, self, overrides=chosen),
            partial(_worker_events, overrides=chosen),
            chunks,
            processes=n_process,
            setup=load_pipeline,
            setup_args=(getattr(self.geoparser.gazetteer, "path", None),),
            forked_setup=partial(in_forked_worker, self),
        )
        for chunk, events in zip(chunks, results):
            yield from zip(chunk, events)


def coded_events(
    events: Sequence[Event],
    sentences: Sequence[str],
    syntax: Sequence[SentenceSyntax] = (),
    places: Sequence[frozenset[int]] = (),
) -> list[Event]:
    """``events`` with their actors and fatalities (``geo.parse.coding``), each read from its
    sentence among ``sentences`` (those of its section, with their ``syntax`` and the
    gazetteer ids of the ``places`` each names) and the others."""
    if not events:
        return []
    index_of: dict[str, int] = {}
    for i, text in enumerate(sentences):
        index_of.setdefault(" ".join(text.split()), i)
    names: list[set[str]] = [set() for _ in sentences]
    for e in events:
        if e.quote in index_of:
            names[index_of[e.quote]].add(e.mention)
    named = [frozenset(n) for n in names]
    return [coded(e, sentences, index_of[e.quote], syntax, places, named) if e.quote in index_of else e for e in events]


def override_entries(overrides: Sequence[PlaceOverride], article_id: str) -> dict[str, Entry]:
    """Corrections that apply to this article, by normalised mention; its own beat global ones."""
    chosen: dict[str, Entry] = {}
    for scope in ("", article_id):
        for o in overrides:
            if o.article_id == scope:
                chosen[normalize(o.mention)] = o.entry()
    return chosen


class _SectionSentences:
    """A section's sentences by their number in the whole text, made when asked for:
    only sentences that name a place become ``Sentence`` records."""

    def __init__(self, text: str, section: Section) -> None:
        self.text = text
        self.section = section

    def __getitem__(self, index: int) -> Sentence:
        start, end = self.section.sentence_span(index)
        return Sentence(index, start, end, self.text[start:end])


def sentences_of(parsed: ParsedText) -> list[Sentence]:
    sentences: list[Sentence] = []
    for doc, offset in zip(parsed.docs, parsed.offsets):
        for sent in doc.sents:
            sentences.append(Sentence(len(sentences), sent.start_char + offset, sent.end_char + offset, sent.text))
    return sentences


def events_from_places(
    article: Article,
    places: Sequence[Place],
    sentences: Sequence[Sentence] | _SectionSentences,
    *,
    furniture: Sequence[tuple[int, int]] | None = None,
    dates: Mapping[int, DateContext] | None = None,
    trees: Mapping[int, ClauseTree | None] | None = None,
    abroad: Mapping[Mention, Place | None] | None = None,
) -> tuple[Event, ...]:
    """The events of ``places``; ``furniture`` is the article's page furniture
    (``furniture_ranges``), found here when not given; ``dates`` the date context of each
    sentence by its number (``date_contexts``), read here from ``sentences`` when it is a list;
    ``trees`` the parse of each sentence by its number, when kept (``geo.parse.clausetree``);
    ``abroad`` the story's towns read as a namesake far off, each with its stand-in
    (``namesakes_abroad``), found here from ``places`` alone when not given."""
    if furniture is None:
        furniture = furniture_ranges(article.text)
    if dates is None and isinstance(sentences, Sequence):
        contexts, _ = date_contexts([s.text for s in sentences], published=article.published)
        dates = {s.index: c for s, c in zip(sentences, contexts)}
    by_sentence: dict[int, list[Place]] = defaultdict(list)
    for place in places:
        if not any(start <= place.mention.start < end for start, end in furniture):
            by_sentence[place.mention.sentence].append(place)
    if abroad is None:
        abroad = namesakes_abroad(places)
    events: list[Event] = []
    for index in sorted(by_sentence):
        sentence = sentences[index]
        tree = (trees or {}).get(index)
        story = None
        if _only_a_dateline(sentence.text) and index + 1 in by_sentence:
            story = (sentences[index + 1], by_sentence[index + 1])  # the story the dateline opens
        events.extend(
            _sentence_events(article, sentence, by_sentence[index], (dates or {}).get(index), tree, abroad, story)
        )
    return tuple(events)


def _only_a_dateline(text: str) -> bool:
    """Is the sentence a dateline alone ("CITY, May 3 (AGENCY) -"), split off the story it opens?"""
    end = header_end(text)
    return end > 0 and not text[end:].strip()


def _sentence_events(
    article: Article,
    sentence: Sentence,
    places: Sequence[Place],
    date_context: DateContext | None = None,
    tree: ClauseTree | None = None,
    abroad: Mapping[Mention, Place | None] | None = None,
    story: tuple[Sentence, Sequence[Place]] | None = None,
) -> list[Event]:
    """The events of one sentence's ``places``; ``abroad`` the story's towns read as a
    namesake far off (``namesakes_abroad``), each with the stand-in its act on the ground takes;
    ``story``, for a sentence that is a dateline alone, the next sentence and its places."""
    model = load_event_model()
    # A country or region yields to a place inside it that the sentence names: the
    # event is at Palmyra, not at Syria's centre.
    # A stand-in for a village the gazetteer lacks is the village's event, whatever else is named.
    located = [p for p in places if p.unlisted or not any(_contains(p.entry, q.entry) for q in places if q is not p)]
    # The story's mention of a place its dateline also names is decided first (a stable sort keeps
    # the text's order otherwise): the act is told there and its clause dates it. The dateline's
    # mention is decided only when the story's gets no event.
    in_deciding_order = sorted(
        enumerate(located), key=lambda item: _named_again_past_the_dateline(sentence, item[1], places)
    )
    seen: set[int] = set()
    events: list[tuple[int, Event]] = []
    for position, place in in_deciding_order:
        if place.entry.geonameid in seen:
            continue
        start = place.mention.start - sentence.start
        if start < 0 or start + len(place.mention.text) > len(sentence.text):
            continue  # a name the sentence splitter cut in two ("Gen. X"): no place of this sentence alone
        if is_natural_feature(place.entry) and not _after_locative_preposition(sentence.text, start):
            continue
        if _only_filed_from(sentence, place, places) or (story is not None and _story_told_elsewhere(place, *story)):
            continue
        near = (start, start + len(place.mention.text))
        site = EventSite(
            sentence.text,
            near[0],
            near[1],
            is_area=place.entry.is_area and not place.unlisted,  # a stand-in's mention names a village
            is_country=place.entry.is_country and not place.unlisted,
            other_places=len(places) - 1,
            sentence_index=sentence.index,
            tree=tree,
            other_spans=tuple(
                (q.mention.start - sentence.start, q.mention.end - sentence.start) for q in places if q is not place
            ),
        )
        kind, probability = decide(model, site)
        if kind is None or (kind.event_type == "other" and is_natural_feature(place.entry)):
            continue
        if abroad and place.mention in abroad and kind.event_type in ACTS_ON_THE_GROUND:
            # Fighting is where the story is: its town's namesake abroad is not.
            stand_in = abroad[place.mention]
            if stand_in is None or stand_in.entry.geonameid in seen:
                continue
            place = stand_in
        seen.add(place.entry.geonameid)
        day = event_date(
            sentence.text,
            published=article.published,
            # an act another clause tells is dated by that clause
            near=kind.told_at or act_clause_span(tree, near, _fighting_span(sentence.text, kind)),
            context=date_context,
            tree=tree,
            model=load_date_model(),
        )
        events.append((position, _event(article, sentence, place, kind, day, probability)))
    return [event for _, event in sorted(events, key=lambda item: item[0])]


def _fighting_span(sentence: str, kind: EventKind) -> tuple[int, int] | None:
    """Where the words that typed a frontline event stand in the sentence, None for another kind."""
    if kind.event_type != "frontline" or not kind.trigger:
        return None
    return next(
        (
            (start, end)
            for start, end, _ in trigger_spans(sentence)
            if " ".join(sentence[start:end].lower().split()) == kind.trigger
        ),
        None,
    )


#: Event types that happen where the story is set: not talks or statements, often held in a
#: city abroad whose country goes unnamed, nor aid and refugees, who arrive from and in
#: famous cities far off.
ACTS_ON_THE_GROUND = frozenset({"frontline"})
#: Rivers, lakes and seas (H), mountains, valleys and islands (T), regions (L).
NATURAL_FEATURE_CLASSES = frozenset({"H", "T", "L"})
#: Prepositions that put what a sentence tells at a river, sea, valley or region: "fighting
#: along the Dnieper", "a ship struck in the Black Sea". Without one the feature is named
#: for something else ("the Black Sea Fleet", "the Euphrates dam's operators said").
NATURAL_FEATURE_PREPOSITIONS = frozenset(
    {
        "in",
        "on",
        "at",
        "near",
        "across",
        "along",
        "over",
        "off",
        "into",
        "around",
        "inside",
        "through",
        "toward",
        "towards",
        "beyond",
        "outside",
        "up",
        "down",
        "upstream",
        "downstream",
        "within",
    }
)
_SKIPPED_BEFORE_FEATURE = frozenset(
    {"the", "northern", "southern", "eastern", "western", "central", "upper", "lower", "north", "south", "east", "west"}
)


#: What a country's name owns when it names an actor, not a place: its forces or its
#: government ("Iran's Revolutionary Guards", "Malawi's air force", "Russia's defence ministry").
_A_COUNTRYS_FORCE = re.compile(
    r"['\u2019]s\s+(?:[\w-]+\s+){0,2}?"
    r"(?:army|military|armed\s+forces|forces|troops|soldiers|air\s+force|navy|guards?|police"
    r"|government|ministry|president|prime\s+minister)\b",
    re.IGNORECASE,
)


def names_a_countrys_force(text: str, place: Place) -> bool:
    """Is ``place`` a country named as the owner of its forces or government ("Iran's
    Revolutionary Guards fired missiles at camps in northern Iraq")? The sentence then tells
    of what that actor did, not of a happening in the country: a toll it gives may still be
    the toll of the town the story goes on to name."""
    return place.entry.is_country and _A_COUNTRYS_FORCE.match(text, place.mention.end) is not None


def is_natural_feature(entry: Entry) -> bool:
    """A river, sea, range, valley, island or named region: found as a place, but an event
    happens there only when the sentence puts it there."""
    return entry.feature_class in NATURAL_FEATURE_CLASSES


def _after_locative_preposition(text: str, start: int) -> bool:
    """Is the name at ``start`` preceded by a preposition of place ("along the", "in
    northern"), skipping an article and compass words?"""
    words = [w.strip(",;:()\"'").lower() for w in text[:start].split()]
    while words and words[-1] in _SKIPPED_BEFORE_FEATURE:
        words.pop()
    return bool(words) and words[-1] in NATURAL_FEATURE_PREPOSITIONS


def _only_filed_from(sentence: Sentence, place: Place, places: Sequence[Place]) -> bool:
    """Is ``place`` named only in the dateline of a sentence that tells of another town or
    village ("LUANDA, March 8 - Rebels took Huambo ...")? The dateline says where the report
    was filed; the event is at the town the story names, unless it points back ("this town",
    "the capital"). A country or region the story names ("seized power days after a massacre
    in Gitega province") leaves the dateline's place the event: it is too coarse to be where."""
    start = place.mention.start - sentence.start
    if not dateline_name(sentence.text, start) or story_points_back(sentence.text):
        return False
    others = [q for q in places if q is not place]
    if any(q.entry.geonameid == place.entry.geonameid for q in others):
        return False  # named again in the story: the story's own mention decides
    return any(
        not q.entry.is_area and not dateline_name(sentence.text, q.mention.start - sentence.start) for q in others
    )


def _story_told_elsewhere(place: Place, story: Sentence, story_places: Sequence[Place]) -> bool:
    """For the place of a dateline split off as a sentence of its own ("LUANDA, March 8 (AGENCY)
    -"), does the story's first sentence tell of another town or village, and not of the
    dateline's place ("Rebels took Huambo ...")? As ``_only_filed_from`` reads a dateline that
    opens its story's sentence: the dateline says where the report was filed."""
    if story_points_back(story.text) or any(q.entry.geonameid == place.entry.geonameid for q in story_places):
        return False
    return any(not q.entry.is_area for q in story_places)


def _named_again_past_the_dateline(sentence: Sentence, place: Place, places: Sequence[Place]) -> bool:
    """Is ``place`` named in the sentence's dateline and again in the story past it
    ("CITY, May 3 - ... fought for hours in City")? The story's mention is where the act is
    told, and its own clause dates it; the dateline only says where the report was filed.
    Decided first, the dateline would take the one event a place gets in a sentence."""
    if not dateline_name(sentence.text, place.mention.start - sentence.start):
        return False
    return any(
        q.entry.geonameid == place.entry.geonameid
        and q.mention.text.casefold() == place.mention.text.casefold()  # by its name, not "the capital"
        and not dateline_name(sentence.text, q.mention.start - sentence.start)
        for q in places
        if q is not place
    )


def _contains(outer: Entry, inner: Entry) -> bool:
    """Is ``inner`` a place inside the area ``outer`` (a country or a first-level region)?"""
    if not outer.is_area or outer.geonameid == inner.geonameid or outer.country_code != inner.country_code:
        return False
    if outer.is_country:
        return not inner.is_country
    return outer.feature_code == "ADM1" and inner.admin1_code == outer.admin1_code and inner.feature_code != "ADM1"


def _event(article: Article, sentence: Sentence, place: Place, kind, event_date, probability: float) -> Event:
    entry = place.entry
    confidence = place.confidence * (0.5 + 0.5 * probability)
    return Event(
        event_id=event_id_for(article.article_id, sentence.index, entry.geonameid, place.mention.text),
        event_type=kind.event_type,
        sub_event_type=kind.sub_event_type,
        event_date=event_date.value,
        date_precision=event_date.precision,
        place=entry.name,
        mention=place.mention.text,
        lat=entry.lat,
        lon=entry.lon,
        geonameid=entry.geonameid,
        country_code=entry.country_code,
        admin1=entry.admin1,
        feature_code=entry.feature_code,
        # A valley, range or island is an area like a river or region: its point is a label.
        geo_precision=GEO_PRECISION_REGION if is_natural_feature(entry) else place.geo_precision,
        quote=" ".join(sentence.text.split()),
        article_id=article.article_id,
        title=article.title,
        published=article.published,
        source=article.source,
        url=article.url,
        confidence=round(min(1.0, max(0.0, confidence)), 3),
    )


def _events_of(
    pipeline: Pipeline, articles: list[Article], overrides: tuple[PlaceOverride, ...]
) -> list[tuple[Event, ...]]:
    return [pipeline.events(a, overrides=overrides) for a in articles]


def _worker_events(articles: list[Article], overrides: tuple[PlaceOverride, ...]) -> list[tuple[Event, ...]]:
    """In a worker process: the events of each article, by the worker's own pipeline."""
    return _events_of(worker_state(), articles, overrides)


def load_pipeline(gazetteer_path: Path | None = None) -> Pipeline:
    """The model and the gazetteer (built on first use), ready to turn articles into events."""
    return Pipeline(load_geoparser(gazetteer_path))

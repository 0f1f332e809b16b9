"""Is a place where the sentence's event happened, and what kind of event: a learned model.

The trigger table of ``geo.parse.eventtypes`` and the role rules of ``geo.parse.roles`` read a sentence
by hand-written patterns. The model reads the same sentence through features and
weights learned from annotated war reports (``scripts/train_event_types.py``): the
rules' verdicts, the words of the place's clause and of the whole sentence, the words
just around the place, whether it is a country or region and how many other places
the sentence names. It answers one of ``none`` (the place is named, nothing happens
there), ``frontline``, ``diplomacy``, ``humanitarian`` or ``other``.

The weights ship as JSON (no pickle): a multinomial logistic regression, scored here
in plain Python. Features never seen in training weigh nothing.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources
from pathlib import Path

from geo.parse.clausetree import ClauseTree
from geo.parse.datelines import header_end
from geo.parse.eventabsence import is_negated_verb, states_no_event
from geo.parse.eventclause import (
    TRIGGER_TYPES,
    clause_features,
    governing_triggers,
    in_place_clause,
    types_in_place_clause,
)
from geo.parse.eventsignals import (
    a_crowd_acts_there,
    aid_arrives_there,
    armed_men_headed_there,
    assaults_a_security_post,
    civilians_move_there,
    doer_brings_aid,
    ends_a_supply_line,
    forces_leave_the_country,
    held_or_besieged,
    locates_a_named_site,
    only_a_state_of_place,
    only_beside_where_a_move_starts,
    only_in_a_view_from_another,
    only_locates_another,
    only_the_topic_of_a_purpose,
    only_where_a_journey_starts,
    signal_features,
    tells_of_want,
)
from geo.parse.eventtypes import (
    CONFIDENCE_STRONG,
    OTHER,
    EventKind,
    classify_sentence,
    clause_of,
    every_trigger_span,
    trigger_spans,
    triggers_in,
)
from geo.parse.fatalities import casualties
from geo.parse.placerole import role_features, sibling_features
from geo.parse.placestates import place_state_features
from geo.parse.roles import is_incidental_location, only_names_something_else
from geo.parse.speakers import speaks_of_elsewhere

#: The model's answer for a place where nothing happens.
NO_EVENT = "none"
EVENT_TYPES = ("frontline", "diplomacy", "humanitarian", "other")
#: The shipped weights, inside the ``geo.parse`` package.
MODEL_RESOURCE = "models/event_types.json"
#: Words on either side of the place read as its neighbours.
NEIGHBOUR_WORDS = 3

_WORD = re.compile(r"[a-z]+(?:['’][a-z]+)?|\d+")

#: (name, value) pairs: 1 for a property the site has; a bag of words shares a total
#: length of 1 among its words, so a long sentence does not outvote a short one.
Features = tuple[tuple[str, float], ...]


@dataclass(frozen=True, slots=True)
class EventSite:
    """A place in its sentence: what the model reads."""

    sentence: str
    start: int  # the place's span in ``sentence``
    end: int
    is_area: bool  # a country or a region rather than a town
    other_places: int  # how many other places the sentence names
    sentence_index: int  # 0 for the article's first sentence
    #: the sentence's parse, when kept: which clause governs the place (``geo.parse.eventclause``)
    tree: ClauseTree | None = None
    #: where the sentence names its other places, when known
    other_spans: tuple[tuple[int, int], ...] = ()
    #: a country named as a whole (``is_area`` holds for regions too)
    is_country: bool = False


#: Prefix of the features that say what toll a place's clause tells there.
TOLL_FEATURE = "toll_at_place="


@dataclass(frozen=True, slots=True)
class EventTypeModel:
    """Learned weights: one per class for each feature, plus an intercept per class."""

    classes: tuple[str, ...]
    intercept: tuple[float, ...]
    weights: Mapping[str, tuple[float, ...]]
    about: Mapping[str, object]  # training data hash, settings, scores
    #: A place gets an event when the probability of ``none`` is below this.
    no_event_threshold: float = 0.5
    #: Whether the weights know the toll features: a model without them would have every
    #: place's clause read for a toll (0.2-0.5 ms a place) that changes none of its answers.
    reads_tolls: bool = field(init=False, default=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "reads_tolls", any(name.startswith(TOLL_FEATURE) for name in self.weights))

    def probabilities(self, features: Features) -> dict[str, float]:
        scores = list(self.intercept)
        for feature, value in features:
            row = self.weights.get(feature)
            if row is not None:
                for k, w in enumerate(row):
                    scores[k] += w * value
        top = max(scores)
        exps = [math.exp(s - top) for s in scores]
        total = sum(exps)
        return {c: e / total for c, e in zip(self.classes, exps)}

    def label(self, features: Features) -> str:
        """``none``, or the likeliest event type."""
        return self.label_of(self.probabilities(features))

    def label_of(self, probabilities: Mapping[str, float]) -> str:
        """``none`` when its probability reaches the threshold, else the likeliest type."""
        if probabilities[NO_EVENT] >= self.no_event_threshold:
            return NO_EVENT
        return max(EVENT_TYPES, key=probabilities.__getitem__)


def site_features(site: EventSite, rule: EventKind | None = None, *, tolls: bool = True) -> Features:
    """The features of ``site``; ``rule`` is the trigger table's kind when already known.
    ``tolls=False`` leaves out the toll features (for a model that has no weights for them)."""
    sentence = site.sentence
    near = (site.start, site.end)
    rule = rule or place_rule(site)
    lowered = sentence.lower()
    clause = clause_of(lowered, near) if len(lowered) == len(sentence) else (0, len(sentence))
    before = _WORD.findall(lowered[: site.start])[-NEIGHBOUR_WORDS:]
    after = _WORD.findall(lowered[site.end :])[:NEIGHBOUR_WORDS]
    flags = [
        "bias",
        f"rule={rule.event_type}",
        f"rule_sub={rule.sub_event_type}",
        f"rule_strength={_strength(rule)}",
        f"area={site.is_area}",
        f"others={min(site.other_places, 3)}",
        f"area_others={site.is_area and site.other_places > 0}",
        f"first_sentence={site.sentence_index == 0}",
        f"incidental={is_incidental_location(sentence, site.start, site.end)}",
        *_header_flags(sentence, site.start, site.end),
    ]
    flags += sorted({f"clause_trigger={kind}" for kind in triggers_in(sentence, clause)})
    flags += sorted({f"sentence_trigger={kind}" for kind in triggers_in(sentence)})
    flags += [f"before{i}={w}" for i, w in enumerate(reversed(before), 1)]
    flags += [f"after{i}={w}" for i, w in enumerate(after, 1)]
    if site.tree is not None:
        flags += clause_features(site.tree, site.start, site.end, sentence)
        flags += role_features(site.tree, site.start, site.end)
        flags += sibling_features(site.tree, site.start, site.end, site.other_spans)
        flags.append(f"names_event={_event_the_place_names(site) is not None}")
        flags.append(f"locative_strong={_locative_of_strong_trigger(site, rule)}")
    flags += signal_features(site.tree, sentence, site.start, site.end, site.is_area)
    flags += place_state_features(site.tree, sentence, site.start, site.end)
    if tolls:
        flags += toll_features(sentence[clause[0] : clause[1]], sentence[site.start : site.end])
    place_words = set(_WORD.findall(lowered[site.start : site.end]))
    clause_words = set(_WORD.findall(lowered[clause[0] : site.start])) | set(
        _WORD.findall(lowered[site.end : clause[1]])
    )
    sentence_words = set(_WORD.findall(lowered))
    return (
        tuple((flag, 1.0) for flag in flags)
        + _bag("clause", clause_words - place_words)
        + _bag("sentence", sentence_words - place_words)
    )


def toll_features(clause: str, place: str) -> list[str]:
    """The toll the place's clause tells there, by kind, as the toll reader of
    ``geo.parse.fatalities`` reads it: people killed or wounded at the place are the mark of an
    attack however the act is worded ("massacred", "shot dead at a camp"), where the words of the
    clause alone may read as an aid or a public-life story. ``claimed`` when the dead are one
    side's claim of what it did."""
    told = casualties(clause, place=place)
    kinds = [f"{TOLL_FEATURE}{kind}" for kind, figure in (("killed", told.killed), ("wounded", told.wounded)) if figure]
    return kinds + ([f"{TOLL_FEATURE}claimed"] if kinds and told.claimed else [])


def _header_flags(sentence: str, start: int, end: int) -> list[str]:
    """``header`` when the place is in the report's dateline ("X, May 14 (Agency) -"): where
    the report was filed, an event place only when the story tells of one there, as when its
    lead names the place again (``header_named_again``) or the dateline stands alone."""
    end_of_header = header_end(sentence)
    if end_of_header < end:
        return []
    lead = sentence[end_of_header:].lower()
    if not lead.strip():
        return ["header", "header_alone"]
    return ["header", f"header_named_again={sentence[start:end].lower() in lead}"]


def _bag(kind: str, words: set[str]) -> Features:
    if not words:
        return ()
    share = 1 / math.sqrt(len(words))
    return tuple((f"{kind}={name}", share) for name in sorted({_shape(w) for w in words}))


def decide(model: EventTypeModel, site: EventSite) -> tuple[EventKind | None, float]:
    """The event at ``site`` (None: nothing happens there) and the model's probability of it.

    The sub-type comes from the trigger table, among the triggers of the chosen type. A place
    only spoken from, while the sentence names the place spoken of ("the general staff in X
    announced fighting around Y"), keeps no act of fighting: its statement, where the model
    reads one more likely than nothing, or no event.
    """
    kind, probability = _decide(model, site)
    if kind is None or kind.event_type != FIGHTING or not _speaks_of_elsewhere(site):
        return kind, probability
    probabilities = model.probabilities(site_features(site, place_rule(site), tolls=model.reads_tolls))
    if probabilities["diplomacy"] < probabilities[NO_EVENT]:
        return None, probabilities[NO_EVENT]
    statement = classify_sentence(site.sentence, near=(site.start, site.end), event_types=frozenset({"diplomacy"}))
    return statement if statement.event_type == "diplomacy" else _broadest("diplomacy"), probabilities["diplomacy"]


def _speaks_of_elsewhere(site: EventSite) -> bool:
    """Is the place only where those who tell of an act at another place of its sentence speak?"""
    if site.tree is None or not _one_line(site):
        return False
    return speaks_of_elsewhere(site.tree, site.sentence, site.start, site.end, site.other_spans)


def _decide(model: EventTypeModel, site: EventSite) -> tuple[EventKind | None, float]:
    if only_names_something_else(site.sentence, site.start, site.end):
        return None, 1.0  # "the X deadline", "al-Y in the X": a name, not a place of events
    if locates_a_named_site(site.tree, site.sentence, site.start, site.end):
        return None, 1.0  # "the X hospital in Y province": the event is at X, even when X is not found
    near = (site.start, site.end)
    rule = place_rule(site)
    probabilities = model.probabilities(site_features(site, rule, tolls=model.reads_tolls))
    chosen = model.label_of(probabilities)
    named = None if site.is_area or not _one_line(site) else _event_the_place_names(site)  # "the Syria talks"
    if named is not None:
        if _stated_as_absent(site, named.event_type):
            return None, probabilities[NO_EVENT]  # "no date was set for the next X talks"
        return named, max(probabilities[named.event_type], 1 - probabilities[NO_EVENT])
    judged = _attack_a_statement_judges(site) if chosen in ("diplomacy", NO_EVENT) else None
    if judged is not None and not _stated_as_absent(site, judged.event_type):
        return judged, max(probabilities[FIGHTING], 1 - probabilities[NO_EVENT])
    state = _held_or_besieged(site) if chosen in (NO_EVENT, FIGHTING) else None
    if state is not None and state.event_type == "humanitarian":
        return state, max(probabilities["humanitarian"], 1 - probabilities[NO_EVENT])  # a siege told as want
    if chosen != "humanitarian" and _civilians_displaced_there(site, chosen):
        return DISPLACEMENT, max(probabilities["humanitarian"], 1 - probabilities[NO_EVENT])
    if chosen == NO_EVENT:
        if _one_line(site) and _locative_of_strong_trigger(site, rule) and not _stated_as_absent(site, rule.event_type):
            return rule, 1 - probabilities[NO_EVENT]
        if _aid_arrives_without_fighting(site) or _want_told_there(site):
            return _broadest("humanitarian"), 1 - probabilities[NO_EVENT]
        act = _act_on_a_site_in_place(site) or _act_told_there(site) or state
        if act is not None and not _stated_as_absent(site, act.event_type):
            return act, 1 - probabilities[NO_EVENT]
        return None, probabilities[chosen]
    if _stated_as_absent(site, chosen):
        return None, probabilities[NO_EVENT]  # "a night without shelling in X", "streets in X were quiet"
    site_told, site_act = _site_act_over_the_model(site)
    if site_told:
        return (site_act, probabilities[FIGHTING]) if site_act is not None else (None, probabilities[NO_EVENT])
    if chosen in TOPIC_GATED and _only_a_purpose_topic(site, chosen):
        return None, probabilities[NO_EVENT]  # "a commission formed at the summit to look into killings in X"
    if armed_men_headed_there(site.tree, site.start, site.end):
        return None, probabilities[NO_EVENT]  # "the militants withdrew toward X": no one displaced, no fight
    if only_where_a_journey_starts(site.tree, site.start, site.end) and _one_line(site):
        return None, probabilities[NO_EVENT]  # "the envoy flew in from X": the journey ends elsewhere
    if chosen == "humanitarian" and ends_a_supply_line(site.tree, site.sentence, site.start, site.end):
        return None, probabilities[NO_EVENT]  # "to protect supply lines to X": an army's route, not aid
    if (
        chosen == FIGHTING
        and site.is_country
        and _one_line(site)
        and forces_leave_the_country(site.tree, site.sentence, site.start, site.end)
    ):
        return None, probabilities[NO_EVENT]  # "his forces had done their work in X and would leave"
    if _one_line(site) and only_in_a_view_from_another(
        site.tree, site.sentence, site.start, site.end, site.other_spans
    ):
        return None, probabilities[NO_EVENT]  # "the town overlooks the plain around X": no act at X
    if chosen == FIGHTING and only_beside_where_a_move_starts(site.tree, site.start, site.end):
        return None, probabilities[NO_EVENT]  # "mortars fired from hilltops around X": not fighting at X
    if only_a_state_of_place(site.tree, site.sentence, site.start, site.end, chosen):
        chosen = _act_besides_a_state(site, probabilities, chosen)
    if _one_line(site) and _a_crowds_act(site, chosen):
        return _crowd_kind(site), max(probabilities["other"], 1 - probabilities[NO_EVENT])
    if chosen in (FIGHTING, "diplomacy") and tells_of_want(site.tree, site.sentence, site.start, site.end):
        # "families in X said the bakeries had run out of flour": neither they nor their saying it is the act
        return _broadest("humanitarian"), 1 - probabilities[NO_EVENT]
    if chosen == "frontline" and _aid_brought_without_fighting(site):
        aid = _governing_kind(site, frozenset({"humanitarian"})) or classify_sentence(
            site.sentence, near=near, event_types=frozenset({"humanitarian"})
        )
        if aid.event_type != "humanitarian":
            aid = _broadest("humanitarian")
        return aid, 1 - probabilities[NO_EVENT]
    main_act = _main_act_over(site, chosen) or _attack_on_public_life(site, chosen)
    if main_act is not None:
        return main_act, max(probabilities[main_act.event_type], 1 - probabilities[NO_EVENT])
    if chosen == rule.event_type:
        return _governing_kind(site, frozenset({chosen})) or rule, probabilities[chosen]
    if _public_life_at_place(site, rule, chosen):
        return rule, probabilities[rule.event_type]
    # A model's "other" takes the protest, riot or civic trigger that governs the place or is
    # nearest it, as the other types take theirs: a riot keeps its sub-type, and with it its sides.
    of_type = _governing_kind(site, frozenset({chosen})) or classify_sentence(
        site.sentence, near=near, event_types=frozenset({chosen})
    )
    if of_type.event_type != chosen:  # no trigger of that type: the type's broadest sub-type
        of_type = _broadest(chosen)
    return of_type, probabilities[chosen]


def _broadest(event_type: str) -> EventKind:
    """The type's broadest sub-type, for a type no trigger of the sentence names."""
    return BROADEST_KINDS[event_type]


def _one_line(site: EventSite) -> bool:
    """Is the place's sentence one line of text? The sentence splitter joins a list of
    headlines or links (one a line, under a page's "more on this" box) into one sentence; the
    rules that read a sentence's grammar do not hold across such lines, and the model, which
    sees the words, decides those places alone."""
    return "\n" not in site.sentence.strip()


def _in_the_body(site: EventSite) -> bool:
    """Is the place on one line of the report's body, not in its dateline? The grammar rules
    that read what happened at a place hold only there: a dateline's place is where the report
    was filed."""
    return _one_line(site) and header_end(site.sentence) < site.end


def _is_strong_fighting(trigger: tuple[int, int, str]) -> bool:
    """Is the trigger (``trigger_spans``' start, end, sub-type) a strong one of fighting?"""
    return not trigger[2].endswith("_weak") and TRIGGER_TYPES.get(trigger[2]) == FIGHTING


def _stated_as_absent(site: EventSite, event_type: str) -> bool:
    """Does the place's clause tell the act of ``event_type`` only as denied, stopped or still
    to come, or tell the place calm ("a night without shelling in X", "X was quiet")?"""
    return states_no_event(site.tree, site.sentence, site.start, site.end, event_type)


def _aid_brought_without_fighting(site: EventSite) -> bool:
    """Does a bringer of aid act in the place's clause ("a convoy sent by the Red Crescent
    entered X") while no strong trigger of fighting is stated there, or one only describes the
    place ("reached the besieged town of X")? Then the place receives aid: a convoy's entering
    is not troops' entering."""
    if site.tree is None or not doer_brings_aid(site.tree, site.start, site.end):
        return False
    return "frontline" not in types_in_place_clause(
        site.sentence, site.tree, site.start, site.end
    ) or only_a_state_of_place(site.tree, site.sentence, site.start, site.end, "frontline")


def _a_crowds_act(site: EventSite, chosen: str) -> bool:
    """Is the fighting or aid the model read at the place a crowd's act ("crowds looted and
    burned shops in X", "a crowd stormed the embassy in X")? Not when the crowd assaults a post
    of the state's forces (``assaults_a_security_post``: it fights the men inside), nor when it
    moves as people displaced (``civilians_move_there``), nor, for aid, when the place's clause states
    aid or flight in a strong word ("crowds queued for bread in X")."""
    if chosen not in (FIGHTING, "humanitarian") or site.tree is None:
        return False
    if not a_crowd_acts_there(site.tree, site.start, site.end):
        return False
    if chosen == FIGHTING and assaults_a_security_post(site.sentence):
        return False
    if civilians_move_there(site.tree, site.start, site.end) is not None:
        return False
    return chosen == FIGHTING or "humanitarian" not in types_in_place_clause(
        site.sentence, site.tree, site.start, site.end
    )


def _crowd_kind(site: EventSite) -> EventKind:
    """A crowd's act: the protest or public-life trigger governing the place, else a protest."""
    kind = _governing_kind(site, frozenset({"other"}))
    return kind if kind is not None else EventKind("other", "protest", CONFIDENCE_STRONG, "")


def _want_told_there(site: EventSite) -> bool:
    """Does the place's clause tell of supplies its people lack, on one line and outside the
    dateline ("the mayor of X said the bakeries had run out of flour")? A state of want is a
    humanitarian event though no verb of an act tells it, whatever the model read from the words
    of the statement around it; the model, trained mostly on acts, may read nothing there."""
    return _in_the_body(site) and tells_of_want(site.tree, site.sentence, site.start, site.end)


def _aid_arrives_without_fighting(site: EventSite) -> bool:
    """Does a bringer of aid arrive at the place ("aid lorries reached X at dawn"), with no
    strong trigger of fighting in the place's clause and the arrival not denied? The model may
    read nothing there when the parse splits the clause ("reached surrounding X" read as a
    participle's object)."""
    if site.tree is None or not aid_arrives_there(site.tree, site.sentence, site.start, site.end):
        return False
    fighting = "frontline" in types_in_place_clause(site.sentence, site.tree, site.start, site.end)
    return not fighting and not _stated_as_absent(site, "humanitarian")


def _act_besides_a_state(site: EventSite, probabilities: Mapping[str, float], chosen: str) -> str:
    """The likeliest other type a strong trigger of the place's own clause states, when
    ``chosen`` comes only from words describing the place ("a convoy entered the besieged
    town of X"); ``chosen`` when there is none."""
    if site.tree is None:
        return chosen
    stated = types_in_place_clause(site.sentence, site.tree, site.start, site.end) - {chosen}
    return max(stated, key=probabilities.__getitem__) if stated else chosen


def place_rule(site: EventSite) -> EventKind:
    """The trigger table's kind for the place; with the sentence's parse, read from the
    place's own clause only: a capture told in a clause about something else ("a concert in
    X, weeks after troops retook the city") is not what happened at X."""
    near = (site.start, site.end)
    if site.tree is None:
        return classify_sentence(site.sentence, near=near)
    return classify_sentence(in_place_clause(site.sentence, site.tree, site.start, site.end), near=near)


def _governing_kind(site: EventSite, event_types: frozenset[str]) -> EventKind | None:
    """The kind the highest strong trigger of ``event_types`` governing the place states."""
    if site.tree is None:
        return None
    governing = governing_triggers(site.sentence, site.tree, site.start, site.end, event_types)
    return _kind_of(site, governing[-1]) if governing else None


#: Sub-types that, governing a place from above, do not outrank what a word lower down says:
#: a toll or a death count tells what an attack did ("air strikes on X killed several people",
#: "the death toll from the bombing of X"), and talk, a visit or public life is not the act
#: at a place the sentence shows attacked or emptied.
TOLLS = frozenset({"casualties", "agreement", "talks", "visit", "protest", "civic"})


def _main_act_over(site: EventSite, chosen: str) -> EventKind | None:
    """The act the sentence states at the place, when the model's type comes only from a word
    that describes something on the way to it: "a jet bombed a camp for people displaced ...
    in X" is an air strike at X, "helicopters evacuated survivors of the bombing of X" an
    evacuation. The highest strong trigger governing the place (an attack, a flight or aid)
    wins over a lower one of another type that it reaches through noun phrases only. None
    when nothing overrides the model."""
    if site.tree is None or len(site.tree) == 0:
        return None
    governing = governing_triggers(site.sentence, site.tree, site.start, site.end)
    if governing:
        top = _kind_of(site, governing[-1])
        lower = [t for t in governing[:-1] if TRIGGER_TYPES[t[2]] == chosen]
        described = bool(lower) and _describes_a_noun(site.tree, lower[-1], governing[-1])
        if top.sub_event_type not in TOLLS and top.event_type != chosen and described:
            return top
    return None


def _attack_on_public_life(site: EventSite, chosen: str) -> EventKind | None:
    """The attack that governs the place, when public life (``other``) is told only as whom or
    when it struck: "soldiers opened fire on demonstrators in X", "men were shot dead in X
    during a curfew". The crowd or the curfew is the attack's object or its time, reached from
    it through noun phrases only; what happened at X is the attack. None when public life is
    told in a clause of its own ("a rally in X, a week after troops retook the town"), or when
    the crowd is the one that acts ("protesters stormed the parliament in X": a protest)."""
    if chosen != "other" or site.tree is None or len(site.tree) == 0:
        return None
    attacks = governing_triggers(site.sentence, site.tree, site.start, site.end, frozenset({"frontline"}))
    if not attacks:
        return None
    public_life = [t for t in trigger_spans(site.sentence) if TRIGGER_TYPES.get(t[2]) == "other"]
    if public_life and all(_describes_a_noun(site.tree, t, attacks[-1], VICTIM_LINKS) for t in public_life):
        return _kind_of(site, attacks[-1])
    return None


#: Links inside one clause's noun phrases: a trigger reached from a higher one only through
#: these describes a noun of that clause ("a camp for people displaced by ..."), while one
#: reached through a clause link (``conj``, ``advcl``, ``xcomp``, ...) tells an act of its own.
NOUN_PHRASE_LINKS = frozenset(
    {"acl", "amod", "compound", "pobj", "prep", "dobj", "nsubj", "nsubjpass", "appos", "poss"}
)


#: Noun-phrase links that do not lead to the one who acts: what an act is done to, where and when.
VICTIM_LINKS = NOUN_PHRASE_LINKS - {"nsubj"}


def _describes_a_noun(
    tree: ClauseTree, lower: tuple[int, int, str], top: tuple[int, int, str], links: frozenset[str] = NOUN_PHRASE_LINKS
) -> bool:
    """Is the trigger ``lower`` reached from ``top`` through noun phrases (``links``) only?"""
    token, top_token = tree.head_of_span(lower[0], lower[1]), tree.head_of_span(top[0], top[1])
    while token != top_token:
        if tree.deps[token] not in links or tree.heads[token] == token:
            return False
        token = tree.heads[token]
    return True


def _kind_of(site: EventSite, trigger: tuple[int, int, str]) -> EventKind:
    t_start, t_end, sub_type = trigger
    return EventKind(
        TRIGGER_TYPES[sub_type], sub_type, CONFIDENCE_STRONG, " ".join(site.sentence[t_start:t_end].lower().split())
    )


#: Dependency labels of a word that says which one its head noun is: "the Geneva talks".
NAMING_DEPENDENCIES = frozenset({"compound", "nmod"})


def _event_the_place_names(site: EventSite) -> EventKind | None:
    """The event a place names as its modifier ("the Geneva talks", "the Aleppo offensive"):
    that event is the place's, whatever another clause of the sentence tells ("postponing
    the X talks, citing violations of the truce" is talks at X, not fighting there)."""
    tree = site.tree
    if tree is None or len(tree) == 0:
        return None
    place = tree.head_of_span(site.start, site.end)
    head = tree.heads[place]
    if head == place or tree.deps[place] not in NAMING_DEPENDENCIES:
        return None
    if _describes_another_noun(tree, head):
        return None
    for trigger in trigger_spans(site.sentence):
        if not trigger[2].endswith("_weak") and tree.head_of_span(trigger[0], trigger[1]) == head:
            return _kind_of(site, trigger)
    return None


#: Clauses that describe a noun: "a committee set up at ...", "the envoy who led ...".
DESCRIBING_CLAUSES = frozenset({"acl", "relcl"})


def _describes_another_noun(tree: ClauseTree, token: int) -> bool:
    """Is ``token`` inside a clause that only describes a noun above it ("a committee set up
    at the X talks")? Then the event it names is how the sentence tells which noun it means,
    not what the sentence tells."""
    verb = tree.clause_verb(token)
    return verb is not None and verb != token and tree.deps[verb] in DESCRIBING_CLAUSES


def _public_life_at_place(site: EventSite, rule: EventKind, chosen: str) -> bool:
    """Does the place's own clause state public life (a concert, a rally, an election:
    ``other``, strong) while the model's type is stated only in another clause of the
    sentence ("a concert in X, weeks after troops retook the city")? Then the clause wins:
    what happened at the place is what its own clause says."""
    return (
        site.tree is not None
        and rule.event_type == "other"
        and rule.confidence >= CONFIDENCE_STRONG
        and chosen not in types_in_place_clause(site.sentence, site.tree, site.start, site.end)
    )


#: The sub-type of a type the model chose where no trigger of that type is found: each type's
#: broadest; public life that no trigger names is the plain, least sure "other".
BROADEST_KINDS = {
    **{
        event_type: EventKind(event_type, sub_type, 0.5, "")
        for event_type, sub_type in (("frontline", "armed_clash"), ("diplomacy", "statement"), ("humanitarian", "aid"))
    },
    "other": OTHER,
}


def model_from_json(text: str) -> EventTypeModel:
    data = json.loads(text)
    classes = tuple(data["classes"])
    weights = {name: tuple(row) for name, row in data["weights"].items()}
    if any(len(row) != len(classes) for row in weights.values()) or len(data["intercept"]) != len(classes):
        raise ValueError("event type model: every weight row needs one value per class")
    if NO_EVENT not in classes or not set(EVENT_TYPES) <= set(classes):
        raise ValueError(f"event type model: classes must be {NO_EVENT!r} and {EVENT_TYPES}, got {classes!r}")
    return EventTypeModel(
        classes, tuple(data["intercept"]), weights, data.get("about", {}), float(data.get("no_event_threshold", 0.5))
    )


@lru_cache(maxsize=4)
def load_event_model(path: Path | None = None) -> EventTypeModel:
    """The shipped model (or the one at ``path``), read once."""
    if path is not None:
        return model_from_json(Path(path).read_text(encoding="utf-8"))
    return model_from_json(resources.files("geo.parse").joinpath(MODEL_RESOURCE).read_text(encoding="utf-8"))


#: A locative preposition just before a place: "in", "at", "near", "outside (the town of)".
_LOCATIVE_BEFORE = re.compile(r"\b(?:in|at|near|into|outside|around)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}$", re.IGNORECASE)


def _locative_of_strong_trigger(site: EventSite, rule: EventKind) -> bool:
    """Does the sentence state a strong event in the place's own clause, at the place
    ("peace talks in Geneva are expected to agree", "fighting raged in Marawi")? What
    the sentence expects of an event under way does not undo where it is."""
    return (
        rule.confidence >= CONFIDENCE_STRONG
        and _LOCATIVE_BEFORE.search(site.sentence, max(0, site.start - 40), site.start) is not None
        and not only_locates_another(site.tree, site.sentence, site.start, site.end, site.is_area)
        and not (site.is_area and _modifies_an_event_noun(site))
        and not (rule.event_type == FIGHTING and only_beside_where_a_move_starts(site.tree, site.start, site.end))
        and not (rule.event_type in TOPIC_GATED and _only_a_purpose_topic(site, rule.event_type))
    )


#: The types whose acts a purpose clause's topic does not take: talks held to settle the future
#: of X are not held at X.
TOPIC_GATED = frozenset({"diplomacy"})


def _only_a_purpose_topic(site: EventSite, event_type: str) -> bool:
    return only_the_topic_of_a_purpose(site.tree, site.sentence, site.start, site.end, event_type)


def _modifies_an_event_noun(site: EventSite) -> bool:
    """Is the place a modifier of the noun of an event ("in the Valdoria talks", "at the Oman
    talks")? The preposition before it then locates the event the noun names, not the place:
    a country or region so named is the event's topic or scope ("a pause in the Valdoria talks
    in Montreux"), and whether anything happened there is the model's call. Read from the
    parse, or, where the tagger takes the noun for a verb but the parser still makes it a
    subject or an object, from a determiner before the name and that trigger right after it."""
    tree = site.tree
    if tree is None or len(tree) == 0:
        return False
    triggers = [tree.head_of_span(t[0], t[1]) for t in trigger_spans(site.sentence) if not t[2].endswith("_weak")]
    place = tree.head_of_span(site.start, site.end)
    head = tree.heads[place]
    if head != place and tree.deps[place] in NAMING_DEPENDENCIES and head in triggers:
        return True
    after = tree.token_at(site.end) + (tree.starts[tree.token_at(site.end)] < site.end)
    return (
        after < len(tree)
        and after in triggers
        and tree.deps[after] in NOUN_ROLES
        and _DETERMINER_BEFORE.search(site.sentence, max(0, site.start - 30), site.start) is not None
    )


#: A determiner, perhaps with an adjective, just before a name: "the Valdoria talks", "the indirect Valdoria talks".
_DETERMINER_BEFORE = re.compile(r"\b(?i:the|a|an|this|these|those)\s+(?:[a-z-]+\s+)?$")
#: Links of a word the parser uses as a noun, whatever its tag: a subject or an object.
NOUN_ROLES = frozenset({"nsubj", "nsubjpass", "dobj", "pobj"})


#: The type of the acts a clause may tell were done to a site (a warehouse shelled, a bridge bombed).
FIGHTING = "frontline"


def _act_on_a_site_in_place(site: EventSite) -> EventKind | None:
    """The act of fighting done to a site at the place, told by a clause describing the site:
    "the warehouse in X that was shelled", "a bridge near X struck by artillery". The place
    only says where the site is, so the sentence's main verb (insurers declining to pay, a
    bridge reopened) is not the event; the clause that describes the site tells what was done
    there. Only a site the clause tells as acted on (its passive subject, or the noun its
    participle describes), not a person's kin ("a nurse in X whose cousin was shelled") nor a doer."""
    return _fighting_told_in(site, _clauses_on_a_site_in_place(site), same_line=True)


def _clauses_on_a_site_in_place(site: EventSite) -> set[int]:
    """The verbs of the clauses that describe a site at the place as acted on ("the warehouse
    in X that was shelled"); none when the place locates no such site."""
    tree = site.tree
    if tree is None or len(tree) == 0:
        return set()
    place = tree.head_of_span(site.start, site.end)
    preposition = tree.heads[place]
    noun = tree.heads[preposition]
    if (
        tree.deps[place] != "pobj"
        or tree.words[preposition] not in SITE_PREPOSITIONS
        or noun == preposition
        or tree.is_verb(noun)
    ):
        return set()
    return {c for c in tree.children(noun) if _tells_it_acted_on(tree, c)}


def _site_act_over_the_model(site: EventSite) -> tuple[bool, EventKind | None]:
    """Whether a clause describing a site at the place tells the only fighting of the sentence,
    and the act it tells as done (None: only denied or still to come). Such a clause says what
    was done at the place whatever the model read from the sentence's words: "the warehouse in
    X that was shelled on Sunday" is a shelling at X dated by its own clause, and "the warehouse
    in X that was not shelled" no fighting there, though the model sees the verb of shelling."""
    tree, clauses = site.tree, _clauses_on_a_site_in_place(site)
    if tree is None or not clauses or not _one_line(site):
        return False, None
    told = [trigger for trigger in every_trigger_span(site.sentence) if _is_strong_fighting(trigger)]
    inside = [t for t in told if tree.clause_verb(tree.head_of_span(t[0], t[1])) in clauses]
    if not inside or len(inside) < len(told):
        return False, None
    return True, _fighting_told_in(site, clauses, same_line=True)


#: Prepositions that put a site at a place: "the warehouse in X", "a checkpoint near X".
SITE_PREPOSITIONS = frozenset({"in", "at", "near", "outside"})
#: Relative pronouns that stand for the noun a relative clause describes.
RELATIVE_PRONOUNS = frozenset({"that", "which", "who"})


def _tells_it_acted_on(tree: ClauseTree, clause: int) -> bool:
    """Does ``clause`` describe its noun as acted on: a passive relative clause whose subject
    is the relative pronoun ("that was raided"), or a past participle ("struck by artillery")?"""
    if tree.deps[clause] == "acl":
        return tree.tags[clause] == "VBN"
    return tree.deps[clause] == "relcl" and any(
        tree.deps[c] == "nsubjpass" and tree.words[c] in RELATIVE_PRONOUNS for c in tree.children(clause)
    )


def _act_told_there(site: EventSite) -> EventKind | None:
    """The act of fighting a later clause of the sentence places at the place by "there"
    ("reporters have stayed away from X since their office there was bombed"): "there" stands
    for the last place named before it."""
    tree = site.tree
    if tree is None or len(tree) == 0 or len(site.other_spans) < site.other_places:
        return None  # where the other places are is not known
    clauses = {
        verb
        for i in range(tree.token_at(site.end), len(tree))
        if tree.words[i] == "there"
        and tree.deps[i] == "advmod"
        and tree.starts[i] >= site.end
        and not any(site.end <= start < tree.starts[i] for start, _ in site.other_spans)
        and (verb := tree.clause_verb(i)) is not None
    }
    return _fighting_told_in(site, clauses)


#: English verbs that judge an act named as their object: "condemned the shelling of X",
#: "accused the rebels of bombing X". ("Denied" is not one: a denied act is no event.)
JUDGING_VERBS = frozenset(
    {"condemn", "condemns", "condemned", "condemning", "denounce", "denounces", "denounced", "denouncing",
     "deplore", "deplores", "deplored", "deploring", "decry", "decries", "decried", "decrying", "accuse",
     "accuses", "accused", "accusing", "blame", "blames", "blamed", "blaming", "criticise", "criticised",
     "criticize", "criticized", "protested"}
)  # fmt: skip
#: Links from an act up to the verb that judges it: its object, and "of" for "accused them of shelling X".
_JUDGED_LINKS = VICTIM_LINKS | {"pcomp"}


def _attack_a_statement_judges(site: EventSite) -> EventKind | None:
    """The attack at the place when the sentence tells it as what someone condemned or
    accused others of ("the government condemned the bombing of a market in X", "officials
    accused the rebels of shelling X"): the statement is made where its speakers are, the
    attack happened where it struck. The highest attack governing the place must be the
    object of the verb of judging, reached through noun phrases or "of" only, and that verb
    not denied."""
    tree = site.tree
    if tree is None or len(tree) == 0 or not _one_line(site):
        return None
    attacks = governing_triggers(site.sentence, tree, site.start, site.end, frozenset({FIGHTING}))
    if not attacks:
        return None
    token = tree.head_of_span(attacks[-1][0], attacks[-1][1])
    while tree.deps[token] in _JUDGED_LINKS and tree.heads[token] != token:
        token = tree.heads[token]
        if tree.is_verb(token):
            break
    judged = tree.is_verb(token) and tree.words[token] in JUDGING_VERBS and not is_negated_verb(tree, token)
    return _kind_of(site, attacks[-1]) if judged else None


#: Displacement, told by civilians moving rather than by a word of flight.
DISPLACEMENT = EventKind("humanitarian", "displacement", CONFIDENCE_STRONG, "")


def _civilians_displaced_there(site: EventSite, chosen: str) -> bool:
    """Do civilians in numbers arrive at the place or leave it ("families arrived in X",
    "hundreds of families landed at X", "villagers who left X")? Their move is displacement,
    whatever else the sentence tells: "arrived in" is a visit only for those who visit, and a
    town people reach from an attack elsewhere is where they shelter. Where fighting is the
    model's call, only where they arrive: the town they leave may be where it was fought."""
    if not _in_the_body(site):
        return False
    role = civilians_move_there(site.tree, site.start, site.end)
    return role == "destination" or (role == "source" and chosen != FIGHTING)


#: The sub-type of fighting a state of siege or capture tells (``held_or_besieged``).
_STATE_SUB_TYPE = {"siege": "armed_clash", "capture": "territory_change"}


def _held_or_besieged(site: EventSite) -> EventKind | None:
    """Fighting at a place told as besieged or held by an enemy ("X remained encircled", "X
    was in rebel hands by nightfall", "the garrison of X held out"): the state is what the war
    did there, though no verb of an act says so; the model, trained on reports that tell acts,
    gives such a place no event. A siege told beside its people's plight ("X has been
    encircled since July, and residents say they are eating grass") is their want."""
    if not _in_the_body(site):
        return None
    state = held_or_besieged(site.tree, site.start, site.end)
    if state == "want":
        return _broadest("humanitarian")  # the siege told as its people's plight
    return None if state is None else EventKind(FIGHTING, _STATE_SUB_TYPE[state], CONFIDENCE_STRONG, state)


def _fighting_told_in(site: EventSite, clauses: set[int], *, same_line: bool = False) -> EventKind | None:
    """The first strong trigger of fighting whose clause is one of ``clauses`` (verbs), told
    as done, not to come; with ``same_line``, on the place's line (a list of headlines, one
    a line, is no sentence the parse can join)."""
    tree = site.tree
    if tree is None or not clauses:
        return None
    for trigger in trigger_spans(site.sentence):
        if not _is_strong_fighting(trigger):
            continue
        span = site.sentence[min(site.start, trigger[0]) : max(site.end, trigger[1])]
        if same_line and "\n" in span:
            continue
        verb = tree.clause_verb(tree.head_of_span(trigger[0], trigger[1]))
        denied = any(tree.deps[c] == "neg" for c in tree.children(verb)) if verb is not None else False
        if verb in clauses and tree.tense(verb) != "future" and not denied:
            return replace(_kind_of(site, trigger), told_at=(trigger[0], trigger[1]))
    return None


def _strength(rule: EventKind) -> str:
    if not rule.trigger:
        return "none"
    return "strong" if rule.confidence >= 0.8 else "weak"


def _shape(word: str) -> str:
    return "0" if word.isdigit() else word

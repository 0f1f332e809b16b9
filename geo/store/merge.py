"""Which events are the same happening: many reports, one coded event.

Two reports tell the same happening, by the hand-set thresholds of ``MergeRules()``, when all
of these hold:

- the same event type, and sub-types the rule ``MergeRules.sub_types`` accepts: by default
  any two sub-types of one type (measured on the coded gold set's first dev split: B-cubed
  F1 0.854 with any sub-type, 0.834 within ``SUB_TYPE_FAMILIES``, 0.810 with equal sub-types);
- the same place, or places a few kilometres apart (``MergeRules.max_km``), or a city that
  seats a government and a place that is not one up to ``MergeRules.seat_km`` apart
  (``place_reach``: the seat's name stands for its district and its environs; on the coded
  gold set's dev wars B-cubed F1 0.905 -> 0.910, recall 0.864 -> 0.877, precision 0.950 ->
  0.947; 15 to 30 km score alike, so the middle; chosen in every leave-one-war-out fold);
- dates that agree within the reports' precision: the same day for day-precise dates (one
  day apart only when the quotes tell it alike or the later date is just its report's
  publication day: F1 0.854 with that slack, 0.834 without; a looser "alike" (0.3 of the
  words instead of 0.8) scores 0.865 but merges strikes on consecutive days that are
  worded alike, so it is not the default; two or three publication days: 0.848 and 0.829
  against 0.869 for one), the same week or month for vaguer ones; or a later report whose
  quote names the earlier one's day (``named_days``): a follow-up dated by its own day, a
  funeral on Thursday "for the three killed on Tuesday" (F1 0.860 -> 0.877 with it);
- quotes (with their article's title) that share some content words besides the place's
  name, which every report of a town gives, unless they give one death toll
  (``MergeRules.min_overlap``): a strike's report does not join an agency's statement about
  the province that happens to name its town (0 to 0.1 score alike on the dev wars and 0.12
  loses recall in two, so 0.05, the middle: another outlet's wording of an unseen war
  finds the edge first);
- one event type, except that a report typed "other" (a funeral, a march for the dead) may
  tell an event of another type when they share 0.3 of their words (``MergeRules.other_overlap``),
  and a humanitarian report of a fight's displaced or victims tells that fight on the same day
  when their words share 0.15 (``MergeRules.victims_overlap``, ``tells_its_victims``; 0.1 to 0.2
  score alike, 0.25 joins none): on the coded gold set's dev wars B-cubed F1 0.893 -> 0.898
  (recall 0.842 -> 0.848, precision unchanged at 0.950), from evacuations in two wars, and
  chosen by leave-one-war-out with either war left out; and any two types but an aid
  delivery tell one happening on the same day when their words but the place's name share
  0.05 for two happenings of their own kinds, as little as two reports of one type
  (``MergeRules.retyped_overlap``, ``retyped``), 0.2 when one is an account
  (``MergeRules.retyped_account_overlap``), and a fight and its victims by their own rule
  (``retyped_share``): the event model types one outlet's wording otherwise, and more often
  in a war it was not fitted on. With a tenth of the dev reports' types drawn again at random
  (20 draws), merging recall is 0.808 without this rule, 0.837 with it at 0.2 and 0.839 at 0
  to 0.1 (F1 0.871, 0.887, 0.888; precision 0.944 or 0.945 throughout); with a fifth
  redrawn, 0.762, 0.811 and 0.816. On the dev wars as they are, 0 to 0.25 score alike (F1
  0.910). Leave-one-war-out under redrawn types finds 0 to 0.1 alike with every war left
  out, so 0.05, the middle. Accounts would gain a little at 0.05 too (recall 0.841), but a
  statement shares a word with any fight in its town that day, and an account's own rules
  (``MergeRules.other_overlap``, ``MergeRules.casualty_overlap``) would no longer decide.

Loosenings that only one dev war supports are not the default, as leave-one-war-out does not
choose them with that war left out: an account joining at 0.2 of shared words (F1 0.898 ->
0.901) and two towns with one toll up to 35 km apart (``nearby_km``; 0.901 -> 0.903, one
strike placed at the next town 32 km away; 35 to 60 km score alike).

The learned match (``LearnedMatch``, fitted by ``scripts/learn_merge.py`` on the gold set's
dev wars) weighs instead a few general facts of the pair (``PAIR_FEATURES``): how far apart
their places lie for places of their size (``place_apart``: a village and the provincial
capital 12 km off are nearer than two villages 12 km apart), whether a region's report holds
the other's town, days apart beyond what the dates' precision allows (``days_apart``) and
whether the later date is only its report's publication day, their words told alike (the
places' names left out), whether their types or sub-types differ and whether one is an
account of the other, and their actors and death tolls as evidence. Its weights are fitted on
features scaled to unit spread with the L2 penalty, reach, threshold and link chosen by
leave-one-war-out, not by fit to the wars seen. It never weighs an aid delivery against a
happening of another kind, nor two types told by one article, and day-precise dates apart
reach a report only through its publication day, so two dates both texts give stay two
days. With its average link a report is weighed against each report of an event and the
mean decides, so a look-alike of one report does not join an event the others tell
differently; the best-scoring event above the threshold wins. It is the default
(``default_rules``) only when it merged the dev wars clearly better than the hand-set rules
when each war was left out of its fitting (``LearnedMatch.beats_rules``). The match shipped
now is not: 0.894 against the rules' 0.906 with each dev war left out (0.875 for the match
of fourteen features and a table of sub-type pairs it replaced), so the hand-set rules merge
by default.

A report placed wider than its town (``wider_score``) may still tell a happening there,
when nothing by the rules above fits and exactly one happening fits so: a report placed only
at a province, a district or the country (the town was not found, or "near X city" was read
as the country) joins the happening at one of the towns it holds (``holds``) when their
dates, type and words agree (``MergeRules.wider_overlap`` of the words but the places' names:
0.1 to 0.25 score alike on the dev wars and 0.28 loses one, so 0.2, near the middle)
and their death tolls agree (``tolls_agree``) or, giving none, its quote states its day (or,
when the region's report came first, the town's report states the day it is dated to:
``states_the_day``; in either order the same two reports merge, and on the dev wars B-cubed
F1 0.910 -> 0.912, recall 0.877 -> 0.880, precision unchanged, one war moved; with a fifth of
the places made wider, recall 0.806 -> 0.816, precision 0.943 -> 0.942); two
towns up to ``MergeRules.nearby_km`` apart (a strike "near" one placed at the next, or at the
seat of its district) when their reports give one toll. A war has many happenings a day in one country, so without
that evidence the report stands alone (on the coded gold
set's dev wars: B-cubed F1 0.889 -> 0.893, fatalities 0.86 -> 0.88: reports placed at a
country or a province joining the happening at their town); with two happenings that fit, it
joins the one whose words it shares most, and stands alone when two share alike
(``MergeRules.wider_lead``). The two may be typed apart as the rules at one place allow
(``tells_across``: a strike and its victims, a clash and a capture; ``MergeRules.wider_across``):
where the place is uncertain the kind often is too. Neither moves the dev wars as they are
(F1 0.910); with a fifth of the town-level reports moved to their region's seat, their
region or their country (``scripts/learn_merge.py --place-noise 0.2``, 20 draws), recall is
0.800 with neither and 0.806 with both (F1 0.866 -> 0.869, precision 0.943 throughout); with
a tenth of the types redrawn too, 0.769 with neither, 0.776 with the types and 0.782 with both
(F1 0.846, 0.850, 0.853; precision 0.941 -> 0.940); each is chosen with every dev war left out.
A report placed at the seat of a first-level region stands for the region too
(``seat_for_region``, ``MergeRules.seat_as_region``): "in X province" or "southern X" is read
as the city X, so a town's happening told so lands at a city tens of kilometres off.
It joins a happening at a town of that region, beyond any reach in km, as a region's report
would, but only when both reports give death tolls that agree: a city is also a place of its
own, whose strike that day a stated day alone does not tell apart. It moves no dev war as they
are (F1 0.912); with a fifth of the town-level reports made wider (``--place-noise 0.2``, 20
draws) recall is 0.812 -> 0.817 (F1 0.872 -> 0.875, precision 0.941 both), with a tenth of the
types redrawn too 0.787 -> 0.792, with a tenth of the dates moved instead 0.775 -> 0.780, with
0.15 of the types and of the dates too 0.722 -> 0.726 (precision 0.938 both), and it is chosen
with every dev war left out in each.

Merging is incremental: ``assign(report, candidates)`` says which existing event a new
report joins (or ``None`` for a new event), and depends only on its inputs (ties go to
the smallest event id), so the same reports in the same order always make the same events.

Finding candidates without reading the store: every event has a blocking key, the grid
cell of its place (``CELL_DEGREES``, larger than ``max_km``) and its day number
(``block_key``). A store keeps both in indexed columns; a new report's candidates are
the events in the cells within reach around its own (``MergeRules.reach_km``: the 25 km of
two towns with one toll, 3x3 cells near the equator, 3x5 at 48 degrees, more near the poles)
and within its date window (``candidate_blocks``): one index range scan per cell; a report
placed at a region or country also searches its country's happenings in that window. With a
million stored events spread over years and thousands of cells, a scan returns tens of rows,
so an article's ten events cost a few small index searches each plus a few hundred
comparisons, a few milliseconds (``bench/bench_merge.py`` measures it).
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import lru_cache
from importlib import resources

from gazetteer.geodesy import great_circle_km
from geo.errors import InputError, ModelUnavailableError
from geo.records import (
    DATE_PRECISION_DAY,
    DATE_PRECISION_WEEK,
    GEO_PRECISION_REGION,
    GEO_PRECISION_TOWN,
    Event,
)

#: Sub-types that different outlets may use for one act; any other pair must be equal.
SUB_TYPE_FAMILIES: tuple[frozenset[str], ...] = (
    frozenset({"armed_clash", "air_strike", "shelling", "remote_explosive", "attack_on_civilians"}),
    frozenset({"talks", "agreement", "visit", "statement"}),
)
#: The learned match shipped with the package, beside this module.
MODEL_RESOURCE = "models/merge_match.json"
#: Grid cell of the blocking key, in degrees: about 28 km north-south, more than ``max_km`` and
#: ``nearby_km``, so the three rows of cells around a place hold every place within reach of it.
CELL_DEGREES = 0.25
#: The reports of an event the learned match weighs a new one against (its average link), and
#: whose actors and deaths it reads: the first ones, so a happening told a hundred times costs
#: no more to join than one told six times (the gold set's happenings have two to six).
LINK_REPORTS = 6
#: Days either side of a report's date searched for candidates, by date precision.
DATE_WINDOW_DAYS = {DATE_PRECISION_DAY: 1, DATE_PRECISION_WEEK: 7}
MONTH_WINDOW_DAYS = 31
#: How many days before its own date a report's quote may name the day of the happening it tells.
NAMED_DAY_REACH = 7
#: Stems (``content_words``) of a toll told as risen ("the death toll rose to 70", "the number
#: killed has risen"): a follow-up of a happening days before, not a happening of its own.
TOLL_WORDS = frozenset({"toll", "number"})
RISE_WORDS = frozenset({"rose", "risen", "rise", "rising", "climb", "increas", "mount"})
#: The event type of what is neither fighting, diplomacy nor aid (``MergeRules.other_overlap``).
OTHER_TYPE = "other"
#: The type of fighting, which an account of it may tell (``MergeRules.casualty_overlap``).
FRONTLINE_TYPE = "frontline"
#: Sub-types an outlet gives fighting it tells loosely ("clashes", "an explosion"): a report of
#: the same happening with a sharper one (an air strike, shelling) gives the happening its sub-type.
GENERIC_SUB_TYPES = frozenset({"armed_clash", "explosion"})
#: The type of what befalls people (aid, displacement, casualties), and its sub-types that tell
#: a fight's victims (``MergeRules.victims_overlap``): not aid, a happening of its own.
HUMANITARIAN_TYPE = "humanitarian"
VICTIM_SUB_TYPES = frozenset({"displacement", "casualties"})
AID_SUB_TYPE = "aid"
#: Sub-types of what someone said rather than did: the event model types a hospital's or an
#: official's account of a strike a statement, and the strike is what it tells.
ACCOUNT_SUB_TYPES = frozenset({"statement"})
#: Stems (``content_words``) by which a report tells of the dead and wounded of a happening:
#: a doctors' count, a toll, a funeral of the dead (not "hospital": a hospital's fuel is no toll).
CASUALTY_WORDS = frozenset(
    {"kill", "killing", "died", "dead", "death", "bodi", "body", "wound", "injur", "casualti", "toll", "victim"}
    | {"funeral", "buri", "mourner", "morgue", "corps"}
)
SATURDAY = 5  # date.weekday()
#: GeoNames feature codes of a country (``PCLI``, ``PCLD``, ...) and of a first-level region.
COUNTRY_FEATURE_PREFIX = "PCL"
#: GeoNames feature codes of a city that seats a government: a first- or second-level
#: division's (``PPLA``, ``PPLA2``) or the country's (``PPLC``).
SEAT_FEATURES = frozenset({"PPLA", "PPLA2", "PPLC"})
#: The seat of a first-level region (``seat_for_region``).
REGION_SEAT_FEATURE = "PPLA"
REGION_FEATURE = "ADM1"
#: Feature codes of administrative divisions (``ADM1``, ``ADM2``, ...), and how far from its
#: centre a district (a division below the first level) holds a town of its region.
DIVISION_FEATURE_PREFIX = "ADM"
DISTRICT_KM = 60.0
#: Two death tolls tell one happening's dead when the lower is at least this share of the higher.
TOLL_AGREEMENT = 0.75
#: A wider match ranks below any match by place, so a report placed at a town joins the
#: happening there before one a region's report tells.
WIDER_MATCH_WEIGHT = 0.1
KM_PER_DEGREE = 111.2  # of latitude, and of longitude at the equator

_STOPWORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "but",
        "of",
        "in",
        "on",
        "at",
        "to",
        "from",
        "by",
        "for",
        "with",
        "as",
        "into",
        "onto",
        "over",
        "after",
        "before",
        "during",
        "since",
        "than",
        "then",
        "that",
        "this",
        "these",
        "those",
        "there",
        "their",
        "they",
        "them",
        "its",
        "it",
        "is",
        "was",
        "were",
        "be",
        "been",
        "being",
        "has",
        "have",
        "had",
        "said",
        "says",
        "say",
        "told",
        "according",
        "officials",
        "official",
        "reported",
        "report",
        "reports",
        "news",
        "agency",
        "also",
        "which",
        "who",
        "whom",
        "what",
        "when",
        "where",
        "while",
        "would",
        "could",
        "will",
        "may",
        "might",
        "not",
        "no",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "on",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "yesterday",
        "today",
        "tonight",
        "overnight",
        "morning",
        "evening",
        "night",
        "afternoon",
        "late",
        "early",
        "least",
        "more",
        "some",
        "about",
        "around",
    ]
)
_WORD = re.compile(r"[a-z][a-z'-]+")


@dataclass(frozen=True, slots=True)
class MergeRules:
    """The thresholds of "same happening"."""

    max_km: float = 10.0
    #: Share of the smaller quote's content words the other shares (overlap coefficient).
    min_overlap: float = 0.05
    #: Day-precise dates may differ by this many days (a late-night strike reported as the
    #: next day, "yesterday" read against a later publication date) ...
    day_slack: int = 1
    #: ... when the quotes share at least this much (two strikes on consecutive days stay apart).
    slack_overlap: float = 0.8
    #: ... or when the later date is its report's publication day (a date the text left
    #: unresolved, or a follow-up's own day: a funeral, a toll risen), then up to this many days.
    publication_slack: bool = True
    publication_days: int = 1
    #: ... or when the new report's quote does not state its date (``Report.named_days``):
    #: the date came from around the sentence, then up to this many days (-1: never).
    unstated_days: int = 1
    #: ... and so when the event's date is one none of its reports' quotes states
    #: (``may_be_a_day_off``), not only the new report's: whichever of the two was dated from
    #: around its quote may be the day off (a publication day only a day late, not early).
    unstated_event: bool = True
    #: Sub-types of one happening: "equal", of one "family" (``SUB_TYPE_FAMILIES``), or "any".
    sub_types: str = "any"
    #: A report the event model typed "other" (a funeral, a march for the dead, a ceremony)
    #: tells an event of another type at its place when their quotes share this much: the
    #: follow-up of a strike, not a happening of its own (``None``: types must be equal).
    other_overlap: float | None = 0.3
    #: An account (``is_account``: a report typed "other" or a statement) that tells of dead or
    #: wounded (``CASUALTY_WORDS``) tells a frontline event at its place and dates when their
    #: words share this much: a hospital's count of a strike's dead, a funeral of them; an
    #: account that tells of no casualties needs ``other_overlap`` (``None``: never across types).
    casualty_overlap: float | None = 0.15
    #: A report that tells a toll risen (``tells_a_risen_toll``) tells a happening of its type up
    #: to this many days before its own date when their words but the place's name share
    #: ``other_overlap`` (-1: never).
    toll_days: int = NAMED_DAY_REACH
    #: Two reports placed apart beyond ``max_km`` may still tell one happening (``wider_score``)
    #: when their words but the places' names share this much (``None``: never), their dates agree
    #: and their death figures do not differ, and their places are: two towns up to ``nearby_km``
    #: apart whose reports give the same death toll (a strike "near" a town placed at the next
    #: one), or a town and the region or country that holds it (a report that names only the
    #: province or the country), the happening there the only one that fits (or ``wider_lead``).
    wider_overlap: float | None = 0.2
    nearby_km: float = 25.0
    #: ... and of two types when ``tells_across`` lets them be one happening at one place. When
    #: several happenings fit so, the report joins the one whose words it shares most when it
    #: shares more than this many times the next one's (``None``: only when one fits).
    wider_across: bool = True
    wider_lead: float | None = 1.0
    #: ... and a town and the region or district that holds it (not a country: it has too many
    #: happenings a day), of one type and sub-type, on one day, whose reports give one death
    #: toll, when their words share this much (less than ``wider_overlap``: the day, the kind
    #: and the figure tell the happening already, and a province's report is worded from afar:
    #: who was blamed, not what the villagers saw; ``None``: ``wider_overlap`` always).
    wider_toll_overlap: float | None = 0.15
    #: ... and a region's seat and a town of that region whose reports give tolls that agree,
    #: as a region and its town (``seat_for_region``): "in X province" is read as the city X.
    seat_as_region: bool = True
    #: Within ``match_score``, a city that seats a government (``SEAT_FEATURES``) and a place
    #: that is not one may lie this far apart, not only ``max_km`` (``place_reach``).
    seat_km: float = 20.0
    #: Two reports placed only at one region or country are matched by place as two at one
    #: town are, but such a place says less of which happening they tell (a province has many
    #: a day): when both give death tolls, the tolls must agree (``tolls_agree``), as a
    #: region's report and a town's must in ``wider_score``.
    wide_tolls: bool = True
    #: A humanitarian report of the displaced or the dead and wounded (``VICTIM_SUB_TYPES``) tells
    #: the fighting at its place on the same day when their words but the place's name share this
    #: much (``tells_its_victims``): an evacuation one outlet types a clash and another displacement
    #: (``None``: never). An aid delivery is a happening of its own and never joins fighting.
    victims_overlap: float | None = 0.15
    #: Two reports the event model typed differently, neither an aid delivery, tell one
    #: happening at their place on the same day when their words but the place's name share
    #: this much (``retyped``): one outlet's wording read as another type (``None``: never).
    #: As little as two reports of one type need (``min_overlap``) when both tell a happening
    #: of its own kind (a capture, a deal, a clash): on a war the event model was not fitted on
    #: it types one happening two ways more often ...
    retyped_overlap: float | None = 0.05
    #: ... and this much when one of them is an account (``is_account``: a statement, an
    #: "other"), which may tell of anything at its place that day (a mayor on the ferry
    #: service); a fight and its victims need ``victims_overlap`` (``retyped_share``).
    retyped_account_overlap: float = 0.2
    #: Two reports typed apart, dated a day apart as two reports of one type may be, the later
    #: date one its quote does not state (``later_date_unstated``), tell one happening when
    #: their words but the place's name share this much (``retyped_a_day_apart``): a war the
    #: event model was not fitted on is typed and dated less well at once (``None``: never).
    retyped_days_overlap: float | None = 0.2
    #: Two reports that give death tolls that agree (``tolls_agree``), each of at least this
    #: many (``share_a_toll``), tell one happening at their place (or a town and the region that
    #: holds it, ``wider_score``) though the event model typed them apart, or dated them up to
    #: ``shared_toll_days`` apart when the new report's quote does not state its date
    #: (``toll_bridges_days``): a toll is read from the text's figures, not from the kind of
    #: happening or its day, so a misread type or date leaves it as it was, and two happenings
    #: near one another seldom kill as many. A report then joins the happening whose toll it
    #: shares before another that fits it as well without one, and before one that fits it by
    #: place alone when that is the only happening beyond its place's reach whose toll it shares
    #: (``assign``). An aid delivery still never joins another kind (``None``: never).
    shared_toll: int | None = 3
    shared_toll_days: int = 2
    #: Weights learned on pairs of reports (``LearnedMatch``; ``shipped_match()`` reads the
    #: package's); when set, they decide in place of the thresholds above, within the
    #: learned model's own reach in km and days.
    learned: LearnedMatch | None = None

    @property
    def reach_km(self) -> float:
        """How far apart two town-level reports of one happening may be placed."""
        place_km = self.learned.max_km if self.learned is not None else max(self.max_km, self.seat_km)
        return max(place_km, self.nearby_km) if self.wider_overlap is not None else place_km

    @property
    def reach_days(self) -> int:
        """How many days apart two day-precise reports of one happening may be dated (but those
        that share a death toll, ``shared_toll_days``)."""
        if self.learned is not None:
            return self.learned.max_days
        return max(self.day_slack, self.publication_days if self.publication_slack else 0, self.unstated_days)


#: The features of a pair (report, event), in the order of ``LearnedMatch.weights``, few and
#: general, so that weights fitted on some wars carry to others: how far apart their places lie
#: for places of their size (``place_apart``), and whether one is a region or a country that
#: holds the other's town; days between their dates beyond what the dates' precision allows,
#: and whether the later date is only its report's publication day (a date the text left
#: unresolved, or a follow-up's own day); the cosine of their words but the places' names,
#: weighted by inverse document frequency (``LearnedMatch.idf``: a shared weapon counts more
#: than a shared "killed"); whether their types differ, whether one of them is an account (a
#: statement, an "other") of a happening of another type, whether their sub-types differ
#: within one type; whether they name a shared actor or only different ones; whether their
#: death tolls agree (``tolls_agree``) or differ. Then what stays true when the event model
#: misreads a type or a date: the days between the two reports' publication days, whether
#: both dates are stated by their quotes (``Report.named_days``: a date the text does not
#: state came from around it and may be a day off), and the cosine of the words of two
#: reports typed apart (one happening typed two ways is still told in one set of words).
PAIR_FEATURES = (
    "place_apart",
    "region_holds_town",
    "days_apart",
    "later_date_is_publication_day",
    "words_told_alike",
    "types_differ",
    "account_of_another_type",
    "sub_types_differ",
    "actors_shared",
    "actors_disjoint",
    "tolls_agree",
    "tolls_differ",
    "published_apart",
    "dates_stated",
    "words_told_alike_across",
)
#: How far from its point a place's happenings are told, by GeoNames feature code, in km: a
#: city that seats a government stands for its district and environs ("near the city", "the
#: city's outskirts"), a plain town or village for a few kilometres around it.
PLACE_SCALE_KM = {"PPLC": 10.0, "PPLA": 10.0, "PPLA2": 7.0}
TOWN_SCALE_KM = 3.0
#: ``place_apart`` of two places further apart than this many times their scales counts as this.
MOST_APART = 4.0
#: Days apart ``days_apart`` counts at most.
MOST_DAYS = 3


#: How a learned match compares a report with an event of several reports (``LearnedMatch.link``).
LINKS = ("event", "average")


@dataclass(frozen=True, slots=True)
class LearnedMatch:
    """A logistic regression over ``PAIR_FEATURES``: a report joins an event when the
    probability is at least ``threshold``; pairs further apart than ``max_km`` or
    ``max_days`` (day-precise dates) are never one happening, nor an aid delivery and a
    happening of another kind (``aid_and_another``).

    ``trained_on`` is the SHA-256 of the gold data the weights were fitted on, so a model can
    say whether it is current."""

    weights: tuple[float, ...]
    bias: float
    threshold: float = 0.5
    max_km: float = 25.0
    max_days: int = 3
    trained_on: str = ""
    #: Whether reports the event model typed differently (a strike, and the displacement it
    #: caused) may be one happening, when they come from two articles (``retyped``'s reason)
    #: and the weights say so (``types_differ``, ``account_of_another_type``).
    across_types: bool = False
    #: Inverse strength of the L2 penalty it was fitted with (chosen by leave-one-war-out).
    regularisation: float = 1.0
    #: Inverse document frequency of the content words seen in at least two training
    #: reports (sorted); any other word, rarer still, weighs ``unseen_idf``.
    idf: tuple[tuple[str, float], ...] = ()
    unseen_idf: float = 1.0
    #: How a report is compared with an event of several reports: with each of them, the
    #: mean probability deciding ("average"), or with the event as one ("event": its first
    #: report's place and date, every report's words, actors and deaths).
    link: str = "event"
    #: Whether it merged the gold set's dev wars clearly better than the hand-set ``MergeRules()``
    #: in leave-one-war-out (``scripts/learn_merge.py``): then it is the default (``default_rules``).
    beats_rules: bool = False
    _idf_table: dict[str, float] = field(init=False, repr=False, compare=False, hash=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_idf_table", dict(self.idf))  # read for every pair of words
        if self.link not in LINKS:
            raise ValueError(f"a learned match links by one of {LINKS}, not {self.link!r}")
        if len(self.weights) != len(PAIR_FEATURES):
            raise ValueError(f"a learned match needs {len(PAIR_FEATURES)} weights, got {len(self.weights)}")

    def probability(self, features: Sequence[float]) -> float:
        z = self.bias + sum(w * x for w, x in zip(self.weights, features, strict=True))
        return 1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, z))))

    def word_cosine(self, a: frozenset[str], b: frozenset[str]) -> float:
        """Cosine of two sets of words, each word weighted by its ``idf``."""
        if not a or not b:
            return 0.0
        table, unseen = self._idf_table, self.unseen_idf
        shared = sum(table.get(w, unseen) ** 2 for w in a & b)
        if not shared:
            return 0.0
        norm_a = sum(table.get(w, unseen) ** 2 for w in a)
        norm_b = sum(table.get(w, unseen) ** 2 for w in b)
        return shared / math.sqrt(norm_a * norm_b)

    @classmethod
    def from_dict(cls, data: dict) -> LearnedMatch:
        try:
            return cls(
                weights=tuple(float(data["weights"][name]) for name in PAIR_FEATURES),
                bias=float(data["bias"]),
                threshold=float(data.get("threshold", 0.5)),
                max_km=float(data.get("max_km", 25.0)),
                max_days=int(data.get("max_days", 3)),
                trained_on=str(data.get("trained_on", "")),
                across_types=bool(data.get("across_types", False)),
                idf=tuple(sorted((str(k), float(v)) for k, v in data.get("idf", {}).items())),
                unseen_idf=float(data.get("unseen_idf", 1.0)),
                link=str(data.get("link", "event")),
                regularisation=float(data.get("regularisation", 1.0)),
                beats_rules=bool(data.get("beats_rules", False)),
            )
        except (KeyError, TypeError, ValueError) as err:
            raise InputError(f"a learned match needs a weight for each of {PAIR_FEATURES}: {err}") from err

    def as_dict(self) -> dict:
        return {
            "weights": dict(zip(PAIR_FEATURES, self.weights, strict=True)),
            "bias": self.bias,
            "threshold": self.threshold,
            "max_km": self.max_km,
            "max_days": self.max_days,
            "trained_on": self.trained_on,
            "across_types": self.across_types,
            "link": self.link,
            "regularisation": self.regularisation,
            "beats_rules": self.beats_rules,
            "unseen_idf": self.unseen_idf,
            "idf": dict(self.idf),
        }


#: A match without weights: every word weighs alike in ``word_cosine``.
_PLAIN = LearnedMatch(weights=(0.0,) * len(PAIR_FEATURES), bias=0.0)


@lru_cache(maxsize=1)
def shipped_match() -> LearnedMatch:
    """The learned match shipped with the package (``scripts/learn_merge.py --out``), read once."""
    path = resources.files("geo.store").joinpath(MODEL_RESOURCE)
    try:
        return LearnedMatch.from_dict(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, json.JSONDecodeError, InputError) as err:
        raise ModelUnavailableError(f"the shipped merge model {MODEL_RESOURCE} cannot be read: {err}") from err


def default_rules() -> MergeRules:
    """The rules a store merges by: the shipped learned match when it merged the gold set's
    dev wars clearly better than the hand-set thresholds in leave-one-war-out
    (``LearnedMatch.beats_rules``, set by ``scripts/learn_merge.py``), else the hand-set thresholds."""
    return _default_rules()


@lru_cache(maxsize=1)
def _default_rules() -> MergeRules:
    match = shipped_match()
    return MergeRules(learned=match) if match.beats_rules else MergeRules()


@dataclass(frozen=True, slots=True)
class Report:
    """What merging reads of one event."""

    event_id: str
    event_type: str
    sub_event_type: str
    event_date: date | None
    date_precision: int
    lat: float
    lon: float
    words: frozenset[str]
    article_id: str = ""
    source: str = ""
    published: date | None = None
    # What the learned match also reads; a store that does not keep them leaves them unknown.
    actors: frozenset[str] = frozenset()
    fatalities: int = 0
    geo_precision: int = GEO_PRECISION_TOWN
    #: The words of its place's name (as resolved and as written), which the learned match
    #: leaves out of the words it compares: every report of a town names it, so they would
    #: make two happenings there look alike.
    place_words: frozenset[str] = frozenset()
    #: The days its quote states (``named_days``): a follow-up dated by its own day (a
    #: funeral on Saturday) names the happening's day too ("killed when rockets hit on Thursday").
    named_days: frozenset[date] = frozenset()
    #: Where its place lies (``Event``'s fields): a report placed at a region or a country
    #: may tell a happening at one of its towns (``wider_score``).
    country_code: str = ""
    admin1: str = ""
    feature_code: str = ""

    @classmethod
    def from_event(cls, event: Event) -> Report:
        return cls(
            event_id=event.event_id,
            event_type=event.event_type,
            sub_event_type=event.sub_event_type,
            event_date=event.event_date,
            date_precision=event.date_precision,
            lat=event.lat,
            lon=event.lon,
            words=content_words(f"{event.title} {event.quote}"),
            article_id=event.article_id,
            source=event.source,
            published=event.published,
            actors=frozenset(a for a in (event.actor1, event.actor2) if a),
            fatalities=event.fatalities,
            geo_precision=event.geo_precision,
            place_words=content_words(f"{event.place} {event.mention}"),
            named_days=named_days(event.quote, event.published),
            country_code=event.country_code,
            admin1=event.admin1,
            feature_code=event.feature_code,
        )


@lru_cache(maxsize=65_536)
def named_days(quote: str, published: date | None) -> frozenset[date]:
    """The days a quote states to the day ("on Thursday", "on 20 February"), read against its
    publication day: the happening a follow-up tells may be one of them ("buried on Tuesday
    the people killed on Sunday")."""
    if published is None or not quote:
        return frozenset()
    from geo.parse.dates import phrase_options  # the date grammar; read only when a report is made

    # Not a day counted on from another ("two days after"): that phrase sets a new happening
    # against an earlier one ("shelled the town again, two days after an attack there"); a day
    # counted back ("two days earlier", "three days ago") dates what the quote tells.
    days: set[date] = set()
    for o in phrase_options(quote, published=published):
        if o.precision == DATE_PRECISION_DAY and not (o.kind == "anchored" and o.phrase.lower().endswith("after")):
            days.add(o.value)
        elif o.kind == "weekend" and o.value.weekday() == SATURDAY:  # "at the weekend": either of its days
            days.update((o.value, o.value + timedelta(days=1)))
    return frozenset(days)


@dataclass(frozen=True, slots=True)
class MergedEvent:
    """One happening: the reports merged into it, in the order they came.

    Its id and place are its first report's, so adding reports never moves it (but for a
    happening placed only at a region or country, which takes the place of the first report
    at one of its towns that joins it: ``wider_score``); its type is its
    strongest reports': an account's (``is_account``: a hospital's statement) until a report
    of the happening's own kind joins (the strike it told), then that one's; its sub-type the
    sharpest they give (``GENERIC_SUB_TYPES``: a clash until a report tells the air strike)."""

    event_id: str
    event_type: str
    sub_event_type: str
    event_date: date | None
    date_precision: int
    lat: float
    lon: float
    words: frozenset[str]
    reports: tuple[Report, ...] = field(default=())
    published: date | None = None  # publication day of the report whose date the event holds
    actors: frozenset[str] = frozenset()  # every actor its first ``LINK_REPORTS`` reports name
    deaths: frozenset[int] = frozenset()  # every death figure they give (none: 0 is no figure)
    geo_precision: int = GEO_PRECISION_TOWN
    place_words: frozenset[str] = frozenset()  # its first reports' (``Report.place_words``)
    country_code: str = ""  # where its place lies (``Report.country_code``)
    admin1: str = ""
    feature_code: str = ""
    #: How many reports it holds (a store reads only its first ``LINK_REPORTS``).
    size: int = 1

    @classmethod
    def first(cls, report: Report) -> MergedEvent:
        return cls(
            report.event_id,
            report.event_type,
            report.sub_event_type,
            report.event_date,
            report.date_precision,
            report.lat,
            report.lon,
            report.words,
            (report,),
            report.published,
            report.actors,
            frozenset({report.fatalities}) if report.fatalities > 0 else frozenset(),
            report.geo_precision,
            report.place_words,
            report.country_code,
            report.admin1,
            report.feature_code,
        )

    def with_report(self, report: Report) -> MergedEvent:
        """This happening with one more report; a day-precise date replaces a vaguer one, and
        a town's place the region's or country's of a happening that only had them."""
        dated = self.event_date is None or (
            report.event_date is not None and report.date_precision < self.date_precision
        )
        # Only its first reports name its actors and deaths to the learned match (``LINK_REPORTS``).
        known = self.size < LINK_REPORTS
        counted = known and report.fatalities > 0
        typed = is_account(self.event_type, self.sub_event_type) and not is_account(
            report.event_type, report.sub_event_type
        )
        # "Fighting" in one outlet, "an air strike" in the next: the happening is the air strike.
        sharper = (
            report.event_type == self.event_type
            and self.sub_event_type in GENERIC_SUB_TYPES
            and report.sub_event_type not in GENERIC_SUB_TYPES
            and not is_account(report.event_type, report.sub_event_type)
        )
        joined = replace(
            self,
            event_type=report.event_type if typed else self.event_type,
            sub_event_type=report.sub_event_type if typed or sharper else self.sub_event_type,
            reports=(*self.reports, report),
            size=self.size + 1,
            words=self.words | report.words,
            actors=self.actors | report.actors if known else self.actors,
            place_words=self.place_words | report.place_words if known else self.place_words,
            deaths=self.deaths | {report.fatalities} if counted else self.deaths,
            event_date=report.event_date if dated else self.event_date,
            date_precision=report.date_precision if dated else self.date_precision,
            published=report.published if dated else self.published,
        )
        if not is_wide(self) or is_wide(report):
            return joined
        return replace(
            joined,
            lat=report.lat,
            lon=report.lon,
            geo_precision=report.geo_precision,
            country_code=report.country_code,
            admin1=report.admin1,
            feature_code=report.feature_code,
        )

    @property
    def sources(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(r.source for r in self.reports if r.source))


@dataclass(frozen=True, slots=True)
class BlockKey:
    """Where a store files an event for candidate look-ups: grid cell and day number."""

    cell_lat: int
    cell_lon: int
    day: int | None


@lru_cache(maxsize=65_536)
def content_words(text: str) -> frozenset[str]:
    """The words of a quote that say what happened (no stopwords, numbers or short words)."""
    return frozenset(_stem(w) for w in _WORD.findall(text.lower()) if w not in _STOPWORDS and len(w) > 2)


def _stem(word: str) -> str:
    """A crude stem, so "strikes"/"struck"-like variants of one word meet: "shelling" -> "shell"."""
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def block_key(lat: float, lon: float, day: date | None) -> BlockKey:
    return BlockKey(math.floor(lat / CELL_DEGREES), math.floor(lon / CELL_DEGREES), day.toordinal() if day else None)


def candidate_blocks(
    report: Report, rules: MergeRules | None = None
) -> tuple[tuple[tuple[int, int], ...], tuple[int, int] | None]:
    """The cells and the day range (inclusive) a store searches for a report's candidates;
    ``None`` days when the report has no date (then only its cells).

    The cells are those within ``rules.reach_km`` of the report's own: 3x3 near the equator,
    more in longitude towards the poles, where a cell is narrower."""
    rules = rules or default_rules()
    key = block_key(report.lat, report.lon, report.event_date)
    reach_lat = math.ceil(rules.reach_km / (KM_PER_DEGREE * CELL_DEGREES))
    km_per_lon_cell = KM_PER_DEGREE * CELL_DEGREES * max(math.cos(math.radians(report.lat)), 1e-6)
    reach_lon = min(math.ceil(rules.reach_km / km_per_lon_cell), round(180 / CELL_DEGREES))
    cells = tuple(
        (key.cell_lat + dy, key.cell_lon + dx)
        for dy in range(-reach_lat, reach_lat + 1)
        for dx in range(-reach_lon, reach_lon + 1)
    )
    if key.day is None:
        return cells, None
    window = max(DATE_WINDOW_DAYS.get(report.date_precision, MONTH_WINDOW_DAYS), rules.reach_days)
    if rules.learned is None and rules.shared_toll is not None and report.fatalities >= rules.shared_toll:
        window = max(window, rules.shared_toll_days)  # a toll it may share bridges more days (``share_a_toll``)
    # A follow-up's quote may name the happening's day, up to a week before its own.
    named = [d.toordinal() for d in report.named_days if 0 < key.day - d.toordinal() <= NAMED_DAY_REACH]
    risen = rules.learned is None and rules.toll_days > 0 and key.day == _ordinal(report.published)
    if risen and tells_a_risen_toll(report.words):
        named.append(key.day - rules.toll_days)  # a toll risen since a happening days before
    return cells, (min([key.day - window, *named]), key.day + window)


def _ordinal(day: date | None) -> int | None:
    return day.toordinal() if day is not None else None


def same_kind(a: str, b: str, *, sub_types: str = "family") -> bool:
    """May two sub-types name one happening, under the rule ``sub_types`` (see ``MergeRules``)?"""
    if a == b or sub_types == "any":
        return True
    return sub_types == "family" and any(a in family and b in family for family in SUB_TYPE_FAMILIES)


def dates_agree(a: date | None, pa: int, b: date | None, pb: int, *, day_slack: int = 0) -> bool:
    """Do two dates fit one happening, given their precisions (1 day, 2 week, 3 month)?"""
    if a is None or b is None:
        return True
    gap = abs((a - b).days)
    precision = max(pa, pb)
    if precision <= DATE_PRECISION_DAY:
        return gap <= day_slack
    if precision == DATE_PRECISION_WEEK:
        return gap <= 7
    return (a.year, a.month) == (b.year, b.month) or gap <= MONTH_WINDOW_DAYS // 2


def overlap(a: frozenset[str], b: frozenset[str]) -> float:
    """Overlap coefficient: shared words over the smaller set's size."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def match_score(report: Report, event: MergedEvent, rules: MergeRules = MergeRules()) -> float | None:
    """How well a report fits an existing event (higher is closer), or ``None`` when it cannot be the same."""
    match = rules.learned
    if match is not None:
        return _learned_score(report, event, match) if may_weigh(report, event, match) else None
    across = report.event_type != event.event_type
    if across and not tells_across(report, event, rules):
        return None
    if not across and not same_kind(report.sub_event_type, event.sub_event_type, sub_types=rules.sub_types):
        return None
    km = great_circle_km(report.lat, report.lon, event.lat, event.lon)
    reach = place_reach(report, event, rules)
    if km > reach:
        return None
    if rules.wide_tolls and tolls_differ_at_a_region(report, event):
        return None
    words = overlap(report.words, event.words)
    # Every report of a town names it: the words they share but its name tell one happening,
    # or the name and the toll they both give ("four dead" in two outlets' own words).
    told = overlap_but_places(report, event) if report.fatalities not in event.deaths else words
    if not across and told < rules.min_overlap:
        return None
    shares_toll = share_a_toll(report, event, rules)
    args = (report.event_date, report.date_precision, event.event_date, event.date_precision)
    if not dates_agree(*args) and not names_the_day(report, event) and not updates_the_toll(report, event, rules):
        # Days apart: the same happening when the quotes tell it alike (a day), or when the
        # later date is only its report's publication day (``publication_days``).
        if (report.event_date or date.min) > (event.event_date or date.min):
            on_publication = report.event_date == report.published
        else:
            on_publication = event.event_date == event.published
        # A date its quote does not state came from the article around it (the dateline, an
        # earlier sentence, the publication day): a day off is within what that tells.
        unstated = (report.event_date is not None and not date_stated(report)) or (
            rules.unstated_event and may_be_a_day_off(event, report.event_date)
        )
        slack = max(
            rules.day_slack if words >= rules.slack_overlap else -1,
            rules.publication_days if rules.publication_slack and on_publication else -1,
            rules.unstated_days if unstated else -1,
            rules.shared_toll_days if shares_toll and toll_bridges_days(report) else -1,
        )
        if slack < 0 or not dates_agree(*args, day_slack=slack):
            return None
    same_sub = 1.0 if report.sub_event_type == event.sub_event_type else 0.0
    same_type = 0.0 if across else 1.0  # a happening of its own type first
    toll = 1.0 if shares_toll else 0.0  # and one whose toll it shares
    return words + same_sub + same_type + toll + (1.0 - km / max(reach, 1e-9))


def place_reach(report: Report, event: MergedEvent, rules: MergeRules) -> float:
    """How far apart a report's place and an event's may lie for ``match_score``: ``rules.max_km``,
    or ``rules.seat_km`` between a city that seats a government and a place that does not.

    A seat's name stands for more than its centre: its region or district is named after it
    ("Donetsk region", "southern Idlib", which the geoparser may read as the city), and news
    places a village's happening "near" or "west of" it, so one outlet's report lands on the
    seat's point and another's on the village kilometres out. Two seats are two cities."""
    if (report.feature_code in SEAT_FEATURES) != (event.feature_code in SEAT_FEATURES):
        return max(rules.max_km, rules.seat_km)
    return rules.max_km


def is_account(event_type: str, sub_event_type: str) -> bool:
    """Is a report of this type what someone said of a happening (a statement, an "other":
    a funeral, a march for the dead) rather than a happening of a kind of its own?"""
    return event_type == OTHER_TYPE or sub_event_type in ACCOUNT_SUB_TYPES


def tells_across(report: Report, event: MergedEvent, rules: MergeRules) -> bool:
    """May a report tell an event of another type, by what they are and the words they share?

    An account (``is_account``) tells a happening of another type: a report typed "other"
    any event, a statement only fighting, when they share ``rules.other_overlap`` of their words;
    an account that tells of dead or wounded (``CASUALTY_WORDS``) tells fighting when they share
    ``rules.casualty_overlap`` of their words but their place's name (which every report of a
    town shares); any two types but an aid delivery when ``retyped``, or when they share a
    death toll (``told_by_one_toll``). Two happenings of their own kinds, one of them an aid
    delivery, never merge."""
    if rules.victims_overlap is not None and tells_its_victims(report, event, rules.victims_overlap):
        return True
    if rules.retyped_overlap is not None and retyped(report, event, retyped_share(report, event, rules)):
        return True
    if retyped_a_day_apart(report, event, rules):
        return True
    if told_by_one_toll(report, event, rules):
        return True
    if rules.other_overlap is None or not may_tell_across(report, event):
        return False
    words = overlap_but_places(report, event)
    if words >= rules.other_overlap:
        return True
    return rules.casualty_overlap is not None and tells_casualties(report, event) and words >= rules.casualty_overlap


def tells_its_victims(report: Report, event: MergedEvent, share: float) -> bool:
    """Is one of the two a humanitarian report of the people a fight displaced, killed or
    wounded (``VICTIM_SUB_TYPES``) and the other that fight, both dated to the same day, their
    words but the place's name sharing ``share``? One outlet types a convoy leaving a besieged
    district a clash, another the displacement it is; a day later it is the next happening (the
    wounded evacuated the day after a strike), and an aid delivery is never the fight's."""
    return fight_and_its_victims(report, event) and told_alike_on_one_day(report, event, share)


def retyped(report: Report, event: MergedEvent, share: float) -> bool:
    """Are a report and an event of two types one happening the event model typed apart: both
    dated to one day, neither an aid delivery (a happening of its own beside any fight), from
    two articles (one that tells a clash and talks about it, each typed, tells two happenings;
    a store knows the reports it files in one write, and an article is filed in one), their
    words but the place's name sharing ``share``?"""
    if aid_and_another(report.sub_event_type, event.sub_event_type):
        return False
    if told_in_one_article(report, event):
        return False  # one article that tells two types at one place tells two happenings
    return told_alike_on_one_day(report, event, share)


def retyped_a_day_apart(report: Report, event: MergedEvent, rules: MergeRules) -> bool:
    """Are a report and an event of two types, dated to the day a day apart, the later date
    one its quote does not state (``later_date_unstated``: a deal one day and the evacuation
    it let happen the next, each dated by its text, are two happenings), one happening the
    event model typed apart: neither an aid delivery, not a fight and its victims (the wounded
    evacuated the day after a strike are the next happening), from two articles, their words
    but the place's name sharing ``rules.retyped_days_overlap`` (and what ``retyped`` asks)?
    ``match_score`` then asks of their dates what it asks of two reports of one type."""
    if rules.retyped_days_overlap is None or report.event_date is None or event.event_date is None:
        return False
    if report.date_precision != DATE_PRECISION_DAY or event.date_precision != DATE_PRECISION_DAY:
        return False
    if abs((report.event_date - event.event_date).days) != 1 or not later_date_unstated(report, event):
        return False
    if aid_and_another(report.sub_event_type, event.sub_event_type) or fight_and_its_victims(report, event):
        return False
    if told_in_one_article(report, event):
        return False
    share = max(retyped_share(report, event, rules), rules.retyped_days_overlap)
    return overlap_but_places(report, event) >= share


def share_a_toll(report: Report, event: MergedEvent, rules: MergeRules) -> bool:
    """Do the report and every report of the event that gives a death toll give tolls of at
    least ``rules.shared_toll`` that agree (``tolls_agree``: "at least 40 killed" and "44 dead")?"""
    least = rules.shared_toll
    if least is None or report.fatalities < least or not event.deaths or min(event.deaths) < least:
        return False
    return tolls_agree(report.fatalities, event.deaths)


def toll_bridges_days(report: Report) -> bool:
    """May a toll the report shares with an event bridge the days between their dates: not when the report's date
    is one its quote states (``date_stated``), a day read, not misread (a strike on Wednesday
    after Tuesday's that killed as many)? A store keeps no quote of a happening it holds, so
    the new report's is the one read, as in ``states_the_day``."""
    return not date_stated(report)


def told_by_one_toll(report: Report, event: MergedEvent, rules: MergeRules) -> bool:
    """Are a report and an event of two types one happening by the toll they share
    (``share_a_toll``): from two articles (``retyped``'s reason), neither an aid delivery
    beside another kind (a happening of its own beside any fight in its town)?"""
    if not share_a_toll(report, event, rules) or told_in_one_article(report, event):
        return False
    return not aid_and_another(report.sub_event_type, event.sub_event_type)


def told_in_one_article(report: Report, event: MergedEvent) -> bool:
    """Does the report come from an article that already told one of the event's reports?"""
    return any(r.article_id == report.article_id for r in event.reports)


def retyped_share(report: Report, event: MergedEvent, rules: MergeRules) -> float:
    """The words two reports typed apart must share for ``retyped``: ``rules.retyped_overlap``
    for two happenings of their own kinds; at least ``rules.retyped_account_overlap`` when one
    is an account, and at least ``rules.victims_overlap`` for a fight and its victims, whose
    own rule (``tells_its_victims``) weighs them."""
    share = rules.retyped_overlap or 0.0
    if is_account(report.event_type, report.sub_event_type) or is_account(event.event_type, event.sub_event_type):
        return max(share, rules.retyped_account_overlap)
    if fight_and_its_victims(report, event) and rules.victims_overlap is not None:
        return max(share, rules.victims_overlap)
    return share


def told_alike_on_one_day(report: Report, event: MergedEvent, share: float) -> bool:
    """Are a report and an event dated to one day, both to the day, their words but the
    place's name sharing ``share``?"""
    if report.event_date is None or report.event_date != event.event_date:
        return False
    if report.date_precision != DATE_PRECISION_DAY or event.date_precision != DATE_PRECISION_DAY:
        return False
    return overlap_but_places(report, event) >= share


def fight_and_its_victims(report: Report, event: MergedEvent) -> bool:
    """Is one of the two a humanitarian report of victims (``VICTIM_SUB_TYPES``) and the other fighting?"""
    kinds = {_victims_or_fighting(report.event_type, report.sub_event_type)}
    return kinds | {_victims_or_fighting(event.event_type, event.sub_event_type)} == {"victims", "fighting"}


def _victims_or_fighting(event_type: str, sub_event_type: str) -> str:
    if event_type == HUMANITARIAN_TYPE and sub_event_type in VICTIM_SUB_TYPES:
        return "victims"
    return "fighting" if event_type == FRONTLINE_TYPE and not is_account(event_type, sub_event_type) else ""


def may_tell_across(report: Report, event: MergedEvent) -> bool:
    """May a report and an event of two types be one happening, by their types alone: an
    account typed "other" and anything, or a statement and fighting; not two happenings of
    their own kinds (a clash, an aid delivery), nor a statement and an aid delivery."""
    report_tells = is_account(report.event_type, report.sub_event_type)
    if report_tells == is_account(event.event_type, event.sub_event_type):
        # Two accounts of two types (a statement, a funeral), or two happenings of their own kinds.
        return report_tells and OTHER_TYPE in (report.event_type, event.event_type)
    account, told = (report, event) if report_tells else (event, report)
    return account.event_type == OTHER_TYPE or told.event_type == FRONTLINE_TYPE


def tells_casualties(report: Report, event: MergedEvent) -> bool:
    """Is one of the two an account that tells of dead or wounded (``CASUALTY_WORDS``), and the
    other fighting?"""
    if is_account(report.event_type, report.sub_event_type):
        return event.event_type == FRONTLINE_TYPE and bool(report.words & CASUALTY_WORDS)
    return (
        is_account(event.event_type, event.sub_event_type)
        and report.event_type == FRONTLINE_TYPE
        and bool(event.words & CASUALTY_WORDS)
    )


def tells_a_risen_toll(words: frozenset[str]) -> bool:
    """Do a report's words tell a toll risen ("the death toll rose to 12", "the number of people
    killed has risen to 70")?"""
    return bool(words & TOLL_WORDS) and bool(words & RISE_WORDS) and bool(words & CASUALTY_WORDS)


def updates_the_toll(report: Report, event: MergedEvent, rules: MergeRules) -> bool:
    """Is the report a later toll of the event's happening: of its type, dated only by its
    publication day (the day the toll was told, not a day its text gives the happening: "the
    toll of Thursday's bombing has risen" is Thursday's) up to ``rules.toll_days`` after the
    event, telling a risen toll in words that share ``rules.other_overlap`` of the event's but
    the place's name? A toll rises over days; a new strike is not told so."""
    if (
        rules.toll_days < 0
        or report.event_type != event.event_type
        or report.event_date is None
        or report.event_date != report.published
        or event.event_date is None
        or event.date_precision != DATE_PRECISION_DAY
        or not 0 < (report.event_date - event.event_date).days <= rules.toll_days
        or not tells_a_risen_toll(report.words)
    ):
        return False
    return overlap_but_places(report, event) >= (rules.other_overlap or 0.0)


def overlap_but_places(report: Report, event: MergedEvent) -> float:
    """The words a report and an event share but their places' names, which every report of a
    town shares."""
    places = report.place_words | event.place_words
    return overlap(report.words - places, event.words - places)


def names_the_day(report: Report, event: MergedEvent) -> bool:
    """Does the report's quote state the event's day, though the report is dated otherwise
    (a follow-up dated by its own day, after the happening it tells)?"""
    return (
        event.event_date is not None
        and event.date_precision == DATE_PRECISION_DAY
        and report.event_date is not None
        and report.event_date > event.event_date
        and (report.event_date - event.event_date).days <= NAMED_DAY_REACH
        and event.event_date in report.named_days
    )


def is_wide(place: Report | MergedEvent | Event) -> bool:
    """Is a report or event placed at a region or a country, not at a town or near one?"""
    return place.geo_precision >= GEO_PRECISION_REGION


def holds(wide: Report | MergedEvent, town: Report | MergedEvent) -> bool:
    """Does the country, region or district a report or event is placed at hold the other's town?

    A country every town of its country code, a first-level region every town of its
    ``admin1``; a district (a lower administrative division, whose own ``admin1`` is the
    region it lies in) the towns of that region within ``DISTRICT_KM`` of its centre, as the
    gazetteer keeps no district of a town."""
    if not wide.country_code or wide.country_code != town.country_code:
        return False
    if wide.feature_code.startswith(COUNTRY_FEATURE_PREFIX):
        return True
    if not wide.feature_code.startswith(DIVISION_FEATURE_PREFIX) or not wide.admin1 or wide.admin1 != town.admin1:
        return False
    return wide.feature_code == REGION_FEATURE or great_circle_km(wide.lat, wide.lon, town.lat, town.lon) <= DISTRICT_KM


def tolls_differ_at_a_region(report: Report, event: MergedEvent) -> bool:
    """Are both placed only at a region or country, each with a death toll, the tolls not agreeing?"""
    return (
        is_wide(report)
        and is_wide(event)
        and report.fatalities > 0
        and bool(event.deaths)
        and not tolls_agree(report.fatalities, event.deaths)
    )


def tolls_agree(toll: int, deaths: frozenset[int]) -> bool:
    """Does a report's death toll agree with every figure an event's reports give: equal, or
    close (the lower at least ``TOLL_AGREEMENT`` of the higher: "five killed" and "at least four
    killed" tell one strike; "three" and "twelve" tell two)?"""
    return all(min(toll, d) >= TOLL_AGREEMENT * max(toll, d) for d in deaths)


def wider_score(report: Report, event: MergedEvent, rules: MergeRules) -> float | None:
    """How well a report fits an event placed too far from it for ``match_score``, or ``None``.

    One happening when both are of one type and kind, their dates agree (or the report's quote
    names the event's day), their words but the places' names share ``rules.wider_overlap``,
    and their places fit: a town and the region or country that holds it (``holds``), the two
    giving death tolls that agree (``tolls_agree``), or none and the region's report stating
    its day; or two towns up to ``rules.nearby_km`` apart whose reports give one death toll.
    A region's seat stands for its region when both give tolls that agree (``seat_for_region``).
    Two types fit when ``tells_across`` lets them be one happening at one place. A war has
    many happenings a day in one country, so this evidence is required; ``assign`` also takes
    such a match only when it is the one candidate that fits, or shares clearly more words
    than the next (``MergeRules.wider_lead``)."""
    if rules.wider_overlap is None:
        return None
    if report.event_type != event.event_type:
        # Typed apart as ``match_score`` allows at one place (a strike one outlet tells as its
        # victims, a clash read as a capture): the place is what is uncertain, not the kind.
        if not rules.wider_across or not tells_across(report, event, rules):
            return None
    elif not same_kind(report.sub_event_type, event.sub_event_type, sub_types=rules.sub_types):
        return None
    args = (report.event_date, report.date_precision, event.event_date, event.date_precision)
    if not dates_agree(*args) and not names_the_day(report, event):
        toll = share_a_toll(report, event, rules) and toll_bridges_days(report)
        if not toll or not dates_agree(*args, day_slack=rules.shared_toll_days):
            return None
    counted = report.fatalities > 0 and bool(event.deaths)
    # One toll: the figure every report of the event gives, not one of several.
    same_toll = counted and event.deaths == {report.fatalities}
    if rules.seat_as_region and seat_for_region(report, event):
        # A city is also a place of its own: its report tells a town's happening only with a
        # toll both give that agrees, not by a stated day alone (its own strike that day).
        if not counted or not tolls_agree(report.fatalities, event.deaths):
            return None
    elif is_wide(report) != is_wide(event):
        wide, town = (report, event) if is_wide(report) else (event, report)
        if not holds(wide, town) or (counted and not tolls_agree(report.fatalities, event.deaths)):
            return None
        # A region's or country's report tells this happening, not the war around it, when it
        # gives a toll that agrees or its quote states its day (background is dated by the article);
        # when it came first, the town's report that states the day the region's is dated to.
        if not counted and not states_the_day(report, event, wide_first=wide is event):
            return None
    elif is_wide(report) or not same_toll:
        return None  # two regions' reports are matched by place; two towns apart need one toll
    elif great_circle_km(report.lat, report.lon, event.lat, event.lon) > rules.nearby_km:
        return None
    words = overlap_but_places(report, event)
    least = rules.wider_overlap
    if rules.wider_toll_overlap is not None and one_told_happening(report, event):
        least = min(least, rules.wider_toll_overlap)
    return WIDER_MATCH_WEIGHT * words if words >= least else None


def one_told_happening(report: Report, event: MergedEvent) -> bool:
    """Do a town's report and its region's or district's (``is_wide`` apart, neither placed at
    a country) tell one kind of happening on one day with one death toll: one type and
    sub-type, one date, and one figure, the only one the event's reports give?"""
    return (
        is_wide(report) != is_wide(event)
        and not any(p.feature_code.startswith(COUNTRY_FEATURE_PREFIX) for p in (report, event))
        and report.event_type == event.event_type
        and report.sub_event_type == event.sub_event_type
        and report.event_date is not None
        and report.event_date == event.event_date
        and report.fatalities > 0
        and event.deaths == {report.fatalities}
    )


def seat_for_region(report: Report, event: MergedEvent) -> bool:
    """Is one of the two placed at the seat of a first-level region (``REGION_SEAT_FEATURE``)
    and the other at a town of that region that seats no government? A region is often named
    after its seat ("in X province", "southern X"), and the geoparser then places the
    report at the city: the seat may stand for its region, as a report placed at the region does."""
    same_region = bool(report.admin1) and (report.country_code, report.admin1) == (event.country_code, event.admin1)
    if is_wide(report) or is_wide(event) or not same_region:
        return False
    seat, town = sorted((report.feature_code, event.feature_code), key=lambda code: code != REGION_SEAT_FEATURE)
    return seat == REGION_SEAT_FEATURE and town not in SEAT_FEATURES


def states_the_day(report: Report, event: MergedEvent, *, wide_first: bool) -> bool:
    """Does the report's quote state its day (``Report.named_days``), and, when the event is the
    region's or country's report that came first, is the event dated to that very day? A store
    keeps no event's quote, so the later report's is the one read, whichever of the two it is."""
    if report.event_date is None or report.event_date not in report.named_days:
        return False
    return not wide_first or (event.date_precision == DATE_PRECISION_DAY and event.event_date == report.event_date)


def may_weigh(report: Report, event: MergedEvent, model: LearnedMatch) -> bool:
    """May the learned match weigh a report against an event at all, by their kinds? Not an aid
    delivery and a happening of another kind (aid is a happening of its own beside any fight
    in its town that day); two types only with ``model.across_types`` and from two articles
    (one article that tells two types at one place tells two happenings)."""
    if aid_and_another(report.sub_event_type, event.sub_event_type):
        return False
    if report.event_type == event.event_type:
        return True
    return model.across_types and not told_in_one_article(report, event)


def aid_and_another(a: str, b: str) -> bool:
    """Is one of two sub-types an aid delivery and the other another kind?"""
    return a != b and AID_SUB_TYPE in (a, b)


def place_scale_km(place: Report | MergedEvent) -> float:
    """How far from its point a place's happenings are told (``PLACE_SCALE_KM``)."""
    return PLACE_SCALE_KM.get(place.feature_code, TOWN_SCALE_KM)


def place_apart(report: Report, event: MergedEvent) -> float:
    """How far apart two places lie for their size: the distance over the sum of their scales
    (``place_scale_km``), so a village 12 km from a provincial capital is nearer than two
    villages 12 km apart; 0 when one is a region or country (placed at its centre), at most
    ``MOST_APART``."""
    if is_wide(report) or is_wide(event):
        return 0.0
    km = great_circle_km(report.lat, report.lon, event.lat, event.lon)
    return min(km / (place_scale_km(report) + place_scale_km(event)), MOST_APART)


def days_apart(report: Report, event: MergedEvent) -> int:
    """Days between two dates beyond what their precision allows (0 when they agree within
    it, or the report's quote names the event's day), at most ``MOST_DAYS``."""
    args = (report.event_date, report.date_precision, event.event_date, event.date_precision)
    if dates_agree(*args) or names_the_day(report, event):
        return 0
    assert report.event_date is not None and event.event_date is not None  # dates_agree holds otherwise
    gap = abs((report.event_date - event.event_date).days)
    if max(report.date_precision, event.date_precision) > DATE_PRECISION_DAY:
        return MOST_DAYS
    return min(gap, MOST_DAYS)


def pair_features(report: Report, event: MergedEvent, model: LearnedMatch | None = None) -> tuple[float, ...]:
    """``PAIR_FEATURES`` of a report and an event (every word weighing alike without a model)."""
    days = days_apart(report, event)
    if (report.event_date or date.min) > (event.event_date or date.min):
        on_publication = report.event_date == report.published
    else:
        on_publication = event.event_date == event.published
    wide = is_wide(report) != is_wide(event)
    both_named = bool(report.actors) and bool(event.actors)
    same_actor = bool(report.actors & event.actors)
    both_counted = report.fatalities > 0 and bool(event.deaths)
    agreed = both_counted and tolls_agree(report.fatalities, event.deaths)
    places = report.place_words | event.place_words
    across = report.event_type != event.event_type
    report_account = is_account(report.event_type, report.sub_event_type)
    cosine = (model or _PLAIN).word_cosine(report.words - places, event.words - places)
    return (
        place_apart(report, event),
        1.0 if wide and holds(*((report, event) if is_wide(report) else (event, report))) else 0.0,
        float(days),
        1.0 if days and on_publication else 0.0,
        cosine,
        1.0 if across else 0.0,
        1.0 if across and report_account != is_account(event.event_type, event.sub_event_type) else 0.0,
        1.0 if not across and report.sub_event_type != event.sub_event_type else 0.0,
        1.0 if same_actor else 0.0,
        1.0 if both_named and not same_actor else 0.0,
        1.0 if agreed else 0.0,
        1.0 if both_counted and not agreed else 0.0,
        float(published_apart(report, event)),
        1.0 if date_stated(report) and event_date_stated(event) else 0.0,
        cosine if across else 0.0,
    )


def published_apart(report: Report, event: MergedEvent) -> int:
    """Days between the report's publication day and the event's (the publication day of the
    report whose date it holds), at most ``MOST_DAYS``; 0 when either is unknown."""
    if report.published is None or event.published is None:
        return 0
    return min(abs((report.published - event.published).days), MOST_DAYS)


def date_stated(report: Report) -> bool:
    """Is the report's date one its quote states (``Report.named_days``)?"""
    return report.event_date is not None and report.event_date in report.named_days


def may_be_a_day_off(event: MergedEvent, other: date | None) -> bool:
    """May the event's date be a day off from the happening it tells, towards ``other``? When
    none of its reports' quotes states it (``event_date_stated``): it came from around the
    quote. A date that is only its report's publication day was a fallback, after the
    happening, so it is a day late at most, never a day early."""
    if event.event_date is None or other is None or event_date_stated(event):
        return False
    return not (event.event_date == event.published and other > event.event_date)


def later_date_unstated(report: Report, event: MergedEvent) -> bool:
    """Is the later of the two dates one its quote does not state (the report's, or none of the
    event's reports' that hold it), so that it may be the day off?"""
    if report.event_date is None or event.event_date is None:
        return False
    if report.event_date > event.event_date:
        return not date_stated(report)
    return not event_date_stated(event)


def event_date_stated(event: MergedEvent) -> bool:
    """Does a report of the event whose date it holds state that date in its quote?"""
    return any(r.event_date == event.event_date and date_stated(r) for r in event.reports[:LINK_REPORTS])


def _learned_score(report: Report, event: MergedEvent, model: LearnedMatch) -> float | None:
    km = great_circle_km(report.lat, report.lon, event.lat, event.lon)
    if km > model.max_km:
        return None
    if not within_reach_in_time(report, event, model):
        return None
    if model.link == "average" and len(event.reports) > 1:
        # Average link: the mean over the event's first reports, so a report told like one of
        # them but unlike the rest does not pull a look-alike into the event.
        probabilities = [
            model.probability(pair_features(report, MergedEvent.first(r), model)) for r in event.reports[:LINK_REPORTS]
        ]
        probability = sum(probabilities) / len(probabilities)
    else:
        probability = model.probability(pair_features(report, event, model))
    return probability if probability >= model.threshold else None


def within_reach_in_time(report: Report, event: MergedEvent, model: LearnedMatch) -> bool:
    """May a report and an event be one happening by their dates, before weighing the rest?

    Within ``model.max_days`` (day-precise dates; vaguer ones within their precision), and
    two day-precise dates more than a day apart only when the later is just its report's
    publication day, a date the text left unresolved: two dates both texts give are two days, so a strike
    on a town on Monday and another there on Tuesday stay two happenings."""
    args = (report.event_date, report.date_precision, event.event_date, event.date_precision)
    if dates_agree(*args) or names_the_day(report, event):
        return True
    if not dates_agree(*args, day_slack=model.max_days):
        return False
    # A date left unresolved falls on the publication day, after the happening, never before it.
    if (report.event_date or date.min) > (event.event_date or date.min):
        return report.event_date == report.published
    return event.event_date == event.published


def assign(report: Report | Event, candidates: Sequence[MergedEvent], rules: MergeRules | None = None) -> str | None:
    """The id of the event among ``candidates`` that ``report`` tells too, or ``None`` for a new one
    (by ``default_rules()`` unless ``rules`` are given).

    The best-scoring candidate wins; ties go to the smallest id, so the answer depends on
    the inputs alone, not on their order. A candidate that fits only beyond the place's reach
    (``wider_score``: a town and its region or country, two towns with one toll) is taken only
    when no candidate fits by place and it is the only one that fits so, or clearly the best
    (``clearly_best``), those whose toll the report shares (``share_a_toll``) first; or when
    it is the one such candidate whose toll the report shares and the best by place shares none."""
    new = Report.from_event(report) if isinstance(report, Event) else report
    rules = rules or default_rules()
    best: tuple[float, str] | None = None
    best_shares_toll = False
    wider: list[tuple[float, str]] = []
    wider_tolls: list[str] = []  # those of ``wider`` whose toll the report shares
    for event in candidates:
        score = match_score(new, event, rules)
        if score is None:
            beyond = wider_score(new, event, rules)
            if beyond is not None:
                wider.append((beyond, event.event_id))
                if share_a_toll(new, event, rules):
                    wider_tolls.append(event.event_id)
            continue
        if best is None or score > best[0] or (score == best[0] and event.event_id < best[1]):
            best = (score, event.event_id)
            best_shares_toll = share_a_toll(new, event, rules)
    if best is not None and not best_shares_toll and len(wider_tolls) == 1:
        # A toll both give tells the happening more surely than a place alone: a province's
        # report of 30 dead fits the province's other report, of no toll, by place, and the
        # report of a town of the province that gives 30 dead that day only beyond it.
        return wider_tolls[0]
    if best is None:
        return clearly_best([w for w in wider if w[1] in wider_tolls] or wider, rules.wider_lead)
    return best[1]


def clearly_best(scored: Sequence[tuple[float, str]], lead: float | None) -> str | None:
    """The id of the one candidate in ``scored``, or of the best when its score is more than
    ``lead`` times the next one's (``None``: only one candidate will do); else ``None``."""
    if len(scored) == 1:
        return scored[0][1]
    if lead is None or not scored:
        return None
    (top, top_id), (second, _) = sorted(scored, key=lambda s: (-s[0], s[1]))[:2]
    return top_id if top > lead * second else None


def merge(reports: Iterable[Report | Event], rules: MergeRules | None = None) -> tuple[MergedEvent, ...]:
    """Reports merged one by one, as a store would as articles arrive, candidates by blocking key
    (by ``default_rules()`` unless ``rules`` are given)."""
    rules = rules or default_rules()
    events: dict[str, MergedEvent] = {}
    index: dict[tuple[int, int], list[str]] = {}
    # Every event by its country, for the reports placed at a region or country (``wider_score``).
    by_country: dict[str, list[str]] = {}
    for item in reports:
        report = Report.from_event(item) if isinstance(item, Event) else item
        cells, days = candidate_blocks(report, rules)
        filed = [event_id for cell in cells for event_id in index.get(cell, ())]
        if rules.wider_overlap is not None and report.country_code:
            filed.extend(by_country.get(report.country_code, ()))
        candidates = []
        for event_id in dict.fromkeys(filed):
            event = events[event_id]
            if not within_reach(report, event, rules):
                continue  # in the country, but neither of the two is placed at a region or country
            day = event.event_date.toordinal() if event.event_date else None
            if days is None or day is None or days[0] <= day <= days[1]:
                candidates.append(event)
        chosen = assign(report, candidates, rules)
        if chosen is None:
            events[report.event_id] = MergedEvent.first(report)
            key = block_key(report.lat, report.lon, report.event_date)
            index.setdefault((key.cell_lat, key.cell_lon), []).append(report.event_id)
            if report.country_code:
                by_country.setdefault(report.country_code, []).append(report.event_id)
        else:
            events[chosen] = events[chosen].with_report(report)
    return tuple(events.values())


def within_reach(report: Report, event: MergedEvent, rules: MergeRules) -> bool:
    """May the report join the event by their places: one of them placed at a region or a
    country (``wider_score``), a region's seat and a town of it (``seat_for_region``), or two
    towns within ``rules.reach_km``?"""
    if is_wide(report) or is_wide(event):
        return True
    if rules.seat_as_region and rules.wider_overlap is not None and seat_for_region(report, event):
        return True
    return great_circle_km(report.lat, report.lon, event.lat, event.lon) <= rules.reach_km


@dataclass(frozen=True, slots=True)
class CodedFields:
    """The actors and deaths of one happening, coded from all its reports."""

    actor1: str = ""
    inter1: int = 0
    actor2: str = ""
    inter2: int = 0
    interaction: int = 0
    fatalities: int = 0
    assoc_actor_1: str = ""
    assoc_actor_2: str = ""

    def applied(self, event: Event) -> Event:
        """``event`` carrying these fields."""
        return replace(
            event,
            actor1=self.actor1,
            inter1=self.inter1,
            actor2=self.actor2,
            inter2=self.inter2,
            interaction=self.interaction,
            fatalities=self.fatalities,
            assoc_actor_1=self.assoc_actor_1,
            assoc_actor_2=self.assoc_actor_2,
        )


def strongest(reports: Sequence[Event]) -> Sequence[Event]:
    """The reports of a happening that tell it as a happening of its own kind (a strike, a
    clash): all but its accounts (``is_account``), or all of them when it has only accounts;
    of those, the ones placed at its town when some are (a report that names only the
    province tells who fights there, not always who fought here)."""
    own = [e for e in reports if not is_account(e.event_type, e.sub_event_type)] or reports
    return [e for e in own if not is_wide(e)] or own


def coded_fields(reports: Sequence[Event]) -> CodedFields:
    """The coded fields of one happening from the events of its reports.

    Fatalities: ``happening_toll``. Actors: the pair most of its strongest reports name (not its
    accounts, when it has others: a hospital's statement names the parties to a statement, not
    who fought), a pair before a lone actor (ties: the pair that sorts first), in the order and with the
    codes of its first report. A group one report calls by its acronym and another in ACLED's
    form ("SDF", "SDF: Syrian Democratic Forces") is one actor, in ACLED's form. The gunmen one
    report leaves unidentified are the armed group another names, when the reports (all of
    them, those placed only at the province and the accounts too) name one group besides the
    gunmen's other side, or one more of their articles name than any other (ACLED codes the
    attackers as the best-informed source names them)."""
    fatalities = happening_toll(reports)
    everyone = _in_fullest_form([(event, _sides(event)) for event in reports])
    strong = {event.event_id for event in strongest(reports)}
    told = [(event, pair) for event, pair in everyone if event.event_id in strong]
    # The groups the happening's reports name, by how many articles name each: a report placed
    # only at the province, or telling what was said of it, still names who attacked.
    naming: dict[tuple[str, int], set[str]] = {}
    for event, pair in everyone:
        for name, inter, _ in pair:
            if _named_group(name, inter):
                naming.setdefault((name, inter), set()).add(event.article_id)
    named = {group: len(articles) for group, articles in naming.items()}
    told = [(event, _identified(pair, named)) for event, pair in told]
    votes: dict[frozenset[str], list[tuple[Event, Sides]]] = {}
    for event, pair in told:
        names = frozenset(name for name, _, _ in pair if name)
        if names:
            votes.setdefault(names, []).append((event, pair))
    if not votes:
        return CodedFields(fatalities=fatalities)
    # Ties: the pair whose names the other reports' pairs share most ("BLA" and "the army" in
    # one report, "BLA" and civilians in one, "the army" and the separatists in another: the
    # first pair), then the pair that sorts first. A lone actor lends no pair its support.
    support = Counter(name for names, voters in votes.items() if len(names) > 1 for name in names for _ in voters)

    def shared(names: frozenset[str]) -> int:
        return sum(support[name] - len(votes[names]) for name in names) if len(names) > 1 else 0

    chosen = min(votes, key=lambda names: (-len(names), -len(votes[names]), -shared(names), sorted(names)))
    first, pair = votes[chosen][0]
    (actor1, inter1, assoc1), (actor2, inter2, assoc2) = pair
    # The first report's interaction code, unless the gunmen it left unidentified were named.
    code = first.interaction if pair == _sides(first) else _interaction(inter1, inter2)
    return CodedFields(actor1, inter1, actor2, inter2, code, fatalities, assoc_actor_1=assoc1, assoc_actor_2=assoc2)


def happening_toll(reports: Sequence[Event]) -> int:
    """The deaths of one happening from the events of its reports: one figure per article (the
    largest its events give: a smaller one is a part it tells apart, "killed a priest and a
    guard" before "seven people were killed"), then the lowest of them, as ACLED takes the most
    conservative report, never their sum; 0 when none reports deaths.

    Only figures told of the happening's own place count when its reports name towns apart
    (merging may hold a town's event beside a neighbouring village's): the town more of its
    articles place it at than any other, and any region or country, which holds it. A report's
    figure for another town is that town's toll or a part of the toll, not a lower account of
    this one's. When no town has the most articles, or no report tells a figure at that town,
    every figure counts."""
    told = [event for event in reports if event.fatalities > 0]
    home = _home_place(reports)
    at_home = [event for event in told if is_wide(event) or _place_key(event) == home]
    if home is not None and any(not is_wide(event) for event in at_home):
        told = at_home
    per_article: dict[str, int] = {}
    for event in told:
        per_article[event.article_id] = max(per_article.get(event.article_id, 0), event.fatalities)
    return min(per_article.values()) if per_article else 0


def _place_key(event: Event) -> str:
    return str(event.geonameid) if event.geonameid is not None else event.place.casefold()


def _home_place(reports: Sequence[Event]) -> str | None:
    """The town more of a happening's articles place it at than any other; ``None`` when none."""
    articles: dict[str, set[str]] = {}
    for event in reports:
        if not is_wide(event):
            articles.setdefault(_place_key(event), set()).add(event.article_id)
    counts = sorted((len(ids) for ids in articles.values()), reverse=True)
    if not counts or (len(counts) > 1 and counts[0] == counts[1]):
        return None
    return max(articles, key=lambda key: len(articles[key]))


#: An event's two actors: (name, inter code, associated actors) each.
Sides = tuple[tuple[str, int, str], tuple[str, int, str]]


def _sides(event: Event) -> Sides:
    return (event.actor1, event.inter1, event.assoc_actor_1), (event.actor2, event.inter2, event.assoc_actor_2)


def _in_fullest_form(told: list[tuple[Event, Sides]]) -> list[tuple[Event, Sides]]:
    """``told`` with each actor under the fullest name the reports give it: "SDF" is
    "SDF: Syrian Democratic Forces" when another report writes it so."""
    names = {name for _, pair in told for name, _, _ in pair if name}
    fuller = {
        name: full
        for name in names
        for full in names
        if full != name and (full.startswith(name + ": ") or full.endswith(": " + name))
    }
    if not fuller:
        return told
    return [
        (event, ((fuller.get(name1, name1), code1, assoc1), (fuller.get(name2, name2), code2, assoc2)))
        for event, ((name1, code1, assoc1), (name2, code2, assoc2)) in told
    ]


def _identified(pair: Sides, named: dict[tuple[str, int], int]) -> Sides:
    """``pair`` with an unidentified armed group read as the group of ``named`` (the groups
    the happening's reports name, each with how many articles name it) that is not the pair's
    other side: the only one, or the one more articles name than any other (the attackers,
    beside a parent group or an ally one report names once)."""
    from geo.parse.actors import UNIDENTIFIED_GROUP  # the actor coding's name; loads only when actors are coded

    others = sorted(
        ((count, group) for group, count in named.items() if group[0] not in (pair[0][0], pair[1][0])), reverse=True
    )
    if not others or (len(others) > 1 and others[0][0] == others[1][0]):
        return pair
    group, inter = others[0][1]
    side1, side2 = (
        (group, inter, assoc) if name.startswith(UNIDENTIFIED_GROUP) else (name, code, assoc)
        for name, code, assoc in pair
    )
    return side1, side2


def _named_group(name: str, inter: int) -> bool:
    """A group the reports name, of a known type: a rebel group or a militia."""
    from geo.parse.actors import INTER_UNKNOWN, is_named_group  # loads only when actors are coded

    return bool(name) and inter != INTER_UNKNOWN and is_named_group(name, inter)


def _interaction(inter1: int, inter2: int) -> int:
    """ACLED's interaction code of two inter codes (``geo.parse.actors.interaction``)."""
    from geo.parse.actors import interaction  # the actor coding's rule; its module loads only when actors are coded

    return interaction(inter1, inter2)

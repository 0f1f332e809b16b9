"""The actors of short reports from wars the actor table has no rows for (``actor_reports``,
``actor_reports_more``): what the general rules name when no row of the table helps."""

from __future__ import annotations

from tests.actor_reports import ACTOR_REPORTS, actor_misses
from tests.actor_reports_more import MORE_ACTOR_REPORTS

#: Reports whose two actors the pipeline codes as ACLED would (34 of 39 when written; 24
#: before the rules these reports led to; 36 once protests had sides). The rest are a place
#: the gazetteer does not find, a massacre of refugees typed as displacement, and an
#: accusation's "rebels" ("accusing them of supplying the rebels") read as a side.
REPORTS_RIGHT = 36
#: Of the second set: 18 of 36 as first written, before any change. The rest are a place
#: the gazetteer does not find and three killings the event model types as civic life or a
#: statement ("shot dead ... during a curfew"), which get no actors.
MORE_REPORTS_RIGHT = 32


def test_most_reports_from_unknown_wars_get_both_actors(pipeline) -> None:
    assert len(ACTOR_REPORTS) - len(actor_misses(pipeline)) >= REPORTS_RIGHT


def test_most_reports_of_the_second_set_get_both_actors(pipeline) -> None:
    assert len(MORE_ACTOR_REPORTS) - len(actor_misses(pipeline, MORE_ACTOR_REPORTS)) >= MORE_REPORTS_RIGHT

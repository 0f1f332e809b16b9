"""The actors of short reports from wars the actor table has no rows for (``actor_reports``):
what the general rules name when no row of the table helps."""

from __future__ import annotations

from tests.actor_reports import ACTOR_REPORTS, actor_misses

#: Reports whose two actors the pipeline codes as ACLED would (34 of 39 when written; 24
#: before the rules these reports led to). The rest are protests typed as other events, a
#: place the gazetteer does not find, a massacre of refugees typed as displacement, and an
#: accusation's "rebels" ("accusing them of supplying the rebels") read as a side.
REPORTS_RIGHT = 34


def test_most_reports_from_unknown_wars_get_both_actors(pipeline) -> None:
    assert len(ACTOR_REPORTS) - len(actor_misses(pipeline)) >= REPORTS_RIGHT

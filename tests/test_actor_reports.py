"""The actors of short reports from wars the actor table has no rows for (``actor_reports``):
what the general rules name when no row of the table helps."""

from __future__ import annotations

from tests.actor_reports import ACTOR_REPORTS, actor_misses

#: Reports whose two actors the pipeline codes as ACLED would (33 of 39 when written; 24
#: before the rules these reports led to). The rest are protests typed as other events, a
#: place the gazetteer lacks, a massacre of refugees typed as displacement, an accusation's
#: "rebels" read as a side, and "opposition supporters rallying" not read as protesters.
REPORTS_RIGHT = 33


def test_most_reports_from_unknown_wars_get_both_actors(pipeline) -> None:
    assert len(ACTOR_REPORTS) - len(actor_misses(pipeline)) >= REPORTS_RIGHT

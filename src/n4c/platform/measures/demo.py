"""Two demo local measures for the first demo area: a count with a target and values over five
months, and residents' stories. Made up, as a demo's must be; idempotent."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.db import transaction

from n4c.platform.areas.models import Area
from n4c.platform.measures import services
from n4c.platform.measures.models import LocalMeasure

__all__ = ["seed"]

_CLUB_COUNTS = [12, 15, 18, 17, 22]
_STORIES = [
    "A neighbour did the shopping for three households on our road while they were ill.",
    "The lunch club brought two people who had not left the house since the spring.",
]


@transaction.atomic
def seed_measures(area: Area, actor, today: dt.date) -> None:
    if LocalMeasure.objects.filter(area=area).exists():
        return
    club = services.propose_measure(
        actor,
        area,
        name="Young people at the youth club each week",
        evidence=LocalMeasure.Evidence.NUMBER,
        unit="young people",
        direction=LocalMeasure.Direction.HIGHER,
        target=Decimal(30),
    )
    for months_ago, count in zip(range(len(_CLUB_COUNTS) - 1, -1, -1), _CLUB_COUNTS, strict=True):
        services.record_value(
            actor,
            club,
            recorded_on=today - dt.timedelta(days=30 * months_ago),
            value=Decimal(count),
        )
    stories = services.propose_measure(
        actor, area, name="Neighbours helping each other", evidence=LocalMeasure.Evidence.STORY
    )
    for n, story in enumerate(_STORIES):
        services.record_value(
            actor, stories, recorded_on=today - dt.timedelta(days=60 - 40 * n), story=story
        )


def seed(areas: list[Area], actor, today: dt.date) -> str:
    """The demo hook: local measures for the first demo area; says how many exist."""
    if areas:
        seed_measures(areas[0], actor, today)
    return f"{LocalMeasure.objects.count()} local measures"

"""Demo events (one national gathering, one day per hub), attendance and a few peer links."""

from __future__ import annotations

import datetime as dt
import random

from django.db import transaction

from n4c.platform.areas.models import Area, Stage
from n4c.platform.events import services
from n4c.platform.events.models import Event, NeedsProfile, PeerLink
from n4c.platform.events.profiles import build_needs_profiles

__all__ = ["seed", "seed_events"]


def _event(actor, **fields) -> Event:
    existing = Event.objects.filter(title=fields["title"]).first()
    return existing or services.add_event(actor, **fields)


@transaction.atomic
def seed_events(areas: list[Area], actor, today: dt.date) -> int:
    """Make the demo events with attendance and link the top peer of some areas; returns events."""
    rng = random.Random(2026)
    build_needs_profiles(areas)
    active = [a for a in areas if a.stage == Stage.ACTIVE]
    gathering = _event(
        actor,
        title="Network gathering",
        scope=Event.Scope.NATIONAL,
        starts_on=today - dt.timedelta(days=90),
        place="Birmingham",
        description="Partnerships from every region share what has worked.",
    )
    events = [gathering]
    for region_id, region_name in {(a.region_id, a.region.name) for a in areas}:
        events.append(
            _event(
                actor,
                title=f"{region_name} hub day",
                scope=Event.Scope.REGIONAL,
                region_id=region_id,
                starts_on=today + dt.timedelta(days=rng.randrange(14, 120)),
                description="Peer learning for the region's partnerships.",
            )
        )
    if not gathering.attendances.exists():
        for area in active:
            if rng.random() < 0.6:
                services.record_attendance(actor, gathering, area, rng.randrange(1, 6))
    if not PeerLink.objects.exists():
        candidates = Area.objects.filter(pk__in=[a.pk for a in active])
        for area in active[::5]:
            suggestions = services.peer_suggestions(area, candidates, limit=1)
            other = Area.objects.filter(pk__in=[s.area.key for s in suggestions]).first()
            if (
                other is not None
                and not PeerLink.objects.filter(
                    first_area=min(area, other, key=lambda a: a.pk),
                    second_area=max(area, other, key=lambda a: a.pk),
                ).exists()
            ):
                services.link_peers(
                    actor, area, other, purpose="Swap notes on their plans.", started_on=today
                )
    return len(events)


def seed(areas: list[Area], actor, today: dt.date) -> str:
    """The demo hook: events, attendance and peer links; says how many exist."""
    seed_events(areas, actor, today)
    return (
        f"{Event.objects.count()} events, {PeerLink.objects.count()} peer links and "
        f"{NeedsProfile.objects.count()} needs profiles"
    )

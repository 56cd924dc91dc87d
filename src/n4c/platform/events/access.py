"""Who may see and run events and peer links, decided once here.

Every signed-in person sees the events list. The national team runs national and regional
events; a hub lead runs their own region's. Attendance and peer links follow the areas:
recorded by whoever may change the area, seen by whoever may see it.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet

from n4c.platform.areas.access import areas_visible_to
from n4c.platform.events.models import Event, PeerLink
from n4c.platform.people.access import region_id_of, role_of
from n4c.platform.people.models import Role

__all__ = ["can_run_event", "events_visible_to", "peer_links_visible_to"]


def events_visible_to(user) -> QuerySet[Event]:
    if not user.is_authenticated:
        return Event.objects.none()
    return Event.objects.select_related("region")


def can_run_event(user, *, scope: str, region_id: int | None) -> bool:
    role = role_of(user)
    if role == Role.NATIONAL_TEAM:
        return True
    return (
        role == Role.HUB_LEAD
        and scope == Event.Scope.REGIONAL
        and region_id is not None
        and region_id == region_id_of(user)
    )


def peer_links_visible_to(user) -> QuerySet[PeerLink]:
    visible = areas_visible_to(user)
    return PeerLink.objects.filter(
        Q(first_area__in=visible) | Q(second_area__in=visible)
    ).select_related("first_area", "second_area")

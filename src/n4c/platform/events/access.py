"""Who may see and run events and peer links, decided once here.

Staff see every event; a partnership member sees the events for their area: national ones,
their region's and any their area went to. The national team runs national and regional
events; a hub lead runs their own region's. Attendance and peer links follow the areas:
recorded by whoever may change the area, seen by whoever may see it.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet

from n4c.platform.areas.access import areas_visible_to
from n4c.platform.events.models import Event, PeerLink
from n4c.platform.people.access import is_staff_role, region_id_of, role_of
from n4c.platform.people.models import Role

__all__ = ["can_run_event", "events_visible_to", "peer_links_visible_to"]


def events_visible_to(user) -> QuerySet[Event]:
    if not user.is_authenticated:
        return Event.objects.none()
    events = Event.objects.select_related("region")
    if is_staff_role(user):
        return events
    areas = areas_visible_to(user)
    # Ids first, so the joins through attendance give each event once.
    ids = Event.objects.filter(
        Q(scope=Event.Scope.NATIONAL) | Q(region__areas__in=areas) | Q(attendances__area__in=areas)
    ).values("pk")
    return events.filter(pk__in=ids)


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

"""Running events, recording attendance, linking peers and suggesting them.

Views, the API and the seed call these, so each change is audited once.
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from n4c.platform.areas.models import Area
from n4c.platform.audit.models import AuditEvent
from n4c.platform.audit.services import record_change, snapshot
from n4c.platform.core.conflicts import unique_or
from n4c.platform.events.access import can_run_event
from n4c.platform.events.models import Attendance, Event, NeedsProfile, PeerLink
from n4c.platform.events.peers import AreaProfile, PeerSuggestion, suggest_peers

__all__ = [
    "CNI_WARDS",
    "IMD_WARDS",
    "add_event",
    "area_profiles",
    "link_peers",
    "peer_suggestions",
    "record_attendance",
]

# Ward counts behind the baseline ranks (IMD 2019 for wards with LSOAs; CNI 2019 wards), so a
# rank becomes a need score between 0 and 1 comparable between the two indices.
IMD_WARDS = 7_421
CNI_WARDS = 7_433


def add_event(actor, **fields) -> Event:
    event = Event(**fields)
    if not can_run_event(actor, scope=event.scope, region_id=event.region_id):
        raise PermissionDenied(
            _(
                "Only the national team, or a hub lead for their own region's events, can add "
                "events."
            )
        )
    event.full_clean()
    event.save()
    record_change(actor, event, AuditEvent.Action.CREATED)
    return event


@transaction.atomic
def record_attendance(actor, event: Event, area: Area, people: int) -> Attendance:
    """Record (or correct) how many people came to ``event`` from ``area``."""
    # Lock the event's row: records made at the same moment then follow each other, the later
    # correcting the earlier, as when they come one after the other.
    Event.objects.select_for_update().filter(pk=event.pk).first()
    attendance = Attendance.objects.filter(event=event, area=area).first()
    if attendance is None:
        attendance = Attendance(event=event, area=area, people=people)
        attendance.full_clean()
        with unique_or(Attendance, ("event", "area")):
            attendance.save()
        record_change(actor, attendance, AuditEvent.Action.CREATED)
        return attendance
    before = snapshot(attendance)
    attendance.people = people
    attendance.full_clean()
    attendance.save(update_fields=["people"])
    record_change(actor, attendance, AuditEvent.Action.CHANGED, before=before)
    return attendance


@transaction.atomic
def link_peers(
    actor, area: Area, other: Area, *, purpose: str = "", started_on: dt.date
) -> PeerLink:
    if area.pk == other.pk:
        raise ValidationError(
            {"other_area": _("Choose a different area; an area cannot be its own peer.")}
        )
    first, second = sorted((area, other), key=lambda a: a.pk)
    linked = ValidationError(
        {
            "other_area": _("%(area)s and %(other)s are already peers.")
            % {"area": area, "other": other}
        }
    )
    if PeerLink.objects.filter(first_area=first, second_area=second).exists():
        raise linked
    link = PeerLink(
        first_area=first,
        second_area=second,
        purpose=purpose,
        started_on=started_on,
        created_by=actor,
    )
    link.full_clean()
    with unique_or(PeerLink, ("first_area", "second_area"), linked):
        link.save()
    record_change(actor, link, AuditEvent.Action.CREATED)
    return link


def area_profiles(areas) -> list[AreaProfile]:
    """Peer-matching profiles of ``areas``: baseline need and their plans' priority themes."""
    from n4c.platform.plans.models import Priority

    themes: dict[int, set[str]] = {}
    for area_id, theme in Priority.objects.filter(plan__area__in=areas).values_list(
        "plan__area_id", "theme"
    ):
        themes.setdefault(area_id, set()).add(theme)
    labels = dict(Priority._meta.get_field("theme").choices or [])
    stored = dict(NeedsProfile.objects.filter(area__in=areas).values_list("area_id", "domains"))
    return [
        AreaProfile(
            key=area.pk,
            name=area.name,
            region=area.region.name,
            # The CNI domain profile when it has been built, else the two headline ranks.
            domains=stored.get(area.pk)
            or {
                gettext_noop("deprivation (IMD 2019)"): 1 - (area.imd_rank - 1) / IMD_WARDS,
                gettext_noop("community need (CNI 2019)"): 1 - (area.cni_rank - 1) / CNI_WARDS,
            },
            priorities=frozenset(str(labels.get(t, t)).lower() for t in themes.get(area.pk, ())),
        )
        for area in areas.select_related("region")
    ]


def peer_suggestions(area: Area, candidates, *, limit: int = 5) -> list[PeerSuggestion]:
    """Suggested peers for ``area`` among ``candidates`` (a queryset the caller may see),
    leaving out areas it is already linked with."""
    linked = PeerLink.objects.filter(Q(first_area=area) | Q(second_area=area)).values_list(
        "first_area_id", "second_area_id"
    )
    exclude = {pk for pair in linked for pk in pair}
    profiles = area_profiles(candidates)
    own = (
        next((p for p in profiles if p.key == area.pk), None)
        or area_profiles(type(area).objects.filter(pk=area.pk))[0]
    )
    return suggest_peers(own, profiles, limit=limit, exclude=exclude)

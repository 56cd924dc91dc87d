"""Events, attendance, peer links and peer suggestions in the JSON API."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from django.shortcuts import get_object_or_404
from ninja import Query, Router, Schema, Status
from pydantic import Field

from n4c.platform.areas.access import area_for_editing, area_for_viewing, areas_visible_to
from n4c.platform.core.ids import RecordId
from n4c.platform.core.listing import Page, page_of
from n4c.platform.events import services
from n4c.platform.events.access import events_visible_to, peer_links_visible_to
from n4c.platform.events.models import Event

router = Router(tags=["events"])


class EventOut(Schema):
    id: int
    title: str
    scope: str
    region_id: int | None
    starts_on: dt.date
    place: str
    description: str


class EventIn(Schema):
    title: str
    scope: Event.Scope
    region_id: RecordId | None = None
    starts_on: dt.date
    place: str = ""
    description: str = ""


class AttendanceIn(Schema):
    area_id: RecordId
    people: int


class AttendanceOut(Schema):
    event_id: int
    area_id: int
    people: int


class PeerLinkIn(Schema):
    other_area_id: RecordId
    purpose: str = ""
    started_on: dt.date


class PeerLinkOut(Schema):
    id: int
    first_area_id: int
    second_area_id: int
    purpose: str
    started_on: dt.date


class SuggestionOut(Schema):
    area_id: int
    area_name: str
    score: float
    needs_similarity: float | None
    shared_priorities: list[str]
    reason: str


class PeersOut(Schema):
    links: list[PeerLinkOut]
    suggestions: list[SuggestionOut]


@router.get("/", response=list[EventOut])
def list_events(request, page: Query[Page], since: dt.date | None = None):
    events = events_visible_to(request.user)
    return page_of(events.filter(starts_on__gte=since) if since else events, page)


@router.post("/", response={201: EventOut})
def add_event(request, payload: EventIn):
    return Status(201, services.add_event(request.user, **payload.dict()))


@router.get("/{event_id}/attendance", response=list[AttendanceOut])
def list_attendance(request, event_id: RecordId, page: Query[Page]):
    event = get_object_or_404(events_visible_to(request.user), pk=event_id)
    return page_of(event.attendances.filter(area__in=areas_visible_to(request.user)), page)


@router.put("/{event_id}/attendance", response=AttendanceOut)
def put_attendance(request, event_id: RecordId, payload: AttendanceIn):
    event = get_object_or_404(events_visible_to(request.user), pk=event_id)
    area = area_for_editing(request.user, payload.area_id)
    return services.record_attendance(request.user, event, area, payload.people)


@router.get("/peers/{area_id}", response=PeersOut)
def get_peers(request, area_id: RecordId, limit: Annotated[int, Field(ge=1, le=50)] = 5):
    area = area_for_viewing(request.user, area_id)
    links = peer_links_visible_to(request.user)
    return {
        "links": list(links.filter(first_area=area) | links.filter(second_area=area)),
        "suggestions": [
            {
                "area_id": s.area.key,
                "area_name": s.area.name,
                "score": round(s.score, 4),
                "needs_similarity": None
                if s.needs_similarity is None
                else round(s.needs_similarity, 4),
                "shared_priorities": list(s.shared_priorities),
                "reason": s.reason,
            }
            for s in services.peer_suggestions(area, areas_visible_to(request.user), limit=limit)
        ],
    }


@router.post("/peers/{area_id}", response={201: PeerLinkOut})
def add_peer_link(request, area_id: RecordId, payload: PeerLinkIn):
    area = area_for_editing(request.user, area_id)
    other = area_for_viewing(request.user, payload.other_area_id)
    link = services.link_peers(
        request.user, area, other, purpose=payload.purpose, started_on=payload.started_on
    )
    return Status(201, link)

"""Assignments in the JSON API; the same capacity check as the page refuses an over-full caseload."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404
from ninja import Query, Router, Schema, Status

from n4c.platform.areas.access import areas_visible_to
from n4c.platform.caseloads.models import Assignment, AssignmentRole
from n4c.platform.caseloads.services import assign
from n4c.platform.core.ids import RecordId
from n4c.platform.core.listing import Page, page_of

router = Router(tags=["caseloads"])


class AssignmentOut(Schema):
    id: int
    area_id: int
    person_id: int
    person_name: str
    role: str
    started_on: dt.date
    ended_on: dt.date | None

    @staticmethod
    def resolve_person_name(obj) -> str:
        return obj.person.get_full_name() or obj.person.get_username()


class AssignmentIn(Schema):
    area_id: RecordId
    person_id: RecordId
    role: AssignmentRole


@router.get("/assignments", response=list[AssignmentOut])
def list_assignments(
    request,
    page: Query[Page],
    area_id: RecordId | None = None,
    person_id: RecordId | None = None,
    current: bool = True,
):
    assignments = Assignment.objects.filter(area__in=areas_visible_to(request.user)).select_related(
        "person"
    )
    if current:
        assignments = assignments.filter(ended_on__isnull=True)
    if area_id is not None:
        assignments = assignments.filter(area_id=area_id)
    if person_id is not None:
        assignments = assignments.filter(person_id=person_id)
    return page_of(assignments, page)


@router.post("/assignments", response={201: AssignmentOut})
def add_assignment(request, payload: AssignmentIn):
    area = get_object_or_404(areas_visible_to(request.user), pk=payload.area_id)
    person = get_object_or_404(get_user_model(), pk=payload.person_id)
    try:
        assignment = assign(request.user, area, person, payload.role)
    except ValidationError as error:
        # Every refusal of an assignment is about the person chosen: name their field.
        raise ValidationError({"person_id": error.error_list}) from error
    return Status(201, assignment)

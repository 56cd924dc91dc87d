"""Local measures in the JSON API: list an area's measures with their values and progress;
propose a measure; record a value (a form with an optional photo file); change a measure."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.shortcuts import get_object_or_404
from django.urls import reverse
from ninja import File, Form, Query, Router, Schema, Status, UploadedFile
from pydantic import Field

from n4c.platform.areas.access import area_for_editing, area_for_viewing, can_edit_area
from n4c.platform.core.ids import RecordId
from n4c.platform.core.listing import Page, page_of
from n4c.platform.measures import services
from n4c.platform.measures.access import area_for_recording, recorder_shown_to
from n4c.platform.measures.models import LocalMeasure, MeasureValue
from n4c.platform.measures.progress import describe_progress

router = Router(tags=["measures"])


class ValueOut(Schema):
    id: int
    recorded_on: dt.date
    value: Decimal | None
    story: str
    photo_url: str | None
    recorded_by: str


class MeasureOut(Schema):
    id: int
    name: str
    evidence: str
    unit: str
    direction: str
    target: Decimal | None
    status: str
    progress: str
    values: list[ValueOut]


class MeasureIn(Schema):
    name: str
    evidence: LocalMeasure.Evidence
    unit: str = ""
    direction: LocalMeasure.Direction = LocalMeasure.Direction.HIGHER
    target: Decimal | None = Field(default=None, max_digits=14, decimal_places=2)


class MeasurePatch(Schema):
    name: str | None = None
    unit: str | None = None
    direction: LocalMeasure.Direction | None = None
    target: Decimal | None = Field(default=None, max_digits=14, decimal_places=2)
    status: LocalMeasure.Status | None = None


class ValueIn(Schema):
    recorded_on: dt.date
    value: Decimal | None = Field(default=None, max_digits=14, decimal_places=2)
    story: str = ""


def _value(request, area, entry: MeasureValue, may_edit: bool) -> dict:
    photo_url = reverse("measures:photo", args=[area.pk, entry.pk]) if entry.photo else None
    recorded_by = recorder_shown_to(request.user, area, entry, may_edit=may_edit)
    return {
        "id": entry.pk,
        "recorded_on": entry.recorded_on,
        "value": entry.value,
        "story": entry.story,
        "photo_url": photo_url,
        "recorded_by": recorded_by,
    }


def _measure(request, area, measure: LocalMeasure, values: list[MeasureValue]) -> dict:
    may_edit = can_edit_area(request.user, area)
    return {
        "id": measure.pk,
        "name": measure.name,
        "evidence": measure.evidence,
        "unit": measure.unit,
        "direction": measure.direction,
        "target": measure.target,
        "status": measure.status,
        "progress": describe_progress(measure, values),
        "values": [_value(request, area, v, may_edit) for v in values],
    }


@router.get("/{area_id}", response=list[MeasureOut])
def list_measures(request, area_id: RecordId, page: Query[Page]):
    area = area_for_viewing(request.user, area_id)
    measures = page_of(services.measures_of(area), page)
    return [_measure(request, area, m, list(m.values.all())) for m in measures]


@router.post("/{area_id}", response={201: MeasureOut})
def propose_measure(request, area_id: RecordId, payload: MeasureIn):
    area = area_for_recording(request.user, area_id)
    measure = services.propose_measure(request.user, area, **payload.dict())
    return Status(201, _measure(request, area, measure, []))


@router.patch("/{area_id}/{measure_id}", response=MeasureOut)
def change_measure(request, area_id: RecordId, measure_id: RecordId, payload: MeasurePatch):
    area = area_for_editing(request.user, area_id)
    measure = get_object_or_404(LocalMeasure, pk=measure_id, area=area)
    services.change_measure(request.user, measure, **payload.dict(exclude_unset=True))
    return _measure(request, area, measure, list(measure.values.all()))


@router.post("/{area_id}/{measure_id}/values", response={201: ValueOut})
def record_value(
    request,
    area_id: RecordId,
    measure_id: RecordId,
    payload: Form[ValueIn],
    photo: File[UploadedFile | None] = None,
):
    """Sent as a form (``multipart/form-data``), so that a photo can come with it."""
    area = area_for_recording(request.user, area_id)
    measure = get_object_or_404(LocalMeasure, pk=measure_id, area=area)
    entry = services.record_value(request.user, measure, **payload.dict(), photo=photo)
    return Status(201, _value(request, area, entry, can_edit_area(request.user, area)))

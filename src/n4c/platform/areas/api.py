"""Areas in the JSON API: list, read, create from wards or LSOAs, change, frozen baselines."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.shortcuts import get_object_or_404
from ninja import ModelSchema, Query, Router, Schema, Status

from n4c.platform.areas.access import areas_visible_to
from n4c.platform.areas.models import BASELINE_FIELDS, Area, AreaSnapshot, Geography, Stage
from n4c.platform.areas.region_pages import regions_with_area_counts
from n4c.platform.areas.services import change_area, create_area
from n4c.platform.core.ids import RecordId
from n4c.platform.core.listing import Page, page_of

router = Router(tags=["areas"])


class AreaOut(ModelSchema):
    """An area with its baseline, whose fields come from the model's one declaration."""

    region_code: str
    region_name: str
    stage: str
    geography: str
    codes: list[str]
    ward17_codes: list[str]
    start_date: dt.date | None

    class Meta:
        model = Area
        fields = ["id", "name", *BASELINE_FIELDS]

    @staticmethod
    def resolve_region_code(obj) -> str:
        return obj.region.code

    @staticmethod
    def resolve_region_name(obj) -> str:
        return obj.region.name

    @staticmethod
    def resolve_left_behind_difference(obj) -> str:
        """In the request's language, as the area page shows it."""
        return obj.left_behind_difference_explained


class AreaIn(Schema):
    """A new area: its ``geography`` and ``codes`` (``ward17_codes`` alone means 2017 wards)."""

    name: str
    geography: Geography = Geography.WARD17
    codes: list[str] | None = None
    ward17_codes: list[str] | None = None
    stage: Stage = Stage.PROSPECT
    start_date: dt.date | None = None


class AreaPatch(Schema):
    name: str | None = None
    stage: Stage | None = None
    start_date: dt.date | None = None


class SnapshotOut(ModelSchema):
    """One frozen version of an area's baseline: read-only, as it was when frozen."""

    need: dict[str, Any]
    meaning: list[str]
    data_versions: dict[str, str]

    class Meta:
        model = AreaSnapshot
        fields = ["version", "frozen_at", "reason", "start_date", "geography", "codes"]

    @staticmethod
    def resolve_meaning(snapshot: AreaSnapshot) -> list[str]:
        """In the request's language, as the area page shows it."""
        return snapshot.explained


@router.get("/", response=list[AreaOut])
def list_areas(request, page: Query[Page], region: str | None = None, stage: Stage | None = None):
    areas = areas_visible_to(request.user).select_related("region")
    if region:
        areas = areas.filter(region__code=region)
    if stage:
        areas = areas.filter(stage=stage)
    return page_of(areas, page)


@router.get("/{area_id}", response=AreaOut)
def get_area(request, area_id: RecordId):
    return get_object_or_404(areas_visible_to(request.user).select_related("region"), pk=area_id)


@router.post("/", response={201: AreaOut})
def add_area(request, payload: AreaIn):
    area = create_area(
        request.user,
        name=payload.name,
        geography=Geography.WARD17 if payload.ward17_codes is not None else payload.geography,
        codes=payload.ward17_codes if payload.ward17_codes is not None else payload.codes,
        stage=payload.stage,
        start_date=payload.start_date,
    )
    return Status(201, area)


@router.get("/{area_id}/snapshots", response=list[SnapshotOut])
def list_snapshots(request, area_id: RecordId, page: Query[Page]):
    """The area's frozen baselines, newest first."""
    area = get_object_or_404(areas_visible_to(request.user), pk=area_id)
    return page_of(area.snapshots.all(), page)


@router.patch("/{area_id}", response=AreaOut)
def patch_area(request, area_id: RecordId, payload: AreaPatch):
    area = get_object_or_404(areas_visible_to(request.user).select_related("region"), pk=area_id)
    return change_area(request.user, area, **payload.dict(exclude_none=True))


class RegionOut(Schema):
    code: str
    name: str
    area_count: int


#: Mounted at ``/api/regions/``: each hub with its number of areas, for the staff.
regions_router = Router(tags=["regions"])


@regions_router.get("/", response=list[RegionOut])
def list_regions(request, page: Query[Page]):
    return page_of(regions_with_area_counts(request.user), page)

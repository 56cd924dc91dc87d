"""JSON API of the asset register, mounted at ``/api/assets/``.

Bad input answers 422 with each field's location and the same sentence the forms show, and a
change by someone who may only read the area 403 (both by the handlers in ``platform/api.py``).
"""

from __future__ import annotations

import datetime as dt

from ninja import Query, Router, Schema
from ninja.responses import Status

from n4c.platform.assets.access import area_for_editing, area_for_viewing, assets_visible_to
from n4c.platform.assets.services import add_asset
from n4c.platform.core.ids import RecordId
from n4c.platform.core.listing import Page, page_of

router = Router(tags=["assets"])
# The community-rights apps share the /api/assets/ prefix, where their endpoints have always been.
url_prefix = "assets"


class AssetIn(Schema):
    name: str
    kind: str
    reference: str = ""
    owner: str = ""
    postcode: str = ""
    latitude: float | None = None
    longitude: float | None = None
    lsoa_code: str = ""
    condition: str = ""
    status: str = ""
    use: str = ""


class AssetOut(Schema):
    id: int
    area_id: int
    reference: str
    name: str
    kind: str
    owner: str
    postcode: str
    latitude: float | None
    longitude: float | None
    lsoa_code: str
    condition: str
    status: str
    use: str


@router.get("/areas/{area_id}/assets", response=list[AssetOut])
def list_assets(request, area_id: RecordId, page: Query[Page]):
    area = area_for_viewing(request.user, area_id)
    return page_of(assets_visible_to(request.user).filter(area=area), page)


@router.post("/areas/{area_id}/assets", response={201: AssetOut})
def create_asset(request, area_id: RecordId, payload: AssetIn):
    area = area_for_editing(request.user, area_for_viewing(request.user, area_id))
    return Status(201, add_asset(request.user, area, payload.dict()))


class EventIn(Schema):
    """An event of a right-to-bid case or a stage of a neighbourhood plan."""

    event: str
    date: dt.date
    note: str = ""


class WithdrawIn(Schema):
    """Why an event entered by mistake is withdrawn (kept in the audit log)."""

    reason: str


class DeadlineOut(Schema):
    """A statutory date with the rule behind it, as every community-rights app answers it."""

    date: dt.date
    kind: str
    title: str
    who: str
    rule_id: str
    rule_version: str
    citation: str
    source_url: str
    trigger_event: str
    trigger_date: dt.date
    period: str
    status: str
    condition: str
    reason: str
    extended: bool
    met_on: dt.date | None = None
    status_note: str = ""

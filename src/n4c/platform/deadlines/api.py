"""JSON API of upcoming deadlines and the rules behind them, mounted at ``/api/assets/`` beside
the register, the cases and the plans."""

from __future__ import annotations

import datetime as dt

from ninja import Query, Router, Schema

from n4c import rights
from n4c.platform.assets.api import DeadlineOut
from n4c.platform.core.ids import RecordId
from n4c.platform.core.listing import Page, page_of
from n4c.platform.deadlines.services import upcoming_deadlines
from n4c.platform.right_to_bid.access import cases_visible_to

router = Router(tags=["deadlines"])
url_prefix = "assets"


class UpcomingOut(DeadlineOut):
    case_id: int
    asset_id: int
    area_id: int


class RuleOut(Schema):
    id: str
    version: str
    event: str
    requires: str | None
    title: str
    amount: int
    unit: str
    counting: str
    kind: str
    citation: str
    source: str


@router.get("/deadlines", response=list[UpcomingOut])
def list_upcoming(
    request, page: Query[Page], region: str = "", area: RecordId | None = None, days: int = 180
):
    """Upcoming deadlines of open right-to-bid cases in the areas you can see, optionally one region or area."""
    cases = (
        cases_visible_to(request.user)
        .select_related("asset")
        .prefetch_related("events", "extensions")
    )
    if region:
        cases = cases.filter(asset__area__region__code=region)
    if area is not None:
        cases = cases.filter(asset__area_id=area)
    found = upcoming_deadlines(cases, start=dt.date.today(), days=max(1, min(days, 3 * 365)))
    found = page_of(found, page)
    return [
        {
            **item.deadline.as_dict(),
            "case_id": item.case.pk,
            "asset_id": item.case.asset_id,
            "area_id": item.case.asset.area_id,
        }
        for item in found
    ]


@router.get("/rules", response=list[RuleOut])
def list_rules(request, page: Query[Page], on: dt.date | None = None):
    """The statutory rules in force on a date (default today), each with its citation."""
    return [
        {
            "id": r.id,
            "version": r.version,
            "event": r.event,
            "requires": r.requires,
            "title": r.title,
            "amount": r.amount,
            "unit": r.unit,
            "counting": r.counting,
            "kind": r.kind,
            "citation": r.citation,
            "source": r.source,
        }
        for r in rights.default_rulebook().in_force(on or dt.date.today())
    ]

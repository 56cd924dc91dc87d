"""Resident grant panels in the JSON API: list an area's panels and read one (its phase today,
its timetable, its rules and what is left of each budget). Applications, and so the applicants'
names and addresses, stay on the pages, where ``grants.access`` decides who sees them."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.utils import timezone
from ninja import Query, Router, Schema

from n4c.platform.areas.access import area_for_viewing
from n4c.platform.core.ids import RecordId
from n4c.platform.core.listing import Page, page_of
from n4c.platform.grants import services
from n4c.platform.grants.access import panel_for, panels_visible_to
from n4c.platform.grants.models import FundingType, Panel

router = Router(tags=["grants"])


class BudgetOut(Schema):
    funding_type: str
    budget_gbp: int
    awarded_gbp: int
    left_gbp: int


class PanelOut(Schema):
    id: int
    area_id: int
    name: str
    phase: str
    opens_on: dt.date
    assessment_from: dt.date
    decision_from: dt.date
    announce_on: dt.date


class PanelDetailOut(PanelOut):
    budget_source: str
    budgets: list[BudgetOut]
    min_grant_gbp: int
    max_grant_gbp: int
    who_may_apply: str
    what_may_be_funded: list[str]
    criteria: list[str]
    volunteer_hour_rate_gbp: Decimal


def _panel(panel: Panel) -> dict:
    return {
        "id": panel.pk,
        "area_id": panel.area_id,
        "name": panel.name,
        "phase": panel.phase_on(timezone.localdate()),
        "opens_on": panel.opens_on,
        "assessment_from": panel.assessment_from,
        "decision_from": panel.decision_from,
        "announce_on": panel.announce_on,
    }


@router.get("/area/{area_id}", response=list[PanelOut])
def list_grant_panels(request, area_id: RecordId, page: Query[Page]):
    area = area_for_viewing(request.user, area_id)
    panels = page_of(panels_visible_to(request.user).filter(area=area), page)
    return [_panel(panel) for panel in panels]


@router.get("/{panel_id}", response=PanelDetailOut)
def get_grant_panel(request, panel_id: RecordId):
    panel = panel_for(request.user, panel_id)
    return {
        **_panel(panel),
        "budget_source": panel.budget_source,
        "budgets": [
            {
                "funding_type": kind,
                "budget_gbp": panel.budget_gbp(kind),
                "awarded_gbp": services.spent_gbp(panel, kind),
                "left_gbp": services.left_to_spend_gbp(panel, kind),
            }
            for kind in FundingType.values
        ],
        "min_grant_gbp": panel.min_grant_gbp,
        "max_grant_gbp": panel.max_grant_gbp,
        "who_may_apply": panel.who_may_apply,
        "what_may_be_funded": panel.fundable_list(),
        "criteria": panel.criteria_list(),
        "volunteer_hour_rate_gbp": panel.volunteer_hour_rate_gbp,
    }

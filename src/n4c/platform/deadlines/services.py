"""The dates of right-to-bid cases and neighbourhood plans together: upcoming deadlines, an area's
iCalendar, the feed's secret and the reminders' lead times. Views, API and the reminder command
all call these."""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.utils.translation import gettext

from n4c import config, rights
from n4c.platform.areas.models import Area
from n4c.platform.deadlines.models import CalendarFeed
from n4c.platform.neighbourhood_planning.models import NeighbourhoodPlan
from n4c.platform.neighbourhood_planning.services import plan_deadlines
from n4c.platform.right_to_bid.models import AssetCase
from n4c.platform.right_to_bid.services import case_deadlines

__all__ = [
    "CaseDeadline",
    "area_calendar",
    "deadlines_of",
    "reminder_lead_days",
    "renew_calendar_feed",
    "stop_calendar_feed",
    "upcoming_deadlines",
]

Case = AssetCase | NeighbourhoodPlan


def deadlines_of(case: Case) -> list[rights.Deadline]:
    """Every statutory date of a right-to-bid case or a neighbourhood plan."""
    if isinstance(case, NeighbourhoodPlan):
        return plan_deadlines(case)
    return case_deadlines(case)


@dataclass(frozen=True)
class CaseDeadline:
    case: Case
    deadline: rights.Deadline

    @property
    def area(self) -> Area:
        return self.case.area


def upcoming_deadlines(cases: Iterable[Case], *, start: dt.date, days: int) -> list[CaseDeadline]:
    """Dates from ``start`` to ``start + days`` of open cases, earliest first (not those that do not apply)."""
    end = start + dt.timedelta(days=days)
    found = [
        CaseDeadline(case, deadline)
        for case in cases
        if case.closed_on is None
        for deadline in deadlines_of(case)
        if start <= deadline.date <= end and deadline.status != "not_applicable"
    ]
    return sorted(
        found,
        key=lambda c: (c.deadline.date, type(c.case).__name__, c.case.pk, c.deadline.rule_id),
    )


def area_calendar(
    area: Area, cases: Iterable[AssetCase], plans: Iterable[NeighbourhoodPlan], *, url: Callable
) -> str:
    """The area's open cases' and plans' dates as iCalendar text; ``url`` makes a link absolute."""
    labelled: list[tuple[Case, str, str]] = [
        (case, case.asset.name, f"n4c-case-{case.pk}") for case in cases if case.closed_on is None
    ]
    labelled += [
        (plan, gettext("Neighbourhood plan"), f"n4c-plan-{plan.pk}")
        for plan in plans
        if plan.closed_on is None
    ]
    entries = [
        rights.CalendarEntry(deadline, label, uid, url(case.get_absolute_url()))
        for case, label, uid in labelled
        for deadline in deadlines_of(case)
        if deadline.status != "not_applicable"
    ]
    return rights.deadlines_calendar(
        entries, name=gettext("%(area)s: community rights deadlines") % {"area": area.name}
    )


def reminder_lead_days() -> list[int]:
    """Days ahead of a deadline that reminders go out (``N4C_REMINDER_LEAD_DAYS``)."""
    days: list[int] = config.get("N4C_REMINDER_LEAD_DAYS")
    return sorted(set(days), reverse=True)


def renew_calendar_feed(actor, area: Area) -> CalendarFeed:
    """Give the area's feed a new secret address; any old address stops working at once.

    Not written to the audit log: its snapshot would copy the secret into a table more people read.
    """
    feed, _ = CalendarFeed.objects.update_or_create(
        area=area,
        defaults={
            "token": secrets.token_urlsafe(32),
            "created_by": actor if actor is not None and actor.is_authenticated else None,
        },
    )
    return feed


def stop_calendar_feed(area: Area) -> bool:
    """Turn the area's feed off; says whether there was one."""
    deleted, _ = CalendarFeed.objects.filter(area=area).delete()
    return bool(deleted)

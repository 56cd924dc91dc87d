"""The support log on each area's page: this month's days and the latest entries."""

from __future__ import annotations

import datetime as dt

from django.db.models import Sum

from n4c.platform.core.fragments import FRAGMENT_SECONDS
from n4c.platform.people.access import is_staff_role
from n4c.platform.support_log.freshness import SUPPORT_VERSION
from n4c.platform.support_log.models import SupportEntry

__all__ = ["support_panel_context"]


def support_panel_context(request, area) -> dict:
    today = dt.date.today()
    this_month = SupportEntry.objects.filter(
        area=area, date__gte=today.replace(day=1), date__lte=today
    )
    # All lazy: the template caches the panel, so they run only when it is stale.
    return {
        "entries": SupportEntry.objects.filter(area=area)
        .select_related("person")
        .order_by("-date", "-id")[:20],
        "days_this_month": lambda: this_month.aggregate(days=Sum("days"))["days"] or 0,
        "today": today,
        "version": SUPPORT_VERSION.current(),
        "fragment_seconds": FRAGMENT_SECONDS,
        # The whole history downloads for staff (partnership members read the panel only).
        "may_export": is_staff_role(request.user),
    }

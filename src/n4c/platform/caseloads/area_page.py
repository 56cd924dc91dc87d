"""Caseloads on each area's page: who holds the area now, and the button to assign staff."""

from __future__ import annotations

from n4c.platform.caseloads.models import Assignment
from n4c.platform.core.fragments import FRAGMENT_SECONDS, FragmentVersion

__all__ = ["ASSIGNMENTS_VERSION", "people_panel_context"]

#: Bumped by every change to an assignment (see ``CaseloadsConfig.ready``).
ASSIGNMENTS_VERSION = FragmentVersion("assignments")


def people_panel_context(request, area) -> dict:
    # Lazy: the template caches the panel, so the query runs only when it is stale.
    return {
        "assignments": Assignment.objects.filter(area=area, ended_on__isnull=True).select_related(
            "person"
        ),
        "version": ASSIGNMENTS_VERSION.current(),
        "fragment_seconds": FRAGMENT_SECONDS,
    }

"""Who records local measures, decided once here.

Whoever may read the area reads its measures. A member of the area's partnership, and staff who
may change the area, propose measures and record values; only such staff change a measure
(its name, unit, target) or agree it. A member acts only in their own area: another area is
not found, as everywhere.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from n4c.platform.areas.access import area_for_viewing, can_edit_area
from n4c.platform.areas.models import Area
from n4c.platform.measures.models import MeasureValue
from n4c.platform.people.access import role_of
from n4c.platform.people.models import Role

__all__ = ["area_for_recording", "can_record", "recorder_shown_to"]


def can_record(user, area: Area) -> bool:
    """Whether ``user`` proposes measures and records values in ``area``: a member of its
    partnership, or staff who may change it."""
    if role_of(user) == Role.PARTNERSHIP_MEMBER:
        return area.partnership_members.filter(pk=user.pk).exists()
    return can_edit_area(user, area)


def area_for_recording(user, area_id: int) -> Area:
    """The area, when ``user`` may record in it (404 unseen, 403 seen but not theirs to record)."""
    area = area_for_viewing(user, area_id)
    if not can_record(user, area):
        raise PermissionDenied(_("You can read this area's measures but not record them."))
    return area


def recorder_shown_to(viewer, area: Area, entry: MeasureValue, *, may_edit: bool) -> str:
    """Who recorded ``entry``, as ``viewer`` may know it: staff by name; a partnership member by
    name only to themselves and to those who may change the area (``may_edit``), as for their
    record (``residents.access``), and to everyone else as "A partnership member"."""
    recorder = entry.recorded_by
    if recorder is None:
        return _("Not recorded")
    is_member = role_of(recorder) == Role.PARTNERSHIP_MEMBER
    if is_member and not may_edit and recorder.pk != viewer.pk:
        return _("A partnership member")
    return recorder.get_full_name() or recorder.get_username()

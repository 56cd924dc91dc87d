"""Who may see which survey waves, decided once here.

Staff see every site and wave and run those of the areas they may change (waves, paper entry,
comparators); a partnership member sees their own area's waves and answers each once online.
Results are for staff; the published open data holds only totals.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from n4c.platform.areas.access import areas_visible_to, can_edit_area
from n4c.platform.people.access import is_staff_role
from n4c.platform.residents.models import Resident
from n4c.platform.surveys.models import Site, Wave

__all__ = [
    "require_staff",
    "resident_answering_as",
    "wave_for_running",
    "wave_for_viewing",
    "waves_visible_to",
]


def waves_visible_to(user) -> QuerySet[Wave]:
    """Staff see every wave; a member the waves of their own area's supported site."""
    waves = Wave.objects.select_related("site", "site__area")
    if is_staff_role(user):
        return waves
    return waves.filter(site__kind=Site.Kind.SUPPORTED, site__area__in=areas_visible_to(user))


def wave_for_viewing(user, pk: int) -> Wave:
    wave = waves_visible_to(user).filter(pk=pk).first()
    if wave is None:
        raise Http404(_("There is no survey wave with that number that you can see."))
    return wave


def wave_for_running(user, pk: int) -> Wave:
    wave = wave_for_viewing(user, pk)
    if not can_edit_area(user, wave.site.area):
        raise PermissionDenied(_("You can see this survey but not enter responses to it."))
    return wave


def require_staff(user) -> None:
    if not is_staff_role(user):
        raise PermissionDenied(_("Only the Network's staff can read survey results."))


def resident_answering_as(user, wave: Wave) -> Resident | None:
    """The resident record ``user`` answers as in ``wave``: only a member of the surveyed
    area's partnership answers online."""
    if wave.site.kind != Site.Kind.SUPPORTED:
        return None
    return Resident.objects.filter(
        account=user, area=wave.site.area, erased_at__isnull=True
    ).first()

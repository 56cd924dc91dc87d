"""Creating and changing areas: one place for the rules the form, API, admin and seeding share."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from n4c import needs
from n4c.errors import InputError
from n4c.platform.areas.access import areas_editable_by
from n4c.platform.areas.baseline import baseline_values, freeze_snapshot
from n4c.platform.areas.models import Area, AreaSnapshot, Geography, Stage
from n4c.platform.audit.models import AuditEvent
from n4c.platform.audit.services import record_change, snapshot
from n4c.platform.core.acting import acting_user
from n4c.platform.core.forms import PERMISSION_DENIED, as_validation_error
from n4c.platform.people.access import region_id_of, role_of
from n4c.platform.people.models import Role
from n4c.platform.regions.models import LocalAuthority, Region

__all__ = ["can_create_areas", "change_area", "create_area", "refreeze_baseline"]


def can_create_areas(user) -> bool:
    return role_of(user) in (Role.NATIONAL_TEAM, Role.HUB_LEAD)


@transaction.atomic
def create_area(
    actor,
    *,
    name: str,
    codes: list[str] | None = None,
    geography: str = Geography.WARD17,
    ward17_codes: list[str] | None = None,
    stage: str = Stage.PROSPECT,
    start_date=None,
) -> Area:
    """Make an area from its codes: its region from their local authority, its need frozen.

    ``geography`` says what ``codes`` are (``ward17_codes`` is short for 2017 wards). Raises
    ``ValidationError`` (field ``codes``) for a bad or unknown code or a region the actor does
    not lead, and ``PermissionDenied`` for someone who may not create areas.
    """
    if not can_create_areas(actor):
        raise PermissionDenied(_("Only the national team and hub leads can create areas."))
    if ward17_codes is not None:
        codes, geography = ward17_codes, Geography.WARD17
    try:
        need = needs.summarise_area(geography, codes or [])
    except InputError as error:
        # Every code error belongs to the one codes field, whichever edition's list refused it.
        field = "geography" if error.field == "geography" else "codes"
        raise ValidationError({field: error.message}) from error
    authorities = LocalAuthority.objects.filter(code__in=need.lad19_codes).select_related("region")
    regions = {la.region for la in authorities}
    if len(authorities) != len(need.lad19_codes) or len(regions) != 1:
        raise ValidationError(
            {
                "codes": _(
                    "The area must lie in one region whose local authorities are "
                    "loaded. Run `n4c platform seed-demo` or load the regions first."
                )
            }
        )
    region = regions.pop()
    if role_of(actor) == Role.HUB_LEAD and region.pk != region_id_of(actor):
        own = Region.objects.get(pk=region_id_of(actor)).name
        message = _(
            "This area is in %(region)s: you can only add areas in your region (%(own)s)."
        ) % {"region": region.name, "own": own}
        raise ValidationError({"codes": ValidationError(message, code=PERMISSION_DENIED)})
    area = Area.objects.create(
        name=name,
        region=region,
        geography=geography,
        codes=list(need.codes),
        stage=stage,
        start_date=start_date,
        **baseline_values(need),
    )
    record_change(actor, area, AuditEvent.Action.CREATED)
    freeze_snapshot(area, need, actor=acting_user(actor), reason=_("The area joined."))
    return area


@transaction.atomic
def refreeze_baseline(actor, area: Area, *, reason: str) -> AreaSnapshot:
    """Freeze the area's need again on the data held now; earlier versions stay (audited)."""
    if not areas_editable_by(actor).filter(pk=area.pk).exists():
        raise PermissionDenied(_("You can only change the areas you are responsible for."))
    if not reason.strip():
        raise ValidationError({"reason": _("Enter why the baseline is frozen again.")})
    before = snapshot(area)
    try:
        need = needs.summarise_area(area.geography, list(area.codes))
    except InputError as error:
        raise as_validation_error(error) from error
    frozen = freeze_snapshot(area, need, actor=acting_user(actor), reason=reason.strip())
    record_change(actor, area, AuditEvent.Action.CHANGED, before=before)
    record_change(actor, frozen, AuditEvent.Action.CREATED)
    return frozen


@transaction.atomic
def change_area(actor, area: Area, **changes) -> Area:
    """Change an area's name, stage or start date; setting the start date freezes its need."""
    if not areas_editable_by(actor).filter(pk=area.pk).exists():
        raise PermissionDenied(_("You can only change the areas you are responsible for."))
    allowed = {"name", "stage", "start_date"}
    unknown = set(changes) - allowed
    if unknown:
        raise ValidationError(
            _("These fields cannot be changed here: %(fields)s.")
            % {"fields": ", ".join(sorted(unknown))}
        )
    before = snapshot(area)
    for field, value in changes.items():
        setattr(area, field, value)
    area.full_clean(exclude=["partnership_members"])
    area.save()
    record_change(actor, area, AuditEvent.Action.CHANGED, before=before)
    if (
        "start_date" in changes
        and area.start_date
        and str(area.start_date) != before.get("start_date")
    ):
        need = needs.summarise_area(area.geography, list(area.codes))
        reason = _("The start date was set to %(date)s.") % {
            "date": date_format(area.start_date, "j E Y")
        }
        frozen = freeze_snapshot(area, need, actor=acting_user(actor), reason=reason)
        record_change(actor, frozen, AuditEvent.Action.CREATED)
    return area

"""Creating and changing areas: one place for the rules the form, API, admin and seeding share."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from n4c.errors import InputError
from n4c.platform.areas.access import areas_editable_by
from n4c.platform.areas.baseline import baseline_for_wards, baseline_values
from n4c.platform.areas.models import Area, Stage
from n4c.platform.audit.models import AuditEvent
from n4c.platform.audit.services import record_change, snapshot
from n4c.platform.core.forms import PERMISSION_DENIED, as_validation_error
from n4c.platform.people.access import region_id_of, role_of
from n4c.platform.people.models import Role
from n4c.platform.regions.models import LocalAuthority, Region

__all__ = ["can_create_areas", "change_area", "create_area"]


def can_create_areas(user) -> bool:
    return role_of(user) in (Role.NATIONAL_TEAM, Role.HUB_LEAD)


@transaction.atomic
def create_area(actor, *, name: str, ward17_codes: list[str], stage: str = Stage.PROSPECT) -> Area:
    """Make an area from its wards: its region from their local authority, baseline from needs.

    Raises ``ValidationError`` (with the field) for unknown wards or a region the actor does not
    lead, and ``PermissionDenied`` for someone who may not create areas.
    """
    if not can_create_areas(actor):
        raise PermissionDenied("Only the national team and hub leads can create areas.")
    try:
        baseline = baseline_for_wards(ward17_codes)
    except InputError as error:
        raise as_validation_error(error) from error
    authorities = LocalAuthority.objects.filter(code__in=baseline.lad19_codes).select_related(
        "region"
    )
    regions = {la.region for la in authorities}
    if len(authorities) != len(baseline.lad19_codes) or len(regions) != 1:
        raise ValidationError(
            {
                "ward17_codes": "The wards must all lie in one region whose local authorities are "
                "loaded. Run `n4c platform seed-demo` or load the regions first."
            }
        )
    region = regions.pop()
    if role_of(actor) == Role.HUB_LEAD and region.pk != region_id_of(actor):
        own = Region.objects.get(pk=region_id_of(actor)).name
        message = (
            f"These wards are in {region.name}: you can only add areas in your region ({own})."
        )
        raise ValidationError({"ward17_codes": ValidationError(message, code=PERMISSION_DENIED)})
    area = Area.objects.create(
        name=name,
        region=region,
        ward17_codes=list(ward17_codes),
        stage=stage,
        **baseline_values(baseline),
    )
    record_change(actor, area, AuditEvent.Action.CREATED)
    return area


@transaction.atomic
def change_area(actor, area: Area, **changes) -> Area:
    """Change an area's name or stage, if the actor may edit it."""
    if not areas_editable_by(actor).filter(pk=area.pk).exists():
        raise PermissionDenied("You can only change the areas you are responsible for.")
    allowed = {"name", "stage"}
    unknown = set(changes) - allowed
    if unknown:
        raise ValidationError(f"These fields cannot be changed here: {', '.join(sorted(unknown))}.")
    before = snapshot(area)
    for field, value in changes.items():
        setattr(area, field, value)
    area.full_clean(exclude=["partnership_members"])
    area.save()
    record_change(actor, area, AuditEvent.Action.CHANGED, before=before)
    return area

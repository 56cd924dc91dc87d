"""Changes to local measures, each audited once; views, the API and the demo all call these."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _

from n4c.platform.areas.access import can_edit_area
from n4c.platform.areas.models import Area
from n4c.platform.audit.models import AuditEvent
from n4c.platform.audit.services import record_change, snapshot
from n4c.platform.core.acting import acting_user
from n4c.platform.core.conflicts import unique_or
from n4c.platform.core.fragments import FragmentVersion
from n4c.platform.measures.models import LocalMeasure, MeasureValue
from n4c.platform.measures.photos import read_photo

__all__ = ["MEASURES_VERSION", "change_measure", "measures_of", "propose_measure", "record_value"]

#: Bumped by every change to a measure or a value (see ``MeasuresConfig.ready``).
MEASURES_VERSION = FragmentVersion("local-measures")

#: The fields of a measure that are set when it is proposed and that staff may change.
MEASURE_FIELDS = ("name", "evidence", "unit", "direction", "target")


def _name_taken(name: str) -> ValidationError:
    return ValidationError(
        {"name": _("This area already has a measure called “%(name)s”.") % {"name": name}}
    )


def _check_name(measure: LocalMeasure) -> None:
    others = LocalMeasure.objects.filter(area_id=measure.area_id, name__iexact=measure.name)
    if others.exclude(pk=measure.pk).exists():
        raise _name_taken(measure.name)


def _save(measure: LocalMeasure) -> None:
    measure.full_clean(validate_constraints=False)
    _check_name(measure)
    with unique_or(LocalMeasure, ("area", "name"), _name_taken(measure.name)):
        measure.save()


def propose_measure(
    actor,
    area: Area,
    *,
    name: str,
    evidence: str,
    unit: str = "",
    direction: str = LocalMeasure.Direction.HIGHER,
    target: Decimal | None = None,
) -> LocalMeasure:
    """A new measure for ``area``: agreed at once when staff who may change the area add it,
    proposed (for staff to agree) when a member of the partnership does."""
    user = acting_user(actor)
    agreed = user is None or can_edit_area(user, area)
    measure = LocalMeasure(
        area=area,
        name=name.strip(),
        evidence=evidence,
        unit=unit.strip(),
        direction=direction,
        target=target,
        status=LocalMeasure.Status.AGREED if agreed else LocalMeasure.Status.PROPOSED,
        proposed_by=user,
    )
    _save(measure)
    record_change(actor, measure, AuditEvent.Action.CREATED)
    return measure


def change_measure(actor, measure: LocalMeasure, **changes) -> LocalMeasure:
    """Change a measure's name, evidence, unit, direction, target or status."""
    before = snapshot(measure)
    for field, value in changes.items():
        setattr(measure, field, value.strip() if isinstance(value, str) else value)
    _save(measure)
    measure.refresh_from_db()  # the target as stored, to two places
    record_change(actor, measure, AuditEvent.Action.CHANGED, before=before)
    return measure


def record_value(
    actor,
    measure: LocalMeasure,
    *,
    recorded_on: dt.date,
    value: Decimal | None = None,
    story: str = "",
    photo: UploadedFile | None = None,
) -> MeasureValue:
    """One value of ``measure``: a number, a story, or a photo (checked by
    :func:`~n4c.platform.measures.photos.read_photo`) with an optional caption."""
    entry = MeasureValue(
        measure=measure,
        recorded_on=recorded_on,
        value=value,
        story=story.strip(),
        recorded_by=acting_user(actor),
    )
    if photo is not None:
        entry.photo, entry.photo_type = read_photo(photo)
    entry.full_clean()
    entry.save()
    record_change(actor, entry, AuditEvent.Action.CREATED)
    return entry


def measures_of(area: Area):
    """The area's measures, each with its values (oldest first) and who recorded them."""
    return LocalMeasure.objects.filter(area=area).prefetch_related("values__recorded_by__profile")

"""Changes to the asset register, and the recording of a dated event in any community-rights case.

Views, API, admin and the demo all call these, so each rule is checked in one place and each
change audited."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable, Mapping
from typing import IO, TypeVar

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from n4c import rights
from n4c.errors import InputError
from n4c.platform.areas.models import Area
from n4c.platform.assets.models import Asset, DatedEvent
from n4c.platform.audit.models import AuditEvent
from n4c.platform.audit.services import record_change, snapshot
from n4c.platform.core.conflicts import unique_or

__all__ = [
    "ASSET_FIELDS",
    "add_asset",
    "change_asset",
    "clock_events",
    "import_assets",
    "save_dated_event",
    "timeline",
    "withdraw_dated_event",
]

logger = logging.getLogger(__name__)

# The register's columns as model fields: the register's asset_id is stored as `reference`.
ASSET_FIELDS = ("reference", *rights.ASSET_COLUMNS[1:])


def _validation_error(errors: Iterable[InputError]) -> ValidationError:
    by_field: dict[str, list[str]] = {}
    for error in errors:
        field = "reference" if error.field == "asset_id" else (error.field or "__all__")
        text = error.message + (f" {error.hint}" if error.hint else "")
        by_field.setdefault(field, []).append(text)
    return ValidationError(by_field)


def _core_fields(fields: Mapping[str, object]) -> dict[str, str]:
    """Form or API values as the register's text fields (``reference`` is ``asset_id`` there)."""
    text = {k: "" if v is None else str(v) for k, v in fields.items()}
    text["asset_id"] = text.pop("reference", "")
    return text


def _checked(fields: Mapping[str, object]) -> rights.Asset:
    asset, errors = rights.validate_asset(_core_fields(fields))
    if errors or asset is None:
        raise _validation_error(errors)
    return asset


def _model_values(core: rights.Asset) -> dict[str, object]:
    return {
        "reference": core.asset_id,
        "name": core.name,
        "kind": core.kind,
        "owner": core.owner,
        "postcode": core.postcode,
        "latitude": core.latitude,
        "longitude": core.longitude,
        "lsoa_code": core.lsoa_code,
        "condition": core.condition,
        "status": core.status,
        "use": core.use,
    }


def _reference_taken(area: Area, reference: str, exclude_pk: int | None = None) -> bool:
    if not reference:
        return False
    existing = Asset.objects.filter(area=area, reference=reference)
    if exclude_pk is not None:
        existing = existing.exclude(pk=exclude_pk)
    return existing.exists()


def _reference_in_use(reference: str) -> ValidationError:
    return ValidationError(
        {
            "reference": _("%(reference)s is already in this area's register.")
            % {"reference": repr(reference)}
        }
    )


def _unique_reference(reference: str):
    """The same refusal when another asset took the reference at the same moment."""
    return unique_or(Asset, ("area", "reference"), _reference_in_use(reference))


@transaction.atomic
def add_asset(actor, area: Area, fields: Mapping[str, object]) -> Asset:
    """Add one asset after the register's checks (:func:`n4c.rights.validate_asset`)."""
    core = _checked(fields)
    if _reference_taken(area, core.asset_id):
        raise _reference_in_use(core.asset_id)
    with _unique_reference(core.asset_id):
        asset = Asset.objects.create(area=area, **_model_values(core))
    record_change(actor, asset, AuditEvent.Action.CREATED)
    return asset


@transaction.atomic
def change_asset(actor, asset: Asset, fields: Mapping[str, object]) -> Asset:
    current = {f: getattr(asset, f) for f in ASSET_FIELDS}
    core = _checked({**current, **fields})
    if _reference_taken(asset.area, core.asset_id, exclude_pk=asset.pk):
        raise _reference_in_use(core.asset_id)
    before = snapshot(asset)
    for key, value in _model_values(core).items():
        setattr(asset, key, value)
    with _unique_reference(core.asset_id):
        asset.save()
    record_change(actor, asset, AuditEvent.Action.CHANGED, before=before)
    return asset


@transaction.atomic
def import_assets(
    actor, area: Area, source: bytes | IO[str], *, name: str = ""
) -> rights.AssetImport:
    """Read a register CSV into the area: valid rows stored, the rest rejected with row and field.

    ``source`` is the uploaded bytes (decoded as every importer decodes text, by
    :mod:`n4c.textfiles`) or a text stream.

    A row whose asset_id is already in the area's register is rejected too, so rows read still
    equal rows stored plus rows rejected. A bad header raises InputError and stores nothing.
    """
    result = rights.read_assets_csv(source, name=name or None)
    existing = set(
        Asset.objects.filter(area=area).exclude(reference="").values_list("reference", flat=True)
    )
    stored: list[rights.Asset] = []
    stored_rows: list[int] = []

    def reject(core: rights.Asset, row: int) -> None:
        error = InputError(
            _("asset_id %(id)s is already in this area's register.") % {"id": repr(core.asset_id)},
            path=name or None,
            row=row,
            field="asset_id",
            value=core.asset_id,
            hint=_("Change the asset on its page, or give the row a new asset_id."),
        )
        result.rejected.append(rights.RejectedRow(row, (error,), core.as_row()))

    for core, row in zip(result.assets, result.asset_rows, strict=True):
        if core.asset_id and core.asset_id in existing:
            reject(core, row)
            continue
        try:
            # Added by someone else while the file was read: rejected like any other.
            with _unique_reference(core.asset_id):
                asset = Asset.objects.create(area=area, **_model_values(core))
        except ValidationError:
            reject(core, row)
            continue
        existing.add(core.asset_id)
        record_change(actor, asset, AuditEvent.Action.CREATED)
        stored.append(core)
        stored_rows.append(row)
    result.assets, result.asset_rows = stored, stored_rows
    result.rejected.sort(key=lambda r: r.row)
    return result


_Event = TypeVar("_Event", bound=DatedEvent)


def save_dated_event(actor, item: _Event) -> _Event:
    """Check and store an event of a right-to-bid case or a neighbourhood plan, and audit it."""
    item.note = item.note.strip()
    if isinstance(item.date, dt.date):
        try:
            rights.check_event_date(item.date)
        except InputError as error:
            raise ValidationError({"date": error.message}) from error
    item.recorded_by = actor if actor is not None and actor.is_authenticated else None
    item.full_clean()
    item.save()
    record_change(actor, item, AuditEvent.Action.CREATED)
    return item


@transaction.atomic
def withdraw_dated_event(actor, item: _Event, *, reason: str) -> _Event:
    """Mark an event entered by mistake as withdrawn, with the reason, in the audit log too.

    The event is kept (the record shows what was entered and why it no longer counts); from
    now on no deadline, calendar, feed or reminder is worked out from it.
    """
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": _("Enter why the event is being withdrawn.")})
    if item.withdrawn_at is not None:
        raise ValidationError({"reason": _("This event has already been withdrawn.")})
    before = snapshot(item)
    item.withdrawn_at = timezone.now()
    item.withdrawn_reason = reason
    item.withdrawn_by = actor if actor is not None and actor.is_authenticated else None
    item.save(update_fields=["withdrawn_at", "withdrawn_reason", "withdrawn_by"])
    record_change(actor, item, AuditEvent.Action.CHANGED, before=before)
    return item


def clock_events(events: Iterable[DatedEvent]) -> dict[str, dt.date]:
    """Event name to date for the deadline engine, leaving out withdrawn events, and (logged)
    any stored date outside the years a statutory clock may start, so one bad row cannot break
    every calendar."""
    usable: dict[str, dt.date] = {}
    for item in events:
        if item.withdrawn_at is not None:
            continue
        try:
            usable[item.event] = rights.check_event_date(item.date, field=item.event)
        except InputError as error:
            logger.warning(
                "Left out %s %s from the deadlines: %s", type(item).__name__, item.pk, error
            )
    return usable


def timeline(events: Iterable[DatedEvent], deadlines: Iterable[rights.Deadline]) -> list[tuple]:
    """One list of what happened and what follows from it, by date; an event before its dates."""
    items = [("event", e.date, e) for e in events] + [("deadline", d.date, d) for d in deadlines]
    return sorted(items, key=lambda item: (item[1], item[0] == "deadline"))

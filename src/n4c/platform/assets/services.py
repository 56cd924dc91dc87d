"""Changes to assets and cases, and the dates computed for them. Views, API, admin and the
reminder command all call these, so each rule is checked in one place and each change audited."""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import IO, cast

from django.core.exceptions import ValidationError
from django.db import transaction

from n4c import config, rights
from n4c.errors import InputError
from n4c.platform.areas.models import Area
from n4c.platform.assets.models import (
    Asset,
    AssetCase,
    CalendarFeed,
    CaseEvent,
    CaseExtension,
    PlanCase,
    PlanStageEvent,
)
from n4c.platform.audit.models import AuditEvent
from n4c.platform.audit.services import record_change, snapshot

__all__ = [
    "ASSET_FIELDS",
    "CaseDeadline",
    "add_asset",
    "agree_extension",
    "case_deadlines",
    "change_asset",
    "close_case",
    "event_choices",
    "import_assets",
    "open_case",
    "open_plan_case",
    "plan_stage_choices",
    "record_event",
    "record_plan_stage",
    "reminder_lead_days",
    "renew_calendar_feed",
    "stop_calendar_feed",
    "upcoming_deadlines",
]

# The register's columns as model fields: the register's asset_id is stored as `reference`.
ASSET_FIELDS = ("reference", *rights.ASSET_COLUMNS[1:])


def _audit(actor, instance, action: object, *, before: dict | None = None) -> None:
    # TextChoices members are str at run time; without django-stubs mypy sees them as tuples.
    record_change(actor, instance, cast(str, action), before=before)


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


@transaction.atomic
def add_asset(actor, area: Area, fields: Mapping[str, object]) -> Asset:
    """Add one asset after the register's checks (:func:`n4c.rights.validate_asset`)."""
    core = _checked(fields)
    if _reference_taken(area, core.asset_id):
        raise ValidationError(
            {"reference": f"{core.asset_id!r} is already in this area's register."}
        )
    asset = Asset.objects.create(area=area, **_model_values(core))
    _audit(actor, asset, AuditEvent.Action.CREATED)
    return asset


@transaction.atomic
def change_asset(actor, asset: Asset, fields: Mapping[str, object]) -> Asset:
    current = {f: getattr(asset, f) for f in ASSET_FIELDS}
    core = _checked({**current, **fields})
    if _reference_taken(asset.area, core.asset_id, exclude_pk=asset.pk):
        raise ValidationError(
            {"reference": f"{core.asset_id!r} is already in this area's register."}
        )
    before = snapshot(asset)
    for key, value in _model_values(core).items():
        setattr(asset, key, value)
    asset.save()
    _audit(actor, asset, AuditEvent.Action.CHANGED, before=before)
    return asset


@transaction.atomic
def import_assets(actor, area: Area, stream: IO[str], *, name: str = "") -> rights.AssetImport:
    """Read a register CSV into the area: valid rows stored, the rest rejected with row and field.

    A row whose asset_id is already in the area's register is rejected too, so rows read still
    equal rows stored plus rows rejected. A bad header raises InputError and stores nothing.
    """
    result = rights.read_assets_csv(stream, name=name or None)
    existing = set(
        Asset.objects.filter(area=area).exclude(reference="").values_list("reference", flat=True)
    )
    stored: list[rights.Asset] = []
    stored_rows: list[int] = []
    for core, row in zip(result.assets, result.asset_rows, strict=True):
        if core.asset_id and core.asset_id in existing:
            error = InputError(
                f"asset_id {core.asset_id!r} is already in this area's register.",
                path=name or None,
                row=row,
                field="asset_id",
                value=core.asset_id,
                hint="Change the asset on its page, or give the row a new asset_id.",
            )
            result.rejected.append(rights.RejectedRow(row, (error,), core.as_row()))
            continue
        asset = Asset.objects.create(area=area, **_model_values(core))
        _audit(actor, asset, AuditEvent.Action.CREATED)
        stored.append(core)
        stored_rows.append(row)
    result.assets, result.asset_rows = stored, stored_rows
    result.rejected.sort(key=lambda r: r.row)
    return result


def event_choices(on: dt.date | None = None) -> list[str]:
    """Every event name the rules count from."""
    return rights.default_rulebook().events


@transaction.atomic
def open_case(
    actor, asset: Asset, *, title: str, opened_on: dt.date, contact_email: str = ""
) -> AssetCase:
    case = AssetCase(
        asset=asset, title=title.strip(), opened_on=opened_on, contact_email=contact_email
    )
    case.full_clean()
    case.save()
    _audit(actor, case, AuditEvent.Action.CREATED)
    return case


@transaction.atomic
def record_event(actor, case: AssetCase, *, event: str, date: dt.date, note: str = "") -> CaseEvent:
    """Record what happened; the event must be one the rules know, once per case."""
    known = event_choices()
    if event not in known:
        raise ValidationError(
            {
                "event": f"{event!r} is not an event the statutory rules count from; choose one of {', '.join(known)}."
            }
        )
    if case.events.filter(event=event).exists():
        raise ValidationError(
            {"event": f"This case already has a {event}; open a new case for a new one."}
        )
    return _save_event(CaseEvent, case, event, date, note, actor)


def _save_event(model, case, event: str, date: dt.date, note: str, actor):
    item = model(
        case=case,
        event=event,
        date=date,
        note=note.strip(),
        recorded_by=actor if actor is not None and actor.is_authenticated else None,
    )
    item.full_clean()
    item.save()
    _audit(actor, item, AuditEvent.Action.CREATED)
    return item


def _computed(case: AssetCase | PlanCase, extensions: dict[str, dt.date]) -> list[rights.Deadline]:
    events = {e.event: e.date for e in case.events.all()}
    if not events:
        return []
    return rights.case_deadlines(events, rulebook=rights.default_rulebook(), extensions=extensions)


def case_deadlines(case: AssetCase | PlanCase) -> list[rights.Deadline]:
    """Every statutory date of the case, from its events, the rules in force then and any
    extension agreed in writing (shown as extended; asset cases only)."""
    if isinstance(case, PlanCase):
        return _computed(case, {})
    extensions = {x.rule_id: x.extended_to for x in case.extensions.all()}
    return _computed(case, extensions)


@transaction.atomic
def agree_extension(
    actor, case: AssetCase, *, rule_id: str, extended_to: dt.date, note: str = ""
) -> CaseExtension:
    """Record a later date agreed in writing; only periods the law lets be extended can be."""
    extensions = {x.rule_id: x.extended_to for x in case.extensions.exclude(rule_id=rule_id)}
    try:
        _computed(case, {**extensions, rule_id: extended_to})
    except InputError as error:
        field = "extended_to" if error.value == extended_to.isoformat() else "rule_id"
        raise ValidationError({field: error.message}) from error
    item, created = CaseExtension.objects.update_or_create(
        case=case,
        rule_id=rule_id,
        defaults={
            "extended_to": extended_to,
            "note": note.strip(),
            "recorded_by": actor if actor is not None and actor.is_authenticated else None,
        },
    )
    _audit(actor, item, AuditEvent.Action.CREATED if created else AuditEvent.Action.CHANGED)
    return item


@transaction.atomic
def close_case(actor, case: AssetCase, *, closed_on: dt.date) -> AssetCase:
    """Close a case: its dates leave the calendars, the feed and the reminders."""
    if closed_on < case.opened_on:
        raise ValidationError({"closed_on": "A case cannot close before it opened."})
    before = snapshot(case)
    case.closed_on = closed_on
    case.save(update_fields=["closed_on"])
    _audit(actor, case, AuditEvent.Action.CHANGED, before=before)
    return case


@dataclass(frozen=True)
class CaseDeadline:
    case: AssetCase | PlanCase
    deadline: rights.Deadline

    @property
    def area(self) -> Area:
        return self.case.area


def upcoming_deadlines(
    cases: Iterable[AssetCase | PlanCase], *, start: dt.date, days: int
) -> list[CaseDeadline]:
    """Dates from ``start`` to ``start + days`` of open cases, earliest first (not those that do not apply)."""
    end = start + dt.timedelta(days=days)
    found = [
        CaseDeadline(case, deadline)
        for case in cases
        if case.closed_on is None
        for deadline in case_deadlines(case)
        if start <= deadline.date <= end and deadline.status != "not_applicable"
    ]
    return sorted(
        found,
        key=lambda c: (c.deadline.date, type(c.case).__name__, c.case.pk, c.deadline.rule_id),
    )


def reminder_lead_days() -> list[int]:
    """Days ahead of a deadline that reminders go out (``N4C_REMINDER_LEAD_DAYS``)."""
    days: list[int] = config.get("N4C_REMINDER_LEAD_DAYS")
    return sorted(set(days), reverse=True)


def renew_calendar_feed(actor, area: Area) -> CalendarFeed:
    """Give the area's feed a new secret address; any old address stops working at once.

    Not written to the audit log: its snapshot would copy the secret into a table more people read.
    """
    token = secrets.token_urlsafe(32)
    feed, _ = CalendarFeed.objects.update_or_create(
        area=area,
        defaults={
            "token": token,
            "created_by": actor if actor is not None and actor.is_authenticated else None,
        },
    )
    return feed


def stop_calendar_feed(area: Area) -> bool:
    """Turn the area's feed off; says whether there was one."""
    deleted, _ = CalendarFeed.objects.filter(area=area).delete()
    return bool(deleted)


def plan_stage_choices() -> list[str]:
    """The neighbourhood-planning stages the rules count from (rules whose id starts ``np.``)."""
    names: dict[str, None] = {}
    for rule in rights.default_rulebook().rules:
        if rule.id.startswith("np."):
            names[rule.event] = None
    return list(names)


@transaction.atomic
def open_plan_case(actor, area: Area, *, title: str, opened_on: dt.date) -> PlanCase:
    case = PlanCase(area=area, title=title.strip(), opened_on=opened_on)
    case.full_clean()
    case.save()
    _audit(actor, case, AuditEvent.Action.CREATED)
    return case


@transaction.atomic
def record_plan_stage(
    actor, case: PlanCase, *, event: str, date: dt.date, note: str = ""
) -> PlanStageEvent:
    """Record a stage the neighbourhood-planning rules count from, once per plan."""
    known = plan_stage_choices()
    if event not in known:
        raise ValidationError(
            {
                "event": f"{event!r} is not a neighbourhood-planning stage the rules count from; "
                f"choose one of {', '.join(known)}."
            }
        )
    if case.events.filter(event=event).exists():
        raise ValidationError({"event": f"This plan already has a {event} date."})
    return _save_event(PlanStageEvent, case, event, date, note, actor)

"""Changes to right-to-bid cases, and the dates computed for them. Views, API, admin, the demo and
the deadlines app all call these, so each rule is checked in one place and each change audited."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from n4c import rights
from n4c.errors import InputError
from n4c.platform.assets.models import Asset
from n4c.platform.assets.services import (
    clock_events,
    save_dated_event,
    withdraw_dated_event,
)
from n4c.platform.audit.models import AuditEvent
from n4c.platform.audit.services import record_change, snapshot
from n4c.platform.core.conflicts import unique_or
from n4c.platform.right_to_bid.models import AssetCase, CaseEvent, CaseExtension

__all__ = [
    "agree_extension",
    "case_deadlines",
    "case_extensions",
    "close_case",
    "event_choices",
    "extendable_rule_ids",
    "open_case",
    "record_event",
    "withdraw_event",
]


#: Right-to-bid rules have ids beginning ``acv.``; neighbourhood planning's ``np.``.
RIGHT = "acv"


def event_choices() -> list[str]:
    """The events of the right to bid (never a neighbourhood plan's stages)."""
    return rights.default_rulebook().events_of(RIGHT)


def _check_event(event: str) -> None:
    known = event_choices()
    if event in known:
        return
    if event in rights.default_rulebook().events:
        raise ValidationError(
            {
                "event": _(
                    "'%(event)s' is a neighbourhood-plan stage, not an event of a right-to-bid "
                    "case; record it on the area's neighbourhood plan."
                )
                % {"event": event}
            }
        )
    raise ValidationError(
        {
            "event": _(
                "'%(event)s' is not an event of a right-to-bid case; choose one of %(events)s."
            )
            % {"event": event, "events": ", ".join(known)}
        }
    )


def extendable_rule_ids() -> set[str]:
    """The periods the law lets the parties extend by agreement."""
    return {r.id for r in rights.default_rulebook().rules if r.extendable}


@transaction.atomic
def open_case(
    actor, asset: Asset, *, title: str, opened_on: dt.date, contact_email: str = ""
) -> AssetCase:
    case = AssetCase(
        asset=asset, title=title.strip(), opened_on=opened_on, contact_email=contact_email
    )
    case.full_clean()
    case.save()
    record_change(actor, case, AuditEvent.Action.CREATED)
    return case


@transaction.atomic
def record_event(actor, case: AssetCase, *, event: str, date: dt.date, note: str = "") -> CaseEvent:
    """Record what happened; the event must be one of the right to bid, once per case (a
    withdrawn one does not count)."""
    _check_event(event)
    recorded = ValidationError(
        {
            "event": _(
                "This case already has a %(event)s; withdraw it if it was a mistake, or open a "
                "new case for a new one."
            )
            % {"event": event}
        }
    )
    if case.events.filter(event=event, withdrawn_at__isnull=True).exists():
        raise recorded
    with unique_or(CaseEvent, ("case", "event"), recorded):
        return save_dated_event(actor, CaseEvent(case=case, event=event, date=date, note=note))


def withdraw_event(actor, case: AssetCase, *, event_id: int, reason: str) -> CaseEvent:
    """Withdraw one of the case's events entered by mistake; its dates stop counting."""
    item = case.events.filter(pk=event_id).first()
    if item is None:
        raise ValidationError({"event_id": _("Choose an event of this case.")})
    return withdraw_dated_event(actor, item, reason=reason)


def _computed(case: AssetCase, extensions: dict[str, dt.date]) -> list[rights.Deadline]:
    events = clock_events(case.events.all())
    if not events:
        return []
    return rights.case_deadlines(events, rulebook=rights.default_rulebook(), extensions=extensions)


def case_extensions(case: AssetCase) -> dict[str, dt.date]:
    """Rule id to the later date agreed in writing, leaving out any implausible stored date."""
    extensions = {x.rule_id: x.extended_to for x in case.extensions.all()}
    return {rule: day for rule, day in extensions.items() if _plausible(day)}


def case_deadlines(case: AssetCase) -> list[rights.Deadline]:
    """Every statutory date of the case, from its events, the rules in force then and any
    extension agreed in writing (shown as extended)."""
    return _computed(case, case_extensions(case))


def _plausible(day: dt.date) -> bool:
    try:
        rights.check_event_date(day)
    except InputError:
        return False
    return True


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
    record_change(actor, item, AuditEvent.Action.CREATED if created else AuditEvent.Action.CHANGED)
    return item


@transaction.atomic
def close_case(actor, case: AssetCase, *, closed_on: dt.date) -> AssetCase:
    """Close a case: its dates leave the calendars, the feed and the reminders."""
    if closed_on < case.opened_on:
        raise ValidationError({"closed_on": _("A case cannot close before it opened.")})
    before = snapshot(case)
    case.closed_on = closed_on
    case.save(update_fields=["closed_on"])
    record_change(actor, case, AuditEvent.Action.CHANGED, before=before)
    return case

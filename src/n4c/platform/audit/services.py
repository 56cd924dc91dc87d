"""Record changes. Views, the API, the admin and the seeding all call these, not signals,
because only the caller knows who made the change: the ``actor`` of
:mod:`n4c.platform.core.acting`."""

from __future__ import annotations

import json
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.forms.models import model_to_dict

from n4c.platform.audit.models import AuditEvent
from n4c.platform.core.acting import Actor, acting_user, actor_label

__all__ = ["forget_in_log", "record_change", "record_export", "snapshot"]


_NEVER_KEPT = ["password"]


def snapshot(instance: models.Model) -> dict[str, Any]:
    """The instance's field values as JSON-safe data (dates and decimals as strings).

    A password hash is never kept: the audit log is read by people who must not hold it. Nor
    are the fields a model names in ``audit_withheld``: a secret ballot's choices and whose
    ballot it is, which together would tell the log's readers how a person voted.
    """
    withheld = getattr(type(instance), "audit_withheld", ())
    values = model_to_dict(instance, exclude=[*_NEVER_KEPT, *withheld])
    values = {k: (list(v) if isinstance(v, (set, tuple)) else v) for k, v in values.items()}
    for key, value in list(values.items()):
        if isinstance(value, list) and value and isinstance(value[0], models.Model):
            values[key] = [item.pk for item in value]
    return json.loads(json.dumps(values, cls=DjangoJSONEncoder))


def record_change(
    actor: Actor,
    instance: models.Model,
    action: AuditEvent.Action | str,
    *,
    before: dict[str, Any] | None = None,
) -> AuditEvent:
    """Write one audit event; ``before`` is the :func:`snapshot` taken before the change.

    Events that change no field (a link made, a password set, an export) keep no snapshot.
    """
    kept = action in (AuditEvent.Action.CREATED, AuditEvent.Action.CHANGED)
    user = acting_user(actor)
    return AuditEvent.objects.create(
        actor=user,
        actor_name=actor_label(user) if user is not None else "",
        action=action,
        model=instance._meta.label_lower,
        object_id=str(instance.pk),
        object_repr=str(instance)[:200],
        before=before,
        after=snapshot(instance) if kept else None,
    )


def record_export(actor: Actor, model: type[models.Model] | str, description: str) -> AuditEvent:
    """Write that ``actor`` exported records of ``model`` (a list, not one record; or a label,
    such as "rollout.plan", for a table worked out on the page): what, in ``description``, such
    as "Referrals (status: open), 12 rows, XLSX"."""
    user = acting_user(actor)
    return AuditEvent.objects.create(
        actor=user,
        actor_name=actor_label(user) if user is not None else "",
        action=AuditEvent.Action.EXPORTED,
        model=model if isinstance(model, str) else model._meta.label_lower,
        object_id="",
        object_repr=description[:200],
    )


def forget_in_log(user: Any, label: str) -> None:
    """Take a person's name out of the log when their personal data is erased: events they
    made name them ``label``, and events about their account keep no values."""
    AuditEvent.objects.filter(actor=user).update(actor_name=label)
    AuditEvent.objects.filter(model=user._meta.label_lower, object_id=str(user.pk)).update(
        before=None, after=None, object_repr=label
    )

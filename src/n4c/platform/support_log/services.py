"""Logging support: only an area's own adviser or community worker logs days against it."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext

from n4c.platform.audit.models import AuditEvent
from n4c.platform.audit.services import record_change
from n4c.platform.caseloads.models import Assignment, AssignmentRole
from n4c.platform.people.access import role_of
from n4c.platform.support_log.models import SupportEntry

__all__ = ["can_log_support", "log_support", "logging_role"]


def logging_role(user, area) -> str | None:
    """The role in which ``user`` supports ``area`` now, or None when they hold none there."""
    # Only advisers and community workers hold areas, so anyone else needs no query.
    if role_of(user) not in AssignmentRole.values:
        return None
    return (
        Assignment.objects.filter(area=area, person=user, ended_on__isnull=True)
        .values_list("role", flat=True)
        .first()
    )


def can_log_support(user, area) -> bool:
    return logging_role(user, area) is not None


@transaction.atomic
def log_support(actor, area, **fields) -> SupportEntry:
    """Add a support entry by ``actor`` to ``area``, checked and audited."""
    role = logging_role(actor, area)
    if role is None:
        raise PermissionDenied(
            gettext("Only the area's adviser or community worker can log support for it.")
        )
    entry = SupportEntry(area=area, person=actor, role=role, **fields)
    entry.full_clean()
    entry.save()
    record_change(actor, entry, AuditEvent.Action.CREATED)
    return entry

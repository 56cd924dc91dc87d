"""The decision e-mail to each applicant, sent through Django's e-mail backend once the panel's
decisions are announced; each is sent once and audited."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone

from n4c.platform.audit.models import AuditEvent
from n4c.platform.audit.services import record_change, snapshot
from n4c.platform.grants.access import can_run_panel
from n4c.platform.grants.models import Application, Panel, Phase
from n4c.platform.grants.services import check_phase

__all__ = ["send_outcomes"]


def send_outcomes(actor, panel: Panel) -> int:
    """E-mail every decided applicant not yet told; returns how many e-mails were sent."""
    if not can_run_panel(actor, panel):
        raise PermissionDenied("Only staff who work with this area can send the decisions.")
    check_phase(panel, Phase.ANNOUNCED)
    waiting = panel.applications.exclude(status=Application.Status.SUBMITTED).filter(
        outcome_sent_at__isnull=True, erased_at__isnull=True
    )
    sent = 0
    for application in waiting:
        with transaction.atomic():
            before = snapshot(application)
            context = {"application": application, "panel": panel}
            send_mail(
                subject=f"{panel.name}: the panel's decision",
                message=render_to_string("grants/outcome_email.txt", context),
                from_email=None,
                recipient_list=[application.contact_email],
            )
            application.outcome_sent_at = timezone.now()
            application.save(update_fields=["outcome_sent_at"])
            record_change(actor, application, AuditEvent.Action.CHANGED, before=before)
        sent += 1
    return sent

"""The decision e-mail to each applicant, sent through Django's e-mail backend once the panel's
decisions are announced; each is sent once and audited."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from n4c.platform.audit.models import AuditEvent
from n4c.platform.audit.services import record_change, snapshot
from n4c.platform.grants.access import can_run_panel
from n4c.platform.grants.models import Application, Panel, Phase
from n4c.platform.grants.services import check_phase
from n4c.platform.people.access import role_of
from n4c.platform.people.models import Profile, Role

__all__ = ["send_outcomes"]


def applicant_language(application: Application) -> str:
    """The language the applicant chose for the platform, when they applied as a partnership
    member with a sign-in; else the platform's own (English)."""
    accounts = []
    if application.resident_id is not None and application.resident.account_id is not None:
        accounts.append(application.resident.account_id)
    if application.submitted_by is not None and (
        role_of(application.submitted_by) == Role.PARTNERSHIP_MEMBER
    ):
        accounts.append(application.submitted_by_id)
    for account in accounts:
        language = Profile.objects.filter(user_id=account).values_list("language", flat=True)
        chosen = language.first()
        if chosen and translation.check_for_language(chosen):
            return chosen
    return settings.LANGUAGE_CODE


def send_outcomes(actor, panel: Panel) -> int:
    """E-mail every decided applicant not yet told, in their language (see
    :func:`applicant_language`); returns how many e-mails were sent."""
    if not can_run_panel(actor, panel):
        raise PermissionDenied(_("Only staff who work with this area can send the decisions."))
    check_phase(panel, Phase.ANNOUNCED)
    waiting = panel.applications.exclude(status=Application.Status.SUBMITTED).filter(
        outcome_sent_at__isnull=True, erased_at__isnull=True
    )
    sent = 0
    for application in waiting:
        with transaction.atomic():
            before = snapshot(application)
            context = {"application": application, "panel": panel}
            with translation.override(applicant_language(application)):
                subject = _("%(panel)s: the panel's decision") % {"panel": panel.name}
                message = render_to_string("grants/outcome_email.txt", context)
            send_mail(
                subject=subject,
                message=message,
                from_email=None,
                recipient_list=[application.contact_email],
            )
            application.outcome_sent_at = timezone.now()
            application.save(update_fields=["outcome_sent_at"])
            record_change(actor, application, AuditEvent.Action.CHANGED, before=before)
        sent += 1
    return sent

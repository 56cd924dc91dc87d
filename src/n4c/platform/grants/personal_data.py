"""An applicant's personal data: in their export, and erased on request or with the resident.

An application keeps only a name and an e-mail address. Erasure replaces the name, removes the
address and clears the earlier audit snapshots of the application (they hold the same data);
the application itself stays, without them, so the panel's awards still add up."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone

from n4c.platform.audit.models import AuditEvent
from n4c.platform.audit.services import record_change
from n4c.platform.grants.models import Application
from n4c.platform.residents.models import Resident

__all__ = ["erase_application", "erase_applications", "export_applications"]


def export_applications(resident: Resident) -> list[dict[str, Any]]:
    return [
        {
            "panel": application.panel.name,
            "applicant_kind": application.get_applicant_kind_display(),
            "organisation_name": application.organisation_name,
            "contact_name": application.contact_name,
            "contact_email": application.contact_email,
            "consent_wording": application.consent_wording,
            "consent_given_at": application.consent_given_at.isoformat(),
            "submitted_at": application.submitted_at.isoformat(),
            "amount_gbp": application.amount_gbp,
            "purpose": application.purpose,
            "status": application.get_status_display(),
            "awarded_gbp": application.awarded_gbp,
        }
        for application in resident.grant_applications.select_related("panel")
    ]


@transaction.atomic
def erase_application(actor, application: Application) -> None:
    if application.erased_at is not None:
        return
    label = f"Erased applicant {application.pk}"  # untranslated: kept in the record in place of the name
    AuditEvent.objects.filter(model="grants.application", object_id=str(application.pk)).update(
        before=None, after=None
    )
    application.contact_name = label
    application.contact_email = ""
    application.resident = None
    application.submitted_by = None
    application.erased_at = timezone.now()
    application.save()
    record_change(actor, application, AuditEvent.Action.CHANGED, before=None)


def erase_applications(actor, resident: Resident) -> None:
    for application in resident.grant_applications.all():
        erase_application(actor, application)

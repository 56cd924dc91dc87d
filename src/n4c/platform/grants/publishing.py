"""A panel's awards as a 360Giving JSON package (360Giving Data Standard 1.4).

Each award is one grant; its beneficiary location is the area's wards (``geoCodeType`` "WD",
the standard's code for electoral wards). A grant to an individual names no one: the standard's
guidance is an anonymised ``recipientIndividual`` identifier and a generic name, so the id is
made from the panel's and the application's numbers, never from the person's details."""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from n4c.platform.audit.models import AuditEvent
from n4c.platform.audit.services import record_change
from n4c.platform.grants.models import Application, Panel, Phase
from n4c.platform.grants.services import check_phase

__all__ = ["FUNDER", "ID_PREFIX", "grants_package"]

#: The identifier prefix 360Giving gives a publisher; grant ids start with it.
ID_PREFIX = "360G-n4c"
#: The funder named on every grant: the Network, which holds the funds the panels award.
FUNDER = {"id": f"{ID_PREFIX}-network", "name": "Network for Communities"}
_AWARDED = (Application.Status.AWARDED, Application.Status.REDUCED)


def _recipient(application: Application) -> dict[str, Any]:
    if application.applicant_kind == Application.ApplicantKind.INDIVIDUAL:
        return {
            "recipientIndividual": {
                "id": f"{ID_PREFIX}-IND-{application.panel_id}-{application.pk}",
                "name": "Individual Recipient",
            }
        }
    return {
        "recipientOrganization": [
            {
                "id": f"{ID_PREFIX}-ORG-{application.panel_id}-{application.pk}",
                "name": application.organisation_name,
            }
        ]
    }


def _grant(panel: Panel, application: Application) -> dict[str, Any]:
    assert application.decided_at is not None and application.awarded_gbp is not None
    kind = "Capital" if application.funding_type == "capital" else "Revenue"
    return {
        "id": f"{ID_PREFIX}-{panel.pk}-{application.pk}",
        "title": f"{panel.name}: grant {application.pk}",
        # An individual's own words about what the grant is for may say who they are.
        "description": (
            f"A grant to an individual for {kind.lower()} costs."
            if application.applicant_kind == Application.ApplicantKind.INDIVIDUAL
            else application.purpose
        ),
        "currency": "GBP",
        "amountAwarded": application.awarded_gbp,
        "awardDate": timezone.localtime(application.decided_at).date().isoformat(),
        "classifications": [
            {"vocabulary": "n4c-funding-type", "code": kind.lower(), "title": kind}
        ],
        "fundingOrganization": [FUNDER],
        **_recipient(application),
        "beneficiaryLocation": [
            {"name": panel.area.name, "geoCode": code, "geoCodeType": "WD"}
            for code in panel.area.ward17_codes
        ],
        "grantProgramme": [{"code": f"{ID_PREFIX}-panel-{panel.pk}", "title": panel.name}],
    }


def grants_package(actor, panel: Panel) -> dict[str, Any]:
    """The panel's awards as a 360Giving package, once its decisions are announced; who took
    the file is audited."""
    check_phase(panel, Phase.ANNOUNCED)
    record_change(actor, panel, AuditEvent.Action.EXPORTED)
    awards = panel.applications.filter(status__in=_AWARDED).order_by("pk")
    return {
        "grants": [_grant(panel, application) for application in awards],
    }

"""A panel's awards as a 360Giving JSON package (360Giving Data Standard 1.4).

Each award is one grant; its beneficiary location is the area's wards (``geoCodeType`` "WD",
the standard's code for electoral wards). A grant to an individual names no one: the standard's
guidance is an anonymised ``recipientIndividual`` identifier and a generic name, so the id is
made from the panel's and the application's numbers, never from the person's details.

The publisher's prefix and the funder come from settings (``N4C_360GIVING_PREFIX``,
``N4C_FUNDER_ID``, ``N4C_FUNDER_NAME``), and every package is checked against the standard's
rules (:func:`n4c.spending.standard.package_problems`) before it leaves: one that breaks them is
refused with the problems named rather than published."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from n4c import config
from n4c.platform.audit.models import AuditEvent
from n4c.platform.audit.services import record_change
from n4c.platform.grants.models import Application, Panel, Phase
from n4c.platform.grants.services import check_phase

__all__ = ["funder", "grants_package", "id_prefix"]

_AWARDED = (Application.Status.AWARDED, Application.Status.REDUCED)


def id_prefix() -> str:
    """The identifier prefix 360Giving gave the publisher; every grant id starts with it."""
    prefix: str = config.get("N4C_360GIVING_PREFIX")
    return prefix


def funder() -> dict[str, str]:
    """The funder named on every grant: by default the Network, which holds the panels' funds."""
    return {
        "id": config.get("N4C_FUNDER_ID") or f"{id_prefix()}-network",
        "name": config.get("N4C_FUNDER_NAME"),
    }


def _recipient(application: Application) -> dict[str, Any]:
    if application.applicant_kind == Application.ApplicantKind.INDIVIDUAL:
        return {
            "recipientIndividual": {
                "id": f"{id_prefix()}-IND-{application.panel_id}-{application.pk}",
                "name": "Individual Recipient",  # untranslated: 360Giving's generic name for a person
            }
        }
    return {
        "recipientOrganization": [
            {
                "id": f"{id_prefix()}-ORG-{application.panel_id}-{application.pk}",
                "name": application.organisation_name,
            }
        ]
    }


def _grant(panel: Panel, application: Application) -> dict[str, Any]:
    assert application.decided_at is not None and application.awarded_gbp is not None
    kind = "Capital" if application.funding_type == "capital" else "Revenue"
    return {
        "id": f"{id_prefix()}-{panel.pk}-{application.pk}",
        "title": f"{panel.name}: grant {application.pk}",
        # An individual's own words about what the grant is for may say who they are.
        "description": (
            f"A grant to an individual for {kind.lower()} costs."  # untranslated: published 360Giving data
            if application.applicant_kind == Application.ApplicantKind.INDIVIDUAL
            else application.purpose
        ),
        "currency": "GBP",
        "amountAwarded": application.awarded_gbp,
        "awardDate": timezone.localtime(application.decided_at).date().isoformat(),
        "classifications": [
            {"vocabulary": "n4c-funding-type", "code": kind.lower(), "title": kind}
        ],
        "fundingOrganization": [funder()],
        **_recipient(application),
        "beneficiaryLocation": _beneficiary_location(panel.area),
        "grantProgramme": [{"code": f"{id_prefix()}-panel-{panel.pk}", "title": panel.name}],
    }


def _beneficiary_location(area) -> list[dict[str, str]]:
    """The area's wards (geoCodeType WD) or LSOAs (LSOA), one location each."""
    codes = area.area_codes()
    return [
        {"name": area.name, "geoCode": code, "geoCodeType": codes.geo_code_type}
        for code in codes.codes
    ]


def grants_package(actor, panel: Panel) -> dict[str, Any]:
    """The panel's awards as a 360Giving package, once its decisions are announced; who took
    the file is audited."""
    from n4c.spending.standard import package_problems  # pandas, so not at start-up

    check_phase(panel, Phase.ANNOUNCED)
    awards = panel.applications.filter(status__in=_AWARDED).order_by("pk")
    package = {"grants": [_grant(panel, application) for application in awards]}
    problems = package_problems(package)
    if problems:
        raise ValidationError(
            _(
                "The awards cannot be published because they break the 360Giving rules: %(problems)s."
            )
            % {"problems": "; ".join(problems[:5])}
        )
    record_change(actor, panel, AuditEvent.Action.EXPORTED)
    return package

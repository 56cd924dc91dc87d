"""An applicant's name and e-mail address are in their export and go with their erasure."""

from __future__ import annotations

import json

import pytest

from n4c.platform.audit.models import AuditEvent
from n4c.platform.grants.models import Application
from n4c.platform.grants.personal_data import erase_application
from n4c.platform.residents import gdpr

pytestmark = pytest.mark.django_db


def test_a_residents_export_holds_their_grant_applications(make_application, applicant, adviser):
    make_application()
    export = gdpr.export_resident(adviser, applicant.resident_record)
    [application] = export["elsewhere"]["grant_applications"]
    assert application["contact_email"] == "alex@example.com"
    assert application["consent_wording"].startswith("The Network for Communities will keep")
    assert export["format"] == "n4c-resident-export/3"


@pytest.mark.parametrize("mode", ["anonymise", "delete"])
def test_erasing_a_resident_erases_their_applications_and_their_audit_snapshots(
    make_application, applicant, adviser, mode
):
    application = make_application()
    gdpr.erase_resident(adviser, applicant.resident_record, mode=mode)
    application.refresh_from_db()
    assert (application.contact_name, application.contact_email) == (
        f"Erased applicant {application.pk}",
        "",
    )
    assert application.erased_at is not None and application.resident is None
    trail = AuditEvent.objects.filter(model="grants.application", object_id=str(application.pk))
    assert "alex@example.com" not in json.dumps(list(trail.values("before", "after")))
    assert Application.objects.count() == 1  # the award still counts against the budget


def test_staff_can_erase_an_applicant_who_is_not_a_partnership_member(make_application, adviser):
    application = make_application(actor=adviser, contact_email="group@example.com")
    assert application.resident is None
    erase_application(adviser, application)
    application.refresh_from_db()
    assert application.contact_email == ""
    assert "group@example.com" not in json.dumps(
        list(AuditEvent.objects.filter(model="grants.application").values("before", "after"))
    )

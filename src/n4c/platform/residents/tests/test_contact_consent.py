"""Contact details are kept only with consent: refused without it (naming the field, in the
form and the API), removed when the consent is withdrawn or a later answer is no, and the
consent is in the export and goes with erasure."""

from __future__ import annotations

import datetime as dt
import importlib
import json

import pytest
from django.apps import apps as django_apps
from django.contrib.auth import get_user_model

from n4c.platform.audit.models import AuditEvent
from n4c.platform.residents import gdpr
from n4c.platform.residents.models import Consent, Resident

pytestmark = pytest.mark.django_db

NO_EMAIL = (
    "Record that they agreed to be contacted before keeping their email address, or leave it empty."
)
NO_PHONE = (
    "Record that they agreed to be contacted before keeping their phone number, or leave it empty."
)


def _json(client, url, data):
    return client.post(url, data=json.dumps(data), content_type="application/json")


def _add(client, home, **extra):
    body = {"area_id": home.pk, "full_name": "Jo Bloggs", "joined_on": "2026-02-01", **extra}
    return _json(client, "/api/residents/", body)


def test_the_api_refuses_contact_details_without_consent_naming_each_field(
    worker, home, client_for
):
    refused = _add(client_for(worker), home, email="jo@example.org", phone="01234 567890")
    assert refused.status_code == 422
    assert refused.json()["detail"] == [
        {"loc": ["body", "email"], "msg": NO_EMAIL, "type": "no_contact_consent"},
        {"loc": ["body", "phone"], "msg": NO_PHONE, "type": "no_contact_consent"},
    ]
    assert not Resident.objects.exists()
    assert _add(client_for(worker), home).status_code == 201  # no contact details: no consent


def test_the_form_refuses_an_email_without_consent_beside_the_field(worker, home, client_for):
    form = {"full_name": "Jo Bloggs", "partnership_role": "member", "joined_on": "2026-02-01"}
    page = client_for(worker).post(
        f"/residents/area/{home.pk}/", {**form, "email": "jo@example.org"}
    )
    assert page.status_code == 400
    assert "before keeping their email address" in page.content.decode()
    assert not Resident.objects.exists()
    made = client_for(worker).post(
        f"/residents/area/{home.pk}/",
        {**form, "email": "jo@example.org", "contact_consent_method": "in_person"},
    )
    assert made.status_code == 302
    resident = Resident.objects.get()
    [consent] = resident.consents.all()
    assert (consent.purpose, consent.given, consent.method) == ("contact", True, "in_person")
    assert consent.wording == gdpr.CONTACT_WORDING and consent.recorded_by == worker


@pytest.fixture
def jo(worker, home, client_for):
    made = _add(
        client_for(worker),
        home,
        email="jo@example.org",
        phone="01234 567890",
        contact_consent_method="paper_form",
    )
    assert made.status_code == 201
    resident = Resident.objects.get(pk=made.json()["id"])
    gdpr.give_sign_in(worker, resident, username="jo")
    return resident


def test_withdrawing_contact_consent_removes_the_contact_details(jo, worker, client_for):
    consent = jo.consents.get()
    response = client_for(worker).post(f"/residents/{jo.pk}/consents/{consent.pk}/withdraw/")
    assert response.status_code == 302
    jo.refresh_from_db()
    assert (jo.email, jo.phone, jo.account.email) == ("", "", "")
    trail = json.dumps(list(AuditEvent.objects.values("before", "after")))
    assert "jo@example.org" not in trail and "01234 567890" not in trail
    export = client_for(worker).get(f"/api/residents/{jo.pk}/export").json()
    assert export["resident"]["email"] == "" and export["consents"][0]["withdrawn_at"]


def test_a_later_no_to_being_contacted_removes_the_contact_details(jo, worker, client_for):
    answer = {"purpose": "contact", "given": False, "wording": "No thanks.", "method": "phone"}
    assert _json(client_for(worker), f"/api/residents/{jo.pk}/consents", answer).status_code == 201
    jo.refresh_from_db()
    assert (jo.email, jo.phone) == ("", "")


def test_other_consents_leave_contact_details_alone(jo, worker):
    gdpr.record_consent(worker, jo, purpose="research", given=False, wording="No.", method="phone")
    jo.refresh_from_db()
    assert jo.email == "jo@example.org"


def test_the_export_holds_the_contact_consent_and_erasure_removes_it(jo, worker, client_for):
    client = client_for(worker)
    [consent] = client.get(f"/api/residents/{jo.pk}/export").json()["consents"]
    assert consent["purpose"] == "Contact about the partnership's work"
    assert consent["recorded_at"].startswith(str(dt.date.today()))
    assert _json(client, f"/api/residents/{jo.pk}/erase", {"mode": "anonymise"}).status_code == 204
    assert not Consent.objects.exists()
    trail = json.dumps(list(AuditEvent.objects.values("before", "after")))
    assert "jo@example.org" not in trail and gdpr.CONTACT_WORDING not in trail


def test_the_migration_keeps_contact_details_only_where_consent_was_recorded(home, worker):
    """Records from before the rule: kept with a contact consent in force, removed otherwise."""
    account = get_user_model().objects.create_user("kim", email="kim@example.org")
    kept, refused, withdrawn, silent = (
        Resident.objects.create(
            area=home, full_name=name, email=f"{name}@example.org", joined_on=dt.date(2026, 1, 1)
        )
        for name in ("kept", "refused", "withdrawn", "silent")
    )
    silent.account = account
    silent.save()
    for resident, given, withdrawn_at in (
        (kept, True, None),
        (refused, False, None),
        (withdrawn, True, dt.datetime(2026, 3, 1, tzinfo=dt.UTC)),
    ):
        Consent.objects.create(
            resident=resident,
            purpose="contact",
            given=given,
            wording="Contact me.",
            method="paper_form",
            recorded_at=dt.datetime(2026, 2, 1, tzinfo=dt.UTC),
            withdrawn_at=withdrawn_at,
        )
    migration = importlib.import_module(
        "n4c.platform.residents.migrations.0003_contact_details_need_consent"
    )
    migration.drop_contact_details_without_consent(django_apps, None)
    emails = dict(Resident.objects.values_list("full_name", "email"))
    assert emails == {"kept": "kept@example.org", "refused": "", "withdrawn": "", "silent": ""}
    account.refresh_from_db()
    assert account.email == ""

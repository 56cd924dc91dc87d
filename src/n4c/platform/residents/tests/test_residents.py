"""Residents' personal data: minimal, consent recorded, export of everything, erasure that
leaves no trace in the audit log, and only the area's own workers can see it."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from n4c.platform.audit.models import AuditEvent
from n4c.platform.people.models import Role
from n4c.platform.residents.gdpr import CONTACT_WORDING
from n4c.platform.residents.models import Consent, Resident

pytestmark = pytest.mark.django_db


def _json(client, url, data):
    return client.post(url, data=data, content_type="application/json")


@pytest.fixture
def member_record(worker, home, client_for):
    client = client_for(worker)
    made = _json(
        client,
        "/api/residents/",
        {
            "area_id": home.pk,
            "full_name": "Jo Bloggs",
            "email": "jo@example.org",
            "joined_on": "2026-02-01",
            "partnership_role": "chair",
            "contact_consent_method": "paper_form",
        },
    )
    assert made.status_code == 201
    return client, made.json()["id"]


def test_the_export_holds_the_record_consents_and_changes(member_record) -> None:
    client, resident_id = member_record
    export = client.get(f"/api/residents/{resident_id}/export").json()
    assert export["format"] == "n4c-resident-export/3"
    assert export["resident"]["full_name"] == "Jo Bloggs"
    assert export["resident"]["partnership_role"] == "Chair"
    [consent] = export["consents"]
    assert consent["purpose"] == "Contact about the partnership's work"
    assert (consent["given"], consent["withdrawn_at"]) == (True, None)
    assert consent["method"] == "Signed paper form"
    assert consent["wording"] == CONTACT_WORDING
    assert consent["recorded_at"].startswith(str(dt.date.today()))
    assert [c["record"] for c in export["changes"]] == ["residents.resident", "residents.consent"]


def test_the_export_page_downloads_json(member_record) -> None:
    client, resident_id = member_record
    response = client.get(f"/residents/{resident_id}/export.json")
    assert response["Content-Disposition"] == f'attachment; filename="resident-{resident_id}.json"'
    assert json.loads(response.content)["resident"]["email"] == "jo@example.org"


def _audit_text() -> str:
    return json.dumps(list(AuditEvent.objects.values("object_repr", "before", "after")))


def test_anonymising_keeps_a_nameless_row_and_scrubs_the_audit_log(member_record, worker) -> None:
    client, resident_id = member_record
    response = _json(client, f"/api/residents/{resident_id}/erase", {"mode": "anonymise"})
    assert response.status_code == 204
    resident = Resident.objects.get(pk=resident_id)
    assert resident.full_name == f"Erased member {resident_id}"
    assert (resident.email, resident.phone) == ("", "")
    assert resident.erased_at is not None
    assert not Consent.objects.exists()
    assert "Jo Bloggs" not in _audit_text()
    assert "jo@example.org" not in _audit_text()
    last = AuditEvent.objects.filter(model="residents.resident").first()
    assert (last.action, last.actor) == ("changed", worker)


def test_deleting_removes_the_row_and_logs_who_erased_it(member_record, worker) -> None:
    client, resident_id = member_record
    assert (
        _json(client, f"/api/residents/{resident_id}/erase", {"mode": "delete"}).status_code == 204
    )
    assert not Resident.objects.exists()
    assert "Jo Bloggs" not in _audit_text()
    deleted = AuditEvent.objects.get(model="residents.resident", action="deleted")
    assert deleted.actor == worker
    assert deleted.object_repr == f"Erased member {resident_id}"


# A partnership member is refused every address about residents (see
# n4c/platform/tests/test_member_access.py).
@pytest.mark.parametrize("role", [Role.SPECIALIST, Role.ADVISER])
def test_people_not_working_with_the_area_cannot_see_its_residents(
    role, member_record, make_person, region, home, client_for
) -> None:
    _, resident_id = member_record
    person = make_person(role, region)
    client = client_for(person)
    assert client.get("/api/residents/").json() == []
    assert client.get(f"/api/residents/{resident_id}/export").status_code == 404
    assert (
        _json(client, f"/api/residents/{resident_id}/erase", {"mode": "delete"}).status_code == 404
    )
    assert Resident.objects.filter(pk=resident_id).exists()


def test_the_national_team_and_the_hub_lead_can_see_them(
    member_record, national, make_person, region, client_for
) -> None:
    for person in (national, make_person(Role.HUB_LEAD, region)):
        assert [r["full_name"] for r in client_for(person).get("/api/residents/").json()] == [
            "Jo Bloggs"
        ]


def test_the_erase_form_needs_a_confirmation(member_record) -> None:
    client, resident_id = member_record
    response = client.post(f"/residents/{resident_id}/erase/", {"mode": "delete"})
    assert response.status_code == 400
    assert "Confirm that you understand this cannot be undone." in response.content.decode()
    assert Resident.objects.filter(pk=resident_id).exists()
    done = client.post(f"/residents/{resident_id}/erase/", {"mode": "delete", "confirm": "on"})
    assert done.status_code == 302
    assert not Resident.objects.exists()


def test_pages_add_a_member_and_record_consent(worker, home, client_for) -> None:
    client = client_for(worker)
    added = client.post(
        f"/residents/area/{home.pk}/",
        {"full_name": "Sam Lee", "partnership_role": "member", "joined_on": "2026-03-01"},
    )
    assert added.status_code == 302
    resident = Resident.objects.get()
    recorded = client.post(
        f"/residents/{resident.pk}/consents/",
        {
            "purpose": "photos_and_stories",
            "given": "no",
            "method": "in_person",
            "wording": "May we use your photo?",
        },
    )
    assert recorded.status_code == 302
    assert Consent.objects.get().given is False
    page = client.get(f"/residents/{resident.pk}/").content.decode()
    assert "Use photos and stories in Network publications" in page

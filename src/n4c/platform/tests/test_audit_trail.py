"""Changes are recorded with who, what, when and the values before and after."""

from __future__ import annotations

import pytest

from n4c.platform.audit.models import AuditEvent
from n4c.platform.caseloads.services import assign
from n4c.platform.people.models import Role

pytestmark = pytest.mark.django_db


def test_changing_an_area_records_before_and_after(region, make_area, national, client_for):
    area = make_area(region, "Bloomfield")
    client_for(national).patch(
        f"/api/areas/{area.pk}", data={"stage": "moving_on"}, content_type="application/json"
    )
    event = AuditEvent.objects.get(model="areas.area")
    assert event.actor == national
    assert event.action == "changed"
    assert event.changed_fields() == {"stage": ("active", "moving_on")}


def test_an_assignment_is_recorded_and_shown_to_the_national_team_only(
    region, make_area, make_person, national, client_for
):
    adviser = make_person(Role.ADVISER, region)
    assign(national, make_area(region, "Bloomfield"), adviser, Role.ADVISER)
    event = AuditEvent.objects.get(model="caseloads.assignment")
    assert (event.action, event.after["person"]) == ("created", adviser.pk)
    page = client_for(national).get("/audit/")
    assert "Bloomfield" in page.text
    assert client_for(adviser).get("/audit/").status_code == 403


def test_admin_changes_are_recorded(region, django_user_model, client):
    root = django_user_model.objects.create_superuser("root", password="x")
    client.force_login(root)
    client.post(
        f"/admin/regions/region/{region.pk}/change/", data={"code": region.code, "name": "NW"}
    )
    event = AuditEvent.objects.get(model="regions.region")
    assert (event.actor, event.before["name"], event.after["name"]) == (root, "North West", "NW")


def test_no_password_hash_is_ever_kept_in_the_audit_log(national, make_person, client_for):
    from n4c.platform.audit.services import record_change, snapshot

    person = make_person(Role.SPECIALIST)
    assert person.password.startswith(("pbkdf2", "argon2", "md5", "!"))
    assert "password" not in snapshot(person)
    event = record_change(national, person, AuditEvent.Action.CHANGED, before=snapshot(person))
    assert "password" not in event.after and "password" not in event.before
    assert person.password not in str(event.after)

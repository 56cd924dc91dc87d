"""Changes to accounts through the admin site are in the audit log: granting superuser or staff,
groups and permissions, the role, a new password, and deletion, one by one or in bulk."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from n4c.platform.audit.models import AuditEvent
from n4c.platform.people.models import Role

pytestmark = pytest.mark.django_db


@pytest.fixture
def superuser():
    return get_user_model().objects.create_superuser(
        "root", password="root-password-for-tests-5", first_name="Rose", last_name="Admin"
    )


def _change_form(user, **changes) -> dict:
    data = {
        "username": user.username,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "email": user.email,
        "is_active": "on",
        "date_joined_0": user.date_joined.strftime("%Y-%m-%d"),
        "date_joined_1": user.date_joined.strftime("%H:%M:%S"),
        "initial-date_joined_0": user.date_joined.strftime("%Y-%m-%d"),
        "initial-date_joined_1": user.date_joined.strftime("%H:%M:%S"),
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


def _events(user, action):
    return AuditEvent.objects.filter(model="auth.user", object_id=str(user.pk), action=action)


def test_granting_superuser_staff_and_a_group_in_the_admin_is_audited(
    superuser, region, make_person, client_for
):
    adviser = make_person(Role.ADVISER, region)
    leads = Group.objects.create(name="Leads")
    client = client_for(superuser)
    page = client.post(
        f"/admin/auth/user/{adviser.pk}/change/",
        _change_form(adviser, is_staff="on", is_superuser="on", groups=[leads.pk]),
    )
    assert page.status_code == 302, page.text
    [event] = _events(adviser, AuditEvent.Action.CHANGED)
    assert event.actor == superuser and event.actor_name == "Rose Admin (root)"
    changed = event.changed_fields()
    assert changed["is_superuser"] == (False, True)
    assert changed["is_staff"] == (False, True)
    assert changed["groups"] == ([], [leads.pk])  # recorded after the groups are saved
    assert "password" not in event.after


def test_a_new_password_set_in_the_admin_is_audited(superuser, region, make_person, client_for):
    adviser = make_person(Role.ADVISER, region)
    new = "a-password-the-admin-chose-8"
    page = client_for(superuser).post(
        f"/admin/auth/user/{adviser.pk}/password/",
        {"password1": new, "password2": new, "usable_password": "true"},
    )
    assert page.status_code == 302, page.text
    [event] = _events(adviser, AuditEvent.Action.PASSWORD_SET)
    assert event.actor == superuser


def test_deleting_accounts_in_the_admin_is_audited_one_by_one_and_in_bulk(
    superuser, region, make_person, client_for
):
    first, second, third = (make_person(Role.ADVISER, region) for _ in range(3))
    client = client_for(superuser)
    assert client.post(f"/admin/auth/user/{first.pk}/delete/", {"post": "yes"}).status_code == 302
    bulk = client.post(
        "/admin/auth/user/",
        {"action": "delete_selected", "_selected_action": [second.pk, third.pk], "post": "yes"},
    )
    assert bulk.status_code == 302
    deleted = AuditEvent.objects.filter(model="auth.user", action=AuditEvent.Action.DELETED)
    assert sorted(int(e.object_id) for e in deleted) == sorted([first.pk, second.pk, third.pk])
    assert {e.before["username"] for e in deleted} == {
        first.username, second.username, third.username
    }  # fmt: skip


def test_a_role_changed_in_the_admin_is_audited(superuser, region, make_person, client_for):
    adviser = make_person(Role.ADVISER, region)
    page = client_for(superuser).post(
        f"/admin/people/profile/{adviser.profile.pk}/change/",
        {"user": adviser.pk, "role": Role.HUB_LEAD, "region": region.pk},
    )
    assert page.status_code == 302, page.text
    event = AuditEvent.objects.get(model="people.profile", action=AuditEvent.Action.CHANGED)
    assert event.changed_fields()["role"] == (Role.ADVISER, Role.HUB_LEAD)

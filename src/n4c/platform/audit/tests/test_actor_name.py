"""The log keeps who acted after their account is deleted, for new entries and for entries made
before the name was kept."""

from __future__ import annotations

from importlib import import_module

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model

from n4c.platform.audit.models import AuditEvent
from n4c.platform.audit.services import record_change

pytestmark = pytest.mark.django_db


def _someone(username="aisha", **names):
    return get_user_model().objects.create_user(username, password="p-for-tests-only-3", **names)


def test_deleting_a_user_keeps_their_name_on_what_they_did():
    aisha = _someone(first_name="Aisha", last_name="Khan")
    event = record_change(aisha, _someone("ben"), AuditEvent.Action.CREATED)
    aisha.delete()
    event.refresh_from_db()
    assert event.actor is None
    assert event.actor_name == "Aisha Khan (aisha)"


def test_a_user_without_a_full_name_is_named_by_their_user_name_and_the_platform_by_none():
    ben = _someone("ben")
    assert record_change(_someone(), ben, AuditEvent.Action.CREATED).actor_name == "aisha"
    assert record_change(None, ben, AuditEvent.Action.CREATED).actor_name == ""


def test_the_migration_names_the_actors_of_earlier_entries():
    ben = _someone("ben", first_name="Ben", last_name="Ode")
    event = record_change(ben, _someone("cy"), AuditEvent.Action.CREATED)
    anonymous = record_change(None, ben, AuditEvent.Action.CHANGED)
    AuditEvent.objects.update(actor_name="")  # as entries were before the name was kept
    migration = import_module("n4c.platform.audit.migrations.0002_actor_name")
    migration._name_past_actors(apps, None)
    event.refresh_from_db()
    anonymous.refresh_from_db()
    assert (event.actor_name, anonymous.actor_name) == ("Ben Ode (ben)", "")


def test_the_audit_log_page_shows_a_deleted_actor_s_name(client):
    root = get_user_model().objects.create_superuser("root", password="root-pass-for-tests-9")
    aisha = _someone(first_name="Aisha", last_name="Khan")
    record_change(aisha, _someone("ben"), AuditEvent.Action.CREATED)
    aisha.delete()
    client.force_login(root)
    assert "Aisha Khan (aisha)" in client.get("/audit/").text

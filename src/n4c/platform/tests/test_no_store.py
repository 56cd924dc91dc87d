"""Every page and export a signed-in person sees says ``Cache-Control: no-store``; pages for
anyone, not signed in, keep their own caching."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from n4c.platform.residents.models import Resident

pytestmark = pytest.mark.django_db


@pytest.fixture
def jo(home):
    return Resident.objects.create(
        area=home, full_name="Jo Bloggs", email="jo@example.org", joined_on=dt.date(2026, 2, 1)
    )


def _no_store(response) -> bool:
    directives = {d.strip() for d in response.get("Cache-Control", "").split(",")}
    return {"no-store", "private"} <= directives


def test_pages_and_exports_with_personal_data_are_never_stored(worker, jo, home, client_for):
    client = client_for(worker)
    for address in [
        "/people/",
        f"/residents/area/{home.pk}/",
        f"/residents/{jo.pk}/",
        f"/residents/{jo.pk}/export.json",
        f"/api/residents/{jo.pk}/export",
        f"/areas/{home.pk}/",
    ]:
        response = client.get(address)
        assert response.status_code == 200, address
        assert _no_store(response), address


def test_the_audit_log_and_the_admin_are_never_stored(client_for):
    root = get_user_model().objects.create_superuser("root", password="root-pass-for-tests-9")
    client = client_for(root)
    for address in ["/audit/", "/admin/auth/user/"]:
        response = client.get(address)
        assert response.status_code == 200, address
        assert _no_store(response), address


def test_a_refusal_is_not_stored_either(worker, client_for):
    assert _no_store(client_for(worker).get("/audit/"))


def test_a_page_for_anyone_keeps_its_own_caching():
    response = Client().get("/accounts/set-password/done/")
    assert response.status_code == 200 and "Cache-Control" not in response

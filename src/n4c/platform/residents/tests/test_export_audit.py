"""Taking a copy of a member's personal data is audited; erasure takes their name out of the
entries about their sign-in and made by it."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client

from n4c.platform.audit.models import AuditEvent
from n4c.platform.residents.models import Resident

pytestmark = pytest.mark.django_db


@pytest.fixture
def jo(home):
    return Resident.objects.create(
        area=home, full_name="Jo Bloggs", email="jo@example.org", joined_on=dt.date(2026, 2, 1)
    )


@pytest.mark.parametrize("address", ["/residents/{pk}/export.json", "/api/residents/{pk}/export"])
def test_every_export_is_audited_with_who_took_it(worker, jo, client_for, address):
    assert client_for(worker).get(address.format(pk=jo.pk)).status_code == 200
    event = AuditEvent.objects.get(action=AuditEvent.Action.EXPORTED)
    assert (event.actor, event.model, event.object_id) == (worker, "residents.resident", str(jo.pk))
    assert event.before is None and event.after is None  # no second copy of the data


def test_erasure_takes_the_member_s_name_out_of_their_sign_in_s_entries(worker, jo, client_for):
    client = client_for(worker)
    page = client.post(f"/residents/{jo.pk}/sign-in/", {"username": "jo"})
    path = page.text.split('value="http://testserver', 1)[1].split('"', 1)[0]
    member = Client()
    form = member.get(path, follow=True)
    password = "jo-chooses-this-password-27"
    member.post(form.redirect_chain[-1][0], {"new_password1": password, "new_password2": password})
    assert AuditEvent.objects.filter(actor_name="Jo Bloggs (jo)").exists()
    client.post(f"/residents/{jo.pk}/erase/", {"mode": "anonymise", "confirm": "on"})
    kept = str(list(AuditEvent.objects.values_list("actor_name", "object_repr", "before", "after")))
    assert "Jo Bloggs" not in kept and "'jo'" not in kept

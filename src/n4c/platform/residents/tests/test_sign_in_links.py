"""A partnership member's sign-in cannot be taken over with a link to set its password: once
they have chosen one, only the national team makes them a new link."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.test import Client

from n4c.platform.residents.models import Resident

pytestmark = pytest.mark.django_db


def _link(page) -> str:
    found = re.search(r'value="http://testserver(/accounts/set-password/[^"]+)"', page.text)
    assert found, page.text
    return found[1]


def _use(path: str, password: str):
    client = Client()
    form = client.get(path, follow=True)
    return client.post(
        form.redirect_chain[-1][0], {"new_password1": password, "new_password2": password}
    )


def test_an_adviser_cannot_take_over_a_partnership_member_s_sign_in(
    worker, home, national, client_for
):
    jo = Resident.objects.create(
        area=home, full_name="Jo Bloggs", email="", joined_on=dt.date(2026, 2, 1)
    )
    client = client_for(worker)
    given = client.post(f"/residents/{jo.pk}/sign-in/", {"username": "jo"})
    assert given.status_code == 200
    # Before Jo chooses a password, the area's worker may make her a new link.
    assert client.post(f"/residents/{jo.pk}/sign-in/link/").status_code == 200
    assert _use(_link(given), "jo-chooses-this-password-27").status_code == 302
    refused = client.post(f"/residents/{jo.pk}/sign-in/link/")
    assert refused.status_code == 403
    assert "only the national team can reset it" in refused.text
    assert client_for(national).post(f"/residents/{jo.pk}/sign-in/link/").status_code == 200

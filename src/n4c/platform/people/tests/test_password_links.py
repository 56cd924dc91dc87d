"""Links to set a password: made only by someone entitled to change the account, never to take
over an account whose owner chose a password (unless the national team resets it), short-lived,
spent once used, and in the audit log when made and when used."""

from __future__ import annotations

import datetime as dt
import re
from unittest import mock

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.test import Client

from n4c import config
from n4c.platform.audit.models import AuditEvent
from n4c.platform.people.models import Role
from n4c.platform.people.services import create_account, set_password_path

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "the-attacker-would-choose-this-7"


def _link(page) -> str:
    found = re.search(r'value="http://testserver(/accounts/set-password/[^"]+)"', page.text)
    assert found, page.text
    return found[1]


def _use(path: str, password: str = NEW_PASSWORD):
    client = Client()
    form = client.get(path, follow=True)
    return client.post(
        form.redirect_chain[-1][0], {"new_password1": password, "new_password2": password}
    )


def _fresh_adviser(region):
    return create_account(username="newcomer", first_name="New", role=Role.ADVISER, region=region)


def test_a_hub_lead_cannot_take_over_an_adviser_who_has_a_password(region, make_person, client_for):
    hub_lead = make_person(Role.HUB_LEAD, region)
    adviser = make_person(Role.ADVISER, region)
    page = client_for(hub_lead).post(f"/people/{adviser.pk}/link/")
    assert page.status_code == 403
    assert "only the national team can reset it" in page.text
    assert "/accounts/set-password/" not in page.text
    assert not AuditEvent.objects.filter(action=AuditEvent.Action.LINK_ISSUED).exists()
    edit = client_for(hub_lead).get(f"/people/{adviser.pk}/").text
    assert "Make a new link" not in edit and "only the national team can reset it" in edit


def test_a_hub_lead_makes_a_new_link_for_their_adviser_who_has_no_password_yet(
    region, make_person, client_for
):
    hub_lead = make_person(Role.HUB_LEAD, region)
    newcomer = _fresh_adviser(region)
    page = client_for(hub_lead).post(f"/people/{newcomer.pk}/link/")
    assert page.status_code == 200
    assert "it works once, for 72 hours" in page.text
    event = AuditEvent.objects.get(action=AuditEvent.Action.LINK_ISSUED)
    assert (event.actor, event.model, event.object_id) == (hub_lead, "auth.user", str(newcomer.pk))
    assert event.after is None  # the event records that a link was made, not the account


def test_the_national_team_resets_a_password_and_the_reset_is_audited(
    region, national, make_person, client_for
):
    adviser = make_person(Role.ADVISER, region)
    page = client_for(national).post(f"/people/{adviser.pk}/link/")
    assert page.status_code == 200
    assert _use(_link(page)).status_code == 302
    assert Client().login(username=adviser.username, password=NEW_PASSWORD)
    actions = list(
        AuditEvent.objects.filter(object_id=str(adviser.pk), model="auth.user")
        .order_by("id")
        .values_list("action", "actor")
    )
    assert actions == [
        (AuditEvent.Action.LINK_ISSUED, national.pk),
        (AuditEvent.Action.PASSWORD_SET, adviser.pk),
    ]


def test_accounts_with_admin_access_get_links_only_from_a_superuser(
    region, national, make_person, client_for
):
    admin_user = make_person(Role.SPECIALIST)
    admin_user.is_staff = True
    admin_user.save()
    assert client_for(national).post(f"/people/{admin_user.pk}/link/").status_code == 403
    superuser = get_user_model().objects.create_superuser("root", password="x-root-password-1")
    assert client_for(superuser).post(f"/people/{admin_user.pk}/link/").status_code == 200


def test_a_link_is_spent_once_a_password_is_set_with_it_or_another(region):
    newcomer = _fresh_adviser(region)
    first, second = set_password_path(newcomer), set_password_path(newcomer)
    assert _use(first).status_code == 302
    again = Client().get(first, follow=True).text
    assert "This link has been used already or is too old." in again
    # The token covers the password, so the other link made before it is spent too.
    assert "This link has been used already" in Client().get(second, follow=True).text


def test_a_link_works_for_n4c_password_link_hours_and_no_longer(region):
    hours = config.get("N4C_PASSWORD_LINK_HOURS")
    assert hours == 72 and hours * 3600 == settings.PASSWORD_RESET_TIMEOUT
    newcomer = _fresh_adviser(region)
    now = dt.datetime.now()
    for age_hours, works in [(hours - 1, True), (hours + 1, False)]:
        with mock.patch.object(
            PasswordResetTokenGenerator, "_now", return_value=now - dt.timedelta(hours=age_hours)
        ):
            path = set_password_path(newcomer)
        page = Client().get(path, follow=True).text
        assert ("Choose your password" in page and "used already" not in page) is works

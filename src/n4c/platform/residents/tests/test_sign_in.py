"""A partnership member's sign-in: given by the area's workers from the member record, read-only
access to their own area, in the export, and gone with erasure."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from n4c.platform.audit.models import AuditEvent
from n4c.platform.people.models import Role
from n4c.platform.residents.models import Resident

pytestmark = pytest.mark.django_db

PASSWORD = "jo-chooses-this-password-27"


@pytest.fixture
def jo(home):
    return Resident.objects.create(
        area=home, full_name="Jo Bloggs", email="jo@example.org", joined_on=dt.date(2026, 2, 1)
    )


def _give(client, resident, username="jo"):
    return client.post(f"/residents/{resident.pk}/sign-in/", {"username": username})


def _set_password(link: str) -> Client:
    newcomer = Client()
    form = newcomer.get(link, follow=True)
    newcomer.post(
        form.redirect_chain[-1][0], {"new_password1": PASSWORD, "new_password2": PASSWORD}
    )
    assert newcomer.login(username="jo", password=PASSWORD)
    return newcomer


def test_the_area_s_worker_gives_a_member_a_sign_in_to_read_their_own_area(
    worker, jo, home, far, client_for
):
    page = _give(client_for(worker), jo)
    assert page.status_code == 200
    link = re.search(
        r'value="http://testserver(/accounts/set-password/[^"]+)"', page.content.decode()
    )[1]
    jo.refresh_from_db()
    account = jo.account
    assert (account.username, account.email, account.profile.role) == (
        "jo", "jo@example.org", Role.PARTNERSHIP_MEMBER
    )  # fmt: skip
    assert not account.has_usable_password()
    assert list(home.partnership_members.all()) == [account]

    member = _set_password(link)
    assert member.get(f"/plans/{home.pk}/").status_code == 200
    assert member.get(f"/plans/{far.pk}/").status_code == 404
    assert member.post(f"/plans/{home.pk}/vision/", {"vision": "x"}).status_code == 403
    assert member.get(f"/residents/{jo.pk}/").status_code == 403  # members' records stay private


def test_only_those_who_may_change_the_area_give_sign_ins(jo, make_person, region, client_for):
    hub_elsewhere = make_person(Role.HUB_LEAD, None)
    assert _give(client_for(hub_elsewhere), jo).status_code == 404
    assert not get_user_model().objects.filter(username="jo").exists()


def test_a_taken_user_name_and_a_second_sign_in_are_refused_clearly(
    worker, jo, make_person, client_for
):
    make_person(Role.ADVISER, username="Jo")
    client = client_for(worker)
    refused = _give(client, jo)
    assert refused.status_code == 400
    assert "The user name “jo” is taken; choose another." in refused.content.decode()
    assert _give(client, jo, username="jo.bloggs").status_code == 200
    again = _give(client, jo, username="jo2")
    assert again.status_code == 400
    assert "They already sign in as “jo.bloggs”" in again.content.decode()


def test_the_export_names_the_sign_in_and_erasure_removes_it(worker, jo, client_for):
    client = client_for(worker)
    _give(client, jo)
    export = client.get(f"/residents/{jo.pk}/export.json").json()
    assert export["sign_in"] == {
        "username": "jo",
        "email": "jo@example.org",
        "language": "",
        "last_login": None,
    }
    account_id = Resident.objects.get(pk=jo.pk).account_id
    client.post(f"/residents/{jo.pk}/erase/", {"mode": "anonymise", "confirm": "on"})
    jo.refresh_from_db()
    assert jo.erased_at is not None and jo.account is None
    assert not get_user_model().objects.filter(pk=account_id).exists()
    assert "Jo Bloggs" not in str(list(AuditEvent.objects.values_list("before", "after")))


def test_removing_a_sign_in_keeps_the_member_record(worker, jo, home, client_for):
    client = client_for(worker)
    _give(client, jo)
    assert client.post(f"/residents/{jo.pk}/sign-in/remove/").status_code == 302
    jo.refresh_from_db()
    assert jo.account is None and jo.full_name == "Jo Bloggs"
    assert not home.partnership_members.exists()
    assert not get_user_model().objects.filter(username="jo").exists()


def test_a_member_given_a_sign_in_in_polish_sets_their_password_and_reads_in_polish(
    worker, jo, client_for, mailoutbox
):
    page = client_for(worker).post(
        f"/residents/{jo.pk}/sign-in/", {"username": "jo", "language": "pl"}
    )
    link = re.search(
        r'value="http://testserver(/accounts/set-password/[^"]+)"', page.content.decode()
    )[1]
    jo.refresh_from_db()
    assert jo.account.profile.language == "pl"
    newcomer = Client()
    form = newcomer.get(link, follow=True)
    assert '<html lang="pl"' in form.content.decode()
    newcomer.post(
        form.redirect_chain[-1][0], {"new_password1": PASSWORD, "new_password2": PASSWORD}
    )
    newcomer.login(username="jo", password=PASSWORD)
    assert '<html lang="pl"' in newcomer.get("/").content.decode()


def test_the_language_is_in_the_member_s_export_and_a_wrong_one_is_refused(
    worker, national, jo, client_for
):
    client = client_for(worker)
    refused = client.post(f"/residents/{jo.pk}/sign-in/", {"username": "jo", "language": "xx"})
    assert refused.status_code == 400
    jo.refresh_from_db()
    assert jo.account is None
    client.post(f"/residents/{jo.pk}/sign-in/", {"username": "jo", "language": "ur"})
    exported = client.get(f"/residents/{jo.pk}/export.json").json()
    assert exported["sign_in"]["language"] == "ur"


def test_a_member_given_a_sign_in_without_a_language_reads_in_english(worker, jo, client_for):
    _give(client_for(worker), jo)
    jo.refresh_from_db()
    assert jo.account.profile.language == ""

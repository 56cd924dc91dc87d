"""The staff directory, adding staff and changing them: who may do what, both ways, and the
one-time link with which a new person chooses their own password."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client

from n4c.platform.audit.models import AuditEvent
from n4c.platform.people.models import Profile, Role

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "a-fresh-password-for-aisha-93"


def _add(client, **fields):
    data = {
        "first_name": "Aisha",
        "last_name": "Khan",
        "username": "aisha",
        "email": "",
        "role": Role.ADVISER,
        "region": "",
    } | fields
    return client.post("/people/add/", data)


def test_the_national_team_adds_an_adviser_who_then_sets_their_own_password(
    national, region, client_for
):
    page = _add(client_for(national), region=region.pk, email="aisha@example.org")
    assert page.status_code == 200
    html = page.content.decode()
    assert "Aisha Khan is added" in html
    user = get_user_model().objects.get(username="aisha")
    assert not user.has_usable_password()  # nobody chose a password for her
    assert (user.profile.role, user.profile.region) == (Role.ADVISER, region)
    assert AuditEvent.objects.filter(model="people.profile", action="created").count() == 1
    link = re.search(r'value="(http://testserver/accounts/set-password/[^"]+)"', html)[1]
    assert link in mail.outbox[0].body and mail.outbox[0].to == ["aisha@example.org"]
    assert mail.outbox[0].from_email == "n4c@localhost"  # N4C_EMAIL_FROM

    newcomer = Client()
    form_page = newcomer.get(link.removeprefix("http://testserver"), follow=True)
    assert "Choose your password" in form_page.content.decode()
    done = newcomer.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
        follow=True,
    )
    assert "Your password is set" in done.content.decode()
    assert newcomer.login(username="aisha", password=NEW_PASSWORD)
    # Used once, the link is spent.
    again = Client().get(link.removeprefix("http://testserver"), follow=True).content.decode()
    assert "This link has been used already" in again


def test_a_hub_lead_adds_advisers_of_their_own_hub_only(
    region, other_region, make_person, client_for
):
    hub_lead = make_person(Role.HUB_LEAD, region)
    client = client_for(hub_lead)
    form = client.get("/people/add/").content.decode()
    assert "National team" not in form and other_region.name not in form
    refused = _add(client, username="elsewhere", region=other_region.pk)
    assert refused.status_code == 400
    assert f"You can only add people to your own hub ({region.name})." in refused.text
    assert not get_user_model().objects.filter(username="elsewhere").exists()
    refused = _add(client, username="boss", role=Role.NATIONAL_TEAM, region=region.pk)
    assert refused.status_code == 400
    assert "Select role from the list" in refused.content.decode()
    assert _add(client, region=region.pk).status_code == 200
    assert get_user_model().objects.get(username="aisha").profile.region == region


def test_advisers_read_the_directory_but_add_and_change_no_one(adviser, national, client_for):
    client = client_for(adviser)
    page = client.get("/people/").content.decode()
    assert national.get_full_name() in page
    assert "Add a person" not in page and f'href="/people/{national.pk}/"' not in page
    assert client.get("/people/add/").status_code == 403
    assert client.post(f"/people/{national.pk}/", {"role": Role.ADVISER}).status_code == 403


def test_partnership_members_do_not_see_the_staff(make_person, client_for):
    member = make_person(Role.PARTNERSHIP_MEMBER)
    assert client_for(member).get("/people/").status_code == 403


def test_each_field_is_checked_with_a_clear_message(national, region, make_person, client_for):
    make_person(Role.ADVISER, region, username="Taken")
    client = client_for(national)
    html = _add(client, username="taken", region=region.pk).content.decode()
    assert "The user name “taken” is taken; choose another." in html
    html = _add(client, username="no-hub").content.decode()
    assert "Choose the hub this person works in." in html
    html = _add(client, username="two words", region=region.pk).content.decode()
    assert "Use only letters, digits and . @ + - _ in a user name." in html
    assert not get_user_model().objects.filter(username__in=["no-hub", "two words"]).exists()


def test_a_new_link_can_be_made_for_someone_who_lost_theirs(
    national, region, make_person, client_for
):
    worker = make_person(Role.COMMUNITY_WORKER, region)
    page = client_for(national).post(f"/people/{worker.pk}/link/").content.decode()
    assert "A new link for" in page and "/accounts/set-password/" in page
    assert Profile.objects.get(user=worker).role == Role.COMMUNITY_WORKER


def test_no_one_changes_their_own_role_or_access(national, client_for):
    client = client_for(national)
    assert client.get(f"/people/{national.pk}/").status_code == 403
    page = client.get("/people/").content.decode()
    assert f'href="/people/{national.pk}/"' not in page


def test_the_directory_sorts_by_role_and_keeps_the_hub_filter(national, region, client_for):
    from django.urls import reverse

    response = client_for(national).get(
        reverse("people:list"), {"region": region.code, "sort": "role", "order": "desc"}
    )
    text = response.content.decode()
    assert f"region={region.code}&amp;sort=role&amp;order=asc" in text
    assert 'aria-sort="descending"' in text


def test_the_link_is_e_mailed_in_the_language_its_recipient_chose(national, region, client_for):
    """The page speaks the sender's language; the e-mail the recipient's, English until they
    choose one (the sender's language says nothing about theirs)."""
    client = client_for(national)
    client.post("/language/", {"language": "pl", "next": "/people/"})
    page = _add(client, region=region.pk, email="aisha@example.org").content.decode()
    assert "Dodano: Aisha Khan" in page
    assert mail.outbox[0].subject == "Your Network for Communities account"
    assert mail.outbox[0].body.startswith("Hello Aisha Khan,")
    user = get_user_model().objects.get(username="aisha")
    Profile.objects.filter(user=user).update(language="ur")
    client.post(f"/people/{user.pk}/link/")
    assert mail.outbox[1].subject == "Network for Communities میں آپ کا اکاؤنٹ"
    assert mail.outbox[1].body.startswith("السلام علیکم Aisha Khan،")
    assert "/accounts/set-password/" in mail.outbox[1].body

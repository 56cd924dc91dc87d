"""A person's language: chosen in the footer, remembered in a cookie and on their profile."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from n4c.platform.people.models import Profile, Role


@pytest.fixture
def member(make_person, home):
    person = make_person(Role.PARTNERSHIP_MEMBER)
    home.partnership_members.add(person)
    return person


def test_english_is_the_default_and_the_page_reads_left_to_right(db) -> None:
    page = Client().get("/accounts/login/").content.decode()
    assert '<html lang="en-GB" dir="ltr">' in page
    assert "<h1>Sign in</h1>" in page


def test_the_chosen_language_is_remembered_in_a_cookie_without_signing_in(db) -> None:
    client = Client()
    response = client.post("/language/", {"language": "pl", "next": "/accounts/login/"})
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/"
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "pl"
    page = client.get("/accounts/login/").content.decode()
    assert '<html lang="pl" dir="ltr">' in page
    assert "<h1>Zaloguj się</h1>" in page


def test_urdu_pages_read_right_to_left_in_urdu(db) -> None:
    client = Client()
    client.post("/language/", {"language": "ur", "next": "/accounts/login/"})
    page = client.get("/accounts/login/").content.decode()
    assert '<html lang="ur" dir="rtl">' in page
    assert "<h1>سائن ان کریں</h1>" in page


def test_a_language_the_platform_does_not_have_changes_nothing(db) -> None:
    client = Client()
    response = client.post("/language/", {"language": "xx", "next": "/accounts/login/"})
    assert settings.LANGUAGE_COOKIE_NAME not in response.cookies
    assert "<h1>Sign in</h1>" in client.get("/accounts/login/").content.decode()


def test_a_member_s_choice_is_kept_on_their_profile_and_comes_back_when_they_sign_in(
    member, client_for, password, home
) -> None:
    client_for(member).post("/language/", {"language": "ur", "next": "/"})
    assert Profile.objects.get(user=member).language == "ur"

    elsewhere = Client()  # another device: no cookie yet
    response = elsewhere.post(
        "/accounts/login/", {"username": member.username, "password": password}
    )
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "ur"
    page = elsewhere.get(home.get_absolute_url()).content.decode()
    assert 'dir="rtl"' in page
    assert "ابتدائی ضرورت" in page  # "Baseline need"


def test_a_member_may_choose_their_language_and_sees_their_plan_in_polish(
    member, client_for, home
) -> None:
    client = client_for(member)
    response = client.post("/language/", {"language": "pl", "next": f"/plans/{home.pk}/"})
    assert response.status_code == 302
    page = client.get(f"/plans/{home.pk}/").content.decode()
    assert f"Plan dla: {home.name}" in page
    assert "Wróć do: " in page


def test_the_chooser_is_a_form_that_works_without_javascript(db) -> None:
    page = Client().get("/accounts/login/").content.decode()
    assert '<form class="language-chooser" method="post" action="/language/">' in page
    assert 'name="csrfmiddlewaretoken"' in page
    assert '<option value="ur" lang="ur">اردو</option>' in page


def test_a_member_s_area_page_in_polish_names_the_stage_and_links_in_polish(
    member, client_for, home
) -> None:
    client = client_for(member)
    # In English first: the cached parts of the page are kept apart for each language.
    assert "0 days logged this month." in client.get(home.get_absolute_url()).content.decode()
    client.post("/language/", {"language": "pl", "next": "/"})
    page = client.get(home.get_absolute_url()).content.decode()
    assert '<span class="tag">Aktywny</span> w regionie North West' in page
    assert "Plan obszaru i lista kontrolna roku zerowego" in page
    assert "W tym miesiącu zapisano: 0 dni." in page


def test_a_member_s_home_page_and_nomination_form_read_in_their_language(
    member, client_for, home
) -> None:
    client = client_for(member)
    client.post("/language/", {"language": "ur", "next": "/"})
    page = client.get("/").content.decode()
    assert '<html lang="ur" dir="rtl">' in page
    assert "<h1>آپ کا علاقہ</h1>" in page
    nominate = client.get(reverse("right_to_bid:nominate", args=[home.pk])).content.decode()
    assert "عمارت یا زمین کا نام" in nominate  # "Name of the building or land"
    assert "Name of the building or land" not in nominate
    client.post("/language/", {"language": "pl", "next": "/"})
    assert "<h1>Twoja okolica</h1>" in client.get("/").content.decode()

"""Sign-in: passwords per Django's defaults, throttled after repeated failures."""

from __future__ import annotations

from unittest import mock

import pytest
from django.core.cache import cache
from django.test import Client, override_settings

from n4c.platform.people.models import Role

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


def _sign_in(client, username, password):
    return client.post("/accounts/login/", data={"username": username, "password": password})


def test_a_correct_password_signs_in(make_person, password):
    make_person(Role.ADVISER, username="aisha")
    response = _sign_in(Client(), "aisha", password)
    assert response.status_code == 302


@override_settings(LOGIN_MAX_FAILURES=3)
def test_after_too_many_failures_even_the_right_password_is_refused(make_person, password):
    make_person(Role.ADVISER, username="aisha")
    client = Client()
    for _ in range(3):
        page = _sign_in(client, "aisha", "wrong")
        assert "Enter a correct user name and password." in page.text
    page = _sign_in(client, "aisha", password)
    assert page.status_code == 200
    assert "Too many failed sign-in attempts. Wait 15 minutes and try again" in page.text
    # Another user name from the same address is not locked out.
    make_person(Role.ADVISER, username="ben")
    assert _sign_in(client, "ben", password).status_code == 302


@override_settings(LOGIN_MAX_FAILURES=3)
def test_a_success_before_the_limit_clears_the_count(make_person, password):
    make_person(Role.ADVISER, username="aisha")
    client = Client()
    for _ in range(2):
        _sign_in(client, "aisha", "wrong")
    assert _sign_in(client, "aisha", password).status_code == 302
    client = Client()
    for _ in range(2):
        _sign_in(client, "aisha", "wrong")
    assert _sign_in(client, "aisha", password).status_code == 302


def test_sign_in_needs_the_csrf_token(make_person, password):
    make_person(Role.ADVISER, username="aisha")
    client = Client(enforce_csrf_checks=True)
    assert _sign_in(client, "aisha", password).status_code == 403


def test_passwords_follow_django_s_default_validators():
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as refused:
        validate_password("12345678")
    assert "This password is too common." in refused.value.messages


def _admin_sign_in(client, username, password):
    return client.post(
        "/admin/login/?next=/admin/",
        data={"username": username, "password": password, "next": "/admin/"},
    )


@pytest.fixture
def staff_member(make_person):
    user = make_person(Role.NATIONAL_TEAM, username="admin-aisha")
    user.is_staff = True
    user.save()
    return user


@override_settings(LOGIN_MAX_FAILURES=3)
def test_the_admin_sign_in_is_paused_after_too_many_failures_too(staff_member, password):
    client = Client()
    for _ in range(30):
        _admin_sign_in(client, "admin-aisha", "wrong")
    page = _admin_sign_in(client, "admin-aisha", password)
    assert page.status_code == 200
    assert "Too many failed sign-in attempts." in page.text
    assert "_auth_user_id" not in client.session


@override_settings(LOGIN_MAX_FAILURES=3)
def test_failures_on_the_sign_in_page_pause_the_admin_sign_in_and_any_other(staff_member, password):
    from django.contrib.auth import authenticate

    client = Client()
    for _ in range(3):
        _sign_in(client, "admin-aisha", "wrong")
    assert _admin_sign_in(client, "admin-aisha", password).status_code == 200
    assert "_auth_user_id" not in client.session
    # A caller of authenticate() from the same address is refused too.
    request = mock.Mock(META={"REMOTE_ADDR": "127.0.0.1"})
    assert authenticate(request, username="admin-aisha", password=password) is None
    cache.clear()
    assert _admin_sign_in(client, "admin-aisha", password).status_code == 302

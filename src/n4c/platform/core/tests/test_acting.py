"""The audit log records the person acting, and no one for the platform or a visitor."""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser, User

from n4c.platform.core.acting import PLATFORM, acting_user, is_platform


def test_the_platform_and_a_visitor_are_recorded_as_no_one() -> None:
    assert is_platform(PLATFORM)
    assert acting_user(PLATFORM) is None
    assert acting_user(AnonymousUser()) is None


def test_a_signed_in_person_is_recorded_as_themselves() -> None:
    person = User(username="aisha")
    assert not is_platform(person)
    assert acting_user(person) is person

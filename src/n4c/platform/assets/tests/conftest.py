"""Fixtures: two areas in two regions, and people with each kind of access."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth import get_user_model

from n4c.platform.areas.models import Area
from n4c.platform.caseloads.models import Assignment
from n4c.platform.people.models import Profile, Role
from n4c.platform.regions.models import Region


def _area(name: str, region: Region) -> Area:
    return Area.objects.create(
        name=name,
        region=region,
        ward17_codes=["E05000001"],
        population=8000,
        imd_score=45.0,
        imd_rank=100,
        imd_decile=1,
        cni_rank=50,
        left_behind=True,
    )


def _person(username: str, role: str, region: Region | None = None, email: str = ""):
    user = get_user_model().objects.create_user(username, email=email, password="not-used-1")
    Profile.objects.create(user=user, role=role, region=region)
    return user


@pytest.fixture
def regions(db):
    return (
        Region.objects.create(code="E12000002", name="North West"),
        Region.objects.create(code="E12000001", name="North East"),
    )


@pytest.fixture
def area(regions):
    return _area("Harpurhey", regions[0])


@pytest.fixture
def other_area(regions):
    return _area("Town End", regions[1])


@pytest.fixture
def national(db):
    return _person("nat", Role.NATIONAL_TEAM)


@pytest.fixture
def specialist(db):
    return _person("spec", Role.SPECIALIST)


@pytest.fixture
def adviser(area, regions):
    user = _person("adv", Role.ADVISER, regions[0], email="adviser@example.org")
    Assignment.objects.create(
        area=area, person=user, role="adviser", started_on=dt.date(2026, 1, 1)
    )
    return user


@pytest.fixture
def resident_elsewhere(other_area):
    user = _person("res", Role.PARTNERSHIP_MEMBER)
    other_area.partnership_members.add(user)
    return user


@pytest.fixture
def client_for(client):
    def sign_in(user):
        client.force_login(user)
        return client

    return sign_in

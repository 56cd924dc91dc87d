"""Fixtures for the platform's tests: regions, people in each role and areas, made directly.

Areas here carry hand-set baseline figures so that permission and caseload tests need no data
files; the tests of the baseline itself read the real published data.
"""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from n4c.platform.areas.models import Area, Stage
from n4c.platform.caseloads.models import Assignment
from n4c.platform.people.models import Profile, Role
from n4c.platform.regions.models import LocalAuthority, Region

PASSWORD = "a-long-test-password-41"
_counter = itertools.count(1)


@pytest.fixture
def region(db) -> Region:
    region = Region.objects.create(code="E12000002", name="North West")
    LocalAuthority.objects.create(code="E06000009", name="Blackpool", region=region)
    return region


@pytest.fixture
def other_region(db) -> Region:
    return Region.objects.create(code="E12000001", name="North East")


@pytest.fixture
def password() -> str:
    """The password every person made by ``make_person`` signs in with."""
    return PASSWORD


@pytest.fixture
def make_person(db):
    def make(role: str, region: Region | None = None, *, username: str | None = None):
        n = next(_counter)
        user = get_user_model().objects.create_user(
            username=username or f"{role}-{n}",
            password=PASSWORD,
            first_name=role.replace("_", " ").title(),
            last_name=f"Person {n}",
        )
        Profile.objects.create(user=user, role=role, region=region)
        return user

    return make


@pytest.fixture
def make_area(db):
    def make(region: Region, name: str | None = None, stage: str = Stage.ACTIVE) -> Area:
        n = next(_counter)
        return Area.objects.create(
            name=name or f"Area {n}",
            region=region,
            ward17_codes=[f"E05{n:06d}"],
            stage=stage,
            population=6000,
            imd_score=55.0,
            imd_rank=10,
            imd_decile=1,
            cni_rank=20,
            left_behind=True,
        )

    return make


@pytest.fixture
def client_for():
    def make(user) -> Client:
        client = Client()
        client.force_login(user)
        return client

    return make


@pytest.fixture
def national(make_person):
    return make_person(Role.NATIONAL_TEAM)


@pytest.fixture
def home(region, make_area) -> Area:
    return make_area(region, "Home ward")


@pytest.fixture
def far(other_region, make_area) -> Area:
    return make_area(other_region, "Far ward")


def _assigned(role: str, region: Region, make_person, area: Area):
    person = make_person(role, region)
    Assignment.objects.create(area=area, person=person, role=role, started_on=dt.date(2026, 1, 1))
    return person


@pytest.fixture
def adviser(region, make_person, home):
    """The adviser of `home`; modules that need an unassigned adviser define their own."""
    return _assigned(Role.ADVISER, region, make_person, home)


@pytest.fixture
def worker(region, make_person, home):
    """The community worker of `home`."""
    return _assigned(Role.COMMUNITY_WORKER, region, make_person, home)


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache: rolled-back tests reuse area numbers, and cached
    fragments keyed by an area's number must not outlive the test that drew them."""
    from django.core.cache import cache

    cache.clear()

"""A supported site for ``home`` with an open baseline wave, and members of ``home`` and ``far``."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from n4c.platform.people.models import Role
from n4c.platform.residents.models import Resident
from n4c.platform.surveys import services
from n4c.platform.surveys.models import Wave


@pytest.fixture
def make_member(make_person):
    def make(area, name: str = "Jo Bloggs") -> Resident:
        account = make_person(Role.PARTNERSHIP_MEMBER)
        area.partnership_members.add(account)
        return Resident.objects.create(
            area=area, full_name=name, joined_on=dt.date(2026, 1, 5), account=account
        )

    return make


@pytest.fixture
def member(home, make_member) -> Resident:
    return make_member(home)


@pytest.fixture
def make_wave(national):
    def make(area, kind: str = "baseline", *, days_open: int = 30) -> Wave:
        today = timezone.localdate()
        return services.add_wave(
            national,
            services.supported_site(area),
            kind=kind,
            opens_on=today - dt.timedelta(days=1),
            closes_on=today + dt.timedelta(days=days_open),
        )

    return make


@pytest.fixture
def wave(home, make_wave) -> Wave:
    return make_wave(home)

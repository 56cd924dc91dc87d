"""The demo panel: deciding, with the demo resident on it, made once."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from n4c.platform.grants import demo
from n4c.platform.grants.models import Panel, Phase
from n4c.platform.people.models import Role

pytestmark = pytest.mark.django_db


def test_the_demo_panel_is_deciding_with_the_demo_resident_on_it(home, national, make_person):
    resident = make_person(Role.PARTNERSHIP_MEMBER, username="resident")
    home.partnership_members.add(resident)
    assert demo.seed([home], national, dt.date.today()) == "1 grant panel"
    assert demo.seed([home], national, dt.date.today()) == "1 grant panel"
    panel = Panel.objects.get()
    assert panel.phase_on(timezone.localdate()) == Phase.DECIDING
    assert panel.applications.count() == 3
    assert list(panel.members.all()) == [resident]
    assert [d.conflicted for d in panel.memberships.get().declarations.all()] == [False, True]

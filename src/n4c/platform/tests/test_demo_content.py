"""The demo content of my apps: made once, and running the seed again adds nothing."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db.models import Model

from n4c.platform.areas.models import Stage
from n4c.platform.events.demo import seed as events_seed
from n4c.platform.events.models import Attendance, Event, PeerLink
from n4c.platform.plans.demo import seed as plans_seed
from n4c.platform.plans.models import Action, AreaPlan, YearZeroCheck
from n4c.platform.referrals.demo import seed as referrals_seed
from n4c.platform.referrals.models import Partner, Referral
from n4c.platform.residents.demo import seed as residents_seed
from n4c.platform.residents.models import Consent, Resident
from n4c.platform.resources.demo import seed as resources_seed

pytestmark = pytest.mark.django_db
TODAY = dt.date(2026, 11, 1)


def _counts() -> dict[str, int]:
    models: list[type[Model]] = [
        AreaPlan,
        Action,
        YearZeroCheck,
        Partner,
        Referral,
        Event,
        Attendance,
        PeerLink,
        Resident,
        Consent,
    ]
    return {m.__name__: m._default_manager.count() for m in models}


def _seed_all(areas, actor) -> list[str]:
    return [
        seed(areas, actor, TODAY)
        for seed in (plans_seed, referrals_seed, events_seed, resources_seed, residents_seed)
    ]


def test_the_demo_content_is_made_once(region, other_region, make_area, national) -> None:
    areas = [make_area(region) for _ in range(8)] + [make_area(other_region) for _ in range(4)]
    areas += [make_area(region, stage=Stage.YEAR_ZERO), make_area(region, stage=Stage.PROSPECT)]
    phrases = _seed_all(areas, national)
    assert phrases[0] == "13 area plans"
    assert phrases[4] == "15 partnership members on record"
    first = _counts()
    # Active and Year Zero areas have plans; the prospect has none.
    assert first["AreaPlan"] == 13
    assert first["Partner"] == 5
    assert first["Event"] == 3  # one national gathering and one day per region
    assert first["Resident"] == 15 and first["Consent"] == 15
    assert first["PeerLink"] >= 1
    _seed_all(areas, national)
    assert _counts() == first

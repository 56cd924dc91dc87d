"""The community-rights demo as the platform runs it: registers, then cases and a plan on them,
with upcoming dates, each part made only once."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from django.contrib.auth import get_user_model

from n4c.platform.assets import demo as assets_demo
from n4c.platform.assets.models import Asset
from n4c.platform.assets.tests.test_demo import WARD, demo_area
from n4c.platform.deadlines.services import upcoming_deadlines
from n4c.platform.neighbourhood_planning import demo as planning_demo
from n4c.platform.neighbourhood_planning.models import NeighbourhoodPlan, PlanStage
from n4c.platform.people.models import Profile, Role
from n4c.platform.right_to_bid import demo as right_to_bid_demo
from n4c.platform.right_to_bid.models import AssetCase, CaseEvent, Nomination

pytestmark = pytest.mark.django_db
TODAY = dt.date(2026, 11, 1)
# In the order the platform's demo runs them (PLATFORM_APPS).
SEEDS = (assets_demo.seed, right_to_bid_demo.seed, planning_demo.seed)


@pytest.fixture(autouse=True)
def _private_data_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("N4C_DATA_DIR", str(tmp_path_factory.mktemp("home")))
        yield


def test_the_demo_gives_the_register_two_cases_and_a_plan_once(regions, national):
    moss_side = demo_area("Moss Side, Manchester", WARD, regions[0])
    nowhere = demo_area("Nowhere, Nowhere", "E05999999", regions[1])
    member = get_user_model().objects.create_user("member", password="not-used-1")
    Profile.objects.create(user=member, role=Role.PARTNERSHIP_MEMBER)
    moss_side.partnership_members.add(member)
    phrases = [seed([nowhere, moss_side], national, TODAY) for seed in SEEDS]
    assert phrases == [
        "4 community assets",
        "2 open rights cases, 1 nomination to check",
        "1 neighbourhood plan",
    ]
    # The partnership member's draft waits in staff's queue.
    assert Nomination.objects.get().started_by == member
    # The plan goes to the first area with a register, not to the first area.
    assert NeighbourhoodPlan.objects.get().area == moss_side
    assert NeighbourhoodPlan.objects.get().title == "Moss neighbourhood plan"
    models = (Asset, AssetCase, CaseEvent, NeighbourhoodPlan, PlanStage, Nomination)
    counts = [m.objects.count() for m in models]
    assert [seed([nowhere, moss_side], national, TODAY) for seed in SEEDS] == phrases
    assert [m.objects.count() for m in models] == counts


def test_the_demo_cases_put_deadlines_in_the_coming_months(regions, national):
    area = demo_area("Moss Side, Manchester", WARD, regions[0])
    for seed in SEEDS:
        seed([area], national, TODAY)
    cases = [
        *AssetCase.objects.filter(asset__area=area),
        *NeighbourhoodPlan.objects.filter(area=area),
    ]
    upcoming = upcoming_deadlines(cases, start=TODAY, days=180)
    rules = {item.deadline.rule_id for item in upcoming}
    # The pub's full moratorium (6 months from the notice, 30 days ago) and the hall's
    # listing decision (8 weeks from its nomination, 10 days ago) both fall in the window, and
    # so does the close of the plan's pre-submission consultation (6 weeks from 14 days ago).
    assert {
        "acv.full-moratorium",
        "acv.listing-decision",
        "np.pre-submission-representations",
    } <= rules
    assert all(item.deadline.date >= TODAY for item in upcoming)

"""Each role's home shows its own work and nothing it may not see; the chart figures."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import pytest

from n4c.platform.caseloads.models import Assignment
from n4c.platform.caseloads.services import caseload_by_month
from n4c.platform.events.models import Event
from n4c.platform.home.charts import bar_chart
from n4c.platform.people.models import Role
from n4c.platform.plans.models import Action, AreaPlan
from n4c.platform.referrals.models import Partner, Referral
from n4c.platform.referrals.services import referrals_by_outcome
from n4c.platform.support_log.models import SupportEntry

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(region, other_region, make_area, make_person, home, far, adviser):
    """`home` (the adviser's), a neighbour in the same region held by another adviser, and
    `far` in another region."""
    neighbour = make_area(region, "Neighbour ward")
    rival = make_person(Role.ADVISER, region)
    Assignment.objects.create(
        area=neighbour, person=rival, role=Role.ADVISER, started_on=dt.date(2026, 1, 1)
    )
    plan = AreaPlan.objects.create(area=home)
    Action.objects.create(
        plan=plan, description="Book the hall", owner="Jo", due_on=dt.date.today()
    )
    AreaPlan.objects.create(area=neighbour).actions.create(
        description="Print the leaflets", owner="Sam", due_on=dt.date.today()
    )
    partner = Partner.objects.create(name="Plan Aid", specialism="planning")
    Referral.objects.create(
        area=home, partner=partner, need="A lease", referred_on=dt.date(2026, 3, 1)
    )
    return neighbour, rival


def test_an_adviser_s_home_shows_their_areas_and_due_work_only(world, adviser, home, client_for):
    page = client_for(adviser).get("/").text
    assert "Home ward" in page and "Book the hall" in page and "Plan Aid" in page
    assert "Neighbour ward" not in page and "Print the leaflets" not in page
    assert "Far ward" not in page
    assert "My support days by month" in page and "<svg" in page
    assert "Own hub day" in page and "Far hub day" not in page


@pytest.fixture(autouse=True)
def hub_days(region, other_region):
    soon = dt.date.today() + dt.timedelta(days=7)
    for title, where in (("Own hub day", region), ("Far hub day", other_region)):
        Event.objects.create(title=title, scope=Event.Scope.REGIONAL, region=where, starts_on=soon)


def test_a_hub_lead_s_home_shows_their_region_not_another(world, region, make_person, client_for):
    _, rival = world
    lead = make_person(Role.HUB_LEAD, region)
    page = client_for(lead).get("/").text
    assert "Home ward" in page and "Neighbour ward" in page and "Far ward" not in page
    # Both advisers hold an area each, and both are short this month (nothing logged).
    assert rival.get_full_name() in page
    assert "Areas with no support logged this month" in page


def test_the_national_team_sees_the_programme(world, national, client_for):
    page = client_for(national).get("/").text
    assert "Rollout against plan" in page and "Areas by stage" in page
    assert "Referrals by outcome" in page


def test_a_member_s_home_links_their_area_only(home, far, make_person, client_for):
    member = make_person(Role.PARTNERSHIP_MEMBER)
    home.partnership_members.add(member)
    page = client_for(member).get("/").text
    assert f"/areas/{home.pk}/" in page and "Far ward" not in page
    assert "Rollout" not in page.split("<main")[1]
    # Every link on it opens for them (the middleware turns members away from the rest).
    client = client_for(member)
    links = set(re.findall(r'href="(/[^"#?]*)', page.split("<main")[1]))
    assert f"/partnership/area/{home.pk}/" in links
    assert {link: client.get(link).status_code for link in links} == dict.fromkeys(links, 200)


def test_signed_out_visitors_are_asked_to_sign_in(client):
    assert client.get("/").status_code == 302


def test_caseload_by_month_counts_areas_held_at_each_month_end(adviser, home, far, region):
    """Held from 1 January (home) and from 15 February to 10 March (far): 1, 2, 1."""
    Assignment.objects.create(
        area=far,
        person=adviser,
        role=Role.ADVISER,
        started_on=dt.date(2026, 2, 15),
        ended_on=dt.date(2026, 3, 10),
    )
    counts = caseload_by_month(
        dt.date(2026, 1, 1),
        dt.date(2026, 3, 1),
        assignments=Assignment.objects.filter(person=adviser),
        today=dt.date(2026, 6, 1),
    )
    assert [n for _, n in counts] == [1, 2, 1]
    # The month under way counts today: on 1 March both are still held.
    assert caseload_by_month(
        dt.date(2026, 3, 1), dt.date(2026, 3, 1), today=dt.date(2026, 3, 1)
    ) == [(dt.date(2026, 3, 1), 2)]


def test_referrals_by_outcome_counts_each_status_in_order(home):
    partner = Partner.objects.create(name="Legal Aid", specialism="legal")
    for status in ("requested", "requested", "completed"):
        Referral.objects.create(
            area=home, partner=partner, need="x", status=status, referred_on=dt.date(2026, 1, 1)
        )
    counts = dict(referrals_by_outcome(Referral.objects.all()))
    assert counts == {
        "Requested": 2,
        "Accepted": 0,
        "In progress": 0,
        "Completed": 1,
        "Declined": 0,
        "Withdrawn": 0,
    }


def test_a_bar_chart_scales_bars_to_the_largest_value():
    chart = bar_chart(
        "Days", ("Committed", "Delivered"), [("Jan", (4, 2)), ("Feb", (Decimal(3), 0))], unit="days"
    )
    assert [bar.widths for bar in chart.bars] == [(100.0, 50.0), (75.0, 0.0)]
    assert chart.bars[0].rects[1] == (10, 50.0, "#505a5f")
    assert bar_chart("None", ("A",), [("Jan", (0,))], unit="x").is_empty


def test_the_home_shows_support_logged_this_month(adviser, home, client_for):
    SupportEntry.objects.create(
        area=home, person=adviser, role="adviser", date=dt.date.today(), kind="visit", days=1
    )
    page = client_for(adviser).get("/").text
    row = page.split("Home ward</a></th>")[1].split("</tr>")[0]
    assert '<td class="number">1</td>' in row

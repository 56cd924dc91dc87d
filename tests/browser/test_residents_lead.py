"""Residents leading in a real browser: a member votes in their area's budget on a phone, by
touch and by keyboard, and a grant panel declares, scores, votes and decides; each page passes
axe."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth import get_user_model

from n4c.platform.areas.models import Area, Stage
from n4c.platform.budgets import services as budgets
from n4c.platform.budgets.models import Ballot, BudgetVote
from n4c.platform.grants import services as grants
from n4c.platform.grants.models import Application, Phase
from n4c.platform.grants.tests.conftest import application_fields, move_to
from n4c.platform.people.models import Profile, Role
from n4c.platform.regions.models import Region
from n4c.platform.residents.models import Resident
from tests.browser.conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE_WIDTH = 390


def _person(username: str, role: str, region: Region | None = None):
    user = get_user_model().objects.create_user(
        username, password=PASSWORD, first_name=username.title(), last_name="Person"
    )
    Profile.objects.create(user=user, role=role, region=region)
    return user


def _member(area: Area, username: str, full_name: str):
    """A partnership member of ``area`` with a sign-in and a member record."""
    user = _person(username, Role.PARTNERSHIP_MEMBER)
    area.partnership_members.add(user)
    Resident.objects.create(
        area=area, full_name=full_name, joined_on=dt.date(2026, 1, 5), account=user
    )
    return user


@pytest.fixture
def home() -> Area:
    region = Region.objects.create(code="E12000002", name="North West")
    return Area.objects.create(
        name="Home ward",
        region=region,
        ward17_codes=["E05000001"],
        stage=Stage.ACTIVE,
        population=6000,
        imd_score=55.0,
        imd_rank=10,
        imd_decile=1,
        cni_rank=20,
        left_behind=True,
    )


@pytest.fixture
def national():
    return _person("nia", Role.NATIONAL_TEAM)


@pytest.fixture
def vote(home, national) -> BudgetVote:
    """An approval vote, open for ballots, in which each member ticks up to two proposals."""
    vote = budgets.open_vote(
        national, home, title="Spend £1,000 on the estate", budget_gbp=1000, max_approvals=2
    )
    for title, cost in [("Benches", 600), ("Bulbs", 500), ("Bins", 300)]:
        budgets.add_proposal(national, vote, title=title, cost_gbp=cost)
    return budgets.advance_phase(national, vote, BudgetVote.Phase.VOTING)


def _axe_violations(page) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    return [v["id"] for v in Axe().run(page).response["violations"]]


def _tab_to(page, describe: str, matches) -> None:
    """Press Tab until the focused element is the one ``matches`` accepts (a JS predicate)."""
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate(f"(el => ({matches})(el))(document.activeElement)"):
            return
    raise AssertionError(f"Tab never reached {describe}")


def _label_is(text: str) -> str:
    return (
        f"el => el.labels && el.labels.length > 0 && el.labels[0].textContent.trim() === {text!r}"
    )


def test_a_member_votes_on_a_phone_by_keyboard_once_and_the_page_passes_axe(
    live_server, new_page, sign_in, vote, home
):
    member = _member(home, "jo", "Jo Bloggs")
    page = new_page(PHONE_WIDTH)
    sign_in(page, "jo")
    url = f"{live_server.url}/budgets/{vote.pk}/vote/"
    page.goto(url)
    page.get_by_role("heading", name="Spend £1,000 on the estate").wait_for()
    stale = new_page(PHONE_WIDTH)
    stale.context.add_cookies(page.context.cookies())
    stale.goto(url)

    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE_WIDTH, f"the ballot scrolls sideways: {width} px wide"
    assert _axe_violations(page) == []

    # Too many ticks: the form says so and nothing is recorded.
    for title in ("Benches (£600)", "Bulbs (£500)", "Bins (£300)"):
        page.get_by_label(title).check()
    page.get_by_role("button", name="Send my vote").click()
    page.get_by_text("Choose at most 2 proposals; this ballot chooses 3.").wait_for()
    assert not Ballot.objects.filter(vote=vote).exists()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE_WIDTH
    assert _axe_violations(page) == []

    # By keyboard alone: tick Benches, pass over Bulbs, tick Bins, then send.
    page.goto(url)
    _tab_to(page, "the Benches tick box", _label_is("Benches (£600)"))
    page.keyboard.press("Space")
    _tab_to(page, "the Bins tick box", _label_is("Bins (£300)"))
    page.keyboard.press("Space")
    assert page.get_by_label("Benches (£600)").is_checked()
    assert not page.get_by_label("Bulbs (£500)").is_checked()
    assert page.get_by_label("Bins (£300)").is_checked()
    _tab_to(page, "the Send my vote button", "el => el.textContent.trim() === 'Send my vote'")
    page.keyboard.press("Enter")
    page.get_by_text("Thank you: your vote has been recorded.").wait_for()
    ballot = Ballot.objects.get(vote=vote, resident__account=member)
    ids = {p.title: str(p.pk) for p in vote.proposals.all()}
    assert ballot.points == {ids["Benches"]: 1, ids["Bins"]: 1}
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE_WIDTH
    assert _axe_violations(page) == []

    # A second ballot from a page opened before the first was sent is refused.
    stale.get_by_label("Bulbs (£500)").check()
    stale.get_by_role("button", name="Send my vote").click()
    refusal = stale.get_by_role("alert")
    refusal.wait_for()
    assert "Jo Bloggs has already voted in this vote online. Each resident votes once." in (
        refusal.inner_text()
    )
    assert stale.get_by_text("You have voted. Thank you.").is_visible()
    assert stale.evaluate("document.documentElement.scrollWidth") <= PHONE_WIDTH
    assert _axe_violations(stale) == []
    ballot.refresh_from_db()
    assert ballot.points == {ids["Benches"]: 1, ids["Bins"]: 1}
    assert Ballot.objects.filter(vote=vote).count() == 1


def test_a_grant_panel_declares_scores_votes_and_decides_and_its_pages_pass_axe(
    live_server, new_page, sign_in, home
):
    region = home.region
    runner = _person("ada", Role.ADVISER, region)
    from n4c.platform.caseloads.models import Assignment

    Assignment.objects.create(
        area=home, person=runner, role=Role.ADVISER, started_on=dt.date(2026, 1, 1)
    )
    panel = grants.create_panel(
        runner,
        home,
        name="Home ward small grants 2027",
        capital_budget_gbp=5000,
        revenue_budget_gbp=3000,
        min_grant_gbp=250,
        max_grant_gbp=2500,
        what_may_be_funded="Equipment for groups",
        criteria="Benefit to the area\nValue for money",
        opens_on=dt.date(2027, 1, 1),
        assessment_from=dt.date(2027, 2, 1),
        decision_from=dt.date(2027, 3, 1),
        announce_on=dt.date(2027, 3, 15),
    )
    move_to(panel, Phase.OPEN)
    applicant = _member(home, "alex", "Alex Applicant")
    conflicted = _member(home, "pat", "Pat Panellist")
    scorer = _member(home, "sam", "Sam Scorer")
    for person in (conflicted, scorer):
        grants.add_panel_member(runner, panel, person)
    application = grants.submit_application(
        applicant, panel, consent_given=True, **application_fields()
    )
    move_to(panel, Phase.ASSESSING)
    url = f"{live_server.url}{application.get_absolute_url()}"
    found: dict[str, list[str]] = {}

    pat = new_page()
    sign_in(pat, "pat")
    pat.goto(url)
    pat.get_by_label("I have a conflict of interest").check()
    pat.get_by_label("What the conflict is").fill("I run this club.")
    pat.get_by_role("button", name="Record your declaration").click()
    pat.get_by_text("I run this club. (cannot score, vote or decide)").wait_for()
    assert pat.get_by_role("heading", name="Your scores").count() == 0
    assert pat.get_by_role("button", name="Record your scores").count() == 0
    found["conflicted member"] = _axe_violations(pat)

    sam = new_page()
    sign_in(sam, "sam")
    sam.goto(url)
    sam.get_by_label("I have no conflict of interest").check()
    sam.get_by_role("button", name="Record your declaration").click()
    sam.get_by_role("heading", name="Your scores").wait_for()
    sam.get_by_label("Benefit to the area").select_option("4")
    sam.get_by_label("Value for money").select_option("3")
    found["scoring member"] = _axe_violations(sam)
    sam.get_by_role("button", name="Record your scores").click()
    sam.get_by_role("heading", name="Average scores").wait_for()
    assert grants.score_summary(application) == {"Benefit to the area": 4.0, "Value for money": 3.0}

    move_to(panel, Phase.DECIDING)
    sam.goto(url)
    vote_form = sam.locator("form", has=sam.get_by_role("button", name="Record your vote"))
    vote_form.get_by_label("Award in full").check()
    vote_form.get_by_role("button", name="Record your vote").click()
    sam.get_by_role("heading", name="Votes", exact=True).wait_for()
    assert grants.vote_tally(application) == {"Award in full": 1}
    found["voting member"] = _axe_violations(sam)

    ada = new_page()
    sign_in(ada, "ada")
    ada.goto(url)
    ada.get_by_label("Award in full").check()
    ada.get_by_label("Reasons").fill("Strong benefit to young people, and good value.")
    found["staff deciding"] = _axe_violations(ada)
    ada.get_by_role("button", name="Record the decision").click()
    ada.get_by_role("heading", name="Decision", exact=True).wait_for()
    assert ada.get_by_text("Strong benefit to young people, and good value.").is_visible()
    assert ada.locator("dt:text-is('Decision') + dd").inner_text() == "Awarded in full: £2,000"
    application.refresh_from_db()
    assert application.status == Application.Status.AWARDED
    assert application.decision_reasons == "Strong benefit to young people, and good value."
    found["decided application"] = _axe_violations(ada)
    ada.goto(f"{live_server.url}{panel.get_absolute_url()}")
    found["panel page"] = _axe_violations(ada)

    assert {where: bad for where, bad in found.items() if bad} == {}

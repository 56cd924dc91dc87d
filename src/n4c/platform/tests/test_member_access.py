"""A partnership member signed in reads their area's page, its plan, its support log, its
community covenant, its local measures, its grant panels, its budget votes (the ballot, and the
results once published), the events for their area and the resources, and works in their
partnership's workspace; every other address in the project answers them 403, 404 or a redirect
(what they may send is tested in ``measures/tests``, ``grants/tests``, ``budgets/tests`` and
``partnership/tests``).

The test walks every URL pattern, so a new page is closed to members until it is added to
``MEMBER_MAY_READ`` (and the README says so).
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.contrib.auth.tokens import default_token_generator
from django.urls import URLPattern, URLResolver, get_resolver, resolve, reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from n4c.platform.assets.models import Asset
from n4c.platform.budgets.models import Ballot, BudgetVote
from n4c.platform.covenants.models import Commitment, Signatory
from n4c.platform.deadlines.models import CalendarFeed
from n4c.platform.events.models import Attendance, Event
from n4c.platform.grants.models import Application, Panel, PanelMember
from n4c.platform.measures.models import LocalMeasure, MeasureValue
from n4c.platform.measures.tests.images import png_bytes
from n4c.platform.neighbourhood_planning.models import NeighbourhoodPlan, PlanStage
from n4c.platform.partnership import services as partnership
from n4c.platform.partnership.models import StaffAttachment, StaffRole
from n4c.platform.people.models import Role
from n4c.platform.plans.models import Action, AreaPlan, Milestone, YearZeroCheck
from n4c.platform.referrals.models import Partner, Referral
from n4c.platform.residents.models import Consent, Resident
from n4c.platform.resources.models import Resource
from n4c.platform.right_to_bid.models import AssetCase, Nomination
from n4c.platform.surveys.models import Site, Wave

pytestmark = pytest.mark.django_db

#: The addresses that answer a member 200: the area list (their own areas only), the area page,
#: its neighbourhood profile (and its map), its plan and its support log, the events and resources, in pages and in the API; what a
#: member (not the chair) opens in the workspace; its grant panels, one panel, the application
#: form and their own application; the area's budget votes, each ballot and its published
#: results; the budget votes and grant panels in the API; and choosing their own password.
MEMBER_MAY_READ = frozenset(
    {
        # Their home: links to their own area's pages.
        "home",
        "set_password",
        "set_password_done",
        "areas:list",
        "areas:detail",
        "areas:profile",
        "areas:profile_map",
        "plans:detail",
        "events:list",
        "events:detail",
        "resources:list",
        "resources:detail",
        "partnership:workspace",
        "partnership:propose",
        "partnership:proposal",
        "partnership:decision",
        "api:list_areas",
        "api:get_area",
        "api:list_snapshots",
        "api:get_plan",
        "api:list_entries",
        "covenants:detail",
        "api:get_covenant",
        "measures:list",
        "measures:photo",
        "api:list_measures",
        "grants:area",
        "grants:panel",
        "grants:apply",
        "grants:application",
        "api:list_events",
        "api:list_resources",
        "api:get_resource",
        "api:list_proposals",
        "api:list_decisions",
        "api:get_decision",
        "budgets:area",
        "budgets:ballot",
        "budgets:results",
        "api:list_budget_votes",
        "api:get_budget_vote",
        "api:list_grant_panels",
        "api:get_grant_panel",
        "surveys:waves",
        "surveys:respond",
        # The plain-English check of what they write; it reads nothing of any area.
        "plain:check",
        "right_to_bid:nominate",
        "search:results",
    }
)


def _url_names(patterns, namespace: str = ""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from _url_names(pattern.url_patterns, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield f"{namespace}{pattern.name}", _params(pattern)


def _params(pattern: URLPattern) -> list[str]:
    # Django writes "<int:pk>", django-ninja "<area_id>" without a converter.
    return [piece.split(">")[0].split(":")[-1] for piece in str(pattern.pattern).split("<")[1:]]


@pytest.fixture
def member_world(home, adviser, make_person):
    """The member's own area, with one of everything in it, so each address finds its record."""
    member = make_person(Role.PARTNERSHIP_MEMBER)
    home.partnership_members.add(member)
    # A real ward, so the area's profile and its map have figures to show.
    home.ward17_codes = ["E05001645"]
    home.save(update_fields=["codes"])
    now = timezone.now()
    resident = Resident.objects.create(
        area=home, full_name="Jo Bloggs", joined_on=dt.date(2026, 2, 1), account=member
    )
    consent = Consent.objects.create(
        resident=resident,
        purpose=Consent.Purpose.RESEARCH,
        given=True,
        wording="Yes.",
        method=Consent.Method.PAPER_FORM,
        recorded_at=now,
    )
    plan = AreaPlan.objects.create(area=home)
    action = Action.objects.create(
        plan=plan, description="Open the hall", owner="Jo", due_on=dt.date(2026, 9, 1)
    )
    milestone = Milestone.objects.create(
        plan=plan, title="Hall open", target_on=dt.date(2026, 9, 1)
    )
    signatory = Signatory.objects.create(
        plan=plan,
        organisation="The council",
        sector="council",
        signed_by="Chief Executive",
        signed_on=dt.date(2026, 3, 1),
    )
    commitment = Commitment.objects.create(
        signatory=signatory, description="Fix the lights", due_on=dt.date(2026, 9, 1)
    )
    measure = LocalMeasure.objects.create(area=home, name="Photos", evidence="photo")
    photo = MeasureValue.objects.create(
        measure=measure, recorded_on=dt.date(2026, 3, 1), photo=png_bytes(), photo_type="image/png"
    )
    asset = Asset.objects.create(
        area=home, name="The hall", kind=Asset._meta.get_field("kind").choices[0][0]
    )
    case = AssetCase.objects.create(
        asset=asset, title="Save the hall", opened_on=dt.date(2026, 3, 1)
    )
    neighbourhood_plan = NeighbourhoodPlan.objects.create(
        area=home, title="Our plan", opened_on=dt.date(2026, 3, 1)
    )
    stage = PlanStage.objects.create(
        plan=neighbourhood_plan, event="plan-publicised", date=dt.date(2026, 3, 1)
    )
    feed = CalendarFeed.objects.create(area=home, token="a-secret-calendar-token")
    nomination = Nomination.objects.create(
        area=home, asset_name="The hall", reasons="Meetings.", nominator_name="Friends"
    )
    event = Event.objects.create(
        title="Gathering",
        scope=Event.Scope.REGIONAL,
        region=home.region,
        starts_on=dt.date(2026, 6, 1),
    )
    Attendance.objects.create(event=event, area=home)
    partner = Partner.objects.create(
        name="Legal help", specialism=Partner._meta.get_field("specialism").choices[0][0]
    )
    referral = Referral.objects.create(
        area=home, partner=partner, need="Advice on a lease", referred_on=dt.date(2026, 3, 1)
    )
    resource = Resource.objects.create(
        title="Guide", kind=Resource._meta.get_field("kind").choices[0][0], summary="A guide."
    )
    today = timezone.localdate()
    panel = Panel.objects.create(
        area=home,
        name="Small grants",
        what_may_be_funded="Equipment",
        opens_on=today - dt.timedelta(days=1),
        assessment_from=today + dt.timedelta(days=10),
        decision_from=today + dt.timedelta(days=20),
        announce_on=today + dt.timedelta(days=30),
    )
    seat = PanelMember.objects.create(panel=panel, person=adviser)
    application = Application.objects.create(
        panel=panel,
        applicant_kind=Application.ApplicantKind.INDIVIDUAL,
        contact_name="Jo Bloggs",
        contact_email="jo@example.com",
        consent_wording="Yes.",
        consent_given_at=now,
        submitted_by=member,
        submitted_at=now,
        amount_gbp=500,
        funding_type="revenue",
        purpose="A summer trip.",
    )
    proposal = partnership.propose(
        member, resident, description="A bench", owner="Jo", due_on=dt.date(2026, 9, 1)
    )
    decision = partnership.open_decision(
        adviser, home, question="Adopt the plan", options=["Yes", "No"]
    )
    attachment = StaffAttachment.objects.create(area=home, person=adviser, role=StaffRole.OBSERVER)
    # Published, so that its results are open to the member too.
    budget_vote = BudgetVote.objects.create(
        area=home, title="Spend £5,000", budget_gbp=5000, phase=BudgetVote.Phase.PUBLISHED
    )
    ballot = Ballot.objects.create(
        vote=budget_vote, resident=resident, points={}, method=Ballot.Method.ONLINE
    )
    site = Site.objects.create(area=home, kind=Site.Kind.SUPPORTED, name=home.name)
    wave = Wave.objects.create(
        site=site, kind="baseline", opens_on=today, closes_on=today, questionnaire_version="1"
    )
    pk_of = {
        "people": adviser.pk,
        "areas": home.pk,
        "assets": asset.pk,
        "right_to_bid": asset.pk,
        "neighbourhood_planning": neighbourhood_plan.pk,
        "referrals": partner.pk,
        "events": event.pk,
        "resources": resource.pk,
        "residents": resident.pk,
        "grants": panel.pk,
        "budgets": budget_vote.pk,
    }
    by_name = {
        "right_to_bid:case": {"pk": case.pk},
        "right_to_bid:letter": {"pk": asset.pk, "letter": "nomination"},
        "right_to_bid:nomination": {"pk": nomination.pk},
        "right_to_bid:nomination_letter": {"pk": nomination.pk},
        "referrals:update": {"pk": referral.pk},
        **{
            f"grants:{name}": {"pk": application.pk}
            for name in ("application", "declare", "score", "vote", "decide", "erase")
        },
    }
    values = {
        "area_id": home.pk,
        "area_pk": home.pk,
        "user_pk": adviser.pk,
        "person_pk": adviser.pk,
        "code": home.region.code,
        "asset_id": asset.pk,
        "case_id": case.pk,
        "plan_id": neighbourhood_plan.pk,
        "stage_id": stage.pk,
        "action_id": action.pk,
        "milestone_id": milestone.pk,
        "item": YearZeroCheck._meta.get_field("item").choices[0][0],
        "event_id": event.pk,
        "referral_id": referral.pk,
        "resource_id": resource.pk,
        "resident_id": resident.pk,
        "proposal_id": proposal.pk,
        "decision_id": decision.pk,
        "attachment_id": attachment.pk,
        "ballot_id": ballot.pk,
        "vote_id": budget_vote.pk,
        "panel_id": panel.pk,
        "consent_id": consent.pk,
        "signatory_id": signatory.pk,
        "commitment_id": commitment.pk,
        "measure_id": measure.pk,
        "value_id": photo.pk,
        "seat_id": seat.pk,
        "wave_id": wave.pk,
        "token": feed.token,
        "file_format": "csv",
        "uidb64": urlsafe_base64_encode(force_bytes(member.pk)),
    }
    values["token_for_set_password"] = default_token_generator.make_token(member)
    return member, pk_of, by_name, values


def _kwargs(name: str, params: list[str], pk_of, by_name, values) -> dict:
    """A real record in the member's area for each of the address's parameters."""
    if name in by_name:
        return by_name[name]
    kwargs = {}
    for param in params:
        if param == "pk":
            key, known = name.split(":")[0], pk_of
        elif name == "set_password" and param == "token":
            key, known = "token_for_set_password", values
        else:
            key, known = param, values
        assert key in known, f"{name} takes {param}: add a record for it to member_world."
        kwargs[param] = known[key]
    return kwargs


def test_a_member_opens_only_their_area_pages_and_workspace(member_world, client_for):
    member, pk_of, by_name, values = member_world
    names = dict(_url_names(get_resolver().url_patterns))
    opened = {}
    for name, params in sorted(names.items()):
        # The admin turns away anyone who is not on the staff, members included.
        if name.startswith("admin:") or name == "logout":
            continue
        url = reverse(name, kwargs=_kwargs(name, params, pk_of, by_name, values))
        # django-ninja names each method of one path; the address answers as its first name.
        name = resolve(url).view_name
        url += f"?area_id={values['area_id']}" if name == "api:list_entries" else ""
        client = client_for(member)
        # The API takes JSON; the pages take forms.
        kind = {"content_type": "application/json"} if name.startswith("api:") else {}
        got, posted = client.get(url).status_code, client.post(url, {}, **kind).status_code
        if got == 200 or 200 <= posted < 300:
            opened[name] = (got, posted)
    assert " ".join(sorted(opened)) == " ".join(sorted(MEMBER_MAY_READ))


def test_a_member_is_offered_only_links_they_may_open(member_world, home, client_for):
    """The navigation and the area page link a member only to pages that answer them 200."""
    member, *_ = member_world
    client = client_for(member)
    page = client.get(reverse("areas:detail", args=[home.pk])).content.decode()
    links = {link for link in re.findall(r'href="(/[^"#?]*)', page) if "/static/" not in link}
    assert reverse("plans:detail", args=[home.pk]) in links
    answers = {link: client.get(link, follow=True).status_code for link in links}
    assert answers == dict.fromkeys(links, 200)


def test_a_member_sees_the_events_for_their_area_only(home, far, make_person, client_for):
    """National events, their region's and those their area went to; not another region's."""
    member = make_person(Role.PARTNERSHIP_MEMBER)
    home.partnership_members.add(member)
    day = dt.date(2026, 6, 1)
    national = Event.objects.create(title="National", scope=Event.Scope.NATIONAL, starts_on=day)
    own = Event.objects.create(
        title="Own region", scope=Event.Scope.REGIONAL, region=home.region, starts_on=day
    )
    went = Event.objects.create(
        title="Went to", scope=Event.Scope.REGIONAL, region=far.region, starts_on=day
    )
    Attendance.objects.create(event=went, area=home)
    Attendance.objects.create(event=went, area=far)
    other = Event.objects.create(
        title="Other region", scope=Event.Scope.REGIONAL, region=far.region, starts_on=day
    )
    client = client_for(member)
    listed = {e["title"] for e in client.get("/api/events/").json()}
    assert listed == {national.title, own.title, went.title}
    assert client.get(reverse("events:detail", args=[other.pk])).status_code == 404

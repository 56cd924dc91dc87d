"""Who may do what in a partnership: a resident acts only in their own area, observers do not
vote, and only the chair, a facilitator or the area's staff answer proposals, run decisions and
set roles. Checked through the pages and the API."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import timezone

from n4c.platform.partnership.access import may
from n4c.platform.partnership.models import Proposal, StaffRole, Vote
from n4c.platform.people.models import Role
from n4c.platform.residents.models import Resident

pytestmark = pytest.mark.django_db

_PROPOSAL = {"description": "A bench", "owner": "Jo", "due_on": "2027-01-31"}


def test_a_member_works_in_their_own_area_and_not_in_another(
    home, far, member_of, client_for, open_decision
):
    account, _ = member_of(home)
    client = client_for(account)
    assert client.get(reverse("partnership:workspace", args=[home.pk])).status_code == 200
    assert client.post(reverse("partnership:propose", args=[home.pk]), _PROPOSAL).status_code == 302
    # Another area is not theirs to see: 404 on every page and in the API, as if it did not exist.
    for name in ("workspace", "propose"):
        assert client.get(reverse(f"partnership:{name}", args=[far.pk])).status_code == 404
    assert client.post(reverse("partnership:propose", args=[far.pk]), _PROPOSAL).status_code == 404
    api = client.post(
        f"/api/partnership/{far.pk}/proposals", _PROPOSAL, content_type="application/json"
    )
    assert api.status_code == 404
    assert Proposal.objects.filter(area=far).count() == 0
    assert may(account, home, "propose") and not may(account, far, "propose")


def test_a_member_of_another_area_cannot_vote_here(far, member_of, client_for, open_decision):
    outsider, _ = member_of(far)
    option = open_decision.options.first()
    url = reverse("partnership:vote", args=[open_decision.area_id, open_decision.pk])
    assert client_for(outsider).post(url, {"option": option.pk}).status_code == 404
    api = client_for(outsider).post(
        f"/api/partnership/{open_decision.area_id}/decisions/{open_decision.pk}/votes",
        {"option_id": option.pk},
        content_type="application/json",
    )
    assert api.status_code == 404
    assert Vote.objects.count() == 0


@pytest.mark.parametrize("role", [StaffRole.OBSERVER, StaffRole.FACILITATOR])
def test_staff_in_the_partnership_read_but_never_vote(
    home, attached, client_for, open_decision, role
):
    person = attached(home, role)
    client = client_for(person)
    assert client.get(open_decision.get_absolute_url()).status_code == 200
    option = open_decision.options.first()
    page = client.post(
        reverse("partnership:vote", args=[home.pk, open_decision.pk]), {"option": option.pk}
    )
    assert page.status_code == 403
    api = client.post(
        f"/api/partnership/{home.pk}/decisions/{open_decision.pk}/votes",
        {"option_id": option.pk},
        content_type="application/json",
    )
    assert api.status_code == 403
    assert api.json()["detail"][0]["msg"] == (
        "Only members of this area's partnership can vote; staff and observers do not."
    )
    assert Vote.objects.count() == 0


def test_an_observer_cannot_answer_proposals_but_a_facilitator_can(
    home, attached, client_for, waiting_proposal
):
    observer = attached(home, StaffRole.OBSERVER)
    facilitator = attached(home, StaffRole.FACILITATOR)
    url = reverse("partnership:accept", args=[home.pk, waiting_proposal.pk])
    assert client_for(observer).post(url).status_code == 403
    assert client_for(facilitator).post(url).status_code == 302
    waiting_proposal.refresh_from_db()
    assert waiting_proposal.status == Proposal.Status.ACCEPTED


def test_only_the_chair_or_staff_accept_close_and_set_roles(
    home, member_of, adviser, client_for, waiting_proposal, open_decision
):
    member, resident = member_of(home)
    chair, _ = member_of(home, Resident.PartnershipRole.CHAIR)
    accept = reverse("partnership:accept", args=[home.pk, waiting_proposal.pk])
    close = reverse("partnership:close", args=[home.pk, open_decision.pk])
    roles = reverse("partnership:roles", args=[home.pk])
    opening = reverse("partnership:open_decision", args=[home.pk])
    as_member = client_for(member)
    assert as_member.post(accept).status_code == 403
    assert as_member.post(close).status_code == 403
    assert as_member.get(roles).status_code == 403
    assert as_member.get(opening).status_code == 403
    as_chair = client_for(chair)
    assert as_chair.get(opening).status_code == 200
    assert resident.full_name in as_chair.get(roles).content.decode()
    assert as_chair.post(roles, {"resident": resident.pk, "role": "treasurer"}).status_code == 302
    resident.refresh_from_db()
    assert resident.partnership_role == Resident.PartnershipRole.TREASURER
    assert as_chair.post(accept).status_code == 302
    assert as_chair.post(close).status_code == 302
    # The chair sets residents' roles; only the area's staff attach staff.
    specialist_attach = {"person": adviser.pk, "role": StaffRole.OBSERVER}
    assert (
        as_chair.post(
            reverse("partnership:attach_staff", args=[home.pk]), specialist_attach
        ).status_code
        == 403
    )


def test_staff_who_do_not_work_with_the_area_read_it_but_do_not_answer(
    home, make_person, other_region, client_for, waiting_proposal
):
    outside_adviser = make_person(Role.ADVISER, other_region)
    client = client_for(outside_adviser)
    assert client.get(reverse("partnership:workspace", args=[home.pk])).status_code == 200
    accept = reverse("partnership:accept", args=[home.pk, waiting_proposal.pk])
    assert client.post(accept).status_code == 403


def test_the_area_staff_attach_an_observer(home, adviser, make_person, region, client_for):
    specialist = make_person(Role.SPECIALIST, region)
    client = client_for(adviser)
    url = reverse("partnership:attach_staff", args=[home.pk])
    assert (
        client.post(url, {"person": specialist.pk, "role": StaffRole.OBSERVER}).status_code == 302
    )
    again = client.post(url, {"person": specialist.pk, "role": StaffRole.FACILITATOR})
    assert again.status_code == 400
    assert "They are already attached to this partnership." in again.content.decode()


def test_an_erased_member_no_longer_acts(home, member_of):
    account, resident = member_of(home)
    resident.erased_at = timezone.now()
    resident.save()
    assert not may(account, home, "propose")
    assert not may(account, home, "vote")


def test_the_chair_cannot_give_a_role_in_another_area(home, far, member_of, client_for):
    chair, _ = member_of(home, Resident.PartnershipRole.CHAIR)
    _, elsewhere = member_of(far)
    url = reverse("partnership:roles", args=[home.pk])
    response = client_for(chair).post(url, {"resident": elsewhere.pk, "role": "chair"})
    assert response.status_code == 400
    assert "Choose a member of this area&#x27;s partnership." in response.content.decode()
    elsewhere.refresh_from_db()
    assert elsewhere.partnership_role == Resident.PartnershipRole.MEMBER

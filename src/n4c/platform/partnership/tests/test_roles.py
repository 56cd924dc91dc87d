"""An area's partnership has one chair: refused in the service, on the roles page and by the
database's rule."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from n4c.platform.partnership import services
from n4c.platform.residents.models import Resident

pytestmark = pytest.mark.django_db

CHAIR = Resident.PartnershipRole.CHAIR


def test_a_second_chair_is_refused_naming_the_chair(home, member_of, adviser):
    _, chair = member_of(home, CHAIR)
    _, other = member_of(home)
    with pytest.raises(ValidationError) as refused:
        services.set_member_role(adviser, other, CHAIR)
    assert refused.value.message_dict == {
        "role": [
            f"{chair.full_name} is the chair; choose another role or make "
            f"{chair.full_name} a member first."
        ]
    }
    other.refresh_from_db()
    assert other.partnership_role == Resident.PartnershipRole.MEMBER


def test_the_chair_is_handed_on_once_the_old_chair_is_a_member(home, far, member_of, adviser):
    _, chair = member_of(home, CHAIR)
    _, other = member_of(home)
    _, elsewhere = member_of(far)
    # Each area has its own chair, and the chair may be set as chair again.
    services.set_member_role(adviser, elsewhere, CHAIR)
    services.set_member_role(adviser, chair, CHAIR)
    services.set_member_role(adviser, chair, Resident.PartnershipRole.MEMBER)
    services.set_member_role(adviser, other, CHAIR)
    assert list(Resident.objects.filter(area=home, partnership_role=CHAIR)) == [other]


def test_an_erased_chair_does_not_block_a_new_one(home, member_of, adviser):
    _, chair = member_of(home, CHAIR)
    _, other = member_of(home)
    Resident.objects.filter(pk=chair.pk).update(erased_at=timezone.now())
    services.set_member_role(adviser, other, CHAIR)
    other.refresh_from_db()
    assert other.partnership_role == CHAIR


def test_the_roles_page_says_who_the_chair_is(home, member_of, client_for):
    chair_account, chair = member_of(home, CHAIR)
    _, other = member_of(home)
    answer = client_for(chair_account).post(
        reverse("partnership:roles", args=[home.pk]), {"resident": other.pk, "role": "chair"}
    )
    assert answer.status_code == 400
    page = answer.content.decode()
    name = chair.full_name.replace("'", "&#x27;")
    assert f"{name} is the chair; choose another role or make {name} a member first." in page
    other.refresh_from_db()
    assert other.partnership_role == Resident.PartnershipRole.MEMBER


def test_the_database_refuses_a_second_chair(home, member_of):
    member_of(home, CHAIR)
    _, other = member_of(home)
    with pytest.raises(IntegrityError), transaction.atomic():
        Resident.objects.filter(pk=other.pk).update(partnership_role=CHAIR)

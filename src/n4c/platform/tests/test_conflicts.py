"""A uniqueness rule broken by a change at the same moment becomes the service's own refusal.

Each race is staged here in one thread: the service's own check is made to miss the row that
the other request stored, as it does when both requests check before either stores. The live
server's threads race for real in test_concurrency.py.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from n4c.platform.assets import services as asset_services
from n4c.platform.assets.models import Asset
from n4c.platform.caseloads.models import Assignment
from n4c.platform.core.conflicts import SAME_MOMENT, ConflictError, unique_or
from n4c.platform.people.models import Role
from n4c.platform.plans.models import AreaPlan, YearZeroCheck
from n4c.platform.referrals.models import Partner, Specialism

pytestmark = pytest.mark.django_db


def _partner(name: str = "Locality") -> Partner:
    return Partner.objects.create(name=name, specialism=Specialism.PLANNING)


def test_a_duplicate_of_a_unique_field_raises_the_error_given_and_the_transaction_goes_on() -> None:
    _partner()
    refusal = ValidationError({"name": "Locality is already in the directory."})
    with transaction.atomic():
        with pytest.raises(ValidationError) as raised, unique_or(Partner, ("name",), refusal):
            _partner()
        # Rolled back to the start of the block only: the outer transaction still writes.
        _partner("Another partner")
    assert raised.value is refusal
    assert sorted(Partner.objects.values_list("name", flat=True)) == ["Another partner", "Locality"]


def test_a_second_current_adviser_is_a_conflict_with_a_plain_sentence(home, make_person) -> None:
    first, second = make_person(Role.ADVISER), make_person(Role.ADVISER)
    started = dt.date(2026, 1, 5)
    Assignment.objects.create(area=home, person=first, role="adviser", started_on=started)
    with pytest.raises(ConflictError) as raised, unique_or(Assignment, ("area", "role")):
        Assignment.objects.create(area=home, person=second, role="adviser", started_on=started)
    assert raised.value.messages == [SAME_MOMENT]
    assert raised.value.code == "conflict"


def test_a_rule_on_two_fields_is_matched(home) -> None:
    plan = AreaPlan.objects.create(area=home)
    YearZeroCheck.objects.create(plan=plan, item="partnership_formed", done_on=dt.date(2026, 1, 5))
    with pytest.raises(ConflictError), unique_or(YearZeroCheck, ("plan", "item")):
        YearZeroCheck.objects.create(
            plan=plan, item="partnership_formed", done_on=dt.date(2026, 1, 6)
        )


def test_another_rule_broken_in_the_block_is_a_fault_and_goes_on_up(home) -> None:
    plan = AreaPlan.objects.create(area=home)
    YearZeroCheck.objects.create(plan=plan, item="partnership_formed", done_on=dt.date(2026, 1, 5))
    with pytest.raises(IntegrityError), unique_or(Partner, ("name",)):
        YearZeroCheck.objects.create(
            plan=plan, item="partnership_formed", done_on=dt.date(2026, 1, 6)
        )


def test_an_asset_reference_taken_at_the_same_moment_gets_the_register_s_own_refusal(
    home, monkeypatch
) -> None:
    fields = {
        "reference": "A1",
        "name": "The old library",
        "kind": "physical",
        "postcode": "FY1 1AA",
    }
    asset_services.add_asset(None, home, fields)
    monkeypatch.setattr(asset_services, "_reference_taken", lambda *args, **kwargs: False)
    with pytest.raises(ValidationError) as raised:
        asset_services.add_asset(None, home, {**fields, "name": "The library"})
    assert raised.value.message_dict == {"reference": ["'A1' is already in this area's register."]}
    assert Asset.objects.filter(area=home).count() == 1


def test_the_api_answers_a_conflict_409_in_the_one_error_shape(
    home, national, client_for, monkeypatch
) -> None:
    from n4c.platform.areas import api as areas_api

    def lose_the_race(actor, area, **changes):
        raise ConflictError({"stage": "Someone else moved this area on at the same moment."})

    monkeypatch.setattr(areas_api, "change_area", lose_the_race)
    response = client_for(national).patch(
        f"/api/areas/{home.pk}", data={"stage": "active"}, content_type="application/json"
    )
    assert response.status_code == 409
    assert response.json() == {
        "detail": [
            {
                "loc": ["body", "stage"],
                "msg": "Someone else moved this area on at the same moment.",
                "type": "conflict",
            }
        ]
    }


def test_the_partner_page_shows_a_name_taken_at_the_same_moment_on_its_field(
    national, client_for, monkeypatch
) -> None:
    from n4c.platform.referrals import services as referral_services

    def taken_a_moment_ago(actor, **fields):
        raise Partner(**fields).unique_error_message(Partner, ("name",))

    monkeypatch.setattr(referral_services, "add_partner", taken_a_moment_ago)
    response = client_for(national).post(
        reverse("referrals:partners"), data={"name": "Locality", "specialism": "planning"}
    )
    assert response.status_code == 400
    assert "There is already one with this name" in response.text


def test_the_year_zero_checklist_shows_a_conflict_above_the_plan(
    home, national, client_for, monkeypatch
) -> None:
    from n4c.platform.plans import services as plan_services

    def ticked_a_moment_ago(actor, plan, item, done_on):
        raise ConflictError()

    monkeypatch.setattr(plan_services, "set_year_zero", ticked_a_moment_ago)
    response = client_for(national).post(
        reverse("plans:year_zero", args=[home.pk, "partnership_formed"]),
        data={"done_on": "2026-02-01"},
        follow=True,
    )
    assert response.status_code == 200
    assert SAME_MOMENT in response.text

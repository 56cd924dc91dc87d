"""The panel's rules, one service each: phases, who may act, conflicts, and the budget."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction

from n4c.platform.audit.models import AuditEvent
from n4c.platform.grants import services
from n4c.platform.grants.access import applications_visible_to, sees_personal_data
from n4c.platform.grants.models import Application, Declaration, Phase, Score
from n4c.platform.grants.tests.conftest import application_fields, move_to
from n4c.platform.people.models import Role

pytestmark = pytest.mark.django_db


def _messages(error: ValidationError) -> dict[str, list[str]]:
    return error.message_dict


def test_an_application_is_taken_only_while_the_panel_is_open(panel, applicant):
    for phase in (Phase.NOT_OPEN, Phase.ASSESSING, Phase.ANNOUNCED):
        move_to(panel, phase)
        with pytest.raises(ValidationError) as refused:
            services.submit_application(
                applicant, panel, consent_given=True, **application_fields()
            )
        assert refused.value.messages == [
            "Applications can only be made while the panel is open for applications."
        ]
    move_to(panel, Phase.OPEN)
    application = services.submit_application(
        applicant, panel, consent_given=True, **application_fields()
    )
    assert application.resident == applicant.resident_record
    assert AuditEvent.objects.filter(model="grants.application", action="created").count() == 1


def test_a_resident_applies_only_to_their_own_areas_panel(panel, far, make_member):
    outsider = make_member(far, name="Far Resident")
    with pytest.raises(PermissionDenied, match="only to your own area's panel"):
        services.submit_application(outsider, panel, consent_given=True, **application_fields())


def test_staff_who_do_not_work_with_the_area_cannot_enter_an_application(
    panel, make_person, other_region
):
    stranger = make_person(Role.ADVISER, other_region)
    with pytest.raises(PermissionDenied):
        services.submit_application(stranger, panel, consent_given=True, **application_fields())


def test_no_name_or_email_is_kept_without_consent_and_the_rules_are_applied(panel, applicant):
    panel.who_may_apply = panel.WhoMayApply.INDIVIDUALS
    panel.save()
    with pytest.raises(ValidationError) as refused:
        services.submit_application(
            applicant, panel, consent_given=False, **application_fields(amount_gbp=3000)
        )
    assert _messages(refused.value) == {
        "consent_given": [
            "Confirm that the applicant agrees we keep their name and email address."
        ],
        "applicant_kind": ["This panel takes applications from individuals only."],
        "amount_gbp": ["Ask for between £250 and £2,500."],
    }
    assert not Application.objects.exists()


def test_match_funding_counts_volunteer_hours_at_the_panels_rate(make_application, panel):
    panel.volunteer_hour_rate_gbp = Decimal("12.50")
    panel.save()
    application = make_application(volunteer_hours=41)
    assert application.volunteer_value_gbp == Decimal("512.50")  # 41 hours at £12.50
    assert application.match_total_gbp == Decimal("962.50")  # and £300 cash, £150 in kind
    assert application.project_total_gbp == Decimal("2962.50")  # and £2,000 asked for


def test_panel_members_are_staff_or_the_areas_partnership_members(
    panel, adviser, make_member, far, national
):
    services.add_panel_member(adviser, panel, national)
    with pytest.raises(ValidationError) as refused:
        services.add_panel_member(adviser, panel, make_member(far, name="Far Resident"))
    assert refused.value.messages == [
        "Choose a member of staff or one of this area's partnership members."
    ]
    with pytest.raises(ValidationError, match="already on the panel"):
        services.add_panel_member(adviser, panel, national)


def test_a_resident_cannot_seat_panel_members(panel, applicant, national):
    with pytest.raises(PermissionDenied):
        services.add_panel_member(applicant, panel, national)


def test_scoring_needs_a_declaration_and_happens_only_while_assessing(
    make_application, panel, panellist
):
    application = make_application()
    scores = {"Benefit to the area": 4, "Value for money": 3}
    with pytest.raises(ValidationError, match="only be scored while the panel is assessing"):
        services.score_application(panellist, application, scores=scores)
    move_to(panel, Phase.ASSESSING)
    with pytest.raises(ValidationError, match="Declare whether you have a conflict"):
        services.score_application(panellist, application, scores=scores)
    services.declare_interest(panellist, application, conflicted=False)
    with pytest.raises(ValidationError) as refused:
        services.score_application(
            panellist, application, scores={"Benefit to the area": 6, "Value for money": 3}
        )
    assert _messages(refused.value) == {"Benefit to the area": ["Give a score from 1 to 5."]}
    services.score_application(panellist, application, scores=scores)
    assert services.score_summary(application) == {
        "Benefit to the area": 4.0,
        "Value for money": 3.0,
    }
    move_to(panel, Phase.DECIDING)
    with pytest.raises(ValidationError, match="only be scored while the panel is assessing"):
        services.score_application(panellist, application, scores=scores)


def test_a_conflicted_member_cannot_score_vote_or_decide(make_application, panel, panellist):
    application = make_application()
    move_to(panel, Phase.ASSESSING)
    services.declare_interest(
        panellist, application, conflicted=True, details="The applicant is my sister."
    )
    refusal = "You declared a conflict of interest in this application"
    with pytest.raises(PermissionDenied, match=refusal):
        services.score_application(
            panellist, application, scores={"Benefit to the area": 5, "Value for money": 5}
        )
    move_to(panel, Phase.DECIDING)
    with pytest.raises(PermissionDenied, match=refusal):
        services.vote(panellist, application, choice="award")
    with pytest.raises(PermissionDenied, match=refusal):
        services.decide(panellist, application, outcome="awarded", reasons="Good.")
    assert not Score.objects.exists()


def test_declaring_a_conflict_later_removes_the_scores_given(make_application, panel, panellist):
    application = make_application()
    move_to(panel, Phase.ASSESSING)
    services.declare_interest(panellist, application, conflicted=False)
    services.score_application(
        panellist, application, scores={"Benefit to the area": 5, "Value for money": 5}
    )
    services.declare_interest(
        panellist, application, conflicted=True, details="I found I run the club."
    )
    assert not Score.objects.exists()
    assert AuditEvent.objects.filter(model="grants.score", action="deleted").count() == 2


def test_the_database_refuses_a_score_without_a_declaration_or_out_of_range(
    make_application, panel, panellist
):
    application = make_application()
    move_to(panel, Phase.ASSESSING)
    declaration = services.declare_interest(panellist, application, conflicted=False)
    with pytest.raises(IntegrityError), transaction.atomic():
        Score.objects.create(declaration_id=None, criterion="Value for money", score=3)
    with pytest.raises(IntegrityError), transaction.atomic():
        Score.objects.create(declaration=declaration, criterion="Value for money", score=9)
    with pytest.raises(IntegrityError), transaction.atomic():
        Declaration.objects.filter(pk=declaration.pk).update(conflicted=True, details="")


def test_a_member_not_on_the_panel_cannot_declare_or_score(make_application, panel, make_member):
    application = make_application()
    move_to(panel, Phase.ASSESSING)
    with pytest.raises(PermissionDenied, match="Only members of the panel"):
        services.declare_interest(make_member(name="Not On It"), application, conflicted=False)


def test_decisions_never_overspend_the_capital_or_the_revenue_budget(
    make_application, panel, adviser
):
    first = make_application(amount_gbp=2500)
    second = make_application(amount_gbp=2500)
    third = make_application(amount_gbp=1000)
    revenue = make_application(amount_gbp=2500, funding_type="revenue")
    move_to(panel, Phase.DECIDING)
    services.decide(adviser, first, outcome="awarded", reasons="Strong.")
    services.decide(adviser, second, outcome="awarded", reasons="Strong.")
    with pytest.raises(ValidationError) as refused:
        services.decide(adviser, third, outcome="awarded", reasons="Good.")
    assert _messages(refused.value) == {
        "awarded_gbp": [
            "That would overspend the capital budget: £0 of £5,000 is left, and this award is "
            "£1,000."
        ]
    }
    # The revenue budget is apart: £3,000 of its own.
    services.decide(adviser, revenue, outcome="reduced", awarded_gbp=2000, reasons="Part.")
    assert services.left_to_spend_gbp(panel, "capital") == 0
    assert services.left_to_spend_gbp(panel, "revenue") == 1000
    # Changing a decision frees its award: declining the first leaves room for the third.
    services.decide(adviser, first, outcome="declined", reasons="Changed our mind.")
    services.decide(adviser, third, outcome="awarded", reasons="Good.")
    assert services.left_to_spend_gbp(panel, "capital") == 1500


def test_a_reduced_award_is_less_than_asked_and_at_least_the_smallest_grant(
    make_application, panel, adviser
):
    application = make_application(amount_gbp=1000)
    move_to(panel, Phase.DECIDING)
    for amount in (100, 1000, None):
        with pytest.raises(ValidationError, match="Enter a reduced amount of at least £250"):
            services.decide(
                adviser, application, outcome="reduced", awarded_gbp=amount, reasons="Part."
            )
    with pytest.raises(ValidationError, match="Give the reasons"):
        services.decide(adviser, application, outcome="declined", reasons=" ")
    decided = services.decide(
        adviser, application, outcome="reduced", awarded_gbp=600, reasons="Part."
    )
    assert (decided.status, decided.awarded_gbp, decided.decided_by) == ("reduced", 600, adviser)


def test_decisions_are_made_only_while_deciding(make_application, panel, adviser, panellist):
    application = make_application()
    move_to(panel, Phase.ASSESSING)
    with pytest.raises(ValidationError, match="only be recorded while the panel is deciding"):
        services.decide(adviser, application, outcome="declined", reasons="No.")
    services.declare_interest(panellist, application, conflicted=False)
    move_to(panel, Phase.DECIDING)
    vote = services.vote(panellist, application, choice="reduce", amount_gbp=900)
    assert (vote.choice, vote.amount_gbp) == ("reduce", 900)


def test_panel_members_see_applicants_personal_data_only_until_the_decision(
    make_application, panel, panellist, adviser, applicant, make_member
):
    application = make_application()
    neighbour = make_member(name="Not On The Panel")
    assert sees_personal_data(panellist, application)
    assert sees_personal_data(applicant, application)
    assert not applications_visible_to(neighbour).exists()
    move_to(panel, Phase.DECIDING)
    services.decide(adviser, application, outcome="declined", reasons="No room.")
    application.refresh_from_db()
    assert not sees_personal_data(panellist, application)
    assert sees_personal_data(adviser, application)
    assert sees_personal_data(applicant, application)


def test_the_budget_can_come_from_an_allocation(home, adviser):
    document = {
        "fund": {"name": "Big Local"},
        "areas": [
            {
                "area_code": "E05999999",
                "area_name": "Elsewhere",
                "capital_gbp": 1,
                "revenue_gbp": 1,
            },
            {
                "area_code": home.ward17_codes[0],
                "area_name": "Home",
                "capital_gbp": 40_000,
                "revenue_gbp": 60_000,
            },
        ],
    }
    assert services.budget_from_allocation(document, home) == {
        "capital_budget_gbp": 40_000,
        "revenue_budget_gbp": 60_000,
        "budget_source": "Allocated by Big Local",
    }
    with pytest.raises(ValidationError, match="The allocation has no row for Home ward"):
        services.budget_from_allocation({"areas": document["areas"][:1]}, home)


def test_a_member_who_declared_stays_on_the_panels_record(make_application, panel, panellist):
    application = make_application()
    move_to(panel, Phase.ASSESSING)
    services.declare_interest(panellist, application, conflicted=True, details="My club.")
    seat = panel.memberships.get(person=panellist)
    with pytest.raises(ValidationError, match="has declared on applications, so they stay"):
        services.remove_panel_member(panel.area.assignments.get().person, seat)
    assert Declaration.objects.filter(member=seat, conflicted=True).exists()


def test_a_panels_dates_must_be_in_order(home, adviser):
    with pytest.raises(ValidationError) as refused:
        services.create_panel(
            adviser,
            home,
            name="Back to front",
            what_may_be_funded="Anything",
            opens_on=date(2027, 5, 1),
            assessment_from=date(2027, 4, 1),
            decision_from=date(2027, 6, 1),
            announce_on=date(2027, 6, 2),
        )
    assert refused.value.messages == [
        "Put the dates in order: applications open, then assessment starts, then decisions "
        "start, then decisions are announced."
    ]

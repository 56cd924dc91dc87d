"""Area plans through the JSON API and the pages: who may read and change them, and what is kept."""

from __future__ import annotations

import pytest

from n4c.platform.audit.models import AuditEvent
from n4c.platform.people.models import Role
from n4c.platform.plans.models import Action, AreaPlan

pytestmark = pytest.mark.django_db


def _post(client, url, data):
    return client.post(url, data=data, content_type="application/json")


def test_an_adviser_builds_the_plan_of_their_area(adviser, home, client_for):
    client = client_for(adviser)
    assert (
        client.put(
            f"/api/plans/{home.pk}/vision",
            data={"vision": "A place young people stay in."},
            content_type="application/json",
        ).status_code
        == 200
    )
    priority = _post(
        client,
        f"/api/plans/{home.pk}/priorities",
        {"theme": "young_people", "title": "A youth club"},
    )
    assert priority.status_code == 201
    action = _post(
        client,
        f"/api/plans/{home.pk}/actions",
        {
            "description": "Find a building",
            "owner": "Partnership chair",
            "due_on": "2027-03-31",
            "priority_id": priority.json()["id"],
        },
    )
    assert action.status_code == 201
    assert (
        _post(
            client,
            f"/api/plans/{home.pk}/milestones",
            {"title": "Club opens", "target_on": "2027-09-01"},
        ).status_code
        == 201
    )
    done = client.patch(
        f"/api/plans/{home.pk}/actions/{action.json()['id']}",
        data={"status": "done"},
        content_type="application/json",
    )
    assert done.json()["status"] == "done"

    plan = client.get(f"/api/plans/{home.pk}").json()
    assert plan["vision"] == "A place young people stay in."
    assert [p["title"] for p in plan["priorities"]] == ["A youth club"]
    assert plan["actions"][0]["owner"] == "Partnership chair"
    assert plan["actions"][0]["due_on"] == "2027-03-31"
    assert plan["milestones"][0]["title"] == "Club opens"
    # Each change is in the audit log under the adviser's name.
    assert AuditEvent.objects.filter(actor=adviser, model="plans.action").count() == 2


def test_an_adviser_cannot_change_another_areas_plan(adviser, far, client_for):
    response = client_for(adviser).put(
        f"/api/plans/{far.pk}/vision", data={"vision": "Not mine"}, content_type="application/json"
    )
    assert response.status_code == 403
    assert response.json()["detail"] == [
        {"loc": [], "msg": "You can read this area but not change it.", "type": "permission_denied"}
    ]
    assert not AreaPlan.objects.filter(area=far).exists()


def test_a_partnership_member_reads_their_own_plan_but_not_others_nor_changes_it(
    make_person, home, far, client_for
):
    member = make_person(Role.PARTNERSHIP_MEMBER)
    home.partnership_members.add(member)
    client = client_for(member)
    assert client.get(f"/api/plans/{home.pk}").status_code == 200
    assert client.get(f"/api/plans/{far.pk}").status_code == 404
    assert (
        client.put(
            f"/api/plans/{home.pk}/vision", data={"vision": "x"}, content_type="application/json"
        ).status_code
        == 403
    )


def test_a_hub_lead_changes_plans_in_their_region_only(region, make_person, home, far, client_for):
    client = client_for(make_person(Role.HUB_LEAD, region))
    body = {"theme": "housing", "title": "Better homes"}
    assert _post(client, f"/api/plans/{home.pk}/priorities", body).status_code == 201
    assert _post(client, f"/api/plans/{far.pk}/priorities", body).status_code == 403


def test_a_priority_needs_a_known_theme(adviser, home, client_for):
    response = _post(
        client_for(adviser), f"/api/plans/{home.pk}/priorities", {"theme": "parking", "title": "x"}
    )
    assert response.status_code == 422


def test_the_year_zero_checklist_is_ticked_with_a_date_and_unticked(adviser, home, client_for):
    client = client_for(adviser)
    url = f"/api/plans/{home.pk}/year-zero/vision_agreed"
    ticked = client.put(url, data={"done_on": "2026-06-01"}, content_type="application/json")
    items = {i["item"]: i["done_on"] for i in ticked.json()["year_zero"]}
    assert items["vision_agreed"] == "2026-06-01"
    assert items["partnership_formed"] is None
    unticked = client.put(url, data={"done_on": None}, content_type="application/json")
    assert all(i["done_on"] is None for i in unticked.json()["year_zero"])
    bad = client.put(
        f"/api/plans/{home.pk}/year-zero/party",
        data={"done_on": None},
        content_type="application/json",
    )
    assert bad.status_code == 422
    assert bad.json()["detail"][0]["msg"].startswith('"party" is not a Year Zero checklist item')


def test_the_plan_page_shows_the_plan_and_its_forms_to_an_editor(adviser, home, client_for):
    client = client_for(adviser)
    response = client.post(
        f"/plans/{home.pk}/actions/",
        {"description": "Hold a fun day", "owner": "Community worker", "due_on": "2026-08-01"},
    )
    assert response.status_code == 302
    page = client.get(f"/plans/{home.pk}/").content.decode()
    assert "Hold a fun day" in page
    assert "Add an action" in page
    assert Action.objects.get().plan.area == home


def test_the_plan_page_form_explains_a_missing_owner(adviser, home, client_for):
    response = client_for(adviser).post(
        f"/plans/{home.pk}/actions/", {"description": "Hold a fun day", "due_on": "2026-08-01"}
    )
    assert response.status_code == 400
    assert "Enter who will do it." in response.content.decode()


def test_a_reader_sees_no_forms_and_cannot_post(make_person, home, client_for):
    member = make_person(Role.PARTNERSHIP_MEMBER)
    home.partnership_members.add(member)
    client = client_for(member)
    page = client.get(f"/plans/{home.pk}/").content.decode()
    assert "Add an action" not in page
    assert client.post(f"/plans/{home.pk}/vision/", {"vision": "x"}).status_code == 403


def test_a_member_reads_their_own_plan_but_not_the_plan_list(make_person, home, far, client_for):
    member = make_person(Role.PARTNERSHIP_MEMBER)
    home.partnership_members.add(member)
    client = client_for(member)
    assert "Home ward" in client.get(f"/plans/{home.pk}/").content.decode()
    assert client.get(f"/plans/{far.pk}/").status_code == 404
    assert client.get("/plans/").status_code == 403


def test_a_milestone_is_marked_reached_and_back(adviser, home, client_for):
    client = client_for(adviser)
    made = _post(
        client,
        f"/api/plans/{home.pk}/milestones",
        {"title": "Club opens", "target_on": "2027-09-01"},
    ).json()
    url = f"/api/plans/{home.pk}/milestones/{made['id']}"
    reached = client.patch(url, data={"reached_on": "2027-08-20"}, content_type="application/json")
    assert reached.json()["reached_on"] == "2027-08-20"
    page = client.post(f"/plans/{home.pk}/milestones/{made['id']}/reached/", {"done_on": ""})
    assert page.status_code == 302
    assert client.get(f"/api/plans/{home.pk}").json()["milestones"][0]["reached_on"] is None


def test_an_action_status_changes_in_place_through_htmx_and_by_a_plain_form(
    adviser, home, client_for
):
    client = client_for(adviser)
    made = _post(
        client,
        f"/api/plans/{home.pk}/actions",
        {"description": "Hold a fun day", "owner": "Chair", "due_on": "2026-08-01"},
    ).json()
    url = f"/plans/{home.pk}/actions/{made['id']}/status/"
    cell = client.post(url, {"status": "in_progress"}, headers={"HX-Request": "true"})
    assert cell.status_code == 200
    html = cell.content.decode()
    assert "<html" not in html  # the status cell alone, for htmx to swap in
    assert 'role="status">Saved: in progress.' in html
    assert Action.objects.get(pk=made["id"]).status == "in_progress"
    refused = client.post(url, {"status": "finished"}, headers={"HX-Request": "true"})
    assert refused.status_code == 400
    assert Action.objects.get(pk=made["id"]).status == "in_progress"
    # Without JavaScript the form posts and the page comes back with a message.
    assert client.post(url, {"status": "done"}).status_code == 302
    assert Action.objects.get(pk=made["id"]).status == "done"


def test_the_plan_list_sorts_by_region_and_pages(national, home, far, client_for):
    from django.urls import reverse

    page = client_for(national).get(reverse("plans:list"), {"sort": "area", "order": "desc"})
    text = page.content.decode()
    assert text.index("Home ward") < text.index("Far ward")
    assert 'aria-sort="descending"' in text and "sort=region&amp;order=asc" in text

"""Local measures through the API and the pages: who proposes, records and changes them, in
which area; progress in words; photos checked; the audit log."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from n4c.platform.audit.models import AuditEvent
from n4c.platform.measures.models import LocalMeasure, MeasureValue
from n4c.platform.measures.photos import PHOTO_MAX_BYTES
from n4c.platform.measures.progress import describe_progress
from n4c.platform.measures.tests.images import png_bytes
from n4c.platform.people.models import Role

pytestmark = pytest.mark.django_db


@pytest.fixture
def member(home, make_person):
    member = make_person(Role.PARTNERSHIP_MEMBER)
    home.partnership_members.add(member)
    return member


def _propose(client, area, **fields):
    data = {"name": "Young people at the club", "evidence": "number", "unit": "young people"}
    return client.post(
        f"/api/measures/{area.pk}", data=data | fields, content_type="application/json"
    )


def _record(client, area, measure_id, **fields):
    return client.post(f"/api/measures/{area.pk}/{measure_id}/values", data=fields)


def _values(measure, *numbers):
    return [
        MeasureValue(measure=measure, recorded_on=dt.date(2026, 1 + n, 1), value=Decimal(v))
        for n, v in enumerate(numbers)
    ]


def test_progress_says_how_far_towards_the_target_and_which_way():
    measure = LocalMeasure(name="Club", unit="young people", target=Decimal(10))
    assert describe_progress(measure, []) == "No values recorded yet."
    assert describe_progress(measure, _values(measure, 5)) == (
        "5 young people: target 10; one value so far."
    )
    assert describe_progress(measure, _values(measure, 5, 7, 8)) == (
        "8 young people: 3 of 5 towards target 10; rising."
    )
    assert describe_progress(measure, _values(measure, 5, 9, 4)) == (
        "4 young people: 1 further from target 10 than at the start; falling."
    )
    assert describe_progress(measure, _values(measure, 5, 12, 12)) == (
        "12 young people: target 10 met; no change."
    )


def test_progress_when_lower_is_better_and_without_a_target():
    litter = LocalMeasure(name="Litter", unit="bags", direction="lower", target=Decimal(20))
    assert describe_progress(litter, _values(litter, 40, 30)) == (
        "30 bags: 10 of 20 towards target 20; falling."
    )
    untargeted = LocalMeasure(name="Volunteers", unit="people")
    assert describe_progress(untargeted, _values(untargeted, "2.5", "2.5")) == (
        "2.5 people; no change."
    )


def test_progress_of_stories_counts_them():
    measure = LocalMeasure(name="Stories", evidence="story")
    values = [
        MeasureValue(measure=measure, recorded_on=dt.date(2026, 3, d), story="Told.")
        for d in (1, 4)
    ]
    assert describe_progress(measure, values) == "2 stories, the latest on 4 March 2026."


def test_progress_reads_as_one_sentence_in_the_readers_language():
    measure = LocalMeasure(name="Club", unit="young people", target=Decimal(10))
    stories = LocalMeasure(name="Stories", evidence="story")
    told = [
        MeasureValue(measure=stories, recorded_on=dt.date(2026, 3, d), story="Told.")
        for d in (1, 2, 4)
    ]
    with translation.override("pl"):
        assert describe_progress(measure, _values(measure, 5, 7, 8)) == (
            "8 young people: 3 z 5 w drodze do celu 10; rośnie."
        )
        # Polish counts in three forms, and says the month as a date does.
        assert describe_progress(stories, told) == "3 opowieści, ostatnia z 4 marca 2026."
    with translation.override("ur"):
        assert describe_progress(stories, told[:1]) == "1 کہانی، تازہ ترین 1 مارچ 2026 کی۔"


def test_progress_writes_its_numbers_the_readers_way():
    """Polish groups thousands with a space and writes a decimal comma; English is unchanged."""
    measure = LocalMeasure(name="Visits", unit="visits", target=Decimal(10000))
    values = _values(measure, "1250.50", "7433")
    with translation.override("pl"):
        assert describe_progress(measure, values) == (
            "7\xa0433 visits: 6\xa0182,5 z 8\xa0749,5 w drodze do celu 10\xa0000; rośnie."
        )
    with translation.override("ur"):
        assert describe_progress(measure, values).startswith("7,433 visits")
    assert describe_progress(measure, values) == (
        "7,433 visits: 6,182.5 of 8,749.5 towards target 10,000; rising."
    )


def test_a_member_proposes_and_records_in_their_own_area(member, home, client_for):
    client = client_for(member)
    proposed = _propose(client, home, target="10")
    assert proposed.status_code == 201
    assert proposed.json()["status"] == "proposed"
    measure_id = proposed.json()["id"]
    for day, value in (("2026-01-01", "5"), ("2026-02-01", "7"), ("2026-03-01", "8")):
        assert _record(client, home, measure_id, recorded_on=day, value=value).status_code == 201
    [listed] = client.get(f"/api/measures/{home.pk}").json()
    assert listed["progress"] == "8 young people: 3 of 5 towards target 10; rising."
    assert [v["value"] for v in listed["values"]] == ["5.00", "7.00", "8.00"]
    assert {v["recorded_by"] for v in listed["values"]} == {member.get_full_name()}
    assert AuditEvent.objects.filter(actor=member, model="measures.measurevalue").count() == 3
    assert AuditEvent.objects.filter(actor=member, model="measures.localmeasure").count() == 1


def test_a_member_proposes_and_records_through_the_pages(member, home, client_for):
    client = client_for(member)
    page = client.post(
        f"/measures/{home.pk}/propose/",
        {"name": "Stories", "evidence": "story", "direction": "higher"},
    )
    assert page.status_code == 302
    measure = LocalMeasure.objects.get(area=home)
    form = client.get(f"/measures/{home.pk}/").content.decode()
    assert f'name="m{measure.pk}-story"' in form
    assert f'name="m{measure.pk}-value"' not in form and f'name="m{measure.pk}-photo"' not in form
    recorded = client.post(
        f"/measures/{home.pk}/{measure.pk}/values/",
        {f"m{measure.pk}-recorded_on": "2026-03-04", f"m{measure.pk}-story": "We met."},
    )
    assert recorded.status_code == 302
    area_page = client.get(f"/areas/{home.pk}/").content.decode()
    assert "1 story, the latest on 4 March 2026." in area_page


def test_a_member_acts_in_no_other_area(member, home, far, adviser, client_for):
    """Another area is not found; a measure of another area cannot be reached through theirs."""
    client = client_for(member)
    assert _propose(client, far).status_code == 404
    assert client.post(f"/measures/{far.pk}/propose/", {"name": "X"}).status_code == 404
    theirs = _propose(client_for(adviser), home).json()["id"]
    elsewhere = LocalMeasure.objects.create(area=far, name="Far", unit="people")
    assert (
        _record(client, far, elsewhere.pk, recorded_on="2026-01-01", value="1").status_code == 404
    )
    assert (
        _record(client, home, elsewhere.pk, recorded_on="2026-01-01", value="1").status_code == 404
    )
    assert _record(client, home, theirs, recorded_on="2026-01-01", value="1").status_code == 201


def test_a_members_name_is_shown_to_themselves_and_staff_who_may_change_the_area(
    member, home, adviser, make_person, client_for
):
    """Others who read the area (a specialist, another member) learn only that a member
    recorded it, as they cannot see who sits on the partnership."""
    measure_id = _propose(client_for(member), home).json()["id"]
    _record(client_for(member), home, measure_id, recorded_on="2026-01-01", value="4")
    neighbour = make_person(Role.PARTNERSHIP_MEMBER)
    home.partnership_members.add(neighbour)
    seen = {}
    for who, user in [
        ("member", member),
        ("adviser", adviser),
        ("neighbour", neighbour),
        ("specialist", make_person(Role.SPECIALIST)),
    ]:
        [listed] = client_for(user).get(f"/api/measures/{home.pk}").json()
        seen[who] = listed["values"][0]["recorded_by"]
        assert seen[who] in client_for(user).get(f"/measures/{home.pk}/").content.decode()
    name = member.get_full_name()
    assert seen == {
        "member": name,
        "adviser": name,
        "neighbour": "A partnership member",
        "specialist": "A partnership member",
    }


def test_only_staff_who_may_change_the_area_change_a_measure(
    member, home, adviser, make_person, client_for
):
    measure_id = _propose(client_for(member), home).json()["id"]
    url = f"/api/measures/{home.pk}/{measure_id}"
    refused = client_for(member).patch(
        url, data={"status": "agreed"}, content_type="application/json"
    )
    assert refused.status_code == 403
    assert refused.json()["detail"][0]["type"] == "permission_denied"
    specialist = make_person(Role.SPECIALIST)
    assert _propose(client_for(specialist), home).status_code == 403
    assert client_for(member).get(f"/measures/{home.pk}/{measure_id}/change/").status_code == 403
    agreed = client_for(adviser).patch(
        url, data={"status": "agreed", "target": "12"}, content_type="application/json"
    )
    assert (agreed.json()["status"], agreed.json()["target"]) == ("agreed", "12.00")
    change = AuditEvent.objects.get(actor=adviser, model="measures.localmeasure")
    assert (change.before["status"], change.after["status"]) == ("proposed", "agreed")


def test_staff_add_agreed_measures_and_the_page_form_names_each_error(adviser, home, client_for):
    client = client_for(adviser)
    assert _propose(client, home).json()["status"] == "agreed"
    page = client.post(f"/measures/{home.pk}/propose/", {"evidence": "number", "target": "ten"})
    assert page.status_code == 400
    text = page.content.decode()
    assert "Enter the measure&#x27;s name, like “Young people at the club”." in text
    assert "Enter a number, like 12 or 2.5." in text


def test_a_form_sent_where_json_is_expected_is_answered_in_the_projects_shape(
    member, home, client_for
):
    answer = client_for(member).post(f"/api/measures/{home.pk}", {"name": "Club"})
    assert (answer.status_code, answer.json()) == (
        422,
        {
            "detail": [
                {
                    "loc": ["body"],
                    "msg": "Send the body as JSON, with the header Content-Type: application/json.",
                    "type": "invalid",
                }
            ]
        },
    )


def test_a_value_of_the_wrong_kind_is_refused_in_the_projects_shape(member, home, client_for):
    measure_id = _propose(client_for(member), home).json()["id"]
    answer = _record(client_for(member), home, measure_id, recorded_on="2026-01-01", story="Hi")
    assert answer.status_code == 422
    assert answer.json() == {
        "detail": [
            {"loc": ["body", "value"], "msg": "Enter the number, like 12.", "type": "invalid"}
        ]
    }
    duplicate = _propose(client_for(member), home, name="young people at the club")
    assert duplicate.json()["detail"][0] == {
        "loc": ["body", "name"],
        "msg": "This area already has a measure called “young people at the club”.",
        "type": "invalid",
    }


@pytest.fixture
def photo_measure(member, home, client_for):
    return _propose(client_for(member), home, name="Photos", evidence="photo", unit="").json()["id"]


def test_a_photo_is_kept_and_served_to_readers_of_the_area(
    member, home, far, photo_measure, client_for, make_person
):
    client = client_for(member)
    upload = SimpleUploadedFile("park.png", png_bytes(), content_type="image/png")
    made = _record(
        client, home, photo_measure, recorded_on="2026-05-01", story="The park", photo=upload
    )
    assert made.status_code == 201
    served = client.get(made.json()["photo_url"])
    assert (served.status_code, served["Content-Type"], served.content) == (
        200,
        "image/png",
        png_bytes(),
    )
    stranger = make_person(Role.PARTNERSHIP_MEMBER)
    far.partnership_members.add(stranger)
    assert client_for(stranger).get(made.json()["photo_url"]).status_code == 404


def test_a_file_that_is_not_an_image_is_refused(member, home, photo_measure, client_for):
    upload = SimpleUploadedFile("park.png", b"<script>alert(1)</script>", content_type="image/png")
    answer = _record(
        client_for(member), home, photo_measure, recorded_on="2026-05-01", photo=upload
    )
    assert answer.status_code == 422
    assert answer.json()["detail"] == [
        {
            "loc": ["body", "photo"],
            "msg": "The selected file must be a JPG, PNG, GIF or WebP image.",
            "type": "not_an_image",
        }
    ]
    assert not MeasureValue.objects.exists()


def test_a_photo_too_large_is_refused_on_the_form(member, home, photo_measure, client_for):
    big = png_bytes() + b"\0" * PHOTO_MAX_BYTES
    upload = SimpleUploadedFile("big.png", big, content_type="image/png")
    page = client_for(member).post(
        f"/measures/{home.pk}/{photo_measure}/values/",
        {f"m{photo_measure}-recorded_on": "2026-05-01", f"m{photo_measure}-photo": upload},
    )
    assert page.status_code == 400
    assert "The photo must be smaller than 5 MB." in page.content.decode()
    assert not MeasureValue.objects.exists()


def test_a_photo_measure_needs_a_photo(member, home, photo_measure, client_for):
    answer = _record(client_for(member), home, photo_measure, recorded_on="2026-05-01")
    assert answer.json()["detail"][0]["msg"] == "Choose a photo to upload."


def test_the_demo_has_two_measures_with_values_made_once(home, national, client_for):
    from n4c.platform.measures.demo import seed

    today = dt.date(2026, 11, 1)
    assert seed([home], national, today) == "2 local measures"
    assert seed([home], national, today) == "2 local measures"
    listed = client_for(national).get(f"/api/measures/{home.pk}").json()
    assert [m["progress"] for m in listed] == [
        "2 stories, the latest on 12 October 2026.",
        "22 young people: 10 of 18 towards target 30; rising.",
    ]

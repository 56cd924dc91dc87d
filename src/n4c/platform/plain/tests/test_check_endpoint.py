"""The plain-English check beside text boxes: a fragment for htmx, and on the page after saving."""

from __future__ import annotations

import re

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db

URL = "/plain/check/"


def test_a_signed_in_person_gets_the_check_as_a_fragment(adviser, client_for) -> None:
    response = client_for(adviser).post(URL, {"text": "We will utilise the hall."})
    assert response.status_code == 200
    html = response.content.decode()
    assert "<html" not in html
    assert "“utilise”: try use." in html
    assert "easier to read than the aim of 9 to 11" in html


def test_htmx_checks_the_box_being_typed_in_not_the_rest_of_the_form(adviser, client_for) -> None:
    response = client_for(adviser).post(
        URL,
        {"title": "Leverage", "body": "Every stakeholder is welcome."},
        headers={"HX-Request": "true", "HX-Trigger-Name": "body"},
    )
    html = response.content.decode()
    assert "“stakeholder”" in html
    assert "everage" not in html


def test_long_sentences_and_the_passive_are_named(adviser, client_for) -> None:
    long = " ".join(["word"] * 30) + "."
    html = client_for(adviser).post(URL, {"text": f"{long} The form is read by us."}).content
    text = " ".join(html.decode().split())
    assert "1 sentence is longer than 25 words" in text
    assert "(30 words)" in text
    assert "1 sentence may be passive" in text


def test_empty_text_asks_for_some(adviser, client_for) -> None:
    html = client_for(adviser).post(URL, {"text": "  "}).content.decode()
    assert "Write some text to see how plain it is." in html


def test_only_signed_in_people_may_check_and_only_by_post(adviser, client_for) -> None:
    anonymous = Client().post(URL, {"text": "Hello."})
    assert anonymous.status_code == 302
    assert anonymous["Location"].startswith("/accounts/login/")
    assert client_for(adviser).get(URL).status_code == 405


def test_the_resource_form_checks_its_text_boxes_as_they_are_written(national, client_for) -> None:
    html = client_for(national).get("/resources/new/").content.decode()
    for name in ("summary", "plain_summary", "body"):
        box = re.search(rf'<textarea name="{name}"[^>]*>', html)
        assert box is not None, name
        assert 'hx-post="/plain/check/"' in box.group(0)
        assert f'hx-target="#id_{name}-plain"' in box.group(0)
        assert f'id="id_{name}-plain"' in html


def test_after_saving_the_check_shows_to_those_who_keep_resources(
    national, adviser, client_for
) -> None:
    client = client_for(national)
    response = client.post(
        "/resources/new/",
        {
            "title": "Room hire",
            "kind": "guidance",
            "summary": "How to facilitate room hire.",
            "plain_summary": "How to book the hall.",
            "body": "Ring us to book.",
        },
    )
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "How to book the hall." in page
    assert "Is it plain English?" in page
    assert "“facilitate”: try" in page
    assert (
        "Is it plain English?" not in client_for(adviser).get(response["Location"]).content.decode()
    )


def test_a_partnership_member_sees_the_check_of_what_they_write(
    home, make_person, client_for
) -> None:
    """A resident on a grant panel writes the reasons sent to the applicant."""
    # The role by its value: this app sits below people and imports none of it.
    member = make_person("partnership_member")
    home.partnership_members.add(member)
    response = client_for(member).post(URL, {"text": "We will empower the club."})
    assert response.status_code == 200
    assert "“empower”: try" in response.content.decode()


def test_a_text_easier_than_the_aim_is_called_easier_not_within(adviser, client_for) -> None:
    html = client_for(adviser).post(URL, {"text": "The cat sat. The dog ran."}).content.decode()
    assert "easier to read than the aim of 9 to 11" in html


def test_a_text_at_the_aim_is_within_it(adviser, client_for) -> None:
    text = "Our group meets every week to plan the new garden and the market stall."
    html = client_for(adviser).post(URL, {"text": text}).content.decode()
    assert "within the aim of 9 to 11" in html

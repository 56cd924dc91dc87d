"""Guidance and templates: found by words and tags, added only by those who keep them."""

from __future__ import annotations

import pytest

from n4c.platform.people.models import Role
from n4c.platform.resources.models import Resource
from n4c.platform.resources.services import parse_tags

pytestmark = pytest.mark.django_db


def _add(client, **fields):
    body = {"title": "x", "kind": "guidance", "summary": "y", **fields}
    return client.post("/api/resources/", data=body, content_type="application/json")


@pytest.fixture
def library(national, client_for):
    client = client_for(national)
    _add(
        client,
        title="Setting up a community share offer",
        summary="How residents can buy a building together.",
        tags=["Community ownership", "money"],
    )
    _add(
        client,
        title="Partnership terms of reference",
        kind="template",
        summary="A template for how the partnership works.",
        body="Quorum: a third of members.",
        tags=["governance"],
    )
    return client


def test_search_matches_every_word_in_any_field_or_tag(library) -> None:
    def titles(query: str, **params) -> list[str]:
        response = library.get("/api/resources/", {"q": query, **params})
        return [r["title"] for r in response.json()]

    assert titles("building") == ["Setting up a community share offer"]
    assert titles("QUORUM") == ["Partnership terms of reference"]
    assert titles("money offer") == ["Setting up a community share offer"]
    assert titles("money quorum") == []
    assert titles("", tag="governance") == ["Partnership terms of reference"]
    assert titles("", kind="template") == ["Partnership terms of reference"]


def test_tags_are_kept_once_whatever_their_case(library) -> None:
    _add(library, title="Another", tags=["MONEY", "money ", "Grants"])
    resource = Resource.objects.get(title="Another")
    assert sorted(t.name for t in resource.tags.all()) == ["Grants", "money"]


def test_parse_tags_trims_and_drops_repeats() -> None:
    assert parse_tags(" money,  Money , big  plans,, ") == ["money", "big plans"]


def test_a_partnership_member_reads_but_cannot_add(make_person, library, client_for) -> None:
    member = client_for(make_person(Role.PARTNERSHIP_MEMBER))
    assert len(member.get("/api/resources/").json()) == 2
    assert member.get("/resources/").status_code == 200
    assert _add(member, title="Mine").status_code == 403
    assert member.get("/resources/new/").status_code == 403


def test_a_community_worker_reads_but_cannot_add(make_person, library, client_for) -> None:
    worker = client_for(make_person(Role.COMMUNITY_WORKER))
    assert len(worker.get("/api/resources/").json()) == 2
    refused = _add(worker, title="Mine")
    assert refused.status_code == 403
    assert refused.json()["detail"][0]["msg"] == (
        "Only the national team, hub leads and specialists can add resources."
    )


def test_the_search_page_and_the_add_form(national, library, client_for) -> None:
    page = library.get("/resources/", {"q": "share"}).content.decode()
    assert "Setting up a community share offer" in page
    assert "1 found." in page
    response = library.post(
        "/resources/new/",
        {
            "title": "Running a fun day",
            "kind": "guidance",
            "summary": "Plan it.",
            "tag_names": "events",
        },
    )
    assert response.status_code == 302
    missing = library.post("/resources/new/", {"kind": "guidance", "summary": "Plan it."})
    assert missing.status_code == 400
    assert "Enter the title." in missing.content.decode()

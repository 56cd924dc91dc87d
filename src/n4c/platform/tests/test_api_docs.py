"""The API's docs and schema: for the Network's staff only, served from the platform itself,
and documenting the one error shape every endpoint answers in."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from n4c.platform.api import ErrorOut
from n4c.platform.people.models import Role

pytestmark = pytest.mark.django_db

DOCS, SCHEMA = "/api/docs", "/api/openapi.json"


def test_the_docs_send_a_visitor_who_is_not_signed_in_to_sign_in():
    response = Client().get(DOCS)
    assert response.status_code == 302
    assert response.url.startswith("/accounts/login/?next=/api/docs")


def test_the_schema_is_refused_to_a_visitor_who_is_not_signed_in():
    response = Client().get(SCHEMA)
    assert response.status_code == 401
    assert response.json()["detail"][0]["type"] == "not_authenticated"


@pytest.mark.parametrize("role", [Role.PARTNERSHIP_MEMBER, None])
def test_the_docs_and_schema_are_refused_to_people_who_are_not_staff(role, make_person, client_for):
    if role is None:
        user = get_user_model().objects.create_user("no-profile", password="not-used-1")
    else:
        user = make_person(role)
    client = client_for(user)
    assert client.get(DOCS).status_code == 403
    schema = client.get(SCHEMA)
    assert schema.status_code == 403
    # A partnership member is turned away before the page, by the members' allow-list.
    message = (
        "Partnership members can open only their area's page, plan, events, resources and "
        "partnership workspace."
        if role == Role.PARTNERSHIP_MEMBER
        else "The API's documentation is for the Network's staff."
    )
    assert schema.json()["detail"] == [{"loc": [], "msg": message, "type": "permission_denied"}]


def test_staff_get_the_docs_with_every_script_and_style_from_the_platform(make_person, client_for):
    client = client_for(make_person(Role.ADVISER))
    page = client.get(DOCS)
    assert page.status_code == 200
    html = page.content.decode()
    addresses = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert "/static/ninja/swagger-ui-bundle.js" in addresses
    assert "/static/ninja/swagger-ui.css" in addresses
    assert [a for a in addresses if "//" in a] == []
    for address in addresses:
        if address.startswith("/static/"):
            assert client.get(address).status_code == 200, address
    assert '"validatorUrl": null' in html


def _schema(client_for, make_person) -> dict:
    response = client_for(make_person(Role.NATIONAL_TEAM)).get(SCHEMA)
    assert response.status_code == 200
    return response.json()


def test_every_operation_documents_its_errors_in_the_one_shape(client_for, make_person):
    schema = _schema(client_for, make_person)
    error = {"$ref": "#/components/schemas/ErrorOut"}
    missing = []
    for path, methods in schema["paths"].items():
        for method, operation in methods.items():
            expected = {"400", "401", "403"}
            if "{" in path:
                expected.add("404")
            if method in ("post", "put", "patch", "delete"):
                expected |= {"409", "422"}
            for status in sorted(expected):
                documented = operation["responses"].get(status, {})
                if documented.get("content", {}).get("application/json", {}).get("schema") != error:
                    missing.append((method, path, status))
    assert missing == []
    problem = schema["components"]["schemas"]["ProblemOut"]
    assert set(problem["required"]) == {"loc", "msg", "type"}


def test_the_documented_error_shape_is_the_shape_answered(client_for, make_person):
    answered = Client().get("/api/areas/").json()
    assert ErrorOut.model_validate(answered).model_dump() == answered

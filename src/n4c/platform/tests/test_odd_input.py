"""Odd input is answered with a sentence, never a server error: negative or huge limits, ids
beyond what a database column holds, and NUL characters anywhere in a request."""

from __future__ import annotations

import json
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from n4c.platform.api import api
from n4c.platform.assets.models import Asset
from n4c.platform.core.ids import MAX_ID, parse_id
from n4c.platform.core.listing import MAX_LIMIT
from n4c.platform.support_log.models import Kind, SupportEntry

pytestmark = pytest.mark.django_db

TWENTY_DIGITS = "9" * 20


@pytest.fixture
def signed_in(national, client_for):
    client = client_for(national)
    client.raise_request_exception = False
    return client


def _get_operations() -> list[tuple[str, dict]]:
    paths = api.get_openapi_schema(path_prefix="/api")["paths"]
    return [(path, ops["get"]) for path, ops in paths.items() if "get" in ops]


def _list_operations() -> list[tuple[str, dict]]:
    return [
        (path, op)
        for path, op in _get_operations()
        if op["responses"][200]["content"]["application/json"]["schema"].get("type") == "array"
    ]


def test_every_api_list_takes_limit_and_offset():
    without = [
        path
        for path, op in _list_operations()
        if {"limit", "offset"} - {p["name"] for p in op.get("parameters", [])}
    ]
    assert _list_operations() and without == []


def _address(path: str, path_id: str) -> str:
    return re.sub(r"\{[a-z_]+\}", path_id, path)


@pytest.mark.parametrize(
    "query",
    [
        {"limit": "-1"},
        {"limit": str(10**9)},
        {"offset": "-1"},
        {"offset": str(10**30)},
        {"area_id": TWENTY_DIGITS, "person_id": TWENTY_DIGITS, "area": TWENTY_DIGITS},
    ],
)
def test_no_api_get_answers_a_server_error_to_odd_numbers(signed_in, home, query):
    """Walks every GET endpoint of the API, with the odd numbers in the query and in the path."""
    failures = []
    for path, _op in _get_operations():
        for path_id in (str(home.pk), TWENTY_DIGITS):
            # area_id is required by some lists; the odd value, when given, replaces it.
            response = signed_in.get(_address(path, path_id), {"area_id": home.pk, **query})
            if response.status_code >= 500:
                failures.append((path, path_id, query, response.status_code))
    assert failures == []


@pytest.mark.parametrize("limit", ["-1", "0", str(MAX_LIMIT + 1), str(10**9)])
def test_a_limit_out_of_range_is_answered_422_with_the_rule(signed_in, home, limit):
    response = signed_in.get("/api/support-log/entries", {"area_id": home.pk, "limit": limit})
    assert response.status_code == 422
    (problem,) = response.json()["detail"]
    assert problem["loc"] == ["query", "limit"]
    assert problem["msg"].startswith("Input should be")


def test_limit_and_offset_choose_one_page_of_a_list(signed_in, national, home):
    for day in range(1, 6):
        SupportEntry.objects.create(
            area=home,
            person=national,
            role="adviser",
            date=f"2026-01-0{day}",
            kind=Kind.choices[0][0],
            days=1,
        )
    response = signed_in.get(
        "/api/support-log/entries", {"area_id": home.pk, "limit": 2, "offset": 1}
    )
    assert [entry["date"] for entry in response.json()] == ["2026-01-04", "2026-01-03"]


def test_an_id_beyond_a_database_column_is_answered_422_in_the_api(signed_in):
    response = signed_in.get("/api/referrals/", {"area_id": TWENTY_DIGITS})
    assert response.status_code == 422
    (problem,) = response.json()["detail"]
    assert problem["loc"] == ["query", "area_id"]


def test_an_id_beyond_a_database_column_finds_no_page(signed_in):
    response = signed_in.get("/assets/", {"area": TWENTY_DIGITS})
    assert response.status_code == 404


def test_parse_id_reads_ids_and_refuses_anything_else():
    assert parse_id("12") == 12 and parse_id(str(MAX_ID)) == MAX_ID
    assert parse_id("") is None and parse_id(None) is None
    for text in ("0", "-3", "12a", str(MAX_ID + 1), "١٢"):
        with pytest.raises(Exception, match="is not the number of a record"):
            parse_id(text)


NUL_MSG = (
    "Remove the NUL character (a zero byte) from {} and try again: the platform cannot store it."
)


def test_a_nul_in_a_json_body_is_answered_400_naming_the_field(signed_in, home):
    response = signed_in.post(
        "/api/support-log/entries",
        # json.dumps writes the NUL as the escape \u0000, as a browser's JSON.stringify does.
        data=json.dumps(
            {"area_id": home.pk, "date": "2026-01-02", "kind": "call", "days": 1, "notes": "a\x00b"}
        ),
        content_type="application/json",
    )
    assert response.status_code == 400
    assert response.json() == {
        "detail": [
            {"loc": ["body", "notes"], "msg": NUL_MSG.format('"notes"'), "type": "nul_character"}
        ]
    }
    assert not SupportEntry.objects.exists()


def test_a_nul_in_a_query_string_is_answered_400(signed_in):
    response = signed_in.get("/api/areas/", {"region": "E12\x00"})
    assert response.status_code == 400
    assert response.json()["detail"][0]["loc"] == ["query", "region"]


def test_a_nul_in_a_form_field_is_refused_with_a_plain_message(signed_in):
    response = signed_in.post(reverse("resources:list"), {"q": "a\x00b"})
    assert response.status_code == 400
    assert response.content.decode() == NUL_MSG.format('"q"')


def test_a_csv_upload_with_a_nul_is_refused_by_its_importer_and_nothing_is_stored(signed_in, home):
    text = "asset_id,name\nA1,Hall\x00\n"
    upload = SimpleUploadedFile("register.csv", text.encode(), content_type="text/csv")
    response = signed_in.post(
        reverse("assets:import", args=[home.pk]), {"file": upload}, follow=True
    )
    assert response.status_code == 200
    assert "register.csv, row 1: holds a NUL character" in response.content.decode()
    assert not Asset.objects.exists()


def test_an_uploaded_image_keeps_its_zero_bytes(signed_in, home):
    """An image's zero bytes are its content: the file's own reader decides what it accepts."""
    image = SimpleUploadedFile("hall.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    url = reverse("assets:import", args=[home.pk])
    assert signed_in.post(url, {"file": image}).status_code != 400


def test_an_id_beyond_a_database_column_in_a_body_is_refused_by_its_type(signed_in):
    response = signed_in.post(
        "/api/referrals/partners",
        data={"name": "Debt Advice North", "specialism": "finance", "region_id": TWENTY_DIGITS},
        content_type="application/json",
    )
    assert response.status_code == 422
    (problem,) = response.json()["detail"]
    assert problem["loc"] == ["body", "payload", "region_id"]

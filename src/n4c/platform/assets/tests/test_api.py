"""The assets API: register entries checked by the one core rule."""

from __future__ import annotations

import pytest

from n4c.platform.assets.models import Asset

pytestmark = pytest.mark.django_db

RED_LION = {
    "name": "The Red Lion",
    "kind": "physical",
    "postcode": "m1 1ae",
    "owner": "Brewery plc",
}


def test_an_asset_is_stored_with_its_postcode_normalised(client_for, national, area):
    api = client_for(national)
    response = api.post(
        f"/api/assets/areas/{area.pk}/assets", RED_LION, content_type="application/json"
    )
    assert response.status_code == 201
    assert response.json()["postcode"] == "M1 1AE"
    listed = api.get(f"/api/assets/areas/{area.pk}/assets").json()
    assert [a["name"] for a in listed] == ["The Red Lion"]


def test_bad_fields_answer_422_with_location_and_sentence(client_for, national, area):
    api = client_for(national)
    response = api.post(
        f"/api/assets/areas/{area.pk}/assets",
        {"name": "Hall", "kind": "castle", "postcode": "M1", "lsoa_code": "E02000001"},
        content_type="application/json",
    )
    assert response.status_code == 422
    detail = {tuple(d["loc"]): d["msg"] for d in response.json()["detail"]}
    assert (
        detail[("body", "postcode")]
        == "'M1' is not a UK postcode. Enter a postcode, like SW1A 1AA."
    )
    assert detail[("body", "kind")].startswith("'castle' is not a kind; enter one of physical")
    assert "is not an LSOA code" in detail[("body", "lsoa_code")]
    assert Asset.objects.count() == 0


def test_people_see_only_areas_they_may_and_change_only_what_they_edit(
    client_for, resident_elsewhere, specialist, area
):
    resident = client_for(resident_elsewhere)
    # A partnership member reads their area's page, plan and support log only.
    assert resident.get(f"/api/assets/areas/{area.pk}/assets").status_code == 403
    reader = client_for(specialist)
    assert reader.get(f"/api/assets/areas/{area.pk}/assets").status_code == 200
    refused = reader.post(
        f"/api/assets/areas/{area.pk}/assets", RED_LION, content_type="application/json"
    )
    assert refused.status_code == 403
    assert "can read this area's assets but not change them" in refused.json()["detail"][0]["msg"]

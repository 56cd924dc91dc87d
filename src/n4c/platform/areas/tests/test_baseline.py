"""An area's baseline need comes from the published ward data; bad ward codes are named."""

from __future__ import annotations

import pytest
from django.utils.html import escape

from n4c.errors import InputError
from n4c.needs import parse_area_codes, summarise_area, ward_table
from n4c.platform.areas.models import Area, AreaSnapshot
from n4c.platform.people.models import Role
from n4c.platform.regions.services import load_regions


def baseline_for_wards(codes):
    return summarise_area("ward17", codes).ward17


@pytest.fixture(scope="module")
def wards():
    return ward_table().set_index("ward17_code")


@pytest.fixture(scope="module")
def two_left_behind_in_one_lad(wards):
    left = wards[wards["left_behind"]]
    lad = left["lad19_code"].value_counts().index[0]
    return list(left[left["lad19_code"] == lad].index[:2])


def test_one_ward_s_baseline_is_its_published_row(wards, two_left_behind_in_one_lad):
    code = two_left_behind_in_one_lad[0]
    row = wards.loc[code]
    baseline = baseline_for_wards([code])
    assert baseline.population == row["population"]
    assert baseline.imd_score == pytest.approx(row["imd_score"], abs=0.001)
    assert (baseline.imd_rank, baseline.imd_decile, baseline.cni_rank) == (
        row["imd_rank"],
        row["imd_decile"],
        row["cni_rank"],
    )
    assert baseline.left_behind is True


def test_several_wards_sum_population_and_weight_the_score_by_it(wards, two_left_behind_in_one_lad):
    rows = wards.loc[two_left_behind_in_one_lad]
    baseline = baseline_for_wards(two_left_behind_in_one_lad)
    expected = (rows["imd_score"] * rows["population"]).sum() / rows["population"].sum()
    assert baseline.population == rows["population"].sum()
    assert baseline.imd_score == pytest.approx(expected, abs=0.001)
    assert baseline.imd_rank == rows["imd_rank"].min()
    assert baseline.cni_rank == rows["cni_rank"].min()


def test_an_unknown_ward_is_named_in_the_message():
    with pytest.raises(InputError) as refused:
        baseline_for_wards(["E05999999"])
    assert refused.value.message == (
        "E05999999 is not an English ward of December 2017 in the ONS lookup; "
        "check the code, or choose the geography it belongs to."
    )


def test_ward_codes_are_read_from_free_text_and_checked_for_shape():
    assert parse_area_codes("e05001234, E05001235\nE05001234", "ward17") == [
        "E05001234",
        "E05001235",
    ]
    with pytest.raises(InputError) as refused:
        parse_area_codes("E01001234", "ward17")
    assert refused.value.message == (
        "E01001234 is not an English ward code (expected E05 and 6 digits). "
        "Enter English ward codes (E05 and 6 digits), like E05001234."
    )


@pytest.mark.django_db
def test_a_hub_lead_creates_an_area_in_their_region_with_its_region_found_from_the_wards(
    make_person, client_for, two_left_behind_in_one_lad, wards
):
    load_regions()
    code = two_left_behind_in_one_lad[0]
    from n4c.platform.regions.models import LocalAuthority

    region = LocalAuthority.objects.get(code=wards.loc[code, "lad19_code"]).region
    lead = make_person(Role.HUB_LEAD, region)
    response = client_for(lead).post(
        "/api/areas/",
        data={"name": "Test area", "ward17_codes": [code]},
        content_type="application/json",
    )
    assert response.status_code == 201, response.content
    assert response.json()["region_code"] == region.code
    assert Area.objects.get().population == wards.loc[code, "population"]

    elsewhere = wards[
        (wards["left_behind"])
        & ~wards["lad19_code"].isin(
            LocalAuthority.objects.filter(region=region).values_list("code", flat=True)
        )
    ].index[0]
    page = client_for(lead).post(
        "/areas/new/",
        data={
            "name": "Elsewhere",
            "geography": "ward17",
            "codes": elsewhere,
            "stage": "prospect",
        },
    )
    assert "you can only add areas in your region" in page.text
    assert Area.objects.count() == 1


@pytest.mark.django_db
def test_an_adviser_cannot_create_areas(make_person, client_for):
    adviser = make_person(Role.ADVISER)
    assert client_for(adviser).get("/areas/new/").status_code == 403
    response = client_for(adviser).post(
        "/api/areas/",
        data={"name": "X", "ward17_codes": ["E05001234"]},
        content_type="application/json",
    )
    assert response.status_code == 403


def test_the_summary_has_every_baseline_field_the_model_declares():
    """The model declares the baseline once; the summary must supply each field by name."""
    from dataclasses import fields

    from n4c.needs import WardGroupSummary
    from n4c.platform.areas.admin import AreaAdmin
    from n4c.platform.areas.models import BASELINE_FIELDS

    assert set(BASELINE_FIELDS) <= {f.name for f in fields(WardGroupSummary)}
    assert list(AreaAdmin.readonly_fields) == list(BASELINE_FIELDS)
    assert BASELINE_FIELDS[:6] == (
        "population",
        "imd_score",
        "imd_rank",
        "imd_decile",
        "cni_rank",
        "left_behind",
    )


@pytest.mark.django_db
def test_ayresome_shows_ocsi_s_flag_beside_n4c_s_with_the_reason(client_for, make_person):
    """n4c's test finds Ayresome left behind; OCSI's published list does not, and both say so."""
    load_regions()
    national = make_person(Role.NATIONAL_TEAM)
    client = client_for(national)
    response = client.post(
        "/api/areas/",
        data={"name": "Ayresome", "ward17_codes": ["E05009854"]},
        content_type="application/json",
    )
    assert response.status_code == 201, response.content
    area = response.json()
    assert (area["left_behind"], area["left_behind_published"]) == (True, False)
    assert area["left_behind_difference"].startswith(
        "n4c counts this area as left behind and OCSI's published list does not. "
        "Ayresome (E05009854) ranks 715 on n4c's ward IMD score"
    )
    page = client.get(f"/areas/{area['id']}/").content.decode()
    assert "<dt>&#x27;Left behind&#x27; (n4c)</dt><dd>Yes</dd>" in page
    assert "<dt>&#x27;Left behind&#x27; (OCSI&#x27;s published list)</dt><dd>No</dd>" in page
    assert "<dt>Why the two differ</dt>" in page and "ranks 715 on n4c" in page


@pytest.mark.django_db
def test_an_area_made_before_the_published_flag_was_recorded_says_so(
    region, make_area, client_for, national
):
    area = make_area(region)
    page = client_for(national).get(f"/areas/{area.pk}/").content.decode()
    assert "<dd>Not recorded</dd>" in page
    assert "Why the two differ" not in page
    assert client_for(national).get(f"/api/areas/{area.pk}").json()["left_behind_published"] is None


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "opening", "ward"),
    [
        (
            "pl",
            "n4c uznaje ten obszar za „pozostawiony w tyle”, a opublikowana lista OCSI nie.",
            "Ayresome (E05009854) zajmuje 715. miejsce",
        ),
        (
            "ur",
            "n4c اس علاقے کو 'پیچھے رہ جانے والا' مانتا ہے، لیکن OCSI کی شائع شدہ فہرست نہیں مانتی۔",
            "Ayresome (E05009854)",
        ),
    ],
)
def test_why_n4c_and_ocsi_differ_reads_in_the_readers_language_and_is_kept_in_english(
    client_for, make_person, language, opening, ward
):
    """The area keeps the English sentence; its page and the API tell it in the reader's."""
    load_regions()
    client = client_for(make_person(Role.NATIONAL_TEAM))
    client.cookies["n4c_language"] = language
    response = client.post(
        "/api/areas/",
        data={"name": "Ayresome", "ward17_codes": ["E05009854"]},
        content_type="application/json",
    )
    assert response.status_code == 201, response.content
    area = Area.objects.get(pk=response.json()["id"])
    assert area.left_behind_difference.startswith("n4c counts this area as left behind")
    assert (
        area.snapshots.get()
        .need["ward17"]["left_behind_difference"]
        .startswith("n4c counts this area as left behind")
    )
    shown = response.json()["left_behind_difference"]
    assert shown.startswith(opening) and ward in shown and "715" in shown
    assert "n4c counts" not in shown and "OCSI builds" not in shown
    page = client.get(f"/areas/{area.pk}/").content.decode()
    assert escape(opening) in page and "n4c counts this area" not in page
    # An area whose first snapshot lacks the facts shows the English it stored.
    first = area.snapshots.get()
    del first.need["ward17"]["ward_differences"]
    AreaSnapshot.objects.filter(pk=first.pk).update(need=first.need)
    page = client.get(f"/areas/{area.pk}/").content.decode()
    assert escape(area.left_behind_difference) in page

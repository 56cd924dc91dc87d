"""Areas on 2017 wards, 2024 wards or LSOAs 2021, and their frozen, versioned baselines (real data)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from n4c.platform.areas.models import Area, AreaSnapshot
from n4c.platform.areas.services import change_area, create_area, refreeze_baseline
from n4c.platform.audit.models import AuditEvent
from n4c.platform.people.models import Role

BLOOMFIELD_17 = "E05001645"  # Bloomfield, Blackpool (December 2017)
BLOOMFIELD_24 = "E05015188"  # Bloomfield, Blackpool (2024)
BLOOMFIELD_LSOAS = "E01012670, E01012671, E01012672"

GEOGRAPHIES = [
    ("ward17", BLOOMFIELD_17, "WD"),
    ("ward24", BLOOMFIELD_24, "WD"),
    ("lsoa21", BLOOMFIELD_LSOAS, "LSOA"),
]


@pytest.mark.parametrize(("geography", "codes", "geo_code_type"), GEOGRAPHIES)
def test_an_area_is_made_on_each_geography_with_its_baseline_frozen(
    region, national, client_for, geography, codes, geo_code_type
):
    client = client_for(national)
    response = client.post(
        "/areas/new/",
        data={"name": "Bloomfield", "geography": geography, "codes": codes, "stage": "prospect"},
    )
    assert response.status_code == 302, response.content.decode()
    area = Area.objects.get()
    assert area.region == region
    assert area.area_codes() == (geography, codes.replace(",", "").split(), geo_code_type)
    # The 2019 figures come from its 2017 wards, as drawn or best fit: Bloomfield's.
    assert (area.imd_rank, area.left_behind, area.left_behind_published) == (1, True, True)
    assert area.wards17() == [BLOOMFIELD_17]
    frozen = area.snapshots.get()
    assert (frozen.version, frozen.geography, frozen.reason) == (1, geography, "The area joined.")
    assert frozen.need["imd2025"]["imd_decile"] == 1
    assert frozen.data_versions["n4c"] and len(frozen.data_versions["imd2025_lsoa21"]) == 64
    page = client.get(area.get_absolute_url()).content.decode()
    assert "Baseline when the area joined" in page
    assert "What this means" in page
    assert "ranks and deciles compare between the editions; scores do not" in page
    assert "Barriers to housing and services (IMD)" in page
    assert "Connectedness (CNI)" in page
    assert "1 of 7,433 wards of December 2017 (decile 1)" in page
    assert "1 of 6,784 wards of 2024 (decile 1)" in page


@pytest.mark.parametrize(
    ("geography", "codes", "message"),
    [
        ("lsoa21", "E01012670, E0101267", "E0101267 is not an English LSOA code"),
        ("ward24", "E05999999", "E05999999 is not an English ward of 2024 in the ONS lookup"),
        ("ward17", BLOOMFIELD_24, "E05015188 is not an English ward of December 2017"),
        ("lsoa21", BLOOMFIELD_17, "E05001645 is not an English LSOA code"),
    ],
)
def test_a_bad_code_is_named_on_the_codes_field(
    region, national, client_for, geography, codes, message
):
    response = client_for(national).post(
        "/areas/new/",
        data={"name": "X", "geography": geography, "codes": codes, "stage": "prospect"},
    )
    assert response.status_code == 400
    assert message in response.context["form"].errors["codes"][0]
    assert not Area.objects.exists()


def test_the_api_makes_an_lsoa_area_refuses_bad_codes_and_lists_snapshots(
    region, national, client_for
):
    client = client_for(national)
    refused = client.post(
        "/api/areas/",
        data={"name": "X", "geography": "lsoa21", "codes": ["E01999999"]},
        content_type="application/json",
    )
    assert refused.status_code == 422
    assert "E01999999 is not an English LSOA 2021 in the ONS lookup" in refused.content.decode()
    made = client.post(
        "/api/areas/",
        data={
            "name": "Bloomfield LSOAs",
            "geography": "lsoa21",
            "codes": BLOOMFIELD_LSOAS.split(", "),
            "start_date": "2026-04-01",
        },
        content_type="application/json",
    )
    assert made.status_code == 201, made.content
    body = made.json()
    assert (body["geography"], body["ward17_codes"], body["start_date"]) == (
        "lsoa21",
        [],
        "2026-04-01",
    )
    snapshots = client.get(f"/api/areas/{body['id']}/snapshots")
    assert snapshots.status_code == 200
    [frozen] = snapshots.json()
    assert frozen["start_date"] == "2026-04-01"
    assert frozen["need"]["lsoa21"]["lsoa21_count"] == 3
    assert frozen["meaning"][0].startswith("Its most deprived ward ranked")
    # Read-only: nothing writes a snapshot through the API.
    assert client.post(f"/api/areas/{body['id']}/snapshots").status_code == 405
    # A new start date freezes a new version; the first stays.
    patched = client.patch(
        f"/api/areas/{body['id']}",
        data={"start_date": "2026-05-01"},
        content_type="application/json",
    )
    assert patched.status_code == 200, patched.content
    versions = client.get(f"/api/areas/{body['id']}/snapshots").json()
    assert [(s["version"], s["start_date"]) for s in versions] == [
        (2, "2026-05-01"),
        (1, "2026-04-01"),
    ]


def test_the_admin_shows_the_geography_and_the_frozen_baselines_read_only(
    region, national, client, django_user_model
):
    area = create_area(national, name="Bloomfield", geography="ward24", codes=[BLOOMFIELD_24])
    client.force_login(django_user_model.objects.create_superuser("root", password="not-used-1"))
    page = client.get(f"/admin/areas/area/{area.pk}/change/").content.decode()
    assert "Wards (2024)" in page and BLOOMFIELD_24 in page
    assert "The area joined." in page
    assert 'name="codes"' not in page and 'name="geography"' not in page


def test_the_snapshot_stays_through_edits_and_refreezing_keeps_the_history(
    region, national, client_for
):
    area = create_area(national, name="Bloomfield", geography="ward24", codes=[BLOOMFIELD_24])
    first = area.snapshots.get()
    change_area(national, area, name="Bloomfield, Blackpool", stage="outreach")
    assert list(area.snapshots.all()) == [first]
    first.refresh_from_db()
    assert first.need["codes"] == [BLOOMFIELD_24]
    first.reason = "Rewritten"
    with pytest.raises(ValueError, match="never changed"):
        first.save()

    # Setting the start date freezes it again; the first version stays.
    change_area(national, area, start_date=dt.date(2026, 4, 1))
    assert [s.version for s in area.snapshots.all()] == [2, 1]
    assert area.snapshots.get(version=2).start_date == dt.date(2026, 4, 1)

    client = client_for(national)
    assert client.post(f"/areas/{area.pk}/baseline/refreeze/", {"reason": ""}).status_code == 200
    response = client.post(
        f"/areas/{area.pk}/baseline/refreeze/", {"reason": "The IMD 2025 files were corrected."}
    )
    assert response.status_code == 302
    latest = area.snapshots.first()
    assert (latest.version, latest.frozen_by, latest.reason) == (
        3,
        national,
        "The IMD 2025 files were corrected.",
    )
    assert AuditEvent.objects.filter(
        object_id=str(latest.pk), action=AuditEvent.Action.CREATED
    ).exists()
    page = client.get(area.get_absolute_url()).content.decode()
    assert "Earlier baselines" in page and "Version 1, frozen on" in page


def test_only_those_who_edit_the_area_may_refreeze_it(region, national, make_person, client_for):
    area = create_area(national, name="Bloomfield", codes=[BLOOMFIELD_17])
    adviser = make_person(Role.ADVISER, region)
    with pytest.raises(Exception, match="only change the areas"):
        refreeze_baseline(adviser, area, reason="Because.")
    member = make_person(Role.PARTNERSHIP_MEMBER, region)
    area.partnership_members.add(member)
    client = client_for(member)
    page = client.get(area.get_absolute_url()).content.decode()
    assert "What this means" in page
    assert "Freeze the baseline again" not in page
    assert client.post(f"/areas/{area.pk}/baseline/refreeze/", {"reason": "x"}).status_code == 403
    assert AreaSnapshot.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_existing_areas_become_2017_ward_areas():
    executor = MigrationExecutor(connection)
    before = [("areas", "0002_baseline_published_flag")]
    after = executor.loader.graph.leaf_nodes("areas")
    executor.migrate(before)
    old = executor.loader.project_state(before).apps
    region = old.get_model("regions", "Region").objects.create(code="E12000002", name="North West")
    old.get_model("areas", "Area").objects.create(
        name="Old",
        region=region,
        ward17_codes=[BLOOMFIELD_17],
        population=1,
        imd_score=1.0,
        imd_rank=1,
        imd_decile=1,
        cni_rank=1,
        left_behind=True,
    )
    executor = MigrationExecutor(connection)
    executor.migrate(after)
    area = Area.objects.get(name="Old")
    assert area.area_codes() == ("ward17", [BLOOMFIELD_17], "WD")
    assert area.start_date is None and not area.snapshots.exists()


@pytest.mark.parametrize(
    ("language", "sentence", "domain", "fit"),
    [
        (
            "pl",
            "Jego najbardziej zdeprywowany okręg zajmował pozycję 1",
            "Bariery w dostępie do mieszkań i usług (IMD)",
            "najlepiej dopasowane",
        ),
        (
            "ur",
            "اس کا سب سے زیادہ محروم وارڈ IMD 2019 میں",
            "رہائش اور خدمات تک رسائی میں رکاوٹیں (IMD)",
            "سب سے موزوں",
        ),
    ],
)
def test_the_baseline_reads_in_the_reader_s_language_and_is_kept_in_english(
    region, national, client_for, language, sentence, domain, fit
):
    """The sentences come from the analytics core; the record keeps them in English, whoever
    froze it, and each page or API answer makes them again in its reader's language."""
    client = client_for(national)
    area = _bloomfield_added_in(client, language, "lsoa21", BLOOMFIELD_LSOAS)
    frozen = area.snapshots.get()
    assert frozen.meaning[0].startswith("Its most deprived ward ranked 1 of")
    assert frozen.need["change"].startswith("Its most deprived ward ranked 1 of")
    page = client.get(area.get_absolute_url()).content.decode()
    assert sentence in page and domain in page and fit in page
    assert "Its most deprived ward ranked" not in page
    assert "Barriers to housing and services" not in page
    [answer] = client.get(f"/api/areas/{area.pk}/snapshots").json()
    assert answer["meaning"][0].startswith(sentence)
    client.cookies["n4c_language"] = "en-gb"
    english = client.get(area.get_absolute_url()).content.decode()
    assert "Its most deprived ward ranked 1 of" in english


def test_a_snapshot_whose_need_cannot_be_read_again_shows_its_stored_sentences(region, national):
    area = create_area(national, name="Bloomfield", geography="ward17", codes=[BLOOMFIELD_17])
    frozen = area.snapshots.get()
    AreaSnapshot.objects.filter(pk=frozen.pk).update(need={"older": "shape"}, meaning=["Kept."])
    assert AreaSnapshot.objects.get(pk=frozen.pk).explained == ["Kept."]


def test_a_wrong_code_is_refused_in_the_reader_s_language(region, national, client_for):
    client = client_for(national)
    client.cookies["n4c_language"] = "pl"
    page = client.post(
        "/areas/new/",
        data={"name": "X", "geography": "ward24", "codes": "E05999999", "stage": "prospect"},
    ).content.decode()
    assert "E05999999 nie jest angielskim okręgiem z 2024 r. w tabeli ONS" in page


def test_a_polish_reader_s_area_page_groups_thousands_with_a_space(region, national, client_for):
    """The baseline figures and the sentences about them write 7 433 and 70,5, the Polish way."""
    client = client_for(national)
    area = _bloomfield_added_in(client, "pl", "ward17", BLOOMFIELD_17)
    assert area.population >= 1000
    page = client.get(area.get_absolute_url()).content.decode()
    population = f"{area.population:,}".replace(",", "\xa0")
    score = f"{area.imd_score:.1f}".replace(".", ",")
    assert f"<dd>{population}</dd>" in page and f"<dd>{score}</dd>" in page, page
    assert "Jego najbardziej zdeprywowany okręg zajmował pozycję 1 na 7\xa0433 okręgów" in page
    assert "7,433" not in page and f"{area.population:,}" not in page
    client.cookies["n4c_language"] = "en-gb"
    english = client.get(area.get_absolute_url()).content.decode()
    assert f"<dd>{area.population:,}</dd>" in english
    assert "Its most deprived ward ranked 1 of 7,433 wards" in english


def _bloomfield_added_in(client, language: str, geography: str, codes) -> Area:
    """Bloomfield, added through the page by a reader of ``language``."""
    client.cookies["n4c_language"] = language
    data = {"name": "Bloomfield", "geography": geography, "codes": codes, "stage": "prospect"}
    assert client.post("/areas/new/", data=data).status_code == 302
    return Area.objects.get()

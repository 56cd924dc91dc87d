"""The register pages: the register with its map, CSV import and export, and the area page's link."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from n4c.platform.assets.models import Asset

pytestmark = pytest.mark.django_db

CSV = (
    "asset_id,name,kind,owner,postcode,latitude,longitude,lsoa_code,condition,status,use\n"
    "A1,The Red Lion,physical,Brewery plc,M1 1AE,53.5095,-2.2263,E01005153,fair,for-sale,Pub\n"
    "A2,Friday Choir,social,,M9 4AA,,,,,,Choir\n"
    "A3,Old Library,physical,Council,NOT A CODE,,,,,,Library\n"
)


def _import(client, area, text: str = CSV):
    upload = SimpleUploadedFile("register.csv", text.encode("utf-8"), content_type="text/csv")
    return client.post(reverse("assets:import", args=[area.pk]), {"file": upload}, follow=True)


def test_import_counts_rows_and_names_each_rejection(client_for, national, area):
    page = _import(client_for(national), area).content.decode()
    assert "Read 3 rows: 2 stored, 1 rejected." in page
    assert "register.csv, row 3, field &quot;postcode&quot;" in page
    assert list(Asset.objects.filter(area=area).values_list("reference", flat=True)) == ["A2", "A1"]


def test_an_import_in_polish_says_what_it_read_and_what_is_wrong_in_polish(
    client_for, national, area
):
    client = client_for(national)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "pl"
    page = _import(client, area).content.decode()
    assert "Odczytano 3 wiersze: zapisano 2, odrzucono 1." in page
    assert "nie jest brytyjskim kodem pocztowym. Wpisz kod pocztowy, na przykład SW1A 1AA." in page
    assert "is not a UK postcode" not in page


def test_reimporting_the_same_ids_rejects_them_rather_than_duplicating(client_for, national, area):
    client = client_for(national)
    _import(client, area)
    page = _import(client, area).content.decode()
    assert "Read 3 rows: 0 stored, 3 rejected." in page
    assert "already in this area&#x27;s register" in page
    assert Asset.objects.filter(area=area).count() == 2


def test_export_gives_back_what_was_imported(client_for, national, area):
    client = client_for(national)
    _import(client, area)
    exported = client.get(reverse("assets:export", args=[area.pk])).content.decode()
    lines = exported.splitlines()
    assert (
        lines[0]
        == "asset_id,name,kind,owner,postcode,latitude,longitude,lsoa_code,condition,status,use"
    )
    assert (
        "A1,The Red Lion,physical,Brewery plc,M1 1AE,53.5095,-2.2263,E01005153,fair,for-sale,Pub"
        in lines
    )


def test_the_register_shows_an_offline_map_and_lists_unmapped_assets(client_for, national, area):
    client = client_for(national)
    _import(client, area)
    page = client.get(reverse("assets:register", args=[area.pk])).content.decode()
    # The points link to their assets, so the map is a labelled group of links, not one image.
    assert '<svg class="asset-map" role="group" aria-labelledby="asset-map-title"' in page
    assert "<title>The Red Lion (Physical)</title>" in page
    assert "Not on the map (no coordinates)" in page and "Friday Choir" in page
    assert "http://" not in page.split("<svg", 1)[1].split("</svg>", 1)[0]


def test_a_reader_sees_no_import_form_and_cannot_post(client_for, specialist, area):
    client = client_for(specialist)
    page = client.get(reverse("assets:register", args=[area.pk])).content.decode()
    assert "Import a register" not in page
    assert _import(client, area).status_code == 403


def test_the_area_page_links_to_its_assets(client_for, national, area):
    page = client_for(national).get(area.get_absolute_url()).content.decode()
    assert f'href="{reverse("assets:register", args=[area.pk])}"' in page
    assert "Community assets and rights" in page


def _upload(client, area, content: bytes):
    upload = SimpleUploadedFile("register.csv", content, content_type="text/csv")
    return client.post(reverse("assets:import", args=[area.pk]), {"file": upload}, follow=True)


def test_a_windows_1252_upload_is_read_as_the_core_reads_it(client_for, national, area):
    page = _upload(
        client_for(national),
        area,
        "name,kind,postcode,use\nCafé Rouge,physical,M1 1AE,Tea at £2\n".encode("cp1252"),
    ).content.decode()
    assert "Read 1 row (Windows-1252 text): 1 stored, 0 rejected." in page
    assert Asset.objects.get(area=area).use == "Tea at £2"


def test_an_upload_with_a_nul_names_the_row_and_stores_nothing(client_for, national, area):
    page = _upload(client_for(national), area, b"name,kind\nA,social\nB\x00,social\n")
    assert "register.csv, row 2: holds a NUL character" in page.content.decode()
    assert not Asset.objects.filter(area=area).exists()


def test_the_register_export_shows_formula_text_as_text(client_for, national, area):
    Asset.objects.create(
        area=area, name='=HYPERLINK("http://example.com","x")', kind="social", postcode="M1 1AE"
    )
    exported = client_for(national).get(reverse("assets:export", args=[area.pk])).content.decode()
    assert '"\'=HYPERLINK(""http://example.com"",""x"")"' in exported

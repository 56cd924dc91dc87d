"""Map pages, their GeoJSON and the place search, on the published data."""

from __future__ import annotations

import gzip
import json

import pytest

pytestmark = pytest.mark.django_db


def test_a_council_map_lists_its_wards_in_a_table_and_links_its_data(national, client_for):
    client = client_for(national)
    page = client.get("/maps/", {"what": "leftbehind", "lad": "Blackpool"})
    body = page.content.decode()
    assert page.status_code == 200
    assert "Left-behind wards (2019): Blackpool" in body
    assert '<tr data-code="E05001645"><td data-name>Bloomfield</td>' in body
    assert 'tabindex="0" role="region" aria-labelledby="map-areas-caption"' in body
    assert "/maps/data.geojson?what=leftbehind&amp;lad=E06000009" in body
    assert "vendor/leaflet/leaflet.js" in body
    # The map script fills in whole sentences, each language ordering its own words.
    assert 'data-text-area-in-council="%(name)s (%(council)s): %(heading)s %(value)s"' in body
    assert 'data-text-area="%(name)s: %(heading)s %(value)s"' in body
    assert "press Escape to move the map. %(area)s" in body


def test_the_geojson_has_one_feature_per_ward_with_its_colour(national, client_for):
    client = client_for(national)
    response = client.get("/maps/data.geojson", {"what": "imd", "lad": "E06000009"})
    assert response["Content-Type"] == "application/geo+json"
    data = json.loads(response.content)
    codes = {f["properties"]["code"] for f in data["features"]}
    assert len(codes) == 94  # Blackpool's LSOAs 2011
    assert all(f["geometry"]["type"] in ("Polygon", "MultiPolygon") for f in data["features"])
    again = client.get(
        "/maps/data.geojson",
        {"what": "imd", "lad": "E06000009"},
        HTTP_IF_NONE_MATCH=response["ETag"],
    )
    assert again.status_code == 304


def test_the_national_data_goes_gzipped_in_under_two_megabytes(national, client_for):
    response = client_for(national).get(
        "/maps/data.geojson", {"what": "leftbehind"}, HTTP_ACCEPT_ENCODING="gzip"
    )
    assert response["Content-Encoding"] == "gzip"
    assert len(response.content) < 2_000_000
    data = json.loads(gzip.decompress(response.content))
    assert len(data["features"]) == 7_433


def test_a_council_name_with_several_matches_offers_choices(national, client_for):
    body = client_for(national).get("/maps/", {"lad": "Newcastle"}).content.decode()
    assert "Choose which council you mean by “Newcastle”." in body
    assert "E08000021" in body  # Newcastle upon Tyne
    assert "E07000195" in body  # Newcastle-under-Lyme


def test_a_grant_map_without_grants_says_how_to_import_them(national, client_for, settings):
    body = client_for(national).get("/maps/", {"what": "spending"}).content.decode()
    assert "n4c spending import" in body


def test_place_search_finds_a_ward_by_part_of_its_name(national, client_for):
    client = client_for(national)
    body = client.get("/maps/places/", {"q": "bloomfie", "kind": "ward"}).content.decode()
    assert "<strong>Bloomfield</strong> E05001645: ward (2017), Blackpool" in body
    partial = client.get("/maps/places/", {"q": "BLOOMFIELD"}, HTTP_HX_REQUEST="true")
    assert b"<html" not in partial.content and b"E05001645" in partial.content


def test_the_2025_edition_maps_2024_wards_and_councils_without_javascript(national, client_for):
    """The year is a GET parameter of the same form, so the choice works with no script."""
    client = client_for(national)
    page = client.get("/maps/", {"what": "leftbehind", "year": "2025", "lad": "Blackpool"})
    body = page.content.decode()
    assert page.status_code == 200
    assert "Left-behind wards (2025, n4c&#x27;s estimate): Blackpool" in body
    assert '<option value="2025" selected>2025 (2024 wards and councils)</option>' in body
    assert "Each area is a ward (2024)." in body
    assert "/maps/data.geojson?what=leftbehind&amp;lad=E06000009&amp;year=2025" in body
    data = json.loads(
        client.get(
            "/maps/data.geojson", {"what": "leftbehind", "year": "2025", "lad": "E06000009"}
        ).content
    )
    assert len(data["features"]) == 21  # Blackpool's 2024 wards
    assert sum(f["properties"]["bin"] == 0 for f in data["features"]) == 5
    refused = client.get("/maps/data.geojson", {"what": "imd", "year": "2025", "lad": "E07000026"})
    assert refused.status_code == 404
    assert "maps of IoD 2025 use 2024 councils" in refused.content.decode()


def test_the_2025_national_data_goes_gzipped_in_under_two_megabytes(national, client_for):
    response = client_for(national).get(
        "/maps/data.geojson", {"what": "imd", "year": "2025"}, HTTP_ACCEPT_ENCODING="gzip"
    )
    assert response["Content-Encoding"] == "gzip"
    assert len(response.content) < 2_000_000
    data = json.loads(gzip.decompress(response.content))
    assert len(data["features"]) == 6_784


def test_a_map_page_in_polish_has_a_polish_title_key_and_source(national, client_for):
    client = client_for(national)
    client.cookies["n4c_language"] = "pl"
    body = client.get("/maps/", {"what": "imd", "lad": "Blackpool"}).content.decode()
    assert '<html lang="pl"' in body
    assert "<h1>Decyl IMD 2019 każdego LSOA: Blackpool</h1>" in body
    assert "Każdy obszar to LSOA (2011)." in body
    assert "1 (największa deprywacja)" in body and "10 (najmniejsza deprywacja)" in body
    assert "Decyl IMD 2019 wśród LSOA 2011 w Anglii (MHCLG)." in body
    assert "most deprived" not in body and "decile of each" not in body
    # The data's address names the language, so a browser does not reuse another's figures.
    assert "/maps/data.geojson?what=imd&amp;lad=E06000009&amp;year=2019&amp;lang=pl" in body
    # What the map says of an area is one Polish sentence, its placeholders kept for the script.
    assert 'data-text-area-in-council="%(name)s (%(council)s): %(heading)s – %(value)s"' in body
    assert 'data-text-area="%(name)s: %(heading)s – %(value)s"' in body
    assert "naciśnij Escape, aby przesuwać mapę. %(area)s" in body


def test_a_map_page_in_urdu_orders_what_it_says_of_an_area_the_urdu_way(national, client_for):
    client = client_for(national)
    client.cookies["n4c_language"] = "ur"
    body = client.get("/maps/", {"what": "imd", "lad": "Blackpool"}).content.decode()
    assert '<html lang="ur" dir="rtl"' in body
    assert 'data-text-area-in-council="%(name)s (%(council)s) — %(heading)s: %(value)s"' in body
    assert 'data-text-area="%(name)s — %(heading)s: %(value)s"' in body
    assert "نقشہ ہلانے کے لیے Escape دبائیں۔ %(area)s" in body


def test_a_left_behind_map_in_polish_names_its_key_and_figures_in_polish(national, client_for):
    client = client_for(national)
    client.cookies["n4c_language"] = "pl"
    body = client.get("/maps/", {"what": "leftbehind", "lad": "Blackpool"}).content.decode()
    assert "<h1>Okręgi pozostawione w tyle (2019): Blackpool</h1>" in body
    assert "Każdy obszar to okręg (2017)." in body
    assert "Pozostałe okręgi" in body
    data = json.loads(
        client.get("/maps/data.geojson", {"what": "leftbehind", "lad": "E06000009"}).content
    )
    values = {f["properties"]["value"] for f in data["features"]}
    assert values == {"Pozostawiony w tyle", "Niepozostawiony w tyle"}


def test_an_english_reader_after_a_polish_one_still_gets_english(national, client_for):
    """The layers and their GeoJSON are cached per language, not once for everyone."""
    client = client_for(national)
    client.cookies["n4c_language"] = "pl"
    client.get("/maps/", {"what": "leftbehind"})
    polish = client.get("/maps/data.geojson", {"what": "leftbehind", "lad": "E06000009"})
    client.cookies["n4c_language"] = "en-gb"
    body = client.get("/maps/", {"what": "leftbehind"}).content.decode()
    assert "<h1>Left-behind wards (2019)</h1>" in body
    assert "Other wards" in body and "Pozostałe" not in body
    english = client.get(
        "/maps/data.geojson",
        {"what": "leftbehind", "lad": "E06000009"},
        HTTP_IF_NONE_MATCH=polish["ETag"],
    )
    assert english.status_code == 200  # another language, another ETag
    values = {f["properties"]["value"] for f in json.loads(english.content)["features"]}
    assert values == {"Left behind", "Not left behind"}


def test_a_refused_council_is_explained_in_the_readers_language(national, client_for):
    client = client_for(national)
    client.cookies["n4c_language"] = "pl"
    refused = client.get("/maps/data.geojson", {"what": "imd", "year": "2025", "lad": "E07000026"})
    assert refused.status_code == 404
    assert "mapy IoD 2025 używają samorządów z 2024 r." in refused.content.decode()

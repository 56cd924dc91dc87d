"""Maps of England and of one council: files that open, data small enough to send."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PIL import Image

from n4c.errors import DataMissingError, InputError
from n4c.maps import geojson_text, gzip_size, map_layer, write_map


@pytest.fixture(scope="module")
def left_behind():
    return map_layer("leftbehind")


def test_the_national_map_data_is_under_two_megabytes_gzipped(left_behind) -> None:
    text = geojson_text(left_behind)
    data = json.loads(text)
    assert len(data["features"]) == 7_433
    assert sum(f["properties"]["bin"] == 0 for f in data["features"]) == 225
    assert gzip_size(text) <= 2_000_000


@pytest.mark.parametrize("suffix", [".svg", ".png", ".html"])
def test_a_national_left_behind_map_is_written_in_each_format(
    left_behind, suffix, tmp_path: Path
) -> None:
    out = tmp_path / f"map{suffix}"
    write_map(left_behind, out)
    if suffix == ".svg":
        assert ET.parse(out).getroot().tag.endswith("svg")
        assert "Left behind (225)" in out.read_text()
    elif suffix == ".png":
        with Image.open(out) as image:
            assert image.format == "PNG" and image.width > 500
    else:
        page = out.read_text()
        assert "Leaflet" in page and '<tr data-code="E05001645">' in page
        assert "<script src=" not in page and "<link " not in page  # nothing fetched


def test_imd_for_one_council_is_by_lsoa(tmp_path: Path) -> None:
    layer = map_layer("imd", lad="e06000009")
    assert layer.level == "LSOA (2011)" and len(layer.areas) == 94
    assert sum(layer.counts()) == 94 and layer.counts()[0] > 0
    write_map(layer, tmp_path / "blackpool.svg")
    assert "1 (most deprived)" in (tmp_path / "blackpool.svg").read_text()


def test_an_unknown_council_and_a_missing_grants_database_are_explained(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="not a council in the 2019 lookup"):
        map_layer("imd", lad="E06999999")
    with pytest.raises(DataMissingError, match="n4c spending import FILE"):
        map_layer("spending", database=tmp_path / "none.duckdb")


def test_grant_money_per_head_maps_real_360giving_grants(tmp_path: Path) -> None:
    """Andrew Lloyd Webber Foundation grants, placed on regions and London boroughs."""
    from n4c.data import dataset_path
    from n4c.spending import import_grants

    grants = dataset_path("boundaries_lsoa11").parent / "360giving" / "a003W000001B7PzQAK.json"
    database = tmp_path / "grants.duckdb"
    import_grants([grants], database=database)
    layer = map_layer("spending", database=database, lad="E09000033")  # Westminster
    assert layer.bins[0].label == "No money placed"
    assert layer.bins[-1].label.startswith("£")
    assert sum(layer.counts()[1:]) > 0  # some wards get money
    assert all(value.startswith("£") for value in layer.areas["value"])
    write_map(layer, tmp_path / "westminster.png")
    assert (tmp_path / "westminster.png").stat().st_size > 1_000

"""Ward shapes dissolved from LSOA boundaries, written as GeoJSON with the ward table's columns."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import shapely

from n4c.data import load
from n4c.errors import InputError
from n4c.needs.boundaries import lsoa_shapes, ward_shapes, write_ward_geojson

# Two wards with several LSOAs each, and one CNI ward that the best-fit lookup gives no LSOA.
ABBEY = "E05000026"
ALIBON = "E05000027"


@pytest.fixture(scope="module")
def lookup() -> pd.DataFrame:
    return load("lookup_lsoa11_ward17")


@pytest.fixture(scope="module")
def ward_without_lsoas(lookup: pd.DataFrame) -> str:
    cni = load("cni2019_ward17")
    return str(cni.loc[~cni["ward17_code"].isin(lookup["ward17_code"]), "ward17_code"].iloc[0])


def test_every_lsoa_shape_is_read_with_its_code() -> None:
    shapes = lsoa_shapes()
    assert len(shapes) == 34_753
    assert shapes.index[0] == "E01000001"
    assert shapely.is_valid(shapes.to_numpy()).mean() > 0.99


def test_a_ward_is_the_union_of_its_lsoas(lookup: pd.DataFrame) -> None:
    """Its area equals the sum of its LSOAs' areas and it covers every one of them."""
    shape = ward_shapes([ABBEY])[ABBEY]
    members = lsoa_shapes().reindex(lookup.loc[lookup["ward17_code"] == ABBEY, "lsoa11_code"])
    assert len(members) > 1
    assert shape.area == pytest.approx(shapely.area(members.to_numpy()).sum(), rel=0.01)
    assert all(shape.buffer(1e-4).covers(m) for m in members)


def test_wards_come_back_in_the_order_asked_and_unknown_ones_have_no_shape(
    ward_without_lsoas: str,
) -> None:
    shapes = ward_shapes([ALIBON, ward_without_lsoas, ABBEY])
    assert shapes.index.tolist() == [ALIBON, ward_without_lsoas, ABBEY]
    assert shapes[ward_without_lsoas] is None
    assert isinstance(shapes[ABBEY], shapely.Geometry)


def test_the_geojson_keeps_one_feature_per_ward_with_its_properties(
    tmp_path: Path, ward_without_lsoas: str
) -> None:
    wards = pd.DataFrame(
        {
            "ward_code": [ABBEY, ALIBON, ward_without_lsoas],
            "ward_name": ["Abbey", "Alibon", "No LSOA"],
            "imd_score": [31.25, np.nan, 12.0],
            "imd_rank": pd.array([1049, 726, None], dtype="Int64"),
            "left_behind": [True, False, True],
        }
    )
    path = tmp_path / "wards.geojson"
    assert write_ward_geojson(wards, path) == 3
    collection = json.loads(path.read_text(encoding="utf-8"))
    assert collection["type"] == "FeatureCollection"
    first, second, third = collection["features"]
    assert first["properties"] == {
        "ward_code": ABBEY,
        "ward_name": "Abbey",
        "imd_score": 31.25,
        "imd_rank": 1049,
        "left_behind": True,
    }
    assert second["properties"]["imd_score"] is None
    assert third["properties"]["imd_rank"] is None and third["geometry"] is None
    assert shapely.from_geojson(json.dumps(first["geometry"])).geom_type in {
        "Polygon",
        "MultiPolygon",
    }


def test_only_left_behind_keeps_the_flagged_wards_whether_booleans_or_text(
    tmp_path: Path,
) -> None:
    wards = pd.DataFrame({"ward_code": [ABBEY, ALIBON], "left_behind": ["false", "true"]})
    path = tmp_path / "left_behind.geojson"
    assert write_ward_geojson(wards, path, only_left_behind=True) == 1
    features = json.loads(path.read_text(encoding="utf-8"))["features"]
    assert [f["properties"]["ward_code"] for f in features] == [ALIBON]


def test_a_table_without_the_code_column_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="the ward table has no column 'ward_code'"):
        write_ward_geojson(pd.DataFrame({"code": [ABBEY]}), tmp_path / "x.geojson")


def test_only_left_behind_needs_the_flag_column(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="needs a 'left_behind' column"):
        write_ward_geojson(
            pd.DataFrame({"ward_code": [ABBEY]}), tmp_path / "x.geojson", only_left_behind=True
        )


def test_2024_wards_are_dissolved_from_lsoa_2021_shapes() -> None:
    """A 2024 ward is the union of its LSOAs 2021; England's LSOA 2021 shapes are all read."""
    shapes21 = lsoa_shapes(2021)
    assert len(shapes21) == 33_755 and shapes21.index.name == "lsoa21_code"
    lookup = load("lookup_lsoa21_ward24_lad24")
    jaywick = "E05011963"
    members = shapes21.reindex(lookup.loc[lookup["ward24_code"] == jaywick, "lsoa21_code"])
    shape = ward_shapes([jaywick], ward_year=2024)[jaywick]
    assert len(members) > 1 and shape.is_valid
    assert shape.area == pytest.approx(shapely.area(members.to_numpy()).sum(), rel=0.01)


def test_a_ward_year_without_shapes_is_refused() -> None:
    with pytest.raises(
        InputError, match="2021 is not a ward year n4c has shapes for; choose 2017 or 2024"
    ):
        ward_shapes(["E05000026"], ward_year=2021)  # type: ignore[arg-type]


def test_wards_with_no_lsoa_get_no_shape_rather_than_an_error() -> None:
    from n4c.needs.boundaries import ward_shapes

    shapes = ward_shapes(["E05999999"])
    assert list(shapes.index) == ["E05999999"] and shapes.isna().all()

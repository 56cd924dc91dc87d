"""The demo registers: real LSOAs and points inside them, made only once."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
import shapely

from n4c.platform.areas.models import Area
from n4c.platform.assets.demo import seed
from n4c.platform.assets.models import Asset

pytestmark = pytest.mark.django_db
TODAY = dt.date(2026, 11, 1)
# Moss Side, Manchester (ward 2017) and its eight LSOAs in the ONS best-fit lookup.
WARD = "E05000695"
WARD_LSOAS = {
    "E01005296", "E01005150", "E01005151", "E01005152",
    "E01005153", "E01005155", "E01005157", "E01005159",
}  # fmt: skip


@pytest.fixture(autouse=True)
def _private_data_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("N4C_DATA_DIR", str(tmp_path_factory.mktemp("home")))
        yield


def demo_area(name: str, ward: str, region) -> Area:
    return Area.objects.create(
        name=name,
        region=region,
        ward17_codes=[ward],
        stage="active",
        population=8000,
        imd_score=45.0,
        imd_rank=100,
        imd_decile=1,
        cni_rank=50,
        left_behind=True,
    )


def test_demo_assets_sit_inside_their_areas_real_lsoas_and_are_made_once(regions, national):
    from n4c.needs.boundaries import lsoa_shapes

    moss_side = demo_area("Moss Side, Manchester", WARD, regions[0])
    # A ward code in no lookup: no LSOA, so no demo assets rather than invented places.
    nowhere = demo_area("Nowhere, Nowhere", "E05999999", regions[1])
    phrase = seed([moss_side, nowhere], national, TODAY)
    assert phrase == "4 community assets"
    assets = list(Asset.objects.filter(area=moss_side))
    assert {a.name for a in assets} == {
        "The Moss Arms",
        "Moss Community Hall",
        "Moss Rec",
        "Moss Youth Club",
    }
    assert not Asset.objects.filter(area=nowhere).exists()
    shapes = lsoa_shapes()
    for asset in assets:
        assert asset.lsoa_code in WARD_LSOAS
        point = shapely.Point(asset.longitude, asset.latitude)
        assert shapes[asset.lsoa_code].buffer(1e-4).contains(point), asset.name

    assert seed([moss_side, nowhere], national, TODAY) == phrase
    assert Asset.objects.count() == 4

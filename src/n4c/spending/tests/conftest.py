"""Tiny hand-made geographies for the spending tests."""

from __future__ import annotations

import pandas as pd
import pytest

from n4c.spending import Geography, build_geography


def tiny_lsoas() -> pd.DataFrame:
    """Four LSOAs in two wards of one district: ward A is left behind, ward B other deprived."""
    return pd.DataFrame(
        {
            "lsoa11_code": ["E01000001", "E01000002", "E01000003", "E01000004"],
            "msoa11_code": ["E02000001", "E02000001", "E02000002", "E02000002"],
            "ward17_code": ["E05000001", "E05000001", "E05000002", "E05000003"],
            "lad19_code": ["E09000001"] * 4,
            "population": [1000, 2000, 3000, 4000],
            "imd_rank": [1, 2, 3, 4],
            "imd_decile": [1, 1, 2, 10],
            "ward_imd_decile": [1.0, 1.0, 1.0, 9.0],
            "ward_left_behind": [True, True, False, False],
        }
    )


@pytest.fixture(scope="module")
def tiny() -> Geography:
    regions = pd.DataFrame({"lad19_code": ["E09000001"], "region19_code": ["E12000007"]})
    return build_geography(tiny_lsoas(), regions)

"""Shared fixtures: tiny hand-made areas and, for preset checks, England's wards."""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd
import pytest

FILES = Path(__file__).parent / "files"


@pytest.fixture
def five_areas() -> pd.DataFrame:
    """Five hand-made wards: two in IMD decile 1 (one 'left behind'), one empty ward."""
    return pd.read_csv(FILES / "five_areas.csv", dtype={"area_code": str})


@pytest.fixture(scope="module")
def england_wards() -> pd.DataFrame:
    """England's 7,433 wards from the need tables (needs the data mirror)."""
    if not os.environ.get("N4C_DATA_MIRROR"):
        pytest.skip("N4C_DATA_MIRROR is not set; the ward tables need the real data.")
    from n4c.allocation import load_areas

    return load_areas("ward", 2019)

"""Regions come from the packaged ONS lookup, each region and local authority once."""

from __future__ import annotations

import pytest

from n4c.data.regions import lad_regions
from n4c.platform.regions.models import LocalAuthority, Region
from n4c.platform.regions.services import load_regions

pytestmark = pytest.mark.django_db


def test_loading_regions_twice_gives_each_region_and_authority_once():
    table = lad_regions()
    assert load_regions() == (table["region19_code"].nunique(), len(table))
    load_regions()
    assert Region.objects.count() == table["region19_code"].nunique()
    assert LocalAuthority.objects.count() == len(table)
    blackpool = LocalAuthority.objects.get(code="E06000009")
    assert blackpool.region.name == "North West"

"""Needs profiles by domain from the published CNI 2019 ward file, and their use in matching."""

from __future__ import annotations

import pytest

from n4c.data import load
from n4c.platform.areas.models import Area
from n4c.platform.events.models import NeedsProfile
from n4c.platform.events.profiles import build_needs_profiles, rank_to_need
from n4c.platform.events.services import peer_suggestions

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def cni():
    return load("cni2019_ward17").set_index("ward17_code")


def _area(region, name, codes):
    return Area.objects.create(
        name=name,
        region=region,
        ward17_codes=codes,
        population=6000,
        imd_score=50.0,
        imd_rank=100,
        imd_decile=1,
        cni_rank=100,
        left_behind=True,
    )


def test_a_profile_takes_each_domains_neediest_ward_from_the_published_file(region, cni) -> None:
    codes = ["E05000026", "E05000027"]  # Abbey and Alibon, Barking and Dagenham
    area = _area(region, "Two wards", codes)
    built = build_needs_profiles([area])
    assert (built.made, built.not_in_file) == (1, ())
    domains = NeedsProfile.objects.get(area=area).domains
    best_engaged = int(cni.loc[codes, "Engaged community rank"].min())
    assert domains["engaged community (CNI 2019)"] == pytest.approx(
        rank_to_need(best_engaged, len(cni))
    )
    assert set(domains) == {
        "deprivation (IMD 2019)",
        "civic assets (CNI 2019)",
        "connectedness (CNI 2019)",
        "engaged community (CNI 2019)",
    }
    assert build_needs_profiles([area]).made == 0


def test_an_area_whose_wards_are_not_in_the_file_is_named(region) -> None:
    built = build_needs_profiles([_area(region, "Nowhere", ["E05999999"])])
    assert (built.made, built.not_in_file) == (0, ("Nowhere",))


def test_peer_reasons_name_the_cni_domains_once_profiles_exist(region) -> None:
    one = _area(region, "Abbey", ["E05000026"])
    two = _area(region, "Alibon", ["E05000027"])
    build_needs_profiles([one, two])
    [suggestion] = peer_suggestions(one, Area.objects.all())
    assert suggestion.area.name == "Alibon"
    assert "(CNI 2019)" in suggestion.reason

"""An area's need in both editions, on 2017 wards, 2024 wards or LSOAs 2021 (real data)."""

from __future__ import annotations

import os

import pytest

from n4c.errors import InputError
from n4c.needs import parse_area_codes, summarise_area, summarise_ward_group

needs_data = pytest.mark.skipif(
    not os.environ.get("N4C_DATA_MIRROR"), reason="needs the data mirror"
)

BLOOMFIELD_17 = "E05001645"  # Bloomfield, Blackpool (December 2017)
BLOOMFIELD_24 = "E05015188"  # Bloomfield, Blackpool (2024)
BLOOMFIELD_LSOAS = ["E01012670", "E01012671", "E01012672"]


def test_parse_names_the_bad_code():
    assert parse_area_codes("e05001645, E05001645", "ward17") == [BLOOMFIELD_17]
    with pytest.raises(InputError, match="E0100123 is not an English LSOA code") as caught:
        parse_area_codes("E01012670 E0100123", "lsoa21")
    assert caught.value.field == "codes"
    with pytest.raises(InputError, match="not a geography"):
        parse_area_codes("E05001645", "msoa11")


@needs_data
def test_a_2017_ward_reuses_the_ward_group_summary_and_reaches_2025_through_its_lsoas():
    need = summarise_area("ward17", [BLOOMFIELD_17])
    assert need.ward17 == summarise_ward_group([BLOOMFIELD_17])
    assert need.imd2019.fit == "as drawn"
    assert (need.imd2019.imd_rank, need.imd2019.imd_decile) == (1, 1)
    assert need.imd2019.population == need.ward17.population == 6745
    assert need.ward17.left_behind and need.ward17.left_behind_published
    # Bloomfield keeps its name and, through its five LSOAs, its 2024 ward.
    assert len(need.lsoa11_codes) == 5
    assert need.imd2025.fit == "best fit"
    assert need.imd2025.ward_codes == (BLOOMFIELD_24,)
    assert need.imd2025.wards_ranked == 6784
    assert need.imd2025.imd_decile == 1 and need.imd2025.left_behind
    assert need.imd_decile_change == 0
    assert "Ranks and deciles compare between the editions; scores do not." in need.change
    assert [d.domain for d in need.imd2025.imd_domains] == [
        "income",
        "employment",
        "education",
        "health",
        "crime",
        "barriers",
        "living_environment",
    ]
    assert [d.domain for d in need.imd2019.cni_domains] == [
        "civic_assets",
        "connectedness",
        "engaged_community",
    ]
    # What drives it: income first among wards, barriers to housing well outside the worst tenth.
    income = need.imd2019.imd_domains[0]
    barriers = need.imd2019.imd_domains[5]
    assert (income.rank, income.decile) == (1, 1)
    assert barriers.decile > 5


@needs_data
def test_a_2024_ward_reaches_2019_the_other_way():
    need = summarise_area("ward24", [BLOOMFIELD_24])
    assert need.imd2025.fit == "as drawn"
    assert need.imd2019.fit == "best fit"
    assert need.imd2019.ward_codes == (BLOOMFIELD_17,)
    assert need.lad19_codes == ("E06000009",)
    assert need.lsoa21.lsoa21_count == 5


@needs_data
def test_a_set_of_lsoas_has_the_lsoa_variant_and_best_fit_wards():
    need = summarise_area("lsoa21", BLOOMFIELD_LSOAS)
    assert need.lsoa21.lsoa21_count == 3
    assert need.lsoa21.left_behind and need.lsoa21.left_behind_published
    # Three of Bloomfield's five LSOAs hold more than half its people: its wards fit best.
    assert need.imd2019.ward_codes == (BLOOMFIELD_17,)
    assert need.imd2025.ward_codes == (BLOOMFIELD_24,)
    assert 0 < need.lsoa21.population < need.imd2025.population


@needs_data
def test_unknown_codes_are_named():
    with pytest.raises(InputError, match="E05999999 is not an English ward of 2024"):
        summarise_area("ward24", [BLOOMFIELD_24, "E05999999"])
    with pytest.raises(InputError, match="E01999999"):
        summarise_area("lsoa21", ["E01999999"])


@needs_data
def test_the_need_is_explained_and_versioned():
    from n4c.needs import area_need_versions, explain_area_need

    need = summarise_area("lsoa21", BLOOMFIELD_LSOAS)
    sentences = explain_area_need(need)
    assert sentences[0] == need.change
    assert any("OCSI's published list" in s for s in sentences)
    assert any("best fit" in s for s in sentences)
    versions = area_need_versions()
    assert versions["n4c"]
    assert len(versions["imd2025_lsoa21"]) == 64


@needs_data
def test_a_stored_need_is_read_again_with_why_its_two_answers_differ():
    """The stored need keeps the facts behind the difference; an older record without them reads."""
    import json
    from dataclasses import asdict

    from n4c.needs import area_need_from_dict

    need = summarise_area("ward17", ["E05009854"])  # Ayresome: n4c yes, OCSI no
    stored = json.loads(json.dumps(asdict(need)))
    again = area_need_from_dict(stored)
    assert again == need
    assert again.ward17.ward_differences[0].reason == "ocsi_method_outside"
    del stored["ward17"]["ward_differences"]
    assert area_need_from_dict(stored).ward17.ward_differences == ()

"""One ward-group summary and one rule for when a group of wards is 'left behind'."""

from __future__ import annotations

import os
from dataclasses import replace

import pandas as pd
import pytest

from n4c.errors import InputError
from n4c.needs import (
    LEFT_BEHIND_GROUP_RULE,
    difference_sentence,
    group_is_left_behind,
    left_behind_listing,
    summarise_groups,
    summarise_ward_group,
    ward_table,
)

needs_data = pytest.mark.skipif(
    not os.environ.get("N4C_DATA_MIRROR"), reason="needs the data mirror"
)

# Three hand-made wards in two groups: the North group has one left-behind ward of three
# people in four; the South group one ward that OCSI lists and n4c does not.
WARDS = pd.DataFrame(
    {
        "group": ["North", "North", "South"],
        "population": [3000, 1000, 2000],
        "imd_score": [50.0, 10.0, 30.0],
        "cni_score": [100.0, 20.0, 60.0],
        "left_behind": [True, False, False],
        "left_behind_published": [True, False, True],
    }
)


def test_a_group_is_left_behind_when_most_of_its_residents_live_in_left_behind_wards() -> None:
    summary = summarise_groups(WARDS, by="group").set_index("group")
    assert summary.loc["North", "left_behind_share"] == pytest.approx(0.75)
    assert summary.loc["North", "imd_score"] == pytest.approx((50 * 3000 + 10 * 1000) / 4000)
    assert summary.loc["North", "cni_score"] == pytest.approx((100 * 3000 + 20 * 1000) / 4000)
    assert [bool(summary.loc["North", c]) for c in ("left_behind", "left_behind_published")] == [
        True,
        True,
    ]
    assert [bool(summary.loc["South", c]) for c in ("left_behind", "left_behind_published")] == [
        False,
        True,
    ]
    assert "more than half of its residents" in LEFT_BEHIND_GROUP_RULE


def test_exactly_half_is_not_most() -> None:
    assert group_is_left_behind([0.5, 0.5001, float("nan")]).tolist() == [False, True, False]


def test_row_order_changes_no_group() -> None:
    shuffled = WARDS.iloc[[2, 0, 1]]
    pd.testing.assert_frame_equal(
        summarise_groups(WARDS, by="group"), summarise_groups(shuffled, by="group")
    )


@needs_data
def test_ayresome_is_left_behind_for_n4c_not_for_ocsi_and_the_reason_says_why() -> None:
    """Ayresome ranks 715 on n4c's ward IMD score, inside the 742 cut-off; OCSI does not list it."""
    ayresome = summarise_ward_group(["E05009854"])
    assert (ayresome.left_behind, ayresome.left_behind_published) == (True, False)
    assert ayresome.left_behind_difference == (
        "n4c counts this area as left behind and OCSI's published list does not. "
        "Ayresome (E05009854) ranks 715 on n4c's ward IMD score, inside the most deprived 742 "
        "wards. n4c averages whole LSOAs over each ward (the ONS best fit); OCSI builds its ward "
        "scores differently (from Output Areas, by its own account), which leaves it outside "
        "OCSI's most deprived tenth."
    )


@needs_data
def test_the_reason_is_kept_as_facts_that_tell_the_same_sentence_again() -> None:
    """The facts behind the sentence let a page say it again in its reader's language."""
    ayresome = summarise_ward_group(["E05009854"])
    (ward,) = ayresome.ward_differences
    assert (ward.reason, ward.ward17_code, ward.imd_rank, ward.imd_cut) == (
        "ocsi_method_outside",
        "E05009854",
        715,
        742,
    )
    assert difference_sentence(ayresome) == ayresome.left_behind_difference
    as_two = replace(ayresome, ward17_codes=("E05009854", "E05009855"))
    assert LEFT_BEHIND_GROUP_RULE in difference_sentence(as_two)
    assert difference_sentence(replace(ayresome, left_behind_published=True)) == ""


@needs_data
def test_a_ward_past_ocsi_s_highest_cni_rank_is_explained_by_that() -> None:
    winton = summarise_ward_group(["E05000777"])
    assert "OCSI's list includes no ward ranked beyond 732 on the CNI" in (
        winton.left_behind_difference
    )


@needs_data
def test_a_group_where_both_agree_has_no_reason_and_sums_its_wards() -> None:
    wards = ward_table().set_index("ward17_code")
    codes = ["E05009854", "E05009855"]
    group = summarise_ward_group(codes)
    assert group.population == wards.loc[codes, "population"].sum()
    assert group.imd_rank == wards.loc[codes, "imd_rank"].min()
    assert (group.left_behind, group.left_behind_published) == (True, True)
    assert group.left_behind_difference == ""


@needs_data
def test_an_unknown_ward_is_named() -> None:
    with pytest.raises(InputError) as refused:
        summarise_ward_group(["E05999999"])
    assert refused.value.message == (
        "E05999999 is not in the Community Needs Index 2019 ward list. "
        "Check the code against the December 2017 wards."
    )


@needs_data
def test_the_left_behind_listing_puts_ocsi_s_flag_beside_n4c_s() -> None:
    listing = left_behind_listing(2019)
    assert list(listing.table.columns[:8]) == [
        "ward_code",
        "ward_name",
        "imd_score",
        "imd_rank",
        "cni_rank",
        "left_behind",
        "left_behind_published",
        "left_behind_difference",
    ]
    differ = listing.table["left_behind"] != listing.table["left_behind_published"]
    assert int(differ.sum()) == 12
    assert (listing.table.loc[differ, "left_behind_difference"] != "").all()
    assert (listing.table.loc[~differ, "left_behind_difference"] == "").all()
    assert listing.agreement is not None
    assert listing.agreement.matched == 219

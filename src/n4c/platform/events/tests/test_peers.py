"""Peer suggestion scoring (pure): the reasons read as sentences and the order follows them."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from n4c.platform.events.peers import AreaProfile, needs_similarity, suggest_peers

HOME = AreaProfile(
    1,
    "Northmoor",
    "North West",
    "",
    {"IMD": 0.95, "CNI": 0.9},
    frozenset({"housing", "young people"}),
)


def test_the_reason_names_similar_needs_shared_priorities_and_region() -> None:
    twin = AreaProfile(
        2,
        "Eastfield",
        "North West",
        "",
        {"IMD": 0.94, "CNI": 0.91},
        frozenset({"housing", "young people"}),
    )
    [suggestion] = suggest_peers(HOME, [twin])
    assert suggestion.reason == (
        "Its needs are very like yours (99% alike), closest on CNI and IMD. "
        "You share 2 plan priorities: “housing” and “young people”. "
        "It is in the same region (North West)."
    )


def test_an_area_with_nothing_in_common_is_not_suggested() -> None:
    other = AreaProfile(3, "Seaview", "South East", "", {"IMD": 0.1, "CNI": 0.05})
    assert suggest_peers(HOME, [other]) == []


def test_closer_needs_rank_first_and_existing_links_and_self_are_left_out() -> None:
    close = AreaProfile(2, "Close", "Elsewhere", "", {"IMD": 0.94, "CNI": 0.9})
    looser = AreaProfile(3, "Looser", "Elsewhere", "", {"IMD": 0.7, "CNI": 0.7})
    linked = AreaProfile(4, "Linked", "North West", "", {"IMD": 0.95, "CNI": 0.9})
    names = [s.area.name for s in suggest_peers(HOME, [looser, HOME, close, linked], exclude={4})]
    assert names == ["Close", "Looser"]


def test_the_same_council_area_counts_as_nearer_than_the_same_region() -> None:
    home = AreaProfile(1, "A", "North West", "Oldham")
    same_council = AreaProfile(2, "B", "North West", "Oldham")
    same_region = AreaProfile(3, "C", "North West", "Bolton")
    found = suggest_peers(home, [same_region, same_council])
    assert [s.area.name for s in found] == ["B", "C"]
    assert found[0].reason == "It is in the same council area (Oldham)."


scores = st.floats(min_value=0, max_value=1, allow_nan=False)


@given(
    a=st.dictionaries(st.sampled_from("abcdefg"), scores, min_size=1),
    b=st.dictionaries(st.sampled_from("abcdefg"), scores, min_size=1),
)
def test_needs_similarity_is_symmetric_and_between_0_and_1(a, b) -> None:
    forward, backward = needs_similarity(a, b), needs_similarity(b, a)
    if forward is None:
        assert backward is None
        return
    assert backward is not None
    assert abs(forward[0] - backward[0]) < 1e-12
    assert 0 <= forward[0] <= 1


@given(profile=st.dictionaries(st.sampled_from("abcdefg"), scores, min_size=1))
def test_an_identical_profile_is_fully_alike(profile) -> None:
    result = needs_similarity(profile, dict(profile))
    assert result is not None and result[0] == 1.0

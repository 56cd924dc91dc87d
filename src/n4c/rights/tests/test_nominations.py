"""Who may nominate an asset of community value, and the forum's 21 members."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from n4c.errors import InputError
from n4c.rights import (
    BODIES_THAT_MAY_NOMINATE,
    NOMINATING_BODIES,
    check_forum,
    check_nominator,
    default_rulebook,
    load_rulebook,
)
from n4c.rights.letters import _BODY_WORDS

D = dt.date
REFORM = Path(__file__).parent / "files" / "community_right_to_buy_2027.toml"


@pytest.mark.parametrize(
    ("members", "eligible"), [(0, False), (20, False), (21, True), (150, True)]
)
def test_an_unincorporated_group_needs_21_members_on_the_local_register(members, eligible):
    result = check_nominator(
        "unincorporated-body",
        on=D(2026, 1, 1),
        rulebook=default_rulebook(),
        registered_members=members,
    )
    assert result.eligible is eligible
    assert result.citation == "SI 2012/2421 regs 4 and 5(1)"
    if not eligible:
        assert (
            f"at least 21 members on the local electoral register; it has {members}"
            in result.reason
        )


def test_the_membership_threshold_is_versioned_data():
    book = load_rulebook([REFORM])
    before = check_nominator(
        "unincorporated-body", on=D(2026, 12, 31), rulebook=book, registered_members=12
    )
    after = check_nominator(
        "unincorporated-body", on=D(2027, 1, 1), rulebook=book, registered_members=12
    )
    assert (before.eligible, after.eligible) == (False, True)


def test_individuals_cannot_nominate_and_parish_councils_can():
    book = default_rulebook()
    assert not check_nominator("individual", on=D(2026, 1, 1), rulebook=book).eligible
    assert check_nominator("parish-council", on=D(2026, 1, 1), rulebook=book).eligible


def test_a_body_that_shares_out_surplus_cannot_nominate():
    result = check_nominator(
        "charity", on=D(2026, 1, 1), rulebook=default_rulebook(), distributes_surplus=True
    )
    assert not result.eligible and "must not distribute any surplus" in result.reason


def test_missing_member_count_and_unknown_body_are_clear_errors():
    with pytest.raises(InputError, match="how many members are registered to vote"):
        check_nominator("unincorporated-body", on=D(2026, 1, 1), rulebook=default_rulebook())
    with pytest.raises(InputError, match="'club' is not a kind of nominating body"):
        check_nominator("club", on=D(2026, 1, 1), rulebook=default_rulebook())


def test_a_forum_needs_21_members():
    book = default_rulebook()
    assert not check_forum(20, on=D(2026, 1, 1), rulebook=book).eligible
    assert check_forum(21, on=D(2026, 1, 1), rulebook=book).eligible
    with pytest.raises(
        InputError, match=r"No threshold 'np\.forum-members' was in force on 2011-01-01"
    ):
        check_forum(21, on=D(2011, 1, 1), rulebook=book)


def test_a_letter_names_every_kind_of_body_that_may_nominate_and_no_other():
    assert "individual" in NOMINATING_BODIES and "individual" not in BODIES_THAT_MAY_NOMINATE
    assert sorted(_BODY_WORDS) == sorted(BODIES_THAT_MAY_NOMINATE)

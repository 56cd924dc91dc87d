"""Assumption files: the defaults cite the Network for Communities report, a user's file overrides only what it names."""

from __future__ import annotations

from pathlib import Path

import pytest

from n4c.errors import InputError
from n4c.rollout import (
    assumptions_from_dict,
    default_assumptions,
    default_assumptions_dict,
    load_assumptions,
    plan_rollout,
    yearly_cost,
)

FILES = Path(__file__).parent / "files"


def test_the_defaults_cite_the_reports_estimate() -> None:
    defaults = default_assumptions()
    assert "£3.5m" in defaults.estimate
    assert {r.key: r.areas_per_post for r in defaults.roles if r.group == "caseload"} == {
        "adviser": 10,
        "community_worker": 5,
    }


def test_a_users_file_changes_only_what_it_names() -> None:
    """higher_pay.toml raises adviser pay, adds a cost line and picks the ramp; the rest stays."""
    defaults = default_assumptions()
    changed = load_assumptions(FILES / "higher_pay.toml")
    assert changed.role("adviser").salary_gbp == 45_000
    assert changed.role("adviser").areas_per_post == 10
    assert changed.role("community_worker") == defaults.role("community_worker")
    assert changed.per_area_gbp["small_grants_gbp"] == 1_000
    assert changed.per_area_gbp["events_gbp"] == defaults.per_area_gbp["events_gbp"]
    assert changed.profile == "ramp"
    extra = yearly_cost(100, changed).total_gbp - yearly_cost(100).total_gbp
    # 10 advisers × £5,000 more, with 28% on-costs, plus £1,000 for each of 100 areas.
    assert extra == pytest.approx(10 * 5_000 * 1.28 + 100 * 1_000)
    assert [y.areas for y in plan_rollout(60, 3, changed)] == [10, 30, 60]


def test_a_zero_caseload_names_the_file_and_field() -> None:
    with pytest.raises(InputError) as caught:
        load_assumptions(FILES / "bad_role.toml")
    assert str(caught.value) == (
        'bad_role.toml, field "roles[1].areas_per_post": "0" must be a number from 0.1 to 1,000.'
    )


def test_a_cost_line_without_its_unit_is_refused() -> None:
    with pytest.raises(
        InputError, match=r'cost line "laptops" must name its unit: end it with _gbp'
    ):
        load_assumptions(FILES / "bad_line.toml")


def test_a_missing_file_says_so() -> None:
    with pytest.raises(InputError, match=r"nope\.toml: cannot read the assumptions file"):
        load_assumptions(FILES / "nope.toml")


def test_a_role_needs_its_pay() -> None:
    raw = default_assumptions_dict()
    raw["roles"].append({"key": "fundraiser", "areas_per_post": 50})
    with pytest.raises(InputError, match='role "fundraiser" needs salary_gbp'):
        assumptions_from_dict(raw)


def test_an_unknown_profile_is_refused() -> None:
    raw = default_assumptions_dict()
    raw["phasing"]["profile"] = "big_bang"
    with pytest.raises(
        InputError, match='"big_bang" is not a phasing profile; choose even or ramp'
    ):
        assumptions_from_dict(raw)


def test_a_misspelt_key_is_refused_before_it_is_merged_with_the_defaults() -> None:
    """Merged over the defaults, `salery_gbp` would leave the adviser's default pay in place."""
    with pytest.raises(InputError) as raised:
        load_assumptions(FILES / "misspelt_key.toml")
    assert str(raised.value).startswith(
        'misspelt_key.toml, field "roles[1].salery_gbp": "salery_gbp" is not a key of '
        '[roles[1]]; did you mean "salary_gbp"?'
    )


def test_a_misspelt_table_key_in_a_dictionary_is_refused() -> None:
    raw = default_assumptions_dict()
    raw["costs"]["on_cost_percent"] = 30
    with pytest.raises(InputError, match=r'did you mean "on_costs_percent"\?'):
        assumptions_from_dict(raw)

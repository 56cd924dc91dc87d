"""The rollout model: posts from caseloads, yearly cost from the assumptions, phasing."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from n4c.errors import InputError
from n4c.rollout import (
    default_assumptions,
    phase_areas,
    plan_rollout,
    staff_needed,
    yearly_cost,
)

DEFAULTS = default_assumptions()
areas_counts = st.integers(min_value=0, max_value=5_000)


def test_100_areas_need_the_reports_staff_and_cost_about_3_5m() -> None:
    """The Network for Communities report's estimate: 10 advisers, 20 community workers, 10 cross-cutting, about £3.5m."""
    cost = yearly_cost(100)
    assert cost.staff["adviser"] == 10
    assert cost.staff["community_worker"] == 20
    assert cost.staff_by_group == {"caseload": 30, "cross_cutting": 10}
    assert abs(cost.total_gbp - 3_500_000) <= 0.02 * 3_500_000


def test_the_cost_lines_add_up_from_the_assumptions() -> None:
    """Salaries are posts times pay; on-costs a percentage of them; other lines scale as stated."""
    cost = yearly_cost(10)
    salaries = sum(cost.staff[r.key] * r.salary_gbp for r in DEFAULTS.roles)
    assert cost.lines_gbp["salaries_gbp"] == salaries
    assert cost.lines_gbp["on_costs_gbp"] == pytest.approx(
        salaries * DEFAULTS.on_costs_percent / 100
    )
    assert cost.lines_gbp["travel_gbp"] == cost.staff_total * DEFAULTS.per_post_gbp["travel_gbp"]
    assert cost.lines_gbp["events_gbp"] == 10 * DEFAULTS.per_area_gbp["events_gbp"]
    assert cost.lines_gbp["governance_gbp"] == DEFAULTS.fixed_gbp["governance_gbp"]


def test_no_areas_need_no_staff_and_cost_nothing() -> None:
    cost = yearly_cost(0)
    assert cost.staff_total == 0
    assert cost.total_gbp == 0


def test_one_area_over_a_caseload_needs_another_post() -> None:
    assert staff_needed(10)["adviser"] == 1
    assert staff_needed(11)["adviser"] == 2
    assert staff_needed(6)["community_worker"] == 2


def test_a_negative_number_of_areas_is_refused_with_a_message() -> None:
    with pytest.raises(InputError, match=r"whole number from 0 to 10,000, not -3"):
        staff_needed(-3)


@given(areas=areas_counts)
def test_staff_never_fall_below_caseload_need(areas: int) -> None:
    """No post holds more areas than its role's cap."""
    staff = staff_needed(areas)
    for role in DEFAULTS.roles:
        assert staff[role.key] * role.areas_per_post >= areas
        # and no more posts than needed: one post fewer would break the cap.
        assert (staff[role.key] - 1) * role.areas_per_post < areas or areas == 0


@given(fewer=areas_counts, more=areas_counts)
def test_staff_and_cost_never_fall_as_areas_grow(fewer: int, more: int) -> None:
    fewer, more = sorted((fewer, more))
    small, large = staff_needed(fewer), staff_needed(more)
    assert all(small[key] <= large[key] for key in small)
    assert yearly_cost(fewer).total_gbp <= yearly_cost(more).total_gbp


@given(areas=areas_counts)
def test_every_cost_line_is_non_negative(areas: int) -> None:
    assert all(value >= 0 for value in yearly_cost(areas).lines_gbp.values())


@given(
    areas=areas_counts,
    years=st.integers(min_value=1, max_value=12),
    profile=st.sampled_from(["even", "ramp"]),
)
def test_phasing_grows_to_the_target_and_never_falls(areas: int, years: int, profile: str) -> None:
    cumulative = phase_areas(areas, years, profile=profile)  # type: ignore[arg-type]
    assert len(cumulative) == years
    assert cumulative[-1] == areas
    assert all(a <= b for a, b in zip([0, *cumulative], cumulative, strict=False))


def test_an_even_rollout_adds_nearly_the_same_number_each_year() -> None:
    plan = plan_rollout(100, 3)
    assert [y.new_areas for y in plan] == [34, 33, 33]
    assert [y.areas for y in plan] == [34, 67, 100]
    assert plan[-1].cost.total_gbp == yearly_cost(100).total_gbp


def test_a_ramp_starts_small() -> None:
    assert phase_areas(60, 3, profile="ramp") == [10, 30, 60]


def test_cohort_shares_must_match_the_years() -> None:
    with pytest.raises(InputError, match="cohort_shares has 2 values but the rollout has 3 years"):
        phase_areas(100, 3, cohort_shares=(1, 1))


def test_zero_years_is_refused() -> None:
    with pytest.raises(InputError, match="number of years must be a whole number from 1 to 20"):
        phase_areas(100, 0)


def test_a_rollout_past_its_bounds_is_refused_before_any_work() -> None:
    """200,000 years or a million areas is one sentence, not minutes of work and gigabytes."""
    with pytest.raises(
        InputError, match="number of years must be a whole number from 1 to 20, not 200000"
    ):
        plan_rollout(100, 200_000)
    with pytest.raises(InputError, match="number of areas must be a whole number from 0 to 10,000"):
        plan_rollout(1_000_000, 3)


def test_the_json_form_of_a_year_carries_staff_and_cost() -> None:
    document = plan_rollout(100, 3)[-1].to_dict()
    assert document["staff_total"] == 40
    assert document["total_cost_gbp"] == pytest.approx(sum(document["cost_gbp"].values()))
    assert math.isclose(document["total_cost_gbp"], yearly_cost(100).total_gbp)


def test_the_models_refusals_stay_english_without_django() -> None:
    """The CLI's case: nothing installs a language, so each refusal reads as it always has."""
    import subprocess
    import sys

    script = """
import sys
from n4c.errors import InputError
from n4c.rollout import bounds, phase_areas
for refuse in (
    lambda: phase_areas(100, 4, cohort_shares=(1, 2, 3)),
    lambda: phase_areas(100, 0),
    lambda: bounds.SALARY_GBP.check(1e30, field="roles[1].salary_gbp"),
):
    try:
        refuse()
    except InputError as error:
        print(error)
print("django" in sys.modules)
"""
    run = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=60
    )
    assert run.stdout.splitlines() == [
        'field "phasing.cohort_shares": cohort_shares has 3 values but the rollout has 4 years; '
        "give one share per year.",
        'field "years": the number of years must be a whole number from 1 to 20, not 0.',
        'field "roles[1].salary_gbp": "1e+30" must be a number from 0 to 500,000.',
        "False",
    ]

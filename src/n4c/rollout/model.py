"""The rollout and cost model: areas joining year by year, the posts they need and what it costs.

Posts come from caseloads: each role needs ``ceil(areas / areas_per_post)`` posts, so no one
holds more areas than their cap. Yearly cost is pay plus on-costs, per-post costs, per-area
costs and fixed costs, all in today's prices. Areas join at the start of their year.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from n4c.errors import InputError
from n4c.rollout import bounds
from n4c.rollout.assumptions import (
    Assumptions,
    Profile,
    cost_line_label,
    default_assumptions,
)
from n4c.words import gettext as _
from n4c.words import gettext_noop, ngettext, number

__all__ = [
    "RolloutYear",
    "YearlyCost",
    "assumption_words",
    "phase_areas",
    "plan_rollout",
    "staff_needed",
    "yearly_cost",
]


@dataclass(frozen=True)
class YearlyCost:
    """One year's cost for a number of areas, line by line."""

    areas: int
    staff: dict[str, int]
    staff_by_group: dict[str, int]
    lines_gbp: dict[str, float]

    @property
    def total_gbp(self) -> float:
        return sum(self.lines_gbp.values())

    @property
    def staff_total(self) -> int:
        return sum(self.staff.values())


@dataclass(frozen=True)
class RolloutYear:
    """One year of a rollout: areas supported (and how many are new), posts and cost."""

    year: int
    areas: int
    new_areas: int
    cost: YearlyCost

    def to_dict(self) -> dict[str, Any]:
        return {
            "year": self.year,
            "areas": self.areas,
            "new_areas": self.new_areas,
            "staff": dict(self.cost.staff),
            "staff_by_group": dict(self.cost.staff_by_group),
            "staff_total": self.cost.staff_total,
            "cost_gbp": {k: round(v, 2) for k, v in self.cost.lines_gbp.items()},
            "total_cost_gbp": round(self.cost.total_gbp, 2),
        }


#: What a size outside its bound is told, by field; translated when raised.
_NOT_WHOLE = {
    "areas": gettext_noop(
        "the number of areas must be a whole number from %(minimum)s to %(maximum)s, not %(value)s."
    ),
    "years": gettext_noop(
        "the number of years must be a whole number from %(minimum)s to %(maximum)s, not %(value)s."
    ),
}


def _check_whole(value: int, bound: bounds.Bound, *, field: str) -> None:
    if (
        isinstance(value, bool)
        or not isinstance(value, int)
        or not bound.minimum <= value <= bound.maximum
    ):
        raise InputError(
            _(_NOT_WHOLE[field])
            % {
                "minimum": number(bound.minimum),
                "maximum": number(bound.maximum),
                "value": repr(value),
            },
            field=field,
            value=value,
        )


def _check_areas(areas: int) -> None:
    _check_whole(areas, bounds.AREAS, field="areas")


def staff_needed(areas: int, assumptions: Assumptions | None = None) -> dict[str, int]:
    """Posts needed by role to support ``areas`` areas within every caseload.

    Parameters
    ----------
    areas
        Areas supported at the same time.
    assumptions
        Roles and their caseloads; the defaults when omitted.

    Returns
    -------
    dict
        Role key → number of posts, in the order of the assumptions.

    Examples
    --------
    >>> staff = staff_needed(100)
    >>> staff["adviser"], staff["community_worker"]
    (10, 20)
    >>> staff_needed(11)["adviser"]
    2
    """
    _check_areas(areas)
    assumptions = assumptions or default_assumptions()
    # A small tolerance so 100 / (100 / 3) does not become 4 posts through rounding error.
    return {
        role.key: math.ceil(areas / role.areas_per_post - 1e-9) if areas else 0
        for role in assumptions.roles
    }


def yearly_cost(areas: int, assumptions: Assumptions | None = None) -> YearlyCost:
    """The cost of one year supporting ``areas`` areas, line by line, in pounds.

    Parameters
    ----------
    areas
        Areas supported throughout the year.
    assumptions
        Pay, on-costs and cost lines; the defaults when omitted.

    Returns
    -------
    YearlyCost
        Posts by role and cost lines: ``salaries_gbp``, ``on_costs_gbp``, then each per-post,
        per-area and fixed line of the assumptions. Fixed lines count only when areas > 0.

    Examples
    --------
    >>> cost = yearly_cost(100)
    >>> cost.staff_by_group
    {'caseload': 30, 'cross_cutting': 10}
    >>> round(cost.total_gbp / 1e6, 1)
    3.5
    >>> yearly_cost(0).total_gbp
    0.0
    """
    assumptions = assumptions or default_assumptions()
    staff = staff_needed(areas, assumptions)
    salaries = sum(staff[r.key] * r.salary_gbp for r in assumptions.roles)
    posts = sum(staff.values())
    lines = {
        "salaries_gbp": float(salaries),
        "on_costs_gbp": salaries * assumptions.on_costs_percent / 100,
    }
    lines |= {name: posts * gbp for name, gbp in assumptions.per_post_gbp.items()}
    lines |= {name: areas * gbp for name, gbp in assumptions.per_area_gbp.items()}
    lines |= {name: (gbp if areas else 0.0) for name, gbp in assumptions.fixed_gbp.items()}
    by_group = {group: 0 for group in ("caseload", "cross_cutting")}
    for role in assumptions.roles:
        by_group[role.group] += staff[role.key]
    return YearlyCost(areas=areas, staff=staff, staff_by_group=by_group, lines_gbp=lines)


def _largest_remainder(total: int, shares: tuple[float, ...]) -> list[int]:
    # Largest remainders, so the yearly cohorts add up to the target number of areas exactly.
    whole = sum(shares)
    exact = [total * s / whole for s in shares]
    counts = [math.floor(x) for x in exact]
    order = sorted(range(len(shares)), key=lambda i: (-(exact[i] - counts[i]), i))
    for i in order[: total - sum(counts)]:
        counts[i] += 1
    return counts


def phase_areas(
    areas: int,
    years: int,
    *,
    profile: Profile = "even",
    cohort_shares: tuple[float, ...] | None = None,
) -> list[int]:
    """Areas supported in each year when growing to ``areas`` over ``years`` years.

    Parameters
    ----------
    areas
        Areas supported by the last year.
    years
        Years of growth (at least 1).
    profile
        "even" adds the same number each year (earlier years take any remainder); "ramp"
        adds cohorts in the proportions 1 : 2 : 3 …, a small first year to learn from.
    cohort_shares
        Your own proportions, one per year; overrides ``profile``.

    Returns
    -------
    list of int
        Cumulative areas at each year, never falling, ending at ``areas``.

    Examples
    --------
    >>> phase_areas(100, 3)
    [34, 67, 100]
    >>> phase_areas(100, 3, profile="ramp")
    [17, 50, 100]
    >>> phase_areas(100, 3, cohort_shares=(1, 1, 0))
    [50, 100, 100]
    """
    _check_areas(areas)
    _check_whole(years, bounds.YEARS, field="years")
    if cohort_shares is not None:
        if len(cohort_shares) != years:
            raise InputError(
                ngettext(
                    "cohort_shares has %(shares)s values but the rollout has %(years)s year; "
                    "give one share per year.",
                    "cohort_shares has %(shares)s values but the rollout has %(years)s years; "
                    "give one share per year.",
                    years,
                )
                % {"shares": number(len(cohort_shares)), "years": number(years)},
                field="phasing.cohort_shares",
            )
        shares = cohort_shares
    elif profile == "even":
        shares = (1.0,) * years
    elif profile == "ramp":
        shares = tuple(float(year) for year in range(1, years + 1))
    else:
        raise InputError(
            # PROFILES are "even" and "ramp": keys a person types, kept in every language.
            _('"%(profile)s" is not a phasing profile; choose even or ramp.')
            % {"profile": profile},
            field="profile",
            value=profile,
        )
    cohorts = _largest_remainder(areas, shares)
    cumulative = []
    running = 0
    for cohort in cohorts:
        running += cohort
        cumulative.append(running)
    return cumulative


def plan_rollout(
    areas: int,
    years: int,
    assumptions: Assumptions | None = None,
    *,
    profile: Profile | None = None,
) -> list[RolloutYear]:
    """Grow to ``areas`` areas over ``years`` years: areas, posts and cost for each year.

    Parameters
    ----------
    areas
        Areas supported by the last year.
    years
        Years of growth.
    assumptions
        The model's assumptions; the defaults when omitted.
    profile
        Overrides the assumptions' phasing profile (and their cohort shares).

    Returns
    -------
    list of RolloutYear
        One per year, in order.

    Examples
    --------
    >>> [(y.year, y.areas, y.cost.staff["adviser"]) for y in plan_rollout(100, 3)]
    [(1, 34, 4), (2, 67, 7), (3, 100, 10)]
    """
    assumptions = assumptions or default_assumptions()
    if profile is None:
        cumulative = phase_areas(
            areas, years, profile=assumptions.profile, cohort_shares=assumptions.cohort_shares
        )
    else:
        cumulative = phase_areas(areas, years, profile=profile)
    result = []
    previous = 0
    for year, supported in enumerate(cumulative, start=1):
        result.append(
            RolloutYear(
                year=year,
                areas=supported,
                new_areas=supported - previous,
                cost=yearly_cost(supported, assumptions),
            )
        )
        previous = supported
    return result


def assumption_words() -> list[str]:
    """The default assumptions' words people read on the rollout page (each role's title, each
    cost line and the report's estimate), for the platform's catalogue; pages translate them
    where shown."""
    defaults = default_assumptions()
    lines = yearly_cost(1, defaults).lines_gbp
    words = [role.title for role in defaults.roles] + [cost_line_label(line) for line in lines]
    return [*words, defaults.estimate]

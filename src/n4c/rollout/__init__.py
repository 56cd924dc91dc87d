"""Rollout and cost model: grow to N areas over K years, the posts caseloads need, the yearly cost.

Owns the Network's staffing and cost arithmetic and its editable assumptions
(``assumptions.toml``). Pure Python: may import ``n4c.errors``; never allocation, spending,
rights, the platform or Django.
"""

from n4c.rollout.assumptions import (
    COST_TABLES,
    PROFILES,
    Assumptions,
    Role,
    assumptions_from_dict,
    default_assumptions,
    default_assumptions_dict,
    load_assumptions,
    merge_assumptions,
)
from n4c.rollout.model import (
    RolloutYear,
    YearlyCost,
    phase_areas,
    plan_rollout,
    staff_needed,
    yearly_cost,
)

__all__ = [
    "COST_TABLES",
    "PROFILES",
    "Assumptions",
    "Role",
    "RolloutYear",
    "YearlyCost",
    "assumptions_from_dict",
    "default_assumptions",
    "default_assumptions_dict",
    "load_assumptions",
    "merge_assumptions",
    "phase_areas",
    "plan_rollout",
    "staff_needed",
    "yearly_cost",
]

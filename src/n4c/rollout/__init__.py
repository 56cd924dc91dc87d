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
    cost_line_label,
    default_assumptions,
    default_assumptions_dict,
    load_assumptions,
    merge_assumptions,
)
from n4c.rollout.model import (
    RolloutYear,
    YearlyCost,
    assumption_words,
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
    "assumption_words",
    "assumptions_from_dict",
    "cost_line_label",
    "default_assumptions",
    "default_assumptions_dict",
    "load_assumptions",
    "merge_assumptions",
    "phase_areas",
    "plan_rollout",
    "staff_needed",
    "yearly_cost",
]

"""Fund by need: fund specifications, needs-based allocation, explanations and fairness.

Owns sharing an amalgamated, multi-year fund among areas by a transparent needs formula (not
competitive bidding): eligibility, formulas with floors, caps and a minimum viable amount,
whole-pound rounding with exact totals, capital/revenue and yearly profiles, a ring-fenced
capacity-building share, plain-English explanations, fairness reports, a simulated
competitive-bidding baseline, charts and exports. May import ``n4c.needs`` and ``n4c.data``;
never spending, rights, rollout, the platform or Django.
"""

from n4c.allocation.allocations import Allocation, allocate, split_by_year
from n4c.allocation.areas import AREA_COLUMNS, aggregate_neighbourhoods, check_areas, load_areas
from n4c.allocation.bidding import simulate_bidding
from n4c.allocation.chart import compare_chart
from n4c.allocation.comparison import (
    BIDDING_SCENARIO,
    Comparison,
    bidding_amounts,
    compare_scenarios,
)
from n4c.allocation.eligibility import assess_eligibility
from n4c.allocation.explain import explain_allocation, explain_area
from n4c.allocation.exports import allocation_document, write_csv, write_json, write_xlsx
from n4c.allocation.fairness import GROUP_ORDER, area_groups, fairness_groups, fairness_measures
from n4c.allocation.formula import Spread, formula_components, need_weights, spread_pot
from n4c.allocation.rounding import largest_remainder
from n4c.allocation.spec import (
    Capacity,
    Eligibility,
    Formula,
    FundSpec,
    load_preset,
    load_spec,
    parse_spec,
    preset_names,
)

__all__ = [
    "AREA_COLUMNS",
    "BIDDING_SCENARIO",
    "GROUP_ORDER",
    "Allocation",
    "Capacity",
    "Comparison",
    "Eligibility",
    "Formula",
    "FundSpec",
    "Spread",
    "aggregate_neighbourhoods",
    "allocate",
    "allocation_document",
    "area_groups",
    "assess_eligibility",
    "bidding_amounts",
    "check_areas",
    "compare_chart",
    "compare_scenarios",
    "explain_allocation",
    "explain_area",
    "fairness_groups",
    "fairness_measures",
    "formula_components",
    "largest_remainder",
    "load_areas",
    "load_preset",
    "load_spec",
    "need_weights",
    "parse_spec",
    "preset_names",
    "simulate_bidding",
    "split_by_year",
    "spread_pot",
    "write_csv",
    "write_json",
    "write_xlsx",
]

"""Learning from the start: matched comparators and difference-in-differences for supported areas.

Owns choosing comparison wards for supported wards, measuring their balance, and estimating
changes against them (two-way fixed effects, an event study for staggered starts, a dose
response), with a worked example on published data, and residents' survey results with their intervals. May import ``n4c.needs`` and ``n4c.data``;
never allocation, spending, the platform, Django or django-ninja. Names are imported from their
modules on first use, so ``import n4c.evaluate`` costs no pandas or statsmodels import.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from n4c.lazy import lazy_names

if TYPE_CHECKING:
    from n4c.evaluate.balance import GOOD_BALANCE, balance_table, standardised_mean_difference
    from n4c.evaluate.comparators import (
        MATCHING_VARIABLES,
        POOLS,
        ComparatorSelection,
        find_comparators,
        match_comparators,
        read_area_codes,
        ward_matching_table,
    )
    from n4c.evaluate.did import ASSUMPTIONS, DidResult, estimate_did, read_panel
    from n4c.evaluate.example import worked_example
    from n4c.evaluate.surveys import (
        MIN_RESPONSES,
        load_questionnaire,
        read_responses,
        summarise_responses,
    )

__all__ = [
    "ASSUMPTIONS",
    "GOOD_BALANCE",
    "MATCHING_VARIABLES",
    "MIN_RESPONSES",
    "POOLS",
    "ComparatorSelection",
    "DidResult",
    "balance_table",
    "estimate_did",
    "find_comparators",
    "load_questionnaire",
    "match_comparators",
    "read_area_codes",
    "read_panel",
    "read_responses",
    "standardised_mean_difference",
    "summarise_responses",
    "ward_matching_table",
    "worked_example",
]

_HOMES = {
    "GOOD_BALANCE": "balance",
    "balance_table": "balance",
    "standardised_mean_difference": "balance",
    "MATCHING_VARIABLES": "comparators",
    "POOLS": "comparators",
    "ComparatorSelection": "comparators",
    "find_comparators": "comparators",
    "match_comparators": "comparators",
    "read_area_codes": "comparators",
    "ward_matching_table": "comparators",
    "ASSUMPTIONS": "did",
    "DidResult": "did",
    "estimate_did": "did",
    "read_panel": "did",
    "worked_example": "example",
    "MIN_RESPONSES": "surveys",
    "load_questionnaire": "surveys",
    "read_responses": "surveys",
    "summarise_responses": "surveys",
}


__getattr__, __dir__ = lazy_names(__name__, _HOMES, __all__)

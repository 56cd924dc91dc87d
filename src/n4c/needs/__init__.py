"""Need: composite indices the official IoD way, area summaries and the 'left behind' test.

Owns turning published deprivation and community-need data into scores, ranks and flags for
LSOAs, wards and larger areas. May import ``n4c.data``; never allocation, spending or the platform.
"""

from n4c.needs.composite import CompositeSpec, Indicator, build_composite, builtin_spec, load_spec
from n4c.needs.iod import Agreement, combine_cni, combine_imd, compare_imd_with_published
from n4c.needs.transform import (
    deciles,
    exponential_transform,
    published_rank_to_r,
    rank_most_deprived_first,
)
from n4c.needs.wards import (
    LeftBehindAgreement,
    compare_left_behind,
    left_behind_lsoa21,
    lsoa_populations,
    lsoa_table,
    ward_table,
    weighted_ward_scores,
)

__all__ = [
    "Agreement",
    "CompositeSpec",
    "Indicator",
    "LeftBehindAgreement",
    "build_composite",
    "builtin_spec",
    "combine_cni",
    "combine_imd",
    "compare_imd_with_published",
    "compare_left_behind",
    "deciles",
    "exponential_transform",
    "left_behind_lsoa21",
    "load_spec",
    "lsoa_populations",
    "lsoa_table",
    "published_rank_to_r",
    "rank_most_deprived_first",
    "ward_table",
    "weighted_ward_scores",
]

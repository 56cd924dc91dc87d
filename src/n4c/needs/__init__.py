"""Need: composite indices the official IoD way, area summaries and the 'left behind' test.

Owns turning published deprivation and community-need data into scores, ranks and flags for
LSOAs, wards and larger areas. May import ``n4c.data``; never allocation, spending or the platform.
"""

from n4c.needs.boundaries import (
    lsoa_shapes,
    ward_shapes,
    wards_feature_collection,
    write_ward_geojson,
)
from n4c.needs.composite import CompositeSpec, Indicator, build_composite, builtin_spec, load_spec
from n4c.needs.groups import (
    LEFT_BEHIND_GROUP_RULE,
    WardGroupSummary,
    group_is_left_behind,
    summarise_groups,
    summarise_ward_group,
)
from n4c.needs.iod import Agreement, combine_cni, combine_imd, compare_imd_with_published
from n4c.needs.sensitivity import (
    DEFAULT_CONCENTRATION,
    SensitivityInputs,
    draw_domain_weights,
    left_behind_sensitivity,
    sensitivity_inputs,
    transformed_domains,
    ward_weight_matrix,
)
from n4c.needs.summaries import (
    SUMMARY_LEVELS,
    SUMMARY_MEASURES,
    extent_weights,
    summarise_areas,
    summarise_imd2019,
)
from n4c.needs.transform import (
    deciles,
    exponential_transform,
    published_rank_to_r,
    rank_most_deprived_first,
)
from n4c.needs.wards import (
    LeftBehindAgreement,
    LeftBehindListing,
    compare_left_behind,
    left_behind_differences,
    left_behind_listing,
    left_behind_lsoa21,
    lsoa_populations,
    lsoa_table,
    ward_table,
    weighted_ward_scores,
)

__all__ = [
    "DEFAULT_CONCENTRATION",
    "LEFT_BEHIND_GROUP_RULE",
    "SUMMARY_LEVELS",
    "SUMMARY_MEASURES",
    "Agreement",
    "CompositeSpec",
    "Indicator",
    "LeftBehindAgreement",
    "LeftBehindListing",
    "SensitivityInputs",
    "WardGroupSummary",
    "build_composite",
    "builtin_spec",
    "combine_cni",
    "combine_imd",
    "compare_imd_with_published",
    "compare_left_behind",
    "deciles",
    "draw_domain_weights",
    "exponential_transform",
    "extent_weights",
    "group_is_left_behind",
    "left_behind_differences",
    "left_behind_listing",
    "left_behind_lsoa21",
    "left_behind_sensitivity",
    "load_spec",
    "lsoa_populations",
    "lsoa_shapes",
    "lsoa_table",
    "published_rank_to_r",
    "rank_most_deprived_first",
    "sensitivity_inputs",
    "summarise_areas",
    "summarise_groups",
    "summarise_imd2019",
    "summarise_ward_group",
    "transformed_domains",
    "ward_shapes",
    "ward_table",
    "ward_weight_matrix",
    "wards_feature_collection",
    "weighted_ward_scores",
    "write_ward_geojson",
]

"""Need: composite indices the official IoD way, area summaries and the 'left behind' test.

Owns turning published deprivation and community-need data into scores, ranks and flags for
LSOAs, wards and larger areas. May import ``n4c.data``; never allocation, spending or the platform.
Each name is imported from its module on first use, so ``import n4c.needs`` costs no pandas,
scipy or shapely import until a function needs them.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from n4c.needs.area_need import (
        AREA_GEOGRAPHIES,
        AreaNeed,
        area_lsoas,
        area_need_versions,
        check_area_codes,
        explain_area_need,
        parse_area_codes,
        summarise_area,
    )
    from n4c.needs.boundaries import (
        lsoa_shapes,
        ward_shapes,
        wards_feature_collection,
        write_ward_geojson,
    )
    from n4c.needs.change import (
        CHANGE_LEVELS,
        CHANGE_PAIRS,
        EditionChange,
        check_change,
        find_change,
    )
    from n4c.needs.composite import (
        CompositeSpec,
        Indicator,
        build_composite,
        builtin_spec,
        load_spec,
    )
    from n4c.needs.councils import (
        COUNCIL_EDITIONS,
        Council,
        council_columns,
        council_view,
        filter_by_council,
        list_councils,
        lsoa_councils,
        resolve_council,
        ward_councils,
    )
    from n4c.needs.editions import EditionComparison, compare_editions
    from n4c.needs.groups import (
        LEFT_BEHIND_GROUP_RULE,
        WardGroupSummary,
        group_is_left_behind,
        summarise_groups,
        summarise_ward_group,
    )
    from n4c.needs.iod import Agreement, combine_cni, combine_imd, compare_imd_with_published
    from n4c.needs.left_behind import (
        LeftBehindAgreement,
        LeftBehindComparison,
        LeftBehindResult,
        check_left_behind_level,
        check_ward_geojson,
        find_left_behind,
    )
    from n4c.needs.left_behind_change import LeftBehindChange, compare_left_behind_years
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
        summarise_imd,
        summarise_imd2019,
        summary_population_source,
    )
    from n4c.needs.summary_tables import (
        SUMMARY_AREAS,
        AreaSummary,
        check_summary,
        find_summary,
    )
    from n4c.needs.transform import (
        deciles,
        exponential_transform,
        published_rank_to_r,
        rank_most_deprived_first,
    )
    from n4c.needs.ward_domains import (
        imd_domain_ranks,
        lsoa21_domains,
        rank_ward_means,
        ward17_domains,
    )
    from n4c.needs.wards import (
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
    from n4c.needs.wards24 import ward24_table

__all__ = [
    "AREA_GEOGRAPHIES",
    "CHANGE_LEVELS",
    "CHANGE_PAIRS",
    "COUNCIL_EDITIONS",
    "DEFAULT_CONCENTRATION",
    "LEFT_BEHIND_GROUP_RULE",
    "SUMMARY_AREAS",
    "SUMMARY_LEVELS",
    "SUMMARY_MEASURES",
    "Agreement",
    "AreaNeed",
    "AreaSummary",
    "CompositeSpec",
    "Council",
    "EditionChange",
    "EditionComparison",
    "Indicator",
    "LeftBehindAgreement",
    "LeftBehindChange",
    "LeftBehindComparison",
    "LeftBehindListing",
    "LeftBehindResult",
    "SensitivityInputs",
    "WardGroupSummary",
    "area_lsoas",
    "area_need_versions",
    "build_composite",
    "builtin_spec",
    "check_area_codes",
    "check_change",
    "check_left_behind_level",
    "check_summary",
    "check_ward_geojson",
    "combine_cni",
    "combine_imd",
    "compare_editions",
    "compare_imd_with_published",
    "compare_left_behind",
    "compare_left_behind_years",
    "council_columns",
    "council_view",
    "deciles",
    "draw_domain_weights",
    "explain_area_need",
    "exponential_transform",
    "extent_weights",
    "filter_by_council",
    "find_change",
    "find_left_behind",
    "find_summary",
    "group_is_left_behind",
    "imd_domain_ranks",
    "left_behind_differences",
    "left_behind_listing",
    "left_behind_lsoa21",
    "left_behind_sensitivity",
    "list_councils",
    "load_spec",
    "lsoa21_domains",
    "lsoa_councils",
    "lsoa_populations",
    "lsoa_shapes",
    "lsoa_table",
    "parse_area_codes",
    "published_rank_to_r",
    "rank_most_deprived_first",
    "rank_ward_means",
    "resolve_council",
    "sensitivity_inputs",
    "summarise_area",
    "summarise_areas",
    "summarise_groups",
    "summarise_imd",
    "summarise_imd2019",
    "summarise_ward_group",
    "summary_population_source",
    "transformed_domains",
    "ward17_domains",
    "ward24_table",
    "ward_councils",
    "ward_shapes",
    "ward_table",
    "ward_weight_matrix",
    "wards_feature_collection",
    "weighted_ward_scores",
    "write_ward_geojson",
]

#: The module each public name comes from.
_HOMES = {
    "AreaSummary": "summary_tables",
    "find_summary": "summary_tables",
    "COUNCIL_EDITIONS": "councils",
    "Council": "councils",
    "council_columns": "councils",
    "council_view": "councils",
    "list_councils": "councils",
    "filter_by_council": "councils",
    "lsoa_councils": "councils",
    "resolve_council": "councils",
    "ward_councils": "councils",
    "SUMMARY_AREAS": "summary_tables",
    "check_summary": "summary_tables",
    "summarise_imd": "summaries",
    "summary_population_source": "summaries",
    "Agreement": "iod",
    "CHANGE_LEVELS": "change",
    "CHANGE_PAIRS": "change",
    "EditionChange": "change",
    "check_change": "change",
    "find_change": "change",
    "EditionComparison": "editions",
    "compare_editions": "editions",
    "CompositeSpec": "composite",
    "DEFAULT_CONCENTRATION": "sensitivity",
    "Indicator": "composite",
    "LeftBehindAgreement": "left_behind",
    "LeftBehindResult": "left_behind",
    "LeftBehindComparison": "left_behind",
    "check_left_behind_level": "left_behind",
    "check_ward_geojson": "left_behind",
    "find_left_behind": "left_behind",
    "LeftBehindChange": "left_behind_change",
    "compare_left_behind_years": "left_behind_change",
    "imd_domain_ranks": "ward_domains",
    "rank_ward_means": "ward_domains",
    "lsoa21_domains": "ward_domains",
    "ward17_domains": "ward_domains",
    "ward24_table": "wards24",
    "AREA_GEOGRAPHIES": "area_need",
    "AreaNeed": "area_need",
    "area_lsoas": "area_need",
    "area_need_versions": "area_need",
    "explain_area_need": "area_need",
    "check_area_codes": "area_need",
    "parse_area_codes": "area_need",
    "summarise_area": "area_need",
    "LEFT_BEHIND_GROUP_RULE": "groups",
    "WardGroupSummary": "groups",
    "group_is_left_behind": "groups",
    "summarise_groups": "groups",
    "summarise_ward_group": "groups",
    "LeftBehindListing": "wards",
    "left_behind_differences": "wards",
    "left_behind_listing": "wards",
    "SUMMARY_LEVELS": "summaries",
    "SUMMARY_MEASURES": "summaries",
    "SensitivityInputs": "sensitivity",
    "build_composite": "composite",
    "builtin_spec": "composite",
    "combine_cni": "iod",
    "combine_imd": "iod",
    "compare_imd_with_published": "iod",
    "compare_left_behind": "wards",
    "deciles": "transform",
    "draw_domain_weights": "sensitivity",
    "exponential_transform": "transform",
    "extent_weights": "summaries",
    "left_behind_lsoa21": "wards",
    "left_behind_sensitivity": "sensitivity",
    "load_spec": "composite",
    "lsoa_populations": "wards",
    "lsoa_shapes": "boundaries",
    "lsoa_table": "wards",
    "published_rank_to_r": "transform",
    "rank_most_deprived_first": "transform",
    "sensitivity_inputs": "sensitivity",
    "summarise_areas": "summaries",
    "summarise_imd2019": "summaries",
    "transformed_domains": "sensitivity",
    "ward_shapes": "boundaries",
    "ward_table": "wards",
    "ward_weight_matrix": "sensitivity",
    "wards_feature_collection": "boundaries",
    "weighted_ward_scores": "wards",
    "write_ward_geojson": "boundaries",
}


def __getattr__(name: str) -> Any:
    # Submodules (``n4c.needs.iod``) and the public names they hold, each imported on first use.
    if name in _HOMES:
        value = getattr(importlib.import_module(f"{__name__}.{_HOMES[name]}"), name)
        globals()[name] = value
        return value
    if name in set(_HOMES.values()):
        return importlib.import_module(f"{__name__}.{name}")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})

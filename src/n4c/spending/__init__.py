"""Map spending: 360Giving grant import and checks, grant location, fair share per head.

Owns reading grant data published to the 360Giving Data Standard, placing each grant on
English LSOAs, and measuring whether 'left behind' and other deprived neighbourhoods get their
fair share. May import ``n4c.needs`` and ``n4c.data``; never allocation, rights, rollout, the
platform or Django.
"""

from n4c.spending.analysis import Analysis, analyse, placed_by_area
from n4c.spending.apportion import apportion_pence, split_equally
from n4c.spending.charts import (
    concentration_curve,
    groups_over_time,
    per_head_by_decile,
    save_charts,
)
from n4c.spending.fairshare import (
    GROUPS,
    Concentration,
    by_decile,
    by_funder,
    by_year,
    concentration,
    fair_share,
    lsoa_groups,
    per_head_by_area,
    place_amounts,
)
from n4c.spending.geography import Geography, build_geography, load_geography
from n4c.spending.grants import CheckedGrant, GrantLocation, Problem, check_grant
from n4c.spending.parsing import normalise_code, parse_amount_pence, parse_date
from n4c.spending.problems import PROBLEM_COLUMNS, problem_rows, write_problems_csv
from n4c.spending.reading import GrantFile, open_grant_file
from n4c.spending.report import area_report, funder_report
from n4c.spending.store import GrantStore, ImportCounts, database_path, import_grants

__all__ = [
    "GROUPS",
    "PROBLEM_COLUMNS",
    "Analysis",
    "CheckedGrant",
    "Concentration",
    "Geography",
    "GrantFile",
    "GrantLocation",
    "GrantStore",
    "ImportCounts",
    "Problem",
    "analyse",
    "apportion_pence",
    "area_report",
    "build_geography",
    "by_decile",
    "by_funder",
    "by_year",
    "check_grant",
    "concentration",
    "concentration_curve",
    "database_path",
    "fair_share",
    "funder_report",
    "groups_over_time",
    "import_grants",
    "load_geography",
    "lsoa_groups",
    "normalise_code",
    "open_grant_file",
    "parse_amount_pence",
    "parse_date",
    "per_head_by_area",
    "per_head_by_decile",
    "place_amounts",
    "placed_by_area",
    "problem_rows",
    "save_charts",
    "split_equally",
    "write_problems_csv",
]

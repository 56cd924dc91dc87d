"""'Left behind' 2024 wards: n4c's own estimate from IMD 2025 and CNI 2023.

OCSI has published no 'left behind' list on 2024 wards; this is n4c's estimate by the 2019 rule
carried over to the current data. Every English 2024 ward that the ONS best-fit LSOA 2021 →
ward (2024) lookup gives at least one LSOA is scored:

- **Ward IMD score**: the population-weighted mean of its LSOAs' IMD 2025 scores.
- **Ward CNI score**: the population-weighted mean of its LSOAs' CNI 2023 scores (OCSI built
  its 2019 ward CNI from small areas; this is the plain LSOA analogue).
- **Ranks**: 1 for the most deprived (IMD) and the highest need (CNI), ties broken by ward code.
- **Left behind**: decile 1 on both, deciles by the IoD rule ceil(rank × 10 / N) over the N
  wards scored, which is the worst floor(N / 10) wards on each index, as in 2019.
- **Weights**: the IoD 2025 mid-2022 denominators (File 6) when present, else Census 2021
  usual residents (``population_source`` names which, as every need table does).

The "why" columns (IMD and CNI domains) follow :mod:`n4c.needs.ward_domains`.
"""

from __future__ import annotations

from functools import lru_cache

import pandas as pd

from n4c.data import load, population_for_2025, population_label
from n4c.needs.transform import deciles
from n4c.needs.ward_domains import imd_domain_ranks, rank_ward_means

__all__ = ["WARD24_COLUMNS", "ward24_table"]

#: The columns every 2024 ward table starts with, in order (the CSV contract).
WARD24_COLUMNS = (
    "ward_code",
    "ward_name",
    "lad_code",
    "lad_name",
    "imd_score",
    "imd_rank",
    "cni_score",
    "cni_rank",
    "left_behind",
)


@lru_cache(maxsize=1)
def _ward24_table() -> pd.DataFrame:
    lookup = load("lookup_lsoa21_ward24_lad24")
    lookup = lookup[lookup["lsoa21_code"].str.startswith("E")].set_index("lsoa21_code")
    population = population_for_2025()
    people = population.frame.set_index("lsoa21_code")["population"]
    imd = load("imd2025_lsoa21").set_index("lsoa21_code")
    cni = load("cni2023_lsoa21").set_index("lsoa21_code")
    scores = pd.DataFrame(
        {
            "imd": imd["IMD_score"],
            "cni": cni["Community Needs Index 2023 Score"].reindex(imd.index),
            "civic_assets": cni["Civic Assets Domain Score"].reindex(imd.index),
            "connectedness": cni["Connectedness Domain Score"].reindex(imd.index),
            "engaged_community": cni["Active and Engaged Community Domain Score"].reindex(
                imd.index
            ),
        }
    )
    ward_of = lookup["ward24_code"]
    ranked = rank_ward_means(
        scores, ward_of, people, ward_column="ward24_code", lsoa_column="lsoa21_code"
    )
    names = lookup.groupby("ward24_code")[["ward24_name", "ltla24_code", "ltla24_name"]].first()
    table = names.reindex(ranked.index).reset_index()
    table.columns = ["ward_code", "ward_name", "lad_code", "lad_name"]
    ranked = ranked.reset_index(drop=True)
    n_wards = len(table)
    for column in ("imd_score", "imd_rank", "cni_score", "cni_rank"):
        table[column] = ranked[column]
    table["imd_decile"] = deciles(table["imd_rank"].to_numpy(), n_wards)
    table["cni_decile"] = deciles(table["cni_rank"].to_numpy(), n_wards)
    table["left_behind"] = (table["imd_decile"] == 1) & (table["cni_decile"] == 1)
    table["population"] = ranked["population"].round().astype("int64")
    table["population_source"] = population_label(2025)
    table["lsoa_count"] = ranked["lsoa_count"].astype("int64")
    domains = imd_domain_ranks(2025, ward_of, people, ward_column="ward24_code")
    table = table.join(domains, on="ward_code")
    for name in ("civic_assets", "connectedness", "engaged_community"):
        table[f"{name}_score"] = ranked[f"{name}_score"]
        table[f"{name}_rank"] = ranked[f"{name}_rank"]
    table = table[[*WARD24_COLUMNS, *(c for c in table.columns if c not in WARD24_COLUMNS)]]
    table.attrs.update(
        imd_cut=n_wards // 10,
        cni_cut=n_wards // 10,
        wards_scored=n_wards,
        population_source=population.source,
    )
    return table


def ward24_table() -> pd.DataFrame:
    """Every English 2024 ward with LSOAs: IMD 2025, CNI 2023, 'left behind' and what drives it.

    Returns
    -------
    pandas.DataFrame
        One row per ward (6,784 with the current lookup): :data:`WARD24_COLUMNS`, then
        ``imd_decile, cni_decile, population, population_source, lsoa_count``, the IMD domain
        ranks and deciles and the CNI domain scores and ranks (see
        :mod:`n4c.needs.ward_domains`). ``attrs`` holds ``imd_cut`` and ``cni_cut`` (the
        worst floor(N / 10) wards), ``wards_scored`` and ``population_source`` in words.
    """
    table = _ward24_table()
    copy = table.copy()
    copy.attrs = dict(table.attrs)
    return copy

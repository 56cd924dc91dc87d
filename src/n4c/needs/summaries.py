"""The six official IoD summary measures for any area built from LSOAs.

Source: English Indices of Deprivation 2019 Technical Report, §3.8, Table 3.2 and Appendix N;
the IoD 2025 Technical Report keeps the same measures, so one method serves both editions.
For each higher area (local authority, ward, MSOA, ...):

* average score: population-weighted mean of the LSOA scores;
* average rank: population-weighted mean of the *reversed* LSOA ranks (N + 1 − published rank),
  so that, as in the official File 10, a higher average rank means more deprived;
* proportion of the area's LSOAs in the most deprived 10% nationally (decile 1);
* extent: the population share living in the most deprived 30% nationally, with weight 1 in
  percentiles 1–10 sliding by 0.9/19 a percentile from 0.95 at 11 down to 0.05 at 30, where
  percentile = ceil(rank / N × 100) over the *national* N (App. N; humaniverse/IMD's ``ntile``
  rule differs from it);
* local concentration: population-weighted mean reversed rank of the area's most deprived
  LSOAs that together hold exactly 10% of its population (the last LSOA counts in part);
* income and employment scale: the number of people income or employment deprived (the sum
  of the domain numerators).

Each measure is also ranked among the areas, 1 for the most deprived, as File 10 does.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pandas as pd

from n4c.data import load, population_for_2025, population_label, population_words
from n4c.errors import InputError
from n4c.geography import check_year
from n4c.needs.summary_tables import SUMMARY_LEVELS, SummaryLevel, check_summary

__all__ = [
    "SUMMARY_LEVELS",
    "SUMMARY_MEASURES",
    "extent_weights",
    "summarise_areas",
    "summarise_imd",
    "summarise_imd2019",
    "summary_population_source",
]

#: The measures in the order they appear in a summary table.
SUMMARY_MEASURES = (
    "average_score",
    "average_rank",
    "proportion_most_deprived_10pct",
    "extent",
    "local_concentration",
    "income_scale",
    "employment_scale",
)


#: Share of an area's population whose most deprived LSOAs make up its local concentration.
LOCAL_CONCENTRATION_SHARE = 0.10


def extent_weights(ranks: np.ndarray | pd.Series, n_national: int) -> np.ndarray:
    """Weight of each LSOA in the extent measure, from its national rank (1 = most deprived).

    Percentile p = ceil(rank / N × 100); weight 1 for p ≤ 10, 0.95 − (0.9/19)(p − 11) for
    p = 11…30 (0.95 down to 0.05) and 0 beyond.

    Examples
    --------
    >>> extent_weights([1, 10, 11, 30, 31], n_national=100).round(4).tolist()
    [1.0, 1.0, 0.95, 0.05, 0.0]
    """
    percentile = np.ceil(np.asarray(ranks, dtype=np.float64) / n_national * 100.0)
    sliding = 0.95 - (0.9 / 19.0) * (percentile - 11.0)
    return np.where(percentile <= 10, 1.0, np.where(percentile <= 30, sliding, 0.0))


def _check_input(
    lsoa: pd.DataFrame, columns: list[str], rank_column: str, population_column: str, n: int
) -> None:
    missing = [c for c in columns if c not in lsoa.columns]
    if missing:
        raise InputError(
            f"the LSOA table has no column {', '.join(repr(c) for c in missing)}; "
            f"it has {', '.join(map(str, lsoa.columns))}.",
            field=missing[0],
        )
    if lsoa.empty:
        raise InputError("the LSOA table has no rows; there is nothing to summarise.")
    for column in columns:
        blank = lsoa[column].isna().to_numpy()
        if blank.any():
            row = int(np.flatnonzero(blank)[0])
            raise InputError(
                f"{int(blank.sum()):,} LSOAs have no {column}; every LSOA needs one "
                "(check that the lookup and the data cover the same LSOAs).",
                row=row,
                field=column,
            )
    ranks = lsoa[rank_column].to_numpy(dtype=np.float64)
    bad = (ranks < 1) | (ranks > n)
    if bad.any():
        row = int(np.flatnonzero(bad)[0])
        raise InputError(
            f"rank {ranks[row]:g} is outside 1 to {n:,}, the national number of LSOAs; "
            "pass n_national when the table holds only part of the country.",
            row=row,
            field=rank_column,
            value=ranks[row],
        )
    populations = lsoa[population_column].to_numpy(dtype=np.float64)
    if (populations < 0).any():
        row = int(np.flatnonzero(populations < 0)[0])
        raise InputError(
            f"population {populations[row]:g} is negative.",
            row=row,
            field=population_column,
            value=populations[row],
        )


def _local_concentration(
    area: np.ndarray, rank: np.ndarray, population: np.ndarray, n: int
) -> pd.Series:
    # Most deprived first within each area, then fill 10% of the area's people from the top;
    # the LSOA that crosses the 10% line contributes only the people needed to reach it.
    order = np.lexsort((rank, area))
    frame = pd.DataFrame(
        {"area": area[order], "reversed_rank": n + 1.0 - rank[order], "pop": population[order]}
    )
    grouped = frame.groupby("area", sort=False)["pop"]
    target = grouped.transform("sum").to_numpy() * LOCAL_CONCENTRATION_SHARE
    before = grouped.cumsum().to_numpy() - frame["pop"].to_numpy()
    counted = np.clip(target - before, 0.0, frame["pop"].to_numpy())
    frame["weighted"] = counted * frame["reversed_rank"].to_numpy()
    frame["counted"] = counted
    sums = frame.groupby("area", sort=True)[["weighted", "counted"]].sum()
    return sums["weighted"] / sums["counted"]


def summarise_areas(
    lsoa: pd.DataFrame,
    *,
    area_column: str,
    score_column: str = "imd_score",
    rank_column: str = "imd_rank",
    population_column: str = "population",
    n_national: int | None = None,
    income_column: str | None = None,
    employment_column: str | None = None,
) -> pd.DataFrame:
    """Summarise LSOA deprivation for higher areas with the official IoD measures.

    Parameters
    ----------
    lsoa : pandas.DataFrame
        One row per LSOA with its area, score, published rank (1 = most deprived) and
        population (the IoD 2019 uses mid-2015 denominators without prisoners).
    area_column : str
        The column naming each LSOA's higher area.
    score_column, rank_column, population_column : str
        Columns holding the LSOA score, national rank and population.
    n_national : int, optional
        The number of LSOAs ranked nationally (32,844 for IoD 2019); by default the number of
        rows, which is right only when the table covers the whole country.
    income_column, employment_column : str, optional
        Domain numerators (people income or employment deprived); blanks count as 0.

    Returns
    -------
    pandas.DataFrame
        One row per area, sorted by code: ``area_code``, the measures ``average_score,
        average_rank, proportion_most_deprived_10pct, extent, local_concentration,
        income_scale, employment_scale`` (scales are blank without numerator columns), then
        ``rank_<measure>`` for each (1 = most deprived, ties share the lowest rank),
        ``lsoa_count`` and ``population``.

    Raises
    ------
    InputError
        If a column is missing or blank, a rank lies outside 1..N, a population is negative,
        or an area has no population.

    Examples
    --------
    >>> lsoas = pd.DataFrame({
    ...     "ward": ["A", "A", "B", "C"],
    ...     "imd_score": [60.0, 20.0, 35.0, 5.0],
    ...     "imd_rank": [1, 15, 8, 40],
    ...     "population": [1000, 3000, 1500, 2000],
    ... })
    >>> table = summarise_areas(lsoas, area_column="ward", n_national=100)
    >>> table[["area_code", "average_score", "average_rank", "extent", "local_concentration"]].round(3)
      area_code  average_score  average_rank  extent  local_concentration
    0         A           30.0          89.5    0.82                100.0
    1         B           35.0          93.0    1.00                 93.0
    2         C            5.0          61.0    0.00                 61.0
    """
    n = len(lsoa) if n_national is None else int(n_national)
    numerators = [c for c in (income_column, employment_column) if c is not None]
    required = [area_column, score_column, rank_column, population_column]
    _check_input(lsoa, required, rank_column, population_column, n)
    missing = [c for c in numerators if c not in lsoa.columns]
    if missing:
        raise InputError(f"the LSOA table has no column {missing[0]!r}.", field=missing[0])

    area = lsoa[area_column].astype(str).to_numpy()
    rank = lsoa[rank_column].to_numpy(dtype=np.float64)
    population = lsoa[population_column].to_numpy(dtype=np.float64)
    score = lsoa[score_column].to_numpy(dtype=np.float64)
    work = pd.DataFrame(
        {
            "area": area,
            "pop": population,
            "score": population * score,
            "rank": population * (n + 1.0 - rank),
            "extent": population * extent_weights(rank, n),
            # Decile 1 = ceil(rank / N × 10) == 1, the IoD's decile rule.
            "decile_1": (np.ceil(rank / n * 10.0) == 1).astype(np.float64),
            "income": (lsoa[income_column].to_numpy(dtype=np.float64) if income_column else np.nan),
            "employment": (
                lsoa[employment_column].to_numpy(dtype=np.float64) if employment_column else np.nan
            ),
        }
    )
    sums = work.groupby("area", sort=True).agg(
        population=("pop", "sum"),
        lsoa_count=("pop", "size"),
        score=("score", "sum"),
        rank=("rank", "sum"),
        extent=("extent", "sum"),
        decile_1=("decile_1", "sum"),
        income=("income", "sum"),
        employment=("employment", "sum"),
    )
    empty = sums.index[sums["population"] <= 0]
    if len(empty):
        raise InputError(
            f"{len(empty):,} areas have no population, for example {empty[0]}; "
            "a population-weighted measure needs people.",
            field=population_column,
            value=empty[0],
        )
    people = sums["population"]
    table = pd.DataFrame(
        {
            "area_code": sums.index.to_numpy(),
            "average_score": (sums["score"] / people).to_numpy(),
            "average_rank": (sums["rank"] / people).to_numpy(),
            "proportion_most_deprived_10pct": (sums["decile_1"] / sums["lsoa_count"]).to_numpy(),
            "extent": (sums["extent"] / people).to_numpy(),
            "local_concentration": _local_concentration(area, rank, population, n).to_numpy(),
            "income_scale": sums["income"].to_numpy() if income_column else np.nan,
            "employment_scale": sums["employment"].to_numpy() if employment_column else np.nan,
        }
    )
    for measure in SUMMARY_MEASURES:
        table[f"rank_{measure}"] = (
            table[measure].rank(ascending=False, method="min", na_option="keep").astype("Int64")
        )
    table["lsoa_count"] = sums["lsoa_count"].to_numpy()
    table["population"] = people.to_numpy()
    return table


#: The area columns of each year's LSOA table, by level: (code column, name column).
_AREAS: dict[int, dict[SummaryLevel, tuple[str, str]]] = {
    2019: {
        "lad": ("lad19_code", "lad19_name"),
        "ward": ("ward17_code", "ward17_name"),
        "msoa": ("msoa11_code", "msoa11_name"),
    },
    2025: {"lad": ("ltla24_code", "ltla24_name"), "ward": ("ward24_code", "ward24_name")},
}
_NUMERATORS = ("income_domain_numerator", "employment_domain_numerator")


@dataclass(frozen=True)
class _Lsoas:
    table: pd.DataFrame
    #: where the population weights come from, in a few words
    population_source: str


@lru_cache(maxsize=2)
def _imd_lsoas(year: int) -> _Lsoas:
    # Built straight from the published files so the summaries do not depend on a recomputed
    # index: published scores and ranks, the population denominators and the File 8
    # numerators (people income or employment deprived), with the lookups to higher areas.
    if year == 2019:
        return _Lsoas(_imd2019_lsoas(), population_label(2019))
    population = population_for_2025()
    lookup = load("lookup_lsoa21_ward24_lad24")
    table = lookup.loc[lookup["lsoa21_code"].str.startswith("E"), ["lsoa21_code"]]
    table = table.sort_values("lsoa21_code").reset_index(drop=True)
    codes = table["lsoa21_code"]
    imd = load("imd2025_lsoa21").set_index("lsoa21_code")
    table["imd_score"] = imd["IMD_score"].reindex(codes).to_numpy()
    table["imd_rank"] = imd["IMD_rank"].reindex(codes).to_numpy()
    table["population"] = (
        population.frame.set_index("lsoa21_code")["population"].reindex(codes).to_numpy()
    )
    indicators = load("imd2025_indicators").set_index("lsoa21_code")
    for column in _NUMERATORS:
        table[column] = pd.to_numeric(indicators[column].reindex(codes)).to_numpy()
    areas = lookup.set_index("lsoa21_code")
    for code, name in _AREAS[2025].values():
        table[code] = areas[code].reindex(codes).to_numpy()
        table[name] = areas[name].reindex(codes).to_numpy()
    return _Lsoas(table, population_label(2025))


def _imd2019_lsoas() -> pd.DataFrame:
    denominators = load("imd2019_population_denominators")
    table = denominators[["lsoa11_code", "lad19_code", "lad19_name", "pop_total_mid2015"]].rename(
        columns={"pop_total_mid2015": "population"}
    )
    codes = table["lsoa11_code"]
    scores = load("imd2019_lsoa11_scores").set_index("lsoa11_code")
    ranks = load("imd2019_lsoa11").set_index("lsoa11_code")
    indicators = load("imd2019_indicators").set_index("lsoa11_code")
    wards = load("lookup_lsoa11_ward17").set_index("lsoa11_code")
    msoas = load("lookup_lsoa11_msoa11").set_index("lsoa11_code")
    table["imd_score"] = scores["IMD_score"].reindex(codes).to_numpy()
    table["imd_rank"] = ranks["IMD_rank"].reindex(codes).to_numpy()
    for column in _NUMERATORS:
        table[column] = indicators[column].reindex(codes).to_numpy()
    table["ward17_code"] = wards["ward17_code"].reindex(codes).to_numpy()
    table["msoa11_code"] = msoas["msoa11_code"].reindex(codes).to_numpy()
    table["msoa11_name"] = msoas["msoa11_name"].reindex(codes).to_numpy()
    return table


def _area_names(year: int, level: SummaryLevel, lsoas: pd.DataFrame) -> pd.Series:
    code, name = _AREAS[year][level]
    if year == 2019 and level == "ward":
        # Ward names come with the CNI 2019; the few wards outside it keep a blank name.
        return load("cni2019_ward17").set_index("ward17_code")["ward17_name"]
    return lsoas.drop_duplicates(code).set_index(code)[name]


def summarise_imd(year: int, level: SummaryLevel = "lad") -> pd.DataFrame:
    """The IMD summary measures of ``year`` for its local authorities, wards or MSOAs.

    2019: local authorities (2019), wards (2017) and MSOAs (2011), weighted by the IoD 2019's
    own mid-2015 denominators (File 6), so local authority figures reproduce File 10.
    2025: local authorities (2024) and wards (2024), through the ONS best-fit LSOA 2021 →
    ward 2024 → local authority 2024 lookup, weighted by IoD 2025 File 6 (mid-2022) when it
    is on this machine and otherwise by Census 2021 usual residents, which come close to the
    official File 10 without equalling it. The same methods serve both years (the IoD 2025
    Technical Report keeps the 2019 summary measures).

    Parameters
    ----------
    year : {2019, 2025}
        The IMD edition.
    level : {"lad", "ward", "msoa"}
        The higher geography; MSOAs for 2019 only.

    Returns
    -------
    pandas.DataFrame
        :func:`summarise_areas` output for every area, plus ``area_name`` and
        ``population_source`` (where the population weights come from, on every row).

    Raises
    ------
    InputError
        If the year or level is not one n4c summarises, or the pair does not go together.
    """
    level = check_summary(year, level)
    lsoas = _imd_lsoas(year)
    table = summarise_areas(
        lsoas.table,
        area_column=_AREAS[year][level][0],
        n_national=len(lsoas.table),
        income_column=_NUMERATORS[0],
        employment_column=_NUMERATORS[1],
    )
    table["area_name"] = (
        _area_names(year, level, lsoas.table).reindex(table["area_code"]).to_numpy()
    )
    table["population_source"] = lsoas.population_source
    return table


def summary_population_source(year: int) -> str:
    """Where ``year``'s summary population weights come from, in a sentence for a report."""
    check_year(year, supported=tuple(_AREAS), purpose="area summaries", field="--year")
    return population_words(year).source


def summarise_imd2019(level: SummaryLevel = "lad") -> pd.DataFrame:
    """The IMD 2019 summary measures for local authorities (2019), wards (2017) or MSOAs (2011).

    The same as :func:`summarise_imd` for 2019, where the parameters are described.
    """
    return summarise_imd(2019, level)

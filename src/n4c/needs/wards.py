"""Ward and LSOA need tables, and the 'left behind' test.

A ward is 'left behind' when it is in the most deprived 10% of wards on the IMD and in the
10% of wards with the highest need on the Community Needs Index (OCSI for Local Trust, 2019).
The ward IMD score is the population-weighted mean of its LSOAs' published IMD 2019 scores,
through the ONS best-fit LSOA→ward lookup, weighted by the IoD's own mid-2015 denominators;
"10% of wards" means the worst floor(N / 10) wards on each index. This rule reproduces 219 of
OCSI's 225 wards; the README explains the other six.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Literal

import numpy as np
import pandas as pd

from n4c.data import load
from n4c.errors import InputError
from n4c.needs.left_behind import LeftBehindAgreement
from n4c.needs.transform import deciles, rank_most_deprived_first

__all__ = [
    "PopulationYear",
    "compare_left_behind",
    "left_behind_lsoa21",
    "lsoa_populations",
    "lsoa_table",
    "ward_table",
    "weighted_ward_scores",
]

PopulationYear = Literal["mid2015", "mid2017", "mid2019"]
POPULATION_YEARS: tuple[PopulationYear, ...] = ("mid2015", "mid2017", "mid2019")


def lsoa_populations(population: PopulationYear = "mid2015") -> pd.Series:
    """Population of each English LSOA 2011, indexed by ``lsoa11_code``.

    ``mid2015`` is the IoD 2019's own denominator (File 6, prisoners excluded), which the
    official area summaries use; ``mid2017`` and ``mid2019`` are ONS estimates.
    """
    if population == "mid2015":
        frame = load("imd2019_population_denominators")
        return frame.set_index("lsoa11_code")["pop_total_mid2015"].astype(np.float64)
    if population not in POPULATION_YEARS:
        raise InputError(
            f'"{population}" is not a population year n4c holds; choose one of {", ".join(POPULATION_YEARS)}.',
            field="population",
            value=population,
        )
    frame = load(f"population{population[-2:]}_lsoa11")
    england = frame[frame["lsoa11_code"].str.startswith("E")]
    return england.set_index("lsoa11_code")["total_population"].astype(np.float64)


def weighted_ward_scores(
    lsoa_scores: pd.Series, lsoa_to_ward: pd.Series, populations: pd.Series
) -> pd.DataFrame:
    """Population-weighted mean score of each ward's LSOAs.

    Parameters
    ----------
    lsoa_scores : pandas.Series
        A score per LSOA, indexed by LSOA code.
    lsoa_to_ward : pandas.Series
        The ward of each LSOA, indexed by LSOA code (a best-fit lookup: each LSOA in one ward).
    populations : pandas.Series
        Population per LSOA, indexed by LSOA code.

    Returns
    -------
    pandas.DataFrame
        Indexed by ward code: ``population``, ``lsoa_count`` and ``imd_score``.

    Raises
    ------
    InputError
        If an LSOA with a score has no ward or no population (reported, never dropped).

    Examples
    --------
    >>> scores = pd.Series({"E01000001": 10.0, "E01000002": 40.0, "E01000003": 5.0})
    >>> wards = pd.Series({"E01000001": "E05000001", "E01000002": "E05000001", "E01000003": "E05000002"})
    >>> people = pd.Series({"E01000001": 3000, "E01000002": 1000, "E01000003": 1500})
    >>> weighted_ward_scores(scores, wards, people)["imd_score"].to_dict()
    {'E05000001': 17.5, 'E05000002': 5.0}
    """
    codes = lsoa_scores.index
    ward = lsoa_to_ward.reindex(codes)
    population = populations.reindex(codes)
    for series, what in ((ward, "ward in the LSOA→ward lookup"), (population, "population")):
        if series.isna().any():
            missing = series.index[series.isna()]
            raise InputError(
                f"{len(missing):,} LSOAs have no {what}, for example {missing[0]}; "
                "check that the lookup and the populations cover the same LSOAs.",
                field="lsoa11_code",
                value=missing[0],
            )
    frame = pd.DataFrame(
        {
            "ward": ward.to_numpy(),
            "population": population.to_numpy(),
            "weighted": lsoa_scores.to_numpy() * population.to_numpy(),
        }
    )
    grouped = frame.groupby("ward", sort=True).agg(
        population=("population", "sum"),
        lsoa_count=("population", "size"),
        weighted=("weighted", "sum"),
    )
    grouped["imd_score"] = grouped["weighted"] / grouped["population"]
    grouped.index.name = "ward17_code"
    return grouped.drop(columns="weighted")


@lru_cache(maxsize=8)
def _ward_table(population: PopulationYear) -> pd.DataFrame:
    scores = load("imd2019_lsoa11_scores").set_index("lsoa11_code")["IMD_score"]
    lookup = load("lookup_lsoa11_ward17").set_index("lsoa11_code")["ward17_code"]
    wards = weighted_ward_scores(scores, lookup, lsoa_populations(population))

    cni = load("cni2019_ward17")
    table = cni[["ward17_code", "ward17_name", "lad19_code", "lad19_name"]].copy()
    table = table.join(wards, on="ward17_code")
    table["population"] = table["population"].fillna(0).astype(np.int64)
    table["lsoa_count"] = table["lsoa_count"].fillna(0).astype(np.int64)

    # Wards that the best-fit lookup gives no LSOA have no IMD score: they are ranked last
    # among none and cannot be left behind, and N counts only the wards that have a score.
    scored = table["imd_score"].notna().to_numpy()
    ranks = np.full(len(table), np.nan)
    ranks[scored] = rank_most_deprived_first(
        table.loc[scored, "imd_score"].to_numpy(), method="ordinal"
    )
    n_scored = int(scored.sum())
    table["imd_rank"] = pd.array(ranks, dtype="Int64")
    decile = np.full(len(table), np.nan)
    decile[scored] = deciles(ranks[scored], n_scored)
    table["imd_decile"] = pd.array(decile, dtype="Int64")

    table["cni_score"] = cni["Community Needs Index score"].to_numpy()
    table["cni_rank"] = cni["Community Needs Index rank"].to_numpy()
    imd_cut = n_scored // 10
    cni_cut = len(cni) // 10
    table["left_behind"] = (
        scored
        & (np.nan_to_num(ranks, nan=np.inf) <= imd_cut)
        & (table["cni_rank"].to_numpy() <= cni_cut)
    )
    table["left_behind_published"] = cni["Left Behind Area?"].to_numpy()
    table.attrs.update(imd_cut=imd_cut, cni_cut=cni_cut, wards_scored=n_scored)
    return table


def ward_table(
    year: Literal[2019] = 2019, *, population: PopulationYear = "mid2015"
) -> pd.DataFrame:
    """Every ward (December 2017 codes) in the CNI 2019 with its IMD, CNI and 'left behind' status.

    Parameters
    ----------
    year : 2019
        The IMD year: 2019, the one the published 'left behind' list uses.
    population : {"mid2015", "mid2017", "mid2019"}
        Population weights for the ward IMD score; the IoD's own mid-2015 by default.

    Returns
    -------
    pandas.DataFrame
        7,433 rows: ``ward17_code, ward17_name, lad19_code, lad19_name, population, lsoa_count,
        imd_score, imd_rank, imd_decile, cni_score, cni_rank, left_behind, left_behind_published``.
        Ranks are 1 for the most deprived (IMD) and the highest need (CNI).
    """
    if year != 2019:
        raise InputError(
            f"ward tables are built for 2019 (ward 2017 codes); for {year} use the LSOA 2021 variant.",
            field="year",
            value=year,
        )
    return _ward_table(population).copy()


@lru_cache(maxsize=4)
def _lsoa_table(population: PopulationYear) -> pd.DataFrame:
    denominators = load("imd2019_population_denominators")
    table = denominators[["lsoa11_code", "lsoa11_name", "lad19_code", "lad19_name"]].copy()
    table["population"] = (
        lsoa_populations(population).reindex(table["lsoa11_code"]).to_numpy().astype(np.int64)
    )
    lookup = load("lookup_lsoa11_ward17").set_index("lsoa11_code")["ward17_code"]
    msoa = load("lookup_lsoa11_msoa11").set_index("lsoa11_code")["msoa11_code"]
    table["ward17_code"] = lookup.reindex(table["lsoa11_code"]).to_numpy()
    table["msoa11_code"] = msoa.reindex(table["lsoa11_code"]).to_numpy()
    scores = load("imd2019_lsoa11_scores").set_index("lsoa11_code")["IMD_score"]
    ranks = load("imd2019_lsoa11").set_index("lsoa11_code")
    table["imd_score"] = scores.reindex(table["lsoa11_code"]).to_numpy()
    table["imd_rank"] = ranks["IMD_rank"].reindex(table["lsoa11_code"]).to_numpy()
    table["imd_decile"] = ranks["IMD_decile"].reindex(table["lsoa11_code"]).to_numpy()
    wards = _ward_table(population).set_index("ward17_code")
    table["ward_imd_decile"] = wards["imd_decile"].reindex(table["ward17_code"]).to_numpy()
    table["ward_left_behind"] = (
        wards["left_behind"].reindex(table["ward17_code"]).fillna(False).astype(bool).to_numpy()
    )
    return table


def lsoa_table(
    year: Literal[2019] = 2019, *, population: PopulationYear = "mid2015"
) -> pd.DataFrame:
    """Every English LSOA 2011 with its IMD 2019, geography and its ward's 'left behind' status.

    Returns
    -------
    pandas.DataFrame
        32,844 rows: ``lsoa11_code, lsoa11_name, lad19_code, lad19_name, population, ward17_code,
        msoa11_code, imd_score, imd_rank, imd_decile`` (published), ``ward_imd_decile`` (the
        decile of its ward among wards) and ``ward_left_behind``. An LSOA whose ward is not in
        the CNI (City of London, Isles of Scilly) has no ward decile and is not left behind.
    """
    if year != 2019:
        raise InputError(
            f"LSOA 2011 tables are built for 2019; for {year} use left_behind_lsoa21().",
            field="year",
            value=year,
        )
    return _lsoa_table(population).copy()


def compare_left_behind(
    table: pd.DataFrame, *, code_column: str = "ward17_code"
) -> LeftBehindAgreement:
    """Compare ``left_behind`` with ``left_behind_published`` in a ward or LSOA table."""
    ours = table["left_behind"].to_numpy(dtype=bool)
    theirs = table["left_behind_published"].to_numpy(dtype=bool)
    codes = table[code_column].to_numpy()
    return LeftBehindAgreement(
        predicted=int(ours.sum()),
        published=int(theirs.sum()),
        matched=int((ours & theirs).sum()),
        false_positives=tuple(codes[ours & ~theirs]),
        missed=tuple(codes[~ours & theirs]),
    )


@lru_cache(maxsize=1)
def _left_behind_lsoa21() -> pd.DataFrame:
    imd = load("imd2025_lsoa21")
    cni = load("cni2023_lsoa21")
    table = cni[["lsoa21_code", "lsoa21_name"]].merge(
        imd[["lsoa21_code", "IMD_score", "IMD_rank", "IMD_decile"]],
        on="lsoa21_code",
        how="outer",
        validate="one_to_one",
    )
    if table[["lsoa21_name", "IMD_rank"]].isna().any().any():
        raise InputError(
            "the IMD 2025 and CNI 2023 files do not cover the same LSOAs; fetch both again.",
            field="lsoa21_code",
        )
    table = table.rename(
        columns={"IMD_score": "imd_score", "IMD_rank": "imd_rank", "IMD_decile": "imd_decile"}
    )
    cni = cni.set_index("lsoa21_code").reindex(table["lsoa21_code"])
    table["cni_score"] = cni["Community Needs Index 2023 Score"].to_numpy()
    table["cni_rank"] = cni["Community Needs Index 2023 Rank"].to_numpy()
    table["cni_decile"] = deciles(table["cni_rank"].to_numpy(), len(table))
    table["left_behind"] = (table["imd_decile"] == 1).to_numpy() & (
        table["cni_decile"] == 1
    ).to_numpy()
    table["left_behind_published"] = cni["Left Behind Area?"].to_numpy()
    return table


def left_behind_lsoa21() -> pd.DataFrame:
    """The LSOA 2021 variant: IMD 2025 decile 1 and CNI 2023 most-in-need decile.

    Both deciles use the IoD rule ceil(rank / N × 10). ``left_behind_published`` is the flag
    shipped with the CNI 2023 file, which humaniverse/IMD computed with ``ntile`` (slightly
    different bin edges), not OCSI.
    """
    return _left_behind_lsoa21().copy()

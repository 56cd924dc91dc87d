"""What drives a ward's 'left behind' result: its seven IMD domains and three CNI domains.

The rules, the same for 2019 (LSOA 2011, December 2017 wards) and 2025 (LSOA 2021, 2024 wards):

- **IMD domains.** A ward's domain rank is its place among wards by the population-weighted mean
  of its LSOAs' published domain ranks (the IoD's "average rank" summary measure), 1 for the
  most deprived; its decile is ceil(rank × 10 / N) over the N wards ranked. Ranks, not scores,
  because the IMD 2019 files n4c holds publish ranks for every domain but scores for only two.
- **CNI domains.** A ward's domain score is the population-weighted mean of its LSOAs' CNI
  domain scores and its rank is its place among wards by that score, 1 for the highest need:
  the rule the 2024 ward CNI score itself uses. For 2019 OCSI publishes ward domain scores and
  ranks, which are used as they are.

The LSOA 2021 variant shows each LSOA's own published domain ranks and deciles
(:func:`lsoa21_domains`).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from n4c.data import load
from n4c.needs.transform import deciles, rank_most_deprived_first
from n4c.needs.wards import PopulationYear, lsoa_populations, weighted_ward_scores

__all__ = [
    "CNI_DOMAINS",
    "IMD_DOMAINS",
    "imd_domain_ranks",
    "lsoa21_domains",
    "rank_ward_means",
    "ward17_domains",
]

#: The seven IMD domains as n4c's output names them, in the IoD's order.
IMD_DOMAINS = (
    "income",
    "employment",
    "education",
    "health",
    "crime",
    "barriers",
    "living_environment",
)
#: The three CNI domains as n4c's output names them.
CNI_DOMAINS = ("civic_assets", "connectedness", "engaged_community")

#: The CNI 2023 LSOA file's name for each of :data:`CNI_DOMAINS`.
_CNI2023_DOMAINS = ("Civic Assets", "Connectedness", "Active and Engaged Community")

#: Each IMD year's dataset and its LSOA domain rank column for each of :data:`IMD_DOMAINS`.
_IMD_DOMAIN_RANKS = {
    2019: (
        "imd2019_lsoa11",
        "lsoa11_code",
        (
            "Income",
            "Employment",
            "Education",
            "Health",
            "Crime",
            "Housing_and_Access",
            "Environment",
        ),
    ),
    2025: (
        "imd2025_lsoa21",
        "lsoa21_code",
        (
            "Income",
            "Employment",
            "Education",
            "Health",
            "Crime",
            "Housing_and_Services",
            "Environment",
        ),
    ),
}


def rank_ward_means(
    lsoa_scores: pd.DataFrame,
    lsoa_to_ward: pd.Series,
    populations: pd.Series,
    *,
    ward_column: str,
    lsoa_column: str,
) -> pd.DataFrame:
    """Each ward's population-weighted mean of each score, and its rank among wards (1 = highest).

    Parameters
    ----------
    lsoa_scores : pandas.DataFrame
        Scores per LSOA (higher = more deprived or more in need), one column each, indexed by
        LSOA code; column ``x`` gives ``x_score`` and ``x_rank`` (ties broken by ward code).
    lsoa_to_ward, populations, ward_column, lsoa_column
        As for :func:`~n4c.needs.wards.weighted_ward_scores`.

    Returns
    -------
    pandas.DataFrame
        Indexed by ward code: ``population``, ``lsoa_count``, then ``x_score, x_rank`` per column.

    Examples
    --------
    >>> scores = pd.DataFrame({"cni": [10.0, 40.0, 5.0]}, index=["E01000001", "E01000002", "E01000003"])
    >>> wards = pd.Series({"E01000001": "E05000001", "E01000002": "E05000001", "E01000003": "E05000002"})
    >>> people = pd.Series({"E01000001": 3000, "E01000002": 1000, "E01000003": 1500})
    >>> rank_ward_means(scores, wards, people, ward_column="ward24_code", lsoa_column="lsoa21_code")[
    ...     ["cni_score", "cni_rank"]
    ... ].to_dict("list")
    {'cni_score': [17.5, 5.0], 'cni_rank': [1, 2]}
    """
    means = weighted_ward_scores(
        lsoa_scores, lsoa_to_ward, populations, area_column=ward_column, lsoa_column=lsoa_column
    )
    result = means[["population", "lsoa_count"]].copy()
    for column in lsoa_scores.columns:
        result[f"{column}_score"] = means[column]
        ranks = rank_most_deprived_first(means[column].to_numpy(), method="ordinal")
        result[f"{column}_rank"] = ranks.astype(np.int64)
    return result


def imd_domain_ranks(
    year: int, lsoa_to_ward: pd.Series, populations: pd.Series, *, ward_column: str
) -> pd.DataFrame:
    """Each ward's rank and decile among wards on each IMD domain of ``year`` (2019 or 2025).

    The rank orders wards by the population-weighted mean of their LSOAs' published domain
    ranks, lowest (most deprived) first; the decile is ceil(rank × 10 / N).

    Returns
    -------
    pandas.DataFrame
        Indexed by ward code: ``income_rank, income_decile, employment_rank, …,
        living_environment_decile`` (see :data:`IMD_DOMAINS`).
    """
    dataset, lsoa_column, sources = _IMD_DOMAIN_RANKS[year]
    published = load(dataset).set_index(lsoa_column)
    lsoa_ranks = pd.DataFrame(
        {
            name: published[f"{source}_rank"]
            for name, source in zip(IMD_DOMAINS, sources, strict=True)
        }
    )
    # A lower average rank is more deprived, so rank the negated averages highest first.
    averages = rank_ward_means(
        -lsoa_ranks, lsoa_to_ward, populations, ward_column=ward_column, lsoa_column=lsoa_column
    )
    result = pd.DataFrame(index=averages.index)
    for name in IMD_DOMAINS:
        ranks = averages[f"{name}_rank"].to_numpy()
        result[f"{name}_rank"] = ranks
        result[f"{name}_decile"] = deciles(ranks, len(ranks))
    return result


def ward17_domains(population: PopulationYear = "mid2015") -> pd.DataFrame:
    """The IMD 2019 domain ranks and deciles and OCSI's CNI 2019 domains of each December 2017 ward.

    Returns
    -------
    pandas.DataFrame
        Indexed by ``ward17_code`` (every ward of the CNI 2019): the columns of
        :func:`imd_domain_ranks` (blank for the wards the best-fit lookup gives no LSOA), then
        ``civic_assets_score, civic_assets_rank, connectedness_score, connectedness_rank,
        engaged_community_score, engaged_community_rank`` as OCSI publishes them.
    """
    lookup = load("lookup_lsoa11_ward17").set_index("lsoa11_code")["ward17_code"]
    imd = imd_domain_ranks(2019, lookup, lsoa_populations(population), ward_column="ward17_code")
    cni = load("cni2019_ward17").set_index("ward17_code")
    result = imd.reindex(cni.index).astype("Int64")
    for name, source in zip(
        CNI_DOMAINS, ("Civic Assets", "Connectedness", "Engaged community"), strict=True
    ):
        result[f"{name}_score"] = cni[f"{source} score"]
        result[f"{name}_rank"] = cni[f"{source} rank"]
    return result


def lsoa21_domains() -> pd.DataFrame:
    """Each LSOA 2021's published IMD 2025 domain ranks and deciles and CNI 2023 domain scores and ranks.

    Returns
    -------
    pandas.DataFrame
        Indexed by ``lsoa21_code``: ``income_rank, income_decile, …`` (see
        :data:`IMD_DOMAINS`), then ``civic_assets_score, civic_assets_rank, …``.
    """
    _, _, sources = _IMD_DOMAIN_RANKS[2025]
    imd = load("imd2025_lsoa21").set_index("lsoa21_code")
    cni = load("cni2023_lsoa21").set_index("lsoa21_code").reindex(imd.index)
    result = pd.DataFrame(index=imd.index)
    for name, source in zip(IMD_DOMAINS, sources, strict=True):
        result[f"{name}_rank"] = imd[f"{source}_rank"]
        result[f"{name}_decile"] = imd[f"{source}_decile"]
    for name, source in zip(CNI_DOMAINS, _CNI2023_DOMAINS, strict=True):
        result[f"{name}_score"] = cni[f"{source} Domain Score"]
        result[f"{name}_rank"] = cni[f"{source} Domain Rank"]
    return result

"""How sure is a ward's 'left behind' status? Monte Carlo over IMD domain weights and population year.

Each replication draws seven domain weights from a Dirichlet distribution centred on the
official IMD weights (their total kept at 0.999, as the official index has it) and one of the
population years (the IoD's mid-2015 denominators, which leave out prisoners, or the ONS
mid-2017 and mid-2019 estimates, which count them). It rebuilds every LSOA's IMD from the
published domain ranks (ties averaged, the IoD exponential transform), takes each ward's
population-weighted mean through the best-fit LSOA→ward lookup, ranks the wards and applies
the left-behind test: worst floor(N / 10) wards on the IMD and CNI rank ≤ floor(7,433 / 10).
The CNI does not vary.

Linear algebra makes this cheap. The LSOA scores of a replication are ``w @ X.T`` (X: LSOAs ×
7 transformed domains) and ward scores are those times the sparse LSOA→ward population-weight
matrix ``A``; by associativity that equals ``w @ (X.T @ A)``, so the 7 × wards matrix
``X.T @ A`` is computed once per population year and each replication costs 7 × wards
multiply-adds before ranking.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pandas as pd
from scipy import sparse

from n4c.data import load
from n4c.errors import InputError
from n4c.geography import check_year
from n4c.needs.composite import builtin_spec
from n4c.needs.transform import exponential_transform, published_rank_to_r
from n4c.needs.wards import POPULATION_YEARS, PopulationYear, lsoa_populations

__all__ = [
    "DEFAULT_CONCENTRATION",
    "SensitivityInputs",
    "draw_domain_weights",
    "left_behind_sensitivity",
    "sensitivity_inputs",
    "transformed_domains",
    "ward_weight_matrix",
]

#: Dirichlet concentration: the larger, the closer draws stay to the official weights.
#: At 100 the Income share (22.5%) has a standard deviation of about 4 percentage points.
DEFAULT_CONCENTRATION = 100.0

#: Replications handled at once; bounds the ward-score block to chunk × wards floats.
DEFAULT_CHUNK = 250


def transformed_domains(ranks: pd.DataFrame, columns: Sequence[str]) -> np.ndarray:
    """Exponentially transformed domain scores (LSOAs × domains) from published ranks.

    Each column becomes R = (N + 1 − rank) / N with tied ranks averaged, then
    X = −23·ln(1 − R·(1 − e^(−100/23))), 0 (least) to 100 (most deprived).

    Examples
    --------
    >>> ranks = pd.DataFrame({"a": [1, 2, 3, 4], "b": [4, 3, 2, 1]})
    >>> transformed_domains(ranks, ["a", "b"]).round(2).tolist()
    [[100.0, 6.52], [31.01, 15.65], [15.65, 31.01], [6.52, 100.0]]
    """
    matrix = np.empty((len(ranks), len(columns)), dtype=np.float64)
    for j, column in enumerate(columns):
        matrix[:, j] = exponential_transform(published_rank_to_r(ranks[column].to_numpy()))
    return matrix


def ward_weight_matrix(
    ward_of_lsoa: np.ndarray, population: np.ndarray, n_wards: int
) -> sparse.csr_matrix:
    """Sparse LSOAs × wards matrix whose column w holds each LSOA's share of ward w's people.

    ``ward_of_lsoa`` gives each LSOA's ward as an index 0..n_wards − 1, or −1 for an LSOA
    outside every ward. Each column of a ward with people sums to 1, so ``scores @ A`` is the
    population-weighted mean score of every ward.

    Examples
    --------
    >>> a = ward_weight_matrix(np.array([0, 0, 1]), np.array([300.0, 100.0, 50.0]), 2)
    >>> a.toarray().tolist()
    [[0.75, 0.0], [0.25, 0.0], [0.0, 1.0]]
    """
    inside = ward_of_lsoa >= 0
    totals = np.bincount(ward_of_lsoa[inside], weights=population[inside], minlength=n_wards)
    rows = np.flatnonzero(inside)
    cols = ward_of_lsoa[inside]
    share = np.divide(
        population[inside], totals[cols], out=np.zeros(rows.size), where=totals[cols] > 0
    )
    return sparse.csr_matrix((share, (rows, cols)), shape=(len(ward_of_lsoa), n_wards))


def draw_domain_weights(
    official: np.ndarray, replications: int, *, concentration: float, rng: np.random.Generator
) -> np.ndarray:
    """Draw (replications × domains) weights from a Dirichlet centred on the official weights.

    The draws keep the official total (0.999 for the IMD), so scores stay on the official scale.

    Examples
    --------
    >>> rng = np.random.default_rng(1)
    >>> w = draw_domain_weights(np.array([0.225, 0.225, 0.549]), 4, concentration=50, rng=rng)
    >>> w.shape, bool(np.allclose(w.sum(axis=1), 0.999))
    ((4, 3), True)
    """
    if not concentration > 0 or not np.isfinite(concentration):
        raise InputError(
            f"the concentration must be a positive number; got {concentration}.",
            field="concentration",
            value=concentration,
        )
    total = float(official.sum())
    return rng.dirichlet(concentration * official / total, size=replications) * total


@dataclass(frozen=True)
class SensitivityInputs:
    """Everything the replications need, prepared once: the 7 × wards matrix per population year."""

    ward_codes: np.ndarray
    ward_names: np.ndarray
    cni_rank: np.ndarray
    scored: np.ndarray  # wards that the lookup gives at least one LSOA
    domain_by_ward: dict[PopulationYear, np.ndarray]  # domains × scored wards
    official_weights: np.ndarray
    imd_cut: int
    cni_cut: int


@lru_cache(maxsize=2)
def sensitivity_inputs(year: int = 2019) -> SensitivityInputs:
    """Load and prepare the IMD 2019 domains, lookups, populations and the CNI 2019 wards."""
    check_year(year, supported=(2019,), purpose="the sensitivity analysis")
    spec = builtin_spec("imd2019")
    columns = [indicator.column for indicator in spec.indicators]
    ranks = load("imd2019_lsoa11")
    domains = transformed_domains(ranks, columns)
    codes = ranks["lsoa11_code"]

    cni = load("cni2019_ward17")
    ward_codes = cni["ward17_code"].to_numpy(dtype=str)
    position = pd.Series(np.arange(len(cni)), index=ward_codes)
    lookup = load("lookup_lsoa11_ward17").set_index("lsoa11_code")["ward17_code"]
    # LSOAs in wards outside the CNI (City of London) get −1 and drop out of every ward.
    ward_of_lsoa = (
        position.reindex(lookup.reindex(codes).to_numpy()).fillna(-1).to_numpy(dtype=np.int64)
    )
    has_lsoa = np.bincount(ward_of_lsoa[ward_of_lsoa >= 0], minlength=len(cni)) > 0

    domain_by_ward: dict[PopulationYear, np.ndarray] = {}
    for population_year in POPULATION_YEARS:
        people = lsoa_populations(population_year).reindex(codes)
        if people.isna().any():
            raise InputError(
                f"{int(people.isna().sum()):,} LSOAs have no {population_year} population, "
                f"for example {people.index[people.isna()][0]}.",
                field="lsoa11_code",
            )
        weights = ward_weight_matrix(ward_of_lsoa, people.to_numpy(np.float64), len(cni))
        domain_by_ward[population_year] = np.asarray((weights.T @ domains).T)[:, has_lsoa]
    return SensitivityInputs(
        ward_codes=ward_codes,
        ward_names=cni["ward17_name"].to_numpy(dtype=str),
        cni_rank=cni["Community Needs Index rank"].to_numpy(dtype=np.int64),
        scored=has_lsoa,
        domain_by_ward=domain_by_ward,
        official_weights=spec.weights,
        imd_cut=int(has_lsoa.sum()) // 10,
        cni_cut=len(cni) // 10,
    )


def _rank_rows(scores: np.ndarray) -> np.ndarray:
    # Rank 1 = highest score in each row; argsort once, then scatter positions back.
    order = np.argsort(-scores, axis=1, kind="stable")
    ranks = np.empty(scores.shape, dtype=np.int32)
    positions = np.broadcast_to(np.arange(1, scores.shape[1] + 1, dtype=np.int32), scores.shape)
    np.put_along_axis(ranks, order, positions, axis=1)
    return ranks


def left_behind_sensitivity(
    year: int = 2019,
    *,
    replications: int = 1000,
    seed: int | None = 0,
    concentration: float = DEFAULT_CONCENTRATION,
    population_years: Sequence[PopulationYear] = POPULATION_YEARS,
    chunk: int = DEFAULT_CHUNK,
    progress: Callable[[int, int], None] | None = None,
) -> pd.DataFrame:
    """Each ward's rank interval and probability of being 'left behind' under uncertain weights.

    Parameters
    ----------
    year : 2019
        The IMD and CNI year (wards, December 2017 codes).
    replications : int
        Monte Carlo draws.
    seed : int or None
        Seed for ``numpy.random.default_rng``; the same seed gives the same table.
    concentration : float
        Dirichlet concentration around the official weights (larger = less variation).
    population_years : sequence of {"mid2015", "mid2017", "mid2019"}
        Population weights to draw from, each equally likely; ``("mid2015",)`` holds the
        IoD's own denominators fixed.
    chunk : int
        Replications computed together; memory is about chunk × wards × 8 bytes, plus
        replications × wards × 4 bytes for the ranks kept for the intervals.
    progress : callable, optional
        Called as ``progress(done, replications)`` after each chunk.

    Returns
    -------
    pandas.DataFrame
        One row per CNI 2019 ward with at least one LSOA, sorted by ward code:
        ``ward_code, p_left_behind, rank_p05, rank_p95, ward_name, rank_median, cni_rank``.
        Ranks are among those wards, 1 = most deprived; quantiles are observed ranks
        (inverted-CDF method).

    Raises
    ------
    InputError
        If the replications, chunk, concentration or population years are not usable.
    """
    if replications < 1 or chunk < 1:
        raise InputError(
            f"replications and chunk must be at least 1; got {replications} and {chunk}.",
            field="replications",
            value=replications,
        )
    unknown = [p for p in population_years if p not in POPULATION_YEARS]
    if unknown or not population_years:
        raise InputError(
            f"population years must be some of {', '.join(POPULATION_YEARS)}; got "
            f"{', '.join(map(str, population_years)) or 'none'}.",
            field="population_years",
        )
    inputs = sensitivity_inputs(year)
    rng = np.random.default_rng(seed)
    weights = draw_domain_weights(
        inputs.official_weights, replications, concentration=concentration, rng=rng
    )
    year_index = rng.integers(0, len(population_years), size=replications)
    cni_ok = inputs.cni_rank[inputs.scored] <= inputs.cni_cut
    n_wards = int(inputs.scored.sum())
    ranks = np.empty((replications, n_wards), dtype=np.int32)
    for start in range(0, replications, chunk):
        stop = min(start + chunk, replications)
        scores = np.empty((stop - start, n_wards), dtype=np.float64)
        for i, population_year in enumerate(population_years):
            rows = np.flatnonzero(year_index[start:stop] == i)
            if rows.size:
                scores[rows] = weights[start + rows] @ inputs.domain_by_ward[population_year]
        ranks[start:stop] = _rank_rows(scores)
        if progress is not None:
            progress(stop, replications)
    left_behind = (ranks <= inputs.imd_cut) & cni_ok
    p05, median, p95 = np.quantile(ranks, [0.05, 0.5, 0.95], axis=0, method="inverted_cdf")
    table = pd.DataFrame(
        {
            "ward_code": inputs.ward_codes[inputs.scored],
            "p_left_behind": left_behind.mean(axis=0),
            "rank_p05": p05.astype(np.int64),
            "rank_p95": p95.astype(np.int64),
            "ward_name": inputs.ward_names[inputs.scored],
            "rank_median": median.astype(np.int64),
            "cni_rank": inputs.cni_rank[inputs.scored],
        }
    )
    table.attrs.update(
        replications=replications,
        seed=seed,
        concentration=concentration,
        population_years=tuple(population_years),
        imd_cut=inputs.imd_cut,
        cni_cut=inputs.cni_cut,
    )
    return table.sort_values("ward_code", ignore_index=True)

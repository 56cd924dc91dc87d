"""The Indices of Deprivation's rank-based exponential transform, and rank helpers.

Source: English Indices of Deprivation 2019 Technical Report, Appendix F. A domain is ranked
from 1 (least deprived) to N (most deprived); R = rank / N; X = −23·ln(1 − R·(1 − e^(−100/23))).
Published ranks run the other way (1 = most deprived), so R = (N + 1 − published rank) / N.
"""

from __future__ import annotations

from typing import Literal

import numpy as np
import numpy.typing as npt

__all__ = [
    "EXP_CONSTANT",
    "RankMethod",
    "deciles",
    "exponential_transform",
    "published_rank_to_r",
    "rank",
    "rank_most_deprived_first",
]

RankMethod = Literal["min", "average", "ordinal"]

#: λ in the transform: chosen so the most deprived 10% take X in [50, 100] (App. F.1.4).
EXP_CONSTANT = 23.0

FloatArray = npt.NDArray[np.float64]


def exponential_transform(r: npt.ArrayLike, *, constant: float = EXP_CONSTANT) -> FloatArray:
    """Map R in [0, 1] (1 = most deprived) onto the IoD's exponential 0–100 scale.

    Parameters
    ----------
    r : array_like
        Scaled ranks, 1/N for the least deprived up to 1 for the most deprived.
    constant : float
        The IoD's λ = 23.

    Returns
    -------
    numpy.ndarray
        X = −λ·ln(1 − R·(1 − e^(−100/λ))), from about 0 up to exactly 100.

    Examples
    --------
    >>> exponential_transform([0.0, 0.5, 0.9, 1.0]).round(3).tolist()
    [0.0, 15.647, 50.427, 100.0]
    """
    values = np.asarray(r, dtype=np.float64)
    return -constant * np.log1p(-values * (1.0 - np.exp(-100.0 / constant)))


def rank(values: npt.ArrayLike, *, method: RankMethod = "average") -> FloatArray:
    """Rank values from 1 (the smallest) to N, as ``scipy.stats.rankdata`` does.

    Tied values share the average of the ranks they span (``average``), or all take the lowest
    of them (``min``), or are ranked in the order they appear (``ordinal``, a stable sort).
    Any NaN makes every rank NaN, since a missing value has no place in the order.

    Examples
    --------
    >>> rank([10.0, 20.0, 20.0, 5.0]).tolist()
    [2.0, 3.5, 3.5, 1.0]
    >>> rank([10.0, 20.0, 20.0, 5.0], method="min").tolist()
    [2.0, 3.0, 3.0, 1.0]
    >>> rank([10.0, 20.0, 20.0, 5.0], method="ordinal").tolist()
    [2.0, 3.0, 4.0, 1.0]
    """
    x = np.asarray(values, dtype=np.float64).ravel()
    if np.isnan(x).any():
        return np.full(x.shape, np.nan)
    order = np.argsort(x, kind="stable")
    ranks = np.empty(x.size, dtype=np.float64)
    if method == "ordinal":
        ranks[order] = np.arange(1, x.size + 1, dtype=np.float64)
        return ranks
    if x.size == 0:
        return ranks
    ordered = x[order]
    # Each run of equal values starts where the sorted value changes.
    starts = np.flatnonzero(np.r_[True, ordered[1:] != ordered[:-1]])
    ends = np.r_[starts[1:], x.size]
    shared = starts + 1.0 if method == "min" else (starts + 1.0 + ends) / 2.0
    ranks[order] = np.repeat(shared, ends - starts)
    return ranks


def published_rank_to_r(ranks: npt.ArrayLike, *, average_ties: bool = True) -> FloatArray:
    """Turn published ranks (1 = most deprived) into R = (N + 1 − rank) / N.

    Published ranks give tied areas the same (lowest) rank and skip the next numbers; the
    official scores were computed from unrounded domain scores, where those areas are not tied,
    so tied areas get the average of the ranks they span (this reproduces 2019 scores to 3 dp).

    Examples
    --------
    >>> published_rank_to_r([1, 2, 2, 4]).tolist()
    [1.0, 0.625, 0.625, 0.25]
    """
    values = np.asarray(ranks, dtype=np.float64)
    n = values.size
    if average_ties:
        values = rank(values, method="average")
    return (n + 1.0 - values) / n


def rank_most_deprived_first(
    scores: npt.ArrayLike, *, method: RankMethod = "min"
) -> npt.NDArray[np.float64]:
    """Rank scores so that 1 is the highest score (the most deprived, or the highest need).

    Examples
    --------
    >>> rank_most_deprived_first([10.0, 30.0, 20.0]).tolist()
    [3.0, 1.0, 2.0]
    """
    values = np.asarray(scores, dtype=np.float64)
    return rank(-values, method=method)


def deciles(ranks: npt.ArrayLike, n: int | None = None) -> npt.NDArray[np.int64]:
    """Decile = ceil(rank / N × 10): 1 is the most deprived tenth (the IoD rule, checked on 2019 and 2025).

    Examples
    --------
    >>> deciles([1, 5, 10], n=10).tolist()
    [1, 5, 10]
    """
    values = np.asarray(ranks, dtype=np.float64)
    total = values.size if n is None else n
    return np.ceil(values / total * 10.0).astype(np.int64)

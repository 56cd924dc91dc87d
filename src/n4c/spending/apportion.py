"""Sharing amounts in pence among parts by weight, so the parts add up to the penny.

A grant to a district or region is shared among its LSOAs by population: each LSOA gets the
whole pence of its exact share, and the pence left over go one each to the LSOAs with the
largest remainders (ties to the earlier row). Integer arithmetic throughout, so a £1bn grant
to England is shared as exactly as a £10 one.
"""

from __future__ import annotations

import numpy as np

__all__ = ["apportion_pence", "split_equally"]


def apportion_pence(totals: np.ndarray, groups: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """Share each group's total (pence) among its rows by weight, by largest remainder.

    Parameters
    ----------
    totals : array of int
        Pence to share, one per group.
    groups : array of int
        For each row, the group (index into ``totals``) it belongs to.
    weights : array of int
        Non-negative weight of each row, such as an LSOA's population. A group whose weights
        are all zero is shared equally among its rows.

    Returns
    -------
    numpy.ndarray
        Pence for each row; per group they add up to the group's total exactly, and each row
        is within a penny of its exact share.

    Examples
    --------
    >>> apportion_pence(np.array([1000]), np.array([0, 0, 0]), np.array([1, 1, 1]))
    array([334, 333, 333])
    >>> apportion_pence(np.array([101, 7]), np.array([0, 0, 1]), np.array([3, 1, 5]))
    array([76, 25,  7])
    """
    totals = np.asarray(totals, dtype=np.int64)
    groups = np.asarray(groups, dtype=np.int64)
    weights = np.asarray(weights, dtype=np.int64)
    if len(groups) == 0:
        return np.zeros(0, dtype=np.int64)
    if (weights < 0).any():
        raise ValueError("weights must not be negative.")
    n_groups = len(totals)
    weight_sums = np.bincount(groups, weights=weights, minlength=n_groups).astype(np.int64)
    sizes = np.bincount(groups, minlength=n_groups)
    if (sizes[np.unique(groups)] == 0).any():  # pragma: no cover - bincount guarantees this
        raise ValueError("every group needs at least one row.")
    unweighted = weight_sums == 0
    if unweighted.any():
        weights = np.where(unweighted[groups], 1, weights)
        weight_sums = np.where(unweighted, sizes, weight_sums)
    # floor(T·w/W) = w·(T // W) + floor((T mod W)·w / W): every product stays below W², far
    # inside int64, however large the total.
    whole, rest = np.divmod(totals, np.maximum(weight_sums, 1))
    numerators = rest[groups] * weights
    extra, remainders = np.divmod(numerators, np.maximum(weight_sums[groups], 1))
    shares = weights * whole[groups] + extra
    left = totals - np.bincount(groups, weights=shares, minlength=n_groups).astype(np.int64)
    # Within a group the remainders share one denominator, so comparing numerators is exact.
    rows = np.arange(len(groups))
    order = np.lexsort((rows, -remainders, groups))
    first_of_group = np.r_[0, np.cumsum(sizes)[:-1]]
    rank = np.empty(len(groups), dtype=np.int64)
    rank[order] = rows - first_of_group[groups[order]]
    shares = shares + (rank < left[groups])
    return shares.astype(np.int64)


def split_equally(total: int, parts: int) -> list[int]:
    """Share ``total`` pence among ``parts`` equally, the odd pence to the first parts.

    >>> split_equally(1000, 3)
    [334, 333, 333]
    """
    whole, left = divmod(total, parts)
    return [whole + (1 if i < left else 0) for i in range(parts)]

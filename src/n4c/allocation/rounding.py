"""Whole-pound rounding that keeps the exact total: the largest-remainder method."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

__all__ = ["largest_remainder"]


def largest_remainder(
    amounts: npt.ArrayLike,
    totals: npt.ArrayLike,
    *,
    upper: npt.ArrayLike | None = None,
    lower: npt.ArrayLike | None = None,
) -> npt.NDArray[np.int64]:
    """Round amounts to whole pounds so each row adds up exactly to its total.

    Every amount is rounded down, then the pounds still missing go one each to the amounts with
    the largest remainders; ties go to the earlier position, so the result never depends on
    chance. ``upper`` and ``lower`` (caps and floors, already whole pounds) are never crossed.

    Parameters
    ----------
    amounts : array_like
        Shape ``(n,)`` or ``(scenarios, n)``; each row should add up to its total (to within
        floating-point error).
    totals : array_like
        Whole pounds: one number, or one per row.
    upper, lower : array_like, optional
        Bounds broadcastable to ``amounts``.

    Returns
    -------
    numpy.ndarray
        int64 amounts with the shape of ``amounts``.

    Examples
    --------
    >>> largest_remainder([1 / 3, 1 / 3, 1 / 3], 1).tolist()
    [1, 0, 0]
    >>> largest_remainder([[33.4, 33.3, 33.3], [50.5, 49.5, 0.0]], [100, 100]).tolist()
    [[34, 33, 33], [51, 49, 0]]
    """
    values = np.asarray(amounts, dtype=np.float64)
    single = values.ndim == 1
    values = np.atleast_2d(values)
    target = np.broadcast_to(np.asarray(totals, dtype=np.int64), values.shape[:1])
    # Round away float noise first (1e-6 of a pound) so equal shares have equal remainders.
    values = np.round(values, 6)
    base = np.floor(values)
    remainder = values - base
    base = base.astype(np.int64)
    high = (
        np.full(values.shape, np.iinfo(np.int64).max)
        if upper is None
        else np.broadcast_to(np.asarray(upper), values.shape)
    )
    low = (
        np.full(values.shape, np.iinfo(np.int64).min)
        if lower is None
        else np.broadcast_to(np.asarray(lower), values.shape)
    )
    missing = target - base.sum(axis=1)
    rows = np.arange(values.shape[0])[:, None]
    if (missing > 0).any():
        # Areas that cannot take another pound go last whatever their remainder.
        key = np.where(base + 1 <= high, remainder, -1.0)
        order = np.argsort(-key, axis=1, kind="stable")
        position = np.empty_like(order)
        position[rows, order] = np.arange(values.shape[1])
        base = base + (position < np.maximum(missing, 0)[:, None])
    if (missing < 0).any():
        # Only float noise brings this about: take the extra pounds from the smallest remainders.
        key = np.where(base - 1 >= low, remainder, 2.0)
        order = np.argsort(key, axis=1, kind="stable")
        position = np.empty_like(order)
        position[rows, order] = np.arange(values.shape[1])
        base = base - (position < np.maximum(-missing, 0)[:, None])
    return base[0] if single else base

"""Balance between supported areas and their comparators: standardised mean differences.

A standardised mean difference (SMD) is the difference in means divided by the pooled standard
deviation sqrt((s²_supported + s²_comparison) / 2) of the groups before matching. The same
denominator is used before and after matching, so a smaller |SMD| after matching means the
means moved closer, not that the spread changed. |SMD| < 0.1 is the usual mark of good balance
(Austin, 2009).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

__all__ = ["GOOD_BALANCE", "balance_table", "standardised_mean_difference"]

#: |SMD| below this is taken as good balance.
GOOD_BALANCE = 0.1


def _pooled_sd(first: np.ndarray, second: np.ndarray) -> float:
    variances = [
        float(np.var(group, ddof=1)) if group.size > 1 else 0.0 for group in (first, second)
    ]
    return float(np.sqrt(sum(variances) / 2))


def standardised_mean_difference(
    first: np.ndarray, second: np.ndarray, *, scale: float | None = None
) -> float:
    """(mean of ``first`` − mean of ``second``) / pooled standard deviation.

    ``scale`` gives the denominator (for example the one from before matching); by default it is
    the pooled standard deviation of the two groups. Two groups with the same mean give 0, even
    with no spread; different means with no spread give NaN (no scale to measure by).

    Examples
    --------
    >>> standardised_mean_difference(np.array([1.0, 2.0, 3.0]), np.array([0.0, 1.0, 2.0]))
    1.0
    >>> standardised_mean_difference(np.array([5.0, 5.0]), np.array([5.0]))
    0.0
    """
    first, second = np.asarray(first, dtype=np.float64), np.asarray(second, dtype=np.float64)
    difference = float(first.mean() - second.mean())
    denominator = _pooled_sd(first, second) if scale is None else scale
    if difference == 0:
        return 0.0
    if not denominator > 0:
        return float("nan")
    return difference / denominator


def balance_table(
    supported: pd.DataFrame, pool: pd.DataFrame, matched: pd.DataFrame, variables: list[str]
) -> dict[str, dict[str, float]]:
    """SMD of each variable: supported against the whole pool, then against the matched comparators.

    ``matched`` holds one row per match (a comparator used twice appears twice), so the
    comparison group is weighted as the estimate for the supported areas would weight it.

    Examples
    --------
    >>> supported = pd.DataFrame({"x": [1.0, 3.0]})
    >>> pool = pd.DataFrame({"x": [0.0, 1.0, 3.0, 8.0]})
    >>> balance_table(supported, pool, pool.iloc[[1, 2]], ["x"])
    {'x': {'smd_before': -0.3692744729379982, 'smd_after': 0.0}}
    """
    table = {}
    for variable in variables:
        treated = supported[variable].to_numpy(np.float64)
        before = pool[variable].to_numpy(np.float64)
        scale = _pooled_sd(treated, before)
        table[variable] = {
            "smd_before": standardised_mean_difference(treated, before, scale=scale),
            "smd_after": standardised_mean_difference(
                treated, matched[variable].to_numpy(np.float64), scale=scale
            ),
        }
    return table

"""A simulated competitive-bidding baseline: what the same pot does when areas must bid for it.

Competitive pots reward capacity to bid: staff, networks, match funding, track record. The
Community Needs Index measures the lack of exactly that (civic assets, connectedness, an active
community), so this model lets the chance of winning rise with CNI rank (rank 1 = highest need
= least capacity). It is an illustrative model, not a forecast: every area may bid; awards are
drawn without replacement with odds ``exp(capacity_strength × capacity)``, capacity running
from 0 (highest community need) to 1 (lowest), until the pot runs out; the result is the
expected amount per area over many draws, rounded to whole pounds with the exact pot.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
import pandas as pd

from n4c import specfiles
from n4c.allocation.rounding import largest_remainder
from n4c.errors import InputError

__all__ = ["CAPACITY_STRENGTH", "check_capacity_strength", "simulate_bidding"]

#: The range of ``capacity_strength``: 0 is a lottery; at 20 the best-placed area is about 500
#: million times as likely to win as the least, far past any real competition.
CAPACITY_STRENGTH = (0.0, 20.0)


def check_capacity_strength(value: float, *, field: str = "capacity_strength") -> float:
    """``value`` if it is a usable capacity strength (a finite number from 0 to 20).

    >>> check_capacity_strength(float("nan"), field="--capacity-strength")
    Traceback (most recent call last):
    ...
    n4c.errors.InputError: field "--capacity-strength": "nan" must be a number from 0 to 20.
    """
    low, high = CAPACITY_STRENGTH
    return specfiles.number(value, field=field, path=None, minimum=low, maximum=high)


def simulate_bidding(
    areas: pd.DataFrame,
    pot_gbp: int,
    award_gbp: int,
    *,
    capacity_strength: float = 3.0,
    runs: int = 200,
    seed: int = 0,
) -> npt.NDArray[np.int64]:
    """Expected amount per area if the pot were won by competitive bids.

    Parameters
    ----------
    areas : pandas.DataFrame
        An areas frame with ``population`` and ``cni_rank`` (1 = highest community need).
        Areas with no people do not bid.
    pot_gbp : int
        The pot, in whole pounds.
    award_gbp : int
        The size of one award; the last award takes what is left of the pot.
    capacity_strength : float
        How much capacity helps: the best-placed area is ``exp(capacity_strength)`` times as
        likely to win as the least well placed (3 gives about 20 times). 0 is a fair lottery.
    runs : int
        Draws averaged; more runs, smoother expectations.
    seed : int
        Seed of the random draws, so the same inputs give the same answer.

    Returns
    -------
    numpy.ndarray
        Whole pounds per area (in the order of ``areas``), adding up exactly to the pot.

    Examples
    --------
    >>> areas = pd.DataFrame({"population": [5000, 5000, 5000, 0], "cni_rank": [1, 2, 3, 4]})
    >>> amounts = simulate_bidding(areas, 300_000, 100_000, capacity_strength=0, runs=50)
    >>> int(amounts.sum()), int(amounts[3])
    (300000, 0)
    """
    check_capacity_strength(capacity_strength)
    if award_gbp <= 0:
        raise InputError("an award must be more than £0.", field="award_gbp", value=award_gbp)
    if "cni_rank" not in areas.columns:
        raise InputError(
            'the bidding baseline needs a "cni_rank" column (community need, 1 = highest).',
            field="cni_rank",
        )
    rank = pd.to_numeric(areas["cni_rank"], errors="coerce").to_numpy(dtype=float, na_value=np.nan)
    bidders = (areas["population"].to_numpy() > 0) & ~np.isnan(rank)
    if not bidders.any():
        raise InputError("no area can bid: none has people and a CNI rank.", field="cni_rank")
    spread = np.nanmax(rank[bidders]) - np.nanmin(rank[bidders])
    capacity = (rank - np.nanmin(rank[bidders])) / (spread if spread > 0 else 1.0)
    log_odds = np.where(bidders, capacity_strength * np.nan_to_num(capacity), -np.inf)
    awards = pot_gbp // award_gbp
    last = pot_gbp - awards * award_gbp
    winners = min(int(awards) + (1 if last else 0), int(bidders.sum()))
    amounts_by_place = np.full(winners, float(award_gbp))
    if last and winners == awards + 1:
        amounts_by_place[-1] = last
    if amounts_by_place.sum() < pot_gbp:
        # Fewer bidders than awards: share what each winner would get evenly so the pot is spent.
        amounts_by_place *= pot_gbp / amounts_by_place.sum()
    generator = np.random.default_rng(seed)
    # Gumbel-top-k: adding Gumbel noise to log-odds and sorting draws without replacement.
    keys = log_odds[None, :] + generator.gumbel(size=(runs, len(areas)))
    order = np.argsort(-keys, axis=1, kind="stable")[:, :winners]
    expected = np.zeros(len(areas))
    np.add.at(expected, order.ravel(), np.tile(amounts_by_place, runs))
    expected /= runs
    return largest_remainder(expected, pot_gbp)

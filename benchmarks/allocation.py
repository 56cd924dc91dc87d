"""Benchmark: allocate a fund over England's 7,433 wards in 100 scenarios in under 1 s on 2 cores.

The scenarios vary what a funder would vary: the per-head/need blend (0% to 100% by need), the
need weight (IMD score or the exponential transform of its rank), eligibility (IMD deciles
1 to k) and floors and caps. All 100 run as one set of numpy arrays of shape (100, 7,433):
formula weights, the floors-and-caps solve, largest-remainder rounding to whole pounds with
exact totals, and the fairness measures of every scenario. Loading the ward table is timed
separately (it is read once, then reused by every scenario).

Run: ``N4C_DATA_MIRROR=../shared/data .venv/bin/python benchmarks/allocation.py``
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time

import numpy as np

GOAL_SECONDS = 1.0
SCENARIOS = 100
POT_GBP = 1_441_000_000
REPEATS = 5


def main() -> int:
    # A private data folder, so a benchmark never writes to the user's home.
    os.environ.setdefault("N4C_DATA_DIR", tempfile.mkdtemp(prefix="n4c-bench-"))
    from n4c.allocation import Formula, largest_remainder, load_areas, need_weights, spread_pot
    from n4c.allocation.fairness import fairness_measures

    start = time.perf_counter()
    areas = load_areas("ward", 2019)
    load_seconds = time.perf_counter() - start
    n = len(areas)

    population = areas["population"].to_numpy(dtype=np.float64)
    decile = areas["imd_decile"].to_numpy(dtype=np.float64, na_value=np.nan)
    need_score = np.nan_to_num(need_weights(areas, Formula(method="need")))
    need_rank = np.nan_to_num(
        need_weights(areas, Formula(method="need", need_weight="exponential_rank"))
    )
    scenario = np.arange(SCENARIOS)
    need_share = (scenario % 11) / 10.0  # 0%, 10%, ... 100% of the pot by need
    by_rank = (scenario // 11) % 2 == 1  # score or exponential rank as the need weight
    deciles_in = 1 + scenario % 5  # IMD deciles 1..k are eligible
    floors = np.where(scenario % 3 == 0, 50_000.0, 0.0)
    caps = np.where(scenario % 4 == 0, 5_000_000.0, np.inf)

    def run() -> tuple[np.ndarray, object]:
        eligible = (decile[None, :] <= deciles_in[:, None]) & (population[None, :] > 0)
        need = population[None, :] * np.where(by_rank[:, None], need_rank, need_score)
        components = np.stack([np.broadcast_to(population, (SCENARIOS, n)), need])
        shares = np.stack([1.0 - need_share, need_share])
        spread = spread_pot(components, shares, eligible, POT_GBP, floor_gbp=floors, cap_gbp=caps)
        amounts = largest_remainder(
            spread.amounts_gbp,
            np.full(SCENARIOS, POT_GBP),
            upper=np.where(np.isfinite(caps), caps, np.iinfo(np.int64).max)[:, None],
            lower=np.where(spread.eligible, floors[:, None], 0).astype(np.int64),
        )
        return amounts, fairness_measures(amounts, areas)

    timings = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        amounts, measures = run()
        timings.append(time.perf_counter() - start)
    best, median = min(timings), statistics.median(timings)

    exact = bool((amounts.sum(axis=1) == POT_GBP).all())
    floors_kept = bool(
        ((amounts >= floors[:, None]) | (amounts == 0)).all()
        and (amounts <= np.where(np.isfinite(caps), caps, np.inf)[:, None]).all()
    )
    print(f"allocation benchmark on {os.cpu_count()} CPUs: {n:,} wards x {SCENARIOS} scenarios")
    print(f"load ward table (once)        {load_seconds:7.3f} s")
    verdict = "meets" if median < GOAL_SECONDS else "MISSES"
    print(
        f"allocate + round + fairness   median {median:7.3f} s  best {best:7.3f} s  "
        f"ratio {median / GOAL_SECONDS:5.2f} of the {GOAL_SECONDS:g} s goal ({verdict})"
    )
    print(
        f"checks: every scenario sums to £{POT_GBP:,} exactly: {exact}; floors and caps kept: "
        f"{floors_kept}; concentration index from {measures['concentration_index'].min():.3f} "  # type: ignore[index]
        f"to {measures['concentration_index'].max():.3f}"  # type: ignore[index]
    )
    return 0 if (median < GOAL_SECONDS and exact and floors_kept) else 1


if __name__ == "__main__":
    sys.exit(main())

"""Timings of the needs engine against its goals (issue #2).

Run: ``N4C_DATA_MIRROR=../shared/data .venv/bin/python benchmarks/needs.py``. Each step is timed
cold (first call in this process, data read from disk) and warm (data already loaded), so the
cold figure is what a single CLI run pays. The stated goal is the sensitivity analysis: 1,000
replications over all 32,844 LSOAs in under 10 s on 2 cores; the others have a soft goal of
10 s each for CLI use.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from typing import Any

GOAL_SECONDS = 10.0
SENSITIVITY_REPLICATIONS = 1_000


def _timed(step: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    result = step()
    return time.perf_counter() - start, result


def _report(name: str, cold: float, warm: float, detail: str) -> bool:
    ratio = cold / GOAL_SECONDS
    verdict = "meets" if cold < GOAL_SECONDS else "MISSES"
    print(
        f"{name:<28} cold {cold:7.3f} s  warm {warm:7.3f} s  "
        f"ratio {ratio:5.2f} of the {GOAL_SECONDS:g} s goal ({verdict})  {detail}"
    )
    return cold < GOAL_SECONDS


def main() -> int:
    # A private data folder, so a benchmark never writes to the user's home.
    os.environ.setdefault("N4C_DATA_DIR", tempfile.mkdtemp(prefix="n4c-bench-"))
    from n4c.needs.boundaries import ward_shapes
    from n4c.needs.iod import combine_imd
    from n4c.needs.sensitivity import left_behind_sensitivity, sensitivity_inputs
    from n4c.needs.summaries import _imd2019_lsoas, summarise_imd2019
    from n4c.needs.wards import _ward_table, ward_table

    print(f"needs benchmarks on {os.cpu_count()} CPUs (goal: under {GOAL_SECONDS:g} s each)")
    print(
        "cold = first call (files read by earlier steps stay cached); warm = again, files in memory"
    )
    ok = True

    # First, so that its cold time includes reading every file it needs.
    def sensitivity() -> Any:
        return left_behind_sensitivity(2019, replications=SENSITIVITY_REPLICATIONS, seed=0)

    cold, table = _timed(sensitivity)
    sensitivity_inputs.cache_clear()
    warm, _ = _timed(sensitivity)
    ok &= _report(
        f"sensitivity x{SENSITIVITY_REPLICATIONS:,}",
        cold,
        warm,
        f"{len(table):,} wards from 32,844 LSOAs (the issue's goal)",
    )

    cold, table = _timed(lambda: combine_imd(2019))
    warm, _ = _timed(lambda: combine_imd(2019))
    ok &= _report("combine IMD 2019", cold, warm, f"{len(table):,} LSOAs")

    cold, table = _timed(lambda: summarise_imd2019("lad"))
    _imd2019_lsoas.cache_clear()
    warm, _ = _timed(lambda: summarise_imd2019("lad"))
    ok &= _report("summarise local authorities", cold, warm, f"{len(table):,} areas")
    cold, table = _timed(lambda: summarise_imd2019("ward"))
    ok &= _report("summarise wards", cold, cold, f"{len(table):,} areas")

    cold, table = _timed(lambda: ward_table(2019))
    _ward_table.cache_clear()
    warm, _ = _timed(lambda: ward_table(2019))
    ok &= _report("leftbehind ward table", cold, warm, f"{int(table['left_behind'].sum())} wards")

    flagged = table.query("left_behind")["ward17_code"]
    cold, shapes = _timed(lambda: ward_shapes(flagged))
    warm, _ = _timed(lambda: ward_shapes(flagged))
    ok &= _report("ward shapes (left behind)", cold, warm, f"{len(shapes)} wards dissolved")
    cold, shapes = _timed(lambda: ward_shapes())
    ok &= _report("ward shapes (all wards)", cold, cold, f"{len(shapes):,} wards dissolved")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

"""Whole-process timings of ``n4c needs change`` against its goal: under 2 s each.

Run: ``N4C_DATA_MIRROR=../shared/data .venv/bin/python benchmarks/needs_change.py``. Every pair
of editions at every level is timed as a new process, as a person at a terminal waits for it
(median wall and CPU time of several runs):

- once with nothing cached (an empty data folder: every input hashed, parsed and validated);
- with the dataset cache only (``--no-cache``: typed Parquet read, the change computed);
- warm (the stored result read back, no pandas imported).

The goal is each dataset-cache and warm run under 2 s of wall time.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import sys
import tempfile
from pathlib import Path
from types import ModuleType

GOAL_SECONDS = 2.0
BIN = Path(sys.executable).parent
PAIRS = ((2015, 2019), (2015, 2025), (2019, 2025))
LEVELS = ("lsoa", "ward", "lad")


def _whole_process_timer() -> ModuleType:
    # benchmarks/cli.py times a process the one way every CLI benchmark does; scripts here run
    # with -P (see the Makefile), so it is loaded by its path rather than imported by name.
    spec = importlib.util.spec_from_file_location("cli_timings", Path(__file__).with_name("cli.py"))
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def main() -> int:
    if not os.environ.get("N4C_DATA_MIRROR"):
        print("Set N4C_DATA_MIRROR to the data mirror (e.g. ../shared/data) to run this benchmark.")
        return 1
    timer = _whole_process_timer()
    work = Path(tempfile.mkdtemp(prefix="n4c-bench-change-"))
    home = work / "home"
    env = {**os.environ, "N4C_DATA_DIR": str(home), "COLUMNS": "120"}
    out = str(work / "F.csv")
    print(
        f"n4c needs change whole-process timings on {os.cpu_count()} CPUs, median of "
        f"{timer.RUNS} runs each (goal: under {GOAL_SECONDS:g} s)"
    )
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    ok = True
    first = [str(BIN / "n4c"), "needs", "change", "--from", "2019", "--to", "2025", "--out", out]
    cold = timer._median(first, env, before=lambda: shutil.rmtree(home, ignore_errors=True))
    timer._line("2019 to 2025 lsoa, nothing cached", cold, "hash, parse, validate, compute")
    for from_year, to_year in PAIRS:
        for level in LEVELS:
            command = [
                str(BIN / "n4c"), "needs", "change", "--from", str(from_year),
                "--to", str(to_year), "--level", level, "--out", out,
            ]  # fmt: skip
            label = f"{from_year} to {to_year} {level}"
            datasets_only = timer._median([*command, "--no-cache"], env)
            warm = timer._median(command, env)
            ok &= datasets_only.wall < GOAL_SECONDS and warm.wall < GOAL_SECONDS
            timer._line(
                f"{label}, dataset cache",
                datasets_only,
                timer._verdict(datasets_only.wall, GOAL_SECONDS),
            )
            timer._line(f"{label}, warm", warm, timer._verdict(warm.wall, GOAL_SECONDS))
    shutil.rmtree(work, ignore_errors=True)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

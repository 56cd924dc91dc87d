"""Whole-process timings of the ``n4c`` command against its goals, and against plain pandas.

Run: ``N4C_DATA_MIRROR=../shared/data .venv/bin/python benchmarks/cli.py``. Each figure is the
median wall time of several runs of a new process, as a person at a terminal waits for it:

- ``--help`` of the main commands (goal: under 0.3 s);
- ``n4c leftbehind --year 2019 --out F.csv`` cold (an empty data folder: every file hashed,
  parsed and validated, every cache built), with only the dataset cache warm (``--no-cache``),
  and warm (the stored result read back); goal: the warm run under 0.5 s;
- ``benchmarks/baselines/leftbehind_pandas.py``, the same join as a plain pandas script reading
  the gzip CSVs; goal: the warm n4c run faster than it (ratio under 1.0).
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

RUNS = 5
HELP_GOAL_SECONDS = 0.3
LEFTBEHIND_GOAL_SECONDS = 0.5
BIN = Path(sys.executable).parent
BASELINE = Path(__file__).parent / "baselines" / "leftbehind_pandas.py"
HELPS = (
    ["--help"],
    ["leftbehind", "--help"],
    ["needs", "--help"],
    ["data", "--help"],
    ["allocate", "--help"],
    ["doctor", "--help"],
)


def _wall(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def _median(
    command: list[str], env: dict[str, str], before: Callable[[], None] | None = None
) -> float:
    times = []
    for _ in range(RUNS):
        if before is not None:
            before()
        times.append(_wall(command, env))
    return statistics.median(times)


def _verdict(seconds: float, goal: float) -> str:
    return (
        f"{seconds / goal:5.2f} of the {goal:g} s goal ({'meets' if seconds < goal else 'MISSES'})"
    )


def main() -> int:
    mirror = os.environ.get("N4C_DATA_MIRROR")
    if not mirror:
        print("Set N4C_DATA_MIRROR to the data mirror (e.g. ../shared/data) to run this benchmark.")
        return 1
    work = Path(tempfile.mkdtemp(prefix="n4c-bench-cli-"))
    home = work / "home"
    env = {**os.environ, "N4C_DATA_DIR": str(home), "COLUMNS": "120"}
    n4c = [str(BIN / "n4c")]
    out = str(work / "F.csv")
    leftbehind = [*n4c, "leftbehind", "--year", "2019", "--out", out]
    print(f"n4c whole-process timings on {os.cpu_count()} CPUs, median of {RUNS} runs each")
    ok = True

    for args in HELPS:
        seconds = _median([*n4c, *args], env)
        ok &= seconds < HELP_GOAL_SECONDS
        print(
            f"{'n4c ' + ' '.join(args):<34} {seconds:6.3f} s  {_verdict(seconds, HELP_GOAL_SECONDS)}"
        )

    cold = _median(leftbehind, env, before=lambda: shutil.rmtree(home, ignore_errors=True))
    datasets_only = _median([*leftbehind, "--no-cache"], env)
    warm = _median(leftbehind, env)
    library = _median(
        [
            sys.executable,
            "-c",
            f"from n4c.needs import find_left_behind; find_left_behind(2019).write_csv({out!r})",
        ],
        env,
    )
    baseline = _median([sys.executable, str(BASELINE), mirror, str(work / "pandas.csv")], env)
    bare = _median([sys.executable, "-c", "pass"], env)
    pandas_import = _median([sys.executable, "-c", "import pandas"], env)
    ok &= warm < LEFTBEHIND_GOAL_SECONDS and warm < baseline

    print(
        f"{'leftbehind 2019, cold':<34} {cold:6.3f} s  nothing cached: hash, parse, validate, compute"
    )
    print(
        f"{'leftbehind 2019, dataset cache':<34} {datasets_only:6.3f} s  --no-cache: typed Parquet, then compute"
    )
    print(
        f"{'leftbehind 2019, warm':<34} {warm:6.3f} s  {_verdict(warm, LEFTBEHIND_GOAL_SECONDS)}; "
        f"{warm / baseline:4.2f} × the pandas script ({'faster' if warm < baseline else 'SLOWER'})"
    )
    print(
        f"{'find_left_behind() alone, warm':<34} {library:6.3f} s  the library call without the CLI"
    )
    print(
        f"{'plain pandas script':<34} {baseline:6.3f} s  benchmarks/baselines/leftbehind_pandas.py"
    )
    print(f"{'python -c pass':<34} {bare:6.3f} s  the interpreter alone")
    label = 'python -c "import pandas"'
    print(f"{label:<34} {pandas_import:6.3f} s  what any pandas script pays first")
    if shutil.which("Rscript") is None:
        print("R is not installed on this machine, so there is no R/dplyr comparison.")
    shutil.rmtree(work, ignore_errors=True)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

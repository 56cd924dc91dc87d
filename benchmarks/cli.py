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
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
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


@dataclass(frozen=True)
class Timing:
    """Median wall and CPU (user + system) seconds of one command's runs. On a shared machine
    the wall time grows with the other processes' load; the CPU time much less."""

    wall: float
    cpu: float


def _cpu_of_children() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _median(
    command: list[str], env: dict[str, str], before: Callable[[], None] | None = None
) -> Timing:
    walls, cpus = [], []
    for _ in range(RUNS):
        if before is not None:
            before()
        cpu = _cpu_of_children()
        start = time.perf_counter()
        subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL)
        walls.append(time.perf_counter() - start)
        cpus.append(_cpu_of_children() - cpu)
    return Timing(statistics.median(walls), statistics.median(cpus))


def _verdict(seconds: float, goal: float) -> str:
    return (
        f"{seconds / goal:5.2f} of the {goal:g} s goal ({'meets' if seconds < goal else 'MISSES'})"
    )


def _line(label: str, timing: Timing, note: str) -> None:
    print(f"{label:<32} {timing.wall:6.3f} s (CPU {timing.cpu:5.3f} s)  {note}")


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
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    ok = True

    for args in HELPS:
        timing = _median([*n4c, *args], env)
        ok &= timing.wall < HELP_GOAL_SECONDS
        _line("n4c " + " ".join(args), timing, _verdict(timing.wall, HELP_GOAL_SECONDS))

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
    ok &= warm.wall < LEFTBEHIND_GOAL_SECONDS and warm.wall < baseline.wall

    _line("leftbehind 2019, cold", cold, "nothing cached: hash, parse, validate, compute")
    _line(
        "leftbehind 2019, dataset cache", datasets_only, "--no-cache: typed Parquet, then compute"
    )
    _line(
        "leftbehind 2019, warm",
        warm,
        f"{_verdict(warm.wall, LEFTBEHIND_GOAL_SECONDS)}; {warm.wall / baseline.wall:4.2f} × the "
        f"pandas script ({'faster' if warm.wall < baseline.wall else 'SLOWER'}; "
        f"CPU {warm.cpu / baseline.cpu:4.2f} ×)",
    )
    _line("find_left_behind() alone, warm", library, "the library call and its imports, no CLI")
    _line("plain pandas script", baseline, "benchmarks/baselines/leftbehind_pandas.py")
    _line("python -c pass", bare, "the interpreter alone")
    _line('python -c "import pandas"', pandas_import, "what every pandas script pays first")
    if shutil.which("Rscript") is None:
        print("R is not installed on this machine, so there is no R/dplyr comparison.")
    shutil.rmtree(work, ignore_errors=True)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

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


#: CPU seconds (user + system) of each timed command, beside its wall time: on a shared machine
#: the wall time grows with the other processes' load, the CPU time much less.
CPU: dict[str, float] = {}


def _cpu_of_children() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _wall(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    cpu = _cpu_of_children()
    start = time.perf_counter()
    subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start, _cpu_of_children() - cpu


def _median(
    command: list[str], env: dict[str, str], before: Callable[[], None] | None = None
) -> float:
    walls, cpus = [], []
    for _ in range(RUNS):
        if before is not None:
            before()
        wall, cpu = _wall(command, env)
        walls.append(wall)
        cpus.append(cpu)
    CPU[" ".join(command)] = statistics.median(cpus)
    return statistics.median(walls)


def _cpu(command: list[str]) -> str:
    return f"(CPU {CPU[' '.join(command)]:5.3f} s)"


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
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    ok = True

    def line(label: str, command: list[str], seconds: float, note: str) -> None:
        print(f"{label:<32} {seconds:6.3f} s {_cpu(command)}  {note}")

    for args in HELPS:
        command = [*n4c, *args]
        seconds = _median(command, env)
        ok &= seconds < HELP_GOAL_SECONDS
        line("n4c " + " ".join(args), command, seconds, _verdict(seconds, HELP_GOAL_SECONDS))

    library = [
        sys.executable,
        "-c",
        f"from n4c.needs import find_left_behind; find_left_behind(2019).write_csv({out!r})",
    ]
    baseline_command = [sys.executable, str(BASELINE), mirror, str(work / "pandas.csv")]
    cold = _median(leftbehind, env, before=lambda: shutil.rmtree(home, ignore_errors=True))
    datasets_only = _median([*leftbehind, "--no-cache"], env)
    warm = _median(leftbehind, env)
    library_warm = _median(library, env)
    baseline = _median(baseline_command, env)
    ok &= warm < LEFTBEHIND_GOAL_SECONDS and warm < baseline

    line(
        "leftbehind 2019, cold", leftbehind, cold, "nothing cached: hash, parse, validate, compute"
    )
    line(
        "leftbehind 2019, dataset cache",
        [*leftbehind, "--no-cache"],
        datasets_only,
        "--no-cache: typed Parquet read back, then computed",
    )
    line(
        "leftbehind 2019, warm",
        leftbehind,
        warm,
        f"{_verdict(warm, LEFTBEHIND_GOAL_SECONDS)}; {warm / baseline:4.2f} × the pandas script "
        f"({'faster' if warm < baseline else 'SLOWER'})",
    )
    line("find_left_behind() alone, warm", library, library_warm, "the library call, no CLI")
    line("plain pandas script", baseline_command, baseline, str(BASELINE.relative_to(Path.cwd())))
    for label, code in (("python -c pass", "pass"), ('python -c "import pandas"', "import pandas")):
        command = [sys.executable, "-c", code]
        line(
            label, command, _median(command, env), "the interpreter alone" if code == "pass" else ""
        )
    if shutil.which("Rscript") is None:
        print("R is not installed on this machine, so there is no R/dplyr comparison.")
    shutil.rmtree(work, ignore_errors=True)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

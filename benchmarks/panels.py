"""Time to count a large participatory budgeting vote by equal shares, against its goal.

Run: ``.venv/bin/python benchmarks/panels.py``. A random vote (fixed seed): 100,000 approval
ballots over 200 proposals, each proposal with its own popularity, each voter approving about
ten. Figures are the median of several runs in this process:

- making the :class:`~n4c.panels.Election` (every ballot checked);
- ``count(election, rule="equal-shares")``, the count with each proposal's reason and every
  voter's payments; goal: under 10 s on 2 cores;
- pabutools' ``method_of_equal_shares`` on the first 2,000 ballots alone, to show why n4c
  counts with numpy (pabutools counts in exact fractions, one voter at a time).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

# benchmarks/platform.py hides the standard library's `platform` module from a script run in
# this folder (its folder comes first on sys.path), so take that folder off the path first.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]

import os  # noqa: E402
import statistics  # noqa: E402
import time  # noqa: E402

import numpy as np  # noqa: E402

from n4c.panels import Ballot, Election, Outcome, Project, count  # noqa: E402

BALLOTS = 100_000
PROJECTS = 200
RUNS = 3
GOAL_SECONDS = 10.0
PABUTOOLS_BALLOTS = 2_000


def _vote(ballots: int = BALLOTS, projects: int = PROJECTS, seed: int = 2026) -> Election:
    rng = np.random.default_rng(seed)
    costs = rng.integers(5, 200, size=projects) * 1_000
    popularity = rng.beta(1.2, 20, size=projects)
    approvals = rng.random((ballots, projects)) < popularity
    chosen = [np.flatnonzero(row) for row in approvals]
    return Election(
        budget=int(costs.sum() // 5),
        vote_type="approval",
        projects=tuple(Project(str(i + 1), int(c)) for i, c in enumerate(costs)),
        ballots=tuple(
            Ballot.approval(str(v + 1), [str(p + 1) for p in row]) for v, row in enumerate(chosen)
        ),
    )


def _median(action: Callable[[], Any]) -> tuple[float, Any]:
    times, result = [], None
    for _ in range(RUNS):
        start = time.perf_counter()
        result = action()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def _pabutools(election: Election) -> float | None:
    try:
        from pabutools.election import ApprovalBallot, ApprovalProfile, Cost_Sat, Instance
        from pabutools.election import Project as PabuProject
        from pabutools.rules import method_of_equal_shares
    except ImportError:
        return None
    projects = {p.id: PabuProject(p.id, p.cost) for p in election.projects}
    instance = Instance(projects.values(), budget_limit=election.budget)
    profile = ApprovalProfile(
        [ApprovalBallot({projects[i] for i in b.projects}) for b in election.ballots]
    )
    start = time.perf_counter()
    method_of_equal_shares(instance, profile, sat_class=Cost_Sat)
    return time.perf_counter() - start


def main() -> int:
    print(f"n4c panels: equal shares on {os.cpu_count()} CPUs, median of {RUNS} runs")
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    made, election = _median(_vote)
    approvals = sum(len(b.projects) for b in election.ballots)
    print(
        f"made the vote          {made:6.2f} s  {BALLOTS:,} ballots, {PROJECTS} proposals, "
        f"{approvals:,} approvals"
    )
    counted, outcome = _median(lambda: count(election, rule="equal-shares"))
    assert isinstance(outcome, Outcome)
    verdict = "meets" if counted < GOAL_SECONDS else "MISSES"
    print(
        f"counted by equal shares {counted:6.2f} s  {counted / GOAL_SECONDS:4.2f} of the "
        f"{GOAL_SECONDS:g} s goal ({verdict}); {len(outcome.selected)} proposals funded"
    )
    small = Election(
        election.budget, "approval", election.projects, election.ballots[:PABUTOOLS_BALLOTS]
    )
    ours, _ = _median(lambda: count(small, rule="equal-shares"))
    theirs = _pabutools(small)
    if theirs is None:
        print("pabutools is not installed (it comes with the dev extras), so no comparison.")
    else:
        print(
            f"{PABUTOOLS_BALLOTS:,} ballots only      n4c {ours:6.2f} s, pabutools {theirs:6.2f} s "
            f"({theirs / ours:,.0f} × as long)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())

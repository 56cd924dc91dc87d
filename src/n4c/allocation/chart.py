"""A chart comparing scenarios: amount per head by IMD decile and by 'left behind' status."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from n4c.errors import InputError

__all__ = ["CHART_SUFFIXES", "compare_chart"]

CHART_SUFFIXES = (".png", ".svg")


def compare_chart(scenarios: dict[str, pd.DataFrame], path: str | Path, *, title: str = "") -> Path:
    """Draw per-head amounts of several scenarios side by side and save them as PNG or SVG.

    ``scenarios`` maps a scenario name to its :func:`~n4c.allocation.fairness.fairness_groups`
    table. The left panel shows IMD deciles (1 = most deprived), the right panel the
    'left behind', other deprived and remaining areas.
    """
    import matplotlib

    matplotlib.use("Agg")  # files only: no screen on servers and in CI
    import matplotlib.pyplot as plt

    path = Path(path)
    if path.suffix.lower() not in CHART_SUFFIXES:
        raise InputError(
            f'a chart is written as PNG or SVG, not "{path.suffix}".',
            path=path,
            field="--chart",
            hint="End the file name in .png or .svg.",
        )
    if not scenarios:
        raise InputError("there is no scenario to draw.", field="--chart")
    figure, (left, right) = plt.subplots(
        1, 2, figsize=(12, 4.8), gridspec_kw={"width_ratios": [3, 1.3]}
    )
    width = 0.8 / len(scenarios)
    deciles = [f"imd_decile_{d}" for d in range(1, 11)]
    groups = ["left_behind", "other_deprived", "rest"]
    for number, (name, report) in enumerate(scenarios.items()):
        per_head = report.set_index("group")["per_head"]
        offset = (number - (len(scenarios) - 1) / 2) * width
        left.bar(np.arange(1, 11) + offset, per_head.reindex(deciles).to_numpy(), width, label=name)
        right.bar(np.arange(3) + offset, per_head.reindex(groups).to_numpy(), width, label=name)
    left.set_xticks(range(1, 11))
    left.set_xlabel("IMD decile (1 = most deprived)")
    left.set_ylabel("Amount per head (£)")
    left.legend(frameon=False)
    right.set_xticks(range(3), ["Left behind", "Other deprived", "Rest"])
    right.set_ylabel("Amount per head (£)")
    for axis in (left, right):
        axis.spines[["top", "right"]].set_visible(False)
    figure.suptitle(title or "Amount per head by area group")
    figure.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(path, dpi=120)
    plt.close(figure)
    return path

"""Charts of fair share: per head by IMD decile, the concentration curve, groups over time.

Each function returns a matplotlib Figure (Agg backend, no display needed);
:func:`save_charts` writes each as PNG and SVG.
"""

from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure

from n4c.spending.fairshare import Concentration

__all__ = ["concentration_curve", "groups_over_time", "per_head_by_decile", "save_charts"]

_COLOURS = {
    "left_behind": "#d55e00",
    "other_deprived": "#0072b2",
    "rest_of_england": "#999999",
    "england": "#000000",
}
_LABELS = {
    "left_behind": "Left behind",
    "other_deprived": "Other deprived",
    "rest_of_england": "Rest of England",
    "england": "England",
}


def per_head_by_decile(deciles: pd.DataFrame, *, title: str = "Grant money per head") -> Figure:
    """Bars of £ per head for IMD deciles 1 (most deprived) to 10, with England's line."""
    figure, axes = plt.subplots(figsize=(7, 4))
    axes.bar(deciles["imd_decile"], deciles["per_head"], color="#0072b2")
    people = deciles["population"].sum()
    england = deciles["amount"].sum() / people if people else 0.0
    axes.axhline(england, color="black", linestyle="--", label=f"England £{england:,.2f}")
    axes.set_xticks(range(1, 11))
    axes.set_xlabel("IMD 2019 decile of the LSOA (1 = most deprived)")
    axes.set_ylabel("£ per head")
    axes.set_title(title)
    axes.legend()
    figure.tight_layout()
    return figure


def concentration_curve(result: Concentration, *, title: str = "Concentration curve") -> Figure:
    """Cumulative share of money against cumulative share of people, most deprived first."""
    figure, axes = plt.subplots(figsize=(5, 5))
    axes.plot([0, 1], [0, 1], color="#999999", linestyle="--", label="Same per head everywhere")
    axes.plot(
        result.curve_population,
        result.curve_amount,
        color="#d55e00",
        label=f"Grants (index {result.index:+.3f})",
    )
    axes.set_xlabel("Share of people, most deprived LSOAs first")
    axes.set_ylabel("Share of grant money")
    axes.set_title(title)
    axes.legend(loc="lower right")
    figure.tight_layout()
    return figure


def groups_over_time(years: pd.DataFrame, *, title: str = "Per head by award year") -> Figure:
    """Lines of £ per head by award year: left behind, other deprived and England."""
    figure, axes = plt.subplots(figsize=(7, 4))
    for group in ("left_behind", "other_deprived", "england"):
        part = years[years["group"] == group]
        axes.plot(
            part["year"], part["per_head"], marker="o", color=_COLOURS[group], label=_LABELS[group]
        )
    axes.set_xlabel("Award year")
    axes.set_ylabel("£ per head")
    axes.set_title(title)
    axes.legend()
    figure.tight_layout()
    return figure


def save_charts(
    deciles: pd.DataFrame, result: Concentration, years: pd.DataFrame, folder: Path
) -> list[Path]:
    """Write the three charts as PNG and SVG into ``folder``; return the files written."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    charts = {
        "per_head_by_imd_decile": per_head_by_decile(deciles),
        "concentration_curve": concentration_curve(result),
        "left_behind_vs_other_deprived_by_year": groups_over_time(years),
    }
    for name, figure in charts.items():
        for suffix in ("png", "svg"):
            path = folder / f"{name}.{suffix}"
            figure.savefig(path, dpi=150 if suffix == "png" else None)
            written.append(path)
        plt.close(figure)
    return written

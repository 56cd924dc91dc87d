"""``n4c needs summarise`` and ``n4c needs sensitivity``: area summaries and weight sensitivity.

Adds its commands to the ``needs`` sub-app that :mod:`n4c.cli.needs` owns and registers.
"""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console

from n4c.cli.needs import needs_app
from n4c.cli.progress import progress_bar
from n4c.errors import InputError
from n4c.geography import check_year
from n4c.needs.sensitivity import DEFAULT_CONCENTRATION, left_behind_sensitivity
from n4c.needs.summaries import SUMMARY_LEVELS, summarise_imd2019

console = Console()


def _check_year(year: int) -> None:
    check_year(year, supported=(2019,), purpose="area summaries and sensitivity", field="--year")


@needs_app.command("summarise")
def summarise(
    year: int = typer.Option(2019, help="IMD year: 2019."),
    level: str = typer.Option(
        "lad", help="Areas to summarise: lad (local authority 2019), ward (2017) or msoa (2011)."
    ),
    out: Path = typer.Option(
        ...,
        help="CSV file to write: area_code, average_score, average_rank, "
        "proportion_most_deprived_10pct, extent, local_concentration, then the scales and ranks.",
    ),
) -> None:
    """The six official IoD summary measures (File 10 style) for local authorities, wards or MSOAs."""
    _check_year(year)
    if level not in SUMMARY_LEVELS:
        raise InputError(
            f'"{level}" is not a summary level; choose one of {", ".join(SUMMARY_LEVELS)}.',
            field="--level",
            value=level,
        )
    table = summarise_imd2019(level)  # type: ignore[arg-type]
    out.parent.mkdir(parents=True, exist_ok=True)
    table.to_csv(out, index=False)
    most = table.sort_values("rank_average_score").iloc[0]
    console.print(
        f"Summarised IMD {year} for {len(table):,} areas ({level}) from "
        f"{int(table['lsoa_count'].sum()):,} LSOAs; highest average score: "
        f"{most['area_name']} ({most['average_score']:.3f}). Wrote {out}."
    )


@needs_app.command("sensitivity")
def sensitivity(
    year: int = typer.Option(2019, help="IMD year: 2019 (wards, CNI 2019)."),
    replications: int = typer.Option(1000, help="Monte Carlo replications.", min=1),
    out: Path = typer.Option(
        ..., help="CSV file to write: ward_code, p_left_behind, rank_p05, rank_p95, ..."
    ),
    seed: int = typer.Option(0, help="Random seed; the same seed gives the same file."),
    concentration: float = typer.Option(
        DEFAULT_CONCENTRATION,
        help="Dirichlet concentration around the official weights; larger means less variation.",
    ),
) -> None:
    """How robust each ward's 'left behind' status is to the IMD domain weights and population year."""
    _check_year(year)
    with progress_bar(console, description="Replications") as progress:
        task = progress.add_task("replications", total=replications)

        def advance(done: int, total: int) -> None:
            progress.update(task, completed=done)

        table = left_behind_sensitivity(
            year,
            replications=replications,
            seed=seed,
            concentration=concentration,
            progress=advance,
        )
    out.parent.mkdir(parents=True, exist_ok=True)
    table.to_csv(out, index=False)
    always = int((table["p_left_behind"] == 1).sum())
    sometimes = int(((table["p_left_behind"] > 0) & (table["p_left_behind"] < 1)).sum())
    console.print(
        f"Ran {replications:,} replications over {len(table):,} wards (seed {seed}, "
        f"concentration {concentration:g}): {always:,} wards left behind in every one, "
        f"{sometimes:,} in some. Wrote {out}."
    )

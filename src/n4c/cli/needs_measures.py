"""``n4c needs summarise`` and ``n4c needs sensitivity``: area summaries and weight sensitivity.

Adds its commands to the ``needs`` sub-app that :mod:`n4c.cli.needs` owns and registers.
"""

from __future__ import annotations

from pathlib import Path

import typer

from n4c.cli.needs import OUT_HELP, needs_app
from n4c.cli.output import print_json, words_for, write_table
from n4c.errors import InputError
from n4c.geography import check_year

# The default of n4c.needs.sensitivity, written here so that `--help` need not import the
# analytics; a test checks that the two agree.
CONCENTRATION = 100.0


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
        help=f"{OUT_HELP}: area_code, average_score, average_rank, "
        "proportion_most_deprived_10pct, extent, local_concentration, then the scales and ranks.",
    ),
    as_json: bool = typer.Option(
        False, "--json", help="Print the summary as JSON (the table itself is the CSV)."
    ),
) -> None:
    """The six official IoD summary measures (File 10 style) for local authorities, wards or MSOAs."""
    from n4c.needs.summaries import SUMMARY_LEVELS, summarise_imd2019

    _check_year(year)
    say = words_for({"--out": out, "--json": as_json})
    if level not in SUMMARY_LEVELS:
        raise InputError(
            f'"{level}" is not a summary level; choose one of {", ".join(SUMMARY_LEVELS)}.',
            field="--level",
            value=level,
        )
    table = summarise_imd2019(level)  # type: ignore[arg-type]
    written = write_table(table, out)
    most = table.sort_values("rank_average_score").iloc[0]
    lsoas = int(table["lsoa_count"].sum())
    if as_json:
        print_json(
            {
                "year": year,
                "level": level,
                "areas": len(table),
                "lsoas": lsoas,
                "highest_average_score": {
                    "area_code": most["area_code"],
                    "area_name": most["area_name"],
                    "average_score": most["average_score"],
                },
            }
        )
    say.print(
        f"Summarised IMD {year} for {len(table):,} areas ({level}) from "
        f"{lsoas:,} LSOAs; highest average score: "
        f"{most['area_name']} ({most['average_score']:.3f}). Wrote {written}."
    )


@needs_app.command("sensitivity")
def sensitivity(
    year: int = typer.Option(2019, help="IMD year: 2019 (wards, CNI 2019)."),
    replications: int = typer.Option(1000, help="Monte Carlo replications.", min=1, max=100_000),
    out: Path = typer.Option(
        ..., help=f"{OUT_HELP}: ward_code, p_left_behind, rank_p05, rank_p95, ..."
    ),
    seed: int = typer.Option(0, min=0, help="Random seed; the same seed gives the same file."),
    concentration: float = typer.Option(
        CONCENTRATION,
        help="Dirichlet concentration around the official weights; larger means less variation.",
    ),
    as_json: bool = typer.Option(
        False, "--json", help="Print the summary as JSON (the table itself is the CSV)."
    ),
) -> None:
    """How robust each ward's 'left behind' status is to the IMD domain weights and population year."""
    from n4c.cli.progress import progress_bar
    from n4c.needs.sensitivity import left_behind_sensitivity

    _check_year(year)
    say = words_for({"--out": out, "--json": as_json})
    with progress_bar(say, description="Replications") as progress:
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
    written = write_table(table, out)
    always = int((table["p_left_behind"] == 1).sum())
    sometimes = int(((table["p_left_behind"] > 0) & (table["p_left_behind"] < 1)).sum())
    if as_json:
        print_json(
            {
                "year": year,
                "replications": replications,
                "seed": seed,
                "concentration": concentration,
                "wards": len(table),
                "left_behind_in_every_replication": always,
                "left_behind_in_some": sometimes,
            }
        )
    say.print(
        f"Ran {replications:,} replications over {len(table):,} wards (seed {seed}, "
        f"concentration {concentration:g}): {always:,} wards left behind in every one, "
        f"{sometimes:,} in some. Wrote {written}."
    )

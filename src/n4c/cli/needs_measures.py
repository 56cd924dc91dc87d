"""``n4c needs summarise`` and ``n4c needs sensitivity``: area summaries and weight sensitivity.

Adds its commands to the ``needs`` sub-app that :mod:`n4c.cli.needs` owns and registers.
"""

from __future__ import annotations

from pathlib import Path

import typer

from n4c.cli.needs import (
    LAD_HELP,
    OUT_HELP,
    council_json,
    council_rows,
    in_council,
    needs_app,
    resolve_lad,
)
from n4c.cli.output import print_json, words_for, write_table, write_text
from n4c.geography import check_year

# The default of n4c.needs.sensitivity, written here so that `--help` need not import the
# analytics; a test checks that the two agree.
CONCENTRATION = 100.0


@needs_app.command("summarise")
def summarise(
    year: int = typer.Option(2019, help="IMD year: 2019 or 2025."),
    level: str = typer.Option(
        "lad",
        help="Areas to summarise. 2019: lad (local authority 2019), ward (2017) or msoa (2011); "
        "2025: lad (local authority 2024) or ward (2024).",
    ),
    out: Path = typer.Option(
        ...,
        help=f"{OUT_HELP}: area_code, average_score, average_rank, "
        "proportion_most_deprived_10pct, extent, local_concentration, then the scales and ranks, "
        "area_name, population_source, lad_code and lad_name.",
    ),
    lad: str = typer.Option(None, "--lad", help=LAD_HELP),
    as_json: bool = typer.Option(
        False, "--json", help="Print the summary as JSON (the table itself is the CSV)."
    ),
) -> None:
    """The six official IoD summary measures (File 10 style) for local authorities, wards or MSOAs."""
    from n4c.needs.summary_tables import check_summary, find_summary

    checked = check_summary(year, level)
    say = words_for({"--out": out, "--json": as_json})
    council = resolve_lad(lad, year)
    summary = find_summary(year, checked, council=council)
    written = write_text(summary.csv, out)
    code, name, score = summary.highest_average_score
    if as_json:
        print_json(
            {
                "year": year,
                "level": level,
                "council": council_json(council),
                "areas": summary.areas,
                "lsoas": summary.lsoas,
                "population_source": summary.population_source,
                "highest_average_score": {
                    "area_code": code,
                    "area_name": name,
                    "average_score": score,
                },
            }
        )
    say.print(
        f"Summarised IMD {year} for {summary.areas:,} areas ({level}){in_council(council)} from "
        f"{summary.lsoas:,} LSOAs; highest average score: {name} ({score:.3f}). Wrote {written}."
    )
    say.print(f"Population weights: {summary.population_source}.")


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
    lad: str = typer.Option(None, "--lad", help=LAD_HELP),
    as_json: bool = typer.Option(
        False, "--json", help="Print the summary as JSON (the table itself is the CSV)."
    ),
) -> None:
    """How robust each ward's 'left behind' status is to the IMD domain weights and population year."""
    from n4c.cli.progress import progress_bar
    from n4c.needs.sensitivity import left_behind_sensitivity

    check_year(year, supported=(2019,), purpose="sensitivity", field="--year")
    say = words_for({"--out": out, "--json": as_json})
    council = resolve_lad(lad, year)
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
    table = council_rows(
        table, year=year, geography="ward", code_column="ward_code", council=council
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
                "council": council_json(council),
                "wards": len(table),
                "left_behind_in_every_replication": always,
                "left_behind_in_some": sometimes,
            }
        )
    say.print(
        f"Ran {replications:,} replications over {len(table):,} wards{in_council(council)} "
        f"(seed {seed}, "
        f"concentration {concentration:g}): {always:,} wards left behind in every one, "
        f"{sometimes:,} in some. Wrote {written}."
    )

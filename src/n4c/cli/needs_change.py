"""``n4c needs change``: each area's IMD rank and decile in two editions, and the change.

Adds its command to the ``needs`` sub-app that :mod:`n4c.cli.needs` owns and registers.
"""

from __future__ import annotations

from pathlib import Path

import typer

from n4c.cli.needs import LAD_HELP, OUT_HELP, council_json, in_council, needs_app, resolve_lad
from n4c.cli.output import print_json, words_for, write_text

#: What the rank change means, said the same way in the summary and the JSON.
DIRECTION = (
    "Ranks, not scores, compare across editions. rank_change is the earlier rank minus the "
    "later one: positive means the area ranks as relatively more deprived in the later edition."
)


@needs_app.command("change")
def change(
    from_year: int = typer.Option(..., "--from", help="The earlier IoD edition: 2015 or 2019."),
    to_year: int = typer.Option(..., "--to", help="The later IoD edition: 2019 or 2025."),
    level: str = typer.Option(
        "lsoa", help="lsoa, ward or lad: the later edition's LSOAs, wards or local authorities."
    ),
    out: Path = typer.Option(
        ...,
        help=f"{OUT_HELP}: code, name, local authority, score, rank and decile in each edition, "
        "rank_change and decile_change.",
    ),
    as_json: bool = typer.Option(
        False, "--json", help="Print the summary as JSON (the table itself is the CSV)."
    ),
    lad: str = typer.Option(None, "--lad", help=f"{LAD_HELP} Councils are the later edition's."),
    cache: bool = typer.Option(
        True, help="Reuse the result stored in N4C_DATA_DIR/cache while its inputs are unchanged."
    ),
) -> None:
    """Each area's IMD rank and decile in two IoD editions, and how it changed.

    Ranks, not scores, compare across editions. rank_change is the earlier rank minus the
    later one: positive means relatively more deprived in the later edition. An LSOA 2011
    edition is carried to LSOA 2021 by the ONS change codes: unchanged and split LSOAs keep
    their LSOA's values, merged ones get the population-weighted score ranked among the
    edition's LSOAs, and irregular ones are listed without an earlier rank.
    """
    from n4c.cli.progress import progress_bar
    from n4c.needs.change import check_change, find_change

    say = words_for({"--out": out, "--json": as_json})
    check_change(from_year, to_year, level)
    council = resolve_lad(lad, to_year)
    with progress_bar(say, description="Comparing editions") as progress:
        progress.add_task("editions", total=None)
        result = find_change(from_year, to_year, level=level, cached=cache)
    if council is not None:
        result = result.for_council(council)
    written = write_text(result.csv, out)
    if as_json:
        print_json(
            {
                "from": from_year,
                "to": to_year,
                "level": level,
                "council": council_json(council),
                "areas": result.rows,
                "ranked_in_both": result.compared,
                "irregular_lsoas": result.irregular,
                "to_a_more_deprived_decile": result.to_a_more_deprived_decile,
                "to_a_less_deprived_decile": result.to_a_less_deprived_decile,
                "population_sources": result.population_sources,
                "rank_change": DIRECTION,
            }
        )
    for year, source in sorted(result.population_sources.items()):
        say.print(f"Population weights for {year}: {source}.")
    irregular = ""
    if result.irregular:
        left = (
            f"listed without a {from_year} rank (see the note column)"
            if level == "lsoa"
            else f"left out of the {from_year} scores (see the lsoas_not_converted column)"
        )
        irregular = (
            f" {result.irregular:,} LSOAs with an irregular boundary change (ONS code X) are "
            f"{left}."
        )
    say.print(
        f"Compared IMD {from_year} with IMD {to_year} for {result.rows:,} {result.areas}"
        f"{in_council(council)}: "
        f"{result.compared:,} ranked in both; {result.to_a_more_deprived_decile:,} moved to a "
        f"more deprived decile and {result.to_a_less_deprived_decile:,} to a less deprived "
        f"one.{irregular} {DIRECTION} Wrote {written}."
    )

"""``n4c spending``: import 360Giving grants, measure fair share per head, chart and report."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from n4c.cli.output import (
    NO_DATA,
    cell_text,
    console,
    files_only,
    is_stdout,
    missing,
    opened,
    print_json,
    print_table,
    where,
    words_for,
    write_table,
)
from n4c.errors import InputError, N4CError
from n4c.geography import check_year

if TYPE_CHECKING:
    from rich.progress import TaskID

    from n4c.spending import Analysis

spending_app = typer.Typer(
    help="Map spending: import 360Giving grants and measure the fair share per head.",
    no_args_is_help=True,
)

# Options that several commands share, declared once.
AWARD_FROM = typer.Option(
    None, "--award-from", min=1900, max=2100, help="Only grants awarded in or after this year."
)
AWARD_TO = typer.Option(
    None, "--award-to", min=1900, max=2100, help="Only grants awarded in or before this year."
)
FUNDER = typer.Option(None, "--funder", help="Only this funder's grants (its org id).")
DATABASE = typer.Option(None, "--database", help="Grants database (default: in N4C_DATA_DIR).")


def _years(award_from: int | None, award_to: int | None) -> tuple[int, int] | None:
    if award_from is None and award_to is None:
        return None
    return (award_from or 1900, award_to or 2100)


def _check_needs_year(year: int) -> None:
    check_year(year, supported=(2019,), purpose="grouping grants by need", field="--year")


@spending_app.command("import")
def import_command(
    files: list[Path] = typer.Argument(..., help="360Giving files: JSON packages, CSV or XLSX."),
    problems: Path = typer.Option(
        None,
        "--problems",
        help="Write every problem (file, grant, grant_id, field, value, severity, message) to "
        "this CSV (- for standard output).",
    ),
    database: Path = DATABASE,
) -> None:
    """Check and store grants; print read, stored, rejected, located and unlocated counts."""
    from n4c.cli.progress import progress_bar
    from n4c.spending import import_grants, load_geography, write_problems_csv

    say = words_for({"--problems": problems})
    geography = load_geography()
    results = []
    failure: N4CError | None = None
    with progress_bar(say) as bar:
        for path in files:
            task = bar.add_task(f"Importing {path.name}", total=None)

            def show(read: int, task: TaskID = task, name: str = path.name) -> None:
                bar.update(task, description=f"Importing {name}: {read:,} grants read")

            try:
                results.extend(
                    import_grants([path], database=database, geography=geography, progress=show)
                )
            except N4CError as error:
                # Files before this one stay imported: report them, then the failure.
                failure = error
                break
    for counts in results:
        say.print(
            f"{counts.path.name}"
            + (f" ({counts.encoding} text)" if counts.encoding not in ("", "UTF-8") else "")
            + f": read {counts.read:,}, stored {counts.stored:,}, rejected "
            f"{counts.rejected:,}, located {counts.located:,}, unlocated {counts.unlocated:,}, "
            f"warnings {counts.warnings:,}"
        )
        for problem in counts.problems[:20]:
            say.print(
                f"  grant {problem.grant_index:,} ({problem.grant_id or 'no id'}), field "
                f'"{problem.field}", {problem.severity}: {problem.message}'
            )
        if len(counts.problems) > 20:
            say.print("  … and more; see --problems FILE.csv for every one.")
        for reason, number in counts.unlocated_reasons.most_common(5):
            say.print(f"  unlocated ({number:,}): {reason}")
    if problems is not None:
        with opened(problems) as stream:
            write_problems_csv(results, stream)
    if failure is not None:
        raise failure
    total = sum(c.read for c in results)
    say.print(
        f"Imported {len(results)} file{'s' if len(results) != 1 else ''}: read {total:,} grants, "
        f"stored {sum(c.stored for c in results):,}, rejected {sum(c.rejected for c in results):,}, "
        f"located {sum(c.located for c in results):,}, unlocated {sum(c.unlocated for c in results):,}."
        + (f" Problems written to {where(problems)}." if problems is not None else "")
    )


def _analyse(
    year: int,
    database: Path | None,
    award_from: int | None,
    award_to: int | None,
    funder: str | None,
) -> Analysis:
    from n4c.spending import GrantStore, analyse, load_geography

    _check_needs_year(year)
    with GrantStore(database, read_only=True) as store:
        return analyse(
            store,
            load_geography(),
            award_years=_years(award_from, award_to),
            funder_id=funder,
            with_funders=False,
        )


@spending_app.command("fairshare")
def fairshare_command(
    year: int = typer.Option(2019, "--year", help="Deprivation year the groups come from (2019)."),
    out: Path = typer.Option(
        ...,
        "--out",
        help="CSV to write (- for standard output): group,population,grants,amount,per_head.",
    ),
    award_from: int = AWARD_FROM,
    award_to: int = AWARD_TO,
    funder: str = FUNDER,
    database: Path = DATABASE,
    as_json: bool = typer.Option(
        False, "--json", help="Print the groups and the concentration as JSON instead of tables."
    ),
) -> None:
    """Grant money per head for left-behind, other deprived and other areas, and England."""
    say = words_for({"--out": out, "--json": as_json})
    result = _analyse(year, database, award_from, award_to, funder)
    written = write_table(result.groups, out)
    c = result.concentration
    concentration = {
        "index": c.index,
        "share_most_deprived_10": c.share_most_deprived_10,
        "share_most_deprived_20": c.share_most_deprived_20,
        "population_most_deprived_10": c.population_most_deprived_10,
        "population_most_deprived_20": c.population_most_deprived_20,
    }
    if as_json:
        print_json(
            {
                "year": year,
                "grants": result.grants,
                "amount": result.amount,
                "located_grants": result.located_grants,
                "located_amount": result.located_amount,
                "groups": result.groups.to_dict(orient="records"),
                "concentration": concentration,
            }
        )
    else:
        from rich.table import Table

        table = Table(title=f"Grant money per head by group (IMD/CNI {year})")
        for column in result.groups.columns:
            table.add_column(column, justify="left" if column == "group" else "right")
        rows = [
            [
                str(row.group),
                cell_text(row.population, "{:,}"),
                cell_text(row.grants, "{:,.2f}"),
                cell_text(row.amount, "£{:,.2f}"),
                cell_text(row.per_head, "£{:,.4f}"),
            ]
            for row in result.groups.itertuples(index=False)
        ]
        print_table(table, rows, ["no grant money was placed in this group."], to=say)
        if missing(c.index):
            say.print(
                f"Concentration index: {NO_DATA}; it needs grant money placed in England, and "
                "this selection has none."
            )
        else:
            say.print(
                f"Concentration index {c.index:+.3f} (negative = towards deprived areas); most "
                f"deprived 10% of LSOAs got {c.share_most_deprived_10:.1%} of the money for "
                f"{c.population_most_deprived_10:.1%} of the people."
            )
    say.print(
        f"Wrote {written}: {result.located_grants:,} of {result.grants:,} grants placed in England "
        f"(£{result.located_amount:,.2f} of £{result.amount:,.2f})."
    )


@spending_app.command("chart")
def chart_command(
    out: Path = typer.Option(..., "--out", help="Folder for the PNG and SVG charts."),
    year: int = typer.Option(2019, "--year", help="Deprivation year the groups come from (2019)."),
    award_from: int = AWARD_FROM,
    award_to: int = AWARD_TO,
    funder: str = FUNDER,
    database: Path = DATABASE,
) -> None:
    """Charts (PNG and SVG): per head by IMD decile, concentration curve, groups over time."""
    from n4c.spending import save_charts

    files_only({"--out": out})
    result = _analyse(year, database, award_from, award_to, funder)
    written = save_charts(result.deciles, result.concentration, result.years, out)
    console.print(f"Wrote {len(written)} chart files to {out}.")


@spending_app.command("report")
def report_command(
    out: Path = typer.Option(..., "--out", help="HTML file to write (- for standard output)."),
    area: str = typer.Option(
        None, "--area", help="An area code: LSOA, MSOA, ward, district or region."
    ),
    funder: str = typer.Option(None, "--funder", help="A funder's org id, such as GB-CHC-1015648."),
    database: Path = DATABASE,
) -> None:
    """A one-page HTML report for one area or one funder (print it to PDF from a browser)."""
    from n4c.spending import GrantStore, area_report, funder_report, load_geography

    if (area is None) == (funder is None):
        raise InputError("give exactly one of --area CODE or --funder ID.", field="--area")
    target = sys.stdout if is_stdout(out) else out
    with GrantStore(database, read_only=True) as store:
        if area is not None:
            area_report(store, load_geography(), area, target)
        else:
            funder_report(store, load_geography(), funder, target)
    words_for({"--out": out}).print(f"Wrote the report for {area or funder} to {where(out)}.")


def register(app: typer.Typer) -> None:
    """Add this concept's commands to the n4c app."""
    app.add_typer(spending_app, name="spending")

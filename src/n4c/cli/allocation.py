"""``n4c allocate``: share a fund by need, explain each area's amount, show who gains."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import typer

from n4c.cli.output import (
    LazyConsole,
    cell_text,
    console,
    files_only,
    print_json,
    print_table,
    where,
    words_for,
    write_table,
)
from n4c.errors import InputError

if TYPE_CHECKING:
    import pandas as pd

_LEVEL_WORDS = {"ward": "wards", "lsoa": "LSOAs", "custom": "neighbourhoods"}


def _list_presets() -> None:
    from rich.table import Table

    from n4c import allocation

    listing = Table(title="Fund presets (n4c allocate --preset NAME)")
    listing.add_column("name")
    listing.add_column("fund")
    listing.add_column("source")
    for name in allocation.preset_names():
        fund = allocation.load_preset(name)
        listing.add_row(name, fund.name, fund.source)
    console.print(listing)
    console.print(f"{len(allocation.preset_names())} presets.")


_MEASURE_NOTES = (
    "a per-head figure needs people in the group, and the ratio needs money reaching other "
    "deprived areas; where the fund gives none there, there is nothing to divide by.",
)


def _print_measures(measures: pd.DataFrame, *, say: LazyConsole) -> None:
    from rich.table import Table

    shown = Table(
        title="Fairness by scenario (concentration index < 0: money goes to the more deprived)"
    )
    columns = [
        "share_most_deprived_10pc",
        "share_most_deprived_20pc",
        "per_head_left_behind",
        "per_head_other_deprived",
        "left_behind_ratio",
        "concentration_index",
    ]
    shown.add_column("scenario")
    for column in columns:
        shown.add_column(column.replace("_", " "), justify="right")
    rows = [
        [str(name), *(cell_text(row[c], "{:,.3f}") for c in columns)]
        for name, row in measures.iterrows()
    ]
    print_table(shown, rows, _MEASURE_NOTES, to=say)


def allocate_command(
    spec: Path = typer.Argument(None, help="A fund specification (TOML); or use --preset."),
    preset: str = typer.Option(
        None, help="Use a fund preset instead of a file (see --list-presets)."
    ),
    list_presets: bool = typer.Option(
        False, "--list-presets", help="List the presets and their sources."
    ),
    year: int = typer.Option(2019, help="Need data year: 2019 (ward 2017 and LSOA 2011 codes)."),
    out: Path = typer.Option(
        None,
        help="CSV (- for standard output): area_code,area_name,eligible,population,capital,revenue,capacity,total and one column per year.",
    ),
    fairness: Path = typer.Option(
        None,
        help="CSV (- for standard output): one row per group (IMD deciles, left_behind, other_deprived, rest) with group,population,total,per_head.",
    ),
    xlsx: Path = typer.Option(
        None, help="Excel workbook: allocation with explanations, fairness, measures, fund."
    ),
    json_out: Path = typer.Option(
        None,
        "--json",
        help="JSON (- for standard output): fund, areas with explanations, fairness.",
    ),
    chart: Path = typer.Option(
        None,
        help="PNG or SVG chart comparing this fund with competitive bidding (and --compare funds).",
    ),
    scenarios_out: Path = typer.Option(
        None,
        "--scenarios",
        help="CSV (- for standard output) of fairness measures, one row per scenario compared.",
    ),
    compare: list[Path] = typer.Option(
        None, metavar="SPEC", help="Another fund specification to compare with (repeatable)."
    ),
    explain: list[str] = typer.Option(
        None, metavar="CODE", help="Explain, step by step, one area's amount (repeatable)."
    ),
    capacity_strength: float = typer.Option(
        3.0,
        help="Competitive-bidding baseline: how much community capacity raises the odds of winning (0 = a lottery).",
    ),
    seed: int = typer.Option(0, min=0, help="Seed of the simulated bidding draws."),
) -> None:
    """Allocate a fund by need (not competition): per area, by year, capital and revenue."""
    import pandas as pd

    from n4c import allocation
    from n4c.allocation.bidding import check_capacity_strength
    from n4c.allocation.chart import compare_chart
    from n4c.allocation.comparison import BIDDING_SCENARIO, bidding_amounts, compare_scenarios
    from n4c.allocation.explain import explain_area
    from n4c.allocation.exports import allocation_document, write_json, write_xlsx
    from n4c.allocation.fairness import fairness_groups
    from n4c.cli.progress import progress_bar

    if list_presets:
        _list_presets()
        return
    if spec is not None and preset is not None:
        raise InputError(
            "give a fund specification file or --preset NAME, not both.",
            field="--preset",
            value=preset,
        )
    if spec is None and preset is None:
        raise InputError(
            "give a fund specification file (TOML) or --preset NAME.",
            field="SPEC",
            hint="See the presets with: n4c allocate --list-presets",
        )
    check_capacity_strength(capacity_strength, field="--capacity-strength")
    say = words_for(
        {"--out": out, "--fairness": fairness, "--json": json_out, "--scenarios": scenarios_out}
    )
    files_only({"--xlsx": xlsx, "--chart": chart})
    fund = allocation.load_preset(preset) if preset else allocation.load_spec(spec)
    others = [allocation.load_spec(path) for path in compare or []]
    mismatched = [o for o in others if o.level != fund.level]
    if mismatched:
        raise InputError(
            f"can only compare funds at the same level; this fund is by {fund.level}, that one by {mismatched[0].level}.",
            path=mismatched[0].path,
            field="fund.level",
        )
    want_comparison = chart is not None or scenarios_out is not None or bool(others)
    steps = 2 + len(others) + (1 if want_comparison else 0)
    with progress_bar(say) as progress:
        task = progress.add_task(f"Loading {_LEVEL_WORDS[fund.level]}", total=steps)
        areas = allocation.load_areas(fund.level, year, custom_areas=fund.custom_areas)
        progress.update(task, advance=1, description=f"Allocating {fund.name}")
        result = allocation.allocate(fund, areas)
        progress.update(task, advance=1)
        table = result.table
        scenarios = {fund.name: table["total"]}
        for other in others:
            progress.update(task, description=f"Allocating {other.name}")
            scenarios[other.name] = allocation.allocate(other, areas).table["total"]
            progress.update(task, advance=1)
        if want_comparison:
            progress.update(task, description="Simulating competitive bidding")
            scenarios[BIDDING_SCENARIO] = pd.Series(
                bidding_amounts(result, capacity_strength=capacity_strength, seed=seed)
            )
            progress.update(task, advance=1)

    written: list[str | Path] = []
    if out:
        written.append(write_table(result.summary(), out))
    if fairness:
        written.append(write_table(fairness_groups(table["total"].to_numpy(), table), fairness))
    if xlsx:
        written.append(write_xlsx(result, xlsx))
    if json_out and str(json_out) == "-":
        print_json(allocation_document(result))
        written.append(where(json_out))
    elif json_out:
        written.append(write_json(result, json_out))
    for code in explain or []:
        say.print(explain_area(result, code))
    if want_comparison:
        comparison = compare_scenarios(scenarios, table)
        measures, reports = comparison.measures, comparison.reports
        _print_measures(measures, say=say)
        if scenarios_out:
            written.append(write_table(measures.reset_index(), scenarios_out))
        if chart:
            written.append(compare_chart(reports, chart, title=f"{fund.name}: who gains"))
    funded = int((table["total"] > 0).sum())
    ring_fenced = int(table["capacity"].sum())
    say.print(
        f"Allocated £{int(table['total'].sum()):,} of {fund.name} to {funded:,} of {len(table):,} "
        f"{_LEVEL_WORDS[fund.level]} (£{int(table['capital'].sum()):,} capital, "
        f"£{int(table['revenue'].sum()):,} revenue"
        + (
            f", of which £{ring_fenced:,} ring-fenced for capacity building"
            if fund.capacity
            else ""
        )
        + f") over {len(fund.year_labels)} years"
        + (f"; wrote {', '.join(str(p) for p in written)}." if written else ".")
    )


def register(app: typer.Typer) -> None:
    """Add ``n4c allocate`` to the app."""
    app.command("allocate")(allocate_command)

"""``n4c evaluate``: matched comparators, difference-in-differences and a worked example."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import typer

from n4c.cli.output import LazyConsole, console, print_json, words_for, write_table

if TYPE_CHECKING:
    from n4c.evaluate import DidResult

evaluate_app = typer.Typer(
    help="Learn from the start: comparison wards, difference-in-differences, a worked example.",
    no_args_is_help=True,
)


@evaluate_app.command("comparators")
def comparators_command(
    areas: str = typer.Option(
        ...,
        help="Supported wards (December 2017 codes): codes separated by commas, or a file with "
        "one code a line or a CSV with a ward17_code, ward_code or code column.",
        show_default=False,
    ),
    pool: str = typer.Option(
        "left-behind",
        help="Wards to choose from: left-behind (the other wards of the 2019 'left behind' "
        "list) or deprived (every ward in IMD deciles 1 and 2).",
    ),
    k: int = typer.Option(3, "--k", help="Comparators for each supported ward."),
    with_replacement: bool = typer.Option(
        False,
        "--with-replacement",
        help="Let one ward be a comparator for several supported wards.",
    ),
    out: Path = typer.Option(
        None,
        help="Also write the pairs as CSV (- for standard output): "
        "ward17_code,comparator_code,rank,distance.",
    ),
    as_json: bool = typer.Option(
        False, "--json", help="Print the matches, balance and version as JSON."
    ),
) -> None:
    """Choose comparison wards without support for each supported ward, and report balance."""
    from n4c import evaluate

    say = words_for({"--json": as_json, "--out": out})
    codes = evaluate.read_area_codes(areas)
    selection = evaluate.find_comparators(codes, pool=pool, k=k, with_replacement=with_replacement)
    if out is not None:
        write_table(selection.pairs(), out)
    if as_json:
        print_json(selection.as_json())
    else:
        _print_balance(selection.balance, say=say)
    for warning in selection.warnings:
        say.print(f"Warning: {warning}", soft_wrap=True)
    balanced = sum(abs(s["smd_after"]) < evaluate.GOOD_BALANCE for s in selection.balance.values())
    say.print(
        f"Matched {len(selection.matches):,} wards to {selection.k} comparators each from the "
        f"{pool} pool ({selection.pool_size:,} wards); {balanced} of {len(selection.balance)} "
        f"variables balanced (|SMD| < {evaluate.GOOD_BALANCE}). Version {selection.version}.",
        soft_wrap=True,
    )


def _print_balance(balance: dict[str, dict[str, float]], *, say: LazyConsole) -> None:
    from rich.table import Table

    from n4c.cli.output import cell_text, print_table

    table = Table(title="Balance: standardised mean differences")
    for column in ("variable", "before matching", "after matching"):
        table.add_column(column)
    rows = [
        [name, cell_text(smd["smd_before"], "{:+.3f}"), cell_text(smd["smd_after"], "{:+.3f}")]
        for name, smd in balance.items()
    ]
    print_table(table, rows, ["the groups have no spread on this variable."], to=say)


def _print_did(result: DidResult) -> None:
    console.print(
        f"Estimate {result.estimate:.4g} (standard error {result.se:.3g}; 95% interval "
        f"{result.ci_low:.4g} to {result.ci_high:.4g}).",
        soft_wrap=True,
    )
    console.print(result.method, soft_wrap=True)
    if result.event_study is not None:
        for row in result.event_study:
            console.print(
                f"  period {row['relative_period']:+d}: {row['estimate']:.4g} "
                f"({row['ci_low']:.4g} to {row['ci_high']:.4g})"
                + (" reference" if row.get("reference") else "")
            )
    console.print("Assumptions:")
    for assumption in result.assumptions:
        console.print(f"- {assumption}", soft_wrap=True)


@evaluate_app.command("did")
def did_command(
    data: Path = typer.Option(
        ..., help="The panel as CSV: one row per unit and period.", show_default=False
    ),
    unit: str = typer.Option(..., help="Column naming the unit (a ward, say).", show_default=False),
    time: str = typer.Option(
        ..., help="Column of the period (numbers or YYYY-MM-DD dates).", show_default=False
    ),
    treated: str = typer.Option(
        ..., help="Column: 1 for a unit ever supported, else 0.", show_default=False
    ),
    post: str = typer.Option(
        ...,
        help="Column: 1 in the periods from the start of the unit's support on, else 0.",
        show_default=False,
    ),
    outcome: str = typer.Option(..., help="Column of the outcome (a number).", show_default=False),
    dose: str = typer.Option(
        None, help="Column of a dose, such as delivered support days: estimate per unit of dose."
    ),
    event_study: bool = typer.Option(
        False,
        "--event-study",
        help="Estimate each period relative to the start (robust to staggered starts), with "
        "the periods before it as a pre-trend check.",
    ),
    allow_unbalanced: bool = typer.Option(
        False,
        "--allow-unbalanced",
        help="Estimate even when some units lack some periods (refused by default).",
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the estimate as JSON."),
) -> None:
    """Difference-in-differences: two-way fixed effects clustered by unit, or an event study."""
    from n4c import evaluate

    say = words_for({"--json": as_json})
    frame = evaluate.read_panel(data)
    result = evaluate.estimate_did(
        frame,
        unit=unit,
        time=time,
        treated=treated,
        post=post,
        outcome=outcome,
        dose=dose,
        event_study=event_study,
        allow_unbalanced=allow_unbalanced,
    )
    if as_json:
        print_json(result.as_json())
    else:
        _print_did(result)
    for warning in result.warnings:
        say.print(f"Warning: {warning}", soft_wrap=True)
    say.print(
        f"Estimated from {result.n_obs:,} rows: {result.n_units:,} units "
        f"({result.n_treated_units:,} supported) over {result.n_periods:,} periods.",
        soft_wrap=True,
    )


@evaluate_app.command("example")
def example_command(
    out: Path = typer.Option(
        ...,
        help="CSV file for the panel (- for standard output): ward17_code, ward17_name, year, "
        "treated, post, imd_score, imd_rank, matched_to (2019-2025: ward24_code, ward24_name, "
        "year, treated, post, imd_rank, imd_decile, matched_to).",
        show_default=False,
    ),
    editions: str = typer.Option(
        "2015-2019",
        help="IoD editions: 2015-2019 (December 2017 wards) or 2019-2025 (December 2024 wards, "
        "ranks only).",
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the estimate and balance as JSON."),
) -> None:
    """Worked example: 2019 'left behind' wards against matched wards, IoD 2015 to 2019 or 2025."""
    from n4c import evaluate

    say = words_for({"--out": out, "--json": as_json})
    example = evaluate.worked_example(editions)  # type: ignore[arg-type]
    written = write_table(example.panel, out)
    if as_json:
        print_json(
            {
                **example.did.as_json(),
                "balance": example.selection.balance,
                "version": example.selection.version,
                "statement": example.statement,
            }
        )
    else:
        _print_did(example.did)
    say.print(example.statement, soft_wrap=True)
    say.print(
        f"Matched {len(example.selection.matches):,} 'left behind' wards to one ward each; "
        f"wrote {written}.",
        soft_wrap=True,
    )


def register(app: typer.Typer) -> None:
    """Add ``n4c evaluate`` to the app."""
    app.add_typer(evaluate_app, name="evaluate")


@evaluate_app.command("surveys")
def surveys_command(
    data: Path = typer.Option(
        ...,
        help="Responses as CSV: site, wave (baseline, year_2 or year_4), one column per "
        "question id and optionally weight.",
        show_default=False,
    ),
    out: Path = typer.Option(None, help="Also write the results as CSV (- for standard output)."),
    as_json: bool = typer.Option(False, "--json", help="Print the results as JSON."),
) -> None:
    """Residents' survey results for each site and wave, with 95% intervals."""
    import pandas as pd

    from n4c import evaluate

    say = words_for({"--json": as_json, "--out": out})
    rows = evaluate.read_responses(data)
    results = evaluate.summarise_responses(rows)
    if out is not None:
        write_table(pd.DataFrame([r.as_json() for r in results]), out)
    if as_json:
        print_json(
            {
                "questionnaire": evaluate.load_questionnaire().version,
                "min_responses": evaluate.MIN_RESPONSES,
                "results": [r.as_json() for r in results],
            }
        )
    else:
        for r in results:
            shown = (
                r.note
                if r.suppressed
                else (
                    f"{r.estimate:.3g} (95% interval {r.ci_low:.3g} to {r.ci_high:.3g}; "
                    f"{r.responses} answers)"
                )
            )
            say.print(f"{r.site}, {r.wave}, {r.outcome}: {shown}", soft_wrap=True)
    shown_count = sum(not r.suppressed for r in results)
    say.print(
        f"Read {len(rows):,} responses: {shown_count:,} results shown, "
        f"{len(results) - shown_count:,} suppressed (fewer than {evaluate.MIN_RESPONSES} "
        "answers).",
        soft_wrap=True,
    )

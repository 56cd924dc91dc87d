"""``n4c panels``: count a participatory budgeting vote from a Pabulib ``.pb`` file."""

from __future__ import annotations

from pathlib import Path

import typer

from n4c.cli.output import console, opened, print_json, where, words_for
from n4c.errors import InputError

panels_app = typer.Typer(
    help="Participatory budgeting: count residents' votes on proposals within a budget.",
    no_args_is_help=True,
)

# Written out here so that `--help` imports nothing of the library; a test keeps them equal.
RULES = ("greedy", "knapsack", "equal-shares")
COMPLETIONS = ("add1", "utilitarian")


@panels_app.command("count")
def count_command(
    file: Path = typer.Argument(..., help="The vote as a Pabulib .pb file.", show_default=False),
    rule: str = typer.Option(
        "greedy",
        help="greedy (most votes first, each funded if it fits in what is left), knapsack (the "
        "most votes in all the budget can pay for; up to 500 proposals) or equal-shares (the "
        "method of equal shares, each voter paying from an equal share of the budget).",
    ),
    completion: str = typer.Option(
        None,
        help="For equal-shares: add1 (raise each voter's share while the result still fits) or "
        "utilitarian (then fund by votes what still fits); none by default.",
    ),
    payments: Path = typer.Option(
        None,
        help="For equal-shares: write what each voter paid for each proposal as CSV "
        "(- for standard output).",
    ),
    as_json: bool = typer.Option(False, "--json", help="Print JSON instead of the table."),
) -> None:
    """Count a .pb file by greedy, knapsack or equal shares; say why each proposal won or lost."""
    from n4c import panels

    if rule not in RULES:
        raise InputError(
            f'"{rule}" is not a counting rule; choose {", ".join(RULES[:-1])} or {RULES[-1]}.',
            field="--rule",
            value=rule,
        )
    if completion is not None and completion not in COMPLETIONS:
        raise InputError(
            f'"{completion}" is not a completion; choose {" or ".join(COMPLETIONS)}.',
            field="--completion",
            value=completion,
        )
    if payments is not None and rule != "equal-shares":
        raise InputError(
            "only equal shares has voters' payments; add --rule equal-shares.",
            field="--payments",
        )
    words = words_for({"--json": as_json, "--payments": payments})
    election = panels.read_pb(file)
    outcome = panels.count(election, rule=rule, completion=completion)  # type: ignore[arg-type]
    if payments is not None and outcome.payments is not None:
        from n4c.spreadsheets import write_csv

        with opened(payments) as stream:
            write_csv(["voter_id", "project_id", "paid"], outcome.payments.rows(), stream)
    if as_json:
        print_json(outcome.to_dict())
    else:
        _print_outcome(outcome)
    currency = outcome.currency
    words.print(
        f"Counted {len(election.ballots):,} ballots on {len(election.projects):,} proposals by "
        f"{rule}{f' with the {completion} completion' if completion else ''}: "
        f"{len(outcome.selected):,} funded for {panels.money(outcome.spent, currency)} of "
        f"{panels.money(outcome.budget, currency)}"
        + (f"; payments in {where(payments)}." if payments is not None else "."),
        soft_wrap=True,
    )


def _print_outcome(outcome: object) -> None:
    from rich.table import Table

    from n4c.panels import Outcome, money, voters_sentence

    assert isinstance(outcome, Outcome)
    table = Table(title=f"Proposals counted by {outcome.rule}")
    named = any(project.name for project in outcome.projects)
    table.add_column("id")
    if named:
        table.add_column("name")
    table.add_column("cost", justify="right")
    table.add_column("votes", justify="right")
    table.add_column("funded")
    table.add_column("why")
    for project in outcome.projects:
        table.add_row(
            project.id,
            *([project.name] if named else []),
            money(project.cost, outcome.currency),
            f"{project.votes:,}",
            "yes" if project.selected else "no",
            project.reason,
        )
    console.print(table)
    if outcome.payments is not None:
        console.print(voters_sentence(outcome.payments, outcome.currency), soft_wrap=True)


def register(app: typer.Typer) -> None:
    """Add ``n4c panels`` to the app."""
    app.add_typer(panels_app, name="panels")

"""``n4c rollout``: posts and yearly cost of growing the Network to N areas over K years."""

from __future__ import annotations

from pathlib import Path

import typer

from n4c.cli.output import console, print_json
from n4c.errors import InputError


def _gbp(amount: float) -> str:
    return f"£{amount:,.0f}"


def rollout_command(
    areas: int = typer.Option(100, help="Areas supported by the last year."),
    years: int = typer.Option(3, help="Years over which the Network grows to that many areas."),
    profile: str = typer.Option(
        None,
        help="Phasing: even (same number of new areas each year) or ramp (1 : 2 : 3 …); "
        "default from the assumptions.",
    ),
    assumptions: Path = typer.Option(
        None,
        "--assumptions",
        help="A TOML file laid over the defaults (src/n4c/rollout/assumptions.toml); "
        "only the values you change need to be in it.",
    ),
    as_json: bool = typer.Option(False, "--json", help="Print JSON instead of tables."),
) -> None:
    """Staff needed by role and the yearly cost of growing to N areas over K years."""
    from n4c import rollout

    if profile is not None and profile not in rollout.PROFILES:
        raise InputError(
            f'"{profile}" is not a phasing profile; choose {" or ".join(rollout.PROFILES)}.',
            field="--profile",
            value=profile,
        )
    model = rollout.load_assumptions(assumptions)
    plan = rollout.plan_rollout(areas, years, model, profile=profile)  # type: ignore[arg-type]
    last = plan[-1]
    if as_json:
        document = {
            "areas": areas,
            "years": years,
            "assumptions": model.source,
            "estimate": model.estimate,
            "roles": {
                r.key: {"title": r.title, "group": r.group, "areas_per_post": r.areas_per_post}
                for r in model.roles
            },
            "rollout": [year.to_dict() for year in plan],
        }
        print_json(document)
        return
    from rich.table import Table

    staff = Table(title=f"Posts needed, growing to {areas:,} areas over {years} years")
    staff.add_column("role")
    for year in plan:
        staff.add_column(f"year {year.year} ({year.areas:,} areas)", justify="right")
    for role in model.roles:
        staff.add_row(role.title, *(str(y.cost.staff[role.key]) for y in plan))
    staff.add_row("All posts", *(str(y.cost.staff_total) for y in plan), style="bold")
    console.print(staff)
    costs = Table(title="Yearly cost (today's prices)")
    costs.add_column("cost line")
    for year in plan:
        costs.add_column(f"year {year.year}", justify="right")
    for line in last.cost.lines_gbp:
        label = line.removesuffix("_gbp").replace("_", " ").capitalize()
        costs.add_row(label, *(_gbp(y.cost.lines_gbp[line]) for y in plan))
    costs.add_row("Total", *(_gbp(y.cost.total_gbp) for y in plan), style="bold")
    console.print(costs)
    console.print(
        f"Planned {years} years to {areas:,} areas with {model.source}: "
        f"{last.cost.staff_total:,} posts and {_gbp(last.cost.total_gbp)} in the last year."
    )


def register(app: typer.Typer) -> None:
    """Add this concept's commands to the n4c app."""
    app.command("rollout")(rollout_command)

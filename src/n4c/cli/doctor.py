"""``n4c doctor``: what this machine has and lacks for n4c, and what to do about it."""

from __future__ import annotations

import json

import typer
from rich.console import Console
from rich.table import Table

console = Console()


def doctor(
    as_json: bool = typer.Option(False, "--json", help="Print the checks as JSON instead."),
) -> None:
    """Check the data, the platform database, Redis, the HTTPS settings and Chromium; say what is missing."""
    from n4c.doctor import run_checks

    checks = run_checks()
    failed = [c for c in checks if c.required and not c.ok]
    if as_json:
        typer.echo(json.dumps([c.as_dict() for c in checks], indent=2))
    else:
        table = Table("check", "state", "found", "what to do")
        for check in checks:
            state = "[green]ok[/green]" if check.ok else "[red]missing[/red]"
            if not check.ok and not check.required:
                state = "[yellow]missing (optional)[/yellow]"
            table.add_row(check.name, state, check.detail, check.action)
        console.print(table)
        optional = sum(1 for c in checks if not c.required and not c.ok)
        if failed:
            console.print(
                f"{len(failed)} of {len(checks)} checks found something n4c needs missing; "
                "do what the last column says."
            )
        elif optional:
            console.print(
                f"Everything n4c needs is here; {optional} optional "
                f"part{'s are' if optional > 1 else ' is'} missing."
            )
        else:
            console.print(f"All {len(checks)} checks passed.")
    if failed:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    """Add ``n4c doctor`` to the app."""
    app.command("doctor")(doctor)

"""``n4c data``: list, fetch and check the registered datasets."""

from __future__ import annotations

import typer
from rich.console import Console
from rich.table import Table

from n4c import data

console = Console()
data_app = typer.Typer(
    help="Datasets: where each comes from, its licence, and whether it is here.",
    no_args_is_help=True,
)


@data_app.command("list")
def list_datasets() -> None:
    """Show every registered dataset, its licence and whether it is available."""
    table = Table("name", "rows", "available", "licence", "source")
    found = data.status()
    for dataset, path in found:
        table.add_row(
            dataset.name,
            f"{dataset.rows:,}",
            "[green]yes[/green]" if path else "[red]no[/red]",
            dataset.licence,
            dataset.source_url,
        )
    console.print(table)
    here = sum(1 for _, path in found if path)
    console.print(f"{here} of {len(found)} datasets available.")


@data_app.command("fetch")
def fetch(
    names: list[str] = typer.Argument(
        None, help="Dataset names (see `n4c data list`); none means all."
    ),
    base_url: str = typer.Option(
        None, help="Download from this address instead of N4C_DATA_BASE_URL."
    ),
) -> None:
    """Download datasets into the user's data folder and verify their SHA-256 checksums."""
    chosen = names or list(data.DATASETS)
    for name in chosen:
        path = data.fetch(name, base_url=base_url, progressbar=True)
        console.print(f"{name}: verified, saved to {path}")
    console.print(f"Fetched and verified {len(chosen)} dataset{'s' if len(chosen) != 1 else ''}.")


@data_app.command("check")
def check(
    names: list[str] = typer.Argument(None, help="Dataset names; none means all CSV datasets."),
) -> None:
    """Load and validate datasets (columns, codes, numbers, duplicates) and report rows read."""
    chosen = names or [n for n, d in data.DATASETS.items() if d.kind == "csv"]
    for name in chosen:
        frame = data.load(name)
        console.print(f"{name}: {len(frame):,} rows valid.")
    console.print(f"Checked {len(chosen)} dataset{'s' if len(chosen) != 1 else ''}.")


def register(app: typer.Typer) -> None:
    """Add ``n4c data`` to the app."""
    app.add_typer(data_app, name="data")

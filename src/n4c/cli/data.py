"""``n4c data``: list, fetch and check the registered datasets."""

from __future__ import annotations

import typer

from n4c.cli.output import console, print_json, words_for

data_app = typer.Typer(
    help="Datasets: where each comes from, its licence, and whether it is here.",
    no_args_is_help=True,
)


@data_app.command("list")
def list_datasets(
    as_json: bool = typer.Option(False, "--json", help="Print JSON instead of a table."),
) -> None:
    """Show every registered dataset, its licence and whether it is available."""
    from n4c import data

    found = data.status()
    here = sum(1 for _, path in found if path)
    if as_json:
        print_json(
            [
                {
                    "name": dataset.name,
                    "rows": dataset.rows,
                    "available": path is not None,
                    "path": path,
                    "licence": dataset.licence,
                    "source": dataset.source_url,
                }
                for dataset, path in found
            ]
        )
    else:
        from rich.table import Table
        from rich.text import Text

        table = Table("name", "rows", "available", "licence", "source")
        for dataset, path in found:
            table.add_row(
                dataset.name,
                f"{dataset.rows:,}",
                Text("yes", style="green") if path else Text("no", style="red"),
                dataset.licence,
                dataset.source_url,
            )
        console.print(table)
    words_for({"--json": as_json}).print(f"{here} of {len(found)} datasets available.")


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
    from n4c import data

    chosen = names or [n for n, d in data.DATASETS.items() if not d.optional]
    for name in chosen:
        path = data.fetch(name, base_url=base_url, progressbar=True)
        console.print(f"{name}: verified, saved to {path}")
    console.print(f"Fetched and verified {len(chosen)} dataset{'s' if len(chosen) != 1 else ''}.")


@data_app.command("check")
def check(
    names: list[str] = typer.Argument(None, help="Dataset names; none means all CSV datasets."),
) -> None:
    """Load and validate datasets (columns, codes, numbers, duplicates) and report rows read."""
    from n4c import data

    chosen = names or [n for n, d in data.DATASETS.items() if d.kind == "csv" and not d.optional]
    for name in chosen:
        frame = data.load(name)
        console.print(f"{name}: {len(frame):,} rows valid.")
    console.print(f"Checked {len(chosen)} dataset{'s' if len(chosen) != 1 else ''}.")


def register(app: typer.Typer) -> None:
    """Add ``n4c data`` to the app."""
    app.add_typer(data_app, name="data")

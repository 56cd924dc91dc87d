"""``n4c place`` and ``n4c map``: find a place by name, and draw maps without a tile server."""

from __future__ import annotations

import time
from pathlib import Path

import typer

from n4c.cli.output import check_output_file, console, files_only, print_json, print_table
from n4c.errors import InputError


def place(
    name: str = typer.Argument(..., help="A place name (or part of one) or a GSS code."),
    kind: str = typer.Option(None, "--kind", help="Only this kind: ward, council or lsoa."),
    limit: int = typer.Option(10, "--limit", min=1, max=1_000, help="At most this many results."),
    as_json: bool = typer.Option(False, "--json", help="Print the results as JSON instead."),
) -> None:
    """Find wards (2017, 2024), councils (2019, 2024) and LSOAs (2011, 2021) by name or code."""
    from n4c.places import KINDS, find_places

    if kind is not None and kind not in KINDS:
        raise InputError(
            f'"{kind}" is not a kind of place; use ward, council or lsoa.',
            field="--kind",
            value=kind,
        )
    found = find_places(name, kind=kind, limit=limit)  # type: ignore[arg-type]
    if as_json:
        print_json({"query": name, "places": [p.as_dict() for p in found]})
        return
    if not found:
        raise InputError(
            f'no ward, council or LSOA is called anything like "{name}".',
            field="NAME",
            value=name,
            hint="Check the spelling, or give part of the name.",
        )
    from rich.table import Table

    table = Table(title=f'Places matching "{name}"')
    for heading in ("Kind", "Code", "Name", "Council", "Edition", "Match"):
        table.add_column(heading)
    rows = [[p.kind, p.code, p.name, p.council_name, str(p.edition), p.match] for p in found]
    print_table(table, rows, to=console)
    console.print(f"Found {len(found):,} place{'s' if len(found) != 1 else ''}.")


def _council(lad: str, year: int) -> str:
    """A council code, from a code or a name that names one council of the edition ``year``
    maps (2019 councils for IoD 2019, 2024 councils for IoD 2025)."""
    from n4c.maps import council_edition
    from n4c.places import resolve_place

    if lad.strip()[:1].isalpha() and lad.strip()[1:].isdigit():
        return lad
    found, choices = resolve_place(lad, kind="council", edition=council_edition(year))
    if found is not None:
        return found.code
    named = ", ".join(f"{p.name} ({p.code})" for p in choices[:5])
    raise InputError(
        f'"{lad}" does not name one council'
        + (f"; did you mean {named}?" if named else "; give a council code, like E06000009."),
        field="--lad",
        value=lad,
    )


def map_command(
    what: str = typer.Option(..., "--what", help="leftbehind, imd or spending."),
    out: Path = typer.Option(
        ..., "--out", help="File to write: .svg, .png, .html (interactive) or .geojson."
    ),
    lad: str = typer.Option(
        None,
        "--lad",
        help="Only this council: a code (E06000009) or its name; 2019 councils for --year "
        "2019, 2024 councils for --year 2025.",
    ),
    year: int = typer.Option(
        2019,
        "--year",
        help="IoD edition: 2019 (2017 wards, LSOAs 2011) or 2025 (2024 wards, LSOAs 2021; "
        "its left-behind wards and ward deciles are n4c's estimate).",
    ),
    database: Path = typer.Option(
        None, "--database", help="Grants database for --what spending (default: in N4C_DATA_DIR)."
    ),
) -> None:
    """Draw a map of England or one council: left-behind wards, IMD deciles or grants per head."""
    from n4c import maps

    files_only({"--out": out})
    check_output_file(out, option="--out")
    maps.check_format(out)
    if what not in maps.WHATS:
        raise InputError(
            f'"{what}" is not a map n4c makes; use leftbehind, imd or spending.',
            field="--what",
            value=what,
        )
    year = maps.check_year(year)
    started = time.perf_counter()
    council = None if lad is None else _council(lad, year)
    layer = maps.map_layer(what, lad=council, database=database, year=year)  # type: ignore[arg-type]
    maps.write_map(layer, out)
    seconds = time.perf_counter() - started
    console.print(
        f"Wrote {out}: {layer.title}, {len(layer.areas):,} areas "
        f"({out.stat().st_size / 1e6:,.1f} MB) in {seconds:,.1f} s."
    )


def register(app: typer.Typer) -> None:
    """Add ``n4c place`` and ``n4c map`` to the app."""
    app.command("place")(place)
    app.command("map")(map_command)

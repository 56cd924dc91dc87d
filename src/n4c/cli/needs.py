"""``n4c needs`` and ``n4c leftbehind``: indices, summaries and the 'left behind' test."""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from n4c.cli.output import (
    LazyConsole,
    cell_text,
    files_only,
    print_json,
    print_table,
    words_for,
    write_table,
    write_text,
)
from n4c.errors import InputError
from n4c.geography import check_year

if TYPE_CHECKING:
    from n4c import needs

needs_app = typer.Typer(
    help="Need: recompute indices, summarise areas, test sensitivity.", no_args_is_help=True
)

YEAR_HELP = "IMD year: 2019 (LSOA 2011) or 2025 (LSOA 2021)."
OUT_HELP = "CSV file to write (- for standard output)"


@needs_app.command("combine")
def combine(
    year: int = typer.Option(2019, help=YEAR_HELP),
    out: Path = typer.Option(..., help=f"{OUT_HELP}: lsoa_code,imd_score,imd_rank,imd_decile."),
    spec: Path = typer.Option(
        None, help="A composite specification (TOML) to use instead of the official IMD."
    ),
) -> None:
    """Recompute the IMD from the published domain ranks (or any composite from a TOML spec)."""
    from n4c import needs

    say = words_for({"--out": out})
    if spec is not None:
        composite = needs.load_spec(spec)
        if composite.dataset is None:
            raise InputError(
                "index.dataset must name a registered dataset (see `n4c data list`).",
                path=spec,
                field="index.dataset",
            )
        from n4c.data import load

        result = needs.build_composite(load(composite.dataset), composite)
        written = write_table(result, out)
        say.print(f"Built {composite.name} for {len(result):,} areas; wrote {written}.")
        return
    check_year(year, field="--year")
    result = needs.combine_imd(year)  # type: ignore[arg-type]
    written = write_table(result[["lsoa_code", "imd_score", "imd_rank", "imd_decile"]], out)
    agreement = needs.compare_imd_with_published(year)  # type: ignore[arg-type]
    say.print(
        f"Recomputed IMD {year} for {agreement.areas:,} LSOAs: {agreement.ranks_equal:,} ranks "
        f"({agreement.share_ranks_equal:.2%}) equal the published ones; largest score difference "
        f"{agreement.max_abs_score_error:.6f}. Wrote {written}."
    )


def _print_left_behind(
    result: needs.LeftBehindResult, top: int, *, say: LazyConsole, as_json: bool
) -> None:
    agreement, name = result.agreement, result.areas
    listed = [dict(zip(result.listing_columns, row, strict=True)) for row in result.listing[:top]]
    if as_json:
        print_json(
            {
                "areas": name,
                "found": agreement.predicted,
                "published": agreement.published,
                "agree": agreement.matched,
                "extra": list(agreement.false_positives),
                "missed": list(agreement.missed),
                "most_deprived": listed,
            }
        )
    say.print(
        f"'Left behind' {name}: {agreement.predicted:,} found; {agreement.matched:,} of the "
        f"{agreement.published:,} published agree ({agreement.matched / max(agreement.published, 1):.1%}); "
        f"{len(agreement.false_positives)} extra, {len(agreement.missed)} missed."
    )
    if top and not as_json:
        from rich.table import Table

        listing_table = Table(title=f"Most deprived 'left behind' {name} (by IMD rank)")
        for column in result.listing_columns:
            listing_table.add_column(column)
        rows = [
            [cell_text(v, "{:.2f}" if isinstance(v, float) else "{}") for v in row]
            for row in result.listing[:top]
        ]
        print_table(
            listing_table,
            rows,
            ["the published index has no value for this area."],
            to=say,
        )


def leftbehind(
    year: int = typer.Option(
        2019, help="2019: wards (IMD 2019 × CNI 2019); 2025: LSOA 2021 (IMD 2025 × CNI 2023)."
    ),
    out: Path = typer.Option(..., help=f"{OUT_HELP}."),
    geojson: Path = typer.Option(
        None, help="Also write ward shapes (LSOA boundaries dissolved) as GeoJSON."
    ),
    population: str = typer.Option(
        "mid2015", help="Population weights for ward scores: mid2015, mid2017 or mid2019."
    ),
    top: int = typer.Option(
        10, min=0, max=100_000, help="How many of the most deprived left-behind areas to list."
    ),
    as_json: bool = typer.Option(
        False, "--json", help="Print the comparison and the listed areas as JSON instead."
    ),
    cache: bool = typer.Option(
        True, help="Reuse the result stored in N4C_DATA_DIR/cache while its inputs are unchanged."
    ),
) -> None:
    """Identify 'left behind' neighbourhoods and compare them with the published list."""
    from n4c import needs

    check_year(year, field="--year")
    say = words_for({"--out": out, "--json": as_json})
    files_only({"--geojson": geojson})
    if year != 2019 and geojson is not None:
        raise InputError(
            "GeoJSON output is for ward shapes (2019); LSOA 2021 boundaries are not in the data.",
            field="--geojson",
        )
    result = needs.find_left_behind(year, population=population, cached=cache)
    written = [write_text(result.csv, out)]
    _print_left_behind(result, top, say=say, as_json=as_json)
    if geojson is not None:
        count = result.write_ward_geojson(geojson)
        written.append(f"{geojson} ({count:,} ward shapes)")
    say.print(f"Wrote {' and '.join(written)}.")


def register(app: typer.Typer) -> None:
    """Add ``n4c needs`` and ``n4c leftbehind`` to the app."""
    # The summary, sensitivity and change commands live in their own modules and join ``needs_app``.
    importlib.import_module("n4c.cli.needs_measures")
    importlib.import_module("n4c.cli.needs_change")
    app.add_typer(needs_app, name="needs")
    app.command("leftbehind")(leftbehind)

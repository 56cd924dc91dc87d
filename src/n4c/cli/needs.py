"""``n4c needs`` and ``n4c leftbehind``: indices, summaries and the 'left behind' test."""

from __future__ import annotations

import importlib
from pathlib import Path

import pandas as pd
import typer
from rich.console import Console
from rich.table import Table

from n4c import needs
from n4c.errors import InputError

console = Console()
needs_app = typer.Typer(
    help="Need: recompute indices, summarise areas, test sensitivity.", no_args_is_help=True
)

YEAR_HELP = "IMD year: 2019 (LSOA 2011) or 2025 (LSOA 2021)."


def _write_csv(frame: pd.DataFrame, out: Path) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    frame.to_csv(out, index=False)


@needs_app.command("combine")
def combine(
    year: int = typer.Option(2019, help=YEAR_HELP),
    out: Path = typer.Option(
        ..., help="CSV file to write: lsoa_code,imd_score,imd_rank,imd_decile."
    ),
    spec: Path = typer.Option(
        None, help="A composite specification (TOML) to use instead of the official IMD."
    ),
) -> None:
    """Recompute the IMD from the published domain ranks (or any composite from a TOML spec)."""
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
        _write_csv(result, out)
        console.print(f"Built {composite.name} for {len(result):,} areas; wrote {out}.")
        return
    if year not in needs.iod.IMD_YEARS:
        raise InputError(
            f"{year} is not an IMD year n4c holds; choose 2019 or 2025.", field="--year", value=year
        )
    result = needs.combine_imd(year)  # type: ignore[arg-type]
    _write_csv(result[["lsoa_code", "imd_score", "imd_rank", "imd_decile"]], out)
    agreement = needs.compare_imd_with_published(year)  # type: ignore[arg-type]
    console.print(
        f"Recomputed IMD {year} for {agreement.areas:,} LSOAs: {agreement.ranks_equal:,} ranks "
        f"({agreement.share_ranks_equal:.2%}) equal the published ones; largest score difference "
        f"{agreement.max_abs_score_error:.6f}. Wrote {out}."
    )


def _print_left_behind(result: needs.LeftBehindResult, top: int) -> None:
    agreement, name = result.agreement, result.areas
    console.print(
        f"'Left behind' {name}: {agreement.predicted:,} found; {agreement.matched:,} of the "
        f"{agreement.published:,} published agree ({agreement.matched / max(agreement.published, 1):.1%}); "
        f"{len(agreement.false_positives)} extra, {len(agreement.missed)} missed."
    )
    if top:
        listing = Table(title=f"Most deprived 'left behind' {name} (by IMD rank)")
        for column in result.listing_columns:
            listing.add_column(column)
        for row in result.listing[:top]:
            listing.add_row(*(f"{v:.2f}" if isinstance(v, float) else str(v) for v in row))
        console.print(listing)


def leftbehind(
    year: int = typer.Option(
        2019, help="2019: wards (IMD 2019 × CNI 2019); 2025: LSOA 2021 (IMD 2025 × CNI 2023)."
    ),
    out: Path = typer.Option(..., help="CSV file to write."),
    geojson: Path = typer.Option(
        None, help="Also write ward shapes (LSOA boundaries dissolved) as GeoJSON."
    ),
    population: str = typer.Option(
        "mid2015", help="Population weights for ward scores: mid2015, mid2017 or mid2019."
    ),
    top: int = typer.Option(10, help="How many of the most deprived left-behind areas to list."),
    cache: bool = typer.Option(
        True, help="Reuse the result stored in N4C_DATA_DIR/cache while its inputs are unchanged."
    ),
) -> None:
    """Identify 'left behind' neighbourhoods and compare them with the published list."""
    if geojson is not None:
        needs.left_behind.check_ward_geojson(year)
    result = needs.find_left_behind(year, population=population, cached=cache)
    result.write_csv(out)
    _print_left_behind(result, top)
    written = [str(out)]
    if geojson is not None:
        count = result.write_ward_geojson(geojson)
        written.append(f"{geojson} ({count:,} ward shapes)")
    console.print(f"Wrote {' and '.join(written)}.")


def register(app: typer.Typer) -> None:
    """Add ``n4c needs`` and ``n4c leftbehind`` to the app."""
    # The summary and sensitivity commands live in their own module and join ``needs_app``.
    importlib.import_module("n4c.cli.needs_measures")
    app.add_typer(needs_app, name="needs")
    app.command("leftbehind")(leftbehind)

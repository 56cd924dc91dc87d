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
    import pandas as pd

    from n4c import needs
    from n4c.needs.councils import Council, Geography

needs_app = typer.Typer(
    help="Need: recompute indices, summarise areas, test sensitivity.", no_args_is_help=True
)

YEAR_HELP = "IMD year: 2019 (LSOA 2011) or 2025 (LSOA 2021)."
OUT_HELP = "CSV file to write (- for standard output)"
LAD_HELP = (
    "Only one council's rows: a local authority code or name, like E06000009 or Blackpool "
    "(2019 authorities for 2019 figures, 2024 ones for 2025). Ranks stay national."
)


def resolve_lad(lad: str | None, year: int) -> Council | None:
    """The council ``--lad`` names for ``year``'s figures (``None`` without ``--lad``)."""
    if lad is None:
        return None
    from n4c.needs.councils import resolve_council

    return resolve_council(lad, year=year)


def council_rows(
    table: pd.DataFrame,
    *,
    year: int,
    geography: Geography,
    code_column: str,
    council: Council | None,
) -> pd.DataFrame:
    """``table`` with ``lad_code`` and ``lad_name``, only ``council``'s rows when one is given."""
    from n4c.needs.councils import council_view

    return council_view(
        table, year=year, geography=geography, code_column=code_column, council=council
    )


def council_json(council: Council | None) -> dict[str, str] | None:
    """The council of a ``--json`` summary: its code and name, or ``None`` for all of England."""
    return None if council is None else {"code": council.code, "name": council.name}


def in_council(council: Council | None) -> str:
    """Words for a summary line: " in Blackpool (E06000009)", or nothing for all of England."""
    return "" if council is None else f" in {council.name} ({council.code})"


@needs_app.command("combine")
def combine(
    year: int = typer.Option(2019, help=YEAR_HELP),
    out: Path = typer.Option(
        ..., help=f"{OUT_HELP}: lsoa_code,imd_score,imd_rank,imd_decile,lad_code,lad_name."
    ),
    spec: Path = typer.Option(
        None, help="A composite specification (TOML) to use instead of the official IMD."
    ),
    lad: str = typer.Option(None, "--lad", help=LAD_HELP),
) -> None:
    """Recompute the IMD from the published domain ranks (or any composite from a TOML spec)."""
    from n4c import needs

    say = words_for({"--out": out})
    if spec is not None and lad is not None:
        raise InputError(
            "--lad works with the official IMD, not with --spec; leave out one of them.",
            field="--lad",
        )
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
    council = resolve_lad(lad, year)
    result = needs.combine_imd(year)  # type: ignore[arg-type]
    table = council_rows(
        result[["lsoa_code", "imd_score", "imd_rank", "imd_decile"]],
        year=year,
        geography="lsoa",
        code_column="lsoa_code",
        council=council,
    )
    written = write_table(table, out)
    agreement = needs.compare_imd_with_published(year)  # type: ignore[arg-type]
    kept = "" if council is None else f" Kept the {len(table):,} LSOAs{in_council(council)}."
    say.print(
        f"Recomputed IMD {year} for {agreement.areas:,} LSOAs: {agreement.ranks_equal:,} ranks "
        f"({agreement.share_ranks_equal:.2%}) equal the published ones; largest score difference "
        f"{agreement.max_abs_score_error:.6f}.{kept} Wrote {written}."
    )


def _print_left_behind(
    result: needs.LeftBehindResult, top: int, *, say: LazyConsole, as_json: bool
) -> None:
    agreement, comparison = result.agreement, result.comparison
    name = f"{result.areas}{in_council(result.council)}"
    listed = [dict(zip(result.listing_columns, row, strict=True)) for row in result.listing[:top]]
    if as_json:
        document: dict[str, object] = {
            "areas": result.areas,
            "council": council_json(result.council),
            "found": len(result.listing),
        }
        if agreement is not None:
            document.update(
                published=agreement.published,
                agree=agreement.matched,
                extra=list(agreement.false_positives),
                missed=list(agreement.missed),
            )
        if comparison is not None:
            document["compared_with_2019"] = {
                "published_2019": comparison.published_2019,
                "still_in": comparison.still_in,
                "found_2025": comparison.found_2025,
                "new": comparison.new,
            }
        document["notes"] = list(result.notes)
        document["most_deprived"] = listed
        print_json(document)
    if agreement is not None:
        say.print(
            f"'Left behind' {name}: {agreement.predicted:,} found; {agreement.matched:,} of the "
            f"{agreement.published:,} published{' there' if result.council else ''} agree "
            f"({agreement.matched / max(agreement.published, 1):.1%}); "
            f"{len(agreement.false_positives)} extra, {len(agreement.missed)} missed."
        )
    else:
        say.print(f"'Left behind' {name}: {len(result.listing):,} found.")
    if result.council is not None:
        compared = "" if agreement is None else ", and the published list is compared over them"
        say.print(
            f"Ranks, deciles and cut-offs are national; only the rows in {result.council.name} "
            f"are kept{compared}."
        )
    for note in result.notes:
        say.print(note)
    if comparison is not None:
        say.print(_comparison_words(comparison, whole_country=result.council is not None))
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


def _comparison_words(comparison: needs.LeftBehindComparison, *, whole_country: bool) -> str:
    # With --lad the comparison stays national: the 2019 wards do not nest in 2024 councils.
    england = " (all of England)" if whole_country else ""
    return (
        f"Beside the 2019 list{england}: {comparison.still_in:,} of OCSI's {comparison.published_2019:,} "
        "published 'left behind' wards (2019) are still in (at least half of their residents, "
        "through their LSOAs 2021, live in a 2025 'left behind' ward); "
        f"{comparison.new:,} of the {comparison.found_2025:,} wards found for 2025 are new "
        "places (fewer than half of their residents live where a 2019 'left behind' ward was)."
    )


def leftbehind(
    year: int = typer.Option(
        2019,
        help="2019: wards (IMD 2019 × CNI 2019); 2025: LSOA 2021 or 2024 wards (IMD 2025 × CNI 2023).",
    ),
    level: str = typer.Option(
        None,
        help="ward or lsoa. 2019 has wards only (December 2017); 2025 is LSOA 2021 unless "
        "--level ward (2024 wards: n4c's own estimate, no published list).",
        show_default=False,
    ),
    out: Path = typer.Option(..., help=f"{OUT_HELP}."),
    geojson: Path = typer.Option(
        None,
        help="Also write the left-behind wards' shapes (LSOA boundaries dissolved) as GeoJSON.",
    ),
    compare: Path = typer.Option(
        None,
        help="With --year 2025 --level ward: also write the 2019 and 2025 lists side by side "
        "(year,ward_code,ward_name,lad_name,overlap_share,status,lad_code) as CSV, for all of "
        "England even with --lad.",
    ),
    population: str = typer.Option(
        "mid2015", help="Population weights for 2019 ward scores: mid2015, mid2017 or mid2019."
    ),
    top: int = typer.Option(
        10, min=0, max=100_000, help="How many of the most deprived left-behind areas to list."
    ),
    as_json: bool = typer.Option(
        False, "--json", help="Print the comparison and the listed areas as JSON instead."
    ),
    lad: str = typer.Option(None, "--lad", help=LAD_HELP),
    cache: bool = typer.Option(
        True, help="Reuse the result stored in N4C_DATA_DIR/cache while its inputs are unchanged."
    ),
) -> None:
    """Identify 'left behind' neighbourhoods and compare them with the published list.

    2024 wards (--year 2025 --level ward) are n4c's own estimate, as OCSI has published no list
    on them: a ward's IMD and CNI scores are the population-weighted means of its LSOAs' IMD 2025
    and CNI 2023 scores, and it is left behind in decile 1 of both (ceil(rank × 10 / N), the
    worst floor(N / 10) wards). Domain columns show what drives each result.
    """
    from n4c import needs

    check_year(year, field="--year")
    say = words_for({"--out": out, "--json": as_json})
    files_only({"--geojson": geojson, "--compare": compare})
    level = needs.check_left_behind_level(year, level, field="--level")
    if geojson is not None:
        needs.check_ward_geojson(year, level, field="--geojson")
    if compare is not None and not (year == 2025 and level == "ward"):
        raise InputError(
            "--compare sets the 2019 list beside 2024 wards; use it with --year 2025 --level ward.",
            field="--compare",
        )
    council = resolve_lad(lad, year)
    result = needs.find_left_behind(year, population=population, level=level, cached=cache)
    if council is not None:
        result = result.for_council(council)
    written = [write_text(result.csv, out)]
    _print_left_behind(result, top, say=say, as_json=as_json)
    if compare is not None and result.comparison is not None:
        written.append(write_text(result.comparison.csv, compare))
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

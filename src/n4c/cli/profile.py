"""``n4c profile``: a neighbourhood profile of a ward, council, LSOA or platform area."""

from __future__ import annotations

import time
from pathlib import Path

import typer

from n4c.cli.output import check_output_file, console, files_only
from n4c.errors import InputError

#: The boundaries each IMD edition's profiles are of.
_PROFILED = {
    2019: {("ward", 2017), ("council", 2019), ("lsoa", 2011)},
    2025: {("ward", 2024), ("council", 2024), ("lsoa", 2021)},
}
#: A code or name found in both editions' boundaries is profiled on this one unless
#: ``--edition`` says otherwise, so the profiles people already make stay as they were.
_DEFAULT_EDITION = 2019
_FORMATS = (".html", ".pdf")
_AREA_PREFIX = "area:"


def _choices(places) -> str:
    return "; ".join(f"{p.label} {p.code}" for p in places)


def _place(text: str, edition: int | None):
    """The one ward, council or LSOA ``text`` names in the boundaries of ``edition`` (either
    edition's when not given, the older one first), or an error."""
    from n4c.places import find_places

    found = find_places(text, limit=500)
    best = [p for p in found if p.match in ("code", "exact")]
    editions = (
        (edition,) if edition else (_DEFAULT_EDITION, 2025 if _DEFAULT_EDITION == 2019 else 2019)
    )
    for year in editions:
        profiled = [p for p in best if (p.kind, p.edition) in _PROFILED[year]]
        if len(profiled) == 1:
            return profiled[0]
        if len(profiled) > 1:
            raise InputError(
                f'"{text}" could be {len(profiled):,} places, including {_choices(profiled[:10])}.',
                field="PLACE",
                value=text,
                hint="Give the code of the one you mean.",
            )
    if best:
        # A code or name of other boundaries: build_profile says which areas it takes.
        return best[0]
    wanted = set().union(*(_PROFILED[year] for year in editions))
    close = [p for p in found if (p.kind, p.edition) in wanted][:5]
    raise InputError(
        f'no ward, council or LSOA is called "{text}"'
        + (f"; the closest are {_choices(close)}." if close else "."),
        field="PLACE",
        value=text,
        hint="Check the spelling, or find the code with `n4c place NAME`.",
    )


def _area(text: str):
    """The platform area ``area:12`` names, from the platform's database."""
    number = text[len(_AREA_PREFIX) :].strip()
    if not number.isdigit():
        raise InputError(
            f'"{text}" is not an area id; write it as area: and a number, like area:12.',
            field="PLACE",
            value=text,
        )
    from n4c.platform.management import setup

    setup()
    from n4c.platform.areas.profile_area import profile_area_by_id

    return profile_area_by_id(int(number))


def _assets(path: Path | None):
    if path is None:
        return []
    from n4c.rights.assets import read_assets_csv

    result = read_assets_csv(path)
    console.print(f"{path}: {result.summary()}")
    return result.assets


def profile_command(
    place: str = typer.Argument(
        ...,
        help="A ward (2017 or 2024) or council (2019 or 2024) name or code, an LSOA (2011 or "
        "2021) code, or a platform area id like area:12.",
    ),
    out: Path = typer.Option(..., "--out", help="File to write: .html or .pdf (A4)."),
    assets: Path = typer.Option(
        None, "--assets", help="An asset register CSV whose assets to draw on the map."
    ),
    edition: int = typer.Option(
        None,
        "--edition",
        help="2019 or 2025: the IMD edition, for a code or name found in both editions' "
        "boundaries (without it, 2019). 2024 wards and councils and 2021 LSOAs use 2025.",
    ),
) -> None:
    """Write a neighbourhood profile: map, IMD and its domains, CNI, editions and flags."""
    files_only({"--out": out})
    check_output_file(out, option="--out")
    suffix = out.suffix.lower()
    if suffix not in _FORMATS:
        raise InputError(
            f'"{out.name}" does not end in .html or .pdf, so n4c cannot tell which kind of '
            "profile to write.",
            field="--out",
            value=str(out),
        )
    if assets is not None and not assets.is_file():
        raise InputError(
            f"{assets} is not a file; give an asset register CSV.",
            field="--assets",
            value=str(assets),
        )
    if edition is not None and edition not in _PROFILED:
        raise InputError(
            f"{edition} is not an edition n4c profiles; choose 2019 or 2025.",
            field="--edition",
            value=str(edition),
        )
    if not place.strip():
        raise InputError("Enter a place name or code, like Bloomfield or E05001645.", field="PLACE")
    started = time.perf_counter()
    from n4c import profiles

    where = (
        _area(place)
        if place.strip().lower().startswith(_AREA_PREFIX)
        else _place(place.strip(), edition)
    )
    profile = profiles.build_profile(where, assets=_assets(assets))
    out.parent.mkdir(parents=True, exist_ok=True)
    if suffix == ".pdf":
        profiles.write_pdf(profile, out)
    else:
        out.write_text(profiles.render_html(profile), encoding="utf-8")
    seconds = time.perf_counter() - started
    console.print(f"Wrote {out}: the profile of {profile.title} in {seconds:,.1f} s.")


def register(app: typer.Typer) -> None:
    """Add ``n4c profile`` to the app."""
    app.command("profile")(profile_command)

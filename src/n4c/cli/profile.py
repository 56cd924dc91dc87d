"""``n4c profile``: a neighbourhood profile of a ward, council, LSOA or platform area."""

from __future__ import annotations

import time
from pathlib import Path

import typer

from n4c.cli.output import check_output_file, console, files_only
from n4c.errors import InputError

#: The editions a profile is of: the IMD 2019 areas.
_PROFILED = {("ward", 2017), ("council", 2019), ("lsoa", 2011)}
_FORMATS = (".html", ".pdf")
_AREA_PREFIX = "area:"


def _choices(places) -> str:
    return "; ".join(f"{p.label} {p.code}" for p in places)


def _place(text: str):
    """The one ward (2017), council (2019) or LSOA (2011) ``text`` names, or an error."""
    from n4c.places import find_places

    found = find_places(text, limit=500)
    best = [p for p in found if p.match in ("code", "exact")]
    profiled = [p for p in best if (p.kind, p.edition) in _PROFILED]
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
        # A code or name of the 2024 boundaries: build_profile says which areas it takes.
        return best[0]
    close = [p for p in found if (p.kind, p.edition) in _PROFILED][:5]
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
        help="A ward (2017) or council (2019) name or code, an LSOA (2011) code, or a platform "
        "area id like area:12.",
    ),
    out: Path = typer.Option(..., "--out", help="File to write: .html or .pdf (A4)."),
    assets: Path = typer.Option(
        None, "--assets", help="An asset register CSV whose assets to draw on the map."
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
    if not place.strip():
        raise InputError("Enter a place name or code, like Bloomfield or E05001645.", field="PLACE")
    started = time.perf_counter()
    from n4c import profiles

    where = (
        _area(place) if place.strip().lower().startswith(_AREA_PREFIX) else _place(place.strip())
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

"""`n4c map` and `n4c place` end to end."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import xml.etree.ElementTree as ET

import pandas as pd
from typer.testing import CliRunner

from n4c.cli import app

runner = CliRunner()


def test_map_writes_a_council_map_in_the_format_its_extension_names(tmp_path) -> None:
    for what in ("leftbehind", "imd"):
        for suffix in (".svg", ".png", ".html"):
            out = tmp_path / f"{what}{suffix}"
            result = runner.invoke(
                app, ["map", "--what", what, "--lad", "Blackpool", "--out", str(out)]
            )
            assert result.exit_code == 0, result.output
            assert "Wrote" in result.output and out.stat().st_size > 1_000
    assert ET.parse(tmp_path / "imd.svg").getroot().tag.endswith("svg")
    assert (tmp_path / "leftbehind.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_place_prints_bloomfield_as_json() -> None:
    result = runner.invoke(app, ["place", "bloomfield", "--kind", "ward", "--json"])
    assert result.exit_code == 0, result.output
    codes = [p["code"] for p in json.loads(result.output)["places"]]
    assert "E05001645" in codes


def _left_behind_2025_wards() -> pd.DataFrame:
    """The stored 2024 ward result `n4c leftbehind --year 2025 --level ward` writes."""
    from n4c.needs import find_left_behind

    csv = find_left_behind(2025, level="ward").csv
    return pd.read_csv(io.StringIO(csv), dtype={"ward_code": str, "lad_code": str})


def _features(path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["features"]


def test_a_2025_england_map_shows_the_left_behind_2024_wards_of_the_2025_result(
    tmp_path,
) -> None:
    wards = _left_behind_2025_wards()
    flagged = set(wards.loc[wards["left_behind"], "ward_code"])
    out = tmp_path / "england.geojson"
    result = runner.invoke(
        app, ["map", "--what", "leftbehind", "--year", "2025", "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert "Left-behind wards (2025, n4c's estimate)" in result.output
    features = _features(out)
    assert len(features) == len(wards) == 6_784
    shown = {f["properties"]["code"] for f in features if f["properties"]["bin"] == 0}
    assert shown == flagged and len(flagged) == 195
    assert all(f["geometry"] is not None for f in features)
    svg = tmp_path / "england.svg"
    result = runner.invoke(
        app, ["map", "--what", "leftbehind", "--year", "2025", "--out", str(svg)]
    )
    assert result.exit_code == 0, result.output
    text = svg.read_text(encoding="utf-8")
    assert "Left behind (195)" in text and "Other wards (6,589)" in text
    assert "n4c's own estimate" in text and "IMD 2025 and CNI 2023" in text


def test_a_2025_england_imd_map_bins_2024_wards_by_their_ward_decile(tmp_path) -> None:
    wards = _left_behind_2025_wards()
    out = tmp_path / "imd.html"
    result = runner.invoke(app, ["map", "--what", "imd", "--year", "2025", "--out", str(out)])
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    most_deprived = int((wards["imd_decile"] == 1).sum())
    assert f"1 (most deprived) ({most_deprived:,})" in page
    assert "IMD 2025 decile of each 2024 ward (n4c&#x27;s estimate)" in page
    assert "Each area is a ward (2024)." in page.replace("\n", " ")


def test_a_2025_council_map_uses_2024_wards_and_published_lsoa_2021_deciles(tmp_path) -> None:
    """Blackpool (E06000009, the council of Bloomfield): its 2024 wards and LSOAs 2021."""
    from n4c.data import load

    wards = _left_behind_2025_wards()
    blackpool = wards[wards["lad_code"] == "E06000009"]
    for what in ("leftbehind", "imd"):
        for suffix in (".svg", ".html", ".geojson"):
            out = tmp_path / f"{what}{suffix}"
            result = runner.invoke(
                app,
                ["map", "--what", what, "--year", "2025", "--lad", "Blackpool", "--out", str(out)],
            )
            assert result.exit_code == 0, result.output
    left_behind = _features(tmp_path / "leftbehind.geojson")
    assert {f["properties"]["code"] for f in left_behind} == set(blackpool["ward_code"])
    assert sum(f["properties"]["bin"] == 0 for f in left_behind) == int(
        blackpool["left_behind"].sum()
    )
    assert "Left behind (5)" in (tmp_path / "leftbehind.svg").read_text(encoding="utf-8")
    lsoas = _features(tmp_path / "imd.geojson")
    lookup = load("lookup_lsoa21_ward24_lad24")
    codes = set(lookup.loc[lookup["ltla24_code"] == "E06000009", "lsoa21_code"])
    assert {f["properties"]["code"] for f in lsoas} == codes and len(codes) == 94
    published = load("imd2025_lsoa21").set_index("lsoa21_code")["IMD_decile"]
    for feature in lsoas:
        properties = feature["properties"]
        assert int(properties["value"]) == published[properties["code"]]
        assert properties["bin"] == published[properties["code"]] - 1
    assert "IMD 2025 decile of each LSOA" in (tmp_path / "imd.html").read_text(encoding="utf-8")


def _refused(*argv: str) -> str:
    """Run `n4c map` as a person would and return what it printed; it must fail cleanly."""
    result = subprocess.run(
        [sys.executable, "-m", "n4c", "map", *argv], capture_output=True, text=True, timeout=300
    )
    output = result.stdout + result.stderr
    assert result.returncode == 1 and "Traceback" not in output, output
    return " ".join(output.split())


def test_a_council_code_of_the_other_edition_is_refused_naming_the_rule(tmp_path) -> None:
    out = str(tmp_path / "map.svg")
    allerdale = _refused("--what", "imd", "--year", "2025", "--lad", "E07000026", "--out", out)
    assert (
        '"E07000026" (Allerdale) is a 2019 council code, but maps of IoD 2025 use 2024 '
        "councils. Choose IoD 2019 (--year 2019) to map it, or give a 2024 council code."
    ) in allerdale
    cumberland = _refused("--what", "imd", "--lad", "E06000063", "--out", out)
    assert (
        '"E06000063" (Cumberland) is a 2024 council code, but maps of IoD 2019 use 2019 '
        "councils. Choose IoD 2025 (--year 2025)"
    ) in cumberland
    wrong_year = _refused("--what", "imd", "--year", "2024", "--out", out)
    assert '"2024" is not an edition n4c maps; choose 2019' in wrong_year
    assert not (tmp_path / "map.svg").exists()


def test_the_dissolved_2024_ward_shapes_are_stored_for_the_next_run() -> None:
    from n4c.data.cache import cache_dir
    from n4c.maps.shapes import national_ward_shapes

    national_ward_shapes.cache_clear()
    shapes = national_ward_shapes(2024)
    assert len(shapes) == 6_784 and shapes.index.name == "ward24_code"
    assert list((cache_dir() / "results").glob("ward24-shapes-*.json"))


def test_a_2025_grant_map_carries_every_placed_penny_to_2024_wards(tmp_path) -> None:
    """Andrew Lloyd Webber Foundation grants (regions and London boroughs, 2011-based codes)."""
    from n4c.data import dataset_path
    from n4c.maps.layers import _per_head_ward24
    from n4c.spending import (
        GrantStore,
        import_grants,
        load_geography,
        per_head_by_area,
        place_amounts,
    )
    from n4c.spending.analysis import placed_by_area

    grants = dataset_path("boundaries_lsoa11").parent / "360giving" / "a003W000001B7PzQAK.json"
    database = tmp_path / "grants.duckdb"
    import_grants([grants], database=database)
    out = tmp_path / "westminster.geojson"
    args = ["--what", "spending", "--year", "2025", "--lad", "E09000033"]
    result = runner.invoke(app, ["map", *args, "--database", str(database), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "Grant money per head in each 2024 ward" in result.output
    features = _features(out)
    wards = _left_behind_2025_wards()
    assert {f["properties"]["code"] for f in features} == set(
        wards.loc[wards["lad_code"] == "E09000033", "ward_code"]
    )
    assert all(f["properties"]["bin"] > 0 for f in features)  # each ward gets some money
    geography = load_geography()
    with GrantStore(database, read_only=True) as store:
        amounts = place_amounts(placed_by_area(store), geography)
    placed = per_head_by_area(amounts, geography.lsoas, "lad19_code")["amount"].sum()
    carried = _per_head_ward24(amounts, geography.lsoas)["amount"].sum()
    assert round(carried, 2) == round(placed, 2) > 0


def test_a_council_map_stores_its_shapes_for_the_next_run(tmp_path) -> None:
    """The first map of a council stores its LSOAs' shapes; the cache is safe to delete."""
    from n4c.data.cache import cache_dir
    from n4c.maps.shapes import lsoa_shapes_for

    for stored in (cache_dir() / "results").glob("lsoa21-shapes-*.json"):
        stored.unlink()
    lsoa_shapes_for.cache_clear()
    out = tmp_path / "blackpool.svg"
    result = runner.invoke(
        app, ["map", "--what", "imd", "--year", "2025", "--lad", "E06000009", "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    (stored,) = (cache_dir() / "results").glob("lsoa21-shapes-*.json")
    assert len(json.loads(stored.read_text(encoding="utf-8"))["body"]["codes"]) == 94


def test_map_prints_and_writes_english_whatever_a_page_last_asked_for(tmp_path) -> None:
    """The maps' words follow a page's language on the platform; `n4c map` stays in English."""
    out = tmp_path / "blackpool.svg"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "n4c",
            "map",
            "--what",
            "imd",
            "--lad",
            "E06000009",
            "--out",
            str(out),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "Wrote " in result.stdout and ": IMD 2019 decile of each LSOA, 94 areas" in result.stdout
    svg = out.read_text(encoding="utf-8")
    assert "1 (most deprived)" in svg and "(number of areas)" in svg

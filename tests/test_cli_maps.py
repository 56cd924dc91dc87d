"""`n4c map` and `n4c place` end to end."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

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

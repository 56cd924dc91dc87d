"""`n4c leftbehind` run twice: the second run reads the stored result and writes the same file."""

from __future__ import annotations

from pathlib import Path


def test_a_second_run_writes_the_same_table_and_says_the_same(run_n4c, tmp_path: Path) -> None:
    first, second, fresh = (tmp_path / f"{name}.csv" for name in ("first", "second", "fresh"))
    one = run_n4c("leftbehind", "--year", "2019", "--out", str(first))
    two = run_n4c("leftbehind", "--year", "2019", "--out", str(second))
    three = run_n4c("leftbehind", "--year", "2019", "--out", str(fresh), "--no-cache")
    assert first.read_bytes() == second.read_bytes() == fresh.read_bytes()
    outputs = [
        run.stdout.replace(str(path), "OUT")
        for run, path in ((one, first), (two, second), (three, fresh))
    ]
    assert outputs[0] == outputs[1] == outputs[2]
    assert "219 of the 225 published agree" in " ".join(outputs[0].split())
    stored = list((tmp_path / "n4c-data" / "cache" / "results").glob("leftbehind-2019-*.json"))
    assert len(stored) == 1


def test_geojson_for_2025_is_refused_before_any_file_is_written(run_n4c, tmp_path: Path) -> None:
    out = tmp_path / "lsoas.csv"
    result = run_n4c(
        "leftbehind",
        "--year",
        "2025",
        "--out",
        str(out),
        "--geojson",
        str(tmp_path / "x.geojson"),
        check=False,
    )
    assert result.returncode == 1
    assert "GeoJSON output is for ward shapes (2019)" in result.stderr
    assert not out.exists()


def test_2024_wards_are_stored_and_read_back_the_same(run_n4c, tmp_path: Path) -> None:
    first, second = tmp_path / "first.csv", tmp_path / "second.csv"
    arguments = ("leftbehind", "--year", "2025", "--level", "ward", "--top", "3")
    one = run_n4c(*arguments, "--out", str(first))
    two = run_n4c(*arguments, "--out", str(second))
    assert first.read_bytes() == second.read_bytes()
    assert one.stdout.replace(str(first), "OUT") == two.stdout.replace(str(second), "OUT")
    stored = list((tmp_path / "n4c-data" / "cache" / "results").glob("leftbehind-2025-ward24-*"))
    assert len(stored) == 1

"""Benchmark: `n4c map` for England in under 5 s, and the national map's data under 2 MB gzipped.

Runs the command as a user would (a fresh process each time, so nothing is cached in memory;
the dataset cache and the stored results in N4C_DATA_DIR are warmed first), for both IoD
editions (2019 on 2017 wards, 2025 on 2024 wards), England and one council (Blackpool), in
each format, and prints the median of three runs, its ratio to the 5 s goal and the file's size.
Then the GeoJSON's size over the wire (gzip level 6, as web servers send it) against the 2 MB
goal, and what the first run after new data costs once: dissolving England's wards from their
LSOAs (stored afterwards, so later runs read it).

Run: N4C_DATA_MIRROR=../shared/data .venv/bin/python benchmarks/maps.py [--runs N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# Python puts this script's folder first on the path, and benchmarks/platform.py would then
# shadow the standard library's platform module (imported by numpy).
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]

from n4c.maps import YEARS, detail_for, geojson_text, gzip_size, map_layer  # noqa: E402

GOAL_SECONDS = 5.0
GOAL_GZIP_MB = 2.0
#: Blackpool, the council of Bloomfield ward; its code is the same in 2019 and 2024.
COUNCIL = "E06000009"
FORMATS = (".svg", ".png", ".html")


def _run(args: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "n4c", *args], check=True, capture_output=True)
    return time.perf_counter() - started


def _timings(out: Path, runs: int) -> None:
    print(f"{'map':<40}{'median s':>10}{'of goal':>9}{'MB':>8}")
    for year in YEARS:
        cases = [(what, None) for what in ("leftbehind", "imd")] + [("imd", COUNCIL)]
        for what, lad in cases:
            for suffix in FORMATS:
                target = out / f"{year}-{what}-{lad or 'england'}{suffix}"
                args = ["map", "--what", what, "--year", str(year), "--out", str(target)]
                if lad:
                    args += ["--lad", lad]
                seconds = statistics.median(_run(args) for _ in range(runs))
                size = target.stat().st_size / 1e6
                flag = "" if seconds < GOAL_SECONDS else "  (over the goal)"
                name = f"{year} {what} {lad or 'England'} {suffix}"
                print(f"{name:<40}{seconds:>10.2f}{seconds / GOAL_SECONDS:>8.0%}{size:>8.2f}{flag}")


def _data_sizes() -> None:
    for year in YEARS:
        for what in ("leftbehind", "imd"):
            layer = map_layer(what, year=year)  # type: ignore[arg-type]
            text = geojson_text(layer)
            detail = detail_for(layer)
            zipped = gzip_size(text) / 1e6
            print(
                f"GeoJSON {year} {what}: {len(layer.areas):,} wards, {len(text) / 1e6:.2f} MB, "
                f"{zipped:.2f} MB gzipped ({zipped / GOAL_GZIP_MB:.0%} of {GOAL_GZIP_MB} MB); "
                f"tolerance {detail.tolerance_degrees} degrees, {detail.decimals} decimals"
            )


def _first_run_costs() -> None:
    from n4c.maps.shapes import _dissolved_national

    for ward_year in (2017, 2024):
        started = time.perf_counter()
        _dissolved_national(ward_year)  # type: ignore[arg-type]
        print(
            f"Dissolving and simplifying England's {ward_year} wards (once per data version, "
            f"then stored): {time.perf_counter() - started:.2f} s"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="Runs of each map (median shown).")
    runs = parser.parse_args().runs
    print(
        "Load average (1, 5, 15 min) at the start: "
        + ", ".join(f"{v:.1f}" for v in os.getloadavg())
    )
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        for year in YEARS:  # warm the dataset cache and the stored shapes and results
            for what in ("leftbehind", "imd"):
                _run(["map", "--what", what, "--year", str(year), "--out", str(out / "w.svg")])
        _timings(out, runs)
    _data_sizes()
    _first_run_costs()
    print("Load average at the end: " + ", ".join(f"{v:.1f}" for v in os.getloadavg()))


if __name__ == "__main__":
    main()

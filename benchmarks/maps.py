"""Benchmark: `n4c map` for England in under 5 s, and the national map's data under 2 MB gzipped.

Runs the command as a user would (a fresh process each time, so nothing is cached in memory;
the dataset cache in N4C_DATA_DIR is warmed first), for each format, and prints the time,
the file's size and the GeoJSON's size over the wire (gzip level 6, as web servers send it).

Run: N4C_DATA_MIRROR=../shared/data .venv/bin/python benchmarks/maps.py
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

# Python puts this script's folder first on the path, and benchmarks/platform.py would then
# shadow the standard library's platform module (imported by numpy).
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]

from n4c.maps import detail_for, geojson_text, gzip_size, map_layer  # noqa: E402

GOAL_SECONDS = 5.0
GOAL_GZIP_MB = 2.0


def _run(args: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "n4c", *args], check=True, capture_output=True)
    return time.perf_counter() - started


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        _run(["map", "--what", "imd", "--lad", "E06000009", "--out", str(out / "warm.svg")])
        print(f"{'map':<28}{'seconds':>9}{'MB':>8}")
        for what in ("leftbehind", "imd"):
            for suffix in (".svg", ".png", ".html", ".geojson"):
                target = out / f"{what}{suffix}"
                seconds = _run(["map", "--what", what, "--out", str(target)])
                size = target.stat().st_size / 1e6
                flag = "" if seconds < GOAL_SECONDS else "  (over the goal)"
                print(f"{what + suffix:<28}{seconds:>9.2f}{size:>8.2f}{flag}")
        seconds = _run(["map", "--what", "imd", "--lad", "E06000009", "--out", str(out / "b.svg")])
        print(f"{'imd.svg --lad E06000009':<28}{seconds:>9.2f}")
    for what in ("leftbehind", "imd"):
        layer = map_layer(what)  # type: ignore[arg-type]
        text = geojson_text(layer)
        detail = detail_for(layer)
        print(
            f"GeoJSON {what}: {len(layer.areas):,} wards, {len(text) / 1e6:.2f} MB, "
            f"{gzip_size(text) / 1e6:.2f} MB gzipped (goal {GOAL_GZIP_MB} MB); "
            f"tolerance {detail.tolerance_degrees} degrees, {detail.decimals} decimals"
        )


if __name__ == "__main__":
    main()

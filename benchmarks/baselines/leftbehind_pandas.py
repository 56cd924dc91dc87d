"""The 'left behind' ward join as a plain pandas script: the baseline `benchmarks/cli.py` times.

What an analyst would write without n4c: read the four gzip CSVs from the mirror, weight each
LSOA's IMD 2019 score by its mid-2015 population within its ward, rank the wards, and flag those
in the worst tenth on both the IMD and the CNI. No validation, checksums or messages.

Run: ``python benchmarks/baselines/leftbehind_pandas.py MIRROR OUT.csv``
"""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd


def main(mirror: Path, out: Path) -> None:
    scores = pd.read_csv(
        mirror / "imd2019_england_lsoa11_scores.csv.gz", usecols=["lsoa11_code", "IMD_score"]
    )
    lookup = pd.read_csv(mirror / "lookup_lsoa11_ward17.csv.gz")
    population = pd.read_csv(
        mirror / "imd2019_england_lsoa11_population_denominators.csv.gz",
        usecols=["lsoa11_code", "pop_total_mid2015"],
    )
    cni = pd.read_csv(mirror / "cni2019_england_ward17.csv.gz")

    lsoas = scores.merge(lookup, on="lsoa11_code").merge(population, on="lsoa11_code")
    lsoas["weighted"] = lsoas["IMD_score"] * lsoas["pop_total_mid2015"]
    wards = lsoas.groupby("ward17_code").agg(
        population=("pop_total_mid2015", "sum"), weighted=("weighted", "sum")
    )
    wards["imd_score"] = wards["weighted"] / wards["population"]

    table = cni.merge(wards[["population", "imd_score"]], on="ward17_code", how="left")
    table["imd_rank"] = table["imd_score"].rank(ascending=False, method="first")
    scored = int(table["imd_score"].notna().sum())
    table["left_behind"] = (table["imd_rank"] <= scored // 10) & (
        table["Community Needs Index rank"] <= len(table) // 10
    )
    table.to_csv(out, index=False)
    print(f"{int(table['left_behind'].sum())} left-behind wards; wrote {out}.")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))

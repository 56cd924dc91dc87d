"""An area's baseline need from its wards, taken from :func:`n4c.needs.ward_table`."""

from __future__ import annotations

import re
from dataclasses import dataclass

from n4c.errors import InputError

__all__ = ["WardBaseline", "baseline_for_wards", "parse_ward_codes"]

_WARD_CODE = re.compile(r"^E05\d{6}$")


@dataclass(frozen=True)
class WardBaseline:
    population: int
    imd_score: float
    imd_rank: int
    imd_decile: int
    cni_rank: int
    left_behind: bool
    lad19_codes: tuple[str, ...]
    ward_names: tuple[str, ...]


def parse_ward_codes(text: str) -> list[str]:
    """Ward codes from text separated by commas, spaces or new lines, checked for shape."""
    codes = [c.strip().upper() for c in re.split(r"[\s,;]+", text) if c.strip()]
    if not codes:
        raise InputError(
            "Enter at least one ward code, like E05001234.", field="ward17_codes", value=text
        )
    bad = [c for c in codes if not _WARD_CODE.match(c)]
    if bad:
        raise InputError(
            f"{', '.join(bad)} is not a ward code. Enter ward codes (December 2017), like E05001234.",
            field="ward17_codes",
            value=text,
        )
    return list(dict.fromkeys(codes))


def baseline_for_wards(codes: list[str]) -> WardBaseline:
    """IMD 2019, CNI 2019 and population of a group of wards.

    Population is summed, the IMD score is the population-weighted mean, and the ranks and
    decile are the most deprived ward's, because one deeply deprived ward is what brings an
    area to the Network.
    """
    from n4c.needs import ward_table

    table = ward_table().set_index("ward17_code")
    missing = [c for c in codes if c not in table.index]
    if missing:
        raise InputError(
            f"{', '.join(missing)} is not in the Community Needs Index 2019 ward list. "
            "Check the code against the December 2017 wards.",
            field="ward17_codes",
            value=", ".join(missing),
        )
    wards = table.loc[codes]
    scored = wards.dropna(subset=["imd_score", "imd_rank"])
    if scored.empty:
        raise InputError(
            f"{', '.join(codes)} has no IMD 2019 score (no LSOA in the lookup); choose other wards.",
            field="ward17_codes",
            value=", ".join(codes),
        )
    population = int(wards["population"].sum())
    weights = scored["population"].astype(float)
    imd_score = float((scored["imd_score"].astype(float) * weights).sum() / weights.sum())
    return WardBaseline(
        population=population,
        imd_score=round(imd_score, 3),
        imd_rank=int(scored["imd_rank"].min()),
        imd_decile=int(scored["imd_decile"].min()),
        cni_rank=int(wards["cni_rank"].min()),
        left_behind=bool(wards["left_behind"].any()),
        lad19_codes=tuple(dict.fromkeys(wards["lad19_code"])),
        ward_names=tuple(wards["ward17_name"]),
    )

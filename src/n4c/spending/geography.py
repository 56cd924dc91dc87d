"""Where a geographic code sits: its level and the LSOAs (2011) it is made of, with their people.

Grants are placed on English LSOAs 2011 because the IMD 2019 and the 'left behind' wards are
defined on them. A code at a coarser level (MSOA 2011, ward December 2017, local authority
district 2019, region, England) stands for every LSOA inside it; wards use the ONS best-fit
LSOA-to-ward lookup, so a ward is the LSOAs whose centroid falls in it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pandas as pd

from n4c.geography import level_of

__all__ = ["LEVELS", "Geography", "build_geography", "load_geography"]

# Level name → the LSOA table column holding that level's code.
LEVELS: dict[str, str] = {
    "lsoa": "lsoa11_code",
    "msoa": "msoa11_code",
    "ward": "ward17_code",
    "lad": "lad19_code",
    "region": "region19_code",
    "country": "country_code",
}
ENGLAND = "E92000001"

# The list each English level's codes are looked up in, to say which one a code is missing from.
_LEVEL_LISTS = {
    "lsoa": "an LSOA 2011 in the IoD 2019 list",
    "msoa": "an MSOA 2011 in the ONS lookup",
    "ward": "a ward in the December 2017 ward list (the CNI 2019 wards)",
    "lad": "a local authority district of 2019",
    "region": "an English region",
}


@dataclass(frozen=True)
class Geography:
    """LSOAs with their people, and each known area code as a list of LSOAs (rows of ``lsoas``)."""

    lsoas: pd.DataFrame
    area_codes: np.ndarray
    area_levels: np.ndarray
    offsets: np.ndarray
    members: np.ndarray
    index: dict[str, int]

    def place(self, code: str) -> tuple[str | None, str | None]:
        """The level of ``code``, or None and the reason it cannot be placed."""
        position = self.index.get(code)
        if position is not None:
            return str(self.area_levels[position]), None
        return None, _unplaced_reason(code)

    def lsoa_rows(self, code: str) -> np.ndarray:
        """Rows of ``lsoas`` inside the area ``code`` (empty when the code is unknown)."""
        position = self.index.get(code)
        if position is None:
            return np.empty(0, dtype=np.int64)
        return self.members[self.offsets[position] : self.offsets[position + 1]]

    @property
    def population(self) -> np.ndarray:
        return self.lsoas["population"].to_numpy(dtype=np.int64)


def _unplaced_reason(code: str) -> str:
    prefix = code[:3]
    listed = _LEVEL_LISTS.get(level_of(code) or "") if code.startswith("E") else None
    if listed:
        return f'"{code}" is not {listed}, so n4c cannot place it.'
    if prefix in {"K02", "K03", "K04"}:
        return (
            f'"{code}" covers the UK or Great Britain; n4c maps England only and cannot tell '
            "what share reached England."
        )
    if code[:1] in {"S", "W", "N", "L", "M"}:
        return f'"{code}" is outside England; n4c maps English areas only.'
    if prefix == "E10":
        return f'"{code}" is a county; n4c has no county lookup yet, so it cannot place it.'
    return (
        f'"{code}" is not a code n4c can place; it reads LSOA (E01), MSOA (E02), ward (E05), '
        "local authority (E06 to E09), region (E12) and England (E92000001) codes."
    )


def build_geography(lsoas: pd.DataFrame, regions: pd.DataFrame) -> Geography:
    """Index every LSOA, MSOA, ward, district, region and England by the LSOAs inside it.

    ``lsoas`` has at least ``lsoa11_code, msoa11_code, ward17_code, lad19_code, population``
    (as :func:`n4c.needs.lsoa_table` returns); ``regions`` maps ``lad19_code`` to
    ``region19_code``.
    """
    table = lsoas.reset_index(drop=True).copy()
    region_of = regions.set_index("lad19_code")["region19_code"]
    table["region19_code"] = region_of.reindex(table["lad19_code"]).to_numpy()
    table["country_code"] = ENGLAND
    codes: list[np.ndarray] = []
    levels: list[np.ndarray] = []
    rows: list[np.ndarray] = []
    for level, column in LEVELS.items():
        present = table[column].notna().to_numpy()
        values = table.loc[present, column].astype(str).to_numpy()
        codes.append(values)
        levels.append(np.full(len(values), level, dtype=object))
        rows.append(np.flatnonzero(present))
    all_codes = np.concatenate(codes)
    all_levels = np.concatenate(levels)
    all_rows = np.concatenate(rows)
    order = np.lexsort((all_rows, all_codes))
    all_codes, all_levels, all_rows = all_codes[order], all_levels[order], all_rows[order]
    starts = np.flatnonzero(np.r_[True, all_codes[1:] != all_codes[:-1]])
    offsets = np.r_[starts, len(all_codes)].astype(np.int64)
    area_codes = all_codes[starts]
    return Geography(
        lsoas=table,
        area_codes=area_codes,
        area_levels=all_levels[starts],
        offsets=offsets,
        members=all_rows.astype(np.int64),
        index={str(code): i for i, code in enumerate(area_codes)},
    )


@lru_cache(maxsize=1)
def _load_geography() -> Geography:
    from n4c.data.regions import lad_regions
    from n4c.needs import lsoa_table

    return build_geography(lsoa_table(2019), lad_regions())


def load_geography() -> Geography:
    """The English geography of 2019: LSOAs 2011 with IMD 2019, wards 2017, districts 2019."""
    return _load_geography()

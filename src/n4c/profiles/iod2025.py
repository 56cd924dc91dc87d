"""Profiles on the IoD 2025 geographies: a 2024 ward, a 2024 council, an LSOA 2021 or a group
of 2024 wards or LSOAs 2021 (a platform area).

Every figure comes from ``n4c.needs``, never worked out again here:

- the IMD 2025 headline from the published LSOA 2021 ranks and deciles, from
  :func:`n4c.needs.ward24_table` (n4c's population-weighted estimate for 2024 wards), from
  :func:`n4c.needs.summarise_imd` (councils) or from :func:`n4c.needs.summarise_area` (groups);
- each domain against England, the council (2024) and the region, as the share of residents in
  LSOAs 2021 among England's most deprived tenth on it, and the ward's or LSOA's own ranks
  (:func:`n4c.needs.ward24_table`, :func:`n4c.needs.lsoa21_domains`);
- the change between editions from :func:`n4c.needs.find_change` (earlier editions carried to
  LSOA 2021 through the ONS lookup and its U, S, M and X change codes);
- 'left behind' on n4c's 2025 estimate, beside OCSI's published 2019 list on the December 2017
  wards that best fit the place (:func:`n4c.needs.summarise_area`).
"""

from __future__ import annotations

import csv
import io
from functools import lru_cache

import numpy as np
import pandas as pd

from n4c.data import lad_regions, load, population_for_2025
from n4c.errors import InputError
from n4c.places import Place
from n4c.profiles.model import (
    Comparison,
    EditionFigure,
    LeftBehindStatus,
    ProfileArea,
)
from n4c.words import gettext as _
from n4c.words import gettext_noop, ngettext

__all__ = ["PROFILED_2025", "area_for_codes", "area_for_place_2025", "build_parts_2025"]

#: The edition of each kind of place profiled on the IoD 2025.
PROFILED_2025 = {"ward": 2024, "council": 2024, "lsoa": 2021}

#: The IoD 2025 File 7 column stem of each IMD measure whose stem differs from the 2019 one.
_STEMS_2025 = {"barriers": "Housing_and_Services"}

#: The CNI 2023 LSOA file's score column for each CNI measure.
_CNI_2023 = {
    "cni": "Community Needs Index 2023 Score",  # untranslated: a column of the data file
    "civic_assets": "Civic Assets Domain Score",  # untranslated: a column of the data file
    "connectedness": "Connectedness Domain Score",  # untranslated: a column of the data file
    "engaged_community": "Active and Engaged Community Domain Score",  # untranslated: a column
}
_CNI_2023_RANKS = {key: column.replace("Score", "Rank") for key, column in _CNI_2023.items()}


# ---------------------------------------------------------------------------------------------
# The LSOA 2021 table every comparison is summed from


@lru_cache(maxsize=1)
def _lsoas() -> pd.DataFrame:
    from n4c.profiles.build import IMD_MEASURES

    lookup = load("lookup_lsoa21_ward24_lad24")
    lookup = lookup[lookup["lsoa21_code"].str.startswith("E")].set_index("lsoa21_code")
    people = population_for_2025().frame.set_index("lsoa21_code")["population"]
    imd = load("imd2025_lsoa21").set_index("lsoa21_code").reindex(lookup.index)
    cni = load("cni2023_lsoa21").set_index("lsoa21_code").reindex(lookup.index)
    # Councils changed between 2019 and 2024 inside regions, so an LSOA 2021's region is that
    # of the 2019 council of an LSOA 2011 it came from.
    change = load("lookup_lsoa11_lsoa21").drop_duplicates("lsoa21_code").set_index("lsoa21_code")
    lad19 = load("imd2019_population_denominators").set_index("lsoa11_code")["lad19_code"]
    regions = lad_regions().set_index("lad19_code")["region19_name"]
    region = change["lsoa11_code"].map(lad19).map(regions).reindex(lookup.index)
    table = pd.DataFrame(
        {
            "population": people.reindex(lookup.index).astype(float),
            "lad_code": lookup["ltla24_code"],
            "lad_name": lookup["ltla24_name"],
            "ward24_code": lookup["ward24_code"],
            "region": region,
        }
    )
    for key, stem, _name, _meaning in IMD_MEASURES:
        column = f"{_STEMS_2025.get(key, stem)}_decile"
        table[key] = (imd[column] == 1).astype(float)
    for key, column in _CNI_2023.items():
        table[key] = pd.to_numeric(cni[column], errors="coerce")
    return table


# ---------------------------------------------------------------------------------------------
# The place


def area_for_place_2025(place: Place) -> ProfileArea:
    """The LSOAs 2021 and wards of a 2024 ward, a 2024 council or an LSOA 2021."""
    lsoas = _lsoas()
    if place.kind == "ward":
        rows = lsoas[lsoas["ward24_code"] == place.code]
    elif place.kind == "council":
        rows = lsoas[lsoas["lad_code"] == place.code]
    else:
        rows = lsoas.loc[lsoas.index == place.code]
    if rows.empty:
        raise InputError(
            f"{place.label} has no LSOA in the ONS lookup of LSOAs 2021 to 2024 wards, so n4c "
            "holds no figures for it.",
            field="PLACE",
            value=place.code,
        )
    geography = "ward24" if place.kind == "ward" else "lsoa21"
    codes = [place.code] if place.kind == "ward" else list(rows.index)
    return _area(place.kind, place.code, place.name, geography, codes, rows)


def area_for_codes(name: str, geography: str, codes: list[str], *, code: str = "") -> ProfileArea:
    """A group of 2024 wards or LSOAs 2021 (a platform area) as the place of a profile."""
    from n4c.needs import check_area_codes

    found = check_area_codes(geography, codes)
    lsoas = _lsoas()
    column = "ward24_code" if geography == "ward24" else None
    rows = lsoas[lsoas[column].isin(found)] if column else lsoas.loc[lsoas.index.isin(found)]
    if rows.empty:
        raise InputError(
            _("None of %(codes)s has an LSOA in the lookup, so n4c holds no figures for them.")
            % {"codes": ", ".join(found)},
            field="codes",
            value=", ".join(found),
        )
    return _area("area", code, name, geography, found, rows)


def _area(
    kind, code: str, name: str, geography: str, codes: list[str], rows: pd.DataFrame
) -> ProfileArea:
    from n4c.needs import area_lsoas

    lsoa11, lsoa21 = area_lsoas(geography, codes)
    council = str(rows["lad_code"].mode().iloc[0])
    return ProfileArea(
        kind=kind,
        code=code,
        name=name,
        lsoa11_codes=tuple(lsoa11),
        ward17_codes=(),
        council_code=council,
        council_name=str(rows.loc[rows["lad_code"] == council, "lad_name"].iloc[0]),
        region_name=str(rows["region"].mode().iloc[0]),
        edition=2025,
        lsoa21_codes=tuple(lsoa21),
        ward24_codes=tuple(codes)
        if geography == "ward24"
        else tuple(dict.fromkeys(rows["ward24_code"])),
        geography=geography,
    )


# ---------------------------------------------------------------------------------------------
# The figures


def _comparisons(area: ProfileArea) -> list[Comparison]:
    from n4c.profiles.build import measure_comparisons

    lsoas = _lsoas()
    mine = lsoas.loc[list(area.lsoa21_codes)]
    council = lsoas[lsoas["lad_code"] == area.council_code]
    region = lsoas[lsoas["region"] == area.region_name]
    groups = (mine, council, region, lsoas)
    return measure_comparisons(groups, groups)


def _ranked(comparisons: list[Comparison], area: ProfileArea) -> list[Comparison]:
    """The 2024 ward's or LSOA's own rank (and decile) on the IMD, the CNI and each domain."""
    from dataclasses import replace

    from n4c.needs import deciles, lsoa21_domains, ward24_table

    if area.kind == "ward":
        table = ward24_table().set_index("ward_code")
        row = table.loc[area.code].to_dict()
        among = "wards"
        ranks = {c.key: row.get(f"{c.key}_rank") for c in comparisons}
        ranks["imd"], ranks["cni"] = row["imd_rank"], row["cni_rank"]
    else:
        table = lsoa21_domains()
        row = table.loc[area.code].to_dict()
        among = "LSOAs"
        ranks = {c.key: row.get(f"{c.key}_rank") for c in comparisons}
        published = load("imd2025_lsoa21").set_index("lsoa21_code").loc[area.code].to_dict()
        cni = load("cni2023_lsoa21").set_index("lsoa21_code").loc[area.code].to_dict()
        ranks["imd"], ranks["cni"] = published["IMD_rank"], cni[_CNI_2023_RANKS["cni"]]
    n = len(table)
    ranked = []
    for item in comparisons:
        rank = ranks.get(item.key)
        if rank is None or pd.isna(rank):
            ranked.append(item)
            continue
        decile = int(deciles(np.array([int(rank)]), n)[0])
        ranked.append(replace(item, rank=int(rank), rank_of=n, decile=decile, ranked_among=among))
    return ranked


def _headline(area: ProfileArea, need) -> tuple[float, int, int, int, str, int]:
    """Score, rank, rank among how many, decile, geography and population of the area."""
    from n4c.needs import ward24_table

    if area.kind == "ward":
        wards = ward24_table()
        ward = wards.set_index("ward_code").loc[area.code].to_dict()
        return (
            float(ward["imd_score"]),
            int(ward["imd_rank"]),
            len(wards),
            int(ward["imd_decile"]),
            gettext_noop("wards (2024), n4c's estimate from their LSOAs"),
            int(ward["population"]),
        )
    if area.kind == "council":
        from n4c.profiles.build import council_headline

        return council_headline(2025, area.code, gettext_noop("councils (2024), by average score"))
    if area.kind == "lsoa":
        published = load("imd2025_lsoa21").set_index("lsoa21_code")
        lsoa = published.loc[area.code].to_dict()
        return (
            float(lsoa["IMD_score"]),
            int(lsoa["IMD_rank"]),
            len(published),
            int(lsoa["IMD_decile"]),
            gettext_noop("LSOAs (2021)"),
            int(_lsoas().loc[area.code].to_dict()["population"]),
        )
    edition = need.imd2025
    population = need.lsoa21.population if area.geography == "lsoa21" else edition.population
    return (
        edition.imd_score,
        edition.imd_rank,
        edition.wards_ranked,
        edition.imd_decile,
        _("wards (2024), the most deprived of the wards; n4c's estimate")
        if edition.fit == "as drawn"
        else _("wards (2024), the most deprived of the wards that best fit it; n4c's estimate"),
        int(population),
    )


def _editions(area: ProfileArea, need) -> tuple[list[EditionFigure], str]:
    if area.kind == "area":
        before, after = need.imd2019, need.imd2025
        how17 = (
            gettext_noop("most deprived ward, best fit")
            if before.fit == "best fit"
            else gettext_noop("most deprived ward, as drawn")
        )
        return (
            [
                EditionFigure(
                    2019,
                    before.imd_rank,
                    before.wards_ranked,
                    before.imd_decile,
                    gettext_noop("wards (December 2017)"),
                    how=how17,
                ),
                EditionFigure(
                    2025,
                    after.imd_rank,
                    after.wards_ranked,
                    after.imd_decile,
                    gettext_noop("wards (2024)"),
                    how=gettext_noop("most deprived ward, n4c's estimate"),
                ),
            ],
            need.change,
        )
    level = {"ward": "ward", "council": "lad", "lsoa": "lsoa"}[area.kind]
    geography = {
        "ward": gettext_noop("wards (2024)"),
        "council": gettext_noop("councils (2024)"),
        "lsoa": gettext_noop("LSOAs (2021)"),
    }
    figures: dict[int, EditionFigure] = {}
    counts: dict[int, int] = {}
    note = ""
    from n4c.needs import find_change

    for from_year in (2015, 2019):
        change = find_change(from_year, 2025, level=level)
        rows = list(csv.DictReader(io.StringIO(change.csv)))
        if not rows:
            continue
        code_column = next(iter(rows[0]))
        for year in (from_year, 2025):
            counts.setdefault(year, sum(1 for r in rows if r.get(f"rank_{year}")))
        row = next((r for r in rows if r[code_column] == area.code), None)
        if row is None:
            continue
        if row.get("change_code") == "X":
            note = _(
                "The ONS lookup marks this LSOA's change from 2011 as irregular, so n4c shows "
                "no earlier edition for it."
            )
        for year in (from_year, 2025):
            if year in figures or not row.get(f"rank_{year}"):
                continue
            how = _how(area, year, row.get("change_code", ""))
            figures[year] = EditionFigure(
                year=year,
                rank=int(float(row[f"rank_{year}"])),
                rank_of=counts[year],
                decile=int(float(row[f"decile_{year}"])),
                geography=geography[area.kind],
                how=how,
            )
    return [figures[year] for year in sorted(figures)], note


def _how(area: ProfileArea, year: int, change_code: str) -> str:
    if year == 2025:
        return {
            "lsoa": gettext_noop("published"),
            "council": gettext_noop("n4c's summary of its LSOAs 2021"),
        }.get(area.kind, gettext_noop("n4c's estimate from LSOAs 2021"))
    if area.kind == "lsoa":
        return {
            "U": gettext_noop("published (LSOA unchanged since 2011)"),
            "S": gettext_noop("published for the 2011 LSOA it was split from"),
            "M": gettext_noop("n4c's estimate for the merged 2011 LSOAs"),
        }.get(change_code, gettext_noop("carried from LSOAs 2011"))
    return gettext_noop("n4c's estimate, carried from LSOAs 2011")


def _best_fit_names(need) -> str:
    names = ", ".join(need.ward17.ward17_names)
    return names or _("none")


def _left_behind(area: ProfileArea, need) -> LeftBehindStatus:
    from n4c.needs import ward24_table, ward_table

    wards24 = ward24_table().set_index("ward_code")
    ours24 = wards24.reindex([c for c in area.ward24_codes if c in wards24.index])
    ours_n4c = int(ours24["left_behind"].fillna(False).astype(bool).sum())
    wards17 = ward_table(2019).set_index("ward17_code")
    best17 = wards17.reindex([c for c in need.ward17.ward17_codes if c in wards17.index])
    ours_ocsi = int(best17["left_behind_published"].fillna(False).astype(bool).sum())
    names = _best_fit_names(need)
    n4c_label = gettext_noop("n4c's own estimate (IMD 2025, CNI 2023, 2024 wards)")
    ocsi_label = ngettext(
        "OCSI's list (2019, best-fit December 2017 ward: %(names)s)",
        "OCSI's list (2019, best-fit December 2017 wards: %(names)s)",
        len(best17),
    ) % {"names": names}
    if area.kind == "council":
        ocsi_label = gettext_noop(
            "OCSI's list (2019, the December 2017 wards that best fit the council)"
        )
        n4c, ocsi = ours_n4c > 0, ours_ocsi > 0
        sentence = _(
            "n4c's own estimate for 2025 counts %(n4c)s of the council's %(wards)s wards as "
            "having high need and few places or groups to help. OCSI's 2019 list counts "
            "%(ocsi)s of the %(older)s older wards that best fit the council."
        ) % {"n4c": ours_n4c, "wards": len(ours24), "ocsi": ours_ocsi, "older": len(best17)}
    else:
        n4c = need.imd2025.left_behind if area.kind == "area" else ours_n4c > 0
        ocsi = need.ward17.left_behind_published
        first = _n4c_2025_sentence(area.kind, n4c)
        second = _ocsi_2019_sentence(n4c, ocsi, len(best17)) % {"names": names}
        sentence = f"{first} {second}"
    return LeftBehindStatus(
        n4c=n4c,
        ocsi=ocsi,
        wards_n4c=ours_n4c,
        wards_ocsi=ours_ocsi,
        wards=len(ours24),
        sentence=sentence,
        n4c_label=n4c_label,
        ocsi_label=ocsi_label,
        wards_ocsi_of=len(best17),
    )


#: Whether n4c's own 2025 estimate counts a place as left behind: (counts, does not count).
_N4C_2025 = {
    "ward": (
        gettext_noop(
            "n4c's own estimate for 2025 counts this ward as having high need and few places "
            "or groups to help."
        ),
        gettext_noop(
            "n4c's own estimate for 2025 does not count this ward as having high need and few "
            "places or groups to help."
        ),
    ),
    "lsoa": (
        gettext_noop(
            "n4c's own estimate for 2025 counts the ward this LSOA is in as having high need "
            "and few places or groups to help."
        ),
        gettext_noop(
            "n4c's own estimate for 2025 does not count the ward this LSOA is in as having "
            "high need and few places or groups to help."
        ),
    ),
    "area": (
        gettext_noop(
            "n4c's own estimate for 2025 counts this area as having high need and few places "
            "or groups to help."
        ),
        gettext_noop(
            "n4c's own estimate for 2025 does not count this area as having high need and few "
            "places or groups to help."
        ),
    ),
}


def _n4c_2025_sentence(kind: str, n4c: bool) -> str:
    counts, does_not = _N4C_2025[kind]
    return _(counts) if n4c else _(does_not)


def _ocsi_2019_sentence(n4c: bool, ocsi: bool, wards: int) -> str:
    """What OCSI's 2019 list says of the older wards that best fit the place, with %(names)s."""
    if ocsi and n4c:
        return ngettext(
            "OCSI's 2019 list also counts the older ward that best fits it (%(names)s).",
            "OCSI's 2019 list also counts the older wards that best fit it (%(names)s).",
            wards,
        )
    if ocsi:
        return ngettext(
            "OCSI's 2019 list counts the older ward that best fits it (%(names)s).",
            "OCSI's 2019 list counts the older wards that best fit it (%(names)s).",
            wards,
        )
    return ngettext(
        "OCSI's 2019 list does not count the older ward that best fits it (%(names)s).",
        "OCSI's 2019 list does not count the older wards that best fit it (%(names)s).",
        wards,
    )


def build_parts_2025(area: ProfileArea) -> dict:
    """The figures of a profile on the IoD 2025: headline, comparisons, editions and flags."""
    from n4c.needs import summarise_area

    if area.kind == "ward":
        need = summarise_area("ward24", [area.code])
    else:
        need = summarise_area("lsoa21" if area.kind != "area" else area.geography, _codes(area))
    score, rank, rank_of, decile, geography, population = _headline(area, need)
    comparisons = _comparisons(area)
    if area.kind in ("ward", "lsoa"):
        comparisons = _ranked(comparisons, area)
    editions, editions_note = _editions(area, need)
    notes = []
    if area.kind == "lsoa":
        notes.append(
            _("The 'left behind' test is for wards, so this LSOA shows the answer for its ward.")
        )
    if area.kind != "lsoa":
        notes.append(
            _(
                "The IMD 2025 is published for LSOAs and councils. n4c works out the figures for "
                "2024 wards from their LSOAs, weighted by population."
            )
        )
    return {
        "area": area,
        "score": score,
        "rank": rank,
        "rank_of": rank_of,
        "decile": decile,
        "geography": geography,
        "population": population,
        "comparisons": comparisons,
        "editions": editions,
        "editions_sentence": editions_note,
        "left_behind": _left_behind(area, need),
        "notes": notes,
        "ward17_codes": tuple(need.ward17.ward17_codes),
    }


def _codes(area: ProfileArea) -> list[str]:
    if area.kind == "area" and area.geography == "ward24":
        return list(area.ward24_codes)
    return list(area.lsoa21_codes)

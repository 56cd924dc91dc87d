"""Gathering a neighbourhood profile: :func:`build_profile` takes its figures from n4c's packages.

A profile is of one place or of a group of places (a platform area), on the edition whose
geography the place belongs to:

- **IMD 2019**: a December 2017 ward, a 2019 council, an LSOA 2011 or a group of 2017 wards.
  The IMD from :func:`n4c.needs.ward_table`, :func:`n4c.needs.summarise_imd` or the published
  LSOA ranks, the domains from the published LSOA deciles and
  :func:`n4c.needs.ward17_domains`, the editions from :func:`n4c.needs.compare_editions` and
  the 'left behind' answers from the ward table. A 2017 ward's editions add the IMD 2025 of
  the 2024 wards that best fit it (:func:`n4c.needs.summarise_area`), labelled as such.
- **IMD 2025**: a 2024 ward, a 2024 council, an LSOA 2021 or a group of 2024 wards or LSOAs
  2021, built in :mod:`n4c.profiles.iod2025`.

A built profile is kept in the result store (:func:`n4c.data.cache.stored_result`) under a key
made of its place, its assets, every input dataset's checksum and the source of the modules
that build it, so the next run for the same place reads one file.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

import numpy as np
import pandas as pd

from n4c.data import get_dataset, lad_regions, load
from n4c.errors import InputError
from n4c.places import Place
from n4c.profiles.model import (
    Comparison,
    EditionFigure,
    LeftBehindStatus,
    MapPoint,
    Profile,
    ProfileArea,
    Source,
)
from n4c.rights.assets import Asset
from n4c.words import gettext as _
from n4c.words import gettext_noop

__all__ = [
    "PROFILE_DATASETS",
    "area_for_place",
    "area_for_wards",
    "build_profile",
    "data_version",
]

#: The edition of each kind of place profiled on the IMD 2019.
_PROFILED = {"ward": 2017, "council": 2019, "lsoa": 2011}

#: The datasets a profile reads, whose checksums make its data version (with the dataset that
#: weights IoD 2025 figures, :func:`n4c.data.registry.population_dataset_2025`).
PROFILE_DATASETS = (
    "imd2019_lsoa11",
    "imd2019_lsoa11_scores",
    "imd2019_population_denominators",
    "imd2019_indicators",
    "imd2015_lsoa11",
    "imd2025_lsoa21",
    "imd2025_indicators",
    "cni2019_ward17",
    "cni2023_lsoa21",
    "lookup_lsoa11_ward17",
    "lookup_lsoa11_lsoa21",
    "lookup_lsoa21_ward24_lad24",
    "boundaries_lsoa11",
    "boundaries_lsoa21",
)

#: The datasets each edition's profile names as its sources, in the order shown.
_SOURCES = {
    2019: (
        "imd2019_lsoa11",
        "imd2019_population_denominators",
        "imd2015_lsoa11",
        "imd2025_lsoa21",
        "cni2019_ward17",
        "lookup_lsoa11_ward17",
        "boundaries_lsoa11",
    ),
    2025: (
        "imd2025_lsoa21",
        "population",
        "cni2023_lsoa21",
        "imd2019_lsoa11",
        "imd2015_lsoa11",
        "cni2019_ward17",
        "lookup_lsoa21_ward24_lad24",
        "lookup_lsoa11_lsoa21",
        "lookup_lsoa11_ward17",
        "boundaries_lsoa21",
    ),
}

#: When each source was published, or the date it describes.
_DATES = {
    "imd2019_lsoa11": gettext_noop("published September 2019"),
    "imd2019_population_denominators": gettext_noop(
        "mid-2015 populations, published September 2019"
    ),
    "imd2015_lsoa11": gettext_noop("published September 2015"),
    "imd2025_lsoa21": gettext_noop("published October 2025"),
    "imd2025_population_denominators": gettext_noop("mid-2022 populations, published October 2025"),
    "population21_lsoa21_census": gettext_noop("Census day, 21 March 2021"),
    "cni2019_ward17": gettext_noop("2019, on December 2017 wards"),
    "cni2023_lsoa21": gettext_noop("2023, on LSOAs 2021"),
    "lookup_lsoa11_ward17": gettext_noop("December 2017 wards"),
    "lookup_lsoa11_lsoa21": gettext_noop("LSOAs 2011 to 2021"),
    "lookup_lsoa21_ward24_lad24": gettext_noop("2024 wards and councils"),
    "boundaries_lsoa11": gettext_noop("LSOAs 2011"),
    "boundaries_lsoa21": gettext_noop("LSOAs December 2021"),
}

#: The IMD and its seven domains: key, column stem in the IoD 2019 File 7, name, meaning.
IMD_MEASURES = (
    (
        "imd",
        "IMD",
        gettext_noop("Index of Multiple Deprivation"),
        gettext_noop(
            "This brings the seven topics below together into one measure of how hard life is here."
        ),
    ),
    (
        "income",
        "Income",
        gettext_noop("Income"),
        gettext_noop("This counts people who live on a low income."),
    ),
    (
        "employment",
        "Employment",
        gettext_noop("Employment"),
        gettext_noop(
            "This counts people who want to work but cannot, through illness or lack of jobs."
        ),
    ),
    (
        "education",
        "Education",
        gettext_noop("Education, skills and training"),
        gettext_noop("This shows how well children do at school and how many adults lack skills."),
    ),
    (
        "health",
        "Health",
        gettext_noop("Health and disability"),
        gettext_noop("This shows how many people die young, are ill or have a disability."),
    ),
    (
        "crime",
        "Crime",
        gettext_noop("Crime"),
        gettext_noop("This shows how likely people are to be a victim of crime."),
    ),
    (
        "barriers",
        "Housing_and_Access",
        gettext_noop("Barriers to housing and services"),
        gettext_noop(
            "This shows how hard it is to find a home you can afford and reach shops and services."
        ),
    ),
    (
        "living_environment",
        "Environment",
        gettext_noop("Living environment"),
        gettext_noop("This shows the state of homes and of the air and roads outside them."),
    ),
)

#: The Community Needs Index and its three domains: key, name, meaning.
CNI_MEASURES = (
    (
        "cni",
        gettext_noop("Community Needs Index"),
        gettext_noop("A higher score means the ward has more need for help."),
    ),
    (
        "civic_assets",
        gettext_noop("Civic assets"),
        gettext_noop("This counts places to meet, such as halls, pubs, libraries and parks."),
    ),
    (
        "connectedness",
        gettext_noop("Connectedness"),
        gettext_noop("This shows how easy it is to reach jobs and services, by bus or online."),
    ),
    (
        "engaged_community",
        gettext_noop("Engaged community"),
        gettext_noop(
            "This shows how much people take part in local life, such as voting or helping out."
        ),
    ),
)


def data_version() -> str:
    """The pinned checksums of the profile's datasets, shortened: a new file, a new version."""
    import hashlib

    from n4c.data.registry import population_dataset_2025

    names = (*PROFILE_DATASETS, population_dataset_2025())
    joined = "".join(get_dataset(name).sha256 or name for name in names)
    return hashlib.sha256(joined.encode()).hexdigest()[:16]


# ---------------------------------------------------------------------------------------------
# The LSOA table every comparison is summed from


@lru_cache(maxsize=1)
def _lsoas() -> pd.DataFrame:
    people = load("imd2019_population_denominators").set_index("lsoa11_code")
    deciles = load("imd2019_lsoa11").set_index("lsoa11_code")
    regions = lad_regions().set_index("lad19_code")["region19_name"]
    ward = load("lookup_lsoa11_ward17").set_index("lsoa11_code")["ward17_code"]
    table = pd.DataFrame(
        {
            "population": people["pop_total_mid2015"].astype(float),
            "lad19_code": people["lad19_code"],
            "region": people["lad19_code"].map(regions),
            "ward17_code": ward.reindex(people.index),
        }
    )
    for key, stem, _name, _meaning in IMD_MEASURES:
        table[key] = (deciles[f"{stem}_decile"].reindex(people.index) == 1).astype(float)
    return table


@lru_cache(maxsize=1)
def _wards() -> pd.DataFrame:
    from n4c.needs import ward17_domains, ward_table

    wards = ward_table(2019).set_index("ward17_code")
    domains = ward17_domains()
    table = wards[["ward17_name", "lad19_code", "lad19_name", "population", "cni_score"]].copy()
    table["cni"] = table["cni_score"]
    for key, _name, _meaning in CNI_MEASURES[1:]:
        table[key] = domains[f"{key}_score"].reindex(table.index).astype(float)
    table["region"] = table["lad19_code"].map(
        lad_regions().set_index("lad19_code")["region19_name"]
    )
    return table


def _share(rows: pd.DataFrame, key: str) -> float:
    weights = rows["population"].to_numpy(dtype=float)
    return float(np.average(rows[key].to_numpy(dtype=float), weights=weights))


def _cni_mean(rows: pd.DataFrame, key: str) -> float:
    rows = rows.dropna(subset=[key])
    if rows.empty:
        return float("nan")
    return float(np.average(rows[key].to_numpy(dtype=float), weights=rows["population"]))


def measure_comparisons(
    lsoas: tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame, pd.DataFrame],
    cni_rows: tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame, pd.DataFrame],
) -> list[Comparison]:
    """The IMD, its domains and the CNI measures for the area, its council, its region and
    England, each given as (area, council, region, England) rows weighted by ``population``:
    LSOA rows for the IMD (shares in the most deprived tenth), LSOA or ward rows for the CNI."""
    result = [
        Comparison(
            key=key,
            name=name,
            group="imd",
            area=_share(lsoas[0], key),
            council=_share(lsoas[1], key),
            region=_share(lsoas[2], key),
            england=_share(lsoas[3], key),
            meaning=meaning,
        )
        for key, _stem, name, meaning in IMD_MEASURES
    ]
    result.extend(
        Comparison(
            key=key,
            name=name,
            group="cni",
            area=_cni_mean(cni_rows[0], key),
            council=_cni_mean(cni_rows[1], key),
            region=_cni_mean(cni_rows[2], key),
            england=_cni_mean(cni_rows[3], key),
            meaning=meaning,
        )
        for key, name, meaning in CNI_MEASURES
    )
    return result


def _comparisons(area: ProfileArea) -> list[Comparison]:
    lsoas = _lsoas()
    mine = lsoas.loc[list(area.lsoa11_codes)]
    council = lsoas[lsoas["lad19_code"] == area.council_code]
    region = lsoas[lsoas["region"] == area.region_name]
    wards = _wards()
    ours = wards.loc[[c for c in area.ward17_codes if c in wards.index]]
    council_wards = wards[wards["lad19_code"] == area.council_code]
    region_wards = wards[wards["region"] == area.region_name]
    return measure_comparisons(
        (mine, council, region, lsoas), (ours, council_wards, region_wards, wards)
    )


def _with_ward_ranks(
    comparisons: list[Comparison], ward17_code: str, imd: tuple[int, int, int]
) -> list[Comparison]:
    """The ward's own rank and decile among England's wards on the IMD and each domain."""
    from dataclasses import replace

    from n4c.needs import ward17_domains

    table = ward17_domains()
    domains = table.loc[ward17_code]
    ranked = []
    for item in comparisons:
        if item.key == "imd":
            ranked.append(replace(item, rank=imd[0], rank_of=imd[1], decile=imd[2]))
            continue
        rank = domains.get(f"{item.key}_rank")
        decile = domains.get(f"{item.key}_decile")
        if rank is None or pd.isna(rank):
            ranked.append(item)
            continue
        ranked.append(
            replace(
                item,
                rank=int(rank),
                rank_of=int(table[f"{item.key}_rank"].notna().sum()),
                decile=None if decile is None or pd.isna(decile) else int(decile),
            )
        )
    return ranked


# ---------------------------------------------------------------------------------------------
# The place


def area_for_place(place: Place) -> ProfileArea:
    """The wards and LSOAs of a place n4c found (:func:`n4c.places.resolve_place`).

    A 2017 ward, 2019 council or LSOA 2011 is profiled on the IMD 2019; a 2024 ward, 2024
    council or LSOA 2021 on the IMD 2025.
    """
    from n4c.profiles.iod2025 import PROFILED_2025, area_for_place_2025

    if (place.kind, place.edition) in PROFILED_2025.items():
        return area_for_place_2025(place)
    if (place.kind, place.edition) not in _PROFILED.items():
        raise InputError(
            f"{place.label} is in the {place.edition} boundaries; profiles use the IMD 2019 "
            "areas (December 2017 wards, 2019 councils and 2011 LSOAs) and the IMD 2025 areas "
            "(2024 wards and councils and 2021 LSOAs).",
            field="PLACE",
            value=place.code,
            hint=f"Find the matching area with `n4c place {place.name!r}`.",  # untranslated: CLI only
        )
    lsoas = _lsoas()
    if place.kind == "ward":
        rows = lsoas[lsoas["ward17_code"] == place.code]
        if rows.empty:
            raise InputError(
                f"{place.label} has no LSOA in the lookup, so n4c holds no figures for it.",
                field="PLACE",
                value=place.code,
            )
        wards: tuple[str, ...] = (place.code,)
    elif place.kind == "council":
        rows = lsoas[lsoas["lad19_code"] == place.code]
        table = _wards()
        wards = tuple(table.index[table["lad19_code"] == place.code])
    else:
        rows = lsoas.loc[[place.code]]
        wards = tuple(rows["ward17_code"].dropna())
    council = str(rows["lad19_code"].mode().iloc[0])
    return ProfileArea(
        kind=place.kind,
        code=place.code,
        name=place.name,
        lsoa11_codes=tuple(rows.index),
        ward17_codes=wards,
        council_code=council,
        council_name=_council_name(council),
        region_name=str(lsoas.loc[rows.index[0], "region"]),
    )


def area_for_wards(name: str, ward17_codes: Sequence[str], *, code: str = "") -> ProfileArea:
    """A group of December 2017 wards (a platform area) as the place of a profile."""
    lsoas = _lsoas()
    codes = tuple(dict.fromkeys(ward17_codes))
    rows = lsoas[lsoas["ward17_code"].isin(codes)]
    if rows.empty:
        raise InputError(
            _(
                "None of the wards %(codes)s has an LSOA in the lookup, so n4c holds no figures "
                "for them."
            )
            % {"codes": ", ".join(codes)},
            field="ward17_codes",
            value=", ".join(codes),
        )
    council = str(rows["lad19_code"].mode().iloc[0])
    return ProfileArea(
        kind="area",
        code=code,
        name=name,
        lsoa11_codes=tuple(rows.index),
        ward17_codes=codes,
        council_code=council,
        council_name=_council_name(council),
        region_name=str(rows["region"].mode().iloc[0]),
    )


def _council_name(code: str) -> str:
    names = load("imd2019_population_denominators").drop_duplicates("lad19_code")
    return str(names.set_index("lad19_code").loc[code, "lad19_name"])


# ---------------------------------------------------------------------------------------------
# The IMD headline, the editions and the 'left behind' answer


def council_headline(year: int, code: str, geography: str) -> tuple[float, int, int, int, str, int]:
    """A council's IMD ``year`` headline from :func:`n4c.needs.summarise_imd`: score, rank,
    rank among how many, decile (of councils), ``geography`` and population."""
    from n4c.needs import deciles, summarise_imd

    councils = summarise_imd(year, "lad")
    ranks = councils["rank_average_score"].to_numpy()
    mine = councils["area_code"].to_numpy() == code
    council = councils.set_index("area_code").loc[code].to_dict()
    return (
        float(council["average_score"]),
        int(council["rank_average_score"]),
        len(councils),
        int(deciles(ranks, len(ranks))[mine][0]),
        geography,
        int(council["population"]),
    )


def _imd_headline(area: ProfileArea) -> tuple[float, int, int, int, str, int]:
    """Score, rank, rank among how many, decile, geography and population of the area."""
    from n4c.needs import summarise_ward_group, ward_table

    if area.kind == "ward":
        wards = ward_table(2019)
        ward = wards.set_index("ward17_code").loc[area.code].to_dict()
        return (
            float(ward["imd_score"]),
            int(ward["imd_rank"]),
            int(wards["imd_rank"].notna().sum()),
            int(ward["imd_decile"]),
            gettext_noop("wards (December 2017)"),
            int(ward["population"]),
        )
    if area.kind == "council":
        return council_headline(2019, area.code, gettext_noop("councils (2019)"))
    if area.kind == "lsoa":
        lsoa = load("imd2019_lsoa11").set_index("lsoa11_code")
        scores = load("imd2019_lsoa11_scores").set_index("lsoa11_code")
        published = lsoa.loc[area.code].to_dict()
        return (
            float(scores.loc[area.code].to_dict()["IMD_score"]),
            int(published["IMD_rank"]),
            len(lsoa),
            int(published["IMD_decile"]),
            gettext_noop("LSOAs (2011)"),
            int(_lsoas().loc[area.code].to_dict()["population"]),
        )
    group = summarise_ward_group(area.ward17_codes)
    return (
        group.imd_score,
        group.imd_rank,
        int(ward_table(2019)["imd_rank"].notna().sum()),
        group.imd_decile,
        gettext_noop("wards (December 2017), the most deprived of the area's wards"),
        group.population,
    )


def _editions(area: ProfileArea) -> list[EditionFigure]:
    from n4c.needs import compare_editions

    if area.kind == "area":
        return []
    level = {"ward": "ward", "council": "lad", "lsoa": "lsoa"}[area.kind]
    geography = {
        "ward": gettext_noop("wards"),
        "council": gettext_noop("councils"),
        "lsoa": gettext_noop("LSOAs"),
    }[area.kind]
    figures: dict[int, EditionFigure] = {}
    pairs = [(2015, 2019)] + ([(2019, 2025)] if area.kind == "council" else [])
    for from_year, to_year in pairs:
        table = compare_editions(from_year, to_year, level=level).table
        code_column = table.columns[0]
        found = table[table[code_column] == area.code]
        if found.empty:
            continue
        row = found.iloc[0]
        for year in (from_year, to_year):
            if year in figures or pd.isna(row[f"rank_{year}"]):
                continue
            figures[year] = EditionFigure(
                year=year,
                rank=int(row[f"rank_{year}"]),
                rank_of=int(table[f"rank_{year}"].notna().sum()),
                decile=int(row[f"decile_{year}"]),
                geography=geography,
                how=gettext_noop("published")
                if area.kind == "lsoa"
                else gettext_noop("n4c's estimate from LSOAs 2011"),
            )
    return [figures[year] for year in sorted(figures)]


def _left_behind(area: ProfileArea) -> LeftBehindStatus:
    from n4c.needs import ward_table

    wards = ward_table(2019).set_index("ward17_code")
    ours = wards.reindex([c for c in area.ward17_codes if c in wards.index])
    ours_n4c = int(ours["left_behind"].fillna(False).astype(bool).sum())
    ours_ocsi = int(ours["left_behind_published"].fillna(False).astype(bool).sum())
    if area.kind == "council":
        n4c, ocsi = ours_n4c > 0, ours_ocsi > 0
        sentence = _(
            "n4c's test counts %(n4c)s of the council's %(wards)s wards as having high need "
            "and few places or groups to help; OCSI's list counts %(ocsi)s."
        ) % {"n4c": ours_n4c, "wards": len(ours), "ocsi": ours_ocsi}
    elif area.kind == "area":
        from n4c.needs import summarise_ward_group

        group = summarise_ward_group(area.ward17_codes)
        n4c, ocsi = group.left_behind, group.left_behind_published
        sentence = _flag_sentence("area", n4c, ocsi)
    else:
        n4c, ocsi = ours_n4c > 0, ours_ocsi > 0
        sentence = _flag_sentence("ward" if area.kind == "ward" else "lsoa", n4c, ocsi)
    return LeftBehindStatus(
        n4c=n4c,
        ocsi=ocsi,
        wards_n4c=ours_n4c,
        wards_ocsi=ours_ocsi,
        wards=len(ours),
        sentence=sentence,
    )


#: Whether n4c's test and OCSI's list count a place as left behind, for each kind of place:
#: (both, neither, only n4c's, only OCSI's), whole sentences so each language orders its words.
_FLAG_SENTENCES = {
    "area": (
        gettext_noop(
            "n4c's test and OCSI's list both count this area as having high need and few "
            "places or groups to help."
        ),
        gettext_noop(
            "Neither n4c's test nor OCSI's list counts this area as having high need and few "
            "places or groups to help."
        ),
        gettext_noop(
            "n4c's test counts this area as having high need and few places or groups to "
            "help, but OCSI's list does not."
        ),
        gettext_noop(
            "OCSI's list counts this area as having high need and few places or groups to "
            "help, but n4c's test does not."
        ),
    ),
    "ward": (
        gettext_noop(
            "n4c's test and OCSI's list both count this ward as having high need and few "
            "places or groups to help."
        ),
        gettext_noop(
            "Neither n4c's test nor OCSI's list counts this ward as having high need and few "
            "places or groups to help."
        ),
        gettext_noop(
            "n4c's test counts this ward as having high need and few places or groups to "
            "help, but OCSI's list does not."
        ),
        gettext_noop(
            "OCSI's list counts this ward as having high need and few places or groups to "
            "help, but n4c's test does not."
        ),
    ),
    "lsoa": (
        gettext_noop(
            "n4c's test and OCSI's list both count the ward this LSOA is in as having high "
            "need and few places or groups to help."
        ),
        gettext_noop(
            "Neither n4c's test nor OCSI's list counts the ward this LSOA is in as having "
            "high need and few places or groups to help."
        ),
        gettext_noop(
            "n4c's test counts the ward this LSOA is in as having high need and few places "
            "or groups to help, but OCSI's list does not."
        ),
        gettext_noop(
            "OCSI's list counts the ward this LSOA is in as having high need and few places "
            "or groups to help, but n4c's test does not."
        ),
    ),
}


def _flag_sentence(kind: str, n4c: bool, ocsi: bool) -> str:
    both, neither, only_n4c, only_ocsi = _FLAG_SENTENCES[kind]
    if n4c and ocsi:
        return _(both)
    if not n4c and not ocsi:
        return _(neither)
    return _(only_n4c) if n4c else _(only_ocsi)


# ---------------------------------------------------------------------------------------------
# Assets and sources


def _points(assets: Sequence[Asset], outline) -> tuple[list[MapPoint], int]:
    import shapely

    inside: list[MapPoint] = []
    outside = 0
    for asset in assets:
        if asset.latitude is None or asset.longitude is None:
            outside += 1
            continue
        if outline is not None and not outline.covers(
            shapely.Point(asset.longitude, asset.latitude)
        ):
            outside += 1
            continue
        inside.append(MapPoint(asset.name, asset.kind, asset.latitude, asset.longitude))
    return inside, outside


def _sources(edition: int) -> tuple[Source, ...]:
    from n4c.data.registry import population_dataset_2025

    sources = []
    for name in _SOURCES[edition]:
        if name == "population":
            name = population_dataset_2025()
        dataset = get_dataset(name)
        sources.append(
            Source(
                _(dataset.title),
                dataset.publisher,
                _(dataset.licence),
                dataset.source_url,
                _DATES.get(name, ""),
            )
        )
    return tuple(sources)


def _ward17_in_2025(area: ProfileArea) -> tuple[EditionFigure, str, str]:
    """The IMD 2025 of the 2024 wards that best fit a 2017 ward, its sentence and a note."""
    from n4c.needs import summarise_area

    after = summarise_area("ward17", [area.code]).imd2025
    names = ", ".join(after.ward_names)
    figure = EditionFigure(
        year=2025,
        rank=after.imd_rank,
        rank_of=after.wards_ranked,
        decile=after.imd_decile,
        geography=gettext_noop("wards (2024)"),
        how=(
            _("n4c's estimate for the best-fit 2024 wards: %(names)s")
            if len(after.ward_codes) > 1
            else _("n4c's estimate for the best-fit 2024 ward: %(names)s")
        )
        % {"names": names},
    )
    codes = " or ".join(after.ward_codes)
    note = _(
        "Ward boundaries changed in 2024. For the IMD 2025 figures of the new ward, make its "
        "own profile: n4c profile %(codes)s."
    ) % {"codes": codes}
    sentence = _(
        "The 2025 row is for the 2024 ward that best fits this one, as ward boundaries changed. "
        "Ranks compare between editions; scores do not."
    )
    return figure, sentence, note


def _profile_2025(area: ProfileArea) -> dict:
    from n4c.needs import summary_population_source
    from n4c.profiles.iod2025 import build_parts_2025

    parts = build_parts_2025(area)
    return {**parts, "population_source": summary_population_source(2025)}


def _profile_2019(area: ProfileArea) -> dict:
    from n4c.needs import summary_population_source

    score, rank, rank_of, decile, geography, population = _imd_headline(area)
    comparisons = _comparisons(area)
    if area.kind == "ward":
        comparisons = _with_ward_ranks(comparisons, area.code, (rank, rank_of, decile))
    editions = _editions(area)
    notes = []
    sentence = ""
    if area.kind == "ward":
        figure, sentence, note = _ward17_in_2025(area)
        editions.append(figure)
        notes.append(note)
    if area.kind == "lsoa":
        notes.append(_("The CNI is published for wards, so this LSOA shows its ward's figures."))
        notes.append(
            _(
                "The IMD 2025 uses LSOAs of 2021. For its figures, make the profile of the LSOA "
                "2021 this one became."
            )
        )
    if area.kind == "area":
        notes.append(
            _("The IMD 2025 uses new LSOA and ward boundaries: see the profile of each 2024 ward.")
        )
    return {
        "area": area,
        "score": score,
        "rank": rank,
        "rank_of": rank_of,
        "decile": decile,
        "geography": geography,
        "population": population,
        "population_source": summary_population_source(2019),
        "comparisons": comparisons,
        "editions": editions,
        "editions_sentence": sentence,
        "left_behind": _left_behind(area),
        "notes": notes,
    }


def build_profile(
    place: Place | ProfileArea,
    *,
    assets: Sequence[Asset] = (),
    cached: bool = True,
    language: str = "",
) -> Profile:
    """The neighbourhood profile of a place: its map, IMD, domains, CNI, editions and flags.

    Parameters
    ----------
    place
        A ward (2017 or 2024), council (2019 or 2024) or LSOA (2011 or 2021) found by
        :mod:`n4c.places`, or a group of wards or LSOAs from :func:`area_for_wards` or
        :func:`area_for_codes`. Places of the 2024 and 2021 boundaries are profiled on the IMD
        2025, the others on the IMD 2019.
    assets
        Community assets (from an asset register) to draw on the map; those outside the area or
        without coordinates are counted, not drawn.
    cached
        Read the stored profile when its place, assets, data and code are unchanged;
        ``False`` builds it again (and stores the new one).
    language
        The language its sentences are in (the platform's page language); profiles are stored
        per language, so a reader never gets one built in another. Empty for the CLI: English.

    Raises
    ------
    InputError
        If the place is in other boundaries or n4c holds no figures for it.
    """
    from n4c.profiles.store import stored_profile

    return stored_profile(
        place, assets, lambda: _build(place, assets), cached=cached, language=language
    )


def _build(place: Place | ProfileArea, assets: Sequence[Asset]) -> Profile:
    from n4c.profiles.charts import area_map_svg, area_outline_of

    area = place if isinstance(place, ProfileArea) else area_for_place(place)
    parts = _profile_2025(area) if area.edition == 2025 else _profile_2019(area)
    if area.edition == 2025:
        lsoas, shapes = area.lsoa21_codes, 2021
    else:
        lsoas, shapes = area.lsoa11_codes, 2011
    outline = area_outline_of(lsoas, edition=shapes)
    points, outside = _points(assets, outline)
    return Profile(
        area=parts["area"],
        population=parts["population"],
        population_source=parts["population_source"],
        imd_score=round(parts["score"], 3),
        imd_rank=parts["rank"],
        imd_rank_of=parts["rank_of"],
        imd_decile=parts["decile"],
        imd_geography=parts["geography"],
        comparisons=tuple(parts["comparisons"]),
        editions=tuple(parts["editions"]),
        left_behind=parts["left_behind"],
        map_svg=area_map_svg(lsoas, outline, points, title=area.name, edition=area.edition),
        assets=tuple(points),
        assets_outside=outside,
        sources=_sources(area.edition),
        data_version=data_version(),
        notes=tuple(parts["notes"]),
        editions_sentence=parts["editions_sentence"],
    )

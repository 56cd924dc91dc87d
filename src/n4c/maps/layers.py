"""What a map shows: one value per area, the bins it falls into and the shapes to draw.

A :class:`MapLayer` is the one description every output reads (GeoJSON, SVG, PNG, HTML and the
platform's pages), so a ward's bin and colour are decided here once.

Two editions of the Indices of Deprivation are mapped, each on its own geography:

- **IoD 2019**: December 2017 wards, 2019 councils and LSOAs 2011; the 'left behind' wards are
  n4c's reproduction of OCSI's list (IMD 2019 and CNI 2019).
- **IoD 2025**: 2024 wards, 2024 councils and LSOAs 2021; the 'left behind' wards are n4c's own
  estimate (IMD 2025 and CNI 2023), read from the stored ``n4c leftbehind --year 2025 --level
  ward`` result, never computed here.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Literal

import numpy as np
import pandas as pd

from n4c.data import load, population_for_2025
from n4c.errors import InputError
from n4c.geography import code_shape
from n4c.words import gettext as _
from n4c.words import number

__all__ = [
    "WHATS",
    "YEARS",
    "Bin",
    "MapLayer",
    "What",
    "Year",
    "check_lad",
    "check_year",
    "council_edition",
    "lsoa_imd_layer",
    "map_layer",
]

What = Literal["leftbehind", "imd", "spending"]
WHATS: tuple[What, ...] = ("leftbehind", "imd", "spending")
#: The IoD editions n4c maps; 2019 stays the default so existing commands draw what they did.
Year = Literal[2019, 2025]
YEARS: tuple[Year, ...] = (2019, 2025)


@dataclass(frozen=True)
class Bin:
    """One class of the legend: its words and its fill colour."""

    label: str
    colour: str


@dataclass(frozen=True)
class MapLayer:
    """Areas with their values, the legend's bins and a shape for each area.

    ``areas`` has one row per area: ``code, name, council_name, value`` (the figure as words)
    and ``bin`` (a position in ``bins``); ``shapes`` holds shapely geometries in the same order
    (``None`` for an area with no shape).
    """

    what: What
    title: str
    #: what each area is, e.g. "ward (2017)" or "LSOA (2011)"
    level: str
    #: the heading of the value column, e.g. "IMD 2019 decile"
    value_heading: str
    areas: pd.DataFrame
    shapes: pd.Series
    bins: tuple[Bin, ...]
    source: str
    #: the IoD edition the map belongs to (2019 or 2025)
    year: int = 2019

    def counts(self) -> list[int]:
        """How many areas fall in each bin, in the order of ``bins``."""
        counted = np.bincount(self.areas["bin"].to_numpy(dtype=np.int64), minlength=len(self.bins))
        return [int(n) for n in counted]


def _left_behind_bins() -> tuple[Bin, ...]:
    """Left-behind wards stand out in purple against pale grey (words in the reader's language)."""
    return (Bin(_("Left behind"), "#912b88"), Bin(_("Other wards"), "#d9dadb"))


#: IMD deciles, 1 (most deprived) darkest; a sequential palette readable in greyscale.
_DECILE_COLOURS = (
    "#08306b",
    "#08519c",
    "#2171b5",
    "#4292c6",
    "#6baed6",
    "#9ecae1",
    "#c6dbef",
    "#deebf7",
    "#eff5fb",
    "#f7fbff",
)
_MONEY_COLOURS = ("#f0f0f0", "#fee391", "#fec44f", "#fe9929", "#d95f0e", "#993404")
#: The attribution the licences ask for, kept in their own words in every language.
_OGL = "Contains OS data © Crown copyright and database right; ONS and MHCLG data, OGL v3."  # untranslated: the licences' required attribution


@dataclass(frozen=True)
class _Edition:
    """The geography one IoD edition is mapped on."""

    year: int
    ward_year: Literal[2017, 2024]
    lad_year: int
    lsoa_year: Literal[2011, 2021]


_EDITIONS: dict[int, _Edition] = {
    2019: _Edition(2019, ward_year=2017, lad_year=2019, lsoa_year=2011),
    2025: _Edition(2025, ward_year=2024, lad_year=2024, lsoa_year=2021),
}


def check_year(year: int | str) -> Year:
    """The IoD edition ``year`` names (2019 or 2025), or an error naming the choices."""
    try:
        value = int(year)
    except (TypeError, ValueError):
        value = -1
    if value not in _EDITIONS:
        raise InputError(
            _(
                '"%(year)s" is not an edition n4c maps; choose 2019 (2017 wards, 2019 councils) '
                "or 2025 (2024 wards, 2024 councils)."
            )
            % {"year": year},
            field="--year",
            value=str(year),
        )
    return value  # type: ignore[return-value]


def council_edition(year: int) -> int:
    """The edition of the councils maps of IoD ``year`` use: 2019 for 2019, 2024 for 2025."""
    return _EDITIONS[check_year(year)].lad_year


@lru_cache(maxsize=2)
def _councils(year: int) -> pd.Series:
    """Each English council's name, indexed by its code, in the edition ``year`` maps."""
    if year == 2019:
        table = load("imd2019_population_denominators")
        return table.groupby("lad19_code")["lad19_name"].first()
    lookup = _lsoa21_lookup()
    return lookup.groupby("ltla24_code")["ltla24_name"].first()


@lru_cache(maxsize=1)
def _lsoa21_lookup() -> pd.DataFrame:
    """England's rows of the LSOA 2021 → ward 2024 → council 2024 lookup."""
    lookup = load("lookup_lsoa21_ward24_lad24")
    return lookup[lookup["lsoa21_code"].str.startswith("E")].reset_index(drop=True)


def check_lad(code: str, year: int = 2019) -> str:
    """An English council code of the edition ``year`` maps, upper-cased, or an error.

    IoD 2019 maps use 2019 councils and IoD 2025 maps 2024 councils; a code of the other
    edition (a council made or abolished between them) is refused with the rule in words.
    """
    edition = _EDITIONS[check_year(year)]
    shape = code_shape("lad").england_only()
    value = code.strip().upper()
    if not shape.matches(value):
        raise InputError(
            _('"%(code)s" is not %(rule)s; give a council code, like E06000009, or its name.')
            % {"code": code, "rule": shape.rule},
            field="--lad",
            value=code,
        )
    if value in _councils(edition.year).index:
        return value
    hint = _("Find the code with `n4c place NAME --kind council`.")
    other = _EDITIONS[2025 if edition.year == 2019 else 2019]
    names = _councils(other.year)
    if value in names.index:
        raise InputError(
            _(
                '"%(code)s" (%(name)s) is a %(other_councils)s council code, but maps of IoD '
                "%(year)s use %(councils)s councils. Choose IoD %(other_year)s (--year "
                "%(other_year)s) to map it, or give a %(councils)s council code."
            )
            % {
                "code": value,
                "name": names[value],
                "other_councils": other.lad_year,
                "year": edition.year,
                "councils": edition.lad_year,
                "other_year": other.year,
            },
            field="--lad",
            value=code,
            hint=hint,
        )
    raise InputError(
        _(
            '"%(code)s" is not a council in the %(councils)s lookup; maps of IoD %(year)s use '
            "%(councils)s councils."
        )
        % {"code": value, "councils": edition.lad_year, "year": edition.year},
        field="--lad",
        value=code,
        hint=hint,
    )


@lru_cache(maxsize=2)
def _wards(year: int) -> pd.DataFrame:
    """Every ward of the edition: ``code, name, lad_code, council_name, left_behind, imd_decile``."""
    if year == 2019:
        from n4c.needs import ward_table

        wards = ward_table(2019)
        return pd.DataFrame(
            {
                "code": wards["ward17_code"].to_numpy(),
                "name": wards["ward17_name"].to_numpy(),
                "lad_code": wards["lad19_code"].to_numpy(),
                "council_name": wards["lad19_name"].to_numpy(),
                "left_behind": wards["left_behind"].to_numpy(dtype=bool),
                "imd_decile": wards["imd_decile"].to_numpy(dtype=float),
            }
        )
    import io

    from n4c.needs import find_left_behind

    # The stored 2024 ward result (the table `n4c leftbehind --year 2025 --level ward` writes),
    # so the map shows exactly those wards and flags; it is computed only if not stored yet.
    result = find_left_behind(2025, level="ward")
    wards = pd.read_csv(
        io.StringIO(result.csv),
        usecols=["ward_code", "ward_name", "lad_code", "lad_name", "left_behind", "imd_decile"],
        dtype={"ward_code": str, "ward_name": str, "lad_code": str, "lad_name": str},
    )
    return pd.DataFrame(
        {
            "code": wards["ward_code"].to_numpy(),
            "name": wards["ward_name"].to_numpy(),
            "lad_code": wards["lad_code"].to_numpy(),
            "council_name": wards["lad_name"].to_numpy(),
            "left_behind": wards["left_behind"].astype(str).str.lower().eq("true").to_numpy(),
            "imd_decile": wards["imd_decile"].to_numpy(dtype=float),
        }
    )


def _ward_frame(wards: pd.DataFrame, values: pd.Series, bins: np.ndarray) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "code": wards["code"].to_numpy(),
            "name": wards["name"].to_numpy(),
            "council_name": wards["council_name"].to_numpy(),
            "value": values.to_numpy(),
            "bin": bins.astype(np.int64),
        }
    )


def _in_lad(wards: pd.DataFrame, lad: str | None) -> pd.DataFrame:
    return wards if lad is None else wards[wards["lad_code"] == lad].reset_index(drop=True)


def _ward_shapes(codes: pd.Series, edition: _Edition) -> pd.Series:
    from n4c.maps.shapes import ward_shapes_for

    return ward_shapes_for(tuple(codes), ward_year=edition.ward_year)


def _population_words() -> str:
    """The 2025 weights in words, for a source line."""
    from n4c.data import population_label

    return population_label(2025)


def _left_behind(edition: _Edition, lad: str | None) -> MapLayer:
    wards = _in_lad(_wards(edition.year), lad)
    flag = wards["left_behind"].to_numpy(dtype=bool)
    values = pd.Series(np.where(flag, _("Left behind"), _("Not left behind")))
    if edition.year == 2019:
        title = _("Left-behind wards (2019)")
        source = _("Left behind: most deprived 10%% of wards on both IMD 2019 and CNI 2019.") % {}
    else:
        title = _("Left-behind wards (2025, n4c's estimate)")
        source = _(
            "Left behind (n4c's own estimate; OCSI has published no list on 2024 wards): most "
            "deprived 10%% of 2024 wards on both IMD 2025 and CNI 2023, each a "
            "population-weighted mean of its LSOAs 2021 (weights: %(weights)s)."
        ) % {"weights": _population_words()}
    return MapLayer(
        what="leftbehind",
        title=title,
        level=_ward_level(edition),
        value_heading=_("Left behind"),
        areas=_ward_frame(wards, values, np.where(flag, 0, 1)),
        shapes=_ward_shapes(wards["code"], edition),
        bins=_left_behind_bins(),
        source=_with_attribution(source),
        year=edition.year,
    )


def _ward_level(edition: _Edition) -> str:
    """What each area of a ward map is, e.g. "ward (2017)"."""
    return _("ward (%(year)s)") % {"year": edition.ward_year}


def _with_attribution(source: str) -> str:
    """The source sentence followed by the licences' attribution."""
    return f"{source} {_OGL}"


def _decile_bins() -> tuple[Bin, ...]:
    names = {1: _("1 (most deprived)"), 10: _("10 (least deprived)")}
    return tuple(Bin(names.get(d, str(d)), _DECILE_COLOURS[d - 1]) for d in range(1, 11))


def _imd(edition: _Edition, lad: str | None) -> MapLayer:
    if lad is not None:
        # A council's wards are few and coarse: its LSOAs with their published deciles read best.
        if edition.year == 2019:
            names = load("imd2019_population_denominators")
            return lsoa_imd_layer(names.loc[names["lad19_code"] == lad, "lsoa11_code"])
        lookup = _lsoa21_lookup()
        return lsoa_imd_layer(
            lookup.loc[lookup["ltla24_code"] == lad, "lsoa21_code"], lsoa_year=2021
        )
    wards = _wards(edition.year)
    scored = wards[wards["imd_decile"].notna()].reset_index(drop=True)
    deciles = scored["imd_decile"].astype(int)
    if edition.year == 2019:
        title = _("IMD 2019 decile of each ward")
        heading = _("IMD 2019 decile (wards)")
        source = _("Ward decile of the population-weighted IMD 2019 score among England's wards.")
    else:
        title = _("IMD 2025 decile of each 2024 ward (n4c's estimate)")
        heading = _("IMD 2025 decile (2024 wards)")
        source = _(
            "Ward decile of the population-weighted IMD 2025 score among England's 2024 wards, "
            "worked out by n4c from the published LSOA 2021 scores (the official deciles are "
            "for LSOAs; weights: %(weights)s)."
        ) % {"weights": _population_words()}
    return MapLayer(
        what="imd",
        title=title,
        level=_ward_level(edition),
        value_heading=heading,
        areas=_ward_frame(scored, deciles.astype(str), deciles.to_numpy() - 1),
        shapes=_ward_shapes(scored["code"], edition),
        bins=_decile_bins(),
        source=_with_attribution(source),
        year=edition.year,
    )


def lsoa_imd_layer(lsoa_codes: Iterable[str], *, lsoa_year: Literal[2011, 2021] = 2011) -> MapLayer:
    """The published IMD decile of each of these LSOAs, with its shape, as a map layer.

    ``lsoa_year`` 2011 gives IMD 2019 deciles on LSOAs 2011 (with 2019 councils); 2021 gives
    IMD 2025 deciles on LSOAs 2021 (with 2024 councils).
    """
    from n4c.maps.shapes import lsoa_shapes_for

    wanted = set(lsoa_codes)
    if lsoa_year == 2011:
        names = load("imd2019_population_denominators")
        names = names[names["lsoa11_code"].isin(wanted)]
        codes, lsoa_names = names["lsoa11_code"], names["lsoa11_name"]
        councils = names["lad19_name"]
        imd = load("imd2019_lsoa11").set_index("lsoa11_code")["IMD_decile"]
        imd_year, source = 2019, _("IMD 2019 decile among England's LSOAs 2011 (MHCLG).")
    else:
        names = _lsoa21_lookup()
        names = names[names["lsoa21_code"].isin(wanted)]
        codes, lsoa_names = names["lsoa21_code"], names["lsoa21_name"]
        councils = names["ltla24_name"]
        imd = load("imd2025_lsoa21").set_index("lsoa21_code")["IMD_decile"]
        imd_year = 2025
        source = _("Published IMD 2025 decile among England's LSOAs 2021 (MHCLG).")
    deciles = imd.reindex(codes).astype(int)
    areas = pd.DataFrame(
        {
            "code": codes.to_numpy(),
            "name": lsoa_names.to_numpy(),
            "council_name": councils.to_numpy(),
            "value": deciles.astype(str).to_numpy(),
            "bin": deciles.to_numpy() - 1,
        }
    )
    return MapLayer(
        what="imd",
        title=_("IMD %(year)s decile of each LSOA") % {"year": imd_year},
        level=_("LSOA (%(year)s)") % {"year": lsoa_year},
        value_heading=_("IMD %(year)s decile (LSOAs)") % {"year": imd_year},
        areas=areas,
        shapes=lsoa_shapes_for(tuple(areas["code"]), lsoa_year=lsoa_year),
        bins=_decile_bins(),
        source=_with_attribution(source),
        year=imd_year,
    )


def _money_bins(per_head: np.ndarray) -> tuple[np.ndarray, tuple[Bin, ...]]:
    positive = per_head[per_head > 0]
    edges: np.ndarray = (
        np.unique(np.quantile(positive, [0.2, 0.4, 0.6, 0.8])) if len(positive) else np.zeros(0)
    )
    bins = np.where(per_head > 0, np.searchsorted(edges, per_head, side="right") + 1, 0)
    bounds = [0.0, *edges, float(positive.max()) if len(positive) else 0.0]
    labels = [Bin(_("No money placed"), _MONEY_COLOURS[0])]
    for i in range(len(bounds) - 1):
        band = _("£%(low)s to £%(high)s") % {
            "low": number(bounds[i], 2),
            "high": number(bounds[i + 1], 2),
        }
        labels.append(Bin(band, _MONEY_COLOURS[i + 1]))
    return bins, tuple(labels)


def _per_head_ward24(lsoa_amounts: pd.DataFrame, lsoas11: pd.DataFrame) -> pd.DataFrame:
    """Money placed on LSOAs 2011 carried to 2024 wards, per head of the 2025 population.

    Grants carry 2011-based codes (LSOA and MSOA 2011, December 2017 wards, 2019 councils),
    which :mod:`n4c.spending` places on LSOAs 2011. Each LSOA 2011's pence go to its LSOAs 2021
    through the ONS lookup, split by their population with n4c.spending's largest-remainder
    rule (so the pence still add up), and :func:`n4c.spending.per_head_by_area` sums them by
    2024 ward.
    """
    from n4c.spending import apportion_pence, per_head_by_area

    lsoas21 = _lsoa21_lookup()[["lsoa21_code", "ward24_code"]].copy()
    people = population_for_2025().frame.set_index("lsoa21_code")["population"]
    lsoas21["population"] = people.reindex(lsoas21["lsoa21_code"]).fillna(0).to_numpy(np.int64)
    row21 = pd.Series(np.arange(len(lsoas21)), index=lsoas21["lsoa21_code"])
    changes = load("lookup_lsoa11_lsoa21")[["lsoa11_code", "lsoa21_code"]]
    changes = changes[changes["lsoa21_code"].isin(row21.index)]
    lsoa11 = lsoas11["lsoa11_code"].to_numpy()[lsoa_amounts["lsoa_row"].to_numpy(np.int64)]
    pairs = (
        lsoa_amounts.assign(lsoa11_code=lsoa11)
        .merge(changes, on="lsoa11_code", how="inner")
        .sort_values("lsoa11_code", kind="stable")
    )
    group, _ = pd.factorize(pairs["lsoa11_code"])
    first = np.r_[True, group[1:] != group[:-1]]
    rows = row21.reindex(pairs["lsoa21_code"]).to_numpy(np.int64)
    weights = lsoas21["population"].to_numpy(np.int64)[rows]
    pence = apportion_pence(pairs["amount_pence"].to_numpy(np.int64)[first], group, weights)
    totals = np.bincount(group, weights=weights)[group]
    share = np.divide(weights, totals, out=np.zeros(len(weights)), where=totals > 0)
    carried = pd.DataFrame(
        {
            "lsoa_row": rows,
            "amount_pence": pence,
            "grants": pairs["grants"].to_numpy(dtype=float) * share,
        }
    )
    return per_head_by_area(carried, lsoas21, "ward24_code")


def _spending(edition: _Edition, lad: str | None, database: Path | None) -> MapLayer:
    from n4c.spending import GrantStore, load_geography, per_head_by_area, place_amounts
    from n4c.spending.analysis import placed_by_area

    geography = load_geography()
    with GrantStore(database, read_only=True) as store:
        placed = placed_by_area(store)
    if placed.empty:
        raise InputError(
            _("no grant in the database is placed on an English area, so there is nothing to map."),
            hint=_("Import 360Giving files with beneficiary locations: n4c spending import FILE."),
        )
    amounts = place_amounts(placed, geography)
    if edition.year == 2019:
        table = per_head_by_area(amounts, geography.lsoas, "ward17_code")
        title = _("Grant money per head in each ward")
        source = _(
            "Grants placed on LSOAs by population (360Giving data imported into n4c), "
            "per head of the mid-2015 population."
        )
    else:
        table = _per_head_ward24(amounts, geography.lsoas)
        title = _("Grant money per head in each 2024 ward")
        source = _(
            "Grants placed on LSOAs 2011 by population (360Giving data imported into n4c), "
            "carried to LSOAs 2021 through the ONS lookup (split by population) and summed by "
            "2024 ward, per head of the 2025 weights (%(weights)s)."
        ) % {"weights": _population_words()}
    wards = _in_lad(_wards(edition.year), lad)
    per_head = table["per_head"].reindex(wards["code"]).fillna(0.0).to_numpy()
    bins, labels = _money_bins(per_head)
    values = pd.Series([f"£{number(v, 2)}" for v in per_head])
    return MapLayer(
        what="spending",
        title=title,
        level=_ward_level(edition),
        value_heading=_("Grant money per head"),
        areas=_ward_frame(wards, values, bins),
        shapes=_ward_shapes(wards["code"], edition),
        bins=labels,
        source=_with_attribution(source),
        year=edition.year,
    )


def map_layer(
    what: What,
    *,
    lad: str | None = None,
    database: Path | None = None,
    year: int = 2019,
) -> MapLayer:
    """The areas, values, bins and shapes of one map.

    Parameters
    ----------
    what : {"leftbehind", "imd", "spending"}
        Left-behind wards, IMD deciles, or grant money per head.
    lad : str, optional
        Only this council (a 2019 code for IoD 2019, a 2024 code for IoD 2025); for ``imd``
        the areas are then LSOAs with their published deciles, not wards.
    database : pathlib.Path, optional
        The grants database for ``spending`` (the one ``n4c spending import`` fills by default).
    year : {2019, 2025}
        The IoD edition: 2019 on December 2017 wards and LSOAs 2011, 2025 on 2024 wards and
        LSOAs 2021 (its 'left behind' wards and ward deciles are n4c's estimate).

    Raises
    ------
    InputError
        For an unknown ``what``, year or council (or a council code of the other edition),
        or (``spending``) when no grants are placed.
    DataMissingError
        For ``spending`` when there is no grants database yet.
    """
    if what not in WHATS:
        raise InputError(
            _('"%(what)s" is not a map n4c makes; use leftbehind, imd or spending.')
            % {"what": what},
            field="--what",
            value=str(what),
        )
    edition = _EDITIONS[check_year(year)]
    code = None if lad is None else check_lad(lad, edition.year)
    if what == "leftbehind":
        return _left_behind(edition, code)
    if what == "imd":
        return _imd(edition, code)
    return _spending(edition, code, database)

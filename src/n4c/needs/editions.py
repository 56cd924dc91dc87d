"""IoD editions side by side: each area's rank and decile in two editions, and the change.

Only ranks and deciles compare across editions: each edition ranks areas against each other at
its own time, with its own indicators, so a score of 30 in 2015 and 30 in 2025 mean different
things. ``rank_change`` is the earlier rank minus the later one, so a positive change means the
area ranks as relatively more deprived in the later edition (nearer rank 1); likewise
``decile_change``.

The IoD 2015 and 2019 are published on LSOA 2011, the IoD 2025 on LSOA 2021. An earlier edition
is carried to LSOA 2021 through the ONS lookup and its change codes:

- U (unchanged) and S (split): the LSOA 2021 keeps its LSOA 2011's score, rank and decile;
- M (merged): the population-weighted mean of its LSOAs 2011's scores, ranked among the
  edition's own LSOAs 2011 (rank = 1 + the number of them with a higher score; decile from that
  rank out of the edition's count), so every other LSOA keeps its published rank;
- X (irregular): no value is estimated; the LSOA is listed with the reason.

Wards and local authorities are those of the later edition (ward 2017 and LAD 2019 for 2019;
ward 2024 and LAD 2024 for 2025). Each edition's area score is the population-weighted mean
of its LSOA scores (:func:`~n4c.needs.wards.weighted_ward_scores`), and areas are ranked
against each other within each edition. :mod:`n4c.needs.change` keeps the result as
``n4c needs change`` writes it. May import ``n4c.data``; never the platform.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np
import pandas as pd

from n4c.data import load, population_for_2025, population_label, population_words
from n4c.needs.change import ChangeLevel, check_change
from n4c.needs.councils import council_columns
from n4c.needs.transform import deciles, rank_most_deprived_first
from n4c.needs.wards import lsoa_populations, weighted_ward_scores

__all__ = ["EditionComparison", "compare_editions"]

_LSOA11_EDITIONS = {2015: "imd2015_lsoa11", 2019: "imd2019_lsoa11"}


#: An area's columns for each edition: the LSOA columns and the population that weighted them.
_AREA_COLUMNS = ("population", "score", "rank", "decile")


@dataclass(frozen=True)
class EditionComparison:
    """Ranks and deciles of every area in two IoD editions, ready to write and summarise.

    ``table`` has one row per area; ``irregular`` counts the LSOAs 2021 with an irregular
    change (ONS code X), which have no rank in the earlier edition; ``population_sources``
    says which populations weighted each edition (empty when none were needed).
    """

    from_year: int
    to_year: int
    level: ChangeLevel
    table: pd.DataFrame
    irregular: int
    population_sources: dict[int, str]

    @property
    def compared(self) -> int:
        """Areas with a rank in both editions."""
        return int(self.table["rank_change"].notna().sum())


def compare_editions(from_year: int, to_year: int, *, level: str = "lsoa") -> EditionComparison:
    """Each area's IMD rank and decile in two editions and the change between them.

    Parameters
    ----------
    from_year, to_year : int
        The earlier and the later edition: 2015 → 2019, 2015 → 2025 or 2019 → 2025.
    level : {"lsoa", "ward", "lad"}
        LSOAs of the later edition, or its wards or local authorities.

    Returns
    -------
    EditionComparison
        Its ``table`` holds the area's code and name (and its local authority), ``score_*``,
        ``rank_*`` and ``decile_*`` for each year, ``rank_change`` and ``decile_change``
        (positive: relatively more deprived in the later edition) and, where the earlier edition
        is carried to LSOA 2021, the change code or the LSOAs left out, with a ``note``;
        then ``lad_code`` and ``lad_name``, the later edition's council.

    Raises
    ------
    InputError
        If the pair of editions or the level is not one n4c compares.
    """
    check_change(from_year, to_year, level)
    on_lsoas = _on_lsoa11 if to_year == 2019 else _on_lsoa21
    comparison = on_lsoas(from_year, level)  # type: ignore[arg-type]
    # Every row also carries its council as every need command writes it, after the columns
    # above: the later edition's, which is the one ``--lad`` looks councils up in.
    table = council_columns(
        comparison.table,
        year=to_year,
        geography=level,  # type: ignore[arg-type]
        code_column=str(comparison.table.columns[0]),
    )
    return replace(comparison, table=table)


def _edition_lsoa11(year: int) -> pd.DataFrame:
    """Published score, rank and decile of each LSOA 2011 in the IoD ``year``."""
    ranks = load(_LSOA11_EDITIONS[year]).set_index("lsoa11_code")
    if year == 2019:
        # File 7 has no scores; the published scores come in their own file.
        scores = load("imd2019_lsoa11_scores").set_index("lsoa11_code")["IMD_score"]
        ranks = ranks.assign(IMD_score=scores.reindex(ranks.index))
    return pd.DataFrame(
        {
            "score": ranks["IMD_score"].astype(np.float64),
            "rank": ranks["IMD_rank"].astype(np.int64),
            "decile": ranks["IMD_decile"].astype(np.int64),
        }
    )


def _edition_lsoa21() -> pd.DataFrame:
    frame = load("imd2025_lsoa21").set_index("lsoa21_code")
    return pd.DataFrame(
        {
            "score": frame["IMD_score"].astype(np.float64),
            "rank": frame["IMD_rank"].astype(np.int64),
            "decile": frame["IMD_decile"].astype(np.int64),
        }
    )


def _with_change(table: pd.DataFrame, from_year: int, to_year: int) -> pd.DataFrame:
    for what in ("rank", "decile"):
        earlier = table[f"{what}_{from_year}"].astype("Int64")
        later = table[f"{what}_{to_year}"].astype("Int64")
        table[f"{what}_{from_year}"] = earlier
        table[f"{what}_{to_year}"] = later
        table[f"{what}_change"] = earlier - later
    return table


def _ranked(scores: pd.Series, population: pd.Series) -> pd.DataFrame:
    """Rank areas by score (1 the most deprived); an area without a score has no rank."""
    scored = scores.notna().to_numpy()
    ranks = np.full(len(scores), np.nan)
    ranks[scored] = rank_most_deprived_first(scores.to_numpy()[scored], method="ordinal")
    decile = np.full(len(scores), np.nan)
    decile[scored] = deciles(ranks[scored], int(scored.sum()))
    return pd.DataFrame(
        {
            "score": scores.to_numpy(),
            "rank": pd.array(ranks, dtype="Int64"),
            "decile": pd.array(decile, dtype="Int64"),
            "population": population.reindex(scores.index).round().astype("Int64").to_numpy(),
        },
        index=scores.index,
    )


def _area_columns(
    table: pd.DataFrame,
    editions: dict[int, pd.DataFrame],
    columns: tuple[str, ...] = ("score", "rank", "decile"),
) -> pd.DataFrame:
    for year, ranked in editions.items():
        for what in columns:
            table[f"{what}_{year}"] = ranked[what].reindex(table.index).to_numpy()
    return table


# --- both editions on LSOA 2011: 2015 to 2019 -----------------------------------------------


def _on_lsoa11(from_year: int, level: ChangeLevel) -> EditionComparison:
    to_year = 2019
    editions = {year: _edition_lsoa11(year) for year in (from_year, to_year)}
    denominators = load("imd2019_population_denominators").set_index("lsoa11_code")
    if level == "lsoa":
        table = denominators[["lsoa11_name", "lad19_code", "lad19_name"]].copy()
        table = _area_columns(table, editions)
        table = _with_change(table.rename_axis("lsoa11_code").reset_index(), from_year, to_year)
        return EditionComparison(from_year, to_year, level, table, 0, {})

    populations = lsoa_populations("mid2015")
    if level == "ward":
        lookup = load("lookup_lsoa11_ward17").set_index("lsoa11_code")["ward17_code"]
        # Ward names come from the CNI 2019 list, which leaves out the City of London's and
        # the Isles of Scilly's wards; their local authority comes from their LSOAs.
        named = load("cni2019_ward17").set_index("ward17_code")["ward17_name"]
        names = (
            denominators.assign(ward17_code=lookup.reindex(denominators.index))
            .drop_duplicates("ward17_code")
            .set_index("ward17_code")[["lad19_code", "lad19_name"]]
        )
        names.insert(0, "ward17_name", named.reindex(names.index).fillna(""))
        column = "ward17_code"
    else:
        lookup = denominators["lad19_code"]
        names = denominators.drop_duplicates("lad19_code").set_index("lad19_code")[["lad19_name"]]
        column = "lad19_code"
    ranked = {}
    for year, edition in editions.items():
        areas = weighted_ward_scores(
            edition["score"], lookup, populations, area_column=column, area=level
        )
        ranked[year] = _ranked(areas["imd_score"], areas["population"]).assign(
            lsoa_count=areas["lsoa_count"]
        )
    table = names.reindex(ranked[to_year].index)
    table["lsoa_count"] = ranked[to_year]["lsoa_count"]
    table = _area_columns(table, ranked, _AREA_COLUMNS)
    table = _with_change(table.reset_index(), from_year, to_year)
    sources = {year: population_words(year).source for year in (from_year, to_year)}
    for year in sources:
        table[f"population_source_{year}"] = population_label(year)
    return EditionComparison(from_year, to_year, level, table, 0, sources)


# --- an LSOA 2011 edition carried to LSOA 2021: to 2025 -------------------------------------


def _carried_to_lsoa21(
    edition: pd.DataFrame, populations11: pd.Series, populations21: pd.Series
) -> pd.DataFrame:
    """The LSOA 2011 ``edition`` on LSOA 2021, by the ONS change codes (see the module).

    Also gives each LSOA 2021 a population in the edition: its LSOA 2011's (U), the sum of its
    LSOAs 2011's (M), or its LSOA 2011's shared among the parts as ``populations21`` shares them
    (S), for weighting it within wards and local authorities.
    """
    lookup = load("lookup_lsoa11_lsoa21")
    lookup = lookup[lookup["lsoa21_code"].str.startswith("E")]
    first = lookup.drop_duplicates("lsoa21_code").set_index("lsoa21_code")
    carried = first[["change_code"]].sort_index()
    parent = first["lsoa11_code"].reindex(carried.index)
    # Only merged and irregular LSOAs 2021 have more than one LSOA 2011: join those few alone.
    several = lookup[lookup["change_code"].isin(("M", "X"))]
    joined = several.groupby("lsoa21_code")["lsoa11_code"].agg(";".join)
    carried["lsoa11_codes"] = joined.reindex(carried.index).fillna(parent)
    code = carried["change_code"]
    whole = code.isin(("U", "S")).to_numpy()
    for what in ("score", "rank", "decile"):
        values = edition[what].reindex(parent).to_numpy().astype(np.float64)
        carried[what] = np.where(whole, values, np.nan)

    population11 = populations11.reindex(parent).to_numpy()
    parts = lookup[lookup["change_code"] == "S"]
    part_population = populations21.reindex(parts["lsoa21_code"]).to_numpy()
    siblings = pd.Series(part_population).groupby(parts["lsoa11_code"].to_numpy()).transform("sum")
    share = pd.Series(part_population / siblings.to_numpy(), index=parts["lsoa21_code"].to_numpy())
    carried["population"] = population11 * share.reindex(carried.index).fillna(1.0).to_numpy()

    merged = lookup[lookup["change_code"] == "M"]
    sources = merged["lsoa11_code"]
    weighted = weighted_ward_scores(
        edition["score"].reindex(sources),
        merged.set_index("lsoa11_code")["lsoa21_code"],
        populations11,
        area_column="lsoa21_code",
        area="LSOA 2021",
    )
    published = np.sort(edition["score"].to_numpy())
    higher = len(published) - np.searchsorted(published, weighted["imd_score"].to_numpy(), "right")
    carried.loc[weighted.index, "score"] = weighted["imd_score"]
    carried.loc[weighted.index, "rank"] = higher + 1
    carried.loc[weighted.index, "decile"] = deciles(higher + 1, len(published))
    carried.loc[weighted.index, "population"] = weighted["population"]

    irregular = code == "X"
    carried["population"] = carried["population"].where(~irregular)
    carried["note"] = ""
    carried.loc[irregular, "note"] = [
        f"Irregular boundary change (ONS code X) from LSOAs 2011 {codes.replace(';', ', ')}: "
        "no earlier value is estimated."
        for codes in carried.loc[irregular, "lsoa11_codes"]
    ]
    return carried


def _on_lsoa21(from_year: int, level: ChangeLevel) -> EditionComparison:
    to_year = 2025
    population = population_for_2025()
    populations21 = population.frame.set_index("lsoa21_code")["population"].astype(np.float64)
    populations11 = lsoa_populations("mid2015")
    carried = _carried_to_lsoa21(_edition_lsoa11(from_year), populations11, populations21)
    later = _edition_lsoa21()
    irregular = int((carried["change_code"] == "X").sum())
    geography = load("lookup_lsoa21_ward24_lad24").set_index("lsoa21_code").reindex(later.index)
    from_source = (
        f"{population_words(from_year).source}; carried to LSOA 2021 with merged LSOAs summed and "
        "a split LSOA's shared among its parts as the 2025 weights share them"
    )
    sources = {from_year: from_source, to_year: population.source}

    if level == "lsoa":
        table = geography[["lsoa21_name", "ltla24_code", "ltla24_name"]].rename(
            columns={"ltla24_code": "lad24_code", "ltla24_name": "lad24_name"}
        )
        table = _area_columns(table, {from_year: carried.reindex(later.index), to_year: later})
        table = _with_change(table, from_year, to_year)
        for column in ("change_code", "lsoa11_codes", "note"):
            table[column] = carried[column].reindex(table.index).to_numpy()
        merged = table["change_code"] == "M"
        table[f"population_source_{from_year}"] = np.where(merged, population_label(from_year), "")
        table = table.rename_axis("lsoa21_code").reset_index()
        return EditionComparison(
            from_year,
            to_year,
            level,
            table,
            irregular,
            {from_year: population_words(from_year).source},
        )

    if level == "ward":
        column, lookup = "ward24_code", geography["ward24_code"]
        names = geography.drop_duplicates("ward24_code").set_index("ward24_code")
        names = names[["ward24_name", "ltla24_code", "ltla24_name"]].rename(
            columns={"ltla24_code": "lad24_code", "ltla24_name": "lad24_name"}
        )
    else:
        column, lookup = "lad24_code", geography["ltla24_code"]
        names = geography.drop_duplicates("ltla24_code").set_index("ltla24_code")[["ltla24_name"]]
        names = names.rename(columns={"ltla24_name": "lad24_name"})
    converted = carried[carried["change_code"] != "X"]
    earlier = weighted_ward_scores(
        converted["score"], lookup, converted["population"], area_column=column, area=level
    )
    latest = weighted_ward_scores(
        later["score"], lookup, populations21, area_column=column, area=level
    )
    table = names.reindex(latest.index)
    table["lsoa_count"] = latest["lsoa_count"]
    ranked = {
        from_year: _ranked(earlier["imd_score"].reindex(latest.index), earlier["population"]),
        to_year: _ranked(latest["imd_score"], latest["population"]),
    }
    table = _area_columns(table, ranked, _AREA_COLUMNS)
    table = _with_change(table, from_year, to_year)
    left_out = lookup[carried.index[carried["change_code"] == "X"]].value_counts()
    table["lsoas_not_converted"] = left_out.reindex(table.index).fillna(0).astype(np.int64)
    table["note"] = [
        f"{count} LSOA{'s' if count > 1 else ''} with an irregular boundary change (ONS code X) "
        f"left out of the {from_year} score."
        if count
        else ""
        for count in table["lsoas_not_converted"]
    ]
    for year in sources:
        table[f"population_source_{year}"] = population_label(year)
    return EditionComparison(from_year, to_year, level, table.reset_index(), irregular, sources)

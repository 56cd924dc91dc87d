"""Ward and LSOA need tables, and the 'left behind' test.

A ward is 'left behind' when it is in the most deprived 10% of wards on the IMD and in the
10% of wards with the highest need on the Community Needs Index (OCSI for Local Trust, 2019).
The ward IMD score is the population-weighted mean of its LSOAs' published IMD 2019 scores,
through the ONS best-fit LSOA→ward lookup, weighted by the IoD's own mid-2015 denominators;
"10% of wards" means the worst floor(N / 10) wards on each index. This rule reproduces 219 of
OCSI's 225 wards; the README explains the other six.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

import numpy as np
import pandas as pd

from n4c.data import load
from n4c.errors import InputError
from n4c.geography import check_year
from n4c.needs.councils import council_columns
from n4c.needs.left_behind import LeftBehindAgreement, check_left_behind_level
from n4c.needs.transform import deciles, rank_most_deprived_first
from n4c.words import gettext as _
from n4c.words import number

__all__ = [
    "DifferenceReason",
    "LeftBehindListing",
    "PopulationYear",
    "WardDifference",
    "compare_left_behind",
    "left_behind_differences",
    "left_behind_listing",
    "left_behind_lsoa21",
    "lsoa_populations",
    "lsoa_table",
    "ward_difference_sentence",
    "ward_differences",
    "ward_table",
    "weighted_ward_scores",
]

#: Columns of the published CNI files, as OCSI and humaniverse/IMD name them.
_CNI19_SCORE = "Community Needs Index score"  # untranslated: a column of the published file
_CNI19_RANK = "Community Needs Index rank"  # untranslated: a column of the published file
_CNI23_SCORE = "Community Needs Index 2023 Score"  # untranslated: a column of the published file
_CNI23_RANK = "Community Needs Index 2023 Rank"  # untranslated: a column of the published file
_FLAGGED = "Left Behind Area?"  # untranslated: a column of the published file

PopulationYear = Literal["mid2015", "mid2017", "mid2019"]
POPULATION_YEARS: tuple[PopulationYear, ...] = ("mid2015", "mid2017", "mid2019")


def lsoa_populations(population: PopulationYear = "mid2015") -> pd.Series:
    """Population of each English LSOA 2011, indexed by ``lsoa11_code``.

    ``mid2015`` is the IoD 2019's own denominator (File 6, prisoners excluded), which the
    official area summaries use; ``mid2017`` and ``mid2019`` are ONS estimates.
    """
    if population == "mid2015":
        frame = load("imd2019_population_denominators")
        return frame.set_index("lsoa11_code")["pop_total_mid2015"].astype(np.float64)
    if population not in POPULATION_YEARS:
        raise InputError(
            f'"{population}" is not a population year n4c holds; choose one of {", ".join(POPULATION_YEARS)}.',
            field="population",
            value=population,
        )
    frame = load(f"population{population[-2:]}_lsoa11")
    england = frame[frame["lsoa11_code"].str.startswith("E")]
    return england.set_index("lsoa11_code")["total_population"].astype(np.float64)


def weighted_ward_scores(
    lsoa_scores: pd.Series | pd.DataFrame,
    lsoa_to_ward: pd.Series,
    populations: pd.Series,
    *,
    area_column: str = "ward17_code",
    area: str = "ward",
    lsoa_column: str = "lsoa11_code",
) -> pd.DataFrame:
    """Population-weighted mean score of each ward's LSOAs (or of any larger area's).

    Parameters
    ----------
    lsoa_scores : pandas.Series or pandas.DataFrame
        A score per LSOA, indexed by LSOA code; or several, one column each.
    lsoa_to_ward : pandas.Series
        The ward of each LSOA, indexed by LSOA code (a best-fit lookup: each LSOA in one ward).
    populations : pandas.Series
        Population per LSOA, indexed by LSOA code.
    area_column : str
        The name of the result's index: ``ward17_code`` by default; ``ward24_code``,
        ``lad24_code`` or ``lsoa21_code`` (LSOAs 2011 merged into one 2021 LSOA) for others.
    area : str
        What the areas are, for the message about an LSOA the lookup leaves out.
    lsoa_column : str
        The LSOA field named in a message: ``lsoa11_code`` or ``lsoa21_code``.

    Returns
    -------
    pandas.DataFrame
        Indexed by area code: ``population``, ``lsoa_count`` and ``imd_score`` (for a Series)
        or the weighted mean of each column of ``lsoa_scores`` (for a DataFrame).

    Raises
    ------
    InputError
        If an LSOA with a score has no ward or no population (reported, never dropped).

    Examples
    --------
    >>> scores = pd.Series({"E01000001": 10.0, "E01000002": 40.0, "E01000003": 5.0})
    >>> wards = pd.Series({"E01000001": "E05000001", "E01000002": "E05000001", "E01000003": "E05000002"})
    >>> people = pd.Series({"E01000001": 3000, "E01000002": 1000, "E01000003": 1500})
    >>> weighted_ward_scores(scores, wards, people)["imd_score"].to_dict()
    {'E05000001': 17.5, 'E05000002': 5.0}
    """
    scores = (
        lsoa_scores.to_frame("imd_score") if isinstance(lsoa_scores, pd.Series) else lsoa_scores
    )
    codes = scores.index
    ward = lsoa_to_ward.reindex(codes)
    population = populations.reindex(codes)
    for series, what in ((ward, f"{area} in the LSOA→{area} lookup"), (population, "population")):
        if series.isna().any():
            missing = series.index[series.isna()]
            raise InputError(
                f"{len(missing):,} LSOAs have no {what}, for example {missing[0]}; "
                "check that the lookup and the populations cover the same LSOAs.",
                field=lsoa_column,
                value=missing[0],
            )
    weights = population.to_numpy(dtype=np.float64)
    frame = pd.DataFrame(
        scores.to_numpy(dtype=np.float64) * weights[:, None], columns=scores.columns
    )
    frame.insert(0, "population", weights)
    frame.insert(0, "ward", ward.to_numpy())
    grouped = frame.groupby("ward", sort=True)
    result = grouped.sum()
    result.insert(1, "lsoa_count", grouped.size())
    result[list(scores.columns)] = result[list(scores.columns)].div(result["population"], axis=0)
    result.index.name = area_column
    return result


@lru_cache(maxsize=8)
def _ward_table(population: PopulationYear) -> pd.DataFrame:
    scores = load("imd2019_lsoa11_scores").set_index("lsoa11_code")["IMD_score"]
    lookup = load("lookup_lsoa11_ward17").set_index("lsoa11_code")["ward17_code"]
    wards = weighted_ward_scores(scores, lookup, lsoa_populations(population))

    cni = load("cni2019_ward17")
    table = cni[["ward17_code", "ward17_name", "lad19_code", "lad19_name"]].copy()
    table = table.join(wards, on="ward17_code")
    table["population"] = table["population"].fillna(0).astype(np.int64)
    table["lsoa_count"] = table["lsoa_count"].fillna(0).astype(np.int64)

    # Wards that the best-fit lookup gives no LSOA have no IMD score: they are ranked last
    # among none and cannot be left behind, and N counts only the wards that have a score.
    scored = table["imd_score"].notna().to_numpy()
    ranks = np.full(len(table), np.nan)
    ranks[scored] = rank_most_deprived_first(
        table.loc[scored, "imd_score"].to_numpy(), method="ordinal"
    )
    n_scored = int(scored.sum())
    table["imd_rank"] = pd.array(ranks, dtype="Int64")
    decile = np.full(len(table), np.nan)
    decile[scored] = deciles(ranks[scored], n_scored)
    table["imd_decile"] = pd.array(decile, dtype="Int64")

    table["cni_score"] = cni[_CNI19_SCORE].to_numpy()
    table["cni_rank"] = cni[_CNI19_RANK].to_numpy()
    imd_cut = n_scored // 10
    cni_cut = len(cni) // 10
    table["left_behind"] = (
        scored
        & (np.nan_to_num(ranks, nan=np.inf) <= imd_cut)
        & (table["cni_rank"].to_numpy() <= cni_cut)
    )
    table["left_behind_published"] = cni[_FLAGGED].to_numpy()
    table.attrs.update(imd_cut=imd_cut, cni_cut=cni_cut, wards_scored=n_scored)
    return table


def ward_table(
    year: Literal[2019] = 2019, *, population: PopulationYear = "mid2015"
) -> pd.DataFrame:
    """Every ward (December 2017 codes) in the CNI 2019 with its IMD, CNI and 'left behind' status.

    Parameters
    ----------
    year : 2019
        The IMD year: 2019, the one the published 'left behind' list uses.
    population : {"mid2015", "mid2017", "mid2019"}
        Population weights for the ward IMD score; the IoD's own mid-2015 by default.

    Returns
    -------
    pandas.DataFrame
        7,433 rows: ``ward17_code, ward17_name, lad19_code, lad19_name, population, lsoa_count,
        imd_score, imd_rank, imd_decile, cni_score, cni_rank, left_behind, left_behind_published``.
        Ranks are 1 for the most deprived (IMD) and the highest need (CNI).
    """
    # IMD 2025 is published on LSOA 2021, which no ward list of the CNI matches: see
    # left_behind_lsoa21() for its 'left behind' test.
    check_year(year, supported=(2019,), purpose="ward tables")
    return _ward_table(population).copy()


@lru_cache(maxsize=4)
def _lsoa_table(population: PopulationYear) -> pd.DataFrame:
    denominators = load("imd2019_population_denominators")
    table = denominators[["lsoa11_code", "lsoa11_name", "lad19_code", "lad19_name"]].copy()
    table["population"] = (
        lsoa_populations(population).reindex(table["lsoa11_code"]).to_numpy().astype(np.int64)
    )
    lookup = load("lookup_lsoa11_ward17").set_index("lsoa11_code")["ward17_code"]
    msoa = load("lookup_lsoa11_msoa11").set_index("lsoa11_code")["msoa11_code"]
    table["ward17_code"] = lookup.reindex(table["lsoa11_code"]).to_numpy()
    table["msoa11_code"] = msoa.reindex(table["lsoa11_code"]).to_numpy()
    scores = load("imd2019_lsoa11_scores").set_index("lsoa11_code")["IMD_score"]
    ranks = load("imd2019_lsoa11").set_index("lsoa11_code")
    table["imd_score"] = scores.reindex(table["lsoa11_code"]).to_numpy()
    table["imd_rank"] = ranks["IMD_rank"].reindex(table["lsoa11_code"]).to_numpy()
    table["imd_decile"] = ranks["IMD_decile"].reindex(table["lsoa11_code"]).to_numpy()
    wards = _ward_table(population).set_index("ward17_code")
    table["ward_imd_decile"] = wards["imd_decile"].reindex(table["ward17_code"]).to_numpy()
    for flag in ("left_behind", "left_behind_published"):
        table[f"ward_{flag}"] = (
            wards[flag].reindex(table["ward17_code"]).fillna(False).astype(bool).to_numpy()
        )
    return table


def lsoa_table(
    year: Literal[2019] = 2019, *, population: PopulationYear = "mid2015"
) -> pd.DataFrame:
    """Every English LSOA 2011 with its IMD 2019, geography and its ward's 'left behind' status.

    Returns
    -------
    pandas.DataFrame
        32,844 rows: ``lsoa11_code, lsoa11_name, lad19_code, lad19_name, population, ward17_code,
        msoa11_code, imd_score, imd_rank, imd_decile`` (published), ``ward_imd_decile`` (the
        decile of its ward among wards), ``ward_left_behind`` and ``ward_left_behind_published``
        (OCSI's flag for its ward). An LSOA whose ward is not in the CNI (City of London, Isles
        of Scilly) has no ward decile and is not left behind.
    """
    check_year(year, supported=(2019,), purpose="LSOA 2011 tables")
    return _lsoa_table(population).copy()


def compare_left_behind(
    table: pd.DataFrame, *, code_column: str = "ward17_code"
) -> LeftBehindAgreement:
    """Compare ``left_behind`` with ``left_behind_published`` in a ward or LSOA table."""
    ours = table["left_behind"].to_numpy(dtype=bool)
    theirs = table["left_behind_published"].to_numpy(dtype=bool)
    codes = table[code_column].to_numpy()
    return LeftBehindAgreement(
        predicted=int(ours.sum()),
        published=int(theirs.sum()),
        matched=int((ours & theirs).sum()),
        false_positives=tuple(codes[ours & ~theirs]),
        missed=tuple(codes[~ours & theirs]),
    )


@lru_cache(maxsize=1)
def _left_behind_lsoa21() -> pd.DataFrame:
    imd = load("imd2025_lsoa21")
    cni = load("cni2023_lsoa21")
    table = cni[["lsoa21_code", "lsoa21_name"]].merge(
        imd[["lsoa21_code", "IMD_score", "IMD_rank", "IMD_decile"]],
        on="lsoa21_code",
        how="outer",
        validate="one_to_one",
    )
    if table[["lsoa21_name", "IMD_rank"]].isna().any().any():
        raise InputError(
            "the IMD 2025 and CNI 2023 files do not cover the same LSOAs; fetch both again.",
            field="lsoa21_code",
        )
    table = table.rename(
        columns={"IMD_score": "imd_score", "IMD_rank": "imd_rank", "IMD_decile": "imd_decile"}
    )
    cni = cni.set_index("lsoa21_code").reindex(table["lsoa21_code"])
    table["cni_score"] = cni[_CNI23_SCORE].to_numpy()
    table["cni_rank"] = cni[_CNI23_RANK].to_numpy()
    table["cni_decile"] = deciles(table["cni_rank"].to_numpy(), len(table))
    table["left_behind"] = (table["imd_decile"] == 1).to_numpy() & (
        table["cni_decile"] == 1
    ).to_numpy()
    table["left_behind_published"] = cni[_FLAGGED].to_numpy()
    from n4c.needs.ward_domains import lsoa21_domains

    return table.join(lsoa21_domains(), on="lsoa21_code")


def left_behind_lsoa21() -> pd.DataFrame:
    """The LSOA 2021 variant: IMD 2025 decile 1 and CNI 2023 most-in-need decile.

    Both deciles use the IoD rule ceil(rank / N × 10). ``left_behind_published`` is the flag
    shipped with the CNI 2023 file, which humaniverse/IMD computed with ``ntile`` (slightly
    different bin edges), not OCSI. The LSOA's published domain ranks and deciles follow (see
    :func:`n4c.needs.ward_domains.lsoa21_domains`), to show what drives each result.
    """
    return _left_behind_lsoa21().copy()


#: Why a ward's two 'left behind' answers part, one name for each of the sentences below.
DifferenceReason = Literal[
    "ocsi_cni_limit", "ocsi_method_outside", "no_imd_score", "ocsi_method_inside", "cni_outside"
]


@dataclass(frozen=True)
class WardDifference:
    """Why n4c's 'left behind' answer for one ward differs from OCSI's: the facts, kept so the
    sentence (:func:`ward_difference_sentence`) can be told again in any reader's language."""

    reason: DifferenceReason
    ward17_code: str
    ward17_name: str
    imd_rank: int | None
    imd_cut: int
    cni_rank: int
    cni_cut: int
    flagged_cni: int


def ward_differences(table: pd.DataFrame) -> pd.Series:
    """The :class:`WardDifference` of each ward whose n4c and OCSI flags differ, None elsewhere.

    ``table`` is a :func:`ward_table` (or rows of one, with its ``attrs``); the result is indexed
    like it.
    """
    imd_cut, cni_cut = int(table.attrs["imd_cut"]), int(table.attrs["cni_cut"])
    published = table["left_behind_published"].astype(bool)
    parted = table[table["left_behind"] != published]
    found = {}
    if len(parted):
        flagged_cni = _ward_table_published_cni_max()
        found = {
            index: _ward_difference(row, imd_cut, cni_cut, flagged_cni)
            for index, row in parted.iterrows()
        }
    return pd.Series([found.get(index) for index in table.index], index=table.index, dtype=object)


def left_behind_differences(table: pd.DataFrame) -> pd.Series:
    """Why n4c's 'left behind' flag differs from OCSI's published one, for each ward.

    Indexed like ``table`` (see :func:`ward_differences`): one plain sentence, in the reader's
    language, per ward where the flags differ, "" elsewhere.
    """
    return ward_differences(table).map(lambda d: ward_difference_sentence(d) if d else "")


@lru_cache(maxsize=1)
def _ward_table_published_cni_max() -> int:
    # OCSI's list, whatever population weights n4c used: the highest CNI rank it flags.
    cni = load("cni2019_ward17")
    return int(cni.loc[cni[_FLAGGED].astype(bool), _CNI19_RANK].max())


def _ward_difference(
    row: pd.Series, imd_cut: int, cni_cut: int, flagged_cni: int
) -> WardDifference:
    imd_rank, cni_rank = row["imd_rank"], int(row["cni_rank"])
    reason: DifferenceReason
    if bool(row["left_behind"]):
        reason = "ocsi_cni_limit" if cni_rank > flagged_cni else "ocsi_method_outside"
    elif pd.isna(imd_rank):
        reason = "no_imd_score"
    elif int(imd_rank) > imd_cut:
        reason = "ocsi_method_inside"
    else:
        reason = "cni_outside"
    return WardDifference(
        reason=reason,
        ward17_code=str(row["ward17_code"]),
        ward17_name=str(row["ward17_name"]),
        imd_rank=None if pd.isna(imd_rank) else int(imd_rank),
        imd_cut=imd_cut,
        cni_rank=cni_rank,
        cni_cut=cni_cut,
        flagged_cni=flagged_cni,
    )


def ward_difference_sentence(difference: WardDifference) -> str:
    """Why one ward's two 'left behind' answers differ, in the reader's language."""
    d = difference
    values = {
        "ward": f"{d.ward17_name} ({d.ward17_code})",
        "imd_rank": "" if d.imd_rank is None else number(d.imd_rank),
        "imd_cut": number(d.imd_cut),
        "cni_rank": number(d.cni_rank),
        "cni_cut": number(d.cni_cut),
        "flagged_cni": number(d.flagged_cni),
    }
    sentences = {
        "ocsi_cni_limit": _(
            "%(ward)s is inside both of n4c's cut-offs (ward IMD rank %(imd_rank)s of the most "
            "deprived %(imd_cut)s; CNI rank %(cni_rank)s of the %(cni_cut)s most in need), but "
            "OCSI's list includes no ward ranked beyond %(flagged_cni)s on the CNI."
        ),
        "ocsi_method_outside": _(
            "%(ward)s ranks %(imd_rank)s on n4c's ward IMD score, inside the most deprived "
            "%(imd_cut)s wards. n4c averages whole LSOAs over each ward (the ONS best fit); OCSI "
            "builds its ward scores differently (from Output Areas, by its own account), which "
            "leaves it outside OCSI's most deprived tenth."
        ),
        "no_imd_score": _(
            "%(ward)s has no LSOA in the ONS best-fit lookup, so n4c has no IMD score for it."
        ),
        "ocsi_method_inside": _(
            "%(ward)s ranks %(imd_rank)s on n4c's ward IMD score, just outside the most deprived "
            "%(imd_cut)s wards. n4c averages whole LSOAs over each ward (the ONS best fit); OCSI "
            "builds its ward scores differently (from Output Areas, by its own account), which "
            "puts it inside OCSI's most deprived tenth."
        ),
        "cni_outside": _(
            "%(ward)s has CNI rank %(cni_rank)s, outside the %(cni_cut)s wards most in need that "
            "n4c's test takes, though OCSI's list includes it."
        ),
    }
    return sentences[d.reason] % values


@dataclass(frozen=True)
class LeftBehindListing:
    """The 'left behind' test for a year, ready to write and show.

    ``table`` has one row per ward (2019, or 2025 at ward level) or LSOA 2021 (2025) with the
    output columns: code, name, IMD and CNI scores and ranks, ``left_behind`` and, beside a
    published list, ``left_behind_published`` (2019 wards also ``left_behind_difference``:
    why the two flags differ, "" where they agree), then the local authority, population,
    deciles and the domain columns that show what drives each result. ``code_column`` and
    ``name_column`` name its code and name columns; ``areas`` says what its rows are;
    ``agreement`` is ``None`` where there is no published list (2024 wards).
    """

    year: int
    table: pd.DataFrame
    agreement: LeftBehindAgreement | None
    code_column: str
    name_column: str
    areas: str

    def most_deprived(self, top: int) -> pd.DataFrame:
        """The ``top`` left-behind rows by IMD rank: code, name, authority, score and ranks."""
        shown = self.table[self.table["left_behind"]].sort_values("imd_rank").head(top)
        authority = "lad19_name" if "lad19_name" in shown.columns else "lad_name"
        columns = [
            c
            for c in (
                self.code_column,
                self.name_column,
                authority,
                "imd_score",
                "imd_rank",
                "cni_rank",
                "left_behind_published",
            )
            if c in shown.columns
        ]
        return shown[columns].reset_index(drop=True)


def left_behind_listing(
    year: int = 2019, *, population: PopulationYear = "mid2015", level: str | None = None
) -> LeftBehindListing:
    """The 'left behind' areas of ``year`` beside the published list, as one output table.

    2019: wards (December 2017), IMD 2019 × CNI 2019, compared with OCSI's published list;
    2025 (``level="lsoa"``, the default): LSOAs 2021, IMD 2025 × CNI 2023, compared with the
    flag shipped in the CNI 2023 file; 2025 at ``level="ward"``: 2024 wards, n4c's own
    estimate (see :func:`n4c.needs.wards24.ward24_table`; no published list to compare).
    ``population`` chooses the 2019 ward score's weights.
    """
    level = check_left_behind_level(check_year(year), level)
    if year == 2019:
        from n4c.needs.ward_domains import ward17_domains

        wards = ward_table(2019, population=population)
        wards["left_behind_difference"] = left_behind_differences(wards)
        wards["lad_code"], wards["lad_name"] = wards["lad19_code"], wards["lad19_name"]
        table = wards.join(ward17_domains(population), on="ward17_code").rename(
            columns={"ward17_code": "ward_code", "ward17_name": "ward_name"}
        )
        # The first thirteen columns are the published contract; the rest are appended.
        columns = [
            "ward_code", "ward_name", "imd_score", "imd_rank", "cni_rank", "left_behind",
            "left_behind_published", "left_behind_difference", "lad19_code", "lad19_name",
            "population", "imd_decile", "cni_score", "lad_code", "lad_name",
        ]  # fmt: skip
        columns += [c for c in table.columns if c not in columns and c not in wards.columns]
        return LeftBehindListing(
            year=year,
            table=table[columns].reset_index(drop=True),
            agreement=compare_left_behind(wards),
            code_column="ward_code",
            name_column="ward_name",
            areas="wards",
        )
    if level == "ward":
        from n4c.needs.wards24 import ward24_table

        return LeftBehindListing(
            year=year,
            table=ward24_table(),
            agreement=None,
            code_column="ward_code",
            name_column="ward_name",
            areas="wards (2024)",
        )
    lsoas = left_behind_lsoa21()
    table = council_columns(
        lsoas.rename(columns={"lsoa21_code": "lsoa_code", "lsoa21_name": "lsoa_name"}),
        year=2025,
        geography="lsoa",
        code_column="lsoa_code",
    )
    # The council follows the published flag, before the domains, as for 2019 wards.
    names = list(table.columns)
    first = names[: names.index("left_behind_published") + 1]
    columns = [*first, "lad_code", "lad_name"]
    columns += [c for c in names if c not in columns]
    return LeftBehindListing(
        year=year,
        table=table[columns],
        agreement=compare_left_behind(lsoas, code_column="lsoa21_code"),
        code_column="lsoa_code",
        name_column="lsoa_name",
        areas="LSOAs (2021)",
    )

"""A worked example on published data: the 2019 'left behind' wards, IoD 2015 to IoD 2019.

The 225 wards of OCSI's 2019 'left behind' list are each matched to one ward not on the list
that was in IMD 2015 deciles 1 and 2 (without replacement), on its IMD 2015 ward score and
population. Region is not matched here: the listed wards gather in a few regions with too few
similar wards, and matching within region leaves the IMD 2015 scores unbalanced (SMD about 0.2
rather than under 0.05). The pool and the matching use 2015 values only, so
neither looks at the outcome. Both groups' ward IMD scores in 2015 and 2019 form a two-period
panel, and a difference-in-differences compares how the two groups' scores changed.

This is an association, not the effect of any programme: the list was drawn up from the 2019
figures themselves, so wards that happened to worsen by 2019 were more likely to be on it, and
the IoD's scores are not designed to be compared between editions (its ranks are relative).
Both ward scores are population-weighted means of LSOA scores through the ONS best-fit lookup,
weighted by the IoD 2019's mid-2015 denominators in both years (the IoD 2015's own mid-2012
denominators are not in n4c's data).

With ``editions="2019-2025"`` the same design runs from the IoD 2019 to the IoD 2025 on
December 2024 wards (:func:`n4c.needs.find_change`, the IoD 2019 carried to LSOA 2021 through
the ONS lookup). A 2024 ward counts as listed when at least half its residents live in the LSOAs
2021 of the 2019 'left behind' wards (the LSOA overlap :func:`n4c.needs.compare_left_behind_years`
also uses). The outcome is the ward's rank among wards in each edition, not its score: only
ranks and deciles compare across editions.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Literal

import numpy as np
import pandas as pd

from n4c.evaluate.comparators import ComparatorSelection, match_comparators, ward_regions
from n4c.evaluate.did import DidResult, estimate_did

__all__ = ["EXAMPLE_EDITIONS", "EXAMPLE_STATEMENT", "WorkedExample", "worked_example"]

#: The pairs of editions the worked example runs on.
ExampleEditions = Literal["2015-2019", "2019-2025"]
EXAMPLE_EDITIONS: tuple[str, ...] = ("2015-2019", "2019-2025")

EXAMPLE_STATEMENT = (
    "An association between being on the 2019 'left behind' list and the change in ward IMD "
    "score from the IoD 2015 to the IoD 2019, against matched wards; not the effect of any "
    "programme. The list was drawn from the 2019 figures, so some of the difference comes from "
    "how the wards were chosen."
)
_STATEMENT_2025 = (
    "An association between being on the 2019 'left behind' list and the change in ward IMD "
    "rank among wards from the IoD 2019 to the IoD 2025 (December 2024 wards, through the LSOA "
    "2011 to 2021 lookup), against matched wards; not the effect of any programme. Ranks, not "
    "scores, compare across editions, and the list was drawn from the 2019 figures, so some of "
    "the difference comes from how the wards were chosen."
)
_VARIABLES = ("imd2015_score", "population")
_VARIABLES_2025 = ("rank_2019", "population_2019")


@dataclass(frozen=True)
class WorkedExample:
    """The panel written by ``n4c evaluate example``, the matching and the estimate."""

    panel: pd.DataFrame
    selection: ComparatorSelection
    did: DidResult
    statement: str = EXAMPLE_STATEMENT


def _ward_scores() -> pd.DataFrame:
    from n4c.data import load
    from n4c.needs import lsoa_populations, ward_table, weighted_ward_scores

    wards = ward_table(2019).set_index("ward17_code")
    wards = wards[wards["imd_score"].notna()]
    lookup = load("lookup_lsoa11_ward17").set_index("lsoa11_code")["ward17_code"]
    scores2015 = load("imd2015_lsoa11").set_index("lsoa11_code")["IMD_score"]
    earlier = weighted_ward_scores(scores2015, lookup, lsoa_populations("mid2015"))
    table = wards[["ward17_name", "population", "imd_score", "left_behind_published"]].rename(
        columns={"imd_score": "imd2019_score"}
    )
    table["imd2015_score"] = earlier["imd_score"].reindex(table.index).to_numpy()
    table["population"] = table["population"].astype(np.float64)
    table["region"] = ward_regions().reindex(table.index).to_numpy()
    for year in (2015, 2019):
        table[f"imd{year}_rank"] = table[f"imd{year}_score"].rank(ascending=False, method="min")
    n = len(table)
    table["imd2015_decile"] = np.ceil(table["imd2015_rank"] / n * 10).astype(np.int64)
    return table


def worked_example(editions: ExampleEditions = "2015-2019") -> WorkedExample:
    """Match the 2019 'left behind' wards on earlier values and compare their change.

    Parameters
    ----------
    editions : {"2015-2019", "2019-2025"}
        IoD 2015 to 2019 on December 2017 wards, or IoD 2019 to 2025 on December 2024 wards.

    Returns
    -------
    WorkedExample
        For 2015-2019, ``panel`` has two rows per ward (2015, 2019): ``ward17_code,
        ward17_name, year, treated, post, imd_score, imd_rank, matched_to`` (the supported ward
        a comparator was chosen for). For 2019-2025, two rows per 2024 ward (2019, 2025):
        ``ward24_code, ward24_name, year, treated, post, imd_rank, imd_decile, matched_to``.

    Raises
    ------
    InputError
        If ``editions`` is not one of :data:`EXAMPLE_EDITIONS`.
    """
    if editions not in EXAMPLE_EDITIONS:
        from n4c.errors import InputError

        raise InputError(
            f"The worked example runs on editions {' or '.join(EXAMPLE_EDITIONS)}, "
            f"not {editions!r}.",
            field="editions",
            value=str(editions),
        )
    if editions == "2019-2025":
        return _example_2019_2025()
    return _example_2015_2019()


def _listed_wards24() -> pd.Series:
    """Each 2024 ward's share of residents in the LSOAs 2021 of the 2019 'left behind' wards."""
    from n4c.data import load, population_for_2025
    from n4c.needs import ward_table
    from n4c.needs.left_behind_change import published_lsoas21

    inside = set(published_lsoas21(ward_table(2019))["lsoa21_code"])
    ward_of = load("lookup_lsoa21_ward24_lad24").set_index("lsoa21_code")["ward24_code"]
    people = population_for_2025().frame.set_index("lsoa21_code")["population"]
    frame = pd.DataFrame(
        {"ward": ward_of.to_numpy(), "people": people.reindex(ward_of.index).to_numpy()},
        index=ward_of.index,
    )
    frame["inside"] = frame["people"] * frame.index.isin(inside)
    totals = frame.groupby("ward")[["people", "inside"]].sum()
    return totals["inside"] / totals["people"]


def _example_2019_2025() -> WorkedExample:
    from n4c.data.registry import checksum
    from n4c.needs import find_change
    from n4c.needs.left_behind_change import STILL_IN_SHARE

    change = find_change(2019, 2025, level="ward")
    table = pd.read_csv(io.StringIO(change.csv)).set_index("ward24_code")
    table = table[table["rank_2019"].notna() & table["rank_2025"].notna()]
    share = _listed_wards24().reindex(table.index).fillna(0.0)
    listed = share >= STILL_IN_SHARE
    supported = list(table.index[listed])
    pool = list(table.index[(table["decile_2019"] <= 2) & ~listed])
    inputs = {
        name: checksum(name)
        for name in (
            "imd2019_lsoa11",
            "lookup_lsoa11_ward17",
            "lookup_lsoa11_lsoa21",
            "lookup_lsoa21_ward24_lad24",
            "cni2019_ward17",
        )
    }
    selection = match_comparators(
        table,
        supported,
        pool,
        variables=_VARIABLES_2025,
        k=1,
        region_column=None,
        pool_name="IMD 2019 deciles 1 and 2 of 2024 wards, not left behind",
        inputs=inputs,
    )
    matched_to = {c: code for code, comparators in selection.matches.items() for c in comparators}
    wards = [*supported, *matched_to]
    rows = []
    for year in (2019, 2025):
        part = table.loc[wards, ["ward24_name"]].copy()
        part.insert(0, "ward24_code", part.index)
        part["year"] = year
        part["treated"] = [int(code in selection.matches) for code in wards]
        part["post"] = part["treated"] * int(year == 2025)
        part["imd_rank"] = table.loc[wards, f"rank_{year}"].astype(np.int64).to_numpy()
        part["imd_decile"] = table.loc[wards, f"decile_{year}"].astype(np.int64).to_numpy()
        part["matched_to"] = [matched_to.get(code, "") for code in wards]
        rows.append(part)
    panel = pd.concat(rows, ignore_index=True)
    did = estimate_did(
        panel, unit="ward24_code", time="year", treated="treated", post="post", outcome="imd_rank"
    )
    return WorkedExample(panel=panel, selection=selection, did=did, statement=_STATEMENT_2025)


def _example_2015_2019() -> WorkedExample:
    from n4c.data.registry import checksum

    table = _ward_scores()
    supported = list(table.index[table["left_behind_published"].astype(bool)])
    pool = list(table.index[(table["imd2015_decile"] <= 2) & ~table["left_behind_published"]])
    inputs = {
        name: checksum(name)
        for name in (
            "imd2015_lsoa11",
            "imd2019_lsoa11_scores",
            "lookup_lsoa11_ward17",
            "cni2019_ward17",
        )
    }
    selection = match_comparators(
        table,
        supported,
        pool,
        variables=_VARIABLES,
        k=1,
        region_column=None,
        pool_name="IMD 2015 deciles 1 and 2, not left behind",
        inputs=inputs,
    )
    matched_to = {c: code for code, comparators in selection.matches.items() for c in comparators}
    wards = [*supported, *matched_to]
    rows = []
    for year in (2015, 2019):
        part = table.loc[wards, ["ward17_name"]].copy()
        part.insert(0, "ward17_code", part.index)
        part["year"] = year
        part["treated"] = [int(code in selection.matches) for code in wards]
        part["post"] = part["treated"] * int(year == 2019)
        part["imd_score"] = table.loc[wards, f"imd{year}_score"].round(3).to_numpy()
        part["imd_rank"] = table.loc[wards, f"imd{year}_rank"].astype(np.int64).to_numpy()
        part["matched_to"] = [matched_to.get(code, "") for code in wards]
        rows.append(part)
    panel = pd.concat(rows, ignore_index=True)
    did = estimate_did(
        panel, unit="ward17_code", time="year", treated="treated", post="post", outcome="imd_score"
    )
    return WorkedExample(panel=panel, selection=selection, did=did)

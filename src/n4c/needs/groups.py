"""Groups of wards or LSOAs: their population, need, and one rule for when a group is 'left behind'.

A Network area is a handful of wards; a fund's custom neighbourhood is a handful of LSOAs. Both
are summarised here, so the platform and fund allocation give the same answer.

The rule: **a group counts as left behind when more than half of its residents live in wards
that are left behind.** A single ward is left behind exactly when it passes the ward test; one
deprived ward in a large group does not make the whole group left behind, and a group split
evenly is not. The same rule applied to OCSI's published ward flags gives OCSI's answer for the
group, shown beside n4c's; when the two differ, :func:`summarise_ward_group` says why.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np
import numpy.typing as npt
import pandas as pd

from n4c.errors import InputError
from n4c.geography import check_year
from n4c.needs.wards import (
    WardDifference,
    ward_difference_sentence,
    ward_differences,
    ward_table,
)
from n4c.words import gettext as _
from n4c.words import gettext_noop

__all__ = [
    "LEFT_BEHIND_GROUP_RULE",
    "WardGroupSummary",
    "difference_sentence",
    "group_is_left_behind",
    "summarise_groups",
    "summarise_ward_group",
]

#: The rule in words, for pages, help and exports.
LEFT_BEHIND_GROUP_RULE = gettext_noop(
    "A group of wards counts as left behind when more than half of its residents live in "
    "wards that are left behind."
)


def group_is_left_behind(share: npt.ArrayLike) -> npt.NDArray[np.bool_]:
    """The group rule on the share of residents living in left-behind wards (0 to 1).

    Examples
    --------
    >>> group_is_left_behind([1.0, 0.5, 0.51, 0.0]).tolist()
    [True, False, True, False]
    """
    return np.nan_to_num(np.asarray(share, dtype=np.float64), nan=0.0) > 0.5


def summarise_groups(members: pd.DataFrame, *, by: str | list[str]) -> pd.DataFrame:
    """Summarise groups of wards or LSOAs: population, weighted scores and the group rule.

    Parameters
    ----------
    members : pandas.DataFrame
        One row per member (a ward or an LSOA) with the ``by`` column(s), ``population``,
        ``imd_score``, ``left_behind`` and ``left_behind_published`` (the member's ward's flags)
        and optionally ``cni_score``.
    by : str or list of str
        The column(s) naming each member's group.

    Returns
    -------
    pandas.DataFrame
        One row per group, sorted by ``by``: ``population``, ``member_count``, ``imd_score``
        (population-weighted), ``cni_score`` (if given, population-weighted),
        ``left_behind_share`` and ``left_behind`` (n4c's flags, by the group rule), and
        ``left_behind_published_share`` and ``left_behind_published`` (the same rule on OCSI's
        published flags).

    Examples
    --------
    >>> members = pd.DataFrame({"group": ["N", "N", "S"], "population": [1000, 3000, 2000],
    ...     "imd_score": [60.0, 20.0, 10.0], "left_behind": [True, False, False],
    ...     "left_behind_published": [True, True, False]})
    >>> summarise_groups(members, by="group")[["group", "imd_score", "left_behind",
    ...     "left_behind_published"]]
      group  imd_score  left_behind  left_behind_published
    0     N       30.0        False                   True
    1     S       10.0        False                  False
    """
    keys = [by] if isinstance(by, str) else list(by)
    frame = members[keys].copy()
    population = pd.to_numeric(members["population"]).astype(np.float64)
    frame["population"] = population
    frame["member_count"] = 1
    frame["weighted_imd"] = members["imd_score"].astype(np.float64) * population
    frame["imd_people"] = population.where(members["imd_score"].notna(), 0.0)
    for flag in ("left_behind", "left_behind_published"):
        frame[f"{flag}_people"] = population * members[flag].fillna(False).astype(bool)
    has_cni = "cni_score" in members.columns
    if has_cni:
        frame["weighted_cni"] = members["cni_score"].astype(np.float64) * population
    grouped = frame.groupby(keys, sort=True).sum(min_count=1).reset_index()
    people = grouped["population"].replace(0, np.nan)
    grouped["imd_score"] = grouped["weighted_imd"] / grouped["imd_people"].replace(0, np.nan)
    if has_cni:
        grouped["cni_score"] = grouped["weighted_cni"] / people
    for flag in ("left_behind", "left_behind_published"):
        share = (grouped[f"{flag}_people"] / people).fillna(0.0)
        grouped[f"{flag}_share"] = share
        grouped[flag] = group_is_left_behind(share.to_numpy())
    grouped["population"] = grouped["population"].astype(np.int64)
    columns = [
        *keys,
        "population",
        "member_count",
        "imd_score",
        *(["cni_score"] if has_cni else []),
        "left_behind_share",
        "left_behind",
        "left_behind_published_share",
        "left_behind_published",
    ]
    return grouped[columns]


@dataclass(frozen=True)
class WardGroupSummary:
    """The need of a group of wards, with n4c's and OCSI's 'left behind' answers side by side.

    ``imd_rank``, ``imd_decile`` and ``cni_rank`` are the most deprived ward's, because one
    deeply deprived ward is what brings an area to the Network; the scores are weighted by
    population. ``left_behind_difference`` is empty when n4c and OCSI agree; otherwise it says
    why, from ``ward_differences`` (the wards where the two part), which let
    :func:`difference_sentence` say it again in another reader's language.
    """

    ward17_codes: tuple[str, ...]
    ward17_names: tuple[str, ...]
    lad19_codes: tuple[str, ...]
    population: int
    imd_score: float
    imd_rank: int
    imd_decile: int
    cni_score: float
    cni_rank: int
    left_behind_share: float
    left_behind: bool
    left_behind_published: bool
    left_behind_difference: str
    ward_differences: tuple[WardDifference, ...] = ()


def summarise_ward_group(ward17_codes: Sequence[str], *, year: int = 2019) -> WardGroupSummary:
    """Summarise a group of wards (December 2017 codes) with IMD 2019, CNI 2019 and both flags.

    Parameters
    ----------
    ward17_codes : sequence of str
        The wards, each once.
    year : 2019
        The IMD year; the ward figures exist for 2019 (the published 'left behind' list).

    Returns
    -------
    WardGroupSummary

    Raises
    ------
    InputError
        If a ward is not in the CNI 2019 ward list, or no ward has an IMD score.
    """
    check_year(year, supported=(2019,), purpose="ward groups")
    codes = list(dict.fromkeys(ward17_codes))
    table = ward_table(2019)
    indexed = table.set_index("ward17_code")
    missing = [c for c in codes if c not in indexed.index]
    if missing:
        raise InputError(
            f"{', '.join(missing)} is not in the Community Needs Index 2019 ward list. "
            "Check the code against the December 2017 wards.",
            field="ward17_codes",
            value=", ".join(missing),
        )
    wards = indexed.loc[codes]
    scored = wards.dropna(subset=["imd_score", "imd_rank"])
    if scored.empty:
        raise InputError(
            f"{', '.join(codes)} has no IMD 2019 score (no LSOA in the lookup); choose other wards.",
            field="ward17_codes",
            value=", ".join(codes),
        )
    members = wards.reset_index().assign(group="")
    members.attrs.update(table.attrs)
    summary = summarise_groups(members, by="group").iloc[0]
    left_behind = bool(summary["left_behind"])
    published = bool(summary["left_behind_published"])
    group = WardGroupSummary(
        ward17_codes=tuple(codes),
        ward17_names=tuple(wards["ward17_name"]),
        lad19_codes=tuple(dict.fromkeys(wards["lad19_code"])),
        population=int(summary["population"]),
        imd_score=round(float(summary["imd_score"]), 3),
        imd_rank=int(scored["imd_rank"].min()),
        imd_decile=int(scored["imd_decile"].min()),
        cni_score=round(float(summary["cni_score"]), 3),
        cni_rank=int(wards["cni_rank"].min()),
        left_behind_share=round(float(summary["left_behind_share"]), 4),
        left_behind=left_behind,
        left_behind_published=published,
        left_behind_difference="",
        ward_differences=tuple(d for d in ward_differences(members) if d is not None),
    )
    return replace(group, left_behind_difference=difference_sentence(group))


def difference_sentence(summary: WardGroupSummary) -> str:
    """Why n4c's answer for the group differs from OCSI's, in the reader's language: the two
    answers, the group rule where there are several wards, and each ward where the two part.
    Empty when they agree."""
    if summary.left_behind == summary.left_behind_published:
        return ""
    if summary.left_behind:
        opening = _("n4c counts this area as left behind and OCSI's published list does not.")
    else:
        opening = _("OCSI's published list counts this area as left behind and n4c does not.")
    rule = [_(LEFT_BEHIND_GROUP_RULE)] if len(summary.ward17_codes) > 1 else []
    reasons = [ward_difference_sentence(d) for d in summary.ward_differences]
    return " ".join([opening, *rule, *reasons])

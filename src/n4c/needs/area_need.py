"""An area's need in both editions n4c holds, whichever geography the area is drawn on.

An area is drawn on 2017 wards, 2024 wards or LSOAs 2021. Each edition is summarised on its own
wards: IMD 2019 and CNI 2019 on December 2017 wards (:func:`~n4c.needs.summarise_ward_group`,
with OCSI's published flag), IMD 2025 and CNI 2023 on 2024 wards (:func:`~n4c.needs.ward24_table`,
n4c's estimate). The area reaches the other edition's wards through its LSOAs:

- its LSOAs 2011 and 2021, through the ONS lookups (LSOA 2011 to 2021 with its splits and
  merges; best-fit LSOA to ward);
- the other edition's **best-fit wards**: each ward at least half of whose residents live in
  the area's LSOAs, or the one with most of them when none is.

Each edition then follows the group rules of :mod:`n4c.needs.groups`: the IMD and CNI ranks and
deciles are the most deprived ward's, the score and the 'left behind' share are weighted by
population. A domain's rank is the population-weighted mean of the wards' domain ranks (see
:mod:`n4c.needs.ward_domains`), and its decile that rank's decile among wards. The LSOA 2021
variant applies the group rule to the area's LSOAs 2021 (:func:`~n4c.needs.left_behind_lsoa21`).
Ranks compare between editions; scores do not, as each edition scales its scores differently.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

import numpy as np
import pandas as pd

from n4c import __version__
from n4c.data import load, population_for_2025
from n4c.data.registry import checksum
from n4c.errors import InputError
from n4c.geography import code_shape
from n4c.needs.groups import WardGroupSummary, group_is_left_behind, summarise_ward_group
from n4c.needs.transform import deciles
from n4c.needs.ward_domains import CNI_DOMAINS, IMD_DOMAINS, ward17_domains
from n4c.needs.wards import left_behind_lsoa21, lsoa_populations, ward_table
from n4c.needs.wards24 import ward24_table

__all__ = [
    "AREA_GEOGRAPHIES",
    "AREA_NEED_DATASETS",
    "AreaGeography",
    "AreaNeed",
    "DomainRank",
    "EditionNeed",
    "LsoaNeed",
    "area_lsoas",
    "area_need_versions",
    "check_area_codes",
    "explain_area_need",
    "parse_area_codes",
    "summarise_area",
]

AreaGeography = Literal["ward17", "ward24", "lsoa21"]

#: Each geography an area may be drawn on, in words.
AREA_GEOGRAPHIES: dict[str, str] = {
    "ward17": "Wards (December 2017)",
    "ward24": "Wards (2024)",
    "lsoa21": "LSOAs (2021)",
}

#: The datasets an area's need is read from, for its version (their checksums).
AREA_NEED_DATASETS = (
    "imd2019_lsoa11",
    "imd2019_population_denominators",
    "cni2019_ward17",
    "lookup_lsoa11_ward17",
    "lookup_lsoa11_lsoa21",
    "lookup_lsoa21_ward24_lad24",
    "imd2025_lsoa21",
    "cni2023_lsoa21",
)

#: The words for each domain, in the order the IoD and the CNI give them.
DOMAIN_LABELS: dict[str, str] = {
    "income": "Income",
    "employment": "Employment",
    "education": "Education, skills and training",
    "health": "Health and disability",
    "crime": "Crime",
    "barriers": "Barriers to housing and services",
    "living_environment": "Living environment",
    "civic_assets": "Civic assets",
    "connectedness": "Connectedness",
    "engaged_community": "Active and engaged community",
}

#: How an edition's wards were chosen: the area's own, or those that best fit it.
_Fit = Literal["as drawn", "best fit"]

_NOUNS = {"ward17": "ward of December 2017", "ward24": "ward of 2024", "lsoa21": "LSOA 2021"}


@dataclass(frozen=True)
class DomainRank:
    """One domain: the population-weighted mean of the wards' ranks (1 = most deprived or in need)."""

    domain: str
    label: str
    rank: int
    decile: int


@dataclass(frozen=True)
class EditionNeed:
    """The area in one edition, on that edition's wards (``fit`` says how they were chosen)."""

    imd_year: int
    cni_year: int
    ward_codes: tuple[str, ...]
    ward_names: tuple[str, ...]
    fit: _Fit
    wards_ranked: int
    population: int
    imd_score: float
    imd_rank: int
    imd_decile: int
    cni_rank: int
    cni_decile: int
    left_behind_share: float
    left_behind: bool
    imd_domains: tuple[DomainRank, ...]
    cni_domains: tuple[DomainRank, ...]


@dataclass(frozen=True)
class LsoaNeed:
    """The group rule on the area's LSOAs 2021 (IMD 2025 and CNI 2023 deciles of each LSOA)."""

    lsoa21_count: int
    population: int
    left_behind_share: float
    left_behind: bool
    published_share: float
    left_behind_published: bool


@dataclass(frozen=True)
class AreaNeed:
    """An area's need in IMD 2019 and IMD 2025, with both 'left behind' estimates and OCSI's flag.

    ``ward17`` is the 2019 summary of its December 2017 wards (OCSI's published flag and why n4c
    differs); ``change`` says in words how its ranks and deciles moved between the editions.
    """

    geography: str
    codes: tuple[str, ...]
    lad19_codes: tuple[str, ...]
    lsoa11_codes: tuple[str, ...]
    lsoa21_codes: tuple[str, ...]
    ward17: WardGroupSummary
    imd2019: EditionNeed
    imd2025: EditionNeed
    lsoa21: LsoaNeed
    imd_decile_change: int
    change: str


def parse_area_codes(text: str | Sequence[str], geography: str) -> list[str]:
    """The codes in ``text`` (separated by commas, spaces or new lines), each checked for shape.

    Raises
    ------
    InputError
        For an unknown geography, no codes, or a code of the wrong shape (named in the message).
    """
    shape = _shape(geography)
    joined = text if isinstance(text, str) else " ".join(text)
    codes = [c.strip().upper() for c in re.split(r"[\s,;]+", joined) if c.strip()]
    hint = f"Enter {shape.noun} codes ({shape.expected}), like {shape.example}."
    if not codes:
        raise InputError(hint, field="codes", value=joined)
    bad = [c for c in codes if not shape.matches(c)]
    if bad:
        raise InputError(
            f"{', '.join(bad)} is not {shape.rule}. {hint}", field="codes", value=joined
        )
    return list(dict.fromkeys(codes))


def check_area_codes(geography: str, codes: Sequence[str]) -> list[str]:
    """``codes`` (shape-checked) if each is in the geography's ONS lookup; else an InputError."""
    found = parse_area_codes(codes, geography)
    known = _known_codes(geography)
    missing = [c for c in found if c not in known]
    if missing:
        noun = _NOUNS[geography]
        raise InputError(
            f"{', '.join(missing)} is not an English {noun} in the ONS lookup; "
            "check the code, or choose the geography it belongs to.",
            field="codes",
            value=", ".join(missing),
        )
    return found


def summarise_area(geography: str, codes: Sequence[str]) -> AreaNeed:
    """Summarise an area drawn on ``geography`` in IMD 2019 and IMD 2025.

    Parameters
    ----------
    geography : {"ward17", "ward24", "lsoa21"}
        What the codes are: December 2017 wards, 2024 wards or LSOAs 2021.
    codes : sequence of str
        The area's codes, each once.

    Raises
    ------
    InputError
        For a code of the wrong shape or not in the lookup (field ``codes``).
    """
    found = check_area_codes(geography, codes)
    lsoa11, lsoa21 = area_lsoas(geography, found)
    people11 = lsoa_populations("mid2015")
    people21 = _people21()
    fit17: _Fit = "as drawn" if geography == "ward17" else "best fit"
    fit24: _Fit = "as drawn" if geography == "ward24" else "best fit"
    ward_of11 = load("lookup_lsoa11_ward17").set_index("lsoa11_code")["ward17_code"]
    wards17 = found if fit17 == "as drawn" else _best_fit(lsoa11, ward_of11, people11)
    wards24 = found if fit24 == "as drawn" else _best_fit(lsoa21, _ward_of21(), people21)
    ward17 = summarise_ward_group(wards17)
    imd2019 = _edition_need(2019, wards17, fit17)
    imd2025 = _edition_need(2025, wards24, fit24)
    return AreaNeed(
        geography=geography,
        codes=tuple(found),
        lad19_codes=ward17.lad19_codes,
        lsoa11_codes=tuple(lsoa11),
        lsoa21_codes=tuple(lsoa21),
        ward17=ward17,
        imd2019=imd2019,
        imd2025=imd2025,
        lsoa21=_lsoa_need(lsoa21, people21),
        imd_decile_change=imd2025.imd_decile - imd2019.imd_decile,
        change=_change_sentence(imd2019, imd2025),
    )


def _shape(geography: str):
    if geography not in AREA_GEOGRAPHIES:
        raise InputError(
            f'"{geography}" is not a geography for areas; choose one of {", ".join(AREA_GEOGRAPHIES)}.',
            field="geography",
            value=geography,
        )
    return code_shape("lsoa" if geography == "lsoa21" else "ward", england_only=True)


@lru_cache(maxsize=3)
def _known_codes(geography: str) -> frozenset[str]:
    if geography == "ward17":
        return frozenset(load("lookup_lsoa11_ward17")["ward17_code"])
    column = "ward24_code" if geography == "ward24" else "lsoa21_code"
    return frozenset(load("lookup_lsoa21_ward24_lad24")[column])


@lru_cache(maxsize=1)
def _ward_of21() -> pd.Series:
    lookup = load("lookup_lsoa21_ward24_lad24")
    return lookup[lookup["lsoa21_code"].str.startswith("E")].set_index("lsoa21_code")["ward24_code"]


@lru_cache(maxsize=1)
def _people21() -> pd.Series:
    frame = population_for_2025().frame
    return frame.set_index("lsoa21_code")["population"].astype(np.float64)


def area_lsoas(geography: str, codes: list[str]) -> tuple[list[str], list[str]]:
    """An area's LSOAs 2011 and 2021 (each sorted), through the ONS lookups."""
    change = load("lookup_lsoa11_lsoa21")[["lsoa11_code", "lsoa21_code"]]
    if geography == "ward17":
        lookup = load("lookup_lsoa11_ward17")
        lsoa11 = sorted(set(lookup.loc[lookup["ward17_code"].isin(codes), "lsoa11_code"]))
        lsoa21 = sorted(set(change.loc[change["lsoa11_code"].isin(lsoa11), "lsoa21_code"]))
        return lsoa11, lsoa21
    if geography == "ward24":
        ward_of = _ward_of21()
        lsoa21 = sorted(ward_of.index[ward_of.isin(codes)])
    else:
        lsoa21 = sorted(codes)
    lsoa11 = sorted(set(change.loc[change["lsoa21_code"].isin(lsoa21), "lsoa11_code"]))
    return lsoa11, lsoa21


def _best_fit(lsoas: list[str], ward_of: pd.Series, people: pd.Series) -> list[str]:
    """The wards at least half of whose residents live in ``lsoas``, or the one with most."""
    ward_of = ward_of[ward_of.index.isin(people.index)]
    totals = people.reindex(ward_of.index).groupby(ward_of).sum()
    inside = ward_of[ward_of.index.isin(lsoas)]
    overlap = people.reindex(inside.index).groupby(inside).sum()
    share = overlap / totals.reindex(overlap.index)
    wards = sorted(share.index[share >= 0.5])
    return wards or [str(overlap.idxmax())]


@lru_cache(maxsize=2)
def _edition_table(year: int) -> pd.DataFrame:
    """Each ward of the edition with its ranks, deciles and domain ranks, indexed by code."""
    if year == 2019:
        table = ward_table(2019).set_index("ward17_code")
        table = table.join(ward17_domains())
        table["ward_name"] = table["ward17_name"]
    else:
        table = ward24_table().set_index("ward_code")
    table["cni_decile"] = deciles(table["cni_rank"].to_numpy(), len(table))
    return table


def _edition_need(year: int, wards: list[str], fit: _Fit) -> EditionNeed:
    table = _edition_table(year)
    rows = table.loc[wards]
    people = rows["population"].astype(np.float64)
    scored = rows.dropna(subset=["imd_rank"])
    share = float((people * rows["left_behind"].astype(bool)).sum() / people.sum())
    n_wards = len(table)
    imd_people = people[scored.index]
    return EditionNeed(
        imd_year=year,
        cni_year=2019 if year == 2019 else 2023,
        ward_codes=tuple(wards),
        ward_names=tuple(str(n) for n in rows["ward_name"]),
        fit=fit,
        wards_ranked=n_wards,
        population=int(people.sum()),
        imd_score=round(float((scored["imd_score"] * imd_people).sum() / imd_people.sum()), 3),
        imd_rank=int(scored["imd_rank"].min()),
        imd_decile=int(scored["imd_decile"].min()),
        cni_rank=int(rows["cni_rank"].min()),
        cni_decile=int(rows["cni_decile"].min()),
        left_behind_share=round(share, 4),
        left_behind=bool(group_is_left_behind([share])[0]),
        imd_domains=_domains(rows, people, IMD_DOMAINS, n_wards),
        cni_domains=_domains(rows, people, CNI_DOMAINS, n_wards),
    )


def _domains(
    rows: pd.DataFrame, people: pd.Series, names: Sequence[str], n_wards: int
) -> tuple[DomainRank, ...]:
    found = []
    for name in names:
        ranks = pd.to_numeric(rows[f"{name}_rank"], errors="coerce").astype(np.float64)
        weights = people.where(ranks.notna(), 0.0)
        if weights.sum() == 0:
            continue
        rank = max(1, round(float((ranks.fillna(0.0) * weights).sum() / weights.sum())))
        decile = int(deciles(np.array([rank]), n_wards)[0])
        found.append(DomainRank(name, DOMAIN_LABELS[name], rank, decile))
    return tuple(found)


def _lsoa_need(lsoa21: list[str], people: pd.Series) -> LsoaNeed:
    table = left_behind_lsoa21().set_index("lsoa21_code").reindex(lsoa21)
    weights = people.reindex(lsoa21).fillna(0.0)
    total = float(weights.sum()) or 1.0
    share = float((weights * table["left_behind"].fillna(False).astype(bool)).sum()) / total
    published = (
        float((weights * table["left_behind_published"].fillna(False).astype(bool)).sum()) / total
    )
    return LsoaNeed(
        lsoa21_count=len(lsoa21),
        population=round(float(weights.sum())),
        left_behind_share=round(share, 4),
        left_behind=bool(group_is_left_behind([share])[0]),
        published_share=round(published, 4),
        left_behind_published=bool(group_is_left_behind([published])[0]),
    )


def _change_sentence(before: EditionNeed, after: EditionNeed) -> str:
    """How the most deprived ward's IMD rank and decile moved (ranks compare; scores do not)."""
    if after.imd_decile < before.imd_decile:
        moved = "more deprived relative to the rest of England"
    elif after.imd_decile > before.imd_decile:
        moved = "less deprived relative to the rest of England"
    else:
        moved = "in the same decile"
    return (
        f"Its most deprived ward ranked {before.imd_rank:,} of {before.wards_ranked:,} wards "
        f"(decile {before.imd_decile}) on IMD 2019 and {after.imd_rank:,} of "
        f"{after.wards_ranked:,} (decile {after.imd_decile}) on IMD 2025, so it is {moved}. "
        "Ranks and deciles compare between the editions; scores do not."
    )


def area_need_versions() -> dict[str, str]:
    """What an area's need was read with: n4c's version and each dataset's SHA-256."""
    names = [*AREA_NEED_DATASETS, population_for_2025().dataset]
    return {"n4c": __version__, **{name: checksum(name) for name in dict.fromkeys(names)}}


def explain_area_need(need: AreaNeed) -> list[str]:
    """What the need means, in plain sentences for the area page."""
    before, after = need.imd2019, need.imd2025

    def left(flag: bool) -> str:
        return "counts as left behind" if flag else "does not count as left behind"

    def drivers(edition: EditionNeed) -> str:
        worst = [d.label.lower() for d in edition.imd_domains if d.decile == 1]
        if not worst:
            return f"On IMD {edition.imd_year} no domain puts it among the most deprived tenth of wards."
        return (
            f"On IMD {edition.imd_year} it is among the most deprived tenth of wards for "
            f"{_listed(worst)}."
        )

    sentences = [
        need.change,
        drivers(before),
        drivers(after),
        f"On the 2019 data it {left(need.ward17.left_behind)} by n4c's test and "
        f"{left(need.ward17.left_behind_published)} on OCSI's published list.",
        f"On the 2025 data (n4c's estimate on 2024 wards) it {left(after.left_behind)}.",
        f"On its LSOAs 2021 it {left(need.lsoa21.left_behind)}: "
        f"{need.lsoa21.left_behind_share:.0%} of its residents live in LSOAs in the most "
        "deprived and most in need tenth.",
    ]
    if before.fit == "best fit" or after.fit == "best fit":
        sentences.append(
            "Where the area is not drawn on an edition's wards, n4c uses the wards that best fit "
            "it: those at least half of whose residents live in the area."
        )
    return sentences


def _listed(words: list[str]) -> str:
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} and {words[-1]}"

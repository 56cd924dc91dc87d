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
from typing import Any, Literal

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
from n4c.needs.wards import WardDifference, left_behind_lsoa21, lsoa_populations, ward_table
from n4c.needs.wards24 import ward24_table
from n4c.words import gettext as _
from n4c.words import gettext_noop, ngettext, number

__all__ = [
    "AREA_GEOGRAPHIES",
    "AREA_NEED_DATASETS",
    "AreaGeography",
    "AreaNeed",
    "DomainRank",
    "EditionNeed",
    "LsoaNeed",
    "area_lsoas",
    "area_need_from_dict",
    "area_need_versions",
    "change_sentence",
    "check_area_codes",
    "domain_label",
    "explain_area_need",
    "parse_area_codes",
    "summarise_area",
]

AreaGeography = Literal["ward17", "ward24", "lsoa21"]

#: Each geography an area may be drawn on, in words.
AREA_GEOGRAPHIES: dict[str, str] = {
    "ward17": gettext_noop("Wards (December 2017)"),
    "ward24": gettext_noop("Wards (2024)"),
    "lsoa21": gettext_noop("LSOAs (2021)"),
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

#: The words for each domain, in the order the IoD and the CNI give them (in English; where
#: they are shown, ``n4c.words.gettext`` gives them in the reader's language).
DOMAIN_LABELS: dict[str, str] = {
    "income": gettext_noop("Income"),
    "employment": gettext_noop("Employment"),
    "education": gettext_noop("Education, skills and training"),
    "health": gettext_noop("Health and disability"),
    "crime": gettext_noop("Crime"),
    "barriers": gettext_noop("Barriers to housing and services"),
    "living_environment": gettext_noop("Living environment"),
    "civic_assets": gettext_noop("Civic assets"),
    "connectedness": gettext_noop("Connectedness"),
    "engaged_community": gettext_noop("Active and engaged community"),
}

#: How an edition's wards were chosen: the area's own, or those that best fit it.
_Fit = Literal["as drawn", "best fit"]
#: The two ways, marked for translation where they are shown.
FITS = (gettext_noop("as drawn"), gettext_noop("best fit"))


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
    facts = {"prefix": " or ".join(shape.prefixes), "example": shape.example}
    lsoas = geography == "lsoa21"
    hint = (
        _("Enter English LSOA codes (%(prefix)s and 6 digits), like %(example)s.")
        if lsoas
        else _("Enter English ward codes (%(prefix)s and 6 digits), like %(example)s.")
    ) % facts
    if not codes:
        raise InputError(hint, field="codes", value=joined)
    bad = [c for c in codes if not shape.matches(c)]
    if bad:
        facts["codes"] = ", ".join(bad)
        wrong = (
            ngettext(
                "%(codes)s is not an English LSOA code (expected %(prefix)s and 6 digits).",
                "%(codes)s are not English LSOA codes (expected %(prefix)s and 6 digits).",
                len(bad),
            )
            if lsoas
            else ngettext(
                "%(codes)s is not an English ward code (expected %(prefix)s and 6 digits).",
                "%(codes)s are not English ward codes (expected %(prefix)s and 6 digits).",
                len(bad),
            )
        )
        raise InputError(f"{wrong % facts} {hint}", field="codes", value=joined)
    return list(dict.fromkeys(codes))


def _not_in_lookup(geography: str, count: int) -> str:
    """Codes not in the geography's ONS lookup, in words (one code, and more)."""
    if geography == "ward17":
        return ngettext(
            "%(codes)s is not an English ward of December 2017 in the ONS lookup; check the "
            "code, or choose the geography it belongs to.",
            "%(codes)s are not English wards of December 2017 in the ONS lookup; check the "
            "codes, or choose the geography they belong to.",
            count,
        )
    if geography == "ward24":
        return ngettext(
            "%(codes)s is not an English ward of 2024 in the ONS lookup; check the code, or "
            "choose the geography it belongs to.",
            "%(codes)s are not English wards of 2024 in the ONS lookup; check the codes, or "
            "choose the geography they belong to.",
            count,
        )
    return ngettext(
        "%(codes)s is not an English LSOA 2021 in the ONS lookup; check the code, or choose the "
        "geography it belongs to.",
        "%(codes)s are not English LSOAs 2021 in the ONS lookup; check the codes, or choose the "
        "geography they belong to.",
        count,
    )


def check_area_codes(geography: str, codes: Sequence[str]) -> list[str]:
    """``codes`` (shape-checked) if each is in the geography's ONS lookup; else an InputError."""
    found = parse_area_codes(codes, geography)
    known = _known_codes(geography)
    missing = [c for c in found if c not in known]
    if missing:
        raise InputError(
            _not_in_lookup(geography, len(missing)) % {"codes": ", ".join(missing)},
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
        change=change_sentence(imd2019, imd2025),
    )


def _shape(geography: str):
    if geography not in AREA_GEOGRAPHIES:
        raise InputError(
            _('"%(geography)s" is not a geography for areas; choose one of %(choices)s.')
            % {"geography": geography, "choices": ", ".join(AREA_GEOGRAPHIES)},
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


def change_sentence(before: EditionNeed, after: EditionNeed) -> str:
    """How the most deprived ward's IMD rank and decile moved (ranks compare; scores do not)."""
    figures = {
        "rank19": number(before.imd_rank),
        "wards19": number(before.wards_ranked),
        "decile19": before.imd_decile,
        "rank25": number(after.imd_rank),
        "wards25": number(after.wards_ranked),
        "decile25": after.imd_decile,
    }
    if after.imd_decile < before.imd_decile:
        sentence = _(
            "Its most deprived ward ranked %(rank19)s of %(wards19)s wards (decile %(decile19)s) "
            "on IMD 2019 and %(rank25)s of %(wards25)s (decile %(decile25)s) on IMD 2025, so it "
            "is more deprived relative to the rest of England."
        )
    elif after.imd_decile > before.imd_decile:
        sentence = _(
            "Its most deprived ward ranked %(rank19)s of %(wards19)s wards (decile %(decile19)s) "
            "on IMD 2019 and %(rank25)s of %(wards25)s (decile %(decile25)s) on IMD 2025, so it "
            "is less deprived relative to the rest of England."
        )
    else:
        sentence = _(
            "Its most deprived ward ranked %(rank19)s of %(wards19)s wards (decile %(decile19)s) "
            "on IMD 2019 and %(rank25)s of %(wards25)s (decile %(decile25)s) on IMD 2025, so it "
            "is in the same decile."
        )
    return (
        (sentence % figures)
        + " "
        + _("Ranks and deciles compare between the editions; scores do not.")
    )


def area_need_versions() -> dict[str, str]:
    """What an area's need was read with: n4c's version and each dataset's SHA-256."""
    names = [*AREA_NEED_DATASETS, population_for_2025().dataset]
    return {"n4c": __version__, **{name: checksum(name) for name in dict.fromkeys(names)}}


def area_need_from_dict(data: dict[str, Any]) -> AreaNeed:
    """An :class:`AreaNeed` again from ``dataclasses.asdict`` of one, as the platform stores it.

    Raises
    ------
    KeyError, TypeError
        When ``data`` was stored by a version of n4c whose fields differ.
    """

    def tuples(record: dict[str, Any]) -> dict[str, Any]:
        return {k: tuple(v) if isinstance(v, list) else v for k, v in record.items()}

    def edition(record: dict[str, Any]) -> EditionNeed:
        fields = tuples(record)
        for name in ("imd_domains", "cni_domains"):
            fields[name] = tuple(DomainRank(**d) for d in record[name])
        return EditionNeed(**fields)

    fields = tuples(data)
    ward17 = tuples(data["ward17"])
    ward17["ward_differences"] = tuple(
        WardDifference(**d) for d in data["ward17"].get("ward_differences", ())
    )
    fields["ward17"] = WardGroupSummary(**ward17)
    fields["imd2019"], fields["imd2025"] = edition(data["imd2019"]), edition(data["imd2025"])
    fields["lsoa21"] = LsoaNeed(**data["lsoa21"])
    return AreaNeed(**fields)


def domain_label(domain: DomainRank) -> str:
    """The domain's name in the reader's language."""
    return _(DOMAIN_LABELS.get(domain.domain, domain.label))


def explain_area_need(need: AreaNeed) -> list[str]:
    """What the need means, in plain sentences for the area page (in the reader's language)."""
    before, after = need.imd2019, need.imd2025

    def drivers(edition: EditionNeed) -> str:
        worst = [domain_label(d).lower() for d in edition.imd_domains if d.decile == 1]
        if not worst:
            return _(
                "On IMD %(year)s no domain puts it among the most deprived tenth of wards."
            ) % {"year": edition.imd_year}
        return _(
            "On IMD %(year)s it is among the most deprived tenth of wards for %(domains)s."
        ) % {"year": edition.imd_year, "domains": _listed(worst)}

    def on_2019(n4c: bool, ocsi: bool) -> str:
        if n4c and ocsi:
            return _(
                "On the 2019 data it counts as left behind by n4c's test and on OCSI's "
                "published list."
            )
        if n4c:
            return _(
                "On the 2019 data it counts as left behind by n4c's test and does not count as "
                "left behind on OCSI's published list."
            )
        if ocsi:
            return _(
                "On the 2019 data it does not count as left behind by n4c's test and counts as "
                "left behind on OCSI's published list."
            )
        return _(
            "On the 2019 data it does not count as left behind by n4c's test or on OCSI's "
            "published list."
        )

    on_lsoas = {"share": f"{need.lsoa21.left_behind_share:.0%}"}
    sentences = [
        change_sentence(before, after),
        drivers(before),
        drivers(after),
        on_2019(need.ward17.left_behind, need.ward17.left_behind_published),
        _("On the 2025 data (n4c's estimate on 2024 wards) it counts as left behind.")
        if after.left_behind
        else _("On the 2025 data (n4c's estimate on 2024 wards) it does not count as left behind."),
        (
            _(
                "On its LSOAs 2021 it counts as left behind: %(share)s of its residents live in "
                "LSOAs in the most deprived and most in need tenth."
            )
            if need.lsoa21.left_behind
            else _(
                "On its LSOAs 2021 it does not count as left behind: %(share)s of its residents "
                "live in LSOAs in the most deprived and most in need tenth."
            )
        )
        % on_lsoas,
    ]
    if before.fit == "best fit" or after.fit == "best fit":
        sentences.append(
            _(
                "Where the area is not drawn on an edition's wards, n4c uses the wards that best "
                "fit it: those at least half of whose residents live in the area."
            )
        )
    return sentences


def _listed(words: list[str]) -> str:
    if len(words) == 1:
        return words[0]
    return _("%(first)s and %(last)s") % {"first": ", ".join(words[:-1]), "last": words[-1]}

"""Matched comparators: for each supported ward, the most similar wards that had no support.

Wards are December 2017 wards of the 2019 edition (IMD 2019 and CNI 2019). The pool is either
the other 'left behind' wards (OCSI's published list of 225) or every ward in IMD deciles 1 and 2
(n4c's ward IMD score, population-weighted over LSOAs); supported wards are never in it.

Matching variables: the seven IMD 2019 domains (each LSOA's exponentially transformed domain
score, averaged over the ward weighted by the IoD's mid-2015 population, as
:func:`n4c.needs.sensitivity_inputs` computes them), the three CNI 2019 domain scores and the
ward's population. Distance is Mahalanobis (scipy), so variables on larger scales or that move
together do not count twice. Region is matched exactly while the pool allows: a cross-region
pair costs more than any same-region one, so a comparator from another region (the nearest on
the other variables) is used only when the supported ward's own region has too few pool wards
left, and the result counts such pairs.

Without replacement (the default) each pool ward is used at most once, and the pairs are chosen
together to make the total distance smallest (scipy's ``linear_sum_assignment``), not greedily
in the order the wards were given. With replacement each supported ward takes its k nearest.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

import numpy as np
import pandas as pd

from n4c.data.cache import digest, source_digest
from n4c.data.registry import checksum
from n4c.errors import InputError
from n4c.evaluate.balance import GOOD_BALANCE, balance_table
from n4c.geography import code_shape
from n4c.words import ngettext, number

__all__ = [
    "MATCHING_VARIABLES",
    "POOLS",
    "ComparatorSelection",
    "find_comparators",
    "match_comparators",
    "read_area_codes",
    "ward_matching_table",
]

Pool = Literal["left-behind", "deprived"]
POOLS: tuple[Pool, ...] = ("left-behind", "deprived")

#: IMD 2019 domain rank columns and the names n4c gives their ward means.
_IMD_DOMAINS = {
    "Income_rank": "imd_income",
    "Employment_rank": "imd_employment",
    "Education_rank": "imd_education",
    "Health_rank": "imd_health",
    "Crime_rank": "imd_crime",
    "Housing_and_Access_rank": "imd_barriers",
    "Environment_rank": "imd_living_environment",
}
_CNI_DOMAINS = {
    "Civic Assets score": "cni_civic_assets",  # untranslated: a CNI file column
    "Connectedness score": "cni_connectedness",  # untranslated: a CNI file column
    "Engaged community score": "cni_engaged_community",  # untranslated: a CNI file column
}
MATCHING_VARIABLES: tuple[str, ...] = (
    *_IMD_DOMAINS.values(),
    *_CNI_DOMAINS.values(),
    "population",
)
#: The datasets the 2019 matching table reads, for the selection's version.
_INPUTS = (
    "imd2019_lsoa11",
    "imd2019_population_denominators",
    "imd2019_lsoa11_scores",
    "lookup_lsoa11_ward17",
    "cni2019_ward17",
)
_CODE = (
    "n4c.evaluate.comparators",
    "n4c.evaluate.balance",
    "n4c.needs.sensitivity",
    "n4c.needs.wards",
)
#: Added to the distance of a cross-region pair: larger than any same-region distance can be.
_CROSS_REGION = 1e9
_WARD = code_shape("ward", england_only=True)
REGION_RULE = (
    "Same region while the pool allows; otherwise the nearest ward from another region "  # untranslated: JSON for programs
    "(counted in cross_region_matches)."  # untranslated: JSON for programs
)


def ward_regions() -> pd.Series:
    """The region (2019) of each ward 2017 that has an LSOA, through its LSOAs' local authority.

    The CNI file names some authorities by codes from before the 2019 mergers (Dorset,
    Suffolk), so the region comes from the IoD 2019's own LSOA → authority column instead.
    """
    from n4c.data import lad_regions
    from n4c.needs import lsoa_table

    lsoas = lsoa_table(2019)
    region = lad_regions().set_index("lad19_code")["region19_name"]
    lsoas["region"] = region.reindex(lsoas["lad19_code"]).to_numpy()
    # Best-fit wards lie within one authority, so the first LSOA's region is the ward's.
    return lsoas.dropna(subset=["ward17_code"]).groupby("ward17_code")["region"].first()


@lru_cache(maxsize=1)
def _ward_matching_table() -> pd.DataFrame:
    from n4c.data import load
    from n4c.needs import sensitivity_inputs, ward_table

    wards = ward_table(2019).set_index("ward17_code")
    inputs = sensitivity_inputs(2019)
    codes = inputs.ward_codes[inputs.scored]
    table = pd.DataFrame(
        inputs.domain_by_ward["mid2015"].T, index=codes, columns=list(_IMD_DOMAINS.values())
    )
    cni = load("cni2019_ward17").set_index("ward17_code")
    for column, name in _CNI_DOMAINS.items():
        table[name] = cni[column].reindex(codes).to_numpy(np.float64)
    table["population"] = wards["population"].reindex(codes).to_numpy(np.float64)
    table["region"] = ward_regions().reindex(codes).to_numpy()
    for column in ("ward17_name", "lad19_name", "imd_decile", "left_behind_published"):
        table[column] = wards[column].reindex(codes).to_numpy()
    table.index.name = "ward17_code"
    return table


def ward_matching_table() -> pd.DataFrame:
    """Every ward 2017 with an IMD score: the matching variables, region, name, decile and flag."""
    return _ward_matching_table().copy()


def read_area_codes(areas: str | Path) -> list[str]:
    """The ward codes in ``areas``: comma-separated codes, or a file of one code a line or a CSV.

    A CSV needs a header with a column named ``ward17_code``, ``ward_code`` or ``code``.

    Examples
    --------
    >>> read_area_codes("E05000026, E05000027")
    ['E05000026', 'E05000027']
    """
    text = str(areas)
    path = Path(text)
    source: Path | None = None
    if path.exists():
        codes, source = _codes_in_file(path), path
    elif path.suffix.lower() in (".csv", ".txt") or "/" in text:
        raise InputError(
            "no such file; give a file of ward codes or the codes themselves, separated by commas.",
            path=path,
            field="--areas",
        )
    else:
        codes = [code.strip() for code in text.split(",")]
    if not [code for code in codes if code]:
        raise InputError("no ward codes were given.", path=source, field="--areas")
    for row, code in enumerate(codes, start=1):
        if not code:
            raise InputError(
                "a code is blank; remove the empty entry.",
                path=source,
                row=row if source else None,
                field="--areas",
            )
    return codes


def _codes_in_file(path: Path) -> list[str]:
    import csv
    import io

    from n4c.textfiles import read_text

    text = read_text(path, rows=True).text
    lines = [line for line in text.splitlines() if line.strip()]
    if lines and "," in lines[0]:
        reader = csv.DictReader(io.StringIO(text))
        names = {name.strip().lower(): name for name in reader.fieldnames or []}
        column = next((names[n] for n in ("ward17_code", "ward_code", "code") if n in names), None)
        if column is None:
            raise InputError(
                "has no column of ward codes; name it ward17_code, ward_code or code.",
                path=path,
                row=0,
            )
        return [(row[column] or "").strip() for row in reader]
    return [line.strip() for line in lines]


@dataclass(frozen=True)
class ComparatorSelection:
    """Comparators for each supported ward, with the balance they achieve and a version to freeze."""

    matches: dict[str, list[str]]
    distances: dict[str, list[float]]
    balance: dict[str, dict[str, float]]
    variables: tuple[str, ...]
    pool: str
    pool_size: int
    k: int
    with_replacement: bool
    cross_region_matches: int
    version: str
    warnings: tuple[str, ...] = field(default=())

    def as_json(self) -> dict[str, Any]:
        """The selection as the ``--json`` output gives it."""
        return {
            "matches": self.matches,
            "balance": self.balance,
            "version": self.version,
            "pool": self.pool,
            "pool_size": self.pool_size,
            "k": self.k,
            "with_replacement": self.with_replacement,
            "variables": list(self.variables),
            "distance": "Mahalanobis",
            "region_rule": REGION_RULE,
            "cross_region_matches": self.cross_region_matches,
            "distances": self.distances,
            "warnings": list(self.warnings),
        }

    def pairs(self) -> pd.DataFrame:
        """One row per pair: ``ward17_code, comparator_code, rank, distance``."""
        rows = [
            (code, comparator, rank, self.distances[code][rank - 1])
            for code, comparators in self.matches.items()
            for rank, comparator in enumerate(comparators, start=1)
        ]
        return pd.DataFrame(rows, columns=["ward17_code", "comparator_code", "rank", "distance"])


def _check_k(k: int) -> None:
    if k < 1:
        raise InputError(
            f"k must be at least 1 (the number of comparators for each ward); got {k}.",
            field="--k",
            value=k,
        )


def _check_supported(table: pd.DataFrame, supported: Sequence[str]) -> None:
    seen: set[str] = set()
    for code in supported:
        if not _WARD.matches(code):
            raise InputError(f'"{code}" is not {_WARD.rule}.', field="--areas", value=code)
        if code not in table.index:
            raise InputError(
                f'"{code}" is not a ward of December 2017 with an IMD 2019 score; use ward codes '
                "from the Community Needs Index 2019 list (see n4c leftbehind).",
                field="--areas",
                value=code,
            )
        if code in seen:
            raise InputError(f'"{code}" is listed twice; list each ward once.', field="--areas")
        seen.add(code)


def _distances(supported: pd.DataFrame, pool: pd.DataFrame, variables: Sequence[str]) -> np.ndarray:
    from scipy.spatial.distance import cdist

    both = pd.concat([supported[list(variables)], pool[list(variables)]]).to_numpy(np.float64)
    spread = both.std(axis=0, ddof=1)
    spread[~(spread > 0)] = 1.0
    centre = both.mean(axis=0)
    standard = (both - centre) / spread
    # A pseudo-inverse, so variables that are exact combinations of others do not stop the match.
    inverse = np.linalg.pinv(np.atleast_2d(np.cov(standard, rowvar=False)))
    n = len(supported)
    distance: np.ndarray = cdist(standard[:n], standard[n:], metric="mahalanobis", VI=inverse)
    return distance


def match_comparators(
    table: pd.DataFrame,
    supported: Sequence[str],
    pool: Sequence[str],
    *,
    variables: Sequence[str],
    k: int = 3,
    with_replacement: bool = False,
    region_column: str | None = "region",
    pool_name: str = "pool",
    inputs: object = None,
) -> ComparatorSelection:
    """Match each supported area to its ``k`` nearest areas of ``pool`` on ``variables``.

    Parameters
    ----------
    table : pandas.DataFrame
        Indexed by area code, with the ``variables`` (numbers) and ``region_column``.
    supported, pool : sequence of str
        Codes of the supported areas and of the areas they may be compared with; supported
        areas are taken out of the pool.
    variables : sequence of str
        The columns to match on (Mahalanobis distance).
    k : int
        Comparators for each supported area.
    with_replacement : bool
        Whether a pool area may serve more than one supported area.
    region_column : str or None
        Column matched exactly while the pool allows (see the module docstring); None for none.
    pool_name : str
        The pool's name, for messages and the version.
    inputs : object
        A description of the input data, part of the version.

    Returns
    -------
    ComparatorSelection

    Raises
    ------
    InputError
        If k is below 1, a code is unknown or listed twice, or the pool is too small for k
        comparators each without replacement.

    Examples
    --------
    >>> table = pd.DataFrame(
    ...     {"x": [1.0, 5.0, 1.1, 4.9, 3.0], "region": ["A", "A", "A", "A", "B"]},
    ...     index=["E05000001", "E05000002", "E05000003", "E05000004", "E05000005"],
    ... )
    >>> chosen = match_comparators(
    ...     table, ["E05000001", "E05000002"], list(table.index), variables=["x"], k=1
    ... )
    >>> chosen.matches
    {'E05000001': ['E05000003'], 'E05000002': ['E05000004']}
    """
    _check_k(k)
    _check_supported(table, supported)
    chosen = set(supported)
    pool_codes = [
        code for code in dict.fromkeys(pool) if code not in chosen and code in table.index
    ]
    needed = len(supported) * k
    if not with_replacement and len(pool_codes) < needed:
        raise InputError(
            f"the {pool_name} pool has {len(pool_codes):,} wards besides the supported ones, too "
            f"few for {k} comparators each for {len(supported):,} "
            f"ward{'' if len(supported) == 1 else 's'} without replacement "
            f"({needed:,} needed); lower --k, choose a wider pool or use --with-replacement.",
            field="--k",
            value=k,
        )
    if with_replacement and len(pool_codes) < k:
        raise InputError(
            f"the {pool_name} pool has {len(pool_codes):,} wards besides the supported ones, "
            f"fewer than k = {k}; lower --k or choose a wider pool.",
            field="--k",
            value=k,
        )
    treated = table.loc[list(supported)]
    candidates = table.loc[pool_codes]
    distance = _distances(treated, candidates, variables)
    cost = distance.copy()
    if region_column is not None:
        apart = (
            treated[region_column].to_numpy()[:, None] != candidates[region_column].to_numpy()[None]
        )
        cost = cost + _CROSS_REGION * apart
    picked = _assign(cost, k, with_replacement)
    matches = {
        code: [pool_codes[j] for j in row] for code, row in zip(supported, picked, strict=True)
    }
    distances = {
        code: [round(float(distance[i, j]), 6) for j in row]
        for i, (code, row) in enumerate(zip(supported, picked, strict=True))
    }
    crossed = 0
    if region_column is not None:
        crossed = sum(int(cost[i, j] >= _CROSS_REGION) for i, row in enumerate(picked) for j in row)
    matched = candidates.iloc[[j for row in picked for j in row]]
    balance = balance_table(treated, candidates, matched, list(variables))
    warnings = _warnings(balance, crossed)
    version = digest(
        {
            "method": "mahalanobis-region-exact-v1",
            "areas": sorted(supported),
            "pool": pool_name,
            "k": k,
            "with_replacement": with_replacement,
            "variables": list(variables),
            "inputs": inputs,
        }
    )[:16]
    return ComparatorSelection(
        matches=matches,
        distances=distances,
        balance=balance,
        variables=tuple(variables),
        pool=pool_name,
        pool_size=len(pool_codes),
        k=k,
        with_replacement=with_replacement,
        cross_region_matches=crossed,
        version=version,
        warnings=warnings,
    )


def _assign(cost: np.ndarray, k: int, with_replacement: bool) -> list[list[int]]:
    """For each row, the columns of its k comparators, nearest first."""
    if with_replacement:
        order = np.argsort(cost, axis=1, kind="stable")[:, :k]
        return [list(map(int, row)) for row in order]
    from scipy.optimize import linear_sum_assignment

    # k copies of each supported ward, so one optimal assignment gives every ward k comparators.
    rows, cols = linear_sum_assignment(np.repeat(cost, k, axis=0))
    picked: list[list[int]] = [[] for _ in range(cost.shape[0])]
    for row, col in zip(rows, cols, strict=True):
        picked[row // k].append(int(col))
    return [sorted(row, key=cost[i].__getitem__) for i, row in enumerate(picked)]


def _warnings(balance: dict[str, dict[str, float]], crossed: int) -> tuple[str, ...]:
    """The selection's warnings in the reader's language; the platform keeps the balance and
    the count, and remakes these with :func:`warnings_for` each time a page shows them."""
    said = []
    poor = [name for name, smd in balance.items() if not abs(smd["smd_after"]) < GOOD_BALANCE]
    if poor:
        said.append(
            ngettext(
                "%(poor)s of %(total)s variable is not balanced after matching "
                "(|SMD| of %(limit)s or more): %(names)s.",
                "%(poor)s of %(total)s variables are not balanced after matching "
                "(|SMD| of %(limit)s or more): %(names)s.",
                len(balance),
            )
            % {
                "poor": number(len(poor)),
                "total": number(len(balance)),
                "limit": number(GOOD_BALANCE),
                "names": ", ".join(poor),
            }
        )
    if crossed:
        said.append(
            ngettext(
                "%(count)s comparator comes from another region, as the supported ward's region "
                "had too few pool wards left.",
                "%(count)s comparators come from another region, as the supported ward's region "
                "had too few pool wards left.",
                crossed,
            )
            % {"count": number(crossed)}
        )
    return tuple(said)


def warnings_for(selection: dict[str, Any]) -> tuple[str, ...]:
    """The warnings of a selection kept as :meth:`ComparatorSelection.as_json` gave it, made
    now in the reader's language (the stored ``warnings`` are in the language of the moment)."""
    return _warnings(selection.get("balance", {}), int(selection.get("cross_region_matches", 0)))


def find_comparators(
    areas: Sequence[str], *, pool: str = "left-behind", k: int = 3, with_replacement: bool = False
) -> ComparatorSelection:
    """Comparators from wards without support for each supported ward of 2017 (2019 edition).

    Parameters
    ----------
    areas : sequence of str
        Ward codes (December 2017) of the supported wards.
    pool : {"left-behind", "deprived"}
        ``left-behind``: the other wards of OCSI's published 'left behind' list (225 wards);
        ``deprived``: every ward in IMD deciles 1 and 2 (n4c's ward IMD score).
    k : int
        Comparators for each supported ward.
    with_replacement : bool
        Whether one ward may be a comparator for several supported wards.

    Returns
    -------
    ComparatorSelection
        Matched on :data:`MATCHING_VARIABLES`, region exact while the pool allows.

    Raises
    ------
    InputError
        For an unknown pool or code, k below 1, or a pool too small without replacement.
    """
    if pool not in POOLS:
        raise InputError(
            f'"{pool}" is not a pool n4c knows; choose {" or ".join(POOLS)}.',
            field="--pool",
            value=pool,
        )
    _check_k(k)
    table = ward_matching_table()
    if pool == "left-behind":
        members = table.index[table["left_behind_published"].astype(bool)]
    else:
        members = table.index[table["imd_decile"].isin([1, 2]).to_numpy(dtype=bool)]
    inputs = {
        "data": {name: checksum(name) for name in _INPUTS},
        "code": source_digest(*_CODE),
    }
    return match_comparators(
        table,
        list(areas),
        list(members),
        variables=MATCHING_VARIABLES,
        k=k,
        with_replacement=with_replacement,
        pool_name=pool,
        inputs=inputs,
    )

"""A composite index builder driven by a TOML specification.

One specification names a dataset, its area column and, for each indicator: its direction,
normalisation, transform and weight; then how the weighted indicators are aggregated. The
Index of Multiple Deprivation and the Community Needs Index are two built-in specifications
(``n4c/needs/configs/*.toml``) of this same builder.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Literal, cast

import numpy as np
import pandas as pd

from n4c import specfiles
from n4c.errors import InputError
from n4c.needs.transform import deciles, exponential_transform, rank
from n4c.specfiles import check_keys, choice, keys_of, read_toml

__all__ = [
    "BUILT_IN",
    "CompositeSpec",
    "Indicator",
    "build_composite",
    "builtin_spec",
    "load_spec",
    "normalise",
]

Direction = Literal["higher_is_worse", "lower_is_worse"]
Normalisation = Literal["rank", "zscore", "minmax", "none"]
Transform = Literal["exponential", "none"]
Aggregation = Literal["arithmetic", "geometric"]

_DIRECTIONS = ("higher_is_worse", "lower_is_worse")
_NORMALISATIONS = ("rank", "zscore", "minmax", "none")
_TRANSFORMS = ("exponential", "none")
_AGGREGATIONS = ("arithmetic", "geometric")

#: Built-in specifications shipped with n4c, by name.
BUILT_IN = ("imd2019", "imd2025", "cni2019", "cni2023")


@dataclass(frozen=True)
class Indicator:
    """One input column and how it enters the index."""

    column: str
    label: str
    weight: float
    direction: Direction = "higher_is_worse"
    normalisation: Normalisation = "rank"
    transform: Transform = "exponential"


@dataclass(frozen=True)
class CompositeSpec:
    """A whole composite index: where its inputs are and how they combine."""

    name: str
    area_column: str
    indicators: tuple[Indicator, ...]
    aggregation: Aggregation = "arithmetic"
    dataset: str | None = None
    source: str = ""

    @property
    def weights(self) -> np.ndarray:
        return np.array([i.weight for i in self.indicators], dtype=np.float64)


_TABLES = ("index", "indicators")
_INDEX_KEYS = keys_of(CompositeSpec, without=["indicators"])
_INDICATOR_KEYS = keys_of(Indicator)


def _parse(raw: dict[str, object], path: Path) -> CompositeSpec:
    check_keys(raw, _TABLES, where="", path=path)
    index = raw.get("index")
    if not isinstance(index, dict):
        raise InputError("the [index] table is missing.", path=path, field="index")
    check_keys(index, _INDEX_KEYS, where="index", path=path)
    for key in ("name", "area_column"):
        if not isinstance(index.get(key), str) or not index[key]:
            raise InputError(
                f"index.{key} must be a non-empty text value.", path=path, field=f"index.{key}"
            )
    entries = raw.get("indicators")
    if not isinstance(entries, list) or not entries:
        raise InputError(
            "at least one [[indicators]] entry is needed.", path=path, field="indicators"
        )
    indicators = []
    for number, entry in enumerate(entries, start=1):
        where = f"indicators[{number}]"
        if not isinstance(entry, dict) or not isinstance(entry.get("column"), str):
            raise InputError(
                "each indicator needs a column name.", path=path, field=f"{where}.column"
            )
        check_keys(entry, _INDICATOR_KEYS, where=where, path=path)
        weight = specfiles.number(entry.get("weight", 1.0), field=f"{where}.weight", path=path)
        normalisation = choice(
            entry, "normalisation", _NORMALISATIONS, "rank", where=where, path=path
        )
        transform = choice(entry, "transform", _TRANSFORMS, "exponential", where=where, path=path)
        if transform == "exponential" and normalisation not in ("rank", "minmax"):
            raise InputError(
                f'the exponential transform needs values between 0 and 1; use normalisation "rank" or "minmax", not "{normalisation}".',
                path=path,
                field=f"{where}.transform",
            )
        indicators.append(
            Indicator(
                column=entry["column"],
                label=str(entry.get("label", entry["column"])),
                weight=float(weight),
                direction=cast(
                    Direction,
                    choice(
                        entry, "direction", _DIRECTIONS, "higher_is_worse", where=where, path=path
                    ),
                ),
                normalisation=cast(Normalisation, normalisation),
                transform=cast(Transform, transform),
            )
        )
    if sum(i.weight for i in indicators) <= 0:
        raise InputError(
            "the weights add up to 0; give at least one indicator a positive weight.",
            path=path,
            field="indicators",
        )
    return CompositeSpec(
        name=str(index["name"]),
        area_column=str(index["area_column"]),
        indicators=tuple(indicators),
        aggregation=cast(
            Aggregation,
            choice(index, "aggregation", _AGGREGATIONS, "arithmetic", where="index", path=path),
        ),
        dataset=str(index["dataset"]) if index.get("dataset") else None,
        source=str(index.get("source", "")),
    )


def load_spec(path: str | Path) -> CompositeSpec:
    """Read and validate a composite specification from a TOML file."""
    path = Path(path)
    return _parse(read_toml(path), path)


def builtin_spec(name: str) -> CompositeSpec:
    """One of the specifications shipped with n4c: ``imd2019``, ``imd2025``, ``cni2019``, ``cni2023``."""
    if name not in BUILT_IN:
        raise InputError(
            f'"{name}" is not a built-in index; choose one of {", ".join(BUILT_IN)}.', field="index"
        )
    with resources.as_file(resources.files("n4c.needs") / "configs" / f"{name}.toml") as path:
        return load_spec(path)


def normalise(values: np.ndarray, indicator: Indicator) -> np.ndarray:
    """Orient one indicator so that larger means more need, then normalise it.

    ``rank`` gives R = rank / N with 1/N for the least and 1 for the most in need, tied values
    sharing their average rank (the IoD convention); ``minmax`` maps onto [0, 1]; ``zscore``
    standardises to mean 0 and standard deviation 1.

    Examples
    --------
    >>> normalise(np.array([1.0, 2.0, 3.0, 4.0]), Indicator("x", "x", 1.0, "lower_is_worse")).tolist()
    [1.0, 0.75, 0.5, 0.25]
    """
    oriented = values if indicator.direction == "higher_is_worse" else -values
    if indicator.normalisation == "rank":
        return rank(oriented, method="average") / oriented.size
    if indicator.normalisation == "minmax":
        span = oriented.max() - oriented.min()
        return np.zeros_like(oriented) if span == 0 else (oriented - oriented.min()) / span
    if indicator.normalisation == "zscore":
        spread = oriented.std()
        return np.zeros_like(oriented) if spread == 0 else (oriented - oriented.mean()) / spread
    return oriented.astype(np.float64)


def build_composite(
    frame: pd.DataFrame, spec: CompositeSpec, *, weights: np.ndarray | None = None
) -> pd.DataFrame:
    """Compute a composite index for every row of ``frame``.

    Parameters
    ----------
    frame : pandas.DataFrame
        One row per area, holding ``spec.area_column`` and every indicator column.
    spec : CompositeSpec
        What to combine and how.
    weights : numpy.ndarray, optional
        Weights to use instead of the specification's (same order as its indicators).

    Returns
    -------
    pandas.DataFrame
        ``area_code``, one ``<label>_transformed`` column per indicator, ``score``,
        ``rank`` (1 = most in need) and ``decile`` (1 = the most in need tenth).

    Raises
    ------
    InputError
        If a column is missing or holds a value that is not a number.

    Examples
    --------
    >>> areas = pd.DataFrame({"code": ["A", "B", "C", "D"], "need": [4.0, 1.0, 3.0, 2.0]})
    >>> spec = CompositeSpec("demo", "code", (Indicator("need", "Need", 1.0),))
    >>> build_composite(areas, spec)[["area_code", "rank"]].to_dict("list")
    {'area_code': ['A', 'B', 'C', 'D'], 'rank': [1, 4, 2, 3]}
    """
    for column in (spec.area_column, *(i.column for i in spec.indicators)):
        if column not in frame.columns:
            raise InputError(
                f'the column "{column}" that {spec.name} needs is missing.', field=column
            )
    chosen = spec.weights if weights is None else np.asarray(weights, dtype=np.float64)
    result = pd.DataFrame({"area_code": frame[spec.area_column].to_numpy()})
    parts = []
    for indicator in spec.indicators:
        values = pd.to_numeric(frame[indicator.column], errors="coerce").to_numpy(dtype=np.float64)
        if np.isnan(values).any():
            row = int(np.flatnonzero(np.isnan(values))[0])
            raise InputError(
                f'"{frame[indicator.column].iloc[row]}" is not a number.',
                row=row + 1,
                field=indicator.column,
            )
        x = normalise(values, indicator)
        if indicator.transform == "exponential":
            x = exponential_transform(x)
        result[f"{indicator.label}_transformed"] = x
        parts.append(x)
    matrix = np.vstack(parts)
    if spec.aggregation == "arithmetic":
        score = chosen @ matrix
    else:
        if (matrix <= 0).any():
            raise InputError(
                f"{spec.name}: geometric aggregation needs every transformed value above 0; "
                'use normalisation "rank" (always above 0) or arithmetic aggregation.',
                field="index.aggregation",
            )
        score = np.exp((chosen / chosen.sum()) @ np.log(matrix))
    result["score"] = score
    # Distinct ranks ("first"), as the IoD ranks its own unrounded scores.
    ranks = rank(-score, method="ordinal")
    result["rank"] = ranks.astype(np.int64)
    result["decile"] = deciles(ranks)
    return result

"""Typed loaders: read a registered CSV and validate it before anyone computes with it.

Every check names the file, the data row (1 = first row after the header) and the column,
and says what to do, so a person holding the file can find the problem.
"""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any, Final

import numpy as np
import pandas as pd

from n4c.data.cache import read_frame, write_frame
from n4c.data.registry import (
    CENSUS_2021,
    FILE6_2025,
    Column,
    Dataset,
    dataset_path,
    get_dataset,
    population_dataset_2025,
)
from n4c.errors import InputError
from n4c.geography import GSS_PATTERN, code_shape

__all__ = [
    "Population",
    "PopulationWords",
    "load",
    "load_features",
    "population_for_2025",
    "population_label",
    "population_words",
    "read_features",
    "read_validated",
    "validate_frame",
]

_TRUE = {"true", "1", "yes", "y", "t"}
_FALSE = {"false", "0", "no", "n", "f"}


def _fail(
    dataset: Dataset, path: Path, index: int, column: str, value: object, rule: str
) -> InputError:
    return InputError(
        f'"{value}" {rule}.',
        path=path,
        row=int(index) + 1,
        field=column,
        value=value,
        hint=f"Fetch the file again: n4c data fetch {dataset.name}",
    )


def _check_code(frame: pd.DataFrame, column: Column, dataset: Dataset, path: Path) -> None:
    values = frame[column.name].astype("string").str.strip()
    bad = values.isna() | ~values.str.match(GSS_PATTERN.pattern).fillna(False).astype(bool)
    if column.geography is not None:
        shape = code_shape(column.geography)
        bad |= ~values.str.match(shape.pattern).fillna(False).astype(bool)
        rule = f"is not {shape.rule}"
    else:
        rule = "is not a GSS code (expected a letter and 8 digits)"
    if bad.any():
        index = int(np.flatnonzero(bad.to_numpy())[0])
        raise _fail(dataset, path, index, column.name, frame[column.name].iloc[index], rule)
    frame[column.name] = values.astype(str)


def _check_number(frame: pd.DataFrame, column: Column, dataset: Dataset, path: Path) -> None:
    raw = frame[column.name]
    numbers = pd.to_numeric(raw, errors="coerce")
    blank = raw.isna() | (raw.astype("string").str.strip() == "").fillna(True)
    bad = numbers.isna() & ~blank
    if not column.nullable:
        bad |= blank
    if bad.any():
        index = int(np.flatnonzero(bad.to_numpy())[0])
        rule = (
            "is not a number"
            if not blank.iloc[index]
            else "is blank, but this column needs a number"
        )
        raise _fail(dataset, path, index, column.name, raw.iloc[index], rule)
    for bound, outside, words in (
        (column.minimum, numbers < (column.minimum or 0), "less than"),
        (column.maximum, numbers > (column.maximum or 0), "more than"),
    ):
        if bound is not None and outside.any():
            index = int(np.flatnonzero(outside.fillna(False).to_numpy())[0])
            raise _fail(
                dataset,
                path,
                index,
                column.name,
                raw.iloc[index],
                f"is {words} {bound:,g}, which is not plausible",
            )
    if column.kind == "integer":
        fractional = numbers.notna() & (numbers != np.round(numbers))
        if fractional.any():
            index = int(np.flatnonzero(fractional.to_numpy())[0])
            raise _fail(dataset, path, index, column.name, raw.iloc[index], "is not a whole number")
        frame[column.name] = numbers.astype("Int64" if column.nullable else "int64")
    else:
        frame[column.name] = numbers.astype("float64")


def _check_bool(frame: pd.DataFrame, column: Column, dataset: Dataset, path: Path) -> None:
    text = frame[column.name].astype("string").str.strip().str.lower()
    truth = text.isin(_TRUE).fillna(False).astype(bool)
    bad = ~(truth | text.isin(_FALSE).fillna(False).astype(bool))
    if bad.any():
        index = int(np.flatnonzero(bad.to_numpy())[0])
        raise _fail(
            dataset,
            path,
            index,
            column.name,
            frame[column.name].iloc[index],
            "is not True or False",
        )
    frame[column.name] = truth.to_numpy()


def _check_text(frame: pd.DataFrame, column: Column, dataset: Dataset, path: Path) -> None:
    if not column.allowed:
        return
    text = frame[column.name].astype("string").str.strip()
    bad = ~text.isin(column.allowed).fillna(False).astype(bool)
    if bad.any():
        index = int(np.flatnonzero(bad.to_numpy())[0])
        choices = ", ".join(column.allowed)
        raise _fail(
            dataset,
            path,
            index,
            column.name,
            frame[column.name].iloc[index],
            f"is not one of {choices}",
        )
    frame[column.name] = text.astype(str)


def validate_frame(frame: pd.DataFrame, dataset: Dataset, path: Path) -> pd.DataFrame:
    """Check ``frame`` (as read from ``path``) against the columns ``dataset`` declares.

    Returns the frame with typed columns. Raises :class:`InputError` at the first problem:
    a missing column, a value of the wrong kind, a code that is not a GSS code of the right
    geography, or a duplicated key.
    """
    missing = [c.name for c in dataset.columns if c.name not in frame.columns]
    if missing:
        raise InputError(
            f"the column{'s' if len(missing) > 1 else ''} {', '.join(repr(m) for m in missing)} "
            f"{'are' if len(missing) > 1 else 'is'} missing (the header has {len(frame.columns)} columns).",
            path=path,
            row=0,
            hint=f"Check that this is the right file, or fetch it again: n4c data fetch {dataset.name}",
        )
    checks = {
        "code": _check_code,
        "number": _check_number,
        "integer": _check_number,
        "bool": _check_bool,
        "text": _check_text,
    }
    for column in dataset.columns:
        check = checks.get(column.kind)
        if check is not None:
            check(frame, column, dataset, path)
    if dataset.key is not None:
        _check_unique(frame, dataset, path)
    return frame


def _check_unique(frame: pd.DataFrame, dataset: Dataset, path: Path) -> None:
    keys = [dataset.key] if isinstance(dataset.key, str) else list(dataset.key or ())
    duplicated = frame.duplicated(subset=keys)
    if not duplicated.any():
        return
    index = int(np.flatnonzero(duplicated.to_numpy())[0])
    same = (frame[keys] == frame[keys].iloc[index]).all(axis=1)
    first = int(np.flatnonzero(same.to_numpy())[0])
    value = " and ".join(str(frame[k].iloc[index]) for k in keys)
    what = "each area must appear once" if len(keys) == 1 else "each pair must appear once"
    raise _fail(
        dataset,
        path,
        index,
        " and ".join(keys),
        value,
        f"appears twice (first at row {first + 1:,}); {what}",
    )


def read_validated(path: Path, dataset: Dataset) -> pd.DataFrame:
    """Read a CSV file (gzip or plain) and validate it as ``dataset``."""
    try:
        frame = pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[""])
    except (UnicodeDecodeError, pd.errors.ParserError, EOFError, OSError) as error:
        raise InputError(
            f"could not be read as a CSV file ({error}).",
            path=path,
            hint=f"Fetch the file again: n4c data fetch {dataset.name}",
        ) from None
    return validate_frame(frame, dataset, path)


@lru_cache(maxsize=32)
def _load_cached(name: str) -> pd.DataFrame:
    dataset = get_dataset(name)
    path = dataset_path(name)
    frame = read_frame(dataset)
    if frame is None:
        frame = read_validated(path, dataset)
        write_frame(dataset, frame)
    return frame


def load(name: str) -> pd.DataFrame:
    """Load registered dataset ``name`` as a validated table (a fresh copy each call).

    The source file is checked against its registered checksum first; the validated frame
    then comes from the dataset cache in ``N4C_DATA_DIR/cache`` when it holds one for this
    release of the file (see :mod:`n4c.data.cache`), and is stored there otherwise.
    """
    dataset = get_dataset(name)
    if dataset.sha256 is None:  # unpinned: nothing names this release, so nothing is cached
        return read_validated(dataset_path(name), dataset)
    return _load_cached(name).copy()


def read_features(path: Path, dataset: Dataset) -> list[dict[str, Any]]:
    """Read a GeoJSON file (gzip or plain) and validate each feature's properties as ``dataset``.

    The properties are checked as a CSV's columns are (codes, duplicates), every feature must
    have a geometry, and the number of features must be the registered one.
    """
    opener = gzip.open if path.name.endswith(".gz") else open
    try:
        with opener(path, "rt", encoding="utf-8") as handle:
            document = json.load(handle)
        features = document["features"]
        properties = pd.DataFrame([f["properties"] for f in features], dtype=str)
    except (OSError, EOFError, UnicodeDecodeError, ValueError, KeyError, TypeError) as error:
        raise InputError(
            f"could not be read as a GeoJSON feature collection ({error}).",
            path=path,
            hint=f"Fetch the file again: n4c data fetch {dataset.name}",
        ) from None
    validate_frame(properties, dataset, path)
    empty = [i for i, f in enumerate(features) if not f.get("geometry")]
    if empty:
        key = dataset.key if isinstance(dataset.key, str) else None
        raise _fail(
            dataset,
            path,
            empty[0],
            "geometry",
            properties[key].iloc[empty[0]] if key else "",
            "has no shape",
        )
    if len(features) != dataset.rows:
        raise InputError(
            f"holds {len(features):,} shapes, but the registered release has {dataset.rows:,}.",
            path=path,
            hint=f"Fetch the file again: n4c data fetch {dataset.name}",
        )
    return list(features)


def load_features(name: str) -> list[dict[str, Any]]:
    """Load registered GeoJSON dataset ``name`` (checksum first) as validated features."""
    return read_features(dataset_path(name), get_dataset(name))


@dataclass(frozen=True)
class PopulationWords:
    """How n4c names a population that weights IoD figures, so it reads the same everywhere."""

    #: in a sentence, for a report or a table's note
    source: str
    #: in a few words, for the ``population_source`` column beside each figure
    label: str


#: The IoD 2019's own denominators (File 6, mid-2015), which weight IoD 2015 and 2019 figures.
_MID2015 = "imd2019_population_denominators"

#: Each registered dataset n4c weights IoD figures with, in words.
_POPULATION_WORDS: Final = {
    _MID2015: PopulationWords(
        source="IoD 2019 population denominators, mid-2015 (File 6)",
        label="IoD 2019 File 6, mid-2015",
    ),
    FILE6_2025: PopulationWords(
        source="IoD 2025 population denominators, mid-2022 (File 6)",
        label="IoD 2025 File 6, mid-2022",
    ),
    CENSUS_2021: PopulationWords(
        source=(
            "Census 2021 usual residents (ONS), standing in for the IoD 2025 mid-2022 "
            "population denominators (File 6), which are not on this machine: weighted "
            "figures are close to, not equal to, the official IoD 2025 summaries"
        ),
        label="Census 2021 usual residents (standing in for IoD 2025 File 6)",
    ),
}


@dataclass(frozen=True)
class Population:
    """Residents per English LSOA 2021 (``lsoa21_code``, ``population``) and where they come from."""

    frame: pd.DataFrame
    #: the registered dataset the figures were read from
    dataset: str

    @property
    def source(self) -> str:
        """Says in words which source was used, for a table's note or a report."""
        return _POPULATION_WORDS[self.dataset].source

    @property
    def label(self) -> str:
        """The same in a few words, for a column beside each figure."""
        return _POPULATION_WORDS[self.dataset].label

    @property
    def official(self) -> bool:
        """``True`` when these are the IoD 2025's own denominators."""
        return self.dataset == FILE6_2025


def population_for_2025() -> Population:
    """The population to weight IoD 2025 figures with: File 6 when present, else Census 2021.

    File 6 (mid-2022 estimates) is what the official IoD 2025 summaries use. When it is not on
    this machine, Census 2021 usual residents stand in, and :attr:`Population.source` says so:
    figures weighted with them are close to, not equal to, the official summaries.
    """
    if population_dataset_2025() == CENSUS_2021:
        census = load(CENSUS_2021)
        england = census[census["lsoa21_code"].str.startswith("E")]
        return Population(
            frame=england.rename(columns={"total_residents": "population"})
            .loc[:, ["lsoa21_code", "population"]]
            .reset_index(drop=True),
            dataset=CENSUS_2021,
        )
    return Population(
        frame=load(FILE6_2025)
        .rename(
            columns={"LSOA code (2021)": "lsoa21_code", "Total population: mid 2022": "population"}
        )
        .loc[:, ["lsoa21_code", "population"]]
        .reset_index(drop=True),
        dataset=FILE6_2025,
    )


def population_words(year: int) -> PopulationWords:
    """The population that weights IoD ``year``'s figures, in a sentence and in a few words.

    2015 and 2019 figures are weighted by the IoD 2019 mid-2015 denominators (the sentence for
    2015 says why); 2025 figures by File 6 (mid-2022) or, without it, Census 2021, as
    :func:`population_for_2025` chooses. Reads no data file.

    Examples
    --------
    >>> population_words(2019).source
    'IoD 2019 population denominators, mid-2015 (File 6)'
    """
    if year == 2025:
        return _POPULATION_WORDS[population_dataset_2025()]
    if year == 2019:
        return _POPULATION_WORDS[_MID2015]
    if year == 2015:
        mid2015 = _POPULATION_WORDS[_MID2015]
        return replace(
            mid2015,
            source=f"{mid2015.source}, as the IoD 2015's own mid-2012 denominators are not in n4c",
        )
    raise InputError(
        f"n4c has no population weights for IoD {year}; choose 2015, 2019 or 2025.",
        field="year",
        value=year,
    )


def population_label(year: int) -> str:
    """The few words every ``population_source`` column shows for the weights of IoD ``year``
    (:func:`population_words`), so one population reads the same in every need command's table.

    Examples
    --------
    >>> population_label(2019)
    'IoD 2019 File 6, mid-2015'
    """
    return population_words(year).label

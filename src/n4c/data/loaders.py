"""Typed loaders: read a registered CSV and validate it before anyone computes with it.

Every check names the file, the data row (1 = first row after the header) and the column,
and says what to do, so a person holding the file can find the problem.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from n4c.data.cache import read_frame, write_frame
from n4c.data.registry import Column, Dataset, dataset_path, get_dataset
from n4c.errors import InputError
from n4c.geography import GSS_PATTERN, code_shape

__all__ = ["load", "read_validated", "validate_frame"]

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
    }
    for column in dataset.columns:
        check = checks.get(column.kind)
        if check is not None:
            check(frame, column, dataset, path)
    if dataset.key is not None:
        duplicated = frame[dataset.key].duplicated()
        if duplicated.any():
            index = int(np.flatnonzero(duplicated.to_numpy())[0])
            first = int(
                np.flatnonzero((frame[dataset.key] == frame[dataset.key].iloc[index]).to_numpy())[0]
            )
            raise _fail(
                dataset,
                path,
                index,
                dataset.key,
                frame[dataset.key].iloc[index],
                f"appears twice (first at row {first + 1:,}); each area must appear once",
            )
    return frame


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
    return _load_cached(name).copy()

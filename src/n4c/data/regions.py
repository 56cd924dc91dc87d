"""Which English region each local authority district (December 2019 boundaries) lies in.

The published IoD 2019 files name each LSOA's local authority (``lad19_code``) but not its
region, so n4c ships the lookup as package data in ``files/lad19_region19.csv``: the 317
English districts of 2019, one row each, with their ONS region code and name.

Source: ONS Open Geography Portal, "Local Authority District to Region (December 2019)
Lookup in England", Office for National Statistics, licensed under the Open Government
Licence v3.0. District names are spelt as in the IoD 2019 population denominators file.

This is shipped package data, not a registry dataset: nothing to fetch, no checksum to keep.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pandas as pd

from n4c.errors import InputError
from n4c.geography import CodeShape, code_shape

__all__ = ["lad_regions"]

COLUMNS = ("lad19_code", "lad19_name", "region19_code", "region19_name")
# England only: unitary (E06), non-metropolitan (E07), metropolitan (E08), London borough (E09).
_LAD_CODE = code_shape("lad", england_only=True)
_REGION_CODE = code_shape("region", england_only=True)
_HINT = "This file ships with n4c; reinstall n4c to restore it."


def _packaged_path() -> Path:
    return Path(str(resources.files("n4c.data") / "files" / "lad19_region19.csv"))


def _check_codes(frame: pd.DataFrame, path: Path, column: str, shape: CodeShape) -> None:
    for index, value in enumerate(frame[column]):
        if not shape.matches(value):
            raise InputError(
                f'"{value}" is not {shape.rule}.',
                path=path,
                row=index + 1,
                field=column,
                value=value,
                hint=_HINT,
            )


def lad_regions(*, path: Path | None = None) -> pd.DataFrame:
    """Return the local authority district (2019) to region (2019) lookup for England.

    Columns are ``lad19_code``, ``lad19_name``, ``region19_code`` and ``region19_name``, one
    row per district. ``path`` reads another copy of the file instead of the packaged one.

    Raises
    ------
    InputError
        If a column is missing or blank, a code is not an English district (E06 to E09) or
        region (E12) code, or a district appears twice; the message names the row and field.

    Examples
    --------
    >>> regions = lad_regions()
    >>> regions.set_index("lad19_code").loc["E06000001", "region19_name"]
    'North East'
    """
    source = path if path is not None else _packaged_path()
    frame = pd.read_csv(source, dtype=str, keep_default_na=False, na_values=[""])
    missing = [name for name in COLUMNS if name not in frame.columns]
    if missing:
        raise InputError(
            f"the column{'s' if len(missing) > 1 else ''} {', '.join(repr(m) for m in missing)} "
            f"{'are' if len(missing) > 1 else 'is'} missing.",
            path=source,
            row=0,
            hint=_HINT,
        )
    frame = frame[list(COLUMNS)]
    for column in ("lad19_name", "region19_name"):
        blank = frame[column].isna()
        if blank.any():
            index = int(blank.to_numpy().nonzero()[0][0])
            raise InputError(
                "is blank, but every district needs a name.",
                path=source,
                row=index + 1,
                field=column,
                hint=_HINT,
            )
    _check_codes(
        frame,
        source,
        "lad19_code",
        _LAD_CODE,
    )
    _check_codes(
        frame,
        source,
        "region19_code",
        _REGION_CODE,
    )
    duplicated = frame["lad19_code"].duplicated()
    if duplicated.any():
        index = int(duplicated.to_numpy().nonzero()[0][0])
        value = frame["lad19_code"].iloc[index]
        raise InputError(
            f'"{value}" appears twice; each district must appear once.',
            path=source,
            row=index + 1,
            field="lad19_code",
            value=value,
            hint=_HINT,
        )
    return frame.reset_index(drop=True)
